"""Schema upgrades: a frozen journal of every old schema opens with every row intact.

tests/journal/fixtures/journal-0001/ was made by fixtures/make_journal_0001.py (Alembic to "0001"
only, then raw SQL rows). PITFALLS.md: a batch migration ("move and copy") of a parent table with
foreign keys on deletes child rows through ON DELETE CASCADE; these tests catch that by comparing
every table's rows before and after.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from headway_journal.journal import backup as bk
from headway_journal.journal import db
from headway_journal.journal.db import DB_NAME, HEAD_REVISION, KNOWN_REVISIONS, quick_check
from headway_journal.journal.service import JournalService

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TABLES = ("settings", "organizations", "channels", "cases", "contacts", "tickets", "promises",
          "escalations", "attachments", "notes", "changes")
# Columns as they were at 0001 (later revisions may add columns, never drop these).
KEY_COLUMNS = {
    "contacts": "id, key, case_id, started_at, summary, deleted_at",
    "tickets": "id, contact_id, position, number",
    "promises": "id, contact_id, text, business_days, hours, due_on, status",
    "escalations": "id, case_id, contact_id, reference",
    "attachments": "id, case_id, contact_id, sha256, size",
    "notes": "id, case_id, body",
    "channels": "id, organization_id, kind, value, verified_on",
    "cases": "id, key, title, summary, fields",
}


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for t in TABLES:
            cols = KEY_COLUMNS.get(t, "*")
            out[t] = con.execute(f"SELECT {cols} FROM {t} ORDER BY 1").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    shutil.copytree(FIXTURES / "journal-0001", folder)
    return folder


def test_the_fixture_really_is_schema_0001() -> None:
    path = FIXTURES / "journal-0001" / DB_NAME
    assert db.read_revision(path) == "0001"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cols = {r[1] for r in con.execute("PRAGMA table_info(promises)")}
    finally:
        con.close()
    assert "due_date" not in cols
    assert quick_check(path) == []


def test_upgrading_0001_keeps_every_row(old_journal: Path) -> None:
    before = _rows(old_journal / DB_NAME)
    assert all(before[t] for t in TABLES)
    svc = JournalService.open(old_journal)
    try:
        assert svc.journal.upgraded_from == "0001"
        assert svc.journal.upgrade_backup is not None
        backup = Path(svc.journal.upgrade_backup)
        assert backup.parent == old_journal / "backups"
        assert backup.name.startswith("before-upgrade-0001-")
        assert db.read_revision(backup) == "0001"
        assert _rows(backup) == before
        assert db.read_revision(old_journal / DB_NAME) == HEAD_REVISION

        after = _rows(old_journal / DB_NAME)
        for t in TABLES:
            assert after[t] == before[t], f"rows of {t} changed in the upgrade"

        # The deadlines 0002 added are computed on open (they need the holiday calendar).
        case = svc.get_case(1)
        promises = {p.id: p for p in case.promises}
        assert promises[1].due.due_on == date(2026, 3, 9)  # Mon 2 March + 5 business days
        assert promises[2].due.due_at is not None
        con = sqlite3.connect(old_journal / DB_NAME)
        try:
            dues = dict(con.execute("SELECT id, due_date FROM promises").fetchall())
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            con.close()
        assert all(dues.values()), dues
        assert dues[3] == "2026-03-20"
        assert fk == []

        # The case as the app shows it.
        assert [c.key for c in case.contacts] == ["contact-a1", "contact-a2"]
        assert case.contacts[0].tickets == ("TCK-5521", "REF-900")
        assert case.escalations[0].reference == "ESC-42"
        assert case.attachments[0].original_name == "receipt INV-1001.txt"
        assert case.notes[0].body.startswith("Bank statement")
        assert case.fields["card_last4"] == "4242"
        assert svc.get_case(2, include_deleted=True).title == "Claim denied for Dr. Núñez"

        # Full-text search still works, diacritics folded.
        assert {h.case_id for h in svc.search("Nunez")} == {2}
        assert any(h.kind == "contact" for h in svc.search("REF-900"))
        assert any(h.kind == "note" for h in svc.search("statement"))

        assert svc.check() == []
        # The upgrade backup gets its attachment sidecar when the app records the open.
        bk.backup_on_open(svc.journal)
        side = bk.read_sidecar(backup)
        assert side is not None and side["revision"] == "0001"
        assert [a["sha256"] for a in side["attachments"]] == [case.attachments[0].sha256]
    finally:
        svc.close()


def test_reopening_an_upgraded_journal_does_not_upgrade_again(old_journal: Path) -> None:
    JournalService.open(old_journal).close()
    backups = sorted(p.name for p in (old_journal / "backups").iterdir())
    with JournalService.open(old_journal) as svc:
        assert svc.journal.upgrade_backup is None
    assert sorted(p.name for p in (old_journal / "backups").iterdir()) == backups


def test_known_revisions_match_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    script = ScriptDirectory.from_config(cfg)
    revisions = [r.revision for r in script.walk_revisions()]  # head first
    assert tuple(reversed(revisions)) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION
    assert len(script.get_heads()) == 1, "the migration history has branched"
    # Each revision's parent is the one before it: one straight line.
    for older, newer in zip(KNOWN_REVISIONS, KNOWN_REVISIONS[1:], strict=False):
        rev = script.get_revision(newer)
        assert rev is not None and rev.down_revision == older
