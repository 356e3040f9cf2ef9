"""Reading one JSON object with typed getters that collect every problem under the record's
path (``cases[2] (key "c-17").contacts[0].started_at: ...``), and the fields each record may
have."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from ..json_stream import duplicate_keys
from ..safe_echo import escape_for_terminal
from ..service import ValidationError
from ..validation import aware_datetime
from .common import MAX_PROBLEMS, ImportError_, keyed, one_line, show

SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class Problems:
    """The problems found so far (at most MAX_PROBLEMS), each "path: message" on one line."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(escape_for_terminal(f"{path}: {one_line(message)}", None))

    def raise_if_any(self) -> None:
        if self.items:
            first, more = self.items[0], len(self.items) - 1
            tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
            raise ImportError_(f"{first}{tail}", self.items)


MISSING = object()
TWICE = ("is given more than once in this object; a JSON object may name each member only "
          "once (which one was meant?)")


class Record:
    """One JSON object being read: typed getters that record problems under the object's path."""

    def __init__(self, obj: Mapping[str, Any], path: str, problems: Problems,
                 allowed: Sequence[str]) -> None:
        self.obj = obj
        self.path = path
        self.problems = problems
        for name in obj:
            if name not in allowed:
                problems.add(self.at(name), f"unknown field (known: {', '.join(allowed)})")
        for name in duplicate_keys(obj):
            problems.add(self.at(name), TWICE)

    def at(self, name: str) -> str:
        name = escape_for_terminal(name)  # a key of the file: shown escaped and cut at 80
        return f"{self.path}.{name}" if self.path else name

    def has(self, name: str) -> bool:
        return name in self.obj

    def bad(self, name: str, message: str) -> None:
        self.problems.add(self.at(name), message)

    def _get(self, name: str, required: bool) -> Any:
        if name not in self.obj or (required and self.obj[name] is None):
            if required:
                self.bad(name, "is required")
            return MISSING
        return self.obj[name]

    def text(self, name: str, *, required: bool = False) -> str | None:
        """None when absent (or invalid); "" for null."""
        v = self._get(name, required)
        if v is MISSING:
            return None
        if v is None:
            return ""
        if not isinstance(v, str):
            self.bad(name, f"{show(v)} must be text (a JSON string, in quotes)")
            return None
        if required and not v.strip():
            self.bad(name, "is required and may not be empty")
            return None
        return v

    def integer(self, name: str) -> int | None | object:
        """MISSING when absent or invalid; None for null."""
        v = self._get(name, False)
        if v is MISSING or v is None:
            return v
        if isinstance(v, bool) or not isinstance(v, int):
            self.bad(name, f"{show(v)} must be a whole number")
            return MISSING
        return v

    def day(self, name: str, *, required: bool = False) -> date | None | object:
        """MISSING when absent or invalid; None for null."""
        v = self._get(name, required)
        if v is MISSING or v is None:
            return v
        if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
            try:
                d = date.fromisoformat(v.strip())
            except ValueError:
                pass
            else:
                if 1990 <= d.year <= 2100:
                    return d
                self.bad(name, f"{show(v)} is outside the years 1990 to 2100")
                return MISSING
        self.bad(name, f"{show(v)} is not a valid date (YYYY-MM-DD)")
        return MISSING

    def moment(self, name: str, *, required: bool = False) -> datetime | None | object:
        """An aware datetime; MISSING when absent or invalid; None for null."""
        v = self._get(name, required)
        if v is MISSING or v is None:
            return v
        if not isinstance(v, str) or not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", v):
            self.bad(name, f"{show(v)} is not a valid ISO 8601 date-time with offset "
                           "(like 2026-03-02T10:15:00-08:00)")
            return MISSING
        try:
            dt = datetime.fromisoformat(v)
        except ValueError:
            self.bad(name, f"{show(v)} is not a valid ISO 8601 date-time with offset")
            return MISSING
        if dt.tzinfo is None or dt.utcoffset() is None:
            self.bad(name, f"{show(v)} has no UTC offset; write it like "
                           f"{dt.strftime('%Y-%m-%dT%H:%M:%S')}-08:00")
            return MISSING
        errs: dict[str, str] = {}
        checked = aware_datetime(dt, name, errs)
        if checked is None:
            self.bad(name, errs.get(name, "is not a valid date-time"))
            return MISSING
        return checked

    def array(self, name: str) -> list[Any] | None:
        v = self._get(name, False)
        if v is MISSING or v is None:
            return None
        if not isinstance(v, list):
            self.bad(name, f"must be a list (a JSON array), not {json_type(v)}")
            return None
        return v

    def record(self, name: str, allowed: Sequence[str]) -> Record | None:
        v = self._get(name, False)
        if v is MISSING or v is None:
            return None
        if not isinstance(v, dict):
            self.bad(name, f"must be an object, not {json_type(v)}")
            return None
        return Record(v, self.at(name), self.problems, allowed)


def json_type(v: Any) -> str:
    """How a message names the JSON type of ``v`` ("a number", "text", "a list"...)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, str):
        return "text"
    if isinstance(v, list):
        return "a list"
    return "an object"


def items_of(parent: Record, name: str) -> list[tuple[str, dict[str, Any]]]:
    """(path, object) for each element of an array of objects; non-objects are problems."""
    arr = parent.array(name)
    out: list[tuple[str, dict[str, Any]]] = []
    for i, item in enumerate(arr or ()):
        path = f"{parent.at(name)}[{i}]"
        if not isinstance(item, dict):
            parent.problems.add(path, f"must be an object, not {json_type(item)}")
            continue
        out.append((keyed(path, item.get("key")), item))
    return out


def service_errors(problems: Problems, path: str, exc: ValidationError,
                    rename: Mapping[str, str] | None = None) -> None:
    """The service's ValidationError as problems under ``path`` (its field names renamed to
    the file's by ``rename``, e.g. ``rep_name`` to ``representative.name``)."""
    for name, message in exc.errors.items():
        for old, new in (rename or {}).items():
            if name == old or name.startswith(old + "."):
                name = new + name[len(old):]
                break
        problems.add(f"{path}.{escape_for_terminal(name)}" if name else path, message)


# "chain": where the exporting journal's hash chain stood (read by verify, ignored by import)
TOP_FIELDS = ("format", "version", "profile", "organizations", "cases", "chain")
ORG_FIELDS = ("key", "name", "website", "address", "notes", "ticket_patterns", "channels")
CHANNEL_FIELDS = ("kind", "value", "label", "audience", "hours", "timezone", "verified_on",
            "verified_from")
CASE_FIELDS = ("key", "title", "organization", "issue_type", "role", "status", "opened_on", "summary",
         "desired_outcome", "amount_disputed", "currency", "fields", "contacts", "attachments",
         "escalations", "notes", "letters")
CONTACT_FIELDS = ("key", "started_at", "ended_at", "channel", "direction", "hold_minutes",
            "representative", "tickets", "summary", "outcome", "recorded_at", "promises",
            "attachments", "source", "capture_ref")
REP_FIELDS = ("name", "title", "id")
PROMISE_FIELDS = ("text", "business_days", "hours", "due_on", "due_at", "status")
ATTACHMENT_FIELDS = ("path", "caption", "original_name", "media_type", "size", "sha256",
                     "provenance")
ESCALATION_FIELDS = ("key", "requested_on", "level", "owner", "reference", "notes", "contact")
OWNER_FIELDS = ("name", "title")
NOTE_FIELDS = ("body", "created_at")
LETTER_FIELDS = ("kind", "body", "facts", "sent_on", "sent_channel", "contact")
# the members of a case that may follow its contacts in a case that is read as it streams
CASE_LATE = ("attachments", "escalations", "notes", "letters")


def key_of(rec: Record, seen: set[str]) -> str | None:
    """The record's usable key, not yet in ``seen`` (added to it); None after a problem."""
    key = rec.text("key", required=True)
    if key is None:
        return None
    if key != key.strip() or len(key) > 80 or any(not ch.isprintable() for ch in key):
        rec.bad("key", f"{show(key)} is not a usable key (at most 80 printable characters, "
                       "no surrounding spaces)")
        return None
    if key in seen:
        rec.bad("key", f"{show(key)} appears more than once")
        return None
    seen.add(key)
    return key
