"""`backup FILE` writes the exhibit list beside the database copy, like the automatic backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import fill

from headway_journal import cli
from headway_journal.journal.backup import sidecar_path
from headway_journal.journal.service import JournalService


def test_backup_file_has_an_exhibit_list(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        fill(svc)
        stored = [(a.sha256, a.size) for a in map(svc.attachment, [1])]
    dest = tmp_path / "copy.sqlite3"
    assert cli.main(["--journal", str(folder), "backup", str(dest)]) == 0
    side = sidecar_path(dest)
    out = capsys.readouterr().out
    assert str(side) in out
    data = json.loads(side.read_text(encoding="utf-8"))
    assert [(a["sha256"], a["size"]) for a in data["attachments"]] == stored
    assert data["total_bytes"] == sum(size for _sha, size in stored)
