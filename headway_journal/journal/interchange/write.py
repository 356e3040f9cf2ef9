"""Import, writing: the plans merged record by record through the ORM into what the journal
holds (``Writer``), each change with its history entry."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import deadlines as dl
from ..history import jsonable
from ..models import (
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
from ..promise_matching import match_promises, promise_terms
from ..records import PromiseInput
from ..service import JournalService
from .common import ImportSummary
from .letters import write_letters
from .plans import (
    AttachmentPlan,
    CasePlan,
    ContactPlan,
    EscalationPlan,
    LetterPlan,
    OrgPlan,
    PromisePlan,
)


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Like the service's history diff, but a changed UTC offset counts as a change."""
    out: dict[str, Any] = {}
    for k, new in after.items():
        old, new_j = jsonable(before.get(k)), jsonable(new)
        if old != new_j:
            out[k] = [old, new_j]
    return out


def _terms_of(p: Promise | PromiseInput) -> tuple[str, int | None, int | None, date | None]:
    return (p.text, p.business_days, p.hours, p.due_on)


def _channel_row(c: Channel) -> dict[str, Any]:
    return {"kind": c.kind, "value": c.value, "label": c.label, "audience": c.audience,
            "hours": c.hours, "timezone": c.timezone, "verified_on": c.verified_on,
            "verified_from": c.verified_from}


class Writer:
    """Merges plans into the rows the journal holds, through the ORM, with their history."""

    def __init__(self, svc: JournalService, s: Session, summary: ImportSummary) -> None:
        self.svc = svc
        self.s = s
        self.summary = summary

    def log(self, entity: str, entity_id: int, case_id: int | None, action: str,
            changes: dict[str, Any]) -> None:
        self.svc.log_change(self.s, entity, entity_id, case_id, action, changes)

    def profile(self, values: Mapping[str, str]) -> None:
        changed = False
        for k, v in values.items():
            row = self.s.get(Setting, f"profile.{k}")
            if row is None:
                if v:
                    self.s.add(Setting(key=f"profile.{k}", value=v))
                    changed = True
            elif row.value != v:
                row.value = v
                changed = True
        if changed:
            self.summary.count("updated", "profile")

    def organization(self, plan: OrgPlan) -> int:
        s = self.s
        org = s.scalar(select(Organization).where(Organization.key == plan.key)
                       .options(selectinload(Organization.channels)))
        channels = plan.channels or []
        if org is None:
            org = Organization(key=plan.key, **plan.values)
            org.channels = [Channel(position=i, **v) for i, v in enumerate(channels)]
            s.add(org)
            s.flush()
            self.log("organization", org.id, None, "create",
                     _changes({}, {**plan.values, "channels": channels}))
            self.summary.count("created", "organization")
            return org.id
        before: dict[str, Any] = {k: getattr(org, k) for k in plan.values}
        before["channels"] = [_channel_row(c) for c in org.channels]
        after: dict[str, Any] = dict(plan.values)
        after["channels"] = plan.channels if plan.channels is not None else before["channels"]
        changes = _changes(before, after)
        if not changes:
            return org.id
        for k, v in plan.values.items():
            setattr(org, k, v)
        if "channels" in changes:
            org.channels.clear()
            s.flush()
            for i, values in enumerate(channels):
                org.channels.append(Channel(position=i, **values))
        s.flush()
        self.log("organization", org.id, None, "update", changes)
        self.summary.count("updated", "organization")
        return org.id

    def case(self, plan: CasePlan, org_id: int) -> Case:
        s = self.s
        values = dict(plan.values)
        values["organization_id"] = org_id
        c = s.scalar(select(Case).where(Case.key == plan.key))
        if c is None:
            c = Case(key=plan.key, **values)
            s.add(c)
            s.flush()
            self.log("case", c.id, c.id, "create", _changes({}, values))
            self.summary.count("created", "case")
            return c
        touched = False
        if c.deleted_at is not None:
            c.deleted_at = None
            self.log("case", c.id, c.id, "restore", {})
            touched = True
        changes = _changes({k: getattr(c, k) for k in values}, values)
        if changes:
            for k, v in values.items():
                setattr(c, k, v)
            c.updated_at = utc_now()
            self.log("case", c.id, c.id, "update", changes)
            touched = True
        if touched:
            self.summary.count("updated", "case")
        return c

    def contacts(self, c: Case, plans: Sequence[ContactPlan]) -> dict[str, int]:
        """Merge the contacts of a case the journal holds; {key: id} of all its contacts."""
        have = {ct.key: ct for ct in self.s.scalars(
            select(Contact).where(Contact.case_id == c.id)
            .options(selectinload(Contact.tickets), selectinload(Contact.promises)))}
        ids = {key: ct.id for key, ct in have.items()}
        for plan in plans:
            ids[plan.key] = self.contact(c, plan, have.get(plan.key)).id
        return ids

    def contact(self, c: Case, plan: ContactPlan, ct: Contact | None) -> Contact:
        s = self.s
        values = plan.values
        started: datetime = values["started_at"]
        if ct is None:
            ct = Contact(key=plan.key, case_id=c.id, started_utc=utc_key(started),
                         recorded_at=plan.recorded_at or utc_now(), **values)
            ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(plan.tickets)]
            ct.promises = [self.svc.new_promise(p.data, started) for p in plan.promises]
            s.add(ct)
            s.flush()
            c.updated_at = utc_now()
            self.log("contact", ct.id, c.id, "create",
                     _changes({}, {**values, "tickets": plan.tickets,
                                   "promises": [p.data.text for p in plan.promises]}))
            self.summary.count("created", "contact")
            return ct
        touched = False
        if ct.deleted_at is not None:
            ct.deleted_at = None
            self.log("contact", ct.id, c.id, "restore", {})
            touched = True
        before: dict[str, Any] = {k: getattr(ct, k) for k in values}
        before["tickets"] = [t.number for t in ct.tickets]
        after: dict[str, Any] = {**values, "tickets": plan.tickets}
        if plan.recorded_at is not None:
            before["recorded_at"] = ct.recorded_at
            after["recorded_at"] = plan.recorded_at
        old_terms = Counter(_terms_of(p) for p in ct.promises)
        old_strings = [promise_terms(p) for p in ct.promises]
        changes = _changes(before, after)
        if changes:
            for k, v in after.items():
                if k != "tickets":
                    setattr(ct, k, v)
            ct.started_utc = utc_key(started)
            if "tickets" in changes:
                ct.tickets.clear()
                s.flush()
                ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(plan.tickets)]
        if self.promises(c, ct, plan.promises, started, "started_at" in changes):
            touched = True
        if old_terms != Counter(_terms_of(p) for p in ct.promises):
            changes["promises"] = [old_strings, [promise_terms(p) for p in ct.promises]]
        if changes:
            ct.updated_at = utc_now()
            c.updated_at = utc_now()
            self.log("contact", ct.id, c.id, "update", changes)
            touched = True
        if touched:
            self.summary.count("updated", "contact")
            s.flush()
        return ct

    def promises(self, c: Case, ct: Contact, plans: Sequence[PromisePlan], started: datetime,
                 started_changed: bool) -> bool:
        """Merge a contact's promises in place, as ``JournalService.update_contact`` does.

        Each promise of the file is paired with a stored one by ``match_promises`` (the file
        carries no promise ids: identical text and terms, then identical text, then the rest in
        order), so a matched promise keeps its id (the calendar export's event UID), its status
        history and its reminder state, and gets the file's text and terms. "pending" (or no
        status) leaves the stored status alone; "kept" or "broken" is applied and recorded.
        Stored promises left unpaired are erased, each with an "erase" history entry; promises
        left over in the file are added. Deadlines are computed again for changed terms or a
        moved contact (``started_changed``). True when a status changed or a promise was erased
        or added (changed terms are written to the contact's history by the caller).
        """
        s = self.s
        old_rows = list(ct.promises)
        pairs = match_promises(old_rows, [p.data for p in plans])
        paired = {id(row) for row, _ in pairs if row is not None}
        touched = False
        for old in old_rows:
            if id(old) not in paired:
                self.log("promise", old.id, c.id, "erase",
                         {"promise": promise_terms(old), "status": old.status})
                ct.promises.remove(old)
                touched = True
        if touched:
            s.flush()
        for row, p in pairs:
            if row is None:
                ct.promises.append(self.svc.new_promise(p, started))
                touched = True
                continue
            if _terms_of(row) != _terms_of(p) or started_changed:
                row.text, row.business_days, row.hours, row.due_on = (
                    p.text, p.business_days, p.hours, p.due_on)
                due = dl.promise_due(started, business_days=p.business_days, hours=p.hours,
                                     due_on=p.due_on, calendar=self.svc.calendar)
                if (row.due_date, row.due_at) != (due.due_on, due.due_at):
                    row.due_date, row.due_at = due.due_on, due.due_at
                    row.notified_at = None  # a new deadline earns a new reminder
            if p.status != "pending" and p.status != row.status:
                self.log("promise", row.id, c.id, "status",
                         {"status": [row.status, p.status], "text": row.text})
                row.status, row.status_changed_at = p.status, utc_now()
                touched = True
        if touched:
            # the relationship keeps the order rows were added in; export orders them by id
            s.flush()
            s.expire(ct, ["promises"])
        return touched

    def escalation(self, c: Case, plan: EscalationPlan, contact_ids: Mapping[str, int]) -> None:
        s = self.s
        e = plan.data
        contact_id = contact_ids.get(plan.contact_key) if plan.contact_key else None
        if plan.contact_key and contact_id is None:
            contact_id = s.scalar(select(Contact.id).where(Contact.case_id == c.id,
                                                           Contact.key == plan.contact_key))
        values: dict[str, Any] = {
            "requested_on": e.requested_on, "level": e.level, "owner_name": e.owner_name,
            "owner_title": e.owner_title, "reference": e.reference, "notes": e.notes,
            "contact_id": contact_id,
        }
        row = s.scalar(select(Escalation).where(Escalation.case_id == c.id,
                                                Escalation.key == e.key))
        if row is None:
            row = Escalation(key=e.key, case_id=c.id, **values)
            s.add(row)
            s.flush()
            self.log("escalation", row.id, c.id, "create",
                     _changes({}, {k: values[k] for k in ("level", "owner_name", "owner_title",
                                                          "reference")}))
            self.summary.count("created", "escalation")
            return
        changes = _changes({k: getattr(row, k) for k in values}, values)
        if changes:
            for k, v in values.items():
                setattr(row, k, v)
            self.log("escalation", row.id, c.id, "update", changes)
            self.summary.count("updated", "escalation")

    def letters(self, c: Case, letters: Sequence[LetterPlan], contact_ids: Mapping[str, int]
                ) -> None:
        """Create or replace the case's letter drafts (one per kind)."""
        for draft_id, kind, action in write_letters(self.s, c.id, letters, contact_ids):
            self.log("letter", draft_id, c.id, action, {"kind": kind})
            self.summary.count("created" if action == "create" else "updated", "letter")

    def notes(self, c: Case, notes: Sequence[tuple[str, datetime | None]]) -> None:
        have = [n for n in self.s.scalars(select(Note.body).where(Note.case_id == c.id))]
        for body, created in notes:
            if body in have:
                have.remove(body)
                continue
            when = created or utc_now()
            n = Note(case_id=c.id, body=body, created_at=when, updated_at=when)
            self.s.add(n)
            self.s.flush()
            self.log("note", n.id, c.id, "create", {"body": [None, body]})
            self.summary.count("created", "note")

    def attachments(self, c: Case, plans: Sequence[AttachmentPlan],
                    contact_ids: Mapping[str, int]) -> None:
        s = self.s
        rows = list(s.scalars(select(Attachment).where(Attachment.case_id == c.id)
                              .order_by(Attachment.id)))
        # Export lists the exhibits of deleted contacts with the case's own: match them there.
        deleted = set(s.scalars(select(Contact.id).where(Contact.case_id == c.id,
                                                         Contact.deleted_at.is_not(None))))
        for plan in plans:
            blob = plan.blob
            contact_id = contact_ids.get(plan.contact_key) if plan.contact_key else None
            places = {contact_id} if contact_id is not None else {None, *deleted}
            match = next((a for a in rows if a.sha256 == blob.sha256
                          and a.contact_id in places), None)
            if match is not None:
                rows.remove(match)
                touched = False
                if match.removed_at is not None:
                    match.removed_at = None
                    self.log("attachment", match.id, c.id, "restore", {})
                    touched = True
                if match.caption != plan.caption:
                    self.log("attachment", match.id, c.id, "update",
                             {"caption": [match.caption, plan.caption]})
                    match.caption = plan.caption
                    touched = True
                if touched:
                    self.summary.count("updated", "attachment")
                continue
            a = Attachment(case_id=c.id, contact_id=contact_id, sha256=blob.sha256,
                           original_name=blob.original_name, media_type=blob.media_type,
                           size=blob.size, caption=plan.caption, preview_ok=blob.preview_ok,
                           width=blob.width, height=blob.height, provenance=plan.provenance)
            s.add(a)
            s.flush()
            self.log("attachment", a.id, c.id, "create",
                     {"original_name": [None, a.original_name], "sha256": [None, a.sha256]})
            self.summary.count("created", "attachment")
