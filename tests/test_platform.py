"""The platform layer: every system's branch, run here by substituting the system."""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import types
from pathlib import Path

import pytest

from headway_journal import platform
from headway_journal.journal.db import FolderLock, JournalLocked
from headway_journal.journal.folder_safety import secure_journal_folder
from headway_journal.journal.interrupts import CLI_SIGNALS
from headway_journal.journal.readonly import SharedLock
from headway_journal.platform import FileLock, LockBusy, System

ALL = list(System)


class FakeMsvcrt(types.SimpleNamespace):
    """Windows' msvcrt.locking, byte-range and exclusive, shared by every 'process' here."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        super().__init__()
        self.held: dict[tuple[int, int], int] = {}
        self.offsets: list[int] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        self.offsets.append(offset)
        key = (os.fstat(fd).st_ino, offset)
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise OSError(errno.EACCES, "not locked")
            del self.held[key]
            return
        if key in self.held:
            raise OSError(errno.EACCES, "Permission denied")  # what _locking says
        self.held[key] = fd


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """The running system is Windows (with a stand-in msvcrt)."""
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(platform, "current_system", lambda *_a: System.WINDOWS)
    return fake


@pytest.mark.parametrize(("name", "system"), [
    ("linux", System.LINUX), ("win32", System.WINDOWS), ("cygwin", System.WINDOWS),
    ("darwin", System.MACOS), ("freebsd14", System.LINUX)])
def test_current_system_from_sys_platform(name: str, system: System) -> None:
    assert platform.current_system(name) is system


def test_current_system_default_is_the_running_one() -> None:
    assert platform.current_system() is platform.current_system(sys.platform)


# -- signals ------------------------------------------------------------------------------

def test_sighup_is_caught_where_it_exists_and_never_asked_for_on_windows() -> None:
    assert signal.SIGHUP in platform.quit_signals(System.LINUX)
    assert signal.SIGHUP in platform.quit_signals(System.MACOS)
    assert platform.quit_signals(System.WINDOWS) == (signal.SIGTERM, signal.SIGINT)


def test_quit_signals_skip_what_the_interpreter_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(signal, "SIGHUP")  # as on Windows' Python
    assert platform.quit_signals(System.LINUX) == (signal.SIGTERM, signal.SIGINT)


def test_the_cli_and_the_window_catch_the_platform_signals() -> None:
    from headway_journal.ui.shutdown import QUIT_SIGNALS

    assert set(CLI_SIGNALS) == set(platform.quit_signals()) == set(QUIT_SIGNALS)


# -- the system viewer ----------------------------------------------------------------------

def test_viewer_command_per_system(tmp_path: Path) -> None:
    doc = tmp_path / "case file.pdf"
    assert platform.viewer_command(doc, System.LINUX) == ["xdg-open", str(doc)]
    assert platform.viewer_command(doc, System.MACOS) == ["open", "--", str(doc)]
    assert platform.viewer_command(doc, System.WINDOWS) is None


def test_open_in_viewer_runs_the_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ran: list[list[str]] = []
    monkeypatch.setattr(platform.subprocess, "Popen", lambda cmd, **_kw: ran.append(cmd))
    assert platform.open_in_viewer(tmp_path / "a.pdf", system=System.MACOS)
    assert ran == [["open", "--", str(tmp_path / "a.pdf")]]


def test_open_in_viewer_on_windows_uses_startfile(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    started: list[str] = []
    monkeypatch.setattr(os, "startfile", started.append, raising=False)
    assert platform.open_in_viewer(tmp_path / "a.pdf", system=System.WINDOWS)
    assert started == [str(tmp_path / "a.pdf")]


def test_open_in_viewer_says_false_when_there_is_no_viewer(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    def missing(*_a: object, **_kw: object) -> None:
        raise FileNotFoundError("xdg-open")

    monkeypatch.setattr(platform.subprocess, "Popen", missing)
    assert not platform.open_in_viewer(tmp_path / "a.pdf", system=System.LINUX)
    monkeypatch.delattr(os, "startfile", raising=False)
    assert not platform.open_in_viewer(tmp_path / "a.pdf", system=System.WINDOWS)


# -- the single-instance name ---------------------------------------------------------------

def test_server_name_is_a_runtime_socket_on_linux(tmp_path: Path) -> None:
    name = platform.server_name("abc", system=System.LINUX, runtime_dir=str(tmp_path))
    assert Path(name).parent == tmp_path
    assert Path(name).name.startswith("headway-journal-") and name.endswith("-abc")


@pytest.mark.parametrize("system", [System.WINDOWS, System.MACOS])
def test_server_name_is_a_plain_name_elsewhere(system: System, tmp_path: Path) -> None:
    name = platform.server_name("abc", system=system, runtime_dir=str(tmp_path))
    assert "/" not in name and "\\" not in name and name.endswith("-abc")


def test_server_name_falls_back_when_the_socket_path_is_too_long(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 120)
    deep.mkdir()
    name = platform.server_name("abc", system=System.LINUX, runtime_dir=str(deep))
    assert "/" not in name


def test_windows_user_id_is_the_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "ana")
    assert platform.user_id(System.WINDOWS) == "ana"
    assert platform.server_name("abc", system=System.WINDOWS) == "headway-journal-ana-abc"


# -- private folders and files ----------------------------------------------------------------

@pytest.mark.parametrize("system", [System.LINUX, System.MACOS])
def test_private_folder_is_0700_on_posix_whatever_the_umask(system: System,
                                                            tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        platform.make_private_dir(tmp_path / "a" / "journal", system=system)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a" / "journal").stat().st_mode) == 0o700


def test_windows_relies_on_the_profile_acl(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    calls: list[object] = []
    monkeypatch.setattr(os, "chmod", lambda *a, **_k: calls.append(a))
    monkeypatch.setattr(os, "fchmod", lambda *a, **_k: calls.append(a))
    platform.make_private_dir(tmp_path / "journal", system=System.WINDOWS)
    platform.chmod_private(tmp_path / "journal", system=System.WINDOWS)
    platform.fchmod_private(0, system=System.WINDOWS)
    assert (tmp_path / "journal").is_dir()
    assert calls == []
    assert not platform.has_file_modes(System.WINDOWS)
    assert platform.has_file_modes(System.MACOS) and platform.has_file_modes(System.LINUX)


def test_folder_safety_has_nothing_to_check_on_windows(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    monkeypatch.setattr("headway_journal.journal.folder_safety.current_uid", lambda: 4242)
    monkeypatch.setattr(platform, "current_system", lambda *_a: System.WINDOWS)
    secure_journal_folder(folder)  # uid and mode bits mean nothing there: no refusal
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777


# -- the folder lock ---------------------------------------------------------------------------

@pytest.mark.parametrize("system", [System.LINUX, System.MACOS])
def test_posix_lock_is_exclusive_and_names_the_holder(system: System, tmp_path: Path) -> None:
    first = FileLock(tmp_path / "journal.lock", system=system)
    assert first.acquire()
    with pytest.raises(LockBusy) as busy:
        FileLock(tmp_path / "journal.lock", system=system).acquire()
    assert busy.value.holder == str(os.getpid())
    with pytest.raises(LockBusy):
        FileLock(tmp_path / "journal.lock", shared=True, system=system).acquire()
    first.release()
    second = FileLock(tmp_path / "journal.lock", system=system)
    assert second.acquire()
    second.release()


def test_posix_readers_share_and_keep_writers_out(tmp_path: Path) -> None:
    (tmp_path / "journal.lock").write_text("")
    readers = [FileLock(tmp_path / "journal.lock", shared=True, system=System.LINUX)
               for _ in range(2)]
    assert all(r.acquire() for r in readers)
    with pytest.raises(LockBusy):
        FileLock(tmp_path / "journal.lock", system=System.LINUX).acquire()
    for r in readers:
        r.release()


@pytest.mark.parametrize("system", ALL)
def test_shared_lock_without_a_lock_file_holds_nothing(system: System, tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "journal.lock", shared=True, system=system,
                    msvcrt=FakeMsvcrt())
    assert not lock.acquire()
    assert not lock.held and not (tmp_path / "journal.lock").exists()
    lock.release()


def test_windows_lock_is_exclusive_past_the_holder_id(tmp_path: Path) -> None:
    fake = FakeMsvcrt()
    first = FileLock(tmp_path / "journal.lock", system=System.WINDOWS, msvcrt=fake)
    assert first.acquire()
    assert fake.offsets == [platform.WINDOWS_LOCK_OFFSET]
    with pytest.raises(LockBusy) as busy:
        FileLock(tmp_path / "journal.lock", system=System.WINDOWS, msvcrt=fake).acquire()
    assert busy.value.holder == str(os.getpid())  # the id is outside the locked byte
    first.release()
    assert fake.held == {}
    again = FileLock(tmp_path / "journal.lock", system=System.WINDOWS, msvcrt=fake)
    assert again.acquire()
    again.release()


def test_windows_reader_checks_for_a_writer_and_holds_nothing(tmp_path: Path) -> None:
    fake = FakeMsvcrt()
    writer = FileLock(tmp_path / "journal.lock", system=System.WINDOWS, msvcrt=fake)
    writer.acquire()
    with pytest.raises(LockBusy):
        FileLock(tmp_path / "journal.lock", shared=True, system=System.WINDOWS,
                 msvcrt=fake).acquire()
    writer.release()
    reader = FileLock(tmp_path / "journal.lock", shared=True, system=System.WINDOWS,
                      msvcrt=fake)
    assert not reader.acquire()
    assert fake.held == {}


def test_journal_in_use_message_on_windows(windows: FakeMsvcrt, tmp_path: Path) -> None:
    first = FolderLock(tmp_path)
    first.acquire()
    with pytest.raises(JournalLocked, match=rf"already open in another .*\(process {os.getpid()}\)"):
        FolderLock(tmp_path).acquire()
    with pytest.raises(JournalLocked, match="open for writing in another"):
        SharedLock(tmp_path).acquire()
    first.release()
    assert windows.held == {}
    FolderLock(tmp_path).acquire()


def test_journal_in_use_message_on_posix(tmp_path: Path) -> None:
    first = FolderLock(tmp_path)
    first.acquire()
    with pytest.raises(JournalLocked, match=rf"\(process {os.getpid()}\)"):
        FolderLock(tmp_path).acquire()
    with pytest.raises(JournalLocked, match="open for writing in another"):
        SharedLock(tmp_path).acquire()
    first.release()
    reader = SharedLock(tmp_path)
    reader.acquire()
    with pytest.raises(JournalLocked):
        FolderLock(tmp_path).acquire()
    reader.release()


def test_platform_never_imports_qt_or_the_app() -> None:
    source = Path(platform.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "from ." not in source


def test_ownership_means_uids_on_posix_only(tmp_path: Path) -> None:
    info = tmp_path.stat()
    assert platform.owned_by_me(info, System.LINUX) == (info.st_uid == os.getuid())
    foreign = os.stat_result((info.st_mode, 0, 0, 1, os.getuid() + 1, 0, 0, 0, 0, 0))
    assert not platform.owned_by_me(foreign, System.MACOS)
    assert platform.owned_by_me(foreign, System.WINDOWS)


def test_desktop_entries_are_for_linux_only() -> None:
    assert platform.uses_desktop_entries(System.LINUX)
    assert not platform.uses_desktop_entries(System.MACOS)
    assert not platform.uses_desktop_entries(System.WINDOWS)


def test_read_only_disk_check_per_system(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Info:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda _p: Info())
    assert platform.disk_is_read_only(tmp_path, System.LINUX)
    assert platform.disk_is_read_only(tmp_path, System.MACOS)
    assert not platform.disk_is_read_only(tmp_path, System.WINDOWS)  # the write probe decides
    monkeypatch.delattr(os, "statvfs")  # as on Windows' Python
    assert not platform.disk_is_read_only(tmp_path, System.LINUX)


def test_read_only_probe_works_without_statvfs(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from headway_journal.journal.readonly import probe_read_only

    monkeypatch.setattr(platform, "current_system", lambda *_a: System.WINDOWS)
    monkeypatch.delattr(os, "statvfs")
    assert probe_read_only(tmp_path) is None
    assert not list(tmp_path.iterdir())  # the probe file is gone


def test_time_zones_are_declared_for_windows() -> None:
    """Journals store IANA zone names (America/Los_Angeles): on Windows, where the system has
    no zone database, zoneinfo needs the tzdata package, so the project depends on it there."""
    import tomllib
    from pathlib import Path

    from packaging.requirements import Requirement

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    deps = [Requirement(d) for d in tomllib.loads(pyproject.read_text())["project"]["dependencies"]]
    [tz] = [d for d in deps if d.name == "tzdata"]
    assert tz.marker is not None
    assert tz.marker.evaluate({"sys_platform": "win32"})
    assert not tz.marker.evaluate({"sys_platform": "linux"})


def test_tesseract_is_looked_for_where_its_installers_put_it() -> None:
    env = {"ProgramFiles": r"D:\Apps", "LOCALAPPDATA": r"C:\Users\ana\AppData\Local"}
    assert platform.tesseract_locations(System.WINDOWS, env) == (
        r"D:\Apps\Tesseract-OCR\tesseract.exe",
        r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe",
        r"C:\Users\ana\AppData\Local\Programs\Tesseract-OCR\tesseract.exe")
    assert "/opt/homebrew/bin/tesseract" in platform.tesseract_locations(System.MACOS, {})
    assert platform.tesseract_locations(System.LINUX, {}) == ()
