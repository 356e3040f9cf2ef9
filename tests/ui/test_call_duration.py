"""A call's duration follows from its start and end, whichever of them is edited.

The rule (stated in the dialog): changing the start moves the end with it (the duration stays);
changing the end or the duration changes how long it lasted; while no end is set, the clock runs
from the start (typed or not) and saving ends the call now.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel

from headway_journal.journal.records import ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import ContactDialog
from headway_journal.ui.dialogs.contact.call_times import RULE_HINT, to_qdatetime


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def open_dialog(qtbot: Any, service: JournalService, case_id: int,
                contact_id: int | None = None) -> tuple[ContactDialog, Clock]:
    dlg = ContactDialog(service, case_id, contact_id=contact_id)
    qtbot.addWidget(dlg)
    clock = Clock(dlg._started_exact)
    dlg.now = clock
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return dlg, clock


def save(qtbot: Any, dlg: ContactDialog) -> None:
    qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()


def timeline_line(qtbot: Any, make_window: Any, service: JournalService, case_id: int,
                  rep: str) -> str:
    window = make_window(service)
    window.set_view("all")
    assert window.select_case(case_id)
    labels = [lab.text() for lab in window.case_pane.findChildren(QLabel)
              if lab.accessibleName() == "Representative" and lab.text().startswith(rep)]
    assert len(labels) == 1, labels
    return labels[0]


def test_editing_the_start_of_a_running_call_keeps_its_duration(
        qtbot: Any, service: JournalService, case_id: int, make_window: Any) -> None:
    """The issue: the call began an hour before the dialog was opened; the user corrects the
    start and saves. The clock ran from the corrected start: 60 minutes, recorded."""
    dlg, clock = open_dialog(qtbot, service, case_id)
    opened = dlg.started_at()
    qtbot.keyClicks(dlg.rep_name, "Priya")
    dlg.start_edit.setDateTime(to_qdatetime(opened - timedelta(minutes=60)))
    assert dlg.call_hint.text().startswith("The clock runs from the start you set. Saving ends "
                                           "the call now")
    dlg._tick()
    assert dlg.timer_label.text() == "1:00:00"
    save(qtbot, dlg)
    [contact] = service.get_case(case_id).contacts
    assert contact.started_at == opened - timedelta(minutes=60)
    assert contact.ended_at == clock.now
    assert contact.duration_minutes == 60
    assert timeline_line(qtbot, make_window, service, case_id, "Priya") == "Priya · 60 min"


def test_start_moves_the_end_and_end_or_duration_change_the_length(
        qtbot: Any, service: JournalService, case_id: int, make_window: Any) -> None:
    dlg, clock = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Sam")
    clock.now += timedelta(minutes=60)
    qtbot.mouseClick(dlg.end_button, Qt.MouseButton.LeftButton)
    assert dlg.duration_spin.isVisibleTo(dlg) and dlg.duration_spin.value() == 60
    assert dlg.call_hint.text() == RULE_HINT
    # the call was yesterday, not today: moving the start moves the end, 60 minutes stay
    start = dlg.started_at() - timedelta(days=1, hours=2)
    dlg.start_edit.setDateTime(to_qdatetime(start))
    assert dlg.end_edit.dateTime() == to_qdatetime(start + timedelta(minutes=60))
    assert dlg.duration_spin.value() == 60
    assert dlg.timer_label.text() == "1:00:00"
    # the end was 10 minutes later: the duration follows
    dlg.end_edit.setDateTime(to_qdatetime(start + timedelta(minutes=70)))
    assert dlg.duration_spin.value() == 70
    # typing a duration moves the end
    dlg.duration_spin.selectAll()
    qtbot.keyClicks(dlg.duration_spin, "45")
    assert dlg.end_edit.dateTime() == to_qdatetime(start + timedelta(minutes=45))
    save(qtbot, dlg)
    [contact] = service.get_case(case_id).contacts
    assert (contact.started_at, contact.duration_minutes) == (start, 45)
    assert timeline_line(qtbot, make_window, service, case_id, "Sam") == "Sam · 45 min"


def test_an_old_contact_gets_its_end_and_keeps_it_when_the_start_is_corrected(
        qtbot: Any, service: JournalService, case_id: int, make_window: Any) -> None:
    began = datetime.now().astimezone().replace(microsecond=0, second=0) - timedelta(days=3)
    contact_id = service.log_contact(case_id, ContactInput(
        started_at=began, channel="phone", rep_name="Jordan"))
    dlg, _clock = open_dialog(qtbot, service, case_id, contact_id)
    assert not dlg.duration_spin.isVisibleTo(dlg)
    assert dlg.call_hint.text() == "Tick Ended and set the end to record how long it lasted."
    box = dlg.ended_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    # a call three days ago gets no made-up length: the end starts at the start
    assert dlg.end_edit.dateTime() == to_qdatetime(began)
    dlg.end_edit.setDateTime(to_qdatetime(began + timedelta(minutes=60)))
    assert dlg.duration_spin.value() == 60
    dlg.start_edit.setDateTime(to_qdatetime(began + timedelta(minutes=30)))
    assert dlg.end_edit.dateTime() == to_qdatetime(began + timedelta(minutes=90))
    save(qtbot, dlg)
    [contact] = service.get_case(case_id).contacts
    assert contact.started_at == began + timedelta(minutes=30)
    assert contact.ended_at == began + timedelta(minutes=90)
    assert contact.duration_minutes == 60
    assert timeline_line(qtbot, make_window, service, case_id, "Jordan") == "Jordan · 60 min"


def test_a_call_logged_days_later_without_an_end_has_no_made_up_duration(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    dlg, _clock = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.rep_name, "Lee")
    dlg.start_edit.setDateTime(to_qdatetime(dlg.started_at() - timedelta(days=2)))
    assert dlg.call_hint.text() == "Tick Ended and set the end to record how long it lasted."
    save(qtbot, dlg)
    [contact] = service.get_case(case_id).contacts
    assert contact.ended_at is None and contact.duration_minutes is None
