"""Digit groups with arbitrary separators: how card numbers, SSNs and phone numbers hide in text.

An identifier such as ``4111 1111 1111 1111``, ``123-45-6789`` or ``(217) 555-0142`` is a run of
digit groups. Between the groups people (and anyone trying to slip a number past a check) write
any run of Unicode separators, punctuation and format characters: spaces, no-break spaces,
U+2011 non-breaking hyphens, zero-width spaces, '.', '/', '_', ... All of them join groups
here. Digits of every script count ('４' and '٤' are a 4).

    >>> [r.digits for r in digit_runs("card 4111/1111/1111/1111, SSN 123.45.6789")]
    ['4111111111111111', '123456789']

Both the journal's refusal of full card numbers (:mod:`.issue_types`) and the redacted case file
(:mod:`headway_journal.casefile.redact`) use this module, so the two always agree on what a
separator is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = [
    "DigitRun",
    "card_spans",
    "digit_runs",
    "is_separator",
    "luhn_ok",
]

# a candidate: digit groups joined by anything that is not a letter or digit; each joint is
# then checked character by character (symbols such as '$' or '+' break a run)
_CANDIDATE = re.compile(r"\d+(?:[\W_]+\d+)*")
_SEPARATOR_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cf"})
# symbols that look like a dash, a slash or a bar and so are written as one between groups:
# minus sign, fraction and division slash, modifier minus, ratio, vertical and broken bars, tilde
_LOOKALIKES = frozenset("\u2212\u2044\u2215\u02d7\u2236|\u00a6\u2223~\uff5c\uff5e")


def is_separator(ch: str) -> bool:
    """True for a character that may stand between the digit groups of one number: any Unicode
    separator (spaces, no-break spaces, line separators), punctuation ('.', '/', '_', '-',
    U+2011, brackets, quotes) or format character (zero-width space, soft hyphen), and any
    whitespace; and the symbols that look like a dash, slash or bar (minus sign, fraction
    slash, '|', '~')."""
    return ch.isspace() or ch in _LOOKALIKES or unicodedata.category(ch) in _SEPARATOR_CATEGORIES


def luhn_ok(digits: str) -> bool:
    """True when the string of ASCII digits passes the Luhn (mod 10) check."""
    if not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


@dataclass(frozen=True)
class DigitRun:
    """One number written as digit groups: where it is in the text and its digits."""

    start: int
    end: int
    groups: tuple[tuple[int, int], ...]  # (start, end) of each digit group in the text
    group_digits: tuple[str, ...]  # each group's digits, as ASCII

    @property
    def digits(self) -> str:
        return "".join(self.group_digits)


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text)


def digit_runs(text: str) -> list[DigitRun]:
    """Every number in *text* written as digit groups with any separators between them."""
    runs: list[DigitRun] = []
    for m in _CANDIDATE.finditer(text):
        pieces: list[list[tuple[int, int]]] = [[]]
        pos = m.start()
        for g in re.finditer(r"\d+", m.group()):
            start, end = m.start() + g.start(), m.start() + g.end()
            if pieces[-1] and not all(is_separator(ch) for ch in text[pos:start]):
                pieces.append([])  # a symbol or mark between the groups: two numbers
            pieces[-1].append((start, end))
            pos = end
        for piece in pieces:
            runs.append(
                DigitRun(
                    start=piece[0][0],
                    end=piece[-1][1],
                    groups=tuple(piece),
                    group_digits=tuple(_ascii_digits(text[a:b]) for a, b in piece),
                )
            )
    return runs


def card_spans(text: str, is_card: Callable[[str], bool]) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of each card number in *text*: a run of whole digit groups (any
    separators) whose digits *is_card* accepts. Longer runs ("card 4111 1111 1111 1111, 2026")
    are searched group by group, so a neighbouring number does not hide a card."""
    for run in digit_runs(text):
        n = len(run.groups)
        i = 0
        while i < n:
            digits = ""
            found = None
            for j in range(i, n):
                digits += run.group_digits[j]
                if len(digits) > 19:
                    break
                if len(digits) >= 12 and is_card(digits):
                    found = j, digits
            if found is None:
                i += 1
                continue
            j, digits = found
            yield run.groups[i][0], run.groups[j][1], digits
            i = j + 1
