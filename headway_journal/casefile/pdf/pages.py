"""Appended PDF exhibits: read and cleaned, then each page turned upright and reduced a little.

A PDF exhibit is read and fully copied with pypdf (so a broken file fails early, and what
:mod:`.sanitize` strips is never copied). Each page appended to the case file is turned upright
(its /Rotate moves into the content) and its content reduced to 94% inside its own boxes,
framed, so that a strip at the bottom is free for the footer and nothing of the exhibit (bank
statements print their own footers there) is covered; links and other annotations move with it.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

from ... import i18n
from ..data import Exhibit
from .sanitize import strip_page

__all__ = [
    "PdfExhibit",
    "Rect",
    "append_exhibit",
    "exhibit_scale",
    "load_pdf",
    "percent",
    "upright_size",
]


_Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in PDF "cm"
Rect = tuple[float, float, float, float]  # left, bottom, right, top
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_BOX_NAMES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
_POINT_KEYS = ("/QuadPoints", "/L", "/Vertices", "/CL")  # annotation keys holding x y pairs
_NO_ROTATE = 16  # annotation flag: keeps its orientation when the page is rotated

_EXHIBIT_SCALE = 0.94  # appended pages are reduced to this (or less on very short pages)
_FOOTER_STRIP = 40.0  # pt at the bottom of an appended page kept clear for the footer
_ABOVE_GAP = 4.0  # pt at least above a reduced page


@dataclass
class PdfExhibit:
    """A PDF exhibit, read and cleaned (*reader*), or why it cannot be appended."""

    exhibit: Exhibit
    reader: PdfReader | None
    pages: int
    problem: str | None


def load_pdf(path: Path) -> tuple[PdfReader | None, int, str | None]:
    """Read and fully copy a PDF exhibit, so a broken file fails here and not at the end."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, 0, i18n.text("the stored file could not be read ({name__})").format(name__=type(exc).__name__)
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
                    return None, 0, i18n.text("it is encrypted (protected with a password)")
            count = len(reader.pages)
            if count == 0:
                return None, 0, i18n.text("it has no pages")
            copy = PdfWriter()
            for page in reader.pages:
                strip_page(page)  # before copying: what it referred to is never copied
                copy.add_page(page)
            buf = io.BytesIO()
            copy.write(buf)
            clean = PdfReader(io.BytesIO(buf.getvalue()))
            return clean, len(clean.pages), None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken input
        return None, 0, i18n.text("it could not be read as a PDF ({name__})").format(name__=type(exc).__name__)


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


def _map_rect(m: _Matrix, rect: Rect) -> Rect:
    """The bounding box of *rect* after *m*."""
    x0, y0, x1, y1 = rect
    points = [_apply(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _rect_of(box: Any) -> Rect:
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


def upright_size(page: PageObject) -> tuple[float, float]:
    """Width and height of the page's crop box as a viewer shows it (after /Rotate)."""
    left, bottom, right, top = _rect_of(page.cropbox)
    width, height = right - left, top - bottom
    return (height, width) if _quarter_turns(page) in (90, 270) else (width, height)


def exhibit_scale(width: float, height: float) -> float:
    """How much an appended page of this (upright) size is reduced."""
    if width <= 0 or height <= 0:
        return _EXHIBIT_SCALE
    return max(0.25, min(_EXHIBIT_SCALE, (height - _FOOTER_STRIP - _ABOVE_GAP) / height))


def _fit_above_footer(box: Rect) -> tuple[_Matrix, Rect]:
    """Scale the page's visible box into itself, centred across and above the footer strip."""
    left, bottom, right, top = box
    width, height = right - left, top - bottom
    s = exhibit_scale(width, height)
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


def _make_room_for_footer(page: PageObject, *, own_stream: bool, seen: set[int]) -> Rect:
    """Turn an appended page upright (its /Rotate moves into the content) and reduce its
    content to :func:`exhibit_scale` inside the same boxes, leaving the bottom strip for
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


def percent(scale: float) -> str:
    """"94%" for a scale of 0.94."""
    return f"{int(scale * 100 + 0.5)}%"


def append_exhibit(
    writer: PdfWriter, reader: PdfReader, placed: dict[int, Rect], check: Callable[[], None]
) -> int:
    """Append the exhibit's pages, each reduced to leave the footer strip free; *placed*
    gets where each reduced page sits (by page index in *writer*)."""
    first = len(writer.pages)
    added = [writer.add_page(page) for page in reader.pages]
    keys = [_content_keys(page) for page in added]
    uses: dict[int, int] = {}
    for page_keys in keys:
        for stream in page_keys:
            uses[stream] = uses.get(stream, 0) + 1
    seen: set[int] = set()  # annotations and appearance streams already moved
    for offset, (page, page_keys) in enumerate(zip(added, keys, strict=True)):
        check()
        own = all(uses[stream] == 1 for stream in page_keys)
        placed[first + offset] = _make_room_for_footer(page, own_stream=own, seen=seen)
    return len(added)
