"""Pairing the promises of an edited contact with the stored ones, and how a promise's terms
read in the history. Used by the service's contact edits and by the JSON import's merges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Promise

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import PromiseInput

__all__ = ["match_promises", "promise_terms"]


def match_promises(rows: Sequence[Promise], inputs: Sequence[PromiseInput]
                    ) -> list[tuple[Promise | None, PromiseInput]]:
    """Pair each promise input with the stored promise it edits (``None``: a new promise).

    In this order: the input's ``id`` when it names one of ``rows``; then identical text and
    terms; then identical text; then, only when no input names an id (a caller that does not
    know them), the rest in order, as edits in place. A row is used once.
    """
    by_id = {r.id: r for r in rows}
    free = list(rows)
    matched: list[Promise | None] = [None] * len(inputs)

    def take(i: int, row: Promise) -> None:
        matched[i] = row
        free.remove(row)

    for i, p in enumerate(inputs):
        row = by_id.get(p.id) if p.id is not None else None
        if row is not None and row in free:
            take(i, row)
    for same in (
        lambda r, p: (r.text, r.business_days, r.hours, r.due_on)
        == (p.text, p.business_days, p.hours, p.due_on),
        lambda r, p: r.text == p.text,
    ):
        for i, p in enumerate(inputs):
            if matched[i] is None:
                row = next((r for r in free if same(r, p)), None)
                if row is not None:
                    take(i, row)
    if not any(p.id is not None for p in inputs):
        for i in range(len(inputs)):
            if matched[i] is None and free:
                take(i, free[0])
    return list(zip(matched, inputs, strict=True))


def promise_terms(p: Promise) -> str:
    if p.business_days is not None:
        return f"{p.text} (within {p.business_days} business days)"
    if p.hours is not None:
        return f"{p.text} (within {p.hours} hours)"
    return f"{p.text} (by {p.due_on.isoformat() if p.due_on else '?'})"
