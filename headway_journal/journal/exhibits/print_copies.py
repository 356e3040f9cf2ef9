"""Print copies: the downscaled images the PDF case file places, each carrying its own check.

A print copy is a PNG (or, from a JPEG exhibit, a JPEG) that carries a record of what it
is: a private PNG chunk right after IHDR, or an APP15 segment among the JPEG's first APPn
segments. The record names the exhibit it was made from (its SHA-256), the copy's size in
pixels and a SHA-256 over the rest of the file and the record's own fields, so a damaged,
truncated, stale or misplaced copy is recognised when it is read, and made again.

The PNG is written here rather than by Pillow: every row with filter type 0 ("None") and
one zlib stream. For screenshots this is smaller than Pillow's adaptive filtering, about
twice as fast to write, and a PDF can embed its IDAT data as it is (FlateDecode with PNG
predictors), so the case file never decodes or compresses the pixels again. A plain PNG
exhibit that is already within print size (8-bit grey or RGB, opaque, not interlaced, no
EXIF) is not decoded at all: its own compressed rows, whatever their PNG filters, become the
copy (``png_print_copy_as_is``), after a check that they inflate to exactly its rows.

The store (``store.AttachmentStore.print_copy``) makes, caches and checks the copies; this
module only encodes and checks their bytes. Nothing here imports Qt or Pillow.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only; Pillow is imported lazily at run time
    from PIL import Image as PILImage

__all__ = [
    "PRINT_MAX_PX",
    "PrintCopy",
    "check_print_copy",
    "jpeg_print_copy",
    "png_print_copy",
    "png_print_copy_as_is",
]

PRINT_MAX_PX = 1600  # long side of the print copies the case file places

_PRINT_TAG = b"HJPRINT1"
_PRINT_RECORD_LEN = len(_PRINT_TAG) + 32 + 8 + 32  # tag, exhibit SHA-256, width, height, digest
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_RECORD_TYPE = b"hjDG"  # ancillary, private, not safe to copy
_PNG_IHDR_END = 8 + 8 + 13 + 4  # signature, then the IHDR chunk
_PNG_IDAT_CHUNK = 256 * 1024
_JPEG_APP15 = 0xEF
_PRINT_ZLIB_LEVEL = 1  # unfiltered screenshot rows: as small as level 6 (+-2%), a third faster


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


def png_print_copy(img: PILImage.Image, source: bytes) -> bytes:
    """The bytes of a PNG print copy of ``img`` (L or RGB), made from the exhibit whose
    SHA-256 digest is ``source``, with its record right after IHDR."""
    plain = _plain_png(img)
    record = _print_record(source, img.width, img.height, plain)
    return plain[:_PNG_IHDR_END] + _chunk(_PNG_RECORD_TYPE, record) + plain[_PNG_IHDR_END:]


# Ancillary chunks a PNG may carry and still be placed as it is: none of them changes what the
# print copy would show (colour profiles and gamma are dropped from every print copy anyway).
# Text chunks are checked apart: one may carry EXIF (and so an orientation).
_AS_IS_CHUNKS = frozenset(
    (b"IHDR", b"IDAT", b"IEND", b"sRGB", b"gAMA", b"cHRM", b"iCCP", b"pHYs", b"sBIT",
     b"tIME", b"bKGD", b"tEXt", b"zTXt", b"iTXt")
)
_TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(type, body) of each chunk up to IEND, every CRC checked; stops early (without
    IEND) at the first damaged or truncated chunk."""
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            return
        body = data[pos + 8 : end - 4]
        if zlib.crc32(kind + body) != int.from_bytes(data[end - 4 : end], "big"):
            return
        yield kind, body
        if kind == b"IEND":
            return
        pos = end


def _rows_sound(compressed: bytes, height: int, stride: int) -> bool:
    """The zlib stream holds exactly ``height`` rows of ``stride`` bytes, each with a
    valid PNG filter type (so the rows decode as they are)."""
    try:
        inflater = zlib.decompressobj()
        rows = inflater.decompress(compressed, height * (stride + 1) + 1)
    except zlib.error:
        return False
    if len(rows) != height * (stride + 1) or not inflater.eof or inflater.unconsumed_tail:
        return False
    return max(rows[:: stride + 1]) <= 4


def png_print_copy_as_is(data: bytes, source: bytes, max_px: int) -> bytes | None:
    """A print copy of a PNG exhibit that needs no change, made without decoding it: the
    exhibit's own compressed rows with the record, when the exhibit is already at most
    ``max_px`` on each side, 8-bit grey or RGB, not interlaced, fully opaque (no tRNS) and
    without EXIF (no orientation to apply). None for any other PNG (it is rendered)."""
    if not data.startswith(_PNG_SIGNATURE):
        return None
    header, parts, ended = b"", [], False
    for kind, body in _png_chunks(data):
        if kind not in _AS_IS_CHUNKS:
            return None
        if kind in _TEXT_CHUNKS and b"exif" in body.split(b"\0", 1)[0].lower():
            return None
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            parts.append(body)
        ended = kind == b"IEND"
    if not ended or len(header) != 13 or not parts:
        return None
    width, height, depth, color_type, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", header
    )
    if depth != 8 or color_type not in (0, 2) or compression or filtering or interlace:
        return None
    if not (0 < width <= max_px and 0 < height <= max_px):
        return None
    compressed = b"".join(parts)
    if not _rows_sound(compressed, height, width * (1 if color_type == 0 else 3)):
        return None
    plain = [_PNG_SIGNATURE, _chunk(b"IHDR", header)]
    plain += [
        _chunk(b"IDAT", compressed[i : i + _PNG_IDAT_CHUNK])
        for i in range(0, len(compressed), _PNG_IDAT_CHUNK)
    ]
    plain.append(_chunk(b"IEND", b""))
    joined = b"".join(plain)
    record = _print_record(source, width, height, joined)
    return joined[:_PNG_IHDR_END] + _chunk(_PNG_RECORD_TYPE, record) + joined[_PNG_IHDR_END:]


def _jpeg_app_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(marker, start, end) of the APPn segments right after SOI, in order."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF and 0xE0 <= data[pos + 1] <= 0xEF:
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > len(data) or end < pos + 4:
            return
        yield data[pos + 1], pos, end
        pos = end


def jpeg_print_copy(plain: bytes, source: bytes, width: int, height: int) -> bytes:
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


def check_print_copy(data: bytes, source: bytes) -> tuple[str, int, int] | None:
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
