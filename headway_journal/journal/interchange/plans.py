"""What the file says, validated: the plans the reader makes and the writer merges."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import EscalationInput, PromiseInput

if TYPE_CHECKING:
    from .bulk import NewRows


@dataclass
class OrgPlan:
    """An organization of the file: its checked values and channels."""

    path: str
    key: str
    values: dict[str, str]
    channels: list[dict[str, Any]] | None  # None: the file left them out; keep the journal's


@dataclass
class AttachmentPlan:
    """An exhibit of the file: its checked file, and what the store made of it."""

    path: str
    file: Path
    caption: str
    original_name: str
    sha256: str | None
    size: int | None
    contact_key: str | None
    provenance: dict[str, str] = field(default_factory=dict)  # "imported", with where it was
    stored: Future[Any] | None = None  # adding the file to the store
    blob: Any = None  # what the store made of it


@dataclass
class PromisePlan:
    """A promise of a contact, checked."""

    data: PromiseInput  # status "pending" also when the file gives none: see Writer.promises


@dataclass
class ContactPlan:
    """A contact of the file: its checked values, tickets and promises."""

    path: str
    key: str
    values: dict[str, Any]
    tickets: list[str]
    promises: list[PromisePlan]
    recorded_at: datetime | None


@dataclass
class EscalationPlan:
    """An escalation of the file, checked, with its contact's key."""

    path: str
    data: EscalationInput
    contact_key: str | None


@dataclass
class LetterPlan:
    """A letter drafted for the case (``journal.letters``), checked, with its contact's key."""

    path: str
    kind: str
    body: str
    facts: dict[str, str]
    sent_on: date | None
    sent_channel: str
    contact_key: str | None


@dataclass
class CasePlan:
    """A case of the file with all it holds, checked."""

    path: str
    key: str
    org_key: str
    values: dict[str, Any]
    contacts: list[ContactPlan] = field(default_factory=list)
    escalations: list[EscalationPlan] = field(default_factory=list)
    notes: list[tuple[str, datetime | None]] = field(default_factory=list)
    attachments: list[AttachmentPlan] = field(default_factory=list)
    letters: list[LetterPlan] = field(default_factory=list)


@dataclass
class ImportTarget:
    """Where the cases read go: rows of new cases, plans written later, exhibits to store."""

    new_rows: NewRows
    org_ids: dict[str, int]
    later: list[CasePlan] = field(default_factory=list)
    # (case id, exhibit, contact id) of the streamed cases, written once the files are stored
    attachments: list[tuple[int, AttachmentPlan, int | None]] = field(default_factory=list)
