"""A paragraph that lays out its lines once per width.

ReportLab wraps a table cell's paragraph several times for the same width: when the table
measures its rows, again for every part of a table split across pages, and again when each
cell is drawn. Breaking the lines is the slowest step of a long case file's layout (a
200-contact timeline wraps its cells about 18,000 times), and its result depends only on the
width offered (the style, text and fragments do not change after the paragraph is made), so
the last result is reused when the width is the same. A paragraph's split parts are new
paragraphs and wrap afresh. Nothing here changes what is drawn.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph

__all__ = ["WrapOnceParagraph"]


class WrapOnceParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph whose ``wrap`` reuses its last layout when offered the same width."""

    _wrapped: tuple[float, Any, list[float], float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self._wrapped
        if last is not None and last[0] == availWidth and last[1] is getattr(
            self, "blPara", None
        ):
            _w, self.blPara, widths, self.width, self.height = last
            self._wrapWidths = list(widths)
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        blpara = getattr(self, "blPara", None)
        if blpara is not None:
            self._wrapped = (availWidth, blpara, list(self._wrapWidths), self.width, self.height)
        return width, height
