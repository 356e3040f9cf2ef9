"""Letter drafts in the JSON format: a case's ``letters`` (``journal.letters``), exported,
read and checked, and written (one draft per kind: an import replaces the kind's draft).

    "letters": [{"kind": "card-dispute", "body": "Dear ...", "facts": {"statement_date":
                 "2026-11-10"}, "sent_on": "2026-11-20", "sent_channel": "letter",
                 "contact": "contact-key"}]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..letters.bodies import KINDS
from ..letters.drafts import LetterDraftView, clean_facts
from ..letters.sending import SEND_CHANNELS
from ..models import LetterDraft, utc_now
from ..records import ValidationError
from ..safe_echo import escape_for_terminal
from ..validation import MAX_LONG, clean_text
from .common import show
from .plans import LetterPlan
from .validate import LETTER_FIELDS, Record, items_of

__all__ = ["export_letters", "read_letters", "write_letters"]


def export_letters(drafts: Mapping[str, LetterDraftView],
                   contact_keys: Mapping[int, str]) -> list[dict[str, Any]]:
    """A case's drafts as the format writes them, in the order of the kinds."""
    return [{"kind": d.kind, "body": d.body, "facts": dict(d.facts),
             "sent_on": d.sent_on.isoformat() if d.sent_on else None,
             "sent_channel": d.sent_channel or None,
             "contact": contact_keys.get(d.contact_id) if d.contact_id else None}
            for kind in KINDS if (d := drafts.get(kind)) is not None]


def _facts(rec: Record) -> dict[str, str]:
    raw = rec.obj.get("facts")
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        rec.bad("facts", "must be an object of texts")
        return {}
    try:
        return clean_facts(raw)
    except ValidationError as exc:
        for name, message in exc.errors.items():
            rec.problems.add(f"{rec.at('facts')}.{escape_for_terminal(name)}", message)
        return {}


def _one(rec: Record, contact_keys: set[str]) -> LetterPlan | None:
    kind = rec.text("kind", required=True)
    if kind is not None and kind not in KINDS:
        rec.bad("kind", f"{show(kind)} is not a letter kind ({', '.join(KINDS)})")
        kind = None
    errs: dict[str, str] = {}
    body = clean_text(rec.text("body") or "", "body", errs, limit=MAX_LONG, label="The letter")
    if errs:
        rec.bad("body", errs["body"])
    facts = _facts(rec)
    sent = rec.day("sent_on")
    channel = rec.text("sent_channel") or ""
    if channel and channel not in SEND_CHANNELS:
        rec.bad("sent_channel", f"{show(channel)} is not one of {', '.join(SEND_CHANNELS)}")
    contact = rec.text("contact")
    if contact and contact not in contact_keys:
        rec.bad("contact", f"there is no contact with key {show(contact)} in this case")
    if kind is None or errs:
        return None
    return LetterPlan(rec.path, kind, body, facts, sent if isinstance(sent, date) else None,
                      channel if channel in SEND_CHANNELS else "",
                      contact if contact in contact_keys else None)


def read_letters(parent: Record, contact_keys: set[str]) -> list[LetterPlan]:
    """The case's ``letters``, checked (one per kind); problems go to the parent's list."""
    out: dict[str, LetterPlan] = {}
    for path, obj in items_of(parent, "letters"):
        rec = Record(obj, path, parent.problems, LETTER_FIELDS)
        plan = _one(rec, contact_keys)
        if plan is None:
            continue
        if plan.kind in out:
            rec.bad("kind", f"{show(plan.kind)} appears more than once in this case")
            continue
        out[plan.kind] = plan
    return list(out.values())


def write_letters(s: Session, case_id: int, letters: Sequence[LetterPlan],
                  contact_ids: Mapping[str, int]) -> list[tuple[int, str, str]]:
    """Create or replace the case's drafts; (draft id, kind, "create"|"update") of each."""
    have = {d.kind: d for d in s.scalars(select(LetterDraft)
                                         .where(LetterDraft.case_id == case_id))}
    done: list[tuple[int, str, str]] = []
    for lp in letters:
        row = have.get(lp.kind)
        action = "update" if row is not None else "create"
        if row is None:
            row = LetterDraft(case_id=case_id, kind=lp.kind)
            s.add(row)
        elif (row.body, row.facts, row.sent_on, row.sent_channel) == (
                lp.body, lp.facts, lp.sent_on, lp.sent_channel):
            continue
        row.body, row.facts, row.updated_at = lp.body, dict(lp.facts), utc_now()
        row.sent_on, row.sent_channel = lp.sent_on, lp.sent_channel
        row.contact_id = contact_ids.get(lp.contact_key) if lp.contact_key else None
        s.flush()
        done.append((row.id, lp.kind, action))
    return done
