"""Atomic writes (journal.fsutil): the target is the old file or the new one, never a part."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from headway_journal.journal.fsutil import (
    fsync_dir,
    make_private_dir,
    replace_durably,
    write_atomic,
    write_atomic_with,
    write_text_atomic,
)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_write_atomic_replaces_the_file_with_private_permissions(tmp_path: Path) -> None:
    target = tmp_path / "journal.json"
    target.write_bytes(b"old")
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert names(tmp_path) == ["journal.json"]


@pytest.mark.parametrize("mode", [0o644, 0o640])
def test_write_atomic_sets_the_mode_asked_for(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "entry.desktop"
    write_atomic(target, b"[Desktop Entry]\n", mode)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"the old calendar")

    def fill(fh: BinaryIO) -> None:
        fh.write(b"half of the new")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_atomic_with(target, fill)
    assert target.read_bytes() == b"the old calendar"
    assert names(tmp_path) == ["calendar.ics"]


def test_streamed_and_text_writes(tmp_path: Path) -> None:
    write_atomic_with(tmp_path / "a.bin", lambda fh: [fh.write(bytes([i])) for i in range(3)])
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01\x02"
    write_text_atomic(tmp_path / "b.txt", "Zoë — 東京\n", durable=False)
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Zoë — 東京\n"
    assert names(tmp_path) == ["a.bin", "b.txt"]


def test_replace_durably_moves_a_finished_file_into_place(tmp_path: Path) -> None:
    tmp = tmp_path / "backup.sqlite3.partial"
    tmp.write_bytes(b"copy")
    (tmp_path / "backup.sqlite3").write_bytes(b"older")
    replace_durably(tmp, tmp_path / "backup.sqlite3")
    assert names(tmp_path) == ["backup.sqlite3"]
    assert (tmp_path / "backup.sqlite3").read_bytes() == b"copy"


def test_fsync_dir_of_a_missing_folder_is_not_an_error(tmp_path: Path) -> None:
    fsync_dir(tmp_path / "gone")
    fsync_dir(tmp_path)


def test_make_private_dir_creates_parents_and_tightens_an_open_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "journal"
    make_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.chmod(0o755)
    make_private_dir(folder)  # already there: only its permissions change
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
