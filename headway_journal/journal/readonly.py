"""Opening a journal that cannot be written: a read-only disk, or one the kernel remounted
read-only after an error, a folder or database the user may not write to.

Such a journal is still opened, read-only: everything that reads works (the window with its
editing switched off and a banner saying why, search, export, case files, ``check``, a backup
to another disk); everything that writes is refused with ``read_only_message``.

- ``probe_read_only(folder)`` decides; it is the one place that does (tests monkeypatch it:
  they run as root, whom permissions do not stop).
- The database is opened with SQLite's ``mode=ro``; on a read-only disk a WAL database whose
  ``-shm`` file was not left behind cannot be opened that way, so ``immutable=1`` is used
  then (nothing can change the file while the disk is read-only).
- No lock file can be created there: an existing one is locked shared (a writer elsewhere
  holds it exclusively), else there is none. Thumbnails and print copies go to a private
  temporary folder, removed when the journal is closed.

This module never imports Qt.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool

from .. import i18n
from ..platform import disk_is_read_only

if TYPE_CHECKING:  # pragma: no cover
    from .crypto.keys import JournalKeys
from .db import (
    DB_NAME,
    HEAD_REVISION,
    KNOWN_REVISIONS,
    FolderLock,
    Journal,
    JournalDamaged,
    JournalError,
    JournalTooNew,
    connect_readonly,
    quick_check,
    read_revision,
)

__all__ = [
    "SharedLock",
    "close_read_only",
    "make_read_only_engine",
    "open_read_only",
    "probe_read_only",
    "read_only_message",
]

_PROBE_PREFIX = ".headway-write-test-"
_READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)


def _reason(exc: OSError, what: str) -> str | None:
    if exc.errno == errno.EROFS:
        return i18n.text("the disk it is on is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return i18n.text("{what} cannot be written to (no permission)").format(what=what)
    return None


def probe_read_only(folder: Path) -> str | None:
    """Why the journal in ``folder`` cannot be written, or None when it can.

    The reason completes "This journal is read-only: ...". A full disk is not read-only (its
    writes fail with their own message when they happen); a folder that does not exist is
    not judged here.
    """
    folder = Path(folder)
    try:
        if disk_is_read_only(folder):
            return i18n.text("the disk it is on is read-only")
    except OSError:
        return None
    db = folder / DB_NAME
    try:
        fd = os.open(db, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
        os.close(fd)
    except FileNotFoundError:
        pass
    except OSError as exc:
        reason = _reason(exc, i18n.text("its database file"))
        if reason is not None:
            return reason
    probe = folder / f"{_PROBE_PREFIX}{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None  # our own leftover: the folder takes files
    except OSError as exc:
        return _reason(exc, i18n.text("its folder"))
    os.close(fd)
    with suppress(OSError):
        probe.unlink()
    return None


def read_only_message(reason: str | None) -> str:
    """What the user reads (banner, refused writes)."""
    why = reason or i18n.text("it cannot be written to")
    return (i18n.text("This journal is read-only: {why}. Nothing can be changed; you can read, search, export and make case files, and back it up to another disk.").format(why=why))


class SharedLock(FolderLock):
    """On a disk that cannot be written: lock an existing lock file shared (a writer
    elsewhere holds it exclusively); without one there is nothing to lock."""

    shared = True

    @staticmethod
    def busy_message(holder: str) -> str:
        return (i18n.text("This journal is open for writing in another Headway Journal window. "
                "Close it there first."))


def make_read_only_engine(db_path: Path, keys: JournalKeys | None = None) -> Engine:
    engine = create_engine("sqlite://", creator=lambda: connect_readonly(db_path, keys),
                           poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA query_only = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _check_revision(folder: Path, db_path: Path, reason: str,
                    keys: JournalKeys | None) -> None:
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise JournalError(i18n.text("There is no journal at {folder}, and none can be made there: {reason}.").format(folder=folder, reason=reason))
    current = read_revision(db_path)
    if current is None:
        raise JournalError(i18n.text("There is no journal at {folder}, and none can be made there: {reason}.").format(folder=folder, reason=reason))
    if current not in KNOWN_REVISIONS:
        raise JournalTooNew(
            i18n.text("This journal was made by a newer version of Headway Journal (schema {current}). Update the app to open it; nothing was changed.").format(current=current))
    if current != HEAD_REVISION:
        raise JournalError(
            i18n.text("This journal needs an upgrade (schema {current}) before this version can open it, but it is read-only: {reason}. Copy the journal folder to a disk you can write to and open it there; nothing was changed.").format(current=current, reason=reason))


def open_read_only(folder: Path, reason: str, keys: JournalKeys | None = None) -> Journal:
    """Open the journal in ``folder`` without writing anything there (``keys``: locked)."""
    db_path = folder / DB_NAME
    _check_revision(folder, db_path, reason, keys)
    lock = SharedLock(folder)
    lock.acquire()
    scratch: Path | None = None
    try:
        problems = quick_check(db_path)
        if problems:
            raise JournalDamaged(
                i18n.text("The journal database is damaged (") + "; ".join(problems[:3])
                + i18n.text("). Nothing was changed. Restore the newest sound backup."))
        scratch = Path(tempfile.mkdtemp(prefix="headway-journal-read-only-"))
        engine = make_read_only_engine(db_path, keys)
        sessions = sessionmaker(engine, expire_on_commit=False)
        return Journal(folder, engine, sessions, sessions, lock, None, None,
                       datetime.now(UTC), read_only=reason, scratch=scratch, keys=keys)
    except BaseException:
        lock.release()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        raise


def close_read_only(journal: Journal) -> None:
    """What ``Journal.close`` does for a read-only journal: nothing is written."""
    journal.engine.dispose()
    journal.lock.release()
    if journal.scratch is not None:
        shutil.rmtree(journal.scratch, ignore_errors=True)

