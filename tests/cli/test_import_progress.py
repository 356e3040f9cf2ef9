"""`headway-journal import FILE` counts the cases read on a terminal (standard error only when it
is a terminal: scripts reading the output or the errors see what they saw before)."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from headway_journal import cli
from headway_journal.commands.progress import CaseCount


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def export(cases_export: Any) -> Path:
    return cases_export(5)


def test_the_count_is_one_line_rewritten_and_ended() -> None:
    out = Terminal()
    with CaseCount("cases.json", out, every_s=0.0) as count:
        for read in range(4):
            count(read, 3)
    text = out.getvalue()
    assert text.count("\r") == 4 and text.count("\n") == 1
    assert text.endswith("\rImporting cases.json: 3 of 3 cases read; saving…\n")


def test_a_stop_midway_ends_the_line_and_reports_are_spaced_out() -> None:
    out = Terminal()
    with pytest.raises(KeyboardInterrupt), CaseCount("big.json", out, every_s=3600) as count:
        count(0, 9_899)
        count(1, 9_899)  # too soon after the first: not written
        raise KeyboardInterrupt
    assert out.getvalue() == "\rImporting big.json: 0 of 9,899 cases read\n"


def test_nothing_is_written_where_standard_error_is_not_a_terminal(
        export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--journal", str(tmp_path / "journal"), "import", str(export)]) == 0
    out, err = capsys.readouterr()
    assert "added 5 cases" in out and err == ""


def test_a_terminal_sees_the_count(export: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "headway_journal", "--journal", str(tmp_path / "journal"),
             "import", str(export)], stdout=subprocess.PIPE, stderr=follower, text=True,
            timeout=120, check=False)
        os.close(follower)
        follower = -1
        seen = b""
        while select.select([leader], [], [], 0.5)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert proc.returncode == 0 and "added 5 cases" in proc.stdout
    assert "Importing cases.json: 5 of 5 cases read; saving…" in seen.decode()
