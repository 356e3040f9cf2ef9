"""Render the first page with QtPdf (what the app's preview and printing use)."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtPdf  # a declared dependency (PySide6-Pdf): missing is a failure

from headway_journal.casefile import CaseFileData, build_casefile


def test_first_page_renders_and_is_not_blank(
    qapp: object, sample_data: CaseFileData, out_dir: Path
) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter

    out = out_dir / "case.pdf"
    result = build_casefile(sample_data, out)
    doc = QtPdf.QPdfDocument(None)
    try:
        assert doc.load(str(out)) == QtPdf.QPdfDocument.Error.None_
        assert doc.pageCount() == result.pages
        size = doc.pagePointSize(0)
        assert (round(size.width()), round(size.height())) == (612, 792)
        rendered = doc.render(0, QSize(612, 792))
        assert not rendered.isNull()
        page = QImage(rendered.size(), QImage.Format.Format_RGB32)
        page.fill(QColor("white"))
        painter = QPainter(page)
        painter.drawImage(0, 0, rendered)
        painter.end()
        ink = 0
        samples = 0
        for y in range(0, page.height(), 3):
            for x in range(0, page.width(), 3):
                samples += 1
                if page.pixelColor(x, y).lightness() < 160:
                    ink += 1
        assert 0.01 < ink / samples < 0.5
        # the title sits in the top third, the footer at the bottom
        top = sum(
            page.pixelColor(x, y).lightness() < 160
            for y in range(40, 260, 2)
            for x in range(40, 572, 2)
        )
        bottom = sum(
            page.pixelColor(x, y).lightness() < 160
            for y in range(750, 775)
            for x in range(40, 572, 2)
        )
        assert top > 200 and bottom > 20
    finally:
        doc.close()
