"""Checks of single values shared by the service and the JSON import. Never imports Qt.

Each check takes the value, the field's name and an ``errors`` dict: a problem is written to
``errors[name]`` as a sentence for the user, and the cleaned value is returned.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from .. import i18n
from .issue_types import FieldError, refuse_card_number

__all__ = ["MAX_LONG", "MAX_TEXT", "SURROGATE", "aware_datetime", "clean_text"]

MAX_TEXT = 500
MAX_LONG = 20_000
# A lone UTF-16 surrogate (from a JSON "\ud800" escape, or a broken paste) cannot be stored as
# UTF-8: SQLite's driver raises UnicodeEncodeError. Refuse it as invalid input instead.
SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: object, name: str, errors: dict[str, str], *, limit: int = MAX_TEXT,
               required: bool = False, label: str | None = None) -> str:
    """Text as stored: control characters dropped, one line (or trimmed when ``limit`` is over
    MAX_TEXT), checked for length, lone surrogates and card numbers."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[name] = i18n.text("{value} must be text.").format(value=label or name)
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not value.replace("\n", "").replace("\t", "").isprintable():  # (else nothing to drop)
        value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable() or ord(ch) > 0x9F)
    value = value.strip() if limit > MAX_TEXT else " ".join(value.split())
    if SURROGATE.search(value):
        errors[name] = (i18n.text("{value} contains a character that is not valid text (a lone surrogate); please retype that part.").format(value=label or name.replace('_', ' ').capitalize()))
    elif required and not value:
        errors[name] = i18n.text("{value} is required.").format(value=label or name.replace('_', ' ').capitalize())
    elif len(value) > limit:
        errors[name] = i18n.text("This is {len:,} characters long; the limit is {limit:,}.").format(len=len(value), limit=limit)
    else:
        try:
            refuse_card_number(value)
        except FieldError as exc:
            errors[name] = str(exc)
    return value


def aware_datetime(value: Any, name: str, errors: dict[str, str]) -> datetime | None:
    """A date and time with its UTC offset, in the years 1990 to 2100, to the second."""
    if not isinstance(value, datetime):
        errors[name] = i18n.text("A date and time is required.")
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        errors[name] = i18n.text("The time needs its UTC offset (time zone).")
        return None
    if not (1990 <= value.year <= 2100):
        errors[name] = i18n.text("{isoformat} is outside the years 1990 to 2100.").format(isoformat=value.date().isoformat())
        return None
    return value.replace(microsecond=0)
