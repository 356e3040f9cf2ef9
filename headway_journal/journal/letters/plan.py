"""Which letters apply to a case, in what order, and the deadline of each.

From the issue type, the case's facts (its fields, and the facts entered for a letter, which
win) and its history (escalations, contacts, letters already sent). Deadlines are the outside
clocks of ``bodies.json``: counted in calendar days, business days or months as the rule says;
a deadline on a weekend or holiday gets an "act by" date, the last business day before it, since
nothing is received on a day the offices are closed. A reply clock that ends on such a day moves
to the next business day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from headway_journal import i18n

from .. import deadlines as dl
from ..records import CaseView
from .bodies import KINDS, Body, Clock, body

__all__ = [
    "CLOSE_DAYS",
    "LetterDeadline",
    "LetterStep",
    "act_by",
    "applies",
    "letter_deadline",
    "letter_facts",
    "letter_steps",
    "long_day",
    "reply_due",
]

CLOSE_DAYS = 14  # a deadline this close (calendar days to act) gets a warning
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_day(d: date) -> str:
    """"Saturday, January 2, 2027"."""
    return f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}"


def parse_day(value: object) -> date | None:
    """An ISO date from a fact, or None (missing or malformed: a gap, never a guess)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def letter_facts(case: CaseView, draft_facts: Mapping[str, str] | None = None) -> dict[str, str]:
    """The case's fields with the facts entered for the letter on top (a non-empty one wins)."""
    facts = {k: str(v) for k, v in case.fields.items() if v not in (None, "")}
    for key, value in (draft_facts or {}).items():
        if str(value).strip():
            facts[key] = str(value).strip()
    return facts


def _add(start: date, clock: Clock, cal: dl.BusinessCalendar) -> date:
    if clock.unit == "business days":
        return cal.add_business_days(start, clock.amount)
    if clock.unit == "months":
        return dl.add_months(start, clock.amount)
    return start + timedelta(days=clock.amount)


def act_by(deadline: date, cal: dl.BusinessCalendar) -> date:
    """The last business day on or before ``deadline``."""
    day = deadline
    while not cal.is_business_day(day):
        day -= timedelta(days=1)
    return day


def reply_due(kind: str, sent_on: date, cal: dl.BusinessCalendar) -> date | None:
    """When the body's reply is due for a letter sent on ``sent_on`` (None: no such clock).

    Business days count business days; calendar days and months that end on a weekend or a
    holiday end on the next business day.
    """
    clock = body(kind).reply
    if clock is None:
        return None
    due = _add(sent_on, clock, cal)
    return due if clock.unit == "business days" else cal.next_business_day(due)


@dataclass(frozen=True)
class LetterDeadline:
    deadline: date
    act_by: date  # the last business day on or before the deadline
    starts_on: date | None  # None when the deadline was entered from the plan's letter
    rule: str
    from_letter: bool  # the plan's own deadline, entered for the letter


def letter_deadline(kind: str, facts: Mapping[str, str],
                    cal: dl.BusinessCalendar | None = None) -> LetterDeadline | None:
    """The deadline to send ``kind``, from the facts; None without a time limit or its date."""
    cal = cal or dl.DEFAULT_CALENDAR
    limit = body(kind).limit
    if limit is None:
        return None
    if limit.override:
        entered = parse_day(facts.get(limit.override))
        if entered is not None:
            return LetterDeadline(entered, act_by(entered, cal), parse_day(
                facts.get(limit.starts_from)), i18n.text("By the deadline stated in the plan's final "
                                                  "letter, as you entered it"), True)
    start = parse_day(facts.get(limit.starts_from))
    if start is None:
        return None
    deadline = _add(start, limit, cal)
    return LetterDeadline(deadline, act_by(deadline, cal), start, limit.rule, False)


# --------------------------------------------------------------------------------------------
# Which kinds apply


def applies(kind: str, case: CaseView, facts: Mapping[str, str]) -> bool:
    """Whether the letter ``kind`` fits this case (issue type and facts)."""
    it = case.issue_type
    if kind == "company":
        return it != "privacy"
    if kind in ("privacy-officer", "hhs-ocr"):
        return it == "privacy"
    if kind == "records-request":
        return it in ("privacy", "insurance", "appointment")
    if kind == "card-dispute":
        return it == "billing" and (facts.get("paid_by") != "insurance"
                                    or bool(facts.get("card_last4")))
    if kind in ("internal-appeal", "external-review"):
        return it == "insurance" and (facts.get("insurance_matter") != "eligibility"
                                      or bool(facts.get("denial_date")))
    if kind == "state-insurance":
        return it == "insurance"
    if kind == "cfpb":
        return it in ("billing", "provider_payment")
    raise ValueError(f"Unknown letter kind {kind!r}; expected one of {', '.join(KINDS)}.")


@dataclass(frozen=True)
class LetterStep:
    """One letter that applies, with its deadline and what to know about it now."""

    kind: str
    title: str
    deadline: LetterDeadline | None
    state: str  # "sent" | "passed" | "close" | "open" | "needs-date" | "no-limit"
    warning: str  # plain words when close or passed (or the date is missing); "" otherwise
    note: str  # what should come first, from the case's history; "" when nothing
    sent_on: date | None
    reply_due: date | None
    days_left: int | None  # calendar days until act_by (negative once passed)

    def summary(self) -> str:
        """One line: "Card billing-error notice: by Monday, March 1, 2027 (12 days left)"."""
        name = body(self.kind).short
        if self.sent_on is not None:
            text = i18n.text("{name}: sent on {day}").format(name=name, day=long_day(self.sent_on))
            if self.reply_due is not None:
                text += i18n.text("; reply due {day}").format(day=long_day(self.reply_due))
            return text
        if self.deadline is None:
            return name + (i18n.text(": no time limit") if self.state == "no-limit"
                           else i18n.text(": deadline unknown until its date is entered"))
        left = self.days_left or 0
        if left < 0 and self.state == "close":  # past the act-by day, not past the deadline
            to_deadline = left + (self.deadline.deadline - self.deadline.act_by).days
            return i18n.text("{name}: deadline {day} ({when}), a day the offices are "
                             "closed").format(
                name=name, day=long_day(self.deadline.deadline),
                when=i18n.text("today") if to_deadline == 0 else i18n.plural(
                    "{n} day left", "{n} days left", to_deadline).format(n=to_deadline))
        if left > 0:
            when = i18n.plural("{n} day left", "{n} days left", left).format(n=left)
        elif left == 0:
            when = i18n.text("today")
        else:
            when = i18n.plural("passed {n} day ago", "passed {n} days ago", -left).format(n=-left)
        return i18n.text("{name}: by {day} ({when})").format(
            name=name, day=long_day(self.deadline.act_by), when=when)


def _warning(b: Body, dl_: LetterDeadline, today: date) -> tuple[str, str, int]:
    left = (dl_.act_by - today).days
    moved = ""
    if dl_.act_by != dl_.deadline:
        moved = i18n.text(" The deadline, {day}, is not a business day: make sure it arrives by "
                   "{act}.").format(day=long_day(dl_.deadline), act=long_day(dl_.act_by))
    if today > dl_.deadline:
        return "passed", i18n.text("The deadline for the {name} passed on {day}. Send it as soon as "
                            "you can and ask whether a late one is accepted.").format(
            name=b.short.lower(), day=long_day(dl_.deadline)), left
    if left <= CLOSE_DAYS:
        if left < 0:  # after the act-by day, the deadline itself not yet passed
            text = i18n.text("The deadline for the {name} is {day}, a day the offices are closed: "
                      "send it today by a way that arrives at once (fax, e-mail, online).")
            return "close", text.format(name=b.short.lower(), day=long_day(dl_.deadline)), left
        text = i18n.text("Only {n} days left to send the {name}: it must arrive by {act}.") if left != 1 \
            else i18n.text("Only 1 day left to send the {name}: it must arrive by {act}.")
        if left == 0:
            text = i18n.text("Last day to send the {name}: it must arrive today, {act}.")
        return "close", text.format(n=left, name=b.short.lower(),
                                    act=long_day(dl_.act_by)) + moved, left
    return "open", moved.strip(), left


def _history_note(kind: str, case: CaseView, facts: Mapping[str, str],
                  sent: Mapping[str, date]) -> str:
    broken = any(p.status == "broken" or p.state.code == "overdue" for p in case.promises)
    if kind in ("company", "privacy-officer") and not case.escalations and not broken:
        return i18n.text("Usually sent once a promise was missed or a supervisor could not resolve it.")
    if kind == "state-insurance" and not case.contacts:
        return i18n.text("The department expects you to contact the insurer first: log that contact.")
    if kind == "external-review" and "internal-appeal" not in sent \
            and not parse_day(facts.get("final_decision_date")):
        return i18n.text("Comes after the plan's final internal decision on your appeal.")
    if kind in ("cfpb", "hhs-ocr", "state-insurance") and "company" not in sent \
            and "privacy-officer" not in sent and not case.escalations:
        return i18n.text("Outside bodies expect you to have complained to the company in writing first.")
    return ""


def letter_steps(case: CaseView, *, today: date, drafts: Mapping[str, tuple[
        Mapping[str, str], date | None]] | None = None,
        cal: dl.BusinessCalendar | None = None) -> list[LetterStep]:
    """The letters that apply to ``case`` in the order of the escalation path.

    ``drafts`` maps a kind to (the facts entered for its letter, the day it was sent or None).
    """
    cal = cal or dl.DEFAULT_CALENDAR
    drafts = drafts or {}
    sent = {k: d for k, (_, d) in drafts.items() if d is not None}
    steps: list[LetterStep] = []
    for kind in KINDS:
        facts = letter_facts(case, drafts.get(kind, ({}, None))[0])
        if not applies(kind, case, facts) and kind not in drafts:
            continue
        b = body(kind)
        deadline = letter_deadline(kind, facts, cal)
        note = _history_note(kind, case, facts, sent)
        sent_on = sent.get(kind)
        if sent_on is not None:
            steps.append(LetterStep(kind, b.title, deadline, "sent", "", "", sent_on,
                                    reply_due(kind, sent_on, cal), None))
            continue
        if deadline is None:
            state = "no-limit" if b.limit is None else "needs-date"
            warning = "" if b.limit is None else i18n.text(
                "Enter the date of {what} to see the deadline ({rule}).").format(
                what=b.limit.from_label, rule=b.limit.label)
            steps.append(LetterStep(kind, b.title, None, state, warning, note, None, None, None))
            continue
        state, warning, left = _warning(b, deadline, today)
        steps.append(LetterStep(kind, b.title, deadline, state, warning, note, None, None, left))
    return steps
