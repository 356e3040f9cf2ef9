"""The deadlines calendar: pending promises and the outside clocks of open cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from headway_journal.journal.calendar_export import (
    CLOCK_REMINDER_DAYS,
    build_deadlines_calendar,
    clock_items,
)
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
NOW = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
STAMP = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


def case(svc: JournalService, issue_type: str, fields: dict[str, str], **kw: Any) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title=f"{issue_type} case", organization_id=org.id,
                                     issue_type=issue_type, role="client", fields=fields, **kw))


def events(data: bytes) -> dict[str, Any]:
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


@pytest.fixture
def cases(svc: JournalService) -> dict[str, int]:
    ids = {
        "privacy": case(svc, "privacy", {"what_happened": "x", "learned_on": "2026-10-01"}),
        "billing": case(svc, "billing", {"statement_date": "2026-10-20"}),
        "insurance": case(svc, "insurance", {"member_id": "M-1", "denial_date": "2026-09-01",
                                             "final_decision_date": "2026-10-15"}),
        "resolved": case(svc, "insurance", {"member_id": "M-2", "denial_date": "2026-09-01"},
                         status="resolved"),
        "deleted": case(svc, "privacy", {"what_happened": "y", "learned_on": "2026-10-02"}),
        "no dates": case(svc, "billing", {"card_last4": "4242"}),
        "technical": case(svc, "technical", {"device": "iPhone"}),
    }
    svc.delete_case(ids["deleted"])
    svc.log_contact(ids["billing"], ContactInput(
        started_at=datetime(2026, 11, 3, 10, 0, tzinfo=PST), channel="chat",
        promises=[PromiseInput("Refund decision", business_days=5)]))
    return ids


def test_promises_and_the_outside_clocks_of_open_cases(svc: JournalService,
                                                       cases: dict[str, int]) -> None:
    cal = build_deadlines_calendar(svc, now=NOW, generated_at=STAMP)
    assert (cal.promises, cal.outside_clocks, cal.events) == (1, 4, 5)
    assert cal.summary() == "1 promise deadline and 4 outside clocks"
    found = events(cal.data)
    promise = next(uid for uid in found if uid.startswith("promise-"))
    assert str(found[promise]["SUMMARY"]) == "Headway: Refund decision"
    p, b, i = cases["privacy"], cases["billing"], cases["insurance"]
    expected = {
        f"case-{p}-clock-privacy-complaint@headway-journal": date(2027, 3, 30),
        f"case-{b}-clock-card-billing-error@headway-journal": date(2026, 12, 19),
        f"case-{i}-clock-internal-appeal@headway-journal": date(2027, 2, 28),
        f"case-{i}-clock-external-review@headway-journal": date(2027, 2, 15),  # four months
    }
    clocks = {uid: e for uid, e in found.items() if "-clock-" in uid}
    assert {uid: e.decoded("DTSTART") for uid, e in clocks.items()} == expected
    for event in clocks.values():
        start = event.decoded("DTSTART")
        assert type(start) is date  # all day
        assert event.decoded("DTEND") == start + timedelta(days=1)
        assert "(general information, verify)" in str(event["SUMMARY"])
        assert "General information; verify the current rule with the agency." in str(
            event["DESCRIPTION"])
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(days=-CLOCK_REMINDER_DAYS)
        assert str(alarm["DESCRIPTION"]).startswith("Due in 7 days: ")
    appeal = clocks[f"case-{i}-clock-internal-appeal@headway-journal"]
    assert str(appeal["SUMMARY"]) == (
        "Health-plan internal appeal deadline (general information, verify)")
    assert "within 180 days of the denial; counted from 2026-09-01 (Headway)" in str(
        appeal["DESCRIPTION"])
    assert "Case: insurance case" in str(appeal["DESCRIPTION"])


def test_uids_stay_when_the_start_date_changes(svc: JournalService,
                                               cases: dict[str, int]) -> None:
    before = build_deadlines_calendar(svc, now=NOW, generated_at=STAMP)
    assert before.data == build_deadlines_calendar(svc, now=NOW, generated_at=STAMP).data
    data = svc.case_input(cases["insurance"])
    data.fields = {**data.fields, "denial_date": "2026-09-10"}
    svc.update_case(cases["insurance"], data)
    after = build_deadlines_calendar(svc, now=NOW, generated_at=STAMP)
    assert set(events(after.data)) == set(events(before.data))
    uid = f"case-{cases['insurance']}-clock-internal-appeal@headway-journal"
    assert events(after.data)[uid].decoded("DTSTART") == date(2027, 3, 9)


def test_a_resolved_case_drops_out(svc: JournalService, cases: dict[str, int]) -> None:
    svc.set_case_status(cases["privacy"], "resolved")
    assert all(f"case-{cases['privacy']}-" not in i.uid for i in clock_items(svc))
    assert len(clock_items(svc)) == 3


def test_an_empty_journal(svc: JournalService) -> None:
    cal = build_deadlines_calendar(svc)
    assert (cal.promises, cal.outside_clocks) == (0, 0)
    assert cal.summary() == "0 promise deadlines and 0 outside clocks"
    assert events(cal.data) == {}
