"""One case as plain view dataclasses (``records``), and a case or contact as the input
that would save it unchanged (for editing).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from . import deadlines as dl
from . import records
from .capture.provenance import provenance_pairs
from .case_queries import contact_day
from .history import case_history
from .issue_types import ISSUE_TYPES
from .models import Attachment, Case, Contact, Escalation, Organization, Promise
from .organizations import organization_view
from .records import NotFound
from .service_base import ServiceBase

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import (
        AttachmentView,
        CaseInput,
        CaseView,
        ChangeView,
        ContactInput,
        ContactView,
        EscalationView,
        PromiseView,
    )


def _case_options(loaded: Any) -> tuple[Any, ...]:
    """Everything a case view shows, loaded with a query per kind of record."""
    return (
        selectinload(Case.organization).selectinload(Organization.channels),
        selectinload(loaded).selectinload(Contact.tickets),
        selectinload(loaded).selectinload(Contact.promises),
        selectinload(Case.escalations),
        selectinload(Case.attachments),
        selectinload(Case.notes),
    )


class CaseViews(ServiceBase):
    """A case read whole (part of ``JournalService``)."""

    def get_case(self, case_id: int, *, now: datetime | None = None,
                 include_deleted: bool = False, contacts_from: date | None = None,
                 contacts_to: date | None = None) -> CaseView:
        """The case with everything in it. ``contacts_from``/``contacts_to`` (the contacts' own
        local dates, both included) load only the contacts in that range."""
        now = now or datetime.now(UTC)
        day = contact_day()
        loaded: Any = Case.contacts
        if contacts_from is not None or contacts_to is not None:
            low = (contacts_from or date.min).isoformat()
            high = (contacts_to or date.max).isoformat()
            loaded = Case.contacts.and_(day >= low, day <= high)
        with self.journal.sessions() as s:
            c = s.scalar(select(Case).where(Case.id == case_id).options(*_case_options(loaded)))
            if c is None or (c.deleted_at is not None and not include_deleted):
                raise NotFound(f"There is no case {case_id}.")
            return self._case_view(c, now)

    def get_cases(self, case_ids: Sequence[int], *, now: datetime | None = None
                  ) -> list[CaseView]:
        """Several cases read whole, in the order given, with a few queries for all of them
        (the export reads a journal this way); missing and deleted cases are skipped."""
        now = now or datetime.now(UTC)
        with self.journal.sessions() as s:
            found = {c.id: c for c in s.scalars(
                select(Case).where(Case.id.in_(list(case_ids)))
                .options(*_case_options(Case.contacts)))}
            return [self._case_view(found[i], now) for i in case_ids
                    if i in found and found[i].deleted_at is None]

    def _case_view(self, c: Case, now: datetime) -> CaseView:
        atts = [attachment_view(a) for a in c.attachments]
        live = tuple(a for a in atts if a.removed_at is None)
        contacts = tuple(
            self._contact_view(ct, [a for a in live if a.contact_id == ct.id], now)
            for ct in c.contacts if ct.deleted_at is None
        )
        return records.CaseView(
            id=c.id, key=c.key, title=c.title, organization=organization_view(c.organization),
            issue_type=c.issue_type,
            issue_label=ISSUE_TYPES[c.issue_type].label if c.issue_type in ISSUE_TYPES
            else c.issue_type,
            role=c.role, status=c.status, opened_on=c.opened_on, summary=c.summary,
            desired_outcome=c.desired_outcome, amount_disputed=c.amount_disputed,
            currency=c.currency, fields={k: str(v) for k, v in (c.fields or {}).items()},
            created_at=c.created_at, updated_at=c.updated_at, contacts=contacts,
            escalations=tuple(escalation_view(e) for e in c.escalations),
            attachments=live,
            removed_attachments=tuple(a for a in atts if a.removed_at is not None),
            notes=tuple(records.NoteView(n.id, n.body, n.created_at, n.updated_at) for n in c.notes),
            version=c.version,
        )

    def _contact_view(self, ct: Contact, atts: list[AttachmentView], now: datetime) -> ContactView:
        return records.ContactView(
            id=ct.id, key=ct.key, case_id=ct.case_id, started_at=ct.started_at,
            ended_at=ct.ended_at, channel=ct.channel, direction=ct.direction,
            hold_minutes=ct.hold_minutes, rep_name=ct.rep_name, rep_title=ct.rep_title,
            rep_id=ct.rep_id, tickets=tuple(t.number for t in ct.tickets), summary=ct.summary,
            outcome=ct.outcome, recorded_at=ct.recorded_at,
            promises=tuple(self._promise_view(p, ct, now) for p in ct.promises),
            attachments=tuple(atts), source=ct.source or "typed", capture_ref=ct.capture_ref,
            version=ct.version,
        )

    def _promise_view(self, p: Promise, ct: Contact, now: datetime) -> PromiseView:
        due = dl.promise_due(ct.started_at, business_days=p.business_days, hours=p.hours,
                             due_on=p.due_on, calendar=self.calendar)
        today = now.astimezone(ct.started_at.tzinfo).date()
        state = dl.promise_state(p.status, due, today=today, now=now, calendar=self.calendar)
        return records.PromiseView(id=p.id, contact_id=ct.id, text=p.text, business_days=p.business_days,
                           hours=p.hours, due_on_fixed=p.due_on, status=p.status, due=due,
                           state=state, made_at=ct.started_at)

    def contact_input(self, contact_id: int) -> ContactInput:
        """A contact's current values as an input, to prefill an edit form."""
        with self.journal.sessions() as s:
            ct = s.get(Contact, contact_id)
            if ct is None:
                raise NotFound(f"There is no contact {contact_id}.")
            esc = s.scalar(select(Escalation).where(Escalation.contact_id == ct.id)
                           .order_by(Escalation.requested_on, Escalation.id).limit(1))
            return records.ContactInput(
                started_at=ct.started_at, ended_at=ct.ended_at, channel=ct.channel,
                direction=ct.direction, hold_minutes=ct.hold_minutes, rep_name=ct.rep_name,
                rep_title=ct.rep_title, rep_id=ct.rep_id, tickets=[t.number for t in ct.tickets],
                summary=ct.summary, outcome=ct.outcome, key=ct.key, source=ct.source or "typed",
                promises=[records.PromiseInput(p.text, p.business_days, p.hours, p.due_on, p.status,
                                       id=p.id) for p in ct.promises],
                escalation=None if esc is None else records.EscalationInput(
                    esc.requested_on, esc.level, esc.owner_name, esc.owner_title, esc.reference,
                    esc.notes, key=esc.key),
                version=ct.version,
            )

    def case_input(self, case_id: int) -> CaseInput:
        with self.journal.sessions() as s:
            c = self._case(s, case_id)
            return records.CaseInput(
                title=c.title, organization_id=c.organization_id, issue_type=c.issue_type,
                role=c.role, status=c.status, opened_on=c.opened_on, summary=c.summary,
                desired_outcome=c.desired_outcome,
                amount_disputed=None if c.amount_disputed is None else str(c.amount_disputed),
                currency=c.currency, fields=dict(c.fields or {}), key=c.key, version=c.version,
            )

    def history(self, case_id: int) -> list[ChangeView]:
        """The case's change history, oldest first (``journal.history``)."""
        with self.journal.sessions() as s:
            return case_history(s, case_id)


def escalation_view(e: Escalation) -> EscalationView:
    """An escalation row as its view."""
    return records.EscalationView(e.id, e.key, e.contact_id, e.requested_on, e.level, e.owner_name,
                          e.owner_title, e.reference, e.notes)


def attachment_view(a: Attachment) -> AttachmentView:
    """An exhibit row as its view."""
    return records.AttachmentView(a.id, a.case_id, a.contact_id, a.sha256, a.original_name, a.media_type,
                          a.size, a.caption, a.preview_ok, a.width, a.height, a.added_at,
                          a.removed_at, provenance_pairs(a.provenance))
