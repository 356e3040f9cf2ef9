"""Page footers drawn while the pages are laid out, when no PDF exhibit is appended after.

"Page X of Y" needs the total, which is known only when the layout ends. Each page therefore
draws, as its last operation, a form XObject of its own (``hjFooterN``) that does not exist
yet; ReportLab resolves such forward references when the file is saved, and just before that
:class:`FooterCanvas` defines every page's form with the final total. The footer looks the
same as the one :func:`~.footer_stamp.stamp_footers` lays over a merged file (same drawing code),
without an overlay document or a pass over every page's content. Like that footer it stays
outside the structure tree: no paragraph marks are put around its text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import LETTER

from .footer import draw_footer
from .tagging import TaggingCanvas

__all__ = ["FooterCanvas", "footer_canvas_maker"]


def _form_name(page: int) -> str:
    return f"hjFooter{page}"


class FooterCanvas(TaggingCanvas):
    """A tagging canvas that puts each page's footer on it (see the module's note)."""

    hj_footer: tuple[str, str] | None = None  # (case title, "Generated …"); None: no footers

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        if self.hj_footer is not None:
            self.saveState()
            self.doForm(_form_name(self.getPageNumber()))
            self.restoreState()
        super().showPage()

    def save(self) -> None:
        if self.hj_footer is not None:
            self._define_footers(*self.hj_footer)
        super().save()

    def _define_footers(self, title: str, generated: str) -> None:
        total = self.getPageNumber() - 1  # every page has been shown
        width, height = LETTER
        self.hj_depth += 1  # footers are not paragraphs of the document
        try:
            for number in range(1, total + 1):
                self.beginForm(_form_name(number), 0, 0, width, height)
                draw_footer(self, (0.0, 0.0, width), title, generated, number, total)
                self.endForm()
        finally:
            self.hj_depth -= 1


def footer_canvas_maker(title: str, generated: str) -> Callable[..., FooterCanvas]:
    """What ``doc.build(canvasmaker=...)`` takes: canvases that draw these footers."""

    def make(*args: Any, **kwargs: Any) -> FooterCanvas:
        canvas = FooterCanvas(*args, **kwargs)
        canvas.hj_footer = (title, generated)
        return canvas

    return make
