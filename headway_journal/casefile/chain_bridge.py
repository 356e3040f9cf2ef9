"""The hash chain in the case file: each timeline entry's chain position and digest, the chain's
head, and the manifest embedded in the PDF that ``verify`` compares with the journal.

Read from ``JournalService`` (``chain_positions``, ``chain_head``, ``chain_start``) into the plain
``data.ChainSeal`` and ``ContactRow`` fields; the manifest is plain JSON.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .data import CaseFileData, ChainSeal

if TYPE_CHECKING:
    from ..journal.service import JournalService

__all__ = ["MANIFEST_FORMAT", "MANIFEST_NAME", "manifest", "manifest_bytes", "with_chain"]

MANIFEST_NAME = "headway-journal-manifest.json"
MANIFEST_FORMAT = "headway-journal-casefile-manifest"


def with_chain(service: JournalService, data: CaseFileData) -> CaseFileData:
    """``data`` with the chain position and digest of each contact and the chain's seal (as it
    was: a journal without a chain gives ``data`` unchanged)."""
    start, head = service.chain_start(), service.chain_head()
    if start is None or head is None:
        return data
    subjects = [f"contact:{c.entry_id}" for c in data.contacts if c.entry_id is not None]
    found = service.chain_positions(subjects)
    contacts = []
    for c in data.contacts:
        pos = found.get(f"contact:{c.entry_id}")
        contacts.append(c if pos is None else replace(c, chain_seq=pos.seq,
                                                      chain_digest=pos.digest))
    seal = ChainSeal(journal_id=start.digest, head_seq=head.seq, head_digest=head.digest,
                     vouches_from=start.at)
    return replace(data, contacts=tuple(contacts), chain=seal)


def manifest(data: CaseFileData) -> dict[str, Any] | None:
    """What the case file says about the journal's chain, for ``verify`` (None: no chain)."""
    seal = data.chain
    if seal is None:
        return None
    return {
        "format": MANIFEST_FORMAT,
        "version": 1,
        "journal": seal.journal_id,
        "case": data.case_key,
        "generated_at": data.generated_at.isoformat(),
        "redacted": data.redacted,
        "chain": {"seq": seal.head_seq, "digest": seal.head_digest,
                  "vouches_from": seal.vouches_from},
        "entries": [{"entry": f"contact:{c.entry_id}", "number": c.number,
                     "seq": c.chain_seq, "digest": c.chain_digest or None}
                    for c in data.contacts if c.entry_id is not None],
    }


def manifest_bytes(data: CaseFileData) -> bytes | None:
    found = manifest(data)
    if found is None:
        return None
    return json.dumps(found, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")
