"""Headings that remember the page they landed on (for the outline and for merging)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .tagging import HEADING_TAGS, mark_end, mark_start

__all__ = ["Heading", "Mark"]


@dataclass
class Mark:
    """Where a heading landed: its outline *key* and *title*, and its *page*."""

    key: str
    title: str
    page: int  # 0-based page index in the main document


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that records its page for the outline when it is drawn."""

    def __init__(
        self, text: str, style: ParagraphStyle, *, key: str, title: str, sink: list[Mark]
    ) -> None:
        super().__init__(text, style)
        self._hj_key = key
        self._hj_title = title
        self._hj_sink = sink

    def draw(self) -> None:
        # a heading of the structure tree (tagging.py), as its style says: H1, H2 or H3
        mark_start(self.canv, HEADING_TAGS.get(self.style.name, "H3"))
        super().draw()
        mark_end(self.canv)
        self._hj_sink.append(Mark(self._hj_key, self._hj_title, self.canv.getPageNumber() - 1))
