"""The window on a read-only journal: a banner says why, everything that writes is greyed out,
reading, case files and "Back up to file…" still work, and closing writes nothing.

The read-only disk is simulated through ``readonly.probe_read_only`` (tests run as root);
SQLite really opens the database read-only (tests/journal/test_read_only.py has the rest)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QToolButton

from headway_journal.journal import opening, readonly
from headway_journal.journal.service import JournalService
from headway_journal.ui import read_only_mode

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

REASON = "the disk it is on is read-only"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


@pytest.fixture
def ro_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              sample_builder: Any) -> Iterator[tuple[Path, Any]]:
    """A journal with the sample cases (and an exhibit), then its disk 'goes read-only'."""
    build_sample = sample_builder
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        sample = build_sample(svc)
        svc.add_attachment(sample.billing, b"a receipt\n" * 20, original_name="receipt.txt")
    monkeypatch.setattr(readonly, "probe_read_only", lambda _folder: REASON)
    yield folder, sample


@pytest.fixture
def ro_window(qtbot: Any, ro_folder: tuple[Path, Sample],
              make_window: Any) -> Iterator[tuple[MainWindow, Sample, Path]]:
    folder, sample = ro_folder
    svc = JournalService.open(folder)
    assert svc.read_only == REASON
    win = make_window(svc)
    yield win, sample, folder
    win.close()
    svc.close()


def banner(window: Any) -> QLabel:
    label = window.findChild(QLabel, "read_only_banner")
    assert label is not None
    return label


def test_banner_says_why_and_what_still_works(ro_window: Any, tmp_path: Path) -> None:
    window, _sample, _folder = ro_window
    label = banner(window)
    assert label.isVisible()
    text = label.text()
    assert text.startswith(f"This journal is read-only: {REASON}.")
    assert "Nothing can be changed" in text
    assert "read, search, export and make case files" in text
    assert window.windowTitle().endswith("(read-only)")
    assert window.grab().save(str(tmp_path / "read-only-window.png"))
    if os.environ.get("HJ_SHOT"):
        window.grab().save(os.environ["HJ_SHOT"])


def test_actions_that_write_are_greyed_out_and_reading_ones_are_not(ro_window: Any) -> None:
    window, sample, _folder = ro_window
    assert window.select_case(sample.billing)
    window.update_actions()
    for name in read_only_mode.WRITE_ACTIONS:
        assert not getattr(window, name).isEnabled(), name
    assert not window.status_menu.isEnabled()
    for action in (window.act_case_file, window.act_preview_case_file, window.act_print,
                   window.act_export_ics, window.act_backup_file, window.act_find,
                   window.act_close, window.act_quit):
        assert action.isEnabled(), action.text()
    # the case pane: promise buttons, contact menus, the exhibits panel
    pane = window.case_pane
    assert pane.locked
    marks = [b for b in pane.findChildren(QPushButton)
             if b.accessibleName().startswith("Mark ")]
    assert marks and not any(b.isEnabled() for b in marks)
    menus = [b for b in pane.findChildren(QToolButton)
             if b.accessibleName() == "Contact actions"]
    assert menus and not any(b.isEnabled() for b in menus)
    panel = pane.exhibits
    assert not panel.attach_button.isEnabled() and not panel.capture_button.isEnabled()
    assert window.attach_target() is None
    assert window.attach_files([Path(__file__)]) == 0


def test_shortcuts_for_writing_do_nothing(
    ro_window: Any, qtbot: Any, fake_dialogs: Any
) -> None:
    window, sample, _folder = ro_window
    window.select_case(sample.billing)
    window.activateWindow()
    for key in (Qt.Key.Key_N, Qt.Key.Key_L, Qt.Key.Key_E):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs.CaseDialog.calls == []
    assert window.service.get_case(sample.billing).status != "deleted"


def test_reading_search_and_a_backup_to_another_disk_work(
    ro_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, sample, folder = ro_window
    before = snapshot(folder)
    window.search_box.setText("duplicate charge")
    window._apply_filter()
    assert window.case_model.rowCount() >= 1
    assert window.case_model.case_id(0) == sample.billing
    dest = tmp_path / "usb stick" / "copy.sqlite3"
    dest.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(dest), "")))
    assert window.backup_to_file() == dest
    assert dest.is_file()
    assert snapshot(folder) == before


def test_closing_makes_no_backup_and_writes_nothing(
    ro_folder: tuple[Path, Any], make_window: Any
) -> None:
    folder, _sample = ro_folder
    before = snapshot(folder)
    svc = JournalService.open(folder)
    window = make_window(svc)
    window.refresh()  # would mark the journal changed, asking for a closing backup
    assert window.periodic_backup() is None
    window.close()  # a failed closing backup would raise through no_real_message_boxes
    svc.close()
    assert snapshot(folder) == before


def test_the_app_opens_it_with_the_banner_and_no_startup_backup(
    ro_folder: tuple[Path, Any], monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from headway_journal.ui import app
    from headway_journal.ui.main_window import MainWindow

    folder, _sample = ro_folder
    before = snapshot(folder)
    seen: list[str] = []
    backups: list[Any] = []

    def exec_briefly(*_args: object) -> int:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        seen.append(banner(windows[0]).text())
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_briefly)
    monkeypatch.setattr(opening, "backup_on_open", backups.append)
    assert app.run_gui(folder) == 0
    assert len(seen) == 1 and seen[0].startswith("This journal is read-only")
    assert backups == []
    assert snapshot(folder) == before


def test_a_disk_that_goes_read_only_while_open_switches_the_window(
    window: Any, service: JournalService, sample: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel remounted the disk read-only: the first write fails, and from then on the
    window is in read-only mode (banner, greyed actions) instead of failing again and again."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import event

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *_a: warnings.append(text)))
    assert window.findChild(QLabel, "read_only_banner") is None
    window.select_case(sample.billing)

    def query_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(service.journal.engine, "connect", query_only)
    monkeypatch.setattr(readonly, "probe_read_only", lambda _folder: REASON)
    try:
        window.set_case_status("resolved")
    finally:
        event.remove(service.journal.engine, "connect", query_only)
    assert len(warnings) == 1 and "read-only" in warnings[0]
    assert banner(window).isVisible()
    assert service.read_only == REASON
    for name in read_only_mode.WRITE_ACTIONS:
        assert not getattr(window, name).isEnabled(), name
    assert window.case_pane.locked
    assert window.service.get_case(sample.billing).status != "resolved"


def test_a_case_file_is_made_from_a_read_only_journal(
    ro_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QMessageBox

    window, sample, folder = ro_window
    before = snapshot(folder)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *_a: warnings.append(text)))
    out = tmp_path / "case file.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(out), "PDF documents (*.pdf)")))
    window.select_case(sample.billing)
    assert window.act_case_file.isEnabled()
    dialog = window.export_case_file()
    assert dialog is not None  # the window owns it (and deletes it when it is closed)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=60000)
    assert not warnings
    assert out.is_file() and len(PdfReader(out).pages) >= 2
    dialog.close()
    assert snapshot(folder) == before
