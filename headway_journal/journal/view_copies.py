"""Private temporary copies of exhibits for the system viewer, removed by the app itself.

A copy the desktop's viewer opens must be a real file; it lives under the user's own private
folder ``<temp>/headway-journal-<user>/views/<pid>-<random>/`` (0700 folders, 0400 files) and
never beside anyone else's. The app removes its own copies when it quits (``remove_mine``),
and at start removes every copy left by a run that is no longer alive (``sweep``: a crash, a
power cut), so no exhibit outlives the session that opened it by more than one start.
Never imports Qt.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from .. import platform

__all__ = ["new_view_folder", "remove_mine", "root", "sweep"]


def root(base: Path | None = None) -> Path:
    """The user's private folder of view copies (created 0700)."""
    mine = Path(base or tempfile.gettempdir()) / f"headway-journal-{platform.user_id()}"
    platform.make_private_dir(mine)
    platform.make_private_dir(mine / "views")
    return mine / "views"


def _is_mine_and_private(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and platform.owned_by_me(info)


def new_view_folder(base: Path | None = None) -> Path:
    """A new empty private folder for one view copy, owned by this process."""
    parent = root(base)
    if not _is_mine_and_private(parent.parent):
        raise PermissionError(f"{parent.parent} belongs to another user")
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=parent))


def _pid_of(folder: Path) -> int | None:
    head = folder.name.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if not platform.is_posix():
        return False  # Windows: a copy left by an earlier run is removed (the viewer may hold it)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(folder: Path) -> bool:
    with suppress(OSError):
        for path in folder.rglob("*"):
            with suppress(OSError):
                os.chmod(path, 0o700 if path.is_dir() else 0o600)  # read-only copies
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


def remove_mine(base: Path | None = None) -> int:
    """Remove every view copy this process made; returns how many folders went."""
    return _remove_where(base, lambda pid: pid == os.getpid())


def sweep(base: Path | None = None) -> int:
    """Remove the view copies of runs that are no longer alive (called at start)."""
    return _remove_where(base, lambda pid: not _alive(pid))


def _remove_where(base: Path | None, wanted: Callable[[int], bool]) -> int:
    parent = root(base)
    removed = 0
    for folder in parent.iterdir():
        pid = _pid_of(folder)
        if pid is not None and wanted(pid) and _is_mine_and_private(folder) and _remove(folder):
            removed += 1
    return removed
