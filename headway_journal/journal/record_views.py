"""The service's views: a case read whole, its contacts, promises, escalations, notes, exhibits,
organization and channels, and a record's change history (``records`` gives them out;
docs/performance.md, item 18: a module of their own, loaded when the first case is read).

Plain data only (no database, no Qt), as the window, the command line and the case file show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from headway_journal import i18n

from . import deadlines as dl


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
class ChangeView:
    """One entry of a record's change history."""
    at: datetime
    entity: str
    entity_id: int
    action: str
    changes: dict[str, Any]
    made_by: str = ""  # the database user (a shared journal); "" in a folder
