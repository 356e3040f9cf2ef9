"""A file's record of the chain (a case file's manifest, an export's chain block) against the
journal's chain now: the same journal? the same history? each entry as it was?"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from ... import i18n
from .positions import ChainPosition

__all__ = ["ChainSource", "compare_with_journal"]


class ChainSource(Protocol):
    """What the comparison reads from the journal (``JournalService`` has it)."""

    def chain_start(self) -> ChainPosition | None: ...

    def chain_record_digest(self, seq: int) -> str | None: ...

    def chain_positions(self, subjects: Iterable[str]) -> dict[str, ChainPosition]: ...


def _label(entry: Mapping[str, Any]) -> str:
    label = entry.get("label")
    if isinstance(label, str) and label:
        return label
    return i18n.text("Contact {n}").format(n=entry.get("number", "?"))


def _entry_problems(entries: list[Mapping[str, Any]], journal: ChainSource) -> list[str]:
    now = journal.chain_positions(str(e.get("entry")) for e in entries)
    out: list[str] = []
    for e in entries:
        pos = now.get(str(e.get("entry")))
        if pos is None:
            out.append(i18n.text("{what} is no longer in the journal's chain.").format(
                what=_label(e)))
        elif pos.digest != e.get("digest"):
            out.append(i18n.text(
                "{what} was changed in the journal after this file was made (chain record "
                "{seq}, {at}).").format(what=_label(e), seq=pos.seq,
                                        at=pos.at[:16].replace("T", " ")))
    return out


def compare_with_journal(record: Mapping[str, Any], journal: ChainSource
                         ) -> tuple[bool, int, list[str]]:
    """``(same_journal, entries, problems)`` for ``record`` ({"journal": start digest,
    "chain": {"seq", "digest"}, "entries": [{"entry", "digest", "number" or "label"}]})."""
    start = journal.chain_start()
    if start is None or record.get("journal") != start.digest:
        return False, 0, [i18n.text(
            "This file was made by another journal: its entries cannot be compared with the "
            "journal open here.")]
    head = record.get("chain")
    problems: list[str] = []
    seq = head.get("seq") if isinstance(head, Mapping) else None
    if isinstance(seq, int) and isinstance(head, Mapping) and \
            journal.chain_record_digest(seq) != head.get("digest"):
        problems.append(i18n.text(
            "The journal's chain no longer holds record {seq} as it was when this file was "
            "made: its history was rewritten since.").format(seq=seq))
    raw = record.get("entries")
    entries = [e for e in raw if isinstance(e, Mapping)] if isinstance(raw, list) else []
    problems += _entry_problems(entries, journal)
    return True, len(entries), problems
