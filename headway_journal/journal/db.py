"""Opening a journal: its folder, the lock, the SQLite engine and the schema.

A journal is a folder holding ``journal.sqlite3``, the attachment store and ``backups/``.
Read PITFALLS.md before changing anything here: Python 3.11's sqlite3 needs
``isolation_level = None`` plus an explicit ``BEGIN IMMEDIATE``; migrations run with foreign keys
off on their own connection, after a backup, followed by ``foreign_key_check`` and ``quick_check``.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

DB_NAME = "journal.sqlite3"
LOCK_NAME = "journal.lock"
VERIFIED_NAME = "journal.verified"
# The full integrity check on open reads the whole database (about 0.4 s at 100,000 contacts).
# It is skipped only while a stamp written at the last clean close still matches the file, and
# at least this often it runs regardless.
FULL_CHECK_EVERY = timedelta(days=7)
ATTACHMENTS_DIR = "attachments"
BACKUPS_DIR = "backups"
ENV_DIR = "HEADWAY_JOURNAL_DIR"

# The newest schema revision this version of the app knows, and every one it can upgrade from.
# Kept here (and checked against Alembic's scripts by a test) so opening a journal that needs no
# upgrade never imports Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]


class JournalError(Exception):
    """A problem opening or using a journal, with a message for the user."""


class JournalLocked(JournalError):
    pass


class JournalTooNew(JournalError):
    pass


class JournalDamaged(JournalError):
    pass


def default_journal_dir() -> Path:
    """The per-user journal folder (platformdirs, so the GUI and the CLI agree without Qt)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("headway-journal", appauthor=False)) / "journal"


def resolve_journal_dir(option: str | os.PathLike[str] | None) -> Path:
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser().absolute()
    return default_journal_dir()


def describe_sqlite_error(exc: BaseException) -> str:
    """Sort SQLite errors into plain words: the environment (disk, permissions, lock) or damage."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return "The disk is full, so the change was not saved. Free some space and try again."
    if "disk i/o error" in text:
        # SQLite's SQLITE_IOERR: a write the system refused other than with ENOSPC (a file-size
        # limit, a quota, a disk removed or failing). The transaction was rolled back.
        return ("The journal could not write to the disk (a disk I/O error: it may be full, "
                "over a quota, disconnected or failing), so the change was not saved. Check the "
                "disk and try again.")
    if "readonly" in text or "read-only" in text or "attempt to write a readonly" in text:
        return "The journal folder is read-only, so the change was not saved."
    if "locked" in text or "busy" in text:
        return "The journal is busy in another program; the change was not saved. Try again."
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "The journal database is damaged. Nothing was changed; restore a backup."
    if "unable to open" in text:
        return "The journal database could not be opened (check the folder's permissions)."
    return f"The journal could not complete this: {getattr(exc, 'orig', exc)}"


def _set_pragmas(dbapi_connection: sqlite3.Connection, foreign_keys: bool = True) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cur.close()


def make_engine(db_path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        _set_pragmas(dbapi_connection, foreign_keys)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (no lock upgrade deadlocks); readers stay deferred
        # so a read inside a write, or a reader beside a writer, never waits.
        options = conn.get_execution_options()
        if options.get("journal_read_only", False):  # see read_only_sessions
            conn.exec_driver_sql("PRAGMA query_only = ON")
            conn.exec_driver_sql("BEGIN")
            return
        write = options.get("journal_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def read_only_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions that can only read: a deferred BEGIN (never BEGIN IMMEDIATE, so no write lock
    is ever asked for) on a connection with ``PRAGMA query_only``, so any write fails in SQLite
    itself. For commands that only read (search, export, check, casefile, ics)."""
    return sessionmaker(engine.execution_options(journal_read_only=True), expire_on_commit=False)


def _secure_create_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with suppress(OSError):
        os.chmod(path, 0o700)


def _touch_private(path: Path) -> None:
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    with suppress(OSError):
        os.chmod(path, 0o600)


class FolderLock:
    """An exclusive lock on the journal folder, held for as long as the journal is open."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = ""
            with suppress(OSError, ValueError):
                holder = os.pread(fd, 32, 0).decode().strip()
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                who = f" (process {holder})" if holder else ""
                raise JournalLocked(
                    f"This journal is already open in another Headway Journal window{who}. "
                    "Close it there first, or open a different journal."
                ) from None
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def read_revision(db_path: Path) -> str | None:
    """The schema revision stored in a journal database, or None for an empty one."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise JournalDamaged(
                    f"{db_path} is an SQLite database but not a Headway journal."
                )
            return None
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if rev is None else str(rev[0])
    except sqlite3.DatabaseError as exc:
        raise JournalDamaged(
            f"The journal database {db_path} cannot be read: {exc}. Nothing was changed."
        ) from exc
    finally:
        con.close()


def quick_check(db_path: Path) -> list[str]:
    """SQLite's quick_check plus foreign_key_check; an empty list means sound."""
    problems: list[str] = []
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"cannot open database: {exc}"]
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        problems += [str(r[0]) for r in rows if r[0] != "ok"]
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
    except sqlite3.DatabaseError as exc:
        problems.append(f"database is damaged: {exc}")
    finally:
        con.close()
    return problems


def sqlite_backup(src_path: Path, dest: Path) -> None:
    """Copy a (possibly open) database with SQLite's online backup API into ``dest`` atomically."""
    tmp = dest.with_name(dest.name + ".partial")
    with suppress(FileNotFoundError):
        tmp.unlink()
    src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()
    problems = quick_check(tmp)
    if problems:
        tmp.unlink()
        raise JournalDamaged("The backup copy failed its check: " + "; ".join(problems[:3]))
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


def _fsync_dir(path: Path) -> None:
    with suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def upgrade_schema(db_path: Path, backups: Path, current: str | None) -> str | None:
    """Bring the database to HEAD_REVISION with Alembic. Returns the pre-upgrade backup's path."""
    from alembic import command
    from alembic.config import Config

    backup_path: str | None = None
    if current is not None:
        _secure_create_dir(backups)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        dest = backups / f"before-upgrade-{current}-{stamp}.sqlite3"
        sqlite_backup(db_path, dest)
        backup_path = str(dest)
    engine = make_engine(db_path, foreign_keys=False)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # ignored inside a transaction
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
    finally:
        engine.dispose()
    problems = quick_check(db_path)
    if problems:
        raise JournalDamaged(
            "After upgrading, the journal failed its integrity check ("
            + "; ".join(problems[:3])
            + f"). Your data from before the upgrade is in {backup_path}."
        )
    return backup_path


def _file_identity(db_path: Path) -> dict[str, int] | None:
    try:
        st = db_path.stat()
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino, "dev": st.st_dev}


def _has_side_files(folder: Path) -> bool:
    return any((folder / (DB_NAME + suffix)).exists() for suffix in ("-wal", "-shm"))


def verified_since(folder: Path, revision: str, *, closed_cleanly: bool,
                   now: datetime | None = None) -> datetime | None:
    """When the journal last passed the full check, if nothing can have changed it since.

    All of these must hold, else None (check now): the last session closed cleanly (no
    ``-wal``/``-shm`` left beside the database when the lock was taken, which the caller tells:
    even a read-only connection leaves them; the stamp is written only then), the database
    is the very file that session closed (same size, modification time in ns, inode and
    device: a restore, a copy or any write since changes one of them), the schema revision is
    the same, and the last full check is less than FULL_CHECK_EVERY old. (A write by another
    program within the file system's timestamp granularity of our close would go unnoticed
    until then; SQLite still reports a damaged page when it reads one.)
    """
    stamp = folder / VERIFIED_NAME
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
        checked = datetime.fromisoformat(data["checked_at"])
        same = data["revision"] == revision and data["file"] == _file_identity(folder / DB_NAME)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    now = now or datetime.now(UTC)
    if not same or not closed_cleanly or checked.tzinfo is None:
        return None
    return checked if timedelta(0) <= now - checked < FULL_CHECK_EVERY else None


def _forget_verified(folder: Path) -> None:
    with suppress(OSError):
        (folder / VERIFIED_NAME).unlink()


def _write_verified(folder: Path, revision: str, checked_at: datetime) -> None:
    """Best effort: a journal without a stamp is simply checked in full when next opened."""
    if _has_side_files(folder):  # not closed cleanly (another connection, failed checkpoint)
        return
    identity = _file_identity(folder / DB_NAME)
    if identity is None:
        return
    data = {"revision": revision, "file": identity, "checked_at": checked_at.isoformat()}
    tmp = folder / (VERIFIED_NAME + ".partial")
    with suppress(OSError):
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, folder / VERIFIED_NAME)


@dataclass
class Journal:
    """An open journal folder: engine, session factory and the folder lock."""

    folder: Path
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session]
    lock: FolderLock
    upgraded_from: str | None = None
    upgrade_backup: str | None = None
    verified_at: datetime | None = None  # when the database last passed the full check
    _closed: bool = field(default=False, repr=False)

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def attachments_dir(self) -> Path:
        return self.folder / ATTACHMENTS_DIR

    @property
    def backups_dir(self) -> Path:
        return self.folder / BACKUPS_DIR

    @property
    def name(self) -> str:
        return self.folder.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write unit of work: commits on success, rolls back on any error."""
        with self.write_sessions() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            with suppress(sqlite3.Error):
                # Not waiting when another program is writing (its WAL stays, and so no stamp).
                con = sqlite3.connect(self.db_path, timeout=0.1)
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                con.close()
            if self.verified_at is not None:
                _write_verified(self.folder, HEAD_REVISION, self.verified_at)
            self.lock.release()
            self._closed = True

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_journal(folder: Path, *, create: bool = True) -> Journal:
    """Open (and if needed create and upgrade) the journal in ``folder``.

    Raises JournalLocked, JournalTooNew or JournalDamaged with a message for the user; a damaged
    journal is never written to, moved or recreated here.
    """
    folder = folder.expanduser().absolute()
    db_path = folder / DB_NAME
    if not folder.exists():
        if not create:
            raise JournalError(f"There is no journal at {folder}.")
        _secure_create_dir(folder)
    elif not folder.is_dir():
        raise JournalError(f"{folder} is a file, not a journal folder.")
    lock = FolderLock(folder)
    lock.acquire()
    try:
        closed_cleanly = not _has_side_files(folder)  # before any connection of ours
        current: str | None = None
        if db_path.exists() and db_path.stat().st_size > 0:
            current = read_revision(db_path)
        if current is not None and current not in KNOWN_REVISIONS:
            raise JournalTooNew(
                f"This journal was made by a newer version of Headway Journal (schema {current}). "
                "Update the app to open it; nothing was changed."
            )
        checked_at: datetime | None = datetime.now(UTC)  # a new journal is sound
        if current is not None:
            checked_at = verified_since(folder, current, closed_cleanly=closed_cleanly)
            if checked_at is None:
                problems = quick_check(db_path)
                if problems:
                    raise JournalDamaged(
                        "The journal database is damaged ("
                        + "; ".join(problems[:3])
                        + "). Nothing was changed. Restore the newest sound backup."
                    )
                checked_at = datetime.now(UTC)
        # The stamp only vouches for a closed journal: a session that never closes cleanly leaves
        # none, so the next open checks in full. close() writes it again.
        _forget_verified(folder)
        _touch_private(db_path)
        _secure_create_dir(folder / ATTACHMENTS_DIR)
        _secure_create_dir(folder / BACKUPS_DIR)
        backup_path = None
        if current != HEAD_REVISION:
            backup_path = upgrade_schema(db_path, folder / BACKUPS_DIR, current)
        for suffix in ("-wal", "-shm"):
            side = folder / (DB_NAME + suffix)
            if side.exists():
                with suppress(OSError):
                    os.chmod(side, 0o600)
        engine = make_engine(db_path)
        sessions = sessionmaker(engine, expire_on_commit=False)
        writes = sessionmaker(engine.execution_options(journal_write=True), expire_on_commit=False)
        return Journal(folder, engine, sessions, writes, lock, current, backup_path, checked_at)
    except BaseException:
        lock.release()
        raise
