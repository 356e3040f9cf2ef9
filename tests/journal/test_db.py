"""The journal store: pragmas, the folder lock, permissions, refusing newer and damaged journals."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal.journal.db import (
    DB_NAME,
    HEAD_REVISION,
    JournalDamaged,
    JournalError,
    JournalLocked,
    JournalTooNew,
    open_journal,
    quick_check,
    read_revision,
)
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime; not the lock (opening takes it), the -shm index nor an
    empty -wal (any reader of a WAL database, even a read-only one, creates them: no data)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or p.name == "journal.lock" or p.name.endswith("-shm"):
            continue
        if p.name.endswith("-wal") and p.stat().st_size == 0:
            continue
        out[str(p.relative_to(folder))] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out


def _journal_with_data(folder: Path) -> None:
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="Refund", organization_id=org.id,
                                        issue_type="billing", role="client",
                                        summary="Charged twice " * 200))
        for i in range(30):
            svc.log_contact(cid, ContactInput(
                started_at=datetime.now(UTC) - timedelta(days=3), channel="phone", key=f"c{i}",
                summary=f"contact {i} " * 100, tickets=[f"T-{i}"],
                promises=[PromiseInput("Refund", business_days=5)]))


def _stamp(db: Path, rev: str) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = ?", (rev,))
    con.commit()
    con.close()


# --------------------------------------------------------------------------- pragmas


def test_pragmas_in_effect_on_every_connection(journal_dir: Path) -> None:
    journal = open_journal(journal_dir)
    try:
        for _ in range(2):  # NullPool: every use is a new connection, each must be set up
            with journal.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        with journal.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert s.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 2
    finally:
        journal.close()
    con = sqlite3.connect(journal_dir / DB_NAME)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    finally:
        con.close()


# --------------------------------------------------------------------------- the lock


def test_second_open_in_the_same_process_is_refused(journal_dir: Path) -> None:
    journal = open_journal(journal_dir)
    try:
        with pytest.raises(JournalLocked) as err:
            open_journal(journal_dir)
        assert "already open" in str(err.value) and f"process {os.getpid()}" in str(err.value)
        with pytest.raises(JournalLocked):
            JournalService.open(journal_dir)
    finally:
        journal.close()
    again = open_journal(journal_dir)  # released on close
    again.close()


def test_open_from_another_process_is_refused_with_a_clear_message(journal_dir: Path) -> None:
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        from headway_journal.journal.db import JournalLocked, open_journal
        try:
            open_journal(Path(sys.argv[1]))
        except JournalLocked as exc:
            print(exc)
            sys.exit(3)
        sys.exit(0)
    """)
    journal = open_journal(journal_dir)
    try:
        proc = subprocess.run([sys.executable, "-c", code, str(journal_dir)],
                              capture_output=True, text=True, timeout=60)
    finally:
        journal.close()
    assert proc.returncode == 3, proc.stderr
    assert "already open in another Headway Journal window" in proc.stdout
    assert f"process {os.getpid()}" in proc.stdout
    proc = subprocess.run([sys.executable, "-c", code, str(journal_dir)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_lock_held_by_another_process_is_refused_here(journal_dir: Path) -> None:
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        from headway_journal.journal.db import open_journal
        j = open_journal(Path(sys.argv[1]))
        print("held", flush=True)
        sys.stdin.readline()
        j.close()
    """)
    with subprocess.Popen([sys.executable, "-c", code, str(journal_dir)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            assert proc.stdout.readline().strip() == "held"
            with pytest.raises(JournalLocked, match=f"process {proc.pid}"):
                open_journal(journal_dir)
        finally:
            proc.stdin.write("\n")
            proc.stdin.close()
            proc.wait(30)
    open_journal(journal_dir).close()


# --------------------------------------------------------------------------- permissions


def test_folder_is_private_and_files_are_0600(journal_dir: Path, loose_umask: None) -> None:
    svc = JournalService.open(journal_dir)
    try:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="t", organization_id=org.id, issue_type="billing",
                                        role="client"))
        svc.add_attachment(cid, b"receipt", original_name="r.txt")
        # Keep a reader open so the write-ahead log and its index stay on disk to be looked at.
        reader = sqlite3.connect(journal_dir / DB_NAME)
        try:
            reader.execute("SELECT count(*) FROM cases").fetchall()
            svc.add_note(cid, "a note")
            assert (journal_dir / (DB_NAME + "-wal")).exists()
            for p in journal_dir.rglob("*"):
                mode = stat.S_IMODE(p.stat().st_mode)
                if p.is_dir():
                    assert mode == 0o700, p
                else:
                    assert mode == 0o600, (p, oct(mode))
        finally:
            reader.close()
    finally:
        svc.close()
    assert stat.S_IMODE(journal_dir.stat().st_mode) == 0o700


def test_an_existing_folder_of_the_user_is_made_private(
    journal_dir: Path, loose_umask: None
) -> None:
    # A folder the user chose that others could read is the user's own and merely too open:
    # it is tightened to 0700 silently (issue 13; tests/journal/test_folder_safety.py).
    journal_dir.mkdir(mode=0o755)
    os.chmod(journal_dir, 0o755)
    open_journal(journal_dir).close()
    assert stat.S_IMODE(journal_dir.stat().st_mode) == 0o700
    for name in (DB_NAME, "journal.lock"):
        assert stat.S_IMODE((journal_dir / name).stat().st_mode) == 0o600
    for name in ("attachments", "backups"):
        assert stat.S_IMODE((journal_dir / name).stat().st_mode) == 0o700


# --------------------------------------------------------------------------- refusing to open


def test_newer_schema_is_refused_and_nothing_changes(journal_dir: Path) -> None:
    _journal_with_data(journal_dir)
    _stamp(journal_dir / DB_NAME, "9999")
    before = _snapshot(journal_dir)
    with pytest.raises(JournalTooNew) as err:
        open_journal(journal_dir)
    assert "newer version" in str(err.value) and "9999" in str(err.value)
    assert "nothing was changed" in str(err.value)
    assert _snapshot(journal_dir) == before
    with pytest.raises(JournalTooNew):  # the lock was released: the same answer again
        JournalService.open(journal_dir)
    assert _snapshot(journal_dir) == before


def test_garbage_file_is_damaged_and_left_exactly_as_it_was(journal_dir: Path) -> None:
    journal_dir.mkdir()
    garbage = b"Not a database. " * 4096
    (journal_dir / DB_NAME).write_bytes(garbage)
    before = _snapshot(journal_dir)
    with pytest.raises(JournalDamaged) as err:
        open_journal(journal_dir)
    assert "Nothing was changed" in str(err.value)
    assert (journal_dir / DB_NAME).read_bytes() == garbage
    assert _snapshot(journal_dir) == before
    assert sorted(p.name for p in journal_dir.iterdir()) == sorted([DB_NAME, "journal.lock"])
    with pytest.raises(JournalDamaged):
        JournalService.open(journal_dir)
    assert _snapshot(journal_dir) == before


def test_other_sqlite_database_is_not_taken_over(journal_dir: Path) -> None:
    journal_dir.mkdir()
    con = sqlite3.connect(journal_dir / DB_NAME)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    con.commit()
    con.close()
    before = _snapshot(journal_dir)
    with pytest.raises(JournalDamaged, match="not a Headway journal"):
        open_journal(journal_dir)
    assert _snapshot(journal_dir) == before


def test_corrupt_pages_are_damaged_and_never_written_to(journal_dir: Path) -> None:
    _journal_with_data(journal_dir)
    db = journal_dir / DB_NAME
    size = db.stat().st_size
    page = 4096
    assert size > 20 * page
    with open(db, "r+b") as fh:
        for n in range(8, size // page - 2, 3):  # every third page past the first few
            fh.seek(n * page + 100)
            fh.write(os.urandom(900))
    assert quick_check(db) != []
    before = _snapshot(journal_dir)
    for _ in range(2):
        with pytest.raises(JournalDamaged) as err:
            JournalService.open(journal_dir)
        assert "damaged" in str(err.value) and "Nothing was changed" in str(err.value)
        assert _snapshot(journal_dir) == before
    assert list((journal_dir / "backups").iterdir()) == []


def test_garbage_in_the_schema_is_damage_not_a_crash(journal_dir: Path) -> None:
    """Damage that leaves bytes which are not UTF-8 in the schema's names (random damage did,
    about one run in a few hundred of the test above): SQLite's message about the malformed
    schema quotes them, and Python's sqlite3 raised UnicodeDecodeError from the first read.
    The check reports the journal damaged, and opening it refuses, untouched."""
    _journal_with_data(journal_dir)
    db = journal_dir / DB_NAME
    con = sqlite3.connect(db)
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET name = CAST(X'69c1c1' AS TEXT), "
                "sql = CAST(X'435245415445c1c1' AS TEXT) WHERE name = 'ix_contacts_case_live'")
    con.commit()
    con.close()
    problems = quick_check(db)
    assert problems and "damaged" in problems[0]
    before = _snapshot(journal_dir)
    with pytest.raises(JournalDamaged):
        JournalService.open(journal_dir)
    assert _snapshot(journal_dir) == before


def test_garbage_where_text_was_is_damage_not_a_crash(journal_dir: Path) -> None:
    """Bytes that are not UTF-8 where SQLite holds text (what random damage can leave) make
    Python's sqlite3 raise UnicodeDecodeError: the journal is reported damaged, untouched."""
    _journal_with_data(journal_dir)
    db = journal_dir / DB_NAME
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = CAST(x'fffe41' AS TEXT)")
    con.commit()
    con.close()
    before = _snapshot(journal_dir)
    with pytest.raises(JournalDamaged, match="cannot be read"):
        read_revision(db)
    with pytest.raises(JournalDamaged) as err:
        JournalService.open(journal_dir)
    assert "Nothing was changed" in str(err.value)
    assert _snapshot(journal_dir) == before


def test_zero_byte_file_becomes_a_new_journal(journal_dir: Path) -> None:
    journal_dir.mkdir()
    (journal_dir / DB_NAME).write_bytes(b"")
    journal = open_journal(journal_dir)
    journal.close()
    assert quick_check(journal_dir / DB_NAME) == []


def test_missing_folder_without_create_and_a_file_in_the_way(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="no journal"):
        open_journal(tmp_path / "absent", create=False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(JournalError, match="not a journal folder"):
        open_journal(tmp_path / "file")
