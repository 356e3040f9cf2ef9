"""What every section builder works with: the data, the styles, the marks and cancellation."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from ...data import CaseFileData
from ..marks import Heading, Mark
from ..paragraphs import WrapOnceParagraph
from ..plain_text import plain_cell
from ..styles import FRAME_W, RULE, Styles, grid_style
from ..text import esc

__all__ = ["Context"]


class Context:
    """The case (*data*), the styles (*s*), the headings' *marks* and *check* (raises when the
    build is cancelled), with the small paragraph and table makers the sections share."""

    def __init__(
        self, data: CaseFileData, styles: Styles, marks: list[Mark], check: Callable[[], None]
    ) -> None:
        self.data = data
        self.s = styles
        self.marks = marks
        self.check = check

    def heading(
        self, text: str, key: str, style: ParagraphStyle | None = None, *, title: str = ""
    ) -> Heading:
        """A heading that records its page under *key* (the outline shows *title*)."""
        return Heading(
            esc(text), style or self.s.h1, key=key, title=title or text, sink=self.marks
        )

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped), in the body style by default."""
        return WrapOnceParagraph(esc(text), style or self.s.body)

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of ReportLab markup (the caller escapes user text)."""
        return WrapOnceParagraph(markup, style or self.s.body)

    def cell(self, text: str, style: ParagraphStyle | None = None) -> Flowable:
        """A table cell of plain text (set without the markup parser: ``plain_text``)."""
        return plain_cell(text, style or self.s.cell)

    def kv_table(
        self, rows: Sequence[tuple[str, str]], label_width: float, *, bold_values: bool = False
    ) -> Table:
        """A two-column table of labels and values, ruled below each row."""
        value_style = self.s.cell_bold if bold_values else self.s.cell
        data = [
            [self.cell(label, self.s.cell_label), self.cell(value, value_style)]
            for label, value in rows
        ]
        table = Table(data, colWidths=[label_width, FRAME_W - label_width], hAlign="LEFT")
        table.setStyle(
            grid_style(
                header=False,
                extra=[
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("GRID", (0, 0), (-1, -1), 0, colors.white),
                ],
            )
        )
        return table
