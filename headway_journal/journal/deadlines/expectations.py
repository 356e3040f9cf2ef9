"""What to expect when nothing was promised: the expected-response table, outside clocks set by
law or regulators, and the escalation path."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ... import i18n
from .business_days import DEFAULT_CALENDAR, BusinessCalendar
from .promises import require_aware, same_offset

# --------------------------------------------------------------------------------------------
# Expected response times (defaults when nothing was promised)
# --------------------------------------------------------------------------------------------

CHANNELS: tuple[str, ...] = ("phone", "chat", "email", "ticket", "in-app", "letter", "in-person",
                             "web-form")
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

# "in-app" opens a ticket and an in-person visit ends in a follow-up, so both count as written;
# a web form (a regulator's or the company's online form) is written too.
_WRITTEN = frozenset({"email", "ticket", "in-app", "in-person", "web-form"})


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
        unit = unit_word(self.unit)
        if self.every:
            text = i18n.text("every {low}-{high} {unit}").format(low=self.low, high=self.high,
                                                                 unit=unit)
        else:
            text = f"{self.low}-{self.high} {unit}"
        return f"{text} ({i18n.text(self.note)})" if self.note else text

    def label(self) -> str:
        """e.g. "typically 24-72 hours (typical, not promised)"."""
        return i18n.text("typically {window} (typical, not promised)").format(window=self.window())


def unit_word(unit: str) -> str:
    """A unit of ``UNITS`` in the current language."""
    words = {"minutes": i18n.text("minutes"), "hours": i18n.text("hours"),
             "business days": i18n.text("business days"), "weeks": i18n.text("weeks")}
    return words.get(unit, unit)


def _row(key: str, low: int, high: int, unit: str, description: str, *, every: bool = False,
         note: str = "") -> ExpectedResponse:
    return ExpectedResponse(low, high, unit, description, key=key, every=every, note=note)


# The brief's table, in its order and in its words.
EXPECTED_RESPONSE_TABLE: tuple[ExpectedResponse, ...] = (
    _row("phone_hold", 2, 15, "minutes", i18n.mark("phone hold during business hours")),
    _row("chat_reply", 5, 20, "minutes", i18n.mark("live chat reply at peak")),
    _row("email_ticket", 24, 72, "hours", i18n.mark("e-mail or ticket, non-urgent")),
    _row("after_hours_lockout", 1, 4, "hours", i18n.mark("after-hours technical lockout (in-app chat)")),
    _row("outage_updates", 30, 60, "minutes", i18n.mark("outage status updates"), every=True),
    _row("billing_dispute_under_200", 5, 10, "business days",
         i18n.mark("billing dispute under $200, once documented")),
    _row("refund_decision", 3, 10, "business days",
         i18n.mark("refund decision for a single-session billing error")),
    _row("refund_to_card", 5, 15, "business days", i18n.mark("refund reaching a card statement"),
         note=i18n.mark("one to two billing cycles")),
    _row("general_verification", 3, 14, "business days",
         i18n.mark("billing, credentialing, insurance verification in general")),
    _row("insurance_payer", 14, 30, "business days",
         i18n.mark("insurance eligibility or reimbursement with the payer")),
    _row("credentialing_escalation", 2, 6, "weeks",
         i18n.mark("provider credentialing or contract escalation")),
    _row("formal_written_reply", 10, 30, "business days",
         i18n.mark("larger contractual or legal issues, formal written reply")),
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
    require_aware(started_at, i18n.text("contact start time"))
    local = same_offset(started_at)
    if not (calendar or DEFAULT_CALENDAR).is_business_day(local.date()):
        return True
    moment = local.time().replace(tzinfo=None)
    return not (opens <= moment < closes)


def _normalize_channel(channel: str) -> str:
    c = channel.strip().lower().replace("_", "-").replace(" ", "-")
    return {"e-mail": "email", "inapp": "in-app", "inperson": "in-person",
            "webform": "web-form"}.get(c, c)


def _normalize_issue_type(issue_type: str) -> str:
    return issue_type.strip().lower().replace("-", "_").replace(" ", "_")


def _check_channel_and_issue(channel: str, issue_type: str) -> tuple[str, str]:
    ch = _normalize_channel(channel)
    it = _normalize_issue_type(issue_type)
    if ch not in CHANNELS:
        raise ValueError(i18n.text("Unknown channel {channel!r}; expected one of {join}.").format(channel=channel, join=', '.join(CHANNELS)))
    if it not in ISSUE_TYPES:
        raise ValueError(
            i18n.text("Unknown issue type {issue_type!r}; expected one of {join}.").format(issue_type=issue_type, join=', '.join(ISSUE_TYPES))
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
            i18n.text("Unknown issue type {issue_type!r}; expected one of {join}.").format(issue_type=issue_type, join=', '.join(ISSUE_TYPES))
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
        line = f"{self.situation}: {i18n.text(self.window.description)}, {self.window.label()}."
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
            i18n.text("Unknown issue type {issue_type!r}; expected one of {join}.").format(issue_type=issue_type, join=', '.join(ISSUE_TYPES))
        )
    kinds = {_normalize_channel(k) for k in channel_kinds}
    out: list[Expectation] = []
    if "phone" in kinds:
        out.append(Expectation(i18n.text("When you call"), RESPONSE_WINDOWS["phone_hold"],
                               i18n.text("This is time on hold before someone answers, not a reply time.")))
    if "chat" in kinds:
        out.append(Expectation(i18n.text("In a live chat"), RESPONSE_WINDOWS["chat_reply"],
                               i18n.text("This is the wait for an agent, not a reply time.")))
    row = issue_type_window(it, amount_disputed=amount_disputed, currency=currency,
                            fields=fields, escalated=escalated)
    if row is not None:
        out.append(Expectation(i18n.text("A reply about this"), row))
    elif kinds & _WRITTEN:
        out.append(Expectation(i18n.text("A reply to an e-mail or ticket"), RESPONSE_WINDOWS["email_ticket"]))
    if it in _LOCKOUT_ISSUES and kinds & {"chat", "in-app"}:
        out.append(Expectation(i18n.text("Locked out outside business hours"),
                               RESPONSE_WINDOWS["after_hours_lockout"]))
    if it == "technical":
        out.append(Expectation(i18n.text("During an outage"), RESPONSE_WINDOWS["outage_updates"]))
    if it == "billing":
        out.append(Expectation(i18n.text("After a refund is approved"), RESPONSE_WINDOWS["refund_to_card"]))
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
    require_aware(started_at, i18n.text("contact start time"))
    cal = calendar or DEFAULT_CALENDAR
    if er.unit in ("minutes", "hours"):
        start = same_offset(started_at)
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
    raise ValueError(i18n.text("Unknown unit {unit!r}; expected one of {join}.").format(unit=er.unit, join=', '.join(UNITS)))


# --------------------------------------------------------------------------------------------
# Outside clocks (deadlines set by law or regulators, not by the company)
# --------------------------------------------------------------------------------------------

OUTSIDE_CLOCK_NOTE = i18n.mark("General information; verify the current rule with the agency.")


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
            name=i18n.text("HHS Office for Civil Rights privacy complaint"),
            starts_on=learned_on,
            deadline=learned_on + timedelta(days=180),
            rule=i18n.text("HHS OCR privacy complaint: in writing, within 180 days of learning of it"),
            kind="privacy-complaint",
        ))
    if it == "billing" and statement_on is not None:
        clocks.append(OutsideClock(
            name=i18n.text("Card billing-error notice"),
            starts_on=statement_on,
            deadline=statement_on + timedelta(days=60),
            rule=i18n.text("Card billing-error notice: must reach the card issuer within 60 days of the "
                 "statement"),
            kind="card-billing-error",
        ))
    if it == "insurance":
        if denial_on is not None:
            clocks.append(OutsideClock(
                name=i18n.text("Health-plan internal appeal"),
                starts_on=denial_on,
                deadline=denial_on + timedelta(days=180),
                rule=i18n.text("Health-plan internal appeal: within 180 days of the denial"),
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
            name=i18n.text("External review"),
            starts_on=final_decision_on or letter_deadline,
            deadline=letter_deadline,
            rule=i18n.text("External review: by the deadline stated in the plan's final letter"),
            note=i18n.text("From the plan's letter, as you entered it; check it against the letter."),
            kind="external-review",
        )
    if final_decision_on is None:
        return None
    return OutsideClock(
        name=i18n.text("External review"),
        starts_on=final_decision_on,
        deadline=add_months(final_decision_on, EXTERNAL_REVIEW_MONTHS),
        rule=i18n.text("External review: within four months of the final internal decision (federal "
             "process; the plan's final letter states the deadline that applies)"),
        note=i18n.text("State processes differ (60 days to six months): enter the deadline from the "
             "plan's final letter to use it instead. ") + OUTSIDE_CLOCK_NOTE,
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
    i18n.mark("First contact: start with the facts they can look up (account, date, transaction) and ask "
    "for a ticket number, how long a reply should take, and the name and title of the person "
    "who owns the escalation."),
    i18n.mark("Promise missed: call back with the ticket number, ask for a supervisor or the escalation "
    "owner, and get a new commitment in writing."),
    i18n.mark("Formal written complaint to the company (to the Privacy Officer for privacy matters)."),
    i18n.mark("Outside body: send the case file to the regulator or ombudsman for this kind of problem."),
)


def _outside_body(issue_type: str) -> str:
    if issue_type == "insurance":
        return (
            i18n.text("your state insurance department. It expects you to have contacted the insurer first; "
            "send a dated record of every contact and copies of denial letters and correspondence.")
        )
    if issue_type in ("billing", "provider_payment"):
        return (
            i18n.text("the Consumer Financial Protection Bureau (CFPB). Write a narrative of at most about "
            "4,000 characters with no account numbers in it, state the resolution you want and "
            "attach your documents; the company gets 15 days to respond.")
        )
    if issue_type == "privacy":
        return (
            i18n.text("the HHS Office for Civil Rights (OCR). Complain in writing, name the organization "
            "and describe what happened, within 180 days of learning of it.")
        )
    return (
        i18n.text("the relevant regulator or ombudsman for this kind of company, with the complete "
        "case file.")
    )


def next_escalation_step(issue_type: str, escalation_count: int, *, promise_broken: bool) -> str:
    """Suggest what to do next.

    ``escalation_count`` is how many escalations (steps 2 and later) were already made. Without a
    broken promise the advice is to collect the facts (no escalation yet) or to wait for the
    commitment from the last escalation; a broken promise moves one step up the path.
    """
    if escalation_count < 0:
        raise ValueError(i18n.text("The number of escalations cannot be negative."))
    it = _normalize_issue_type(issue_type)
    if not promise_broken:
        if escalation_count == 0:
            return i18n.text("Step 1. {value}").format(value=i18n.text(ESCALATION_STEPS[0]))
        return (
            i18n.text("Wait for the reply committed to at the last escalation and log it. If that date "
            "passes without it, mark the promise broken to see the next step.")
        )
    step = min(escalation_count + 2, 4)
    if step == 2:
        return i18n.text("Step 2. {value}").format(value=i18n.text(ESCALATION_STEPS[1]))
    if step == 3:
        if it == "privacy":
            return (
                i18n.text("Step 3. Send a formal written complaint to the company's Privacy Officer: what "
                "was disclosed or refused, when you learned of it, and who was involved.")
            )
        return (
            i18n.text("Step 3. Send a formal written complaint to the company, quoting the ticket number, "
            "every missed promise and the resolution you want.")
        )
    return i18n.text("Step 4. Take the case file to {outside_body}").format(outside_body=_outside_body(it))
