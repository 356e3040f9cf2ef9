"""The hash chain over the change history: tamper evidence without a server.

Every history record carries its chain position, the SHA-256 of the record before it, the state
of the row it is about (``state``) and the SHA-256 of its own canonical content (``canonical``).
Records are sealed in the transaction that wrote them (``tracking.attach``, ``seal``); the chain-start record
(migration 0005, or the first write to a journal without a chain) vouches for every row as it
was then. ``verify_chain`` finds the first record that no longer matches and every row changed
since the chain last vouched for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lazy import lazy_names
from .canonical import canonical_bytes, digest
from .records import CHAIN_START
from .seal import seal_pending, start_chain
from .tracking import attach

if TYPE_CHECKING:  # verifying: loaded on first use (sealing is what every open needs)
    from .verify import ChainBreak, ChainReport, Vouched, verify_chain

__all__ = ["CHAIN_START", "ChainBreak", "ChainReport", "Vouched", "attach", "canonical_bytes",
           "digest", "seal_pending", "start_chain", "verify_chain"]

__getattr__ = lazy_names(__name__, dict.fromkeys(
    ("ChainBreak", "ChainReport", "Vouched", "verify_chain"), "verify"), globals())
