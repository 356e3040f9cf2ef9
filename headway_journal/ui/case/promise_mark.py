"""``PromiseMark``: one change of a promise's status, as it can be undone (the window's undo
list holds them; a module of its own so the window need not load the notice that shows them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PromiseMark:
    """One change of a promise's status, as it can be undone."""

    promise_id: int
    case_id: int
    text: str
    before: str
    after: str
