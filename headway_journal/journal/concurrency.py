"""Optimistic concurrency: a save made from an older copy of a record is refused, never applied.

Every editable record has a ``version`` (schema 0009; ``models.Versioned``) that each save
raises. An edit carries the version it was made from (``CaseInput.version``,
``ContactInput.version``, filled by ``case_input``/``contact_input``); the service reads the row
locked (``FOR UPDATE`` on a server; SQLite's write transaction already excludes other writers)
and ``check_version`` raises ``ConflictError`` with both versions, both sets of values and who
saved last. SQLAlchemy's version check on UPDATE is the backstop (``conflict_from_stale``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from headway_journal import i18n

from .history import jsonable
from .models import Change
from .records import ConflictError

__all__ = ["check_version", "conflict_from_stale", "last_editor"]

_ENTITY = {"cases": "case", "contacts": "contact", "notes": "note",
           "organizations": "organization", "escalations": "escalation",
           "attachments": "exhibit"}


def last_editor(s: Session, entity: str, entity_id: int) -> str:
    """Who made the newest recorded change of this record ("" when not known)."""
    who = s.scalar(select(Change.made_by)
                   .where(Change.entity == entity, Change.entity_id == entity_id)
                   .order_by(Change.id.desc()).limit(1))
    return who or ""


def check_version(s: Session, entity: str, row: Any, expected: int | None,
                  attempted: Mapping[str, Any]) -> None:
    """Raise ConflictError when ``row`` is no longer at ``expected`` (None: no check)."""
    if expected is None or row.version == expected:
        return
    stored = {k: jsonable(getattr(row, k)) for k in attempted}
    raise ConflictError(entity, row.id, expected, row.version, stored=stored,
                        attempted={k: jsonable(v) for k, v in attempted.items()},
                        by=last_editor(s, entity, row.id))


def conflict_from_stale(exc: StaleDataError) -> ConflictError:
    """The backstop: an UPDATE matched no row at the version read (another save won the race)."""
    m = re.search(r"on table '(\w+)'", str(exc))
    entity = _ENTITY.get(m.group(1), "record") if m else "record"
    err = ConflictError(entity, 0, 0, 0)
    err.args = (i18n.text("This {entity} was changed by someone else while it was being saved. "
                          "Nothing was saved: open it again to see the new version.").format(
                              entity=entity),)
    return err
