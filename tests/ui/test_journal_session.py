"""The window's journal session: a restore reopens the journal and announces it once
(``service_replaced``); every part of the window then reads the reopened journal."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from headway_journal.journal import backup as jbackup
from headway_journal.journal.records import ContactInput
from headway_journal.journal.service import JournalService

WAIT = 20_000


@pytest.fixture
def boxes(record_boxes: Any) -> dict[str, list[str]]:
    return record_boxes("warning", "information", "critical")


def _backup_then_a_contact(service: JournalService, case_id: int) -> Path:
    made = jbackup.BackupManager(service.journal).make("manual")
    service.log_contact(case_id, ContactInput(
        started_at=datetime.now().astimezone() - timedelta(minutes=5),
        channel="phone", rep_name="After The Backup", summary="Logged after the backup."))
    return made


def test_a_restore_hands_the_reopened_journal_to_every_part_once(
        qtbot: Any, window: Any, service: JournalService, sample: Any,
        boxes: dict[str, list[str]]) -> None:
    made = _backup_then_a_contact(service, sample.billing)
    window.select_case(sample.billing)
    replaced: list[JournalService] = []
    window.session.service_replaced.connect(replaced.append)
    assert window.restore_backup(made) is True
    fresh = window.service
    try:
        assert replaced == [fresh] and fresh is not service
        parts = (window.session, window.case_model, window.case_pane, window.welcome,
                 window.overdue)
        assert all(part.service is fresh for part in parts)
        assert not any(c.rep_name == "After The Backup" for c in window.case_pane.case.contacts)
        assert "Restored the backup" in window.statusBar().currentMessage()
        assert window.notify_timer.isActive() and window.backup_timer.isActive()
        with qtbot.waitSignal(window.overdue.checked, timeout=WAIT):
            assert window.check_overdue()  # the overdue check reads the reopened journal
        assert not boxes["warning"] and not boxes["critical"]
    finally:
        window.close()
        window.wait_for_checks()
        fresh.close()


def test_a_journal_that_cannot_be_reopened_closes_the_window_unannounced(
        window: Any, service: JournalService, sample: Any, boxes: dict[str, list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    made = _backup_then_a_contact(service, sample.billing)
    replaced: list[JournalService] = []
    window.session.service_replaced.connect(replaced.append)

    def broken_disk(*_args: Any, **_kwargs: Any) -> JournalService:
        raise OSError(5, "Input/output error")

    restore = jbackup.restore_journal

    def restore_then_fail(folder: Path, backup: Path) -> jbackup.RestoreResult:
        result = restore(folder, backup)  # proves the backup opens, then the disk fails
        monkeypatch.setattr(JournalService, "open", broken_disk)
        return result

    monkeypatch.setattr(jbackup, "restore_journal", restore_then_fail)
    assert window.restore_backup(made) is False
    assert replaced == []
    [critical] = boxes["critical"]
    assert "The backup was restored, but the journal" in critical
    assert "could not be opened again" in critical
    assert not window.isVisible()
    assert not window.notify_timer.isActive() and not window.backup_timer.isActive()
