"""Commands that only read (search, export, check, casefile, ics) never start a write
transaction: no BEGIN IMMEDIATE, no write lock, so they work while another program writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from headway_journal import cli
from headway_journal.journal.db import DB_NAME
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService, StorageError

PST = timezone(timedelta(hours=-8))


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(
            title="Refund for the double charge", organization_id=org.id, issue_type="billing",
            role="client", key="c-1", opened_on=date.today() - timedelta(days=3)))
        svc.log_contact(cid, ContactInput(
            started_at=datetime.now(PST) - timedelta(days=2), channel="chat",
            rep_name="Priya Raman", tickets=["HW-1234"], summary="Promised the refund.",
            promises=[PromiseInput("Refund", business_days=5)]))
    return folder


@pytest.fixture
def statements(journal: Path) -> Iterator[list[str]]:
    """The SQL run on the journal's own database (not on the scratch database `check` builds
    the expected schema in, which is no write to the journal)."""
    seen: list[str] = []

    def record(conn: Any, cursor: object, statement: str, *args: object) -> None:
        database = conn.engine.url.database or ""
        if Path(database).parent == journal:
            seen.append(" ".join(statement.split()).upper())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


READ_COMMANDS = {
    "search": ["search", "refund"],
    "export": ["export", "{tmp}/out.json"],
    "check": ["check"],
    "casefile": ["casefile", "c-1", "-o", "{tmp}/case.pdf"],
    "ics": ["ics", "{tmp}/deadlines.ics"],
}
WRITES = ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE", "INSERT", "UPDATE", "DELETE", "REPLACE",
          "CREATE", "DROP", "ALTER")


def _args(name: str, journal: Path, tmp_path: Path) -> list[str]:
    return ["--journal", str(journal),
            *[a.format(tmp=tmp_path) for a in READ_COMMANDS[name]]]


@pytest.mark.parametrize("name", list(READ_COMMANDS))
def test_read_commands_never_start_a_write_transaction(
        name: str, journal: Path, tmp_path: Path, statements: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(_args(name, journal, tmp_path)) == 0, capsys.readouterr().err
    assert statements, "the command ran no SQL through the journal's engine"
    assert "BEGIN" in statements and "PRAGMA QUERY_ONLY = ON" in statements
    writes = [s for s in statements if s.startswith(WRITES)]
    assert writes == []


@pytest.mark.parametrize("name", list(READ_COMMANDS))
def test_read_commands_work_while_another_program_writes(
        name: str, journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = sqlite3.connect(journal / DB_NAME, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # holds the write lock until the end of the test
        other.execute("INSERT INTO settings (key, value) VALUES ('other', 'uncommitted')")
        code = cli.main(_args(name, journal, tmp_path))
        out, err = capsys.readouterr()
        assert code == 0, err
        if name == "search":
            assert "Refund for the double charge" in out
        if name == "check":
            assert out.startswith("Journal is sound")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_read_only_service_refuses_writes(journal: Path) -> None:
    with JournalService.open(journal, read_only=True) as svc:
        assert svc.opened_to_read
        assert [h.case_title for h in svc.search("HW-1234")] == ["Refund for the double charge"]
        with pytest.raises(StorageError, match="only to read"):
            svc.set_setting("x", "y")
        with pytest.raises(OperationalError, match="readonly"), svc.journal.session() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('x', 'y')"))
    with JournalService.open(journal) as svc:
        assert svc.get_setting("x", "absent") == "absent"


def test_a_usual_open_writes_nothing(journal: Path, statements: list[str]) -> None:
    with JournalService.open(journal) as svc:
        svc.search("refund")
    assert not [s for s in statements if s.startswith(WRITES)]
