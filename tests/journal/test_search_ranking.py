"""Bounded ranking (journal/search.py): few matches by relevance, many matches newest first;
deleted cases and contacts never shown either way; the limit is honoured."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal import search as fts
from headway_journal.journal.records import CaseFilter, CaseInput, ContactInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    service = JournalService.open(store)
    org = service.organization_by_key("headway")
    assert org is not None
    start = datetime(2026, 10, 1, 9, 0, tzinfo=PST)
    for i in range(6):  # "refund" in the title of case 3 only, in a contact of every case
        cid = service.create_case(CaseInput(
            title="Refund for October" if i == 3 else f"Billing question {i}",
            organization_id=org.id, issue_type="billing", role="client",
            opened_on=date(2026, 10, 1) + timedelta(days=i)))
        service.log_contact(cid, ContactInput(
            started_at=start + timedelta(days=i), channel="chat",
            summary=f"Talked about the refund and many other things, call {i}"))
    yield service
    service.close()


def test_few_matches_are_ranked_by_relevance(svc: JournalService) -> None:
    hits = svc.search("refund")
    assert len(hits) == 7  # six contacts and one case
    assert (hits[0].kind, hits[0].case_title) == ("case", "Refund for October")


def test_many_matches_are_listed_newest_first(svc: JournalService,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fts, "RANK_AT_MOST", 3)
    hits = svc.search("refund", limit=4)
    assert len(hits) == 4
    case_ids = [h.case_id for h in hits]
    assert case_ids == sorted(case_ids, reverse=True)
    newest = max(svc.case_ids(CaseFilter(view="all")))
    assert case_ids[0] == newest
    assert all("[refund]" in h.snippet.lower() for h in hits)


@pytest.mark.parametrize("rank_at_most", [1000, 0])
def test_deleted_cases_and_contacts_are_never_shown(
        svc: JournalService, monkeypatch: pytest.MonkeyPatch, rank_at_most: int) -> None:
    monkeypatch.setattr(fts, "RANK_AT_MOST", rank_at_most)
    ids = sorted(svc.case_ids(CaseFilter(view="all")))
    svc.delete_case(ids[-1])
    contact = svc.get_case(ids[0]).contacts[0].id
    svc.delete_contact(contact)
    hits = svc.search("refund")
    assert ids[-1] not in {h.case_id for h in hits}
    assert ("contact", contact) not in {(h.kind, h.item_id) for h in hits}
    assert {(h.kind, h.case_id) for h in hits} == (
        {("contact", c) for c in ids[1:-1]} | {("case", ids[3])})
    assert {h.item_id for h in hits if h.kind == "case"} == {ids[3]}


def test_rowids_name_the_case_and_the_item() -> None:
    rowid = (12345 << 32) + 987654 * 4 + 2
    assert fts.case_of(rowid) == 12345 and fts.item_id(rowid) == 987654
