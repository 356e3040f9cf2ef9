"""Opening exhibit images safely with Pillow, and rendering them smaller.

Only the Pillow formats that match the media type detected from the content may open a file;
decompression bombs are refused twice over (Pillow's own limit, and width x height checked
here, because the warnings filter is process-global and can be reset by other code).
``render`` decodes, downscales and applies the EXIF orientation (thumbnails and print copies);
``on_paper`` composites transparency onto white for the case file.

Pillow is imported lazily, when an image is first opened; nothing here imports Qt.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # pragma: no cover - typing only; Pillow is imported lazily at run time
    from PIL import Image as PILImage

__all__ = [
    "IMAGE_TYPES",
    "MAX_IMAGE_PIXELS",
    "PILLOW_FORMATS",
    "Probe",
    "TooManyPixels",
    "bomb_types",
    "configure_pillow",
    "on_paper",
    "open_image",
    "probe_image",
    "render",
]

MAX_IMAGE_PIXELS = 64_000_000  # about 8000 x 8000

# Media type (from content) -> the only Pillow formats we let open it.
PILLOW_FORMATS: dict[str, tuple[str, ...]] = {
    "image/png": ("PNG",),
    "image/jpeg": ("JPEG", "MPO"),
    "image/gif": ("GIF",),
    "image/webp": ("WEBP",),
    "image/bmp": ("BMP",),
    "image/tiff": ("TIFF",),
}
# Recognised as images, but never decoded here (no preview).
IMAGE_TYPES = frozenset(PILLOW_FORMATS) | {"image/heic", "image/heif", "image/avif"}

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


def configure_pillow() -> None:
    """Make Pillow refuse decompression bombs. Idempotent; cheap enough to call often.

    The store does not rely on this alone: it also checks width x height itself, because
    the warnings filter is process-global and can be reset by other code.
    """
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    warnings.simplefilter("error", Image.DecompressionBombWarning)


class TooManyPixels(Exception):
    """An image claims more than MAX_IMAGE_PIXELS pixels (checked here, not by Pillow)."""


def _check_pixels(width: int, height: int) -> None:
    if max(1, width) * max(1, height) > MAX_IMAGE_PIXELS:
        raise TooManyPixels(f"{width}x{height}")


def bomb_types() -> tuple[type[BaseException], ...]:
    """Every exception that means "too many pixels to open safely" (Pillow's and ours)."""
    from PIL import Image

    return (Image.DecompressionBombError, Image.DecompressionBombWarning, TooManyPixels)


def open_image(path: Path | BinaryIO, formats: tuple[str, ...]) -> PILImage.Image:
    """Open with an explicit format list and our own pixel limit (raises TooManyPixels)."""
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
class Probe:
    """What a full decode of an image found: whether it previews, and its displayed size."""

    preview_ok: bool
    width: int | None
    height: int | None


def _source(path: Path | bytes) -> Path | BinaryIO:
    return io.BytesIO(path) if isinstance(path, bytes) else path


def probe_image(path: Path | bytes, media_type: str) -> Probe:
    """Decode the image (a file, or its bytes) fully once. Raises TooManyPixels (or Pillow's
    bomb errors)."""
    formats = PILLOW_FORMATS.get(media_type)
    if formats is None:
        return Probe(False, None, None)
    bombs = bomb_types()
    width: int | None = None
    height: int | None = None
    try:
        with open_image(_source(path), formats) as img:
            width, height = img.size
            img.verify()  # PNG: CRCs of every chunk up to IEND
        with open_image(_source(path), formats) as img:
            img.load()
            if _orientation(img) in (5, 6, 7, 8):
                width, height = height, width
    except bombs:
        raise
    except Exception:  # any decoder failure: keep the file, no preview
        return Probe(False, width, height)
    return Probe(True, width, height)


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


def render(
    path: Path | BinaryIO, formats: tuple[str, ...], max_px: int, *, fast: bool = False
) -> PILImage.Image:
    """Decode, downscale to max_px on the long side (never up), apply EXIF orientation.

    ``fast``: bicubic instead of Lanczos (a quarter less time; at the 1.6x reduction of a
    2560 px screenshot to 1600 px the two are indistinguishable, text included).
    """
    from PIL import Image

    resample = Image.Resampling.BICUBIC if fast else Image.Resampling.LANCZOS
    with open_image(path, formats) as opened:
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


def on_paper(img: PILImage.Image) -> PILImage.Image:
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
