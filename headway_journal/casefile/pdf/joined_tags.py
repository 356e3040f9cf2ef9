"""The structure tree of a joined case file (pypdf; when pages of PDF exhibits are appended).

The elements come from the canvas that drew the laid-out pages (``tagging.TaggingCanvas``);
see :mod:`.tagging`. A file with nothing appended gets the same tree in ReportLab's own write
(:mod:`.in_write`).
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

from .tagging import Element

__all__ = ["tag_pages"]


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
             item: Element) -> IndirectObject:
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


def tag_pages(writer: PdfWriter, pages: Iterable[tuple[int, Sequence[Element]]], *,
              title: str, language: str) -> int:
    """Tag the writer's ``pages`` (index, the elements its canvas kept: the laid-out pages,
    not appended ones) and mark the document as tagged; returns how many structure elements
    were made."""
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
    for key, (index, items) in enumerate(pages):
        page = writer.pages[index]
        if page.indirect_reference is None:
            continue
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
