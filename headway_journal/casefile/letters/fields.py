"""The fields of each body's online form, filled from the case, for plain text and copying.

Regulators take complaints through web forms with one box per question; the letter's plain
text export and the editor's copy buttons give one value per box. A missing fact is its gap.
"""

from __future__ import annotations

from collections.abc import Mapping

from headway_journal import i18n

from ...journal.letters.bodies import state_department
from ..data import CaseFileData
from ..letter import long_date
from ..person import party_lines
from .templates import Filler, recipient_lines, subject_line

__all__ = ["form_fields"]


def _you(data: CaseFileData) -> list[tuple[str, str]]:
    p = data.person
    lines = party_lines(p)
    return [(i18n.text("Your name"), lines[0]), (i18n.text("Your address"), p.address.strip() or "\n".join(lines[1:3])),
            (i18n.text("Your e-mail"), p.email.strip() or "[your e-mail address]"),
            (i18n.text("Your phone"), p.phone.strip() or "[your phone number]")]


def _documents(data: CaseFileData) -> str:
    return "\n".join(f"Exhibit {x.number}: {x.caption or x.original_name} ({x.original_name})"
                     for x in sorted(data.exhibits, key=lambda x: x.number)) \
        or "[the documents to upload: statements, receipts, letters]"


def _contacted(data: CaseFileData) -> str:
    contacts = sorted(data.contacts, key=lambda c: c.started_at)
    if not contacts:
        return "[the dates you contacted the insurer]"
    first, last = contacts[0].started_at.date(), contacts[-1].started_at.date()
    return (f"Yes: {len(contacts)} contact{'s' if len(contacts) != 1 else ''} between "
            f"{long_date(first)} and {long_date(last)} (dated record enclosed)")


def form_fields(kind: str, text: str, data: CaseFileData,
                facts: Mapping[str, str]) -> list[tuple[str, str]]:
    """(label, value) for each box of the body's form; the letter itself is one of them."""
    f = Filler(kind, data, facts)
    wanted = data.desired_outcome.strip() or "[the resolution you want]"
    if kind == "cfpb":
        return [(i18n.text("Company"), f.get("card_issuer", data.organization.name)),
                (i18n.text("Date of the charge"), f.get("charge_date")),
                (i18n.text("Amount"), f.get("charge_amount", data.amount_disputed or "")),
                (i18n.text("What happened"), text), (i18n.text("Desired resolution"), wanted),
                (i18n.text("Documents to upload"), _documents(data)), *_you(data)]
    if kind == "hhs-ocr":
        return [*_you(data), (i18n.text("Covered entity"), f.get("entity", data.organization.name)),
                (i18n.text("Covered entity's address"), f.get("entity_address",
                                                   data.organization.address)),
                (i18n.text("When did you learn of it"), f.get("learned_on")),
                (i18n.text("What happened"), f.get("what_happened", data.narrative)),
                (i18n.text("Who was involved"), f.get("people_involved")),
                (i18n.text("Complaint letter"), text)]
    if kind == "state-insurance":
        dept = state_department(str(facts.get("state", "")))
        return [(i18n.text("Department"), dept.name if dept else "[your state's insurance department]"),
                *_you(data), (i18n.text("Insurance company"), f.get("payer", data.organization.name)),
                (i18n.text("Policy or group number"), f.get("policy_number")),
                (i18n.text("Member ID"), f.get("member_id")), (i18n.text("Claim numbers"), f.get("claim_numbers")),
                (i18n.text("Denial date"), f.get("denial_date")),
                (i18n.text("Have you contacted the insurer?"), _contacted(data)),
                (i18n.text("Resolution wanted"), wanted), (i18n.text("Complaint"), text),
                (i18n.text("Documents enclosed"), _documents(data))]
    return [(i18n.text("To"), "\n".join(recipient_lines(kind, f))), (i18n.text("Subject"), subject_line(kind, f)[4:]),
            (i18n.text("Letter"), text)]
