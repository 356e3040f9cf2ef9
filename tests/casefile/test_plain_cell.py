"""Plain-text table cells set without ReportLab's markup parser: the same lines as a Paragraph
of the same style, text taken literally, long words split, and the cell tagged as a paragraph."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from headway_journal.casefile.pdf import plain_text
from headway_journal.casefile.pdf.plain_text import PlainCell, break_lines, plain_cell
from headway_journal.casefile.pdf.styles import FONT, make_styles, register_fonts
from headway_journal.casefile.pdf.tagging import TaggingCanvas
from headway_journal.casefile.pdf.text import clean, esc, escape


@pytest.fixture(scope="module")
def cell_style() -> ParagraphStyle:
    register_fonts()
    return make_styles().cell


TEXTS = [
    "Asked again about the refund for the double charge; the agent said it was escalated to "
    "the billing team and would be processed within 5-7 business days.",
    "Short.",
    "First line\nSecond line after a break\n\nafter a blank line",
    "spaces    collapse   here",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", [60.0, 150.0, 412.0])
def test_lines_match_a_paragraph_of_the_same_style(cell_style: ParagraphStyle, text: str,
                                                   width: float) -> None:
    para = Paragraph(esc(text), cell_style)
    _w, para_h = para.wrap(width, 1000)
    cell = PlainCell(text, cell_style)
    assert cell.wrap(width, 1000) == (width, para_h)
    assert len(cell.lines) * cell_style.leading == para_h


def test_a_word_wider_than_the_cell_is_split_and_nothing_overflows(
        cell_style: ParagraphStyle) -> None:
    digest = "9f2c" * 16  # a chain digest: one 64-character word
    lines = break_lines(f"seq 12 {digest}", 120, FONT, cell_style.fontSize)
    assert "".join(lines).replace(" ", "") == f"seq12{digest}"
    assert all(stringWidth(line, FONT, cell_style.fontSize) <= 120 for line in lines)


def test_a_no_break_space_keeps_words_together(cell_style: ParagraphStyle) -> None:
    text = "aaaa bbbb\u00a0cccc"
    width = stringWidth("aaaa bbbb", FONT, cell_style.fontSize) + 1
    assert break_lines(text, width, FONT, cell_style.fontSize) == ["aaaa", "bbbb\u00a0cccc"]


def test_markup_is_printed_as_typed_and_the_cell_is_tagged(cell_style: ParagraphStyle) -> None:
    typed = "Said <b>no</b> & hung up; ticket #A&B <br/> > 3"
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=LETTER)
    doc.build([Table([[PlainCell("Label", cell_style), PlainCell(typed, cell_style)]],
                     colWidths=[100, 400])], canvasmaker=TaggingCanvas)
    page = PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    assert typed in page.extract_text()
    content = page.get_contents()
    assert content is not None and content.get_data().count(b"/P <</MCID ") == 2


def test_styles_a_plain_cell_cannot_set_fall_back_to_a_paragraph(
        cell_style: ParagraphStyle) -> None:
    assert isinstance(plain_cell("x", cell_style), PlainCell)
    right = ParagraphStyle("right", parent=cell_style, alignment=TA_RIGHT)
    indented = ParagraphStyle("indented", parent=cell_style, leftIndent=12)
    for style in (right, indented):
        assert isinstance(plain_cell("a < b", style), Paragraph)


def test_control_characters_are_dropped_and_line_breaks_kept(cell_style: ParagraphStyle) -> None:
    typed = "first\r\nsecond\rthird\tend\x00\x07\x1b[0m\x0b\x0c" + "\u00e9\u0085\x7f"
    assert clean(typed) == "first\nsecond\nthird    end[0m\u00e9\u0085\x7f"
    cell = PlainCell(typed, cell_style)
    cell.wrap(400, 100)
    assert cell.lines == ["first", "second", "third end[0m\u00e9\u0085\x7f"]


def test_a_cell_draws_what_a_text_object_draws_with_each_text_object_closed_once(
        cell_style: ParagraphStyle) -> None:
    """The cell's text, set without a text object, is the text object's code; and every text
    block on a tagging canvas (a cell, a Paragraph) ends with one ET, not two."""
    lines = ["Said no", "(and hung up) \\ twice", "", "Núñez ✓ 20 €"]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=LETTER)
    doc.build([Table([[PlainCell("\n".join(lines), cell_style),
                       Paragraph("A <b>paragraph</b>", cell_style)]], colWidths=[300, 200])],
              canvasmaker=TaggingCanvas)
    page = PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    text = page.extract_text()
    assert all(line in text for line in lines if line) and "paragraph" in text
    content = page.get_contents()
    assert content is not None
    ops = content.get_data().split()
    assert ops.count(b"BT") == ops.count(b"ET") and ops.count(b"Tj") >= 4

    reference = io.BytesIO()
    canvas = TaggingCanvas(reference, pagesize=LETTER)
    tx = canvas.beginText(10, 700)
    tx.setFont(cell_style.fontName, cell_style.fontSize, cell_style.leading)
    for line in lines:
        tx.textLine(line)
    expected = tx.getCode()
    cell = PlainCell("\n".join(lines), cell_style)
    cell.wrap(300, 1000)
    mine = TaggingCanvas(io.BytesIO(), pagesize=LETTER)
    cell.drawOn(mine, 10, 700 - cell.height + cell_style.fontSize)
    assert expected in "\n".join(mine._code)  # noqa: SLF001 - the page's code as drawn


def test_word_widths_are_remembered_exactly_and_boundedly(
        cell_style: ParagraphStyle, monkeypatch: pytest.MonkeyPatch) -> None:
    size = cell_style.fontSize + 0.25  # a size no other test measured
    words = ["refund", "Núñez", "W" * 40, "ﬁ✓", " "]
    assert [plain_text.word_width(w, FONT, size) for w in words] == [
        stringWidth(w, FONT, size) for w in words]
    assert [plain_text.word_width(w, FONT, size) for w in words] == [  # remembered, same
        stringWidth(w, FONT, size) for w in words]
    monkeypatch.setattr(plain_text, "WIDTHS_LIMIT", 6)
    for n in range(20):
        assert plain_text.word_width(f"w{n}", FONT, size) == stringWidth(f"w{n}", FONT, size)
    assert len(plain_text._WIDTHS[FONT, size]) == 6  # noqa: SLF001 - the bound itself


@pytest.mark.parametrize("text", ["a & b", "<b>no</b>", "&amp; &lt;", "x > 3 && y < 2", "\"'",
                                  "Núñez ✓", ""])
def test_markup_escape_is_the_standard_one(text: str) -> None:
    from xml.sax.saxutils import escape as standard

    assert escape(text) == standard(text)
