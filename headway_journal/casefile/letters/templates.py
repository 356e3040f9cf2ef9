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

from headway_journal import i18n

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
        return self.data.organization.name.strip() or gap(i18n.mark("the company's name"))

    def org_address(self) -> list[str]:
        lines = [x.strip() for x in self.data.organization.address.splitlines() if x.strip()]
        return lines or [gap(i18n.mark("the company's address"))]


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
        return [b.recipient, dept.name if dept else gap(i18n.mark("your state's insurance department"))]
    if kind == "hhs-ocr":
        return [b.recipient, b.organization, *b.address]
    return [b.organization]


def subject_line(kind: str, f: Filler) -> str:
    t = i18n.text
    if kind == "company":
        return t("Re: Formal complaint: {title}").format(title=one_line(f.data.title))
    if kind == "card-dispute":
        return t("Re: Billing error notice, card ending {last4}").format(
            last4=f.get("card_last4"))
    if kind == "state-insurance":
        return t("Re: Complaint about {insurer}").format(
            insurer=f.get("payer", f.data.organization.name))
    subjects = {
        "privacy-officer": t("Re: Privacy complaint"),
        "records-request": t("Re: Request for a copy of my records (HIPAA right of access)"),
        "internal-appeal": t("Re: Request for an internal appeal"),
        "external-review": t("Re: Request for external review"),
        "hhs-ocr": t("Re: Health information privacy complaint"),
        "cfpb": t("Re: Complaint"),
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


def _learned(f: Filler) -> list[str]:
    return [i18n.text("When I Learned of It"),
            i18n.text("I learned of it on {day}.").format(day=f.get("learned_on"))]


def _privacy_officer(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    parts = _head("privacy-officer", f, [], t("Dear Privacy Officer,"))
    parts.append(t("I am writing to make a formal privacy complaint about {org}.").format(
        org=f.org))
    parts += [t("What Happened"), not_a_heading(f.get("what_happened", d.narrative))]
    parts += _learned(f)
    parts += [t("Who Was Involved"), not_a_heading(f.get("people_involved"))]
    parts += _record(d, f.org)
    parts += [t("What I Am Asking For"),
              not_a_heading(f.get("desired_outcome", d.desired_outcome))]
    parts.append(t("Please confirm in writing that you received this complaint, who is "
                   "handling it, and when I can expect your answer."))
    return parts + exhibits_section(d) + _signed(f)


def _records_request(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    refs = [f"{r.label or r.kind}: {r.value}" for r in d.references
            if r.kind in ("account", "member")]
    parts = _head("records-request", f, refs, t("Dear Privacy Officer,"))
    parts.append(t("Under the HIPAA Privacy Rule's right of access (45 CFR 164.524), I ask for "
                   "a copy of the following records about me:"))
    parts.append(not_a_heading(f.get("records_wanted")))
    parts.append(t("They cover {dates}. Please provide them in this form and format: "
                   "{format}, sent to {to}.").format(dates=f.get("records_dates"),
                                                     format=f.get("records_format"),
                                                     to=f.get("records_to")))
    parts.append(t("The rule asks you to act on this request no later than 30 days after you "
                   "receive it. If you need more time or charge a fee, please tell me in "
                   "writing before then, with the reason and the amount."))
    return parts + _signed(f)


def _card_dispute(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    amount = f.get("charge_amount", d.amount_disputed or "")
    statement = f.get("statement_date")
    parts = _head("card-dispute", f, [t("Statement date: {day}").format(day=statement)],
                  t("Dear Sir or Madam,"))
    parts.append(t("I am writing under the Fair Credit Billing Act to dispute a billing error "
                   "on my card account ending in {last4}. The statement dated {statement} "
                   "shows a charge of {amount} on {charged} from {org}.").format(
        last4=f.get("card_last4"), statement=statement, amount=amount,
        charged=f.get("charge_date"), org=f.org))
    parts += [t("Why the Charge Is Wrong"), not_a_heading(f.get("error_reason", d.narrative))]
    parts.append(t("Please correct the error, credit any finance charges and fees related to "
                   "it, and send me a corrected statement. Please acknowledge this notice in "
                   "writing within 30 days of receiving it."))
    return parts + exhibits_section(d, t("Enclosures (Copies)")) + _signed(f)


def _claim_refs(f: Filler, *names: str) -> list[str]:
    t = i18n.text
    labels = {"member_id": t("Member ID"), "claim_numbers": t("Claim number"),
              "dates_of_service": t("Dates of service"), "denial_date": t("Denial date"),
              "final_decision_date": t("Final internal decision")}
    return [f"{labels[n]}: {f.get(n)}" for n in names]


def _asking(d: CaseFileData) -> list[str]:
    return [i18n.text("What I Am Asking For"),
            not_a_heading(d.desired_outcome.strip() or gap(i18n.text("the decision you want")))]


def _internal_appeal(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    parts = _head("internal-appeal", f, _claim_refs(f, "member_id", "claim_numbers",
                                                     "dates_of_service", "denial_date"),
                  t("Dear Appeals Department,"))
    parts.append(t("I am appealing the denial of claim {claim} for services on {dates}, which "
                   "{plan} denied on {denied}. I ask for a full and fair review.").format(
        claim=f.get("claim_numbers"), dates=f.get("dates_of_service"), plan=f.get("payer"),
        denied=f.get("denial_date")))
    reason = f.get("denial_reason", str(f.facts.get("denial_reason_code", "")))
    parts += [t("The Plan's Reason"), not_a_heading(reason)]
    parts += [t("Why the Denial Is Wrong"), not_a_heading(f.get("why_wrong", d.narrative))]
    parts += _asking(d)
    parts.append(t("Please also send me, free of charge, copies of all documents and records "
                   "relevant to my claim, including the criteria used to decide it."))
    return parts + exhibits_section(d, t("Documents Enclosed")) + _signed(f)


def _external_review(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    parts = _head("external-review", f, _claim_refs(f, "member_id", "claim_numbers",
                                                     "final_decision_date"),
                  t("Dear External Reviewer,"))
    parts.append(t("I request an external review of {plan}'s final internal decision of "
                   "{decided} denying claim {claim}.").format(
        plan=f.get("payer"), decided=f.get("final_decision_date"),
        claim=f.get("claim_numbers")))
    dl_ = letter_deadline("external-review", f.facts)
    if dl_ is not None:
        source = t("the plan's final letter") if dl_.from_letter else t("the federal process")
        parts.append(t("The deadline to request this review is {day} (from {source}).").format(
            day=long_day(dl_.deadline), source=source))
    parts += [t("Why the Decision Is Wrong"), not_a_heading(f.get("why_wrong", d.narrative))]
    parts += _asking(d)
    return parts + exhibits_section(d, t("Documents Enclosed")) + _signed(f)


def _state_insurance(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    insurer = f.get("payer", d.organization.name)
    parts = _head("state-insurance", f, [], t("Dear Consumer Services,"))
    parts.append(t("I am filing a complaint about {insurer}. I contacted the insurer first; "
                   "the dated record of every contact is below and in the enclosed case "
                   "file.").format(insurer=insurer))
    rows = [(t("Complainant"), ", ".join(party_lines(d.person))),
            (t("Insurance company"), insurer),
            (t("Policy or group number"), f.get("policy_number")),
            (t("Member ID"), f.get("member_id")), (t("Claim numbers"), f.get("claim_numbers")),
            (t("Denial date"), f.get("denial_date"))]
    parts += [t("Complaint Details"), "\n".join(f"- {k}: {v}" for k, v in rows)]
    parts += [t("What Happened"),
              not_a_heading(d.narrative.strip() or gap(t("what happened")))]
    contacts = sorted(d.contacts, key=lambda c: (c.started_at, c.number))
    parts += _record(d, insurer) + commitments_section(contacts) + escalations_section(d)
    parts += [t("The Resolution I Am Asking For"),
              not_a_heading(d.desired_outcome.strip() or gap(t("the resolution you want")))]
    return parts + exhibits_section(d, t("Denial Letters and Correspondence Enclosed")) + \
        _signed(f)


def _hhs_ocr(f: Filler) -> list[str]:
    t, d = i18n.text, f.data
    parts = _head("hhs-ocr", f, [], t("Dear Office for Civil Rights,"))
    entity = f.get("entity", d.organization.name)
    address = f.get("entity_address", "\n".join(x for x in f.org_address() if "[" not in x))
    parts.append(t("I am filing a health information privacy complaint against {entity}.")
                 .format(entity=entity))
    parts += [t("Covered Entity"), f"{entity}\n{address}"]
    parts += [t("What Happened"), not_a_heading(f.get("what_happened", d.narrative))]
    parts += _learned(f)
    dl_ = letter_deadline("hhs-ocr", f.facts)
    if dl_ is not None:
        parts.append(t("The 180 days to file this complaint end on {day}.").format(
            day=long_day(dl_.deadline)))
    parts += [t("Who Was Involved"), not_a_heading(f.get("people_involved"))]
    parts += _record(d, entity)
    return parts + exhibits_section(d, t("Documents Enclosed")) + _signed(f)


def _cfpb(f: Filler) -> list[str]:
    """The narrative only: facts without identifiers, the contacts in short, what went wrong."""
    t, d = i18n.text, f.data
    parts = [t("On {day}, {company} charged me {amount}. {what}").format(
        day=f.get("charge_date"), company=f.get("card_issuer", d.organization.name),
        amount=f.get("charge_amount", d.amount_disputed or ""),
        what=d.narrative.strip() or gap(t("what happened, in your own words")))]
    contacts = sorted(d.contacts, key=lambda c: (c.started_at, c.number))
    if contacts:
        first, last = contacts[0].started_at.date(), contacts[-1].started_at.date()
        span = t("on {day}").format(day=long_date(first)) if first == last else \
            t("between {first} and {last}").format(first=long_date(first), last=long_date(last))
        parts.append(i18n.plural("I contacted {org} {n} time {span}.",
                                 "I contacted {org} {n} times {span}.", len(contacts)).format(
            org=f.org, n=len(contacts), span=span))
    missed = [p for c in contacts for p in c.promises if p.status in ("broken", "overdue")]
    for p in missed:
        parts.append(t("On {day} they promised: \u201c{text}\u201d, due {due}. It was not "
                       "kept.").format(day=long_date(p.made_on), text=one_line(p.text),
                                       due=p.due_label))
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
