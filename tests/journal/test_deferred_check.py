"""Opening after an unclean exit without waiting for the full check (``defer_check``): the
journal is readable at once, nothing is written to it until the check passed, and a failed
check leads to the same damaged-journal outcome (and backup offer) as a check on open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from headway_journal.journal import db, opening
from headway_journal.journal.backup import make_backup
from headway_journal.journal.db import DB_NAME, VERIFIED_NAME
from headway_journal.journal.records import StorageError
from headway_journal.journal.service import JournalService

PROBLEM = "*** in database main *** Page 7: btreeInitPage() returns error code 11"


def journal_files(folder: Path) -> dict[str, bytes]:
    """The database and its WAL, byte for byte (what a write would change)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.name.startswith(DB_NAME) and not p.name.endswith("-shm")}


def unclean_journal(folder: Path) -> None:
    """A journal with a case whose last session did not close cleanly (its WAL is left)."""
    with JournalService.open(folder) as svc:
        svc.set_setting("note", "before the crash")
    (folder / VERIFIED_NAME).unlink()
    (folder / (DB_NAME + "-wal")).write_bytes(b"")


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = db.quick_check

    def spy(path: Path) -> list[str]:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(db, "quick_check", spy)
    return calls


def test_it_opens_unchecked_readable_and_refuses_every_write(journal_dir: Path,
                                                              checks: list[Path]) -> None:
    unclean_journal(journal_dir)
    before = journal_files(journal_dir)
    checks.clear()
    svc = JournalService.open(journal_dir, defer_check=True)
    try:
        assert checks == []  # the check was not run on open
        assert svc.unchecked
        assert svc.read_only is not None and "being checked" in svc.read_only
        assert svc.get_setting("note") == "before the crash"
        with pytest.raises(StorageError, match="read-only"):
            svc.set_setting("note", "after")
        with pytest.raises(StorageError):
            svc.mark_notified([1])
    finally:
        svc.close()
    assert journal_files(journal_dir) == before  # not even a checkpoint
    assert not (journal_dir / VERIFIED_NAME).exists()  # never checked: nothing vouched for


def test_a_passed_check_makes_it_writable_and_backs_up(journal_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    unclean_journal(journal_dir)
    backups: list[Any] = []
    monkeypatch.setattr(opening, "backup_on_open", backups.append)
    outcome = opening.open_journal_for_use(journal_dir, backup=True, defer_check=True)
    svc = outcome.service
    assert outcome.ok and svc is not None and svc.unchecked
    assert backups == []  # not before the check
    assert svc.journal.run_check() == []
    assert opening.accept_checked(svc) == ""
    assert not svc.unchecked and svc.read_only is None
    assert len(backups) == 1
    svc.set_setting("note", "after")
    svc.close()
    assert (journal_dir / VERIFIED_NAME).is_file()
    with JournalService.open(journal_dir) as again:
        assert again.get_setting("note") == "after"


def test_a_clean_journal_needs_no_deferred_check(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:
        svc.set_setting("note", "x")
    with JournalService.open(journal_dir, defer_check=True) as svc:
        assert not svc.unchecked and svc.read_only is None


def test_without_defer_check_the_check_still_runs_on_open(journal_dir: Path,
                                                         checks: list[Path]) -> None:
    unclean_journal(journal_dir)
    checks.clear()
    with JournalService.open(journal_dir) as svc:
        assert not svc.unchecked
    assert len(checks) == 1


def test_a_failed_check_offers_the_backup_and_yes_restores_it(journal_dir: Path) -> None:
    unclean_journal(journal_dir)
    make_backup(journal_dir, "manual")
    svc = JournalService.open(journal_dir, defer_check=True)
    asked: list[opening.OpenOutcome] = []

    def yes(outcome: opening.OpenOutcome) -> bool:
        asked.append(outcome)
        return True

    outcome = opening.after_failed_check(svc, [PROBLEM], ask_restore=yes, backup=False)
    try:
        assert len(asked) == 1 and asked[0].kind == "damaged"
        assert "damaged" in asked[0].message and "btreeInitPage" in asked[0].message
        assert outcome.ok and outcome.service is not None
        assert "Restored the backup" in outcome.note
        assert outcome.service.read_only is None
        assert outcome.service.get_setting("note") == "before the crash"
    finally:
        if outcome.service is not None:
            outcome.service.close()


def test_a_failed_check_declined_touches_nothing(journal_dir: Path) -> None:
    unclean_journal(journal_dir)
    make_backup(journal_dir, "manual")
    svc = JournalService.open(journal_dir, defer_check=True)
    before = journal_files(journal_dir)
    outcome = opening.after_failed_check(svc, [PROBLEM], ask_restore=lambda _o: False)
    assert outcome.kind == "declined" and outcome.service is None
    assert journal_files(journal_dir) == before


def test_a_failed_check_without_a_backup_is_the_damaged_outcome(journal_dir: Path) -> None:
    unclean_journal(journal_dir)
    svc = JournalService.open(journal_dir, defer_check=True)
    outcome = opening.after_failed_check(svc, [PROBLEM], ask_restore=lambda _o: True)
    assert outcome.kind == "damaged" and outcome.offer is None
    assert "No sound backup" in outcome.explain()
