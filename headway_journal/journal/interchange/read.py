"""Import, reading: the document turned into validated plans, new cases streamed to the bulk
rows as they are read (``Reader``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..capture.provenance import clean_provenance, imported
from ..json_stream import (
    STREAMED,
    StreamedObject,
    duplicate_keys,
)
from ..models import (
    Case,
    Contact,
    Escalation,
    Organization,
)
from ..records import (
    CaseInput,
    ChannelInput,
    ContactInput,
    EscalationInput,
    OrganizationInput,
    PromiseInput,
)
from ..safe_echo import escape_for_terminal
from ..service import JournalService, ValidationError
from ..validation import MAX_LONG, clean_text
from .common import FORMAT_NAME, FORMAT_VERSION, PROFILE_KEYS, keyed, show
from .letters import read_letters
from .plans import (
    AttachmentPlan,
    CasePlan,
    ContactPlan,
    EscalationPlan,
    ImportTarget,
    OrgPlan,
    PromisePlan,
)
from .validate import (
    ATTACHMENT_FIELDS,
    CASE_FIELDS,
    CASE_LATE,
    CHANNEL_FIELDS,
    CONTACT_FIELDS,
    ESCALATION_FIELDS,
    MISSING,
    NOTE_FIELDS,
    ORG_FIELDS,
    OWNER_FIELDS,
    PROMISE_FIELDS,
    REP_FIELDS,
    SHA256_PATTERN,
    TOP_FIELDS,
    TWICE,
    Problems,
    Record,
    items_of,
    json_type,
    key_of,
    service_errors,
)


class Reader:
    """Turns the document into a validated plan, reading the journal's current rows as bases."""

    def __init__(self, svc: JournalService, s: Session, base_dir: Path,
                 source_name: str = "") -> None:
        self.source_name = source_name or "a journal export"
        self.svc = svc
        self.s = s
        self.base_dir = base_dir
        self.base_real = base_dir.resolve()
        self.problems = Problems()
        self.max_bytes: int = int(svc.store.max_bytes)
        # The journal's keys, read once: most records of a large file are new, and those need
        # no query at all.
        self.case_ids: dict[str, int] = {k: i for k, i in s.execute(select(Case.key, Case.id))}
        self.org_keys: set[str] = set(s.scalars(select(Organization.key)))

    # top level

    def read_top(self, doc: Any) -> tuple[dict[str, str] | None, list[OrgPlan]]:
        """The document's top level (the cases are read by ``read_case_stream``)."""
        p = self.problems
        if not isinstance(doc, dict):
            p.add("(document)", f"must be a JSON object, not {json_type(doc)}")
            p.raise_if_any()
        fmt = doc.get("format")
        if fmt != FORMAT_NAME:
            p.add("format", f"{show(fmt)} is not {show(FORMAT_NAME)}: this is not a Headway "
                            "Journal file" if "format" in doc else "is required")
        version = doc.get("version")
        if "version" not in doc:
            p.add("version", "is required")
        elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
            p.add("version", f"{show(version)} is not a format version (a whole number)")
        elif version > FORMAT_VERSION:
            p.add("version", f"this file is format version {version}, newer than this version "
                             f"of Headway Journal understands ({FORMAT_VERSION}); update the app "
                             "to import it")
        p.raise_if_any()  # nothing else is worth checking in a file we cannot read
        top = Record(doc, "", p, TOP_FIELDS)
        cases = doc.get("cases")
        if cases is not None and cases is not STREAMED and not isinstance(cases, list):
            top.bad("cases", f"must be a list (a JSON array), not {json_type(cases)}")
        profile = self.read_profile(doc)
        orgs = self.read_orgs(top)
        p.raise_if_any()
        return profile, orgs

    def read_profile(self, doc: Mapping[str, Any]) -> dict[str, str] | None:
        if "profile" not in doc or doc["profile"] is None:
            return None
        if not isinstance(doc["profile"], dict):
            self.problems.add("profile", f"must be an object, not {json_type(doc['profile'])}")
            return None
        rec = Record(doc["profile"], "profile", self.problems, PROFILE_KEYS)
        out: dict[str, str] = {}
        for k in PROFILE_KEYS:
            v = rec.text(k)
            if v is not None:
                errs: dict[str, str] = {}
                out[k] = clean_text(v, k, errs)
                for name, msg in errs.items():
                    rec.bad(name, msg)
        return out

    # organizations

    def read_orgs(self, top: Record) -> list[OrgPlan]:
        out: list[OrgPlan] = []
        seen: set[str] = set()
        for path, obj in items_of(top, "organizations"):
            rec = Record(obj, path, self.problems, ORG_FIELDS)
            key = key_of(rec, seen)
            if key is None:
                continue
            existing = None
            if key in self.org_keys:
                existing = self.s.scalar(select(Organization).where(Organization.key == key)
                                         .options(selectinload(Organization.channels)))
            data = OrganizationInput(name="", key=key)
            if existing is not None:
                data = OrganizationInput(
                    name=existing.name, website=existing.website, address=existing.address,
                    notes=existing.notes, key=key,
                    channels=[ChannelInput(c.kind, c.value, c.label, c.audience, c.hours,
                                           c.timezone, c.verified_on, c.verified_from)
                              for c in existing.channels])
            for name in ("name", "website", "address", "notes"):
                v = rec.text(name)
                if v is not None:
                    setattr(data, name, v)
            patterns = rec.array("ticket_patterns")
            if patterns is not None:  # absent: the stored ones stay
                if all(isinstance(p, str) for p in patterns):
                    data.ticket_patterns = list(patterns)
                else:
                    rec.bad("ticket_patterns", "must be a list of texts (regular expressions)")
            channels_given = rec.array("channels") is not None
            if channels_given:
                data.channels = []
                for cpath, cobj in items_of(rec, "channels"):
                    data.channels.append(self.read_channel(Record(cobj, cpath, self.problems,
                                                                CHANNEL_FIELDS)))
            try:
                values, channels = self.svc.validate_organization(data)
            except ValidationError as exc:
                service_errors(self.problems, path, exc)
                continue
            out.append(OrgPlan(path, key, values,
                                channels if channels_given or existing is None else None))
        return out

    def read_channel(self, rec: Record) -> ChannelInput:
        ch = ChannelInput(kind=rec.text("kind", required=True) or "",
                          value=rec.text("value", required=True) or "")
        for name in ("label", "audience", "hours", "timezone", "verified_from"):
            v = rec.text(name)
            if v is not None:
                setattr(ch, name, v or ("any" if name == "audience" else ""))
        verified = rec.day("verified_on")
        if isinstance(verified, date):
            ch.verified_on = verified
        return ch

    # cases

    def read_case_stream(self, cases: Iterable[Any], org_keys: set[str], out: ImportTarget
                         ) -> None:
        """Read the cases one by one: new ones that can be streamed are written as they are
        read (``stream_new_case``); the others become plans in ``out.later``."""
        seen: set[str] = set()
        for i, item in enumerate(cases):
            path = f"cases[{i}]"
            if not isinstance(item, StreamedObject):
                self.problems.add(path, f"must be an object, not {json_type(item)}")
                continue
            key = item.head.get("key")
            if item.streamable and isinstance(key, str) and key not in self.case_ids:
                self.stream_new_case(item, path, seen, org_keys, out)
                continue
            obj = item.materialize()
            rec = Record(obj, keyed(path, obj.get("key")), self.problems, CASE_FIELDS)
            key = key_of(rec, seen)
            plan = self.read_case(rec, key, org_keys) if key is not None else None
            if plan is not None:
                out.later.append(plan)

    def stream_new_case(self, item: StreamedObject, path: str, seen: set[str],
                        org_keys: set[str], out: ImportTarget) -> None:
        """A case new to the journal, its contacts read and written one at a time."""
        head = item.head
        rec = Record(head, keyed(path, head.get("key")), self.problems, CASE_FIELDS)
        key = key_of(rec, seen)
        if key is None:
            return
        rows = out.new_rows
        values, org_key = self.case_values(rec, key, org_keys, None)
        case_id = rows.reserve_case_id()
        org_id = out.org_ids.get(org_key or "")
        if not self.problems.items and org_id is not None:
            rows.case_row(case_id, key, values, org_id)
        contact_ids: dict[str, int] = {}
        contact_keys: set[str] = set()
        contacts_path = rec.at("contacts")
        for j, obj in enumerate(item.elements()):
            cpath = f"{contacts_path}[{j}]"
            if not isinstance(obj, dict):
                self.problems.add(cpath, f"must be an object, not {json_type(obj)}")
                continue
            crec = Record(obj, keyed(cpath, obj.get("key")), self.problems, CONTACT_FIELDS)
            ckey = key_of(crec, contact_keys)
            if ckey is None:
                continue
            contact = self.read_contact(crec, ckey, None)
            atts = [a for apath, aobj in items_of(crec, "attachments")
                    if (a := self.read_attachment(Record(aobj, apath, self.problems, ATTACHMENT_FIELDS),
                                                  ckey)) is not None]
            if contact is not None and not self.problems.items:
                contact_ids[ckey] = cid = rows.contact(case_id, contact)
                started = contact.values.get("started_at")
                if isinstance(started, datetime) and head.get("opened_on") is None:
                    rows.open_since(case_id, started.date())
                out.attachments.extend((case_id, a, cid) for a in atts)
        tail = item.tail()
        Record(tail, rec.path, self.problems, CASE_FIELDS)  # (reports keys given twice)
        rest = Record({**{k: v for k, v in head.items() if k in CASE_LATE}, **tail}, rec.path,
                    self.problems, CASE_FIELDS)
        plan = CasePlan(rec.path, key, org_key or "", values)
        for apath, aobj in items_of(rest, "attachments"):
            att = self.read_attachment(Record(aobj, apath, self.problems, ATTACHMENT_FIELDS), None)
            if att is not None:
                out.attachments.append((case_id, att, None))
        self.read_escalations(rest, plan, None, contact_keys)
        self.read_notes(rest, plan)
        plan.letters = read_letters(rest, contact_keys)
        if not self.problems.items:
            rows.escalations(case_id, plan.escalations, contact_ids)
            rows.notes(case_id, plan.notes)
            rows.letters(case_id, plan.letters, contact_ids)

    def read_case(self, rec: Record, key: str, org_keys: set[str]) -> CasePlan | None:
        case_id = self.case_ids.get(key)
        existing = None if case_id is None else self.s.get(Case, case_id)
        values, org_key = self.case_values(rec, key, org_keys, existing)
        plan = CasePlan(rec.path, key, org_key or "", values)
        self.read_case_children(rec, plan, existing)
        return plan

    def case_values(self, rec: Record, key: str, org_keys: set[str], existing: Case | None
                    ) -> tuple[dict[str, Any], str | None]:
        """The case's own values (validated; {} after a problem) and its organization's key."""
        data = CaseInput(title="", organization_id=0, issue_type="", role="", key=key)
        if existing is not None:
            data = CaseInput(
                title=existing.title, organization_id=0, issue_type=existing.issue_type,
                role=existing.role, status=existing.status, opened_on=existing.opened_on,
                summary=existing.summary, desired_outcome=existing.desired_outcome,
                amount_disputed=None if existing.amount_disputed is None
                else str(existing.amount_disputed),
                currency=existing.currency, fields=dict(existing.fields or {}), key=key)
        for name in ("title", "issue_type", "role", "status", "summary", "desired_outcome",
                     "currency"):
            v = rec.text(name, required=name in ("title", "issue_type", "role"))
            if v is not None:
                setattr(data, name, v)
        if rec.has("status") and rec.obj["status"] is None:
            data.status = "open"
        if rec.has("currency") and not rec.obj["currency"]:
            data.currency = "USD"
        org_key = rec.text("organization", required=True)
        if org_key is not None and org_key not in org_keys and org_key not in self.org_keys:
            rec.bad("organization", f"there is no organization with key {show(org_key)} in the "
                                    "file or in the journal")
        opened = rec.day("opened_on")
        if isinstance(opened, date):
            data.opened_on = opened
        elif opened is None and existing is None:
            data.opened_on = None
        self.read_case_extras(rec, data)
        values: dict[str, Any] | None = None
        try:
            values = self.svc.validate_case(data)
        except ValidationError as exc:
            service_errors(self.problems, rec.path, exc)
        if values is None or org_key is None:
            # Keep reading the case's children so every problem is reported at once.
            values = {}
        return values, org_key

    def read_case_extras(self, rec: Record, data: CaseInput) -> None:
        """The amount in dispute and the issue type's own fields, as given."""
        if rec.has("amount_disputed"):
            amount = rec.obj["amount_disputed"]
            if amount is None or isinstance(amount, str):
                data.amount_disputed = amount
            else:
                rec.bad("amount_disputed", f"{show(amount)} must be a decimal amount written as "
                                           'text, like "150.00"')
        if rec.has("fields"):
            f = rec.obj["fields"]
            if f is None:
                data.fields = {}
            elif not isinstance(f, dict):
                rec.bad("fields", f"must be an object, not {json_type(f)}")
            else:
                for name in duplicate_keys(f):
                    self.problems.add(f"{rec.at('fields')}.{escape_for_terminal(name)}",
                                      TWICE)
                data.fields = dict(f)

    def read_case_children(self, rec: Record, plan: CasePlan, existing: Case | None) -> None:
        existing_contacts: dict[str, Contact] = {}
        if existing is not None:
            existing_contacts = {
                c.key: c for c in self.s.scalars(
                    select(Contact).where(Contact.case_id == existing.id)
                    .options(selectinload(Contact.tickets), selectinload(Contact.promises)))
            }
        seen: set[str] = set()
        for cpath, cobj in items_of(rec, "contacts"):
            crec = Record(cobj, cpath, self.problems, CONTACT_FIELDS)
            ckey = key_of(crec, seen)
            if ckey is None:
                continue
            contact = self.read_contact(crec, ckey, existing_contacts.get(ckey))
            if contact is not None:
                plan.contacts.append(contact)
            for apath, aobj in items_of(crec, "attachments"):
                att = self.read_attachment(Record(aobj, apath, self.problems, ATTACHMENT_FIELDS), ckey)
                if att is not None:
                    plan.attachments.append(att)
        for apath, aobj in items_of(rec, "attachments"):
            att = self.read_attachment(Record(aobj, apath, self.problems, ATTACHMENT_FIELDS), None)
            if att is not None:
                plan.attachments.append(att)
        values = plan.values
        if existing is None and rec.obj.get("opened_on") is None and "opened_on" in values:
            # no opening date given: the case is open since its first contact (or today)
            days = [c.values["started_at"].date() for c in plan.contacts
                    if isinstance(c.values.get("started_at"), datetime)]
            values["opened_on"] = min([values["opened_on"], *days])
        contact_keys = seen | set(existing_contacts)
        self.read_escalations(rec, plan, existing, contact_keys)
        self.read_notes(rec, plan)
        plan.letters = read_letters(rec, contact_keys)

    def read_contact(self, rec: Record, key: str, existing: Contact | None) -> ContactPlan | None:
        data = ContactInput(started_at=None, channel="", key=key)  # type: ignore[arg-type]
        if existing is not None:
            data = ContactInput(
                started_at=existing.started_at, ended_at=existing.ended_at,
                channel=existing.channel, direction=existing.direction,
                hold_minutes=existing.hold_minutes, rep_name=existing.rep_name,
                rep_title=existing.rep_title, rep_id=existing.rep_id,
                tickets=[t.number for t in existing.tickets], summary=existing.summary,
                outcome=existing.outcome, key=key, source=existing.source,
                promises=[PromiseInput(p.text, p.business_days, p.hours, p.due_on, p.status)
                          for p in existing.promises])
        started = rec.moment("started_at", required=True)
        started_ok = isinstance(started, datetime)
        if started_ok:
            data.started_at = started  # type: ignore[assignment]
        ended = rec.moment("ended_at")
        if ended is None or isinstance(ended, datetime):
            data.ended_at = ended
        for name in ("channel", "direction", "summary", "outcome", "source"):
            v = rec.text(name, required=name == "channel")
            if v is not None:
                setattr(data, name, v)
        if rec.has("direction") and rec.obj["direction"] is None:
            data.direction = "outbound"
        hold = rec.integer("hold_minutes")
        if hold is None:
            data.hold_minutes = 0
        elif isinstance(hold, int):
            data.hold_minutes = hold
        self.read_rep_and_tickets(rec, data)
        recorded = rec.moment("recorded_at")
        plans, promise_terms = self.read_promises(rec, data)
        if not started_ok:
            return None
        try:
            values, tickets_clean, promises, _esc = self.svc.validate_contact(data)
        except ValidationError as exc:
            rename = {"rep_name": "representative.name", "rep_title": "representative.title",
                      "rep_id": "representative.id"}
            for i, term in enumerate(promise_terms):
                rename[f"promises[{i}].due"] = f"promises[{i}].{term}"
            service_errors(self.problems, rec.path, exc, rename)
            return None
        if plans is None:
            plans = [PromisePlan(p) for p in promises]
        else:
            plans = [replace(pl, data=p) for pl, p in zip(plans, promises, strict=True)]
        values["capture_ref"] = capture_ref(rec, existing)
        return ContactPlan(rec.path, key, values, tickets_clean, plans,
                            recorded if isinstance(recorded, datetime) else None)

    def read_rep_and_tickets(self, rec: Record, data: ContactInput) -> None:
        """The representative and the ticket numbers, as given."""
        rep = rec.record("representative", REP_FIELDS)
        if rep is not None:
            for name in REP_FIELDS:
                v = rep.text(name)
                if v is not None:
                    setattr(data, f"rep_{name}", v)
        elif rec.has("representative"):
            data.rep_name = data.rep_title = data.rep_id = ""
        tickets = rec.array("tickets")
        if tickets is not None:
            data.tickets = []
            for i, t in enumerate(tickets):
                if isinstance(t, str):
                    data.tickets.append(t)
                else:
                    self.problems.add(f"{rec.at('tickets')}[{i}]",
                                      f"{show(t)} must be text (a JSON string, in quotes)")
        elif rec.has("tickets"):
            data.tickets = []

    def read_promises(self, rec: Record, data: ContactInput
                      ) -> tuple[list[PromisePlan] | None, list[str]]:
        """The contact's promises when the record gives them (None: kept as they are), with
        the name of the term each was given by."""
        promise_terms: list[str] = []
        if not rec.has("promises"):
            return None, promise_terms
        plans: list[PromisePlan] = []
        data.promises = []
        for ppath, pobj in items_of(rec, "promises"):
            prec = Record(pobj, ppath, self.problems, PROMISE_FIELDS)
            plan, term = self.read_promise(prec)
            plans.append(plan)
            promise_terms.append(term)
            data.promises.append(plan.data)
        return plans, promise_terms

    def read_promise(self, rec: Record) -> tuple[PromisePlan, str]:
        text = rec.text("text", required=True) or ""
        bd = rec.integer("business_days")
        hours = rec.integer("hours")
        due_on = rec.day("due_on")
        rec.moment("due_at")  # computed by export; only its spelling is checked
        status = rec.text("status")
        p = PromiseInput(text=text, status=status or "pending")
        if isinstance(bd, int):
            p.business_days = bd
        if isinstance(hours, int):
            p.hours = hours
        if p.business_days is None and p.hours is None and isinstance(due_on, date):
            p.due_on = due_on  # with business days or hours, due_on is the computed deadline
        given = [n for n in ("business_days", "hours", "due_on") if rec.obj.get(n) is not None]
        term = given[0] if given else "business_days|hours|due_on"
        return PromisePlan(p), term

    def read_attachment(self, rec: Record, contact_key: str | None) -> AttachmentPlan | None:
        raw = rec.text("path", required=True)
        caption = rec.text("caption") or ""
        original = rec.text("original_name")
        sha = rec.text("sha256")
        size = rec.integer("size")
        rec.text("media_type")  # informational: the type is detected from the content
        if sha is not None and sha != "" and not SHA256_PATTERN.match(sha):
            rec.bad("sha256", f"{show(sha)} is not a SHA-256 digest (64 lowercase hex digits)")
        errs: dict[str, str] = {}
        caption = clean_text(caption, "caption", errs, limit=2000)
        for name, msg in errs.items():
            rec.bad(name, msg)
        if raw is None:
            return None
        file = self.resolve_file(rec, raw)
        if file is None:
            return None
        return AttachmentPlan(rec.path, file, caption, original or file.name, sha or None,
                               size if isinstance(size, int) else None, contact_key,
                               read_provenance(rec, self.source_name))

    def resolve_file(self, rec: Record, raw: str) -> Path | None:
        """A path relative to the JSON file's folder that stays inside it, to a regular file."""
        shown = show(raw)
        if "\x00" in raw:
            rec.bad("path", f"{shown} is not a usable path")
            return None
        if (PurePosixPath(raw).is_absolute() or PureWindowsPath(raw).is_absolute()
                or raw.startswith(("\\", "~")) or PureWindowsPath(raw).drive):
            rec.bad("path", f"{shown} is absolute; give a path relative to the JSON file's folder")
            return None
        parts = re.split(r"[/\\]", raw)
        if ".." in parts:
            rec.bad("path", f"{shown} contains '..'; exhibits must be inside the JSON file's folder")
            return None
        candidate = self.base_dir.joinpath(*[x for x in parts if x not in ("", ".")])
        try:
            real = candidate.resolve(strict=False)
        except (OSError, RuntimeError):
            rec.bad("path", f"{shown} cannot be resolved (a symbolic link loop?)")
            return None
        if not real.is_relative_to(self.base_real):
            rec.bad("path", f"{shown} leads outside the JSON file's folder (through a symbolic "
                            "link); copy the file into the folder instead")
            return None
        try:
            st = real.stat()
        except FileNotFoundError:
            rec.bad("path", f"{shown}: no such file beside the JSON file")
            return None
        except OSError as exc:
            rec.bad("path", f"{shown} cannot be read ({exc.strerror})")
            return None
        if not real.is_file():
            rec.bad("path", f"{shown} is not a regular file")
            return None
        if st.st_size == 0:
            rec.bad("path", f"{shown} is empty (0 bytes)")
            return None
        if st.st_size > self.max_bytes:
            rec.bad("path", f"{shown} is larger than the {self.max_bytes // (1024 * 1024)} MB "
                            "limit for attachments")
            return None
        return real

    def read_escalations(self, rec: Record, plan: CasePlan, case: Case | None,
                         contact_keys: set[str]) -> None:
        existing: dict[str, Escalation] = {}
        if case is not None:
            existing = {e.key: e for e in self.s.scalars(
                select(Escalation).where(Escalation.case_id == case.id))}
        seen: set[str] = set()
        for path, obj in items_of(rec, "escalations"):
            erec = Record(obj, path, self.problems, ESCALATION_FIELDS)
            key = key_of(erec, seen)
            if key is None:
                continue
            old = existing.get(key)
            data = EscalationInput(requested_on=date.today(), key=key)  # placeholder
            if old is not None:
                data = EscalationInput(old.requested_on, old.level, old.owner_name,
                                       old.owner_title, old.reference, old.notes, key)
            requested = erec.day("requested_on", required=True)
            if isinstance(requested, date):
                data.requested_on = requested
            for name in ("level", "reference", "notes"):
                v = erec.text(name)
                if v is not None:
                    setattr(data, name, v)
            owner = erec.record("owner", OWNER_FIELDS)
            if owner is not None:
                for name in OWNER_FIELDS:
                    v = owner.text(name)
                    if v is not None:
                        setattr(data, f"owner_{name}", v)
            contact_key = self.escalation_contact(erec, old, contact_keys)
            errors: dict[str, str] = {}
            clean = self.svc.clean_escalation(data, errors, "")
            if errors:
                rename = {"owner_name": "owner.name", "owner_title": "owner.title"}
                service_errors(self.problems, path, ValidationError(errors), rename)
                continue
            if isinstance(requested, date):
                plan.escalations.append(EscalationPlan(path, clean, contact_key))

    def escalation_contact(self, erec: Record, old: Escalation | None,
                           contact_keys: set[str]) -> str | None:
        """The key of the contact an escalation came from: the one given (which must be in
        this case), else the one it already had."""
        ck = erec.text("contact")
        if ck:
            if ck not in contact_keys:
                erec.bad("contact", f"there is no contact with key {show(ck)} in this case")
            return ck
        if old is not None and ck is None and old.contact_id is not None:
            key: str | None = self.s.scalar(select(Contact.key).where(
                Contact.id == old.contact_id))
            return key
        return None

    def read_notes(self, rec: Record, plan: CasePlan) -> None:
        for i, item in enumerate(rec.array("notes") or ()):
            path = f"{rec.at('notes')}[{i}]"
            created: datetime | None = None
            if isinstance(item, str):
                body: str | None = item
            elif isinstance(item, dict):
                nrec = Record(item, path, self.problems, NOTE_FIELDS)
                body = nrec.text("body", required=True)
                when = nrec.moment("created_at")
                created = when if isinstance(when, datetime) else None
            else:
                self.problems.add(path, f"must be text or an object, not {json_type(item)}")
                continue
            if body is None:
                continue
            errs: dict[str, str] = {}
            clean = clean_text(body, "body", errs, limit=MAX_LONG, required=True, label="The note")
            if errs:
                self.problems.add(path if isinstance(item, str) else f"{path}.body",
                                  errs["body"])
                continue
            plan.notes.append((clean, created))


def capture_ref(rec: Record, existing: Contact | None) -> str:
    """A contact's capture reference (an e-mail's Message-ID or hash): the file's, else the
    stored one's, one line of at most 300 characters."""
    ref = rec.text("capture_ref")
    if ref is None:
        return existing.capture_ref if existing is not None else ""
    ref = " ".join(ref.split())
    if len(ref) > 300:
        rec.bad("capture_ref", "is longer than 300 characters")
    return ref[:300]


def read_provenance(rec: Record, source_name: str) -> dict[str, str]:
    """An exhibit's "provenance" as the file gives it (an export carries the journal's, {} for
    "not recorded", so a round trip keeps it); without one (a file written by hand or by an
    older version) the exhibit was imported from ``source_name``."""
    value = rec.obj.get("provenance", MISSING)
    if value is MISSING or value is None:
        return imported(source_name)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        rec.bad("provenance", f"{show(value)} must be an object whose values are texts")
        return {}
    return clean_provenance(value)
