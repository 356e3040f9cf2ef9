"""JSON import and export of a journal (the format is documented in docs/journal-format.md).

Export writes one JSON document (UTF-8, indented, records in a stable order) plus a copy of
every exhibit in a folder ``<name>-files/`` beside it, each named by its SHA-256.

Import merges by key and is all-or-nothing. The file is read as a stream (``json_stream``,
ijson), so memory stays bounded however many contacts it holds:

1. pass 1 checks the whole file (UTF-8, JSON syntax, nothing after the document) and reads
   its top level but the cases; the profile and organizations are checked;
2. pass 2 reads the cases one at a time, inside ONE write transaction. A case the journal does
   not hold yet (the whole of a first import) is written as it is read, its contacts one at a
   time, in batches (``_NewRows``: bulk inserts of plain rows); a case the journal holds, or a
   case whose members are in an order that cannot be streamed, becomes a plan (``_Reader``);
3. when the whole file was read without a problem, the exhibit files are copied into the
   content-addressed store (by a few threads), the plans are merged record by record through
   the ORM (``_Writer``), and the exhibits' rows are written. Every row gets its change
   history, and only where something actually changed (importing a file twice changes
   nothing). Any problem at any step rolls the transaction back: nothing is written.

Keys given twice in one JSON object are refused (``json.loads`` would keep the last silently).
Any problem raises :class:`ImportError_` whose message is one line naming the record and the
field, e.g. ``cases[2] (key "c-17").contacts[0].started_at: ...``; nothing is written then.

Never imports Qt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import groupby
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session, selectinload

from . import deadlines as dl
from .history import jsonable as _jsonable
from .issue_types import ISSUE_TYPES, ROLES, fields_json_schema
from .json_stream import (
    STREAMED,
    DuplicateKeysDict,
    JsonFile,
    JsonFileError,
    StreamedObject,
    duplicate_keys,
    pairs_hook,
)
from .models import (
    Attachment,
    Case,
    Change,
    Channel,
    Contact,
    Escalation,
    Note,
    Organization,
    Promise,
    Setting,
    Ticket,
    utc_key,
    utc_now,
)
from .money import AMOUNT_PATTERN
from .records import (
    AUDIENCES,
    CHANNEL_KINDS,
    CHANNELS,
    CURRENCIES,
    DIRECTIONS,
    MAX_HOLD_MINUTES,
    MAX_LONG,
    PROMISE_STATUSES,
    STATUSES,
    CaseFilter,
    CaseInput,
    ChannelInput,
    ContactInput,
    EscalationInput,
    OrganizationInput,
    PromiseInput,
)
from .safe_echo import echo_path, escape_for_terminal
from .service import (
    JournalService,
    ValidationError,
    _aware,
    _clean,
    _match_promises,
    _promise_terms,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "PROFILE_KEYS",
    "ExportError",
    "ExportSummary",
    "ImportError_",
    "ImportSummary",
    "build_document",
    "export_journal",
    "import_document",
    "import_journal",
    "json_schema",
    "load_document",
    "schema_text",
]

FORMAT_NAME = "headway-journal"
FORMAT_VERSION = 1
PROFILE_KEYS = ("name", "address", "email", "phone")
MAX_PROBLEMS = 200

_EXTENSIONS = {
    "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
    "image/bmp": ".bmp", "image/tiff": ".tiff", "image/heic": ".heic", "image/heif": ".heif",
    "image/avif": ".avif", "application/pdf": ".pdf", "application/zip": ".zip",
    "application/rtf": ".rtf", "text/html": ".html", "text/plain": ".txt",
    "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm",
    "video/x-matroska": ".mkv", "video/x-msvideo": ".avi", "video/3gpp": ".3gp",
    "video/3gpp2": ".3g2",
}  # fmt: skip
_EXPORTED_FILE = re.compile(r"^[0-9a-f]{64}\.[a-z0-9]{1,5}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ImportError_(Exception):  # noqa: N801 - the trailing underscore avoids the builtin
    """The file cannot be imported; nothing was written.

    ``str(exc)`` is one line naming the first bad record and field; ``problems`` lists them all.
    """

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        self.problems = [escape_for_terminal(p, None) for p in problems] or [
            escape_for_terminal(_one_line(message), None)]
        super().__init__(escape_for_terminal(_one_line(message), None))


class ExportError(Exception):
    """The journal could not be exported (the message is a sentence for the user)."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _show(value: Any, limit: int = 60) -> str:
    """A value quoted for an error message: JSON spelling, one line, shortened."""
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    # JSON's \u001b as \x1b, like every other message (an escaped backslash stays as it is)
    shown = re.sub(r"(?<!\\)((?:\\\\)*)\\u00([01][0-9a-f])", r"\1\\x\2", shown)
    return escape_for_terminal(_one_line(shown), limit)


def _keyed(path: str, key: Any) -> str:
    return f'{path} (key {_show(key, 40)})' if isinstance(key, str) and key else path


# =============================================================================================
# Export
# =============================================================================================


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    files_dir: Path | None
    organizations: int
    cases: int
    contacts: int
    attachments: int

    def describe(self) -> str:
        where = f" (exhibit files in {self.files_dir})" if self.files_dir else ""
        return (f"Exported {self.cases} case{'s' if self.cases != 1 else ''}, "
                f"{self.contacts} contact{'s' if self.contacts != 1 else ''} and "
                f"{self.attachments} exhibit{'s' if self.attachments != 1 else ''} "
                f"to {self.path}{where}.")


def _iso_dt(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _iso_d(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _file_name(sha256: str, media_type: str) -> str:
    return sha256 + _EXTENSIONS.get(media_type, ".bin")


def build_document(svc: JournalService, files_dir_name: str
                   ) -> tuple[dict[str, Any], dict[str, str]]:
    """The export document, and {file name in the files folder: sha256} of the exhibits."""
    files: dict[str, str] = {}

    def attachment(a: Any) -> dict[str, Any]:
        name = _file_name(a.sha256, a.media_type)
        files[name] = a.sha256
        return {
            "path": f"{files_dir_name}/{name}",
            "caption": a.caption,
            "original_name": a.original_name,
            "media_type": a.media_type,
            "size": a.size,
            "sha256": a.sha256,
        }

    orgs = sorted(svc.organizations(), key=lambda o: o.key)
    organizations = [
        {
            "key": o.key, "name": o.name, "website": o.website, "address": o.address,
            "notes": o.notes,
            "channels": [
                {"kind": c.kind, "value": c.value, "label": c.label, "audience": c.audience,
                 "hours": c.hours, "timezone": c.timezone, "verified_on": _iso_d(c.verified_on),
                 "verified_from": c.verified_from}
                for c in o.channels
            ],
        }
        for o in orgs
    ]
    cases: list[dict[str, Any]] = []
    views = [svc.get_case(cid) for cid in svc.case_ids(CaseFilter(view="all"))]
    views.sort(key=lambda v: (v.opened_on, v.key))
    for cv in views:
        contact_keys = {ct.id: ct.key for ct in cv.contacts}
        contacts = []
        for ct in sorted(cv.contacts, key=lambda x: (utc_key(x.started_at), x.key)):
            promises = []
            for p in ct.promises:
                item: dict[str, Any] = {"text": p.text}
                if p.business_days is not None:
                    item["business_days"] = p.business_days
                elif p.hours is not None:
                    item["hours"] = p.hours
                item["due_on"] = p.due.due_on.isoformat()
                if p.due.due_at is not None:
                    item["due_at"] = _iso_dt(p.due.due_at)
                item["status"] = p.status
                promises.append(item)
            contacts.append({
                "key": ct.key,
                "started_at": _iso_dt(ct.started_at),
                "ended_at": _iso_dt(ct.ended_at),
                "channel": ct.channel,
                "direction": ct.direction,
                "hold_minutes": ct.hold_minutes,
                "representative": {"name": ct.rep_name, "title": ct.rep_title, "id": ct.rep_id},
                "tickets": list(ct.tickets),
                "summary": ct.summary,
                "outcome": ct.outcome,
                "recorded_at": _iso_dt(ct.recorded_at),
                "promises": promises,
                "attachments": [attachment(a) for a in sorted(ct.attachments, key=lambda a: a.id)],
            })
        registry = ISSUE_TYPES.get(cv.issue_type)
        order = [f.name for f in registry.fields] if registry else []
        field_names = [n for n in order if n in cv.fields] + sorted(set(cv.fields) - set(order))
        cases.append({
            "key": cv.key,
            "title": cv.title,
            "organization": cv.organization.key,
            "issue_type": cv.issue_type,
            "role": cv.role,
            "status": cv.status,
            "opened_on": cv.opened_on.isoformat(),
            "summary": cv.summary,
            "desired_outcome": cv.desired_outcome,
            "amount_disputed": None if cv.amount_disputed is None else str(cv.amount_disputed),
            "currency": cv.currency,
            "fields": {n: cv.fields[n] for n in field_names},
            "contacts": contacts,
            # exhibits of the case as a whole, and those of contacts since deleted (still live)
            "attachments": [attachment(a) for a in cv.attachments
                            if a.contact_id is None or a.contact_id not in contact_keys],
            "escalations": [
                {"key": e.key, "requested_on": e.requested_on.isoformat(), "level": e.level,
                 "owner": {"name": e.owner_name, "title": e.owner_title},
                 "reference": e.reference, "notes": e.notes,
                 "contact": contact_keys.get(e.contact_id) if e.contact_id else None}
                for e in sorted(cv.escalations, key=lambda e: (e.requested_on, e.key))
            ],
            "notes": [{"body": n.body, "created_at": _iso_dt(n.created_at)} for n in cv.notes],
        })
    profile = svc.profile()
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "profile": {k: profile.get(k, "") for k in PROFILE_KEYS},
        "organizations": organizations,
        "cases": cases,
    }
    return doc, files


def _fsync_dir(path: Path) -> None:
    with suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomic(dest: Path, write: Callable[[Any], None]) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(dest.parent)


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_exhibit(src: Path, dest: Path, sha256: str) -> None:
    """Copy a stored exhibit, checking its SHA-256 on the way (atomic; skipped if present)."""
    with suppress(OSError):
        if dest.is_file() and _sha256_of(dest) == sha256:
            return

    def write(out: Any) -> None:
        digest = hashlib.sha256()
        with open(src, "rb") as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha256:
            raise ExportError(
                f"The stored exhibit {sha256[:12]}… no longer matches its SHA-256; nothing was "
                "exported. Run 'headway-journal check' to see what is damaged."
            )

    try:
        _write_atomic(dest, write)
    except FileNotFoundError:
        raise ExportError(
            f"The stored exhibit {sha256[:12]}… is missing; nothing was exported. "
            "Run 'headway-journal check' to see what is damaged."
        ) from None


def export_journal(svc: JournalService, dest: str | os.PathLike[str]) -> ExportSummary:
    """Write the journal as JSON to ``dest`` and its exhibits to ``<dest stem>-files/``."""
    path = Path(dest).expanduser().absolute()
    if path.is_dir():
        raise ExportError(f"{echo_path(path)} is a folder; give a file name such as journal.json.")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {echo_path(path.parent)} does not exist.")
    files_dir = path.with_name(f"{path.stem}-files")
    doc, files = build_document(svc, files_dir.name)
    if files:
        files_dir.mkdir(mode=0o700, exist_ok=True)
        for name, sha in sorted(files.items()):
            _copy_exhibit(Path(svc.store.path_for(sha)), files_dir / name, sha)
        # Exhibits exported earlier but no longer in the journal would mislead: remove them
        # (only files named like ours, in our own folder).
        for entry in files_dir.iterdir():
            if _EXPORTED_FILE.match(entry.name) and entry.name not in files and entry.is_file():
                with suppress(OSError):
                    entry.unlink()
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _write_atomic(path, lambda fh: fh.write(data))
    cases = doc["cases"]
    return ExportSummary(
        path=path, files_dir=files_dir if files else None,
        organizations=len(doc["organizations"]), cases=len(cases),
        contacts=sum(len(c["contacts"]) for c in cases),
        attachments=sum(len(c["attachments"]) + sum(len(t["attachments"]) for t in c["contacts"])
                        for c in cases),
    )


# =============================================================================================
# Import: reading the document
# =============================================================================================


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(escape_for_terminal(f"{path}: {_one_line(message)}", None))

    def raise_if_any(self) -> None:
        if self.items:
            first, more = self.items[0], len(self.items) - 1
            tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
            raise ImportError_(f"{first}{tail}", self.items)


_MISSING = object()
_TWICE = ("is given more than once in this object; a JSON object may name each member only "
          "once (which one was meant?)")


class _Rec:
    """One JSON object being read: typed getters that record problems under the object's path."""

    def __init__(self, obj: Mapping[str, Any], path: str, problems: _Problems,
                 allowed: Sequence[str]) -> None:
        self.obj = obj
        self.path = path
        self.problems = problems
        for name in obj:
            if name not in allowed:
                problems.add(self.at(name), f"unknown field (known: {', '.join(allowed)})")
        for name in duplicate_keys(obj):
            problems.add(self.at(name), _TWICE)

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
            return _MISSING
        return self.obj[name]

    def text(self, name: str, *, required: bool = False) -> str | None:
        """None when absent (or invalid); "" for null."""
        v = self._get(name, required)
        if v is _MISSING:
            return None
        if v is None:
            return ""
        if not isinstance(v, str):
            self.bad(name, f"{_show(v)} must be text (a JSON string, in quotes)")
            return None
        if required and not v.strip():
            self.bad(name, "is required and may not be empty")
            return None
        return v

    def integer(self, name: str) -> int | None | object:
        """_MISSING when absent or invalid; None for null."""
        v = self._get(name, False)
        if v is _MISSING or v is None:
            return v
        if isinstance(v, bool) or not isinstance(v, int):
            self.bad(name, f"{_show(v)} must be a whole number")
            return _MISSING
        return v

    def day(self, name: str, *, required: bool = False) -> date | None | object:
        """_MISSING when absent or invalid; None for null."""
        v = self._get(name, required)
        if v is _MISSING or v is None:
            return v
        if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
            try:
                d = date.fromisoformat(v.strip())
            except ValueError:
                pass
            else:
                if 1990 <= d.year <= 2100:
                    return d
                self.bad(name, f"{_show(v)} is outside the years 1990 to 2100")
                return _MISSING
        self.bad(name, f"{_show(v)} is not a valid date (YYYY-MM-DD)")
        return _MISSING

    def moment(self, name: str, *, required: bool = False) -> datetime | None | object:
        """An aware datetime; _MISSING when absent or invalid; None for null."""
        v = self._get(name, required)
        if v is _MISSING or v is None:
            return v
        if not isinstance(v, str) or not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", v):
            self.bad(name, f"{_show(v)} is not a valid ISO 8601 date-time with offset "
                           "(like 2026-03-02T10:15:00-08:00)")
            return _MISSING
        try:
            dt = datetime.fromisoformat(v)
        except ValueError:
            self.bad(name, f"{_show(v)} is not a valid ISO 8601 date-time with offset")
            return _MISSING
        if dt.tzinfo is None or dt.utcoffset() is None:
            self.bad(name, f"{_show(v)} has no UTC offset; write it like "
                           f"{dt.strftime('%Y-%m-%dT%H:%M:%S')}-08:00")
            return _MISSING
        errs: dict[str, str] = {}
        checked = _aware(dt, name, errs)
        if checked is None:
            self.bad(name, errs.get(name, "is not a valid date-time"))
            return _MISSING
        return checked

    def array(self, name: str) -> list[Any] | None:
        v = self._get(name, False)
        if v is _MISSING or v is None:
            return None
        if not isinstance(v, list):
            self.bad(name, f"must be a list (a JSON array), not {_json_type(v)}")
            return None
        return v

    def record(self, name: str, allowed: Sequence[str]) -> _Rec | None:
        v = self._get(name, False)
        if v is _MISSING or v is None:
            return None
        if not isinstance(v, dict):
            self.bad(name, f"must be an object, not {_json_type(v)}")
            return None
        return _Rec(v, self.at(name), self.problems, allowed)


def _json_type(v: Any) -> str:
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


def _items(parent: _Rec, name: str) -> list[tuple[str, dict[str, Any]]]:
    """(path, object) for each element of an array of objects; non-objects are problems."""
    arr = parent.array(name)
    out: list[tuple[str, dict[str, Any]]] = []
    for i, item in enumerate(arr or ()):
        path = f"{parent.at(name)}[{i}]"
        if not isinstance(item, dict):
            parent.problems.add(path, f"must be an object, not {_json_type(item)}")
            continue
        out.append((_keyed(path, item.get("key")), item))
    return out


def _service_errors(problems: _Problems, path: str, exc: ValidationError,
                    rename: Mapping[str, str] | None = None) -> None:
    for name, message in exc.errors.items():
        for old, new in (rename or {}).items():
            if name == old or name.startswith(old + "."):
                name = new + name[len(old):]
                break
        problems.add(f"{path}.{escape_for_terminal(name)}" if name else path, message)


# --- plan records (what the file says, validated) -------------------------------------------


@dataclass
class _OrgPlan:
    path: str
    key: str
    values: dict[str, str]
    channels: list[dict[str, Any]] | None  # None: the file left them out; keep the journal's


@dataclass
class _AttachmentPlan:
    path: str
    file: Path
    caption: str
    original_name: str
    sha256: str | None
    size: int | None
    contact_key: str | None
    stored: Future[Any] | None = None  # adding the file to the store
    blob: Any = None  # what the store made of it


@dataclass
class _PromisePlan:
    data: PromiseInput  # status "pending" also when the file gives none: see _Writer.promises


@dataclass
class _ContactPlan:
    path: str
    key: str
    values: dict[str, Any]
    tickets: list[str]
    promises: list[_PromisePlan]
    recorded_at: datetime | None


@dataclass
class _EscalationPlan:
    path: str
    data: EscalationInput
    contact_key: str | None


@dataclass
class _CasePlan:
    path: str
    key: str
    org_key: str
    values: dict[str, Any]
    contacts: list[_ContactPlan] = field(default_factory=list)
    escalations: list[_EscalationPlan] = field(default_factory=list)
    notes: list[tuple[str, datetime | None]] = field(default_factory=list)
    attachments: list[_AttachmentPlan] = field(default_factory=list)


_TOP = ("format", "version", "profile", "organizations", "cases")
_ORG = ("key", "name", "website", "address", "notes", "channels")
_CHANNEL = ("kind", "value", "label", "audience", "hours", "timezone", "verified_on",
            "verified_from")
_CASE = ("key", "title", "organization", "issue_type", "role", "status", "opened_on", "summary",
         "desired_outcome", "amount_disputed", "currency", "fields", "contacts", "attachments",
         "escalations", "notes")
_CONTACT = ("key", "started_at", "ended_at", "channel", "direction", "hold_minutes",
            "representative", "tickets", "summary", "outcome", "recorded_at", "promises",
            "attachments")
_REP = ("name", "title", "id")
_PROMISE = ("text", "business_days", "hours", "due_on", "due_at", "status")
_ATTACHMENT = ("path", "caption", "original_name", "media_type", "size", "sha256")
_ESCALATION = ("key", "requested_on", "level", "owner", "reference", "notes", "contact")
_OWNER = ("name", "title")
_NOTE = ("body", "created_at")
# the members of a case that may follow its contacts in a case that is read as it streams
_CASE_LATE = ("attachments", "escalations", "notes")


def _key_of(rec: _Rec, seen: set[str]) -> str | None:
    key = rec.text("key", required=True)
    if key is None:
        return None
    if key != key.strip() or len(key) > 80 or any(not ch.isprintable() for ch in key):
        rec.bad("key", f"{_show(key)} is not a usable key (at most 80 printable characters, "
                       "no surrounding spaces)")
        return None
    if key in seen:
        rec.bad("key", f"{_show(key)} appears more than once")
        return None
    seen.add(key)
    return key


class _Reader:
    """Turns the document into a validated plan, reading the journal's current rows as bases."""

    def __init__(self, svc: JournalService, s: Session, base_dir: Path) -> None:
        self.svc = svc
        self.s = s
        self.base_dir = base_dir
        self.base_real = base_dir.resolve()
        self.problems = _Problems()
        self.max_bytes: int = int(svc.store.max_bytes)
        # The journal's keys, read once: most records of a large file are new, and those need
        # no query at all.
        self.case_ids: dict[str, int] = {k: i for k, i in s.execute(select(Case.key, Case.id))}
        self.org_keys: set[str] = set(s.scalars(select(Organization.key)))

    # top level

    def read_top(self, doc: Any) -> tuple[dict[str, str] | None, list[_OrgPlan]]:
        """The document's top level (the cases are read by ``read_case_stream``)."""
        p = self.problems
        if not isinstance(doc, dict):
            p.add("(document)", f"must be a JSON object, not {_json_type(doc)}")
            p.raise_if_any()
        fmt = doc.get("format")
        if fmt != FORMAT_NAME:
            p.add("format", f"{_show(fmt)} is not {_show(FORMAT_NAME)}: this is not a Headway "
                            "Journal file" if "format" in doc else "is required")
        version = doc.get("version")
        if "version" not in doc:
            p.add("version", "is required")
        elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
            p.add("version", f"{_show(version)} is not a format version (a whole number)")
        elif version > FORMAT_VERSION:
            p.add("version", f"this file is format version {version}, newer than this version "
                             f"of Headway Journal understands ({FORMAT_VERSION}); update the app "
                             "to import it")
        p.raise_if_any()  # nothing else is worth checking in a file we cannot read
        top = _Rec(doc, "", p, _TOP)
        cases = doc.get("cases")
        if cases is not None and cases is not STREAMED and not isinstance(cases, list):
            top.bad("cases", f"must be a list (a JSON array), not {_json_type(cases)}")
        profile = self.read_profile(doc)
        orgs = self.read_orgs(top)
        p.raise_if_any()
        return profile, orgs

    def read_profile(self, doc: Mapping[str, Any]) -> dict[str, str] | None:
        if "profile" not in doc or doc["profile"] is None:
            return None
        if not isinstance(doc["profile"], dict):
            self.problems.add("profile", f"must be an object, not {_json_type(doc['profile'])}")
            return None
        rec = _Rec(doc["profile"], "profile", self.problems, PROFILE_KEYS)
        out: dict[str, str] = {}
        for k in PROFILE_KEYS:
            v = rec.text(k)
            if v is not None:
                errs: dict[str, str] = {}
                out[k] = _clean(v, k, errs)
                for name, msg in errs.items():
                    rec.bad(name, msg)
        return out

    # organizations

    def read_orgs(self, top: _Rec) -> list[_OrgPlan]:
        out: list[_OrgPlan] = []
        seen: set[str] = set()
        for path, obj in _items(top, "organizations"):
            rec = _Rec(obj, path, self.problems, _ORG)
            key = _key_of(rec, seen)
            if key is None:
                continue
            existing = None
            if key in self.org_keys:
                existing = self.s.scalar(select(Organization).where(Organization.key == key)
                                         .options(selectinload(Organization.channels)))
            data = OrganizationInput(name="", key=key)
            if existing is not None:
                data = OrganizationInput(
                    name=existing.name, website=existing.website, address=existing.address,
                    notes=existing.notes, key=key,
                    channels=[ChannelInput(c.kind, c.value, c.label, c.audience, c.hours,
                                           c.timezone, c.verified_on, c.verified_from)
                              for c in existing.channels])
            for name in ("name", "website", "address", "notes"):
                v = rec.text(name)
                if v is not None:
                    setattr(data, name, v)
            channels_given = rec.array("channels") is not None
            if channels_given:
                data.channels = []
                for cpath, cobj in _items(rec, "channels"):
                    data.channels.append(self.read_channel(_Rec(cobj, cpath, self.problems,
                                                                _CHANNEL)))
            try:
                values, channels = self.svc._validate_organization(data)
            except ValidationError as exc:
                _service_errors(self.problems, path, exc)
                continue
            out.append(_OrgPlan(path, key, values,
                                channels if channels_given or existing is None else None))
        return out

    def read_channel(self, rec: _Rec) -> ChannelInput:
        ch = ChannelInput(kind=rec.text("kind", required=True) or "",
                          value=rec.text("value", required=True) or "")
        for name in ("label", "audience", "hours", "timezone", "verified_from"):
            v = rec.text(name)
            if v is not None:
                setattr(ch, name, v or ("any" if name == "audience" else ""))
        verified = rec.day("verified_on")
        if isinstance(verified, date):
            ch.verified_on = verified
        return ch

    # cases

    def read_case_stream(self, cases: Iterable[Any], org_keys: set[str], out: _ImportTarget
                         ) -> None:
        """Read the cases one by one: new ones that can be streamed are written as they are
        read (``stream_new_case``); the others become plans in ``out.later``."""
        seen: set[str] = set()
        for i, item in enumerate(cases):
            path = f"cases[{i}]"
            if not isinstance(item, StreamedObject):
                self.problems.add(path, f"must be an object, not {_json_type(item)}")
                continue
            key = item.head.get("key")
            if item.streamable and isinstance(key, str) and key not in self.case_ids:
                self.stream_new_case(item, path, seen, org_keys, out)
                continue
            obj = item.materialize()
            rec = _Rec(obj, _keyed(path, obj.get("key")), self.problems, _CASE)
            key = _key_of(rec, seen)
            plan = self.read_case(rec, key, org_keys) if key is not None else None
            if plan is not None:
                out.later.append(plan)

    def stream_new_case(self, item: StreamedObject, path: str, seen: set[str],
                        org_keys: set[str], out: _ImportTarget) -> None:
        """A case new to the journal, its contacts read and written one at a time."""
        head = item.head
        rec = _Rec(head, _keyed(path, head.get("key")), self.problems, _CASE)
        key = _key_of(rec, seen)
        if key is None:
            return
        rows = out.new_rows
        values, org_key = self.case_values(rec, key, org_keys, None)
        case_id = rows.reserve_case_id()
        org_id = out.org_ids.get(org_key or "")
        if not self.problems.items and org_id is not None:
            rows.case_row(case_id, key, values, org_id)
        contact_ids: dict[str, int] = {}
        contact_keys: set[str] = set()
        contacts_path = rec.at("contacts")
        for j, obj in enumerate(item.elements()):
            cpath = f"{contacts_path}[{j}]"
            if not isinstance(obj, dict):
                self.problems.add(cpath, f"must be an object, not {_json_type(obj)}")
                continue
            crec = _Rec(obj, _keyed(cpath, obj.get("key")), self.problems, _CONTACT)
            ckey = _key_of(crec, contact_keys)
            if ckey is None:
                continue
            contact = self.read_contact(crec, ckey, None)
            atts = [a for apath, aobj in _items(crec, "attachments")
                    if (a := self.read_attachment(_Rec(aobj, apath, self.problems, _ATTACHMENT),
                                                  ckey)) is not None]
            if contact is not None and not self.problems.items:
                contact_ids[ckey] = cid = rows.contact(case_id, contact)
                started = contact.values.get("started_at")
                if isinstance(started, datetime) and head.get("opened_on") is None:
                    rows.open_since(case_id, started.date())
                out.attachments.extend((case_id, a, cid) for a in atts)
        tail = item.tail()
        _Rec(tail, rec.path, self.problems, _CASE)  # (reports keys given twice)
        rest = _Rec({**{k: v for k, v in head.items() if k in _CASE_LATE}, **tail}, rec.path,
                    self.problems, _CASE)
        plan = _CasePlan(rec.path, key, org_key or "", values)
        for apath, aobj in _items(rest, "attachments"):
            att = self.read_attachment(_Rec(aobj, apath, self.problems, _ATTACHMENT), None)
            if att is not None:
                out.attachments.append((case_id, att, None))
        self.read_escalations(rest, plan, None, contact_keys)
        self.read_notes(rest, plan)
        if not self.problems.items:
            rows.escalations(case_id, plan.escalations, contact_ids)
            rows.notes(case_id, plan.notes)

    def read_case(self, rec: _Rec, key: str, org_keys: set[str]) -> _CasePlan | None:
        case_id = self.case_ids.get(key)
        existing = None if case_id is None else self.s.get(Case, case_id)
        values, org_key = self.case_values(rec, key, org_keys, existing)
        plan = _CasePlan(rec.path, key, org_key or "", values)
        self.read_case_children(rec, plan, existing)
        return plan

    def case_values(self, rec: _Rec, key: str, org_keys: set[str], existing: Case | None
                    ) -> tuple[dict[str, Any], str | None]:
        """The case's own values (validated; {} after a problem) and its organization's key."""
        data = CaseInput(title="", organization_id=0, issue_type="", role="", key=key)
        if existing is not None:
            data = CaseInput(
                title=existing.title, organization_id=0, issue_type=existing.issue_type,
                role=existing.role, status=existing.status, opened_on=existing.opened_on,
                summary=existing.summary, desired_outcome=existing.desired_outcome,
                amount_disputed=None if existing.amount_disputed is None
                else str(existing.amount_disputed),
                currency=existing.currency, fields=dict(existing.fields or {}), key=key)
        for name in ("title", "issue_type", "role", "status", "summary", "desired_outcome",
                     "currency"):
            v = rec.text(name, required=name in ("title", "issue_type", "role"))
            if v is not None:
                setattr(data, name, v)
        if rec.has("status") and rec.obj["status"] is None:
            data.status = "open"
        if rec.has("currency") and not rec.obj["currency"]:
            data.currency = "USD"
        org_key = rec.text("organization", required=True)
        if org_key is not None and org_key not in org_keys and org_key not in self.org_keys:
            rec.bad("organization", f"there is no organization with key {_show(org_key)} in the "
                                    "file or in the journal")
        opened = rec.day("opened_on")
        if isinstance(opened, date):
            data.opened_on = opened
        elif opened is None and existing is None:
            data.opened_on = None
        if rec.has("amount_disputed"):
            amount = rec.obj["amount_disputed"]
            if amount is None or isinstance(amount, str):
                data.amount_disputed = amount
            else:
                rec.bad("amount_disputed", f"{_show(amount)} must be a decimal amount written as "
                                           'text, like "150.00"')
        if rec.has("fields"):
            f = rec.obj["fields"]
            if f is None:
                data.fields = {}
            elif not isinstance(f, dict):
                rec.bad("fields", f"must be an object, not {_json_type(f)}")
            else:
                for name in duplicate_keys(f):
                    self.problems.add(f"{rec.at('fields')}.{escape_for_terminal(name)}",
                                      _TWICE)
                data.fields = dict(f)
        values: dict[str, Any] | None = None
        try:
            values = self.svc._validate_case(data)
        except ValidationError as exc:
            _service_errors(self.problems, rec.path, exc)
        if values is None or org_key is None:
            # Keep reading the case's children so every problem is reported at once.
            values = {}
        return values, org_key

    def read_case_children(self, rec: _Rec, plan: _CasePlan, existing: Case | None) -> None:
        existing_contacts: dict[str, Contact] = {}
        if existing is not None:
            existing_contacts = {
                c.key: c for c in self.s.scalars(
                    select(Contact).where(Contact.case_id == existing.id)
                    .options(selectinload(Contact.tickets), selectinload(Contact.promises)))
            }
        seen: set[str] = set()
        for cpath, cobj in _items(rec, "contacts"):
            crec = _Rec(cobj, cpath, self.problems, _CONTACT)
            ckey = _key_of(crec, seen)
            if ckey is None:
                continue
            contact = self.read_contact(crec, ckey, existing_contacts.get(ckey))
            if contact is not None:
                plan.contacts.append(contact)
            for apath, aobj in _items(crec, "attachments"):
                att = self.read_attachment(_Rec(aobj, apath, self.problems, _ATTACHMENT), ckey)
                if att is not None:
                    plan.attachments.append(att)
        for apath, aobj in _items(rec, "attachments"):
            att = self.read_attachment(_Rec(aobj, apath, self.problems, _ATTACHMENT), None)
            if att is not None:
                plan.attachments.append(att)
        values = plan.values
        if existing is None and rec.obj.get("opened_on") is None and "opened_on" in values:
            # no opening date given: the case is open since its first contact (or today)
            days = [c.values["started_at"].date() for c in plan.contacts
                    if isinstance(c.values.get("started_at"), datetime)]
            values["opened_on"] = min([values["opened_on"], *days])
        contact_keys = seen | set(existing_contacts)
        self.read_escalations(rec, plan, existing, contact_keys)
        self.read_notes(rec, plan)

    def read_contact(self, rec: _Rec, key: str, existing: Contact | None) -> _ContactPlan | None:
        data = ContactInput(started_at=None, channel="", key=key)  # type: ignore[arg-type]
        if existing is not None:
            data = ContactInput(
                started_at=existing.started_at, ended_at=existing.ended_at,
                channel=existing.channel, direction=existing.direction,
                hold_minutes=existing.hold_minutes, rep_name=existing.rep_name,
                rep_title=existing.rep_title, rep_id=existing.rep_id,
                tickets=[t.number for t in existing.tickets], summary=existing.summary,
                outcome=existing.outcome, key=key,
                promises=[PromiseInput(p.text, p.business_days, p.hours, p.due_on, p.status)
                          for p in existing.promises])
        started = rec.moment("started_at", required=True)
        started_ok = isinstance(started, datetime)
        if started_ok:
            data.started_at = started  # type: ignore[assignment]
        ended = rec.moment("ended_at")
        if ended is None or isinstance(ended, datetime):
            data.ended_at = ended
        for name in ("channel", "direction", "summary", "outcome"):
            v = rec.text(name, required=name == "channel")
            if v is not None:
                setattr(data, name, v)
        if rec.has("direction") and rec.obj["direction"] is None:
            data.direction = "outbound"
        hold = rec.integer("hold_minutes")
        if hold is None:
            data.hold_minutes = 0
        elif isinstance(hold, int):
            data.hold_minutes = hold
        rep = rec.record("representative", _REP)
        if rep is not None:
            for name in _REP:
                v = rep.text(name)
                if v is not None:
                    setattr(data, f"rep_{name}", v)
        elif rec.has("representative"):
            data.rep_name = data.rep_title = data.rep_id = ""
        tickets = rec.array("tickets")
        if tickets is not None:
            data.tickets = []
            for i, t in enumerate(tickets):
                if isinstance(t, str):
                    data.tickets.append(t)
                else:
                    self.problems.add(f"{rec.at('tickets')}[{i}]",
                                      f"{_show(t)} must be text (a JSON string, in quotes)")
        elif rec.has("tickets"):
            data.tickets = []
        recorded = rec.moment("recorded_at")
        promise_terms: list[str] = []
        plans: list[_PromisePlan] | None = None
        if rec.has("promises"):
            plans = []
            data.promises = []
            for ppath, pobj in _items(rec, "promises"):
                prec = _Rec(pobj, ppath, self.problems, _PROMISE)
                plan, term = self.read_promise(prec)
                plans.append(plan)
                promise_terms.append(term)
                data.promises.append(plan.data)
        if not started_ok:
            return None
        try:
            values, tickets_clean, promises, _esc = self.svc._validate_contact(data)
        except ValidationError as exc:
            rename = {"rep_name": "representative.name", "rep_title": "representative.title",
                      "rep_id": "representative.id"}
            for i, term in enumerate(promise_terms):
                rename[f"promises[{i}].due"] = f"promises[{i}].{term}"
            _service_errors(self.problems, rec.path, exc, rename)
            return None
        if plans is None:
            plans = [_PromisePlan(p) for p in promises]
        else:
            plans = [replace(pl, data=p) for pl, p in zip(plans, promises, strict=True)]
        return _ContactPlan(rec.path, key, values, tickets_clean, plans,
                            recorded if isinstance(recorded, datetime) else None)

    def read_promise(self, rec: _Rec) -> tuple[_PromisePlan, str]:
        text = rec.text("text", required=True) or ""
        bd = rec.integer("business_days")
        hours = rec.integer("hours")
        due_on = rec.day("due_on")
        rec.moment("due_at")  # computed by export; only its spelling is checked
        status = rec.text("status")
        p = PromiseInput(text=text, status=status or "pending")
        if isinstance(bd, int):
            p.business_days = bd
        if isinstance(hours, int):
            p.hours = hours
        if p.business_days is None and p.hours is None and isinstance(due_on, date):
            p.due_on = due_on  # with business days or hours, due_on is the computed deadline
        given = [n for n in ("business_days", "hours", "due_on") if rec.obj.get(n) is not None]
        term = given[0] if given else "business_days|hours|due_on"
        return _PromisePlan(p), term

    def read_attachment(self, rec: _Rec, contact_key: str | None) -> _AttachmentPlan | None:
        raw = rec.text("path", required=True)
        caption = rec.text("caption") or ""
        original = rec.text("original_name")
        sha = rec.text("sha256")
        size = rec.integer("size")
        rec.text("media_type")  # informational: the type is detected from the content
        if sha is not None and sha != "" and not _SHA256.match(sha):
            rec.bad("sha256", f"{_show(sha)} is not a SHA-256 digest (64 lowercase hex digits)")
        errs: dict[str, str] = {}
        caption = _clean(caption, "caption", errs, limit=2000)
        for name, msg in errs.items():
            rec.bad(name, msg)
        if raw is None:
            return None
        file = self.resolve_file(rec, raw)
        if file is None:
            return None
        return _AttachmentPlan(rec.path, file, caption, original or file.name, sha or None,
                               size if isinstance(size, int) else None, contact_key)

    def resolve_file(self, rec: _Rec, raw: str) -> Path | None:
        """A path relative to the JSON file's folder that stays inside it, to a regular file."""
        shown = _show(raw)
        if "\x00" in raw:
            rec.bad("path", f"{shown} is not a usable path")
            return None
        if (PurePosixPath(raw).is_absolute() or PureWindowsPath(raw).is_absolute()
                or raw.startswith(("\\", "~")) or PureWindowsPath(raw).drive):
            rec.bad("path", f"{shown} is absolute; give a path relative to the JSON file's folder")
            return None
        parts = re.split(r"[/\\]", raw)
        if ".." in parts:
            rec.bad("path", f"{shown} contains '..'; exhibits must be inside the JSON file's folder")
            return None
        candidate = self.base_dir.joinpath(*[x for x in parts if x not in ("", ".")])
        try:
            real = candidate.resolve(strict=False)
        except (OSError, RuntimeError):
            rec.bad("path", f"{shown} cannot be resolved (a symbolic link loop?)")
            return None
        if not real.is_relative_to(self.base_real):
            rec.bad("path", f"{shown} leads outside the JSON file's folder (through a symbolic "
                            "link); copy the file into the folder instead")
            return None
        try:
            st = real.stat()
        except FileNotFoundError:
            rec.bad("path", f"{shown}: no such file beside the JSON file")
            return None
        except OSError as exc:
            rec.bad("path", f"{shown} cannot be read ({exc.strerror})")
            return None
        if not real.is_file():
            rec.bad("path", f"{shown} is not a regular file")
            return None
        if st.st_size == 0:
            rec.bad("path", f"{shown} is empty (0 bytes)")
            return None
        if st.st_size > self.max_bytes:
            rec.bad("path", f"{shown} is larger than the {self.max_bytes // (1024 * 1024)} MB "
                            "limit for attachments")
            return None
        return real

    def read_escalations(self, rec: _Rec, plan: _CasePlan, case: Case | None,
                         contact_keys: set[str]) -> None:
        existing: dict[str, Escalation] = {}
        if case is not None:
            existing = {e.key: e for e in self.s.scalars(
                select(Escalation).where(Escalation.case_id == case.id))}
        seen: set[str] = set()
        for path, obj in _items(rec, "escalations"):
            erec = _Rec(obj, path, self.problems, _ESCALATION)
            key = _key_of(erec, seen)
            if key is None:
                continue
            old = existing.get(key)
            data = EscalationInput(requested_on=date.today(), key=key)  # placeholder
            contact_key: str | None = None
            if old is not None:
                data = EscalationInput(old.requested_on, old.level, old.owner_name,
                                       old.owner_title, old.reference, old.notes, key)
            requested = erec.day("requested_on", required=True)
            if isinstance(requested, date):
                data.requested_on = requested
            for name in ("level", "reference", "notes"):
                v = erec.text(name)
                if v is not None:
                    setattr(data, name, v)
            owner = erec.record("owner", _OWNER)
            if owner is not None:
                for name in _OWNER:
                    v = owner.text(name)
                    if v is not None:
                        setattr(data, f"owner_{name}", v)
            ck = erec.text("contact")
            if ck:
                if ck not in contact_keys:
                    erec.bad("contact", f"there is no contact with key {_show(ck)} in this case")
                contact_key = ck
            elif old is not None and ck is None and old.contact_id is not None:
                contact_key = self.s.scalar(select(Contact.key).where(
                    Contact.id == old.contact_id))
            errors: dict[str, str] = {}
            clean = self.svc._clean_escalation(data, errors, "")
            if errors:
                rename = {"owner_name": "owner.name", "owner_title": "owner.title"}
                _service_errors(self.problems, path, ValidationError(errors), rename)
                continue
            if isinstance(requested, date):
                plan.escalations.append(_EscalationPlan(path, clean, contact_key))

    def read_notes(self, rec: _Rec, plan: _CasePlan) -> None:
        for i, item in enumerate(rec.array("notes") or ()):
            path = f"{rec.at('notes')}[{i}]"
            created: datetime | None = None
            if isinstance(item, str):
                body: str | None = item
            elif isinstance(item, dict):
                nrec = _Rec(item, path, self.problems, _NOTE)
                body = nrec.text("body", required=True)
                when = nrec.moment("created_at")
                created = when if isinstance(when, datetime) else None
            else:
                self.problems.add(path, f"must be text or an object, not {_json_type(item)}")
                continue
            if body is None:
                continue
            errs: dict[str, str] = {}
            clean = _clean(body, "body", errs, limit=MAX_LONG, required=True, label="The note")
            if errs:
                self.problems.add(path if isinstance(item, str) else f"{path}.body",
                                  errs["body"])
                continue
            plan.notes.append((clean, created))


# =============================================================================================
# Import: writing
# =============================================================================================


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, kind: str) -> None:
        target = self.created if what == "created" else self.updated
        target[kind] = target.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def describe(self) -> str:
        if not self.changed:
            return "Nothing to import: the journal already holds everything in the file."

        def words(d: dict[str, int]) -> str:
            return ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(d.items()))

        parts = []
        if self.created:
            parts.append(f"added {words(self.created)}")
        if self.updated:
            parts.append(f"updated {words(self.updated)}")
        text = "; ".join(parts)
        return f"Imported: {text}."


def _created(after: Mapping[str, Any]) -> dict[str, Any]:
    """``_changes({}, after)``, faster: the history of a new record."""
    out: dict[str, Any] = {}
    for k, new in after.items():
        if new is None:
            continue
        out[k] = [None, new if isinstance(new, (str, int)) else _jsonable(new)]
    return out


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Like the service's history diff, but a changed UTC offset counts as a change."""
    out: dict[str, Any] = {}
    for k, new in after.items():
        old, new_j = _jsonable(before.get(k)), _jsonable(new)
        if old != new_j:
            out[k] = [old, new_j]
    return out


def _terms_of(p: Promise | PromiseInput) -> tuple[str, int | None, int | None, date | None]:
    return (p.text, p.business_days, p.hours, p.due_on)


def _channel_row(c: Channel) -> dict[str, Any]:
    return {"kind": c.kind, "value": c.value, "label": c.label, "audience": c.audience,
            "hours": c.hours, "timezone": c.timezone, "verified_on": c.verified_on,
            "verified_from": c.verified_from}


class _Writer:
    def __init__(self, svc: JournalService, s: Session, summary: ImportSummary) -> None:
        self.svc = svc
        self.s = s
        self.summary = summary

    def log(self, entity: str, entity_id: int, case_id: int | None, action: str,
            changes: dict[str, Any]) -> None:
        self.svc._log(self.s, entity, entity_id, case_id, action, changes)

    def profile(self, values: Mapping[str, str]) -> None:
        changed = False
        for k, v in values.items():
            row = self.s.get(Setting, f"profile.{k}")
            if row is None:
                if v:
                    self.s.add(Setting(key=f"profile.{k}", value=v))
                    changed = True
            elif row.value != v:
                row.value = v
                changed = True
        if changed:
            self.summary.count("updated", "profile")

    def organization(self, plan: _OrgPlan) -> int:
        s = self.s
        org = s.scalar(select(Organization).where(Organization.key == plan.key)
                       .options(selectinload(Organization.channels)))
        channels = plan.channels or []
        if org is None:
            org = Organization(key=plan.key, **plan.values)
            org.channels = [Channel(position=i, **v) for i, v in enumerate(channels)]
            s.add(org)
            s.flush()
            self.log("organization", org.id, None, "create",
                     _changes({}, {**plan.values, "channels": channels}))
            self.summary.count("created", "organization")
            return org.id
        before: dict[str, Any] = {k: getattr(org, k) for k in plan.values}
        before["channels"] = [_channel_row(c) for c in org.channels]
        after: dict[str, Any] = dict(plan.values)
        after["channels"] = plan.channels if plan.channels is not None else before["channels"]
        changes = _changes(before, after)
        if not changes:
            return org.id
        for k, v in plan.values.items():
            setattr(org, k, v)
        if "channels" in changes:
            org.channels.clear()
            s.flush()
            for i, values in enumerate(channels):
                org.channels.append(Channel(position=i, **values))
        s.flush()
        self.log("organization", org.id, None, "update", changes)
        self.summary.count("updated", "organization")
        return org.id

    def case(self, plan: _CasePlan, org_id: int) -> Case:
        s = self.s
        values = dict(plan.values)
        values["organization_id"] = org_id
        c = s.scalar(select(Case).where(Case.key == plan.key))
        if c is None:
            c = Case(key=plan.key, **values)
            s.add(c)
            s.flush()
            self.log("case", c.id, c.id, "create", _changes({}, values))
            self.summary.count("created", "case")
            return c
        touched = False
        if c.deleted_at is not None:
            c.deleted_at = None
            self.log("case", c.id, c.id, "restore", {})
            touched = True
        changes = _changes({k: getattr(c, k) for k in values}, values)
        if changes:
            for k, v in values.items():
                setattr(c, k, v)
            c.updated_at = utc_now()
            self.log("case", c.id, c.id, "update", changes)
            touched = True
        if touched:
            self.summary.count("updated", "case")
        return c

    def contacts(self, c: Case, plans: Sequence[_ContactPlan]) -> dict[str, int]:
        """Merge the contacts of a case the journal holds; {key: id} of all its contacts."""
        have = {ct.key: ct for ct in self.s.scalars(
            select(Contact).where(Contact.case_id == c.id)
            .options(selectinload(Contact.tickets), selectinload(Contact.promises)))}
        ids = {key: ct.id for key, ct in have.items()}
        for plan in plans:
            ids[plan.key] = self.contact(c, plan, have.get(plan.key)).id
        return ids

    def contact(self, c: Case, plan: _ContactPlan, ct: Contact | None) -> Contact:
        s = self.s
        values = plan.values
        started: datetime = values["started_at"]
        if ct is None:
            ct = Contact(key=plan.key, case_id=c.id, started_utc=utc_key(started),
                         recorded_at=plan.recorded_at or utc_now(), **values)
            ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(plan.tickets)]
            ct.promises = [self.svc._new_promise(p.data, started) for p in plan.promises]
            s.add(ct)
            s.flush()
            c.updated_at = utc_now()
            self.log("contact", ct.id, c.id, "create",
                     _changes({}, {**values, "tickets": plan.tickets,
                                   "promises": [p.data.text for p in plan.promises]}))
            self.summary.count("created", "contact")
            return ct
        touched = False
        if ct.deleted_at is not None:
            ct.deleted_at = None
            self.log("contact", ct.id, c.id, "restore", {})
            touched = True
        before: dict[str, Any] = {k: getattr(ct, k) for k in values}
        before["tickets"] = [t.number for t in ct.tickets]
        after: dict[str, Any] = {**values, "tickets": plan.tickets}
        if plan.recorded_at is not None:
            before["recorded_at"] = ct.recorded_at
            after["recorded_at"] = plan.recorded_at
        old_terms = Counter(_terms_of(p) for p in ct.promises)
        old_strings = [_promise_terms(p) for p in ct.promises]
        changes = _changes(before, after)
        if changes:
            for k, v in after.items():
                if k != "tickets":
                    setattr(ct, k, v)
            ct.started_utc = utc_key(started)
            if "tickets" in changes:
                ct.tickets.clear()
                s.flush()
                ct.tickets = [Ticket(position=i, number=t) for i, t in enumerate(plan.tickets)]
        if self.promises(c, ct, plan.promises, started, "started_at" in changes):
            touched = True
        if old_terms != Counter(_terms_of(p) for p in ct.promises):
            changes["promises"] = [old_strings, [_promise_terms(p) for p in ct.promises]]
        if changes:
            ct.updated_at = utc_now()
            c.updated_at = utc_now()
            self.log("contact", ct.id, c.id, "update", changes)
            touched = True
        if touched:
            self.summary.count("updated", "contact")
            s.flush()
        return ct

    def promises(self, c: Case, ct: Contact, plans: Sequence[_PromisePlan], started: datetime,
                 started_changed: bool) -> bool:
        """Merge a contact's promises in place, as ``JournalService.update_contact`` does.

        Each promise of the file is paired with a stored one by ``_match_promises`` (the file
        carries no promise ids: identical text and terms, then identical text, then the rest in
        order), so a matched promise keeps its id (the calendar export's event UID), its status
        history and its reminder state, and gets the file's text and terms. "pending" (or no
        status) leaves the stored status alone; "kept" or "broken" is applied and recorded.
        Stored promises left unpaired are erased, each with an "erase" history entry; promises
        left over in the file are added. Deadlines are computed again for changed terms or a
        moved contact (``started_changed``). True when a status changed or a promise was erased
        or added (changed terms are written to the contact's history by the caller).
        """
        s = self.s
        old_rows = list(ct.promises)
        pairs = _match_promises(old_rows, [p.data for p in plans])
        paired = {id(row) for row, _ in pairs if row is not None}
        touched = False
        for old in old_rows:
            if id(old) not in paired:
                self.log("promise", old.id, c.id, "erase",
                         {"promise": _promise_terms(old), "status": old.status})
                ct.promises.remove(old)
                touched = True
        if touched:
            s.flush()
        for row, p in pairs:
            if row is None:
                ct.promises.append(self.svc._new_promise(p, started))
                touched = True
                continue
            if _terms_of(row) != _terms_of(p) or started_changed:
                row.text, row.business_days, row.hours, row.due_on = (
                    p.text, p.business_days, p.hours, p.due_on)
                due = dl.promise_due(started, business_days=p.business_days, hours=p.hours,
                                     due_on=p.due_on, calendar=self.svc.calendar)
                if (row.due_date, row.due_at) != (due.due_on, due.due_at):
                    row.due_date, row.due_at = due.due_on, due.due_at
                    row.notified_at = None  # a new deadline earns a new reminder
            if p.status != "pending" and p.status != row.status:
                self.log("promise", row.id, c.id, "status",
                         {"status": [row.status, p.status], "text": row.text})
                row.status, row.status_changed_at = p.status, utc_now()
                touched = True
        if touched:
            # the relationship keeps the order rows were added in; export orders them by id
            s.flush()
            s.expire(ct, ["promises"])
        return touched

    def escalation(self, c: Case, plan: _EscalationPlan, contact_ids: Mapping[str, int]) -> None:
        s = self.s
        e = plan.data
        contact_id = contact_ids.get(plan.contact_key) if plan.contact_key else None
        if plan.contact_key and contact_id is None:
            contact_id = s.scalar(select(Contact.id).where(Contact.case_id == c.id,
                                                           Contact.key == plan.contact_key))
        values: dict[str, Any] = {
            "requested_on": e.requested_on, "level": e.level, "owner_name": e.owner_name,
            "owner_title": e.owner_title, "reference": e.reference, "notes": e.notes,
            "contact_id": contact_id,
        }
        row = s.scalar(select(Escalation).where(Escalation.case_id == c.id,
                                                Escalation.key == e.key))
        if row is None:
            row = Escalation(key=e.key, case_id=c.id, **values)
            s.add(row)
            s.flush()
            self.log("escalation", row.id, c.id, "create",
                     _changes({}, {k: values[k] for k in ("level", "owner_name", "owner_title",
                                                          "reference")}))
            self.summary.count("created", "escalation")
            return
        changes = _changes({k: getattr(row, k) for k in values}, values)
        if changes:
            for k, v in values.items():
                setattr(row, k, v)
            self.log("escalation", row.id, c.id, "update", changes)
            self.summary.count("updated", "escalation")

    def notes(self, c: Case, notes: Sequence[tuple[str, datetime | None]]) -> None:
        have = [n for n in self.s.scalars(select(Note.body).where(Note.case_id == c.id))]
        for body, created in notes:
            if body in have:
                have.remove(body)
                continue
            when = created or utc_now()
            n = Note(case_id=c.id, body=body, created_at=when, updated_at=when)
            self.s.add(n)
            self.s.flush()
            self.log("note", n.id, c.id, "create", {"body": [None, body]})
            self.summary.count("created", "note")

    def attachments(self, c: Case, plans: Sequence[_AttachmentPlan],
                    contact_ids: Mapping[str, int]) -> None:
        s = self.s
        rows = list(s.scalars(select(Attachment).where(Attachment.case_id == c.id)
                              .order_by(Attachment.id)))
        # Export lists the exhibits of deleted contacts with the case's own: match them there.
        deleted = set(s.scalars(select(Contact.id).where(Contact.case_id == c.id,
                                                         Contact.deleted_at.is_not(None))))
        for plan in plans:
            blob = plan.blob
            contact_id = contact_ids.get(plan.contact_key) if plan.contact_key else None
            places = {contact_id} if contact_id is not None else {None, *deleted}
            match = next((a for a in rows if a.sha256 == blob.sha256
                          and a.contact_id in places), None)
            if match is not None:
                rows.remove(match)
                touched = False
                if match.removed_at is not None:
                    match.removed_at = None
                    self.log("attachment", match.id, c.id, "restore", {})
                    touched = True
                if match.caption != plan.caption:
                    self.log("attachment", match.id, c.id, "update",
                             {"caption": [match.caption, plan.caption]})
                    match.caption = plan.caption
                    touched = True
                if touched:
                    self.summary.count("updated", "attachment")
                continue
            a = Attachment(case_id=c.id, contact_id=contact_id, sha256=blob.sha256,
                           original_name=blob.original_name, media_type=blob.media_type,
                           size=blob.size, caption=plan.caption, preview_ok=blob.preview_ok,
                           width=blob.width, height=blob.height)
            s.add(a)
            s.flush()
            self.log("attachment", a.id, c.id, "create",
                     {"original_name": [None, a.original_name], "sha256": [None, a.sha256]})
            self.summary.count("created", "attachment")


class _NewRows:
    """The rows of cases that are new to the journal, written in bulk.

    A case whose key the journal does not hold has nothing to merge: none of its contacts,
    escalations, notes or exhibits can exist yet. Its rows (and their change history) are
    collected as plain dicts and inserted with one ``executemany`` per table, in the same write
    transaction as the rest of the import, through the same FTS triggers. The ids that other
    rows refer to (cases, contacts; escalations, notes and exhibits for the history) are given
    here, continuing after the newest row: the write transaction (BEGIN IMMEDIATE) keeps every
    other writer out, and ``sync`` re-reads them after rows were written through the ORM.
    """

    FLUSH_AT = 20_000  # rows held before they are written (bounds the memory of a large file)

    def __init__(self, svc: JournalService, s: Session, summary: ImportSummary) -> None:
        self.svc = svc
        self.s = s
        self.summary = summary
        self.rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in _BULK_ORDER}
        self.next_id: dict[Table, int] = {}
        self.now = utc_now()

    def sync(self) -> None:
        """Write what is held and forget the ids (rows are about to be written by the ORM)."""
        self.flush()
        self.next_id.clear()

    def _ids(self) -> dict[Table, int]:
        """The next free id of each table whose ids other rows refer to."""
        if not self.next_id:
            self.s.flush()  # rows the ORM holds take their ids first
            for t in (_CASES, _CONTACTS, _ESCALATIONS, _NOTES, _ATTACHMENTS):
                self.next_id[t] = int(self.s.scalar(select(func.max(t.c.id))) or 0) + 1
        return self.next_id

    def flush(self, *, escalations: bool = True) -> None:
        """Write the rows held (but the escalations only when ``escalations``)."""
        conn = None
        for table, rows in self.rows.items():
            if not rows or (table is _ESCALATIONS and not escalations):
                continue
            if conn is None:
                conn = self.s.connection()
                conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            _insert_many(conn, table, rows)
            rows.clear()

    def case(self, plan: _CasePlan, org_id: int) -> None:
        """All the rows of a new case (its exhibit files stored: ``blob`` set)."""
        case_id = self.reserve_case_id()
        self.case_row(case_id, plan.key, plan.values, org_id)
        contact_ids = {cp.key: self.contact(case_id, cp) for cp in plan.contacts}
        self.escalations(case_id, plan.escalations, contact_ids)
        self.notes(case_id, plan.notes)
        self.attachments(case_id, [(ap, contact_ids.get(ap.contact_key) if ap.contact_key
                                    else None) for ap in plan.attachments])

    def open_since(self, case_id: int, day: date) -> None:
        """A new case given no opening date is open since its first contact's own day."""
        for row in self.rows[_CASES]:
            if row["id"] == case_id:
                if isinstance(row.get("opened_on"), date) and day < row["opened_on"]:
                    row["opened_on"] = day
                return
        self.s.connection().execute(
            _CASES.update().where(_CASES.c.id == case_id, _CASES.c.opened_on > day)
            .values(opened_on=day))

    def reserve_case_id(self) -> int:
        self.now = utc_now()
        ids = self._ids()
        case_id = ids[_CASES]
        ids[_CASES] += 1
        return case_id

    def _log(self, case_id: int, entity: str, entity_id: int, values: dict[str, Any]) -> None:
        self.rows[_CHANGES].append({"at": self.now, "case_id": case_id, "entity": entity,
                                    "entity_id": entity_id, "action": "create",
                                    "changes": values})
        self.summary.created[entity] = self.summary.created.get(entity, 0) + 1

    def _next(self, table: Table) -> int:
        ids = self._ids()
        value = ids[table]
        ids[table] += 1
        return value

    def case_row(self, case_id: int, key: str, plan_values: Mapping[str, Any],
                 org_id: int) -> None:
        now = self.now
        values = dict(plan_values)
        values["organization_id"] = org_id
        self.rows[_CASES].append({"id": case_id, "key": key, **values, "created_at": now,
                                  "updated_at": now, "deleted_at": None})
        self._log(case_id, "case", case_id, _created(values))
        self.flush_if_full()

    def contact(self, case_id: int, cp: _ContactPlan) -> int:
        """The rows of one new contact (with its tickets and promises); returns its id."""
        now = self.now
        rows = self.rows
        cv = cp.values
        started: datetime = cv["started_at"]
        contact_id = self._next(_CONTACTS)
        rows[_CONTACTS].append({"id": contact_id, "key": cp.key, "case_id": case_id,
                                "started_utc": utc_key(started), **cv,
                                "recorded_at": cp.recorded_at or now, "updated_at": now,
                                "deleted_at": None})
        tickets, promises = rows[_TICKETS], rows[_PROMISES]
        for i, number in enumerate(cp.tickets):
            tickets.append({"contact_id": contact_id, "position": i, "number": number})
        calendar = self.svc.calendar
        for pp in cp.promises:
            p = pp.data
            due = dl.promise_due(started, business_days=p.business_days, hours=p.hours,
                                 due_on=p.due_on, calendar=calendar)
            promises.append({"contact_id": contact_id, "text": p.text,
                             "business_days": p.business_days, "hours": p.hours,
                             "due_on": p.due_on, "status": p.status,
                             "due_date": due.due_on, "due_at": due.due_at,
                             "status_changed_at": None, "notified_at": None})
        self._log(case_id, "contact", contact_id,
                  _created({**cv, "tickets": cp.tickets,
                            "promises": [p.data.text for p in cp.promises]}))
        self.flush_if_full()
        return contact_id

    def escalations(self, case_id: int, plans: Sequence[_EscalationPlan],
                    contact_ids: Mapping[str, int]) -> None:
        for ep in plans:
            e = ep.data
            esc_id = self._next(_ESCALATIONS)
            self.rows[_ESCALATIONS].append({
                "id": esc_id, "key": e.key, "case_id": case_id,
                "contact_id": contact_ids.get(ep.contact_key) if ep.contact_key else None,
                "requested_on": e.requested_on, "level": e.level, "owner_name": e.owner_name,
                "owner_title": e.owner_title, "reference": e.reference, "notes": e.notes})
            self._log(case_id, "escalation", esc_id,
                      _created({"level": e.level, "owner_name": e.owner_name,
                                "owner_title": e.owner_title, "reference": e.reference}))

    def notes(self, case_id: int, notes: Sequence[tuple[str, datetime | None]]) -> None:
        for body, when in notes:
            note_id = self._next(_NOTES)
            self.rows[_NOTES].append({"id": note_id, "case_id": case_id, "body": body,
                                      "created_at": when or self.now,
                                      "updated_at": when or self.now})
            self._log(case_id, "note", note_id, {"body": [None, body]})

    def attachments(self, case_id: int,
                    plans: Sequence[tuple[_AttachmentPlan, int | None]]) -> None:
        """Rows of exhibits whose files are stored, each with its contact's id (or None)."""
        for ap, contact_id in plans:
            blob = ap.blob
            att_id = self._next(_ATTACHMENTS)
            self.rows[_ATTACHMENTS].append({
                "id": att_id, "case_id": case_id, "contact_id": contact_id,
                "sha256": blob.sha256, "original_name": blob.original_name,
                "media_type": blob.media_type, "size": blob.size, "caption": ap.caption,
                "preview_ok": blob.preview_ok, "width": blob.width, "height": blob.height,
                "added_at": self.now, "removed_at": None})
            self._log(case_id, "attachment", att_id,
                      {"original_name": [None, blob.original_name],
                       "sha256": [None, blob.sha256]})
        self.flush_if_full()

    def flush_if_full(self) -> None:
        if sum(len(r) for t, r in self.rows.items() if t is not _ESCALATIONS) >= self.FLUSH_AT:
            self.flush(escalations=False)


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_CASES, _CONTACTS, _TICKETS, _PROMISES, _ESCALATIONS, _NOTES, _ATTACHMENTS, _CHANGES = (
    _table(m) for m in (Case, Contact, Ticket, Promise, Escalation, Note, Attachment, Change))
# The order new rows are written in. Tickets before their contacts: each ticket's trigger
# rewrites its contact's search document, which does not exist yet, so each contact is indexed
# once, with its tickets, when it is inserted (instead of once more for every ticket). The
# foreign keys are checked at COMMIT (PRAGMA defer_foreign_keys, for this transaction only).
# While such a check is pending, SQLite looks for the children of every contact inserted, and
# escalations.contact_id has no index: escalations are written last, after every contact.
# Promises are part of their contact's search document too (schema 0004): before it, likewise.
_BULK_ORDER = (_CASES, _TICKETS, _PROMISES, _CONTACTS, _NOTES, _ATTACHMENTS, _CHANGES,
               _ESCALATIONS)


def _insert_many(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT rows that all have the same keys, in one executemany.

    Each value goes through its column type's own bind processing (so the stored text is what
    the ORM would store), without SQLAlchemy's per-row statement bookkeeping (about half as long
    again as SQLite's own work for these rows).
    """
    dialect = conn.dialect
    names = list(rows[0])
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    conn.exec_driver_sql(sql, [
        tuple([v if f is None else f(v) for f, v in zip(processors, map(row.__getitem__, names),
                                                         strict=True)])
        for row in rows])


# =============================================================================================
# Import: entry point
# =============================================================================================


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _check_source(path: Path) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImportError_(f"{echo_path(path)}: no such file") from None
    except OSError as exc:
        raise ImportError_(f"{echo_path(path)} cannot be read: {exc.strerror}") from None
    if path.is_dir() or not st.st_size and not path.is_file():
        raise ImportError_(f"{echo_path(path)} is a folder, not a JSON file")


def load_document(path: Path) -> Any:
    """Read and parse the whole JSON file (small files; ``import_journal`` streams).

    Objects whose keys repeat are marked (``json_stream.duplicate_keys``) and refused on import.
    """
    _check_source(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"{echo_path(path)} cannot be read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
        del raw  # a large file is held once, not twice, while it is parsed
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{echo_path(path.name)}: not UTF-8 text (byte {exc.start}); the "
                           "file must be JSON in UTF-8") from None
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise ImportError_(f"{echo_path(path.name)}: not valid JSON: {exc.msg} at line "
                           f"{exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:
        raise ImportError_(f"{echo_path(path.name)}: not valid JSON: {exc}") from None


@dataclass
class ImportSource:
    """A JSON file checked by ``open_import_file`` (pass 1), ready to be imported."""

    path: Path
    file: JsonFile
    top: Any


def open_import_file(source: str | os.PathLike[str]) -> ImportSource:
    """Check the whole file (UTF-8, JSON, keys) and read its top level, without the cases.

    A file that cannot be read is refused here, before the journal is touched. The cases are
    read afterwards by ``import_source``, one at a time.
    """
    path = Path(source).expanduser().absolute()
    _check_source(path)
    file = JsonFile(path)
    try:
        top = file.top("cases", "contacts", _CASE_LATE)
    except JsonFileError as exc:
        raise ImportError_(str(exc)) from None
    except OSError as exc:
        raise ImportError_(f"{echo_path(path)} cannot be read: {exc.strerror}") from None
    return ImportSource(path, file, top)


def import_journal(svc: JournalService, source: str | os.PathLike[str]) -> ImportSummary:
    """Merge the JSON file at ``source`` into the journal (all or nothing), reading it as a
    stream: memory stays bounded however many contacts it holds."""
    return import_source(svc, open_import_file(source))


def import_source(svc: JournalService, src: ImportSource) -> ImportSummary:
    """Merge a file checked by ``open_import_file`` into the journal (all or nothing)."""

    def cases() -> Iterator[Any]:
        try:
            yield from src.file.elements("cases", "contacts")
        except JsonFileError as exc:  # the file changed since it was checked
            raise ImportError_(str(exc)) from None

    return _import(svc, src.top, cases(), src.path.parent)


def import_document(svc: JournalService, doc: Any, base_dir: Path) -> ImportSummary:
    """Merge an already parsed document; attachment paths are relative to ``base_dir``."""
    top, cases = doc, []
    if isinstance(doc, dict) and isinstance(doc.get("cases"), list):
        top = dict(doc)
        if duplicate_keys(doc):
            top = DuplicateKeysDict(doc)
            top.duplicates = duplicate_keys(doc)
        top["cases"] = STREAMED
        for item in doc["cases"]:
            if not isinstance(item, dict):
                cases.append(item)
                continue
            streamed = StreamedObject.from_dict(item, "contacts")
            names = list(item)
            after = names[names.index("contacts") + 1:] if streamed.has_inner else []
            streamed.streamable = streamed.has_inner and set(after) <= set(_CASE_LATE)
            cases.append(streamed)
    return _import(svc, top, cases, base_dir)


@dataclass
class _ImportTarget:
    """Where the cases read go: rows of new cases, plans written later, exhibits to store."""

    new_rows: _NewRows
    org_ids: dict[str, int]
    later: list[_CasePlan] = field(default_factory=list)
    # (case id, exhibit, contact id) of the streamed cases, written once the files are stored
    attachments: list[tuple[int, _AttachmentPlan, int | None]] = field(default_factory=list)


def _import(svc: JournalService, top: Any, cases: Iterable[Any], base_dir: Path
            ) -> ImportSummary:
    """The import, in ONE write transaction; any problem rolls all of it back.

    The cases new to the journal are written as they are read (in batches); the others, and
    the exhibit files, only once the whole file was read without a problem.
    """
    _ = svc.calendar, svc.store  # settle these first: they read settings in their own sessions
    summary = ImportSummary()
    # The exhibit files are stored once the whole file was read; a problem with a file, a full
    # disk or a failed commit rolls the transaction back and removes the files this import put
    # into the store (no orphans): the stack holding them closes after the transaction.
    with ExitStack() as after_commit, svc._write() as s:
        reader = _Reader(svc, s, base_dir)
        profile, orgs = reader.read_top(top)
        w = _Writer(svc, s, summary)
        if profile is not None:
            w.profile(profile)
        org_ids = {o.key: w.organization(o) for o in orgs}
        org_ids = {**{k: i for k, i in s.execute(select(Organization.key, Organization.id))},
                   **org_ids}
        out = _ImportTarget(_NewRows(svc, s, summary), org_ids)
        reader.read_case_stream(cases, {o.key for o in orgs}, out)
        reader.problems.raise_if_any()
        atts = [a for cp in out.later for a in cp.attachments] + [a for _c, a, _i in
                                                                   out.attachments]
        files = after_commit.enter_context(_ExhibitFiles(svc, atts))
        _write_later(w, out, reader.case_ids, files)
        if files.ready([a for _c, a, _i in out.attachments]):
            out.new_rows.sync()
            for case_id, group in groupby(out.attachments, key=lambda t: t[0]):
                out.new_rows.attachments(case_id, [(a, i) for _c, a, i in group])
        files.problems.raise_if_any()
        out.new_rows.flush()
    return summary


def _write_later(w: _Writer, out: _ImportTarget, case_ids: Mapping[str, int],
                 files: _ExhibitFiles) -> None:
    """Write the cases read as plans (the journal's own, and any not streamed)."""
    new_rows = out.new_rows
    for cp in out.later:
        if not files.ready(cp.attachments):
            continue  # nothing will be written: only look for the other files' problems
        org_id = out.org_ids.get(cp.org_key)
        assert org_id is not None  # checked while reading
        if cp.key not in case_ids:
            new_rows.case(cp, org_id)
            continue
        new_rows.sync()  # rows written through the ORM from here on take their own ids
        c = w.case(cp, org_id)
        # (with the contacts the file leaves out: its exhibits may still name them)
        contact_ids = w.contacts(c, cp.contacts)
        for ep in cp.escalations:
            w.escalation(c, ep, contact_ids)
        w.notes(c, cp.notes)
        w.attachments(c, cp.attachments, contact_ids)


class _ExhibitFiles:
    """Adds the import's exhibit files to the store in the background.

    The store is thread-safe, and adding a file is mostly waiting for fsync: a few at once.
    """

    def __init__(self, svc: JournalService, attachments: Sequence[_AttachmentPlan]) -> None:
        from .attachments import AttachmentError

        svc.require_writable()  # a read-only journal: refused before any file is read
        store = svc.store
        self.svc = svc
        self.futures: list[Any] = []

        def add(att: _AttachmentPlan) -> Any:
            try:
                return store.add_file(att.file, original_name=att.original_name)
            except AttachmentError as exc:
                return exc

        self.error_type = AttachmentError
        self.problems = _Problems()
        self.pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="import-exhibits")
        for att in attachments:
            att.stored = self.pool.submit(add, att)
            self.futures.append(att.stored)

    def __enter__(self) -> _ExhibitFiles:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if exc_type is not None:  # rolled back: the files stored for it go again
            from .orphans import discard_unused

            done = [f.result() for f in self.futures if f.done() and not f.cancelled()
                    and f.exception() is None]
            discard_unused(self.svc, done)

    def ready(self, atts: Sequence[_AttachmentPlan]) -> bool:
        """Wait for these files (``att.blob``); False once any file had a problem."""
        for att in atts:
            assert att.stored is not None
            blob = att.stored.result()
            if isinstance(blob, self.error_type):
                self.problems.add(f"{att.path}.path", str(blob))
                continue
            att.blob = blob
            if att.sha256 and blob.sha256 != att.sha256:
                self.problems.add(f"{att.path}.sha256", f"the file's SHA-256 is {blob.sha256}, "
                                                        f"not {att.sha256}: it changed after "
                                                        "export")
            elif att.size is not None and blob.size != att.size:
                self.problems.add(f"{att.path}.size", f"the file has {blob.size:,} bytes, "
                                                      f"not {att.size:,}")
        return not self.problems.items


# =============================================================================================
# JSON Schema
# =============================================================================================

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "journal-format.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, with each issue type's ``fields``."""

    def text(max_len: int = 500, **kw: Any) -> dict[str, Any]:
        return {"type": ["string", "null"], "maxLength": max_len, **kw}

    day = {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    moment = {"type": ["string", "null"], "format": "date-time",
              "description": "ISO 8601 date and time with its UTC offset, e.g. "
                             "2026-03-02T10:15:00-08:00"}
    key = {"type": "string", "minLength": 1, "maxLength": 80,
           "description": "Stable identifier; import merges records by key."}

    def obj(props: dict[str, Any], required: Sequence[str] = (), **kw: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "properties": props,
                               "additionalProperties": False}
        if required:
            out["required"] = list(required)
        out.update(kw)
        return out

    attachment = obj({
        "path": {"type": "string", "minLength": 1,
                 "description": "Relative to the JSON file's folder and inside it."},
        "caption": text(2000),
        "original_name": text(255),
        "media_type": {"type": ["string", "null"],
                       "description": "Informational; detected from the content on import."},
        "size": {"type": ["integer", "null"], "minimum": 1},
        "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$",
                   "description": "When given, the file must match it."},
    }, ["path"])
    promise = obj({
        "text": {"type": "string", "minLength": 1},
        "business_days": {"type": "integer", "minimum": 1,
                          "maximum": dl.MAX_PROMISE_BUSINESS_DAYS},
        "hours": {"type": "integer", "minimum": 1, "maximum": dl.MAX_PROMISE_HOURS},
        "due_on": {**day, "description": "The deadline of a promise made 'by a date'. With "
                                         "business_days or hours it is the computed deadline "
                                         "(written by export, ignored by import)."},
        "due_at": {**moment, "description": "Computed deadline of an hours promise (export "
                                            "only; ignored by import)."},
        "status": {"enum": list(PROMISE_STATUSES)},
    }, ["text"], anyOf=[{"required": ["business_days"]}, {"required": ["hours"]},
                        {"required": ["due_on"]}],
        **{"not": {"required": ["business_days", "hours"]}})
    contact = obj({
        "key": key,
        "started_at": {**moment, "type": "string"},
        "ended_at": moment,
        "channel": {"enum": list(CHANNELS)},
        "direction": {"enum": [*DIRECTIONS, None]},
        "hold_minutes": {"type": ["integer", "null"], "minimum": 0,
                         "maximum": MAX_HOLD_MINUTES},
        "representative": {"anyOf": [obj({"name": text(), "title": text(), "id": text()}),
                                     {"type": "null"}]},
        "tickets": {"type": ["array", "null"], "items": {"type": "string", "maxLength": 100}},
        "summary": text(MAX_LONG),
        "outcome": text(MAX_LONG),
        "recorded_at": {**moment, "description": "When the contact was written down."},
        "promises": {"type": ["array", "null"], "items": {"$ref": "#/$defs/promise"}},
        "attachments": {"type": ["array", "null"], "items": {"$ref": "#/$defs/attachment"}},
    }, ["key", "started_at", "channel"])
    escalation = obj({
        "key": key,
        "requested_on": {**day, "type": "string"},
        "level": text(),
        "owner": {"anyOf": [obj({"name": text(), "title": text()}), {"type": "null"}]},
        "reference": text(),
        "notes": text(MAX_LONG),
        "contact": {"type": ["string", "null"],
                    "description": "Key of the contact during which it was requested."},
    }, ["key", "requested_on"])
    note = {"anyOf": [{"type": "string", "minLength": 1},
                      obj({"body": {"type": "string", "minLength": 1}, "created_at": moment},
                          ["body"])]}
    fields_rules = fields_json_schema()
    case = obj({
        "key": key,
        "title": {"type": "string", "minLength": 1, "maxLength": 500},
        "organization": {"type": "string", "minLength": 1,
                         "description": "Key of an organization in this file or the journal."},
        "issue_type": {"enum": list(ISSUE_TYPES)},
        "role": {"enum": list(ROLES)},
        "status": {"enum": [*STATUSES, None]},
        "opened_on": day,
        "summary": text(MAX_LONG),
        "desired_outcome": text(MAX_LONG),
        "amount_disputed": {"type": ["string", "null"], "pattern": AMOUNT_PATTERN,
                            "description": "A decimal amount as text, e.g. \"150.00\" (export "
                                           "writes this form; see \"Amounts\" for the others "
                                           "import reads)."},
        "currency": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$",
                     "examples": list(CURRENCIES)},
        "fields": {"type": ["object", "null"],
                   "description": "The issue type's own fields (see allOf)."},
        "contacts": {"type": ["array", "null"], "items": {"$ref": "#/$defs/contact"}},
        "attachments": {"type": ["array", "null"], "items": {"$ref": "#/$defs/attachment"}},
        "escalations": {"type": ["array", "null"], "items": {"$ref": "#/$defs/escalation"}},
        "notes": {"type": ["array", "null"], "items": {"$ref": "#/$defs/note"}},
    }, ["key", "title", "organization", "issue_type", "role"], allOf=fields_rules["allOf"])
    channel = obj({
        "kind": {"enum": list(CHANNEL_KINDS)},
        "value": {"type": "string", "minLength": 1, "maxLength": 500},
        "label": text(),
        "audience": {"enum": [*AUDIENCES, None]},
        "hours": text(description="Like 'Mon-Fri 09:00-18:00' or '24/7'."),
        "timezone": text(description="An IANA time zone such as America/New_York."),
        "verified_on": day,
        "verified_from": text(),
    }, ["kind", "value"])
    organization = obj({
        "key": key,
        "name": {"type": "string", "minLength": 1, "maxLength": 500},
        "website": text(),
        "address": text(2000),
        "notes": text(MAX_LONG),
        "channels": {"type": ["array", "null"], "items": {"$ref": "#/$defs/channel"}},
    }, ["key"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:headway-journal:format:1",
        "title": "Headway Journal interchange format, version 1",
        "description": "Generated by headway_journal.journal.interchange.json_schema(); see "
                       "docs/journal-format.md.",
        **obj({
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "profile": {"anyOf": [obj({k: text(2000) for k in PROFILE_KEYS}),
                                  {"type": "null"}]},
            "organizations": {"type": ["array", "null"],
                              "items": {"$ref": "#/$defs/organization"}},
            "cases": {"type": ["array", "null"], "items": {"$ref": "#/$defs/case"}},
        }, ["format", "version"]),
        "$defs": {
            "organization": organization, "channel": channel, "case": case,
            "contact": contact, "promise": promise, "attachment": attachment,
            "escalation": escalation, "note": note,
        },
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m headway_journal.journal.interchange",
        description="Tools for the Headway Journal JSON format.")
    parser.add_argument("--write-schema", nargs="?", const=str(SCHEMA_PATH), metavar="PATH",
                        help=f"write the JSON Schema (default: {SCHEMA_PATH})")
    args = parser.parse_args(argv)
    if args.write_schema is None:
        sys.stdout.write(schema_text())
        return 0
    dest = Path(args.write_schema)
    data = schema_text().encode("utf-8")
    _write_atomic(dest, lambda fh: fh.write(data))
    os.chmod(dest, 0o644)
    print(f"Wrote {dest}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
