"""Content-addressed store for exhibits (screenshots, receipts, letters, recordings).

Layout under ``root`` (``<journal>/attachments``), every directory 0700, every file 0600::

    objects/ab/cdef...        the exhibits, named by the SHA-256 of their bytes (git-style
                              fan-out: two hex digits, then the other 62)
    tmp/                      files being written; moved into place with os.replace
    thumbs/<max_px>/ab/...    cached PNG thumbnails
    print/<max_px>/ab/...     downscaled copies for the PDF case file, made when an image is
                              attached (or at the first case file); each carries a digest
                              and is checked whenever it is read (see "print copies")
    damaged/                  a stored object that no longer matched its name is moved here
                              (never deleted) when the same bytes are attached again

The stored object is a byte-for-byte copy of what the user chose: nothing here rewrites,
re-encodes or strips an exhibit. Derivatives (thumbnails, print copies) are separate files
that can always be rebuilt from the object.

This module knows nothing about the database, never imports Qt, imports Pillow lazily and
never logs file contents or names.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import io
import logging
import math
import os
import re
import stat
import struct
import tempfile
import time
import unicodedata
import warnings
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..issue_types import mask_card_numbers

if TYPE_CHECKING:  # pragma: no cover - typing only; Pillow is imported lazily at run time
    from PIL import Image as PILImage

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_IMAGE_PIXELS",
    "AttachmentError",
    "AttachmentStore",
    "PRINT_MAX_PX",
    "PrintCopy",
    "StoredBlob",
    "configure_pillow",
    "safe_display_name",
    "sniff_media_type",
]

_log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MAX_IMAGE_PIXELS = 64_000_000  # about 8000 x 8000
MAX_NAME_CHARS = 255
PRINT_MAX_PX = 1600  # long side of the print copies the case file places

_MIB = 1024 * 1024
_CHUNK = _MIB
_SNIFF_BYTES = 4096
_STALE_TMP_SECONDS = 24 * 60 * 60
_MAX_DERIVATIVE_PX = 8192
_FALLBACK_NAME = "unnamed file"
_SHA256_RE = re.compile(r"[0-9a-f]{64}")

# Media type (from content) -> the only Pillow formats we let open it.
_PILLOW_FORMATS: dict[str, tuple[str, ...]] = {
    "image/png": ("PNG",),
    "image/jpeg": ("JPEG", "MPO"),
    "image/gif": ("GIF",),
    "image/webp": ("WEBP",),
    "image/bmp": ("BMP",),
    "image/tiff": ("TIFF",),
}
# Recognised as images, but never decoded here (no preview).
_IMAGE_TYPES = frozenset(_PILLOW_FORMATS) | {"image/heic", "image/heif", "image/avif"}

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

# EXIF orientation -> Pillow transpose method name (as in PIL.ImageOps.exif_transpose).
_ORIENTATION_TRANSPOSE = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}

# Bidirectional controls make "invoice<RLO>gnp.exe" display as "invoiceexe.png".
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class AttachmentError(ValueError):
    """A file could not be attached. ``str(e)`` is one plain sentence for the user.

    ``reason`` is a short machine-readable code: "missing", "not_a_file", "unreadable",
    "empty", "too_large", "changed", "image_too_large", "write_failed".
    """

    def __init__(self, message: str, reason: str = "invalid") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    media_type: str  # detected from the content, never from the name
    original_name: str  # sanitised display name; metadata only, never a path
    is_image: bool
    preview_ok: bool  # False for corrupt/truncated images and formats we do not decode
    width: int | None  # as displayed (EXIF orientation applied); None if unknown
    height: int | None
    # True when this very call put the object into the store (it was not there before): an
    # operation that then fails removes it again unless a row refers to it (journal.orphans).
    created: bool = field(default=False, compare=False)


# --------------------------------------------------------------------------- Pillow


def configure_pillow() -> None:
    """Make Pillow refuse decompression bombs. Idempotent; cheap enough to call often.

    The store does not rely on this alone: it also checks width x height itself, because
    the warnings filter is process-global and can be reset by other code.
    """
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    warnings.simplefilter("error", Image.DecompressionBombWarning)


class _TooManyPixels(Exception):
    pass


def _check_pixels(width: int, height: int) -> None:
    if max(1, width) * max(1, height) > MAX_IMAGE_PIXELS:
        raise _TooManyPixels(f"{width}x{height}")


def _bomb_types() -> tuple[type[BaseException], ...]:
    from PIL import Image

    return (Image.DecompressionBombError, Image.DecompressionBombWarning, _TooManyPixels)


def _open_image(path: Path, formats: tuple[str, ...]) -> PILImage.Image:
    """Open with an explicit format list and our own pixel limit (raises _TooManyPixels)."""
    configure_pillow()
    from PIL import Image

    img = Image.open(path, formats=list(formats))
    try:
        _check_pixels(*img.size)
    except BaseException:
        img.close()
        raise
    return img


def _orientation(img: PILImage.Image) -> int:
    try:
        value = img.getexif().get(0x0112, 1)
    except Exception:  # corrupt EXIF must not cost the preview
        return 1
    return value if isinstance(value, int) and value in range(1, 9) else 1


@dataclass(frozen=True)
class _Probe:
    preview_ok: bool
    width: int | None
    height: int | None


def _probe_image(path: Path, media_type: str) -> _Probe:
    """Decode the image fully once. Raises _TooManyPixels (or Pillow's bomb errors)."""
    formats = _PILLOW_FORMATS.get(media_type)
    if formats is None:
        return _Probe(False, None, None)
    bombs = _bomb_types()
    width: int | None = None
    height: int | None = None
    try:
        with _open_image(path, formats) as img:
            width, height = img.size
            img.verify()  # PNG: CRCs of every chunk up to IEND
        with _open_image(path, formats) as img:
            img.load()
            if _orientation(img) in (5, 6, 7, 8):
                width, height = height, width
    except bombs:
        raise
    except Exception:  # any decoder failure: keep the file, no preview
        return _Probe(False, width, height)
    return _Probe(True, width, height)


def _normalise_mode(img: PILImage.Image) -> PILImage.Image:
    """Convert to L, LA, RGB or RGBA without clipping 16-bit data to white."""
    mode = img.mode
    if mode in ("L", "LA", "RGB", "RGBA"):
        return img
    if mode == "1":
        return img.convert("L")
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in img.info
        return img.convert("RGBA" if has_alpha else "RGB")
    if mode.startswith("I"):
        return img.convert("I").point(lambda v: v / 256).convert("L")
    if mode == "F":
        low, high = (float(x) for x in img.getextrema())  # type: ignore[arg-type]
        span = high - low or 1.0
        return img.point(lambda v: (v - low) * 255.0 / span).convert("L")
    if mode in ("RGBa", "LAB", "HSV") or "A" not in mode:
        return img.convert("RGB")
    return img.convert("RGBA")


def _fit_size(width: int, height: int, max_px: int) -> tuple[int, int]:
    """The size ``Image.thumbnail((max_px, max_px))`` gives: never larger, aspect kept (the
    other side rounded whichever way keeps the aspect ratio closer), at least 1 px."""
    if width <= max_px and height <= max_px:
        return width, height
    aspect = width / height
    if aspect >= 1:
        low, high = math.floor(max_px / aspect), math.ceil(max_px / aspect)
        best = min(low, high, key=lambda n: 0 if n == 0 else abs(aspect - max_px / n))
        return max_px, max(best, 1)
    low, high = math.floor(max_px * aspect), math.ceil(max_px * aspect)
    best = min(low, high, key=lambda n: abs(aspect - n / max_px))
    return max(best, 1), max_px


def _render(
    path: Path, formats: tuple[str, ...], max_px: int, *, fast: bool = False
) -> PILImage.Image:
    """Decode, downscale to max_px on the long side (never up), apply EXIF orientation.

    ``fast``: bicubic instead of Lanczos (a quarter less time; at the 1.6x reduction of a
    2560 px screenshot to 1600 px the two are indistinguishable, text included).
    """
    from PIL import Image

    resample = Image.Resampling.BICUBIC if fast else Image.Resampling.LANCZOS
    with _open_image(path, formats) as opened:
        orientation = _orientation(opened)
        icc = opened.info.get("icc_profile")
        if opened.mode in ("RGB", "L", "CMYK", "YCbCr"):
            opened.draft(opened.mode, (max_px, max_px))  # JPEG: decode at reduced scale
        img = _normalise_mode(opened)
        size = _fit_size(img.width, img.height, max_px)
        if size != img.size:  # a new image, so the decoded one is not copied first
            img = img.resize(size, resample, reducing_gap=2.0)
        elif img is opened:
            img = opened.copy()
    method = _ORIENTATION_TRANSPOSE.get(orientation)
    if method is not None:
        img = img.transpose(Image.Transpose[method])
    img.info = {"icc_profile": icc} if isinstance(icc, bytes) and icc else {}
    return img


# --------------------------------------------------------------------------- print copies
#
# A print copy is a PNG (or, from a JPEG exhibit, a JPEG) that carries a record of what it
# is: a private PNG chunk right after IHDR, or an APP15 segment among the JPEG's first APPn
# segments. The record names the exhibit it was made from (its SHA-256), the copy's size in
# pixels and a SHA-256 over the rest of the file and the record's own fields, so a damaged,
# truncated, stale or misplaced copy is recognised when it is read, and made again.
#
# The PNG is written here rather than by Pillow: every row with filter type 0 ("None") and
# one zlib stream. For screenshots this is smaller than Pillow's adaptive filtering, about
# twice as fast to write, and a PDF can embed its IDAT data as it is (FlateDecode with PNG
# predictors), so the case file never decodes or compresses the pixels again.

_PRINT_TAG = b"HJPRINT1"
_PRINT_RECORD_LEN = len(_PRINT_TAG) + 32 + 8 + 32  # tag, exhibit SHA-256, width, height, digest
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_RECORD_TYPE = b"hjDG"  # ancillary, private, not safe to copy
_PNG_IHDR_END = 8 + 8 + 13 + 4  # signature, then the IHDR chunk
_PNG_IDAT_CHUNK = 256 * 1024
_JPEG_APP15 = 0xEF
_PRINT_ZLIB_LEVEL = 6


@dataclass(frozen=True)
class PrintCopy:
    """A verified print copy: ``sha256`` is the digest of the file's bytes as they were
    checked, so a reader can tell that it embeds exactly what was checked."""

    path: Path
    sha256: str
    media_type: str  # "image/png" (8-bit grey or RGB, no alpha) or "image/jpeg"
    width: int
    height: int


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body)) + kind + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )  # fmt: skip


def _print_digest(source: bytes, width: int, height: int, rest: bytes) -> bytes:
    digest = hashlib.sha256(_PRINT_TAG + source + struct.pack(">II", width, height))
    digest.update(rest)
    return digest.digest()


def _print_record(source: bytes, width: int, height: int, rest: bytes) -> bytes:
    fields = _PRINT_TAG + source + struct.pack(">II", width, height)
    return fields + _print_digest(source, width, height, rest)


def _plain_png(img: PILImage.Image) -> bytes:
    """An 8-bit grey or RGB PNG without the record (rows unfiltered, one zlib stream)."""
    channels, color_type = (1, 0) if img.mode == "L" else (3, 2)
    width, height = img.size
    raw = img.tobytes()
    stride = width * channels
    rows = bytearray((stride + 1) * height)  # the filter byte of each row stays 0
    for y in range(height):
        start = y * (stride + 1) + 1
        rows[start : start + stride] = raw[y * stride : (y + 1) * stride]
    data = zlib.compress(rows, _PRINT_ZLIB_LEVEL)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    parts = [_PNG_SIGNATURE, _chunk(b"IHDR", ihdr)]
    parts += [
        _chunk(b"IDAT", data[i : i + _PNG_IDAT_CHUNK])
        for i in range(0, len(data), _PNG_IDAT_CHUNK)
    ]
    parts.append(_chunk(b"IEND", b""))
    return b"".join(parts)


def _png_print_copy(img: PILImage.Image, source: bytes) -> bytes:
    plain = _plain_png(img)
    record = _print_record(source, img.width, img.height, plain)
    return plain[:_PNG_IHDR_END] + _chunk(_PNG_RECORD_TYPE, record) + plain[_PNG_IHDR_END:]


def _jpeg_app_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(marker, start, end) of the APPn segments right after SOI, in order."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF and 0xE0 <= data[pos + 1] <= 0xEF:
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > len(data) or end < pos + 4:
            return
        yield data[pos + 1], pos, end
        pos = end


def _jpeg_print_copy(plain: bytes, source: bytes, width: int, height: int) -> bytes:
    """Insert the record as an APP15 segment after SOI and a leading JFIF APP0 segment."""
    at = 2
    for marker, _start, end in _jpeg_app_segments(plain):
        if marker != 0xE0:
            break
        at = end
    record = _print_record(source, width, height, plain)
    segment = bytes([0xFF, _JPEG_APP15]) + struct.pack(">H", len(record) + 2) + record
    return plain[:at] + segment + plain[at:]


def _find_record(data: bytes) -> tuple[bytes, int, int, str] | None:
    """(record, start, end, media type) of the print-copy record in ``data``, if any."""
    if data.startswith(_PNG_SIGNATURE):
        start, end = _PNG_IHDR_END, _PNG_IHDR_END + 12 + _PRINT_RECORD_LEN
        head = struct.pack(">I", _PRINT_RECORD_LEN) + _PNG_RECORD_TYPE
        if len(data) >= end and data[start : start + 8] == head:
            return data[start + 8 : end - 4], start, end, "image/png"
        return None
    if data.startswith(b"\xff\xd8"):
        for marker, start, end in _jpeg_app_segments(data):
            body = data[start + 4 : end]
            if marker == _JPEG_APP15 and body.startswith(_PRINT_TAG):
                return body, start, end, "image/jpeg"
    return None


def _check_print_copy(data: bytes, source: bytes) -> tuple[str, int, int] | None:
    """(media type, width, height) if ``data`` is a sound print copy of ``source``."""
    found = _find_record(data)
    if found is None:
        return None
    record, start, end, media = found
    tag_end = len(_PRINT_TAG)
    if len(record) != _PRINT_RECORD_LEN or record[tag_end : tag_end + 32] != source:
        return None  # damaged, or a copy of another exhibit
    width, height = struct.unpack(">II", record[tag_end + 32 : tag_end + 40])
    rest = data[:start] + data[end:]
    if record[tag_end + 40 :] != _print_digest(source, width, height, rest):
        return None
    return media, width, height


def _on_paper(img: PILImage.Image) -> PILImage.Image:
    """L or RGB: transparency is composited onto white paper."""
    if img.mode in ("L", "RGB"):
        return img
    from PIL import Image

    opaque = "L" if img.mode == "LA" else "RGB"
    rgba = img if img.mode in ("LA", "RGBA") else img.convert("RGBA")
    alpha = rgba.getchannel("A")
    if alpha.getextrema() == (255, 255):
        return rgba.convert(opaque)
    paper = Image.new(opaque, rgba.size, 255 if opaque == "L" else (255, 255, 255))
    paper.paste(rgba.convert(opaque), mask=alpha)
    return paper


# --------------------------------------------------------------------------- sniffing


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


class _TextCheck:
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


# --------------------------------------------------------------------------- names


def _unsafe_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Cc", "Zl", "Zp") or ch in _BIDI_CONTROLS


def safe_display_name(name: str) -> str:
    """A file name fit for display: basename only, no separators or control characters.

    Lone surrogates (undecodable bytes in a POSIX file name) become U+FFFD, the result is
    NFC-normalised and at most 255 characters (the extension is kept when shortening). A full
    card number in it keeps only its last 4 digits.
    It is metadata: never build a path from it.
    """
    parts = [p for p in re.split(r"[/\\]", str(name)) if p.strip() not in ("", ".", "..")]
    base = parts[-1] if parts else ""
    base = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in base)
    base = unicodedata.normalize("NFC", base)
    base = "".join("_" if _unsafe_char(ch) else ch for ch in base).strip()
    base = mask_card_numbers(base)  # "only the last 4 digits belong in the journal"
    if not base:
        return _FALLBACK_NAME
    if len(base) > MAX_NAME_CHARS:
        stem, dot, ext = base.rpartition(".")
        if dot and stem and 0 < len(ext) <= 16:
            suffix = "." + ext
            base = base[: MAX_NAME_CHARS - 1 - len(suffix)].rstrip() + "\u2026" + suffix
        else:
            base = base[: MAX_NAME_CHARS - 1].rstrip() + "\u2026"
    return base


def _format_limit(max_bytes: int) -> str:
    mb = max_bytes / _MIB
    if mb < 0.01:
        return f"{max_bytes:,} bytes"
    return f"{mb:,.2f}".rstrip("0").rstrip(".") + " MB"


# --------------------------------------------------------------------------- file helpers


def _mkdir_private(path: Path) -> bool:
    """Create a 0700 directory, and 0700 any missing parents (existing ones are left alone).

    True if this call created ``path``.
    """
    missing: list[Path] = []
    probe = path
    while not probe.is_dir():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    created = False
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            if not directory.is_dir():
                raise
            continue  # another thread or process made it first
        os.chmod(directory, 0o700)  # mkdir's mode is filtered by the umask
        created = directory == path
    return created


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened there
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:  # pragma: no cover - best effort; a stale temp file is harmless
        _log.warning("could not remove temporary file %s", path.name)


def _check_max_px(max_px: int) -> None:
    if isinstance(max_px, bool) or not isinstance(max_px, int):
        raise ValueError("max_px must be an integer")
    if not 1 <= max_px <= _MAX_DERIVATIVE_PX:
        raise ValueError(f"max_px must be between 1 and {_MAX_DERIVATIVE_PX}")


def _open_source(path: Path) -> int:
    """Open a user's file for reading (follows symbolic links, never blocks on a FIFO)."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_BINARY", 0)
    )
    return os.open(path, flags)


def _read_chunk(fd: int, size: int) -> bytes:
    return os.read(fd, size)


def _read_error(display: str, exc: OSError) -> AttachmentError:
    if isinstance(exc, FileNotFoundError) or exc.errno in (errno.ENOENT, errno.ESTALE):
        return AttachmentError(
            f"\u201c{display}\u201d could not be found; it may have been moved or deleted, "
            "so nothing was attached.",
            "missing",
        )
    if isinstance(exc, IsADirectoryError):
        return AttachmentError(
            f"\u201c{display}\u201d is a folder, not a file; nothing was attached.", "not_a_file"
        )
    if isinstance(exc, PermissionError):
        return AttachmentError(
            f"\u201c{display}\u201d could not be read because permission was denied; "
            "nothing was attached.",
            "unreadable",
        )
    reason = exc.strerror or type(exc).__name__
    return AttachmentError(
        f"\u201c{display}\u201d could not be read ({reason}); nothing was attached.",
        "unreadable",
    )


def _write_error(display: str, exc: OSError) -> AttachmentError:
    reason = exc.strerror or type(exc).__name__
    return AttachmentError(
        f"\u201c{display}\u201d could not be saved into the journal ({reason}); "
        "nothing was attached.",
        "write_failed",
    )


class _Incoming:
    """A temp file in root/tmp that hashes, counts and sniffs everything written to it."""

    def __init__(self, tmp_dir: Path, max_bytes: int, display: str) -> None:
        self._max_bytes = max_bytes
        self._display = display
        try:
            fd, name = tempfile.mkstemp(prefix="incoming-", suffix=".part", dir=tmp_dir)
        except OSError as exc:
            raise _write_error(display, exc) from exc
        self.path = Path(name)
        self._file: IO[bytes] = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self._text = _TextCheck()
        self._head = bytearray()
        self.size = 0
        self.sha256 = ""
        self.media_type = "application/octet-stream"

    def check_size(self, size: int) -> None:
        if size > self._max_bytes:
            raise AttachmentError(
                f"\u201c{self._display}\u201d is larger than the {_format_limit(self._max_bytes)} "
                "limit for attachments (the limit can be changed in Settings); "
                "nothing was attached.",
                "too_large",
            )

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.check_size(self.size)
        self._hash.update(chunk)
        self._text.feed(chunk)
        if len(self._head) < _SNIFF_BYTES:
            self._head += chunk[: _SNIFF_BYTES - len(self._head)]
        try:
            self._file.write(chunk)
        except OSError as exc:
            raise _write_error(self._display, exc) from exc

    def finish(self) -> None:
        """Flush and fsync; fix the digest and the media type. Raises if empty."""
        if self.size == 0:
            raise AttachmentError(
                f"\u201c{self._display}\u201d is empty (0 bytes); nothing was attached.", "empty"
            )
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        except OSError as exc:
            raise _write_error(self._display, exc) from exc
        self.sha256 = self._hash.hexdigest()
        media = sniff_media_type(bytes(self._head))
        if media == "text/plain" and not self._text.finish():
            media = "application/octet-stream"
        self.media_type = media

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        _unlink_quietly(self.path)


# --------------------------------------------------------------------------- the store


class AttachmentStore:
    """Content-addressed exhibit store. Safe to use from several threads."""

    def __init__(self, root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 read_only: str | None = None, derived: Path | None = None) -> None:
        """``read_only`` (why the journal cannot be written) refuses every addition and
        writes nothing under ``root``; ``derived`` is where thumbnails, print copies and temp
        files go instead of ``root`` (a read-only journal's private scratch folder)."""
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            raise ValueError("max_bytes must be a positive number of bytes")
        self.root = Path(root)
        self.max_bytes = max_bytes
        self.read_only = read_only
        base = self.root if derived is None else Path(derived)
        self._objects = self.root / "objects"
        self._tmp = base / "tmp"
        self._thumbs = base / "thumbs"
        self._print = base / "print"
        self._damaged = self.root / "damaged"
        if read_only is None:
            _mkdir_private(self.root)
            _mkdir_private(self._objects)
        for sub in (self._tmp, self._thumbs, self._print):
            if read_only is None or derived is not None:
                _mkdir_private(sub)
        if read_only is None:
            self.remove_stale_temp_files()

    def _refuse_read_only(self, display: str) -> None:
        if self.read_only is not None:
            raise AttachmentError(
                f"\u201c{display}\u201d was not attached: this journal is read-only "
                f"({self.read_only}).", "read_only")

    # ----------------------------------------------------------------- adding

    def add_file(self, src: Path, *, original_name: str | None = None) -> StoredBlob:
        """Copy a user's file into the store (symbolic links are followed)."""
        src = Path(src)
        display = safe_display_name(src.name if original_name is None else original_name)
        self._refuse_read_only(display)
        try:
            fd = _open_source(src)
        except OSError as exc:
            raise _read_error(display, exc) from exc
        try:
            try:
                before = os.fstat(fd)
            except OSError as exc:
                raise _read_error(display, exc) from exc
            if stat.S_ISDIR(before.st_mode):
                raise _read_error(display, IsADirectoryError(errno.EISDIR, "Is a directory"))
            if not stat.S_ISREG(before.st_mode):
                raise AttachmentError(
                    f"\u201c{display}\u201d is not a regular file (it may be a device or a "
                    "pipe); nothing was attached.",
                    "not_a_file",
                )
            incoming = _Incoming(self._tmp, self.max_bytes, display)
            try:
                incoming.check_size(before.st_size)
                while True:
                    try:
                        chunk = _read_chunk(fd, _CHUNK)
                    except OSError as exc:
                        raise _read_error(display, exc) from exc
                    if not chunk:
                        break
                    incoming.write(chunk)
                try:
                    after = os.fstat(fd)
                except OSError as exc:
                    raise _read_error(display, exc) from exc
                if (
                    incoming.size != before.st_size
                    or after.st_size != before.st_size
                    or after.st_mtime_ns != before.st_mtime_ns
                ):
                    raise AttachmentError(
                        f"\u201c{display}\u201d changed while it was being copied, so nothing "
                        "was attached; try again once it is no longer being written to.",
                        "changed",
                    )
                incoming.finish()
                return self._commit(incoming, display)
            except BaseException:
                incoming.discard()
                raise
        finally:
            os.close(fd)

    def add_bytes(self, data: bytes, *, original_name: str) -> StoredBlob:
        """Store bytes already in memory (e.g. a pasted screenshot)."""
        display = safe_display_name(original_name)
        self._refuse_read_only(display)
        view = memoryview(data).cast("B")
        incoming = _Incoming(self._tmp, self.max_bytes, display)
        try:
            incoming.check_size(len(view))
            for start in range(0, len(view), _CHUNK):
                incoming.write(bytes(view[start : start + _CHUNK]))
            incoming.finish()
            return self._commit(incoming, display)
        except BaseException:
            incoming.discard()
            raise

    def _commit(self, incoming: _Incoming, display: str) -> StoredBlob:
        media = incoming.media_type
        is_image = media in _IMAGE_TYPES
        probe = _Probe(False, None, None)
        if is_image:
            try:
                probe = _probe_image(incoming.path, media)
            except _bomb_types() as exc:
                raise AttachmentError(
                    f"\u201c{display}\u201d is an image too large to open safely (more than "
                    f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels); nothing was attached.",
                    "image_too_large",
                ) from exc
        blob = StoredBlob(
            sha256=incoming.sha256,
            size=incoming.size,
            media_type=media,
            original_name=display,
            is_image=is_image,
            preview_ok=probe.preview_ok,
            width=probe.width,
            height=probe.height,
        )
        target = self.path_for(incoming.sha256)
        try:
            created = _mkdir_private(target.parent)
            if created:
                _fsync_dir(self._objects)
            if os.path.lexists(target):
                if self.verify(incoming.sha256, incoming.size) is None:
                    incoming.discard()
                    return blob
                self._set_aside_damaged(target)
            os.replace(incoming.path, target)
            _fsync_dir(target.parent)
        except OSError as exc:
            raise _write_error(display, exc) from exc
        return replace(blob, created=True)

    def _set_aside_damaged(self, target: Path) -> None:
        """Move an object whose bytes no longer match its name out of the way (never delete)."""
        _mkdir_private(self._damaged)
        sha = target.parent.name + target.name
        os.replace(target, self._damaged / f"{sha}.{time.time_ns()}")
        _fsync_dir(self._damaged)
        _log.warning("stored object %s did not match its hash; moved to damaged/", sha)

    # ----------------------------------------------------------------- lookups

    def path_for(self, sha256: str) -> Path:
        """Where the object with this hash lives (64 lowercase hex digits, else ValueError)."""
        if not isinstance(sha256, str) or not _SHA256_RE.fullmatch(sha256):
            raise ValueError("not a SHA-256 hex digest (64 lowercase hex digits)")
        return self._objects / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def verify(self, sha256: str, expected_size: int | None = None) -> str | None:
        """None if the object is sound, else "missing", "size differs",
        "altered (SHA-256 mismatch)" or "unreadable (<reason>)"."""
        path = self.path_for(sha256)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return "missing"
        except OSError as exc:
            return f"unreadable ({exc.strerror or type(exc).__name__})"
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return "missing"
            if expected_size is not None and st.st_size != expected_size:
                return "size differs"
            digest = hashlib.sha256()
            while chunk := os.read(fd, _CHUNK):
                digest.update(chunk)
        except OSError as exc:
            return f"unreadable ({exc.strerror or type(exc).__name__})"
        finally:
            os.close(fd)
        if digest.hexdigest() != sha256:
            return "altered (SHA-256 mismatch)"
        return None

    def iter_hashes(self) -> Iterator[str]:
        """Hashes of all stored objects, sorted. Stray files are skipped."""
        try:
            fanouts = sorted(self._objects.iterdir())
        except FileNotFoundError:
            return
        for fanout in fanouts:
            if len(fanout.name) != 2 or not fanout.is_dir():
                continue
            for entry in sorted(fanout.iterdir()):
                sha = fanout.name + entry.name
                if _SHA256_RE.fullmatch(sha) and entry.is_file():
                    yield sha

    # ----------------------------------------------------------------- derivatives

    def thumbnail(self, sha256: str, max_px: int = 256) -> Path | None:
        """A cached PNG at most max_px on its long side; None if no preview is possible."""
        return self._thumbnail(sha256, max_px)

    def print_image(self, sha256: str, max_px: int = PRINT_MAX_PX) -> Path | None:
        """The path of :meth:`print_copy`; None if no print copy can be made."""
        copy = self.print_copy(sha256, max_px)
        return None if copy is None else copy.path

    def print_copy(self, sha256: str, max_px: int = PRINT_MAX_PX) -> PrintCopy | None:
        """A verified, cached copy for the case file, at most ``max_px`` on its long side.

        JPEG (quality 85) from JPEG exhibits, else an 8-bit grey or RGB PNG with
        transparency composited onto white; EXIF orientation applied, metadata (EXIF, colour
        profile) dropped: a PDF places the pixels as DeviceRGB or DeviceGray anyway.
        The cached copy is read and checked every time (see "print copies" above); a
        missing, damaged or stale one is made again. None if the exhibit is missing or
        is not a decodable image.
        """
        _check_max_px(max_px)
        src = self.path_for(sha256)
        source = bytes.fromhex(sha256)
        try:
            with open(src, "rb") as fh:
                media = sniff_media_type(fh.read(_SNIFF_BYTES))
        except OSError:
            return None
        formats = _PILLOW_FORMATS.get(media)
        if formats is None:
            return None
        as_jpeg = media == "image/jpeg"
        name = sha256[2:] + (".jpg" if as_jpeg else ".png")
        out = self._print / str(max_px) / sha256[:2] / name
        try:
            data = out.read_bytes()
        except OSError:
            data = b""
        found = _check_print_copy(data, source) if data else None
        if found is None:
            try:
                img = _on_paper(_render(src, formats, max_px, fast=True))
                if as_jpeg:
                    buf = io.BytesIO()
                    img.save(buf, "JPEG", quality=85, optimize=True)
                    data = _jpeg_print_copy(buf.getvalue(), source, img.width, img.height)
                else:
                    data = _png_print_copy(img, source)
            except Exception:  # bombs, corrupt or truncated data: no print copy
                return None
            found = ("image/jpeg" if as_jpeg else "image/png", img.width, img.height)
            try:  # no fsync: a copy that did not reach the disk fails its check and is redone
                self._write_atomically(out, lambda fh: fh.write(data), durable=False)
            except Exception:  # disk full and the like: no print copy, never a crash
                _log.warning("could not write a print copy for %s", sha256)
                return None
        kind, width, height = found
        return PrintCopy(out, hashlib.sha256(data).hexdigest(), kind, width, height)

    def make_print_copy(self, blob: StoredBlob) -> PrintCopy | None:
        """Make (or check) the print copy of a just stored exhibit, so that the first case
        file finds it ready; nothing for files that are not images with a preview. Never
        raises: the case file makes a missing copy itself."""
        if not (blob.is_image and blob.preview_ok):
            return None
        try:
            return self.print_copy(blob.sha256)
        except Exception:  # the attachment itself is stored; a print copy can wait
            _log.warning("could not make a print copy for %s", blob.sha256)
            return None

    def _thumbnail(self, sha256: str, max_px: int) -> Path | None:
        _check_max_px(max_px)
        src = self.path_for(sha256)
        try:
            with open(src, "rb") as fh:
                media = sniff_media_type(fh.read(_SNIFF_BYTES))
        except OSError:
            return None
        formats = _PILLOW_FORMATS.get(media)
        if formats is None:
            return None
        out = self._thumbs / str(max_px) / sha256[:2] / (sha256[2:] + ".png")
        try:
            if out.stat().st_size > 0:
                return out
        except OSError:
            pass
        try:
            img = _render(src, formats, max_px)
        except Exception:  # bombs, corrupt or truncated data: no preview
            return None
        icc = img.info.get("icc_profile")
        options: dict[str, Any] = {"icc_profile": icc} if icc else {}
        try:
            self._write_atomically(out, lambda fh: img.save(fh, "PNG", **options))
        except Exception:  # disk full and the like: still "no preview", never a crash
            _log.warning("could not write a derivative for %s", sha256)
            return None
        return out

    def _write_atomically(
        self, out: Path, write: Callable[[IO[bytes]], object], *, durable: bool = True
    ) -> None:
        _mkdir_private(out.parent)
        fd, name = tempfile.mkstemp(prefix="derived-", suffix=".part", dir=self._tmp)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
            os.replace(tmp, out)
        except BaseException:
            _unlink_quietly(tmp)
            raise

    # ----------------------------------------------------------------- removal

    def delete(self, sha256: str) -> None:
        """Remove an object and its derivatives. Only for exhibits the user chose to purge."""
        if self.read_only is not None:
            raise OSError(errno.EROFS, f"The journal is read-only ({self.read_only})")
        target = self.path_for(sha256)
        rest = sha256[2:]
        for base in (self._thumbs, self._print):
            try:
                sizes = list(base.iterdir())
            except FileNotFoundError:
                continue
            for size_dir in sizes:
                for ext in (".png", ".jpg"):
                    (size_dir / sha256[:2] / (rest + ext)).unlink(missing_ok=True)
        try:
            target.unlink()
        except FileNotFoundError:
            return
        _fsync_dir(target.parent)

    def remove_stale_temp_files(self, older_than_s: float = _STALE_TMP_SECONDS) -> int:
        """Remove leftovers of interrupted writes in tmp/ (never user data). Returns count."""
        removed = 0
        cutoff = time.time() - older_than_s
        try:
            entries = list(self._tmp.iterdir())
        except OSError:
            return 0
        for entry in entries:
            if not entry.name.endswith(".part"):
                continue
            try:
                if entry.is_file() and entry.stat().st_mtime < cutoff:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed
