"""Every difference between Windows, macOS and Linux, in one place.

The rest of the app asks this module instead of testing ``sys.platform`` or importing
``fcntl``/``msvcrt`` itself. Each function takes an optional ``system`` (a ``System``), so the
Windows and macOS branches run in the tests on Linux by passing it (and, for the lock, a stand-in
for ``msvcrt``); without it, the running system is used.

- Locking the journal folder: ``FileLock`` (POSIX ``flock``; Windows ``msvcrt.locking`` on a
  byte far past the holder's process id, so others can still read who holds it). Shared locks
  exist on POSIX only: on Windows a shared (read-only) lock only checks that no writer holds the
  file and then holds nothing (a read-only disk has no writer anyway).
- Private folders and files: 0700/0600 on POSIX. On Windows file modes only toggle the
  read-only flag; privacy relies on the user profile's ACL (the default journal folder is in
  %LOCALAPPDATA%, readable by its user, SYSTEM and administrators only), so no ACL is changed
  and ownership checks (uid, group/other bits) do not apply.
- Quit signals: SIGHUP where it exists (not on Windows), SIGTERM, SIGINT.
- A read-only disk: `statvfs` on POSIX; on Windows the write probe in `journal.readonly` decides.
- Opening a file in the system viewer: ``os.startfile`` on Windows, ``open`` on macOS,
  ``xdg-open`` elsewhere. Every "open in the system viewer" of the window goes through
  ``open_in_viewer`` (no QDesktopServices), so tests substitute this layer.
- Folders a cloud service syncs (macOS): ``cloud_synced_place`` names iCloud Drive
  (~/Library/Mobile Documents), the Desktop and Documents folders (which iCloud's "Desktop &
  Documents Folders" may sync) and ~/Library/CloudStorage (Dropbox, OneDrive, Google Drive);
  ``mark_not_synced`` sets the ``com.apple.fileprovider.ignore#P`` extended attribute that
  asks the File Provider (iCloud Drive on macOS 12+) not to sync the folder. On Windows the
  OneDrive folders count (no attribute keeps a folder out of OneDrive). The default journal
  folders (~/Library/Application Support, %LOCALAPPDATA%) are synced by neither.
- The single-instance server name: a socket file in XDG_RUNTIME_DIR on Linux when the path is
  short enough; a plain name elsewhere (a named pipe on Windows, Qt's temporary folder on macOS).

This module never imports Qt nor anything of the app.
"""

from __future__ import annotations

import errno
import importlib
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from contextlib import suppress
from enum import StrEnum
from pathlib import Path, PureWindowsPath
from typing import Any

__all__ = [
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "FileLock",
    "LockBusy",
    "SyncedPlace",
    "System",
    "chmod_private",
    "current_system",
    "disk_is_read_only",
    "fchmod_private",
    "has_file_modes",
    "cloud_synced_place",
    "make_private_dir",
    "mark_not_synced",
    "open_in_viewer",
    "owned_by_me",
    "quit_signals",
    "receives_file_open_events",
    "server_name",
    "user_id",
    "uses_desktop_entries",
    "viewer_command",
]

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# sockaddr_un.sun_path is 108 bytes on Linux and 104 on macOS; stay well below both.
MAX_SOCKET_PATH = 100
# Windows locks a byte range; this byte is far past the process id written at the start.
WINDOWS_LOCK_OFFSET = 1 << 30


class System(StrEnum):
    LINUX = "linux"
    MACOS = "macos"
    WINDOWS = "windows"


def current_system(sys_platform: str | None = None) -> System:
    """The system named by ``sys_platform`` (default: the running one); BSDs count as Linux."""
    name = sys.platform if sys_platform is None else sys_platform
    if name.startswith(("win32", "cygwin", "msys")):
        return System.WINDOWS
    if name == "darwin":
        return System.MACOS
    return System.LINUX


def _system(system: System | None) -> System:
    return current_system() if system is None else system


def is_posix(system: System | None = None) -> bool:
    return _system(system) is not System.WINDOWS


# -- private folders and files -------------------------------------------------------------

def has_file_modes(system: System | None = None) -> bool:
    """True where 0700/0600 and owner ids mean something (POSIX); False on Windows."""
    return is_posix(system)


def make_private_dir(path: Path, *, system: System | None = None) -> None:
    """Create ``path`` (and its parents) readable by its owner alone: 0700 on POSIX; on
    Windows the folder inherits the user profile's ACL."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if has_file_modes(system):
        with suppress(OSError):
            os.chmod(path, PRIVATE_DIR_MODE)


def chmod_private(path: Path, mode: int = PRIVATE_FILE_MODE, *,
                  system: System | None = None) -> None:
    """Set ``mode`` on an existing entry (best effort); nothing on Windows."""
    if has_file_modes(system):
        with suppress(OSError):
            os.chmod(path, mode)


def fchmod_private(fd: int, mode: int = PRIVATE_FILE_MODE, *,
                   system: System | None = None) -> None:
    """Set ``mode`` on an open file exactly (the umask can only have removed bits); nothing on
    Windows. Raises OSError as ``os.fchmod`` does."""
    if has_file_modes(system) and hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def owned_by_me(st: os.stat_result, system: System | None = None) -> bool:
    """True when the entry ``st`` describes is the user's own; always on Windows (no uids:
    the user's temporary and profile folders are theirs by their ACL)."""
    if not has_file_modes(system) or not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid()


def uses_desktop_entries(system: System | None = None) -> bool:
    """True where freedesktop.org .desktop files and XDG folders apply (Linux and BSDs)."""
    return _system(system) is System.LINUX


def receives_file_open_events(system: System | None = None) -> bool:
    """True where the system hands files to the running app as events (macOS: the Finder, the
    Dock and "Open With" send Qt's QFileOpenEvent) rather than on the command line (Windows'
    "%1", the desktop entry's %f on Linux)."""
    return _system(system) is System.MACOS


def disk_is_read_only(folder: Path, system: System | None = None) -> bool:
    """True when the file system holding ``folder`` is mounted read-only (POSIX ``statvfs``).
    Windows has no ``statvfs``: False there, and the write probe that follows decides.
    Raises OSError when ``folder`` cannot be examined."""
    if not is_posix(system) or not hasattr(os, "statvfs"):
        return False
    return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)


def user_id(system: System | None = None) -> str:
    """Who runs the app: the uid on POSIX, the login name on Windows."""
    if is_posix(system) and hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass  # noqa: PLC0415 - only Windows needs it

    return getpass.getuser()


# -- signals -------------------------------------------------------------------------------

_QUIT_SIGNAL_NAMES = {
    System.LINUX: ("SIGTERM", "SIGHUP", "SIGINT"),
    System.MACOS: ("SIGTERM", "SIGHUP", "SIGINT"),
    System.WINDOWS: ("SIGTERM", "SIGINT"),
}


def quit_signals(system: System | None = None) -> tuple[signal.Signals, ...]:
    """The signals that mean "quit" (a logout, ``kill``, a closed terminal, Ctrl+C) on
    ``system`` that the running interpreter knows, in the order SIGTERM, SIGHUP, SIGINT."""
    names = _QUIT_SIGNAL_NAMES[_system(system)]
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


# -- the system viewer ---------------------------------------------------------------------

def viewer_command(path: Path, system: System | None = None) -> list[str] | None:
    """The command that opens ``path`` in the desktop's viewer; None on Windows (the shell's
    ``os.startfile`` opens it)."""
    match _system(system):
        case System.WINDOWS:
            return None
        case System.MACOS:
            return ["open", "--", str(path)]
        case _:
            return ["xdg-open", str(path)]


def tesseract_locations(system: System | None = None,
                        environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Where Tesseract's installers put the program, tried when it is not on PATH: the UB
    Mannheim installer on Windows does not add itself to PATH, and a macOS app started from the
    Finder does not see Homebrew's PATH. Linux packages install it on PATH (none)."""
    env = os.environ if environ is None else environ
    match _system(system):
        case System.WINDOWS:
            bases = [env.get("ProgramFiles", r"C:\Program Files"),
                     env.get("ProgramFiles(x86)", r"C:\Program Files (x86)")]
            if env.get("LOCALAPPDATA"):
                bases.append(str(PureWindowsPath(env["LOCALAPPDATA"], "Programs")))
            return tuple(str(PureWindowsPath(b, "Tesseract-OCR", "tesseract.exe")) for b in bases)
        case System.MACOS:
            return ("/opt/homebrew/bin/tesseract", "/usr/local/bin/tesseract",
                    "/opt/local/bin/tesseract")
        case _:
            return ()


def open_in_viewer(path: Path, *, system: System | None = None) -> bool:
    """Open ``path`` with the desktop's viewer; False when there is none."""
    command = viewer_command(path, system)
    try:
        if command is None:
            startfile = getattr(os, "startfile")  # noqa: B009 - Windows only
            startfile(str(path))
            return True
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except (OSError, AttributeError):
        return False
    return True


# -- folders a cloud service syncs ---------------------------------------------------------

class SyncedPlace(StrEnum):
    ICLOUD_DRIVE = "icloud-drive"
    DESKTOP = "desktop"
    DOCUMENTS = "documents"
    CLOUD_STORAGE = "cloud-storage"
    ONEDRIVE = "onedrive"


# Relative to the home folder, most specific first.
_MACOS_SYNCED = (
    (("Library", "Mobile Documents"), SyncedPlace.ICLOUD_DRIVE),
    (("Library", "CloudStorage"), SyncedPlace.CLOUD_STORAGE),
    (("Desktop",), SyncedPlace.DESKTOP),
    (("Documents",), SyncedPlace.DOCUMENTS),
)
NOT_SYNCED_XATTR = "com.apple.fileprovider.ignore#P"


def _under(folder: Path, base: Path) -> bool:
    """``folder`` is ``base`` or inside it: links followed, names compared case-insensitively
    (the default on APFS and NTFS)."""
    parts = [p.casefold() for p in Path(os.path.realpath(folder)).parts]
    prefix = [p.casefold() for p in Path(os.path.realpath(base)).parts]
    return parts[:len(prefix)] == prefix


def cloud_synced_place(folder: Path, system: System | None = None, home: Path | None = None,
                       environ: Mapping[str, str] | None = None) -> SyncedPlace | None:
    """Where a cloud service may sync ``folder``: on macOS iCloud Drive, Desktop, Documents and
    ~/Library/CloudStorage; on Windows the OneDrive folders (%OneDrive%, %OneDriveConsumer%,
    %OneDriveCommercial%, which take in Desktop and Documents when their backup is on); None
    when nothing does, and on Linux."""
    match _system(system):
        case System.MACOS:
            base = Path.home() if home is None else home
            for tail, place in _MACOS_SYNCED:
                if _under(folder, base.joinpath(*tail)):
                    return place
        case System.WINDOWS:
            env = os.environ if environ is None else environ
            for name in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
                if env.get(name) and _under(folder, Path(env[name])):
                    return SyncedPlace.ONEDRIVE
        case _:
            pass
    return None


def mark_not_synced(folder: Path, system: System | None = None,
                    run: Any = None) -> bool:
    """Ask macOS's File Provider (iCloud Drive) not to sync ``folder``: the extended attribute
    ``com.apple.fileprovider.ignore#P`` with ``xattr -w``. True when it was set; False on other
    systems or when it could not be (an older macOS ignores it). ``run`` stands in for
    ``subprocess.run`` in tests."""
    if _system(system) is not System.MACOS:
        return False
    runner = subprocess.run if run is None else run
    try:
        result = runner(["/usr/bin/xattr", "-w", NOT_SYNCED_XATTR, "1", str(folder)],
                        stdin=subprocess.DEVNULL, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return getattr(result, "returncode", 1) == 0


# -- the single-instance server name -------------------------------------------------------

def server_name(key_digest: str, *, system: System | None = None,
                runtime_dir: str | None = None) -> str:
    """The local server name for a journal (``key_digest`` names the journal and user).

    On Linux, a socket file in ``runtime_dir`` (XDG_RUNTIME_DIR, private to the user) when
    there is one and the path fits a socket address; elsewhere a plain name: a named pipe on
    Windows, a socket in Qt's temporary folder (per-user on macOS).
    """
    system = _system(system)
    name = f"headway-journal-{user_id(system)}-{key_digest}"
    if system is System.WINDOWS:
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR") if runtime_dir is None else runtime_dir
    if system is System.LINUX and runtime and Path(runtime).is_dir():
        path = str(Path(runtime) / name)
        if len(path.encode()) <= MAX_SOCKET_PATH:
            return path
    return name


# -- the folder lock -----------------------------------------------------------------------

class LockBusy(Exception):
    """Another process holds the lock; ``holder`` is its process id when it wrote one."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


_BUSY_ERRNOS = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK)


def _read_holder(fd: int) -> str:
    with suppress(OSError, ValueError):
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode().strip()
    return ""


class FileLock:
    """A non-blocking lock on the file ``path``, exclusive (a writer) or shared (a reader on
    a disk that cannot be written). ``msvcrt`` may be given to stand in for Windows' module."""

    def __init__(self, path: Path, *, shared: bool = False, system: System | None = None,
                 msvcrt: Any = None) -> None:
        self.path = Path(path)
        self.shared = shared
        self.system = _system(system)
        self._msvcrt = msvcrt
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; raises LockBusy when another process holds it. A shared lock on a
        file that cannot be opened holds nothing and returns False (there is no writer)."""
        flags = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        try:
            if self.shared:
                fd = os.open(self.path, os.O_RDONLY | flags)
            else:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | flags, PRIVATE_FILE_MODE)
        except OSError:
            if self.shared:
                return False
            raise
        try:
            keep = self._lock(fd)
        except OSError as exc:
            holder = _read_holder(fd)
            os.close(fd)
            if exc.errno in _BUSY_ERRNOS:
                raise LockBusy(holder) from None
            if self.shared:
                return False
            raise
        if not keep:
            os.close(fd)
            return False
        if not self.shared:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        with suppress(OSError):
            self._unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    def _windows(self) -> Any:
        return self._msvcrt if self._msvcrt is not None else importlib.import_module("msvcrt")

    def _lock(self, fd: int) -> bool:
        """Lock ``fd``; True to keep it open and locked."""
        if self.system is not System.WINDOWS:
            fcntl = importlib.import_module("fcntl")
            fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            return True
        msvcrt = self._windows()
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        if self.shared:  # Windows has no shared lock: no writer holds it, nothing to hold
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            return False
        return True

    def _unlock(self, fd: int) -> None:
        if self.system is not System.WINDOWS:
            fcntl = importlib.import_module("fcntl")
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
        msvcrt = self._windows()
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

