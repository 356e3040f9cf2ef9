"""SQLAlchemy 2 typed models of the journal.

Times of events are stored as ISO 8601 text *with* their UTC offset (a call at 22:30 in
California stays that day's call); a sortable UTC copy sits beside the ones lists are ordered by.
Money is stored as decimal text, never as a float.

No ``from __future__ import annotations`` here: SQLAlchemy would then compile every ``Mapped[...]``
text again when it maps the classes (a tenth of this module's import, paid at each start; only
the relationships to classes defined further down are written as strings).
"""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship


class AwareDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as ISO 8601 text with its offset."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime given where a timezone-aware one is required")
        return value.isoformat(timespec="seconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class IsoDate(TypeDecorator[date]):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class DecimalText(TypeDecorator[Decimal]):
    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def utc_key(value: datetime) -> str:
    """A sortable UTC text for an aware datetime."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Base(DeclarativeBase):
    type_annotation_map = {datetime: AwareDateTime(), date: IsoDate(), Decimal: DecimalText()}


class Versioned:
    """An editable record with a version counter (schema 0009): every save raises it and is
    refused (``StaleDataError``, the service's ``ConflictError``) when the row is no longer the
    version it was read at, so of two people saving one record at once the second never
    overwrites the first silently."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # columns whose change alone is bookkeeping, not an edit of the record: no new version
    unversioned: ClassVar[frozenset[str]] = frozenset()

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr
        # raised by ``concurrency`` once per transaction, however many flushes it makes (the
        # built-in counter raised it at every UPDATE: one save could count as two)
        return {"version_id_col": cls.__table__.c.version,  # type: ignore[attr-defined]
                "version_id_generator": False}


class Organization(Versioned, Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    website: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # one regular expression a line (schema 0007; journal.capture.patterns)
    ticket_patterns: Mapped[str] = mapped_column(Text, default="", server_default="")
    channels: Mapped[list["Channel"]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", order_by="Channel.position"
    )


class Channel(Base):
    __tablename__ = "channels"
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # phone, email, chat, web, in-app, letter
    value: Mapped[str] = mapped_column(String(300))
    label: Mapped[str] = mapped_column(String(200), default="")
    audience: Mapped[str] = mapped_column(String(20), default="any")
    hours: Mapped[str] = mapped_column(String(100), default="")
    timezone: Mapped[str] = mapped_column(String(60), default="")
    verified_on: Mapped[date | None] = mapped_column(default=None)
    verified_from: Mapped[str] = mapped_column(String(300), default="")
    organization: Mapped["Organization"] = relationship(back_populates="channels")


class Case(Versioned, Base):
    __tablename__ = "cases"
    # logging a contact stamps the case's last activity: someone editing the case's details
    # meanwhile has not been overtaken by it
    unversioned: ClassVar[frozenset[str]] = frozenset({"updated_at"})
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    issue_type: Mapped[str] = mapped_column(String(40), index=True)
    role: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    opened_on: Mapped[date]
    summary: Mapped[str] = mapped_column(Text, default="")
    desired_outcome: Mapped[str] = mapped_column(Text, default="")
    amount_disputed: Mapped[Decimal | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    organization: Mapped["Organization"] = relationship()
    contacts: Mapped[list["Contact"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Contact.started_utc"
    )
    escalations: Mapped[list["Escalation"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Escalation.requested_on"
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    notes: Mapped[list["Note"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Note.id"
    )


class Contact(Versioned, Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    started_at: Mapped[datetime]
    started_utc: Mapped[str] = mapped_column(String(20))
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    channel: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(10))  # inbound / outbound
    hold_minutes: Mapped[int] = mapped_column(Integer, default=0)
    rep_name: Mapped[str] = mapped_column(String(200), default="")
    rep_title: Mapped[str] = mapped_column(String(200), default="")
    rep_id: Mapped[str] = mapped_column(String(100), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    # How it was captured (schema 0006): typed, email, transcript, ocr-suggestion
    source: Mapped[str] = mapped_column(String(20), default="typed", server_default="typed")
    # What recognises a captured message again: its Message-ID, else "sha256:<hash>"
    capture_ref: Mapped[str] = mapped_column(String(300), default="", server_default="")
    case: Mapped["Case"] = relationship(back_populates="contacts")
    tickets: Mapped[list["Ticket"]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Ticket.position"
    )
    promises: Mapped[list["Promise"]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="Promise.id"
    )
    __table_args__ = (
        Index("ix_contacts_case_started", "case_id", "started_utc"),
        Index("ux_contacts_case_key", "case_id", "key", unique=True),
    )


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(100), index=True)
    contact: Mapped["Contact"] = relationship(back_populates="tickets")


class Promise(Base):
    __tablename__ = "promises"
    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    business_days: Mapped[int | None] = mapped_column(Integer, default=None)
    hours: Mapped[int | None] = mapped_column(Integer, default=None)
    due_on: Mapped[date | None] = mapped_column(default=None)  # "by DATE" promises only
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    # The computed deadline (schema 0002), kept current by the service when the promise, its
    # contact or the holiday calendar changes, so lists can sort by it in SQL.
    due_date: Mapped[date | None] = mapped_column(default=None, index=True)
    due_at: Mapped[datetime | None] = mapped_column(default=None)
    status_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    notified_at: Mapped[datetime | None] = mapped_column(default=None)
    contact: Mapped["Contact"] = relationship(back_populates="promises")


class Escalation(Versioned, Base):
    __tablename__ = "escalations"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None
    )
    requested_on: Mapped[date]
    level: Mapped[str] = mapped_column(String(100), default="")
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    owner_title: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    case: Mapped["Case"] = relationship(back_populates="escalations")


class Attachment(Versioned, Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None, index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text, default="")
    preview_ok: Mapped[bool] = mapped_column(default=True)
    width: Mapped[int | None] = mapped_column(Integer, default=None)
    height: Mapped[int | None] = mapped_column(Integer, default=None)
    added_at: Mapped[datetime] = mapped_column(default=utc_now)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Where it came from (schema 0006; capture/provenance.py): {} when not recorded
    provenance: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    case: Mapped["Case"] = relationship(back_populates="attachments")


class ExhibitText(Base):
    """Text recognised (OCR) in an image exhibit (schema 0007): never the user's own words.
    ``corrected_at`` is set once the user corrected it."""

    __tablename__ = "exhibit_texts"
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    engine: Mapped[str] = mapped_column(String(60))
    recognised_at: Mapped[datetime] = mapped_column(default=utc_now)
    corrected_at: Mapped[datetime | None] = mapped_column(default=None)


class Note(Versioned, Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    case: Mapped["Case"] = relationship(back_populates="notes")


class Change(Base):
    """The change history: every create, edit, delete and restore, with the values before and after."""

    __tablename__ = "changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True, default=None)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The hash chain (schema 0005, journal.chain): filled when the transaction commits.
    chain_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    chain_prev: Mapped[str | None] = mapped_column(String(64), default=None)
    chain_digest: Mapped[str | None] = mapped_column(String(64), default=None)
    chain_subject: Mapped[str | None] = mapped_column(String(60), default=None, index=True)
    chain_state: Mapped[str | None] = mapped_column(String(64), default=None)
    # The database user who made the change (a shared journal; None in a folder): schema 0009.
    made_by: Mapped[str | None] = mapped_column(String(100), default=None)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class LetterDraft(Base):
    """A letter drafted for a case (schema 0008): its text, the facts entered for it, and when
    it was sent (``contact_id``: the logged contact that records the sending)."""

    __tablename__ = "letter_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    sent_on: Mapped[date | None] = mapped_column(default=None)
    sent_channel: Mapped[str] = mapped_column(String(20), default="")
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None)
    __table_args__ = (Index("ux_letter_drafts_case_kind", "case_id", "kind", unique=True),)
