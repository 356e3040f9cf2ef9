"""The chain's check in words, for ``check`` and the window."""

from __future__ import annotations

from ... import i18n
from .verify import ChainReport

__all__ = ["chain_problems", "chain_summary", "short", "when"]


def short(digest: str | None) -> str:
    """The first 12 hex digits of a digest: enough to compare by eye."""
    return (digest or "")[:12]


def when(at: str | None) -> str:
    """"2026-12-01 14:03" from a stored ISO time (UTC)."""
    return (at or "")[:16].replace("T", " ")


def chain_summary(report: ChainReport) -> str:
    """One line about a sound chain."""
    return i18n.plural(
        "Hash chain intact: {n} record since {start} (UTC), head {head}",
        "Hash chain intact: {n} records since {start} (UTC), head {head}", report.length).format(
            n=report.length, start=when(report.vouches_from), head=short(report.head))


def chain_problems(report: ChainReport) -> list[str]:
    """Each break, the first record that no longer matches first."""
    if report.ok:
        return []
    first, *rest = report.breaks
    return [i18n.text("Hash chain broken: {reason}").format(reason=first.message),
            *(b.message for b in rest)]
