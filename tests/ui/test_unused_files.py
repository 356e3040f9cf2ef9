"""File > Remove unused exhibit files…: lists the orphan files, removes them only after Yes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QMessageBox

from headway_journal.journal.service import JournalService

if TYPE_CHECKING:
    from conftest import Sample


def objects(svc: JournalService) -> set[str]:
    return set(svc.store.iter_hashes())


def menu_action(window: Any, text: str) -> Any:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {"question": [], "information": [], "answer": None}

    def question(_parent: Any, title: str, text: str, *_a: Any) -> Any:
        seen["question"].append((title, text))
        return seen["answer"]

    def information(_parent: Any, title: str, text: str, *_a: Any) -> Any:
        seen["information"].append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return seen


def test_the_file_menu_lists_orphans_and_removes_them_after_yes(
    window: Any, service: JournalService, sample: Sample, boxes: dict[str, Any]
) -> None:
    service.add_attachment(sample.billing, b"a receipt " * 30, original_name="receipt.txt")
    used = objects(service)
    assert len(used) == 1
    orphans = [service.store.add_bytes(f"left by a crash {i}".encode() * 40, original_name="x")
               for i in range(3)]
    action = menu_action(window, "Remove unused exhibit files…")
    assert action.isEnabled()

    boxes["answer"] = QMessageBox.StandardButton.No
    action.trigger()
    title, text = boxes["question"][-1]
    assert title == "Remove unused exhibit files"
    assert "3 files" in text and "used by no exhibit" in text
    for blob in orphans:
        assert f"{blob.sha256[:2]}/{blob.sha256[2:14]}" in text
    assert objects(service) == used | {b.sha256 for b in orphans}  # No: nothing removed
    assert "No exhibit files were removed" in window.statusBar().currentMessage()

    boxes["answer"] = QMessageBox.StandardButton.Yes
    action.trigger()
    assert objects(service) == used  # every exhibit of the sample keeps its file
    assert "Removed 3 unused exhibit files" in window.statusBar().currentMessage()
    assert service.check() == []

    action.trigger()  # nothing left: it says so, and asks nothing
    assert len(boxes["question"]) == 2
    assert "no unused exhibit files" in boxes["information"][-1][1]


def test_missing_files_are_mentioned(
    window: Any, service: JournalService, sample: Sample, boxes: dict[str, Any]
) -> None:
    aid = service.add_attachment(sample.billing, b"a letter " * 30, original_name="letter.txt")
    victim = service.attachment(aid)
    Path(service.store.path_for(victim.sha256)).unlink()
    menu_action(window, "Remove unused exhibit files…").trigger()
    text = boxes["information"][-1][1]
    assert "no file in the store" in text and victim.original_name in text


def test_disabled_while_files_are_being_attached(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(window.attachments), "busy", property(lambda _self: True))
    window.update_actions()
    assert not menu_action(window, "Remove unused exhibit files…").isEnabled()
    assert window.remove_unused_files() == 0
    monkeypatch.undo()  # else closing the window waits for the "busy" copies to finish


def test_a_full_disk_while_the_window_attaches_leaves_no_orphan(
    window: Any, service: JournalService, sample: Sample, qtbot: Any, tmp_path: Path
) -> None:
    import sqlite3

    from sqlalchemy import event

    def full(_conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ATTACHMENTS"):
            raise sqlite3.OperationalError("database or disk is full")

    window.select_case(sample.billing)
    src = tmp_path / "bank letter.txt"
    src.write_text("Dear customer, " * 50)
    failures: list[str] = []
    window.attachments.failed.connect(failures.append)
    event.listen(service.journal.engine, "before_cursor_execute", full)
    try:
        assert window.attach_files([src]) == 1
        qtbot.waitUntil(lambda: bool(failures) and not window.attachments.busy, timeout=10000)
    finally:
        event.remove(service.journal.engine, "before_cursor_execute", full)
    assert "disk is full" in failures[-1]
    assert objects(service) == set()
    assert service.get_case(sample.billing).attachments == ()
