"""The journal service's core: the open journal, its write transactions, settings and
business calendar, and the lookups every part of the service uses.

``service.JournalService`` is made of this base and the parts in ``case_queries``, ``case_views``,
``organizations``, ``promise_dates``, ``exhibit_records``, ``guidance`` and ``seed`` (each a class
deriving from ``ServiceBase``, reading and writing through it). A new group of read-only or
self-contained operations goes in such a part; what validates user input stays with the facade.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from . import deadlines as dl
from .concurrency import conflict_from_stale
from .db import UNCHECKED_REASON, Journal, describe_sqlite_error
from .history import record_change
from .models import Case, Contact, Setting
from .records import NotFound, StorageError


class ServiceBase:
    """The open journal, its write transactions and settings."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.opened_to_read = False  # see open()
        self._calendar: dl.BusinessCalendar | None = None
        self._store: Any = None

    @property
    def folder(self) -> Path:
        return self.journal.folder

    @property
    def store(self) -> Any:
        """The attachment store (journal.exhibits.AttachmentStore), made on first use."""
        if self._store is None:
            limit = int(self.get_setting("attachment_limit_mb", "200") or "200")
            if self.journal.keys is not None:  # a locked journal: sealed, keyed names
                from .exhibits.sealed_store import SealedAttachmentStore

                self._store = SealedAttachmentStore(
                    self.journal.attachments_dir, self.journal.keys,
                    max_bytes=limit * 1024 * 1024, read_only=self.read_only,
                    derived=self.journal.scratch)
                return self._store
            from .exhibits import AttachmentStore

            if self.journal.kind == "postgresql":  # in the database, cached in the folder
                from .shared.blobs import DatabaseAttachmentStore

                self._store = DatabaseAttachmentStore(
                    self.journal.attachments_dir, self.journal.engine,
                    max_bytes=limit * 1024 * 1024, read_only=self.read_only,
                    derived=self.journal.scratch)
                return self._store
            self._store = AttachmentStore(self.journal.attachments_dir, max_bytes=limit * 1024 * 1024,
                                          read_only=self.read_only,
                                          derived=self.journal.scratch)
        return self._store

    @property
    def read_only(self) -> str | None:
        """Why this journal cannot be written (its disk is read-only, it is still being
        checked, ...); None if it can."""
        if self.journal.read_only is None and self.journal.unchecked:
            return UNCHECKED_REASON
        return self.journal.read_only

    @property
    def unchecked(self) -> bool:
        """Opened with its full integrity check deferred and not passed yet (writes refused)."""
        return self.journal.unchecked

    def accept_check(self) -> None:
        """The deferred check passed: writable from now on (see ``opening.accept_checked``)."""
        self.journal.accept_check()
        self._store = None  # made again, accepting additions

    def switch_to_read_only(self, reason: str) -> None:
        """The journal's disk became read-only while it was open: refuse writes from now on
        (and write nothing when it is closed)."""
        self.journal.read_only = reason
        self._store = None  # made again, refusing additions

    def close(self) -> None:
        self.journal.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if tb is not None:  # a statement cut short must not keep the database open
            from .interrupts import release_frames

            release_frames(tb)
        self.close()

    def require_writable(self) -> None:
        """Raise StorageError with the read-only message when the journal cannot be written."""
        if self.read_only is not None:
            from .readonly import read_only_message

            raise StorageError(read_only_message(self.read_only))

    def _write(self) -> Any:
        """A write transaction whose SQLite errors become StorageError with plain words."""
        if self.opened_to_read:
            raise StorageError("This journal was opened only to read it; nothing was changed.")
        self.require_writable()
        return _WriteGuard(self.journal)

    def write_transaction(self) -> Any:
        """``with svc.write_transaction() as s:`` one write transaction (BEGIN IMMEDIATE) for
        writers outside the service, such as the JSON import; errors become StorageError."""
        return self._write()

    def get_setting(self, key: str, default: str = "") -> str:
        # A Core read (no ORM entity): it runs when the journal opens, before the window's
        # first paint, and leaves the mappers unconfigured until something needs them.
        table = Setting.__table__.c
        with self.journal.sessions() as s:
            value = s.scalar(select(table.value).where(table.key == key))
            return default if value is None else str(value)

    def profile(self) -> dict[str, str]:
        with self.journal.sessions() as s:
            rows = s.scalars(select(Setting).where(Setting.key.like("profile.%"))).all()
            return {r.key.removeprefix("profile."): r.value for r in rows}

    @property
    def calendar(self) -> dl.BusinessCalendar:
        if self._calendar is None:
            country = self.get_setting("holiday_country", "US") or "US"
            sub = self.get_setting("holiday_subdivision", "") or None
            self._calendar = dl.BusinessCalendar(country, sub)
        return self._calendar

    def _case(self, s: Session, case_id: int, include_deleted: bool = False, *,
              lock: bool = False) -> Case:
        """The case (NotFound if none or deleted); ``lock``: read FOR UPDATE, so no one else
        saves it before this transaction ends (a server; SQLite's writer is alone anyway)."""
        c = s.get(Case, case_id, with_for_update=lock or None)
        if c is None or (c.deleted_at is not None and not include_deleted):
            raise NotFound(f"There is no case {case_id}.")
        return c

    def _log(self, s: Session, entity: str, entity_id: int, case_id: int | None, action: str,
             changes: dict[str, Any]) -> None:
        record_change(s, entity, entity_id, case_id, action, changes)

    def log_change(self, s: Session, entity: str, entity_id: int, case_id: int | None,
                   action: str, changes: dict[str, Any]) -> None:
        """Add one entry to the change history, in the caller's transaction ``s``."""
        self._log(s, entity, entity_id, case_id, action, changes)

    def stats(self) -> dict[str, Any]:
        with self.journal.sessions() as s:
            cases = s.scalar(select(func.count()).select_from(Case).where(Case.deleted_at.is_(None)))
            contacts = s.scalar(select(func.count()).select_from(Contact))
        return {"cases": int(cases or 0), "contacts": int(contacts or 0)}

    def last_backup(self) -> datetime | None:
        folder = self.journal.backups_dir
        try:
            times = [p.stat().st_mtime for p in folder.glob("*.sqlite3")]
        except OSError:
            return None
        return datetime.fromtimestamp(max(times), UTC) if times else None


class _WriteGuard:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.session: Session | None = None

    def __enter__(self) -> Session:
        self.session = self.journal.write_sessions()
        return self.session

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        assert self.session is not None
        s = self.session
        try:
            if exc is None:
                try:
                    s.commit()
                except StaleDataError as err:  # another save won the race for a row
                    s.rollback()
                    raise conflict_from_stale(err) from err
                except DBAPIError as err:
                    s.rollback()
                    raise StorageError(describe_sqlite_error(err)) from err
                except OSError as err:
                    s.rollback()
                    raise StorageError(describe_sqlite_error(err)) from err
            else:
                s.rollback()
                if isinstance(exc, StaleDataError):
                    raise conflict_from_stale(exc) from exc
                if isinstance(exc, DBAPIError):
                    raise StorageError(describe_sqlite_error(exc)) from exc
        finally:
            s.close()
