"""Promise deadlines (due date and time from the promise's terms and the contact's local date)
and their states (pending, due today, overdue, kept, broken)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ... import i18n
from .business_days import DEFAULT_CALENDAR, BusinessCalendar

MAX_PROMISE_BUSINESS_DAYS = 260  # about a working year
MAX_PROMISE_HOURS = 2160  # 90 days
MAX_PROMISE_YEARS = 5


class PromiseTermsError(ValueError):
    """The terms of a promise make no sense; the message is a plain sentence for the user."""


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_business_days(business_days: int) -> None:
    """A promise given in business days: a whole number from 1 to a working year."""
    if not _is_int(business_days):
        raise PromiseTermsError(i18n.text("The number of business days must be a whole number."))
    if business_days == 0:
        raise PromiseTermsError(
            i18n.text("A promise of 0 business days is not a deadline; use 1 or more.")
        )
    if business_days < 0:
        raise PromiseTermsError(
            i18n.text("A promise of {business_days:,} business days is impossible; use a number from 1 to {MAX_PROMISE_BUSINESS_DAYS}.").format(business_days=business_days, MAX_PROMISE_BUSINESS_DAYS=MAX_PROMISE_BUSINESS_DAYS)
        )
    if business_days > MAX_PROMISE_BUSINESS_DAYS:
        raise PromiseTermsError(
            i18n.text("A promise of {business_days:,} business days is more than a working year ({MAX_PROMISE_BUSINESS_DAYS} business days); check the number or enter a date.").format(business_days=business_days, MAX_PROMISE_BUSINESS_DAYS=MAX_PROMISE_BUSINESS_DAYS)
        )


def validate_promise_terms(
    business_days: int | None,
    hours: int | None,
    due_on: date | None,
    *,
    contact_date: date | None = None,
) -> None:
    """Raise PromiseTermsError unless exactly one sensible way of stating the deadline is given.

    * business_days: 1 to 260
    * hours: 1 to 2,160 (90 days)
    * due_on: not before ``contact_date`` and at most 5 years after it (only checked when
      ``contact_date`` is given)
    """
    given = [v for v in (business_days, hours, due_on) if v is not None]
    if not given:
        raise PromiseTermsError(
            i18n.text("Say when the promise is due: a number of business days, a number of hours, or a date.")
        )
    if len(given) > 1:
        raise PromiseTermsError(
            i18n.text("Give the deadline only one way: business days, hours, or a date, not several at once.")
        )

    if business_days is not None:
        _check_business_days(business_days)
        return

    if hours is not None:
        if not _is_int(hours):
            raise PromiseTermsError(i18n.text("The number of hours must be a whole number."))
        if hours == 0:
            raise PromiseTermsError(i18n.text("A promise of 0 hours is not a deadline; use 1 or more."))
        if hours < 0:
            raise PromiseTermsError(
                i18n.text("A promise of {hours:,} hours is impossible; use a number from 1 to {MAX_PROMISE_HOURS:,}.").format(hours=hours, MAX_PROMISE_HOURS=MAX_PROMISE_HOURS)
            )
        if hours > MAX_PROMISE_HOURS:
            raise PromiseTermsError(
                i18n.text("A promise of {hours:,} hours is more than 90 days ({MAX_PROMISE_HOURS:,} hours); use business days or a date instead.").format(hours=hours, MAX_PROMISE_HOURS=MAX_PROMISE_HOURS)
            )
        return

    assert due_on is not None
    if isinstance(due_on, datetime) or not isinstance(due_on, date):
        raise PromiseTermsError(i18n.text("The due date must be a calendar date, without a time."))
    if contact_date is not None:
        if due_on < contact_date:
            raise PromiseTermsError(
                i18n.text("The due date {isoformat} is before the contact on {isoformat2}; a promise cannot fall due before it was made.").format(isoformat=due_on.isoformat(), isoformat2=contact_date.isoformat())
            )
        latest = _add_years(contact_date, MAX_PROMISE_YEARS)
        if due_on > latest:
            raise PromiseTermsError(
                i18n.text("The due date {isoformat} is more than {MAX_PROMISE_YEARS} years after the contact on {isoformat2}; check the year.").format(isoformat=due_on.isoformat(), MAX_PROMISE_YEARS=MAX_PROMISE_YEARS, isoformat2=contact_date.isoformat())
            )


@dataclass(frozen=True)
class PromiseDue:
    """When a promise falls due.

    ``due_at`` is set only for promises made in hours: an aware datetime in the same UTC offset
    as the contact's start, and ``due_on`` is its local date.
    """

    due_on: date
    due_at: datetime | None = None


def require_aware(moment: datetime, what: str) -> None:
    """Refuse a moment without a time zone (its local date would be unknown); ``what`` names it."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise PromiseTermsError(
            i18n.text("The {what} has no time zone, so its local date is unknown; record it with its UTC offset.").format(what=what)
        )


def same_offset(moment: datetime) -> datetime:
    """``moment`` re-expressed with a fixed tzinfo equal to its current UTC offset."""
    offset = moment.utcoffset()
    assert offset is not None
    return moment.astimezone(timezone(offset))


def promise_due(
    started_at: datetime,
    *,
    business_days: int | None = None,
    hours: int | None = None,
    due_on: date | None = None,
    calendar: BusinessCalendar | None = None,
) -> PromiseDue:
    """When a promise made during the contact starting at ``started_at`` falls due.

    Business days count from the contact's local date; hours are elapsed hours and the result
    keeps the contact's UTC offset (so a promise never jumps across a DST change).
    """
    if not isinstance(started_at, datetime):
        raise PromiseTermsError(i18n.text("The contact start must be a date and time."))
    require_aware(started_at, i18n.text("contact start time"))
    local_date = started_at.date()
    validate_promise_terms(business_days, hours, due_on, contact_date=local_date)
    cal = calendar or DEFAULT_CALENDAR
    if business_days is not None:
        return PromiseDue(due_on=cal.add_business_days(local_date, business_days), due_at=None)
    if hours is not None:
        due_at = same_offset(started_at) + timedelta(hours=hours)
        return PromiseDue(due_on=due_at.date(), due_at=due_at)
    assert due_on is not None
    return PromiseDue(due_on=due_on, due_at=None)


PROMISE_STATUSES = ("pending", "kept", "broken")


@dataclass(frozen=True)
class PromiseState:
    """How a promise stands today: code for logic, label for people."""

    code: str  # "pending" | "due_today" | "overdue" | "kept" | "broken"
    label: str
    overdue_business_days: int = 0


def _overdue(due_on: date, today: date, cal: BusinessCalendar) -> PromiseState:
    days = max(1, cal.business_days_between(due_on, today))
    return PromiseState("overdue", i18n.text("overdue by {plural}").format(
        plural=i18n.plural("{n} business day", "{n} business days", days).format(n=f"{days:,}")), days)


def promise_state_key(status: str, due: PromiseDue, *, today: date,
                      now: datetime | None = None,
                      calendar: BusinessCalendar | None = None) -> tuple[object, ...]:
    """Everything :func:`promise_state` depends on (with ``calendar``, the calendar too):
    promises with the same key stand the same way, so a list of many promises classifies each
    key once (most share a deadline; those due at an hour differ only in whether that hour has
    passed). With ``calendar``, a pending promise that is overdue is keyed by how many business
    days it is overdue, all that its state says: promises overdue by as many days share a key,
    whatever their deadlines and the day it is where each was made."""
    if due.due_at is not None and now is not None:
        require_aware(now, i18n.text("current time"))
        passed = now > due.due_at
        key: tuple[object, ...] = (status, due.due_on, today, True, passed)
    else:
        passed = today > due.due_on
        key = (status, due.due_on, today, False, False)
    if calendar is not None and passed and status == "pending":
        return ("overdue", max(1, calendar.business_days_between(due.due_on, today)))
    return key


def promise_state(
    status: str,
    due: PromiseDue,
    *,
    today: date,
    now: datetime | None = None,
    calendar: BusinessCalendar | None = None,
) -> PromiseState:
    """Classify a promise. Stored "kept"/"broken" win; a pending one is pending, due today or
    overdue. Promises in hours use ``now`` against ``due_at`` when ``now`` is given."""
    normalized = status.strip().lower()
    if normalized == "kept":
        return PromiseState("kept", i18n.text("kept"), 0)
    if normalized == "broken":
        return PromiseState("broken", i18n.text("broken"), 0)
    if normalized != "pending":
        raise ValueError(
            i18n.text("Unknown promise status {status!r}; expected one of {join}.").format(status=status, join=', '.join(PROMISE_STATUSES))
        )
    cal = calendar or DEFAULT_CALENDAR
    if due.due_at is not None and now is not None:
        require_aware(now, i18n.text("current time"))
        if now > due.due_at:
            return _overdue(due.due_on, today, cal)
        if due.due_on <= today:
            return PromiseState("due_today", i18n.text("due today"), 0)
        return PromiseState("pending", i18n.text("pending"), 0)
    if today > due.due_on:
        return _overdue(due.due_on, today, cal)
    if today == due.due_on:
        return PromiseState("due_today", i18n.text("due today"), 0)
    return PromiseState("pending", i18n.text("pending"), 0)
