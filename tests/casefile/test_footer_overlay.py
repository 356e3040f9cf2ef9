"""The page-number footer is laid over each page as a form XObject (footer_stamp.lay_over)."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject
from reportlab.pdfgen.canvas import Canvas

from headway_journal.casefile.pdf.footer_stamp import lay_over


def _pdf(*texts: str) -> PdfReader:
    buf = io.BytesIO()
    canvas = Canvas(buf)
    for text in texts:
        canvas.drawString(72, 700, text)
        canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buf.getvalue()))


def test_footer_is_drawn_over_each_page_and_shared_resources_stay_as_they_were() -> None:
    writer = PdfWriter()
    for page in _pdf("Body of page one", "Body of page two").pages:
        writer.add_page(page)
    shared = writer.pages[0]["/Resources"].get_object()
    writer.pages[1][NameObject("/Resources")] = shared  # two pages, one resource dictionary
    before = dict(shared)
    footers = _pdf("Page 1 of 2", "Page 2 of 2")
    for index, page in enumerate(writer.pages):
        assert lay_over(writer, page, footers.pages[index])
        page.compress_content_streams()
    assert dict(shared) == before
    out = io.BytesIO()
    writer.write(out)
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    assert "Body of page one" in pages[0].extract_text()
    assert "Page 1 of 2" in pages[0].extract_text()
    assert "Body of page two" in pages[1].extract_text()
    assert "Page 2 of 2" in pages[1].extract_text()
    assert "Page 1 of 2" not in pages[1].extract_text()


def test_page_without_its_own_resources_is_left_to_merge_page() -> None:
    writer = PdfWriter()
    writer.add_page(_pdf("Body").pages[0])
    page = writer.pages[0]
    del page[NameObject("/Resources")]
    contents = page.get_contents()
    assert not lay_over(writer, page, _pdf("Page 1 of 1").pages[0])
    assert page.get("/Resources") is None
    assert page.get_contents().get_data() == contents.get_data()
    assert isinstance(writer.pages[0], DictionaryObject)
