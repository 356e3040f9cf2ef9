"""The case pane on the right is made at the window's first frame (``CasePaneHost``): the
window starts without it, then shows the first case as before; anything that asks for the pane
sooner gets it made at once, with the window's settings."""

from __future__ import annotations

from typing import Any

from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService


def _built(qtbot: Any, service: JournalService) -> Any:
    from headway_journal.ui.main_window import MainWindow

    window = MainWindow(service)
    qtbot.addWidget(window)
    return window


def test_the_pane_is_made_at_the_first_frame_and_shows_the_first_case(
        qtbot: Any, service: JournalService, sample: Any) -> None:
    window = _built(qtbot, service)
    assert window.built_case_pane() is None  # not before the window is on screen
    assert window.shown_case() is None and window.shown_case_id() is None
    assert not window.act_log_contact.isEnabled()  # no case shown yet: nothing to log to
    assert window.splitter.widget(1) is window.pane_slot

    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._ready)
    pane = window.built_case_pane()
    assert pane is not None and pane.parent() is window.pane_slot and pane.isVisible()
    first = window.case_model.case_id(0)
    assert first is not None and window.shown_case_id() == first == pane.case_id
    assert window.shown_case() is not None and window.shown_case().title  # type: ignore[union-attr]
    assert window.act_log_contact.isEnabled()
    window.close()


def test_asking_for_the_pane_early_makes_it_with_the_windows_order(
        qtbot: Any, service: JournalService, sample: Any) -> None:
    window = _built(qtbot, service)
    window.set_newest_first(False)  # oldest first, before the pane exists
    pane = window.case_pane  # made now
    assert window.built_case_pane() is pane
    assert not pane.order_button.isChecked()
    pane.order_button.setChecked(True)  # the pane's button still drives the window's action
    assert window.act_newest_first.isChecked()
    assert window.case_pane is pane  # made once


def test_a_view_with_no_cases_says_so_in_the_pane_made_later(
        qtbot: Any, service: JournalService) -> None:
    org = service.organization_by_key("headway")
    assert org is not None
    case = service.create_case(CaseInput(title="Refund came", organization_id=org.id,
                                         issue_type="billing", role="client"))
    service.set_case_status(case, "resolved")  # not in "All open", the view it starts in
    window = _built(qtbot, service)
    window.show()
    qtbot.waitUntil(lambda: window._ready)
    pane = window.built_case_pane()
    assert pane is not None and window.case_model.rowCount() == 0
    assert pane.stack.currentWidget() is pane.placeholder
    assert pane.placeholder.text() == window._empty_list_text()
    assert "No cases in" in pane.placeholder.text()
    window.close()
