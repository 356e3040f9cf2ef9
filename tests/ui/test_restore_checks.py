"""The window never restores a backup whose schema is not exactly its revision's: not from the
list, not from "Other file…", not when it offers a backup for a damaged journal on start."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from headway_journal.journal import backup as jbackup
from headway_journal.journal import opening
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService

TRIGGER = ("CREATE TRIGGER rewrite AFTER INSERT ON contacts BEGIN "
           "UPDATE contacts SET summary = 'nothing happened' WHERE id = new.id; END")


def _plant(db: Path, sql: str = TRIGGER) -> None:
    con = sqlite3.connect(db)
    con.execute(sql)
    con.commit()
    con.close()


@pytest.fixture
def boxes(record_boxes: Any) -> dict[str, list[str]]:
    return record_boxes("warning", "critical", "question", "information")


def test_other_file_with_a_planted_trigger_is_refused_before_asking(
        qtbot: Any, service: JournalService, tmp_path: Path, boxes: dict[str, list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.dialogs.restore_dialog import RestoreDialog

    copy = tmp_path / "from a stranger #1.sqlite3"
    jbackup.backup_to_file(service.folder, copy)
    _plant(copy)
    restored: list[Path] = []
    dialog = RestoreDialog(jbackup.BackupManager(service.journal),
                           lambda p: restored.append(p) or True)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(copy), "")))
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    text = dialog.message.text()
    assert dialog.message.isVisible()
    assert 'extra trigger "rewrite" on "contacts"' in text and "Nothing was changed" in text
    assert not boxes["question"] and not restored and dialog.restored is None


def test_a_planted_backup_in_the_list_shows_as_not_restorable(
        qtbot: Any, service: JournalService, boxes: dict[str, list[str]]) -> None:
    from headway_journal.ui.dialogs.restore_dialog import COL_SOUND, RestoreDialog

    made = jbackup.BackupManager(service.journal).make("manual")
    _plant(made, "CREATE VIEW everything AS SELECT * FROM cases")
    dialog = RestoreDialog(jbackup.BackupManager(service.journal), lambda p: True)
    qtbot.addWidget(dialog)
    dialog.show()
    item = dialog.tree.topLevelItem(0)
    assert item is not None and item.text(COL_SOUND) == "✗ damaged"
    assert 'extra view "everything"' in item.toolTip(COL_SOUND)
    assert not dialog.restore_button.isEnabled()


def test_window_restore_refuses_it_too_and_keeps_the_journal_open(
        qtbot: Any, window: Any, service: JournalService, boxes: dict[str, list[str]]) -> None:
    made = jbackup.BackupManager(service.journal).make("manual")
    _plant(made, "DROP INDEX ix_cases_status")
    assert window.restore_backup(made) is False
    assert window.service is service
    [warning] = boxes["warning"]
    assert 'index "ix_cases_status" on "cases" is missing' in warning
    assert "Nothing was changed" in warning


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, bytes, Path, Path]:
    """A damaged journal with a sound older backup and a newer one carrying a trigger."""
    from datetime import UTC, datetime, timedelta

    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        svc.create_case(CaseInput(title="Kept in the backup", organization_id=org.id,
                                  issue_type="billing", role="client"))
        sound = jbackup.make_backup(folder, "open", now=datetime.now(UTC) - timedelta(days=1))
        planted = jbackup.make_backup(folder, "open")
    _plant(planted)
    garbage = b"this is not an SQLite database " * 200
    (folder / "journal.sqlite3").write_bytes(garbage)
    return folder, garbage, sound, planted


def test_on_start_the_offer_skips_a_backup_with_a_planted_trigger(
        qapp: Any, damaged: tuple[Path, bytes, Path, Path], boxes: dict[str, list[str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui import app

    folder, garbage, sound, planted = damaged
    outcome = opening.open_or_explain(folder)
    assert outcome.kind == "damaged" and outcome.offer == sound  # not the newer, planted one
    for p in folder.joinpath("backups").iterdir():
        if p != planted:
            p.unlink()  # now the only backup left is the planted one
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    service, note = app.open_service(folder)
    assert service is None and note == ""
    assert not boxes["question"]  # nothing offered
    [critical] = boxes["critical"]
    assert "Nothing was changed" in critical
    assert {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_backup_that_does_not_open_is_not_restored_from_other_file(
        qtbot: Any, window: Any, service: JournalService, tmp_path: Path,
        boxes: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from headway_journal.ui.dialogs.restore_dialog import RestoreDialog

    fixtures = Path(__file__).resolve().parents[1] / "journal" / "fixtures"
    bad = tmp_path / "old journal.sqlite3"
    shutil.copyfile(fixtures / "journal-0001" / "journal.sqlite3", bad)
    _plant(bad, "UPDATE contacts SET started_at = 'sometime'")  # sound, exact schema, won't open
    assert jbackup.check_backup(bad) is None
    stats = service.stats()
    assert stats["cases"] > 0
    window.act_restore_backup.trigger()
    [dialog] = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert boxes["question"]  # asked, then the proof failed
    [warning] = boxes["warning"]
    assert "was not restored" in warning and "The journal was not changed" in warning
    assert "as it was" in dialog.message.text()
    fresh = window.service
    assert fresh is not service  # reopened on the same, unchanged journal
    assert fresh.stats() == stats
    assert not [p for p in fresh.folder.iterdir() if p.name.startswith(".restore-proof-")]
    assert not [b for b in jbackup.list_backups(fresh.folder) if b.reason == "before-restore"]
