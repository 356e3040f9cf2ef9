"""What to do next, as the case pane shows it: a broken promise moves the suggested escalation
step up, and a privacy case with its learned-on date shows the outside clock with its
"general information, verify" wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from headway_journal.journal import deadlines as dl
from headway_journal.journal.records import ContactInput, EscalationInput, PromiseInput
from headway_journal.ui.case.pane import TAB_BEFORE_CALL, TAB_TIMELINE, CasePane
from headway_journal.ui.format import full_date

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

CLOCKS_NOTE = "General information to verify with the agency; not legal advice."


def shown(widget: QWidget, name: str) -> list[str]:
    """The texts of the visible labels named ``name`` (not the heading of the same name)."""
    return [lab.text() for lab in widget.findChildren(QLabel)
            if lab.accessibleName() == name and lab.text() != name and lab.isVisibleTo(widget)]


def headings(widget: QWidget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel)
            if lab.text() == lab.accessibleName() and lab.font().bold()
            and lab.isVisibleTo(widget)]


def open_tab(qtbot: Any, pane: CasePane, index: int) -> QWidget:
    """Click the tab as a user would; return the page (its scroll content when it scrolls)."""
    bar = pane.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert pane.tabs.currentIndex() == index
    page = pane.before_area.widget() if index == TAB_BEFORE_CALL else pane.tabs.widget(index)
    assert page is not None
    return page


def click_broken(qtbot: Any, pane: CasePane, promise_text: str) -> None:
    open_tab(qtbot, pane, TAB_TIMELINE)
    buttons = [b for b in pane.findChildren(QPushButton)
               if b.accessibleName() == f"Mark broken: {promise_text}"]
    assert len(buttons) == 1, [b.accessibleName() for b in pane.findChildren(QPushButton)]
    qtbot.waitUntil(buttons[0].isVisible)
    assert buttons[0].text() == "Broken" and buttons[0].isEnabled()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def test_broken_promise_suggests_the_next_escalation_step(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    # Credentialing: one promise, kept, no escalation yet
    window.set_view("all")
    window.select_case(sample.credentialing)
    pane = window.case_pane
    before = open_tab(qtbot, pane, TAB_BEFORE_CALL)
    assert shown(before, "Next step") == [
        dl.next_escalation_step("provider_credentialing", 0, promise_broken=False)]
    assert shown(before, "Next step")[0].startswith("Step 1. ")

    click_broken(qtbot, pane, "status update from the credentialing team")

    case = window.service.get_case(sample.credentialing)
    assert [p.status for p in case.promises] == ["broken"]
    after = open_tab(qtbot, pane, TAB_BEFORE_CALL)
    [step] = shown(after, "Next step")
    assert step == f"Step 2. {dl.ESCALATION_STEPS[1]}"
    assert "supervisor" in step and "in writing" in step
    assert "Next step" in headings(after)
    assert "Outside clocks" not in headings(after)  # no outside clock for this type


def test_privacy_case_broken_after_an_escalation_and_its_outside_clock(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    svc = window.service
    started = datetime.now().astimezone() - timedelta(days=2)
    svc.log_contact(sample.privacy, ContactInput(
        started_at=started, channel="email", direction="outbound", rep_name="Privacy team",
        summary="Asked who received my diagnosis code.",
        promises=[PromiseInput("written account of the disclosure", business_days=10)],
        escalation=EscalationInput(requested_on=started.date(), level="privacy officer",
                                   owner_name="Dana Ortiz", owner_title="Privacy Officer")))
    window.set_view("all")
    window.refresh(select=sample.privacy)
    pane = window.case_pane
    assert pane.case_id == sample.privacy

    page = open_tab(qtbot, pane, TAB_BEFORE_CALL)
    [waiting] = shown(page, "Next step")
    assert waiting.startswith("Wait for the reply committed to at the last escalation")
    # the outside clock: HHS OCR, 180 days from the day the user learned of it
    learned = date.fromisoformat(svc.get_case(sample.privacy).fields["learned_on"])
    deadline = learned + timedelta(days=180)
    left = (deadline - date.today()).days
    assert "Outside clocks" in headings(page)
    assert shown(page, "Outside clocks note") == [CLOCKS_NOTE]
    [clock] = shown(page, "Outside clock")
    assert clock.startswith(
        f"HHS Office for Civil Rights privacy complaint: by {full_date(deadline)} "
        f"({left} days left). ")
    assert "within 180 days of learning of it" in clock
    assert clock.endswith(dl.OUTSIDE_CLOCK_NOTE)
    assert "General information" in clock and "verify" in clock
    # the note comes right under its heading, before the clock itself
    labels = [lab.accessibleName() for lab in page.findChildren(QLabel)
              if lab.accessibleName() in ("Outside clocks", "Outside clocks note",
                                          "Outside clock")]
    assert labels == ["Outside clocks", "Outside clocks note", "Outside clock"]

    click_broken(qtbot, pane, "written account of the disclosure")

    page = open_tab(qtbot, pane, TAB_BEFORE_CALL)
    [step] = shown(page, "Next step")
    assert step == dl.next_escalation_step("privacy", 1, promise_broken=True)
    assert step.startswith("Step 3. Send a formal written complaint to the company's Privacy "
                           "Officer")
    assert shown(page, "Outside clocks note") == [CLOCKS_NOTE]  # the clock is still there


def test_outside_clock_follows_the_learned_on_date(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    """Long ago: the clock says it has passed, still as general information."""
    svc = window.service
    data = svc.case_input(sample.privacy)
    learned = date.today() - timedelta(days=200)
    svc.update_case(sample.privacy,
                    replace(data, fields={**data.fields, "learned_on": learned.isoformat()}))
    window.set_view("all")
    window.refresh(select=sample.privacy)
    page = open_tab(qtbot, window.case_pane, TAB_BEFORE_CALL)
    [clock] = shown(page, "Outside clock")
    assert f"by {full_date(learned + timedelta(days=180))} (passed 20 days ago)." in clock
    assert shown(page, "Outside clocks note") == [CLOCKS_NOTE]
