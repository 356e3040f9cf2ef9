"""Letters in the window: listed under Before you call > Next step with their deadlines, written
in the editor (facts, text, copy per form field), saved on the case, exported, marked sent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from headway_journal.ui.case.pane import TAB_BEFORE_CALL, CasePane
from headway_journal.ui.letters.dialog import LetterDialog

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow


def texts(widget: QWidget, name: str) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel)
            if lab.accessibleName() == name and lab.isVisibleTo(widget)]


def button(widget: QWidget, name: str) -> QPushButton:
    [found] = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    return found


def before_call(qtbot: Any, pane: CasePane) -> QWidget:
    bar = pane.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_BEFORE_CALL).center())
    page = pane.before_area.widget()
    assert page is not None
    return page


def set_statement(window: MainWindow, case_id: int, days_ago: int) -> None:
    svc = window.service
    data = svc.case_input(case_id)
    svc.update_case(case_id, replace(data, fields={
        **data.fields, "statement_date": (date.today() - timedelta(days=days_ago)).isoformat()}))
    window.set_view("all")
    window.refresh(select=case_id)


def open_editor(qtbot: Any, window: MainWindow, kind: str) -> LetterDialog:
    page = before_call(qtbot, window.case_pane)

    def visible() -> list[QPushButton]:  # (the case is shown again after each change)
        return [b for b in page.findChildren(QPushButton)
                if b.accessibleName() == f"Write {kind} letter" and b.isVisible()]

    qtbot.waitUntil(lambda: len(visible()) == 1)
    # (click(): right after a window-modal dialog closes, Qt drops synthetic mouse events)
    visible()[0].click()
    dialog = window.case_pane.letter_dialog
    assert isinstance(dialog, LetterDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_next_step_lists_the_letters_with_their_deadlines(qtbot: Any, window: MainWindow,
                                                          sample: Sample) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    page = before_call(qtbot, window.case_pane)
    assert texts(page, "Letter title") == ["Written complaint to the company",
                                           "Billing-error notice to the card issuer",
                                           "Complaint to the Consumer Financial Protection Bureau"]
    assert "Card billing-error notice: deadline unknown until its date is entered" in texts(
        page, "Letter deadline")
    assert any("statement that first showed the error" in t for t in texts(page, "Letter warning"))
    assert texts(page, "Letters note")[0].startswith("General information to verify")

    set_statement(window, sample.billing, 55)  # 5 days left
    page = before_call(qtbot, window.case_pane)
    qtbot.waitUntil(lambda: bool(texts(page, "Letter deadline")))
    deadline = [t for t in texts(page, "Letter deadline") if t.startswith("Card")]
    assert deadline and "left)" in deadline[0]
    assert any(t.startswith("Only") or t.startswith("Last day") for t in texts(page,
                                                                               "Letter warning"))
    assert "deadline close" in [lab.text() for lab in page.findChildren(QLabel)]


def test_write_save_copy_and_export(qtbot: Any, window: MainWindow, sample: Sample,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    dialog = open_editor(qtbot, window, "card-dispute")
    assert "[the date of the statement]" in dialog.text  # a gap, not a guess
    assert "[the date of the statement]" in dialog.gaps_label.text()
    assert texts(dialog, "Where to send it") == [
        "Where to send it: Write to the address for billing errors on the statement (not the "
        "payment address)"]
    [statement] = [e for e in dialog.findChildren(QLineEdit)
                   if e.accessibleName() == "Statement date"]
    qtbot.keyClicks(statement, "2026-11-10")
    assert "Friday, January 8, 2027" in dialog.deadline_label.text()
    qtbot.mouseClick(button(dialog, "Draft again"), Qt.MouseButton.LeftButton)
    assert "statement dated November 10, 2026" in dialog.text
    assert "[the date of the statement]" not in dialog.gaps_label.text()
    dialog.text_edit.appendPlainText("P.S. I kept every receipt.")

    copied = dialog.copy_buttons["Letter"]
    qtbot.mouseClick(copied, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard().text()
    assert clipboard == dialog.text and clipboard.endswith("P.S. I kept every receipt.")
    qtbot.mouseClick(dialog.copy_buttons["To"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("Billing error department")

    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    draft = window.service.letter_draft(sample.billing, "card-dispute")
    assert draft is not None and draft.facts == {"statement_date": "2026-11-10"}
    assert draft.body.endswith("P.S. I kept every receipt.")

    word = tmp_path / "notice"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(word), "Word document (*.docx)")))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    paragraphs = [p.text for p in docx.Document(str(word) + ".docx").paragraphs]
    assert "P.S. I kept every receipt." in paragraphs

    pdf = tmp_path / "notice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(pdf), "PDF (*.pdf)")))
    dialog.append_check.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    got = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Billing error notice" in got and "HW-448812" in got  # the case file came along
    assert "Exported to" in dialog.status_label.text()

    # reopening shows the saved draft
    dialog.close()
    again = open_editor(qtbot, window, "card-dispute")
    assert again.text.endswith("P.S. I kept every receipt.")
    again.close()


def test_cfpb_narrative_is_counted_and_checked(qtbot: Any, window: MainWindow, sample: Sample,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    dialog = open_editor(qtbot, window, "cfpb")
    assert dialog.counter_label.isVisible()
    assert dialog.counter_label.text() == f"{len(dialog.text):,} of 4,000 characters"
    assert dialog.check_label.text() == "No account numbers found."
    dialog.text_edit.setPlainText("My card 4111 1111 1111 1111 was charged twice.")
    assert "full card number" in dialog.check_label.text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: pytest.fail("the narrative must be fixed before it is exported")))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "full card number" in dialog.problems_label.text()
    dialog.text_edit.setPlainText("x" * 4001)
    assert dialog.counter_label.text() == "4,001 of 4,000 characters"
    assert "shorten it by 1" in dialog.check_label.text()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert not dialog.isVisible()
    assert window.service.letter_draft(sample.billing, "cfpb") is None  # discarded


def test_mark_as_sent_logs_a_contact_with_the_reply_clock(qtbot: Any, window: MainWindow,
                                                          sample: Sample) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    dialog = open_editor(qtbot, window, "cfpb")
    assert dialog.channel_combo.currentData() == "web-form"
    known = {c.id for c in window.service.get_case(sample.billing).contacts}
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    case = window.service.get_case(sample.billing)
    [sent] = [c for c in case.contacts if c.id not in known]  # the one contact it logged
    assert sent.channel == "web-form" and sent.started_at.date() == date.today()
    [promise] = sent.promises
    assert promise.text.startswith("Reply: the company's response through the CFPB")
    assert promise.due.due_on >= date.today() + timedelta(days=15)
    assert "Logged as sent" in dialog.status_label.text()
    dialog.close()
    page = before_call(qtbot, window.case_pane)
    qtbot.waitUntil(lambda: bool(texts(page, "Letter deadline")))
    assert any(t.startswith("CFPB complaint: sent on") for t in texts(page, "Letter deadline"))


def test_a_read_only_window_lists_letters_without_writing(qtbot: Any, window: MainWindow,
                                                          sample: Sample,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type(window.case_pane), "locked", property(lambda self: True))
    window.set_view("all")
    window.select_case(sample.privacy)
    page = before_call(qtbot, window.case_pane)
    qtbot.waitUntil(lambda: bool(texts(page, "Letter deadline")))
    assert "HHS OCR privacy complaint" in " ".join(texts(page, "Letter deadline"))
    assert not [b for b in page.findChildren(QPushButton)
                if b.accessibleName().startswith("Write ")]
