"""Optimistic concurrency: a save made from an older copy of a record is refused, never applied.

Every editable record has a ``version`` (schema 0009; ``models.Versioned``) that each save
raises. An edit carries the version it was made from (``CaseInput.version``,
``ContactInput.version``, filled by ``case_input``/``contact_input``); the service reads the row
locked (``FOR UPDATE`` on a server; SQLite's write transaction already excludes other writers)
and ``check_version`` raises ``ConflictError`` with both versions, both sets of values and who
saved last. SQLAlchemy's version check on UPDATE is the backstop (``conflict_from_stale``).

A save raises a record's version by exactly one: before each flush, a record whose own values
(or, for a contact, its tickets) changed and whose version this transaction has not raised yet
gets the next number; later flushes of the same save leave it. Bookkeeping alone does not count
(``Versioned.unversioned``: the time stamp of a case's last activity, which logging a contact
sets). SQLAlchemy's own counter raised it at every UPDATE, so a save that flushed twice -- its
time stamp landing in a new second -- counted as two, and the next save from the copy read
before it was refused wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from headway_journal import i18n

from .history import jsonable
from .models import Change, Versioned
from .records import ConflictError

__all__ = ["check_version", "conflict_from_stale", "last_editor"]

_RAISED = "versions_raised"  # Session.info: the records whose version this transaction raised

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


def _edited(obj: Versioned) -> bool:
    """Whether a value of ``obj`` that counts as an edit changed (or was flagged changed)."""
    state = inspect(obj)
    skip = type(obj).unversioned
    return any(state.attrs[attr.key].history.has_changes()
               for attr in state.mapper.column_attrs
               if attr.key not in skip and attr.key != "version")


def _raise_versions(session: Session, _context: object, _instances: object) -> None:
    raised: set[object] = session.info.setdefault(_RAISED, set())
    for obj in session.dirty:
        if not isinstance(obj, Versioned) or obj in raised:
            continue
        if _edited(obj):
            obj.version = (obj.version or 0) + 1
            raised.add(obj)  # held until the transaction ends: no address reused


def _forget(session: Session, *_args: object) -> None:
    session.info.pop(_RAISED, None)


# every session: the ORM's writes anywhere in the app go through here
event.listen(Session, "before_flush", _raise_versions)
event.listen(Session, "after_commit", _forget)
event.listen(Session, "after_rollback", _forget)
