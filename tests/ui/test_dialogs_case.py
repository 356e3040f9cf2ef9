"""CaseDialog and the registry-built fields form, driven like a user would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from headway_journal.journal.issue_types import CARD_MESSAGE, ISSUE_TYPES, FieldSpec
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import CaseDialog, OrganizationDialog
from headway_journal.ui.dialogs.form_builder import IssueFieldsForm, explain_bad_date

YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No

# What a user types into a field of each kind (valid values).
SAMPLE: dict[str, str] = {
    "text": "Sample value",
    "multiline": "First line of the story",
    "date": "2026-11-02",
    "money": "100.00",
    "amounts": "$49.00 on Nov 3, $49.00 on Nov 4",
    "email": "ann@example.com",
    "last4": "4242",
    "npi": "1234567893",
    "ein": "12-3456789",
}


class Questions:
    """QMessageBox.question, patched: records each question, answers from ``answers``."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def __call__(self, parent: Any, title: str, text: str, *args: Any, **kw: Any) -> Any:
        self.asked.append((title, text))
        return self.answers.pop(0) if self.answers else NO


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    q = Questions()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(q))
    return q


def open_dialog(qtbot: Any, service: JournalService, **kw: Any) -> CaseDialog:
    dlg = CaseDialog(service, **kw)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return dlg


def ctrl_enter(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def type_into_field(qtbot: Any, spec: FieldSpec, editor: Any) -> str:
    """Type (or choose) a valid value; return what the service should store."""
    if spec.kind == "choice":
        assert isinstance(editor, QComboBox)
        editor.setFocus()
        editor.setCurrentIndex(editor.findData(spec.choices[0]))
        return spec.choices[0]
    value = SAMPLE[spec.kind]
    assert isinstance(editor, (QLineEdit, QPlainTextEdit))
    qtbot.keyClicks(editor, value)
    return value


# --- the form builder -----------------------------------------------------------------------


@pytest.mark.parametrize("key", list(ISSUE_TYPES))
def test_fields_form_is_built_from_the_registry(qtbot: Any, key: str) -> None:
    form = IssueFieldsForm(key)
    qtbot.addWidget(form)
    it = ISSUE_TYPES[key]
    assert list(form.rows) == [f.name for f in it.fields]
    for spec in it.fields:
        row = form.rows[spec.name]
        expected = {"multiline": QPlainTextEdit, "choice": QComboBox}.get(spec.kind, QLineEdit)
        assert isinstance(row.editor, expected)
        assert row.label.text() == (f"{spec.label} *" if spec.required else spec.label)
        assert row.editor.accessibleName() == spec.label
        assert row.error.accessibleName() == f"{spec.label} error"
        if spec.help:
            assert spec.help in row.editor.toolTip()


def test_bad_value_shows_inline_error_when_leaving_the_field(qtbot: Any) -> None:
    form = IssueFieldsForm("provider_credentialing")
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    npi = form.editor("npi")
    npi.setFocus()
    # leaving an empty required field does not nag yet
    qtbot.keyClick(npi, Qt.Key.Key_Tab)
    assert form.error_label("npi").message == ""
    npi.setFocus()
    qtbot.keyClicks(npi, "1234567890")
    qtbot.keyClick(npi, Qt.Key.Key_Tab)  # leaving the field checks it
    assert form.focusWidget() is form.editor("practice_name")
    assert "not a valid NPI" in form.error_label("npi").message
    assert not form.error_label("npi").isHidden()
    # typing again hides the message until the field is left again
    qtbot.keyClick(npi, Qt.Key.Key_Backspace)
    assert form.error_label("npi").message == ""


def test_impossible_date_gets_a_clear_message(qtbot: Any) -> None:
    assert explain_bad_date("2026-02-30") == (
        "There is no 30 February 2026: February 2026 has 28 days.")
    assert "no month 13" in (explain_bad_date("2026-13-01") or "")
    assert explain_bad_date("2028-02-29") is None
    form = IssueFieldsForm("privacy")
    qtbot.addWidget(form)
    qtbot.keyClicks(form.editor("learned_on"), "2026-02-30")
    errors = form.validate()
    assert errors["learned_on"] == "There is no 30 February 2026: February 2026 has 28 days."
    assert form.values()["learned_on"] == "2026-02-30"  # nothing was clamped


def test_values_round_trip(qtbot: Any) -> None:
    form = IssueFieldsForm("appointment")
    qtbot.addWidget(form)
    form.set_values({"therapist_name": "Dr. Núñez", "session_type": "video",
                     "cancellation_times": "one\ntwo"})
    values = form.values()
    assert values["therapist_name"] == "Dr. Núñez"
    assert values["session_type"] == "video"
    assert values["cancellation_times"] == "one\ntwo"


# --- creating cases -------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(ISSUE_TYPES))
def test_create_a_case_of_every_issue_type(qtbot: Any, service: JournalService,
                                           questions: Questions, key: str) -> None:
    dlg = open_dialog(qtbot, service)
    it = ISSUE_TYPES[key]
    dlg.issue_combo.setFocus()
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData(key))
    assert dlg.fields_form is not None and dlg.fields_form.issue_type == key
    assert dlg.details_box.title() == f"Details for {it.label}"
    roles = [dlg.role_combo.itemData(i) for i in range(dlg.role_combo.count())]
    assert roles == list(it.roles)
    qtbot.keyClicks(dlg.title_edit, f"A {it.label} problem")
    qtbot.keyClicks(dlg.amount_edit, "$1,250.50")
    qtbot.keyClicks(dlg.summary_edit, "What happened.")
    expected: dict[str, str] = {}
    for spec in it.fields:
        expected[spec.name] = type_into_field(qtbot, spec, dlg.fields_form.editor(spec.name))
    if key == "provider_credentialing":
        assert dlg.fields_form.editor("npi").text() == "1234567893"
        assert dlg.fields_form.editor("tax_id").text() == "12-3456789"
    ctrl_enter(qtbot, dlg.title_edit)

    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    case = service.get_case(dlg.saved_case_id or -1)
    assert case.issue_type == key
    assert case.title == f"A {it.label} problem"
    assert case.role == it.roles[0]
    assert str(case.amount_disputed) == "1250.50"
    assert case.fields == expected
    assert questions.asked == []  # no draft was offered, nothing asked
    assert not (service.folder / "drafts" / "case-new.json").exists()


def test_bad_npi_is_shown_inline_and_nothing_is_saved(qtbot: Any, service: JournalService,
                                                       questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("provider_credentialing"))
    qtbot.keyClicks(dlg.title_edit, "Credentialing stuck")
    form = dlg.fields_form
    assert form is not None
    qtbot.keyClicks(form.editor("npi"), "1234567890")
    qtbot.keyClicks(form.editor("practice_name"), "Harbor Counseling")
    ctrl_enter(qtbot, form.editor("practice_name"))

    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert service.count_cases() == 0
    assert form.error_label("npi").message == (
        "1234567890 is not a valid NPI: its check digit does not match.")
    assert "NPI" in dlg.problems_label.message
    assert "NPI" in dlg.save_button.toolTip()
    # nothing typed is lost
    assert form.editor("npi").text() == "1234567890"
    assert form.editor("practice_name").text() == "Harbor Counseling"
    assert dlg.title_edit.text() == "Credentialing stuck"
    assert dlg.focusWidget() is form.editor("npi")

    # fixing it saves
    form.editor("npi").selectAll()
    qtbot.keyClicks(form.editor("npi"), "1234567893")
    ctrl_enter(qtbot, form.editor("npi"))
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert service.get_case(dlg.saved_case_id or -1).fields["npi"] == "1234567893"


def test_full_card_number_in_the_summary_is_refused(qtbot: Any, service: JournalService,
                                                     questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    qtbot.keyClicks(dlg.title_edit, "Double charge")
    assert dlg.fields_form is not None
    qtbot.keyClicks(dlg.fields_form.editor("full_name"), "Ann Lee")
    story = "They charged card 4111 1111 1111 1111 twice."
    qtbot.keyClicks(dlg.summary_edit, story)
    ctrl_enter(qtbot, dlg.summary_edit)
    assert service.count_cases() == 0
    assert dlg.errors["summary"].message == CARD_MESSAGE
    assert dlg.summary_edit.toPlainText() == story
    assert "Summary" in dlg.problems_label.message
    # the problems line sits above the buttons, below every field: it says "marked above"
    line = dlg.problems_label.mapTo(dlg, dlg.problems_label.rect().topLeft()).y()
    assert dlg.summary_edit.mapTo(dlg, dlg.summary_edit.rect().topLeft()).y() < line
    assert "marked above" in dlg.problems_label.message

    # fixing the field takes its message away, and the line above the buttons with it
    dlg.summary_edit.setFocus()
    qtbot.keyClick(dlg.summary_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dlg.summary_edit, "They charged my card ending 1111 twice.")
    assert dlg.errors["summary"].message == ""
    assert dlg.problems_label.message == ""


def test_the_problems_line_shortens_as_each_field_is_fixed(
        qtbot: Any, service: JournalService, questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("provider_credentialing"))
    form = dlg.fields_form
    assert form is not None
    qtbot.keyClicks(form.editor("npi"), "1234567890")
    qtbot.keyClicks(dlg.amount_edit, "lots")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert service.count_cases() == 0
    first = dlg.problems_label.message
    assert first.startswith("Not saved:") and "marked above" in first
    assert "Title" in first and "NPI" in first and "Amount disputed" in first

    qtbot.keyClicks(dlg.title_edit, "Credentialing stuck")
    assert "Title" not in dlg.problems_label.message
    assert "NPI" in dlg.problems_label.message

    form.editor("npi").selectAll()
    qtbot.keyClicks(form.editor("npi"), "1234567893")
    assert form.error_label("npi").message == ""
    assert "NPI" not in dlg.problems_label.message
    assert "Amount disputed" in dlg.problems_label.message

    dlg.amount_edit.selectAll()
    qtbot.keyClicks(dlg.amount_edit, "100.00")
    assert dlg.errors["amount_disputed"].message == ""
    remaining = dlg.problems_label.message
    assert "Amount" not in remaining and "Title" not in remaining and "NPI" not in remaining


def test_missing_required_fields_are_explained(qtbot: Any, service: JournalService,
                                               questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    assert "Still needed: Title, Full name on the account" in dlg.save_button.toolTip()
    assert dlg.missing_label.text() == "Still needed: Title, Full name on the account"
    qtbot.keyClicks(dlg.title_edit, "Locked out")
    assert dlg.missing_label.text() == "Still needed: Full name on the account"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert service.count_cases() == 0
    assert dlg.fields_form is not None
    assert dlg.fields_form.error_label("full_name").message == (
        "Full name on the account is required.")
    assert dlg.problems_label.message == (
        "Not saved: fix Full name on the account (marked above).")


def test_switching_issue_type_keeps_what_was_typed(qtbot: Any, service: JournalService,
                                                   questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    assert dlg.fields_form is not None
    qtbot.keyClicks(dlg.fields_form.editor("full_name"), "Ann Lee")
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("billing"))
    assert "full_name" not in dlg.fields_form.rows
    qtbot.keyClicks(dlg.fields_form.editor("card_last4"), "4242")
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("appointment"))
    # appointment is for clients only
    assert dlg.role_combo.count() == 1 and not dlg.role_combo.isEnabled()
    assert dlg.safety_box.isVisibleTo(dlg)
    assert "988" in dlg.safety_box.text()
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("account"))
    assert dlg.fields_form.editor("full_name").text() == "Ann Lee"
    assert not dlg.safety_box.isVisibleTo(dlg)
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("billing"))
    assert dlg.fields_form.editor("card_last4").text() == "4242"
    # only the chosen type's fields go to the service
    assert set(dlg.case_input().fields) == {f.name for f in ISSUE_TYPES["billing"].fields}


def test_esc_asks_and_the_draft_comes_back(qtbot: Any, service: JournalService,
                                           questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    qtbot.keyClicks(dlg.title_edit, "Refund never arrived")
    qtbot.keyClicks(dlg.summary_edit, "Promised on the phone twice.")
    questions.answers.append(NO)  # "Close without saving?" -> No: stay
    qtbot.keyClick(dlg.title_edit, Qt.Key.Key_Escape)
    assert dlg.isVisible()
    assert questions.asked[-1][0] == "Close without saving?"
    questions.answers.append(YES)
    qtbot.keyClick(dlg.title_edit, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    draft_file = service.folder / "drafts" / "case-new.json"
    assert draft_file.exists()
    assert draft_file.stat().st_mode & 0o777 == 0o600

    questions.answers.append(YES)  # restore the draft
    again = open_dialog(qtbot, service)
    assert questions.asked[-1][1].startswith("Restore the unsaved new case from today at")
    assert again.title_edit.text() == "Refund never arrived"
    assert again.summary_edit.toPlainText() == "Promised on the phone twice."
    assert again.fields_form is not None
    qtbot.keyClicks(again.fields_form.editor("full_name"), "Ann Lee")
    ctrl_enter(qtbot, again.title_edit)
    assert again.result() == QDialog.DialogCode.Accepted
    assert not draft_file.exists()


def test_esc_without_changes_closes_at_once(qtbot: Any, service: JournalService,
                                            questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    qtbot.keyClick(dlg.title_edit, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert questions.asked == []
    assert not (service.folder / "drafts" / "case-new.json").exists()


def test_autosave_writes_the_draft_while_typing(qtbot: Any, service: JournalService,
                                                questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    qtbot.keyClicks(dlg.title_edit, "Typed before a crash")
    draft_file = service.folder / "drafts" / "case-new.json"
    qtbot.waitUntil(draft_file.exists, timeout=5000)
    assert "Typed before a crash" in draft_file.read_text("utf-8")
    assert dlg.draft_label.text() == "Draft saved"


def test_new_organization_from_the_case_dialog(qtbot: Any, service: JournalService,
                                               questions: Questions,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_exec(self: OrganizationDialog) -> int:
        assert self.new_mode and self.name_edit.text() == ""
        qtbot.keyClicks(self.name_edit, "Aetna")
        assert self.save()
        return int(self.result())

    monkeypatch.setattr(OrganizationDialog, "exec", fake_exec)
    dlg = open_dialog(qtbot, service)
    qtbot.mouseClick(dlg.new_org_button, Qt.MouseButton.LeftButton)
    assert dlg.org_combo.currentText() == "Aetna"
    assert [dlg.org_combo.itemText(i) for i in range(dlg.org_combo.count())] == [
        "Aetna", "Headway"]


def test_edit_an_existing_case(qtbot: Any, service: JournalService,
                               questions: Questions) -> None:
    org = service.organization_by_key("headway")
    assert org is not None
    case_id = service.create_case(CaseInput(
        title="Payout missing", organization_id=org.id, issue_type="provider_payment",
        role="clinician", fields={"bank_last4": "9876"}))
    dlg = open_dialog(qtbot, service, case_id=case_id)
    assert dlg.windowTitle() == "Edit case"
    assert dlg.title_edit.text() == "Payout missing"
    assert dlg.fields_form is not None
    assert dlg.fields_form.editor("bank_last4").text() == "9876"
    assert dlg.role_combo.currentData() == "clinician"
    dlg.title_edit.selectAll()
    qtbot.keyClicks(dlg.title_edit, "October payout missing")
    dlg.status_combo.setCurrentIndex(dlg.status_combo.findData("waiting"))
    ctrl_enter(qtbot, dlg.title_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.saved_case_id == case_id
    case = service.get_case(case_id)
    assert (case.title, case.status) == ("October payout missing", "waiting")
    updates = [h for h in service.history(case_id) if h.action == "update"]
    assert updates and updates[-1].changes["title"] == ["Payout missing", "October payout missing"]


def test_every_control_has_an_accessible_name(qtbot: Any, service: JournalService,
                                              questions: Questions) -> None:
    dlg = open_dialog(qtbot, service)
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox)
    controls = [w for w in dlg.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) >= 15
    for w in controls:
        if isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the line edit inside a combo or spin box
        if w.objectName().startswith("qt_"):
            continue
        assert w.accessibleName(), w
    for button in dlg.findChildren(QAbstractButton):
        if button.objectName().startswith("qt_"):
            continue
        assert button.toolTip(), button.text()


# --- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "listed", "value", "stored"), [
    ("12,50", "12,50 twice", "12.50", "12.50 twice"),
    ("1.234,56", "$1.234,56 on Nov 3", "1234.56", "$1,234.56 on Nov 3"),
    ("1,234", "$49.00 on Nov 3, $49.00 on Nov 4", "1234.00", "$49.00 on Nov 3, $49.00 on Nov 4"),
])
def test_amounts_typed_in_the_form_are_read_as_written(
        qtbot: Any, service: JournalService, questions: Questions, amount: str, listed: str,
        value: str, stored: str) -> None:
    dlg = open_dialog(qtbot, service)
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("billing"))
    form = dlg.fields_form
    assert form is not None
    qtbot.keyClicks(dlg.title_edit, "Charged twice")
    qtbot.keyClicks(dlg.amount_edit, amount)
    qtbot.keyClicks(form.editor("amounts"), listed)
    ctrl_enter(qtbot, dlg.title_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    case = service.get_case(dlg.saved_case_id or -1)
    assert str(case.amount_disputed) == value
    assert case.fields["amounts"] == stored


@pytest.mark.parametrize("typed", ["1,2,3", "1.234", "12,5,0", "1,23,456"])
def test_an_amount_that_reads_two_ways_is_refused_in_the_form(
        qtbot: Any, service: JournalService, questions: Questions, typed: str) -> None:
    dlg = open_dialog(qtbot, service)
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("billing"))
    form = dlg.fields_form
    assert form is not None
    qtbot.keyClicks(dlg.title_edit, "Charged twice")
    qtbot.keyClicks(dlg.amount_edit, typed)
    qtbot.keyClicks(form.editor("amounts"), f"${typed} on Nov 3")
    ctrl_enter(qtbot, dlg.title_edit)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert service.count_cases() == 0
    assert "Write amounts like 1234.56 or 1,234.56." in dlg.errors["amount_disputed"].message
    assert "Write amounts like 1234.56 or 1,234.56." in form.error_label("amounts").message
    assert dlg.amount_edit.text() == typed  # nothing typed is lost
    # once fixed, it saves
    dlg.amount_edit.selectAll()
    qtbot.keyClicks(dlg.amount_edit, "1,234.50")
    form.editor("amounts").selectAll()
    qtbot.keyClicks(form.editor("amounts"), "$1,234.50 on Nov 3")
    ctrl_enter(qtbot, dlg.title_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    assert str(service.get_case(dlg.saved_case_id or -1).amount_disputed) == "1234.50"


def test_error_messages_show_typed_control_characters_escaped(qtbot: Any) -> None:
    form = IssueFieldsForm("account")
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    email = form.editor("account_email")
    email.setFocus()
    qtbot.keyClicks(email, "ann")
    email.insert("\u202e")  # pasted: QTest cannot type characters outside Latin-1
    qtbot.keyClicks(email, "moc.elpmaxe")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    message = form.error_label("account_email").message
    assert "is not an e-mail address" in message
    assert "ann\\u202emoc.elpmaxe" in message
    assert "\u202e" not in message
    assert "\u202e" not in form.error_label("account_email").text()


def test_plain_message_escapes_what_it_quotes() -> None:
    from headway_journal.journal.service import ServiceError
    from headway_journal.ui.main_window import plain_message

    text = plain_message(ServiceError("There is no case 'x\x1b[2J\u2066y'."))
    assert text == "There is no case 'x\\x1b[2J\\u2066y'."
    text = plain_message(FileNotFoundError(2, "No such file", "/tmp/a\x1b]0;t\x07.json"))
    assert "\x1b" not in text and "\x07" not in text and "a\\x1b]0;t\\x07.json" in text
