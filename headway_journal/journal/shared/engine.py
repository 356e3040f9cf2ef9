"""Opening a journal on a PostgreSQL server: the engine, the schema and ``SharedJournal``.

What a folder journal does around SQLite (the folder lock, ``quick_check``, WAL, file backups,
the verified stamp) has no place here: the server keeps its own integrity and many people may
have the journal open at once. Upgrades run in one transaction under an advisory lock, so two
people opening an old journal at once upgrade it once. A local folder per user and journal
(``cache_dir``) holds what is derived and private to this computer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, String, Text, create_engine, event, text
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker

from headway_journal import i18n

from ..db import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    FolderLock,
    Journal,
    JournalDamaged,
    JournalError,
    JournalTooNew,
    run_migrations,
    write_sessions,
)
from ..fsutil import make_private_dir
from .roles import READ_ONLY_REASON, can_write
from .urls import cache_name, parse_database_url, shown_url, with_password

# pg_advisory_xact_lock key taken while the schema is made or upgraded ("HJ" + "schema").
SCHEMA_LOCK = 0x484A_0001
# Taken by every write transaction: writers take turns, so history rows are committed in the
# order of their ids and each is sealed into the hash chain after the one before it
# (``journal.chain``; SQLite's BEGIN IMMEDIATE gives the same order).
WRITE_LOCK = 0x484A_0002
CONNECT_TIMEOUT_S = 10
# A pooled connection idle this long is pinged before use (``make_pg_engine``).
PING_AFTER_S = 1.0
USED_AT = "headway_used_at"
APPLICATION_NAME = "headway-journal"


@compiles(String, "postgresql")
def _unbounded_text(type_: String, compiler: Any, **kw: Any) -> str:
    """Text columns without a length limit on PostgreSQL, as on SQLite: the lengths in the models
    are documentation (the service validates text), so a 400-character title is kept on either
    store instead of failing with "value too long" on one."""
    return "TEXT" if isinstance(type_, Text) else "VARCHAR"


class ServerUnreachable(JournalError):
    """The server cannot be reached (down, no network, refused, bad password)."""


def describe_server_error(exc: BaseException, where: str) -> str:
    """A connection failure in plain words (the URL is shown without its password)."""
    text_ = " ".join(str(getattr(exc, "orig", None) or exc).split())
    low = text_.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return i18n.text("The server at {where} refused the user name or password. Nothing "
                         "was changed.").format(where=where)
    if "does not exist" in low and "database" in low:
        return i18n.text("There is no database {where} on that server (ask its administrator "
                         "to make it).").format(where=where)
    return i18n.text("The journal server at {where} cannot be reached ({error}). Check the "
                     "network and the address; nothing was changed.").format(
                         where=where, error=text_[:200])


class _NoLock(FolderLock):
    """A shared journal is open in many places at once: there is no folder to lock."""

    def __init__(self) -> None:  # nothing to hold
        pass

    def acquire(self) -> None:
        return

    def release(self) -> None:
        return


def make_pg_engine(url: URL) -> Engine:
    """An engine on the server. ``journal_read_only`` sessions (``db.read_only_sessions``) run
    in READ ONLY transactions (``BEGIN READ ONLY``: ``postgresql_readonly``), so any write
    fails in the server itself; write sessions take ``WRITE_LOCK`` first. A pooled connection
    idle for ``PING_AFTER_S`` is pinged before it is used again (a dropped one is replaced);
    one used a moment ago is not: every round trip to the server counts."""
    engine = create_engine(url, pool_size=2, max_overflow=6,
                           connect_args={"connect_timeout": CONNECT_TIMEOUT_S,
                                         "application_name": APPLICATION_NAME})

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get("journal_write", False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_conn: Any, record: Any) -> None:
        record.info[USED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn: Any, record: Any, proxy: Any) -> None:
        used = record.info.get(USED_AT)
        if used is None or time.monotonic() - used < PING_AFTER_S:
            return  # a new connection, or one in use a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except Exception:  # noqa: BLE001 - any failure means the connection is gone
            alive = False
        if not alive:
            raise DisconnectionError("the connection to the journal server was lost")

    return engine


def read_sessions(engine: Engine) -> sessionmaker[Session]:
    """The shared journal's reading sessions: each statement on its own (autocommit), as
    PostgreSQL's READ COMMITTED gives each statement its own snapshot anyway; no BEGIN and
    ROLLBACK around a read, two round trips fewer."""
    return sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"),
                        expire_on_commit=False)


def read_pg_revision(conn: Connection, where: str) -> str | None:
    """The schema revision of the journal in this database; None for an empty database."""
    has_version = conn.scalar(text("SELECT to_regclass('alembic_version') IS NOT NULL"))
    if not has_version:
        tables = conn.scalar(text(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"))
        if tables:
            raise JournalDamaged(i18n.text("The database {where} holds tables but not a "
                                           "Headway journal; nothing was changed.").format(
                                               where=where))
        return None
    rev = conn.scalar(text("SELECT version_num FROM alembic_version"))
    return None if rev is None else str(rev)


def migrate_url(url: str | URL, revision: str = "head") -> str | None:
    """Make or upgrade the schema in the database at ``url`` (one transaction, under an advisory
    lock). Returns the revision it had before (None: empty)."""
    parsed = url if isinstance(url, URL) else with_password(parse_database_url(url))
    engine = make_pg_engine(parsed)
    try:
        return _migrate(engine, shown_url(parsed), revision)
    finally:
        engine.dispose()


def _migrate(engine: Engine, where: str, revision: str = "head") -> str | None:
    with engine.connect() as conn:
        if revision == "head" and read_pg_revision(conn, where) == HEAD_REVISION:
            return HEAD_REVISION  # the usual case: no upgrade, no lock to wait for
        conn.rollback()
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})
        current = read_pg_revision(conn, where)  # again: someone may have just upgraded it
        if current is not None and current not in KNOWN_REVISIONS:
            raise JournalTooNew(i18n.text(
                "The journal at {where} was made by a newer version of Headway Journal (schema "
                "{schema}). Update the app to open it; nothing was changed.").format(
                    where=where, schema=current))
        if current != HEAD_REVISION or revision != "head":
            run_migrations(conn, revision)
        conn.commit()
    return current


def default_cache_root() -> Path:
    return Path(platformdirs.user_cache_dir("headway-journal", appauthor=False)) / "shared"


@dataclass
class SharedJournal(Journal):
    """A journal on a PostgreSQL server. ``folder`` is this user's local cache for it."""

    url: URL | None = field(default=None, repr=False)

    kind = "postgresql"

    @property
    def name(self) -> str:
        return str(self.url.database) if self.url is not None else "journal"

    @property
    def location(self) -> str:
        return shown_url(self.url) if self.url is not None else ""

    def run_check(self) -> list[str]:
        return []  # the server keeps its own integrity

    def accept_check(self) -> None:
        self.unchecked = False

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            self._closed = True


def open_shared_journal(url_text: str, *, password: str | None = None,
                        cache_root: Path | None = None) -> SharedJournal:
    """Open (making or upgrading its schema when needed) the journal in the database at
    ``url_text``. Raises JournalError (ServerUnreachable, JournalTooNew, JournalDamaged) with a
    message for the user; the URL is never shown with its password."""
    url = with_password(parse_database_url(url_text), password)
    where = shown_url(url)
    engine = make_pg_engine(url)
    try:
        current = _migrate(engine, where)
        with engine.connect() as conn:
            writable = can_write(conn)
    except DBAPIError as exc:
        engine.dispose()
        raise ServerUnreachable(describe_server_error(exc, where)) from None
    except BaseException:
        engine.dispose()
        raise
    folder = (cache_root or default_cache_root()) / cache_name(url)
    make_private_dir(folder)
    sessions = read_sessions(engine)
    writes = write_sessions(engine)  # sealed into the hash chain at each commit
    upgraded_from = current if current != HEAD_REVISION else None
    journal = SharedJournal(folder, engine, sessions, writes, _NoLock(), upgraded_from, None,
                            None, url=url)
    if not writable:  # a reader: opened read-only (the server refuses writes anyway)
        journal.read_only = READ_ONLY_REASON
        journal.scratch = folder / "derived"  # thumbnails and print copies, this user's own
        make_private_dir(journal.scratch)
    return journal


def session_user(s: Session) -> str:
    """The database user this session acts as (recorded in the history)."""
    return str(s.scalar(text("SELECT current_user")) or "")
