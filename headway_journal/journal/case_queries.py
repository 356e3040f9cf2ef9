"""The case list: filtering, counting and summarizing cases, the counts per view, and the
dates a case's contacts span.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import ModuleType
from typing import Any

from sqlalchemy import String, case, func, select

from .issue_types import ISSUE_TYPES
from .models import Case, Contact, Organization, Promise
from .records import ACTIVE_STATUSES, CaseFilter, CaseSummary, FirstScreen, NotFound, SearchHit
from .safe_echo import escape_for_terminal
from .service_base import ServiceBase

SUMMARY_PAGE = 100  # the case list's page: it fetches case summaries this many at a time

# The case list reads the Core tables, not the ORM entities: its queries run before the window's
# first paint, and a statement that names an entity makes SQLAlchemy configure every mapper
# first (~30 ms); a Core statement does not (docs/performance.md, item 15).
CASES, CONTACTS, PROMISES, ORGANIZATIONS = (
    m.__table__ for m in (Case, Contact, Promise, Organization))
CASE, CONTACT, PROMISE, ORG = (t.c for t in (CASES, CONTACTS, PROMISES, ORGANIZATIONS))


def _day(value: Any) -> Any:
    """A stored date as a ``date`` (ISO text when read as a plain value; None stays None)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def list_order(sort: str, next_due: Any) -> tuple[Any, ...]:
    """The case list's ORDER BY for ``sort`` (``next_due``: the next-deadline column)."""
    if sort == "opened":
        return (CASE.opened_on.desc(), CASE.id.desc())
    if sort == "title":
        return (func.lower(CASE.title), CASE.id)
    if sort == "status":
        return (CASE.status, CASE.id.desc())
    return (case((next_due.is_(None), 1), else_=0), next_due, CASE.id.desc())


class CaseQueries(ServiceBase):
    """The case list's queries (part of ``JournalService``)."""

    def search_index(self) -> ModuleType:
        """The search module of this journal's store: ``search`` (FTS5) or, on a server,
        ``search_pg``; both offer fts_query, matching_cases, hit_rows and item_id."""
        if self.journal.kind == "postgresql":
            from . import search_pg

            return search_pg
        from . import search

        return search

    def _case_query(self, flt: CaseFilter, today: date, *, ranked: bool = False) -> Any:
        """The filter's cases with their next deadline, in list order; ``ranked``: unordered,
        with each case's place in that order as a ``pos`` column instead."""
        dues = (
            select(CONTACT.case_id.label("case_id"), func.min(PROMISE.due_date).label("next_due"))
            .join(PROMISES, PROMISE.contact_id == CONTACT.id)
            .where(PROMISE.status == "pending", CONTACT.deleted_at.is_(None))
            .group_by(CONTACT.case_id)
            .subquery()
        )
        next_due = dues.c.next_due
        # The next-deadline subquery groups every pending promise: join it only when the view
        # or the order needs it (counts of the other views were paying for it at start-up).
        if flt.view == "due" or flt.sort not in ("opened", "title", "status"):
            q = select(CASE.id, next_due).outerjoin(dues, dues.c.case_id == CASE.id)
        else:
            q = select(CASE.id)
        if flt.view == "deleted":
            q = q.where(CASE.deleted_at.is_not(None))
        else:
            q = q.where(CASE.deleted_at.is_(None))
        if flt.view == "active":
            q = q.where(CASE.status.in_(ACTIVE_STATUSES))
        elif flt.view == "waiting":
            q = q.where(CASE.status == "waiting")
        elif flt.view == "escalated":
            q = q.where(CASE.status == "escalated")
        elif flt.view == "resolved":
            q = q.where(CASE.status.in_(("resolved", "closed")))
        elif flt.view == "due":
            q = q.where(CASE.status.in_(ACTIVE_STATUSES), next_due.is_not(None),
                        next_due <= today + timedelta(days=7))
        if flt.issue_type:
            q = q.where(CASE.issue_type == flt.issue_type)
        if flt.organization_id:
            q = q.where(CASE.organization_id == flt.organization_id)
        if flt.text.strip():
            index = self.search_index()
            match = index.fts_query(flt.text)
            if match:
                q = q.where(CASE.id.in_(index.matching_cases(match)))
        order = list_order(flt.sort, next_due)
        if ranked:
            return q.add_columns(func.row_number().over(order_by=order).label("pos"))
        return q.order_by(*order)

    def _rows_at_once(self, s: Any, *queries: Any) -> list[list[tuple[Any, ...]]]:
        """The rows of each query as plain values (no type conversion: dates stay ISO text in
        a folder). In a folder all of them come from one statement, as one row holding each
        query's rows as JSON: Python's sqlite3 lets go of the interpreter's lock around every
        statement and every row it steps, and waits to get it back; the first read, on a
        thread beside the window being built, waited so at each (the large journal's first
        read: ~55 ms alone, ~140 ms beside the window's imports; docs/performance.md,
        item 18)."""
        if self.journal.kind != "sqlite":
            return [[tuple(row) for row in s.execute(q).all()] for q in queries]
        packs = []
        for q in queries:
            rows = q.subquery()
            packs.append(select(func.json_group_array(func.json_array(*rows.c))).scalar_subquery())
        return [[tuple(row) for row in json.loads(packed)] if packed else []
                for packed in s.execute(select(*packs)).one()]

    def count_cases(self, flt: CaseFilter = CaseFilter(), today: date | None = None) -> int:
        today = today or date.today()
        with self.journal.sessions() as s:
            sub = self._case_query(replace(flt, sort="title"), today).order_by(None).subquery()
            return int(s.scalar(select(func.count()).select_from(sub)) or 0)

    def case_ids(self, flt: CaseFilter = CaseFilter(), today: date | None = None) -> list[int]:
        """The ids of all matching cases in display order (cheap: one integer per case)."""
        today = today or date.today()
        q = self._case_query(flt, today).with_only_columns(CASE.id, maintain_column_froms=True)
        with self.journal.sessions() as s:  # plain integers: no date conversion per row
            return list(s.execute(q).scalars().all())

    def case_summaries(self, ids: Sequence[int], today: date | None = None) -> list[CaseSummary]:
        """Summaries for the given ids, in the same order (one page of the case list)."""
        if not ids:
            return []
        today = today or date.today()
        with self.journal.sessions() as s:
            count_rows, due_rows, rows = self._rows_at_once(
                s,
                select(CONTACT.case_id, func.count())
                .where(CONTACT.case_id.in_(ids), CONTACT.deleted_at.is_(None))
                .group_by(CONTACT.case_id),
                select(CONTACT.case_id, func.min(PROMISE.due_date))
                .join(PROMISES, PROMISE.contact_id == CONTACT.id)
                .where(CONTACT.case_id.in_(ids), PROMISE.status == "pending",
                       CONTACT.deleted_at.is_(None))
                .group_by(CONTACT.case_id),
                select(CASE.id, CASE.key, CASE.title, CASE.issue_type, CASE.role, CASE.status,
                       CASE.opened_on, ORG.name)
                .join(ORGANIZATIONS, ORG.id == CASE.organization_id).where(CASE.id.in_(ids)))
        counts: dict[int, int] = {cid: int(n) for cid, n in count_rows}
        dues = {cid: _day(d) for cid, d in due_rows}
        by_id = {row[0]: row for row in rows}
        out = []
        for cid in ids:
            if cid not in by_id:
                continue
            _id, key, title, issue_type, role, status, opened_on, org = by_id[cid]
            nd = dues.get(cid)
            out.append(CaseSummary(
                id=cid, key=key, title=title, organization=org, issue_type=issue_type,
                issue_label=ISSUE_TYPES[issue_type].label if issue_type in ISSUE_TYPES
                else issue_type,
                role=role, status=status, opened_on=_day(opened_on),
                contact_count=int(counts.get(cid, 0)), next_due=nd,
                overdue=bool(nd and nd < today and status in ACTIVE_STATUSES),
            ))
        return out

    def list_cases(self, flt: CaseFilter = CaseFilter(), today: date | None = None) -> list[CaseSummary]:
        return self.case_summaries(self.case_ids(flt, today), today)

    def view_counts(self, today: date | None = None) -> dict[str, int]:
        """How many cases each saved view holds (the sidebar), in one read of the journal."""
        return self.view_counts_and_due_ids(today)[0]

    def view_counts_and_due_ids(self, today: date | None = None
                                ) -> tuple[dict[str, int], list[int]]:
        """``view_counts`` and the ids of the 'due' view (``CaseFilter(view="due")``) in its
        list order, from one pass over the pending promises: the window starts in that view
        when it holds a case, and its list then needs no second pass (docs/performance.md,
        item 16)."""
        today = today or date.today()
        live = CASE.deleted_at.is_(None)

        def n(cond: Any) -> Any:
            return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

        counts_q = select(
            n(live), n(live & CASE.status.in_(ACTIVE_STATUSES)),
            n(live & (CASE.status == "waiting")), n(live & (CASE.status == "escalated")),
            n(live & CASE.status.in_(("resolved", "closed"))), n(CASE.deleted_at.is_not(None)))
        # the 'due' ids with their places in the list's order (rows at once carry no order)
        ranked = self._case_query(CaseFilter(view="due"), today, ranked=True)
        places = ranked.with_only_columns(ranked.selected_columns.pos, CASE.id,
                                          maintain_column_froms=True)
        with self.journal.sessions() as s:
            (row,), ranks = self._rows_at_once(s, counts_q, places)
        due_ids = [int(cid) for _pos, cid in sorted(ranks)]
        names = ("all", "active", "waiting", "escalated", "resolved", "deleted")
        return {"due": len(due_ids), **{k: int(v) for k, v in zip(names, row, strict=True)}}, due_ids

    def first_screen(self, today: date | None = None) -> FirstScreen:
        """``view_counts_and_due_ids`` and the summaries of the 'due' view's first page: what
        the window shows first (``ui.first_read`` reads it on a thread at start-up)."""
        counts, due_ids = self.view_counts_and_due_ids(today)
        page = self.case_summaries(due_ids[:SUMMARY_PAGE], today) if due_ids else []
        return counts, due_ids, page

    def contact_span(self, case_id: int, first: date | None = None, last: date | None = None
                     ) -> tuple[int, date | None, date | None]:
        """(number of contacts, first and last contact date) of a case, counting only the
        contacts whose own local date lies in first..last (both included) when given. Cheap:
        nothing is loaded, so a case file can refuse a huge case before reading it."""
        day = contact_day()
        conds = [CONTACT.case_id == case_id, CONTACT.deleted_at.is_(None)]
        if first is not None:
            conds.append(day >= first.isoformat())
        if last is not None:
            conds.append(day <= last.isoformat())
        with self.journal.sessions() as s:
            count, low, high = s.execute(
                select(func.count(), func.min(day), func.max(day)).where(*conds)).one()
        return (int(count), date.fromisoformat(low) if low else None,
                date.fromisoformat(high) if high else None)

    def find_case(self, ref: str) -> int:
        """A case by its key or number."""
        with self.journal.sessions() as s:
            cid = s.scalar(select(CASE.id).where(CASE.key == ref, CASE.deleted_at.is_(None)))
            if cid is None and ref.isdigit():
                cid = s.scalar(select(CASE.id).where(CASE.id == int(ref), CASE.deleted_at.is_(None)))
            if cid is None:
                raise NotFound(f"There is no case '{escape_for_terminal(ref)}' (give its key or number).")
            return int(cid)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The best ``limit`` matches of ``query`` (``journal.search``: relevance when few
        documents match, newest first when many)."""
        fts = self.search_index()
        match = fts.fts_query(query)
        if match is None:
            return []
        with self.journal.sessions() as s:
            rows = fts.hit_rows(s, match, limit)
        return [
            SearchHit(kind=r[0], case_id=int(r[2]), case_title=r[3], item_id=fts.item_id(r[1]),
                      snippet=r[4], started_at=datetime.fromisoformat(r[5]) if r[5] else None)
            for r in rows
        ]


def contact_day() -> Any:
    """A contact's own local date as ISO text (started_at is stored with its offset)."""
    return func.substr(CONTACT.started_at, 1, 10, type_=String(10))
