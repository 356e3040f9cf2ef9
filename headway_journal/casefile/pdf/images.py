"""Screenshots and photos placed on exhibit pages, at most MAX_IMAGE_SIDE px on the long side.

A print copy whose SHA-256 the journal checked goes into the PDF as it is (PNG rows with PNG
predictors, JPEG with DCTDecode), nothing decoded or compressed again. Without one the image
is downscaled here with Pillow, in memory (PNG stays lossless, JPEG stays JPEG). Images too
large to open safely (decompression bombs) are refused with a reason.
"""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFImageXObject, PDFName, PDFStream
from reportlab.platypus import Flowable

from ... import i18n
from ..data import Exhibit

__all__ = [
    "MAX_IMAGE_SIDE",
    "Pixels",
    "PlacedImage",
    "PlacedPixels",
    "Ready",
    "checked_print_copy",
    "downscale",
    "probe",
]

MAX_IMAGE_SIDE = 1600  # px on the long side of an image placed in the PDF
_MAX_SOURCE_PIXELS = 120_000_000  # refuse larger images (decompression bombs)
_IMAGE_FORMATS = ["PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF"]
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Pixels:
    """Image data that goes into the PDF as it is (nothing decoded or compressed again)."""

    data: bytes
    filter: str  # "FlateDecode" or "DCTDecode"
    colors: int  # 1 (DeviceGray) or 3 (DeviceRGB)
    png_rows: bool = False  # FlateDecode data of PNG-filtered rows (PNG predictors)


Ready = tuple[int, int, Pixels | Path]  # width, height, what to place


@dataclass(frozen=True)
class PlacedImage:
    """An image exhibit ready to place: its size in pixels and what goes into the PDF."""

    exhibit: Exhibit
    width_px: int
    height_px: int
    pixels: Pixels | None = None  # embedded as it is ...
    path: Path | None = None  # ... or a JPEG file that ReportLab embeds as it is


class _ImageXObject(PDFImageXObject):  # type: ignore[misc]
    """An image XObject whose stream is data prepared beforehand, written as it is."""

    def __init__(self, name: str, pixels: Pixels, width_px: int, height_px: int) -> None:
        super().__init__(name)  # no source: ReportLab's placeholder, replaced here
        self.width, self.height = width_px, height_px
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceGray" if pixels.colors == 1 else "DeviceRGB"
        self.streamContent = pixels.data
        self._filters = (pixels.filter,)
        self.mask = None
        self._png_rows = pixels.png_rows
        self._colors = pixels.colors

    def format(self, document: Any) -> bytes:
        stream = PDFStream(content=self.streamContent)
        entries = stream.dictionary
        entries["Type"] = PDFName("XObject")
        entries["Subtype"] = PDFName("Image")
        entries["Width"] = self.width
        entries["Height"] = self.height
        entries["BitsPerComponent"] = self.bitsPerComponent
        entries["ColorSpace"] = PDFName(self.colorSpace)
        entries["Filter"] = PDFName(self._filters[0])  # set, so the stream is not encoded again
        if self._png_rows:
            entries["DecodeParms"] = PDFDictionary(
                {"Predictor": 15, "Colors": self._colors, "BitsPerComponent": 8,
                 "Columns": self.width}
            )  # fmt: skip
        result: bytes = stream.format(document)
        return result


class PlacedPixels(Flowable):  # type: ignore[misc]
    """An image drawn from :class:`Pixels`, the way ``Canvas.drawImage`` draws a file,
    without decoding or compressing it again."""

    def __init__(
        self, pixels: Pixels, width_px: int, height_px: int, width: float, height: float,
        name: str,
    ) -> None:  # fmt: skip
        super().__init__()
        self._pixels = pixels
        self._size_px = (width_px, height_px)
        self._name = name
        self.drawWidth, self.drawHeight = width, height

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        canv = self.canv
        doc = canv._doc
        ref = doc.getXObjectName(self._name)
        if doc.idToObject.get(ref) is None:
            xobject = _ImageXObject(self._name, self._pixels, *self._size_px)
            canv._setXObjects(xobject)
            doc.Reference(xobject, ref)
            doc.addForm(self._name, xobject)
        canv.saveState()
        canv.scale(self.drawWidth, self.drawHeight)
        canv._code.append(f"/{ref} Do")
        canv.restoreState()
        canv._formsinuse.append(self._name)
        canv._currentPageHasImages = 1


def _pixel_limit() -> int:
    limit = PILImage.MAX_IMAGE_PIXELS
    return min(_MAX_SOURCE_PIXELS, limit) if limit else _MAX_SOURCE_PIXELS


def probe(src: Path) -> str | None:
    """Read only the header of an image: None if it can be placed, else the reason.

    Runs on the calling thread (warnings filters are process-wide), so that the worker
    threads never open an image large enough to make Pillow warn.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(src, formats=_IMAGE_FORMATS) as im:
                if im.width * im.height > _pixel_limit():
                    return i18n.text("the image is too large to place")
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
        return i18n.text("the image is too large to place")
    except (OSError, ValueError, SyntaxError) as exc:
        return i18n.text("the image could not be read ({name__})").format(name__=type(exc).__name__)
    return None


def _png_pixels(data: bytes) -> tuple[int, int, Pixels] | None:
    """The compressed rows of a plain PNG (8-bit grey or RGB, not interlaced, no
    transparency), every chunk's CRC checked; None for any other file."""
    if not data.startswith(_PNG_SIGNATURE):
        return None
    pos, header, parts = len(_PNG_SIGNATURE), b"", []
    while True:
        if pos + 12 > len(data):
            return None  # no IEND: truncated
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            return None
        body = data[pos + 8 : end - 4]
        if zlib.crc32(kind + body) != int.from_bytes(data[end - 4 : end], "big"):
            return None
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            parts.append(body)
        elif kind == b"IEND":
            break
        elif kind == b"tRNS":
            return None  # a colour that is transparent: composited like any other alpha
        pos = end
    if len(header) != 13 or not parts:
        return None
    width, height, depth, color_type, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", header
    )
    if depth != 8 or color_type not in (0, 2) or compression or filtering or interlace:
        return None
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE):
        return None
    colors = 1 if color_type == 0 else 3
    return width, height, Pixels(b"".join(parts), "FlateDecode", colors, png_rows=True)


def _jpeg_pixels(data: bytes) -> tuple[int, int, Pixels] | None:
    """A grey or RGB JPEG of at most MAX_IMAGE_SIDE px, as it is (headers read only)."""
    try:
        with PILImage.open(io.BytesIO(data), formats=["JPEG"]) as im:
            mode, (width, height) = im.mode, im.size
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        return None
    if mode not in ("L", "RGB") or max(width, height) > MAX_IMAGE_SIDE:
        return None
    return width, height, Pixels(data, "DCTDecode", 1 if mode == "L" else 3)


def checked_print_copy(ex: Exhibit) -> PlacedImage | None:
    """The exhibit's print copy, placed as it is, if its bytes have the SHA-256 the journal
    checked (``print_sha256``); None otherwise (a changed or damaged copy is never used)."""
    if ex.print_path is None or ex.print_sha256 is None:
        return None
    try:
        data = ex.print_path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != ex.print_sha256.strip().lower():
        return None
    found = _png_pixels(data) if data.startswith(_PNG_SIGNATURE) else _jpeg_pixels(data)
    if found is None:
        return None
    width, height, pixels = found
    return PlacedImage(ex, width, height, pixels=pixels)


def downscale(src: Path) -> Ready | str:
    """An image ready to place (at most MAX_IMAGE_SIDE px), or why it cannot be."""
    try:
        with PILImage.open(src, formats=_IMAGE_FORMATS) as im:
            if im.width * im.height > _pixel_limit():
                return i18n.text("the image is too large to place")
            fmt = im.format
            orientation = im.getexif().get(0x0112, 1)
            fits = max(im.size) <= MAX_IMAGE_SIDE and orientation == 1
            if fits and fmt == "JPEG" and (im.mode in ("RGB", "L", "CMYK")):
                im.load()  # a damaged file fails here, not in the middle of the layout
                return im.width, im.height, src  # ReportLab embeds a JPEG file as it is
            if fits and fmt == "PNG" and im.mode in ("RGB", "L"):
                im.load()
                found = _png_pixels(src.read_bytes())
                if found is not None:
                    return found
            im.load()
            work = ImageOps.exif_transpose(im) if orientation != 1 else im.copy()
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
        return i18n.text("the image could not be read ({name__})").format(name__=type(exc).__name__)

    if max(work.size) > MAX_IMAGE_SIDE:
        scale = MAX_IMAGE_SIDE / max(work.size)
        size = (max(1, round(work.width * scale)), max(1, round(work.height * scale)))
        if work.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
            work = work.convert("RGBA")
        work = work.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=3.0)

    if fmt == "JPEG":
        if work.mode not in ("RGB", "L"):
            work = work.convert("RGB")
        buf = io.BytesIO()
        work.save(buf, "JPEG", quality=88, optimize=False)
        colors = 1 if work.mode == "L" else 3
        return work.width, work.height, Pixels(buf.getvalue(), "DCTDecode", colors)
    work = _flatten(work)
    colors = 1 if work.mode == "L" else 3
    # what ReportLab itself would embed: the pixels, zlib-compressed
    return work.width, work.height, Pixels(zlib.compress(work.tobytes(), 6), "FlateDecode", colors)


def _flatten(im: PILImage.Image) -> PILImage.Image:
    """Return an RGB or L image; transparency is composited onto white paper."""
    if im.mode in ("RGB", "L"):
        return im
    if im.mode == "P":
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA"):
        rgba = im.convert("RGBA")
        alpha = rgba.getchannel("A")
        if alpha.getextrema() == (255, 255):
            return rgba.convert("RGB")
        paper = PILImage.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=alpha)
        return paper
    if im.mode in ("I;16", "I", "F"):
        return im.convert("L")
    return im.convert("RGB")
