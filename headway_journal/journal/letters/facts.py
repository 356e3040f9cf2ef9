"""The facts each letter asks for: the case field (or a letter-only fact) and how to name it.

A fact is read from the facts entered for the letter first, then from the case's fields (the
same names: ``statement_date`` is the billing case's field and the card notice's fact). A fact
that is missing is a gap in the letter, written as "[the date of the statement]" so it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from headway_journal import i18n

__all__ = ["DATE_FACTS", "FACTS", "Fact", "facts_for", "gap"]


@dataclass(frozen=True)
class Fact:
    name: str  # the case field's name, or a letter-only name
    label: str  # "Statement date"
    gap: str  # how the letter shows it missing, without brackets: "the date of the statement"
    kind: str = "text"  # "text" | "date" | "multiline" | "state"


def _f(name: str, label: str, gap_text: str, kind: str = "text") -> Fact:
    return Fact(name, label, gap_text, kind)


_ADDRESSEE = _f("addressee", i18n.mark("Addressed to (name and title)"), i18n.mark("the name and title of the person "
                "who owns the escalation"))
FACTS: dict[str, tuple[Fact, ...]] = {
    "company": (_ADDRESSEE,),
    "privacy-officer": (
        _f("what_happened", i18n.mark("What was disclosed or refused"), i18n.mark("what was disclosed or refused"),
           "multiline"),
        _f("learned_on", i18n.mark("When you learned of it"), i18n.mark("the date you learned of it"), "date"),
        _f("people_involved", i18n.mark("Who was involved"), i18n.mark("who was involved")),
        _f("privacy_email", i18n.mark("Privacy Officer's e-mail"), i18n.mark("the Privacy Officer's e-mail address")),
    ),
    "records-request": (
        _f("records_wanted", i18n.mark("Which records"), i18n.mark("which records you want (for example, all "
           "records of my sessions and the billing records)"), "multiline"),
        _f("records_dates", i18n.mark("Dates the records cover"), i18n.mark("the dates the records cover")),
        _f("records_format", i18n.mark("Format wanted"), i18n.mark("the format you want (for example, PDF by "
           "e-mail)")),
        _f("records_to", i18n.mark("Where to send them"), i18n.mark("where to send them")),
    ),
    "card-dispute": (
        _f("card_issuer", i18n.mark("Card issuer"), i18n.mark("the card issuer")),
        _f("card_last4", i18n.mark("Card, last 4 digits"), i18n.mark("the card's last 4 digits")),
        _f("statement_date", i18n.mark("Statement date"), i18n.mark("the date of the statement"), "date"),
        _f("charge_date", i18n.mark("Date of the charge"), i18n.mark("the date of the charge"), "date"),
        _f("charge_amount", i18n.mark("Amount of the error"), i18n.mark("the amount of the error")),
        _f("error_reason", i18n.mark("Why the charge is wrong"), i18n.mark("why the charge is wrong"), "multiline"),
    ),
    "internal-appeal": (
        _f("appeal_address", i18n.mark("Appeal address"), i18n.mark("the appeal address in the denial letter"),
           "multiline"),
        _f("payer", i18n.mark("Health plan"), i18n.mark("the health plan")),
        _f("member_id", i18n.mark("Member ID"), i18n.mark("the member ID")),
        _f("claim_numbers", i18n.mark("Claim numbers"), i18n.mark("the claim number")),
        _f("dates_of_service", i18n.mark("Dates of service"), i18n.mark("the dates of service")),
        _f("denial_date", i18n.mark("Denial date"), i18n.mark("the date of the denial"), "date"),
        _f("denial_reason", i18n.mark("The plan's reason"), i18n.mark("the plan's reason for the denial"), "multiline"),
        _f("why_wrong", i18n.mark("Why the denial is wrong"), i18n.mark("why the denial is wrong"), "multiline"),
    ),
    "external-review": (
        _f("review_address", i18n.mark("Where to send it"), i18n.mark("the external reviewer's address in the plan's "
           "final letter"), "multiline"),
        _f("payer", i18n.mark("Health plan"), i18n.mark("the health plan")),
        _f("member_id", i18n.mark("Member ID"), i18n.mark("the member ID")),
        _f("claim_numbers", i18n.mark("Claim numbers"), i18n.mark("the claim number")),
        _f("final_decision_date", i18n.mark("Final internal decision date"), i18n.mark("the date of the final "
           "internal decision"), "date"),
        _f("review_deadline", i18n.mark("Deadline in the plan's final letter"), i18n.mark("the deadline in the "
           "plan's final letter"), "date"),
        _f("why_wrong", i18n.mark("Why the decision is wrong"), i18n.mark("why the decision is wrong"), "multiline"),
    ),
    "state-insurance": (
        _f("state", i18n.mark("State"), i18n.mark("your state"), "state"),
        _f("payer", i18n.mark("Insurance company"), i18n.mark("the insurance company")),
        _f("policy_number", i18n.mark("Policy or group number"), i18n.mark("the policy or group number")),
        _f("member_id", i18n.mark("Member ID"), i18n.mark("the member ID")),
        _f("claim_numbers", i18n.mark("Claim numbers"), i18n.mark("the claim number")),
        _f("denial_date", i18n.mark("Denial date"), i18n.mark("the date of the denial"), "date"),
    ),
    "hhs-ocr": (
        _f("entity", i18n.mark("Covered entity (who did it)"), i18n.mark("the name of the covered entity")),
        _f("entity_address", i18n.mark("Its address"), i18n.mark("the covered entity's address"), "multiline"),
        _f("what_happened", i18n.mark("What happened"), i18n.mark("what was disclosed or refused"), "multiline"),
        _f("learned_on", i18n.mark("When you learned of it"), i18n.mark("the date you learned of it"), "date"),
        _f("people_involved", i18n.mark("Who was involved"), i18n.mark("who was involved")),
    ),
    "cfpb": (
        _f("card_issuer", i18n.mark("Company (card issuer or payment company)"), i18n.mark("the company")),
        _f("charge_date", i18n.mark("Date of the charge"), i18n.mark("the date of the charge"), "date"),
        _f("charge_amount", i18n.mark("Amount"), i18n.mark("the amount")),
    ),
}

DATE_FACTS: frozenset[str] = frozenset(f.name for facts in FACTS.values() for f in facts
                                       if f.kind == "date")


def facts_for(kind: str) -> tuple[Fact, ...]:
    return FACTS.get(kind, ())


def gap(fact_or_text: Fact | str) -> str:
    """"[the date of the statement]": a missing fact, shown as one."""
    text = fact_or_text.gap if isinstance(fact_or_text, Fact) else fact_or_text
    return f"[{i18n.text(text)}]"
