"""`restore` from the command line: the backup's whole schema is checked, the backup is proven to
open (upgrade included) in a scratch folder first, and a refusal leaves the journal as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_cli import fill, one_error_line

from headway_journal import cli
from headway_journal.journal.service import JournalService


def _state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        fill(svc)
    return folder


@pytest.mark.parametrize(("sql", "words"), [
    ("CREATE TRIGGER t AFTER INSERT ON promises BEGIN DELETE FROM promises; END",
     'extra trigger "t" on "promises"'),
    ("CREATE VIEW v AS SELECT 1", 'extra view "v"'),
    ("CREATE TABLE loot (x)", 'extra table "loot"'),
    ("DROP INDEX ix_notes_case_id", 'index "ix_notes_case_id" on "notes" is missing'),
])
def test_restore_refuses_a_planted_schema_and_leaves_the_journal_byte_for_byte(
        journal: Path, tmp_path: Path, sql: str, words: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    copy_ = tmp_path / "copy.sqlite3"
    assert cli.main(["--journal", str(journal), "backup", str(copy_)]) == 0
    con = sqlite3.connect(copy_)
    con.execute(sql)
    con.commit()
    con.close()
    capsys.readouterr()
    before = _state(journal)
    assert cli.main(["--journal", str(journal), "restore", str(copy_)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert words in line and "Nothing was changed" in line
    assert _state(journal) == before


FIXTURES = Path(__file__).resolve().parents[1] / "journal" / "fixtures"


def test_restore_of_a_backup_that_does_not_open_says_the_journal_was_not_changed(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    bad = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "journal-0001" / "journal.sqlite3", bad)
    con = sqlite3.connect(bad)
    con.execute("UPDATE contacts SET started_at = 'not a time'")
    con.commit()
    con.close()
    before = _state(journal)
    assert cli.main(["--journal", str(journal), "restore", str(bad)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "old.sqlite3 was not restored" in line and "The journal was not changed" in line
    assert _state(journal) == before


def test_check_reports_a_failed_upgrade_and_names_the_copy_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    folder = tmp_path / "journal"
    shutil.copytree(FIXTURES / "journal-0002", folder)
    con = sqlite3.connect(folder / "journal.sqlite3")
    con.execute("CREATE TABLE ix_notes_search_rid (x)")  # the upgrade's last index collides
    con.commit()
    con.close()
    assert cli.main(["--journal", str(folder), "check"]) == 1
    out = capsys.readouterr().out.strip()
    assert out.startswith("Journal upgrade failed: ") and "\n" not in out
    [kept] = (folder / "backups").glob("before-upgrade-0002-*.sqlite3")
    assert str(kept) in out and "left at schema 0002" in out
    # other commands refuse it with one line (exit 2) and still name the copy
    assert cli.main(["--journal", str(folder), "search", "x"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "could not be upgraded" in line and "before-upgrade-0002-" in line


def test_check_reports_a_trigger_planted_in_the_journal_itself(
        journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--journal", str(journal), "check"]) == 0
    assert capsys.readouterr().out.startswith("Journal is sound")
    con = sqlite3.connect(journal / "journal.sqlite3")
    con.execute("CREATE TRIGGER \"odd\x1b[31m\" AFTER INSERT ON notes BEGIN DELETE FROM cases; END")
    con.commit()
    con.close()
    assert cli.main(["--journal", str(journal), "check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Journal is damaged: 1 problem found")
    assert 'extra trigger "odd\\x1b[31m" on "notes"' in out and "\x1b" not in out
