"""Who may change a journal: its folder must be the user's own and closed to everyone else.

Like ssh with ``~/.ssh``: a journal folder that belongs to another user, or that other users
can write to, is refused with a message that says how to fix it. A folder that is the user's
own and merely too open (group or other bits, e.g. made under umask 022, or unpacked from an
archive) is tightened to 0700 silently, and so are the journal's own entries in it (the
database and its side files 0600, the attachment and backup folders 0700).

Everything the app writes outside the journal (case files, exports, backups, calendar files,
drafts, viewer copies) is created 0600 whatever the umask: ``create_private`` and
``make_private`` below.

``current_uid`` is the one source of "who am I" here, so tests (which run as root) can
pretend the folder belongs to someone else.
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

from .. import i18n, platform
from ..platform import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE
from .db import JournalError

__all__ = [
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "JournalUnsafe",
    "create_private",
    "current_uid",
    "make_private",
    "secure_journal_folder",
]

_OPEN_BITS = stat.S_IRWXG | stat.S_IRWXO
_WRITE_BITS = stat.S_IWGRP | stat.S_IWOTH
# The journal's own entries (db.py's names; the lock and the verified stamp included).
_ENTRIES = ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm", "journal.lock",
            "journal.verified", "attachments", "backups", "logs", "drafts")


class JournalUnsafe(JournalError):
    """The journal folder (or an entry in it) can be changed by another user."""


def current_uid() -> int:
    """The user the app runs as (the effective uid). Tests monkeypatch this."""
    return os.geteuid() if hasattr(os, "geteuid") else 0


def _user_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _foreign(path: Path, st: os.stat_result, me: int, folder: Path) -> JournalUnsafe:
    owner, who = _user_name(st.st_uid), _user_name(me)
    quoted = shlex.quote(str(folder))
    what = (i18n.text("The journal folder {folder}").format(folder=folder) if path == folder
            else i18n.text("{name} in the journal folder {folder}").format(name=path.name, folder=folder))
    return JournalUnsafe(
        i18n.text("{what} belongs to another user ({owner}), who could change or read your journal, so it was not opened. If it is yours, make it your own with “sudo chown -R {quote} {quoted}” and “chmod 700 {quoted}”; otherwise choose your own journal folder.").format(what=what, owner=owner, quote=shlex.quote(who), quoted=quoted))


def _open_to_others(path: Path, st: os.stat_result, folder: Path) -> JournalUnsafe:
    mode = stat.S_IMODE(st.st_mode)
    quoted = shlex.quote(str(folder))
    return JournalUnsafe(
        i18n.text("{path} can be changed by other users (permissions {mode:04o}) and could not be made private, so the journal was not opened. Fix it with “chmod -R go-rwx {quoted}” (the folder itself: “chmod 700 {quoted}”).").format(path=path, mode=mode, quoted=quoted))


def _check_entry(path: Path, folder: Path, me: int, *, read_only: bool) -> None:
    """Refuse ``path`` if another user owns it; tighten it if it is ours and too open."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        st = os.stat(path)  # the folder may be a link to the real one; judge that
    if st.st_uid != me:
        raise _foreign(path, st, me, folder)
    if not stat.S_IMODE(st.st_mode) & _OPEN_BITS:
        return
    wanted = PRIVATE_DIR_MODE if stat.S_ISDIR(st.st_mode) else PRIVATE_FILE_MODE
    try:
        os.chmod(path, wanted)
    except OSError:
        # A read-only disk cannot be tightened, but nobody can write to it either.
        if read_only or not stat.S_IMODE(st.st_mode) & _WRITE_BITS:
            return
        raise _open_to_others(path, st, folder) from None


def secure_journal_folder(folder: Path, *, read_only: bool = False) -> None:
    """Refuse a journal ``folder`` another user owns or can write to; make ours 0700.

    Raises JournalUnsafe with how to fix it. The folder's own entries (database, side files,
    attachment and backup folders) get the same treatment.
    """
    if not platform.has_file_modes():
        return  # Windows: the folder is as private as the user profile's ACL makes it
    me = current_uid()
    _check_entry(folder, folder, me, read_only=read_only)
    for name in _ENTRIES:
        _check_entry(folder / name, folder, me, read_only=read_only)


def create_private(path: Path, *, exclusive: bool = True) -> int:
    """Open a new file for writing, mode 0600 whatever the umask; returns the descriptor.

    ``exclusive`` (O_EXCL) never opens an existing file nor follows a symbolic link.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_EXCL if exclusive else os.O_TRUNC
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        platform.fchmod_private(fd)  # the umask can only have removed bits; be exact
    except OSError:
        os.close(fd)
        raise
    return fd


def make_private(path: Path) -> None:
    """Set an existing file to 0600 (best effort: a file system without modes keeps its own)."""
    platform.chmod_private(path)
