"""What kind of file an exhibit is, from its content (its first bytes), never from its name.

Nothing here imports Qt or Pillow.
"""

from __future__ import annotations

import codecs

__all__ = ["SNIFF_BYTES", "TextCheck", "sniff_media_type"]

SNIFF_BYTES = 4096  # how many leading bytes the store reads to detect a media type

_HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_MP4_BRANDS = frozenset(
    {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V "}
)
_BMP_DIB_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
_HTML_TAGS = (
    b"!doctype html", b"html", b"head", b"body", b"script", b"iframe", b"h1", b"div",
    b"font", b"table", b"a", b"style", b"title", b"b", b"br", b"p", b"meta", b"!--",
)  # fmt: skip


def _is_utf8_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_html(head: bytes) -> bool:
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n\x0c").lower()
    if not text.startswith(b"<"):
        return False
    rest = text[1:]
    for tag in _HTML_TAGS:
        if rest.startswith(tag):
            after = rest[len(tag) : len(tag) + 1]
            if tag == b"!--" or after in (b" ", b">", b"\t", b"\n", b"\r", b"\x0c"):
                return True
    return False


def _iso_media_type(head: bytes) -> str | None:
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(head[0:4], "big")
    brands = {head[8:12]}
    end = min(len(head), box_size if 16 <= box_size <= 4096 else 16)
    brands.update(head[i : i + 4] for i in range(16, end - 3, 4))
    major = head[8:12]
    if major in _HEIC_BRANDS or (major in _HEIF_BRANDS and brands & _HEIC_BRANDS):
        return "image/heic"
    if major in _AVIF_BRANDS or (major in _HEIF_BRANDS and brands & _AVIF_BRANDS):
        return "image/avif"
    if major in _HEIF_BRANDS:
        return "image/heif"
    if major == b"qt  ":
        return "video/quicktime"
    if major.startswith(b"3gp"):
        return "video/3gpp"
    if major.startswith(b"3g2"):
        return "video/3gpp2"
    if major in _MP4_BRANDS or brands & _MP4_BRANDS:
        return "video/mp4"
    return None


_EBML_MAGIC = b"\x1a\x45\xdf\xa3"
_EBML_DOCTYPE = b"\x42\x82"
_EBML_VIDEO = {b"webm": "video/webm", b"matroska": "video/x-matroska"}


def _ebml_media_type(head: bytes) -> str | None:
    """WebM or Matroska from the EBML header's DocType element (ID 0x4282)."""
    if not head.startswith(_EBML_MAGIC):
        return None
    at = head.find(_EBML_DOCTYPE, 4, 64)
    if at < 0 or at + 3 > len(head):
        return None
    size_byte = head[at + 2]
    if not size_byte & 0x80:  # a size longer than one byte: not a DocType we know
        return None
    size = size_byte & 0x7F
    return _EBML_VIDEO.get(head[at + 3 : at + 3 + size])


def sniff_media_type(head: bytes) -> str:
    """Media type from the first bytes of a file (a few KiB is plenty); never from a name."""
    h = bytes(head)
    if h.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if h.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if h[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if len(h) >= 12 and h[:4] == b"RIFF" and h[8:12] == b"WEBP":
        return "image/webp"
    if len(h) >= 18 and h[:2] == b"BM" and int.from_bytes(h[14:18], "little") in _BMP_DIB_SIZES:
        return "image/bmp"
    if h[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    iso = _iso_media_type(h) or _ebml_media_type(h)
    if iso is not None:
        return iso
    if len(h) >= 12 and h[:4] == b"RIFF" and h[8:12] == b"AVI ":
        return "video/x-msvideo"
    if h.startswith(b"%PDF-"):
        return "application/pdf"
    if h[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "application/zip"
    if h.startswith(b"{\\rtf"):
        return "application/rtf"
    if _looks_like_html(h):
        return "text/html"
    if _is_utf8_text(h):
        return "text/plain"
    return "application/octet-stream"


class TextCheck:
    """Whether a whole stream is UTF-8 without NULs, fed chunk by chunk."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.ok = True

    def feed(self, chunk: bytes) -> None:
        if not self.ok:
            return
        if b"\x00" in chunk:
            self.ok = False
            return
        try:
            self._decoder.decode(chunk, final=False)
        except UnicodeDecodeError:
            self.ok = False

    def finish(self) -> bool:
        if self.ok:
            try:
                self._decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                self.ok = False
        return self.ok
