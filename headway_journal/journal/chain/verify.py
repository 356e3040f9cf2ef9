"""Verifying the chain: every record's digest, the links between them, and the rows now.

``verify_chain(conn)`` walks the history in order and stops at the first record that no longer
matches (changed, deleted, reordered, or added without the app), then compares the latest state
the chain recorded for each row with the row as it is now, and looks for rows the chain has never
seen. Nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from ... import i18n
from .canonical import ZERO
from .records import CHAIN_START, ChainRow, chain_rows, record_digest
from .seal import FOUND_CHANGED
from .state import KINDS, LISTED_KINDS, parse_subject, states

__all__ = ["ChainBreak", "ChainReport", "Vouched", "verify_chain"]


@dataclass(frozen=True)
class ChainBreak:
    """One thing that no longer matches. ``kind``: "edited", "deleted", "reordered", "unchained",
    "changed", "removed", "unlisted" or "missing" (no chain at all)."""

    kind: str
    message: str
    seq: int | None = None
    change_id: int | None = None
    subject: str | None = None


@dataclass(frozen=True)
class Vouched:
    """The latest record that vouches for a row: its chain position, digest and time."""

    seq: int
    digest: str
    state: str | None
    at: str
    case_id: int | None


@dataclass
class ChainReport:
    length: int = 0
    head: str | None = None
    vouches_from: str | None = None
    breaks: list[ChainBreak] = field(default_factory=list)
    latest: dict[str, Vouched] = field(default_factory=dict)
    found: list[ChainBreak] = field(default_factory=list)  # "found-changed" records

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def first(self) -> ChainBreak | None:
        return self.breaks[0] if self.breaks else None


def _describe(row: ChainRow) -> str:
    return i18n.text("record {seq} ({entity} {id}, {action}, {at})").format(
        seq=row.seq if row.seq is not None else "?", entity=row.entity, id=row.entity_id,
        action=row.action, at=row.at)


def _link_break(row: ChainRow, expected: int, prev: str, seqs: set[int]) -> ChainBreak | None:
    if row.digest is None or row.seq is None:
        return ChainBreak("unchained", i18n.text(
            "History row {id} ({entity} {eid}, {action}) is not in the chain: it was added "
            "behind the app's back.").format(id=row.id, entity=row.entity, eid=row.entity_id,
                                             action=row.action), None, row.id)
    if row.seq != expected:
        if row.seq > expected and expected not in seqs:
            return ChainBreak("deleted", i18n.text(
                "Chain record {seq} is missing: it was deleted behind the app's back (the next "
                "one is {found}).").format(seq=expected, found=_describe(row)), expected, row.id)
        return ChainBreak("reordered", i18n.text(
            "The history is out of order: {found} stands where record {seq} should be.").format(
                found=_describe(row), seq=expected), row.seq, row.id)
    if record_digest(row.content()) != row.digest:
        return ChainBreak("edited", i18n.text(
            "Chain {found} was changed behind the app's back: its digest no longer "
            "matches.").format(found=_describe(row)), row.seq, row.id)
    if row.prev != prev:
        return ChainBreak("edited", i18n.text(
            "Chain record {seq} was changed behind the app's back: the record after it no "
            "longer links to it.").format(seq=expected - 1), expected - 1, row.id)
    return None


def _found(row: ChainRow) -> ChainBreak:
    subject = str(row.changes.get("subject")) if isinstance(row.changes, dict) else "?"
    kind, _, ident = subject.partition(":")
    return ChainBreak("changed", i18n.text(
        "{kind} {id} had been changed behind the app's back; the app found it when it next "
        "wrote it (chain record {seq}, {at}).").format(kind=kind, id=ident, seq=row.seq,
                                                      at=row.at), row.seq, row.id, subject)


def _vouch(report: ChainReport, row: ChainRow) -> None:
    assert row.seq is not None and row.digest is not None
    if row.action == FOUND_CHANGED and row.entity == "journal":
        report.found.append(_found(row))
    if row.action == CHAIN_START and row.entity == "journal" and isinstance(row.changes, dict):
        report.vouches_from = str(row.changes.get("vouches_from") or row.at)
        snapshot = row.changes.get("states")
        for subject, state in (snapshot.items() if isinstance(snapshot, dict) else ()):
            report.latest[str(subject)] = Vouched(row.seq, row.digest, state, row.at, None)
    elif row.subject is not None:
        report.latest[row.subject] = Vouched(row.seq, row.digest, row.state, row.at, row.case_id)


def _walk(report: ChainReport, rows: list[ChainRow]) -> None:
    start = next((i for i, r in enumerate(rows) if r.digest is not None), None)
    if start is None:
        report.breaks.append(ChainBreak("missing", i18n.text(
            "The journal has no hash chain: its history records were removed or never "
            "sealed.")))
        return
    seqs = {r.seq for r in rows[start:] if r.seq is not None}
    expected, prev = 1, ZERO
    for row in rows[start:]:
        if not report.breaks:
            problem = _link_break(row, expected, prev, seqs)
            if problem is not None:
                report.breaks.append(problem)
        if row.digest is None or row.seq is None:
            continue
        _vouch(report, row)
        expected, prev = row.seq + 1, row.digest
        report.length, report.head = max(report.length, row.seq), row.digest


def _what(subject: str, vouched: Vouched) -> str:
    kind, ident = parse_subject(subject)
    if vouched.case_id is not None and kind != "case":
        return i18n.text("{kind} {id} of case {case}").format(kind=kind, id=ident,
                                                               case=vouched.case_id)
    return f"{kind} {ident}"


def _state_breaks(conn: Connection, report: ChainReport) -> list[ChainBreak]:
    vouched = {s: v for s, v in report.latest.items() if parse_subject(s)[0] in KINDS}
    now = states(conn, vouched)
    out: list[ChainBreak] = []
    for subject, v in sorted(vouched.items(), key=lambda kv: kv[1].seq):
        if v.state == now[subject]:
            continue
        what = _what(subject, v)
        if now[subject] is None:
            message = i18n.text("{what} was deleted behind the app's back (the chain vouched "
                                "for it at record {seq}, {at}).")
            kind = "removed"
        elif v.state is None:
            message = i18n.text("{what} is back although chain record {seq} ({at}) erased it.")
            kind = "changed"
        else:
            message = i18n.text("{what} was changed behind the app's back since chain record "
                                "{seq} ({at}).")
            kind = "changed"
        out.append(ChainBreak(kind, message.format(what=what, seq=v.seq, at=v.at), v.seq,
                              None, subject))
    return out


def _unlisted(conn: Connection, known: Iterable[str]) -> list[ChainBreak]:
    seen = set(known)
    out: list[ChainBreak] = []
    for kind in LISTED_KINDS:
        for (ident,) in conn.execute(text(f"SELECT id FROM {KINDS[kind].table} ORDER BY id")):
            subject = f"{kind}:{int(ident)}"
            if subject not in seen:
                out.append(ChainBreak("unlisted", i18n.text(
                    "{kind} {id} is not in the chain: it was added behind the app's "
                    "back.").format(kind=kind, id=int(ident)), None, None, subject))
    return out


def verify_chain(conn: Connection) -> ChainReport:
    """The chain's length, head digest, start, what each row was last vouched by, and every
    break found (the first chain record that no longer matches comes first)."""
    report = ChainReport()
    _walk(report, list(chain_rows(conn)))
    if report.head is not None:
        report.breaks += report.found
        report.breaks += _state_breaks(conn, report)
        report.breaks += _unlisted(conn, report.latest)
    return report
