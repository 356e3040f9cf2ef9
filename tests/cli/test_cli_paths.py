"""Every command with '#', '?', '%', spaces, quotes and non-ASCII letters in the journal folder,
the input and the output paths: each reads and writes exactly the file it was given."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_cli import fill

from headway_journal import cli
from headway_journal.journal import backup as bk
from headway_journal.journal import interchange as ix
from headway_journal.journal.db import DB_NAME, connect_readonly
from headway_journal.journal.service import JournalService

NAMES = [
    "Núñez #2 ?%20 'x'",
    "q?mode=rw #frag",
    "50% off %25 \"quoted\"",
    "Łódź 日本 it's",
]


def _ids(name: str) -> str:
    return name.encode("ascii", "backslashreplace").decode()


def _cases(db: Path) -> list[str]:
    con = connect_readonly(db)
    try:
        return [r[0] for r in con.execute("SELECT key FROM cases ORDER BY key")]
    finally:
        con.close()


@pytest.mark.parametrize("name", NAMES, ids=_ids)
def test_every_command_with_such_paths(tmp_path: Path, name: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    place = tmp_path / name
    place.mkdir()
    with JournalService.open(tmp_path / "source") as svc:
        fill(svc, key="c-1")
        ix.export_journal(svc, place / f"in {name}.json")
    journal = place / f"journal {name}"
    j = ["--journal", str(journal)]

    assert cli.main([*j, "import", str(place / f"in {name}.json")]) == 0
    assert _cases(journal / DB_NAME) == ["c-1"]
    assert cli.main([*j, "check"]) == 0
    assert "Journal is sound: 1 cases, 2 contacts, 1 attachments verified" in capsys.readouterr().out
    assert cli.main([*j, "search", "refund"]) == 0
    assert "#1" in capsys.readouterr().out

    out = place / f"out {name}.json"
    assert cli.main([*j, "export", str(out)]) == 0
    assert '"c-1"' in out.read_text(encoding="utf-8")
    assert any((place / f"out {name}-files").rglob("*.png"))

    copy_ = place / f"backup {name}.sqlite3"
    assert cli.main([*j, "backup", str(copy_)]) == 0
    assert _cases(copy_) == ["c-1"]  # the copy holds the journal, not an empty database
    assert bk.sidecar_path(copy_).is_file()

    with JournalService.open(journal) as svc:
        fill(svc, key="c-2")
    assert cli.main([*j, "restore", str(copy_)]) == 0
    assert "now has 1 cases and 2 contacts" in capsys.readouterr().out
    assert _cases(journal / DB_NAME) == ["c-1"]

    pdf = place / f"case {name}.pdf"
    assert cli.main([*j, "casefile", "c-1", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    ics = place / f"dates {name}.ics"
    assert cli.main([*j, "ics", str(ics)]) == 0
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")

    # Nothing was written anywhere but where it was asked: no stray database beside the folders.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "source"])
    expected = {f"in {name}.json", f"in {name}-files", journal.name, out.name,
                f"out {name}-files", copy_.name, bk.sidecar_path(copy_).name, pdf.name, ics.name}
    assert {p.name for p in place.iterdir()} == expected
    for p in place.iterdir():
        if p.is_file() and p.suffix == ".sqlite3":
            con = sqlite3.connect(p)
            assert con.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
            con.close()
