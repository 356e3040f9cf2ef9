"""What the chain vouches for: the current content of each record a history entry is about.

A history entry is about a *subject* ("contact:12"); its state is the canonical content of that
row as it is after the change (a contact with its tickets and promises). ``verify`` compares the
latest state the chain recorded for each subject with the row now, so a value changed with a
SQLite editor is found. Columns the app changes without a history entry (updated_at, computed
deadlines, reminder times) are left out.

Values are read raw (text as stored), so the digests do not depend on the ORM's types.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from .canonical import digest

_JSON = json.JSONDecoder()  # its own: a test may stand in for json.loads

__all__ = ["KINDS", "LISTED_KINDS", "all_subjects", "parse_subject", "states", "subject_of"]


@dataclass(frozen=True)
class Kind:
    """A table whose rows the chain vouches for, and which of its columns count."""
    table: str
    columns: tuple[str, ...]
    json_columns: tuple[str, ...] = ()


KINDS: dict[str, Kind] = {
    "organization": Kind("organizations", ("key", "name", "website", "address", "notes")),
    "case": Kind("cases", ("key", "title", "organization_id", "issue_type", "role", "status",
                           "opened_on", "summary", "desired_outcome", "amount_disputed",
                           "currency", "fields", "created_at", "deleted_at"), ("fields",)),
    "contact": Kind("contacts", ("key", "case_id", "started_at", "ended_at", "channel",
                                 "direction", "hold_minutes", "rep_name", "rep_title", "rep_id",
                                 "summary", "outcome", "recorded_at", "deleted_at")),
    "escalation": Kind("escalations", ("key", "case_id", "requested_on", "level", "owner_name",
                                       "owner_title", "reference", "notes")),
    "note": Kind("notes", ("case_id", "body", "created_at")),
    "attachment": Kind("attachments", ("case_id", "sha256", "original_name", "media_type",
                                       "size", "caption", "added_at", "removed_at")),
}
# Kinds whose every row must be in the chain (organizations are also made by the app's seed).
LISTED_KINDS = ("case", "contact", "escalation", "note", "attachment")
_CHUNK = 500


def parse_subject(subject: str) -> tuple[str, int]:
    kind, _, ident = subject.partition(":")
    return kind, int(ident)


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _in(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def subject_of(conn: Connection, entity: str, entity_id: int) -> str:
    """The subject a history entry about ``entity`` ``entity_id`` vouches for: a promise's is
    its contact's (a contact's state holds its promises) while the promise exists."""
    if entity == "promise":
        row = conn.execute(text("SELECT contact_id FROM promises WHERE id = :i"),
                           {"i": entity_id}).first()
        if row is not None:
            return f"contact:{int(row[0])}"
    return f"{entity}:{int(entity_id)}"


def _contact_children(conn: Connection, ids: list[int]) -> dict[int, dict[str, list[Any]]]:
    out: dict[int, dict[str, list[Any]]] = {i: {"tickets": [], "promises": []} for i in ids}
    sql = f"SELECT contact_id, number FROM tickets WHERE contact_id IN ({_in(ids)}) " \
          "ORDER BY contact_id, position, id"
    for cid, number in conn.execute(text(sql)):
        out[int(cid)]["tickets"].append(number)
    sql = ("SELECT contact_id, text, business_days, hours, due_on, status FROM promises "
           f"WHERE contact_id IN ({_in(ids)}) ORDER BY contact_id, id")
    for cid, *terms in conn.execute(text(sql)):
        out[int(cid)]["promises"].append(list(terms))
    return out


def _rows(conn: Connection, kind: str, ids: list[int] | None) -> Iterator[tuple[int, dict[str, Any]]]:
    spec = KINDS[kind]
    cols = ", ".join(spec.columns)
    where = "" if ids is None else f" WHERE id IN ({_in(ids)})"
    for row in conn.execute(text(f"SELECT id, {cols} FROM {spec.table}{where} ORDER BY id")):
        values = dict(zip(spec.columns, row[1:], strict=True))
        for col in spec.json_columns:
            if isinstance(values[col], str):
                values[col] = _JSON.decode(values[col])
        yield int(row[0]), values


def _kind_states(conn: Connection, kind: str, ids: list[int] | None) -> dict[int, str]:
    rows = dict(_rows(conn, kind, ids))
    if kind == "contact" and rows:
        found = list(rows)
        for part in _chunks(found):
            for cid, children in _contact_children(conn, part).items():
                rows[cid].update(children)
    return {i: digest(v) for i, v in rows.items()}


def states(conn: Connection, subjects: Iterable[str]) -> dict[str, str | None]:
    """The state digest of each subject now (None: no such row, or a kind not vouched for)."""
    wanted: dict[str, list[int]] = {}
    out: dict[str, str | None] = {}
    for subject in subjects:
        kind, ident = parse_subject(subject)
        out[subject] = None
        if kind in KINDS:
            wanted.setdefault(kind, []).append(ident)
    for kind, ids in wanted.items():
        for part in _chunks(sorted(set(ids))):
            for ident, state in _kind_states(conn, kind, part).items():
                out[f"{kind}:{ident}"] = state
    return out


def all_subjects(conn: Connection, kinds: Iterable[str] = tuple(KINDS)) -> dict[str, str]:
    """The state digest of every row of ``kinds`` now."""
    return {f"{kind}:{ident}": state for kind in kinds
            for ident, state in _kind_states(conn, kind, None).items()}
