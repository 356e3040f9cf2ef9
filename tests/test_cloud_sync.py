"""macOS: the journal stays out of iCloud Drive by default, a journal in a synced folder is
marked not to sync. Run on Linux by substituting the platform layer (System, home, xattr)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import platformdirs.macos
import pytest

from headway_journal import platform
from headway_journal.platform import SyncedPlace, System


@pytest.mark.parametrize(("relative", "place"), [
    ("Library/Mobile Documents/com~apple~CloudDocs/journal", SyncedPlace.ICLOUD_DRIVE),
    ("Library/Mobile Documents", SyncedPlace.ICLOUD_DRIVE),
    ("Library/CloudStorage/Dropbox/cases", SyncedPlace.CLOUD_STORAGE),
    ("Desktop/journal", SyncedPlace.DESKTOP),
    ("Documents/Headway/journal", SyncedPlace.DOCUMENTS),
    ("documents/journal", SyncedPlace.DOCUMENTS),  # APFS is case-insensitive by default
    ("Library/Application Support/headway-journal/journal", None),
    ("Documents-old/journal", None),
    ("journal", None),
])
def test_synced_places_on_macos(tmp_path: Path, relative: str, place: SyncedPlace | None) -> None:
    folder = tmp_path / relative
    assert platform.cloud_synced_place(folder, System.MACOS, home=tmp_path) == place
    for other in (System.LINUX, System.WINDOWS):
        assert platform.cloud_synced_place(folder, other, home=tmp_path, environ={}) is None


def test_onedrive_on_windows(tmp_path: Path) -> None:
    onedrive = tmp_path / "OneDrive - Contoso"
    env = {"OneDriveCommercial": str(onedrive), "OneDrive": ""}
    for folder in (onedrive / "Documents" / "journal", tmp_path / "onedrive - contoso" / "j"):
        assert platform.cloud_synced_place(folder, System.WINDOWS, environ=env) is (
            SyncedPlace.ONEDRIVE)
    local = tmp_path / "AppData" / "Local" / "headway-journal" / "journal"
    assert platform.cloud_synced_place(local, System.WINDOWS, environ=env) is None
    assert platform.cloud_synced_place(onedrive, System.LINUX, environ=env) is None
    assert not platform.mark_not_synced(onedrive, System.WINDOWS)  # no such attribute there


def test_a_link_into_icloud_counts_as_icloud(tmp_path: Path) -> None:
    real = tmp_path / "Library" / "Mobile Documents" / "journal"
    real.mkdir(parents=True)
    (tmp_path / "elsewhere").symlink_to(real)
    assert platform.cloud_synced_place(tmp_path / "elsewhere", System.MACOS,
                                       home=tmp_path) is SyncedPlace.ICLOUD_DRIVE


def test_the_default_journal_folder_on_macos_is_not_synced(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)  # platformdirs honours it on macOS too
    default = Path(platformdirs.macos.MacOS("headway-journal", appauthor=False).user_data_dir)
    assert default == tmp_path / "Library" / "Application Support" / "headway-journal"
    assert platform.cloud_synced_place(default / "journal", System.MACOS, home=tmp_path) is None


def test_marking_uses_the_file_provider_ignore_attribute(tmp_path: Path) -> None:
    ran: list[list[str]] = []

    def run(command: list[str], **_kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        ran.append(command)
        return subprocess.CompletedProcess(command, 0, b"", b"")

    assert platform.mark_not_synced(tmp_path, System.MACOS, run=run)
    assert ran == [["/usr/bin/xattr", "-w", "com.apple.fileprovider.ignore#P", "1", str(tmp_path)]]
    assert not platform.mark_not_synced(tmp_path, System.LINUX, run=run)
    assert not platform.mark_not_synced(tmp_path, System.WINDOWS, run=run)
    assert len(ran) == 1

    def refused(command: list[str], **_kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(command, 1, b"", b"xattr: [Errno 1]")

    def missing(command: list[str], **_kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        raise FileNotFoundError(2, "No such file", command[0])

    assert not platform.mark_not_synced(tmp_path, System.MACOS, run=refused)
    assert not platform.mark_not_synced(tmp_path, System.MACOS, run=missing)
