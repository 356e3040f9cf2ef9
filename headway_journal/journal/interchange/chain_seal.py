"""The hash chain in a JSON export: where the chain stood, each contact's chain digest, and a
digest of the document itself, so ``verify FILE.json`` can tell whether the file was changed
after it was exported and, with the journal open, whether its entries still match.

The block is ``"chain"`` at the top of the document; import ignores it (it describes the
journal the file came from, not what to write).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ... import i18n
from ..chain.canonical import digest
from ..chain.compare import ChainSource, compare_with_journal

__all__ = ["CHAIN_KEY", "ExportCheck", "chain_block", "verify_export"]

CHAIN_KEY = "chain"


def _content_digest(doc: Mapping[str, Any]) -> str:
    return digest({k: v for k, v in doc.items() if k != CHAIN_KEY})


def chain_block(doc: Mapping[str, Any], journal: Any, contact_ids: Mapping[tuple[str, str], int]
                ) -> dict[str, Any] | None:
    """The ``"chain"`` block for ``doc`` (None: the journal has no chain). ``contact_ids`` maps
    (case key, contact key) to the contact's id in the journal."""
    start, head = journal.chain_start(), journal.chain_head()
    if start is None or head is None:
        return None
    subjects = {k: f"contact:{i}" for k, i in contact_ids.items()}
    found = journal.chain_positions(subjects.values())
    entries = []
    for (case_key, contact_key), subject in sorted(subjects.items()):
        pos = found.get(subject)
        entries.append({"case": case_key, "contact": contact_key, "entry": subject,
                        "seq": None if pos is None else pos.seq,
                        "digest": None if pos is None else pos.digest})
    return {"journal": start.digest, "vouches_from": start.at,
            "chain": {"seq": head.seq, "digest": head.digest}, "entries": entries,
            "content_sha256": _content_digest(doc)}


@dataclass
class ExportCheck:
    """What ``verify`` found in a JSON export (``summary()`` first, then the problems)."""

    intact: bool
    problems: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    other_journal: bool = False
    entries: int | None = None

    @property
    def ok(self) -> bool:
        return self.intact and not self.problems and not self.other_journal

    def summary(self) -> str:
        if not self.intact:
            return i18n.text("The export was CHANGED after it was exported (or carries no "
                             "chain).")
        text = i18n.text("Unchanged since it was exported")
        if self.entries == 0 and not self.problems:
            return text + "; " + i18n.text("it comes from this journal (no contacts to compare)")
        if self.entries is not None and not self.problems:
            text += "; " + i18n.plural(
                "its {n} entry matches the journal", "all {n} entries match the journal",
                self.entries).format(n=self.entries)
        return text


def _label(entry: Mapping[str, Any]) -> dict[str, Any]:
    what = i18n.text("Contact {contact} of case {case}").format(
        contact=entry.get("contact", "?"), case=entry.get("case", "?"))
    return {**entry, "label": what}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(i18n.text("the key {key!r} appears twice").format(key=key))
        out[key] = value
    return out


def verify_export(data: bytes, journal: ChainSource | None = None) -> ExportCheck:
    """Check an export's own digest and, with ``journal``, its entries against the chain."""
    try:
        doc = json.loads(data, object_pairs_hook=_no_duplicates)
    except ValueError as exc:
        return ExportCheck(False, [i18n.text("The file is not valid JSON: {reason}").format(
            reason=exc)])
    block = doc.get(CHAIN_KEY) if isinstance(doc, dict) else None
    if not isinstance(block, dict):
        return ExportCheck(False, [i18n.text(
            "The export carries no hash chain (made by an older version, or removed).")])
    if block.get("content_sha256") != _content_digest(doc):
        return ExportCheck(False, [i18n.text(
            "Its content no longer matches the digest written when it was exported.")])
    result = ExportCheck(True, lines=[i18n.text(
        "Exported at chain record {seq} (head SHA-256 {digest}…).").format(
            seq=(block.get("chain") or {}).get("seq", "?"),
            digest=str((block.get("chain") or {}).get("digest", ""))[:12])])
    if journal is None:
        return result
    raw = block.get("entries")
    entries = [_label(e) for e in raw if isinstance(e, dict)] if isinstance(raw, list) else []
    same, n, problems = compare_with_journal({**block, "entries": entries}, journal)
    result.other_journal = not same
    result.problems += problems
    result.entries = n if same else None
    return result
