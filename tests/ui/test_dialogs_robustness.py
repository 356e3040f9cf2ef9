"""The case and contact dialogs under stress, driven as a user would.

The standard Save keys (Ctrl+S) next to Ctrl+Enter; hostile text (20,000 characters, control
characters, right-to-left scripts, emoji with ZWJ sequences and flags) typed, pasted and
committed by an input method; impossible dates in every date field of the registry; and a journal
that refuses the write (disk full, read-only) while a dialog saves.

Typing: ``qtbot.keyClicks`` only handles Latin-1 (QTest aborts the whole process on anything
else), so other characters are sent as key events carrying their text (one per code point, the
way a keyboard layout does), pasted with Ctrl+V, or committed as an input method would.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy import event

from headway_journal.journal.db import describe_sqlite_error
from headway_journal.journal.issue_types import ISSUE_TYPES, FieldSpec
from headway_journal.journal.service import JournalService, StorageError
from headway_journal.ui.case.pane import TAB_DETAILS, CasePane
from headway_journal.ui.dialogs import CaseDialog, ContactDialog
from headway_journal.ui.dialogs.form_builder import save_key_sequences

NO = QMessageBox.StandardButton.No

# --- hostile text ---------------------------------------------------------------------------------

CONTROL = "Ref\x00 A\x07B\x1bC \u202eevil\u202c end"  # NUL, BEL, ESC, right-to-left override
ARABIC = "استرداد المبلغ المكرر"
HEBREW = "החזר כספי על חיוב כפול"
EMOJI = "Family 👩\u200d👩\u200d👧\u200d👦 flags 🇺🇸🇮🇱🏳\ufe0f\u200d🌈 thumbs 👍🏽 heart ❤\ufe0f"


def long_text(n: int) -> str:
    """Exactly ``n`` code points of mixed scripts and emoji, no surrounding white space."""
    unit = f"Line {ARABIC} {HEBREW} 🇺🇸 👩\u200d💻 Núñez. "
    text = (unit * (n // len(unit) + 2))[:n]
    while text[-1].isspace() or "\ud800" <= text[-1] <= "\udfff":
        text = text[:-1] + "x"
    return text


def service_clean(text: str) -> str:
    """What the service keeps of typed text: control characters dropped (not format ones)."""
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable() or ord(ch) > 0x9F)


def one_line(text: str) -> str:
    return " ".join(service_clean(text).split())


# --- typing helpers ---------------------------------------------------------------------------


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key: each code point is one key event carrying it, Return for "\\n"."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def paste(qtbot: Any, widget: QWidget, text: str) -> None:
    """Put ``text`` on the clipboard and press Ctrl+V in ``widget``."""
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def commit(widget: QWidget, text: str) -> None:
    """What an emoji picker or input method does: commit a whole string at once."""
    widget.setFocus()
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def value_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def ctrl_s(qtbot: Any, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def ctrl_enter(qtbot: Any, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def labels(widget: QWidget, name: str) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel) if lab.accessibleName() == name]


# --- fixtures ---------------------------------------------------------------------------------


class Questions:
    """QMessageBox.question, patched: records each question and answers No."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent: Any, title: str, text: str, *args: Any, **kw: Any) -> Any:
        self.asked.append((title, text))
        return NO


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    q = Questions()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(q))
    return q


def show(qtbot: Any, dlg: QDialog) -> None:
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()


def case_dialog(qtbot: Any, service: JournalService, **kw: Any) -> CaseDialog:
    dlg = CaseDialog(service, **kw)
    show(qtbot, dlg)
    return dlg


def contact_dialog(qtbot: Any, service: JournalService, case_id: int, **kw: Any) -> ContactDialog:
    dlg = ContactDialog(service, case_id, **kw)
    show(qtbot, dlg)
    return dlg


def pane_for(qtbot: Any, service: JournalService, case_id: int) -> CasePane:
    pane = CasePane(service)
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    pane.show_case(case_id)
    return pane


# --- 1. the standard Save keys ----------------------------------------------------------------


def test_save_keys_include_the_platform_save_shortcut(qapp: Any) -> None:
    keys = save_key_sequences()
    assert QKeySequence("Ctrl+Return") in keys and QKeySequence("Ctrl+Enter") in keys
    for standard in QKeySequence.keyBindings(QKeySequence.StandardKey.Save):
        assert standard in keys
    assert QKeySequence("Ctrl+S") in keys  # what Save is on Linux, Windows (and Cmd+S on macOS)
    assert len(keys) == len({k.toString() for k in keys})  # no key bound twice (ambiguous)


def test_ctrl_s_saves_the_case_dialog(qtbot: Any, service: JournalService,
                                      questions: Questions) -> None:
    dlg = case_dialog(qtbot, service)
    qtbot.keyClicks(dlg.title_edit, "Locked out after the reset")
    assert dlg.fields_form is not None
    qtbot.keyClicks(dlg.fields_form.editor("full_name"), "Ann Lee")
    ctrl_s(qtbot, dlg.fields_form.editor("full_name"))
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    case = service.get_case(dlg.saved_case_id or -1)
    assert (case.title, case.fields["full_name"]) == ("Locked out after the reset", "Ann Lee")
    assert questions.asked == []


def test_ctrl_s_with_errors_keeps_the_case_dialog_open(qtbot: Any, service: JournalService,
                                                       questions: Questions) -> None:
    dlg = case_dialog(qtbot, service)
    qtbot.keyClicks(dlg.title_edit, "No name yet")
    ctrl_s(qtbot, dlg.title_edit)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert service.count_cases() == 0
    assert dlg.fields_form is not None
    assert dlg.fields_form.error_label("full_name").message == (
        "Full name on the account is required.")
    assert dlg.title_edit.text() == "No name yet"


def test_ctrl_s_saves_the_contact_dialog_from_any_field(qtbot: Any, service: JournalService,
                                                        case_id: int,
                                                        questions: Questions) -> None:
    dlg = contact_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Sam")
    qtbot.keyClicks(dlg.summary_edit, "Asked about the refund.")
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, "3")
    qtbot.keyClicks(row.text, "call back")
    ctrl_s(qtbot, dlg.summary_edit)  # a multi-line box does not swallow it
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    [contact] = service.get_case(case_id).contacts
    assert contact.rep_name == "Sam" and contact.summary == "Asked about the refund."
    assert [p.text for p in contact.promises] == ["call back"]


def test_ctrl_s_in_a_dialog_of_the_window_wins_over_the_window(
        qtbot: Any, make_window: Any, service: JournalService, case_id: int,
        questions: Questions) -> None:
    window = make_window(service)
    # nothing in the main window is bound to Save (it would fire only while it is active)...
    save_keys = {k.toString() for k in save_key_sequences()}
    for action in window.findChildren(QAction):
        bound = {k.toString() for k in action.shortcuts()}
        assert not (bound & save_keys) or action.shortcutContext() != (
            Qt.ShortcutContext.ApplicationShortcut), action.text()
    # ...and even a window action on Ctrl+S does not take the key from the dialog
    fired: list[bool] = []
    probe = QAction("Save-ish", window)
    probe.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
    probe.triggered.connect(lambda _c=False: fired.append(True))
    window.addAction(probe)
    dlg = contact_dialog(qtbot, service, case_id, parent=window)
    qtbot.keyClicks(dlg.rep_name, "Priya")
    ctrl_s(qtbot, dlg.rep_name)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    assert fired == []
    assert [c.rep_name for c in service.get_case(case_id).contacts] == ["Priya"]
    window.close()


# --- 2. hostile text ----------------------------------------------------------------------------


def test_case_dialog_keeps_hostile_text_as_the_service_stores_it(
        qtbot: Any, service: JournalService, questions: Questions) -> None:
    dlg = case_dialog(qtbot, service)
    form = dlg.fields_form
    assert form is not None
    # the title: typed in Hebrew with a flag, pasted control characters and RLO, an emoji picked
    type_text(dlg.title_edit, f"{HEBREW} 🇮🇱 ")
    paste(qtbot, dlg.title_edit, CONTROL + " ")
    commit(dlg.title_edit, "👩\u200d👩\u200d👧\u200d👦")
    typed_title = f"{HEBREW} 🇮🇱 {CONTROL} 👩\u200d👩\u200d👧\u200d👦"
    assert dlg.title_edit.text() == typed_title  # nothing dropped or mangled on the way in
    summary = long_text(20_000)
    paste(qtbot, dlg.summary_edit, summary)
    assert dlg.summary_edit.toPlainText() == summary
    type_text(dlg.outcome_edit, f"{ARABIC}\n{EMOJI}")
    paste(qtbot, dlg.outcome_edit, "\x1b[31m red \x07")
    type_text(form.editor("full_name"), f"{ARABIC} {EMOJI}")
    paste(qtbot, form.editor("account_id"), "ID\x00-42\u202e")
    ctrl_s(qtbot, form.editor("account_id"))
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()

    case = service.get_case(dlg.saved_case_id or -1)
    assert case.title == one_line(typed_title)
    for kept in (HEBREW, "🇮🇱", "👩\u200d👩\u200d👧\u200d👦", "\u202eevil\u202c"):
        assert kept in case.title
    assert not any(c in case.title for c in "\x00\x07\x1b")
    assert case.summary == summary  # 20,000 characters is the limit, and it is all there
    assert case.desired_outcome == service_clean(f"{ARABIC}\n{EMOJI}\x1b[31m red \x07").strip()
    assert case.fields["full_name"] == f"{ARABIC} {EMOJI}"
    assert case.fields["account_id"] == "ID-42\u202e"

    # shown back exactly as stored
    pane = pane_for(qtbot, service, case.id)
    assert pane.title_label.text() == case.title
    pane.tabs.setCurrentIndex(TAB_DETAILS)
    details = pane.details_area.widget()
    assert labels(details, "Summary") == [case.summary]
    assert labels(details, "Desired outcome") == [case.desired_outcome]
    assert labels(details, "Full name on the account") == [case.fields["full_name"]]
    assert case.desired_outcome in pane.outcome_label.text()
    # and found again by search, emoji and right-to-left words included
    assert {r.case_id for r in service.search(HEBREW.split()[1])} == {case.id}


def test_case_dialog_text_over_the_limit_is_explained_and_kept(
        qtbot: Any, service: JournalService, questions: Questions) -> None:
    dlg = case_dialog(qtbot, service)
    form = dlg.fields_form
    assert form is not None
    qtbot.keyClicks(dlg.title_edit, "Too much text")
    qtbot.keyClicks(form.editor("full_name"), "Ann Lee")
    summary = long_text(20_001)
    paste(qtbot, dlg.summary_edit, summary)
    outcome = f"{EMOJI} {HEBREW}"
    commit(dlg.outcome_edit, outcome)
    ctrl_s(qtbot, dlg.summary_edit)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert service.count_cases() == 0
    assert dlg.errors["summary"].message == (
        "This is 20,001 characters long; the limit is 20,000.")
    assert not dlg.errors["summary"].isHidden()
    assert "Summary" in dlg.problems_label.message
    # nothing typed is lost
    assert dlg.summary_edit.toPlainText() == summary
    assert dlg.outcome_edit.toPlainText() == outcome
    assert dlg.title_edit.text() == "Too much text"
    assert form.editor("full_name").text() == "Ann Lee"
    # taking one character off saves all the rest
    dlg.summary_edit.setFocus()
    dlg.summary_edit.moveCursor(dlg.summary_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(dlg.summary_edit, Qt.Key.Key_Backspace)
    ctrl_s(qtbot, dlg.summary_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    case = service.get_case(dlg.saved_case_id or -1)
    assert case.summary == summary[:-1].strip() and case.desired_outcome == outcome


@pytest.mark.parametrize("size", [501, 20_000])
def test_long_title_is_explained_not_cut(qtbot: Any, service: JournalService,
                                         questions: Questions, size: int) -> None:
    dlg = case_dialog(qtbot, service)
    assert dlg.fields_form is not None
    qtbot.keyClicks(dlg.fields_form.editor("full_name"), "Ann Lee")
    title = long_text(size)
    paste(qtbot, dlg.title_edit, title)
    assert dlg.title_edit.text() == title  # the paste is not silently cut
    ctrl_s(qtbot, dlg.title_edit)
    assert dlg.isVisible() and service.count_cases() == 0
    assert dlg.errors["title"].message == (
        f"This is {len(one_line(title)):,} characters long; the limit is 500.")
    assert dlg.title_edit.text() == title


def test_contact_dialog_keeps_hostile_text_as_the_service_stores_it(
        qtbot: Any, service: JournalService, case_id: int, questions: Questions) -> None:
    dlg = contact_dialog(qtbot, service, case_id)
    type_text(dlg.rep_name, "محمد الأحمد")
    type_text(dlg.rep_title, f"{HEBREW} 👩\u200d💼")
    paste(qtbot, dlg.rep_id, "ID\x07\x1b[0m-7\u202e")
    type_text(dlg.tickets.input, "תיק-4821")
    qtbot.keyClick(dlg.tickets.input, Qt.Key.Key_Return)
    paste(qtbot, dlg.tickets.input, "HW-\x00\u202e99")
    qtbot.keyClick(dlg.tickets.input, Qt.Key.Key_Return)
    summary = long_text(20_000)
    paste(qtbot, dlg.summary_edit, summary)
    type_text(dlg.outcome_edit, EMOJI)
    paste(qtbot, dlg.outcome_edit, f"\n{CONTROL}")
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, "5")
    type_text(row.text, f"{ARABIC} 🇺🇸")
    ctrl_s(qtbot, dlg.rep_name)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()

    [contact] = service.get_case(case_id).contacts
    assert contact.rep_name == "محمد الأحمد"
    assert contact.rep_title == f"{HEBREW} 👩\u200d💼"
    assert contact.rep_id == "ID[0m-7\u202e"
    assert contact.tickets == ("תיק-4821", "HW-\u202e99")
    assert contact.summary == summary
    assert contact.outcome == service_clean(f"{EMOJI}\n{CONTROL}")
    [promise] = contact.promises
    assert promise.text == f"{ARABIC} 🇺🇸"

    pane = pane_for(qtbot, service, case_id)
    timeline = pane.timeline_area.widget()
    assert labels(timeline, "Summary") == [contact.summary]
    assert labels(timeline, "Outcome") == [f"Outcome: {contact.outcome}"]
    [who] = labels(timeline, "Representative")
    assert who.startswith(f"{contact.rep_name}, {contact.rep_title} · ID {contact.rep_id}")
    assert labels(timeline, "Ticket numbers") == [f"Tickets: {', '.join(contact.tickets)}"]
    [line] = labels(timeline, "Promise")
    assert line.startswith(f"{promise.text} — within 5 business days, due ")


def test_contact_dialog_text_over_the_limit_is_explained_and_kept(
        qtbot: Any, service: JournalService, case_id: int, questions: Questions) -> None:
    dlg = contact_dialog(qtbot, service, case_id)
    name = long_text(20_000)
    paste(qtbot, dlg.rep_name, name)
    summary = long_text(20_001)
    paste(qtbot, dlg.summary_edit, summary)
    type_text(dlg.outcome_edit, f"{HEBREW} {EMOJI}")
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, "2")
    paste(qtbot, row.text, "\x00\x07\x1b")  # nothing left once control characters go
    ctrl_s(qtbot, dlg.outcome_edit)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert service.get_case(case_id).contacts == ()
    assert dlg.errors["rep_name"].message == (
        f"This is {len(one_line(name)):,} characters long; the limit is 500.")
    assert dlg.errors["summary"].message == (
        "This is 20,001 characters long; the limit is 20,000.")
    assert "What was promised is required." in row.error.message
    assert dlg.problems_label.message.startswith("Not saved:")
    # every character typed is still there
    assert dlg.rep_name.text() == name
    assert dlg.summary_edit.toPlainText() == summary
    assert dlg.outcome_edit.toPlainText() == f"{HEBREW} {EMOJI}"
    assert row.text.text() == "\x00\x07\x1b" and row.amount.text() == "2"


# --- 3. impossible dates in every date field of the registry ---------------------------------

DATE_FIELDS = [(key, spec.name) for key, it in ISSUE_TYPES.items()
               for spec in it.fields if spec.kind == "date"]
BAD_DATES = {
    "2026-02-30": "There is no 30 February 2026: February 2026 has 28 days.",
    "2026-13-01": "There is no month 13; a date is written YYYY-MM-DD, e.g. 2026-11-20.",
    "0000-00-00": "There is no month 0; a date is written YYYY-MM-DD, e.g. 2026-11-20.",
    "yesterday": "'yesterday' is not a date; use YYYY-MM-DD, e.g. 2026-11-20.",
    "9999-12-31": "9999-12-31 is outside the years 1990 to 2100; please check it.",
}
VALID: dict[str, str] = {
    "text": "Sample value", "multiline": "First line", "date": "2026-01-15",
    "money": "100.00", "amounts": "$49.00 on Nov 3", "email": "ann@example.com", "last4": "4242",
    "npi": "1234567893", "ein": "12-3456789",
}


def fill_valid(qtbot: Any, spec: FieldSpec, editor: QWidget) -> str:
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(spec.choices[0]))
        return spec.choices[0]
    value = VALID[spec.kind]
    qtbot.keyClicks(editor, value)
    return value


def test_the_registry_has_date_fields() -> None:
    names = {name for _key, name in DATE_FIELDS}
    assert {"appointment_date", "statement_date", "denial_date", "final_decision_date",
            "learned_on"} <= names


@pytest.mark.parametrize(("issue_type", "field_name"), DATE_FIELDS,
                         ids=[f"{k}.{n}" for k, n in DATE_FIELDS])
def test_impossible_dates_are_explained_next_to_the_field(
        qtbot: Any, service: JournalService, questions: Questions, issue_type: str,
        field_name: str) -> None:
    dlg = case_dialog(qtbot, service)
    dlg.issue_combo.setFocus()
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData(issue_type))
    form = dlg.fields_form
    assert form is not None and form.issue_type == issue_type
    qtbot.waitUntil(form.isVisible)  # the new form is shown by the event loop
    qtbot.keyClicks(dlg.title_edit, f"Dates for {issue_type}")
    qtbot.keyClicks(dlg.summary_edit, "What happened.")
    others: dict[str, str] = {}
    for spec in ISSUE_TYPES[issue_type].fields:
        if spec.name != field_name:
            others[spec.name] = fill_valid(qtbot, spec, form.editor(spec.name))
    editor = form.editor(field_name)
    assert isinstance(editor, QLineEdit)
    error = form.error_label(field_name)
    for bad, message in BAD_DATES.items():
        editor.setFocus()
        editor.selectAll()
        qtbot.keyClicks(editor, bad)
        ctrl_s(qtbot, editor)
        assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted, bad
        assert service.count_cases() == 0
        assert error.message == message, bad
        assert error.isVisibleTo(dlg)
        assert error.parentWidget() is editor.parentWidget()  # right under the field
        assert dlg.focusWidget() is editor
        assert form.labels_for([field_name])[0] in dlg.problems_label.message
        # nothing was clamped, cleared or lost
        assert editor.text() == bad
        assert dlg.title_edit.text() == f"Dates for {issue_type}"
        assert dlg.summary_edit.toPlainText() == "What happened."
        assert {n: v for n, v in form.values().items() if n != field_name} == others
        assert all(form.error_label(n).message == "" for n in others)
    # a real date saves
    editor.selectAll()
    qtbot.keyClicks(editor, "2026-01-31")
    ctrl_s(qtbot, editor)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    assert service.get_case(dlg.saved_case_id or -1).fields[field_name] == "2026-01-31"


# --- 4. the journal refuses the write -----------------------------------------------------------

DISK_FULL = describe_sqlite_error(sqlite3.OperationalError("database or disk is full"))


def refuse(message: str) -> Any:
    def write(*_a: Any, **_k: Any) -> Any:
        raise StorageError(message)
    return write


def test_case_dialog_on_a_full_disk_keeps_everything(
        qtbot: Any, service: JournalService, questions: Questions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = case_dialog(qtbot, service)
    form = dlg.fields_form
    assert form is not None
    qtbot.keyClicks(dlg.title_edit, "Refund never arrived")
    type_text(form.editor("full_name"), "Ann Lee 🇺🇸")
    qtbot.keyClicks(dlg.amount_edit, "100.00")
    qtbot.keyClicks(dlg.summary_edit, "Charged twice.")
    qtbot.keyClicks(dlg.outcome_edit, "Refund")
    before = dlg.case_input()
    monkeypatch.setattr(service, "create_case", refuse(DISK_FULL))
    ctrl_s(qtbot, dlg.title_edit)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.problems_label.message == (
        "Not saved: The disk is full, so the change was not saved. Free some space and try "
        "again.")
    assert not dlg.problems_label.isHidden()
    assert dlg.case_input() == before  # every field intact
    assert questions.asked == []
    # the draft on disk still holds it (written where it could be)
    monkeypatch.undo()
    ctrl_s(qtbot, dlg.title_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    case = service.get_case(dlg.saved_case_id or -1)
    assert (case.title, case.fields["full_name"], case.summary) == (
        "Refund never arrived", "Ann Lee 🇺🇸", "Charged twice.")


def test_contact_dialog_on_a_full_disk_keeps_everything(
        qtbot: Any, service: JournalService, case_id: int, questions: Questions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = contact_dialog(qtbot, service, case_id)
    type_text(dlg.rep_name, "Priya Raman")
    qtbot.keyClicks(dlg.tickets.input, "HW-1")
    qtbot.keyClick(dlg.tickets.input, Qt.Key.Key_Return)
    type_text(dlg.summary_edit, f"Refund promised {EMOJI}")
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, "5")
    qtbot.keyClicks(row.text, "refund issued")
    before = dlg._content()
    monkeypatch.setattr(service, "log_contact", refuse(DISK_FULL))
    ctrl_s(qtbot, dlg.summary_edit)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.problems_label.message == f"Not saved: {DISK_FULL}"
    assert dlg._content() == before
    assert (dlg.rep_name.text(), dlg.tickets.tickets(), row.amount.text(), row.text.text()) == (
        "Priya Raman", ["HW-1"], "5", "refund issued")
    assert dlg.summary_edit.toPlainText() == f"Refund promised {EMOJI}"
    monkeypatch.undo()
    ctrl_s(qtbot, dlg.summary_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    [contact] = service.get_case(case_id).contacts
    assert contact.summary == f"Refund promised {EMOJI}"
    assert [p.text for p in contact.promises] == ["refund issued"]


def test_dialogs_on_a_read_only_journal_keep_everything(
        qtbot: Any, service: JournalService, case_id: int, questions: Questions) -> None:
    """The real write path: every new connection is read-only (SQLite's query_only)."""

    def query_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    case = case_dialog(qtbot, service)
    assert case.fields_form is not None
    qtbot.keyClicks(case.title_edit, "Second problem")
    type_text(case.fields_form.editor("full_name"), "Ann Lee 👩\u200d💻")
    event.listen(service.journal.engine, "connect", query_only)
    try:
        ctrl_s(qtbot, case.title_edit)
        assert case.isVisible() and case.result() != QDialog.DialogCode.Accepted
        assert case.problems_label.message == (
            "Not saved: The journal folder is read-only, so the change was not saved.")
        assert case.title_edit.text() == "Second problem"
        assert case.fields_form.editor("full_name").text() == "Ann Lee 👩\u200d💻"
    finally:
        event.remove(service.journal.engine, "connect", query_only)
    ctrl_s(qtbot, case.title_edit)
    assert case.result() == QDialog.DialogCode.Accepted, case.problems_label.text()
    assert service.count_cases() == 2

    contact = contact_dialog(qtbot, service, case_id)
    type_text(contact.rep_name, "Dana 🇮🇱")
    qtbot.keyClicks(contact.summary_edit, "Asked again.")
    event.listen(service.journal.engine, "connect", query_only)
    try:
        ctrl_s(qtbot, contact.summary_edit)
        assert contact.isVisible() and contact.result() != QDialog.DialogCode.Accepted
        assert contact.problems_label.message == (
            "Not saved: The journal folder is read-only, so the change was not saved.")
        assert (contact.rep_name.text(), contact.summary_edit.toPlainText()) == (
            "Dana 🇮🇱", "Asked again.")
    finally:
        event.remove(service.journal.engine, "connect", query_only)
    assert service.get_case(case_id).contacts == ()
    ctrl_s(qtbot, contact.summary_edit)
    assert contact.result() == QDialog.DialogCode.Accepted, contact.problems_label.text()
    assert [c.rep_name for c in service.get_case(case_id).contacts] == ["Dana 🇮🇱"]


def test_save_buttons_name_both_save_keys() -> None:
    from headway_journal.ui.dialogs.form_builder import save_keys_hint

    assert save_keys_hint() == "Ctrl+Enter or Ctrl+S"
