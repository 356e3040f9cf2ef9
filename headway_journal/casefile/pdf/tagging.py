"""A structure tree for the case file, so that read-aloud and screen readers follow it.

ReportLab writes no tagged PDF (no structure tree, no marked content). What it can do is put
literal operators in a page; so the layout marks what it knows while it draws: a heading is
wrapped in ``/H1 <</MCID n>> BDC ... EMC`` (``mark_start``/``mark_end``, used by
:class:`~.marks.Heading`), an exhibit image in ``/Figure <</MCID n>> BDC ... EMC`` with its
caption kept as alternative text (:class:`AltText`), and every other block of text (a
paragraph, a table cell) in ``/P <</MCID n>> BDC ... EMC`` (:class:`TaggingCanvas`). The
canvas numbers the marks of each page in drawing order (which is reading order: top to bottom,
the caption before its image) and keeps them per page (``TaggingCanvas.hj_pages``), so the
pages' content is never read back or rewritten. After the layout the tree is built from them
(``in_write.finish`` in ReportLab's write, or ``joined_tags.tag_pages`` on a joined file):
Document > H1/H2/H3, P, Figure (with its alternative text); the catalog gets
``/MarkInfo << /Marked true >>``, the document language (``/Lang``) and "show the title, not
the file name". On a canvas that is not a :class:`TaggingCanvas` the marks are written
unnumbered (``/P BMC``) and kept nowhere. Lines, frames and the footers stay outside the tree
(artifacts).

What this does not do: tables are paragraphs (no Table/TR/TD), lists are paragraphs, and pages
appended from PDF exhibits keep their own content untagged (their text is not in the tree; the
divider page before them says what they are). It is not PDF/UA.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

__all__ = ["HEADING_TAGS", "AltText", "Element", "TaggingCanvas", "mark_end", "mark_start",
           "pdf_language"]

HEADING_TAGS = {"hj-title": "H1", "hj-kicker": "H1", "hj-h1": "H1", "hj-h2": "H2", "hj-h3": "H3"}


def pdf_language(code: str) -> str:
    """The /Lang of a case file written in the language ``code`` ("en", "es", "es_MX")."""
    base = (code or "en").replace("_", "-")
    return {"en": "en-US", "es": "es-US"}.get(base.lower(), base)


def _hex(text: str) -> str:
    """``text`` as a PDF hex string (UTF-16 with its byte-order mark: any alphabet)."""
    return "<" + ("\ufeff" + text).encode("utf-16-be").hex().upper() + ">"


class Element:
    """One structure element of a page: its tag (``/P``), marked-content id, alternative text."""

    __slots__ = ("alt", "mcid", "tag")

    def __init__(self, tag: str, mcid: int, alt: str | None) -> None:
        self.tag, self.mcid, self.alt = tag, mcid, alt


def _new_element(canv: Any, pages: dict[int, list[Element]], tag: str, alt: str | None
                 ) -> int:
    """Keep a new element of the page being drawn; its marked-content id."""
    elements = pages.setdefault(canv.getPageNumber() - 1, [])
    elements.append(Element("/" + tag, len(elements), alt))
    return len(elements) - 1


def mark_start(canv: Any, tag: str, alt: str | None = None) -> None:
    """Begin marked content ``tag`` in the page being drawn (``alt``: its alternative text);
    the text drawn until ``mark_end`` belongs to it."""
    pages = getattr(canv, "hj_pages", None)
    if pages is None:  # not a tagging canvas: unnumbered marks, kept nowhere
        canv.addLiteral(f"/{tag} BMC" if alt is None else f"/{tag} <</Alt {_hex(alt)}>> BDC")
    else:
        canv.addLiteral(f"/{tag} <</MCID {_new_element(canv, pages, tag, alt)}>> BDC")
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
    """A canvas that marks each block of text it draws as a paragraph (``/P <</MCID n>> BDC
    ... EMC``), unless it is inside a heading or figure already marked; ``hj_pages`` keeps
    each page's elements (page index -> its elements in marked-content id order)."""

    hj_depth = 0
    hj_before_save: Callable[[Any], None] | None = None  # given the canvas before it writes

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hj_pages: dict[int, list[Element]] = {}

    def save(self) -> None:
        if self.hj_before_save is not None:
            self.hj_before_save(self)
        super().save()

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803 - ReportLab's names
        # the code is asked for once: a text object's getCode() appends its ET each time
        code = str(aTextObject.getCode())
        if self.hj_depth or ("Tj" not in code and "TJ" not in code):
            self._code.append(code)
            return
        self.addLiteral(f"/P <</MCID {_new_element(self, self.hj_pages, 'P', None)}>> BDC")
        self._code.append(code)
        self.addLiteral("EMC")
