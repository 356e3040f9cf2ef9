"""A shared journal spends as few round trips to the server as it can: reads run without
BEGIN/ROLLBACK, a read-only session's BEGIN says READ ONLY itself, a connection used a moment ago
is not pinged, and one that sat idle is (a dropped one is replaced without the user seeing it);
search counts its matches only as far as the bounded ranking needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from headway_journal.journal import search, search_pg
from headway_journal.journal.records import CaseFilter, CaseInput, ContactInput
from headway_journal.journal.service import JournalService, StorageError
from headway_journal.journal.shared import engine as shared_engine


@pytest.fixture
def shared(pg_url: str) -> Iterator[JournalService]:
    s = JournalService.open(pg_url)
    yield s
    s.close()


def _statements(svc: JournalService) -> list[str]:
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement.split()[0].upper())

    event.listen(svc.journal.engine, "before_cursor_execute", note)
    return seen


def test_a_read_is_its_statements_alone(shared: JournalService) -> None:
    with shared.journal.sessions() as s:
        dbapi = s.connection().connection.dbapi_connection
        assert dbapi is not None and dbapi.autocommit  # no BEGIN, no ROLLBACK
    with shared.journal.write_sessions() as s:
        dbapi = s.connection().connection.dbapi_connection
        assert dbapi is not None and not dbapi.autocommit  # a write is one transaction
    seen = _statements(shared)
    shared.view_counts()
    shared.case_ids(CaseFilter(view="active"))
    assert seen == ["SELECT", "SELECT", "SELECT"]


def test_a_read_only_journal_refuses_writes_in_the_server(pg_url: str) -> None:
    JournalService.open(pg_url).close()  # seeded
    with JournalService.open(pg_url, read_only=True) as svc:
        with svc.journal.sessions() as s:
            dbapi = s.connection().connection.dbapi_connection
            assert dbapi is not None and dbapi.read_only  # BEGIN READ ONLY
            with pytest.raises(DBAPIError, match="read-only transaction"):
                s.execute(text("UPDATE settings SET value = 'x' WHERE key = 'seeded'"))
        org = svc.organization_by_key("headway")
        assert org is not None
        with pytest.raises(StorageError):
            svc.create_case(CaseInput(title="No", organization_id=org.id,
                                      issue_type="billing", role="client"))
    with JournalService.open(pg_url) as svc:  # the pooled connection is writable again
        assert svc.journal.write_sessions is not svc.journal.sessions
        org = svc.organization_by_key("headway")
        assert org is not None
        assert svc.create_case(CaseInput(title="Yes", organization_id=org.id,
                                         issue_type="billing", role="client"))


def test_an_idle_connection_that_was_dropped_is_replaced(
        shared: JournalService, pg_url: str, pg_server: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert shared.view_counts()["all"] == 0
    pings: list[bool] = []
    real_ping = shared.journal.engine.dialect.do_ping

    def ping(dbapi: Any) -> bool:
        pings.append(True)
        return bool(real_ping(dbapi))

    monkeypatch.setattr(shared.journal.engine.dialect, "do_ping", ping)
    shared.view_counts()
    assert pings == []  # used a moment ago: not pinged
    monkeypatch.setattr(shared_engine, "PING_AFTER_S", 0.0)  # as if it had sat idle
    name = str(make_url(pg_url).database)
    pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
    assert shared.view_counts()["all"] == 0  # the dead connection was found and replaced
    assert pings


def _case_with_contacts(svc: JournalService, n: int) -> None:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(title="Charged twice", organization_id=org.id,
                                    issue_type="billing", role="client"))
    for i in range(n):
        svc.log_contact(cid, ContactInput(started_at=svc.get_case(cid).created_at,
                                          channel="phone", summary=f"refund call {i}"))


def test_matches_are_counted_only_as_far_as_the_ranking_needs(
        shared: JournalService, monkeypatch: pytest.MonkeyPatch) -> None:
    _case_with_contacts(shared, 5)
    match = search_pg.fts_query("refund")
    assert match is not None
    with shared.journal.sessions() as s:
        assert search_pg.count_matches(s, match) == 5
        assert search_pg.count_matches(s, match, at_most=3) == 3
        assert search_pg.count_matches(s, match, at_most=9) == 5
    # more matches than RANK_AT_MOST: newest first, as on SQLite
    monkeypatch.setattr(search, "RANK_AT_MOST", 2)
    hits = shared.search("refund")
    assert [h.snippet for h in hits][:3] == ["[refund] call 4", "[refund] call 3",
                                             "[refund] call 2"]


def test_a_journal_of_schema_0009_gets_the_next_deadline_indexes(pg_server: Any) -> None:
    name = pg_server.new_database(empty=True)
    try:
        url = pg_server.url(name)
        assert shared_engine.migrate_url(url, "0009") is None  # an older version made it

        def indexes() -> set[str]:
            engine = shared_engine.make_pg_engine(make_url(url))
            try:
                with engine.connect() as conn:
                    return set(conn.scalars(text("SELECT indexname FROM pg_indexes WHERE "
                                                 "tablename IN ('promises', 'contacts')")))
            finally:
                engine.dispose()

        assert not {"ix_promises_pending_due", "ix_contacts_live_case"} & indexes()
        with JournalService.open(url) as svc:
            assert svc.journal.upgraded_from == "0009"
            assert svc.view_counts()["due"] == 0
        # and 0011's live contacts by case
        assert {"ix_promises_pending_due", "ix_contacts_live_case",
                "ix_contacts_case_live"} <= indexes()
    finally:
        pg_server.drop_database(name)
