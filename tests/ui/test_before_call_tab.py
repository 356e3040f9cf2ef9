"""Before you call: questions for the issue type, items the facts rule out, opens at its top."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QWidget

from headway_journal.journal.issue_types import CALL_PROMPTS
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.case.pane import TAB_BEFORE_CALL, TAB_TIMELINE, CasePane

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow


def texts(widget: QWidget, name: str | None = None) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)
            if (name is None or label.accessibleName() == name) and not label.isHidden()]


def show_tab(window: MainWindow, case_id: int, qtbot: Any) -> CasePane:
    window.select_case(case_id)
    pane = window.case_pane
    pane.tabs.setCurrentIndex(TAB_BEFORE_CALL)
    assert pane.case is not None and pane.case.id == case_id
    # labels added to a shown page are shown from the event loop
    qtbot.waitUntil(lambda: bool(texts(pane.before_area.widget(), "Call prompt")))
    return pane


def add_case(service: JournalService, issue_type: str, role: str,
             fields: dict[str, str]) -> int:
    headway = service.organization_by_key("headway")
    assert headway is not None
    return service.create_case(CaseInput(title=f"A {issue_type} case", organization_id=headway.id,
                                         issue_type=issue_type, role=role, fields=fields))


def test_self_pay_charge_shows_the_eob_as_not_needed(window: MainWindow,
                                                     service: JournalService, qtbot: Any) -> None:
    cid = add_case(service, "billing", "client",
                   {"paid_by": "self-pay", "invoice_numbers": "INV-1", "card_last4": "4242"})
    window.refresh(select=cid)
    pane = show_tab(window, cid, qtbot)
    items = texts(pane.before_area.widget(), "Checklist item")
    assert items[-1] == "–  Not needed: Insurance authorization or EOB (the session was self-pay)"
    assert all(not i.startswith("–") for i in items[:-1])
    assert not any("Missing: Insurance authorization" in i for i in items)
    summary = texts(pane.before_area.widget(), "Checklist summary")
    assert summary == ["3 of 5 missing: add them to the case before you call."]


def test_questions_follow_the_issue_type(window: MainWindow, service: JournalService,
                                         sample: Sample, qtbot: Any) -> None:
    insurance = add_case(service, "insurance", "client",
                         {"member_id": "BHX884512370", "denial_reason_code": "CO-50"})
    credentialing = sample.credentialing
    window.refresh(select=insurance)
    asked = texts(show_tab(window, insurance, qtbot).before_area.widget(), "Call prompt")
    for n, prompt in enumerate(CALL_PROMPTS, start=1):
        assert asked[n - 1] == f"{n}. {prompt}"
    assert "5. Ask for the denial reason code, and what it means. (on file: CO-50)" in asked
    assert any("address (or fax number) to send an appeal" in a for a in asked)

    pane = show_tab(window, credentialing, qtbot)
    asked_clinician = texts(pane.before_area.widget(), "Call prompt")
    assert any("CAQH" in a for a in asked_clinician)
    assert asked_clinician[len(CALL_PROMPTS):] != asked[len(CALL_PROMPTS):]
    items = texts(pane.before_area.widget(), "Checklist item")
    assert any("CAQH ProView ID" in i for i in items)
    assert any("State license number" in i for i in items)


def test_the_plans_letter_deadline_is_the_external_review_clock(
        window: MainWindow, service: JournalService, qtbot: Any) -> None:
    decided = date.today() - timedelta(days=10)
    letter = date.today() + timedelta(days=50)
    cid = add_case(service, "insurance", "client", {
        "member_id": "M-1", "final_decision_date": decided.isoformat()})
    window.refresh(select=cid)
    clocks = texts(show_tab(window, cid, qtbot).before_area.widget(), "Outside clock")
    assert len(clocks) == 1 and "four months" in clocks[0] and "60 days of" not in clocks[0]

    data = service.case_input(cid)
    data.fields["review_deadline"] = letter.isoformat()
    service.update_case(cid, data)
    window.refresh(select=cid)
    clocks = texts(show_tab(window, cid, qtbot).before_area.widget(), "Outside clock")
    assert len(clocks) == 1 and "plan's final letter" in clocks[0]
    assert "50 days left" in clocks[0]


def scroll_to_bottom(pane: CasePane, qtbot: Any) -> Any:
    bar = pane.before_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    return bar


def test_the_tab_opens_at_its_top(window: MainWindow, sample: Sample, qtbot: Any) -> None:
    window.resize(1000, 600)
    pane = show_tab(window, sample.billing, qtbot)
    bar = scroll_to_bottom(pane, qtbot)

    pane.tabs.setCurrentIndex(TAB_TIMELINE)  # away and back
    pane.tabs.setCurrentIndex(TAB_BEFORE_CALL)
    qtbot.waitUntil(lambda: bar.value() == 0)
    qtbot.wait(50)  # nothing scrolls it down again once laid out
    assert bar.value() == 0

    bar = scroll_to_bottom(pane, qtbot)
    window.select_case(sample.credentialing)  # another case, the tab still shown
    assert pane.tabs.currentIndex() == TAB_BEFORE_CALL
    qtbot.waitUntil(lambda: bar.value() == 0)
    qtbot.waitUntil(lambda: bool(texts(pane.before_area.widget(), "Call prompt")))
    assert bar.value() == 0
