"""Dates, numbers and money written for the current language (Babel, U.S. conventions:
``format_locale``). Qt-free, for the case file and letters; the window uses QLocale, whose
default ``ui.translation`` sets to the same locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from .. import i18n
from .language import format_locale


def _locale() -> str:
    return format_locale(i18n.current_language())


def long_date(d: date) -> str:
    """"December 1, 2026" / "1 de diciembre de 2026"."""
    return str(format_date(d, "long", locale=_locale()))


def weekday_short(d: date) -> str:
    """"Tue" / "mar"."""
    return str(format_date(d, "EEE", locale=_locale()))


def number(value: int | float | Decimal) -> str:
    """"1,234" (grouped for the language)."""
    return str(format_decimal(value, locale=_locale()))


def money(amount: Decimal, currency: str = "USD") -> str:
    """"$1,234.50" for the language (ISO code when the currency is unknown to Babel)."""
    try:
        return str(format_currency(amount, currency, locale=_locale()))
    except (ValueError, KeyError):
        return f"{format_decimal(amount, locale=_locale())} {currency}"
