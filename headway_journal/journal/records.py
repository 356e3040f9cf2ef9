"""What the journal service takes and gives: vocabularies, errors, input and view dataclasses.

Plain data only (no database, no Qt): the GUI, the command line, the case file and interchange
build inputs and read views from here; ``service.JournalService`` validates, stores and returns them.

The inputs (``record_inputs``) and the views of a case read whole (``record_views``) are given
out from here too, loaded at their first use: a window start needs only the list's rows and
filters, and each dataclass costs ~0.7 ms to make (docs/performance.md, item 18).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from headway_journal import i18n

from ..lazy import lazy_names
from . import validation

if TYPE_CHECKING:  # the names below (given out by __getattr__), each loaded on first use
    from .record_inputs import (
        CaseInput,
        ChannelInput,
        ContactInput,
        EscalationInput,
        OrganizationInput,
        PromiseInput,
    )
    from .record_views import (
        AttachmentView,
        CaseView,
        ChangeView,
        ChannelView,
        ContactView,
        EscalationView,
        NoteView,
        OrganizationView,
        PromiseView,
    )

__all__ = [
    "ACTIVE_STATUSES", "AUDIENCES", "AttachmentView", "CAPTURE_SOURCES", "CHANNELS",
    "CHANNEL_KINDS", "CURRENCIES", "CaseFilter", "CaseInput", "CaseSummary", "CaseView",
    "ChangeView", "ChannelInput", "ChannelView", "ConflictError", "ContactInput", "ContactView",
    "DIRECTIONS", "DueItem", "EscalationInput", "EscalationView", "FirstScreen", "MAX_CALL",
    "MAX_HOLD_MINUTES", "MAX_LONG", "MAX_TEXT", "NotFound", "NoteView", "OrganizationInput",
    "OrganizationView", "PROMISE_STATUSES", "PromiseInput", "PromiseView", "STATUSES",
    "SearchHit", "ServiceError", "StorageError", "ValidationError",
]

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


_LATER = {
    **{name: "record_inputs" for name in (
        "PromiseInput", "EscalationInput", "CaseInput", "ContactInput", "ChannelInput",
        "OrganizationInput")},
    **{name: "record_views" for name in (
        "ChannelView", "OrganizationView", "PromiseView", "EscalationView", "AttachmentView",
        "ContactView", "NoteView", "CaseView", "ChangeView")},
}
__getattr__ = lazy_names(__name__.rpartition(".")[0], _LATER, globals())


# --- the case list's rows, search hits, due promises, the list's filter ---------------------------


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
class CaseFilter:
    """Which cases the list shows (view, issue type, organization, text) and in what order."""
    view: str = "all"  # all, active, due, waiting, resolved, deleted
    issue_type: str | None = None
    organization_id: int | None = None
    text: str = ""
    sort: str = "due"  # due, opened, title, status
