"""Sealing: at the end of every write transaction, each new history row gets its chain position,
the digest of the record before it, the state of what it is about, and its own digest.

Rows the app changed in the transaction without a history entry of their own (a case's status
set to "escalated" when an escalation is added, an escalation logged with its contact) are
vouched for by a "vouch" record each (about the journal, ``{"subject": "case:3"}``: no case's
history and no organization's changes show it), but only when their state really differs from
the one the chain last recorded.

``attach(sessionmaker)`` makes every commit of those sessions seal first, in the same transaction,
whoever wrote the rows (the service, the JSON import's ORM writer or its bulk inserts). A
database without a chain (just made or upgraded by migration 0005) gets a chain-start record that
vouches for every row as it is from then on.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from ..models import utc_now
from .canonical import ZERO, canonical_bytes
from .positions import latest_states
from .records import CHAIN_START, ChainRow, chain_rows, record_digest
from .state import all_subjects, states, subject_of

__all__ = ["FOUND_CHANGED", "VOUCH", "seal_pending", "start_chain"]

VOUCH = "vouch"  # the action of a record vouching for a row changed without its own entry
# the action of a record saying a row was found changed behind the app's back when the app
# next wrote it: the chain keeps saying so after the app's own change
FOUND_CHANGED = "found-changed"


def _last_sealed(conn: Connection) -> tuple[int, int, str] | None:
    row = conn.execute(text("SELECT id, chain_seq, chain_digest FROM changes "
                            "WHERE chain_digest IS NOT NULL ORDER BY id DESC LIMIT 1")).first()
    return None if row is None else (int(row[0]), int(row[1]), str(row[2]))


def _newest(conn: Connection) -> tuple[int, str | None] | None:
    row = conn.execute(text("SELECT id, chain_digest FROM changes ORDER BY id DESC LIMIT 1")).first()
    return None if row is None else (int(row[0]), row[1])


def start_chain(conn: Connection) -> None:
    """Add the chain-start record: from now on the chain vouches for every row as it is."""
    snapshot = dict(sorted(all_subjects(conn).items()))
    now = utc_now().isoformat(timespec="seconds")
    conn.execute(text("INSERT INTO changes (at, case_id, entity, entity_id, action, changes) "
                      "VALUES (:at, NULL, 'journal', 0, :action, :changes)"),
                 {"at": now, "action": CHAIN_START,
                  # the nonce makes every journal's chain its own, even two made the same second
                  "changes": _json({"vouches_from": now, "nonce": secrets.token_hex(16),
                                    "states": snapshot})})
    last = conn.execute(text("SELECT max(id) FROM changes")).scalar_one()
    (row,) = chain_rows(conn, int(last) - 1)  # the record just added
    _write(conn, row, 1, ZERO, None, None)


def _json(value: Any) -> str:
    return canonical_bytes(value).decode("utf-8")


_UPDATE = text("UPDATE changes SET chain_seq = :seq, chain_prev = :prev, chain_digest = :dig, "
               "chain_subject = :subject, chain_state = :state WHERE id = :id")


def _sealed(row: ChainRow, seq: int, prev: str, subject: str | None,
            state: str | None) -> dict[str, Any]:
    """The chain columns of ``row`` (``dig``: its digest), as UPDATE parameters."""
    content = {**row.content(), "seq": seq, "prev": prev, "subject": subject, "state": state}
    return {"seq": seq, "prev": prev, "dig": record_digest(content), "subject": subject,
            "state": state, "id": row.id}


def _write(conn: Connection, row: ChainRow, seq: int, prev: str, subject: str | None,
           state: str | None) -> str:
    params = _sealed(row, seq, prev, subject, state)
    conn.execute(_UPDATE, params)
    return str(params["dig"])


def _add_vouches(conn: Connection, subjects: set[str]) -> None:
    """A "vouch" record (unsealed) for each subject whose state differs from the chain's."""
    now = states(conn, subjects)
    known = latest_states(conn, subjects)
    at = utc_now().isoformat(timespec="seconds")
    for subject in sorted(subjects):
        if subject in known and known[subject] == now[subject]:
            continue
        conn.execute(text("INSERT INTO changes (at, case_id, entity, entity_id, action, changes) "
                          "VALUES (:at, NULL, 'journal', 0, :action, :changes)"),
                     {"at": at, "action": VOUCH, "changes": _json({"subject": subject})})


def _subject_of_row(conn: Connection, row: ChainRow) -> str:
    if row.entity == "journal" and row.action in (VOUCH, FOUND_CHANGED) and \
            isinstance(row.changes, dict):
        return str(row.changes.get("subject"))
    return subject_of(conn, row.entity, row.entity_id)


def _add_findings(conn: Connection, before: dict[str, str | None]) -> None:
    """A "found-changed" record for each row whose state, before this transaction changed it,
    was not the one the chain last recorded."""
    known = latest_states(conn, before)
    at = utc_now().isoformat(timespec="seconds")
    for subject in sorted(before):
        if subject in known and known[subject] != before[subject]:
            conn.execute(text("INSERT INTO changes (at, case_id, entity, entity_id, action, "
                              "changes) VALUES (:at, NULL, 'journal', 0, :action, :changes)"),
                         {"at": at, "action": FOUND_CHANGED,
                          "changes": _json({"subject": subject, "found": before[subject],
                                            "vouched": known[subject]})})


def seal_pending(conn: Connection, touched: Iterable[str] = (),
                 before: dict[str, str | None] | None = None) -> int:
    """Seal every history row not sealed yet (in id order), after recording the rows found
    changed behind the app's back (``before``: their states before this transaction) and
    vouching for the ``touched`` subjects no new row is about; the number sealed. Without a
    chain, start one (rows already there stay before it, vouched for by its snapshot)."""
    newest = _newest(conn)
    touched = set(touched)
    if newest is not None and newest[1] is not None and not touched:
        return 0  # the usual read-mostly case: nothing new, one look at the newest row
    last = None if newest is None else _last_sealed(conn)
    if last is None:
        start_chain(conn)
        return 0
    last_id, seq, prev = last
    if before:
        _add_findings(conn, before)
    rows = list(chain_rows(conn, last_id))
    subjects = [_subject_of_row(conn, r) for r in rows]
    extra = touched - set(subjects)
    if extra:
        _add_vouches(conn, extra)
        rows = list(chain_rows(conn, last_id))
        subjects = [_subject_of_row(conn, r) for r in rows]
    now = states(conn, subjects)
    batch: list[dict[str, Any]] = []
    for row, subject in zip(rows, subjects, strict=True):
        seq += 1
        batch.append(_sealed(row, seq, prev, subject, now[subject]))
        prev = str(batch[-1]["dig"])
    for i in range(0, len(batch), 1000):  # executemany: a large import seals quickly
        conn.execute(_UPDATE, batch[i:i + 1000])
    return len(rows)
