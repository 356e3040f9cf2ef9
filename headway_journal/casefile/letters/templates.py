"""Each letter kind's text, filled from the case's facts, with every gap shown as a gap.

A fact the case and the letter's own facts do not hold is written as "[the date of the
statement]" (``journal.letters.facts``): nothing is guessed. The text keeps the conventions of
the cover letter (``casefile.letter``: Title Case headings on their own line, "- " list items,
"Dear ..." and "Sincerely,"), so the same editor, PDF layout and .docx export serve every kind.
The CFPB kind's text is the narrative alone (the form's "What happened" field, counted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from ...journal.letters.bodies import body, state_department
from ...journal.letters.facts import Fact, facts_for, gap
from ...journal.letters.plan import letter_deadline, long_day
from ..data import CaseFileData
from ..letter import (
    closing_section,
    commitments_section,
    contacts_section,
    draft_cover_letter,
    escalations_section,
    exhibits_section,
    long_date,
    not_a_heading,
    one_line,
)
from ..person import party_lines

__all__ = ["Filler", "draft_letter", "recipient_lines", "subject_line"]


@dataclass(frozen=True)
class Filler:
    """The facts of one letter: the value of a fact, or its gap."""

    kind: str
    data: CaseFileData
    facts: Mapping[str, str]

    def fact(self, name: str) -> Fact:
        for f in facts_for(self.kind):
            if f.name == name:
                return f
        return Fact(name, name, name.replace("_", " "))

    def has(self, name: str) -> bool:
        return bool(str(self.facts.get(name, "")).strip())

    def get(self, name: str, *fallbacks: str) -> str:
        """The fact (a date written out in full), the first fallback text given, or the gap."""
        value = str(self.facts.get(name, "")).strip()
        if value and self.fact(name).kind == "date":
            try:
                return long_date(date.fromisoformat(value))
            except ValueError:
                return value
        for candidate in (value, *fallbacks):
            if candidate and candidate.strip():
                return candidate.strip()
        return gap(self.fact(name))

    @property
    def org(self) -> str:
        return self.data.organization.name.strip() or gap("the company's name")

    def org_address(self) -> list[str]:
        lines = [x.strip() for x in self.data.organization.address.splitlines() if x.strip()]
        return lines or [gap("the company's address")]


def recipient_lines(kind: str, f: Filler) -> list[str]:
    """Who the letter goes to, line by line."""
    b = body(kind)
    if kind == "company":
        return [f.org, *f.org_address()]
    if kind in ("privacy-officer", "records-request"):
        lines = [b.recipient, f.org, *f.org_address()]
        if kind == "privacy-officer":
            if b.phone and "headway" in f.org.casefold():
                lines.append(f"Phone: {b.phone}")
            lines.append(f"E-mail: {f.get('privacy_email')}")
        return lines
    if kind == "card-dispute":
        return [b.recipient, f.get("card_issuer"), *b.address]
    if kind == "internal-appeal":
        return [b.recipient, f.get("payer"),
                *(x for x in f.get("appeal_address").splitlines() if x.strip())]
    if kind == "external-review":
        return [x for x in f.get("review_address").splitlines() if x.strip()]
    if kind == "state-insurance":
        dept = state_department(str(f.facts.get("state", "")))
        return [b.recipient, dept.name if dept else gap("your state's insurance department")]
    if kind == "hhs-ocr":
        return [b.recipient, b.organization, *b.address]
    return [b.organization]


def subject_line(kind: str, f: Filler) -> str:
    subjects = {
        "company": f"Re: Formal complaint: {one_line(f.data.title)}",
        "privacy-officer": "Re: Privacy complaint",
        "records-request": "Re: Request for a copy of my records (HIPAA right of access)",
        "card-dispute": f"Re: Billing error notice, card ending {f.get('card_last4')}",
        "internal-appeal": "Re: Request for an internal appeal",
        "external-review": "Re: Request for external review",
        "state-insurance": f"Re: Complaint about {f.get('payer', f.data.organization.name)}",
        "hhs-ocr": "Re: Health information privacy complaint",
        "cfpb": "Re: Complaint",
    }
    return subjects[kind]


def _head(kind: str, f: Filler, refs: list[str], salutation: str) -> list[str]:
    today = f.data.generated_at.date()
    return [long_date(today), "\n".join(recipient_lines(kind, f)),
            "\n".join([subject_line(kind, f), *refs]), salutation]


def _record(d: CaseFileData, org: str) -> list[str]:
    """The record of contacts (heading, one line each), without the narrative."""
    contacts = sorted(d.contacts, key=lambda c: (c.started_at, c.number))
    return contacts_section(replace(d, narrative=""), contacts, org)


def _signed(f: Filler) -> list[str]:
    return closing_section(f.data)


def _privacy_officer(f: Filler) -> list[str]:
    d = f.data
    parts = _head("privacy-officer", f, [], "Dear Privacy Officer,")
    parts.append(f"I am writing to make a formal privacy complaint about {f.org}.")
    parts += ["What Happened", not_a_heading(f.get("what_happened", d.narrative))]
    parts += ["When I Learned of It", f"I learned of it on {f.get('learned_on')}."]
    parts += ["Who Was Involved", not_a_heading(f.get("people_involved"))]
    parts += _record(d, f.org)
    parts += ["What I Am Asking For", not_a_heading(f.get("desired_outcome", d.desired_outcome))]
    parts.append("Please confirm in writing that you received this complaint, who is handling "
                 "it, and when I can expect your answer.")
    return parts + exhibits_section(d) + _signed(f)


def _records_request(f: Filler) -> list[str]:
    d = f.data
    refs = [f"{r.label or r.kind}: {r.value}" for r in d.references
            if r.kind in ("account", "member")]
    parts = _head("records-request", f, refs, "Dear Privacy Officer,")
    parts.append("Under the HIPAA Privacy Rule's right of access (45 CFR 164.524), I ask for a "
                 "copy of the following records about me:")
    parts.append(not_a_heading(f.get("records_wanted")))
    parts.append(f"They cover {f.get('records_dates')}. Please provide them in this form and "
                 f"format: {f.get('records_format')}, sent to {f.get('records_to')}.")
    parts.append("The rule asks you to act on this request no later than 30 days after you "
                 "receive it. If you need more time or charge a fee, please tell me in writing "
                 "before then, with the reason and the amount.")
    return parts + _signed(f)


def _card_dispute(f: Filler) -> list[str]:
    d = f.data
    amount = f.get("charge_amount", d.amount_disputed or "")
    parts = _head("card-dispute", f, [f"Statement date: {f.get('statement_date')}"],
                  "Dear Sir or Madam,")
    parts.append(f"I am writing under the Fair Credit Billing Act to dispute a billing error on "
                 f"my card account ending in {f.get('card_last4')}. The statement dated "
                 f"{f.get('statement_date')} shows a charge of {amount} on "
                 f"{f.get('charge_date')} from {f.org}.")
    parts += ["Why the Charge Is Wrong", not_a_heading(f.get("error_reason", d.narrative))]
    parts.append("Please correct the error, credit any finance charges and fees related to it, "
                 "and send me a corrected statement. Please acknowledge this notice in writing "
                 "within 30 days of receiving it.")
    return parts + exhibits_section(d, "Enclosures (Copies)") + _signed(f)


def _claim_refs(f: Filler, *names: str) -> list[str]:
    labels = {"member_id": "Member ID", "claim_numbers": "Claim number",
              "dates_of_service": "Dates of service", "denial_date": "Denial date",
              "final_decision_date": "Final internal decision", "policy_number": "Policy number"}
    return [f"{labels[n]}: {f.get(n)}" for n in names]


def _internal_appeal(f: Filler) -> list[str]:
    d = f.data
    parts = _head("internal-appeal", f, _claim_refs(f, "member_id", "claim_numbers",
                                                     "dates_of_service", "denial_date"),
                  "Dear Appeals Department,")
    parts.append(f"I am appealing the denial of claim {f.get('claim_numbers')} for services on "
                 f"{f.get('dates_of_service')}, which {f.get('payer')} denied on "
                 f"{f.get('denial_date')}. I ask for a full and fair review.")
    reason = f.get("denial_reason", str(f.facts.get("denial_reason_code", "")))
    parts += ["The Plan's Reason", not_a_heading(reason)]
    parts += ["Why the Denial Is Wrong", not_a_heading(f.get("why_wrong", d.narrative))]
    parts += ["What I Am Asking For", not_a_heading(d.desired_outcome.strip()
                                                    or gap("the decision you want"))]
    parts.append("Please also send me, free of charge, copies of all documents and records "
                 "relevant to my claim, including the criteria used to decide it.")
    return parts + exhibits_section(d, "Documents Enclosed") + _signed(f)


def _external_review(f: Filler) -> list[str]:
    d = f.data
    parts = _head("external-review", f, _claim_refs(f, "member_id", "claim_numbers",
                                                     "final_decision_date"),
                  "Dear External Reviewer,")
    parts.append(f"I request an external review of {f.get('payer')}'s final internal decision "
                 f"of {f.get('final_decision_date')} denying claim {f.get('claim_numbers')}.")
    dl_ = letter_deadline("external-review", f.facts)
    if dl_ is not None:
        source = "the plan's final letter" if dl_.from_letter else "the federal process"
        parts.append(f"The deadline to request this review is {long_day(dl_.deadline)} "
                     f"(from {source}).")
    parts += ["Why the Decision Is Wrong", not_a_heading(f.get("why_wrong", d.narrative))]
    parts += ["What I Am Asking For", not_a_heading(d.desired_outcome.strip()
                                                    or gap("the decision you want"))]
    return parts + exhibits_section(d, "Documents Enclosed") + _signed(f)


def _state_insurance(f: Filler) -> list[str]:
    d = f.data
    insurer = f.get("payer", d.organization.name)
    parts = _head("state-insurance", f, [], "Dear Consumer Services,")
    parts.append(f"I am filing a complaint about {insurer}. I contacted the insurer first; "
                 "the dated record of every contact is below and in the enclosed case file.")
    complainant = party_lines(d.person)
    parts += ["Complaint Details", "\n".join([
        f"- Complainant: {', '.join(complainant)}",
        f"- Insurance company: {insurer}",
        f"- Policy or group number: {f.get('policy_number')}",
        f"- Member ID: {f.get('member_id')}",
        f"- Claim numbers: {f.get('claim_numbers')}",
        f"- Denial date: {f.get('denial_date')}",
    ])]
    parts += ["What Happened", not_a_heading(d.narrative.strip() or gap("what happened"))]
    contacts = sorted(d.contacts, key=lambda c: (c.started_at, c.number))
    parts += _record(d, insurer) + commitments_section(contacts) + escalations_section(d)
    parts += ["The Resolution I Am Asking For", not_a_heading(d.desired_outcome.strip()
                                                              or gap("the resolution you want"))]
    return parts + exhibits_section(d, "Denial Letters and Correspondence Enclosed") + _signed(f)


def _hhs_ocr(f: Filler) -> list[str]:
    d = f.data
    parts = _head("hhs-ocr", f, [], "Dear Office for Civil Rights,")
    entity = f.get("entity", d.organization.name)
    address = f.get("entity_address", "\n".join(x for x in f.org_address() if "[" not in x))
    parts.append(f"I am filing a health information privacy complaint against {entity}.")
    parts += ["Covered Entity", f"{entity}\n{address}"]
    parts += ["What Happened", not_a_heading(f.get("what_happened", d.narrative))]
    parts += ["When I Learned of It", f"I learned of it on {f.get('learned_on')}."]
    dl_ = letter_deadline("hhs-ocr", f.facts)
    if dl_ is not None:
        parts.append(f"The 180 days to file this complaint end on {long_day(dl_.deadline)}.")
    parts += ["Who Was Involved", not_a_heading(f.get("people_involved"))]
    parts += _record(d, entity)
    return parts + exhibits_section(d, "Documents Enclosed") + _signed(f)


def _cfpb(f: Filler) -> list[str]:
    """The narrative only: facts without identifiers, the contacts in short, what went wrong."""
    d = f.data
    amount = f.get("charge_amount", d.amount_disputed or "")
    parts = [f"On {f.get('charge_date')}, {f.get('card_issuer', d.organization.name)} charged "
             f"me {amount}. {d.narrative.strip() or gap('what happened, in your own words')}"]
    contacts = sorted(d.contacts, key=lambda c: (c.started_at, c.number))
    if contacts:
        first, last = contacts[0].started_at.date(), contacts[-1].started_at.date()
        span = f"on {long_date(first)}" if first == last else \
            f"between {long_date(first)} and {long_date(last)}"
        parts.append(f"I contacted {f.org} {len(contacts)} time"
                     f"{'s' if len(contacts) != 1 else ''} {span}.")
    missed = [p for c in contacts for p in c.promises if p.status in ("broken", "overdue")]
    for p in missed:
        parts.append(f"On {long_date(p.made_on)} they promised: \u201c{one_line(p.text)}\u201d, "
                     f"due {p.due_label}. It was not kept.")
    return parts


_KINDS: dict[str, Callable[[Filler], list[str]]] = {
    "privacy-officer": _privacy_officer, "records-request": _records_request,
    "card-dispute": _card_dispute, "internal-appeal": _internal_appeal,
    "external-review": _external_review, "state-insurance": _state_insurance,
    "hhs-ocr": _hhs_ocr, "cfpb": _cfpb,
}


def draft_letter(kind: str, data: CaseFileData, facts: Mapping[str, str]) -> str:
    """The letter of ``kind`` for the case, as plain text for the user to edit."""
    body(kind)  # an unknown kind: ValueError naming the kinds
    if kind == "company":
        addressee = str(facts.get("addressee", "")).strip()
        return draft_cover_letter(data, addressee=addressee)
    filler = Filler(kind, data, facts)
    return "\n\n".join(_KINDS[kind](filler)) + "\n"
