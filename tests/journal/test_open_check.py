"""The full integrity check on open is skipped only for a journal closed cleanly and unchanged."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal.journal import db
from headway_journal.journal.db import DB_NAME, VERIFIED_NAME, JournalDamaged, open_journal
from headway_journal.journal.service import JournalService


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full check run by open_journal (the real check still runs)."""
    calls: list[Path] = []
    real = db.quick_check

    def spy(path: Path) -> list[str]:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(db, "quick_check", spy)
    return calls


def _closed_journal(folder: Path) -> None:
    with JournalService.open(folder) as svc:
        svc.set_setting("note", "x")


def test_a_clean_unchanged_journal_is_not_checked_again(journal_dir: Path,
                                                        checks: list[Path]) -> None:
    _closed_journal(journal_dir)
    assert (journal_dir / VERIFIED_NAME).is_file()
    checks.clear()
    j = open_journal(journal_dir)
    try:
        assert checks == []
        assert j.verified_at is not None
        assert not (journal_dir / VERIFIED_NAME).exists()  # vouches only while closed
    finally:
        j.close()
    assert (journal_dir / VERIFIED_NAME).is_file()


def test_a_changed_file_is_checked(journal_dir: Path, checks: list[Path]) -> None:
    _closed_journal(journal_dir)
    st = (journal_dir / DB_NAME).stat()
    os.utime(journal_dir / DB_NAME, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    checks.clear()
    open_journal(journal_dir).close()
    assert len(checks) == 1


def test_an_unclean_close_is_checked(journal_dir: Path, checks: list[Path]) -> None:
    _closed_journal(journal_dir)
    (journal_dir / (DB_NAME + "-wal")).write_bytes(b"")
    checks.clear()
    open_journal(journal_dir).close()
    assert len(checks) == 1


def test_an_old_check_is_repeated(journal_dir: Path, checks: list[Path]) -> None:
    _closed_journal(journal_dir)
    stamp = journal_dir / VERIFIED_NAME
    data = json.loads(stamp.read_text())
    data["checked_at"] = (datetime.now(UTC) - timedelta(days=8)).isoformat()
    st = stamp.stat()
    stamp.write_text(json.dumps(data))
    os.utime(stamp, ns=(st.st_atime_ns, st.st_mtime_ns))
    checks.clear()
    open_journal(journal_dir).close()
    assert len(checks) == 1


def test_a_damaged_file_behind_a_stamp_is_still_refused(journal_dir: Path) -> None:
    _closed_journal(journal_dir)
    path = journal_dir / DB_NAME
    size = path.stat().st_size
    with open(path, "r+b") as fh:  # damage every page but the first, in place
        for n in range(1, size // 4096):
            fh.seek(n * 4096 + 100)
            fh.write(os.urandom(500))
    with pytest.raises(JournalDamaged):
        open_journal(journal_dir)
