"""Build the PDF case file for an escalation.

How the file is made:

1. Image exhibits are placed from their print copies (made by the journal when they were
   attached; long side at most 1600 px): when a copy still has the SHA-256 the journal checked,
   its compressed data goes into the PDF as it is (PNG rows with PNG predictors, JPEG with
   DCTDecode), nothing decoded or compressed again. Without a checked copy the image is
   downscaled here with Pillow, in memory (PNG stays lossless, JPEG stays JPEG). PDF exhibits
   are read and checked with pypdf.
2. The main document (cover, letter, references, details, timeline, promises, escalations,
   exhibit list and images, signature, one divider page per PDF exhibit) is laid out with
   ReportLab Platypus on US Letter, in DejaVu Sans (Latin, Greek, Cyrillic).
3. pypdf merges the main document with the pages of each PDF exhibit (right after its
   divider). Each appended page is turned upright (its /Rotate moves into the content) and
   its content reduced to 94% inside its own boxes, framed, so that a strip at the bottom is
   free for the footer and nothing of the exhibit (bank statements print their own footers
   there) is covered; links and other annotations move with it. Then "Page X of Y", the
   case title and the generation date are stamped on every page, placed relative to each
   page's own crop box, so appended A4 pages are stamped correctly.
4. Outline (bookmarks) and metadata are added and the file is written to a temporary file in
   the destination folder (created 0600 whatever the umask: it holds the whole case), then
   moved into place with os.replace().

This module never imports Qt.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import struct
import threading
import warnings
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from PIL import ImageOps
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    RectangleObject,
    StreamObject,
)
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFImageXObject, PDFName, PDFStream
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..data import CaseFileData, ContactRow, Exhibit, PromiseRow
from ..letter import letter_blocks
from ..person import party_lines, printed_name
from ..redact import unmaskable_kind
from .sanitize import strip_page

__all__ = [
    "BuildResult",
    "CaseFileCancelled",
    "MAX_IMAGE_SIDE",
    "build_casefile",
    "register_fonts",
]

# ---------------------------------------------------------------------------------------------
# Fonts

FONT = "HJ-DejaVuSans"
FONT_BOLD = "HJ-DejaVuSans-Bold"
FONT_MONO = "HJ-DejaVuSansMono"
_FONT_DIR = Path(__file__).parent.parent / "fonts"
_FONT_LOCK = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the bundled DejaVu fonts with ReportLab (once per process)."""
    global _fonts_registered
    with _FONT_LOCK:
        if _fonts_registered:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(_FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(_FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_MONO, str(_FONT_DIR / "DejaVuSansMono.ttf")))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        pdfmetrics.registerFontFamily(
            FONT_MONO, normal=FONT_MONO, bold=FONT_MONO, italic=FONT_MONO, boldItalic=FONT_MONO
        )
        _fonts_registered = True


# ---------------------------------------------------------------------------------------------
# Public API


class CaseFileCancelled(Exception):
    """The build was cancelled; no output file was written."""


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: int  # pages of the final file, appended exhibit pages included
    exhibit_pages: int  # pages appended from PDF exhibits (divider pages not counted)


ProgressFn = Callable[[int, int, str], None]
_Cmd = tuple[Any, ...]  # a TableStyle command
CancelledFn = Callable[[], bool]

MAX_IMAGE_SIDE = 1600  # px on the long side of an image placed in the PDF
_MAX_SOURCE_PIXELS = 120_000_000  # refuse larger images (decompression bombs)
_IMAGE_FORMATS = ["PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF"]
_IMAGE_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp", "image/tiff"}
)
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})

# Layout (points). US Letter, 0.75 in side margins, room for the stamped footer at the bottom.
PAGE_W, PAGE_H = LETTER
MARGIN_X = 54.0
MARGIN_TOP = 54.0
MARGIN_BOTTOM = 66.0
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
_FOOTER_Y = 26.0
_FOOTER_SIZE = 7.5
_LETTER_MAX_BLANKS = 6  # more blank lines in a row in the letter count as this many

_INK = colors.HexColor("#1a1a1a")
_MUTED = colors.HexColor("#555555")
_RULE = colors.HexColor("#9a9a9a")
_HEAD_BG = colors.HexColor("#e6e9ee")
_ALERT_BG = colors.HexColor("#fbe3e0")
_NOTE_BG = colors.HexColor("#f3f3f3")

_STATUS_WORDS = {
    "pending": "Pending",
    "due_today": "Due today",
    "overdue": "OVERDUE",
    "kept": "Kept",
    "broken": "BROKEN",
}
_ALERT_STATUSES = frozenset({"overdue", "broken"})
_KIND_LABELS = {
    "account": "Account number",
    "member": "Member ID",
    "claim": "Claim number",
    "ticket": "Ticket number",
    "invoice": "Invoice number",
    "authorization": "Authorization number",
    "npi": "NPI",
    "ein": "Tax ID (EIN)",
    "escalation": "Escalation reference",
    "other": "Other reference",
}
_KIND_ORDER = list(_KIND_LABELS)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# ReportLab reads rl_config globals while it writes; builds are serialized so that
# the ASCII85 switch below never leaks into another build running at the same time.
_BUILD_LOCK = threading.Lock()


def build_casefile(
    data: CaseFileData,
    out: Path,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> BuildResult:
    """Write the case file for *data* to *out* (atomically) and describe the result.

    *progress* is called as ``progress(done, total, message)`` with ``total == 100``.
    When *cancelled* returns true the build stops, nothing is written and
    :class:`CaseFileCancelled` is raised.
    """
    register_fonts()
    return _Job(data, Path(out), progress, cancelled).run()


# ---------------------------------------------------------------------------------------------
# Text helpers


def _clean(text: str) -> str:
    """Drop control characters that ReportLab's paragraph parser cannot take."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return "".join(ch for ch in text if ch == "\n" or ord(ch) >= 32)


def _esc(text: str) -> str:
    """Escape user text for a Paragraph: <, > and & and keep line breaks."""
    return escape(_clean(text)).replace("\n", "<br/>")


def _fmt_date(d: date) -> str:
    return d.isoformat()


def _fmt_offset(dt: datetime) -> str:
    off = dt.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _fmt_dt(dt: datetime, *, weekday: bool = False) -> str:
    text = f"{dt:%Y-%m-%d %H:%M} {_fmt_offset(dt)}"
    return f"{_WEEKDAYS[dt.weekday()]} {text}" if weekday else text


def _fmt_minutes(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _fmt_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1e3:.1f} KB"
    if size < 1_000_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e9:.1f} GB"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _duration(c: ContactRow) -> str:
    hold = f"{c.hold_minutes} min on hold" if c.hold_minutes > 0 else "no hold"
    if c.ended_at is None or c.ended_at < c.started_at:
        return f"duration not recorded; {hold}"
    minutes = round((c.ended_at - c.started_at).total_seconds() / 60)
    return f"{_fmt_minutes(minutes)}; {hold}"


def _event_end(c: ContactRow) -> datetime:
    return c.ended_at if c.ended_at is not None and c.ended_at >= c.started_at else c.started_at


def _is_late(c: ContactRow) -> bool:
    return c.recorded_at - _event_end(c) > timedelta(hours=24)


def _recorded_note(c: ContactRow) -> str:
    """When the entry was recorded, relative to the event (ended_at, else started_at).

    Late entries (more than 24 hours) count calendar days in the event's own time zone.
    """
    event = _event_end(c)
    if c.recorded_at - event > timedelta(hours=24):
        days = (c.recorded_at.astimezone(event.tzinfo).date() - event.date()).days
        return (
            f"recorded {c.recorded_at.date().isoformat()} ({_plural(days, 'day')} after the event)"
        )
    return f"recorded {_fmt_dt(c.recorded_at)} (within 24 hours of the event)"


def _channel(c: ContactRow) -> str:
    channel = c.channel.replace("_", " ").strip()
    channel = channel[:1].upper() + channel[1:] if channel else "Channel not recorded"
    direction = c.direction.replace("_", " ").strip()
    return f"{channel}, {direction}" if direction else channel


def _kind(media_type: str) -> str:
    mt = media_type.split(";", 1)[0].strip().lower()
    if mt in _IMAGE_TYPES:
        return "image"
    if mt in _PDF_TYPES:
        return "pdf"
    return "other"


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_label: ParagraphStyle
    mono: ParagraphStyle
    banner: ParagraphStyle
    letter_heading: ParagraphStyle
    letter_item: ParagraphStyle


def _make_styles() -> _Styles:
    body = ParagraphStyle(
        "hj-body", fontName=FONT, fontSize=10.5, leading=14, textColor=_INK, spaceAfter=6
    )
    cell = ParagraphStyle("hj-cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    return _Styles(
        body=body,
        small=ParagraphStyle("hj-small", parent=body, fontSize=9, leading=11.5),
        muted=ParagraphStyle("hj-muted", parent=body, fontSize=9, leading=11.5, textColor=_MUTED),
        kicker=ParagraphStyle(
            "hj-kicker", parent=body, fontName=FONT_BOLD, fontSize=11, textColor=_MUTED
        ),
        title=ParagraphStyle(
            "hj-title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=10
        ),
        h1=ParagraphStyle(
            "hj-h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=16,
            spaceAfter=8,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "hj-h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "hj-h3", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14, spaceAfter=4
        ),
        cell=cell,
        cell_bold=ParagraphStyle("hj-cell-bold", parent=cell, fontName=FONT_BOLD),
        cell_head=ParagraphStyle("hj-cell-head", parent=cell, fontName=FONT_BOLD),
        cell_label=ParagraphStyle("hj-cell-label", parent=cell, textColor=_MUTED),
        mono=ParagraphStyle("hj-mono", parent=cell, fontName=FONT_MONO, fontSize=7.5, leading=9.5),
        banner=ParagraphStyle(
            "hj-banner", parent=body, fontName=FONT_BOLD, fontSize=10, leading=13, spaceAfter=0
        ),
        letter_heading=ParagraphStyle(
            "hj-letter-heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        letter_item=ParagraphStyle(
            "hj-letter-item",
            parent=body,
            leftIndent=16,
            bulletIndent=4,
            bulletFontName=FONT,  # the default is Helvetica, which is not embedded
            spaceAfter=3,
        ),
    )


def _grid(header: bool = True, extra: Sequence[_Cmd] = ()) -> TableStyle:
    """The common table style; FONTNAME is always set (tables default to Helvetica)."""
    cmds: list[_Cmd] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("LEADING", (0, 0), (-1, -1), 12),
        ("TEXTCOLOR", (0, 0), (-1, -1), _INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, _RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        cmds += [
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
        ]
    cmds += list(extra)
    return TableStyle(cmds)


# ---------------------------------------------------------------------------------------------
# Flowables that remember where they landed (for the outline and for merging)


@dataclass
class _Mark:
    key: str
    title: str
    page: int  # 0-based page index in the main document


class _Heading(Paragraph):  # type: ignore[misc]
    """A heading that records its page for the outline when it is drawn."""

    def __init__(
        self, text: str, style: ParagraphStyle, *, key: str, title: str, sink: list[_Mark]
    ) -> None:
        super().__init__(text, style)
        self._hj_key = key
        self._hj_title = title
        self._hj_sink = sink

    def draw(self) -> None:
        super().draw()
        self._hj_sink.append(_Mark(self._hj_key, self._hj_title, self.canv.getPageNumber() - 1))


class _ImageXObject(PDFImageXObject):  # type: ignore[misc]
    """An image XObject whose stream is data prepared beforehand, written as it is."""

    def __init__(self, name: str, pixels: _Pixels, width_px: int, height_px: int) -> None:
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


class _PlacedPixels(Flowable):  # type: ignore[misc]
    """An image drawn from :class:`_Pixels`, the way ``Canvas.drawImage`` draws a file,
    without decoding or compressing it again."""

    def __init__(
        self, pixels: _Pixels, width_px: int, height_px: int, width: float, height: float,
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


# ---------------------------------------------------------------------------------------------
# Exhibit preparation


@dataclass(frozen=True)
class _Pixels:
    """Image data that goes into the PDF as it is (nothing decoded or compressed again)."""

    data: bytes
    filter: str  # "FlateDecode" or "DCTDecode"
    colors: int  # 1 (DeviceGray) or 3 (DeviceRGB)
    png_rows: bool = False  # FlateDecode data of PNG-filtered rows (PNG predictors)


@dataclass(frozen=True)
class _PlacedImage:
    exhibit: Exhibit
    width_px: int
    height_px: int
    pixels: _Pixels | None = None  # embedded as it is ...
    path: Path | None = None  # ... or a JPEG file that ReportLab embeds as it is


@dataclass
class _PdfExhibit:
    exhibit: Exhibit
    reader: PdfReader | None
    pages: int
    problem: str | None


@dataclass
class _Prepared:
    images: list[_PlacedImage] = field(default_factory=list)
    pdfs: list[_PdfExhibit] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # exhibit number -> how it appears
    not_shown: dict[int, str] = field(default_factory=dict)  # exhibit number -> reason


def _pixel_limit() -> int:
    limit = PILImage.MAX_IMAGE_PIXELS
    return min(_MAX_SOURCE_PIXELS, limit) if limit else _MAX_SOURCE_PIXELS


def _probe(src: Path) -> str | None:
    """Read only the header of an image: None if it can be placed, else the reason.

    Runs on the calling thread (warnings filters are process-wide), so that the worker
    threads never open an image large enough to make Pillow warn.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(src, formats=_IMAGE_FORMATS) as im:
                if im.width * im.height > _pixel_limit():
                    return "the image is too large to place"
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
        return "the image is too large to place"
    except (OSError, ValueError, SyntaxError) as exc:
        return f"the image could not be read ({type(exc).__name__})"
    return None


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_Ready = tuple[int, int, _Pixels | Path]  # width, height, what to place


def _png_pixels(data: bytes) -> tuple[int, int, _Pixels] | None:
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
    return width, height, _Pixels(b"".join(parts), "FlateDecode", colors, png_rows=True)


def _jpeg_pixels(data: bytes) -> tuple[int, int, _Pixels] | None:
    """A grey or RGB JPEG of at most MAX_IMAGE_SIDE px, as it is (headers read only)."""
    try:
        with PILImage.open(io.BytesIO(data), formats=["JPEG"]) as im:
            mode, (width, height) = im.mode, im.size
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        return None
    if mode not in ("L", "RGB") or max(width, height) > MAX_IMAGE_SIDE:
        return None
    return width, height, _Pixels(data, "DCTDecode", 1 if mode == "L" else 3)


def _checked_print_copy(ex: Exhibit) -> _PlacedImage | None:
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
    return _PlacedImage(ex, width, height, pixels=pixels)


def _downscale(src: Path) -> _Ready | str:
    """An image ready to place (at most MAX_IMAGE_SIDE px), or why it cannot be."""
    try:
        with PILImage.open(src, formats=_IMAGE_FORMATS) as im:
            if im.width * im.height > _pixel_limit():
                return "the image is too large to place"
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
        return f"the image could not be read ({type(exc).__name__})"

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
        return work.width, work.height, _Pixels(buf.getvalue(), "DCTDecode", colors)
    work = _flatten(work)
    colors = 1 if work.mode == "L" else 3
    # what ReportLab itself would embed: the pixels, zlib-compressed
    return work.width, work.height, _Pixels(zlib.compress(work.tobytes(), 6), "FlateDecode", colors)


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


def _load_pdf(path: Path) -> tuple[PdfReader | None, int, str | None]:
    """Read and fully copy a PDF exhibit, so a broken file fails here and not at the end."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, 0, f"the stored file could not be read ({type(exc).__name__})"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(raw), strict=False)
            if reader.is_encrypted:
                try:
                    opened = bool(reader.decrypt(""))
                except Exception:  # noqa: BLE001 - any failure means "cannot open"
                    opened = False
                if not opened:
                    return None, 0, "it is encrypted (protected with a password)"
            count = len(reader.pages)
            if count == 0:
                return None, 0, "it has no pages"
            copy = PdfWriter()
            for page in reader.pages:
                strip_page(page)  # before copying: what it referred to is never copied
                copy.add_page(page)
            buf = io.BytesIO()
            copy.write(buf)
            clean = PdfReader(io.BytesIO(buf.getvalue()))
            return clean, len(clean.pages), None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken input
        return None, 0, f"it could not be read as a PDF ({type(exc).__name__})"


# ---------------------------------------------------------------------------------------------
# Appended PDF pages: turned upright and reduced a little, so the footer has a strip of its own

_Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF "cm"
_Rect = tuple[float, float, float, float]  # left, bottom, right, top
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_BOX_NAMES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
_POINT_KEYS = ("/QuadPoints", "/L", "/Vertices", "/CL")  # annotation keys holding x y pairs
_NO_ROTATE = 16  # annotation flag: keeps its orientation when the page is rotated

_EXHIBIT_SCALE = 0.94  # appended pages are reduced to this (or less on very short pages)
_FOOTER_STRIP = 40.0  # pt at the bottom of an appended page kept clear for the footer
_ABOVE_GAP = 4.0  # pt at least above a reduced page


def _then(m1: _Matrix, m2: _Matrix) -> _Matrix:
    """The transformation that applies *m1* and then *m2*."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _apply(m: _Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _map_rect(m: _Matrix, rect: _Rect) -> _Rect:
    """The bounding box of *rect* after *m*."""
    x0, y0, x1, y1 = rect
    points = [_apply(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _rect_of(box: Any) -> _Rect:
    values = [float(v) for v in box.get_object()][:4]
    x0, y0, x1, y1 = values
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _num(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _quarter_turns(page: PageObject) -> int:
    """The page's /Rotate in degrees, rounded to a quarter turn (0, 90, 180 or 270)."""
    try:
        degrees = int(page.rotation)
    except (TypeError, ValueError):
        return 0
    return (round(degrees / 90) * 90) % 360


def _turn_matrix(page: PageObject, degrees: int) -> _Matrix:
    """Turns the content clockwise by *degrees*, as a viewer shows it; the media box keeps
    its lower left corner."""
    cos, sin = {0: (1.0, 0.0), 90: (0.0, 1.0), 180: (-1.0, 0.0), 270: (0.0, -1.0)}[degrees]
    turn: _Matrix = (cos, -sin, sin, cos, 0.0, 0.0)
    media = _rect_of(page.mediabox)
    x0, y0, _, _ = _map_rect(turn, media)
    return _then(turn, (1.0, 0.0, 0.0, 1.0, media[0] - x0, media[1] - y0))


def _upright_size(page: PageObject) -> tuple[float, float]:
    left, bottom, right, top = _rect_of(page.cropbox)
    width, height = right - left, top - bottom
    return (height, width) if _quarter_turns(page) in (90, 270) else (width, height)


def _exhibit_scale(width: float, height: float) -> float:
    """How much an appended page of this (upright) size is reduced."""
    if width <= 0 or height <= 0:
        return _EXHIBIT_SCALE
    return max(0.25, min(_EXHIBIT_SCALE, (height - _FOOTER_STRIP - _ABOVE_GAP) / height))


def _fit_above_footer(box: _Rect) -> tuple[_Matrix, _Rect]:
    """Scale the page's visible box into itself, centred across and above the footer strip."""
    left, bottom, right, top = box
    width, height = right - left, top - bottom
    s = _exhibit_scale(width, height)
    x = left + (width - s * width) / 2
    y = bottom + _FOOTER_STRIP + max(0.0, height - s * height - _FOOTER_STRIP) / 2
    return (s, 0.0, 0.0, s, x - s * left, y - s * bottom), (x, y, x + s * width, y + s * height)


def _map_points(m: _Matrix, values: Any) -> ArrayObject | None:
    try:
        numbers = [float(v.get_object()) for v in values]
    except (TypeError, ValueError, AttributeError):
        return None
    if len(numbers) % 2:
        return None
    out = ArrayObject()
    for i in range(0, len(numbers), 2):
        x, y = _apply(m, numbers[i], numbers[i + 1])
        out += [FloatObject(x), FloatObject(y)]
    return out


def _turn_appearance(annot: DictionaryObject, turn: _Matrix, seen: set[int]) -> None:
    """Turn the annotation's appearance streams with the page (their /Matrix)."""
    appearances = annot.get("/AP")
    if not isinstance(appearances, DictionaryObject):
        return
    linear: _Matrix = (*turn[:4], 0.0, 0.0)
    streams: list[Any] = []
    for key in ("/N", "/R", "/D"):
        raw = appearances.raw_get(key) if key in appearances else None
        value = raw.get_object() if raw is not None else None
        if isinstance(value, StreamObject):
            streams.append(raw)
        elif isinstance(value, DictionaryObject):
            streams += [value.raw_get(k) for k in value]
    for raw in streams:
        if isinstance(raw, IndirectObject):
            if raw.idnum in seen:
                continue
            seen.add(raw.idnum)
        stream = raw.get_object()
        if not isinstance(stream, StreamObject):
            continue
        old = stream.get("/Matrix")
        try:
            values = [float(v) for v in old] if old is not None else []
        except (TypeError, ValueError):
            values = []
        matrix: _Matrix = (
            (values[0], values[1], values[2], values[3], values[4], values[5])
            if len(values) == 6
            else _IDENTITY
        )
        turned = _then(matrix, linear)
        stream[NameObject("/Matrix")] = ArrayObject(FloatObject(v) for v in turned)


def _move_annotations(page: PageObject, m: _Matrix, turn: _Matrix | None, seen: set[int]) -> None:
    """Links, highlights and form fields follow the content they belong to."""
    annots = page.get("/Annots")
    if annots is None:
        return
    annots = annots.get_object()
    if not isinstance(annots, ArrayObject):
        return
    for raw in annots:
        if isinstance(raw, IndirectObject):
            if raw.idnum in seen:  # shared with a page already done
                continue
            seen.add(raw.idnum)
        annot = raw.get_object()
        if not isinstance(annot, DictionaryObject):
            continue
        if "/Rect" in annot:
            moved = _map_points(m, annot["/Rect"].get_object())
            if moved is not None and len(moved) == 4:
                xs, ys = [float(moved[0]), float(moved[2])], [float(moved[1]), float(moved[3])]
                annot[NameObject("/Rect")] = RectangleObject((min(xs), min(ys), max(xs), max(ys)))
        for key in _POINT_KEYS:
            if key in annot:
                moved = _map_points(m, annot[key].get_object())
                if moved is not None:
                    annot[NameObject(key)] = moved
        ink = annot.get("/InkList")
        if isinstance(ink, ArrayObject):
            paths = [_map_points(m, path.get_object()) for path in ink]
            if all(path is not None for path in paths):
                annot[NameObject("/InkList")] = ArrayObject(paths)
        flags = annot.get("/F", 0)
        if turn is not None and not int(flags) & _NO_ROTATE:
            _turn_appearance(annot, turn, seen)


def _content_keys(page: PageObject) -> list[int]:
    """Object numbers of the page's content streams (and of an indirect array of them)."""
    if "/Contents" not in page:
        return []
    raw = page.raw_get("/Contents")
    keys = [raw.idnum] if isinstance(raw, IndirectObject) else []
    value = raw.get_object()
    if isinstance(value, ArrayObject):
        keys += [item.idnum for item in value if isinstance(item, IndirectObject)]
    return keys


def _make_room_for_footer(page: PageObject, *, own_stream: bool, seen: set[int]) -> _Rect:
    """Turn an appended page upright (its /Rotate moves into the content) and reduce its
    content to :func:`_exhibit_scale` inside the same boxes, leaving the bottom strip for
    the footer. Content outside the crop box stays hidden; annotations move along.

    *own_stream*: the page's content streams are used by no other page, so they can be
    replaced in place (otherwise the page gets a new stream of its own and the shared
    streams stay as they are for the other pages).
    Returns where the reduced page now sits (left, bottom, right, top).
    """
    degrees = _quarter_turns(page)
    turn = _turn_matrix(page, degrees) if degrees else _IDENTITY
    crop = _rect_of(page.cropbox)
    if degrees:
        for name in _BOX_NAMES:
            if name in page:
                page[NameObject(name)] = RectangleObject(_map_rect(turn, _rect_of(page[name])))
    if "/Rotate" in page:
        page[NameObject("/Rotate")] = NumberObject(0)
    fit, placed = _fit_above_footer(_map_rect(turn, crop))
    total = _then(turn, fit)
    contents = page.get_contents()
    if contents is not None:
        clip = (crop[0], crop[1], crop[2] - crop[0], crop[3] - crop[1])
        prefix = f"q {' '.join(map(_num, total))} cm {' '.join(map(_num, clip))} re W n\n"
        contents.set_data(prefix.encode("ascii") + contents.get_data() + b"\nQ\n")
        if not own_stream:
            del page[NameObject("/Contents")]  # replace_contents then adds a new stream
        page.replace_contents(contents)
    _move_annotations(page, total, turn if degrees else None, seen)
    return placed


def _percent(scale: float) -> str:
    return f"{int(scale * 100 + 0.5)}%"


# ---------------------------------------------------------------------------------------------
# The build job


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: io.BytesIO, job: _Job) -> None:
        super().__init__(
            target,
            pagesize=LETTER,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"Case file: {job.data.title}",
            author=job.data.person.name,
            creator="Headway Journal",
            invariant=0,
            initialFontName=FONT,  # otherwise every page references Helvetica
            initialFontSize=10.5,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._job = job

    def afterFlowable(self, flowable: Flowable) -> None:
        self._job.flowable_done()


class _Job:
    def __init__(
        self,
        data: CaseFileData,
        out: Path,
        progress: ProgressFn | None,
        cancelled: CancelledFn | None,
    ) -> None:
        self.data = data
        self.out = out
        self._progress = progress
        self._cancelled = cancelled
        self._last_percent = -1
        self.s = _make_styles()
        self.marks: list[_Mark] = []
        self._story_len = 1
        self._flowables_done = 0
        self.placed: dict[int, _Rect] = {}  # appended page index -> where its reduced copy sits

    # -- progress and cancellation --------------------------------------------------------

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise CaseFileCancelled("case file build cancelled")

    def report(self, percent: int, message: str) -> None:
        percent = max(0, min(100, percent))
        if self._progress is not None and percent != self._last_percent:
            self._last_percent = max(percent, self._last_percent)
            self._progress(self._last_percent, 100, message)

    def flowable_done(self) -> None:
        self.check()
        self._flowables_done += 1
        share = min(1.0, self._flowables_done / self._story_len)
        self.report(35 + int(40 * share), "Laying out pages")

    # -- main steps -------------------------------------------------------------------------

    def run(self) -> BuildResult:
        self.check()
        self.report(0, "Preparing exhibits")
        if not self.out.parent.is_dir():
            raise FileNotFoundError(f"folder does not exist: {self.out.parent}")
        prepared = self.prepare()
        story = self.story(prepared)
        main_pdf = self.render(story)
        self.check()
        writer, exhibit_pages, page_map = self.merge(main_pdf, prepared)
        total = len(writer.pages)
        self.stamp(writer)
        self.finish(writer, page_map, prepared)
        self.write(writer)
        self.report(100, "Done")
        return BuildResult(self.out, total, exhibit_pages)

    def prepare(self) -> _Prepared:
        """Sort the exhibits into shown images, appended PDFs and listed-only files."""
        prep = _Prepared()
        exhibits = sorted(self.data.exhibits, key=lambda x: x.number)
        images: list[tuple[Exhibit, Path, Path]] = []
        pdfs: list[tuple[Exhibit, Path]] = []
        for ex in exhibits:
            kind = _kind(ex.media_type)
            stored = ex.path if ex.path is not None and ex.path.is_file() else None
            if ex.withheld:  # a redacted copy: its contents could not be masked
                prep.notes[ex.number] = "withheld from this redacted copy"
                prep.not_shown[ex.number] = (
                    "withheld from this redacted copy (its contents cannot be masked); the "
                    "SHA-256 above identifies the file kept in the journal"
                )
            elif kind == "other":
                prep.notes[ex.number] = "listed only (this file type is not embedded)"
                prep.not_shown[ex.number] = "file type not embedded; kept in the journal"
            elif stored is None:
                prep.notes[ex.number] = "FILE MISSING: not included"
                prep.not_shown[ex.number] = "the stored file is missing"
            elif kind == "image" and not ex.preview_ok:
                prep.notes[ex.number] = "no preview: listed only"
                prep.not_shown[ex.number] = "no preview could be made of this image"
            elif kind == "image":
                self.check()
                ready = _checked_print_copy(ex)  # the usual case: placed as it is
                if ready is not None:
                    prep.images.append(ready)
                    prep.notes[ex.number] = "shown on an exhibit page"
                    continue
                print_path = ex.print_path
                if (
                    ex.print_sha256 is None  # a copy made elsewhere: decoded to check it
                    and print_path is not None
                    and print_path.is_file()
                    and _probe(print_path) is None
                ):
                    src, problem = print_path, None
                else:
                    src, problem = stored, _probe(stored)
                if problem is None:
                    images.append((ex, stored, src))
                else:
                    prep.notes[ex.number] = f"listed only: {problem}"
                    prep.not_shown[ex.number] = problem
            else:
                pdfs.append((ex, stored))
        todo = max(1, len(images) + len(pdfs))
        done = 0

        def one_image(ex: Exhibit, stored: Path, src: Path) -> _Ready | str:
            placed = _downscale(src)
            if isinstance(placed, str) and src != stored:
                placed = _downscale(stored)
            return placed

        # Pillow releases the GIL while decoding, resizing and encoding: a few threads help.
        workers = max(1, min(4, os.cpu_count() or 1, len(images)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hj-exhibit") as pool:
            futures = {pool.submit(one_image, *job): job[0] for job in images}
            try:
                for future in as_completed(futures):
                    self.check()
                    ex = futures[future]
                    placed = future.result()
                    if isinstance(placed, str):
                        prep.notes[ex.number] = f"listed only: {placed}"
                        prep.not_shown[ex.number] = placed
                    else:
                        width, height, what = placed
                        if isinstance(what, Path):
                            prep.images.append(_PlacedImage(ex, width, height, path=what))
                        else:
                            prep.images.append(_PlacedImage(ex, width, height, pixels=what))
                        prep.notes[ex.number] = "shown on an exhibit page"
                    done += 1
                    self.report(int(30 * done / todo), "Preparing exhibits")
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        for ex, stored in pdfs:
            self.check()
            reader, pages, problem = _load_pdf(stored)
            prep.pdfs.append(_PdfExhibit(ex, reader, pages, problem))
            if problem is None:
                prep.notes[ex.number] = f"PDF, {_plural(pages, 'page')} appended at the end"
            else:
                prep.notes[ex.number] = "PDF could not be appended (see its divider page)"
                prep.not_shown[ex.number] = f"the PDF could not be appended: {problem}"
            done += 1
            self.report(int(30 * done / todo), "Preparing exhibits")
        prep.images.sort(key=lambda im: im.exhibit.number)
        return prep

    def render(self, story: list[Flowable]) -> bytes:
        self._story_len = max(1, len(story))
        buf = io.BytesIO()
        with _BUILD_LOCK:
            saved = rl_config.useA85
            rl_config.useA85 = 0  # binary streams: ASCII85 makes images 25% larger
            try:
                doc = _Doc(buf, self)
                doc.build(story)
            finally:
                rl_config.useA85 = saved
        return buf.getvalue()

    def merge(self, main_pdf: bytes, prep: _Prepared) -> tuple[PdfWriter, int, dict[int, int]]:
        """Main pages in order, each PDF exhibit's pages right after its divider page."""
        self.report(76, "Appending PDF exhibits")
        dividers = {m.page: m.key for m in self.marks if m.key.startswith("divider-")}
        by_number = {p.exhibit.number: p for p in prep.pdfs}
        main = PdfReader(io.BytesIO(main_pdf))
        writer = PdfWriter()
        page_map: dict[int, int] = {}
        appended = 0
        for index, page in enumerate(main.pages):
            self.check()
            page_map[index] = len(writer.pages)
            writer.add_page(page)
            key = dividers.get(index)
            if key is None:
                continue
            pdf = by_number.get(int(key.split("-", 1)[1]))
            if pdf is None or pdf.reader is None:
                continue
            appended += self.append_exhibit(writer, pdf.reader)
        return writer, appended, page_map

    def append_exhibit(self, writer: PdfWriter, reader: PdfReader) -> int:
        """Append the exhibit's pages, each reduced to leave the footer strip free."""
        first = len(writer.pages)
        added = [writer.add_page(page) for page in reader.pages]
        keys = [_content_keys(page) for page in added]
        uses: dict[int, int] = {}
        for page_keys in keys:
            for stream in page_keys:
                uses[stream] = uses.get(stream, 0) + 1
        seen: set[int] = set()  # annotations and appearance streams already moved
        for offset, (page, page_keys) in enumerate(zip(added, keys, strict=True)):
            self.check()
            own = all(uses[stream] == 1 for stream in page_keys)
            self.placed[first + offset] = _make_room_for_footer(page, own_stream=own, seen=seen)
        return len(added)

    def stamp(self, writer: PdfWriter) -> None:
        """Footer on every page: title, generation date and "Page X of Y" (final total)."""
        self.report(85, "Numbering pages")
        total = len(writer.pages)
        boxes = []
        for page in writer.pages:
            box = page.cropbox
            boxes.append((float(box.left), float(box.bottom), float(box.width), float(box.height)))
        title = f"Case #{self.data.case_number}: {_clean(self.data.title)}"
        if self.data.redacted:
            title = f"REDACTED · {title}"
        generated = f"Generated {self.data.generated_at:%Y-%m-%d}"
        buf = io.BytesIO()
        with _BUILD_LOCK:  # font subsetting state is shared between ReportLab documents
            canvas = Canvas(
                buf, pagesize=LETTER, pageCompression=1, invariant=0, initialFontName=FONT
            )
            for number, (left, bottom, width, height) in enumerate(boxes, start=1):
                canvas.setPageSize((max(1.0, left + width), max(1.0, bottom + height)))
                frame = self.placed.get(number - 1)
                if frame is not None:  # the edge of a reduced exhibit page
                    canvas.setStrokeColor(_RULE)
                    canvas.setLineWidth(0.5)
                    canvas.rect(frame[0], frame[1], frame[2] - frame[0], frame[3] - frame[1])
                self._draw_footer(
                    canvas, (left, bottom, width), title, generated, number, total, frame
                )
                canvas.showPage()
            canvas.save()
        overlay = PdfReader(io.BytesIO(buf.getvalue()))
        for index, page in enumerate(writer.pages):
            if index % 10 == 0:
                self.check()
                self.report(85 + int(10 * index / max(1, total)), "Numbering pages")
            page.merge_page(overlay.pages[index])
            page.compress_content_streams()

    @staticmethod
    def _draw_footer(
        canvas: Canvas,
        box: tuple[float, float, float],
        title: str,
        generated: str,
        number: int,
        total: int,
        frame: _Rect | None = None,
    ) -> None:
        """The footer inside *box* (left, bottom, width). Under a reduced exhibit page the
        edge of its *frame* takes the place of the rule above the footer."""
        left, bottom, width = box
        margin = min(MARGIN_X, width * 0.09)
        x0, x1 = left + margin, left + width - margin
        y = bottom + _FOOTER_Y
        size = _FOOTER_SIZE
        page_text = f"Page {number} of {total}"
        canvas.setFillColor(_INK)
        if frame is None:
            canvas.setStrokeColor(_RULE)
            canvas.setLineWidth(0.4)
            canvas.line(x0, y + size + 3, x1, y + size + 3)
        canvas.setFont(FONT_BOLD, size)
        canvas.drawRightString(x1, y, page_text)
        canvas.setFont(FONT, size)
        page_w = pdfmetrics.stringWidth(page_text, FONT_BOLD, size)
        gen_w = pdfmetrics.stringWidth(generated, FONT, size)
        room = x1 - x0 - page_w - gen_w - 24
        if room >= 60:
            canvas.drawRightString(x1 - page_w - 12, y, generated)
            canvas.drawString(x0, y, _fit(title, FONT, size, room))
        else:  # narrow page: the title moves to a second line below
            canvas.drawString(x0, y, generated)
            canvas.drawString(x0, y - size - 2, _fit(title, FONT, size, x1 - x0))

    def finish(self, writer: PdfWriter, page_map: dict[int, int], prep: _Prepared) -> None:
        data = self.data
        subject = f"{data.issue_type_label} with {data.organization.name}"
        if data.redacted:
            subject += " (redacted copy)"
        writer.add_metadata(
            {
                "/Title": f"Case file: {data.title}",
                "/Subject": subject,
                "/Author": data.person.name,
                "/Creator": "Headway Journal",
                "/Producer": "Headway Journal (ReportLab, pypdf)",
                "/CreationDate": _pdf_date(data.generated_at),
                "/ModDate": _pdf_date(data.generated_at),
            }
        )
        writer.page_mode = "/UseOutlines"
        first: dict[str, _Mark] = {}
        for mark in self.marks:
            first.setdefault(mark.key, mark)
        exhibits_parent = None
        for mark in sorted(
            (m for m in first.values() if m.key.startswith("section-")), key=lambda m: m.page
        ):
            item = writer.add_outline_item(title=mark.title, page_number=page_map[mark.page])
            if mark.key == "section-exhibits":
                exhibits_parent = item
        if exhibits_parent is None:
            return
        list_page = first["section-exhibits"].page
        for ex in sorted(data.exhibits, key=lambda x: x.number):
            own = first.get(f"exhibit-{ex.number}") or first.get(f"divider-{ex.number}")
            page = own.page if own is not None else list_page
            writer.add_outline_item(
                title=_exhibit_title(ex), page_number=page_map[page], parent=exhibits_parent
            )

    def write(self, writer: PdfWriter) -> None:
        self.check()
        self.report(96, "Saving")
        fd, tmp = _create_part_file(self.out)
        try:
            with os.fdopen(fd, "wb") as fh:
                writer.write(fh)
                fh.flush()
                os.fsync(fh.fileno())
            self.check()
            os.replace(tmp, self.out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(self.out.parent)

    # -- the story ------------------------------------------------------------------------------

    def heading(
        self, text: str, key: str, style: ParagraphStyle | None = None, *, title: str = ""
    ) -> _Heading:
        return _Heading(
            _esc(text), style or self.s.h1, key=key, title=title or text, sink=self.marks
        )

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(_esc(text), style or self.s.body)

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup, style or self.s.body)

    def cell(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(_esc(text), style or self.s.cell)

    def story(self, prep: _Prepared) -> list[Flowable]:
        story: list[Flowable] = []
        steps: list[Callable[[_Prepared], list[Flowable]]] = [
            self.cover,
            self.letter,
            self.references,
            self.details,
            self.timeline,
            self.promises,
            self.escalations,
            self.clocks,
            self.exhibit_list,
            self.exhibit_images,
            self.signature,
            self.dividers,
        ]
        for step in steps:
            self.check()
            part = step(prep)
            if not story:
                while part and isinstance(part[0], (PageBreak, CondPageBreak)):
                    part = part[1:]
            story += _keep_small_tables(part)
        self.report(35, "Laying out pages")
        return story

    def cover(self, _prep: _Prepared) -> list[Flowable]:
        d = self.data
        s = self.s
        out: list[Flowable] = [
            self.heading(
                f"Case file · case #{d.case_number} ({d.case_key})",
                "section-cover",
                s.kicker,
                title="Cover",
            ),
            self.p(d.title, s.title),
        ]
        if d.redacted:
            out += [_boxed(self.markup(_redacted_banner(d), s.banner), _NOTE_BG), Spacer(1, 8)]
        if d.safety_note:
            out += [
                _boxed(self.markup(f"<b>Safety.</b> {_esc(d.safety_note)}", s.small), _ALERT_BG),
                Spacer(1, 8),
            ]
        person = party_lines(d.person)
        org = [d.organization.name, d.organization.address, d.organization.website]
        promises = [p for c in d.contacts for p in c.promises]
        broken = sum(1 for p in promises if p.status == "broken")
        overdue = sum(1 for p in promises if p.status == "overdue")
        hold = sum(max(0, c.hold_minutes) for c in d.contacts)
        rows = [
            ("Person", "\n".join(x for x in person if x.strip())),
            ("Organization", "\n".join(x for x in org if x.strip())),
            ("Issue type", d.issue_type_label),
            ("Role", d.role),
            ("Status", d.status),
            ("Opened", f"{_fmt_date(d.opened_on)} ({_plural(d.days_open, 'day')} open)"),
            ("Amount disputed", d.amount_disputed or "none stated"),
            (
                "Contacts",
                f"{len(d.contacts)} logged; total time on hold {_fmt_minutes(hold)}"
                + (f" ({_range_note(d)})" if d.contacts_range is not None else ""),
            ),
            (
                "Promises",
                f"{len(promises)} recorded; {broken} broken, {overdue} overdue",
            ),
            ("Generated", _fmt_dt(d.generated_at)),
        ]
        out.append(self.kv_table(rows, 120))
        out += [
            Spacer(1, 10),
            self.p("Resolution wanted", s.h2),
            self.p(d.desired_outcome or "Not stated."),
            self.p("What happened", s.h2),
            self.p(d.narrative or "No narrative was written."),
        ]
        return out

    def kv_table(
        self, rows: Sequence[tuple[str, str]], label_width: float, *, bold_values: bool = False
    ) -> Table:
        value_style = self.s.cell_bold if bold_values else self.s.cell
        data = [
            [self.cell(label, self.s.cell_label), self.cell(value, value_style)]
            for label, value in rows
        ]
        table = Table(data, colWidths=[label_width, FRAME_W - label_width], hAlign="LEFT")
        table.setStyle(
            _grid(
                header=False,
                extra=[
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
                    ("GRID", (0, 0), (-1, -1), 0, colors.white),
                ],
            )
        )
        return table

    def letter(self, _prep: _Prepared) -> list[Flowable]:
        text = _clean(self.data.cover_letter or "").strip()
        if not text:
            return []
        out: list[Flowable] = [
            PageBreak(),
            self.heading("Cover letter", "section-letter", self.s.kicker),
        ]
        s = self.s
        previous = ""
        for block in letter_blocks(text):
            extra = min(_LETTER_MAX_BLANKS, block.blank_lines_before) - 1
            if extra > 0:  # blank lines kept, e.g. the room for the signature
                out.append(Spacer(1, extra * s.body.leading))
            if previous == "item" and block.kind != "item" and block.blank_lines_before:
                out.append(Spacer(1, s.body.spaceAfter - s.letter_item.spaceAfter))
            if block.kind == "heading":
                out.append(self.p(block.text, s.letter_heading))
            elif block.kind == "item":
                out.append(Paragraph(_esc(block.text), s.letter_item, bulletText="•"))
            elif block.text.casefold().startswith("re:"):  # the subject line, in bold
                subject, _, rest = block.text.partition("\n")
                markup = f"<b>{_esc(subject)}</b>" + (f"<br/>{_esc(rest)}" if rest else "")
                out.append(self.markup(markup))
            else:
                out.append(self.p(block.text))
            previous = block.kind
        return out

    def references(self, _prep: _Prepared) -> list[Flowable]:
        d = self.data
        s = self.s
        out: list[Flowable] = [PageBreak(), self.heading("References", "section-references")]
        out.append(self.p("Reference numbers", s.h2))
        if d.references:
            order = {k: i for i, k in enumerate(_KIND_ORDER)}
            refs = sorted(d.references, key=lambda r: (order.get(r.kind, len(order)), r.value))
            rows = [[self.cell(h) for h in ("Type", "Number", "Description")]]
            rows += [
                [
                    self.cell(_KIND_LABELS.get(r.kind, r.kind.title())),
                    self.cell(r.value, s.cell_bold),
                    self.cell(r.label),
                ]
                for r in refs
            ]
            out.append(_table(rows, [120, 170, FRAME_W - 290]))
        else:
            out.append(self.p("No reference numbers were recorded.", s.muted))

        out.append(self.p("Ticket numbers from the contacts", s.h2))
        tickets: dict[str, list[ContactRow]] = {}
        for c in _sorted_contacts(d.contacts):
            for t in c.tickets:
                if t.strip():
                    tickets.setdefault(t.strip(), []).append(c)
        if tickets:
            rows = [[self.cell(h) for h in ("Ticket", "Mentioned in contacts")]]
            for ticket, contacts in tickets.items():
                seen = _listed([f"#{c.number} ({_fmt_date(c.started_at.date())})" for c in contacts])
                rows.append([self.cell(ticket, s.cell_bold), self.cell(seen)])
            out.append(_table(rows, [150, FRAME_W - 150]))
        else:
            out.append(self.p("No ticket numbers were given in the contacts.", s.muted))

        out.append(self.p("Representatives", s.h2))
        reps: dict[tuple[str, str], list[str]] = {}
        titles: dict[tuple[str, str], str] = {}
        for name, title, rep_id in d.representatives:
            key = (name.strip(), rep_id.strip())
            reps.setdefault(key, [])
            titles[key] = title
        for c in _sorted_contacts(d.contacts):
            if not c.rep_name.strip():
                continue
            key = (c.rep_name.strip(), c.rep_id.strip())
            reps.setdefault(key, []).append(f"#{c.number}")
            titles.setdefault(key, c.rep_title)
            if not titles[key]:
                titles[key] = c.rep_title
        if reps:
            rows = [[self.cell(h) for h in ("Name", "Title", "ID", "Contacts")]]
            for (name, rep_id), numbers in reps.items():
                rows.append(
                    [
                        self.cell(name, s.cell_bold),
                        self.cell(titles.get((name, rep_id), "")),
                        self.cell(rep_id or "not given"),
                        self.cell(_listed(numbers) or "—"),
                    ]
                )
            out.append(_table(rows, [150, 160, 90, FRAME_W - 400]))
        else:
            out.append(self.p("No representatives were recorded.", s.muted))

        out.append(self.p("Escalation owners", s.h2))
        if d.escalations:
            rows = [[self.cell(h) for h in ("Name", "Title", "Level", "Reference")]]
            for e in sorted(d.escalations, key=lambda e: e.requested_on):
                rows.append(
                    [
                        self.cell(e.owner_name or "not named", s.cell_bold),
                        self.cell(e.owner_title),
                        self.cell(e.level),
                        self.cell(e.reference or "—"),
                    ]
                )
            out.append(_table(rows, [150, 150, 100, FRAME_W - 400]))
        else:
            out.append(self.p("No escalations have been requested yet.", s.muted))
        return out

    def details(self, _prep: _Prepared) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [
            CondPageBreak(160),
            self.heading("Issue details", "section-details"),
            self.p(f"Fields recorded for this {d.issue_type_label.lower()} case.", self.s.muted),
        ]
        if d.details:
            rows = [[self.cell(h) for h in ("Field", "Value")]]
            rows += [
                [self.cell(label, self.s.cell_label), self.cell(value)]
                for label, value in d.details
            ]
            out.append(_table(rows, [170, FRAME_W - 170]))
        else:
            out.append(self.p("No issue-specific details were recorded.", self.s.muted))
        return out

    def timeline(self, _prep: _Prepared) -> list[Flowable]:
        d = self.data
        s = self.s
        contacts = _sorted_contacts(d.contacts)
        out: list[Flowable] = [
            PageBreak(),
            self.heading("Timeline of contacts", "section-timeline"),
        ]
        if d.contacts_range is not None:
            note = f"This case file shows only the {_range_note(d)}."
            out += [_boxed(self.p(note, s.small), _NOTE_BG), Spacer(1, 6)]
        if not contacts:
            return out + [self.p("No contacts were logged.", s.muted)]
        out.append(
            self.p(
                f"{_plural(len(contacts), 'contact')} from "
                f"{_fmt_date(contacts[0].started_at.date())} to "
                f"{_fmt_date(contacts[-1].started_at.date())}, in date order. Times are shown "
                "with their UTC offset. Each entry says when it was recorded.",
                s.muted,
            )
        )
        known = {x.number for x in d.exhibits}
        for c in contacts:
            self.check()
            out.append(KeepTogether([self.contact_block(c, known), Spacer(1, 8)]))
        return out

    def contact_block(self, c: ContactRow, known_exhibits: set[int]) -> Table:
        s = self.s
        head = (
            f"Contact {c.number} · {_esc(_fmt_dt(c.started_at, weekday=True))} · "
            f"{_esc(_channel(c))}"
        )
        rows: list[list[Flowable | str]] = [[self.markup(head, s.cell_head), ""]]

        def add(label: str, value: Flowable) -> None:
            rows.append([self.cell(label, s.cell_label), value])

        add("Duration", self.cell(_duration(c)))
        rep = ", ".join(x for x in (c.rep_name.strip(), c.rep_title.strip()) if x)
        if c.rep_id.strip():
            rep = f"{rep} (ID {c.rep_id.strip()})" if rep else f"ID {c.rep_id.strip()}"
        add("Representative", self.cell(rep or "not recorded"))
        add("Tickets", self.cell(", ".join(t for t in c.tickets if t.strip()) or "none given"))
        add("What was said", self.cell(c.summary or "—"))
        if c.outcome.strip():
            add("Outcome", self.cell(c.outcome))
        if c.promises:
            lines = [_promise_line(p) for p in c.promises]
            add("Promises", self.markup("<br/>".join(lines), s.cell))
        if c.exhibit_numbers:
            withheld = {x.number for x in self.data.exhibits if x.withheld}
            names = [
                f"Exhibit {n} (withheld from this redacted copy)" if n in withheld
                else f"Exhibit {n}" if n in known_exhibits else f"Exhibit {n} (not in this file)"
                for n in sorted(set(c.exhibit_numbers))
            ]
            add("Exhibits", self.cell(", ".join(names)))
        add("Recorded", self.cell(_recorded_note(c), s.cell_bold if _is_late(c) else s.cell))
        table = Table(rows, colWidths=[100, FRAME_W - 100], repeatRows=1, hAlign="LEFT")
        table.setStyle(
            _grid(
                header=False,
                extra=[
                    ("SPAN", (0, 0), (-1, 0)),
                    ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
                    ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                ],
            )
        )
        return table

    def promises(self, _prep: _Prepared) -> list[Flowable]:
        s = self.s
        pairs = [(c, p) for c in self.data.contacts for p in c.promises]
        pairs.sort(key=lambda cp: (cp[1].made_on, cp[0].started_at, cp[0].number))
        out: list[Flowable] = [CondPageBreak(200), self.heading("Promises", "section-promises")]
        if not pairs:
            return out + [self.p("No promises were recorded.", s.muted)]
        counts = {k: sum(1 for _, p in pairs if p.status == k) for k in _STATUS_WORDS}
        summary = ", ".join(
            f"{counts[k]} {_STATUS_WORDS[k].lower()}" for k in _STATUS_WORDS if counts[k]
        )
        out.append(
            self.p(
                f"{_plural(len(pairs), 'promise')} made by the organization's representatives: "
                f"{summary}. Broken and overdue promises are marked in bold capitals.",
                s.muted,
            )
        )
        rows: list[list[Flowable]] = [
            [self.cell(h) for h in ("Made on", "Promise", "Due", "Outcome")]
        ]
        alerts: list[_Cmd] = []
        for c, p in pairs:
            alert = p.status in _ALERT_STATUSES
            who = f"contact #{c.number}" + (f", {c.rep_name.strip()}" if c.rep_name.strip() else "")
            made = f"{_esc(_fmt_date(p.made_on))}<br/><font size=8>{_esc(who)}</font>"
            rows.append(
                [
                    self.markup(made, s.cell),
                    self.cell(p.text, s.cell_bold if alert else s.cell),
                    self.cell(p.due_label, s.cell_bold if alert else s.cell),
                    self.markup(_status_markup(p), s.cell),
                ]
            )
            if alert:
                alerts.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), _ALERT_BG))
        out.append(_table(rows, [96, 208, 90, FRAME_W - 394], extra=alerts))
        return out

    def escalations(self, _prep: _Prepared) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [
            CondPageBreak(160),
            self.heading("Escalations", "section-escalations"),
        ]
        if not self.data.escalations:
            return out + [self.p("No escalations have been requested yet.", s.muted)]
        rows: list[list[Flowable]] = [
            [self.cell(h) for h in ("Requested", "Level", "Owner", "Reference", "Notes")]
        ]
        for e in sorted(self.data.escalations, key=lambda e: e.requested_on):
            owner = f"<b>{_esc(e.owner_name or 'not named')}</b>"
            if e.owner_title.strip():
                owner += f"<br/>{_esc(e.owner_title)}"
            rows.append(
                [
                    self.cell(_fmt_date(e.requested_on)),
                    self.cell(e.level),
                    self.markup(owner, s.cell),
                    self.cell(e.reference or "—"),
                    self.cell(e.notes),
                ]
            )
        out.append(_table(rows, [66, 86, 120, 96, FRAME_W - 368]))
        return out

    def clocks(self, _prep: _Prepared) -> list[Flowable]:
        if not self.data.outside_clocks:
            return []
        s = self.s
        out: list[Flowable] = [
            CondPageBreak(140),
            self.heading("Outside deadlines (general information)", "section-clocks"),
            self.p(
                "General information to verify, not legal advice: these are common rules "
                "and the dates they would give. Check the deadlines that apply to this case "
                "with the agency concerned before relying on them.",
                s.muted,
            ),
        ]
        rows = [[self.cell(h) for h in ("Rule", "Deadline")]]
        rows += [
            [self.cell(rule), self.cell(deadline)] for rule, deadline in self.data.outside_clocks
        ]
        out.append(_table(rows, [260, FRAME_W - 260]))
        return out

    def exhibit_list(self, prep: _Prepared) -> list[Flowable]:
        s = self.s
        exhibits = sorted(self.data.exhibits, key=lambda x: x.number)
        out: list[Flowable] = [PageBreak(), self.heading("Exhibits", "section-exhibits")]
        if not exhibits:
            if self.data.omitted_exhibits:  # all of them left out of this copy
                numbers = ", ".join(str(n) for n in self.data.omitted_exhibits)
                word = "Exhibit" if len(self.data.omitted_exhibits) == 1 else "Exhibits"
                return out + [self.p(f"{word} {numbers} left out of this copy.")]
            return out + [self.p("No exhibits are attached.", s.muted)]
        out.append(
            self.p(
                "Each exhibit is identified by its SHA-256 digest, computed when it was added "
                "to the journal; a copy can be checked against it (for example with "
                "sha256sum).",
                s.muted,
            )
        )
        rows: list[list[Flowable | str]] = [
            [self.cell(h) for h in ("No.", "Caption", "Original name", "Added", "Size", "Type")]
        ]
        extra: list[_Cmd] = []
        for ex in exhibits:
            note = prep.notes.get(ex.number, "")
            missing = ex.number in prep.not_shown and "missing" in prep.not_shown[ex.number]
            caption = f"{_esc(ex.caption)}<br/><font size=8 color='#555555'>{_esc(note)}</font>"
            if missing:
                caption = f"{_esc(ex.caption)}<br/><b><font size=8>{_esc(note)}</font></b>"
            rows.append(
                [
                    self.cell(str(ex.number), s.cell_bold),
                    self.markup(caption, s.cell),
                    self.cell(ex.original_name),
                    self.cell(_fmt_date(ex.added_at.date())),
                    self.markup(
                        f"{_esc(_fmt_size(ex.size))}<br/><font size=7.5>{ex.size:,} B</font>",
                        s.cell,
                    ),
                    self.cell(ex.media_type),
                ]
            )
            rows.append(["", self.markup(f"SHA-256 {_sha_markup(ex.sha256)}", s.mono)])
            r = len(rows) - 1
            extra += [
                ("SPAN", (1, r), (-1, r)),
                ("NOSPLIT", (0, r - 1), (-1, r)),
                ("LINEABOVE", (1, r), (-1, r), 0, colors.white),
                ("TOPPADDING", (0, r), (-1, r), 0),
                ("LINEBELOW", (0, r - 1), (-1, r - 1), 0.4, colors.white),
            ]
        out.append(_table(rows, [26, 146, 118, 64, 58, FRAME_W - 412], extra=extra, grid=False))
        if self.data.omitted_exhibits:
            numbers = ", ".join(str(n) for n in self.data.omitted_exhibits)
            word = "Exhibit" if len(self.data.omitted_exhibits) == 1 else "Exhibits"
            out.append(Spacer(1, 6))
            out.append(
                self.p(f"{word} {numbers} left out of this copy; the others keep their numbers.")
            )
        if prep.not_shown:
            out.append(self.p("Exhibits not shown in this file", s.h2))
            by_number = {x.number: x for x in exhibits}
            for number, reason in sorted(prep.not_shown.items()):
                ex = by_number[number]
                out.append(
                    self.markup(
                        f"<b>Exhibit {number}</b> — {_esc(ex.caption)} "
                        f"({_esc(ex.original_name)}): {_esc(reason)}.",
                        s.small,
                    )
                )
        return out

    def exhibit_images(self, prep: _Prepared) -> list[Flowable]:
        images = sorted(prep.images, key=lambda im: im.exhibit.number)
        out: list[Flowable] = []
        gap = 18.0
        half_h = (FRAME_H - gap) / 2
        i = 0
        while i < len(images):
            self.check()
            first = images[i]
            second = images[i + 1] if i + 1 < len(images) else None
            if (
                second is not None
                and self._is_short(first, half_h)
                and self._is_short(second, half_h)
            ):
                out += [PageBreak(), self.image_slot(first, half_h), Spacer(1, gap)]
                out.append(self.image_slot(second, half_h))
                i += 2
            else:
                out += [PageBreak(), self.image_slot(first, FRAME_H)]
                i += 1
        return out

    def _slot_text(self, im: _PlacedImage) -> tuple[_Heading, Paragraph, Paragraph]:
        ex = im.exhibit
        heading = _Heading(
            f"Exhibit {ex.number} — {_esc(ex.caption)}",
            self.s.h3,
            key=f"exhibit-{ex.number}",
            title=_exhibit_title(ex),
            sink=self.marks,
        )
        info = self.p(
            f"Original file: {ex.original_name} · added {_fmt_dt(ex.added_at)} · "
            f"{_fmt_size(ex.size)} · {ex.media_type} · scaled for print; the digest "
            "identifies the original file",
            self.s.muted,
        )
        sha = self.markup(f"SHA-256 {escape(ex.sha256)}", self.s.mono)
        return heading, info, sha

    def _text_height(self, parts: Sequence[Paragraph]) -> float:
        total = 0.0
        for part in parts:
            _, h = part.wrap(FRAME_W, FRAME_H)
            total += h + part.getSpaceBefore() + part.getSpaceAfter()
        return total + 8  # space between image and caption

    def _fit(self, im: _PlacedImage, box_h: float) -> tuple[float, float]:
        avail_h = max(40.0, box_h - self._text_height(self._slot_text(im)) - 2)
        # never enlarge beyond 96 dpi (0.75 pt per pixel)
        scale = min(FRAME_W / im.width_px, avail_h / im.height_px, 0.75)
        return im.width_px * scale, im.height_px * scale

    def _is_short(self, im: _PlacedImage, half_h: float) -> bool:
        """Landscape-ish images that lose at most 15% of their size on a half page."""
        full_w, _ = self._fit(im, FRAME_H)
        half_w, _ = self._fit(im, half_h)
        return half_w >= 0.85 * full_w

    def image_slot(self, im: _PlacedImage, box_h: float) -> KeepTogether:
        heading, info, sha = self._slot_text(im)
        width, height = self._fit(im, box_h)
        picture: Flowable
        if im.pixels is not None:
            name = f"HJExhibit{im.exhibit.number}"
            picture = _PlacedPixels(im.pixels, im.width_px, im.height_px, width, height, name)
        else:
            picture = Image(str(im.path), width=width, height=height)
        framed = Table([[picture]], colWidths=[width], rowHeights=[height], hAlign="CENTER")
        framed.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("BOX", (0, 0), (-1, -1), 0.5, _RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return KeepTogether([heading, framed, Spacer(1, 6), info, sha])

    def signature(self, _prep: _Prepared) -> list[Flowable]:
        d = self.data
        s = self.s
        statement = (
            f"I prepared this case file from the journal I kept of my contacts with "
            f"{d.organization.name}. Each entry shows when the contact happened and when I "
            "recorded it; the exhibits are copies of the files I kept, identified by their "
            "SHA-256 digests."
        )
        rows = [
            [
                self.cell("Signature ______________________________________", s.body),
                self.cell("Date ____________________", s.body),
            ],
            [self.cell(f"Printed name: {printed_name(d.person)}", s.body), ""],
        ]
        table = Table(rows, colWidths=[330, FRAME_W - 330], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("TOPPADDING", (0, 0), (-1, -1), 18),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [
            CondPageBreak(220),
            KeepTogether(
                [
                    Spacer(1, 18),
                    self.heading("Signature", "section-signature"),
                    self.p(statement),
                    table,
                ]
            ),
        ]

    def dividers(self, prep: _Prepared) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = []
        pdfs = sorted(prep.pdfs, key=lambda p: p.exhibit.number)
        for index, pdf in enumerate(pdfs):
            ex = pdf.exhibit
            out.append(PageBreak())
            if index == 0:
                out.append(self.heading("Appended PDF exhibits", "section-appended", s.kicker))
            out += [
                _Heading(
                    f"Exhibit {ex.number} — {_esc(ex.caption)}",
                    s.title,
                    key=f"divider-{ex.number}",
                    title=_exhibit_title(ex),
                    sink=self.marks,
                ),
                self.kv_table(
                    [
                        ("Exhibit", str(ex.number)),
                        ("Caption", ex.caption),
                        ("Original name", ex.original_name),
                        ("Added", _fmt_dt(ex.added_at)),
                        ("Size", f"{_fmt_size(ex.size)} ({ex.size:,} bytes)"),
                        ("Media type", ex.media_type),
                    ],
                    110,
                ),
                Spacer(1, 6),
                self.markup(f"SHA-256 {escape(ex.sha256)}", s.mono),
                Spacer(1, 14),
            ]
            if pdf.problem is not None or pdf.reader is None:
                out.append(
                    _boxed(
                        self.markup(
                            f"<b>This PDF could not be appended:</b> {_esc(pdf.problem or '')}. "
                            "The original file is kept in the journal and can be provided "
                            "separately; the digest above identifies it.",
                            s.body,
                        ),
                        _ALERT_BG,
                    )
                )
                continue
            scales = [_exhibit_scale(*_upright_size(page)) for page in pdf.reader.pages]
            low, high = _percent(min(scales)), _percent(max(scales))
            reduced = f"to {high}" if low == high else f"to between {low} and {high}"
            if pdf.pages == 1:
                following = "The page after this one is the document as filed, reduced"
            else:
                following = (
                    f"The {pdf.pages} pages after this one are the document as filed, each reduced"
                )
            out.append(
                self.p(
                    f"{following} {reduced} of its size and framed, so that the footer of this "
                    "case file fits below it without covering any of it. Nothing else is "
                    "changed."
                )
            )
        return out


# ---------------------------------------------------------------------------------------------
# Small helpers


def _table(
    rows: list[list[Any]], widths: Sequence[float], *, extra: Sequence[_Cmd] = (), grid: bool = True
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    cmds = list(extra)
    if not grid:
        cmds = [
            ("GRID", (0, 0), (-1, -1), 0, colors.white),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
            ("BOX", (0, 0), (-1, -1), 0.4, _RULE),
            *cmds,
        ]
    table.setStyle(_grid(header=True, extra=cmds))
    return table


_SMALL_TABLE_ROWS = 12


def _keep_small_tables(part: list[Flowable]) -> list[Flowable]:
    """Keep each small table together with the headings and intro text right above it."""
    out: list[Flowable] = []
    for flowable in part:
        if isinstance(flowable, Table) and len(flowable._cellvalues) <= _SMALL_TABLE_ROWS:
            lead: list[Flowable] = []
            while out and isinstance(out[-1], Paragraph) and len(lead) < 3:
                lead.insert(0, out.pop())
            out.append(KeepTogether([*lead, flowable]))
        else:
            out.append(flowable)
    return out


def _boxed(content: Flowable, background: colors.Color) -> Table:
    table = Table([[content]], colWidths=[FRAME_W], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.6, _RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _sorted_contacts(contacts: Sequence[ContactRow]) -> list[ContactRow]:
    return sorted(contacts, key=lambda c: (c.started_at, c.number))


def _status_markup(p: PromiseRow) -> str:
    word = _STATUS_WORDS.get(p.status, p.status)
    label = p.status_label.strip()
    text = f"<b>{_esc(word)}</b>" if p.status in _ALERT_STATUSES else _esc(word)
    if label and label.casefold() != word.casefold():
        extra = _esc(label)
        text += f"<br/><b>{extra}</b>" if p.status in _ALERT_STATUSES else f"<br/>{extra}"
    return text


def _promise_line(p: PromiseRow) -> str:
    word = _STATUS_WORDS.get(p.status, p.status)
    label = p.status_label.strip()
    state = f"{word} ({label})" if label and label.casefold() != word.casefold() else word
    state_markup = f"<b>{_esc(state)}</b>" if p.status in _ALERT_STATUSES else _esc(state)
    return (
        f"• “{_esc(p.text)}” (made {_esc(_fmt_date(p.made_on))}; due {_esc(p.due_label)}) "
        f"— {state_markup}"
    )


def _range_note(d: CaseFileData) -> str:
    """"contacts from November 1, 2026 to November 30, 2026; 1,234 others not included"."""
    first, last = d.contacts_range or (None, None)
    start = _fmt_date(first) if first is not None else "the first contact"
    end = _fmt_date(last) if last is not None else "the last contact"
    others = d.contacts_not_included
    rest = (
        f"{others:,} other{'s' if others != 1 else ''} not included"
        if others
        else "no others were logged"
    )
    return f"contacts from {start} to {end}; {rest}"


def _redacted_banner(d: CaseFileData) -> str:
    """What the redacted copy masks, what it withholds and what it reproduces as filed."""
    text = (
        "REDACTED COPY. Account, member, claim, authorization, invoice, NPI and EIN numbers, "
        "representative IDs, e-mail addresses, phone numbers and other long numbers are masked "
        "to their last 4 characters. Screenshots are reproduced as filed and are not masked."
    )
    withheld = [x.number for x in d.exhibits if x.withheld]
    included = [
        x.number for x in d.exhibits if not x.withheld and unmaskable_kind(x.media_type)
    ]
    if withheld:
        text += (
            f" {_numbers('Exhibit', withheld)} (PDF or text) "
            f"{'is' if len(withheld) == 1 else 'are'} withheld from this redacted copy: "
            "listed with name, size and SHA-256 only."
        )
    if included:
        text += (
            f" <b>{_numbers('Exhibit', included)} {'is' if len(included) == 1 else 'are'} "
            "included as filed: its contents are not masked.</b>"
        )
    return text


_MAX_LISTED = 40  # a cell listing more contacts than this would not fit on a page


def _listed(items: Sequence[str]) -> str:
    """"#1, #2, #3", cut to the first few with "and N more" so that a table cell fits a page."""
    if len(items) <= _MAX_LISTED:
        return ", ".join(items)
    return f"{', '.join(items[:_MAX_LISTED])} and {len(items) - _MAX_LISTED:,} more"


def _numbers(word: str, numbers: Sequence[int]) -> str:
    listed = ", ".join(str(n) for n in sorted(numbers))
    return f"{word} {listed}" if len(numbers) == 1 else f"{word}s {listed}"


def _sha_markup(sha: str) -> str:
    return escape(sha.strip().lower())


def _exhibit_title(ex: Exhibit) -> str:
    caption = " ".join(_clean(ex.caption).split())
    if len(caption) > 80:
        caption = caption[:79] + "…"
    return f"Exhibit {ex.number} — {caption}" if caption else f"Exhibit {ex.number}"


def _fit(text: str, font: str, size: float, width: float) -> str:
    text = " ".join(text.split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _create_part_file(out: Path) -> tuple[int, Path]:
    """A new, uniquely named file next to *out*, to be renamed over it when complete.

    Mode 0600 whatever the umask (``create_private``): a case file holds the whole case, and
    the user decides whom to send it to. O_EXCL never opens an existing file or follows a
    symbolic link.
    """
    from ...journal.folder_safety import create_private

    for _ in range(100):
        part = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
        try:
            return create_private(part), part
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {out}")


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _pdf_date(dt: datetime) -> str:
    off = _fmt_offset(dt).replace(":", "'")
    return f"D:{dt:%Y%m%d%H%M%S}{off}'"
