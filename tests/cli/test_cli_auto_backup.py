"""The command line backs up the journal automatically before the first write of a command that
changes it, when the newest backup is over an hour old, as the window does on open; commands that
only read make none (docs/reliability.md)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_cli import fill, one_error_line

from headway_journal import cli
from headway_journal.journal import backup as bk
from headway_journal.journal import interchange as ix
from headway_journal.journal.db import DB_NAME, connect_readonly
from headway_journal.journal.service import JournalService


def _case_keys(db: Path) -> set[str]:
    con = connect_readonly(db)
    try:
        return {r[0] for r in con.execute("SELECT key FROM cases")}
    finally:
        con.close()


def _backups(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("*.sqlite3"))


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A journal with case c-1 and one backup made two hours ago."""
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        fill(svc, key="c-1")
    bk.make_backup(folder, "close", now=datetime.now(UTC) - timedelta(hours=2))
    return folder


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    """A file to import with another case, c-9."""
    (tmp_path / "in").mkdir()
    with JournalService.open(tmp_path / "other") as svc:
        fill(svc, key="c-9")
        ix.export_journal(svc, tmp_path / "in" / "c9.json")
    return tmp_path / "in" / "c9.json"


def test_import_backs_up_first_when_the_newest_backup_is_over_an_hour_old(
        journal: Path, incoming: Path) -> None:
    before = _backups(journal)
    assert cli.main(["--journal", str(journal), "import", str(incoming)]) == 0
    new = [p for p in _backups(journal) if p not in before]
    assert len(new) == 1 and new[0].name.endswith("-before-command.sqlite3")
    assert _case_keys(new[0]) == {"c-1"}  # made before the import wrote anything
    assert _case_keys(journal / DB_NAME) == {"c-1", "c-9"}
    assert bk.check_backup(new[0]) is None and bk.read_sidecar(new[0]) is not None
    # A second write command within the hour makes no other.
    assert cli.main(["--journal", str(journal), "import", str(incoming)]) == 0
    assert len(_backups(journal)) == len(before) + 1


def test_no_backup_when_the_newest_is_recent(journal: Path, incoming: Path) -> None:
    bk.make_backup(journal, "close", now=datetime.now(UTC) - timedelta(minutes=50))
    before = _backups(journal)
    assert cli.main(["--journal", str(journal), "import", str(incoming)]) == 0
    assert _backups(journal) == before


def test_a_journal_without_any_backup_gets_one(tmp_path: Path, incoming: Path) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        fill(svc, key="c-1")
    assert _backups(folder) == []
    assert cli.main(["--journal", str(folder), "import", str(incoming)]) == 0
    [made] = _backups(folder)
    assert "before-command" in made.name and _case_keys(made) == {"c-1"}


def test_a_new_journal_has_nothing_to_back_up(tmp_path: Path, incoming: Path) -> None:
    folder = tmp_path / "fresh"
    assert cli.main(["--journal", str(folder), "import", str(incoming)]) == 0
    assert _backups(folder) == []


def test_an_invalid_import_changes_nothing_and_any_backup_holds_the_old_state(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "headway-journal", "version": 1, "cases": [
        {"key": "x", "title": "", "organization": "nobody", "issue_type": "billing",
         "role": "client"}]}), encoding="utf-8")
    before = _backups(journal)
    keys = _case_keys(journal / "journal.sqlite3")
    assert cli.main(["--journal", str(journal), "import", str(bad)]) == 2
    one_error_line(capsys.readouterr().err)
    assert _case_keys(journal / "journal.sqlite3") == keys  # rolled back
    # the import streams, so its write began before the bad record was read: a backup may have
    # been made then, and it holds the journal as it was
    made = [b for b in _backups(journal) if b not in before]
    assert len(made) <= 1
    for copy in made:
        assert _case_keys(copy) == keys


@pytest.mark.parametrize("args", [
    ["check"], ["search", "refund"], ["export", "{tmp}/out.json"],
    ["backup", "{tmp}/copy.sqlite3"], ["ics", "{tmp}/d.ics"],
    ["casefile", "c-1", "-o", "{tmp}/case.pdf"],
])
def test_read_only_commands_make_no_backup(journal: Path, tmp_path: Path,
                                           args: list[str]) -> None:
    before = _backups(journal)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert cli.main(["--journal", str(journal), *argv]) == 0
    assert _backups(journal) == before


def test_restore_always_keeps_the_state_it_replaces(journal: Path, tmp_path: Path) -> None:
    copy_ = tmp_path / "copy.sqlite3"
    assert cli.main(["--journal", str(journal), "backup", str(copy_)]) == 0
    bk.make_backup(journal, "close")  # a fresh backup: restore still keeps its own copy
    with JournalService.open(journal) as svc:
        fill(svc, key="c-2")
    assert cli.main(["--journal", str(journal), "restore", str(copy_)]) == 0
    [safety] = [p for p in _backups(journal) if "before-restore" in p.name]
    assert _case_keys(safety) == {"c-1", "c-2"}


def test_when_the_backup_cannot_be_made_nothing_is_written(
        journal: Path, incoming: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def full(*_a: Any, **_k: Any) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bk, "make_backup", full)
    before = _backups(journal)
    assert cli.main(["--journal", str(journal), "import", str(incoming)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "automatic backup before this change could not be made" in line
    assert "No space left on device" in line
    assert _case_keys(journal / DB_NAME) == {"c-1"}
    assert _backups(journal) == before
    con = sqlite3.connect(journal / DB_NAME)
    assert con.execute("PRAGMA quick_check").fetchone() == ("ok",)
    con.close()
