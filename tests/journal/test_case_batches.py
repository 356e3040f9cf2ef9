"""Several cases read at once (``get_cases``, ``letter_drafts_of``: what the export reads in
batches) give exactly what reading each case alone gives, on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    s = JournalService.open(store)
    yield s
    s.close()


def _case(svc: JournalService, title: str, contacts: int) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                                    role="client", fields={"invoice_numbers": "INV-1"}))
    for i in range(contacts):
        svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 2 + i, 9, tzinfo=TZ), channel="phone",
            rep_name=f"Rep {i}", tickets=[f"T-{cid}-{i}"], summary=f"Call {i} about {title}",
            promises=[PromiseInput(text="Refund", business_days=3 + i)]))
    svc.add_note(cid, f"A note on {title}")
    return cid


def test_several_cases_read_at_once_are_the_cases_read_alone(svc: JournalService) -> None:
    first, second, gone, empty = (_case(svc, "First", 3), _case(svc, "Second", 2),
                                  _case(svc, "Deleted", 1), _case(svc, "Empty", 0))
    svc.delete_case(gone)
    wanted = [second, gone, 999_999, empty, first]  # a deleted and a missing case are skipped
    got = svc.get_cases(wanted, now=NOW)
    assert [c.id for c in got] == [second, empty, first]
    assert got == [svc.get_case(i, now=NOW) for i in (second, empty, first)]
    assert [len(c.contacts) for c in got] == [2, 0, 3]
    assert svc.get_cases([], now=NOW) == []


def test_letter_drafts_of_several_cases(svc: JournalService) -> None:
    a, b, none = _case(svc, "A", 1), _case(svc, "B", 0), _case(svc, "None", 0)
    svc.save_letter_draft(a, "company", "Letter to the company.")
    svc.save_letter_draft(a, "cfpb", "Narrative.")
    svc.save_letter_draft(b, "company", "Another letter.")
    got = svc.letter_drafts_of([a, b, none])
    assert got == {a: svc.letter_drafts(a), b: svc.letter_drafts(b)}
    assert sorted(got[a]) == ["cfpb", "company"]
