"""Promise statuses and deadlines: marking a promise kept or broken, the stored due dates,
and what is due or overdue (for the overdue notice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import String, select, type_coerce, update
from sqlalchemy.orm import selectinload

from . import deadlines as dl
from . import records
from .case_queries import CASE, CASES, CONTACT, CONTACTS, ORG, ORGANIZATIONS, PROMISE
from .models import Promise, utc_now
from .records import ACTIVE_STATUSES, PROMISE_STATUSES, DueItem, NotFound, ValidationError
from .safe_echo import escape_for_terminal
from .service_base import ServiceBase

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import PromiseInput


_T = TypeVar("_T")
_FIELD_COUNTS: dict[type, int] = {}  # the dataclasses frozen_made has checked


def frozen_made(cls: type[_T], fields: dict[str, Any]) -> _T:
    """An instance of the frozen dataclass ``cls`` holding ``fields`` (every one of them),
    equal to ``cls(**fields)``, made without the generated ``__init__``, which sets each field
    through ``object.__setattr__`` (1.6 against 0.5 us for a promise's ten fields): for lists
    of thousands of items. ``cls`` must keep its fields in its ``__dict__`` and have no
    ``__post_init__`` (checked at its first use, with the fields' names; every call checks
    their number)."""
    count = _FIELD_COUNTS.get(cls)
    if count is None:
        names = {f.name for f in dataclass_fields(cls)}  # type: ignore[arg-type]
        if (set(fields) != names or hasattr(cls, "__post_init__")
                or "__slots__" in vars(cls)):
            raise TypeError(f"frozen_made cannot make {cls.__name__} from {sorted(fields)}")
        count = _FIELD_COUNTS[cls] = len(names)
    if len(fields) != count:
        raise TypeError(f"frozen_made needs every field of {cls.__name__}")
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


def _text(column: Any) -> Any:
    """``column`` read as the text it is stored as (no conversion per row)."""
    return type_coerce(column, String)


class PromiseDates(ServiceBase):
    """Promise statuses and due dates (part of ``JournalService``)."""

    def new_promise(self, p: PromiseInput, started: datetime) -> Promise:
        due = dl.promise_due(started, business_days=p.business_days, hours=p.hours, due_on=p.due_on,
                             calendar=self.calendar)
        return Promise(text=p.text, business_days=p.business_days, hours=p.hours, due_on=p.due_on,
                       status=p.status, due_date=due.due_on, due_at=due.due_at)

    def set_promise_status(self, promise_id: int, status: str, *, undo: bool = False) -> str:
        """Mark a promise pending, kept or broken; returns the status it had before.

        ``undo``: this puts back the status an earlier change replaced (the history says so).
        """
        if status not in PROMISE_STATUSES:
            raise ValidationError({"status": f"'{escape_for_terminal(status)}' is not one of: "
                                              f"{', '.join(PROMISE_STATUSES)}."})
        with self._write() as s:
            p = s.get(Promise, promise_id)
            if p is None:
                raise NotFound(f"There is no promise {promise_id}.")
            before = str(p.status)
            if before == status:
                return before
            case_id = p.contact.case_id
            changes: dict[str, Any] = {"status": [before, status], "text": p.text}
            if undo:
                changes["undo"] = True
            self._log(s, "promise", p.id, case_id, "status", changes)
            p.status = status
            p.status_changed_at = utc_now()
            return before

    def refresh_due_dates(self, *, only_missing: bool) -> int:
        """Recompute stored promise deadlines (after an upgrade or a calendar change)."""
        n = 0
        if only_missing:  # on every open: a read first, so a usual open never writes
            promise = Promise.__table__.c  # Core: no mapper configuration before the window
            with self.journal.sessions() as s:
                if s.scalar(select(promise.id).where(promise.due_date.is_(None)).limit(1)) is None:
                    return 0
        with self._write() as s:
            q = select(Promise).options(selectinload(Promise.contact))
            if only_missing:
                q = q.where(Promise.due_date.is_(None))
            for p in s.scalars(q):
                due = dl.promise_due(p.contact.started_at, business_days=p.business_days,
                                     hours=p.hours, due_on=p.due_on, calendar=self.calendar)
                if p.due_date != due.due_on or p.due_at != due.due_at:
                    p.due_date, p.due_at = due.due_on, due.due_at
                    n += 1
        return n

    def due_items(self, *, now: datetime | None = None, horizon_days: int = 7,
                  include_future: bool = False) -> list[DueItem]:
        """Pending promises due within ``horizon_days`` (or overdue), most urgent first.

        Reads plain columns (no ORM objects) and the deadlines stored with each promise
        (``refresh_due_dates`` keeps them current); only a promise without one is computed.
        """
        now = now or datetime.now(UTC)
        limit = now.date() + timedelta(days=horizon_days)
        # Core columns: rows of plain values, without the ORM's loading of each row; the
        # dates and times as their stored text, converted once per distinct value below
        p, c, k, o = PROMISE, CONTACT, CASE, ORG
        q = (
            select(p.id, p.text, p.business_days, p.hours, _text(p.due_on), p.status,
                   _text(p.due_date), _text(p.due_at), c.id, c.case_id, _text(c.started_at),
                   c.channel, c.rep_name, k.title, o.name)
            .join(CONTACTS, c.id == p.contact_id)
            .join(CASES, k.id == c.case_id)
            .join(ORGANIZATIONS, o.id == k.organization_id)
            .where(p.status == "pending", c.deleted_at.is_(None),
                   k.deleted_at.is_(None), k.status.in_(ACTIVE_STATUSES))
            .order_by(p.due_date, p.id)
        )
        if not include_future:
            q = q.where(p.due_date <= limit)
        with self.journal.sessions() as s:
            rows = s.execute(q).all()
        out = []
        # many promises share a deadline, a time zone, a state and a representative: each is
        # made once; the items are made as frozen_made does (thousands of them)
        days: dict[str | None, date | None] = {None: None}
        dues: dict[tuple[str, str | None], dl.PromiseDue] = {}
        todays: dict[Any, date] = {}
        states: dict[tuple[object, ...], dl.PromiseState] = {}
        seen_states: dict[tuple[object, ...], dl.PromiseState] = {}
        whos: dict[tuple[str, str], str] = {}
        view_type = records.PromiseView
        calendar = self.calendar
        for (pid, ptext, bdays, hours, due_on_text, status, due_date, due_at, cid, case_id,
             started_text, channel, rep, title, org) in rows:
            started = datetime.fromisoformat(started_text)
            if due_on_text in days:
                due_on = days[due_on_text]
            else:
                due_on = days[due_on_text] = date.fromisoformat(due_on_text)
            if due_date is not None:
                due = dues.get((due_date, due_at))
                if due is None:
                    due = dues[due_date, due_at] = dl.PromiseDue(
                        due_on=date.fromisoformat(due_date),
                        due_at=None if due_at is None else datetime.fromisoformat(due_at))
            else:
                due = dl.promise_due(started, business_days=bdays, hours=hours, due_on=due_on,
                                     calendar=calendar)
            today = todays.get(started.tzinfo)
            if today is None:
                today = todays[started.tzinfo] = now.astimezone(started.tzinfo).date()
            # ``now`` is the same for every item: the state depends on the status, the
            # deadline (its stored text, else the one computed) and the day where it was made
            seen = (status, due_date or due, due_at, today)
            state = seen_states.get(seen)
            if state is None:  # a new deadline: its days overdue may already have a state
                key = dl.promise_state_key(status, due, today=today, now=now, calendar=calendar)
                state = states.get(key)
                if state is None:
                    state = states[key] = dl.promise_state(status, due, today=today, now=now,
                                                           calendar=calendar)
                seen_states[seen] = state
            who = whos.get((channel, rep))
            if who is None:
                who = whos[channel, rep] = ", ".join(x for x in (channel.capitalize(), rep) if x)
            pv = frozen_made(view_type, {
                "id": pid, "contact_id": cid, "text": ptext, "business_days": bdays,
                "hours": hours, "due_on_fixed": due_on, "status": status, "due": due,
                "state": state, "made_at": started})
            out.append(frozen_made(DueItem, {
                "promise": pv, "case_id": case_id, "case_title": title, "organization": org,
                "contact": who}))
        return out

    def mark_notified(self, promise_ids: Iterable[int]) -> None:
        ids = list(promise_ids)
        if not ids:
            return
        with self._write() as s:
            s.execute(update(Promise).where(Promise.id.in_(ids)).values(notified_at=utc_now()))

    def overdue_unnotified(self, now: datetime | None = None) -> list[DueItem]:
        now = now or datetime.now(UTC)
        items = [d for d in self.due_items(now=now, horizon_days=0)
                 if d.promise.state.code == "overdue"]
        if not items:
            return []
        with self.journal.sessions() as s:
            done = set(s.scalars(select(Promise.id).where(
                Promise.id.in_([d.promise.id for d in items]), Promise.notified_at.is_not(None))))
        return [d for d in items if d.promise.id not in done]
