"""Schema 0011: the contacts not deleted, by case (``ix_contacts_case_live``).

A page of the case list counts each case's contacts and finds its next deadline over the
contacts not deleted; the partial index answers that without reading the contacts' rows. What
the page shows is the same as before (deleted contacts and their promises left out, on both
stores), the index is what SQLite uses for the counts, and an older journal gets it on open.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event

from headway_journal.journal import db
from headway_journal.journal.records import CaseFilter, CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
INDEX = "ix_contacts_case_live"


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    s = JournalService.open(store)
    yield s
    s.close()


def _case(svc: JournalService, title: str, deadlines: list[int]) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                                    role="client", fields={"invoice_numbers": "INV-1"}))
    for i, days in enumerate(deadlines):
        svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 2 + i, 9, tzinfo=TZ), channel="phone",
            rep_name=f"Rep {i}", summary=f"Call {i} about {title}",
            promises=[PromiseInput(text="Refund", business_days=days)]))
    return cid


def _contact_ids(svc: JournalService, case_id: int) -> list[int]:
    return [c.id for c in svc.get_case(case_id).contacts]


def test_a_page_leaves_deleted_contacts_and_their_promises_out(svc: JournalService) -> None:
    first = _case(svc, "First", [2, 9, 5])
    second = _case(svc, "Second", [4])
    page = {s.id: s for s in svc.case_summaries([first, second])}
    assert (page[first].contact_count, page[second].contact_count) == (3, 1)
    soonest = page[first].next_due
    assert soonest is not None

    earliest = _contact_ids(svc, first)[0]  # the contact whose promise is due first
    svc.delete_contact(earliest)
    page = {s.id: s for s in svc.case_summaries([first, second])}
    assert page[first].contact_count == 2
    assert page[first].next_due is not None and page[first].next_due > soonest
    svc.restore_contact(earliest)
    page = {s.id: s for s in svc.case_summaries([first, second])}
    assert (page[first].contact_count, page[first].next_due) == (3, soonest)


def _page_statements(svc: JournalService, ids: list[int]) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []

    def keep(_conn: object, _cur: object, statement: str, params: object, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(svc.journal.engine, "before_cursor_execute", keep)
    try:
        svc.case_summaries(ids)
    finally:
        event.remove(svc.journal.engine, "before_cursor_execute", keep)
    return seen


def test_sqlite_counts_a_page_s_contacts_from_the_index(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "journal") as svc:
        ids = [_case(svc, f"Case {n}", [3, 6]) for n in range(3)]
        statements = _page_statements(svc, ids)
    assert statements
    con = sqlite3.connect(tmp_path / "journal" / db.DB_NAME)
    try:
        plans = [" | ".join(str(row[3]) for row in con.execute("EXPLAIN QUERY PLAN " + sql,
                                                                 params))  # type: ignore[arg-type]
                 for sql, params in statements]
    finally:
        con.close()
    assert any(INDEX in plan for plan in plans), plans


def _indexes(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {str(r[0]) for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'")}
    finally:
        con.close()


def test_a_journal_of_schema_0010_gets_the_index_on_open(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    shutil.copytree(FIXTURES / "journal-0010", folder)
    assert db.read_revision(folder / db.DB_NAME) == "0010"
    assert INDEX not in _indexes(folder / db.DB_NAME)
    with JournalService.open(folder) as svc:
        assert svc.journal.upgraded_from == "0010"
        summaries = svc.case_summaries(svc.case_ids(CaseFilter(view="all")), date(2026, 3, 10))
        assert summaries and all(s.contact_count >= 0 for s in summaries)
    assert INDEX in _indexes(folder / db.DB_NAME)

