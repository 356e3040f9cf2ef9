"""The finished case file made in ReportLab's own write, when no PDF exhibit is appended.

A case file is tagged (the structure tree), has an outline, its metadata, the manifest of the
entries' chain records (an embedded file) and, usually, a signature. When PDF exhibits are
appended after their divider pages, pypdf joins the files and adds all that (``build``'s
merge, ``joined_tags.tag_pages``, ``signing.reserve``). Without them there is nothing to join,
and parsing, copying and writing the laid-out file again with pypdf cost more than a sixth
of a command-line case file (and pypdf's import); so :func:`finish` puts the same objects in
ReportLab's document just before it writes the file, and the file is written once:

- the structure tree from the elements the canvas kept per page (``TaggingCanvas.hj_pages``):
  Document > H1/H2/H3, P, Figure (with alternative text); each page's ``/StructParents`` and
  ``/Tabs /S``; the catalog's ``/MarkInfo``, ``/Lang`` and "show the title";
- the outline (sections, the exhibits under theirs), each entry fitting its page;
- the document information (title, subject, author, creator, producer, dates);
- the manifest as the embedded file ``chain_bridge.MANIFEST_NAME``;
- the signature field and its dictionary, written as ``signing.sign.placeholder`` made it
  (``/ByteRange`` and ``/Contents`` filled in by ``signing.sign.seal`` after the write).

The pages themselves are the ones ReportLab lays out either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFPage,
    PDFStream,
    PDFString,
    PDFZCompress,
)

from .tagging import Element

__all__ = ["Finish", "OutlineEntry", "finish"]

# the page keys ReportLab writes, and the two the structure tree needs
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
# catalog entries ReportLab would make indirect objects of; these stay in the catalog
_DIRECT = ("MarkInfo", "ViewerPreferences", "Names", "AcroForm")
_CATALOG_REFS = [k for k in PDFCatalog.__Refs__ if k not in _DIRECT]


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # laid-out page index
    level: int  # 0: a section; 1: an exhibit under "Exhibits"


@dataclass(frozen=True)
class Finish:
    """What the finished file carries besides its pages."""

    title: str  # the document's title (information and structure tree)
    subject: str
    author: str
    language: str  # /Lang ("en-US")
    created: str  # PDF date text, D:YYYYMMDDHHmmSS+HH'mm'
    outline: Sequence[OutlineEntry]
    attachment: tuple[str, bytes] | None  # (file name, content)
    signature: tuple[str, bytes] | None  # (field name, its dictionary with placeholders)


class _Raw(PDFObject):  # type: ignore[misc]
    """An object written exactly as given."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


def finish(canvas: Any, elements: dict[int, list[Element]], spec: Finish) -> None:
    """Put ``spec`` and the structure tree into ``canvas``'s document (before it saves)."""
    doc = canvas._doc  # noqa: SLF001 - ReportLab's canvas keeps its document here
    pages: list[Any] = list(doc.Pages.pages)
    page_refs = [doc.Reference(page) for page in pages]
    catalog = doc.Catalog
    catalog.__Refs__ = _CATALOG_REFS
    _structure(doc, pages, page_refs, elements, spec)
    _outline(canvas, page_refs, spec.outline)
    canvas.setViewerPreference("DisplayDocTitle", "true")  # the title, not the file name
    canvas.setTitle(spec.title)
    canvas.setSubject(spec.subject)
    canvas.setAuthor(spec.author)
    canvas.setCreator("Headway Journal")
    canvas.setProducer("Headway Journal (ReportLab)")
    canvas.setDateFormatter(_fixed(spec.created))
    if spec.attachment is not None:
        catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary(
            {"Names": PDFArray([PDFString(spec.attachment[0]),
                                doc.Reference(_file_spec(doc, *spec.attachment))])})})
    if spec.signature is not None:
        _signature_field(doc, pages[0], page_refs[0], *spec.signature)


def _fixed(text: str) -> Callable[..., str]:
    def date(*_: int) -> str:
        return text

    return date


def _structure(doc: Any, pages: list[Any], page_refs: list[Any],
               elements: dict[int, list[Element]], spec: Finish) -> None:
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(root)
    document = PDFDictionary({
        "Type": PDFName("StructElem"), "S": PDFName("Document"), "P": root_ref,
        "T": PDFString(spec.title), "Lang": PDFString(spec.language),
    })
    doc_ref = doc.Reference(document)
    kids: list[Any] = []
    nums: list[Any] = []
    for index, (page, page_ref) in enumerate(zip(pages, page_refs, strict=True)):
        page.__NoDefault__ = _PAGE_KEYS
        page.StructParents = index
        page.Tabs = PDFName("S")
        refs = [doc.Reference(_element(item, doc_ref, page_ref))
                for item in elements.get(index, ())]
        kids.extend(refs)
        nums.extend([index, PDFArray(refs)])
    document.dict["K"] = PDFArray(kids)
    root.dict["K"] = PDFArray([doc_ref])
    root.dict["ParentTree"] = doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))
    root.dict["ParentTreeNextKey"] = len(pages)
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Lang = PDFString(spec.language)


class _StructElem(PDFObject):  # type: ignore[misc]
    """A structure element, formatted in one step: a case file has thousands, and ReportLab's
    general dictionary formatting (a call per key, value and name) was most of writing them.
    The same entries as a ``PDFDictionary`` of them."""

    __slots__ = ("item", "page", "parent")

    def __init__(self, item: Element, parent: Any, page: Any) -> None:
        self.item, self.parent, self.page = item, parent, page

    def format(self, document: Any) -> bytes:
        item = self.item
        alt = b"" if item.alt is None else b"\n/Alt " + PDFString(item.alt).format(document)
        return b"<<\n/K %d\n/P %s\n/Pg %s\n/S %s\n/Type /StructElem%s\n>>" % (
            item.mcid, self.parent.format(document), self.page.format(document),
            item.tag.encode("ascii"), alt)


def _element(item: Element, parent: Any, page: Any) -> _StructElem:
    return _StructElem(item, parent, page)


def _outline(canvas: Any, page_refs: list[Any], entries: Sequence[OutlineEntry]) -> None:
    for n, entry in enumerate(entries):
        key = f"hj-outline-{n}"
        dest = canvas._bookmarkReference(key)  # noqa: SLF001 - a destination on any page
        dest.fit()
        dest.setPage(page_refs[entry.page])
        canvas.addOutlineEntry(entry.title, key, entry.level)
    if entries:
        canvas.showOutline()


def _file_spec(doc: Any, name: str, data: bytes) -> PDFDictionary:
    stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                      "Params": PDFDictionary({"Size": len(data)})}),
                       data, filters=[PDFZCompress])
    return PDFDictionary({
        "Type": PDFName("Filespec"), "F": PDFString(name), "UF": PDFString(name),
        "EF": PDFDictionary({"F": doc.Reference(stream)}),
    })


def _signature_field(doc: Any, page: Any, page_ref: Any, field: str, signature: bytes
                     ) -> None:
    widget = PDFDictionary({
        "FT": PDFName("Sig"), "T": PDFString(field), "Type": PDFName("Annot"),
        "Subtype": PDFName("Widget"), "F": 132,  # print, locked
        "Rect": PDFArray([0, 0, 0, 0]), "P": page_ref, "V": doc.Reference(_Raw(signature)),
    })
    widget_ref = doc.Reference(widget)
    annots = page.Annots
    if isinstance(annots, PDFArray):
        annots.sequence.append(widget_ref)
    else:
        page.Annots = PDFArray([widget_ref])
    doc.Catalog.AcroForm = PDFDictionary({"Fields": PDFArray([widget_ref]), "SigFlags": 3})
