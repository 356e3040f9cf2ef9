"""Marking a promise broken says what to do next right there, and can be undone (the notice's
Undo button or Ctrl+Z), through the service and recorded in the history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from headway_journal.journal import deadlines as dl
from headway_journal.journal.next_step import CASE_FILE
from headway_journal.ui.case.pane import TAB_TIMELINE, CasePane

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def button(qtbot: Any, pane: CasePane, name: str) -> QPushButton:
    pane.tabs.setCurrentIndex(TAB_TIMELINE)

    def shown() -> list[QPushButton]:
        return [b for b in pane.findChildren(QPushButton)
                if b.accessibleName() == name and b.isVisible() and b.height() > 0]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def status_of(window: MainWindow, case_id: int, text: str) -> str:
    case = window.service.get_case(case_id)
    return next(p.status for p in case.promises if p.text == text)


def last_change(window: MainWindow, case_id: int) -> dict[str, Any]:
    return window.service.history(case_id)[-1].changes


def test_broken_shows_the_next_step_and_undo_puts_it_back(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    text = "status update from the credentialing team"
    window.set_view("all")
    window.select_case(sample.credentialing)
    pane = window.case_pane
    notice = pane.promise_notice
    assert not notice.isVisible()

    qtbot.mouseClick(button(qtbot, pane, f"Mark broken: {text}"), LEFT)
    assert status_of(window, sample.credentialing, text) == "broken"
    qtbot.waitUntil(notice.isVisible)
    lines = notice.texts()
    assert lines[0] == f"Promise “{text}” marked broken."
    assert lines[1] == "Next: " + dl.next_escalation_step(
        "provider_credentialing", 0, promise_broken=True)
    assert lines[1].startswith("Next: Step 2. ")
    assert "• Ticket number: PS-100234" in lines
    assert any(line.startswith(f"• The broken promise: “{text}”, due ") for line in lines)
    assert "• Ask for a supervisor or the escalation owner, and their name and title" in lines
    assert notice.have_ready.isVisible()

    undo = button(qtbot, pane, "Undo promise mark")
    qtbot.mouseClick(undo, LEFT)
    assert status_of(window, sample.credentialing, text) == "kept"
    assert last_change(window, sample.credentialing) == {
        "status": ["broken", "kept"], "text": text, "undo": True}
    assert notice.texts() == [f"Undone: promise “{text}” is kept again."]
    assert not notice.undo_button.isVisible()
    assert button(qtbot, pane, f"Mark broken: {text}").isEnabled()
    assert not window.act_undo.isEnabled()  # nothing left to undo
    assert f"Promise “{text}” back to kept (undo of marked broken)" in pane.history.toPlainText()


def test_ctrl_z_undoes_the_last_mark(qtbot: Any, window: MainWindow, sample: Sample) -> None:
    text = "decision on the refund"
    window.set_view("all")
    window.select_case(sample.billing)
    pane = window.case_pane
    qtbot.mouseClick(button(qtbot, pane, f"Mark broken: {text}"), LEFT)
    assert status_of(window, sample.billing, text) == "broken"
    # one escalation is on file already: the next step is the formal written complaint
    lines = pane.promise_notice.texts()
    assert lines[1] == "Next: " + dl.next_escalation_step("billing", 1, promise_broken=True)
    assert lines[1].startswith("Next: Step 3. ")
    assert "• Ticket numbers: HW-448812, ESC-77310" in lines
    assert "• The resolution you want: Refund of the duplicate charge ($100.00 disputed)" in lines
    assert any(line.startswith(f"• Every missed promise with its due date: “{text}” due ")
               for line in lines)
    assert lines[-1] == f"• {CASE_FILE}"
    assert window.act_undo.text() == f"&Undo marking “{text}” broken"

    window.activateWindow()
    window.case_list.setFocus()
    qtbot.waitUntil(window.case_list.hasFocus)
    qtbot.keyClick(window.case_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status_of(window, sample.billing, text) == "pending"
    assert last_change(window, sample.billing)["undo"] is True
    assert window.statusBar().currentMessage() == f"Undone: promise “{text}” is pending again."
    assert pane.promise_notice.texts() == [f"Undone: promise “{text}” is pending again."]
    assert window.act_undo.text() == "&Undo"


def test_kept_can_be_undone_too_and_undo_goes_back_in_order(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    pane = window.case_pane
    qtbot.mouseClick(button(qtbot, pane, "Mark kept: written reply"), LEFT)
    assert pane.promise_notice.texts() == ["Promise “written reply” marked kept."]
    assert not pane.promise_notice.have_ready.isVisible()  # no next step after a kept promise
    qtbot.mouseClick(button(qtbot, pane, "Mark broken: decision on the refund"), LEFT)
    window.undo()
    assert status_of(window, sample.billing, "decision on the refund") == "pending"
    assert status_of(window, sample.billing, "written reply") == "kept"
    window.undo()
    assert status_of(window, sample.billing, "written reply") == "pending"
    window.undo()
    assert window.statusBar().currentMessage() == "Nothing to undo."


def test_undo_refuses_when_the_promise_changed_again(
        qtbot: Any, window: MainWindow, sample: Sample, monkeypatch: Any) -> None:
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.case_pane.error.disconnect()
    window.case_pane.error.connect(errors.append)
    window.set_view("all")
    window.select_case(sample.billing)
    pane = window.case_pane
    qtbot.mouseClick(button(qtbot, pane, "Mark broken: written reply"), LEFT)
    qtbot.mouseClick(button(qtbot, pane, "Mark kept: written reply"), LEFT)
    # the first mark's Undo is gone from the notice; Ctrl+Z undoes the kept, then the broken
    window.undo()
    assert status_of(window, sample.billing, "written reply") == "broken"
    window.service.set_promise_status(sample.pending_promise, "kept")  # changed elsewhere
    window.undo()
    assert errors == ["The promise “written reply” was changed again since; nothing was undone."]
    assert status_of(window, sample.billing, "written reply") == "kept"
    assert not window.act_undo.isEnabled()
