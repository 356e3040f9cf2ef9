"""Footers drawn during the layout (no PDF exhibit appended): each page numbered against the
final total, and the footer kept out of the structure tree."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from headway_journal.casefile.pdf.footer_forms import footer_canvas_maker
from headway_journal.casefile.pdf.styles import make_styles, register_fonts
from headway_journal.casefile.pdf.tagging import TaggingCanvas


def _build(maker: object) -> PdfReader:
    register_fonts()
    body = make_styles().body
    story: list[object] = []
    for n in range(3):
        story += [Paragraph(f"Body text of page {n + 1}", body), PageBreak()]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=LETTER).build(story[:-1], canvasmaker=maker)
    return PdfReader(io.BytesIO(buf.getvalue()))


def test_every_page_is_numbered_against_the_final_total() -> None:
    reader = _build(footer_canvas_maker("Case #7: Refund", "Generated 2026-12-01"))
    assert len(reader.pages) == 3
    for index, page in enumerate(reader.pages):
        text = page.extract_text()
        assert text.count("Page ") == 1 and f"Page {index + 1} of 3" in text
        assert "Case #7: Refund" in text and "Generated 2026-12-01" in text
        content = page.get_contents()
        assert content is not None
        # the body paragraph is marked for the structure tree; the footer (a form) is not
        assert content.get_data().count(b"/P <</MCID ") == 1
        form = page["/Resources"]["/XObject"]
        footer = [x.get_object() for x in form.values()]
        assert footer and all(b"MCID" not in f.get_data() and b"BMC" not in f.get_data() for f in footer)


def test_a_tagging_canvas_alone_draws_no_footer() -> None:
    reader = _build(TaggingCanvas)
    assert all("Page " not in page.extract_text() for page in reader.pages)
