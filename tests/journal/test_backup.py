"""Backups: making, listing, pruning, the attachment sidecar, restoring, and opening a damaged journal."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal.journal import backup as bk
from headway_journal.journal import opening
from headway_journal.journal.db import (
    DB_NAME,
    HEAD_REVISION,
    JournalDamaged,
    JournalLocked,
    JournalTooNew,
    connect_readonly,
    open_journal,
    quick_check,
)
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

# --------------------------------------------------------------------------- helpers


def _case(svc: JournalService, summary: str = "Charged twice for one session") -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                     issue_type="billing", role="client", summary=summary))


def _contact(svc: JournalService, case_id: int, key: str) -> int:
    return svc.log_contact(case_id, ContactInput(
        started_at=datetime.now(UTC) - timedelta(days=2), channel="phone", rep_name="Priya",
        tickets=[f"T-{key}"], summary=f"Called about {key}",
        promises=[PromiseInput("Refund to the card", business_days=5)], key=key))


def _keys(folder: Path) -> set[str]:
    con = sqlite3.connect(folder / DB_NAME)
    try:
        return {r[0] for r in con.execute("SELECT key FROM contacts")}
    finally:
        con.close()


def _keys_in(db: Path) -> set[str]:
    con = connect_readonly(db)
    try:
        return {r[0] for r in con.execute("SELECT key FROM contacts")}
    finally:
        con.close()


def _stamp_revision(db: Path, rev: str) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = ?", (rev,))
    con.commit()
    con.close()


@pytest.fixture
def svc(journal_dir: Path) -> JournalService:
    s = JournalService.open(journal_dir)
    yield s
    s.close()


# --------------------------------------------------------------------------- make / list


def test_make_writes_a_checked_private_copy_and_a_sidecar(svc: JournalService) -> None:
    cid = _case(svc)
    ct = _contact(svc, cid, "first")
    a1 = svc.add_attachment(cid, b"receipt 1 text", original_name="receipt.txt", contact_id=ct)
    svc.add_attachment(cid, b"receipt 1 text", original_name="again.txt")  # same bytes
    svc.add_attachment(cid, b"another exhibit", original_name="other.txt")
    mgr = bk.BackupManager(svc.journal)
    path = mgr.make("Manual Backup!")
    assert path.parent == svc.journal.backups_dir
    assert path.name.endswith("-manual-backup.sqlite3")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert quick_check(path) == []
    assert _keys_in(path) == {"first"}
    side = json.loads(bk.sidecar_path(path).read_text())
    att = svc.attachment(a1)
    shas = {(a["sha256"], a["size"]) for a in side["attachments"]}
    assert (att.sha256, att.size) in shas
    assert len(shas) == 2  # deduplicated by content
    assert side["revision"] == HEAD_REVISION
    assert side["total_bytes"] == sum(s for _h, s in shas)
    assert stat.S_IMODE(bk.sidecar_path(path).stat().st_mode) == 0o600


def test_two_backups_in_the_same_second_get_distinct_names(svc: JournalService) -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    a = bk.make_backup(svc.folder, "manual", now=now)
    b = bk.make_backup(svc.folder, "manual", now=now)
    assert a != b and a.exists() and b.exists()
    infos = bk.list_backups(svc.folder)
    assert {i.path for i in infos} == {a, b}
    assert all(i.reason == "manual" for i in infos)


def test_list_parses_names_ignores_strangers_and_checks_on_request(svc: JournalService) -> None:
    backups = svc.journal.backups_dir
    good = bk.make_backup(svc.folder, "close", now=datetime(2026, 11, 1, 9, 0, tzinfo=UTC))
    upgrade = backups / "before-upgrade-0001-20261020T080000Z.sqlite3"
    upgrade.write_bytes(good.read_bytes())
    broken = backups / "20261110T080000Z-periodic.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    (backups / "my notes.txt").write_text("keep me")
    (backups / "20261110T080000Z-periodic.sqlite3.partial").write_bytes(b"x")
    infos = bk.list_backups(svc.folder)
    assert [i.path for i in infos] == [broken, good, upgrade]
    assert [i.reason for i in infos] == ["periodic", "close", "before-upgrade-0001"]
    assert infos[1].made_at == datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    assert all(i.sound is None for i in infos)
    checked = bk.list_backups(svc.folder, check=True)
    assert [i.sound for i in checked] == [False, True, True]
    assert bk.newest_sound_backup(svc.folder) == good


# --------------------------------------------------------------------------- prune


def _fake_backups(backups: Path, times: list[datetime], reason: str = "periodic") -> list[Path]:
    out = []
    for t in times:
        p = backups / f"{t.strftime(bk.STAMP_FORMAT)}-{reason}.sqlite3"
        p.write_bytes(b"")
        bk.sidecar_path(p).write_text("{}")
        out.append(p)
    return out


def test_prune_keeps_the_schedule(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    backups = folder / "backups"
    backups.mkdir(parents=True)
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    # Every 6 hours for two years.
    times = [now - timedelta(hours=6 * i) for i in range(4 * 730)]
    _fake_backups(backups, times)
    old_upgrade = backups / "before-upgrade-0001-20260901T000000Z.sqlite3"
    young_upgrade = backups / "before-upgrade-0001-20261115T000001Z.sqlite3"
    replaced = backups / "20250101T000000Z-replaced.sqlite3"
    stranger = backups / "keep-me.sqlite3"
    for p in (old_upgrade, young_upgrade, replaced, stranger):
        p.write_bytes(b"")
    gone = bk.prune_backups(folder, now)
    left = bk.list_backups(folder)
    kept = {i.path for i in left}
    assert set(gone).isdisjoint(kept)
    # The last 10.
    assert all(p in kept for p in sorted(_fake_backups_names(backups, times[:10])))
    # One a day for 30 days.
    days = {i.made_at.date() for i in left if i.reason == "periodic"}
    for d in range(30):
        assert (now - timedelta(days=d)).date() in days
    # One a month for 12 months (the newest of each month).
    months = {(i.made_at.year, i.made_at.month) for i in left if i.reason == "periodic"}
    assert len([m for m in months if m >= (2025, 12)]) == 12
    assert (2025, 11) not in months and (2025, 6) not in months
    # Protected ones and strangers.
    assert young_upgrade in kept and replaced in kept and stranger.exists()
    assert old_upgrade not in kept
    # Sidecars went with their backups.
    for p in gone:
        assert not p.exists() and not bk.sidecar_path(p).exists()
    # Roughly: 10 + 30 days + 12 months overlap, plus 2 protected.
    periodic = [i for i in left if i.reason == "periodic"]
    assert 30 <= len(periodic) <= 10 + 30 + 12
    # Pruning again changes nothing.
    assert bk.prune_backups(folder, now) == []


def _fake_backups_names(backups: Path, times: list[datetime]) -> list[Path]:
    return [backups / f"{t.strftime(bk.STAMP_FORMAT)}-periodic.sqlite3" for t in times]


def test_prune_never_deletes_the_newest_even_if_ancient(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    (folder / "backups").mkdir(parents=True)
    now = datetime(2026, 11, 26, tzinfo=UTC)
    times = [datetime(2020, 1, 1, tzinfo=UTC) - timedelta(days=i) for i in range(40)]
    _fake_backups(folder / "backups", times)
    bk.prune_backups(folder, now)
    left = bk.list_backups(folder)
    assert left[0].made_at == times[0]
    assert len(left) == bk.KEEP_LAST


# --------------------------------------------------------------------------- restore


def test_restore_database_brings_back_the_backup_and_keeps_the_replaced_state(
    journal_dir: Path,
) -> None:
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
        _contact(svc, cid, "kept")
        chosen = bk.BackupManager(svc.journal).make("manual")
        _contact(svc, cid, "later")
    assert _keys(journal_dir) == {"kept", "later"}
    kept_at = bk.restore_database(journal_dir, chosen)
    assert "before-restore" in kept_at.name
    assert _keys_in(kept_at) == {"kept", "later"}
    replaced = [i for i in bk.list_backups(journal_dir) if i.reason == bk.REPLACED]
    assert len(replaced) == 1 and _keys_in(replaced[0].path) == {"kept", "later"}
    assert not (journal_dir / (DB_NAME + ".restoring")).exists()
    assert stat.S_IMODE((journal_dir / DB_NAME).stat().st_mode) == 0o600
    with JournalService.open(journal_dir) as svc:
        assert svc.check() == []
        case = svc.get_case(cid)
        assert [c.key for c in case.contacts] == ["kept"]
        assert case.contacts[0].tickets == ("T-kept",)
        assert len(case.contacts[0].promises) == 1
        assert svc.search("kept")


def test_restore_refuses_while_the_journal_is_open(svc: JournalService) -> None:
    chosen = bk.BackupManager(svc.journal).make("manual")
    before = (svc.folder / DB_NAME).read_bytes()
    with pytest.raises(JournalLocked, match="already open"):
        bk.restore_database(svc.folder, chosen)
    assert (svc.folder / DB_NAME).read_bytes() == before
    assert [i.reason for i in bk.list_backups(svc.folder)] == ["manual"]


def test_restore_refuses_a_newer_schema_and_a_damaged_backup(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        _contact(svc, _case(svc), "mine")
        newer = bk.BackupManager(svc.journal).make("manual")
        damaged = bk.BackupManager(svc.journal).make("manual")
    _stamp_revision(newer, "9999")
    with open(damaged, "r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 4096 * 3)
    before = (journal_dir / DB_NAME).read_bytes()
    listing = sorted(p.name for p in (journal_dir / "backups").iterdir())
    with pytest.raises(JournalTooNew, match="newer version"):
        bk.restore_database(journal_dir, newer)
    with pytest.raises(JournalDamaged, match="damaged"):
        bk.restore_database(journal_dir, damaged)
    assert (journal_dir / DB_NAME).read_bytes() == before
    assert sorted(p.name for p in (journal_dir / "backups").iterdir()) == listing


def test_restore_over_a_damaged_journal_sets_the_damaged_file_aside(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
        _contact(svc, cid, "saved")
        chosen = bk.BackupManager(svc.journal).make("manual")
    garbage = b"this was a journal once" * 500
    (journal_dir / DB_NAME).write_bytes(garbage)
    result = bk.restore_journal(journal_dir, chosen)
    assert result.safety_backup is None
    assert result.previous is not None and result.previous.read_bytes() == garbage
    assert result.kept_at == result.previous
    with JournalService.open(journal_dir) as svc:
        assert [c.key for c in svc.get_case(cid).contacts] == ["saved"]
        assert svc.check() == []
    # The set-aside file is never pruned and never offered.
    bk.prune_backups(journal_dir, datetime.now(UTC) + timedelta(days=5000))
    assert result.previous.exists()
    assert bk.newest_sound_backup(journal_dir) != result.previous


def test_restore_after_a_crash_folds_the_wal_into_the_kept_copy(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
        _contact(svc, cid, "before")
        chosen = bk.BackupManager(svc.journal).make("manual")
    # A writer that dies without closing (while another connection is open, so nothing
    # checkpoints) leaves its last commit in journal.sqlite3-wal.
    code = textwrap.dedent(f"""
        import os, sqlite3
        from datetime import UTC, datetime, timedelta
        from headway_journal.journal.records import ContactInput
        from headway_journal.journal.service import JournalService
        svc = JournalService.open({str(journal_dir)!r})
        reader = sqlite3.connect({str(journal_dir / DB_NAME)!r})
        reader.execute("SELECT count(*) FROM contacts").fetchall()
        svc.log_contact({cid}, ContactInput(started_at=datetime.now(UTC) - timedelta(hours=1),
                                              channel="chat", key="in-the-wal"))
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", code], check=True)
    assert (journal_dir / (DB_NAME + "-wal")).stat().st_size > 0
    result = bk.restore_journal(journal_dir, chosen)
    assert result.safety_backup is not None and "in-the-wal" in _keys_in(result.safety_backup)
    assert result.previous is not None and "in-the-wal" in _keys_in(result.previous)
    assert not (journal_dir / (DB_NAME + "-wal")).exists()
    with JournalService.open(journal_dir) as svc:
        assert {c.key for c in svc.get_case(cid).contacts} == {"before"}
        assert svc.check() == []


def test_restore_reports_exhibits_missing_from_the_store(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
        aid = svc.add_attachment(cid, b"screenshot stand-in", original_name="s.txt")
        sha = svc.attachment(aid).sha256
        path = svc.attachment_path(aid)
        chosen = bk.BackupManager(svc.journal).make("manual")
    path.unlink()
    result = bk.restore_journal(journal_dir, chosen)
    assert result.missing_attachments == ((sha, len(b"screenshot stand-in")),)


def test_manager_restore_closes_the_journal_and_returns_the_safety_copy(journal_dir: Path) -> None:
    svc = JournalService.open(journal_dir)
    cid = _case(svc)
    _contact(svc, cid, "one")
    mgr = bk.BackupManager(svc.journal)
    chosen = mgr.make("manual")
    _contact(svc, cid, "two")
    safety = mgr.restore(chosen)
    assert "before-restore" in safety.name and _keys_in(safety) == {"one", "two"}
    svc.close()  # already closed: harmless
    with JournalService.open(journal_dir) as again:
        assert {c.key for c in again.get_case(cid).contacts} == {"one"}


# --------------------------------------------------------------------------- when backups are made


def test_periodic_backup_only_when_changed_and_due(svc: JournalService) -> None:
    now = datetime.now(UTC)
    assert bk.maybe_periodic(svc.journal, changed_since_last=False, now=now) is None
    first = bk.maybe_periodic(svc.journal, changed_since_last=True, now=now)
    assert first is not None and "periodic" in first.name
    assert bk.maybe_periodic(svc.journal, True, now=now + timedelta(minutes=5)) is None
    later = bk.maybe_periodic(svc.journal, True, now=now + timedelta(minutes=16))
    assert later is not None and later != first


def test_backup_on_open_and_close(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        assert bk.backup_on_open(svc.journal) is None  # a brand-new journal
        cid = _case(svc)
        made = bk.backup_on_close(svc.journal)
        assert made is not None and "close" in made.name
        assert bk.backup_on_close(svc.journal) is None  # nothing new since
    with JournalService.open(journal_dir) as svc:
        assert bk.backup_on_open(svc.journal) is None  # newest backup is minutes old
        later = datetime.now(UTC) + timedelta(hours=2)
        opened = bk.backup_on_open(svc.journal, now=later)
        assert opened is not None and "open" in opened.name
        _contact(svc, cid, "new")
        assert bk.backup_on_close(svc.journal, now=later + timedelta(seconds=1)) is not None


# --------------------------------------------------------------------------- open_or_explain


def test_open_or_explain_ok_locked_too_new(journal_dir: Path) -> None:
    out = opening.open_or_explain(journal_dir)
    assert out.ok and out.service is not None
    locked = opening.open_or_explain(journal_dir)
    assert locked.kind == "locked" and "already open" in locked.explain()
    out.service.close()
    _stamp_revision(journal_dir / DB_NAME, "0099")
    assert opening.open_or_explain(journal_dir).kind == "too_new"


def test_open_or_explain_offers_the_newest_sound_backup_and_moves_nothing(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
        _contact(svc, cid, "a")
        older = bk.make_backup(journal_dir, "close", now=datetime.now(UTC) - timedelta(days=1))
        sound = bk.make_backup(journal_dir, "close")
    newest_broken = journal_dir / "backups" / (
        (datetime.now(UTC) + timedelta(minutes=1)).strftime(bk.STAMP_FORMAT) + "-periodic.sqlite3")
    newest_broken.write_bytes(b"junk" * 1000)
    garbage = os.urandom(64 * 1024)
    (journal_dir / DB_NAME).write_bytes(garbage)
    listing = sorted(str(p.relative_to(journal_dir)) for p in journal_dir.rglob("*"))
    out = opening.open_or_explain(journal_dir)
    assert out.kind == "damaged" and out.service is None
    assert out.offer == sound and out.offer != older
    assert sound.name in out.explain() and "damaged" in out.explain().lower()
    assert (journal_dir / DB_NAME).read_bytes() == garbage
    assert sorted(str(p.relative_to(journal_dir)) for p in journal_dir.rglob("*")) == listing
    # Restoring the offer then works.
    bk.restore_database(journal_dir, out.offer)
    assert opening.open_or_explain(journal_dir).ok


def test_open_or_explain_without_any_backup(journal_dir: Path) -> None:
    journal_dir.mkdir()
    (journal_dir / DB_NAME).write_bytes(b"garbage" * 999)
    out = opening.open_or_explain(journal_dir)
    assert out.kind == "damaged" and out.offer is None
    assert "No sound backup" in out.explain()


def test_an_upgrade_backup_gets_its_sidecar_on_open(journal_dir: Path) -> None:
    # The real upgrade path is in test_migrations; here only the sidecar bookkeeping matters.
    journal = open_journal(journal_dir)
    try:
        fake = journal.backups_dir / "before-upgrade-0001-20261101T000000Z.sqlite3"
        bk.sqlite_backup(journal.db_path, fake)
        journal.upgrade_backup = str(fake)
        assert bk.backup_on_open(journal) is None
        side = bk.read_sidecar(fake)
        assert side is not None and side["attachments"] == []
    finally:
        journal.close()


# --------------------------------------------------------------------------- the backup's whole schema

# Each plants one difference a backup from elsewhere could carry; the refusal must name it.
PLANTS: dict[str, tuple[list[str], str]] = {
    "extra trigger": (["CREATE TRIGGER sneaky AFTER INSERT ON contacts BEGIN "
                       "UPDATE contacts SET summary = '' WHERE id = new.id; END"],
                      'extra trigger "sneaky" on "contacts"'),
    "trigger on an FTS shadow table": (
        ["CREATE TRIGGER shadowy AFTER INSERT ON search_fts_data BEGIN "
         "DELETE FROM notes; END"], 'extra trigger "shadowy" on "search_fts_data"'),
    "changed trigger": (
        ["DROP TRIGGER notes_fts_ai",
         "CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN DELETE FROM cases; END"],
        'trigger "notes_fts_ai" on "notes" does something else'),
    "missing trigger": (["DROP TRIGGER contacts_fts_ad"], 'trigger "contacts_fts_ad" on '
                        '"contacts" is missing'),
    "extra view": (["CREATE VIEW cases_all AS SELECT * FROM cases"], 'extra view "cases_all"'),
    "extra table": (["CREATE TABLE notes_backup (x TEXT)"], 'extra table "notes_backup"'),
    "extra virtual table": (["CREATE VIRTUAL TABLE more_fts USING fts5(body)"],
                            'extra table "more_fts"'),
    "missing index": (["DROP INDEX ix_cases_status"],
                      'index "ix_cases_status" on "cases" is missing'),
    "extra index": (["CREATE INDEX ix_sneaky ON contacts (summary)"],
                    'extra index "ix_sneaky" on "contacts"'),
    "extra column": (["ALTER TABLE notes ADD COLUMN payload TEXT"],
                     'table "notes" has an extra column "payload"'),
    "changed column": (["PRAGMA writable_schema = ON",
                        "UPDATE sqlite_master SET sql = replace(sql, 'value TEXT NOT NULL', "
                        "'value TEXT') WHERE name = 'settings'"],
                       'column "value" of table "settings" is TEXT instead of TEXT NOT NULL'),
    "changed default": (["PRAGMA writable_schema = ON",
                         "UPDATE sqlite_master SET sql = replace(sql, 'value TEXT NOT NULL', "
                         "'value TEXT NOT NULL DEFAULT ''x''') WHERE name = 'settings'"],
                        "is TEXT NOT NULL DEFAULT 'x' instead of TEXT NOT NULL"),
    "virtual table of an unknown module": (
        ["PRAGMA writable_schema = ON",
         "INSERT INTO sqlite_master VALUES ('table', 'odd', 'odd', 0, "
         "'CREATE VIRTUAL TABLE odd USING nosuch(a)')"],
        "its schema cannot be read (no such module: nosuch)"),
    "two version rows": (["INSERT INTO alembic_version VALUES ('0001')"],
                         "alembic_version table has 2 rows"),
}


def _plant(db: Path, statements: list[str]) -> None:
    con = sqlite3.connect(db)
    con.isolation_level = None
    for sql in statements:
        con.execute(sql)
    con.close()


@pytest.fixture
def planted_setup(journal_dir: Path) -> tuple[Path, Path]:
    """A journal with data, and a checked backup of it in backups/ to plant things in."""
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
        _contact(svc, cid, "mine")
        svc.add_note(cid, "a note")
        chosen = bk.BackupManager(svc.journal).make("manual")
    assert bk.check_backup(chosen) is None
    return journal_dir, chosen


def _journal_state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("plant", list(PLANTS))
def test_restore_refuses_any_schema_difference_and_changes_nothing(
        planted_setup: tuple[Path, Path], plant: str) -> None:
    folder, chosen = planted_setup
    statements, words = PLANTS[plant]
    _plant(chosen, statements)
    assert quick_check(chosen) == []  # sound as a file: only the schema gives it away
    before = _journal_state(folder)
    problem = bk.check_backup(chosen)
    assert problem is not None and words in problem, problem
    assert "\n" not in problem and "not exactly a Headway journal of schema" in problem
    with pytest.raises(bk.BackupRefused) as refused:
        bk.restore_journal(folder, chosen)
    message = str(refused.value)
    assert words in message and "Nothing was changed" in message and "\n" not in message
    assert _journal_state(folder) == before  # byte for byte, and no new file anywhere
    assert bk.newest_sound_backup(folder) is None  # never offered for a damaged journal
    assert [b.sound for b in bk.list_backups(folder, check=True)] == [False]


def test_restore_refuses_a_planted_trigger_in_an_old_revision_too(journal_dir: Path,
                                                                   tmp_path: Path) -> None:
    import shutil

    fixtures = Path(__file__).resolve().parent / "fixtures"
    old = tmp_path / "old-0002.sqlite3"
    shutil.copyfile(fixtures / "journal-0002" / DB_NAME, old)
    assert bk.check_backup(old) is None  # an untouched old journal is exactly its schema
    _plant(old, ["CREATE TRIGGER wipe AFTER INSERT ON contacts BEGIN DELETE FROM cases; END"])
    with JournalService.open(journal_dir) as svc:
        _case(svc)
    before = _journal_state(journal_dir)
    with pytest.raises(bk.BackupRefused, match='schema 0002.*extra trigger "wipe"'):
        bk.restore_journal(journal_dir, old)
    assert _journal_state(journal_dir) == before


def test_names_in_the_refusal_are_escaped_and_cut(planted_setup: tuple[Path, Path]) -> None:
    folder, chosen = planted_setup
    name = "evil\x1b[2J\x1b]0;pwned\x07" + "x" * 200
    _plant(chosen, [f'CREATE VIEW "{name}" AS SELECT 1'])
    problem = bk.check_backup(chosen)
    assert problem is not None
    assert "\x1b" not in problem and "\x07" not in problem and "\\x1b[2J" in problem
    assert len(problem) < 400


def test_every_schema_the_app_made_passes_the_check(journal_dir: Path, tmp_path: Path) -> None:
    """Frozen journals of each old schema, and the same journals after their upgrade, are
    exactly their revision's schema: upgrades and fresh journals never drift apart."""
    import shutil

    from headway_journal.journal.db import KNOWN_REVISIONS, read_revision

    fixtures = Path(__file__).resolve().parent / "fixtures"
    for rev in KNOWN_REVISIONS[:-1]:
        folder = tmp_path / f"j{rev}"
        shutil.copytree(fixtures / f"journal-{rev}", folder)
        assert bk.check_backup(folder / DB_NAME) is None
        with JournalService.open(folder) as svc:
            made = bk.BackupManager(svc.journal).make("manual")
        assert read_revision(made) == HEAD_REVISION
        assert bk.check_backup(made) is None, rev
    with JournalService.open(journal_dir) as svc:
        assert bk.check_backup(bk.BackupManager(svc.journal).make("manual")) is None


def test_expected_schema_is_built_once_per_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.journal import schema_check

    first = schema_check.expected_schema(HEAD_REVISION)
    monkeypatch.setattr(schema_check, "migrate_to", lambda *a: pytest.fail("built again"))
    assert schema_check.expected_schema(HEAD_REVISION) is first
    assert "search_fts_data" in first.tables and "search_fts" in first.tables
    with pytest.raises(ValueError):
        schema_check.expected_schema("9999")


# --------------------------------------------------------------------------- proven before it replaces

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _old_backup(tmp_path: Path, rev: str, *sql: str) -> Path:
    import shutil

    path = tmp_path / f"old-{rev}.sqlite3"
    shutil.copyfile(FIXTURES / f"journal-{rev}" / DB_NAME, path)
    if sql:
        _plant(path, list(sql))
    return path


def _scratch_left(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".restore-proof-")]


def test_an_old_backup_is_upgraded_in_a_scratch_folder_then_put_in_place(
        journal_dir: Path, tmp_path: Path) -> None:
    from headway_journal.journal.db import read_revision

    old = _old_backup(tmp_path, "0001")
    with JournalService.open(journal_dir) as svc:
        _case(svc)
    old_bytes = old.read_bytes()
    result = bk.restore_journal(journal_dir, old)
    assert read_revision(journal_dir / DB_NAME) == HEAD_REVISION  # the proven, upgraded copy
    assert old.read_bytes() == old_bytes  # the backup itself is only read
    assert _scratch_left(journal_dir) == []
    assert result.safety_backup is not None
    with JournalService.open(journal_dir) as svc:
        assert svc.journal.upgraded_from == HEAD_REVISION  # nothing left to upgrade
        # sound; only the exhibits of that old journal are not in this journal's store
        problems = svc.check()
    assert problems and all(p.endswith(": missing") for p in problems)
    assert len(result.missing_attachments) == len(problems)


def test_a_backup_that_does_not_open_is_not_restored_and_nothing_changes(
        journal_dir: Path, tmp_path: Path) -> None:
    # Sound as a file and exactly its schema, but a contact's time is not a time: opening it
    # (computing the deadlines the upgrade adds) fails.
    bad = _old_backup(tmp_path, "0001", "UPDATE contacts SET started_at = 'yesterday-ish' "
                                        "WHERE id = 1")
    assert bk.check_backup(bad) is None
    with JournalService.open(journal_dir) as svc:
        _contact(svc, _case(svc), "mine")
    before = _journal_state(journal_dir)
    with pytest.raises(bk.JournalError) as refused:
        bk.restore_journal(journal_dir, bad)
    message = str(refused.value)
    assert type(refused.value).__name__ == "BackupWontOpen"
    assert "was not restored" in message and "The journal was not changed" in message
    assert "ValueError" in message and "\n" not in message
    assert _journal_state(journal_dir) == before
    assert _scratch_left(journal_dir) == []


def test_a_backup_whose_upgrade_fails_is_not_restored(
        journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.journal import db

    old = _old_backup(tmp_path, "0002")
    with JournalService.open(journal_dir) as svc:
        _contact(svc, _case(svc), "mine")
    real = db.migrate_to

    def failing(path: Path, revision: str = "head") -> None:
        if revision == "head":
            raise sqlite3.OperationalError("no such column: planted")
        real(path, revision)

    monkeypatch.setattr(db, "migrate_to", failing)
    before = _journal_state(journal_dir)
    with pytest.raises(bk.JournalError, match="upgrading it to this version's schema failed: "
                                              "OperationalError: no such column: planted"):
        bk.restore_journal(journal_dir, old)
    assert _journal_state(journal_dir) == before
    assert _scratch_left(journal_dir) == []


def test_a_scratch_folder_left_by_a_crash_is_removed_by_the_next_restore(
        journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        chosen = bk.BackupManager(svc.journal).make("manual")
    stale = journal_dir / ".restore-proof-abc123"
    stale.mkdir()
    (stale / DB_NAME).write_bytes(b"half a copy")
    bk.restore_journal(journal_dir, chosen)
    assert _scratch_left(journal_dir) == []


def test_a_failed_upgrade_leaves_the_journal_at_its_schema_and_names_the_copy(
        tmp_path: Path) -> None:
    import shutil

    from headway_journal.journal.db import JournalUpgradeFailed, read_revision

    folder = tmp_path / "journal"
    shutil.copytree(FIXTURES / "journal-0002", folder)
    # Something in the file that the next migration collides with (a table with an index's name).
    _plant(folder / DB_NAME, ["CREATE TABLE ix_contacts_search_rid (x)"])
    with pytest.raises(JournalUpgradeFailed) as failed:
        JournalService.open(folder)
    kept = failed.value.backup
    assert kept is not None and Path(kept).parent == folder / "backups"
    assert kept in str(failed.value) and "left at schema 0002" in str(failed.value)
    assert read_revision(folder / DB_NAME) == "0002"
    assert read_revision(Path(kept)) == "0002" and quick_check(Path(kept)) == []
    con = connect_readonly(folder / DB_NAME)
    try:  # the migration's first index was rolled back with the rest
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = "
                           "'ix_cases_search_rid'").fetchone() == (0,)
    finally:
        con.close()
    outcome = opening.open_or_explain(folder)  # a second attempt keeps a copy of its own
    assert outcome.kind == "error" and "before-upgrade-0002-" in outcome.explain()


# --------------------------------------------------------------------------- the command line's backup


def test_armed_backup_runs_once_just_before_the_first_write(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
    old = datetime.now(UTC) - timedelta(hours=3)
    bk.make_backup(journal_dir, "close", now=old)
    with JournalService.open(journal_dir) as svc:
        made: list[Path] = []
        bk.arm_command_backup(svc.journal, made=made)
        svc.search("charged")
        svc.get_case(cid)
        assert made == []  # reads make none
        _contact(svc, cid, "first write")
        assert len(made) == 1 and made[0].name.endswith("-before-command.sqlite3")
        assert _keys_in(made[0]) == set()  # the state before the write
        _contact(svc, cid, "second write")
        assert len(made) == 1


def test_a_failing_armed_backup_stops_the_write_and_stays_armed(
        journal_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.journal.db import JournalError

    with JournalService.open(journal_dir) as svc:
        cid = _case(svc)
    real = bk.make_backup
    with JournalService.open(journal_dir) as svc:
        made: list[Path] = []
        bk.arm_command_backup(svc.journal, made=made)

        def full(*_a: object, **_k: object) -> Path:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(bk, "make_backup", full)
        with pytest.raises(JournalError, match="could not be made, so nothing was changed: "
                                               "No space left on device"):
            _contact(svc, cid, "not saved")
        assert _keys(journal_dir) == set()
        monkeypatch.setattr(bk, "make_backup", real)
        _contact(svc, cid, "saved")  # the next write tries again, and succeeds
        assert len(made) == 1 and _keys_in(made[0]) == set()
    assert _keys(journal_dir) == {"saved"}
