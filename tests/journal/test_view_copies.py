"""Copies of exhibits made for the system viewer live in the user's private temp folder and go
when the run that made them quits, or at the next start after a crash."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from headway_journal.journal import view_copies


def test_a_view_folder_is_private_and_named_for_this_run(tmp_path: Path) -> None:
    folder = view_copies.new_view_folder(tmp_path)
    assert folder.parent == view_copies.root(tmp_path)
    assert folder.name.startswith(f"{os.getpid()}-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.parent.stat().st_mode) == 0o700


def test_quitting_removes_this_runs_read_only_copies_and_only_them(tmp_path: Path) -> None:
    mine = view_copies.new_view_folder(tmp_path)
    copy = mine / "receipt.png"
    copy.write_bytes(b"\x89PNG")
    copy.chmod(0o400)
    other = view_copies.root(tmp_path) / "1-alive"  # pid 1 is always alive
    other.mkdir()
    assert view_copies.remove_mine(tmp_path) == 1
    assert not mine.exists() and other.exists()


def test_start_removes_copies_of_runs_that_ended(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = view_copies.root(tmp_path) / f"{done.stdout.strip()}-x"
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "scan.pdf").write_bytes(b"%PDF")
    (dead / "sub" / "scan.pdf").chmod(0o400)
    (dead / "sub").chmod(0o500)
    mine = view_copies.new_view_folder(tmp_path)
    assert view_copies.sweep(tmp_path) == 1
    assert not dead.exists() and mine.exists()
