"""Recognised text of image exhibits as the service keeps it (part of ``JournalService``), and
the organization's ticket patterns as the service validates them.

The text is stored per exhibit (``exhibit_texts``, schema 0007) with the engine that read it; it
is shown and searched as *recognised text*, never as the user's own words. A user's correction
replaces it and is marked (``corrected_at``); recognising again never overwrites a correction
unless asked to. Every write goes into the change history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from headway_journal import i18n

from ..exhibits.images import PILLOW_FORMATS
from ..models import Attachment, ExhibitText, utc_now
from ..records import NotFound, ValidationError
from ..service_base import ServiceBase
from .patterns import check_patterns, join_patterns

__all__ = ["MAX_RECOGNISED", "ExhibitTextView", "ExhibitTexts", "ticket_patterns_value"]

MAX_RECOGNISED = 100_000  # characters kept of one exhibit's text
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class ExhibitTextView:
    """The text recognised in an exhibit, and when it was recognised or corrected."""
    attachment_id: int
    case_id: int
    name: str
    text: str
    engine: str
    recognised_at: datetime
    corrected_at: datetime | None

    @property
    def corrected(self) -> bool:
        return self.corrected_at is not None


def ticket_patterns_value(patterns: list[str], errors: dict[str, str]) -> str:
    """The patterns as stored (one a line); a problem goes into ``errors["ticket_patterns"]``."""
    cleaned = [p.strip() for p in patterns if p.strip()]
    problems = check_patterns(cleaned)
    if problems:
        errors["ticket_patterns"] = str(problems[0])
    return join_patterns(cleaned)


def _clean(text: str) -> str:
    return _UNSTORABLE.sub(" ", text).strip()[:MAX_RECOGNISED]


def _view(t: ExhibitText, a: Attachment) -> ExhibitTextView:
    return ExhibitTextView(a.id, a.case_id, a.original_name, t.text, t.engine, t.recognised_at,
                           t.corrected_at)


class ExhibitTexts(ServiceBase):
    """Recognised text of image exhibits (part of ``JournalService``)."""

    def exhibit_text(self, attachment_id: int) -> ExhibitTextView | None:
        with self.journal.sessions() as s:
            row = s.execute(select(ExhibitText, Attachment)
                            .join(Attachment, Attachment.id == ExhibitText.attachment_id)
                            .where(ExhibitText.attachment_id == attachment_id)).first()
            return None if row is None else _view(row[0], row[1])

    def exhibit_texts(self, case_id: int) -> list[ExhibitTextView]:
        """The recognised text of each exhibit still in the case that has some."""
        with self.journal.sessions() as s:
            rows = s.execute(select(ExhibitText, Attachment)
                             .join(Attachment, Attachment.id == ExhibitText.attachment_id)
                             .where(Attachment.case_id == case_id,
                                    Attachment.removed_at.is_(None), ExhibitText.text != "")
                             .order_by(Attachment.id)).all()
            return [_view(t, a) for t, a in rows]

    def images_to_recognise(self, case_id: int | None = None, *, again: bool = False) -> list[int]:
        """Ids of image exhibits (that Pillow may open) without recognised text yet (``again``:
        all of them but those the user corrected), of one case or of every case."""
        with self.journal.sessions() as s:
            q = (select(Attachment.id).outerjoin(ExhibitText,
                                                 ExhibitText.attachment_id == Attachment.id)
                 .where(Attachment.media_type.in_(tuple(PILLOW_FORMATS)),
                        Attachment.removed_at.is_(None)))
            if case_id is not None:
                q = q.where(Attachment.case_id == case_id)
            q = q.where(ExhibitText.corrected_at.is_(None) if again
                        else ExhibitText.attachment_id.is_(None))
            return list(s.scalars(q.order_by(Attachment.id)).all())

    def save_recognised_text(self, attachment_id: int, text: str, engine: str, *,
                             replace_correction: bool = False) -> bool:
        """Store what ``engine`` read in the exhibit. A correction the user made stays unless
        ``replace_correction``. Returns whether anything was stored."""
        with self._write() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(i18n.text("There is no exhibit {n}.").format(n=attachment_id))
            row = s.get(ExhibitText, attachment_id)
            if row is not None and row.corrected_at is not None and not replace_correction:
                return False
            clean = _clean(text)
            if row is None:
                row = ExhibitText(attachment_id=attachment_id, text=clean, engine=engine[:60])
                s.add(row)
            else:
                row.text, row.engine, row.corrected_at = clean, engine[:60], None
            row.recognised_at = utc_now()
            self._log(s, "exhibit_text", attachment_id, a.case_id, "recognise",
                      {"engine": engine[:60], "characters": len(clean)})
            return True

    def correct_exhibit_text(self, attachment_id: int, text: str) -> None:
        """The user's correction of an exhibit's recognised text (still marked as recognised
        text, with when it was corrected)."""
        if len(text) > MAX_RECOGNISED:
            raise ValidationError({"text": i18n.text(
                "The recognised text may be at most {n} characters.").format(n=MAX_RECOGNISED)})
        with self._write() as s:
            a = s.get(Attachment, attachment_id)
            row = s.get(ExhibitText, attachment_id)
            if a is None or row is None:
                raise NotFound(i18n.text("Exhibit {n} has no recognised text.").format(
                    n=attachment_id))
            before, row.text = row.text, _clean(text)
            row.corrected_at = utc_now()
            self._log(s, "exhibit_text", attachment_id, a.case_id, "correct",
                      {"text": [before, row.text]})
