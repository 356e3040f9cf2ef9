"""The service's part that reads the hash chain (``journal.chain``): its check, the chain head
and the position of each entry, for ``check``, the case file and ``verify``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import chain as hash_chain  # its verifier loads when first used (chain/__init__.py)
from .chain.positions import (
    ChainPosition,
    chain_head,
    chain_start,
    positions,
    record_digest_at,
)
from .service_base import ServiceBase

if TYPE_CHECKING:
    from .chain.verify import ChainReport

__all__ = ["ChainViews"]


class ChainViews(ServiceBase):
    def verify_chain(self) -> ChainReport:
        """The whole chain checked against the history and the rows as they are now."""
        with self.journal.sessions() as s:
            return hash_chain.verify_chain(s.connection())

    def chain_head(self) -> ChainPosition | None:
        """The newest record of the chain (None: the journal has none)."""
        with self.journal.sessions() as s:
            return chain_head(s.connection())

    def chain_positions(self, subjects: Iterable[str]) -> dict[str, ChainPosition]:
        """The latest chain record vouching for each subject ("contact:12", "case:3")."""
        with self.journal.sessions() as s:
            return positions(s.connection(), subjects)

    def chain_start(self) -> ChainPosition | None:
        """The chain-start record (its digest names the journal; None: no chain)."""
        with self.journal.sessions() as s:
            return chain_start(s.connection())

    def chain_record_digest(self, seq: int) -> str | None:
        """The digest of chain record ``seq`` as stored (None: the chain has no such record)."""
        with self.journal.sessions() as s:
            return record_digest_at(s.connection(), seq)
