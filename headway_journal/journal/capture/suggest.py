"""Suggestions found in a text: ticket numbers, dates promised, reference and claim numbers.

``suggest(text, base=date, ticket_patterns=[...])`` returns typed :class:`Suggestion` s, each with
the span of ``text`` it was found in. They are only offered (the contact dialog shows them as
buttons); nothing here is ever saved without the user choosing it.

- tickets: the organization's ticket patterns (``patterns``), then a generic "ticket / case
  number 12345" shape that every organization gets;
- references: "reference", "claim", "confirmation", "order", "invoice", "transaction",
  "authorization" followed by a number that holds a digit;
- promises: "within 5 business days", "in 3-5 days" (the later end), "within 48 hours",
  "in two weeks", "by December 12", "by 12 December 2026", "by 12/12", "by 2026-12-12",
  "tomorrow", "by Friday", "by end of day". A date without a year is the first such date on or
  after ``base`` (the contact's day).

The text is read one line at a time, each cut at ``patterns.MAX_LINE`` characters, and at most
``MAX_SCAN`` characters in all, so no pattern can take long. Never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from headway_journal import i18n

from .patterns import MAX_LINE, compile_patterns

__all__ = ["KINDS", "MAX_SCAN", "Suggestion", "suggest"]

KINDS = ("ticket", "reference", "promise")
MAX_SCAN = 200_000
WINDOW = 200  # an organization's patterns run on pieces of a line this long (``_windows``)

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BY = r"\b(?:by|before|until|no later than|on or before|due(?: on| by)?)\s+"

GENERIC_TICKET = re.compile(
    r"\b(?:ticket|case)\s*(?:number|no\.?|id|#)?\s*(?:is\s+)?[:#]?\s*"
    r"((?=[a-z-]{0,20}\d)[a-z0-9][a-z0-9-]{3,29})\b", re.IGNORECASE)
REFERENCE = re.compile(
    r"\b(?:reference|ref\.?|claim|confirmation|order|invoice|transaction|authori[sz]ation)"
    r"\s*(?:number|no\.?|id|#|code)?\s*(?:is\s+)?[:#]?\s*"
    r"((?=[a-z-]{0,20}\d)[a-z0-9][a-z0-9-]{3,29})\b", re.IGNORECASE)
_SPAN = re.compile(
    r"\b(?:within|in|under|up to|allow|takes?|about|around|next)\s+(?:the\s+next\s+)?"
    + _NUM + r"(?:\s*(?:-|–|to|or)\s*" + _NUM + r")?"
    r"\s*(business|working|calendar)?\s*(day|hour|hr|h|week)s?\b(?!\s+ago)", re.IGNORECASE)
_BARE_BUSINESS = re.compile(
    _NUM + r"(?:\s*(?:-|–|to)\s*" + _NUM + r")?\s+(business|working)\s+(day)s?\b",
    re.IGNORECASE)
_MONTH_DAY = re.compile(
    _BY + r"(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_DAY_MONTH = re.compile(
    _BY + r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?\b",
    re.IGNORECASE)
_SLASHED = re.compile(_BY + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b", re.IGNORECASE)
_ISO = re.compile(_BY + r"(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)
# "by the 12th": the next 12th on or after the contact's day
_ORDINAL = re.compile(_BY + r"the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z])",
                      re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:(tomorrow)|(?:by\s+)?(?:the\s+)?(end of (?:the )?(?:business )?day|eod|cob|"
    r"close of business|end of (?:the )?week)|"
    r"by\s+(?:next\s+)?(" + "|".join(_WEEKDAYS) + r"))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    """Something found in a text. ``value`` is the ticket or reference number, or for a
    promise its terms ("within 5 business days"); a promise carries exactly one of
    ``business_days``, ``hours`` and ``due_on``. ``source`` says where the text came from
    ("" for the text itself, else e.g. the exhibit's name)."""

    kind: str
    value: str
    start: int
    end: int
    matched: str
    business_days: int | None = None
    hours: int | None = None
    due_on: date | None = None
    context: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        """The button text: what choosing it does."""
        if self.kind == "ticket":
            return i18n.text("Add ticket {n}").format(n=self.value)
        if self.kind == "reference":
            return i18n.text("Add reference {n}").format(n=self.value)
        if self.due_on is not None and self.business_days is None and self.hours is None:
            return i18n.text("Promise due {d}").format(d=self.due_on.isoformat())
        return i18n.text("Promise {terms}").format(terms=self.value)


def _number(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower()
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line of ``text`` (bounded, see the module doc)."""
    offset = 0
    for line in text[:MAX_SCAN].splitlines(keepends=True):
        yield offset, line[:MAX_LINE]
        offset += len(line)


def _sentence(line: str, start: int, end: int) -> str:
    """The sentence of ``line`` around ``start:end`` (the promise's own words)."""
    left = max(line.rfind(c, 0, start) for c in ".!?;")
    rights = [i for c in ".!?;" if (i := line.find(c, end)) >= 0]
    right = min(rights) + 1 if rights else len(line)
    return " ".join(line[left + 1:right].split())


def _span_promise(m: re.Match[str], base: date) -> tuple[str, dict[str, object]] | None:
    low, high = _number(m.group(1)), _number(m.group(2))
    n = high if high is not None else low
    if n is None or n <= 0 or n > 365:
        return None
    kind, unit = (m.group(3) or "").lower(), m.group(4).lower()
    span = f"{low}-{high}" if high is not None else f"{n}"
    if unit in ("hour", "hr", "h"):
        return i18n.plural("within {n} hour", "within {n} hours", n).format(n=span), {"hours": n}
    if unit == "week":
        return (i18n.plural("within {n} week", "within {n} weeks", n).format(n=span),
                {"due_on": base + timedelta(weeks=n)})
    if kind in ("business", "working"):
        return (i18n.plural("within {n} business day", "within {n} business days", n)
                .format(n=span), {"business_days": n})
    return (i18n.plural("within {n} day", "within {n} days", n).format(n=span),
            {"due_on": base + timedelta(days=n)})


def _on_or_after(base: date, month: int, day: int, year: int | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        found = date(base.year, month, day)
        return found if found >= base else date(base.year + 1, month, day)
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) + (2000 if len(text) == 2 else 0)


def _date_promise(m: re.Match[str], pattern: re.Pattern[str], base: date) -> date | None:
    if pattern is _MONTH_DAY:
        return _on_or_after(base, _MONTHS[m.group(1).lower()], int(m.group(2)), _year(m.group(3)))
    if pattern is _DAY_MONTH:
        return _on_or_after(base, _MONTHS[m.group(2).lower()], int(m.group(1)), _year(m.group(3)))
    if pattern is _ORDINAL:
        day = int(m.group(1))
        found = _on_or_after(base, base.month, day, base.year) if day >= base.day else None
        if found is None:  # later this month is not possible: next month
            nxt = date(base.year + base.month // 12, base.month % 12 + 1, 1)
            found = _on_or_after(nxt, nxt.month, day, nxt.year)
        return found
    if pattern is _SLASHED:  # month/day, as in the United States
        return _on_or_after(base, int(m.group(1)), int(m.group(2)), _year(m.group(3)))
    return _on_or_after(base, int(m.group(2)), int(m.group(3)), int(m.group(1)))


def _relative_promise(m: re.Match[str], base: date) -> date:
    if m.group(1):
        return base + timedelta(days=1)
    if m.group(2):
        if "week" in m.group(2).lower():
            return base + timedelta(days=(4 - base.weekday()) % 7)
        return base
    wanted = _WEEKDAYS.index(m.group(3).lower())
    ahead = (wanted - base.weekday()) % 7 or 7
    return base + timedelta(days=ahead)


def _promises(offset: int, line: str, base: date) -> Iterator[Suggestion]:
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return False
        taken.append((m.start(), m.end()))
        return True

    def make(m: re.Match[str], value: str, **terms: object) -> Suggestion:
        return Suggestion("promise", value, offset + m.start(), offset + m.end(), m.group(0),
                          context=_sentence(line, m.start(), m.end()), **terms)  # type: ignore[arg-type]

    for pattern in (_SPAN, _BARE_BUSINESS):
        for m in pattern.finditer(line):
            found = _span_promise(m, base)
            if found is not None and free(m):
                yield make(m, found[0], **found[1])
    for pattern in (_MONTH_DAY, _DAY_MONTH, _SLASHED, _ISO, _ORDINAL):
        for m in pattern.finditer(line):
            due = _date_promise(m, pattern, base)
            if due is not None and free(m):
                yield make(m, i18n.text("by {d}").format(d=due.isoformat()), due_on=due)
    for m in _RELATIVE.finditer(line):
        due = _relative_promise(m, base)
        if free(m):
            yield make(m, i18n.text("by {d}").format(d=due.isoformat()), due_on=due)


def _numbers(offset: int, line: str, kind: str,
             patterns: Iterable[re.Pattern[str]]) -> Iterator[Suggestion]:
    for pattern in patterns:
        for m in pattern.finditer(line):
            group = 1 if pattern.groups else 0
            value = " ".join((m.group(group) or "").split())
            if value:
                yield Suggestion(kind, value, offset + m.start(group), offset + m.end(group),
                                 m.group(0))


def _windows(line: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``line`` in overlapping pieces of ``WINDOW`` characters: a user's
    pattern runs on each, so its cost is bounded by the piece, not the line (a match of up to
    half a window lies whole in one of them)."""
    step = WINDOW // 2
    for start in range(0, max(1, len(line) - step), step):
        yield start, line[start:start + WINDOW]


def _user_numbers(offset: int, line: str,
                  patterns: list[re.Pattern[str]]) -> Iterator[Suggestion]:
    seen: set[tuple[int, int]] = set()
    for start, piece in _windows(line):
        for s in _numbers(offset + start, piece, "ticket", patterns):
            if (s.start, s.end) not in seen:
                seen.add((s.start, s.end))
                yield s


def suggest(text: str, *, base: date, ticket_patterns: Iterable[str] = (),
            source: str = "") -> list[Suggestion]:
    """Every ticket, reference and promise found in ``text``, in the order they appear; a
    number found twice (or as a ticket and a reference) is offered once, as a ticket."""
    own = compile_patterns(ticket_patterns)
    found: list[Suggestion] = []
    for offset, line in _lines(text):
        found += _user_numbers(offset, line, own)
        found += _numbers(offset, line, "ticket", (GENERIC_TICKET,))
        found += _numbers(offset, line, "reference", (REFERENCE,))
        found += _promises(offset, line, base)
    found.sort(key=lambda s: (KINDS.index(s.kind), s.start))
    seen: set[tuple[str, object]] = set()
    out: list[Suggestion] = []
    for s in found:
        key: tuple[str, object] = (("number", s.value.upper()) if s.kind != "promise"
                                   else ("promise", (s.business_days, s.hours, s.due_on)))
        if key not in seen:
            seen.add(key)
            out.append(s if not source else _with_source(s, source))
    out.sort(key=lambda s: s.start)
    return out


def _with_source(s: Suggestion, source: str) -> Suggestion:
    return Suggestion(s.kind, s.value, s.start, s.end, s.matched, s.business_days, s.hours,
                      s.due_on, s.context, source)
