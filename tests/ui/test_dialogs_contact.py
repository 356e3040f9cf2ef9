"""ContactDialog (logging a call while on hold) and its drafts, driven like a user would."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from headway_journal.journal import deadlines as dl
from headway_journal.journal.issue_types import CARD_MESSAGE
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import ContactDialog
from headway_journal.ui.dialogs.contact.clock import clock_text
from headway_journal.ui.dialogs.contact.promise_row import due_text
from headway_journal.ui.drafts import DraftStore, describe_saved_at

YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No


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


def make_case(service: JournalService, issue_type: str = "billing", **fields: str) -> int:
    org = service.organization_by_key("headway")
    assert org is not None
    return service.create_case(CaseInput(
        title="Double charge", organization_id=org.id, issue_type=issue_type, role="client",
        fields=fields))


@pytest.fixture
def case_id(service: JournalService) -> int:
    return make_case(service)


class Clock:
    """A clock the test moves by hand; starts at the dialog's own start time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


def open_dialog(qtbot: Any, service: JournalService, case_id: int,
                **kw: Any) -> tuple[ContactDialog, Clock]:
    dlg = ContactDialog(service, case_id, **kw)
    qtbot.addWidget(dlg)
    clock = Clock(dlg._started_exact)
    dlg.now = clock
    dlg._tick()  # the timer by the test's clock (a slow start may have crossed a second)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return dlg, clock


def ctrl_enter(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def add_ticket(qtbot: Any, dlg: ContactDialog, number: str) -> None:
    qtbot.keyClicks(dlg.tickets.input, number)
    qtbot.keyClick(dlg.tickets.input, Qt.Key.Key_Return)


def click_checkbox(qtbot: Any, box: Any) -> None:
    """Click on the box itself (the widget stretches across the row)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def draft_path(service: JournalService, case_id: int) -> Path:
    return service.folder / "drafts" / f"contact-{case_id}.json"


# --- logging a call -------------------------------------------------------------------------


def test_log_a_call_while_on_hold(qtbot: Any, service: JournalService, case_id: int,
                                  questions: Questions) -> None:
    dlg, clock = open_dialog(qtbot, service, case_id)
    # the clock is running and the cursor waits in the representative's name
    assert dlg.focusWidget() is dlg.rep_name
    assert dlg.timer_label.text() == "00:00"
    assert dlg.offset_label.text().startswith("UTC")
    assert dlg.channel_combo.currentData() == "phone"
    clock.advance(seconds=65)
    qtbot.wait(1100)
    assert dlg.timer_label.text().startswith("01:0")

    qtbot.keyClicks(dlg.rep_name, "Priya Raman")
    qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dlg.rep_title, "Billing supervisor")

    # two tickets, Enter adds each as a chip and does not close the dialog
    add_ticket(qtbot, dlg, "HW-48213")
    add_ticket(qtbot, dlg, "ESC-77310")
    assert dlg.isVisible()
    assert dlg.tickets.tickets() == ["HW-48213", "ESC-77310"]
    assert dlg.tickets.input.text() == ""

    # hold: Alt+H from a text field, minutes add up in the hold field
    qtbot.keyClick(dlg.rep_title, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert dlg.hold_button.isChecked()
    assert dlg.rep_title.text() == "Billing supervisor"  # the key did not type an "h"
    clock.advance(minutes=3, seconds=10)
    dlg._tick()
    assert dlg.hold_button.text() == "On hold 03:10"
    assert dlg.hold_spin.value() == 3
    qtbot.keyClick(dlg.rep_title, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert not dlg.hold_button.isChecked()
    assert dlg.hold_spin.value() == 3
    assert dlg.hold_button.text() == "Hold"

    qtbot.keyClicks(dlg.summary_edit, "Confirmed the duplicate charge.")

    # a promise is one line
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, "5")
    assert row.unit.currentData() == "business days"
    qtbot.keyClicks(row.text, "refund issued")
    expected_due = dl.promise_due(dlg.started_at(), business_days=5, calendar=service.calendar)
    assert row.due_label.text() == due_text(expected_due, dlg.started_at().date())
    assert row.due_label.text().startswith("→ due ")
    assert row.error.message == ""

    # escalation
    assert not dlg.esc_box.isVisibleTo(dlg)
    click_checkbox(qtbot, dlg.esc_check)
    assert dlg.esc_check.isChecked() and dlg.esc_box.isVisibleTo(dlg)
    qtbot.keyClicks(dlg.esc_owner, "Alexei Smirnov")
    qtbot.keyClicks(dlg.esc_title, "Escalations lead")
    qtbot.keyClicks(dlg.esc_ref, "ESC-77310")

    clock.advance(minutes=5)
    ctrl_enter(qtbot, dlg.esc_ref)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()

    case = service.get_case(case_id)
    [contact] = case.contacts
    assert contact.id == dlg.saved_contact_id
    assert contact.rep_name == "Priya Raman" and contact.rep_title == "Billing supervisor"
    assert contact.tickets == ("HW-48213", "ESC-77310")
    assert contact.hold_minutes == 3
    assert contact.channel == "phone" and contact.direction == "outbound"
    # saving while the clock runs ends the call now
    assert contact.ended_at is not None and contact.duration_minutes == 9
    [promise] = contact.promises
    assert promise.text == "refund issued" and promise.business_days == 5
    assert promise.due.due_on == expected_due.due_on
    [esc] = case.escalations
    assert (esc.owner_name, esc.owner_title, esc.reference) == (
        "Alexei Smirnov", "Escalations lead", "ESC-77310")
    assert esc.contact_id == contact.id
    assert case.status == "escalated"
    assert not draft_path(service, case_id).exists()
    assert questions.asked == []


def test_plain_h_toggles_hold_but_types_in_text_fields(qtbot: Any, service: JournalService,
                                                       case_id: int,
                                                       questions: Questions) -> None:
    dlg, _clock = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Hannah")
    assert dlg.rep_name.text() == "Hannah"
    assert not dlg.hold_button.isChecked()
    dlg.hold_button.setFocus()
    qtbot.keyClick(dlg.hold_button, Qt.Key.Key_H)
    assert dlg.hold_button.isChecked()
    qtbot.keyClick(dlg.hold_button, Qt.Key.Key_H)
    assert not dlg.hold_button.isChecked()
    # a written channel has no clock and no hold
    dlg.channel_combo.setCurrentIndex(dlg.channel_combo.findData("email"))
    assert not dlg.call_row.isVisibleTo(dlg)
    qtbot.keyClick(dlg.channel_combo, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert not dlg.hold_button.isChecked()


def test_end_call_sets_the_end_time_and_stops_the_clock(qtbot: Any, service: JournalService,
                                                        case_id: int,
                                                        questions: Questions) -> None:
    dlg, clock = open_dialog(qtbot, service, case_id)
    qtbot.mouseClick(dlg.hold_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=2)
    qtbot.mouseClick(dlg.end_button, Qt.MouseButton.LeftButton)
    assert not dlg.hold_button.isChecked()
    assert dlg.ended_check.isChecked() and dlg.end_edit.isVisibleTo(dlg)
    assert dlg.timer_label.text() == "02:00"
    clock.advance(minutes=10)
    dlg._tick()
    assert dlg.timer_label.text() == "02:00"  # stopped
    qtbot.keyClicks(dlg.rep_name, "Sam")
    ctrl_enter(qtbot, dlg.rep_name)
    [contact] = service.get_case(case_id).contacts
    assert contact.hold_minutes == 2
    assert contact.ended_at is not None
    assert contact.ended_at.replace(second=0) == (dlg._started_exact + timedelta(minutes=2)
                                                  ).replace(second=0, microsecond=0)


def test_chips_can_be_removed_and_duplicates_are_refused(qtbot: Any, service: JournalService,
                                                         case_id: int,
                                                         questions: Questions) -> None:
    dlg, _clock = open_dialog(qtbot, service, case_id)
    add_ticket(qtbot, dlg, "A-1")
    add_ticket(qtbot, dlg, "B-2")
    add_ticket(qtbot, dlg, "A-1")
    assert dlg.tickets.tickets() == ["A-1", "B-2"]
    assert dlg.tickets.error.message == "A-1 is already in the list."
    [remove_a, _remove_b] = dlg.tickets.chip_buttons()
    assert remove_a.accessibleName() == "Remove ticket A-1"
    assert remove_a.toolTip() == "Remove ticket A-1"
    qtbot.mouseClick(remove_a, Qt.MouseButton.LeftButton)
    assert dlg.tickets.tickets() == ["B-2"]
    # text typed but not yet Entered is not lost on save
    qtbot.keyClicks(dlg.tickets.input, "C-3")
    qtbot.keyClicks(dlg.rep_name, "Sam")
    ctrl_enter(qtbot, dlg.rep_name)
    [contact] = service.get_case(case_id).contacts
    assert contact.tickets == ("B-2", "C-3")


@pytest.mark.parametrize("amount,words", [
    ("0", "A promise of 0 business days is not a deadline; use 1 or more."),
    ("100000", "A promise of 100,000 business days is more than a working year"),
])
def test_absurd_promise_is_refused(qtbot: Any, service: JournalService, case_id: int,
                                   questions: Questions, amount: str, words: str) -> None:
    dlg, _clock = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Sam")
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, amount)
    qtbot.keyClicks(row.text, "call back")
    assert words in row.error.message  # shown while typing
    assert row.due_label.text() == ""
    ctrl_enter(qtbot, row.text)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert service.get_case(case_id).contacts == ()
    assert words in row.error.message
    assert row.error.accessibleName() == "Promise 1 error"
    assert "promise 1" in dlg.problems_label.message
    assert (row.amount.text(), row.text.text(), dlg.rep_name.text()) == (amount, "call back", "Sam")


def test_promise_in_hours_and_by_date(qtbot: Any, service: JournalService, case_id: int,
                                      questions: Questions) -> None:
    dlg, _clock = open_dialog(qtbot, service, case_id)
    row = dlg.promise_rows[0]
    row.unit.setCurrentIndex(row.unit.findData("hours"))
    qtbot.keyClicks(row.amount, "24")
    qtbot.keyClicks(row.text, "e-mail confirmation")
    due = dl.promise_due(dlg.started_at(), hours=24)
    assert row.due_label.text() == due_text(due, dlg.started_at().date())
    qtbot.mouseClick(dlg.add_promise_button, Qt.MouseButton.LeftButton)
    second = dlg.promise_rows[1]
    qtbot.waitUntil(second.isVisible, timeout=2000)
    assert dlg.focusWidget() is second.amount
    second.unit.setCurrentIndex(second.unit.findData("date"))
    assert second.due_date.isVisibleTo(dlg) and not second.amount.isVisibleTo(dlg)
    target = dlg.started_at().date() + timedelta(days=10)
    from PySide6.QtCore import QDate
    second.due_date.setDate(QDate(target.year, target.month, target.day))
    qtbot.keyClicks(second.text, "written reply")
    assert second.due_label.text().startswith(f"→ due {target:%a %b} {target.day}")
    # a third, empty row is simply ignored; the × removes a row
    third = dlg.add_promise_row()
    assert third.remove_button.accessibleName() == "Remove promise 3"
    qtbot.keyClicks(dlg.rep_name, "Sam")
    ctrl_enter(qtbot, dlg.rep_name)
    [contact] = service.get_case(case_id).contacts
    assert [(p.text, p.hours, p.due_on_fixed) for p in contact.promises] == [
        ("e-mail confirmation", 24, None), ("written reply", None, target)]


def test_card_number_and_errors_are_shown_next_to_fields(qtbot: Any, service: JournalService,
                                                         case_id: int,
                                                         questions: Questions) -> None:
    dlg, _clock = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Sam")
    qtbot.keyClicks(dlg.summary_edit, "Card 4111-1111-1111-1111 was charged")
    click_checkbox(qtbot, dlg.esc_check)
    qtbot.keyClicks(dlg.esc_ref, "5500 0000 0000 0004")
    ctrl_enter(qtbot, dlg.summary_edit)
    assert service.get_case(case_id).contacts == ()
    assert dlg.errors["summary"].message == CARD_MESSAGE
    assert dlg.esc_errors["reference"].message == CARD_MESSAGE
    assert dlg.summary_edit.toPlainText() == "Card 4111-1111-1111-1111 was charged"
    assert "Summary" in dlg.problems_label.message
    assert dlg.focusWidget() is dlg.summary_edit


def test_safety_note_where_the_issue_type_needs_it(qtbot: Any, service: JournalService,
                                                   questions: Questions) -> None:
    clinical = make_case(service, "appointment", therapist_name="Dr. Lee")
    dlg, _ = open_dialog(qtbot, service, clinical)
    assert dlg.safety_box is not None and dlg.safety_box.isVisible()
    assert dlg.safety_box.text() == service.safety_note("appointment")
    assert "988" in dlg.safety_box.text()
    billing = make_case(service)
    other, _ = open_dialog(qtbot, service, billing)
    assert other.safety_box is None


def test_completion_from_earlier_representatives(qtbot: Any, service: JournalService,
                                                 case_id: int, questions: Questions) -> None:
    earlier = datetime.now().astimezone() - timedelta(days=3)
    service.log_contact(case_id, ContactInput(
        started_at=earlier, channel="phone", rep_name="Priya Raman",
        rep_title="Billing supervisor", rep_id="PR-114"))
    service.log_contact(case_id, ContactInput(
        started_at=earlier + timedelta(hours=1), channel="chat", rep_name="Alexei Smirnov",
        rep_title="Escalations lead", rep_id=""))
    dlg, _ = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "pri")
    popup = dlg.name_completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert dlg.name_completer.completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dlg.rep_name.text() == "Priya Raman"
    assert dlg.rep_title.text() == "Billing supervisor"
    assert dlg.rep_id.text() == "PR-114"
    assert dlg.isVisible()


# --- drafts ---------------------------------------------------------------------------------


def test_closing_keeps_a_draft_that_is_offered_back(qtbot: Any, service: JournalService,
                                                    case_id: int,
                                                    questions: Questions) -> None:
    dlg, clock = open_dialog(qtbot, service, case_id)
    started = dlg._started_exact
    qtbot.keyClicks(dlg.rep_name, "Priya Raman")
    add_ticket(qtbot, dlg, "HW-48213")
    qtbot.keyClicks(dlg.tickets.input, "HW-99")  # typed, not yet entered
    qtbot.keyClicks(dlg.summary_edit, "They said the refund was sent.")
    qtbot.keyClick(dlg.summary_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.summary_edit, "Second line.")
    row = dlg.promise_rows[0]
    qtbot.keyClicks(row.amount, "3")
    qtbot.keyClicks(row.text, "refund visible")
    click_checkbox(qtbot, dlg.esc_check)
    qtbot.keyClicks(dlg.esc_owner, "Alexei")
    qtbot.mouseClick(dlg.hold_button, Qt.MouseButton.LeftButton)  # on hold when it closes
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert questions.asked == []  # closing never asks: the draft keeps everything

    path = draft_path(service, case_id)
    assert path.exists()
    assert path.stat().st_mode & 0o777 == 0o600
    assert json.loads(path.read_text("utf-8"))["data"]["rep_name"] == "Priya Raman"
    assert service.get_case(case_id).contacts == ()

    questions.answers.append(YES)
    again, clock2 = open_dialog(qtbot, service, case_id)
    title, text = questions.asked[-1]
    assert text.startswith("Restore the unsaved contact from today at")
    assert again.rep_name.text() == "Priya Raman"
    assert again.tickets.tickets() == ["HW-48213"]
    assert again.tickets.input.text() == "HW-99"
    assert again.summary_edit.toPlainText() == "They said the refund was sent.\nSecond line."
    assert (again.promise_rows[0].amount.text(), again.promise_rows[0].text.text()) == (
        "3", "refund visible")
    assert again.esc_check.isChecked() and again.esc_owner.text() == "Alexei"
    assert again.started_at() == started  # the clock goes on from the original start
    assert again.hold_button.isChecked()  # still on hold
    assert "Draft restored" in again.draft_label.text()
    qtbot.mouseClick(again.hold_button, Qt.MouseButton.LeftButton)
    ctrl_enter(qtbot, again.rep_name)
    assert again.result() == QDialog.DialogCode.Accepted, again.problems_label.text()
    [contact] = service.get_case(case_id).contacts
    assert contact.tickets == ("HW-48213", "HW-99")
    assert not path.exists()


def test_declining_the_draft_sets_it_aside(qtbot: Any, service: JournalService, case_id: int,
                                           questions: Questions) -> None:
    dlg, _ = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Priya")
    dlg.reject()
    questions.answers.append(NO)
    again, _ = open_dialog(qtbot, service, case_id)
    assert again.rep_name.text() == ""
    assert not draft_path(service, case_id).exists()
    assert (service.folder / "drafts" / f"contact-{case_id}.declined.json").exists()


def test_autosave_leaves_a_draft_behind_after_a_crash(qtbot: Any, service: JournalService,
                                                      case_id: int,
                                                      questions: Questions) -> None:
    dlg, _ = open_dialog(qtbot, service, case_id)
    assert dlg.keeper.timer.interval() == 2000
    qtbot.keyClicks(dlg.summary_edit, "Words typed just before the power cut")
    path = draft_path(service, case_id)
    qtbot.waitUntil(path.exists, timeout=5000)
    assert dlg.draft_label.text().startswith("Draft saved ")
    # "crash": the dialog disappears without reject or accept
    dlg.keeper.stop()
    dlg.tick.stop()
    dlg.hide()
    questions.answers.append(YES)
    again, _ = open_dialog(qtbot, service, case_id)
    assert again.summary_edit.toPlainText() == "Words typed just before the power cut"


def test_nothing_typed_leaves_no_draft(qtbot: Any, service: JournalService, case_id: int,
                                       questions: Questions) -> None:
    dlg, clock = open_dialog(qtbot, service, case_id)
    clock.advance(seconds=30)
    qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert not draft_path(service, case_id).exists()


def test_draft_store_is_atomic_private_and_survives_damage(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    draft = store.save("contact-1", {"summary": "hello"})
    assert store.path("contact-1").stat().st_mode & 0o777 == 0o600
    assert store.folder.stat().st_mode & 0o777 == 0o700
    loaded = store.load("contact-1")
    assert loaded is not None and loaded.data == {"summary": "hello"}
    assert loaded.saved_at == draft.saved_at
    assert [p.name for p in store.folder.iterdir()] == ["contact-1.json"]  # no temp files left
    store.path("contact-1").write_text("{not json", "utf-8")
    assert store.load("contact-1") is None
    assert not store.exists("contact-1")
    assert any(p.name.startswith("contact-1.damaged-") for p in store.folder.iterdir())
    store.delete("contact-1")  # nothing to delete is fine
    assert os.listdir(store.folder)


def test_describe_saved_at() -> None:
    now = datetime(2026, 11, 24, 15, 0).astimezone()
    assert describe_saved_at(now - timedelta(hours=1), now).startswith("today at ")
    assert describe_saved_at(now - timedelta(days=1), now).startswith("yesterday at ")
    assert describe_saved_at(now - timedelta(days=3), now).startswith("Sat Nov 21 at ")
    assert clock_text(75) == "01:15" and clock_text(3725) == "1:02:05"


# --- editing --------------------------------------------------------------------------------


def test_editing_a_contact_prefills_and_records_history(qtbot: Any, service: JournalService,
                                                        case_id: int,
                                                        questions: Questions) -> None:
    started = (datetime.now().astimezone() - timedelta(days=2)).replace(microsecond=0)
    contact_id = service.log_contact(case_id, ContactInput(
        started_at=started, ended_at=started + timedelta(minutes=20), channel="phone",
        hold_minutes=7, rep_name="Priya Raman", rep_title="Supervisor",
        tickets=["HW-1", "HW-2"], summary="First version.",
        promises=[PromiseInput("refund issued", business_days=5)]))
    dlg, _ = open_dialog(qtbot, service, case_id, contact_id=contact_id)
    assert dlg.windowTitle() == "Edit contact"
    assert dlg.rep_name.text() == "Priya Raman"
    assert dlg.tickets.tickets() == ["HW-1", "HW-2"]
    assert dlg.hold_spin.value() == 7
    assert dlg.ended_check.isChecked()
    assert dlg.started_at() == started
    row = dlg.promise_rows[0]
    assert (row.amount.text(), row.unit.currentData(), row.text.text()) == (
        "5", "business days", "refund issued")
    assert dlg.timer_label.text() == "20:00"
    dlg.summary_edit.selectAll()
    qtbot.keyClicks(dlg.summary_edit, "Corrected version.")
    add_ticket(qtbot, dlg, "HW-3")
    ctrl_enter(qtbot, dlg.summary_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    assert dlg.saved_contact_id == contact_id
    [contact] = service.get_case(case_id).contacts
    assert contact.summary == "Corrected version."
    assert contact.tickets == ("HW-1", "HW-2", "HW-3")
    assert contact.started_at == started  # untouched start keeps its exact time
    changes = [h for h in service.history(case_id)
               if h.entity == "contact" and h.action == "update"]
    assert changes and changes[-1].changes["summary"] == ["First version.", "Corrected version."]


# --- keyboard and accessibility -------------------------------------------------------------


def test_enter_never_closes_and_tab_walks_down_the_form(qtbot: Any, service: JournalService,
                                                        case_id: int,
                                                        questions: Questions) -> None:
    dlg, _ = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Sam")
    qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Return)
    assert dlg.isVisible() and service.get_case(case_id).contacts == ()
    add_ticket(qtbot, dlg, "T-1")
    qtbot.waitUntil(dlg.tickets.chip_buttons()[0].isVisible, timeout=2000)
    dlg.rep_name.setFocus()
    row = dlg.promise_rows[0]
    expected = [dlg.rep_title, dlg.rep_id, dlg.tickets.chip_buttons()[0], dlg.tickets.input,
                dlg.summary_edit, dlg.outcome_edit, row.amount, row.unit, row.text,
                row.remove_button, dlg.add_promise_button, dlg.esc_check,
                dlg.capture.paste_button, dlg.capture.file_button, dlg.exhibit_strip,
                dlg.exhibit_strip.attach_button, dlg.cancel_button, dlg.save_button]
    seen = []
    for _ in expected:
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dlg.focusWidget())
    assert seen == expected


def test_every_control_has_an_accessible_name_and_buttons_a_tooltip(
        qtbot: Any, service: JournalService, case_id: int, questions: Questions) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    dlg, _ = open_dialog(qtbot, service, case_id)
    add_ticket(qtbot, dlg, "T-1")
    dlg.add_promise_row()
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox)
    controls = [w for w in dlg.findChildren(QWidget) if isinstance(w, kinds)
                and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
                and not w.objectName().startswith("qt_")]
    assert len(controls) > 25
    for w in controls:
        assert w.accessibleName(), w
        if isinstance(w, QAbstractButton):
            assert w.toolTip(), w.text()


# --- editing keeps promises and the escalation ---------------------------------------------------


def test_editing_keeps_promise_ids_and_adds_an_escalation(qtbot: Any, service: JournalService,
                                                          case_id: int,
                                                          questions: Questions) -> None:
    started = (datetime.now().astimezone() - timedelta(days=2)).replace(microsecond=0)
    contact_id = service.log_contact(case_id, ContactInput(
        started_at=started, channel="phone", summary="First version.",
        promises=[PromiseInput("refund issued", business_days=5),
                  PromiseInput("e-mail the summary", hours=4),
                  PromiseInput("written answer", business_days=10)]))
    ids = [p.id for p in service.get_case(case_id).contacts[0].promises]
    service.set_promise_status(ids[0], "kept")
    dlg, _ = open_dialog(qtbot, service, case_id, contact_id=contact_id)
    assert not dlg.esc_check.isChecked()
    # remove the second promise, add a new one, edit the summary, ask for an escalation
    qtbot.mouseClick(dlg.promise_rows[1].remove_button, Qt.MouseButton.LeftButton)
    row = dlg.add_promise_row(focus=True)
    qtbot.keyClicks(row.amount, "2")
    qtbot.keyClicks(row.text, "call back")
    dlg.summary_edit.selectAll()
    qtbot.keyClicks(dlg.summary_edit, "Corrected version.")
    click_checkbox(qtbot, dlg.esc_check)
    qtbot.keyClicks(dlg.esc_owner, "Alexei Smirnov")
    qtbot.keyClicks(dlg.esc_title, "Escalations lead")
    ctrl_enter(qtbot, dlg.esc_title)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()

    case = service.get_case(case_id)
    [contact] = case.contacts
    assert contact.summary == "Corrected version."
    assert [p.id for p in contact.promises][:2] == [ids[0], ids[2]]
    assert [(p.text, p.status) for p in contact.promises] == [
        ("refund issued", "kept"), ("written answer", "pending"), ("call back", "pending")]
    assert contact.promises[2].id not in ids  # the new line did not take the removed one's id
    [esc] = case.escalations
    assert (esc.owner_name, esc.owner_title, esc.contact_id) == (
        "Alexei Smirnov", "Escalations lead", contact_id)
    assert case.status == "escalated"

    # the edit dialog shows the escalation back, and saving again changes nothing
    again, _ = open_dialog(qtbot, service, case_id, contact_id=contact_id)
    assert again.esc_check.isChecked() and again.esc_box.isVisibleTo(again)
    assert (again.esc_owner.text(), again.esc_title.text()) == (
        "Alexei Smirnov", "Escalations lead")
    ctrl_enter(qtbot, again.summary_edit)
    assert again.result() == QDialog.DialogCode.Accepted, again.problems_label.text()
    after = service.get_case(case_id)
    assert after.escalations == (esc,)
    assert [p.id for p in after.contacts[0].promises] == [p.id for p in contact.promises]
