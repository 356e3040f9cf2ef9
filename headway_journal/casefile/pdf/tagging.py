"""A structure tree for the case file, so that read-aloud and screen readers follow it.

ReportLab writes no tagged PDF (no structure tree, no marked content). What it can do is put
literal operators in a page; so the layout marks what it knows while it draws: a heading is
wrapped in ``/H1 BMC ... EMC`` (``mark_start``/``mark_end``, used by :class:`~.marks.Heading`),
an exhibit image in ``/Figure <</Alt <caption>>> BDC ... EMC`` (:class:`AltText`), and every
other block of text (a paragraph, a table cell) in ``/P BMC ... EMC`` (:class:`TaggingCanvas`).
After the pages are laid out, :func:`tag_pages` numbers those marks on each page in drawing
order (which is reading order: top to bottom, the caption before its image) and builds the
tree: Document > H1/H2/H3, P, Figure (with its alternative text). The catalog gets
``/MarkInfo << /Marked true >>``, the document language (``/Lang``) and "show the title, not the
file name". Lines, frames and the footer stamped later stay outside the tree (artifacts).

What this does not do: tables are paragraphs (no Table/TR/TD), lists are paragraphs, and pages
appended from PDF exhibits keep their own content untagged (their text is not in the tree; the
divider page before them says what they are). It is not PDF/UA.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

__all__ = ["HEADING_TAGS", "AltText", "TaggingCanvas", "mark_end", "mark_start", "pdf_language",
           "tag_pages"]

HEADING_TAGS = {"hj-title": "H1", "hj-kicker": "H1", "hj-h1": "H1", "hj-h2": "H2", "hj-h3": "H3"}


def pdf_language(code: str) -> str:
    """The /Lang of a case file written in the language ``code`` ("en", "es", "es_MX")."""
    base = (code or "en").replace("_", "-")
    return {"en": "en-US", "es": "es-US"}.get(base.lower(), base)


def _hex(text: str) -> str:
    """``text`` as a PDF hex string (UTF-16 with its byte-order mark: any alphabet)."""
    return "<" + ("\ufeff" + text).encode("utf-16-be").hex().upper() + ">"


def mark_start(canv: Any, tag: str, alt: str | None = None) -> None:
    """Begin marked content ``tag`` in the page being drawn (``alt``: its alternative text);
    the text drawn until ``mark_end`` belongs to it."""
    if alt is None:
        canv.addLiteral(f"/{tag} BMC")
    else:
        canv.addLiteral(f"/{tag} <</Alt {_hex(alt)}>> BDC")
    canv.hj_depth = getattr(canv, "hj_depth", 0) + 1


def mark_end(canv: Any) -> None:
    canv.addLiteral("EMC")
    canv.hj_depth = max(0, getattr(canv, "hj_depth", 1) - 1)


class AltText(Flowable):  # type: ignore[misc]
    """Draws ``inner`` (an image) as a figure whose alternative text is ``alt``."""

    def __init__(self, inner: Flowable, alt: str) -> None:
        super().__init__()
        self.inner = inner
        self.alt = alt

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        w, h = self.inner.wrap(avail_w, avail_h)
        self.width, self.height = w, h
        return w, h

    def draw(self) -> None:
        mark_start(self.canv, "Figure", self.alt)
        self.inner.drawOn(self.canv, 0, 0)
        mark_end(self.canv)


class TaggingCanvas(Canvas):  # type: ignore[misc]
    """A canvas that marks each block of text it draws as a paragraph (``/P BMC ... EMC``),
    unless it is inside a heading or figure already marked."""

    hj_depth = 0

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803 - ReportLab's names
        code = str(aTextObject.getCode())
        if self.hj_depth or ("Tj" not in code and "TJ" not in code):
            super().drawText(aTextObject)
            return
        self.addLiteral("/P BMC")
        super().drawText(aTextObject)
        self.addLiteral("EMC")


# one marker per line, as the canvas writes them (its literals are lines of their own)
MARKER = re.compile(rb"^/(P|H1|H2|H3|Figure)(?: <</Alt <([0-9A-F]*)>>>)? B(?:MC|DC)$", re.M)


class _Element:
    def __init__(self, tag: str, mcid: int, alt: str | None) -> None:
        self.tag, self.mcid, self.alt = tag, mcid, alt


def _number(data: bytes) -> tuple[bytes, list[_Element]]:
    """Give each marker of a page's content its marked-content id, in drawing order."""
    elements: list[_Element] = []

    def number(match: re.Match[bytes]) -> bytes:
        alt = bytes.fromhex(match.group(2).decode()).decode("utf-16") if match.group(2) else None
        element = _Element("/" + match.group(1).decode(), len(elements), alt)
        elements.append(element)
        return b"/%s <</MCID %d>> BDC" % (match.group(1), element.mcid)

    return MARKER.sub(number, data), elements


_NAME_BYTES: dict[str, bytes] = {}


def _name_bytes(name: NameObject) -> bytes:
    found = _NAME_BYTES.get(name)
    if found is None:
        found = _NAME_BYTES[name] = name.renumber()
    return found


class _StructElem(DictionaryObject):
    """A structure element that writes its names from a table: a case file has thousands of
    elements made of the same few names, and pypdf encodes every name character by character
    each time it writes one (a third of writing a long case file). Written the same way."""

    def write_to_stream(self, stream: Any, encryption_key: object = None) -> None:
        stream.write(b"<<\n")
        for key, value in self.items():
            stream.write(_name_bytes(key))
            stream.write(b" ")
            if type(value) is NameObject:
                stream.write(_name_bytes(value))
            else:
                value.write_to_stream(stream)
            stream.write(b"\n")
        stream.write(b">>")


def _element(writer: PdfWriter, parent: IndirectObject, page: IndirectObject,
             item: _Element) -> IndirectObject:
    elem = _StructElem({
        NameObject("/Type"): NameObject("/StructElem"),
        NameObject("/S"): NameObject(item.tag),
        NameObject("/P"): parent,
        NameObject("/Pg"): page,
        NameObject("/K"): NumberObject(item.mcid),
    })
    if item.alt is not None:
        elem[NameObject("/Alt")] = TextStringObject(item.alt)
    return writer._add_object(elem)  # noqa: SLF001 - pypdf's only way to add an object


def tag_pages(writer: PdfWriter, pages: Iterable[int], *, title: str, language: str) -> int:
    """Tag the writer's ``pages`` (indices; the laid-out pages, not appended ones) and mark the
    document as tagged; returns how many structure elements were made."""
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)  # noqa: SLF001
    document = DictionaryObject({
        NameObject("/Type"): NameObject("/StructElem"),
        NameObject("/S"): NameObject("/Document"),
        NameObject("/P"): root_ref,
        NameObject("/T"): TextStringObject(title),
        NameObject("/Lang"): TextStringObject(language),
    })
    doc_ref = writer._add_object(document)  # noqa: SLF001
    kids = ArrayObject()
    nums = ArrayObject()
    for key, index in enumerate(pages):
        page = writer.pages[index]
        content = page.get_contents()
        if content is None or page.indirect_reference is None:
            continue
        data, items = _number(content.get_data())
        stream = StreamObject()
        stream.set_data(data)
        page.replace_contents(stream.flate_encode())
        page[NameObject("/StructParents")] = NumberObject(key)
        page[NameObject("/Tabs")] = NameObject("/S")
        refs = ArrayObject(_element(writer, doc_ref, page.indirect_reference, item)
                           for item in items)
        kids.extend(refs)
        nums.extend([NumberObject(key), refs])
    document[NameObject("/K")] = kids
    root[NameObject("/K")] = ArrayObject([doc_ref])
    root[NameObject("/ParentTree")] = writer._add_object(  # noqa: SLF001
        DictionaryObject({NameObject("/Nums"): nums}))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(len(nums) // 2)
    catalog = writer.root_object
    catalog[NameObject("/StructTreeRoot")] = root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/Lang")] = TextStringObject(language)
    preferences = writer.create_viewer_preferences()
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)  # the title, not the file
    return len(kids)
