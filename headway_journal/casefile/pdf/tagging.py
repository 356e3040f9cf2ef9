"""A structure tree for the case file, so that read-aloud and screen readers follow it.

ReportLab writes no tagged PDF (no structure tree, no marked content). What it can do is put
literal operators in a page; so the layout marks what it knows: a heading is wrapped in
``/H1 BMC ... EMC`` (``mark_start``/``mark_end``, used by :class:`~.marks.Heading`) and an
exhibit image in ``/Figure <</Alt (caption)>> BDC ... EMC`` (:class:`AltText`). After the pages
are laid out, :func:`tag_pages` reads each page's content with pypdf, gives every marked part
and every other block of text (``BT ... ET``: a paragraph, a table cell) a marked-content id in
drawing order (which is reading order: top to bottom, the caption before its image), and builds
the tree: Document > H1/H2/H3, P, Figure (with its alternative text). The catalog gets
``/MarkInfo << /Marked true >>``, the document language (``/Lang``) and "show the title, not the
file name". Lines, frames and the footer stamped later stay outside the tree (artifacts).

What this does not do: tables are paragraphs (no Table/TR/TD), lists are paragraphs, and pages
appended from PDF exhibits keep their own content untagged (their text is not in the tree; the
divider page before them says what they are). It is not PDF/UA.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.platypus import Flowable

__all__ = ["HEADING_TAGS", "AltText", "mark_end", "mark_start", "pdf_language", "tag_pages"]

HEADING_TAGS = {"hj-title": "H1", "hj-kicker": "H1", "hj-h1": "H1", "hj-h2": "H2", "hj-h3": "H3"}
KNOWN_TAGS = {"/H1", "/H2", "/H3", "/Figure", "/P"}


def pdf_language(code: str) -> str:
    """The /Lang of a case file written in the language ``code`` ("en", "es", "es_MX")."""
    base = (code or "en").replace("_", "-")
    return {"en": "en-US", "es": "es-US"}.get(base.lower(), base)


def _hex(text: str) -> str:
    """``text`` as a PDF hex string (UTF-16 with its byte-order mark: any alphabet)."""
    return "<" + ("\ufeff" + text).encode("utf-16-be").hex().upper() + ">"


def mark_start(canv: Any, tag: str, alt: str | None = None) -> None:
    """Begin marked content ``tag`` in the page being drawn (``alt``: its alternative text)."""
    if alt is None:
        canv.addLiteral(f"/{tag} BMC")
    else:
        canv.addLiteral(f"/{tag} <</Alt {_hex(alt)}>> BDC")


def mark_end(canv: Any) -> None:
    canv.addLiteral("EMC")


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


class _Element:
    def __init__(self, tag: str, mcid: int, alt: str | None) -> None:
        self.tag, self.mcid, self.alt = tag, mcid, alt


def _props_alt(operands: Sequence[Any]) -> str | None:
    if len(operands) > 1 and isinstance(operands[1], DictionaryObject):
        alt = operands[1].get("/Alt")
        return str(alt) if alt is not None else None
    return None


SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}


def _shows_text(block: list[tuple[Any, bytes]]) -> bool:
    return any(op in SHOWS_TEXT and any(str(x).strip() for x in operands)
               for operands, op in block)


def _paragraphs(operations: list[tuple[Any, bytes]]) -> list[tuple[Any, bytes]]:
    """Each text block (``BT ... ET``) outside marked content that shows text, wrapped as a
    paragraph to be numbered (``/P BMC ... EMC``); empty blocks stay as they are."""
    out: list[tuple[Any, bytes]] = []
    depth = 0
    block: list[tuple[Any, bytes]] | None = None
    for operands, op in operations:
        if block is not None:
            block.append((operands, op))
            if op == b"ET":
                wrap = _shows_text(block)
                out += ([([NameObject("/P")], b"BMC")] if wrap else []) + block
                out += [([], b"EMC")] if wrap else []
                block = None
            continue
        if op in (b"BMC", b"BDC"):
            depth += 1
        elif op == b"EMC":
            depth = max(0, depth - 1)
        elif op == b"BT" and depth == 0:
            block = [(operands, op)]
            continue
        out.append((operands, op))
    return out + (block or [])


def _mark(operations: list[tuple[Any, bytes]]) -> tuple[list[tuple[Any, bytes]], list[_Element]]:
    """Give marked-content ids to the marked parts and to the text blocks outside them."""
    out: list[tuple[Any, bytes]] = []
    elements: list[_Element] = []
    depth = 0  # marked-content nesting
    for operands, op in _paragraphs(operations):
        if op in (b"BMC", b"BDC"):
            tag = str(operands[0])
            if depth == 0 and tag in KNOWN_TAGS:
                element = _Element(tag, len(elements), _props_alt(operands))
                elements.append(element)
                props = DictionaryObject({NameObject("/MCID"): NumberObject(element.mcid)})
                out.append(([NameObject(tag), props], b"BDC"))
            else:
                out.append((operands, op))
            depth += 1
            continue
        if op == b"EMC":
            depth = max(0, depth - 1)
        out.append((operands, op))
    return out, elements


def _element(writer: PdfWriter, parent: IndirectObject, page: IndirectObject,
             item: _Element) -> IndirectObject:
    elem = DictionaryObject({
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
        operations, items = _mark(content.operations)
        content.operations = operations
        page.replace_contents(content)
        page.compress_content_streams()
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
