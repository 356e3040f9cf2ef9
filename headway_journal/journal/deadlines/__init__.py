"""Business-day arithmetic, promise deadlines, expected response windows and outside clocks.

Everything here is plain Python: no Qt, no database. The ``holidays`` and ``icalendar``
libraries are imported lazily inside the functions that need them, because this package is
imported when the application starts and importing ``holidays`` is slow.

Parts
-----
* ``business_days``: the business calendar (holidays from ``holiday_source``), countries and
  subdivisions.
* ``promises``: a promise's due date and time from its terms, and its state.
* ``expectations``: the expected-response table, outside clocks and the escalation path.
* ``ics``: deadlines as an iCalendar file.

Importers use the package (``from headway_journal.journal import deadlines as dl``); the names
below are re-exported here.

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

from typing import TYPE_CHECKING

from ...lazy import lazy_names

if TYPE_CHECKING:  # the names below, each loaded from its part on first use
    from .business_days import (
        DEFAULT_CALENDAR,
        BusinessCalendar,
        available_countries,
        available_subdivisions,
    )
    from .expectations import (
        BUSINESS_HOURS_CLOSE,
        BUSINESS_HOURS_OPEN,
        CHANNELS,
        CLOCK_FIELDS,
        ESCALATION_STEPS,
        EXPECTED_RESPONSE_TABLE,
        EXTERNAL_REVIEW_MONTHS,
        ISSUE_TYPES,
        OUTSIDE_CLOCK_NOTE,
        RESPONSE_WINDOWS,
        SMALL_DISPUTE_LIMIT,
        UNITS,
        Expectation,
        ExpectedResponse,
        OutsideClock,
        add_months,
        contact_expectations,
        expected_due_range,
        expected_response,
        external_review_clock,
        is_after_hours,
        issue_type_window,
        next_escalation_step,
        outside_clocks,
        outside_clocks_for_fields,
    )
    from .ics import ICS_PRODID, ICS_UID_DOMAIN, TIMED_EVENT_MINUTES, DeadlineItem, deadlines_to_ics
    from .promises import (
        MAX_PROMISE_BUSINESS_DAYS,
        MAX_PROMISE_HOURS,
        MAX_PROMISE_YEARS,
        PROMISE_STATUSES,
        PromiseDue,
        PromiseState,
        PromiseTermsError,
        promise_due,
        promise_state,
        promise_state_key,
        validate_promise_terms,
    )

# Which part holds each name: a part is imported when one of its names is first used, so
# importing the package costs nothing before the window (docs/performance.md, item 16).
_PARTS: dict[str, tuple[str, ...]] = {
    "business_days": (
        "DEFAULT_CALENDAR", "BusinessCalendar", "available_countries", "available_subdivisions"
    ),
    "expectations": (
        "BUSINESS_HOURS_CLOSE", "BUSINESS_HOURS_OPEN", "CHANNELS", "CLOCK_FIELDS",
        "ESCALATION_STEPS", "EXPECTED_RESPONSE_TABLE", "EXTERNAL_REVIEW_MONTHS", "ISSUE_TYPES",
        "OUTSIDE_CLOCK_NOTE", "RESPONSE_WINDOWS", "SMALL_DISPUTE_LIMIT", "UNITS",
        "Expectation", "ExpectedResponse", "OutsideClock", "add_months",
        "contact_expectations", "expected_due_range", "expected_response",
        "external_review_clock", "is_after_hours", "issue_type_window", "next_escalation_step",
        "outside_clocks", "outside_clocks_for_fields"
    ),
    "ics": (
        "ICS_PRODID", "ICS_UID_DOMAIN", "TIMED_EVENT_MINUTES", "DeadlineItem",
        "deadlines_to_ics"
    ),
    "promises": (
        "MAX_PROMISE_BUSINESS_DAYS", "MAX_PROMISE_HOURS", "MAX_PROMISE_YEARS",
        "PROMISE_STATUSES", "PromiseDue", "PromiseState", "PromiseTermsError", "promise_due",
        "promise_state", "promise_state_key", "validate_promise_terms"
    ),
}
_WHERE = {name: part for part, names in _PARTS.items() for name in names}

__all__ = [
    "BUSINESS_HOURS_CLOSE",
    "BUSINESS_HOURS_OPEN",
    "CHANNELS",
    "CLOCK_FIELDS",
    "DEFAULT_CALENDAR",
    "ESCALATION_STEPS",
    "EXPECTED_RESPONSE_TABLE",
    "EXTERNAL_REVIEW_MONTHS",
    "ICS_PRODID",
    "ICS_UID_DOMAIN",
    "ISSUE_TYPES",
    "MAX_PROMISE_BUSINESS_DAYS",
    "MAX_PROMISE_HOURS",
    "MAX_PROMISE_YEARS",
    "OUTSIDE_CLOCK_NOTE",
    "PROMISE_STATUSES",
    "RESPONSE_WINDOWS",
    "SMALL_DISPUTE_LIMIT",
    "TIMED_EVENT_MINUTES",
    "UNITS",
    "BusinessCalendar",
    "DeadlineItem",
    "Expectation",
    "ExpectedResponse",
    "OutsideClock",
    "PromiseDue",
    "PromiseState",
    "PromiseTermsError",
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
    "promise_state_key",
    "validate_promise_terms",
]


__getattr__ = lazy_names(__name__, _WHERE, globals())  # a name of __all__, from its part


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
