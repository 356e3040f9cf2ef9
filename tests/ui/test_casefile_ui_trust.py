"""The case-file dialog: a redacted copy withholds PDF and text exhibits (a per-exhibit choice
puts one back, with a warning), and the timeline can be limited to a date range; a case too
large for one file opens with a range that fits and says why."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFileDialog, QMessageBox
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from headway_journal.casefile import service_bridge
from headway_journal.journal.service import JournalService
from headway_journal.ui.casefile import build
from headway_journal.ui.casefile.dialog import CaseFileDialog

if TYPE_CHECKING:
    from conftest import Sample

WAIT = 60_000
MEMBER = "BHX884512370"


def pdf(text: str) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.drawString(72, 760, text)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def case(service: JournalService, sample: Sample) -> int:
    """The billing case (3 contacts, 12, 3 and 1 days ago) with a PDF (exhibit 1) and a text
    exhibit (exhibit 2)."""
    service.add_attachment(sample.billing, pdf(f"Statement for member {MEMBER}"),
                           original_name="statement.pdf", caption="Statement")
    service.add_attachment(sample.billing, f"notes on {MEMBER}\n".encode(),
                           original_name="notes.txt", caption="Typed notes")
    return sample.billing


@pytest.fixture
def dialog(qtbot: Any, service: JournalService, case: int) -> CaseFileDialog:
    dlg = CaseFileDialog(service, case)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    return shown


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(path), "PDF documents (*.pdf)")))


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(path).pages).split())


def click(qtbot: Any, box: QCheckBox) -> None:
    """Click a check box on its box (the widget may be wider than its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def toggle_item(qtbot: Any, dialog: CaseFileDialog, row: int) -> None:
    """Select the exhibit's row and press Space, as a keyboard user ticks it."""
    dialog.exhibit_list.setFocus()
    dialog.exhibit_list.setCurrentRow(row)
    qtbot.keyClick(dialog.exhibit_list, Qt.Key.Key_Space)


def type_date(qtbot: Any, edit: QDateEdit, day: date) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, day.isoformat())


def test_redacting_withholds_pdf_and_text_exhibits_until_ticked_back(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    warnings: list[str],
) -> None:
    items = [dialog.exhibit_list.item(i) for i in range(2)]
    assert all(i.checkState() == Qt.CheckState.Checked for i in items)
    click(qtbot, dialog.redact_check)
    assert dialog.redact_check.isChecked()
    assert all(i.checkState() == Qt.CheckState.Unchecked for i in items)
    assert all("withheld from the redacted copy" in i.text() for i in items)
    assert dialog.unmasked_label.isHidden()
    options = dialog.options()
    assert options.redact and options.exclude == () and options.include == ()

    toggle_item(qtbot, dialog, 0)  # put the PDF back
    assert items[0].checkState() == Qt.CheckState.Checked
    assert dialog.options().include == (1,)
    assert dialog.unmasked_label.isVisible()
    assert "Exhibit 1 goes into the redacted copy as filed" in dialog.unmasked_label.text()
    assert "not masked" in dialog.unmasked_label.text()

    out = tmp_path / "redacted.pdf"
    save_as(monkeypatch, out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    assert not warnings
    text = pdf_text(out)
    assert f"Statement for member {MEMBER}" in text  # the PDF, as filed
    assert "Exhibit 1 is included as filed: its contents are not masked" in text
    assert "Exhibit 2 (PDF or text) is withheld from this redacted copy" in text
    assert "notes.txt" in text

    # not redacted: every exhibit goes in again
    click(qtbot, dialog.redact_check)
    assert all(i.checkState() == Qt.CheckState.Checked for i in items)
    assert dialog.options().include == () and dialog.unmasked_label.isHidden()


def test_default_redacted_copy_lists_the_withheld_exhibits(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    click(qtbot, dialog.redact_check)
    out = tmp_path / "redacted.pdf"
    save_as(monkeypatch, out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    text = pdf_text(out)
    assert "Statement for member" not in text and MEMBER not in text
    assert "Exhibits 1, 2 (PDF or text) are withheld" in text
    assert "withheld from this redacted copy" in text


def test_a_date_range_limits_the_timeline(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    warnings: list[str],
) -> None:
    box = dialog.range_box
    assert not box.range_check.isChecked() and not box.from_edit.isEnabled()
    assert "3 contacts in the case file" in box.state_label.text()
    click(qtbot, box.range_check)
    assert box.from_edit.isEnabled()
    start, end = date.today() - timedelta(days=5), date.today()
    type_date(qtbot, box.from_edit, start)
    type_date(qtbot, box.to_edit, end)
    assert box.selected() == (start, end)
    assert "2 contacts in the case file; 1 other not included" in box.state_label.text()
    options = dialog.options()
    assert (options.first, options.last) == (start, end)

    out = tmp_path / "range.pdf"
    save_as(monkeypatch, out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    assert not warnings
    text = pdf_text(out)
    assert f"contacts from {start.isoformat()} to {end.isoformat()}; 1 other not included" in text

    # a range that ends before it starts cannot be built
    type_date(qtbot, box.from_edit, end + timedelta(days=1))
    assert "starts after it ends" in box.state_label.text()
    assert not dialog.export_button.isEnabled() and not dialog.print_button.isEnabled()


def test_a_case_too_large_opens_with_a_range_that_fits(
    qtbot: Any, service: JournalService, case: int, monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    """A limit of 2 contacts stands in for a case of a million (nothing that size is built)."""
    monkeypatch.setattr(service_bridge, "MAX_CASEFILE_CONTACTS", 2)
    dlg = CaseFileDialog(service, case)
    qtbot.addWidget(dlg)
    dlg.show()
    box = dlg.range_box
    assert box.range_check.isChecked()  # set for the user: the latest contacts that fit
    first, last = box.selected()
    assert last is not None and first is not None and box.count() <= 2
    assert dlg.export_button.isEnabled()
    # the whole case: refused, with the page count, and nothing can be started
    click(qtbot, box.range_check)
    label = box.state_label.text()
    assert "3 contacts" in label and "about 8 pages" in label and "date range" in label
    assert not dlg.export_button.isEnabled() and not dlg.preview_button.isEnabled()


def test_toolbar_print_of_a_case_too_large_says_how_to_choose_a_range(
    qtbot: Any, service: JournalService, case: int, monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    monkeypatch.setattr(service_bridge, "MAX_CASEFILE_CONTACTS", 2)
    loaded: list[int] = []
    real_get_case = JournalService.get_case
    monkeypatch.setattr(JournalService, "get_case",
                        lambda self, *a, **k: loaded.append(1) or real_get_case(self, *a, **k))
    builder = build.print_case_file(service, case, None)
    assert builder is not None
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT)
    assert "3 contacts" in warnings[0] and "about 8 pages" in warnings[0]
    assert "Timeline" in warnings[0] and "Traceback" not in warnings[0]
    assert not loaded  # refused before the case was read
