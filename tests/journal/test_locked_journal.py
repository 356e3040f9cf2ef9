"""A locked journal's database: SQLCipher under the journal's keys, for every connection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from headway_journal.journal import backup, db
from headway_journal.journal.crypto import access, lockbox, unlocked
from headway_journal.journal.opening import open_or_explain
from headway_journal.journal.records import CaseInput
from headway_journal.journal.schema_check import schema_difference
from headway_journal.journal.service import JournalService

FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)
PASS = "correct horse battery"
SECRET = "Zanzibar-Quokka-7731"  # a case title that must never be readable on disk


@pytest.fixture(autouse=True)
def _forget_keys() -> Iterator[None]:
    unlocked.forget_all()
    yield
    unlocked.forget_all()


def make_locked(folder: Path) -> access.Unlocked:
    folder.mkdir(mode=0o700)
    opened, _recovery = access.create_lock(folder, PASS, FAST)
    svc = JournalService.open(folder, keys=opened.keys)
    org = svc.organization_by_key("headway")
    assert org is not None
    svc.create_case(CaseInput(title=SECRET, organization_id=org.id, issue_type="billing",
                              role="client", summary=f"ticket {SECRET}"))
    svc.close()
    unlocked.forget_all()
    return opened


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_database_is_sqlcipher_and_holds_no_plaintext(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    opened = make_locked(folder)
    raw = (folder / db.DB_NAME).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for path in files_under(folder):
        assert SECRET.encode() not in path.read_bytes(), path
    with JournalService.open(folder, keys=opened.keys) as svc:
        hits = svc.search("Quokka")  # FTS5 works inside SQLCipher
        assert [h.case_title for h in hits][:1] == [SECRET]
        with svc.journal.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert mode == "wal"


def test_opening_without_keys_asks_for_them(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    make_locked(folder)
    with pytest.raises(db.JournalNeedsKey) as caught:
        JournalService.open(folder)
    assert isinstance(caught.value, db.JournalError)
    assert "encrypted" in str(caught.value)
    outcome = open_or_explain(folder)
    assert outcome.kind == "needs_key" and outcome.service is None


def test_wrong_passphrase_and_recovery_key(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    opened, recovery = access.create_lock(folder, PASS, FAST)
    with pytest.raises(access.WrongPassphrase):
        access.keys_by_passphrase(folder, "not the passphrase")
    assert access.keys_by_passphrase(folder, PASS).master == opened.master
    assert access.keys_by_recovery_key(folder, recovery.lower()).master == opened.master
    with pytest.raises(access.WrongRecoveryKey):
        access.keys_by_recovery_key(folder, "A" * 32)


def test_plain_keys_mismatch_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    JournalService.open(plain).close()
    other = tmp_path / "other"
    other.mkdir()
    opened, _ = access.create_lock(other, PASS, FAST)
    with pytest.raises(db.JournalError, match="not encrypted"):
        JournalService.open(plain, keys=opened.keys)


def test_backups_checks_and_restore_use_the_key(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    opened = make_locked(folder)
    with JournalService.open(folder, keys=opened.keys) as svc:
        made = backup.make_backup(folder, "manual")
        assert svc.check(unused=False) == []
    raw = made.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and SECRET.encode() not in raw
    assert backup.check_backup(made) is None
    assert schema_difference(folder / db.DB_NAME, db.HEAD_REVISION) is None
    backup.restore_database(folder, made)  # proven in a scratch copy, keyed
    with JournalService.open(folder) as svc:  # unlocked in this process: the same keys
        assert [c.title for c in svc.case_summaries([1])] == [SECRET]
    unlocked.forget_all()
    # Without the keys a backup is unreadable: not sound, never offered.
    assert backup.check_backup(made) is not None
    assert db.quick_check(made) != []


def test_upgrade_of_a_locked_journal(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    folder.mkdir(mode=0o700)
    opened, _ = access.create_lock(folder, PASS, FAST)
    db.migrate_to(folder / db.DB_NAME, db.KNOWN_REVISIONS[0], keys=opened.keys)
    assert db.read_revision(folder / db.DB_NAME, opened.keys) == db.KNOWN_REVISIONS[0]
    with JournalService.open(folder, keys=opened.keys) as svc:
        assert svc.journal.upgraded_from == db.KNOWN_REVISIONS[0]
        assert svc.journal.upgrade_backup is not None
        kept = Path(svc.journal.upgrade_backup)
    assert not kept.read_bytes().startswith(b"SQLite format 3")
    assert db.read_revision(folder / db.DB_NAME, opened.keys) == db.HEAD_REVISION


def test_passphrase_change_rewraps_only(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    opened = make_locked(folder)
    before = (folder / db.DB_NAME).read_bytes()
    access.change_passphrase(folder, opened, "a new long passphrase", FAST)
    with pytest.raises(access.WrongPassphrase):
        access.keys_by_passphrase(folder, PASS)
    again = access.keys_by_passphrase(folder, "a new long passphrase")
    assert again.master == opened.master
    assert (folder / db.DB_NAME).read_bytes() == before


def test_a_backup_saved_elsewhere_reads_with_the_unlocked_journal(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    make_locked(folder)
    access.keys_by_passphrase(folder, PASS)
    outside = tmp_path / "usb" / "copy.sqlite3"
    outside.parent.mkdir()
    with JournalService.open(folder):
        side = backup.backup_to_file(folder, outside)
    assert SECRET.encode() not in side.read_bytes() and b"sha256" not in side.read_bytes()
    unlocked.forget_all()
    assert backup.check_backup(outside) is not None  # locked: not readable
    assert backup.read_sidecar(outside) is None
    access.keys_by_passphrase(folder, PASS)  # unlocked again (a later session)
    assert backup.check_backup(outside) is None
    side_data = backup.read_sidecar(outside)
    assert side_data is not None and side_data["attachments"] == []


def test_a_locked_journals_database_errors_are_the_journals_errors(tmp_path: Path) -> None:
    """SQLCipher's own error classes are among ``db.db_errors()`` once a locked journal has
    been opened (a plain journal's start never loads SQLCipher for them)."""
    folder = tmp_path / "journal"
    opened = make_locked(folder)
    from sqlcipher3 import dbapi2

    assert issubclass(dbapi2.OperationalError, db.db_errors())
    con = db.connect_file(folder / db.DB_NAME, opened.keys)
    try:
        with pytest.raises(db.db_errors()):
            con.execute("SELECT * FROM no_such_table")
    finally:
        con.close()
