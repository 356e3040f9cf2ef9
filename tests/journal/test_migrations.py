"""Schema upgrades: a frozen journal of every old schema opens with every row intact.

tests/journal/fixtures/journal-<revision>/ were made by fixtures/make_journal.py (Alembic to that
revision only, then raw SQL rows as the app of that time wrote them). PITFALLS.md: a batch
migration ("move and copy") of a parent table with foreign keys on deletes child rows through
ON DELETE CASCADE; these tests catch that by comparing every table's rows before and after.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from headway_journal.journal import backup as bk
from headway_journal.journal import db
from headway_journal.journal.db import DB_NAME, HEAD_REVISION, KNOWN_REVISIONS, quick_check
from headway_journal.journal.service import JournalService

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_journal", FIXTURES / "make_journal.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_journal = _load_generator()
FROZEN: tuple[str, ...] = make_journal.FROZEN
TABLES = ("settings", "organizations", "channels", "cases", "contacts", "tickets", "promises",
          "escalations", "attachments", "notes", "changes", "search_fts")
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
    "search_fts": "rowid, kind, case_id, title, body",
    "organizations": "id, key, name, website, address, notes",
    "changes": "id, at, case_id, entity, entity_id, action, changes",
}
# Columns a later revision added: compared too in the journals of that revision and after.
ADDED_COLUMNS = {"0002": {"promises": "due_date, due_at"}}
SEARCH_DOCS = ("SELECT rid, kind, case_id, title, body FROM search_doc_case UNION ALL "
               "SELECT rid, kind, case_id, title, body FROM search_doc_contact UNION ALL "
               "SELECT rid, kind, case_id, title, body FROM search_doc_note ORDER BY 1")


def _columns(table: str, revision: str) -> str:
    cols = [KEY_COLUMNS.get(table, "*")]
    cols += [added[table] for rev, added in ADDED_COLUMNS.items()
             if table in added and KNOWN_REVISIONS.index(rev) <= KNOWN_REVISIONS.index(revision)]
    return ", ".join(cols)


def _rows(path: Path, revision: str) -> dict[str, list[tuple[object, ...]]]:
    con = db.connect_readonly(path)
    try:
        out = {}
        for t in TABLES:
            out[t] = con.execute(f"SELECT {_columns(t, revision)} FROM {t} ORDER BY 1").fetchall()
        return out
    finally:
        con.close()


def _schema(path: Path) -> list[tuple[object, ...]]:
    con = db.connect_readonly(path)
    try:
        return con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        con.close()


@pytest.fixture(params=FROZEN)
def revision(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def old_journal(tmp_path: Path, revision: str) -> Path:
    folder = tmp_path / "journal"
    shutil.copytree(FIXTURES / f"journal-{revision}", folder)
    return folder


def _before(revision: str, later: str) -> bool:
    return KNOWN_REVISIONS.index(revision) < KNOWN_REVISIONS.index(later)


def test_every_earlier_schema_has_a_frozen_journal() -> None:
    assert KNOWN_REVISIONS[:-1] == FROZEN, (
        "every schema before HEAD needs a frozen journal: add the revision to FROZEN in "
        "tests/journal/fixtures/make_journal.py (with rows for the columns it added), run the "
        "script for it and commit journal-<revision>/")
    for rev in FROZEN:
        assert (FIXTURES / f"journal-{rev}" / DB_NAME).is_file()


def test_the_fixture_really_is_at_its_revision(revision: str, tmp_path: Path) -> None:
    path = FIXTURES / f"journal-{revision}" / DB_NAME
    assert db.read_revision(path) == revision
    # Exactly the tables, indexes, views and triggers Alembic makes for that revision.
    fresh = tmp_path / DB_NAME
    make_journal.create_schema(fresh, revision)
    assert _schema(path) == _schema(fresh)
    head = tmp_path / "head.sqlite3"
    make_journal.create_schema(head, HEAD_REVISION)
    assert _schema(path) != _schema(head)  # so the upgrade has something to do
    con = db.connect_readonly(path)
    try:
        cols = {r[1] for r in con.execute("PRAGMA table_info(promises)")}
    finally:
        con.close()
    assert ("due_date" in cols) is (revision >= "0002")
    assert quick_check(path) == []


def test_upgrading_keeps_every_row(old_journal: Path, revision: str) -> None:
    assert db.read_revision(old_journal / DB_NAME) == revision
    before = _rows(old_journal / DB_NAME, revision)
    assert all(before[t] for t in TABLES)
    svc = JournalService.open(old_journal)
    try:
        assert svc.journal.upgraded_from == revision
        assert svc.journal.upgrade_backup is not None
        backup = Path(svc.journal.upgrade_backup)
        assert backup.parent == old_journal / "backups"
        assert backup.name.startswith(f"before-upgrade-{revision}-")
        assert db.read_revision(backup) == revision
        assert _rows(backup, revision) == before
        assert db.read_revision(old_journal / DB_NAME) == HEAD_REVISION

        after = _rows(old_journal / DB_NAME, revision)
        for t in TABLES:
            if t == "search_fts":  # 0004 put more in the documents (compared with them
                # below) and its rowid names the case: (case_id << 32) + id * 4 + kind
                assert sorted((int(r[0]) & 0xFFFFFFFF, *r[1:4]) for r in after[t]) == \
                    sorted((int(r[0]) & 0xFFFFFFFF, *r[1:4]) for r in before[t])
                assert all(int(r[0]) >> 32 == r[2] for r in after[t])
                continue
            if t == "changes" and _before(revision, "0005"):
                # 0005 starts the hash chain with one record after the others
                start = [r for r in after[t] if r[3] == "journal"]
                assert [r[5] for r in start] == ["chain-start"]
                assert start[0][0] > max(r[0] for r in before[t])
                after[t].remove(start[0])
            # columns added later (0007: organizations.ticket_patterns) come after the old ones
            width = len(before[t][0]) if before[t] else 0
            assert [r[:width] for r in after[t]] == before[t], f"rows of {t} changed in the upgrade"

        # The deadlines 0002 added are computed on open (they need the holiday calendar), or
        # kept as stored when the journal already had them.
        case = svc.get_case(1)
        promises = {p.id: p for p in case.promises}
        assert promises[1].due.due_on == date(2026, 3, 9)  # Mon 2 March + 5 business days
        assert promises[2].due.due_at is not None
        con = sqlite3.connect(old_journal / DB_NAME)
        try:
            dues = dict(con.execute("SELECT id, due_date FROM promises").fetchall())
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
            search_docs = con.execute(SEARCH_DOCS).fetchall()
            named = con.execute("SELECT id, case_id, rep_name FROM contacts WHERE rep_name != ''"
                                " AND deleted_at IS NULL").fetchall()
            deleted = con.execute("SELECT id, rep_name FROM contacts WHERE deleted_at IS NOT NULL"
                                  " AND rep_name != ''").fetchall()
            con.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        finally:
            con.close()
        assert all(dues.values()), dues
        assert dues[3] == "2026-03-20"
        assert fk == []
        assert svc.refresh_due_dates(only_missing=False) == 0  # stored = what the app computes

        # The case as the app shows it.
        assert [c.key for c in case.contacts] == ["contact-a1", "contact-a2"]
        assert case.contacts[0].tickets == ("TCK-5521", "REF-900")
        assert case.escalations[0].reference == "ESC-42"
        assert case.attachments[0].original_name == "receipt INV-1001.txt"
        assert case.notes[0].body.startswith("Bank statement")
        assert case.fields["card_last4"] == "4242"
        assert svc.get_case(2, include_deleted=True).title == "Claim denied for Dr. Núñez"

        # Full-text search still works, diacritics folded; the index is the rows' documents.
        assert after["search_fts"] == search_docs
        assert {h.case_id for h in svc.search("Nunez")} == {2}
        assert any(h.kind == "contact" for h in svc.search("REF-900"))
        assert any(h.kind == "note" for h in svc.search("statement"))
        # 0004: what the case file shows is found too (escalation, exhibit, organization)
        assert {h.case_id for h in svc.search("ESC-42")} == {1}
        assert {h.case_id for h in svc.search("receipt INV-1001")} >= {1}
        assert named and deleted
        for cid, case_id, rep in named:  # each contact is found by its representative's name
            assert ("contact", cid, case_id) in {(h.kind, h.item_id, h.case_id)
                                                 for h in svc.search(rep)}, rep
        for cid, rep in deleted:  # and a deleted one is not
            assert ("contact", cid) not in {(h.kind, h.item_id) for h in svc.search(rep)}, rep

        # 0006: contacts from before were typed; exhibits from before say nothing of where
        # they came from; an e-mail's reference is empty
        assert {c.source for c in case.contacts} == {"typed"}
        assert all(a.provenance == () for a in case.attachments)
        assert svc.captured_refs(1) == set()
        assert svc.contact_input(case.contacts[0].id).source == "typed"

        assert svc.check() == []
        # 0005: the chain vouches for every row from the upgrade on; the rows before stay out.
        chain = svc.verify_chain()
        assert chain.ok, chain.breaks
        assert chain.length == 1 and chain.vouches_from is not None
        assert {"contact:1", "case:2", "attachment:1", "note:1"} <= set(chain.latest)
        # The upgrade backup gets its attachment sidecar when the app records the open.
        bk.backup_on_open(svc.journal)
        side = bk.read_sidecar(backup)
        assert side is not None and side["revision"] == revision
        shas = sorted(a["sha256"] for a in side["attachments"])
        assert shas == sorted({str(r[3]) for r in before["attachments"]})
        assert case.attachments[0].sha256 in shas
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
