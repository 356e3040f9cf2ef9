"""Counting and loading a case's contacts by date, for case files limited to a date range."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService

PACIFIC = timezone(timedelta(hours=-8))
TOKYO = timezone(timedelta(hours=9))


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    s = JournalService.open(store)
    yield s
    s.close()


def test_contacts_are_counted_and_loaded_by_their_own_local_date(svc: JournalService) -> None:
    org = svc.organization_by_key("headway")
    assert org is not None
    case_id = svc.create_case(CaseInput(title="Refund", organization_id=org.id,
                                        issue_type="billing", role="client"))
    # 22:30 in California on the 20th is the 21st in UTC: it counts as the 20th
    times = [datetime(2025, 11, 20, 22, 30, tzinfo=PACIFIC),
             datetime(2025, 11, 21, 8, 0, tzinfo=TOKYO),  # the 20th in UTC: the 21st here
             datetime(2025, 11, 25, 9, 0, tzinfo=PACIFIC),
             datetime(2025, 12, 2, 9, 0, tzinfo=PACIFIC)]
    for n, at in enumerate(times):
        svc.log_contact(case_id, ContactInput(started_at=at, channel="phone", summary=f"c{n}"))
    assert svc.contact_span(case_id) == (4, date(2025, 11, 20), date(2025, 12, 2))
    assert svc.contact_span(case_id, date(2025, 11, 20), date(2025, 11, 20)) == (
        1, date(2025, 11, 20), date(2025, 11, 20))
    assert svc.contact_span(case_id, date(2025, 11, 21), None)[0] == 3
    assert svc.contact_span(case_id, None, date(2025, 11, 25))[0] == 3
    assert svc.contact_span(case_id, date(2026, 1, 1), None) == (0, None, None)
    view = svc.get_case(case_id, contacts_from=date(2025, 11, 21), contacts_to=date(2025, 11, 30))
    assert sorted(c.summary for c in view.contacts) == ["c1", "c2"]
    assert len(svc.get_case(case_id).contacts) == 4
