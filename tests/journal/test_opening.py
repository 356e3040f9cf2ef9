"""Opening a journal as one flow (journal.opening.open_journal_for_use): the outcome says
what happened, a damaged journal's sound backup is restored only when the user says yes, and
the "open" backup is made (or its failure noted) once the journal is open."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal.journal import backup as bk
from headway_journal.journal import opening
from headway_journal.journal.db import DB_NAME
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService


def _damaged_with_backup(folder: Path) -> tuple[Path, bytes]:
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        svc.create_case(CaseInput(title="Kept in the backup", organization_id=org.id,
                                  issue_type="billing", role="client"))
        sound = bk.make_backup(folder, "close", now=datetime.now(UTC) - timedelta(hours=3))
    garbage = os.urandom(64 * 1024)
    (folder / DB_NAME).write_bytes(garbage)
    return sound, garbage


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_sound_journal_opens_with_its_open_backup(journal_dir: Path) -> None:
    with JournalService.open(journal_dir) as svc:  # made, so the next open has something
        bk.make_backup(journal_dir, "close", now=datetime.now(UTC) - timedelta(hours=2))
        assert svc.stats()["cases"] == 0
    out = opening.open_journal_for_use(journal_dir, backup=True)
    assert out.ok and out.service is not None and out.note == ""
    with out.service:
        reasons = [b.reason for b in bk.list_backups(journal_dir)]
    assert reasons.count("open") == 1
    again = opening.open_journal_for_use(journal_dir)  # backup=False: none made
    assert again.service is not None
    again.service.close()
    assert [b.reason for b in bk.list_backups(journal_dir)].count("open") == 1


def test_a_failed_open_backup_is_a_note_not_a_refusal(journal_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    JournalService.open(journal_dir).close()

    def full_disk(_journal: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(opening, "backup_on_open", full_disk)
    out = opening.open_journal_for_use(journal_dir, backup=True)
    assert out.ok and out.service is not None
    out.service.close()
    assert "start-up backup could not be made" in out.note
    assert "No space left on device" in out.note


def test_a_damaged_journal_is_restored_only_when_the_user_says_yes(journal_dir: Path) -> None:
    sound, garbage = _damaged_with_backup(journal_dir)
    before = _files(journal_dir)
    asked: list[opening.OpenOutcome] = []

    def say_no(outcome: opening.OpenOutcome) -> bool:
        asked.append(outcome)
        return False

    out = opening.open_journal_for_use(journal_dir, ask_restore=say_no, backup=True)
    assert out.kind == "declined" and out.service is None
    assert [a.offer for a in asked] == [sound]
    assert _files(journal_dir) == before  # nothing touched

    out = opening.open_journal_for_use(journal_dir, ask_restore=lambda _o: True, backup=True)
    assert out.ok and out.service is not None
    with out.service as svc:
        assert [c.title for c in svc.list_cases()] == ["Kept in the backup"]
    assert out.note.startswith("Restored the backup of ")
    kept = [b for b in bk.list_backups(journal_dir) if b.reason == bk.REPLACED]
    assert kept and kept[0].path.name in out.note
    assert kept[0].path.read_bytes() == garbage


def test_a_restore_that_fails_says_so_and_leaves_the_damaged_journal(
        journal_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _damaged_with_backup(journal_dir)
    before = _files(journal_dir)

    def refuse(_folder: Path, _backup: Path) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(opening, "restore_database", refuse)
    out = opening.open_journal_for_use(journal_dir, ask_restore=lambda _o: True)
    assert out.kind == "not_restored" and out.service is None
    assert "could not be restored: [Errno 30] Read-only file system" in out.message
    assert str(journal_dir / "backups") in out.message
    assert _files(journal_dir) == before


def test_without_a_question_a_damaged_journal_is_only_explained(journal_dir: Path) -> None:
    sound, _garbage = _damaged_with_backup(journal_dir)
    out = opening.open_journal_for_use(journal_dir, backup=True)
    assert out.kind == "damaged" and out.offer == sound and out.service is None


def test_local_when_is_local_time_or_says_unknown() -> None:
    moment = datetime(2026, 11, 26, 16, 49, tzinfo=UTC)
    assert opening.local_when(moment) == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    assert opening.local_when(None) == "date unknown"
