"""A journal opened in a folder iCloud may sync: marked not to sync and one warning, once per
folder (macOS substituted on Linux: the system, the home folder and the xattr command)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from headway_journal import platform
from headway_journal.journal.service import JournalService
from headway_journal.ui import cloud_notice


@pytest.fixture
def mac(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[Any]]:
    """The platform layer as on a Mac whose home is tmp_path/home; records xattr and boxes."""
    seen: dict[str, list[Any]] = {"xattr": [], "boxes": []}
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(platform, "current_system", lambda *_a: platform.System.MACOS)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))

    def run(command: list[str], **_kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        seen["xattr"].append(command)
        return subprocess.CompletedProcess(command, 0, b"", b"")

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _p, title, text, *a, **k: seen["boxes"].append((title, text))))
    return seen


def test_a_journal_in_documents_is_marked_and_said_once(
        qtbot: Any, make_window: Any, tmp_path: Path, mac: dict[str, list[Any]]) -> None:
    folder = tmp_path / "home" / "Documents" / "my journal"
    with JournalService.open(folder) as svc:
        window = make_window(svc)
        said = cloud_notice.warn_if_cloud_synced(window)
        assert said is not None
        [(title, text)] = mac["boxes"]
        assert title == "Journal in a synced folder"
        assert str(folder) in text and "Documents folder" in text
        assert "Desktop & Documents Folders" in text
        assert "has asked iCloud not to sync this folder" in text
        assert mac["xattr"] == [["/usr/bin/xattr", "-w", "com.apple.fileprovider.ignore#P", "1",
                                 str(folder)]]
        # once per folder: the next open marks it again, silently
        assert cloud_notice.warn_if_cloud_synced(window) is None
        assert len(mac["boxes"]) == 1 and len(mac["xattr"]) == 2
        window.close()


def test_icloud_drive_is_named(qtbot: Any, make_window: Any, tmp_path: Path,
                               mac: dict[str, list[Any]]) -> None:
    folder = tmp_path / "home" / "Library" / "Mobile Documents" / "com~apple~CloudDocs" / "j"
    with JournalService.open(folder) as svc:
        window = make_window(svc)
        said = cloud_notice.warn_if_cloud_synced(window)
        assert said is not None and "inside iCloud Drive" in said
        window.close()


def test_the_default_place_says_nothing(qtbot: Any, make_window: Any, tmp_path: Path,
                                        mac: dict[str, list[Any]]) -> None:
    folder = tmp_path / "home" / "Library" / "Application Support" / "headway-journal" / "journal"
    with JournalService.open(folder) as svc:
        window = make_window(svc)
        assert cloud_notice.warn_if_cloud_synced(window) is None
        assert mac["boxes"] == [] and mac["xattr"] == []
        window.close()


def test_starting_the_app_on_such_a_journal_warns(qtbot: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  mac: dict[str, list[Any]]) -> None:
    from PySide6.QtWidgets import QApplication

    from headway_journal.journal import opening
    from headway_journal.ui import app as ui_app

    def exec_until_warned(*_args: object) -> int:
        qtbot.waitUntil(lambda: bool(mac["boxes"]), timeout=10_000)
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_warned)
    monkeypatch.setattr(opening, "backup_on_open", lambda _journal: None)
    folder = tmp_path / "home" / "Desktop" / "journal"
    assert ui_app.run_gui(folder) == 0
    [(_title, text)] = mac["boxes"]
    assert str(folder) in text and "Desktop folder" in text


def test_onedrive_on_windows_is_said_once_without_a_mark(
        qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        mac: dict[str, list[Any]]) -> None:
    monkeypatch.setenv("OneDrive", str(tmp_path / "OneDrive"))
    folder = tmp_path / "OneDrive" / "Documents" / "journal"
    monkeypatch.setattr(platform, "current_system", lambda *_a: platform.System.LINUX)
    with JournalService.open(folder) as svc:  # the folder lock is this system's
        window = make_window(svc)
        monkeypatch.setattr(platform, "current_system", lambda *_a: platform.System.WINDOWS)
        said = cloud_notice.warn_if_cloud_synced(window)
        assert said is not None and "inside OneDrive" in said
        assert "could not ask the system not to sync this folder" in said
        assert mac["xattr"] == []  # nothing to run on Windows
        assert cloud_notice.warn_if_cloud_synced(window) is None
        assert len(mac["boxes"]) == 1
        window.close()
