"""The operations the GUI and the command line call (``JournalService``). Never imports Qt.

Everything here takes and returns plain dataclasses (``records``), so no caller ever holds an ORM
session. Every write is one transaction; edits, deletions and restores are written to the change
history (``history``). The facade keeps what writes user input (with its validation); reading
and the self-contained groups are its parts, listed on ``JournalService``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from .. import i18n
from . import deadlines as dl
from .capture.exhibit_text import ExhibitTexts, ticket_patterns_value
from .capture.provenance import clean_provenance
from .capture.records import CaptureRecords
from .case_queries import CaseQueries
from .case_views import CaseViews
from .chain_views import ChainViews
from .concurrency import check_version
from .db import (
    Journal,
    open_journal,
    read_only_sessions,
    resolve_journal_dir,
)
from .exhibit_records import ExhibitRecords
from .guidance import Guidance
from .history import changed_fields
from .issue_types import (
    ISSUE_TYPES,
    ROLES,
    FieldError,
    FieldSpec,
    get_issue_type,
    parse_money,
)
from .letters.drafts import LetterDrafts
from .models import (
    Attachment,
    Case,
    Channel,
    Contact,
    Escalation,
    Note,
    Organization,
    Setting,
    Ticket,
    utc_key,
    utc_now,
)
from .organizations import Organizations, channel_dict
from .profile import check_other_emails
from .promise_dates import PromiseDates
from .promise_matching import match_promises, promise_terms
from .records import (
    AUDIENCES,
    CAPTURE_SOURCES,
    CHANNEL_KINDS,
    CHANNELS,
    DIRECTIONS,
    MAX_CALL,
    MAX_HOLD_MINUTES,
    MAX_LONG,
    MAX_TEXT,
    PROMISE_STATUSES,
    STATUSES,
    NotFound,
    ServiceError,
    StorageError,
    ValidationError,
)

if TYPE_CHECKING:  # pragma: no cover
    from .crypto.keys import JournalKeys
    from .records import CaseInput, ContactInput, EscalationInput, OrganizationInput, PromiseInput
from .safe_echo import escape_for_terminal
from .seed import SeedDefaults
from .shared.urls import is_database_url
from .validation import SURROGATE
from .validation import aware_datetime as _aware
from .validation import clean_text as _clean

# The facade's exceptions (defined with the records, so that modules the service uses can raise
# them too); the input and view dataclasses are imported from ``records``.
__all__ = ["JournalService", "NotFound", "ServiceError", "StorageError", "ValidationError"]

# --- helpers ------------------------------------------------------------------------------------


def new_key(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _choice(value: str, name: str, allowed: Sequence[str], errors: dict[str, str]) -> str:
    if value not in allowed:
        errors[name] = i18n.text("'{escape_for_terminal}' is not one of: {join}.").format(
            escape_for_terminal=escape_for_terminal(value), join=', '.join(allowed))
    return value


# --- the service --------------------------------------------------------------------------------


class JournalService(CaseQueries, CaseViews, Organizations, PromiseDates, ExhibitRecords, Guidance,
                     SeedDefaults, ChainViews, LetterDrafts, CaptureRecords, ExhibitTexts):
    """All operations on one open journal.

    The facade the GUI, the command line and the case file call. What writes (with its
    validation) is here; the rest is in its parts: ``service_base`` (journal, transactions,
    settings), ``case_queries`` (case list, search), ``case_views`` (a case read whole),
    ``organizations``, ``promise_dates`` (statuses, due dates, overdue), ``exhibit_records``,
    ``guidance`` (pre-call help), ``seed`` (Headway's channels) and ``letters.drafts`` (letters
    drafted for a case).
    """

    # lifecycle

    @classmethod
    def open(cls, folder: str | Path | None = None, *, seed: bool = True,
             read_only: bool = False, defer_check: bool = False,
             password: str | None = None,
             keys: JournalKeys | None = None) -> JournalService:
        """Open the journal in ``folder``.

        ``read_only``: for commands that only read. Every session (also a write attempted by
        mistake) is then a read-only one (``db.read_only_sessions``): no write transaction, no
        write lock, nothing seeded or refreshed; a write raises StorageError.
        ``defer_check``: see ``db.open_journal``; an ``unchecked`` journal is seeded and
        refreshed by ``opening.accept_checked`` once its check passed.
        ``folder`` may be a ``postgresql://`` URL: a shared journal (``journal.shared``), with
        ``password`` when the URL, the keyring and libpq's own sources have none.
        ``keys``: a locked journal's (``crypto.access``); without them it raises JournalNeedsKey.
        """
        if is_database_url(folder):  # a shared journal (journal.shared)
            from .shared.engine import open_shared_journal

            journal: Journal = open_shared_journal(str(folder), password=password)
        else:
            journal = open_journal(resolve_journal_dir(folder), defer_check=defer_check,
                                   keys=keys)
        svc = cls(journal)
        if journal.read_only is not None or journal.unchecked:
            return svc  # nothing can be seeded or stored; it is read as it is
        if read_only:
            svc.opened_to_read = True
            journal.sessions = journal.write_sessions = read_only_sessions(journal.engine)
            return svc
        try:
            if seed:
                svc.seed_shared_safely()
            svc.refresh_due_dates(only_missing=True)
        except BaseException as exc:
            from .interrupts import release_frames

            release_frames(exc.__traceback__)  # a statement cut short must not keep it open
            journal.close()
            raise
        return svc

    def seed_shared_safely(self) -> None:
        """``seed_defaults``; on a shared journal two people opening a new one at the same
        moment may both try: the second finds the first's seed on a second look."""
        try:
            self.seed_defaults()
        except StorageError:
            if self.journal.kind == "sqlite":
                raise
            self.seed_defaults()

    # settings

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

    def set_profile(self, **values: str) -> None:
        """Save the user's details (name, address, email, phone) printed on the case file."""
        errors: dict[str, str] = {}
        # the address keeps its lines; the others are one line each
        clean = {k: _clean(v, k, errors, limit=MAX_LONG if k == "address" else MAX_TEXT)
                 for k, v in values.items()}
        if clean.get("email") and "email" not in errors:
            try:
                FieldSpec("email", i18n.text("E-mail"), "email").normalize(clean["email"])
            except FieldError as exc:
                errors["email"] = str(exc)
        if clean.get("other_emails") and "other_emails" not in errors:
            clean["other_emails"] = check_other_emails(clean["other_emails"], errors)
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            for k, v in clean.items():
                row = s.get(Setting, f"profile.{k}")
                if row is None and k == "other_emails" and not v:
                    continue  # optional, and never given: the profile stays as it was
                if row is None:
                    s.add(Setting(key=f"profile.{k}", value=v))
                else:
                    row.value = v

    # organizations

    def validate_organization(
        self, data: OrganizationInput
    ) -> tuple[dict[str, str], list[dict[str, Any]]]:
        """Clean an organization's values and channels; raises ValidationError (keys like
        ``name`` or ``channels[1].kind``). Also used by the JSON import."""
        errors: dict[str, str] = {}
        name = _clean(data.name, "name", errors, required=True, label=i18n.text("Name"))
        website = _clean(data.website, "website", errors)
        address = _clean(data.address, "address", errors, limit=2000)
        notes = _clean(data.notes, "notes", errors, limit=MAX_LONG)
        channels: list[dict[str, Any]] = []
        for i, ch in enumerate(data.channels):
            p = f"channels[{i}]"
            kind = _choice(ch.kind, f"{p}.kind", CHANNEL_KINDS, errors)
            value = _clean(ch.value, f"{p}.value", errors, required=True, label=i18n.text("Channel"))
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
                    errors[f"{p}.timezone"] = i18n.text("'{escape_for_terminal}' is not a time "
                                                        "zone like America/New_York.").format(
                                                            escape_for_terminal=escape_for_terminal(tz))
            channels.append(
                dict(
                    kind=kind, value=value, label=_clean(ch.label, f"{p}.label", errors),
                    audience=audience, hours=hours, timezone=tz, verified_on=ch.verified_on,
                    verified_from=_clean(ch.verified_from, f"{p}.verified_from", errors),
                )
            )
        values: dict[str, str] = {"name": name, "website": website, "address": address,
                                  "notes": notes}
        if data.ticket_patterns is not None:
            values["ticket_patterns"] = ticket_patterns_value(data.ticket_patterns, errors)
        if errors:
            raise ValidationError(errors)
        return values, channels

    def save_organization(self, data: OrganizationInput, org_id: int | None = None) -> int:
        values, channels = self.validate_organization(data)
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
                    raise NotFound(i18n.text("There is no organization {n}.").format(n=org_id))
                org = found
            before = {"name": org.name, "website": org.website, "address": org.address,
                      "notes": org.notes, "channels": [channel_dict(c) for c in org.channels]}
            org.name, org.website, org.address, org.notes = name, website, address, notes
            patterns = values.get("ticket_patterns")  # None: keep the stored ones
            if patterns is not None:
                before["ticket_patterns"] = org.ticket_patterns
                org.ticket_patterns = patterns
            org.channels.clear()
            s.flush()
            for i, values in enumerate(channels):
                org.channels.append(Channel(position=i, **values))
            s.flush()
            after = {"name": name, "website": website, "address": address, "notes": notes,
                     "channels": [channel_dict(c) for c in org.channels]}
            if patterns is not None:
                after["ticket_patterns"] = org.ticket_patterns
            self._log(s, "organization", org.id, None, "create" if org_id is None else "update",
                      changed_fields(before, after))
            return org.id

    # cases

    def validate_case(self, data: CaseInput) -> dict[str, Any]:
        errors: dict[str, str] = {}
        title = _clean(data.title, "title", errors, required=True, label=i18n.text("Title"))
        if data.issue_type not in ISSUE_TYPES:
            errors["issue_type"] = i18n.text("'{escape_for_terminal}' is not a known issue "
                                             "type.").format(
                                                 escape_for_terminal=escape_for_terminal(data.issue_type))
            fields: dict[str, str] = {}
        else:
            it = get_issue_type(data.issue_type)
            fields, ferrs = it.validate(data.fields or {})
            errors.update({f"fields.{k}": v for k, v in ferrs.items()})
            for k, v in fields.items():  # stored as JSON, then indexed for search as UTF-8
                if SURROGATE.search(v):
                    errors[f"fields.{k}"] = i18n.text("This contains a character that is not "
                                                      "valid text (a lone surrogate); please "
                                                      "retype that part.")
        role = _choice(data.role, "role", ROLES, errors)
        status = _choice(data.status, "status", STATUSES, errors)
        opened = data.opened_on or date.today()
        if (not isinstance(opened, date) or isinstance(opened, datetime)
                or not (1990 <= opened.year <= 2100)):
            errors["opened_on"] = i18n.text("The opening date is impossible.")
        elif opened > date.today() + timedelta(days=1):
            errors["opened_on"] = i18n.text("A case cannot be opened in the future.")
        amount: Decimal | None = None
        if data.amount_disputed not in (None, ""):
            try:
                amount = parse_money(str(data.amount_disputed))
            except FieldError as exc:
                errors["amount_disputed"] = str(exc)
        currency = (data.currency or "USD").upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            errors["currency"] = i18n.text("A currency is a 3-letter code such as USD.")
        summary = _clean(data.summary, "summary", errors, limit=MAX_LONG)
        desired = _clean(data.desired_outcome, "desired_outcome", errors, limit=MAX_LONG)
        if errors:
            raise ValidationError(errors)
        return dict(title=title, organization_id=data.organization_id, issue_type=data.issue_type,
                    role=role, status=status, opened_on=opened, summary=summary,
                    desired_outcome=desired, amount_disputed=amount, currency=currency,
                    fields=fields)

    def create_case(self, data: CaseInput) -> int:
        values = self.validate_case(data)
        with self._write() as s:
            if s.get(Organization, data.organization_id) is None:
                raise ValidationError({"organization": i18n.text("Choose an organization.")})
            c = Case(key=data.key or new_key("case"), **values)
            s.add(c)
            s.flush()
            self._log(s, "case", c.id, c.id, "create", changed_fields({}, values))
            return c.id

    def update_case(self, case_id: int, data: CaseInput) -> None:
        """Save an edited case. ``data.version`` (from ``case_input``): refused with
        ConflictError when someone saved the case since (``journal.concurrency``)."""
        values = self.validate_case(data)
        with self._write() as s:
            c = self._case(s, case_id, lock=True)
            check_version(s, "case", c, data.version, values)
            if s.get(Organization, data.organization_id) is None:
                raise ValidationError({"organization": i18n.text("Choose an organization.")})
            before = {k: getattr(c, k) for k in values}
            changes = changed_fields(before, values)
            if not changes:
                return
            for k, v in values.items():
                setattr(c, k, v)
            c.updated_at = utc_now()
            self._log(s, "case", c.id, c.id, "update", changes)
            s.flush()
            saved = c.version
        if data.version is not None:
            data.version = saved  # the caller's copy is the saved version now

    def set_case_status(self, case_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValidationError({"status": i18n.text("'{escape_for_terminal}' is not one of: "
                                                       "{join}.").format(
                                                           escape_for_terminal=escape_for_terminal(status),
                                                           join=', '.join(STATUSES))})
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

    # contacts

    def validate_contact(self, data: ContactInput) -> tuple[dict[str, Any], list[str],
                                                              list[PromiseInput], EscalationInput | None]:
        errors: dict[str, str] = {}
        started = _aware(data.started_at, "started_at", errors)
        ended = None
        if data.ended_at is not None:
            ended = _aware(data.ended_at, "ended_at", errors)
            if started and ended:
                if ended < started:
                    errors["ended_at"] = i18n.text("The end is before the start.")
                elif ended - started > MAX_CALL:
                    errors["ended_at"] = i18n.text("A contact longer than 24 hours is not "
                                                   "plausible; check the end time.")
        if started and started > datetime.now(UTC) + timedelta(hours=1):
            errors["started_at"] = i18n.text("A contact cannot be in the future.")
        channel = _choice(data.channel, "channel", CHANNELS, errors)
        direction = _choice(data.direction, "direction", DIRECTIONS, errors)
        hold = data.hold_minutes
        if not isinstance(hold, int) or isinstance(hold, bool) or hold < 0:
            errors["hold_minutes"] = i18n.text("Hold minutes must be 0 or more.")
            hold = 0
        elif hold > MAX_HOLD_MINUTES:
            errors["hold_minutes"] = i18n.text("More than 24 hours on hold is not plausible.")
        elif started and ended and hold > (ended - started).total_seconds() / 60 + 1:
            errors["hold_minutes"] = i18n.text("Hold time is longer than the whole contact.")
        values = dict(
            started_at=started, ended_at=ended, channel=channel, direction=direction,
            hold_minutes=hold,
            rep_name=_clean(data.rep_name, "rep_name", errors),
            rep_title=_clean(data.rep_title, "rep_title", errors),
            rep_id=_clean(data.rep_id, "rep_id", errors),
            summary=_clean(data.summary, "summary", errors, limit=MAX_LONG),
            outcome=_clean(data.outcome, "outcome", errors, limit=MAX_LONG),
            source=_choice(data.source or "typed", "source", CAPTURE_SOURCES, errors),
        )
        tickets: list[str] = []
        for i, t in enumerate(data.tickets):
            t = _clean(t, f"tickets[{i}]", errors, limit=100)
            if t and t not in tickets:
                tickets.append(t)
        promises: list[PromiseInput] = []
        for i, p in enumerate(data.promises):
            ptext = _clean(p.text, f"promises[{i}].text", errors, required=True,
                           label=i18n.text("What was promised"))
            try:
                dl.validate_promise_terms(p.business_days, p.hours, p.due_on,
                                          contact_date=started.date() if started else None)
            except dl.PromiseTermsError as exc:
                errors[f"promises[{i}].due"] = str(exc)
            _choice(p.status, f"promises[{i}].status", PROMISE_STATUSES, errors)
            promises.append(replace(p, text=ptext))
        esc = data.escalation
        if esc is not None:
            esc = self.clean_escalation(esc, errors, "escalation.")
        if errors:
            raise ValidationError(errors)
        return values, tickets, promises, esc

    def clean_escalation(self, esc: EscalationInput, errors: dict[str, str], p: str) -> EscalationInput:
        if (not isinstance(esc.requested_on, date) or isinstance(esc.requested_on, datetime)
                or not (1990 <= esc.requested_on.year <= 2100)):
            errors[f"{p}requested_on"] = i18n.text("The escalation date is impossible.")
        return replace(
            esc,
            level=_clean(esc.level, f"{p}level", errors),
            owner_name=_clean(esc.owner_name, f"{p}owner_name", errors),
            owner_title=_clean(esc.owner_title, f"{p}owner_title", errors),
            reference=_clean(esc.reference, f"{p}reference", errors),
            notes=_clean(esc.notes, f"{p}notes", errors, limit=MAX_LONG),
        )

    def log_contact(self, case_id: int, data: ContactInput) -> int:
        values, tickets, promises, esc = self.validate_contact(data)
        with self._write() as s:
            c = self._case(s, case_id)
            started: datetime = values["started_at"]
            ct = Contact(key=data.key or new_key("contact"), case_id=c.id,
                         started_utc=utc_key(started), recorded_at=data.recorded_at or utc_now(),
                         **values)
            ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(tickets)]
            ct.promises = [self.new_promise(p, started) for p in promises]
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

    def update_contact(self, contact_id: int, data: ContactInput) -> None:
        """Change a contact's values, tickets, promises and escalation in one transaction.

        Promises are updated in place, so an unchanged promise keeps its id (the calendar
        export's event UID), its status, its reminder state and its history: see
        ``match_promises``. A promise given as "pending" keeps the status it has; another
        status given is applied and recorded. Promises left out are erased, and each erasure is
        written to the change history with the promise's terms and last status.

        ``data.escalation``: one with the key of this contact's escalation updates it in place;
        one without a known key is added for this contact (the case becomes "escalated" while it
        is open or waiting); ``None`` leaves the contact's escalations as they are.
        """
        values, tickets, promises, esc = self.validate_contact(data)
        values.pop("source")  # how it was captured stays what it was
        with self._write() as s:
            ct = s.get(Contact, contact_id, with_for_update=True)
            if ct is None or ct.deleted_at is not None:
                raise NotFound(i18n.text("There is no contact {n}.").format(n=contact_id))
            check_version(s, "contact", ct, data.version, values)
            started: datetime = values["started_at"]
            before = {k: getattr(ct, k) for k in values}
            before["tickets"] = [t.number for t in ct.tickets]
            before["promises"] = [promise_terms(p) for p in ct.promises]
            for k, v in values.items():
                setattr(ct, k, v)
            ct.started_utc = utc_key(started)
            self._opened_by(s, ct.case, started)
            if before["tickets"] != tickets:
                ct.tickets.clear()
                s.flush()
                ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(tickets)]
            old_rows = list(ct.promises)
            pairs = match_promises(old_rows, promises)
            kept_ids = {row.id for row, _ in pairs if row is not None}
            for row in old_rows:
                if row.id not in kept_ids:
                    self._log(s, "promise", row.id, ct.case_id, "erase",
                              {"promise": promise_terms(row), "status": row.status})
                    ct.promises.remove(row)
            s.flush()
            for row, p in pairs:
                if row is None:
                    ct.promises.append(self.new_promise(p, started))
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
                     "promises": [promise_terms(p) for p in ct.promises]}
            changes = changed_fields(before, after)
            if changes:
                self._log(s, "contact", ct.id, ct.case_id, "update", changes)
            flag_modified(ct, "updated_at")  # every save raises the version (tickets too)
            s.flush()
            saved = ct.version
        if data.version is not None:
            data.version = saved  # the caller's copy is the saved version now

    def _save_contact_escalation(self, s: Session, ct: Contact, esc: EscalationInput) -> None:
        row = None
        if esc.key:
            row = s.scalar(select(Escalation).where(Escalation.case_id == ct.case_id,
                                                    Escalation.key == esc.key))
            if row is not None and row.contact_id not in (None, ct.id):
                raise ValidationError({"escalation.key": i18n.text(
                    "This escalation belongs to another contact of the case.")})
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
                raise NotFound(i18n.text("There is no contact {n}.").format(n=contact_id))
            ct.deleted_at = utc_now()
            self._log(s, "contact", ct.id, ct.case_id, "delete", {})

    def restore_contact(self, contact_id: int) -> None:
        with self._write() as s:
            ct = s.get(Contact, contact_id)
            if ct is None:
                raise NotFound(i18n.text("There is no contact {n}.").format(n=contact_id))
            ct.deleted_at = None
            self._log(s, "contact", ct.id, ct.case_id, "restore", {})

    # escalations and notes

    def add_escalation(self, case_id: int, esc: EscalationInput, contact_id: int | None = None) -> int:
        errors: dict[str, str] = {}
        esc = self.clean_escalation(esc, errors, "")
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
        body = _clean(body, "body", errors, limit=MAX_LONG, required=True, label=i18n.text("The note"))
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
                       caption: str = "", contact_id: int | None = None,
                       provenance: Mapping[str, str] | None = None) -> int:
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
        return self.attach_stored_blob(case_id, blob, caption=caption, contact_id=contact_id,
                                       provenance=provenance)

    def attach_stored_blob(self, case_id: int, blob: Any, *, caption: str = "",
                           contact_id: int | None = None,
                           provenance: Mapping[str, str] | None = None) -> int:
        """Attach a file already copied into the store (``store.add_file``/``add_bytes``,
        e.g. by a background thread) to a case/contact: only the database row is written.
        If that fails, a file the store took in for this (``blob.created``) is removed again
        unless another exhibit uses it (no orphan files; ``journal.exhibits.orphans``)."""
        try:
            return self._attach_row(case_id, blob, caption=caption, contact_id=contact_id,
                                    provenance=clean_provenance(provenance))
        except BaseException:
            from .exhibits.orphans import discard_unused

            discard_unused(self, [blob])
            raise

    def _attach_row(self, case_id: int, blob: Any, *, caption: str,
                    contact_id: int | None, provenance: dict[str, str]) -> int:
        errors: dict[str, str] = {}
        caption = _clean(caption, "caption", errors, limit=2000)
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            self._case(s, case_id)
            if contact_id is not None:
                ct = s.get(Contact, contact_id)
                if ct is None or ct.case_id != case_id or ct.deleted_at is not None:
                    raise NotFound(i18n.text("There is no contact {n} in case {case}.").format(
                        n=contact_id, case=case_id))
            a = Attachment(case_id=case_id, contact_id=contact_id, sha256=blob.sha256,
                           original_name=blob.original_name, media_type=blob.media_type,
                           size=blob.size, caption=caption, preview_ok=blob.preview_ok,
                           width=blob.width, height=blob.height, provenance=provenance)
            s.add(a)
            s.flush()
            self._log(s, "attachment", a.id, case_id, "create",
                      {"original_name": [None, a.original_name], "sha256": [None, a.sha256]})
            return a.id

    def set_attachment_caption(self, attachment_id: int, caption: str) -> None:
        errors: dict[str, str] = {}
        caption = _clean(caption, "caption", errors, limit=2000)
        if errors:
            raise ValidationError(errors)
        with self._write() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(i18n.text("There is no attachment {n}.").format(n=attachment_id))
            if a.caption != caption:
                self._log(s, "attachment", a.id, a.case_id, "update", {"caption": [a.caption, caption]})
                a.caption = caption

    # history, check

    def check(self, *, unused: bool = True, chain: bool = True) -> list[str]:
        """Everything wrong with the journal: database integrity, foreign keys, stored files
        (damaged or missing), unless ``chain`` is False the hash chain (``verify_chain``: the
        first record that no longer matches first), and, unless ``unused`` is False, orphan
        files in the store that no exhibit refers to (harmless but taking space;
        ``remove_unused_exhibit_files``)."""
        from .chain.report import chain_problems

        problems = self.journal.run_check()  # SQLite's quick_check (a server checks itself)
        if chain:
            problems += chain_problems(self.verify_chain())
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
                problems.append(i18n.text("attachment {aid} ({name}): {value}").format(
                    aid=aid, name=name, value=seen[sha]))
        return problems

    def exhibit_files(self) -> Any:
        """Unused (orphan) and missing exhibit files: ``orphans.ExhibitFilesReport``."""
        from .exhibits.orphans import exhibit_files_report

        return exhibit_files_report(self)

    def remove_unused_exhibit_files(self, hashes: Iterable[str]) -> Any:
        """Remove these orphan files (each checked again first): ``orphans.RemovedFiles``."""
        from .exhibits.orphans import remove_unused

        self.require_writable()

        return remove_unused(self, hashes)


def _slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s[:60] or new_key("org")
