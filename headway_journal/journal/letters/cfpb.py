"""The CFPB narrative's two checks: at most 4,000 characters, and no account numbers in it.

Characters are counted as the complaint form counts them: every character, spaces and line
breaks included (a line break as one). Numbers are found as the journal finds card numbers
(:mod:`..digit_groups`: any separator between digit groups, digits of every script): a full card
number, any other number of seven digits or more that is not a date or an amount, and any of the
case's own identifiers (account, member, claim, invoice, authorization numbers, NPI, EIN)
written anywhere in the text. The last 4 digits of a card or account may stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from headway_journal import i18n

from ..digit_groups import digit_runs
from ..issue_types import find_card_number, get_issue_type
from .bodies import body

__all__ = ["NarrativeCheck", "case_identifiers", "check_narrative", "narrative_limit"]

LONG_NUMBER_DIGITS = 7
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_AMOUNT = re.compile(r"\d{1,3}(,\d{3})+(\.\d{2})?|\d+\.\d{2}")


def narrative_limit() -> int:
    """4,000 (from ``bodies.json``)."""
    return body("cfpb").narrative_limit or 4000


@dataclass(frozen=True)
class NarrativeCheck:
    length: int
    limit: int
    problems: tuple[str, ...]  # one sentence each; empty when the narrative can go

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def counter(self) -> str:
        """"3,412 of 4,000 characters"."""
        return i18n.text("{n} of {limit} characters").format(n=f"{self.length:,}",
                                                            limit=f"{self.limit:,}")


def case_identifiers(issue_type: str, fields: Mapping[str, str]) -> list[str]:
    """The case's identifier values (fields the registry marks as references), each one."""
    try:
        specs = get_issue_type(issue_type).fields
    except (KeyError, ValueError):
        return []
    out: list[str] = []
    for spec in specs:
        value = str(fields.get(spec.name) or "")
        if spec.ref_kind is None or spec.kind == "last4" or not value.strip():
            continue
        out += [v.strip() for v in re.split(r"[,;\n]+", value) if len(v.strip()) >= 4]
    return out


def _squash(text: str) -> str:
    """Letters and digits only, lower case: "CLM-77 0001" and "clm770001" are the same."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _is_date_or_amount(text: str) -> bool:
    return bool(_DATE.fullmatch(text) or _AMOUNT.fullmatch(text))


def check_narrative(text: str, identifiers: Iterable[str] = ()) -> NarrativeCheck:
    """Count the narrative and look for account numbers in it."""
    limit = narrative_limit()
    text = text.replace("\r\n", "\n")
    problems: list[str] = []
    if len(text) > limit:
        problems.append(i18n.text(
            "The narrative is {n} characters long; the CFPB takes at most {limit}: shorten it "
            "by {over}.").format(n=f"{len(text):,}", limit=f"{limit:,}",
                                 over=f"{len(text) - limit:,}"))
    if find_card_number(text) is not None:
        problems.append(i18n.text("It holds a full card number: keep the last 4 digits only."))
    for run in digit_runs(text):
        raw = text[run.start:run.end]
        if len(run.digits) >= LONG_NUMBER_DIGITS and not _is_date_or_amount(raw) \
                and find_card_number(raw) is None:
            problems.append(i18n.text("It holds a long number ({digits} digits, ending {last}): "
                                      "leave account numbers out.").format(
                digits=len(run.digits), last=run.digits[-4:]))
    squashed = _squash(text)
    for ident in dict.fromkeys(identifiers):
        key = _squash(ident)
        if len(key) >= 5 and key in squashed:
            problems.append(i18n.text("It holds the case's identifier ending {last}: leave "
                                      "account, member and claim numbers out.").format(
                last=key[-4:].upper()))
    return NarrativeCheck(len(text), limit, tuple(dict.fromkeys(problems)))
