"""Letters to the company and to each outside body: their text, form fields and files.

``templates`` drafts each kind's text from the case (gaps shown as gaps), ``fields`` the boxes
of each body's online form, ``export`` the PDF, .docx and plain-text files, and this module ties
them to the journal (``letter_source``): the case as plain data, the facts (the case's fields
with the letter's own on top) and the draft kept on the case, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ...journal.letters.cfpb import NarrativeCheck, case_identifiers, check_narrative
from ...journal.letters.plan import letter_facts
from ..data import CaseFileData
from ..service_bridge import casefile_data
from .export import FORMATS, named_exhibits, write_letter
from .fields import form_fields
from .templates import draft_letter

if TYPE_CHECKING:
    from ...journal.service import JournalService

__all__ = ["FORMATS", "LetterSource", "draft_letter", "form_fields", "gaps_in",
           "letter_source", "named_exhibits", "write_letter"]

_GAP = re.compile(r"\[[^\[\]\n]{3,160}\]")


def gaps_in(text: str) -> list[str]:
    """The gaps left in a letter ("[the date of the statement]"), each once, in order."""
    return list(dict.fromkeys(_GAP.findall(text)))


@dataclass(frozen=True)
class LetterSource:
    """Everything a letter of ``kind`` is made from, and its text (the draft or a new one)."""

    kind: str
    data: CaseFileData
    facts: dict[str, str]  # the case's fields with the letter's own facts on top
    own_facts: dict[str, str]  # the facts kept with the draft
    text: str
    saved: bool  # the text is the saved draft's
    issue_type: str

    def merged(self, own_facts: dict[str, str] | None = None) -> dict[str, str]:
        """The facts with ``own_facts`` (what the editor now says) on top."""
        return {**self.facts, **{k: v for k, v in (own_facts or {}).items() if v.strip()}}

    def fields(self, text: str | None = None,
               own_facts: dict[str, str] | None = None) -> list[tuple[str, str]]:
        """The boxes of the body's online form, (label, value)."""
        return form_fields(self.kind, self.text if text is None else text, self.data,
                           self.merged(own_facts))

    def check(self, text: str | None = None) -> NarrativeCheck | None:
        """The CFPB narrative's checks (None for the other kinds)."""
        if self.kind != "cfpb":
            return None
        return check_narrative(self.text if text is None else text,
                               case_identifiers(self.issue_type, self.facts))

    def write(self, out: Path, text: str | None = None, *,
              own_facts: dict[str, str] | None = None, append_case_file: bool = False) -> None:
        body = self.text if text is None else text
        write_letter(body, self.data, self.fields(body, own_facts), out,
                     append_case_file=append_case_file)

    def redraft(self, own_facts: dict[str, str]) -> str:
        """A new text from the case with ``own_facts`` (what the editor's facts now say)."""
        return draft_letter(self.kind, self.data, self.merged(own_facts))


def letter_source(service: JournalService, case_id: int, kind: str, *,
                  now: datetime | None = None, fresh: bool = False) -> LetterSource:
    """The case, the facts and the letter's text: the saved draft's unless ``fresh``."""
    draft = service.letter_draft(case_id, kind)
    own = dict(draft.facts) if draft is not None else {}
    case = service.get_case(case_id)
    facts = letter_facts(case, own)
    data = casefile_data(service, case_id, now=now, check_files=False)
    if draft is not None and draft.body.strip() and not fresh:
        text, saved = draft.body, True
    else:
        text, saved = draft_letter(kind, data, facts), False
    return LetterSource(kind, data, facts, own, text, saved, case.issue_type)
