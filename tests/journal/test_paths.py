"""Paths stay paths: '#', '?', '%', spaces, quotes and non-ASCII letters in the journal folder or a
backup's name open exactly that file (an SQLite URI or SQLAlchemy URL built by pasting the path
in opened another one, and a backup then "succeeded" by copying an empty database made beside
the folder)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal.journal import backup as bk
from headway_journal.journal import db
from headway_journal.journal.db import DB_NAME, HEAD_REVISION
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService

# Each name puts the characters that mean something in a URI (or a shell, or a quoted string)
# in a different place: first, last, alone, mixed with percent-escapes that decode to others.
NAMES = [
    "Núñez #2 ?%20 'x'",
    "#hash-first",
    "ends with ?",
    "q?mode=rw&cache=shared",
    "100% sure %3F %23",
    'say "cheese"',
    "it's ok",
    "Łódź ümlaut 日本語 ñ",
    "  spaces  around  ",
    "file:looks-like-a-uri",
]


def _ids(name: str) -> str:
    return name.encode("ascii", "backslashreplace").decode().strip() or "spaces"


names = pytest.mark.parametrize("name", NAMES, ids=_ids)


def _fill(svc: JournalService, key: str) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                    issue_type="billing", role="client", key=f"case-{key}"))
    svc.log_contact(cid, ContactInput(started_at=datetime.now(UTC) - timedelta(days=1),
                                      channel="phone", summary=f"Called {key}", key=key))
    return cid


def _keys(path: Path) -> set[str]:
    con = db.connect_readonly(path)
    try:
        return {r[0] for r in con.execute("SELECT key FROM contacts")}
    finally:
        con.close()


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@names
def test_readonly_uri_opens_exactly_that_file(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / f"{name}.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE marker (x)")
    con.execute("INSERT INTO marker VALUES ('the right file')")
    con.commit()
    con.close()
    before = _tree(tmp_path)
    ro = db.connect_readonly(path)
    try:
        assert ro.execute("SELECT x FROM marker").fetchone() == ("the right file",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.execute("INSERT INTO marker VALUES ('no')")
    finally:
        ro.close()
    assert _tree(tmp_path) == before  # nothing made beside it
    with pytest.raises(sqlite3.OperationalError):  # a missing file is never created
        db.connect_readonly(folder / f"missing {name}.sqlite3")
    assert _tree(tmp_path) == before


@names
def test_journal_in_such_a_folder_opens_backs_up_and_restores(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name / "journal"
    with JournalService.open(folder) as svc:
        cid = _fill(svc, "saved")
        assert svc.journal.db_path == folder / DB_NAME
        made = bk.BackupManager(svc.journal).make("manual")
        outside = tmp_path / name / f"copy {name}.sqlite3"
        bk.backup_to_file(svc.folder, outside)
        svc.log_contact(cid, ContactInput(started_at=datetime.now(UTC), channel="chat",
                                          key="later"))
        assert svc.check() == []
    # Exactly the journal's files, nothing created beside the folder or in the working folder.
    assert {p.name for p in (tmp_path / name).iterdir()} == {
        "journal", outside.name, bk.sidecar_path(outside).name}
    assert _keys(folder / DB_NAME) == {"saved", "later"}
    # The copies hold the data (not an empty database made elsewhere).
    assert _keys(made) == {"saved"} and _keys(outside) == {"saved"}
    assert db.read_revision(made) == HEAD_REVISION
    assert bk.check_backup(made) is None and bk.check_backup(outside) is None
    assert [b.path for b in bk.list_backups(folder)] == [made]
    result = bk.restore_journal(folder, outside)
    assert result.safety_backup is not None and _keys(result.safety_backup) == {"saved", "later"}
    with JournalService.open(folder) as svc:
        assert {c.key for c in svc.get_case(cid).contacts} == {"saved"}
        assert svc.check() == []


@names
def test_backup_named_with_such_characters(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        _fill(svc, "one")
        dest = tmp_path / f"{name}.sqlite3"
        side = bk.backup_to_file(svc.folder, dest)
    assert _keys(dest) == {"one"}
    assert side == bk.sidecar_path(dest) and side.is_file()
    assert bk.read_sidecar(dest) is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["journal", dest.name, side.name])


@names
def test_attaching_a_file_whose_path_has_such_characters(tmp_path: Path, name: str) -> None:
    source = tmp_path / name / f"{name}.txt"
    source.parent.mkdir()
    source.write_bytes(b"receipt INV-1001 " + name.encode())
    with JournalService.open(tmp_path / "journal") as svc:
        cid = _fill(svc, "k")
        aid = svc.add_attachment(cid, source)
        att = svc.attachment(aid)
        assert att.original_name == source.name.strip()  # names are trimmed, never parsed
        assert svc.attachment_path(aid).read_bytes() == source.read_bytes()
        assert svc.check() == []


def test_upgrade_in_such_a_folder_backs_up_the_old_schema(tmp_path: Path) -> None:
    import shutil

    fixtures = Path(__file__).resolve().parent / "fixtures"
    folder = tmp_path / NAMES[0] / "journal"
    shutil.copytree(fixtures / "journal-0001", folder)
    with JournalService.open(folder) as svc:
        assert svc.journal.upgrade_backup is not None
        kept = Path(svc.journal.upgrade_backup)
        assert kept.parent == folder / "backups"
        assert db.read_revision(kept) == "0001"
        assert svc.check() == []
    assert sorted(p.name for p in (tmp_path / NAMES[0]).iterdir()) == ["journal"]


def test_a_backup_never_succeeds_by_copying_an_empty_database(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    folder.mkdir()
    sqlite3.connect(folder / DB_NAME).close()  # an empty database where the journal should be
    dest = tmp_path / "copy.sqlite3"
    dest.write_bytes(b"an older copy, kept")
    with pytest.raises(db.JournalDamaged, match="holds no journal"):
        bk.backup_to_file(folder, dest)
    assert dest.read_bytes() == b"an older copy, kept"
    with pytest.raises(db.JournalDamaged, match="holds no journal"):
        bk.make_backup(folder, "manual")
    assert list((folder / "backups").iterdir()) == []
