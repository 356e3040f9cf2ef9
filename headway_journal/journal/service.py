"""The operations the GUI and the command line call. Never imports Qt.

Everything here takes and returns plain dataclasses, so no caller ever holds an ORM session.
Every write is one transaction; edits, deletions and restores are written to the change history.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import String, case, func, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from . import deadlines as dl
from .db import (
    Journal,
    describe_sqlite_error,
    open_journal,
    read_only_sessions,
    resolve_journal_dir,
)
from .history import case_history, changed_fields, record_change
from .issue_types import (
    ISSUE_TYPES,
    ROLES,
    SAFETY_NOTE,
    FieldError,
    FieldSpec,
    checklist,
    get_issue_type,
    parse_money,
    refuse_card_number,
)
from .models import (
    Attachment,
    Case,
    Channel,
    Contact,
    Escalation,
    Note,
    Organization,
    Promise,
    Setting,
    Ticket,
    utc_key,
    utc_now,
)
from .records import (
    ACTIVE_STATUSES,
    AUDIENCES,
    CHANNEL_KINDS,
    CHANNELS,
    DIRECTIONS,
    MAX_CALL,
    MAX_HOLD_MINUTES,
    MAX_LONG,
    MAX_TEXT,
    PROMISE_STATUSES,
    STATUSES,
    AttachmentView,
    CaseFilter,
    CaseInput,
    CaseSummary,
    CaseView,
    ChangeView,
    ChannelView,
    ContactInput,
    ContactView,
    DueItem,
    EscalationInput,
    EscalationView,
    NoteView,
    NotFound,
    OrganizationInput,
    OrganizationView,
    PromiseInput,
    PromiseView,
    SearchHit,
    ServiceError,
    StorageError,
    ValidationError,
)
from .safe_echo import escape_for_terminal

# The facade's exceptions (defined with the records, so that modules the service uses can raise
# them too); the input and view dataclasses are imported from ``records``.
__all__ = ["JournalService", "NotFound", "ServiceError", "StorageError", "ValidationError"]

# A lone UTF-16 surrogate (from a JSON "\ud800" escape, or a broken paste) cannot be stored as
# UTF-8: SQLite's driver raises UnicodeEncodeError. Refuse it as invalid input instead.
_SURROGATE = re.compile("[\ud800-\udfff]")
# ... nor searched for; a NUL ends FTS5's query text early ("unterminated string").
_UNSEARCHABLE = re.compile("[\x00\ud800-\udfff]")


# --- helpers ------------------------------------------------------------------------------------


def new_key(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _clean(value: object, name: str, errors: dict[str, str], *, limit: int = MAX_TEXT,
           required: bool = False, label: str | None = None) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[name] = f"{label or name} must be text."
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not value.replace("\n", "").replace("\t", "").isprintable():  # (else nothing to drop)
        value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable() or ord(ch) > 0x9F)
    value = value.strip() if limit > MAX_TEXT else " ".join(value.split())
    if _SURROGATE.search(value):
        errors[name] = (f"{label or name.replace('_', ' ').capitalize()} contains a character that "
                        "is not valid text (a lone surrogate); please retype that part.")
    elif required and not value:
        errors[name] = f"{label or name.replace('_', ' ').capitalize()} is required."
    elif len(value) > limit:
        errors[name] = f"This is {len(value):,} characters long; the limit is {limit:,}."
    else:
        try:
            refuse_card_number(value)
        except FieldError as exc:
            errors[name] = str(exc)
    return value


def _choice(value: str, name: str, allowed: Sequence[str], errors: dict[str, str]) -> str:
    if value not in allowed:
        errors[name] = f"'{escape_for_terminal(value)}' is not one of: {', '.join(allowed)}."
    return value


def _aware(value: Any, name: str, errors: dict[str, str]) -> datetime | None:
    if not isinstance(value, datetime):
        errors[name] = "A date and time is required."
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        errors[name] = "The time needs its UTC offset (time zone)."
        return None
    if not (1990 <= value.year <= 2100):
        errors[name] = f"{value.date().isoformat()} is outside the years 1990 to 2100."
        return None
    return value.replace(microsecond=0)


def _contact_day() -> Any:
    """A contact's own local date as ISO text (started_at is stored with its offset)."""
    return func.substr(Contact.__table__.c.started_at, 1, 10, type_=String(10))


def fts_query(text_: str) -> str | None:
    """Turn user text into a safe FTS5 query: every token quoted, the last one a prefix."""
    tokens = [t for t in re.split(r"\s+", _UNSEARCHABLE.sub(" ", text_).strip()) if t]
    tokens = [t.replace('"', '""') for t in tokens][:12]
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens]
    parts[-1] += "*"
    return " ".join(parts)


# --- the service --------------------------------------------------------------------------------


class JournalService:
    """All operations on one open journal."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.opened_to_read = False  # see open()
        self._calendar: dl.BusinessCalendar | None = None
        self._store: Any = None

    # lifecycle

    @classmethod
    def open(cls, folder: str | Path | None = None, *, seed: bool = True,
             read_only: bool = False) -> JournalService:
        """Open the journal in ``folder``.

        ``read_only``: for commands that only read. Every session (also a write attempted by
        mistake) is then a read-only one (``db.read_only_sessions``): no write transaction, no
        write lock, nothing seeded or refreshed; a write raises StorageError.
        """
        journal = open_journal(resolve_journal_dir(folder))
        svc = cls(journal)
        if journal.read_only is not None:
            return svc  # nothing can be seeded or stored; it is read as it is
        if read_only:
            svc.opened_to_read = True
            journal.sessions = journal.write_sessions = read_only_sessions(journal.engine)
            return svc
        try:
            if seed:
                svc.seed_defaults()
            svc.refresh_due_dates(only_missing=True)
        except BaseException as exc:
            from .interrupts import release_frames

            release_frames(exc.__traceback__)  # a statement cut short must not keep it open
            journal.close()
            raise
        return svc

    def close(self) -> None:
        self.journal.close()

    def __enter__(self) -> JournalService:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if tb is not None:  # a statement cut short must not keep the database open
            from .interrupts import release_frames

            release_frames(tb)
        self.close()

    @property
    def folder(self) -> Path:
        return self.journal.folder

    @property
    def store(self) -> Any:
        """The attachment store (journal.attachments.AttachmentStore), made on first use."""
        if self._store is None:
            from .attachments import AttachmentStore

            limit = int(self.get_setting("attachment_limit_mb", "200") or "200")
            self._store = AttachmentStore(self.journal.attachments_dir, max_bytes=limit * 1024 * 1024,
                                          read_only=self.journal.read_only,
                                          derived=self.journal.scratch)
        return self._store

    @property
    def read_only(self) -> str | None:
        """Why this journal cannot be written (its disk is read-only, ...); None if it can."""
        return self.journal.read_only

    def switch_to_read_only(self, reason: str) -> None:
        """The journal's disk became read-only while it was open: refuse writes from now on
        (and write nothing when it is closed)."""
        self.journal.read_only = reason
        self._store = None  # made again, refusing additions

    def require_writable(self) -> None:
        """Raise StorageError with the read-only message when the journal cannot be written."""
        if self.journal.read_only is not None:
            from .readonly import read_only_message

            raise StorageError(read_only_message(self.journal.read_only))

    def _write(self) -> Any:
        """A write transaction whose SQLite errors become StorageError with plain words."""
        if self.opened_to_read:
            raise StorageError("This journal was opened only to read it; nothing was changed.")
        self.require_writable()
        return _WriteGuard(self.journal)

    # settings

    def get_setting(self, key: str, default: str = "") -> str:
        with self.journal.sessions() as s:
            row = s.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        if key in ("holiday_country", "holiday_subdivision"):
            self._calendar = None
            self.refresh_due_dates(only_missing=False)
        if key == "attachment_limit_mb":
            self._store = None  # the next use of .store applies the new limit

    def profile(self) -> dict[str, str]:
        with self.journal.sessions() as s:
            rows = s.scalars(select(Setting).where(Setting.key.like("profile.%"))).all()
            return {r.key.removeprefix("profile."): r.value for r in rows}

    def set_profile(self, **values: str) -> None:
        """Save the user's details (name, address, email, phone) printed on the case file."""
        errors: dict[str, str] = {}
        # the address keeps its lines; the others are one line each
        clean = {k: _clean(v, k, errors, limit=MAX_LONG if k == "address" else MAX_TEXT)
                 for k, v in values.items()}
        if clean.get("email") and "email" not in errors:
            try:
                FieldSpec("email", "E-mail", "email").normalize(clean["email"])
            except FieldError as exc:
                errors["email"] = str(exc)
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            for k, v in clean.items():
                row = s.get(Setting, f"profile.{k}")
                if row is None:
                    s.add(Setting(key=f"profile.{k}", value=v))
                else:
                    row.value = v

    @property
    def calendar(self) -> dl.BusinessCalendar:
        if self._calendar is None:
            country = self.get_setting("holiday_country", "US") or "US"
            sub = self.get_setting("holiday_subdivision", "") or None
            self._calendar = dl.BusinessCalendar(country, sub)
        return self._calendar

    # organizations

    def seed_defaults(self) -> None:
        """Preload Headway with its published channels, once per journal.

        A journal seeded by an earlier version gets the current hours on the seeded channels
        the user never touched (``_refresh_seed``); edited or verified channels stay as they are.
        """
        if self.get_setting("seeded"):
            self._refresh_seed()
            return
        with self._write() as s:
            if s.scalar(select(Organization).where(Organization.key == "headway")) is None:
                org = Organization(key="headway", name="Headway", website="https://headway.co",
                                   address="", notes=HEADWAY_NOTES)
                for i, ch in enumerate(HEADWAY_CHANNELS):
                    org.channels.append(Channel(position=i, **ch))
                s.add(org)
            s.merge(Setting(key="seeded", value=utc_now().isoformat()))

    def _refresh_seed(self) -> None:
        """Replace hours an earlier seed invented, on channels still exactly as seeded.

        A channel qualifies only while every field equals an earlier seed's and it was never
        verified; the organization's notes only while they equal the earlier seed's. The change
        goes into the history like an edit. Nothing is written when nothing qualifies, so this
        costs one read on later opens.
        """
        def stale(c: Channel) -> dict[str, str] | None:
            if c.verified_on is not None or c.verified_from:
                return None
            fresh = _OLD_SEED_CHANNELS.get((c.kind, c.value, c.label, c.audience, c.hours,
                                            c.timezone))
            return None if fresh is None or fresh == {"hours": c.hours,
                                                       "timezone": c.timezone} else fresh

        with self.journal.sessions() as s:
            org = s.scalar(select(Organization).where(Organization.key == "headway")
                           .options(selectinload(Organization.channels)))
            if org is None or (org.notes not in _OLD_HEADWAY_NOTES
                               and not any(stale(c) for c in org.channels)):
                return
        with self._write() as s:
            org = s.scalar(select(Organization).where(Organization.key == "headway")
                           .options(selectinload(Organization.channels)))
            if org is None:
                return
            before = {"notes": org.notes, "channels": [_channel_dict(c) for c in org.channels]}
            for c in org.channels:
                fresh = stale(c)
                if fresh is not None:
                    c.hours, c.timezone = fresh["hours"], fresh["timezone"]
            if org.notes in _OLD_HEADWAY_NOTES:
                org.notes = HEADWAY_NOTES
            after = {"notes": org.notes, "channels": [_channel_dict(c) for c in org.channels]}
            self._log(s, "organization", org.id, None, "update", changed_fields(before, after))

    def organizations(self) -> list[OrganizationView]:
        with self.journal.sessions() as s:
            orgs = s.scalars(
                select(Organization).options(selectinload(Organization.channels)).order_by(
                    func.lower(Organization.name)
                )
            ).all()
            return [_org_view(o) for o in orgs]

    def organization(self, org_id: int) -> OrganizationView:
        with self.journal.sessions() as s:
            o = s.get(Organization, org_id)
            if o is None:
                raise NotFound(f"There is no organization {org_id}.")
            return _org_view(o)

    def organization_by_key(self, key: str) -> OrganizationView | None:
        with self.journal.sessions() as s:
            o = s.scalar(select(Organization).where(Organization.key == key))
            return None if o is None else _org_view(o)

    def _validate_organization(
        self, data: OrganizationInput
    ) -> tuple[dict[str, str], list[dict[str, Any]]]:
        """Clean an organization's values and channels; raises ValidationError (keys like
        ``name`` or ``channels[1].kind``). Also used by the JSON import."""
        errors: dict[str, str] = {}
        name = _clean(data.name, "name", errors, required=True, label="Name")
        website = _clean(data.website, "website", errors)
        address = _clean(data.address, "address", errors, limit=2000)
        notes = _clean(data.notes, "notes", errors, limit=MAX_LONG)
        channels: list[dict[str, Any]] = []
        for i, ch in enumerate(data.channels):
            p = f"channels[{i}]"
            kind = _choice(ch.kind, f"{p}.kind", CHANNEL_KINDS, errors)
            value = _clean(ch.value, f"{p}.value", errors, required=True, label="Channel")
            audience = _choice(ch.audience or "any", f"{p}.audience", AUDIENCES, errors)
            hours = _clean(ch.hours, f"{p}.hours", errors)
            if hours:
                from .hours import HoursError, parse_hours

                try:
                    parse_hours(hours)
                except HoursError as exc:
                    errors[f"{p}.hours"] = str(exc)
            tz = _clean(ch.timezone, f"{p}.timezone", errors)
            if tz:
                from .hours import channel_zone

                try:
                    zone = channel_zone(tz)
                except OSError:  # "America" is a folder of zones, a long name is too long
                    zone = None
                if zone is None:
                    errors[f"{p}.timezone"] = f"'{escape_for_terminal(tz)}' is not a time zone like America/New_York."
            channels.append(
                dict(
                    kind=kind, value=value, label=_clean(ch.label, f"{p}.label", errors),
                    audience=audience, hours=hours, timezone=tz, verified_on=ch.verified_on,
                    verified_from=_clean(ch.verified_from, f"{p}.verified_from", errors),
                )
            )
        if errors:
            raise ValidationError(errors)
        return {"name": name, "website": website, "address": address, "notes": notes}, channels

    def save_organization(self, data: OrganizationInput, org_id: int | None = None) -> int:
        values, channels = self._validate_organization(data)
        name, website = values["name"], values["website"]
        address, notes = values["address"], values["notes"]
        with self._write() as s:
            if org_id is None:
                key = data.key or _slug(name)
                if s.scalar(select(Organization.id).where(Organization.key == key)) is not None:
                    key = f"{key}-{uuid.uuid4().hex[:6]}"
                org = Organization(key=key, name=name)
                s.add(org)
            else:
                found = s.get(Organization, org_id)
                if found is None:
                    raise NotFound(f"There is no organization {org_id}.")
                org = found
            before = {"name": org.name, "website": org.website, "address": org.address,
                      "notes": org.notes, "channels": [_channel_dict(c) for c in org.channels]}
            org.name, org.website, org.address, org.notes = name, website, address, notes
            org.channels.clear()
            s.flush()
            for i, values in enumerate(channels):
                org.channels.append(Channel(position=i, **values))
            s.flush()
            after = {"name": name, "website": website, "address": address, "notes": notes,
                     "channels": [_channel_dict(c) for c in org.channels]}
            self._log(s, "organization", org.id, None, "create" if org_id is None else "update",
                      changed_fields(before, after))
            return org.id

    def representatives(self, organization_id: int) -> list[tuple[str, str, str]]:
        """(name, title, id) of representatives met before at this organization, most recent first."""
        with self.journal.sessions() as s:
            rows = s.execute(
                select(Contact.rep_name, Contact.rep_title, Contact.rep_id, func.max(Contact.started_utc))
                .join(Case, Case.id == Contact.case_id)
                .where(Case.organization_id == organization_id, Contact.rep_name != "",
                       Contact.deleted_at.is_(None))
                .group_by(Contact.rep_name, Contact.rep_title, Contact.rep_id)
                .order_by(func.max(Contact.started_utc).desc())
                .limit(200)
            ).all()
            return [(r[0], r[1], r[2]) for r in rows]

    # cases

    def _validate_case(self, data: CaseInput) -> dict[str, Any]:
        errors: dict[str, str] = {}
        title = _clean(data.title, "title", errors, required=True, label="Title")
        if data.issue_type not in ISSUE_TYPES:
            errors["issue_type"] = f"'{escape_for_terminal(data.issue_type)}' is not a known issue type."
            fields: dict[str, str] = {}
        else:
            it = get_issue_type(data.issue_type)
            fields, ferrs = it.validate(data.fields or {})
            errors.update({f"fields.{k}": v for k, v in ferrs.items()})
            for k, v in fields.items():  # stored as JSON, then indexed for search as UTF-8
                if _SURROGATE.search(v):
                    errors[f"fields.{k}"] = ("This contains a character that is not valid text "
                                             "(a lone surrogate); please retype that part.")
        role = _choice(data.role, "role", ROLES, errors)
        status = _choice(data.status, "status", STATUSES, errors)
        opened = data.opened_on or date.today()
        if (not isinstance(opened, date) or isinstance(opened, datetime)
                or not (1990 <= opened.year <= 2100)):
            errors["opened_on"] = "The opening date is impossible."
        elif opened > date.today() + timedelta(days=1):
            errors["opened_on"] = "A case cannot be opened in the future."
        amount: Decimal | None = None
        if data.amount_disputed not in (None, ""):
            try:
                amount = parse_money(str(data.amount_disputed))
            except FieldError as exc:
                errors["amount_disputed"] = str(exc)
        currency = (data.currency or "USD").upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            errors["currency"] = "A currency is a 3-letter code such as USD."
        summary = _clean(data.summary, "summary", errors, limit=MAX_LONG)
        desired = _clean(data.desired_outcome, "desired_outcome", errors, limit=MAX_LONG)
        if errors:
            raise ValidationError(errors)
        return dict(title=title, organization_id=data.organization_id, issue_type=data.issue_type,
                    role=role, status=status, opened_on=opened, summary=summary,
                    desired_outcome=desired, amount_disputed=amount, currency=currency,
                    fields=fields)

    def create_case(self, data: CaseInput) -> int:
        values = self._validate_case(data)
        with self._write() as s:
            if s.get(Organization, data.organization_id) is None:
                raise ValidationError({"organization": "Choose an organization."})
            c = Case(key=data.key or new_key("case"), **values)
            s.add(c)
            s.flush()
            self._log(s, "case", c.id, c.id, "create", changed_fields({}, values))
            return c.id

    def update_case(self, case_id: int, data: CaseInput) -> None:
        values = self._validate_case(data)
        with self._write() as s:
            c = self._case(s, case_id)
            if s.get(Organization, data.organization_id) is None:
                raise ValidationError({"organization": "Choose an organization."})
            before = {k: getattr(c, k) for k in values}
            changes = changed_fields(before, values)
            if not changes:
                return
            for k, v in values.items():
                setattr(c, k, v)
            c.updated_at = utc_now()
            self._log(s, "case", c.id, c.id, "update", changes)

    def set_case_status(self, case_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValidationError({"status": f"'{escape_for_terminal(status)}' is not one of: "
                                              f"{', '.join(STATUSES)}."})
        with self._write() as s:
            c = self._case(s, case_id)
            if c.status != status:
                self._log(s, "case", c.id, c.id, "status", {"status": [c.status, status]})
                c.status = status
                c.updated_at = utc_now()

    def delete_case(self, case_id: int) -> None:
        """Move a case to the deleted view (it can be restored; nothing is erased)."""
        with self._write() as s:
            c = self._case(s, case_id)
            c.deleted_at = utc_now()
            self._log(s, "case", c.id, c.id, "delete", {})

    def restore_case(self, case_id: int) -> None:
        with self._write() as s:
            c = self._case(s, case_id, include_deleted=True)
            c.deleted_at = None
            self._log(s, "case", c.id, c.id, "restore", {})

    def _case(self, s: Session, case_id: int, include_deleted: bool = False) -> Case:
        c = s.get(Case, case_id)
        if c is None or (c.deleted_at is not None and not include_deleted):
            raise NotFound(f"There is no case {case_id}.")
        return c

    def find_case(self, ref: str) -> int:
        """A case by its key or number."""
        with self.journal.sessions() as s:
            cid = s.scalar(select(Case.id).where(Case.key == ref, Case.deleted_at.is_(None)))
            if cid is None and ref.isdigit():
                cid = s.scalar(select(Case.id).where(Case.id == int(ref), Case.deleted_at.is_(None)))
            if cid is None:
                raise NotFound(f"There is no case '{escape_for_terminal(ref)}' (give its key or number).")
            return cid

    def _case_query(self, flt: CaseFilter, today: date) -> Any:
        dues = (
            select(Contact.case_id.label("case_id"), func.min(Promise.due_date).label("next_due"))
            .join(Promise, Promise.contact_id == Contact.id)
            .where(Promise.status == "pending", Contact.deleted_at.is_(None))
            .group_by(Contact.case_id)
            .subquery()
        )
        next_due = dues.c.next_due
        # The next-deadline subquery groups every pending promise: join it only when the view
        # or the order needs it (counts of the other views were paying for it at start-up).
        if flt.view == "due" or flt.sort not in ("opened", "title", "status"):
            q = select(Case.id, next_due).outerjoin(dues, dues.c.case_id == Case.id)
        else:
            q = select(Case.id)
        if flt.view == "deleted":
            q = q.where(Case.deleted_at.is_not(None))
        else:
            q = q.where(Case.deleted_at.is_(None))
        if flt.view == "active":
            q = q.where(Case.status.in_(ACTIVE_STATUSES))
        elif flt.view == "waiting":
            q = q.where(Case.status == "waiting")
        elif flt.view == "escalated":
            q = q.where(Case.status == "escalated")
        elif flt.view == "resolved":
            q = q.where(Case.status.in_(("resolved", "closed")))
        elif flt.view == "due":
            q = q.where(Case.status.in_(ACTIVE_STATUSES), next_due.is_not(None),
                        next_due <= today + timedelta(days=7))
        if flt.issue_type:
            q = q.where(Case.issue_type == flt.issue_type)
        if flt.organization_id:
            q = q.where(Case.organization_id == flt.organization_id)
        if flt.text.strip():
            match = fts_query(flt.text)
            if match:
                from .search import matching_cases

                q = q.where(Case.id.in_(matching_cases(match)))
        if flt.sort == "opened":
            q = q.order_by(Case.opened_on.desc(), Case.id.desc())
        elif flt.sort == "title":
            q = q.order_by(func.lower(Case.title), Case.id)
        elif flt.sort == "status":
            q = q.order_by(Case.status, Case.id.desc())
        else:
            q = q.order_by(case((next_due.is_(None), 1), else_=0), next_due, Case.id.desc())
        return q

    def count_cases(self, flt: CaseFilter = CaseFilter(), today: date | None = None) -> int:
        today = today or date.today()
        with self.journal.sessions() as s:
            sub = self._case_query(replace(flt, sort="title"), today).order_by(None).subquery()
            return int(s.scalar(select(func.count()).select_from(sub)) or 0)

    def case_ids(self, flt: CaseFilter = CaseFilter(), today: date | None = None) -> list[int]:
        """The ids of all matching cases in display order (cheap: one integer per case)."""
        today = today or date.today()
        q = self._case_query(flt, today).with_only_columns(Case.id, maintain_column_froms=True)
        with self.journal.sessions() as s:  # plain integers: no date conversion per row
            return list(s.execute(q).scalars().all())

    def case_summaries(self, ids: Sequence[int], today: date | None = None) -> list[CaseSummary]:
        """Summaries for the given ids, in the same order (one page of the case list)."""
        if not ids:
            return []
        today = today or date.today()
        with self.journal.sessions() as s:
            counts = dict(
                s.execute(
                    select(Contact.case_id, func.count())
                    .where(Contact.case_id.in_(ids), Contact.deleted_at.is_(None))
                    .group_by(Contact.case_id)
                ).all()
            )
            due_rows = s.execute(
                select(Contact.case_id, func.min(Promise.due_date))
                .join(Promise, Promise.contact_id == Contact.id)
                .where(Contact.case_id.in_(ids), Promise.status == "pending",
                       Contact.deleted_at.is_(None))
                .group_by(Contact.case_id)
            ).all()
            dues = {cid: (date.fromisoformat(d) if isinstance(d, str) else d) for cid, d in due_rows}
            rows = s.execute(
                select(Case, Organization.name).join(Organization).where(Case.id.in_(ids))
            ).all()
            by_id = {c.id: (c, org) for c, org in rows}
            out = []
            for cid in ids:
                if cid not in by_id:
                    continue
                c, org = by_id[cid]
                nd = dues.get(cid)
                out.append(CaseSummary(
                    id=c.id, key=c.key, title=c.title, organization=org, issue_type=c.issue_type,
                    issue_label=ISSUE_TYPES[c.issue_type].label if c.issue_type in ISSUE_TYPES
                    else c.issue_type,
                    role=c.role, status=c.status, opened_on=c.opened_on,
                    contact_count=int(counts.get(cid, 0)), next_due=nd,
                    overdue=bool(nd and nd < today and c.status in ACTIVE_STATUSES),
                ))
            return out

    def list_cases(self, flt: CaseFilter = CaseFilter(), today: date | None = None) -> list[CaseSummary]:
        return self.case_summaries(self.case_ids(flt, today), today)

    def view_counts(self, today: date | None = None) -> dict[str, int]:
        """How many cases each saved view holds (the sidebar), in one read of the journal."""
        today = today or date.today()
        live = Case.deleted_at.is_(None)

        def n(cond: Any) -> Any:
            return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

        with self.journal.sessions() as s:
            row = s.execute(select(
                n(live), n(live & Case.status.in_(ACTIVE_STATUSES)),
                n(live & (Case.status == "waiting")), n(live & (Case.status == "escalated")),
                n(live & Case.status.in_(("resolved", "closed"))), n(Case.deleted_at.is_not(None)),
            )).one()
            due_sub = self._case_query(CaseFilter(view="due"), today).order_by(None).subquery()
            due = int(s.scalar(select(func.count()).select_from(due_sub)) or 0)
        names = ("all", "active", "waiting", "escalated", "resolved", "deleted")
        return {"due": due, **{k: int(v) for k, v in zip(names, row, strict=True)}}

    def contact_span(self, case_id: int, first: date | None = None, last: date | None = None
                     ) -> tuple[int, date | None, date | None]:
        """(number of contacts, first and last contact date) of a case, counting only the
        contacts whose own local date lies in first..last (both included) when given. Cheap:
        nothing is loaded, so a case file can refuse a huge case before reading it."""
        day = _contact_day()
        conds = [Contact.case_id == case_id, Contact.deleted_at.is_(None)]
        if first is not None:
            conds.append(day >= first.isoformat())
        if last is not None:
            conds.append(day <= last.isoformat())
        with self.journal.sessions() as s:
            count, low, high = s.execute(
                select(func.count(), func.min(day), func.max(day)).where(*conds)).one()
        return (int(count), date.fromisoformat(low) if low else None,
                date.fromisoformat(high) if high else None)

    def get_case(self, case_id: int, *, now: datetime | None = None,
                 include_deleted: bool = False, contacts_from: date | None = None,
                 contacts_to: date | None = None) -> CaseView:
        """The case with everything in it. ``contacts_from``/``contacts_to`` (the contacts' own
        local dates, both included) load only the contacts in that range."""
        now = now or datetime.now(UTC)
        day = _contact_day()
        loaded: Any = Case.contacts
        if contacts_from is not None or contacts_to is not None:
            low = (contacts_from or date.min).isoformat()
            high = (contacts_to or date.max).isoformat()
            loaded = Case.contacts.and_(day >= low, day <= high)
        with self.journal.sessions() as s:
            c = s.scalar(
                select(Case)
                .where(Case.id == case_id)
                .options(
                    selectinload(Case.organization).selectinload(Organization.channels),
                    selectinload(loaded).selectinload(Contact.tickets),
                    selectinload(loaded).selectinload(Contact.promises),
                    selectinload(Case.escalations),
                    selectinload(Case.attachments),
                    selectinload(Case.notes),
                )
            )
            if c is None or (c.deleted_at is not None and not include_deleted):
                raise NotFound(f"There is no case {case_id}.")
            atts = [_att_view(a) for a in c.attachments]
            live = tuple(a for a in atts if a.removed_at is None)
            contacts = tuple(
                self._contact_view(ct, [a for a in live if a.contact_id == ct.id], now)
                for ct in c.contacts if ct.deleted_at is None
            )
            return CaseView(
                id=c.id, key=c.key, title=c.title, organization=_org_view(c.organization),
                issue_type=c.issue_type,
                issue_label=ISSUE_TYPES[c.issue_type].label if c.issue_type in ISSUE_TYPES
                else c.issue_type,
                role=c.role, status=c.status, opened_on=c.opened_on, summary=c.summary,
                desired_outcome=c.desired_outcome, amount_disputed=c.amount_disputed,
                currency=c.currency, fields={k: str(v) for k, v in (c.fields or {}).items()},
                created_at=c.created_at, updated_at=c.updated_at, contacts=contacts,
                escalations=tuple(_esc_view(e) for e in c.escalations),
                attachments=live,
                removed_attachments=tuple(a for a in atts if a.removed_at is not None),
                notes=tuple(NoteView(n.id, n.body, n.created_at, n.updated_at) for n in c.notes),
            )

    def _contact_view(self, ct: Contact, atts: list[AttachmentView], now: datetime) -> ContactView:
        return ContactView(
            id=ct.id, key=ct.key, case_id=ct.case_id, started_at=ct.started_at,
            ended_at=ct.ended_at, channel=ct.channel, direction=ct.direction,
            hold_minutes=ct.hold_minutes, rep_name=ct.rep_name, rep_title=ct.rep_title,
            rep_id=ct.rep_id, tickets=tuple(t.number for t in ct.tickets), summary=ct.summary,
            outcome=ct.outcome, recorded_at=ct.recorded_at,
            promises=tuple(self._promise_view(p, ct, now) for p in ct.promises),
            attachments=tuple(atts),
        )

    def _promise_view(self, p: Promise, ct: Contact, now: datetime) -> PromiseView:
        due = dl.promise_due(ct.started_at, business_days=p.business_days, hours=p.hours,
                             due_on=p.due_on, calendar=self.calendar)
        today = now.astimezone(ct.started_at.tzinfo).date()
        state = dl.promise_state(p.status, due, today=today, now=now, calendar=self.calendar)
        return PromiseView(id=p.id, contact_id=ct.id, text=p.text, business_days=p.business_days,
                           hours=p.hours, due_on_fixed=p.due_on, status=p.status, due=due,
                           state=state, made_at=ct.started_at)

    # contacts

    def _validate_contact(self, data: ContactInput) -> tuple[dict[str, Any], list[str],
                                                              list[PromiseInput], EscalationInput | None]:
        errors: dict[str, str] = {}
        started = _aware(data.started_at, "started_at", errors)
        ended = None
        if data.ended_at is not None:
            ended = _aware(data.ended_at, "ended_at", errors)
            if started and ended:
                if ended < started:
                    errors["ended_at"] = "The end is before the start."
                elif ended - started > MAX_CALL:
                    errors["ended_at"] = "A contact longer than 24 hours is not plausible; check the end time."
        if started and started > datetime.now(UTC) + timedelta(hours=1):
            errors["started_at"] = "A contact cannot be in the future."
        channel = _choice(data.channel, "channel", CHANNELS, errors)
        direction = _choice(data.direction, "direction", DIRECTIONS, errors)
        hold = data.hold_minutes
        if not isinstance(hold, int) or isinstance(hold, bool) or hold < 0:
            errors["hold_minutes"] = "Hold minutes must be 0 or more."
            hold = 0
        elif hold > MAX_HOLD_MINUTES:
            errors["hold_minutes"] = "More than 24 hours on hold is not plausible."
        elif started and ended and hold > (ended - started).total_seconds() / 60 + 1:
            errors["hold_minutes"] = "Hold time is longer than the whole contact."
        values = dict(
            started_at=started, ended_at=ended, channel=channel, direction=direction,
            hold_minutes=hold,
            rep_name=_clean(data.rep_name, "rep_name", errors),
            rep_title=_clean(data.rep_title, "rep_title", errors),
            rep_id=_clean(data.rep_id, "rep_id", errors),
            summary=_clean(data.summary, "summary", errors, limit=MAX_LONG),
            outcome=_clean(data.outcome, "outcome", errors, limit=MAX_LONG),
        )
        tickets: list[str] = []
        for i, t in enumerate(data.tickets):
            t = _clean(t, f"tickets[{i}]", errors, limit=100)
            if t and t not in tickets:
                tickets.append(t)
        promises: list[PromiseInput] = []
        for i, p in enumerate(data.promises):
            ptext = _clean(p.text, f"promises[{i}].text", errors, required=True,
                           label="What was promised")
            try:
                dl.validate_promise_terms(p.business_days, p.hours, p.due_on,
                                          contact_date=started.date() if started else None)
            except dl.PromiseTermsError as exc:
                errors[f"promises[{i}].due"] = str(exc)
            _choice(p.status, f"promises[{i}].status", PROMISE_STATUSES, errors)
            promises.append(replace(p, text=ptext))
        esc = data.escalation
        if esc is not None:
            esc = self._clean_escalation(esc, errors, "escalation.")
        if errors:
            raise ValidationError(errors)
        return values, tickets, promises, esc

    def _clean_escalation(self, esc: EscalationInput, errors: dict[str, str], p: str) -> EscalationInput:
        if (not isinstance(esc.requested_on, date) or isinstance(esc.requested_on, datetime)
                or not (1990 <= esc.requested_on.year <= 2100)):
            errors[f"{p}requested_on"] = "The escalation date is impossible."
        return replace(
            esc,
            level=_clean(esc.level, f"{p}level", errors),
            owner_name=_clean(esc.owner_name, f"{p}owner_name", errors),
            owner_title=_clean(esc.owner_title, f"{p}owner_title", errors),
            reference=_clean(esc.reference, f"{p}reference", errors),
            notes=_clean(esc.notes, f"{p}notes", errors, limit=MAX_LONG),
        )

    def log_contact(self, case_id: int, data: ContactInput) -> int:
        values, tickets, promises, esc = self._validate_contact(data)
        with self._write() as s:
            c = self._case(s, case_id)
            started: datetime = values["started_at"]
            ct = Contact(key=data.key or new_key("contact"), case_id=c.id,
                         started_utc=utc_key(started), recorded_at=data.recorded_at or utc_now(),
                         **values)
            ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(tickets)]
            ct.promises = [self._new_promise(p, started) for p in promises]
            s.add(ct)
            s.flush()
            self._opened_by(s, c, started)
            if esc is not None:
                s.add(Escalation(key=esc.key or new_key("esc"), case_id=c.id, contact_id=ct.id,
                                 requested_on=esc.requested_on, level=esc.level,
                                 owner_name=esc.owner_name, owner_title=esc.owner_title,
                                 reference=esc.reference, notes=esc.notes))
                if c.status in ("open", "waiting"):
                    c.status = "escalated"
            c.updated_at = utc_now()
            self._log(s, "contact", ct.id, c.id, "create",
                      changed_fields({}, {**values, "tickets": tickets,
                                 "promises": [p.text for p in promises]}))
            return ct.id

    def _opened_by(self, s: Session, c: Case, started: datetime) -> None:
        """A contact before the case's opening date moves that date back to the contact's day
        (its own local date): a case is open since its first contact at the latest."""
        day = started.date()
        if day < c.opened_on:
            self._log(s, "case", c.id, c.id, "update",
                      {"opened_on": [c.opened_on.isoformat(), day.isoformat()]})
            c.opened_on = day

    def _new_promise(self, p: PromiseInput, started: datetime) -> Promise:
        due = dl.promise_due(started, business_days=p.business_days, hours=p.hours, due_on=p.due_on,
                             calendar=self.calendar)
        return Promise(text=p.text, business_days=p.business_days, hours=p.hours, due_on=p.due_on,
                       status=p.status, due_date=due.due_on, due_at=due.due_at)

    def update_contact(self, contact_id: int, data: ContactInput) -> None:
        """Change a contact's values, tickets, promises and escalation in one transaction.

        Promises are updated in place, so an unchanged promise keeps its id (the calendar
        export's event UID), its status, its reminder state and its history: see
        ``_match_promises``. A promise given as "pending" keeps the status it has; another
        status given is applied and recorded. Promises left out are erased, and each erasure is
        written to the change history with the promise's terms and last status.

        ``data.escalation``: one with the key of this contact's escalation updates it in place;
        one without a known key is added for this contact (the case becomes "escalated" while it
        is open or waiting); ``None`` leaves the contact's escalations as they are.
        """
        values, tickets, promises, esc = self._validate_contact(data)
        with self._write() as s:
            ct = s.get(Contact, contact_id)
            if ct is None or ct.deleted_at is not None:
                raise NotFound(f"There is no contact {contact_id}.")
            started: datetime = values["started_at"]
            before = {k: getattr(ct, k) for k in values}
            before["tickets"] = [t.number for t in ct.tickets]
            before["promises"] = [_promise_terms(p) for p in ct.promises]
            for k, v in values.items():
                setattr(ct, k, v)
            ct.started_utc = utc_key(started)
            self._opened_by(s, ct.case, started)
            if before["tickets"] != tickets:
                ct.tickets.clear()
                s.flush()
                ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(tickets)]
            old_rows = list(ct.promises)
            pairs = _match_promises(old_rows, promises)
            kept_ids = {row.id for row, _ in pairs if row is not None}
            for row in old_rows:
                if row.id not in kept_ids:
                    self._log(s, "promise", row.id, ct.case_id, "erase",
                              {"promise": _promise_terms(row), "status": row.status})
                    ct.promises.remove(row)
            s.flush()
            for row, p in pairs:
                if row is None:
                    ct.promises.append(self._new_promise(p, started))
                    continue
                row.text, row.business_days, row.hours, row.due_on = (
                    p.text, p.business_days, p.hours, p.due_on)
                due = dl.promise_due(started, business_days=p.business_days, hours=p.hours,
                                     due_on=p.due_on, calendar=self.calendar)
                if (row.due_date, row.due_at) != (due.due_on, due.due_at):
                    row.due_date, row.due_at = due.due_on, due.due_at
                    row.notified_at = None  # a new deadline earns a new reminder
                if p.status != "pending" and p.status != row.status:
                    self._log(s, "promise", row.id, ct.case_id, "status",
                              {"status": [row.status, p.status], "text": row.text})
                    row.status, row.status_changed_at = p.status, utc_now()
            # the relationship keeps the order rows were added in; the view orders by id
            s.flush()
            s.expire(ct, ["promises"])
            if esc is not None:
                self._save_contact_escalation(s, ct, esc)
            ct.updated_at = utc_now()
            after = {**values, "tickets": tickets,
                     "promises": [_promise_terms(p) for p in ct.promises]}
            changes = changed_fields(before, after)
            if changes:
                self._log(s, "contact", ct.id, ct.case_id, "update", changes)

    def _save_contact_escalation(self, s: Session, ct: Contact, esc: EscalationInput) -> None:
        row = None
        if esc.key:
            row = s.scalar(select(Escalation).where(Escalation.case_id == ct.case_id,
                                                    Escalation.key == esc.key))
            if row is not None and row.contact_id not in (None, ct.id):
                raise ValidationError({"escalation.key": "This escalation belongs to another "
                                                         "contact of the case."})
        values = {"requested_on": esc.requested_on, "level": esc.level,
                  "owner_name": esc.owner_name, "owner_title": esc.owner_title,
                  "reference": esc.reference, "notes": esc.notes}
        if row is None:
            row = Escalation(key=esc.key or new_key("esc"), case_id=ct.case_id,
                             contact_id=ct.id, **values)
            s.add(row)
            c = ct.case
            if c.status in ("open", "waiting"):
                c.status = "escalated"
            s.flush()
            self._log(s, "escalation", row.id, ct.case_id, "create",
                      changed_fields({}, {k: values[k] for k in ("level", "owner_name", "owner_title",
                                                        "reference")}))
            return
        values["contact_id"] = ct.id
        changes = changed_fields({k: getattr(row, k) for k in values}, values)
        if changes:
            for k, v in values.items():
                setattr(row, k, v)
            self._log(s, "escalation", row.id, ct.case_id, "update", changes)

    def delete_contact(self, contact_id: int) -> None:
        with self._write() as s:
            ct = s.get(Contact, contact_id)
            if ct is None:
                raise NotFound(f"There is no contact {contact_id}.")
            ct.deleted_at = utc_now()
            self._log(s, "contact", ct.id, ct.case_id, "delete", {})

    def restore_contact(self, contact_id: int) -> None:
        with self._write() as s:
            ct = s.get(Contact, contact_id)
            if ct is None:
                raise NotFound(f"There is no contact {contact_id}.")
            ct.deleted_at = None
            self._log(s, "contact", ct.id, ct.case_id, "restore", {})

    def contact_input(self, contact_id: int) -> ContactInput:
        """A contact's current values as an input, to prefill an edit form."""
        with self.journal.sessions() as s:
            ct = s.get(Contact, contact_id)
            if ct is None:
                raise NotFound(f"There is no contact {contact_id}.")
            esc = s.scalar(select(Escalation).where(Escalation.contact_id == ct.id)
                           .order_by(Escalation.requested_on, Escalation.id).limit(1))
            return ContactInput(
                started_at=ct.started_at, ended_at=ct.ended_at, channel=ct.channel,
                direction=ct.direction, hold_minutes=ct.hold_minutes, rep_name=ct.rep_name,
                rep_title=ct.rep_title, rep_id=ct.rep_id, tickets=[t.number for t in ct.tickets],
                summary=ct.summary, outcome=ct.outcome, key=ct.key,
                promises=[PromiseInput(p.text, p.business_days, p.hours, p.due_on, p.status,
                                       id=p.id) for p in ct.promises],
                escalation=None if esc is None else EscalationInput(
                    esc.requested_on, esc.level, esc.owner_name, esc.owner_title, esc.reference,
                    esc.notes, key=esc.key),
            )

    def case_input(self, case_id: int) -> CaseInput:
        with self.journal.sessions() as s:
            c = self._case(s, case_id)
            return CaseInput(
                title=c.title, organization_id=c.organization_id, issue_type=c.issue_type,
                role=c.role, status=c.status, opened_on=c.opened_on, summary=c.summary,
                desired_outcome=c.desired_outcome,
                amount_disputed=None if c.amount_disputed is None else str(c.amount_disputed),
                currency=c.currency, fields=dict(c.fields or {}), key=c.key,
            )

    # promises

    def set_promise_status(self, promise_id: int, status: str, *, undo: bool = False) -> str:
        """Mark a promise pending, kept or broken; returns the status it had before.

        ``undo``: this puts back the status an earlier change replaced (the history says so).
        """
        if status not in PROMISE_STATUSES:
            raise ValidationError({"status": f"'{escape_for_terminal(status)}' is not one of: "
                                              f"{', '.join(PROMISE_STATUSES)}."})
        with self._write() as s:
            p = s.get(Promise, promise_id)
            if p is None:
                raise NotFound(f"There is no promise {promise_id}.")
            before = str(p.status)
            if before == status:
                return before
            case_id = p.contact.case_id
            changes: dict[str, Any] = {"status": [before, status], "text": p.text}
            if undo:
                changes["undo"] = True
            self._log(s, "promise", p.id, case_id, "status", changes)
            p.status = status
            p.status_changed_at = utc_now()
            return before

    def refresh_due_dates(self, *, only_missing: bool) -> int:
        """Recompute stored promise deadlines (after an upgrade or a calendar change)."""
        n = 0
        if only_missing:  # on every open: a read first, so a usual open never writes
            with self.journal.sessions() as s:
                if s.scalar(select(Promise.id).where(Promise.due_date.is_(None)).limit(1)) is None:
                    return 0
        with self._write() as s:
            q = select(Promise).options(selectinload(Promise.contact))
            if only_missing:
                q = q.where(Promise.due_date.is_(None))
            for p in s.scalars(q):
                due = dl.promise_due(p.contact.started_at, business_days=p.business_days,
                                     hours=p.hours, due_on=p.due_on, calendar=self.calendar)
                if p.due_date != due.due_on or p.due_at != due.due_at:
                    p.due_date, p.due_at = due.due_on, due.due_at
                    n += 1
        return n

    def due_items(self, *, now: datetime | None = None, horizon_days: int = 7,
                  include_future: bool = False) -> list[DueItem]:
        """Pending promises due within ``horizon_days`` (or overdue), most urgent first.

        Reads plain columns (no ORM objects) and the deadlines stored with each promise
        (``refresh_due_dates`` keeps them current); only a promise without one is computed.
        """
        now = now or datetime.now(UTC)
        limit = now.date() + timedelta(days=horizon_days)
        q = (
            select(Promise.id, Promise.text, Promise.business_days, Promise.hours,
                   Promise.due_on, Promise.status, Promise.due_date, Promise.due_at,
                   Contact.id, Contact.case_id, Contact.started_at, Contact.channel,
                   Contact.rep_name, Case.title, Organization.name)
            .join(Contact, Contact.id == Promise.contact_id)
            .join(Case, Case.id == Contact.case_id)
            .join(Organization, Organization.id == Case.organization_id)
            .where(Promise.status == "pending", Contact.deleted_at.is_(None),
                   Case.deleted_at.is_(None), Case.status.in_(ACTIVE_STATUSES))
            .order_by(Promise.due_date, Promise.id)
        )
        if not include_future:
            q = q.where(Promise.due_date <= limit)
        with self.journal.sessions() as s:
            rows = s.execute(q).all()
        out = []
        states: dict[tuple[str, dl.PromiseDue, date], dl.PromiseState] = {}
        for (pid, ptext, bdays, hours, due_on, status, due_date, due_at, cid, case_id, started,
             channel, rep, title, org) in rows:
            if due_date is not None:
                due = dl.PromiseDue(due_on=due_date, due_at=due_at)
            else:
                due = dl.promise_due(started, business_days=bdays, hours=hours, due_on=due_on,
                                     calendar=self.calendar)
            today = now.astimezone(started.tzinfo).date()
            key = (status, due, today)  # many promises share a deadline: count days once
            state = states.get(key)
            if state is None:
                state = states[key] = dl.promise_state(status, due, today=today, now=now,
                                                       calendar=self.calendar)
            pv = PromiseView(id=pid, contact_id=cid, text=ptext, business_days=bdays,
                             hours=hours, due_on_fixed=due_on, status=status, due=due,
                             state=state, made_at=started)
            who = ", ".join(x for x in (channel.capitalize(), rep) if x)
            out.append(DueItem(pv, case_id, title, org, who))
        return out

    def mark_notified(self, promise_ids: Iterable[int]) -> None:
        ids = list(promise_ids)
        if not ids:
            return
        with self._write() as s:
            s.execute(update(Promise).where(Promise.id.in_(ids)).values(notified_at=utc_now()))

    def overdue_unnotified(self, now: datetime | None = None) -> list[DueItem]:
        now = now or datetime.now(UTC)
        items = [d for d in self.due_items(now=now, horizon_days=0)
                 if d.promise.state.code == "overdue"]
        if not items:
            return []
        with self.journal.sessions() as s:
            done = set(s.scalars(select(Promise.id).where(
                Promise.id.in_([d.promise.id for d in items]), Promise.notified_at.is_not(None))))
        return [d for d in items if d.promise.id not in done]

    # escalations and notes

    def add_escalation(self, case_id: int, esc: EscalationInput, contact_id: int | None = None) -> int:
        errors: dict[str, str] = {}
        esc = self._clean_escalation(esc, errors, "")
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            c = self._case(s, case_id)
            e = Escalation(key=esc.key or new_key("esc"), case_id=c.id, contact_id=contact_id,
                           requested_on=esc.requested_on, level=esc.level,
                           owner_name=esc.owner_name, owner_title=esc.owner_title,
                           reference=esc.reference, notes=esc.notes)
            s.add(e)
            if c.status in ("open", "waiting"):
                c.status = "escalated"
            s.flush()
            self._log(s, "escalation", e.id, c.id, "create",
                      changed_fields({}, {"level": esc.level, "owner_name": esc.owner_name,
                                 "owner_title": esc.owner_title, "reference": esc.reference}))
            return e.id

    def add_note(self, case_id: int, body: str) -> int:
        errors: dict[str, str] = {}
        body = _clean(body, "body", errors, limit=MAX_LONG, required=True, label="The note")
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            c = self._case(s, case_id)
            n = Note(case_id=c.id, body=body)
            s.add(n)
            s.flush()
            self._log(s, "note", n.id, c.id, "create", {"body": [None, body]})
            return n.id

    # attachments

    def add_attachment(self, case_id: int, source: Path | bytes, *, original_name: str | None = None,
                       caption: str = "", contact_id: int | None = None) -> int:
        """Store a file (or pasted bytes) in the exhibit store and attach it to a case/contact."""
        errors: dict[str, str] = {}
        caption = _clean(caption, "caption", errors, limit=2000)
        if errors:
            raise ValidationError(errors)
        with self.journal.sessions() as s:
            self._case(s, case_id)
        if isinstance(source, bytes):
            blob = self.store.add_bytes(source, original_name=original_name or "pasted.png")
        else:
            blob = self.store.add_file(Path(source), original_name=original_name)
        # the case file's print-size copy, made once now rather than at the first case file
        self.store.make_print_copy(blob)
        return self.attach_stored_blob(case_id, blob, caption=caption, contact_id=contact_id)

    def attach_stored_blob(self, case_id: int, blob: Any, *, caption: str = "",
                           contact_id: int | None = None) -> int:
        """Attach a file already copied into the store (``store.add_file``/``add_bytes``,
        e.g. by a background thread) to a case/contact: only the database row is written.
        If that fails, a file the store took in for this (``blob.created``) is removed again
        unless another exhibit uses it (no orphan files; ``journal.orphans``)."""
        try:
            return self._attach_row(case_id, blob, caption=caption, contact_id=contact_id)
        except BaseException:
            from .orphans import discard_unused

            discard_unused(self, [blob])
            raise

    def _attach_row(self, case_id: int, blob: Any, *, caption: str,
                    contact_id: int | None) -> int:
        errors: dict[str, str] = {}
        caption = _clean(caption, "caption", errors, limit=2000)
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            self._case(s, case_id)
            if contact_id is not None:
                ct = s.get(Contact, contact_id)
                if ct is None or ct.case_id != case_id or ct.deleted_at is not None:
                    raise NotFound(f"There is no contact {contact_id} in case {case_id}.")
            a = Attachment(case_id=case_id, contact_id=contact_id, sha256=blob.sha256,
                           original_name=blob.original_name, media_type=blob.media_type,
                           size=blob.size, caption=caption, preview_ok=blob.preview_ok,
                           width=blob.width, height=blob.height)
            s.add(a)
            s.flush()
            self._log(s, "attachment", a.id, case_id, "create",
                      {"original_name": [None, a.original_name], "sha256": [None, a.sha256]})
            return a.id

    def attachment(self, attachment_id: int) -> AttachmentView:
        with self.journal.sessions() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(f"There is no attachment {attachment_id}.")
            return _att_view(a)

    def attachment_path(self, attachment_id: int) -> Path:
        return Path(self.store.path_for(self.attachment(attachment_id).sha256))

    def set_attachment_caption(self, attachment_id: int, caption: str) -> None:
        errors: dict[str, str] = {}
        caption = _clean(caption, "caption", errors, limit=2000)
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(f"There is no attachment {attachment_id}.")
            if a.caption != caption:
                self._log(s, "attachment", a.id, a.case_id, "update", {"caption": [a.caption, caption]})
                a.caption = caption

    def remove_attachment(self, attachment_id: int) -> None:
        """Move an exhibit to the removed list (restorable; the file stays)."""
        self._set_removed(attachment_id, utc_now())

    def restore_attachment(self, attachment_id: int) -> None:
        self._set_removed(attachment_id, None)

    def _set_removed(self, attachment_id: int, when: datetime | None) -> None:
        with self._write() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(f"There is no attachment {attachment_id}.")
            a.removed_at = when
            self._log(s, "attachment", a.id, a.case_id, "remove" if when else "restore", {})

    def empty_removed_attachments(self, case_id: int | None = None) -> int:
        """Delete removed exhibits for good; a stored file goes only when nothing else uses it."""
        with self._write() as s:
            q = select(Attachment).where(Attachment.removed_at.is_not(None))
            if case_id is not None:
                q = q.where(Attachment.case_id == case_id)
            rows = list(s.scalars(q))
            hashes = {a.sha256 for a in rows}
            for a in rows:
                self._log(s, "attachment", a.id, a.case_id, "erase",
                          {"original_name": [a.original_name, None], "sha256": [a.sha256, None]})
                s.delete(a)
            s.flush()
            still = set(s.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(hashes))))
        for h in hashes - still:
            self.store.delete(h)
        return len(rows)

    # search, history, check

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The best ``limit`` matches of ``query`` (``journal.search``: relevance when few
        documents match, newest first when many)."""
        from . import search as fts

        match = fts_query(query)
        if match is None:
            return []
        with self.journal.sessions() as s:
            rows = fts.hit_rows(s, match, limit)
        return [
            SearchHit(kind=r[0], case_id=int(r[2]), case_title=r[3], item_id=fts.item_id(r[1]),
                      snippet=r[4], started_at=datetime.fromisoformat(r[5]) if r[5] else None)
            for r in rows
        ]

    def history(self, case_id: int) -> list[ChangeView]:
        """The case's change history, oldest first (``journal.history``)."""
        with self.journal.sessions() as s:
            return case_history(s, case_id)

    def _log(self, s: Session, entity: str, entity_id: int, case_id: int | None, action: str,
             changes: dict[str, Any]) -> None:
        record_change(s, entity, entity_id, case_id, action, changes)

    def check(self, *, unused: bool = True) -> list[str]:
        """Everything wrong with the journal: database integrity, foreign keys, stored files
        (damaged or missing), and, unless ``unused`` is False, orphan files in the store that
        no exhibit refers to (harmless but taking space; ``remove_unused_exhibit_files``)."""
        from .db import quick_check

        problems = quick_check(self.journal.db_path)
        if unused:
            problems += [u.describe() for u in self.exhibit_files().unused]
        with self.journal.sessions() as s:
            rows = s.execute(select(Attachment.id, Attachment.sha256, Attachment.size,
                                    Attachment.original_name)).all()
        seen: dict[str, str | None] = {}
        for aid, sha, size, name in rows:
            if sha not in seen:
                seen[sha] = self.store.verify(sha, size)
            if seen[sha]:
                problems.append(f"attachment {aid} ({name}): {seen[sha]}")
        return problems

    def exhibit_files(self) -> Any:
        """Unused (orphan) and missing exhibit files: ``orphans.ExhibitFilesReport``."""
        from .orphans import exhibit_files_report

        return exhibit_files_report(self)

    def remove_unused_exhibit_files(self, hashes: Iterable[str]) -> Any:
        """Remove these orphan files (each checked again first): ``orphans.RemovedFiles``."""
        from .orphans import remove_unused

        self.require_writable()

        return remove_unused(self, hashes)

    # pre-call help

    def checklist(self, case: CaseView) -> list[Any]:
        return checklist(case.issue_type, case.fields, [a.media_type for a in case.attachments])

    def channels_for(self, case: CaseView) -> list[ChannelView]:
        wanted = {"any", case.role}
        if case.issue_type == "privacy":
            wanted.add("privacy")
        return [c for c in case.organization.channels if c.audience in wanted]

    def safety_note(self, issue_type: str) -> str | None:
        it = ISSUE_TYPES.get(issue_type)
        return SAFETY_NOTE if it is not None and it.safety else None

    def outside_clocks(self, case: CaseView) -> list[dl.OutsideClock]:
        return dl.outside_clocks_for_fields(case.issue_type, case.fields)

    def typical_response(self, case: CaseView, contact: ContactView) -> dl.ExpectedResponse | None:
        """The typical reply window for a contact that got no promise (None: the brief has none).

        Chosen from the contact's channel, whether it started after hours (its own local time
        against the journal's holiday calendar), and the case's issue type, amount, fields and
        escalations (``deadlines.expected_response``).
        """
        try:
            return dl.expected_response(
                contact.channel, case.issue_type,
                after_hours=dl.is_after_hours(contact.started_at, self.calendar),
                amount_disputed=case.amount_disputed,
                currency=case.currency, fields=case.fields,
                escalated=bool(case.escalations) or case.status == "escalated")
        except ValueError:  # a channel or issue type this version does not know
            return None

    def what_to_expect(self, case: CaseView) -> list[dl.Expectation]:
        """Typical waits and reply windows when contacting the case's organization, through
        the channels shown for this case (``deadlines.contact_expectations``)."""
        try:
            return dl.contact_expectations(
                case.issue_type, [c.kind for c in self.channels_for(case)],
                amount_disputed=case.amount_disputed, currency=case.currency,
                fields=case.fields, escalated=bool(case.escalations) or case.status == "escalated")
        except ValueError:
            return []

    def next_step(self, case: CaseView) -> str:
        broken = any(p.status == "broken" or p.state.code == "overdue" for p in case.promises)
        return dl.next_escalation_step(case.issue_type, len(case.escalations), promise_broken=broken)

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
                except DBAPIError as err:
                    s.rollback()
                    raise StorageError(describe_sqlite_error(err)) from err
                except OSError as err:
                    s.rollback()
                    raise StorageError(describe_sqlite_error(err)) from err
            else:
                s.rollback()
                if isinstance(exc, DBAPIError):
                    raise StorageError(describe_sqlite_error(exc)) from exc
        finally:
            s.close()


def _slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s[:60] or new_key("org")


def _channel_dict(c: Channel) -> dict[str, Any]:
    return {"kind": c.kind, "value": c.value, "audience": c.audience, "hours": c.hours,
            "verified_on": c.verified_on.isoformat() if c.verified_on else None}


def _match_promises(rows: Sequence[Promise], inputs: Sequence[PromiseInput]
                    ) -> list[tuple[Promise | None, PromiseInput]]:
    """Pair each promise input with the stored promise it edits (``None``: a new promise).

    In this order: the input's ``id`` when it names one of ``rows``; then identical text and
    terms; then identical text; then, only when no input names an id (a caller that does not
    know them), the rest in order, as edits in place. A row is used once.
    """
    by_id = {r.id: r for r in rows}
    free = list(rows)
    matched: list[Promise | None] = [None] * len(inputs)

    def take(i: int, row: Promise) -> None:
        matched[i] = row
        free.remove(row)

    for i, p in enumerate(inputs):
        row = by_id.get(p.id) if p.id is not None else None
        if row is not None and row in free:
            take(i, row)
    for same in (
        lambda r, p: (r.text, r.business_days, r.hours, r.due_on)
        == (p.text, p.business_days, p.hours, p.due_on),
        lambda r, p: r.text == p.text,
    ):
        for i, p in enumerate(inputs):
            if matched[i] is None:
                row = next((r for r in free if same(r, p)), None)
                if row is not None:
                    take(i, row)
    if not any(p.id is not None for p in inputs):
        for i in range(len(inputs)):
            if matched[i] is None and free:
                take(i, free[0])
    return list(zip(matched, inputs, strict=True))


def _promise_terms(p: Promise) -> str:
    if p.business_days is not None:
        return f"{p.text} (within {p.business_days} business days)"
    if p.hours is not None:
        return f"{p.text} (within {p.hours} hours)"
    return f"{p.text} (by {p.due_on.isoformat() if p.due_on else '?'})"


def _org_view(o: Organization) -> OrganizationView:
    return OrganizationView(
        id=o.id, key=o.key, name=o.name, website=o.website, address=o.address, notes=o.notes,
        channels=tuple(
            ChannelView(c.id, c.kind, c.value, c.label, c.audience, c.hours, c.timezone,
                        c.verified_on, c.verified_from)
            for c in o.channels
        ),
    )


def _esc_view(e: Escalation) -> EscalationView:
    return EscalationView(e.id, e.key, e.contact_id, e.requested_on, e.level, e.owner_name,
                          e.owner_title, e.reference, e.notes)


def _att_view(a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.case_id, a.contact_id, a.sha256, a.original_name, a.media_type,
                          a.size, a.caption, a.preview_ok, a.width, a.height, a.added_at,
                          a.removed_at)


# Headway's channels as published (DOMAIN.md, "Channels and where the real numbers are").
# No opening hours are on file for any of them: the brief's "typical live coverage: Monday to
# Friday, about 9:00 to 18:00 local time" is a general guide (whose local time?), not a
# channel's hours, so it stays in the notes and no channel gets it. Without hours the app says
# "hours unknown", never "open now" or "closed now". The Help center is a web site, open at
# any hour.
HEADWAY_CHANNELS: tuple[dict[str, Any], ...] = (
    dict(kind="in-app", value="Help > Contact support (inside your Headway account)",
         label="In-app Contact support: opens a ticket tied to your account", audience="any",
         hours="", timezone=""),
    dict(kind="web", value="https://help.headway.co", label="Help center", audience="any",
         hours="24/7", timezone=""),
    dict(kind="in-app", value="Account menu (your initials, top right) > Messages",
         label="Messages to your provider", audience="client", hours="", timezone=""),
    dict(kind="in-app", value="Provider dashboard > Support", label="Provider Support queue",
         audience="clinician", hours="", timezone=""),
    dict(kind="phone", value="(833) 384-1044", label="Privacy Officer (privacy complaints)",
         audience="privacy", hours="", timezone=""),
    dict(kind="email", value="Privacy Officer: the address in Headway's privacy notice",
         label="Privacy Officer by e-mail (privacy complaints)", audience="privacy", hours="",
         timezone=""),
)

HEADWAY_NOTES = (
    "Headway publishes no dedicated inbound phone line for general support; use in-app Contact "
    "support so the ticket is tied to your account. Clients and clinicians have separate "
    "support queues. No opening hours are on file for these channels; as a general guide, live "
    "coverage is typically Monday to Friday, about 9:00 to 18:00 local time, reduced on weekends "
    "and holidays, and chat and e-mail triage may be around the clock."
)

# What earlier versions seeded, (kind, value, label, audience, hours, timezone) -> the current
# hours and timezone of that channel; used to correct untouched channels of older journals.
_SEED_1_HOURS: tuple[tuple[str, str], ...] = (
    ("Mon-Fri 09:00-18:00", ""), ("24/7", ""), ("", ""), ("Mon-Fri 09:00-18:00", ""),
    ("Mon-Fri 09:00-17:00", "America/New_York"), ("24/7", ""),
)
# The second seed gave the Privacy Officer line the brief's general guide as its hours.
_SEED_2_HOURS: tuple[tuple[str, str], ...] = (
    ("", ""), ("24/7", ""), ("", ""), ("", ""), ("Mon-Fri 09:00-18:00", ""), ("", ""),
)
_OLD_SEED_CHANNELS: dict[tuple[str, str, str, str, str, str], dict[str, str]] = {
    (ch["kind"], ch["value"], ch["label"], ch["audience"], hours, zone):
        {"hours": ch["hours"], "timezone": ch["timezone"]}
    for old_seed in (_SEED_1_HOURS, _SEED_2_HOURS)
    for ch, (hours, zone) in zip(HEADWAY_CHANNELS, old_seed, strict=True)
}
_OLD_HEADWAY_NOTES = frozenset({
    "Headway publishes no dedicated inbound phone line for general support; use in-app Contact "
    "support so the ticket is tied to your account. Clients and clinicians have separate "
    "support queues.",
})
