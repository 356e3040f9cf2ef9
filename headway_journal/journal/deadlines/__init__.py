"""Business-day arithmetic, promise deadlines, expected response windows and outside clocks.

Everything here is plain Python: no Qt, no database. The ``holidays`` and ``icalendar``
libraries are imported lazily inside the functions that need them, because this module is
imported when the application starts and importing ``holidays`` is slow.

Vocabulary
----------
* A *business day* is Monday to Friday and not an observed public holiday of the selected
  country (and optional subdivision); United States federal holidays by default.
* ``add_business_days(start, n)`` is the Nth business day strictly after ``start``; ``start``
  itself never counts, whatever day it is.
* "The contact's local date" is ``started_at.date()`` in the contact's own UTC offset, never the
  UTC date: a call at 22:30 -08:00 belongs to that day.
"""

from __future__ import annotations

import bisect
import re
import threading
from calendar import monthrange
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "ESCALATION_STEPS",
    "EXPECTED_RESPONSE_TABLE",
    "CHANNELS",
    "ISSUE_TYPES",
    "BusinessCalendar",
    "DeadlineItem",
    "Expectation",
    "ExpectedResponse",
    "OutsideClock",
    "PromiseDue",
    "PromiseState",
    "PromiseTermsError",
    "RESPONSE_WINDOWS",
    "add_months",
    "available_countries",
    "available_subdivisions",
    "contact_expectations",
    "deadlines_to_ics",
    "expected_due_range",
    "expected_response",
    "external_review_clock",
    "is_after_hours",
    "issue_type_window",
    "next_escalation_step",
    "outside_clocks",
    "outside_clocks_for_fields",
    "promise_due",
    "promise_state",
    "validate_promise_terms",
]

# --------------------------------------------------------------------------------------------
# Holidays and the business calendar
# --------------------------------------------------------------------------------------------


class _HolidayTable:
    """Observed public holidays of one (country, subdivision), filled in one year at a time.

    A holiday of year Y can be observed in Y-1 or Y+1 (New Year's Day 2028 is observed on
    Friday 2027-12-31), so when year Y is needed the neighbouring years are loaded as well.
    """

    def __init__(self, country: str, subdivision: str | None) -> None:
        self.country = country
        self.subdivision = subdivision
        self._names: dict[date, str] = {}
        self._sorted: list[date] = []  # the keys of _names in order (for holidays_between)
        self._years: set[int] = set()
        self._loaded_source_years: set[int] = set()
        self._lock = threading.Lock()
        # Load one year right away so an unknown country or subdivision fails early.
        self._ensure(date.today().year)

    def _load_source_year(self, year: int) -> None:
        from .holiday_source import country_holidays  # lazy: only this country's module

        try:
            table = country_holidays(
                self.country, subdiv=self.subdivision, years=year, observed=True
            )
        except NotImplementedError as exc:
            where = self.country if self.subdivision is None else (
                f"{self.country}, subdivision {self.subdivision}"
            )
            raise ValueError(
                f"There is no public-holiday calendar for {where}; choose another country or region."
            ) from exc
        for day, name in table.items():
            # The library may add neighbouring years on its own; keep the first name seen.
            self._names.setdefault(day, str(name))
        self._sorted = sorted(self._names)
        self._loaded_source_years.add(year)

    def _ensure(self, year: int) -> None:
        if year in self._years:
            return
        with self._lock:
            if year in self._years:
                return
            for source_year in (year - 1, year, year + 1):
                if source_year not in self._loaded_source_years and 1 <= source_year <= 9999:
                    self._load_source_year(source_year)
            self._years.add(year)

    def name(self, d: date) -> str | None:
        self._ensure(d.year)
        return self._names.get(d)

    def is_holiday(self, d: date) -> bool:
        self._ensure(d.year)
        return d in self._names

    def holidays_between(self, first: date, last: date) -> list[date]:
        """Holiday dates in the closed range [first, last]."""
        for year in range(first.year, last.year + 1):
            self._ensure(year)
        days = self._sorted  # replaced, never changed in place: safe beside a loading thread
        return days[bisect.bisect_left(days, first):bisect.bisect_right(days, last)]


@lru_cache(maxsize=32)
def _holiday_table(country: str, subdivision: str | None) -> _HolidayTable:
    return _HolidayTable(country, subdivision)


def _weekdays_through(d: date) -> int:
    """Number of Mondays-to-Fridays from an arbitrary fixed origin up to and including ``d``."""
    ordinal = d.toordinal()  # 0001-01-01 (ordinal 1) was a Monday
    weeks, rest = divmod(ordinal - 1, 7)  # rest: 0 = Monday ... 6 = Sunday
    return weeks * 5 + min(rest + 1, 5)


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekends plus the observed public holidays of a country (and optional subdivision)."""

    country: str = "US"
    subdivision: str | None = None

    def _table(self) -> _HolidayTable:
        country = self.country.strip().upper()
        subdivision = self.subdivision.strip() if self.subdivision else None
        return _holiday_table(country, subdivision or None)

    def validate(self) -> None:
        """Raise ValueError with a plain sentence if the country or subdivision is unknown."""
        self._table()

    def is_business_day(self, d: date) -> bool:
        """Monday to Friday and not an observed public holiday."""
        if d.weekday() >= 5:
            return False
        return not self._table().is_holiday(d)

    def holiday_name(self, d: date) -> str | None:
        """The holiday's name (e.g. "Independence Day (observed)"), or None."""
        return self._table().name(d)

    def add_business_days(self, start: date, n: int) -> date:
        """The Nth business day strictly after ``start`` (``start`` itself never counts).

        ``n == 0`` returns ``start`` unchanged. Saturday + 1 business day is Monday when
        that Monday is a business day.
        """
        if n < 0:
            raise ValueError("The number of business days to add must be 0 or more.")
        day = start
        remaining = n
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def next_business_day(self, d: date, *, inclusive: bool = True) -> date:
        """``d`` itself if it is a business day (and ``inclusive``), else the next one."""
        if inclusive and self.is_business_day(d):
            return d
        return self.add_business_days(d, 1)

    def business_days_between(self, a: date, b: date) -> int:
        """Signed count: business days in (a, b] if b > a, minus those in (b, a] if b < a."""
        if a == b:
            return 0
        if b < a:
            return -self.business_days_between(b, a)
        weekdays = _weekdays_through(b) - _weekdays_through(a)
        holidays_on_weekdays = sum(
            1
            for d in self._table().holidays_between(a + timedelta(days=1), b)
            if d.weekday() < 5
        )
        return weekdays - holidays_on_weekdays


_DEFAULT_CALENDAR = BusinessCalendar()

# Display names for countries whose module name does not title-case well.
_COUNTRY_NAME_FIXES: dict[str, str] = {
    "CI": "Côte d'Ivoire",
    "CD": "DR Congo",
    "CW": "Curaçao",
    "GW": "Guinea-Bissau",
    "HK": "Hong Kong",
    "RE": "Réunion",
    "BL": "Saint Barthélemy",
    "TL": "Timor-Leste",
    "ST": "São Tomé and Príncipe",
    "US": "United States",
    "GB": "United Kingdom",
}


def _name_from_module(module_name: str) -> str:
    small = {"and", "the", "of"}
    words = module_name.split("_")
    return " ".join(
        w if (i > 0 and w in small) else w.capitalize() for i, w in enumerate(words)
    )


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, str], ...]:
    import holidays  # lazy: slow import

    found: dict[str, str] = {}
    try:
        from holidays.registry import COUNTRIES

        for module_name, entry in COUNTRIES.items():
            code = str(entry[1])
            found[code] = _COUNTRY_NAME_FIXES.get(code, _name_from_module(module_name))
    except (ImportError, AttributeError, IndexError):  # pragma: no cover - library layout change
        for code in holidays.list_supported_countries():
            if len(code) == 2:
                found[code] = _COUNTRY_NAME_FIXES.get(code, code)
    return tuple(sorted(found.items(), key=lambda item: item[1].casefold()))


def available_countries() -> list[tuple[str, str]]:
    """(ISO code, English name) of every country the holidays library knows, sorted by name."""
    return list(_countries())


def available_subdivisions(country: str) -> list[tuple[str, str]]:
    """(code, name) of the states/provinces/regions of ``country`` (empty if it has none)."""
    from .holiday_source import country_holidays  # lazy: only this country's module

    try:
        table = country_holidays(country.strip().upper(), years=2000)
    except NotImplementedError as exc:
        raise ValueError(f"There is no public-holiday calendar for {country}.") from exc
    names: dict[str, str] = {}
    for name, code in getattr(table, "subdivisions_aliases", {}).items():
        names.setdefault(str(code), str(name))
    return [(str(code), names.get(str(code), str(code))) for code in table.subdivisions]


# --------------------------------------------------------------------------------------------
# Promises
# --------------------------------------------------------------------------------------------

MAX_PROMISE_BUSINESS_DAYS = 260  # about a working year
MAX_PROMISE_HOURS = 2160  # 90 days
MAX_PROMISE_YEARS = 5


class PromiseTermsError(ValueError):
    """The terms of a promise make no sense; the message is a plain sentence for the user."""


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
            "Say when the promise is due: a number of business days, a number of hours, or a date."
        )
    if len(given) > 1:
        raise PromiseTermsError(
            "Give the deadline only one way: business days, hours, or a date, not several at once."
        )

    if business_days is not None:
        if not _is_int(business_days):
            raise PromiseTermsError("The number of business days must be a whole number.")
        if business_days == 0:
            raise PromiseTermsError(
                "A promise of 0 business days is not a deadline; use 1 or more."
            )
        if business_days < 0:
            raise PromiseTermsError(
                f"A promise of {business_days:,} business days is impossible; "
                f"use a number from 1 to {MAX_PROMISE_BUSINESS_DAYS}."
            )
        if business_days > MAX_PROMISE_BUSINESS_DAYS:
            raise PromiseTermsError(
                f"A promise of {business_days:,} business days is more than a working year "
                f"({MAX_PROMISE_BUSINESS_DAYS} business days); check the number or enter a date."
            )
        return

    if hours is not None:
        if not _is_int(hours):
            raise PromiseTermsError("The number of hours must be a whole number.")
        if hours == 0:
            raise PromiseTermsError("A promise of 0 hours is not a deadline; use 1 or more.")
        if hours < 0:
            raise PromiseTermsError(
                f"A promise of {hours:,} hours is impossible; "
                f"use a number from 1 to {MAX_PROMISE_HOURS:,}."
            )
        if hours > MAX_PROMISE_HOURS:
            raise PromiseTermsError(
                f"A promise of {hours:,} hours is more than 90 days ({MAX_PROMISE_HOURS:,} hours); "
                "use business days or a date instead."
            )
        return

    assert due_on is not None
    if isinstance(due_on, datetime) or not isinstance(due_on, date):
        raise PromiseTermsError("The due date must be a calendar date, without a time.")
    if contact_date is not None:
        if due_on < contact_date:
            raise PromiseTermsError(
                f"The due date {due_on.isoformat()} is before the contact on "
                f"{contact_date.isoformat()}; a promise cannot fall due before it was made."
            )
        latest = _add_years(contact_date, MAX_PROMISE_YEARS)
        if due_on > latest:
            raise PromiseTermsError(
                f"The due date {due_on.isoformat()} is more than {MAX_PROMISE_YEARS} years after "
                f"the contact on {contact_date.isoformat()}; check the year."
            )


@dataclass(frozen=True)
class PromiseDue:
    """When a promise falls due.

    ``due_at`` is set only for promises made in hours: an aware datetime in the same UTC offset
    as the contact's start, and ``due_on`` is its local date.
    """

    due_on: date
    due_at: datetime | None = None


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise PromiseTermsError(
            f"The {what} has no time zone, so its local date is unknown; record it with its "
            "UTC offset."
        )


def _same_offset(moment: datetime) -> datetime:
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
        raise PromiseTermsError("The contact start must be a date and time.")
    _require_aware(started_at, "contact start time")
    local_date = started_at.date()
    validate_promise_terms(business_days, hours, due_on, contact_date=local_date)
    cal = calendar or _DEFAULT_CALENDAR
    if business_days is not None:
        return PromiseDue(due_on=cal.add_business_days(local_date, business_days), due_at=None)
    if hours is not None:
        due_at = _same_offset(started_at) + timedelta(hours=hours)
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
    return PromiseState("overdue", f"overdue by {_plural(days, 'business day')}", days)


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
        return PromiseState("kept", "kept", 0)
    if normalized == "broken":
        return PromiseState("broken", "broken", 0)
    if normalized != "pending":
        raise ValueError(
            f"Unknown promise status {status!r}; expected one of {', '.join(PROMISE_STATUSES)}."
        )
    cal = calendar or _DEFAULT_CALENDAR
    if due.due_at is not None and now is not None:
        _require_aware(now, "current time")
        if now > due.due_at:
            return _overdue(due.due_on, today, cal)
        if due.due_on <= today:
            return PromiseState("due_today", "due today", 0)
        return PromiseState("pending", "pending", 0)
    if today > due.due_on:
        return _overdue(due.due_on, today, cal)
    if today == due.due_on:
        return PromiseState("due_today", "due today", 0)
    return PromiseState("pending", "pending", 0)


# --------------------------------------------------------------------------------------------
# Expected response times (defaults when nothing was promised)
# --------------------------------------------------------------------------------------------

CHANNELS: tuple[str, ...] = ("phone", "chat", "email", "ticket", "in-app", "letter", "in-person")
ISSUE_TYPES: tuple[str, ...] = (
    "account",
    "appointment",
    "billing",
    "insurance",
    "provider_credentialing",
    "provider_payment",
    "technical",
    "privacy",
)
UNITS: tuple[str, ...] = ("minutes", "hours", "business days", "weeks")

# "in-app" opens a ticket and an in-person visit ends in a follow-up, so both count as written.
_WRITTEN = frozenset({"email", "ticket", "in-app", "in-person"})


@dataclass(frozen=True)
class ExpectedResponse:
    """A typical (not promised) window from the domain brief's table.

    ``description`` is the brief's own wording for the row; ``key`` names the row for code;
    ``every`` marks a cadence ("every 30 to 60 minutes") rather than one reply; ``note`` is the
    brief's own aside, if any ("one to two billing cycles").
    """

    low: int
    high: int
    unit: str  # "minutes" | "hours" | "business days" | "weeks"
    description: str
    key: str = ""
    every: bool = False
    note: str = ""

    def window(self) -> str:
        """e.g. "24-72 hours", "every 30-60 minutes", "5-15 business days (one to two ...)"."""
        text = f"{'every ' if self.every else ''}{self.low}-{self.high} {self.unit}"
        return f"{text} ({self.note})" if self.note else text

    def label(self) -> str:
        """e.g. "typically 24-72 hours (typical, not promised)"."""
        return f"typically {self.window()} (typical, not promised)"


def _row(key: str, low: int, high: int, unit: str, description: str, *, every: bool = False,
         note: str = "") -> ExpectedResponse:
    return ExpectedResponse(low, high, unit, description, key=key, every=every, note=note)


# The brief's table, in its order and in its words.
EXPECTED_RESPONSE_TABLE: tuple[ExpectedResponse, ...] = (
    _row("phone_hold", 2, 15, "minutes", "phone hold during business hours"),
    _row("chat_reply", 5, 20, "minutes", "live chat reply at peak"),
    _row("email_ticket", 24, 72, "hours", "e-mail or ticket, non-urgent"),
    _row("after_hours_lockout", 1, 4, "hours", "after-hours technical lockout (in-app chat)"),
    _row("outage_updates", 30, 60, "minutes", "outage status updates", every=True),
    _row("billing_dispute_under_200", 5, 10, "business days",
         "billing dispute under $200, once documented"),
    _row("refund_decision", 3, 10, "business days",
         "refund decision for a single-session billing error"),
    _row("refund_to_card", 5, 15, "business days", "refund reaching a card statement",
         note="one to two billing cycles"),
    _row("general_verification", 3, 14, "business days",
         "billing, credentialing, insurance verification in general"),
    _row("insurance_payer", 14, 30, "business days",
         "insurance eligibility or reimbursement with the payer"),
    _row("credentialing_escalation", 2, 6, "weeks",
         "provider credentialing or contract escalation"),
    _row("formal_written_reply", 10, 30, "business days",
         "larger contractual or legal issues, formal written reply"),
)
RESPONSE_WINDOWS: dict[str, ExpectedResponse] = {r.key: r for r in EXPECTED_RESPONSE_TABLE}

# "Typical live coverage: Monday to Friday, about 9:00 to 18:00 local time, reduced on weekends
# and holidays."
BUSINESS_HOURS_OPEN = time(9, 0)
BUSINESS_HOURS_CLOSE = time(18, 0)
# "Account / access" covers being locked out as much as "Technical" does.
_LOCKOUT_ISSUES = frozenset({"technical", "account"})

SMALL_DISPUTE_LIMIT = Decimal("200")  # "billing dispute under $200", in U.S. dollars
_LIST_SEPARATORS = re.compile(r"[,;\n/]|\s+and\s+|\s{2,}")


def _listed(value: str | None) -> int:
    """How many items a free-text list field names ("INV-1, INV-2" is 2; "" is 0)."""
    if not value:
        return 0
    return sum(1 for part in _LIST_SEPARATORS.split(value) if part.strip())


def is_after_hours(
    started_at: datetime,
    calendar: BusinessCalendar | None = None,
    *,
    opens: time = BUSINESS_HOURS_OPEN,
    closes: time = BUSINESS_HOURS_CLOSE,
) -> bool:
    """Whether a contact started outside typical live coverage, in its own local time.

    Outside coverage: before ``opens`` (9:00) or from ``closes`` (18:00) on, or on a day that is
    not a business day of ``calendar`` (a weekend or an observed public holiday). The clock time
    is the contact's own (its recorded UTC offset), not this computer's.
    """
    _require_aware(started_at, "contact start time")
    local = _same_offset(started_at)
    if not (calendar or _DEFAULT_CALENDAR).is_business_day(local.date()):
        return True
    moment = local.time().replace(tzinfo=None)
    return not (opens <= moment < closes)


def _normalize_channel(channel: str) -> str:
    c = channel.strip().lower().replace("_", "-").replace(" ", "-")
    return {"e-mail": "email", "inapp": "in-app", "inperson": "in-person"}.get(c, c)


def _normalize_issue_type(issue_type: str) -> str:
    return issue_type.strip().lower().replace("-", "_").replace(" ", "_")


def _check_channel_and_issue(channel: str, issue_type: str) -> tuple[str, str]:
    ch = _normalize_channel(channel)
    it = _normalize_issue_type(issue_type)
    if ch not in CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}.")
    if it not in ISSUE_TYPES:
        raise ValueError(
            f"Unknown issue type {issue_type!r}; expected one of {', '.join(ISSUE_TYPES)}."
        )
    return ch, it


def issue_type_window(
    issue_type: str,
    *,
    amount_disputed: Decimal | None = None,
    currency: str = "USD",
    fields: Mapping[str, str] | None = None,
    escalated: bool = False,
) -> ExpectedResponse | None:
    """The brief's row for this kind of problem, chosen from the facts the case has.

    * billing: a dispute of less than $200 (``amount_disputed`` in USD) is the "billing dispute
      under $200" row; otherwise a case that lists exactly one invoice number is the
      "single-session billing error" row; any other billing case is "billing ... in general".
    * insurance: "insurance eligibility or reimbursement with the payer".
    * provider_credentialing: "provider credentialing or contract escalation" once the case
      was escalated, "billing, credentialing ... in general" before.
    * provider_payment (a payout is Headway's billing on the clinician's behalf): "billing ...
      in general".
    * privacy (a complaint under privacy law, answered in writing by the Privacy Officer):
      "larger contractual or legal issues, formal written reply".
    * account, appointment, technical: the brief gives no row (None).
    """
    it = _normalize_issue_type(issue_type)
    if it not in ISSUE_TYPES:
        raise ValueError(
            f"Unknown issue type {issue_type!r}; expected one of {', '.join(ISSUE_TYPES)}."
        )
    f = fields or {}
    if it == "billing":
        if (amount_disputed is not None and currency.strip().upper() == "USD"
                and 0 < amount_disputed < SMALL_DISPUTE_LIMIT):
            return RESPONSE_WINDOWS["billing_dispute_under_200"]
        if _listed(f.get("invoice_numbers")) == 1:
            return RESPONSE_WINDOWS["refund_decision"]
        return RESPONSE_WINDOWS["general_verification"]
    if it == "insurance":
        return RESPONSE_WINDOWS["insurance_payer"]
    if it == "provider_credentialing":
        return RESPONSE_WINDOWS["credentialing_escalation" if escalated else "general_verification"]
    if it == "provider_payment":
        return RESPONSE_WINDOWS["general_verification"]
    if it == "privacy":
        return RESPONSE_WINDOWS["formal_written_reply"]
    return None


def expected_response(
    channel: str,
    issue_type: str,
    *,
    after_hours: bool = False,
    amount_disputed: Decimal | None = None,
    currency: str = "USD",
    fields: Mapping[str, str] | None = None,
    escalated: bool = False,
) -> ExpectedResponse | None:
    """When to expect an answer to a contact on ``channel`` about ``issue_type``.

    ``after_hours``: the contact started outside typical live coverage (``is_after_hours``);
    a technical or account lockout reported through in-app chat or chat then gets the brief's
    "after-hours technical lockout" row.

    This is a reply window, never a wait on the line: a phone call or chat that ended without a
    promise gets the issue type's row (the hold and live-chat waits are what to expect when
    contacting them; see ``contact_expectations``). The facts of the case (``amount_disputed``,
    ``currency``, ``fields``, ``escalated``) choose the issue type's row (see
    ``issue_type_window``). A written contact (e-mail, ticket, in-app, in person) about a problem
    without a row of its own gets "e-mail or ticket, non-urgent". None when the brief gives no
    window that applies (a call, chat or letter about a problem that has no row of its own).
    """
    ch, it = _check_channel_and_issue(channel, issue_type)
    if after_hours and ch in ("in-app", "chat") and it in _LOCKOUT_ISSUES:
        return RESPONSE_WINDOWS["after_hours_lockout"]
    row = issue_type_window(it, amount_disputed=amount_disputed, currency=currency,
                            fields=fields, escalated=escalated)
    if row is not None:
        return row
    if ch in _WRITTEN:
        return RESPONSE_WINDOWS["email_ticket"]
    return None


@dataclass(frozen=True)
class Expectation:
    """One line of "what to expect": the situation, then the brief's row for it."""

    situation: str  # "When you call", "After a refund is approved", ...
    window: ExpectedResponse
    aside: str = ""  # "time on hold, not a reply time"

    def text(self) -> str:
        """e.g. "When you call: phone hold during business hours, typically 2-15 minutes
        (typical, not promised). This is time on hold, not a reply time."."""
        line = f"{self.situation}: {self.window.description}, {self.window.label()}."
        return f"{line} {self.aside}" if self.aside else line


def contact_expectations(
    issue_type: str,
    channel_kinds: Iterable[str],
    *,
    amount_disputed: Decimal | None = None,
    currency: str = "USD",
    fields: Mapping[str, str] | None = None,
    escalated: bool = False,
) -> list[Expectation]:
    """What to expect when contacting an organization through ``channel_kinds`` (typical).

    The waits come first (phone hold when there is a phone line, live chat when there is a
    chat), then the reply window for this kind of problem, then what follows it (a refund
    reaching the card statement, status updates during an outage).
    """
    it = _normalize_issue_type(issue_type)
    if it not in ISSUE_TYPES:
        raise ValueError(
            f"Unknown issue type {issue_type!r}; expected one of {', '.join(ISSUE_TYPES)}."
        )
    kinds = {_normalize_channel(k) for k in channel_kinds}
    out: list[Expectation] = []
    if "phone" in kinds:
        out.append(Expectation("When you call", RESPONSE_WINDOWS["phone_hold"],
                               "This is time on hold before someone answers, not a reply time."))
    if "chat" in kinds:
        out.append(Expectation("In a live chat", RESPONSE_WINDOWS["chat_reply"],
                               "This is the wait for an agent, not a reply time."))
    row = issue_type_window(it, amount_disputed=amount_disputed, currency=currency,
                            fields=fields, escalated=escalated)
    if row is not None:
        out.append(Expectation("A reply about this", row))
    elif kinds & _WRITTEN:
        out.append(Expectation("A reply to an e-mail or ticket", RESPONSE_WINDOWS["email_ticket"]))
    if it in _LOCKOUT_ISSUES and kinds & {"chat", "in-app"}:
        out.append(Expectation("Locked out outside business hours",
                               RESPONSE_WINDOWS["after_hours_lockout"]))
    if it == "technical":
        out.append(Expectation("During an outage", RESPONSE_WINDOWS["outage_updates"]))
    if it == "billing":
        out.append(Expectation("After a refund is approved", RESPONSE_WINDOWS["refund_to_card"]))
    return out


def expected_due_range(
    started_at: datetime,
    er: ExpectedResponse,
    calendar: BusinessCalendar | None = None,
) -> tuple[datetime | date, datetime | date]:
    """Earliest and latest expected reply.

    Minutes and hours give aware datetimes in the contact's UTC offset; business days give dates
    counted from the contact's local date; weeks give calendar dates moved forward to the next
    business day when they land on a weekend or holiday.
    """
    _require_aware(started_at, "contact start time")
    cal = calendar or _DEFAULT_CALENDAR
    if er.unit in ("minutes", "hours"):
        start = _same_offset(started_at)
        if er.unit == "minutes":
            return start + timedelta(minutes=er.low), start + timedelta(minutes=er.high)
        return start + timedelta(hours=er.low), start + timedelta(hours=er.high)
    local_date = started_at.date()
    if er.unit == "business days":
        return cal.add_business_days(local_date, er.low), cal.add_business_days(local_date, er.high)
    if er.unit == "weeks":
        return (
            cal.next_business_day(local_date + timedelta(weeks=er.low)),
            cal.next_business_day(local_date + timedelta(weeks=er.high)),
        )
    raise ValueError(f"Unknown unit {er.unit!r}; expected one of {', '.join(UNITS)}.")


# --------------------------------------------------------------------------------------------
# Outside clocks (deadlines set by law or regulators, not by the company)
# --------------------------------------------------------------------------------------------

OUTSIDE_CLOCK_NOTE = "General information; verify the current rule with the agency."


@dataclass(frozen=True)
class OutsideClock:
    name: str
    starts_on: date
    deadline: date
    rule: str
    note: str = OUTSIDE_CLOCK_NOTE
    kind: str = ""  # stable name for code and calendar UIDs, e.g. "internal-appeal"

    def days_left(self, today: date) -> int:
        """Calendar days until the deadline (negative once it has passed)."""
        return (self.deadline - today).days


def outside_clocks(
    issue_type: str,
    *,
    learned_on: date | None = None,
    statement_on: date | None = None,
    denial_on: date | None = None,
    final_decision_on: date | None = None,
    review_deadline_on: date | None = None,
) -> list[OutsideClock]:
    """Calendar-day clocks that run outside the company, for the dates that are known.

    External review: four months after the final internal decision under the federal process;
    a deadline from the plan's final letter (``review_deadline_on``) overrides it, since state
    processes differ (from 60 days to six months).
    """
    it = _normalize_issue_type(issue_type)
    clocks: list[OutsideClock] = []
    if it == "privacy" and learned_on is not None:
        clocks.append(OutsideClock(
            name="HHS Office for Civil Rights privacy complaint",
            starts_on=learned_on,
            deadline=learned_on + timedelta(days=180),
            rule="HHS OCR privacy complaint: in writing, within 180 days of learning of it",
            kind="privacy-complaint",
        ))
    if it == "billing" and statement_on is not None:
        clocks.append(OutsideClock(
            name="Card billing-error notice",
            starts_on=statement_on,
            deadline=statement_on + timedelta(days=60),
            rule="Card billing-error notice: must reach the card issuer within 60 days of the "
                 "statement",
            kind="card-billing-error",
        ))
    if it == "insurance":
        if denial_on is not None:
            clocks.append(OutsideClock(
                name="Health-plan internal appeal",
                starts_on=denial_on,
                deadline=denial_on + timedelta(days=180),
                rule="Health-plan internal appeal: within 180 days of the denial",
                kind="internal-appeal",
            ))
        review = external_review_clock(final_decision_on, review_deadline_on)
        if review is not None:
            clocks.append(review)
    return clocks


EXTERNAL_REVIEW_MONTHS = 4


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def external_review_clock(final_decision_on: date | None,
                          letter_deadline: date | None) -> OutsideClock | None:
    """The external-review deadline: the plan's letter's when given, else four months after
    the final internal decision (the federal process)."""
    if letter_deadline is not None:
        return OutsideClock(
            name="External review",
            starts_on=final_decision_on or letter_deadline,
            deadline=letter_deadline,
            rule="External review: by the deadline stated in the plan's final letter",
            note="From the plan's letter, as you entered it; check it against the letter.",
            kind="external-review",
        )
    if final_decision_on is None:
        return None
    return OutsideClock(
        name="External review",
        starts_on=final_decision_on,
        deadline=add_months(final_decision_on, EXTERNAL_REVIEW_MONTHS),
        rule="External review: within four months of the final internal decision (federal "
             "process; the plan's final letter states the deadline that applies)",
        note="State processes differ (60 days to six months): enter the deadline from the "
             "plan's final letter to use it instead. " + OUTSIDE_CLOCK_NOTE,
        kind="external-review",
    )


# The case fields (issue_types registry) that start each clock.
CLOCK_FIELDS: dict[str, str] = {
    "learned_on": "learned_on",
    "statement_on": "statement_date",
    "denial_on": "denial_date",
    "final_decision_on": "final_decision_date",
    "review_deadline_on": "review_deadline",
}


def outside_clocks_for_fields(issue_type: str, fields: Mapping[str, str]) -> list[OutsideClock]:
    """``outside_clocks`` from a case's ``fields`` (ISO dates); a malformed date starts nothing."""
    starts: dict[str, date | None] = {}
    for arg, name in CLOCK_FIELDS.items():
        value = fields.get(name)
        try:
            starts[arg] = date.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            starts[arg] = None
    return outside_clocks(issue_type, **starts)


# --------------------------------------------------------------------------------------------
# Escalation path
# --------------------------------------------------------------------------------------------

ESCALATION_STEPS: tuple[str, ...] = (
    "First contact: start with the facts they can look up (account, date, transaction) and ask "
    "for a ticket number, how long a reply should take, and the name and title of the person "
    "who owns the escalation.",
    "Promise missed: call back with the ticket number, ask for a supervisor or the escalation "
    "owner, and get a new commitment in writing.",
    "Formal written complaint to the company (to the Privacy Officer for privacy matters).",
    "Outside body: send the case file to the regulator or ombudsman for this kind of problem.",
)


def _outside_body(issue_type: str) -> str:
    if issue_type == "insurance":
        return (
            "your state insurance department. It expects you to have contacted the insurer first; "
            "send a dated record of every contact and copies of denial letters and correspondence."
        )
    if issue_type in ("billing", "provider_payment"):
        return (
            "the Consumer Financial Protection Bureau (CFPB). Write a narrative of at most about "
            "4,000 characters with no account numbers in it, state the resolution you want and "
            "attach your documents; the company gets 15 days to respond."
        )
    if issue_type == "privacy":
        return (
            "the HHS Office for Civil Rights (OCR). Complain in writing, name the organization "
            "and describe what happened, within 180 days of learning of it."
        )
    return (
        "the relevant regulator or ombudsman for this kind of company, with the complete "
        "case file."
    )


def next_escalation_step(issue_type: str, escalation_count: int, *, promise_broken: bool) -> str:
    """Suggest what to do next.

    ``escalation_count`` is how many escalations (steps 2 and later) were already made. Without a
    broken promise the advice is to collect the facts (no escalation yet) or to wait for the
    commitment from the last escalation; a broken promise moves one step up the path.
    """
    if escalation_count < 0:
        raise ValueError("The number of escalations cannot be negative.")
    it = _normalize_issue_type(issue_type)
    if not promise_broken:
        if escalation_count == 0:
            return f"Step 1. {ESCALATION_STEPS[0]}"
        return (
            "Wait for the reply committed to at the last escalation and log it. If that date "
            "passes without it, mark the promise broken to see the next step."
        )
    step = min(escalation_count + 2, 4)
    if step == 2:
        return f"Step 2. {ESCALATION_STEPS[1]}"
    if step == 3:
        if it == "privacy":
            return (
                "Step 3. Send a formal written complaint to the company's Privacy Officer: what "
                "was disclosed or refused, when you learned of it, and who was involved."
            )
        return (
            "Step 3. Send a formal written complaint to the company, quoting the ticket number, "
            "every missed promise and the resolution you want."
        )
    return f"Step 4. Take the case file to {_outside_body(it)}"


# --------------------------------------------------------------------------------------------
# Calendar export
# --------------------------------------------------------------------------------------------

ICS_PRODID = "-//Headway Journal//EN"
ICS_UID_DOMAIN = "headway-journal"
TIMED_EVENT_MINUTES = 15


@dataclass(frozen=True)
class DeadlineItem:
    uid: str
    title: str
    due_on: date
    due_at: datetime | None
    description: str
    case_title: str
    remind_days_before: int = 1  # all-day events only


def deadlines_to_ics(
    items: Iterable[DeadlineItem],
    *,
    calendar_name: str = "Headway Journal deadlines",
    generated_at: datetime | None = None,
) -> bytes:
    """An iCalendar file with one event per deadline.

    Date-only deadlines become all-day events with a display reminder ``remind_days_before``
    days before (one by default); deadlines
    with a time become 15-minute events (written in UTC). UIDs are stable
    ("<uid>@headway-journal") so re-importing updates rather than duplicates.
    ``generated_at`` (aware) fixes DTSTAMP for reproducible output.
    """
    from icalendar import Alarm, Calendar, Event  # lazy: keep app start fast

    stamp = generated_at or datetime.now(UTC)
    if stamp.tzinfo is None:
        raise ValueError("generated_at must carry a time zone.")
    stamp = stamp.astimezone(UTC)

    cal = Calendar()
    cal.add("prodid", ICS_PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)

    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@{ICS_UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        text = f"Case: {item.case_title}" if item.case_title else ""
        if item.description:
            text = f"{text}\n{item.description}" if text else item.description
        if text:
            event.add("description", text)
        if item.due_at is not None:
            if item.due_at.tzinfo is None or item.due_at.utcoffset() is None:
                raise ValueError(f"Deadline {item.uid!r} has a time without a time zone.")
            start = item.due_at.astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=TIMED_EVENT_MINUTES))
        else:
            event.add("dtstart", item.due_on)
            event.add("dtend", item.due_on + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            days = max(0, item.remind_days_before)
            when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
            alarm.add("description", f"Due {when}: {item.title}")
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
