"""After a broken promise: the next step of the escalation path and what to have ready for it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal import deadlines as dl
from headway_journal.journal.next_step import CASE_FILE, after_broken_promise
from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput, PromiseInput
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    service = JournalService.open(tmp_path / "journal")
    yield service
    service.close()


def make_case(svc: JournalService, issue_type: str, escalations: int, *, tickets: list[str],
              fields: dict[str, str] | None = None, outcome: str = "") -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    case_id = svc.create_case(CaseInput(
        title="A case", organization_id=org.id, issue_type=issue_type, role="client",
        desired_outcome=outcome, fields=fields or {}))
    start = datetime(2026, 10, 1, 10, 0, tzinfo=TZ)
    for n in range(escalations):
        svc.add_escalation(case_id, EscalationInput(
            requested_on=date(2026, 10, 2 + n), level="supervisor",
            owner_name=f"Owner {n + 1}", owner_title="Lead", reference=f"ESC-{n + 1}"))
    svc.log_contact(case_id, ContactInput(
        started_at=start + timedelta(days=10), channel="phone", rep_name="Dana",
        rep_title="Agent", tickets=tickets,
        promises=[PromiseInput("call back", business_days=2)]))
    return case_id


def advice_for(svc: JournalService, case_id: int) -> tuple[str, ...]:
    case = svc.get_case(case_id)
    [promise] = case.promises
    svc.set_promise_status(promise.id, "broken")
    case = svc.get_case(case_id)
    advice = after_broken_promise(case, case.promises[0])
    expected = dl.next_escalation_step(case.issue_type, len(case.escalations),
                                       promise_broken=True)
    assert advice.text == expected
    assert advice.text.startswith(f"Step {advice.step}. ")
    return advice.documents


def test_step_two_names_the_promise_and_who_made_it(svc: JournalService) -> None:
    docs = advice_for(svc, make_case(svc, "technical", 0, tickets=[]))
    assert docs[0] == "A ticket number: none is on file, so ask for one first"
    assert docs[1] == "The broken promise: “call back”, due Oct 14, 2026 (promised by Dana, " \
                      "Agent on Oct 11)"
    assert "Ask for a supervisor" in docs[2]


def test_an_escalation_on_file_moves_the_next_step_up(svc: JournalService) -> None:
    case_id = make_case(svc, "technical", 0, tickets=["T-1"])
    case = svc.get_case(case_id)
    svc.add_escalation(case_id, EscalationInput(requested_on=date(2026, 10, 5), level="x",
                                                owner_name="Kim", owner_title="Supervisor"),
                       contact_id=case.contacts[0].id)
    # one escalation made: the next step is step 3
    assert after_broken_promise(svc.get_case(case_id), case.promises[0]).step == 3


@pytest.mark.parametrize("issue_type,fields,wanted", [
    ("insurance", {"member_id": "M-1"}, "Copies of the denial letters"),
    ("billing", {}, "A narrative of at most about 4,000 characters with no account numbers"),
    ("privacy", {"what_happened": "Shared my file.", "learned_on": "2026-09-30"}, "A written complaint that names Headway"),
])
def test_step_four_lists_what_the_outside_body_asks_for(
        svc: JournalService, issue_type: str, fields: dict[str, str], wanted: str) -> None:
    docs = advice_for(svc, make_case(svc, issue_type, 2, tickets=["A-1", "B-2"], fields=fields,
                                     outcome="Fix it"))
    assert docs[0] == "Ticket numbers: A-1, B-2"
    assert docs[1] == "Every missed promise with its due date: “call back” due Oct 14, 2026"
    assert docs[2] == "The resolution you want: Fix it"
    assert any(d.startswith(wanted) for d in docs), docs
    assert docs[-1] == CASE_FILE


def test_no_resolution_on_file_says_to_write_it_down(svc: JournalService) -> None:
    docs = advice_for(svc, make_case(svc, "technical", 1, tickets=["A-1"]))
    assert "The resolution you want: write it down first (Edit case)" in docs
