"""What the journal service takes and gives: vocabularies, errors, input and view dataclasses.

Plain data only (no database, no Qt): the GUI, the command line, the case file and interchange
build inputs and read views from here; ``service.JournalService`` validates, stores and returns them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from headway_journal import i18n

from . import deadlines as dl
from . import validation

STATUSES = ("open", "waiting", "escalated", "resolved", "closed")
ACTIVE_STATUSES = ("open", "waiting", "escalated")
CHANNELS = ("phone", "chat", "email", "ticket", "in-app", "letter", "in-person", "web-form")
DIRECTIONS = ("outbound", "inbound")
# How a contact was captured (schema 0006): typed by the user, from an e-mail, from a pasted chat
# transcript, or from a suggestion made from an exhibit's recognised text that the user accepted.
CAPTURE_SOURCES = ("typed", "email", "transcript", "ocr-suggestion")
PROMISE_STATUSES = ("pending", "kept", "broken")
CHANNEL_KINDS = ("phone", "email", "chat", "web", "in-app", "letter", "portal")
AUDIENCES = ("any", "client", "clinician", "privacy")
CURRENCIES = ("USD", "CAD", "EUR", "GBP", "AUD")
MAX_HOLD_MINUTES = 24 * 60
MAX_CALL = timedelta(hours=24)
MAX_TEXT = validation.MAX_TEXT  # (the limits live with the checks)
MAX_LONG = validation.MAX_LONG


class ServiceError(Exception):
    """An operation that cannot be done, with a message for the user."""


class NotFound(ServiceError):
    pass


class ValidationError(ServiceError):
    """Invalid input. ``errors`` maps a field name to a sentence; nothing was written."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        first = next(iter(self.errors.items()), ("", i18n.text("invalid input")))
        super().__init__(f"{first[0]}: {first[1]}" if first[0] else first[1])


class StorageError(ServiceError):
    """The environment refused the write (disk full, read-only, locked); nothing was changed."""


class ConflictError(ServiceError):
    """Someone else saved this record since it was read (optimistic concurrency, schema 0009):
    nothing was written. ``yours``: the version the edit was made from; ``theirs``: the version
    stored now; ``stored``: the stored values (field -> value as text) and ``attempted`` the ones
    this save tried to write, so both can be shown; ``by``: who saved it last, when known."""

    def __init__(self, entity: str, entity_id: int, yours: int, theirs: int, *,
                 stored: Mapping[str, Any] | None = None,
                 attempted: Mapping[str, Any] | None = None, by: str = "") -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.yours = yours
        self.theirs = theirs
        self.stored = dict(stored or {})
        self.attempted = dict(attempted or {})
        self.by = by
        who = i18n.text(" by {who}").format(who=by) if by else ""
        super().__init__(i18n.text(
            "This {entity} was changed{who} while you were editing it (your copy is version "
            "{yours}, the journal now holds version {theirs}). Nothing was saved: compare the "
            "two and save again.").format(entity=entity, who=who, yours=yours, theirs=theirs))


# --- inputs -------------------------------------------------------------------------------------


@dataclass
class PromiseInput:
    """One promise. ``id`` names the stored promise an edit is about (from ``contact_input``);
    ``None`` for a new one."""

    text: str
    business_days: int | None = None
    hours: int | None = None
    due_on: date | None = None
    status: str = "pending"
    id: int | None = None


@dataclass
class EscalationInput:
    """An escalation as the user enters it (with a contact or on its own)."""
    requested_on: date
    level: str = "supervisor"
    owner_name: str = ""
    owner_title: str = ""
    reference: str = ""
    notes: str = ""
    key: str | None = None


@dataclass
class CaseInput:
    """A case as the user enters or edits it (``version``: the one the edit was made from)."""
    title: str
    organization_id: int
    issue_type: str
    role: str
    status: str = "open"
    opened_on: date | None = None
    summary: str = ""
    desired_outcome: str = ""
    amount_disputed: str | Decimal | None = None
    currency: str = "USD"
    fields: dict[str, Any] = field(default_factory=dict)
    key: str | None = None
    version: int | None = None  # the version an edit was made from (None: do not check)


@dataclass
class ContactInput:
    """A logged contact as the user enters it, with its tickets, promises and escalation."""
    started_at: datetime
    channel: str
    direction: str = "outbound"
    ended_at: datetime | None = None
    hold_minutes: int = 0
    rep_name: str = ""
    rep_title: str = ""
    rep_id: str = ""
    tickets: list[str] = field(default_factory=list)
    summary: str = ""
    outcome: str = ""
    promises: list[PromiseInput] = field(default_factory=list)
    escalation: EscalationInput | None = None
    key: str | None = None
    recorded_at: datetime | None = None
    source: str = "typed"  # one of CAPTURE_SOURCES
    version: int | None = None  # the version an edit was made from (None: do not check)


@dataclass
class ChannelInput:
    """A support channel of an organization as the user enters it."""
    kind: str
    value: str
    label: str = ""
    audience: str = "any"
    hours: str = ""
    timezone: str = ""
    verified_on: date | None = None
    verified_from: str = ""


@dataclass
class OrganizationInput:
    """An organization as the user enters it, with its channels."""
    name: str
    website: str = ""
    address: str = ""
    notes: str = ""
    channels: list[ChannelInput] = field(default_factory=list)
    key: str | None = None
    # one regular expression each (journal.capture.patterns); None keeps the stored ones
    ticket_patterns: list[str] | None = None


# --- views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelView:
    """A support channel as the window and the case file show it."""
    id: int
    kind: str
    value: str
    label: str
    audience: str
    hours: str
    timezone: str
    verified_on: date | None
    verified_from: str

    @property
    def verification(self) -> str:
        if self.verified_on is None:
            return i18n.text("not verified yet: check it inside your own account")
        source = f" from {self.verified_from}" if self.verified_from else ""
        return i18n.text("verified on {isoformat}{source}").format(
            isoformat=self.verified_on.isoformat(), source=source)


@dataclass(frozen=True)
class OrganizationView:
    """An organization as the window and the case file show it."""
    id: int
    key: str
    name: str
    website: str
    address: str
    notes: str
    channels: tuple[ChannelView, ...]
    ticket_patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class PromiseView:
    """A promise with its deadline worked out and its state (pending, kept, overdue...)."""
    id: int
    contact_id: int
    text: str
    business_days: int | None
    hours: int | None
    due_on_fixed: date | None
    status: str
    due: dl.PromiseDue
    state: dl.PromiseState
    made_at: datetime

    @property
    def terms(self) -> str:
        if self.business_days is not None:
            return i18n.plural("within {business_days} business day",
                               "within {business_days} business days",
                               self.business_days).format(business_days=self.business_days)
        if self.hours is not None:
            return i18n.plural("within {hours} hour", "within {hours} hours",
                               self.hours).format(hours=self.hours)
        return i18n.text("by {day}").format(day=self.due.due_on.isoformat())

    @property
    def due_label(self) -> str:
        if self.due.due_at is not None:
            return self.due.due_at.strftime("%Y-%m-%d %H:%M %z")
        return self.due.due_on.isoformat()


@dataclass(frozen=True)
class EscalationView:
    """An escalation as the window and the case file show it."""
    id: int
    key: str
    contact_id: int | None
    requested_on: date
    level: str
    owner_name: str
    owner_title: str
    reference: str
    notes: str


@dataclass(frozen=True)
class AttachmentView:
    """An exhibit's record: its file's identity, caption and where it came from."""
    id: int
    case_id: int
    contact_id: int | None
    sha256: str
    original_name: str
    media_type: str
    size: int
    caption: str
    preview_ok: bool
    width: int | None
    height: int | None
    added_at: datetime
    removed_at: datetime | None
    # where it came from (capture/provenance.py): (key, value) pairs, "kind" first; () unknown
    provenance: tuple[tuple[str, str], ...] = ()

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class ContactView:
    """A logged contact as the timeline and the case file show it."""
    id: int
    key: str
    case_id: int
    started_at: datetime
    ended_at: datetime | None
    channel: str
    direction: str
    hold_minutes: int
    rep_name: str
    rep_title: str
    rep_id: str
    tickets: tuple[str, ...]
    summary: str
    outcome: str
    recorded_at: datetime
    promises: tuple[PromiseView, ...]
    attachments: tuple[AttachmentView, ...]
    source: str = "typed"  # how it was captured: one of CAPTURE_SOURCES
    capture_ref: str = ""  # what recognises a captured message again (Message-ID or hash)
    version: int = 1

    @property
    def duration_minutes(self) -> int | None:
        if self.ended_at is None:
            return None
        return max(0, int((self.ended_at - self.started_at).total_seconds() // 60))

    @property
    def recorded_late_days(self) -> int:
        """Whole days between the event and when it was written down."""
        return max(0, (self.recorded_at - self.started_at).days)


@dataclass(frozen=True)
class NoteView:
    """A note on a case."""
    id: int
    body: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list: what it shows of a case, read a page at a time."""
    id: int
    key: str
    title: str
    organization: str
    issue_type: str
    issue_label: str
    role: str
    status: str
    opened_on: date
    contact_count: int
    next_due: date | None
    overdue: bool

    def days_open(self, today: date | None = None) -> int:
        return ((today or date.today()) - self.opened_on).days


# What the window shows first (``first_screen``): the views' counts, the 'due' view's ids in
# list order and the summaries of their first page.
FirstScreen = tuple[dict[str, int], list[int], list[CaseSummary]]


@dataclass(frozen=True)
class CaseView:
    """A case read whole: its details, contacts, promises, escalations, notes and exhibits."""
    id: int
    key: str
    title: str
    organization: OrganizationView
    issue_type: str
    issue_label: str
    role: str
    status: str
    opened_on: date
    summary: str
    desired_outcome: str
    amount_disputed: Decimal | None
    currency: str
    fields: dict[str, str]
    created_at: datetime
    updated_at: datetime
    contacts: tuple[ContactView, ...]
    escalations: tuple[EscalationView, ...]
    attachments: tuple[AttachmentView, ...]  # case-level and contact-level, not removed
    removed_attachments: tuple[AttachmentView, ...]
    notes: tuple[NoteView, ...]
    version: int = 1

    @property
    def open_since(self) -> date:
        """The opening date, or the first contact's (own local) date when that is earlier."""
        return min([self.opened_on, *(c.started_at.date() for c in self.contacts)])

    def days_open(self, today: date | None = None) -> int:
        """Days since ``open_since``: a case is open from its first contact at the latest."""
        return ((today or date.today()) - self.open_since).days

    @property
    def amount_label(self) -> str:
        if self.amount_disputed is None:
            return ""
        symbol = {"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£"}.get(self.currency, "")
        return f"{symbol}{self.amount_disputed:,.2f}" + ("" if symbol else f" {self.currency}")

    @property
    def promises(self) -> tuple[PromiseView, ...]:
        return tuple(p for c in self.contacts for p in c.promises)

    @property
    def tickets(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.contacts:
            for t in c.tickets:
                seen.setdefault(t, None)
        return tuple(seen)


@dataclass(frozen=True)
class SearchHit:
    """One search result: what matched, in which case, with a snippet."""
    kind: str  # case, contact, note
    case_id: int
    case_title: str
    item_id: int
    snippet: str
    started_at: datetime | None


@dataclass(frozen=True)
class DueItem:
    """A pending promise whose deadline has come, with its case (the overdue check)."""
    promise: PromiseView
    case_id: int
    case_title: str
    organization: str
    contact: str  # "Phone, Priya Raman"


@dataclass(frozen=True)
class ChangeView:
    """One entry of a record's change history."""
    at: datetime
    entity: str
    entity_id: int
    action: str
    changes: dict[str, Any]
    made_by: str = ""  # the database user (a shared journal); "" in a folder


@dataclass(frozen=True)
class CaseFilter:
    """Which cases the list shows (view, issue type, organization, text) and in what order."""
    view: str = "all"  # all, active, due, waiting, resolved, deleted
    issue_type: str | None = None
    organization_id: int | None = None
    text: str = ""
    sort: str = "due"  # due, opened, title, status
