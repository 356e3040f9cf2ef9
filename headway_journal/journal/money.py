"""Reading amounts of money typed by a person: one rule, never a silently different number.

The rule (docs/journal-format.md, "Amounts"):

* A currency sign ($, €, £) may come before the number, with or without a space.
* ``1234``, ``1234.5`` and ``1234.56``: a point is the decimal point (at most two decimals).
* ``1,234`` and ``1,234,567.89``: a comma is a thousands separator only when the first group has
  1 to 3 digits and every later group exactly 3 (the U.S. way of writing, as on every Headway
  statement). So ``1,234`` is 1234.
* ``12,50``, ``0,5`` and ``1234,56`` (a comma followed by one or two digits, no other separator)
  can only mean a decimal comma: read as 12.50, 0.50 and 1234.56.
* ``1.234,56`` and ``1.234.567,8`` (points in groups of three, then a decimal comma) are read as
  1234.56 and 1234567.80.
* Everything else is refused with a sentence naming the form to use: ``1,2,3``, ``1,23,456``,
  ``1.234`` (1.234 or 1234?), ``1.234.567``, ``1 234``, ``1'234``, ``12,``, ``,50``, digits
  other than 0-9, more than two decimals.

``parse_amount`` is the one parser: the issue-type registry's money fields, a case's amount in
dispute (typed in the window or imported) and the JSON Schema's pattern (``AMOUNT_PATTERN``)
all use it. ``amounts_in_text`` checks the amounts written inside a free-text field.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .. import i18n
from .safe_echo import escape_for_terminal

__all__ = [
    "AMOUNT_HINT",
    "AMOUNT_PATTERN",
    "MAX_AMOUNT",
    "AmountError",
    "format_amount",
    "normalize_amounts_text",
    "parse_amount",
]

MAX_AMOUNT = Decimal("10000000")
AMOUNT_HINT = "Write amounts like 1234.56 or 1,234.56."


def _number(named: bool) -> str:
    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    plain = g("plain", "[0-9]+") + r"(?:\." + g("plain_dec", "[0-9]{1,2}") + ")?"
    us = g("us", "[0-9]{1,3}(?:,[0-9]{3})+") + r"(?:\." + g("us_dec", "[0-9]{1,2}") + ")?"
    comma = g("comma", "[0-9]+") + "," + g("comma_dec", "[0-9]{1,2}")
    eu = g("eu", r"[0-9]{1,3}(?:\.[0-9]{3})+") + "," + g("eu_dec", "[0-9]{1,2}")
    return f"(?:{us}|{eu}|{comma}|{plain})"


_SIGN = "[$€£]?[ \u00a0]?"
_US = "[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]{1,2})?"

#: The spellings ``parse_amount`` accepts, as a regular expression that means the same in
#: Python and in ECMA-262 (the JSON Schema's dialect): no named groups.
AMOUNT_PATTERN = f"^{_SIGN}{_number(named=False)}$"
_AMOUNT = re.compile(f"^{_SIGN}{_number(named=True)}$")

# an amount-like token inside free text: digits with separators, or digits after a sign
_TOKEN = re.compile(r"(?<![\w.,/:-])(?P<sign>[$€£][ \u00a0]?)?(?P<num>[0-9][0-9.,]*[0-9]|[0-9])"
                    r"(?P<trail>[.,]?)(?![\w/:-])")


class AmountError(ValueError):
    """Text that is not an amount; the message is a sentence for the user."""


def _ascii_digit_text(text: str) -> bool:
    return not any(ch.isdigit() and not ("0" <= ch <= "9") for ch in text)


def _refusal(shown: str) -> str:
    quoted = escape_for_terminal(shown)
    if re.fullmatch(r"[$€£]?\s?[0-9]{1,3}\.[0-9]{3}", shown):
        whole, frac = shown.lstrip("$€£ \u00a0").split(".")
        return i18n.text("'{quoted}' could be read as {whole}{frac} or as {whole}.{frac}. {AMOUNT_HINT}").format(quoted=quoted, whole=whole, frac=frac, AMOUNT_HINT=AMOUNT_HINT)
    if re.fullmatch(r"[$€£]?\s?[0-9]+\.[0-9]{3,}", shown):
        return i18n.text("Amounts have at most two decimal places ('{quoted}'). {AMOUNT_HINT}").format(quoted=quoted, AMOUNT_HINT=AMOUNT_HINT)
    return i18n.text("'{quoted}' is not an amount. {AMOUNT_HINT}").format(quoted=quoted, AMOUNT_HINT=AMOUNT_HINT)


def parse_amount(text: str) -> Decimal:
    """The amount ``text`` means, with two decimal places, or AmountError.

    See the module's docstring for the rule. Negative amounts, amounts over 10,000,000 and any
    spelling that could be read two ways are refused.
    """
    shown = " ".join(str(text).split())
    if not shown:
        raise AmountError(i18n.text("Enter an amount, for example 100.00."))
    if len(shown) > 40:
        raise AmountError(i18n.text("'{escape_for_terminal}' is not an amount. {AMOUNT_HINT}").format(escape_for_terminal=escape_for_terminal(shown, 40), AMOUNT_HINT=AMOUNT_HINT))
    if shown.startswith("-") or re.match(r"^[$€£]\s?-", shown):
        raise AmountError(i18n.text("An amount cannot be negative."))
    m = _AMOUNT.match(shown) if _ascii_digit_text(shown) else None
    if m is None:
        raise AmountError(_refusal(shown))
    g = m.groupdict()
    if g["us"] is not None:
        whole, dec = g["us"].replace(",", ""), g["us_dec"]
    elif g["eu"] is not None:
        whole, dec = g["eu"].replace(".", ""), g["eu_dec"]
    elif g["comma"] is not None:
        whole, dec = g["comma"], g["comma_dec"]
    else:
        whole, dec = g["plain"], g["plain_dec"]
    amount = Decimal(f"{whole}.{(dec or '').ljust(2, '0')}")
    if amount > MAX_AMOUNT:
        raise AmountError(i18n.text("That amount is larger than 10,000,000; please check it."))
    return amount


def format_amount(amount: Decimal) -> str:
    """``1234.5`` as ``1,234.50`` (the way amounts are shown)."""
    return f"{amount:,.2f}"


def normalize_amounts_text(text: str) -> str:
    """Free text about amounts, with every amount in it checked by ``parse_amount``.

    Numbers written with a separator or after a currency sign are amounts: one that cannot be
    read one way only raises AmountError (naming it); one written with a decimal comma is
    rewritten the U.S. way ("12,50" becomes "12.50") so that every reader reads the same
    number. Other words, plain numbers and dates (2026-11-20, 11/20) are left as they are.
    """
    problems: list[str] = []

    def fix(m: re.Match[str]) -> str:
        sign, num = m.group("sign") or "", m.group("num")
        if not sign and "," not in num and "." not in num:
            return m.group(0)
        try:
            amount = parse_amount(sign + num)
        except AmountError as exc:
            problems.append(str(exc))
            return m.group(0)
        if "," in num and not re.fullmatch(_US, num):
            num = format_amount(amount)
        return sign + num + m.group("trail")

    out = _TOKEN.sub(fix, text)
    if problems:
        raise AmountError(problems[0])
    return out
