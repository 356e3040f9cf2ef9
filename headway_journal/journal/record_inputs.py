"""The service's inputs: a case, a contact (with its tickets, promises and escalation), an
organization and its channels, as the user enters or edits them (``records`` gives them out;
docs/performance.md, item 18: a module of their own, loaded with the first form or import).

Plain data only (no database, no Qt); ``service.JournalService`` validates and stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


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
