"""Plain data the case file is built from.

These dataclasses hold only plain Python values (str, int, date, timezone-aware datetime,
Path, tuples). Whoever maps the journal database into them owns the wording of labels such
as ``PromiseRow.status_label``; the PDF builder only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path

from .. import i18n

PROMISE_STATUSES = frozenset({"pending", "due_today", "overdue", "kept", "broken"})
REFERENCE_KINDS = (
    "account",
    "member",
    "claim",
    "ticket",
    "invoice",
    "authorization",
    "npi",
    "ein",
    "escalation",
    "other",
)
# How each kind of reference is labelled in the case file and the letter (in this order).
REFERENCE_LABELS = {
    "account": i18n.mark("Account number"),
    "member": i18n.mark("Member ID"),
    "claim": i18n.mark("Claim number"),
    "ticket": i18n.mark("Ticket number"),
    "invoice": i18n.mark("Invoice number"),
    "authorization": i18n.mark("Authorization number"),
    "npi": "NPI",
    "ein": i18n.mark("Tax ID (EIN)"),
    "escalation": i18n.mark("Escalation reference"),
    "other": i18n.mark("Other reference"),
}


def _require_aware(obj: object) -> None:
    """Reject naive datetimes: a case file states every time with its UTC offset."""
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise ValueError(i18n.text("{name__}.{name} must be timezone-aware").format(name__=type(obj).__name__, name=f.name))


@dataclass(frozen=True)
class Party:
    name: str
    address: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Organization:
    name: str
    address: str = ""
    website: str = ""


@dataclass(frozen=True)
class PromiseRow:
    text: str
    made_on: date
    due_label: str  # e.g. "2026-11-30" or "2026-11-30 17:00 -08:00"
    status: str  # pending | due_today | overdue | kept | broken
    status_label: str  # e.g. "overdue by 3 business days"

    def __post_init__(self) -> None:
        if self.status not in PROMISE_STATUSES:
            raise ValueError(i18n.text("unknown promise status {status!r}").format(status=self.status))


@dataclass(frozen=True)
class ContactRow:
    number: int
    started_at: datetime
    ended_at: datetime | None
    recorded_at: datetime
    channel: str
    direction: str
    hold_minutes: int
    rep_name: str
    rep_title: str
    rep_id: str
    tickets: tuple[str, ...]
    summary: str
    outcome: str
    promises: tuple[PromiseRow, ...]
    exhibit_numbers: tuple[int, ...]
    # The journal's own id of the contact, and the hash-chain record that vouches for it as
    # printed (its position and SHA-256): see ChainSeal.
    entry_id: int | None = None
    chain_seq: int | None = None
    chain_digest: str = ""
    source: str = "typed"  # how it was captured: typed, email, transcript, ocr-suggestion
    # Who recorded and who last changed the entry (a shared journal's database users; "" in a
    # folder, where there is one person).
    recorded_by: str = ""
    changed_by: str = ""

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class ChainSeal:
    """Where the journal's hash chain stood when the case file was made."""

    journal_id: str  # SHA-256 of the journal's chain-start record: names the journal
    head_seq: int
    head_digest: str
    vouches_from: str  # when the chain started vouching for entries (ISO 8601, UTC)


@dataclass(frozen=True)
class EscalationRow:
    requested_on: date
    level: str
    owner_name: str
    owner_title: str
    reference: str
    notes: str = ""


@dataclass(frozen=True)
class Exhibit:
    number: int
    caption: str
    original_name: str  # the user's file name: metadata, never a path
    added_at: datetime
    sha256: str
    size: int
    media_type: str
    path: Path | None  # the stored file; None if it is missing
    print_path: Path | None = None  # optional pre-made downscaled derivative
    preview_ok: bool = True
    # SHA-256 of print_path's bytes as the journal checked them: the copy is then placed as it
    # is (if the file still has these bytes); without it, print_path is decoded to check it
    print_sha256: str | None = None
    # set by redact() for a PDF or text exhibit it cannot mask: listed (name, size, SHA-256)
    # as "withheld from this redacted copy", its contents left out
    withheld: bool = False
    provenance: str = ""  # where it came from, one line ("" when not recorded)

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class Reference:
    kind: str  # one of REFERENCE_KINDS
    value: str
    label: str


@dataclass(frozen=True)
class CaseFileData:
    case_number: int
    case_key: str
    title: str
    person: Party
    organization: Organization
    issue_type_label: str
    role: str
    status: str
    opened_on: date
    days_open: int
    amount_disputed: str | None  # formatted, e.g. "$100.00"
    desired_outcome: str
    narrative: str
    details: tuple[tuple[str, str], ...]  # issue-type fields as (label, value)
    references: tuple[Reference, ...]
    representatives: tuple[tuple[str, str, str], ...]  # (name, title, id)
    contacts: tuple[ContactRow, ...]
    escalations: tuple[EscalationRow, ...]
    exhibits: tuple[Exhibit, ...]
    generated_at: datetime
    cover_letter: str | None = None
    outside_clocks: tuple[tuple[str, str], ...] = ()  # (rule, deadline text)
    safety_note: str | None = None
    # Set by redact(): the PDF then marks itself as a redacted copy and says which exhibit
    # numbers were left out of it (the others keep their numbers).
    redacted: bool = False
    omitted_exhibits: tuple[int, ...] = ()
    # Set when the timeline is limited to a date range (both ends included, either may be
    # open): the PDF then says so, and how many contacts outside it are not included.
    contacts_range: tuple[date | None, date | None] | None = None
    contacts_not_included: int = 0
    chain: ChainSeal | None = None  # None: made without a journal's chain (say, in tests)
    # What the digital signature the file will carry proves (None: it will not be signed).
    signature_note: str | None = None

    def __post_init__(self) -> None:
        _require_aware(self)
