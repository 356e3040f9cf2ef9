"""The journal service's part that writes captured contacts (``CaptureRecords``): a batch of
contacts, each with its exhibits already in the store, in ONE transaction, skipping every
contact whose capture reference (an e-mail's Message-ID or hash) the case already holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..history import changed_fields
from ..models import Attachment, Case, Contact, Ticket, utc_key, utc_now
from ..records import CAPTURE_SOURCES, NotFound, ValidationError
from ..service_base import ServiceBase
from .provenance import clean_provenance

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from ..records import ContactInput, EscalationInput, PromiseInput

__all__ = ["CaptureRecords", "CapturedContact", "CapturedExhibit"]


@dataclass(frozen=True)
class CapturedExhibit:
    """A file that came with a captured e-mail or message, to be attached with it."""
    blob: Any  # exhibits.StoredBlob, already in the store
    caption: str = ""
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class CapturedContact:
    """A contact read from an e-mail or message, with its reference and exhibits."""
    contact: ContactInput
    ref: str  # what recognises it again ("<message-id>" or "sha256:...")
    exhibits: list[CapturedExhibit] = field(default_factory=list)


class CaptureRecords(ServiceBase):
    """Captured contacts (part of ``JournalService``)."""

    def validate_contact(self, data: ContactInput) -> tuple[dict[str, Any], list[str],
                                                              list[PromiseInput],
                                                              EscalationInput | None]:
        raise NotImplementedError  # the facade's (JournalService.validate_contact)

    def captured_refs(self, case_id: int) -> set[str]:
        """The capture references of the case's contacts (deleted ones left out)."""
        with self.journal.sessions() as s:
            rows = s.scalars(select(Contact.capture_ref).where(
                Contact.case_id == case_id, Contact.capture_ref != "",
                Contact.deleted_at.is_(None)))
            return set(rows)

    def add_captured(self, case_id: int, items: Sequence[CapturedContact]) -> list[int | None]:
        """Log every item as a contact of the case with its exhibits, all in one transaction
        (all or nothing). An item whose ``ref`` the case already holds (or an earlier item of
        the batch had) is skipped: its place in the result is None. Every contact is validated
        before anything is written (``ValidationError``)."""
        checked = [self.validate_contact(item.contact) for item in items]
        ids: list[int | None] = []
        with self._write() as s:
            c = self._case(s, case_id)
            known = set(s.scalars(select(Contact.capture_ref).where(
                Contact.case_id == c.id, Contact.capture_ref != "",
                Contact.deleted_at.is_(None))))
            for item, (values, tickets, _promises, _esc) in zip(items, checked, strict=True):
                if item.ref and item.ref in known:
                    ids.append(None)
                    continue
                known.add(item.ref)
                ids.append(self._captured_row(s, c, item, values, tickets))
            if any(i is not None for i in ids):
                c.updated_at = utc_now()
        return ids

    def _captured_row(self, s: Session, c: Case, item: CapturedContact, values: dict[str, Any],
                      tickets: list[str]) -> int:
        started: datetime = values["started_at"]
        ct = Contact(key=item.contact.key or f"contact-{uuid.uuid4().hex[:12]}", case_id=c.id,
                     started_utc=utc_key(started), recorded_at=utc_now(),
                     capture_ref=item.ref, **values)
        ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(tickets)]
        s.add(ct)
        s.flush()
        if started.date() < c.opened_on:  # a case is open since its first contact at the latest
            self._log(s, "case", c.id, c.id, "update",
                      {"opened_on": [c.opened_on.isoformat(), started.date().isoformat()]})
            c.opened_on = started.date()
        self._log(s, "contact", ct.id, c.id, "create",
                  changed_fields({}, {**values, "tickets": tickets, "capture_ref": item.ref}))
        self._exhibit_rows(s, c.id, ct.id, item.exhibits)
        return ct.id

    def attach_captured(self, case_id: int, contact_id: int, ref: str, source: str,
                        exhibits: Sequence[CapturedExhibit]) -> None:
        """A contact saved from a form filled by a captured message: say how it was captured
        (``source``, ``ref``) and attach the message's exhibits, in one transaction."""
        if source not in CAPTURE_SOURCES:
            raise ValidationError({"source": f"{source[:40]!r} is not one of: "
                                             f"{', '.join(CAPTURE_SOURCES)}."})
        with self._write() as s:
            ct = s.get(Contact, contact_id)
            if ct is None or ct.case_id != case_id or ct.deleted_at is not None:
                raise NotFound(f"There is no contact {contact_id} in case {case_id}.")
            if (ct.source, ct.capture_ref) != (source, ref):
                self._log(s, "contact", ct.id, case_id, "update",
                          {"source": [ct.source, source], "capture_ref": [ct.capture_ref, ref]})
                ct.source, ct.capture_ref = source, ref
            self._exhibit_rows(s, case_id, ct.id, exhibits)

    def _exhibit_rows(self, s: Session, case_id: int, contact_id: int,
                      exhibits: Sequence[CapturedExhibit]) -> None:
        for ex in exhibits:
            blob = ex.blob
            a = Attachment(case_id=case_id, contact_id=contact_id, sha256=blob.sha256,
                           original_name=blob.original_name, media_type=blob.media_type,
                           size=blob.size, caption=ex.caption, preview_ok=blob.preview_ok,
                           width=blob.width, height=blob.height,
                           provenance=clean_provenance(ex.provenance))
            s.add(a)
            s.flush()
            self._log(s, "attachment", a.id, case_id, "create",
                      {"original_name": [None, a.original_name], "sha256": [None, a.sha256]})
