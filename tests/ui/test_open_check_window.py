"""After an unclean exit the window opens at once, read-only, while the journal is checked in
the background (``ui.main_window.open_check``): editing comes back when the check passes; a
failed check says so and offers the newest sound backup, and nothing is written before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from headway_journal.journal import opening
from headway_journal.journal.backup import make_backup
from headway_journal.journal.db import DB_NAME, VERIFIED_NAME, Journal
from headway_journal.journal.service import JournalService
from headway_journal.ui import read_only_mode
from headway_journal.ui.main_window.open_check import OpenCheck

PROBLEM = "*** in database main *** Page 7: btreeInitPage() returns error code 11"


def journal_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.name.startswith(DB_NAME) and not p.name.endswith("-shm")}


def banner(window: Any) -> QLabel | None:
    return window.findChild(QLabel, "read_only_banner")  # type: ignore[no-any-return]


@pytest.fixture
def unclean(tmp_path: Path, sample_builder: Any) -> Path:
    """A journal with the sample cases whose last session ended without a clean close."""
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        sample_builder(svc)
    (folder / VERIFIED_NAME).unlink()
    (folder / (DB_NAME + "-wal")).write_bytes(b"")
    return folder


@pytest.fixture
def unchecked_window(qtbot: Any, unclean: Path,
                     make_window: Any) -> Iterator[tuple[Any, JournalService]]:
    svc = JournalService.open(unclean, defer_check=True)
    assert svc.unchecked
    win = make_window(svc)
    yield win, svc
    win.close()
    win.service.close()
    svc.close()


def test_shown_read_only_until_the_check_passes(unchecked_window: tuple[Any, JournalService],
                                                qtbot: Any) -> None:
    win, svc = unchecked_window
    label = banner(win)
    assert label is not None and "being checked" in label.text()
    assert win.windowTitle().endswith(read_only_mode.TITLE_SUFFIX)
    assert not win.act_new_case.isEnabled() and not win.act_log_contact.isEnabled()
    assert win.case_model.rowCount() > 0  # the cases can be read meanwhile

    check = OpenCheck(win, backup=False)
    with qtbot.waitSignal(check.passed, timeout=10_000):
        assert check.start()
    assert banner(win) is None
    assert not win.windowTitle().endswith(read_only_mode.TITLE_SUFFIX)
    assert win.act_new_case.isEnabled()
    assert win.act_new_case.statusTip() == "" or "read-only" not in win.act_new_case.statusTip()
    assert not svc.unchecked and svc.read_only is None
    assert "passed" in win.statusBar().currentMessage()
    svc.set_setting("after", "the check")  # writable now
    assert svc.get_setting("after") == "the check"


def test_a_failed_check_offers_the_backup_and_shows_the_restored_journal(
    unclean: Path, qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_backup(unclean, "manual")
    monkeypatch.setattr(Journal, "run_check", lambda _self: [PROBLEM])
    asked: list[str] = []

    def yes(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    svc = JournalService.open(unclean, defer_check=True)
    win = make_window(svc)
    try:
        check = OpenCheck(win, backup=False)
        with qtbot.waitSignal(check.failed, timeout=10_000) as got:
            check.start()
        assert "damaged" in got.args[0] and "btreeInitPage" in got.args[0]
        assert len(asked) == 1 and "Restore the newest sound backup" in asked[0]
        assert win.isVisible() and win.service is not svc
        assert win.service.read_only is None and banner(win) is None
        assert win.act_new_case.isEnabled()
        assert "Restored the backup" in win.statusBar().currentMessage()
        assert win.case_model.rowCount() > 0
    finally:
        win.close()
        win.service.close()


def test_a_failed_check_declined_closes_the_window_and_writes_nothing(
    unclean: Path, qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_backup(unclean, "manual")
    monkeypatch.setattr(Journal, "run_check", lambda _self: [PROBLEM])
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.No)
    svc = JournalService.open(unclean, defer_check=True)
    before = journal_files(unclean)
    win = make_window(svc)
    check = OpenCheck(win, backup=False)
    with qtbot.waitSignal(check.failed, timeout=10_000):
        check.start()
    qtbot.waitUntil(lambda: not win.isVisible())
    assert journal_files(unclean) == before
    assert not (unclean / VERIFIED_NAME).exists()


def test_a_failed_check_without_a_backup_says_the_journal_is_damaged(
    unclean: Path, qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Journal, "run_check", lambda _self: [PROBLEM])
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, title, text, *_a: said.append((title, text)))
    svc = JournalService.open(unclean, defer_check=True)
    before = journal_files(unclean)
    win = make_window(svc)
    check = OpenCheck(win, backup=False)
    with qtbot.waitSignal(check.failed, timeout=10_000):
        check.start()
    assert len(said) == 1 and said[0][0] == "Journal damaged"
    assert "Nothing was changed" in said[0][1]
    qtbot.waitUntil(lambda: not win.isVisible())
    assert journal_files(unclean) == before


def test_the_app_shows_the_window_before_checking(
    unclean: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway_journal.ui import app
    from headway_journal.ui.main_window import MainWindow

    backups: list[Any] = []
    monkeypatch.setattr(opening, "backup_on_open", backups.append)
    seen: dict[str, Any] = {}

    def exec_until_checked(*_args: object) -> int:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        win = windows[0]
        seen["read_only_at_first"] = banner(win) is not None and win.service.unchecked
        seen["backups_before"] = len(backups)
        qtbot.waitUntil(lambda: not win.service.unchecked, timeout=10_000)
        seen["banner_after"] = banner(win)
        seen["new_case_after"] = win.act_new_case.isEnabled()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_checked)
    assert app.run_gui(unclean) == 0
    assert seen == {"read_only_at_first": True, "backups_before": 0, "banner_after": None,
                    "new_case_after": True}
    assert len(backups) == 1  # the "open" backup, once the check passed
    assert (unclean / VERIFIED_NAME).is_file()  # closed cleanly after a passed check


def test_a_passed_check_whose_seeding_fails_still_enables_editing_and_says_why(
    unchecked_window: tuple[Any, JournalService], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway_journal.journal.records import StorageError

    win, svc = unchecked_window

    def full_disk() -> None:
        raise StorageError("The disk is full.")

    monkeypatch.setattr(svc, "seed_defaults", full_disk)
    check = OpenCheck(win, backup=False)
    with qtbot.waitSignal(check.passed, timeout=10_000):
        check.start()
    message = win.statusBar().currentMessage()
    assert "passed its integrity check, but" in message and "disk is full" in message
    assert banner(win) is None and win.act_new_case.isEnabled()
