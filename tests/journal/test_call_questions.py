"""The registry's "Ask on this call" questions and the checklist's "not needed" conditions."""

from __future__ import annotations

from pathlib import Path

import pytest

from headway_journal.journal.issue_types import (
    CALL_PROMPTS,
    ISSUE_TYPES,
    CallQuestion,
    FieldSpec,
    IssueType,
    NotNeededWhen,
    call_prompts,
    checklist,
    fields_json_schema,
)
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService


def texts(issue_type: str, fields: dict[str, str] | None = None) -> list[str]:
    return [p.text for p in call_prompts(issue_type, fields)]


def test_every_type_asks_the_common_questions_first_then_its_own() -> None:
    own: dict[str, tuple[str, ...]] = {}
    for key, it in ISSUE_TYPES.items():
        asked = texts(key)
        assert asked[:len(CALL_PROMPTS)] == list(CALL_PROMPTS)
        own[key] = tuple(asked[len(CALL_PROMPTS):])
        assert len(own[key]) >= 2, key
        assert own[key] == tuple(q.text for q in it.questions)
    assert len(set(own.values())) == len(own)  # no two types ask the same
    common = " ".join(CALL_PROMPTS).lower()
    assert "ticket" in common and "expect an answer" in common and "name and title" in common


@pytest.mark.parametrize(("issue_type", "words"), [
    ("insurance", ("denial reason code", "appeal")),
    ("billing", ("refund will be made", "post to your card statement")),
    ("provider_credentialing", ("CAQH", "effective date")),
    ("privacy", ("Privacy Officer",)),
    ("technical", ("outage",)),
])
def test_type_specific_questions(issue_type: str, words: tuple[str, ...]) -> None:
    asked = " ".join(texts(issue_type))
    for word in words:
        assert word in asked


def test_an_answer_on_file_is_shown_with_its_question() -> None:
    prompts = call_prompts("insurance", {"denial_reason_code": "CO-50",
                                         "appeal_address": "PO Box 1\n  Springfield"})
    by_text = {p.text: p.answer for p in prompts}
    assert by_text["Ask for the denial reason code, and what it means."] == "CO-50"
    assert any(a == "PO Box 1 Springfield" for a in by_text.values())
    assert all(p.answer == "" for p in call_prompts("insurance"))
    assert texts("no-such-type") == list(CALL_PROMPTS)


def test_credentialing_has_caqh_and_license_ready() -> None:
    labels = [i.label for i in checklist("provider_credentialing", {})]
    assert "CAQH ProView ID" in labels and "State license number" in labels


def test_insurance_records_the_denial_code_appeal_address_and_letter_deadline() -> None:
    it = ISSUE_TYPES["insurance"]
    for name in ("denial_reason_code", "appeal_address", "review_deadline"):
        assert name in it.field_map and not it.field_map[name].ready
    clean, errors = it.validate({"member_id": "M1", "denial_reason_code": "CO-50",
                                 "review_deadline": "2027-01-31"})
    assert not errors and clean["review_deadline"] == "2027-01-31"


def labels_by_state(issue_type: str, fields: dict[str, str],
                    media: tuple[str, ...] = ()) -> dict[str, str]:
    out = {}
    for item in checklist(issue_type, fields, media):
        out[item.label] = ("not needed: " + item.not_needed if item.not_needed
                           else "on file" if item.on_file else "missing")
    return out


def test_an_eob_is_not_needed_for_a_self_pay_charge() -> None:
    state = labels_by_state("billing", {"paid_by": "self-pay"})
    assert state["Insurance authorization or EOB"] == "not needed: the session was self-pay"
    assert labels_by_state("billing", {"paid_by": "insurance"})[
        "Insurance authorization or EOB"] == "missing"
    assert labels_by_state("billing", {})["Insurance authorization or EOB"] == "missing"
    # on file anyway: shown as on file
    assert labels_by_state("billing", {"paid_by": "self-pay", "authorization": "AUTH-1"})[
        "Insurance authorization or EOB"] == "on file"
    items = checklist("billing", {"paid_by": "Self-Pay"})  # choices match without case
    assert items[-1].label == "Insurance authorization or EOB" and not items[-1].needed
    assert all(i.needed for i in items[:-1])  # missing, then on file, then not needed


def test_an_eligibility_question_needs_no_claim_or_eob() -> None:
    state = labels_by_state("insurance", {"member_id": "M1", "insurance_matter": "eligibility"})
    assert state["Explanation of benefits (EOB)"].startswith("not needed: an eligibility")
    assert state["Claim numbers"].startswith("not needed")
    assert state["Member ID"] == "on file"
    denied = labels_by_state("insurance", {"member_id": "M1", "insurance_matter": "denied claim"},
                             ("application/pdf",))
    assert denied["Explanation of benefits (EOB)"] == "on file"
    assert denied["Claim numbers"] == "missing"


def test_conditions_and_questions_must_name_fields_of_the_type() -> None:
    fields = (FieldSpec("paid", "Paid", "choice", choices=("self-pay", "insurance")),
              FieldSpec("eob", "EOB", not_needed_when=(NotNeededWhen("paid", ("cash",), "x"),)))
    with pytest.raises(ValueError, match="choice"):
        IssueType("x", "X", ("client",), "", fields)
    with pytest.raises(ValueError, match="unknown field"):
        IssueType("x", "X", ("client",), "", fields[:1],
                  questions=(CallQuestion("Ask?", "nope"),))
    with pytest.raises(ValueError, match="choice"):
        IssueType("x", "X", ("client",), "",
                  (FieldSpec("eob", "EOB", not_needed_when=(NotNeededWhen("gone", ("a",), "x"),)),))


def test_the_schema_knows_the_new_choices() -> None:
    rules = {r["if"]["properties"]["issue_type"]["const"]: r["then"]["properties"]["fields"]
             for r in fields_json_schema()["allOf"]}
    assert rules["billing"]["properties"]["paid_by"]["enum"] == ["self-pay", "insurance"]
    assert "eligibility" in rules["insurance"]["properties"]["insurance_matter"]["enum"]


def test_the_service_checklist_applies_the_case_facts(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "j") as svc:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        cid = svc.create_case(CaseInput(
            title="Charged twice", organization_id=headway.id, issue_type="billing",
            role="client", fields={"paid_by": "self-pay", "invoice_numbers": "INV-1"}))
        items = svc.checklist(svc.get_case(cid))
    ruled_out = [i.label for i in items if i.not_needed]
    assert ruled_out == ["Insurance authorization or EOB"]
