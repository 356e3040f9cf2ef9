"""Plain text in a table cell, without ReportLab's markup parser.

Most cells of a case file are plain user text (a representative's name, what was said, a
ticket list). A ReportLab ``Paragraph`` parses each one as markup (an HTML parser per cell),
turns it into fragments and breaks fragment lines; on a 200-contact timeline that is most of
the layout's time. :class:`PlainCell` takes the text as it is (nothing to escape: it is never
parsed), breaks it into lines by word widths (``stringWidth``) once per width, and draws the
lines as one text object, set like a left-aligned Paragraph of the same style: the same
font, size, colour and leading, the first baseline one font size below the top, line breaks
kept, runs of spaces collapsed, a word wider than the cell split across lines. The canvas
marks it as a paragraph for the structure tree like any other text block (``tagging``).

:func:`plain_cell` falls back to a Paragraph for a style this does not cover (indents,
alignment other than left, a background or border).
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen import textobject
from reportlab.platypus import Flowable

from .paragraphs import WrapOnceParagraph
from .text import clean, esc

__all__ = ["WIDTHS_LIMIT", "PlainCell", "break_lines", "plain_cell", "word_width"]

_SPACES = re.compile(r"[ \t\f\v]+")  # not the no-break space: it keeps words together
_FUZZ = 1e-8


def _split_word(word: str, width: float, font: str, size: float) -> list[str]:
    """A word wider than ``width`` in pieces that fit (at least one character each)."""
    pieces: list[str] = []
    start = 0
    for end in range(1, len(word) + 1):
        if end - start > 1 and stringWidth(word[start:end], font, size) > width + _FUZZ:
            pieces.append(word[start:end - 1])
            start = end - 1
    pieces.append(word[start:])
    return pieces


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}  # (font, size) -> word -> width
WIDTHS_LIMIT = 50_000  # words remembered per font and size; beyond that, measured each time


def word_width(word: str, font: str, size: float) -> float:
    """``stringWidth(word, font, size)``, remembered: a case file sets the same words (names,
    "refund", "the") thousands of times, and ReportLab adds up a TrueType word's character
    widths in Python each time. Fonts are registered once and never change."""
    widths = _WIDTHS.get((font, size))
    if widths is None:
        widths = _WIDTHS[font, size] = {}
    found = widths.get(word)
    if found is None:
        found = stringWidth(word, font, size)
        if len(widths) < WIDTHS_LIMIT:
            widths[word] = found
    return found


def break_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """``text``'s lines at ``width`` points: its own line breaks kept, then greedy by words."""
    space = word_width(" ", font, size)
    lines: list[str] = []
    for para in text.split("\n"):
        words = [w for w in _SPACES.split(para) if w]
        if not words:
            lines.append("")
            continue
        line: list[str] = []
        used = 0.0
        for word in words:
            w = word_width(word, font, size)
            pieces = [word] if w <= width + _FUZZ else _split_word(word, width, font, size)
            for piece in pieces:
                if piece is not word:
                    w = stringWidth(piece, font, size)
                wanted = used + space + w if line else w
                if line and wanted > width + _FUZZ:
                    lines.append(" ".join(line))
                    line, used = [piece], w
                else:
                    line.append(piece)
                    used = wanted
        lines.append(" ".join(line))
    while lines and not lines[-1]:
        lines.pop()
    return lines


class PlainCell(Flowable):  # type: ignore[misc]
    """Plain text set as a left-aligned paragraph of ``style`` (see the module's note)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = clean(text)
        self.style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.lines: list[str] = []
        self._for_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth != self._for_width:
            style = self.style
            self.lines = break_lines(self.text, availWidth, style.fontName, style.fontSize)
            self._for_width = availWidth
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Draw at (x, y) without moving the origin (a Flowable's ``drawOn`` translates the
        canvas for every cell; the text object can start where it is wanted)."""
        if not self.lines:
            return
        canvas.saveState()
        self._put(canvas, self._hAlignAdjust(x, _sW), y)
        canvas.restoreState()

    def draw(self) -> None:
        if self.lines:
            self._put(self.canv, 0, 0)

    def _put(self, canvas: Any, x: float, y: float) -> None:
        style = self.style
        canvas.setFillColor(style.textColor)
        top = y + self.height - style.fontSize
        font = getFont(style.fontName)
        if font._dynamicFont and canvas.bottomup:  # noqa: SLF001 - a TrueType font, as always
            canvas.drawText(_Text(_text_code(canvas, font, style, x, top, self.lines)))
            return
        tx = canvas.beginText(x, top)
        tx.setFont(style.fontName, style.fontSize, style.leading)
        for line in self.lines:
            tx.textLine(line)
        canvas.drawText(tx)


class _Text:
    """What a canvas's ``drawText`` takes: a text object's finished code."""

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        self.code = code

    def getCode(self) -> str:  # noqa: N802 - ReportLab's name
        return self.code


def _text_code(canvas: Any, font: Any, style: ParagraphStyle, x: float, y: float,
               lines: list[str]) -> str:
    """The text object ReportLab writes for ``lines`` in a TrueType font from (x, y), one
    line after another (``beginText``, ``setFont``, ``textLine`` each, ``getCode``), made
    without a text object: the same characters, byte for byte, in a fifth of the calls.
    Each line's characters are put in the font's subsets by ``splitString`` as ReportLab
    does, so the embedded subsets are the same."""
    doc = canvas._doc  # noqa: SLF001 - ReportLab's canvas keeps its document here
    escape = canvas._escape  # noqa: SLF001
    fp_str = textobject.fp_str  # whatever ReportLab formats numbers with now (fast_numbers)
    font_op = f"{fp_str(style.fontSize)} Tf {fp_str(style.leading)} TL"
    code = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
    current = -1
    for line in lines:
        parts = []
        for subset, chars in font.splitString(line, doc):
            if subset != current:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {font_op}")
                current = subset
            parts.append(f"({escape(chars)}) Tj")
        code.append(" ".join(parts) + " T*")
    code.append("ET")
    return " ".join(code)


def plain_cell(text: str, style: ParagraphStyle) -> Flowable:
    """A cell of plain ``text``: a :class:`PlainCell`, or a Paragraph when ``style`` needs
    what only a Paragraph does."""
    simple = (style.alignment == TA_LEFT and not style.leftIndent and not style.rightIndent
              and not style.firstLineIndent and not style.backColor
              and not (style.borderWidth and style.borderColor)
              and not getattr(style, "autoLeading", "")
              and getattr(style, "wordWrap", None) in (None, "LTR"))
    if simple:
        return PlainCell(text, style)
    return WrapOnceParagraph(esc(text), style)
