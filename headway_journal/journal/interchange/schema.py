"""The JSON Schema of the format (docs/journal-format.schema.json) and the tool that writes it
(``python -m headway_journal.journal.interchange --write-schema``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import deadlines as dl
from ..capture.patterns import MAX_PATTERN_LENGTH, MAX_PATTERNS
from ..capture.provenance import KINDS as PROVENANCE_KINDS
from ..fsutil import write_atomic
from ..issue_types import ISSUE_TYPES, ROLES, fields_json_schema
from ..letters.bodies import KINDS as LETTER_KINDS
from ..letters.sending import SEND_CHANNELS
from ..money import AMOUNT_PATTERN
from ..records import (
    AUDIENCES,
    CAPTURE_SOURCES,
    CHANNEL_KINDS,
    CHANNELS,
    CURRENCIES,
    DIRECTIONS,
    MAX_HOLD_MINUTES,
    PROMISE_STATUSES,
    STATUSES,
)
from ..validation import MAX_LONG
from .common import FORMAT_NAME, FORMAT_VERSION, PROFILE_KEYS

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "docs" / "journal-format.schema.json"


def _text(max_len: int = 500, **kw: Any) -> dict[str, Any]:
    return {"type": ["string", "null"], "maxLength": max_len, **kw}


_DAY = {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_MOMENT = {"type": ["string", "null"], "format": "date-time",
           "description": "ISO 8601 date and time with its UTC offset, e.g. "
                          "2026-03-02T10:15:00-08:00"}
_KEY = {"type": "string", "minLength": 1, "maxLength": 80,
        "description": "Stable identifier; import merges records by key."}


def _obj(props: dict[str, Any], required: Sequence[str] = (), **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props,
                           "additionalProperties": False}
    if required:
        out["required"] = list(required)
    out.update(kw)
    return out


def _attachment_def() -> dict[str, Any]:
    return _obj({
        "path": {"type": "string", "minLength": 1,
                 "description": "Relative to the JSON file's folder and inside it."},
        "caption": _text(2000),
        "original_name": _text(255),
        "media_type": {"type": ["string", "null"],
                       "description": "Informational; detected from the content on import."},
        "size": {"type": ["integer", "null"], "minimum": 1},
        "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$",
                   "description": "When given, the file must match it."},
        "provenance": {
            "type": ["object", "null"],
            "properties": {"kind": {"enum": list(PROVENANCE_KINDS)}},
            "additionalProperties": {"type": "string", "maxLength": 500},
            "description": "Where the exhibit came from: kind (pasted, dropped, file, screen, "
                           "email, message, imported) and its details (name, modified, screen, "
                           "at, subject, message_id...). Import keeps it under was_* keys of "
                           "an 'imported' provenance."},
    }, ["path"])


def _promise_def() -> dict[str, Any]:
    return _obj({
        "text": {"type": "string", "minLength": 1},
        "business_days": {"type": "integer", "minimum": 1,
                          "maximum": dl.MAX_PROMISE_BUSINESS_DAYS},
        "hours": {"type": "integer", "minimum": 1, "maximum": dl.MAX_PROMISE_HOURS},
        "due_on": {**_DAY, "description": "The deadline of a promise made 'by a date'. With "
                                          "business_days or hours it is the computed deadline "
                                          "(written by export, ignored by import)."},
        "due_at": {**_MOMENT, "description": "Computed deadline of an hours promise (export "
                                             "only; ignored by import)."},
        "status": {"enum": list(PROMISE_STATUSES)},
    }, ["text"], anyOf=[{"required": ["business_days"]}, {"required": ["hours"]},
                        {"required": ["due_on"]}],
        **{"not": {"required": ["business_days", "hours"]}})


def _contact_defs() -> dict[str, Any]:
    """The schemas of a contact and of what it holds (and of escalations and notes)."""
    contact = _obj({
        "key": _KEY,
        "started_at": {**_MOMENT, "type": "string"},
        "ended_at": _MOMENT,
        "channel": {"enum": list(CHANNELS)},
        "direction": {"enum": [*DIRECTIONS, None]},
        "hold_minutes": {"type": ["integer", "null"], "minimum": 0,
                         "maximum": MAX_HOLD_MINUTES},
        "representative": {"anyOf": [_obj({"name": _text(), "title": _text(), "id": _text()}),
                                     {"type": "null"}]},
        "tickets": {"type": ["array", "null"], "items": {"type": "string", "maxLength": 100}},
        "summary": _text(MAX_LONG),
        "outcome": _text(MAX_LONG),
        "recorded_at": {**_MOMENT, "description": "When the contact was written down."},
        "promises": {"type": ["array", "null"], "items": {"$ref": "#/$defs/promise"}},
        "attachments": {"type": ["array", "null"], "items": {"$ref": "#/$defs/attachment"}},
        "source": {"enum": [*CAPTURE_SOURCES, None],
                   "description": "How the contact was captured (typed when absent)."},
        "capture_ref": {**_text(300), "description": "What recognises a captured e-mail "
                                                     "again: its Message-ID, else sha256:HASH."},
    }, ["key", "started_at", "channel"])
    escalation = _obj({
        "key": _KEY,
        "requested_on": {**_DAY, "type": "string"},
        "level": _text(),
        "owner": {"anyOf": [_obj({"name": _text(), "title": _text()}), {"type": "null"}]},
        "reference": _text(),
        "notes": _text(MAX_LONG),
        "contact": {"type": ["string", "null"],
                    "description": "Key of the contact during which it was requested."},
    }, ["key", "requested_on"])
    note = {"anyOf": [{"type": "string", "minLength": 1},
                      _obj({"body": {"type": "string", "minLength": 1}, "created_at": _MOMENT},
                           ["body"])]}
    letter = _obj({
        "kind": {"enum": list(LETTER_KINDS)},
        "body": _text(MAX_LONG),
        "facts": {"type": ["object", "null"], "additionalProperties": {"type": "string"},
                  "description": "Facts entered for this letter (they win over the case's "
                                 "fields), e.g. statement_date."},
        "sent_on": _DAY,
        "sent_channel": {"enum": [*SEND_CHANNELS, None]},
        "contact": {"type": ["string", "null"],
                    "description": "Key of the contact that logged the sending."},
    }, ["kind"])
    return {"contact": contact, "promise": _promise_def(), "attachment": _attachment_def(),
            "escalation": escalation, "note": note, "letter": letter}


def _case_def() -> dict[str, Any]:
    """The schema of a case, with each issue type's ``fields`` rules."""
    fields_rules = fields_json_schema()
    case = _obj({
        "key": _KEY,
        "title": {"type": "string", "minLength": 1, "maxLength": 500},
        "organization": {"type": "string", "minLength": 1,
                         "description": "Key of an organization in this file or the journal."},
        "issue_type": {"enum": list(ISSUE_TYPES)},
        "role": {"enum": list(ROLES)},
        "status": {"enum": [*STATUSES, None]},
        "opened_on": _DAY,
        "summary": _text(MAX_LONG),
        "desired_outcome": _text(MAX_LONG),
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
        "letters": {"type": ["array", "null"], "items": {"$ref": "#/$defs/letter"}},
    }, ["key", "title", "organization", "issue_type", "role"], allOf=fields_rules["allOf"])
    return case


def _organization_defs() -> dict[str, Any]:
    """The schemas of an organization and its channels."""
    channel = _obj({
        "kind": {"enum": list(CHANNEL_KINDS)},
        "value": {"type": "string", "minLength": 1, "maxLength": 500},
        "label": _text(),
        "audience": {"enum": [*AUDIENCES, None]},
        "hours": _text(description="Like 'Mon-Fri 09:00-18:00' or '24/7'."),
        "timezone": _text(description="An IANA time zone such as America/New_York."),
        "verified_on": _DAY,
        "verified_from": _text(),
    }, ["kind", "value"])
    organization = _obj({
        "key": _KEY,
        "name": {"type": "string", "minLength": 1, "maxLength": 500},
        "website": _text(),
        "address": _text(2000),
        "notes": _text(MAX_LONG),
        "ticket_patterns": {
            "type": ["array", "null"], "maxItems": MAX_PATTERNS,
            "items": {"type": "string", "maxLength": MAX_PATTERN_LENGTH},
            "description": "How its ticket numbers look: regular expressions, case ignored; a "
                           "group is the number. Checked against patterns that could hang."},
        "channels": {"type": ["array", "null"], "items": {"$ref": "#/$defs/channel"}},
    }, ["key"])
    return {"organization": organization, "channel": channel}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, with each issue type's ``fields``."""
    orgs, contacts = _organization_defs(), _contact_defs()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:headway-journal:format:1",
        "title": "Headway Journal interchange format, version 1",
        "description": "Generated by headway_journal.journal.interchange.json_schema(); see "
                       "docs/journal-format.md.",
        **_obj({
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "profile": {"anyOf": [_obj({k: _text(2000) for k in PROFILE_KEYS}),
                                  {"type": "null"}]},
            "organizations": {"type": ["array", "null"],
                              "items": {"$ref": "#/$defs/organization"}},
            "cases": {"type": ["array", "null"], "items": {"$ref": "#/$defs/case"}},
            "chain": {"type": ["object", "null"],
                      "description": "Where the exporting journal's hash chain stood, each "
                                     "contact's chain digest and the document's own digest "
                                     "(checked by 'headway-journal verify'; import ignores "
                                     "it)."},
        }, ["format", "version"]),
        "$defs": {
            "organization": orgs["organization"], "channel": orgs["channel"],
            "case": _case_def(), "contact": contacts["contact"],
            "promise": contacts["promise"], "attachment": contacts["attachment"],
            "escalation": contacts["escalation"], "note": contacts["note"],
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
    write_atomic(dest, data, 0o644)
    print(f"Wrote {dest}")
    return 0
