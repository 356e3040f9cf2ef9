"""Canonical JSON and SHA-256 digests: the same value gives the same bytes on every machine.

Keys sorted, UTF-8, no insignificant white space, no floats (a float becomes its shortest exact
text, an integral one an integer), dates and decimals as text.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

__all__ = ["ZERO", "canonical_bytes", "digest", "plain"]

ZERO = "0" * 64  # the "previous digest" of the first record of a chain


_AS_IS = frozenset({str, int, bool, type(None)})


def plain(value: Any) -> Any:
    """``value`` with only str, int, bool, None, lists and str-keyed dicts in it."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): v if type(v) in _AS_IS else plain(v)
                for k, v in value.items()}
    if kind is list or kind is tuple:
        return [x if type(x) in _AS_IS else plain(x) for x in value]
    return _other(value)


def _other(value: Any) -> Any:
    if isinstance(value, (str, bool, int)):  # subclasses (IntEnum, str enums)
        return value if type(value) is bool else (str(value) if isinstance(value, str)
                                                  else int(value))
    if isinstance(value, float):
        return int(value) if value.is_integer() else repr(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [plain(x) for x in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)


def canonical_bytes(value: Any) -> bytes:
    """The canonical JSON of ``value`` as UTF-8 bytes."""
    return json.dumps(plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def digest(value: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical_bytes(value)).hexdigest()
