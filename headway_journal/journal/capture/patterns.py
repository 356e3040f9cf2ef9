"""An organization's ticket patterns: the shapes its ticket numbers take in its messages.

Stored with the organization (``organizations.ticket_patterns``, schema 0007), one regular
expression a line, matched without regard to case. When a pattern has a group, the first group
is the ticket number ("Ticket #(\\d+)" gives "123456"); otherwise the whole match is.

A user's pattern must not be able to hang the app (catastrophic backtracking), so patterns are
kept simple and checked before they are saved (:func:`check_patterns`):

- at most ``MAX_PATTERNS`` patterns of at most ``MAX_PATTERN_LENGTH`` characters each;
- no back-references, no repetition of a group that itself repeats or has alternatives
  (``(\\d+)+``, ``(a|ab)*``: the shapes that backtrack exponentially), no open-ended "anything"
  (``.*``, ``.+``: write ``.{0,20}``), and at most ``MAX_UNBOUNDED`` open-ended repeats (``*``,
  ``+``, ``{n,}``, or a bound over ``MAX_REPEAT``) in one pattern (each one more multiplies the
  worst case by the length of the text: ``\\d+\\d+x`` took 29 s on one line of 2,000 digits);
- and the text they run over is bounded: ``suggest`` runs them on pieces of 200 characters of
  each line (``suggest.WINDOW``), lines cut at ``MAX_LINE``, and caps the whole text.

Never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from headway_journal import i18n

from ..safe_echo import escape_for_terminal

__all__ = ["HEADWAY_TICKET_PATTERNS", "MAX_LINE", "MAX_PATTERNS", "MAX_PATTERN_LENGTH",
           "MAX_UNBOUNDED", "PatternProblem", "check_pattern", "check_patterns", "compile_patterns",
           "join_patterns", "split_patterns"]

MAX_PATTERNS = 12
MAX_PATTERN_LENGTH = 200
MAX_UNBOUNDED = 1
MAX_REPEAT = 50  # the largest bound of {m,n}
MAX_LINE = 2000

# The shapes Headway's support messages use: "#1234567", "Ticket 123456", "Ticket #123456",
# "ticket number: 123456", "Request #1234567" (its help desk's notifications).
HEADWAY_TICKET_PATTERNS: tuple[str, ...] = (
    r"#\s?(\d{5,10})\b",
    r"\bticket\s{0,3}(?:number|no\.?|id|#)?\s{0,3}[:#]?\s{0,3}(\d{5,10})\b",
    r"\brequest\s{0,3}(?:number|no\.?|id|#)?\s{0,3}[:#]?\s{0,3}(\d{5,10})\b",
)

_QUANTIFIER_START = frozenset("*+?{")
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
_BRACES = re.compile(r"\{(\d*)(,?)(\d*)\}")


@dataclass(frozen=True)
class PatternProblem:
    """Why line ``line`` (1-based) of the patterns cannot be used."""

    line: int
    message: str

    def __str__(self) -> str:
        return i18n.text("Ticket pattern {n}: {message}").format(n=self.line, message=self.message)


def split_patterns(text: str) -> list[str]:
    """The patterns of a stored or typed block: one a line, blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def join_patterns(patterns: Iterable[str]) -> str:
    return "\n".join(p.strip() for p in patterns if p.strip())


@dataclass
class _Group:
    """A parenthesised group of a ticket pattern: whether it repeats or has alternatives."""
    repeats: bool = False  # something inside repeats
    alternates: bool = False  # has a | at its level


def _quantifier_at(pattern: str, i: int) -> tuple[int, bool, bool] | None:
    """The length of the quantifier at ``i``, whether it is open-ended and whether it may
    repeat (more than once), or None."""
    ch = pattern[i]
    if ch in "*+":
        return 1, True, True
    if ch == "?":
        return 1, False, False
    if ch == "{":
        m = _BRACES.match(pattern, i)
        if m is None or not (m.group(1) or m.group(3)):
            return None  # a literal brace
        most = m.group(3) if m.group(2) else m.group(1)
        if most and int(most) > MAX_REPEAT:
            return m.end() - i, True, True  # counted as open-ended
        return m.end() - i, bool(m.group(2)) and not m.group(3), not most or int(most) > 1
    return None


def _skip_class(pattern: str, i: int) -> int:
    """The index after the character class starting at ``i`` ("[")."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _structure_problem(pattern: str) -> str | None:
    """Nested or ambiguous repetition, or too many open-ended repeats (see the module doc)."""
    stack: list[_Group] = [_Group()]
    unbounded = 0
    last_group: _Group | None = None  # the group that just closed (a quantifier may follow)
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        closed, last_group = last_group, None
        q = _quantifier_at(pattern, i) if ch in _QUANTIFIER_START else None
        if q is not None and not (ch == "?" and i > 0 and pattern[i - 1] == "("):
            length, open_ended, repeats = q
            if repeats and closed is not None and (closed.repeats or closed.alternates):
                return i18n.text("a repeated group may not itself repeat or hold alternatives "
                                 "(it could make the search hang); write it more simply.")
            if open_ended and i > 0 and pattern[i - 1] == "." and (i < 2 or pattern[i - 2] != "\\"):
                return i18n.text("an open-ended “anything” (.* or .+) could make the search "
                                 "slow; use a bounded one like .{{0,20}}.")
            unbounded += open_ended
            stack[-1].repeats = True
            i += length
            if i < len(pattern) and pattern[i] in "?+":  # lazy or possessive
                i += 1
            continue
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _skip_class(pattern, i)
        elif ch == "(":
            stack.append(_Group())
            i += 1
        elif ch == ")" and len(stack) > 1:
            last_group = stack.pop()
            if last_group.repeats:
                stack[-1].repeats = True
            i += 1
        else:
            if ch == "|":
                stack[-1].alternates = True
            i += 1
    if unbounded > MAX_UNBOUNDED:
        return i18n.text("more than one open-ended repeat (*, +, or a bound over {most}); use "
                         "bounded ones like \\d{{5,10}} or \\s{{0,3}}.").format(most=MAX_REPEAT)
    return None


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used as a ticket pattern (one sentence), or None."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return i18n.text("longer than {n} characters.").format(n=MAX_PATTERN_LENGTH)
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        return i18n.text("not a valid regular expression ({why}).").format(
            why=escape_for_terminal(str(exc)))
    if _BACKREF.search(pattern):
        return i18n.text("back-references (\\1, (?P=name)) are not allowed.")
    if compiled.search("") is not None:
        return i18n.text("it matches empty text; it must match a ticket number.")
    return _structure_problem(pattern)


def check_patterns(patterns: Sequence[str]) -> list[PatternProblem]:
    """Every problem of a list of patterns (empty when they can all be saved)."""
    problems: list[PatternProblem] = []
    if len(patterns) > MAX_PATTERNS:
        problems.append(PatternProblem(MAX_PATTERNS + 1, i18n.text(
            "at most {n} patterns per organization.").format(n=MAX_PATTERNS)))
    for n, pattern in enumerate(patterns[:MAX_PATTERNS], start=1):
        why = check_pattern(pattern)
        if why is not None:
            problems.append(PatternProblem(n, why))
    return problems


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """The usable patterns compiled (case ignored); any that fail the checks are left out."""
    out: list[re.Pattern[str]] = []
    for pattern in list(patterns)[:MAX_PATTERNS]:
        if check_pattern(pattern) is None:
            out.append(re.compile(pattern, re.IGNORECASE))
    return out
