"""What a write session did to the rows the chain vouches for, so its commit can seal it.

Before each flush, the state of every vouched row about to change is read as it is in the
database (the first time the transaction touches it): if it is not what the chain last recorded,
the row was changed behind the app's back, and the commit says so in the chain ("found-changed")
rather than letting the app's own change hide it. After each flush, the rows whose vouched
values the app changed are noted; those without a history entry of their own get a "vouch"
record at commit. Reminder times, computed deadlines and the like are not vouched values, so
changing them adds nothing.
"""

from __future__ import annotations

import weakref

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ..models import Attachment, Case, Contact, Escalation, Note, Organization, Promise, Ticket
from .seal import seal_pending
from .state import KINDS, states

__all__ = ["attach"]

_TOUCHED = "chain_touched"  # Session.info: subjects whose vouched values the app changed
_BEFORE = "chain_before"  # Session.info: {subject: state before this transaction}
# the factories already sealing. Not ``event.contains``: SQLAlchemy's event registry keys a
# session class by its id(), and an entry outlives the class, so a new factory whose class
# reuses a freed one's address looked attached and its commits went unsealed
_ATTACHED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()
_KIND_OF: dict[type, str] = {Case: "case", Contact: "contact", Escalation: "escalation",
                             Note: "note", Attachment: "attachment",
                             Organization: "organization"}
_CHILD_COLUMNS: dict[type, tuple[str, ...]] = {
    Ticket: ("contact_id", "position", "number"),
    Promise: ("contact_id", "text", "business_days", "hours", "due_on", "status"),
}


def _subject(obj: object) -> str | None:
    if isinstance(obj, (Ticket, Promise)):
        return None if obj.contact_id is None else f"contact:{int(obj.contact_id)}"
    kind = _KIND_OF.get(type(obj))
    ident = getattr(obj, "id", None)
    return None if kind is None or ident is None else f"{kind}:{int(ident)}"


def _vouched_change(obj: object) -> bool:
    """Whether the app changed a value of ``obj`` that the chain vouches for."""
    kind = _KIND_OF.get(type(obj))
    names = KINDS[kind].columns if kind is not None else _CHILD_COLUMNS.get(type(obj), ())
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names if name in attrs)


def _changing(session: Session) -> set[str]:
    """The subjects the coming flush changes that existed before it."""
    out: set[str] = set()
    for obj in session.new:
        if isinstance(obj, (Ticket, Promise)):  # a new ticket or promise changes its contact
            subject = _subject(obj)
            if subject is not None:
                out.add(subject)
    for obj in (*session.dirty, *session.deleted):
        subject = _subject(obj)
        if subject is not None and (obj in session.deleted or _vouched_change(obj)):
            out.add(subject)
    return out


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    seen: dict[str, str | None] = session.info.setdefault(_BEFORE, {})
    new = _changing(session) - set(seen)
    if new:
        seen.update(states(session.connection(), new))
    session.info.setdefault(_TOUCHED, set()).update(new)


def _after_flush(session: Session, _context: object) -> None:
    touched: set[str] = session.info.setdefault(_TOUCHED, set())
    for obj in session.new:  # their ids are known now
        subject = _subject(obj)
        if subject is not None:
            touched.add(subject)


def _forget(session: Session, *_args: object) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_BEFORE, None)


def _seal(session: Session) -> None:
    session.flush()
    seal_pending(session.connection(), session.info.pop(_TOUCHED, ()),
                 session.info.pop(_BEFORE, None))


def attach(factory: sessionmaker[Session]) -> None:
    """Seal the history in every commit of sessions made by ``factory``."""
    if factory in _ATTACHED:
        return
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _seal)
    event.listen(factory, "after_rollback", _forget)
    _ATTACHED.add(factory)
