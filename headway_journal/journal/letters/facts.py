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


_ADDRESSEE = _f("addressee", "Addressed to (name and title)", "the name and title of the person "
                "who owns the escalation")
FACTS: dict[str, tuple[Fact, ...]] = {
    "company": (_ADDRESSEE,),
    "privacy-officer": (
        _f("what_happened", "What was disclosed or refused", "what was disclosed or refused",
           "multiline"),
        _f("learned_on", "When you learned of it", "the date you learned of it", "date"),
        _f("people_involved", "Who was involved", "who was involved"),
        _f("privacy_email", "Privacy Officer's e-mail", "the Privacy Officer's e-mail address"),
    ),
    "records-request": (
        _f("records_wanted", "Which records", "which records you want (for example, all "
           "records of my sessions and the billing records)", "multiline"),
        _f("records_dates", "Dates the records cover", "the dates the records cover"),
        _f("records_format", "Format wanted", "the format you want (for example, PDF by "
           "e-mail)"),
        _f("records_to", "Where to send them", "where to send them"),
    ),
    "card-dispute": (
        _f("card_issuer", "Card issuer", "the card issuer"),
        _f("card_last4", "Card, last 4 digits", "the card's last 4 digits"),
        _f("statement_date", "Statement date", "the date of the statement", "date"),
        _f("charge_date", "Date of the charge", "the date of the charge", "date"),
        _f("charge_amount", "Amount of the error", "the amount of the error"),
        _f("error_reason", "Why the charge is wrong", "why the charge is wrong", "multiline"),
    ),
    "internal-appeal": (
        _f("appeal_address", "Appeal address", "the appeal address in the denial letter",
           "multiline"),
        _f("payer", "Health plan", "the health plan"),
        _f("member_id", "Member ID", "the member ID"),
        _f("claim_numbers", "Claim numbers", "the claim number"),
        _f("dates_of_service", "Dates of service", "the dates of service"),
        _f("denial_date", "Denial date", "the date of the denial", "date"),
        _f("denial_reason", "The plan's reason", "the plan's reason for the denial", "multiline"),
        _f("why_wrong", "Why the denial is wrong", "why the denial is wrong", "multiline"),
    ),
    "external-review": (
        _f("review_address", "Where to send it", "the external reviewer's address in the plan's "
           "final letter", "multiline"),
        _f("payer", "Health plan", "the health plan"),
        _f("member_id", "Member ID", "the member ID"),
        _f("claim_numbers", "Claim numbers", "the claim number"),
        _f("final_decision_date", "Final internal decision date", "the date of the final "
           "internal decision", "date"),
        _f("review_deadline", "Deadline in the plan's final letter", "the deadline in the "
           "plan's final letter", "date"),
        _f("why_wrong", "Why the decision is wrong", "why the decision is wrong", "multiline"),
    ),
    "state-insurance": (
        _f("state", "State", "your state", "state"),
        _f("payer", "Insurance company", "the insurance company"),
        _f("policy_number", "Policy or group number", "the policy or group number"),
        _f("member_id", "Member ID", "the member ID"),
        _f("claim_numbers", "Claim numbers", "the claim number"),
        _f("denial_date", "Denial date", "the date of the denial", "date"),
    ),
    "hhs-ocr": (
        _f("entity", "Covered entity (who did it)", "the name of the covered entity"),
        _f("entity_address", "Its address", "the covered entity's address", "multiline"),
        _f("what_happened", "What happened", "what was disclosed or refused", "multiline"),
        _f("learned_on", "When you learned of it", "the date you learned of it", "date"),
        _f("people_involved", "Who was involved", "who was involved"),
    ),
    "cfpb": (
        _f("card_issuer", "Company (card issuer or payment company)", "the company"),
        _f("charge_date", "Date of the charge", "the date of the charge", "date"),
        _f("charge_amount", "Amount", "the amount"),
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
