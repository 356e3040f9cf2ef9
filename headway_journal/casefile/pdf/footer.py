"""Page numbers: the footer of every page ("Page X of Y", the case title, the date).

Drawn during the layout when nothing is appended (:mod:`.footer_forms`), else stamped on the
joined file (:mod:`.footer_stamp`); both draw it with :func:`draw_footer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ... import i18n
from ..data import CaseFileData
from .styles import FONT, FONT_BOLD, INK, MARGIN_X, RULE
from .text import clean, fit_text

if TYPE_CHECKING:  # pypdf (pages) loads only when PDF exhibits are joined
    from .pages import Rect

__all__ = ["draw_footer", "footer_texts"]

_FOOTER_Y = 26.0
_FOOTER_SIZE = 7.5


def footer_texts(data: CaseFileData) -> tuple[str, str]:
    """The footer's case title (marked on a redacted copy) and its generation date."""
    title = i18n.text("Case #{case_number}: {clean}").format(
        case_number=data.case_number, clean=clean(data.title))
    if data.redacted:
        title = i18n.text("REDACTED · {title}").format(title=title)
    generated = i18n.text("Generated {generated_at:%Y-%m-%d}").format(
        generated_at=data.generated_at)
    return title, generated


def draw_footer(
    canvas: Canvas,
    box: tuple[float, float, float],
    title: str,
    generated: str,
    number: int,
    total: int,
    frame: Rect | None = None,
) -> None:
    """The footer inside *box* (left, bottom, width). Under a reduced exhibit page the
    edge of its *frame* takes the place of the rule above the footer."""
    left, bottom, width = box
    margin = min(MARGIN_X, width * 0.09)
    x0, x1 = left + margin, left + width - margin
    y = bottom + _FOOTER_Y
    size = _FOOTER_SIZE
    page_text = i18n.text("Page {number} of {total}").format(number=number, total=total)
    canvas.setFillColor(INK)
    if frame is None:
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(x0, y + size + 3, x1, y + size + 3)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawRightString(x1, y, page_text)
    canvas.setFont(FONT, size)
    page_w = pdfmetrics.stringWidth(page_text, FONT_BOLD, size)
    gen_w = pdfmetrics.stringWidth(generated, FONT, size)
    room = x1 - x0 - page_w - gen_w - 24
    if room >= 60:
        canvas.drawRightString(x1 - page_w - 12, y, generated)
        canvas.drawString(x0, y, fit_text(title, FONT, size, room))
    else:  # narrow page: the title moves to a second line below
        canvas.drawString(x0, y, generated)
        canvas.drawString(x0, y - size - 2, fit_text(title, FONT, size, x1 - x0))
