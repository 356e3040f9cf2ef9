"""The fields of each body's online form, filled from the case, for plain text and copying.

Regulators take complaints through web forms with one box per question; the letter's plain
text export and the editor's copy buttons give one value per box. A missing fact is its gap.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...journal.letters.bodies import state_department
from ..data import CaseFileData
from ..letter import long_date
from ..person import party_lines
from .templates import Filler, recipient_lines, subject_line

__all__ = ["form_fields"]


def _you(data: CaseFileData) -> list[tuple[str, str]]:
    p = data.person
    lines = party_lines(p)
    return [("Your name", lines[0]), ("Your address", p.address.strip() or "\n".join(lines[1:3])),
            ("Your e-mail", p.email.strip() or "[your e-mail address]"),
            ("Your phone", p.phone.strip() or "[your phone number]")]


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
        return [("Company", f.get("card_issuer", data.organization.name)),
                ("Date of the charge", f.get("charge_date")),
                ("Amount", f.get("charge_amount", data.amount_disputed or "")),
                ("What happened", text), ("Desired resolution", wanted),
                ("Documents to upload", _documents(data)), *_you(data)]
    if kind == "hhs-ocr":
        return [*_you(data), ("Covered entity", f.get("entity", data.organization.name)),
                ("Covered entity's address", f.get("entity_address",
                                                   data.organization.address)),
                ("When did you learn of it", f.get("learned_on")),
                ("What happened", f.get("what_happened", data.narrative)),
                ("Who was involved", f.get("people_involved")),
                ("Complaint letter", text)]
    if kind == "state-insurance":
        dept = state_department(str(facts.get("state", "")))
        return [("Department", dept.name if dept else "[your state's insurance department]"),
                *_you(data), ("Insurance company", f.get("payer", data.organization.name)),
                ("Policy or group number", f.get("policy_number")),
                ("Member ID", f.get("member_id")), ("Claim numbers", f.get("claim_numbers")),
                ("Denial date", f.get("denial_date")),
                ("Have you contacted the insurer?", _contacted(data)),
                ("Resolution wanted", wanted), ("Complaint", text),
                ("Documents enclosed", _documents(data))]
    return [("To", "\n".join(recipient_lines(kind, f))), ("Subject", subject_line(kind, f)[4:]),
            ("Letter", text)]
