"""Letter drafts kept on the case: the service's part (``JournalService`` inherits it).

One draft per case and letter kind: its text as last edited, the facts entered for it (a
statement date, the plan's own review deadline...: they win over the case's fields), and, once
it was sent, the day, the channel and the logged contact that records the sending.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ..models import LetterDraft, utc_now
from ..records import NotFound, ValidationError
from ..service_base import ServiceBase
from ..validation import MAX_LONG, MAX_TEXT, clean_text

__all__ = ["LetterDraftView", "LetterDrafts"]

MAX_FACTS = 40


@dataclass(frozen=True)
class LetterDraftView:
    """A letter drafted for a case: its text, the facts it was filled from, when sent."""
    case_id: int
    kind: str
    body: str
    facts: dict[str, str]
    updated_at: datetime
    sent_on: date | None
    sent_channel: str
    contact_id: int | None


def _view(row: LetterDraft) -> LetterDraftView:
    return LetterDraftView(row.case_id, row.kind, row.body,
                           {str(k): str(v) for k, v in (row.facts or {}).items()},
                           row.updated_at, row.sent_on, row.sent_channel, row.contact_id)


def _check_kind(kind: str) -> None:
    from .bodies import KINDS  # the letters' texts load when a letter is drafted, not at start

    if kind not in KINDS:
        raise ValidationError({"kind": f"Unknown letter kind {kind!r}; expected one of "
                                       f"{', '.join(KINDS)}."})


def clean_facts(facts: Mapping[str, str]) -> dict[str, str]:
    """The facts as stored: one line of text each, dates as ISO dates; ValidationError else."""
    from .facts import DATE_FACTS  # (as KINDS in _check_kind)

    errors: dict[str, str] = {}
    out: dict[str, str] = {}
    if len(facts) > MAX_FACTS:
        raise ValidationError({"facts": f"At most {MAX_FACTS} facts can be kept with a letter."})
    for key, value in facts.items():
        name = clean_text(key, "facts", errors, required=True, label="A fact's name")
        text = clean_text(value, name or "facts", errors, limit=MAX_TEXT * 4)
        if name in DATE_FACTS and text:
            try:
                text = date.fromisoformat(text).isoformat()
            except ValueError:
                errors[name] = f"{text!r} is not a date; write it as YYYY-MM-DD."
        if name and text:
            out[name] = text
    if errors:
        raise ValidationError(errors)
    return out


class LetterDrafts(ServiceBase):
    """Read, save and mark sent the letters drafted for a case."""

    def letter_drafts(self, case_id: int) -> dict[str, LetterDraftView]:
        """The case's drafts by kind."""
        with self.journal.sessions() as s:
            rows = s.scalars(select(LetterDraft).where(LetterDraft.case_id == case_id)).all()
            return {r.kind: _view(r) for r in rows}

    def letter_drafts_of(self, case_ids: Sequence[int]) -> dict[int, dict[str, LetterDraftView]]:
        """Each case's drafts by kind, for several cases in one query (cases without any are
        left out)."""
        out: dict[int, dict[str, LetterDraftView]] = {}
        with self.journal.sessions() as s:
            for r in s.scalars(select(LetterDraft)
                               .where(LetterDraft.case_id.in_(list(case_ids)))
                               .order_by(LetterDraft.id)):
                out.setdefault(r.case_id, {})[r.kind] = _view(r)
        return out

    def letter_draft(self, case_id: int, kind: str) -> LetterDraftView | None:
        return self.letter_drafts(case_id).get(kind)

    def save_letter_draft(self, case_id: int, kind: str, body: str,
                          facts: Mapping[str, str] | None = None) -> LetterDraftView:
        """Keep the letter's text and facts on the case (replacing the kind's earlier draft)."""
        _check_kind(kind)
        errors: dict[str, str] = {}
        text = clean_text(body, "body", errors, limit=MAX_LONG, label="The letter")
        if errors:
            raise ValidationError(errors)
        clean = clean_facts(facts or {})
        with self._write() as s:
            case = self._case(s, case_id)
            row = s.scalars(select(LetterDraft).where(LetterDraft.case_id == case.id,
                                                      LetterDraft.kind == kind)).first()
            action = "update" if row is not None else "create"
            if row is None:
                row = LetterDraft(case_id=case.id, kind=kind, body=text, facts=clean,
                                  sent_channel="")
                s.add(row)
            else:
                row.body, row.facts, row.updated_at = text, clean, utc_now()
            s.flush()
            self._log(s, "letter", row.id, case.id, action,
                      {"kind": kind, "facts": clean, "length": len(text)})
            return _view(row)

    def record_letter_sent(self, case_id: int, kind: str, *, sent_on: date, channel: str,
                           contact_id: int | None) -> LetterDraftView:
        """Note on the draft that it was sent (the contact logging it made by the caller)."""
        _check_kind(kind)
        with self._write() as s:
            case = self._case(s, case_id)
            row = s.scalars(select(LetterDraft).where(LetterDraft.case_id == case.id,
                                                      LetterDraft.kind == kind)).first()
            if row is None:
                raise NotFound(f"Case {case_id} has no {kind} letter saved; save it first.")
            row.sent_on, row.sent_channel, row.contact_id = sent_on, channel, contact_id
            row.updated_at = utc_now()
            s.flush()
            self._log(s, "letter", row.id, case.id, "sent",
                      {"kind": kind, "sent_on": sent_on.isoformat(), "channel": channel})
            return _view(row)
