"""History rows as the chain sees them: read raw, digested canonically."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from .canonical import digest

_JSON = json.JSONDecoder()  # its own: a test may stand in for json.loads

__all__ = ["CHAIN_START", "ChainRow", "chain_rows", "record_digest"]

CHAIN_START = "chain-start"  # the action of the record a chain starts with
_COLUMNS = ("id, at, case_id, entity, entity_id, action, changes, chain_seq, chain_prev, "
            "chain_digest, chain_subject, chain_state")


@dataclass(frozen=True)
class ChainRow:
    """One history record as the chain reads it: the change, its position and digests."""
    id: int
    at: str
    case_id: int | None
    entity: str
    entity_id: int
    action: str
    changes: Any
    seq: int | None
    prev: str | None
    digest: str | None
    subject: str | None
    state: str | None

    def content(self) -> dict[str, Any]:
        """What the record's digest covers (everything but its row id and its own digest)."""
        return {"seq": self.seq, "prev": self.prev, "at": self.at, "case_id": self.case_id,
                "entity": self.entity, "entity_id": self.entity_id, "action": self.action,
                "changes": self.changes, "subject": self.subject, "state": self.state}


def record_digest(content: Mapping[str, Any]) -> str:
    return digest(dict(content))


def _row(values: Any) -> ChainRow:
    (rid, at, case_id, entity, entity_id, action, changes, seq, prev, dig, subject,
     state) = values
    if isinstance(changes, str):
        with suppress(ValueError):  # else kept as text: its digest no longer matches
            changes = _JSON.decode(changes)
    return ChainRow(int(rid), str(at), case_id, str(entity), int(entity_id), str(action),
                    changes, seq, prev, dig, subject, state)


def chain_rows(conn: Connection, after_id: int | None = None) -> Iterator[ChainRow]:
    """History rows in id order (after ``after_id`` when given)."""
    where = "" if after_id is None else f" WHERE id > {int(after_id)}"
    for values in conn.execute(text(f"SELECT {_COLUMNS} FROM changes{where} ORDER BY id")):
        yield _row(values)
