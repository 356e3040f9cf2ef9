"""Where each row stands in the chain: the latest record vouching for it, and the chain's head."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from .records import CHAIN_START, chain_rows

__all__ = ["ChainPosition", "chain_head", "chain_start", "latest_states", "positions",
           "record_digest_at"]


@dataclass(frozen=True)
class ChainPosition:
    """Where a record stands in the chain: its sequence number, digest and time."""
    seq: int
    digest: str
    at: str


def chain_head(conn: Connection) -> ChainPosition | None:
    """The newest sealed record (None: no chain)."""
    row = conn.execute(text("SELECT chain_seq, chain_digest, at FROM changes "
                            "WHERE chain_digest IS NOT NULL ORDER BY id DESC LIMIT 1")).first()
    return None if row is None else ChainPosition(int(row[0]), str(row[1]), str(row[2]))


def _start(conn: Connection) -> tuple[ChainPosition, dict[str, str | None]] | None:
    row = conn.execute(text("SELECT id FROM changes WHERE action = :a AND entity = 'journal' "
                            "AND chain_seq = 1 ORDER BY id LIMIT 1"), {"a": CHAIN_START}).first()
    if row is None:
        return None
    start = next(chain_rows(conn, int(row[0]) - 1))
    snapshot = start.changes.get("states") if isinstance(start.changes, dict) else None
    assert start.seq is not None and start.digest is not None
    return (ChainPosition(start.seq, start.digest, start.at),
            dict(snapshot) if isinstance(snapshot, dict) else {})


def chain_start(conn: Connection) -> ChainPosition | None:
    """The chain-start record: its digest names the journal, its time says from when the chain
    vouches for entries (None: no chain)."""
    start = _start(conn)
    return None if start is None else start[0]


def _latest(conn: Connection, wanted: list[str]) -> dict[str, tuple[ChainPosition, str | None]]:
    out: dict[str, tuple[ChainPosition, str | None]] = {}
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        marks = ", ".join(f":s{n}" for n in range(len(part)))
        rows = conn.execute(text(
            "SELECT chain_subject, chain_seq, chain_digest, at, chain_state FROM changes WHERE "
            f"chain_subject IN ({marks}) AND chain_digest IS NOT NULL ORDER BY chain_seq"),
            {f"s{n}": s for n, s in enumerate(part)})
        for subject, seq, dig, at, state in rows:
            out[str(subject)] = (ChainPosition(int(seq), str(dig), str(at)), state)
    missing = [s for s in wanted if s not in out]
    if missing:
        start = _start(conn)
        if start is not None:
            out.update({s: (start[0], start[1][s]) for s in missing if s in start[1]})
    return out


def positions(conn: Connection, subjects: Iterable[str]) -> dict[str, ChainPosition]:
    """The latest record vouching for each subject ("contact:12"); subjects the chain never saw
    are left out."""
    return {s: v[0] for s, v in _latest(conn, sorted(set(subjects))).items()}


def latest_states(conn: Connection, subjects: Iterable[str]) -> dict[str, str | None]:
    """The state the chain last recorded for each subject it saw."""
    return {s: v[1] for s, v in _latest(conn, sorted(set(subjects))).items()}


def record_digest_at(conn: Connection, seq: int) -> str | None:
    """The stored digest of chain record ``seq`` (None: no such record)."""
    row = conn.execute(text("SELECT chain_digest FROM changes WHERE chain_seq = :s "
                            "AND chain_digest IS NOT NULL ORDER BY id LIMIT 1"),
                       {"s": int(seq)}).first()
    return None if row is None else str(row[0])
