"""Import, bulk rows: the rows of cases new to the journal, inserted with one executemany per
table (``NewRows``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from .. import deadlines as dl
from ..history import database_user, jsonable
from ..models import (
    Attachment,
    Case,
    Change,
    Contact,
    Escalation,
    LetterDraft,
    Note,
    Promise,
    Ticket,
    utc_key,
    utc_now,
)
from ..service import JournalService
from . import bulk_store
from .common import ImportSummary
from .plans import AttachmentPlan, CasePlan, ContactPlan, EscalationPlan, LetterPlan


def _created(after: Mapping[str, Any]) -> dict[str, Any]:
    """``_changes({}, after)``, faster: the history of a new record."""
    out: dict[str, Any] = {}
    for k, new in after.items():
        if new is None:
            continue
        out[k] = [None, new if isinstance(new, (str, int)) else jsonable(new)]
    return out


class NewRows:
    """The rows of cases that are new to the journal, written in bulk.

    A case whose key the journal does not hold has nothing to merge: none of its contacts,
    escalations, notes or exhibits can exist yet. Its rows (and their change history) are
    collected as plain dicts and inserted with one ``executemany`` per table, in the same write
    transaction as the rest of the import, through the same FTS triggers. The ids that other
    rows refer to (cases, contacts; escalations, notes and exhibits for the history) are given
    here, continuing after the newest row: the write transaction (BEGIN IMMEDIATE) keeps every
    other writer out, and ``sync`` re-reads them after rows were written through the ORM.
    """

    FLUSH_AT = 20_000  # rows held before they are written (bounds the memory of a large file)

    def __init__(self, svc: JournalService, s: Session, summary: ImportSummary) -> None:
        self.svc = svc
        self.s = s
        self.summary = summary
        self.rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in _BULK_ORDER}
        self.next_id: dict[Table, int] = {}
        self.now = utc_now()

    def sync(self) -> None:
        """Write what is held and forget the ids (rows are about to be written by the ORM)."""
        self.flush()
        self.next_id.clear()

    def _ids(self) -> dict[Table, int]:
        """The next free id of each table whose ids other rows refer to."""
        if not self.next_id:
            self.s.flush()  # rows the ORM holds take their ids first
            bulk_store.reserve_ids(self.s.connection(), _ID_TABLES)
            for t in _ID_TABLES:
                self.next_id[t] = int(self.s.scalar(select(func.max(t.c.id))) or 0) + 1
        return self.next_id

    def flush(self, *, escalations: bool = True) -> None:
        """Write the rows held (but the escalations and letters only when ``escalations``)."""
        conn = self.s.connection()
        written: list[Table] = []
        docs: set[tuple[int, int]] = set()
        for table in bulk_store.order(conn, _BULK_ORDER, _PARENTS_FIRST):
            rows = self.rows[table]
            if not rows or (table in (_ESCALATIONS, _LETTERS) and not escalations):
                continue
            if not written:
                bulk_store.begin_rows(conn)
            insert_many(conn, table, rows)
            docs |= bulk_store.documents(conn, table, rows)
            written.append(table)
            rows.clear()
        if written:
            bulk_store.after_rows(conn, written, docs)

    def case(self, plan: CasePlan, org_id: int) -> None:
        """All the rows of a new case (its exhibit files stored: ``blob`` set)."""
        case_id = self.reserve_case_id()
        self.case_row(case_id, plan.key, plan.values, org_id)
        contact_ids = {cp.key: self.contact(case_id, cp) for cp in plan.contacts}
        self.escalations(case_id, plan.escalations, contact_ids)
        self.notes(case_id, plan.notes)
        self.letters(case_id, plan.letters, contact_ids)
        self.attachments(case_id, [(ap, contact_ids.get(ap.contact_key) if ap.contact_key
                                    else None) for ap in plan.attachments])

    def open_since(self, case_id: int, day: date) -> None:
        """A new case given no opening date is open since its first contact's own day."""
        for row in self.rows[_CASES]:
            if row["id"] == case_id:
                if isinstance(row.get("opened_on"), date) and day < row["opened_on"]:
                    row["opened_on"] = day
                return
        self.s.connection().execute(
            _CASES.update().where(_CASES.c.id == case_id, _CASES.c.opened_on > day)
            .values(opened_on=day))

    def reserve_case_id(self) -> int:
        self.now = utc_now()
        ids = self._ids()
        case_id = ids[_CASES]
        ids[_CASES] += 1
        return case_id

    def _log(self, case_id: int, entity: str, entity_id: int, values: dict[str, Any]) -> None:
        self.rows[_CHANGES].append({"at": self.now, "case_id": case_id, "entity": entity,
                                    "entity_id": entity_id, "action": "create",
                                    "changes": values, "made_by": database_user(self.s)})
        self.summary.created[entity] = self.summary.created.get(entity, 0) + 1

    def _next(self, table: Table) -> int:
        ids = self._ids()
        value = ids[table]
        ids[table] += 1
        return value

    def case_row(self, case_id: int, key: str, plan_values: Mapping[str, Any],
                 org_id: int) -> None:
        now = self.now
        values = dict(plan_values)
        values["organization_id"] = org_id
        self.rows[_CASES].append({"id": case_id, "key": key, **values, "created_at": now,
                                  "updated_at": now, "deleted_at": None})
        self._log(case_id, "case", case_id, _created(values))
        self.flush_if_full()

    def contact(self, case_id: int, cp: ContactPlan) -> int:
        """The rows of one new contact (with its tickets and promises); returns its id."""
        now = self.now
        rows = self.rows
        cv = cp.values
        started: datetime = cv["started_at"]
        contact_id = self._next(_CONTACTS)
        rows[_CONTACTS].append({"id": contact_id, "key": cp.key, "case_id": case_id,
                                "started_utc": utc_key(started), **cv,
                                "recorded_at": cp.recorded_at or now, "updated_at": now,
                                "deleted_at": None})
        tickets, promises = rows[_TICKETS], rows[_PROMISES]
        for i, number in enumerate(cp.tickets):
            tickets.append({"contact_id": contact_id, "position": i, "number": number})
        calendar = self.svc.calendar
        for pp in cp.promises:
            p = pp.data
            due = dl.promise_due(started, business_days=p.business_days, hours=p.hours,
                                 due_on=p.due_on, calendar=calendar)
            promises.append({"contact_id": contact_id, "text": p.text,
                             "business_days": p.business_days, "hours": p.hours,
                             "due_on": p.due_on, "status": p.status,
                             "due_date": due.due_on, "due_at": due.due_at,
                             "status_changed_at": None, "notified_at": None})
        self._log(case_id, "contact", contact_id,
                  _created({**cv, "tickets": cp.tickets,
                            "promises": [p.data.text for p in cp.promises]}))
        self.flush_if_full()
        return contact_id

    def escalations(self, case_id: int, plans: Sequence[EscalationPlan],
                    contact_ids: Mapping[str, int]) -> None:
        for ep in plans:
            e = ep.data
            esc_id = self._next(_ESCALATIONS)
            self.rows[_ESCALATIONS].append({
                "id": esc_id, "key": e.key, "case_id": case_id,
                "contact_id": contact_ids.get(ep.contact_key) if ep.contact_key else None,
                "requested_on": e.requested_on, "level": e.level, "owner_name": e.owner_name,
                "owner_title": e.owner_title, "reference": e.reference, "notes": e.notes})
            self._log(case_id, "escalation", esc_id,
                      _created({"level": e.level, "owner_name": e.owner_name,
                                "owner_title": e.owner_title, "reference": e.reference}))

    def notes(self, case_id: int, notes: Sequence[tuple[str, datetime | None]]) -> None:
        for body, when in notes:
            note_id = self._next(_NOTES)
            self.rows[_NOTES].append({"id": note_id, "case_id": case_id, "body": body,
                                      "created_at": when or self.now,
                                      "updated_at": when or self.now})
            self._log(case_id, "note", note_id, {"body": [None, body]})

    def letters(self, case_id: int, plans: Sequence[LetterPlan],
                contact_ids: Mapping[str, int]) -> None:
        for lp in plans:
            letter_id = self._next(_LETTERS)
            self.rows[_LETTERS].append({
                "id": letter_id, "case_id": case_id, "kind": lp.kind, "body": lp.body,
                "facts": dict(lp.facts), "created_at": self.now, "updated_at": self.now,
                "sent_on": lp.sent_on, "sent_channel": lp.sent_channel,
                "contact_id": contact_ids.get(lp.contact_key) if lp.contact_key else None})
            self._log(case_id, "letter", letter_id, {"kind": [None, lp.kind]})

    def attachments(self, case_id: int,
                    plans: Sequence[tuple[AttachmentPlan, int | None]]) -> None:
        """Rows of exhibits whose files are stored, each with its contact's id (or None)."""
        for ap, contact_id in plans:
            blob = ap.blob
            att_id = self._next(_ATTACHMENTS)
            self.rows[_ATTACHMENTS].append({
                "id": att_id, "case_id": case_id, "contact_id": contact_id,
                "sha256": blob.sha256, "original_name": blob.original_name,
                "media_type": blob.media_type, "size": blob.size, "caption": ap.caption,
                "preview_ok": blob.preview_ok, "width": blob.width, "height": blob.height,
                "added_at": self.now, "removed_at": None, "provenance": ap.provenance})
            self._log(case_id, "attachment", att_id,
                      {"original_name": [None, blob.original_name],
                       "sha256": [None, blob.sha256]})
        self.flush_if_full()

    def flush_if_full(self) -> None:
        if sum(len(r) for t, r in self.rows.items() if t is not _ESCALATIONS) >= self.FLUSH_AT:
            self.flush(escalations=False)


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_CASES, _CONTACTS, _TICKETS, _PROMISES, _ESCALATIONS, _NOTES, _ATTACHMENTS, _CHANGES = (
    _table(m) for m in (Case, Contact, Ticket, Promise, Escalation, Note, Attachment, Change))
_LETTERS = _table(LetterDraft)
# The order new rows are written in. Tickets before their contacts: each ticket's trigger
# rewrites its contact's search document, which does not exist yet, so each contact is indexed
# once, with its tickets, when it is inserted (instead of once more for every ticket). The
# foreign keys are checked at COMMIT (PRAGMA defer_foreign_keys, for this transaction only).
# While such a check is pending, SQLite looks for the children of every contact inserted, and
# escalations.contact_id has no index: escalations are written last, after every contact.
# Promises are part of their contact's search document too (schema 0004): before it, likewise.
# Letter drafts name a contact too (schema 0008, no index on contact_id): with the escalations.
_BULK_ORDER = (_CASES, _TICKETS, _PROMISES, _CONTACTS, _NOTES, _ATTACHMENTS, _CHANGES,
               _LETTERS, _ESCALATIONS)
# PostgreSQL checks foreign keys per statement: parents first (``bulk_store``).
_PARENTS_FIRST = (_CASES, _CONTACTS, _TICKETS, _PROMISES, _NOTES, _ATTACHMENTS, _CHANGES,
                  _LETTERS, _ESCALATIONS)
_ID_TABLES = (_CASES, _CONTACTS, _ESCALATIONS, _NOTES, _ATTACHMENTS, _LETTERS)


def insert_many(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT rows that all have the same keys, in one executemany.

    Each value goes through its column type's own bind processing (so the stored text is what
    the ORM would store), without SQLAlchemy's per-row statement bookkeeping (about half as long
    again as SQLite's own work for these rows).
    """
    dialect = conn.dialect
    names = list(rows[0])
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"  # SQLite; psycopg (PostgreSQL)
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join(mark for _ in names)})")
    conn.exec_driver_sql(sql, [
        tuple([v if f is None else f(v) for f, v in zip(processors, map(row.__getitem__, names),
                                                         strict=True)])
        for row in rows])
