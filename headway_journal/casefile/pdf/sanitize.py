"""Appended PDF exhibits keep only what prints.

A case file goes to a regulator or a court: the pages of a PDF exhibit must not carry
JavaScript, /Launch or /SubmitForm actions, links out (/URI, /GoToR), form fields or attached
files. pypdf copies a page's /Annots and /AA along with it, and these reach the document-level
objects (form fields, embedded files) too, so every page of an exhibit is reduced to the keys
that describe what is printed, *before* it is copied anywhere: what is not referenced any more
is never copied into the case file.

The case file's own outline and internal links are made by the builder afterwards and are not
touched. Nothing here imports Qt.
"""

from __future__ import annotations

from pypdf import PageObject
from pypdf.generic import DictionaryObject, NameObject, StreamObject

__all__ = ["PRINTED_PAGE_KEYS", "strip_page"]

# what a page needs to print: everything else (/Annots, /AA, /B beads, /PieceInfo, /Metadata,
# /StructParents, /Trans, /Dur, /Tabs, /VP, /PresSteps, ...) is dropped
PRINTED_PAGE_KEYS = frozenset(
    {
        "/Type",
        "/Parent",
        "/Resources",
        "/Contents",
        "/MediaBox",
        "/CropBox",
        "/BleedBox",
        "/TrimBox",
        "/ArtBox",
        "/Rotate",
        "/Group",
        "/UserUnit",
    }
)
# keys of form XObjects and images that only matter to an editor or a viewer, not to print
_XOBJECT_EXTRAS = ("/PieceInfo", "/Metadata", "/OPI", "/Alternates", "/StructParent",
                   "/StructParents")


def strip_page(page: PageObject) -> None:
    """Reduce *page* to what prints (see the module text), in place.

    Inherited attributes (/Resources, /MediaBox, /CropBox, /Rotate from the page tree) are
    copied onto the page first, so that the page keeps its look once detached from its tree.
    """
    for key in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"):
        if key not in page:
            inherited = _inherited(page, key)
            if inherited is not None:
                page[NameObject(key)] = inherited
    for key in list(page.keys()):
        if key not in PRINTED_PAGE_KEYS:
            del page[NameObject(key)]
    resources = page.get("/Resources")
    if resources is not None:
        _strip_xobjects(resources.get_object(), seen=set())


def _inherited(page: PageObject, key: str) -> object | None:
    node = page.get("/Parent")
    depth = 0
    while node is not None and depth < 64:
        node = node.get_object()
        if not isinstance(node, DictionaryObject):
            return None
        if key in node:
            found: object = node.raw_get(key)
            return found
        node = node.get("/Parent")
        depth += 1
    return None


def _strip_xobjects(resources: object, seen: set[int]) -> None:
    """Drop editor-only keys from the page's form XObjects and images (recursively)."""
    if not isinstance(resources, DictionaryObject):
        return
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return
    xobjects = xobjects.get_object()
    if not isinstance(xobjects, DictionaryObject):
        return
    for name in list(xobjects.keys()):
        xobject = xobjects[name].get_object()
        if not isinstance(xobject, StreamObject) or id(xobject) in seen:
            continue
        seen.add(id(xobject))
        for key in _XOBJECT_EXTRAS:
            if key in xobject:
                del xobject[NameObject(key)]
        inner = xobject.get("/Resources")
        if inner is not None:
            _strip_xobjects(inner.get_object(), seen)
