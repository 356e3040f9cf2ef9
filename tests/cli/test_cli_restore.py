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
    ("DROP INDEX ix_notes_search_rid", 'index "ix_notes_search_rid" on "notes" is missing'),
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
