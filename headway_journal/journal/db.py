"""Opening a journal: its folder, the lock, the SQLite engine and the schema.

A journal is a folder holding ``journal.sqlite3``, the attachment store and ``backups/``.
Read PITFALLS.md before changing anything here: Python 3.11's sqlite3 needs
``isolation_level = None`` plus an explicit ``BEGIN IMMEDIATE``; migrations run with foreign keys
off on their own connection, after a backup, followed by ``foreign_key_check`` and ``quick_check``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from headway_journal import i18n

from ..platform import FileLock, LockBusy
from .chain import attach as seal_on_commit
from .crypto import swap, unlocked
from .fsutil import make_private_dir, replace_durably, write_text_atomic

if TYPE_CHECKING:  # pragma: no cover
    from .crypto.keys import JournalKeys

_PLAIN_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


def db_errors() -> tuple[type[Exception], ...]:
    """Every error a connection to a journal database (plain or locked) can raise.

    SQLCipher (a locked journal's database) raises its own classes, not sqlite3's; they exist
    only once its module is loaded, which opening a locked journal does
    (``crypto.database``), so a plain journal's start does not load SQLCipher for them."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    error = getattr(cipher, "Error", None)
    return _PLAIN_ERRORS if error is None else (sqlite3.Error, error)


def _read_errors() -> tuple[type[Exception], ...]:
    return (*db_errors(), UnicodeDecodeError)  # garbage where text was

DB_NAME = "journal.sqlite3"
LOCK_NAME = swap.LOCK_NAME
VERIFIED_NAME = "journal.verified"
# The full integrity check on open reads the whole database (about 0.4 s at 100,000 contacts).
# It is skipped only while a stamp written at the last clean close still matches the file, and
# at least this often it runs regardless.
FULL_CHECK_EVERY = timedelta(days=7)
# Why a journal opened with ``defer_check`` cannot be written yet (``Journal.unchecked``).
UNCHECKED_REASON = ("it is being checked for damage, since Headway Journal was not closed "
                    "properly last time; editing comes back as soon as the check passes")
ATTACHMENTS_DIR = "attachments"
BACKUPS_DIR = "backups"
ENV_DIR = "HEADWAY_JOURNAL_DIR"
# Every entry of a journal folder that is the journal (what an encryption replaces).
JOURNAL_ENTRIES = swap.JOURNAL_ENTRIES

# The newest schema revision this version of the app knows, and every one it can upgrade from.
# Kept here (and checked against Alembic's scripts by a test) so opening a journal that needs no
# upgrade never imports Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0008", "0006",
                                    "0007", "0009", "0010", "0011")
HEAD_REVISION = KNOWN_REVISIONS[-1]


class JournalError(Exception):
    """A problem opening or using a journal, with a message for the user."""


class JournalLocked(JournalError):
    pass


class JournalTooNew(JournalError):
    pass


class JournalNeedsKey(JournalLocked):
    """The journal is encrypted (it has a lockbox) and was opened without its keys: ask for
    the passphrase (``journal.unlocking``) and open it again with them."""


class JournalDamaged(JournalError):
    pass


DEFAULT_FOLDER_NAME = "journal"  # the per-user journal's folder, in the user's data folder


def default_journal_dir() -> Path:
    """The per-user journal folder (platformdirs, so the GUI and the CLI agree without Qt)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("headway-journal", appauthor=False)) / DEFAULT_FOLDER_NAME


def resolve_journal_dir(option: str | os.PathLike[str] | None) -> Path:
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser().absolute()
    return default_journal_dir()


def describe_sqlite_error(exc: BaseException) -> str:
    """Sort SQLite errors into plain words: the environment (disk, permissions, lock) or damage.
    (A shared journal's server errors: the server cannot be reached, or it refused.)"""
    text = str(getattr(exc, "orig", exc)).lower()
    if type(getattr(exc, "orig", exc)).__module__.startswith("psycopg"):
        return describe_server_error(text)
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


SERVER_GONE = ("connection", "could not connect", "server closed", "terminating connection",
               "does not allow connections", "timeout expired", "no route", "network")


def describe_server_error(text: str) -> str:
    """A shared journal's server error in plain words (``text`` in lower case)."""
    if "permission denied" in text or "read-only transaction" in text:
        return i18n.text("The journal server refused the change: your account may only read "
                         "this journal. Nothing was changed.")
    if any(word in text for word in SERVER_GONE):
        return i18n.text("The journal server cannot be reached (the network or the server is "
                         "down), so nothing was saved. Try again when the connection is back.")
    return i18n.text("The journal server could not complete this: {error}").format(
        error=text.strip()[:200])


def readonly_uri(db_path: str | os.PathLike[str]) -> str:
    """An SQLite URI that opens ``db_path`` read-only, whatever characters its path holds.

    ``Path.as_uri`` percent-encodes '#', '?', '%', spaces, quotes and non-ASCII letters; a URI
    written as ``f"file:{path}?mode=ro"`` opens another file when the path holds '#', '?' or '%'
    (SQLite then creates an empty database beside the folder).
    """
    return Path(db_path).absolute().as_uri() + "?mode=ro"


def _connect(target: str, keys: JournalKeys | None, *, uri: bool = False,
             timeout: float = 5.0) -> sqlite3.Connection:
    """sqlite3's connection, or for a locked journal SQLCipher's, keyed before anything else
    (the two modules have the same API; SQLCipher's raises ``db_errors()``' other classes)."""
    if keys is None:
        return sqlite3.connect(target, uri=uri, timeout=timeout)
    from .crypto.database import apply_key, dbapi

    con = dbapi().connect(target, uri=uri, timeout=timeout)
    apply_key(con, keys)
    return cast("sqlite3.Connection", con)


def connect_readonly(db_path: str | os.PathLike[str],
                     keys: JournalKeys | None = None) -> sqlite3.Connection:
    """A read-only sqlite3 connection to an existing database file (never creates one); on a
    read-only disk, where no ``-shm`` file can be made, an immutable one. ``keys``: the
    database of a locked journal (an SQLCipher connection, keyed).

    Any other problem (a damaged or locked file) is left for the caller's first query to
    report, as with a plain connection."""
    uri = readonly_uri(db_path)
    keys = unlocked.resolve_keys(db_path, keys)
    con = _connect(uri, keys, uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _read_errors() as exc:  # (a damaged schema's message can hold garbage bytes)
        if "unable to open" not in str(exc) or not Path(db_path).is_file():
            return con
        con.close()
        return _connect(uri + "&immutable=1", keys, uri=True)
    return con


def connect_file(db_path: str | os.PathLike[str], keys: JournalKeys | None = None, *,
                 timeout: float = 5.0) -> sqlite3.Connection:
    """A read-write sqlite3 connection to the file ``db_path`` taken literally (never as a URI:
    this SQLite is built with SQLITE_USE_URI, so a name starting "file:" would be parsed).
    ``keys``: a locked journal's database (SQLCipher, keyed)."""
    keys = unlocked.resolve_keys(db_path, keys)
    return _connect(os.fspath(Path(db_path).absolute()), keys, timeout=timeout)


def _set_pragmas(dbapi_connection: sqlite3.Connection, foreign_keys: bool = True) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cur.close()


class FirstWriteHook:
    """Something to run once, just before the first write transaction begins (the command line's
    automatic backup: ``backup.arm_command_backup``). If it raises, that write does not happen
    and the hook stays armed."""

    def __init__(self) -> None:
        self.action: Callable[[], None] | None = None

    def run(self) -> None:
        action = self.action
        if action is not None:
            action()
            self.action = None


def make_engine(db_path: Path, *, foreign_keys: bool = True,
                first_write: FirstWriteHook | None = None,
                keys: JournalKeys | None = None) -> Engine:
    """The journal's engine; ``keys``: a locked journal, through SQLCipher (``sqlcipher3``),
    each connection keyed before its pragmas."""
    # URL.create takes the path as it is; "sqlite:///{path}" would be parsed, so a '?' or '#'
    # in a folder's name would cut the path short.
    path = os.fspath(Path(db_path).absolute())
    keys = unlocked.resolve_keys(path, keys)
    if keys is None:
        engine = create_engine(URL.create("sqlite", database=path), poolclass=NullPool)
    else:
        from .crypto.database import dbapi

        # SQLite's dialect on SQLCipher's module (what ``sqlite+pysqlcipher`` is), keyed
        # by the listener below: the key never sits in the URL. Connections are kept (a
        # small pool): every page a new connection reads is decrypted and authenticated
        # again, so a kept connection's page cache is what makes searches as fast as plain.
        engine = create_engine(URL.create("sqlite", database=path), module=dbapi(),
                               poolclass=QueuePool, pool_size=2, max_overflow=8,
                               connect_args={"check_same_thread": False})

        @event.listens_for(engine, "checkin")
        def _checkin(dbapi_connection: Any, _record: Any) -> None:
            with suppress(*db_errors()):  # a read-only session's connection writes again
                dbapi_connection.execute("PRAGMA query_only = OFF")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if keys is not None:
            from .crypto.database import apply_key

            apply_key(dbapi_connection, keys)  # the first statement, before any pragma
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
        if write and first_write is not None:
            first_write.run()  # before BEGIN: this connection holds no lock yet
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def read_only_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions that can only read: a deferred BEGIN (never BEGIN IMMEDIATE, so no write lock
    is ever asked for) on a connection with ``PRAGMA query_only``, so any write fails in SQLite
    itself. For commands that only read (search, export, check, casefile, ics)."""
    options: dict[str, Any] = {"journal_read_only": True}
    if engine.dialect.name == "postgresql":  # BEGIN READ ONLY: the server refuses any write
        options["postgresql_readonly"] = True
    return sessionmaker(engine.execution_options(**options), expire_on_commit=False)


def write_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions that write (BEGIN IMMEDIATE); each commit seals the new history records into
    the hash chain first (``journal.chain``)."""
    factory = sessionmaker(engine.execution_options(journal_write=True), expire_on_commit=False)
    seal_on_commit(factory)
    return factory


def _touch_private(path: Path) -> None:
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    with suppress(OSError):
        os.chmod(path, 0o600)


class FolderLock:
    """An exclusive lock on the journal folder, held for as long as the journal is open
    (``platform.FileLock``: flock on POSIX, msvcrt on Windows)."""

    shared = False

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._lock = FileLock(self.path, shared=self.shared)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except LockBusy as busy:
            raise JournalLocked(self.busy_message(busy.holder)) from None

    @staticmethod
    def busy_message(holder: str) -> str:
        who = f" (process {holder})" if holder else ""
        return (f"This journal is already open in another Headway Journal window{who}. "
                "Close it there first, or open a different journal.")

    def release(self) -> None:
        self._lock.release()


def read_revision(db_path: Path, keys: JournalKeys | None = None) -> str | None:
    """The schema revision stored in a journal database, or None for an empty one."""
    con = connect_readonly(db_path, keys)
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
    except _read_errors() as exc:  # (garbage where text was)
        raise JournalDamaged(
            f"The journal database {db_path} cannot be read: {exc}. Nothing was changed."
        ) from exc
    finally:
        con.close()


def quick_check(db_path: Path, keys: JournalKeys | None = None) -> list[str]:
    """SQLite's quick_check plus foreign_key_check; an empty list means sound."""
    problems: list[str] = []
    try:
        con = connect_readonly(db_path, keys)
    except db_errors() as exc:
        return [f"cannot open database: {exc}"]
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        problems += [str(r[0]) for r in rows if r[0] != "ok"]
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
    except _read_errors() as exc:  # (garbage where text was)
        problems.append(f"database is damaged: {exc}")
    finally:
        con.close()
    return problems


def sqlite_backup(src_path: Path, dest: Path, *, journal_only: bool = False,
                  keys: JournalKeys | None = None) -> None:
    """Copy a (possibly open) database with SQLite's online backup API into ``dest`` atomically.

    ``journal_only``: refuse (JournalDamaged, ``dest`` untouched) a copy that holds no journal,
    so a backup can never "succeed" by copying an empty database. ``keys``: a locked journal's
    database, copied page by page under the same key (the copy is as encrypted as the source)."""
    tmp = dest.with_name(dest.name + ".partial")
    with suppress(FileNotFoundError):
        tmp.unlink()
    keys = unlocked.resolve_keys(src_path, keys)  # the copy is keyed as its source is
    src = connect_readonly(src_path, keys)  # also from a journal on a read-only disk
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
        out = connect_file(tmp, keys)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()
    problems = quick_check(tmp) if keys is None else quick_check(tmp, keys)
    if problems:
        tmp.unlink()
        raise JournalDamaged("The backup copy failed its check: " + "; ".join(problems[:3]))
    if keys is not None:  # a copy of a locked journal (anywhere) is read with its keys
        unlocked.remember(dest, keys)
    if journal_only:
        try:
            empty = (read_revision(tmp) if keys is None else read_revision(tmp, keys)) is None
        except JournalDamaged:
            empty = True
        if empty:
            tmp.unlink()
            raise JournalDamaged(f"{src_path} holds no journal, so nothing was backed up.")
    replace_durably(tmp, dest)


def migrate_to(db_path: Path, revision: str = "head", keys: JournalKeys | None = None) -> None:
    """Run the app's Alembic migrations on ``db_path`` up to ``revision``, on a connection of
    its own with foreign keys off (PITFALLS.md), in one transaction: on any error nothing of
    this run stays. Used by upgrades and to build the exact schema of a revision."""
    engine = make_engine(db_path, foreign_keys=False, keys=keys)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # ignored inside a transaction
            run_migrations(conn, revision)
            conn.commit()
    finally:
        engine.dispose()


def run_migrations(conn: Connection, revision: str = "head") -> None:
    """Alembic's upgrade to ``revision`` on the open connection ``conn`` (either store); the
    caller commits."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


class JournalUpgradeFailed(JournalError):
    """The schema upgrade failed; the journal is as it was and a copy from before is named."""

    def __init__(self, message: str, backup: str | None, reason: str = "") -> None:
        super().__init__(message)
        self.backup = backup  # the copy made just before the attempt
        self.reason = reason  # what went wrong, e.g. "OperationalError: no such table: x"


def upgrade_schema(db_path: Path, backups: Path, current: str | None,
                   keys: JournalKeys | None = None) -> str | None:
    """Bring the database to HEAD_REVISION with Alembic. Returns the pre-upgrade backup's path.

    A failed upgrade raises JournalUpgradeFailed naming that backup (the migration runs in one
    transaction, so the journal stays at its old schema); a failed check after it, JournalDamaged.
    """
    backup_path: str | None = None
    if current is not None:
        make_private_dir(backups)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        dest = backups / f"before-upgrade-{current}-{stamp}.sqlite3"
        sqlite_backup(db_path, dest)
        backup_path = str(dest)
    try:
        if keys is None:
            migrate_to(db_path)
        else:
            migrate_to(db_path, keys=keys)
    except Exception as exc:
        if current is None:
            raise
        text = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
        reason = f"{type(exc).__name__}: {text}"
        raise JournalUpgradeFailed(
            f"The journal could not be upgraded from schema {current} to {HEAD_REVISION} "
            f"({reason}). It was left at schema {current}, and a copy made just before the "
            f"attempt is kept in {backup_path}.", backup_path, reason) from exc
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
    with suppress(OSError):
        write_text_atomic(folder / VERIFIED_NAME, json.dumps(data), durable=False)


@dataclass
class Journal:
    """An open journal folder: engine, session factory and the folder lock.

    ``shared.engine.SharedJournal`` is the same for a journal on a PostgreSQL server."""

    kind: ClassVar[str] = "sqlite"  # the store: "sqlite" (a folder) or "postgresql" (a URL)
    folder: Path
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session]
    lock: FolderLock
    upgraded_from: str | None = None
    upgrade_backup: str | None = None
    verified_at: datetime | None = None  # when the database last passed the full check
    first_write: FirstWriteHook = field(default_factory=FirstWriteHook, repr=False)
    read_only: str | None = None  # why it cannot be written (journal.readonly); None: it can
    scratch: Path | None = None  # a read-only journal's thumbnails and print copies
    # Opened with ``defer_check`` and the full check not passed yet: read through read-only
    # connections (nothing written, not even a checkpoint) until ``accept_check``.
    unchecked: bool = False
    keys: JournalKeys | None = field(default=None, repr=False)  # a locked journal's keys
    _closed: bool = field(default=False, repr=False)

    def run_check(self) -> list[str]:
        """The full integrity check on its own read-only connection (any thread); [] = sound."""
        return quick_check(self.db_path)

    def accept_check(self) -> None:
        """The deferred check passed: from now on the journal is read and written as usual."""
        if not self.unchecked or self._closed:
            return
        self.engine.dispose()
        _private_side_files(self.folder)
        make_private_dir(self.attachments_dir)
        make_private_dir(self.backups_dir)
        self.engine = make_engine(self.db_path, first_write=self.first_write, keys=self.keys)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_sessions = write_sessions(self.engine)
        self.verified_at = datetime.now(UTC)
        self.unchecked = False

    def before_first_write(self, action: Callable[[], None] | None) -> None:
        """Run ``action`` once, just before the next write transaction begins (None: nothing)."""
        self.first_write.action = action

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

    @property
    def location(self) -> str:
        """Where the journal is, for people: its folder (a shared journal: its URL, no password)."""
        return str(self.folder)

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
        if not self._closed and self.unchecked:  # never checked: nothing is written
            self.engine.dispose()
            self.lock.release()
            self._closed = True
        if not self._closed and self.read_only is not None:
            from .readonly import close_read_only

            close_read_only(self)
            self._closed = True
        if not self._closed:
            self.engine.dispose()
            with suppress(*db_errors()):
                # Not waiting when another program is writing (its WAL stays, and so no stamp).
                con = connect_file(self.db_path, self.keys, timeout=0.1)
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


def raise_if_damaged(problems: list[str]) -> None:
    """JournalDamaged with the first problems ``quick_check`` found (none: nothing)."""
    if problems:
        raise JournalDamaged(
            "The journal database is damaged (" + "; ".join(problems[:3])
            + "). Nothing was changed. Restore the newest sound backup.")


def _private_side_files(folder: Path) -> None:
    for suffix in ("-wal", "-shm"):
        side = folder / (DB_NAME + suffix)
        if side.exists():
            with suppress(OSError):
                os.chmod(side, 0o600)


def _open_unchecked(folder: Path, lock: FolderLock, revision: str,
                    keys: JournalKeys | None) -> Journal:
    """The journal before its deferred full check: read-only connections (``mode=ro``, so not
    even a checkpoint of a crashed session's WAL reaches the file), no stamp, writes refused."""
    from .readonly import make_read_only_engine

    _forget_verified(folder)
    engine = make_read_only_engine(folder / DB_NAME, keys)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Journal(folder, engine, sessions, sessions, lock, revision, None, None,
                   unchecked=True, keys=keys)


def check_keys_given(folder: Path, keys: JournalKeys | None) -> None:
    """A folder with a lockbox is a locked journal: without ``keys`` it cannot be opened
    (``JournalNeedsKey``); keys for a plain database are a mistake of the caller."""
    if keys is None and (folder / unlocked.LOCKBOX_NAME).is_file():
        raise JournalNeedsKey(f"The journal at {folder} is encrypted: it opens with its "
                              "passphrase (or its recovery key).")
    if keys is not None and unlocked.is_plain_sqlite(folder / DB_NAME):
        raise JournalError(f"The journal at {folder} is not encrypted; it opens without a "
                           "passphrase.")


def _keys_for_open(folder: Path, keys: JournalKeys | None, *,
                   writable: bool) -> JournalKeys | None:
    """The keys ``folder``'s database opens with (None: plain), or JournalNeedsKey."""
    if writable:  # before asking whether it is locked: a swap cut short is settled first
        swap.settle(folder)
    locked = (folder / unlocked.LOCKBOX_NAME).is_file()
    if keys is None and locked:  # unlocked earlier in this process (reopened after a restore)
        keys = unlocked.keys_for(folder)
    check_keys_given(folder, keys)
    if keys is not None and locked:
        unlocked.remember(folder, keys)  # its backups and scratch copies are keyed too
    return unlocked.resolve_keys(folder / DB_NAME, keys)  # a scratch copy in a locked one


def open_journal(folder: Path, *, create: bool = True, defer_check: bool = False,
                 keys: JournalKeys | None = None) -> Journal:
    """Open (and if needed create and upgrade) the journal in ``folder``.

    ``defer_check``: when the full integrity check is due and no upgrade is needed, do not run
    it here: the journal opens ``unchecked`` (read-only connections, writes refused) and the
    caller runs ``Journal.run_check`` (e.g. in the background), then ``accept_check``.
    Raises JournalLocked, JournalTooNew or JournalDamaged with a message for the user; a damaged
    journal is never written to, moved or recreated here. ``keys``: the keys of a locked
    journal (one with a lockbox; ``JournalNeedsKey`` without them), whose database is SQLCipher.
    """
    folder = folder.expanduser().absolute()
    db_path = folder / DB_NAME
    if not folder.exists():
        if not create:
            raise JournalError(f"There is no journal at {folder}.")
        make_private_dir(folder)
    elif not folder.is_dir():
        raise JournalError(f"{folder} is a file, not a journal folder.")
    from .folder_safety import secure_journal_folder
    from .readonly import open_read_only, probe_read_only

    read_only = probe_read_only(folder)  # a read-only disk: opened read-only, nothing written
    secure_journal_folder(folder, read_only=read_only is not None)
    keys = _keys_for_open(folder, keys, writable=read_only is None)
    if read_only is not None:
        return open_read_only(folder, read_only, keys)
    lock = FolderLock(folder)
    lock.acquire()
    try:
        swap.recover(folder)  # an encryption or decryption cut short: finished or undone
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
            if checked_at is None and defer_check and current == HEAD_REVISION:
                return _open_unchecked(folder, lock, current, keys)
            if checked_at is None:
                raise_if_damaged(quick_check(db_path))
                checked_at = datetime.now(UTC)
        # The stamp only vouches for a closed journal: a session that never closes cleanly leaves
        # none, so the next open checks in full. close() writes it again.
        _forget_verified(folder)
        _touch_private(db_path)
        make_private_dir(folder / ATTACHMENTS_DIR)
        make_private_dir(folder / BACKUPS_DIR)
        backup_path = None
        if current != HEAD_REVISION:
            backup_path = upgrade_schema(db_path, folder / BACKUPS_DIR, current, keys)
        _private_side_files(folder)
        hook = FirstWriteHook()
        engine = make_engine(db_path, first_write=hook, keys=keys)
        sessions = sessionmaker(engine, expire_on_commit=False)
        writes = write_sessions(engine)
        return Journal(folder, engine, sessions, writes, lock, current, backup_path, checked_at,
                       hook, keys=keys)
    except BaseException:
        lock.release()
        raise
