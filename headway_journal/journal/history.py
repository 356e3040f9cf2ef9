"""The change history: every create, edit, delete and restore, written with the values before and
after in the same transaction as the change itself, and read back per case.

Values are stored as JSON: dates and times as ISO text, amounts as decimal text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from . import records
from .models import Change

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import ChangeView

__all__ = ["case_history", "changed_fields", "database_user", "jsonable", "record_change"]


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """``{field: [old, new]}`` (as JSON values) for every field of ``after`` that changed."""
    out: dict[str, Any] = {}
    for k, new in after.items():
        old = before.get(k)
        if old != new:
            out[k] = [jsonable(old), jsonable(new)]
    return out


def jsonable(v: Any) -> Any:
    """``v`` as a JSON value: dates and times as ISO text, decimals as text, lists and dicts
    converted element by element."""
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    return v


def record_change(s: Session, entity: str, entity_id: int, case_id: int | None, action: str,
                  changes: dict[str, Any]) -> None:
    """Add one history row to the session's transaction (committed with the change itself),
    with the database user who makes it (a shared journal; None in a folder)."""
    s.add(Change(entity=entity, entity_id=entity_id, case_id=case_id, action=action,
                 changes=changes, made_by=database_user(s)))


def database_user(s: Session) -> str | None:
    """The server account this session writes as (asked once per session); None on SQLite."""
    if "journal_user" not in s.info:
        bind = s.get_bind()
        s.info["journal_user"] = (None if bind.dialect.name == "sqlite"
                                  else s.scalar(text("SELECT current_user")))
    user = s.info["journal_user"]
    return None if user is None else str(user)


def case_history(s: Session, case_id: int) -> list[ChangeView]:
    """Everything recorded for one case, oldest first."""
    rows = s.scalars(select(Change).where(Change.case_id == case_id).order_by(Change.id))
    return [records.ChangeView(r.at, r.entity, r.entity_id, r.action, dict(r.changes), r.made_by or "")
            for r in rows]
