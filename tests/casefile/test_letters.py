"""Each letter kind filled from a sample case: facts in, gaps shown as gaps, nothing invented;
exported as PDF (text checked with pypdf), .docx (opened back with python-docx) and text."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from casefile_samples import ACCOUNT, CLAIM, MEMBER, PERSON
from pypdf import PdfReader

from headway_journal.casefile import CaseFileData, Organization, Party
from headway_journal.casefile.letter import letter_blocks, long_date
from headway_journal.casefile.letters import draft_letter, form_fields, named_exhibits
from headway_journal.casefile.letters.export import write_docx, write_letter, write_pdf, write_text
from headway_journal.journal.letters.bodies import KINDS, state_departments
from headway_journal.journal.letters.cfpb import check_narrative

FULL: dict[str, dict[str, str]] = {
    "company": {"addressee": "Priya Raman, Escalations Lead"},
    "privacy-officer": {"what_happened": "My session notes were e-mailed to my employer.",
                        "learned_on": "2026-11-02", "people_involved": "Support agent Sam",
                        "privacy_email": "privacy@headway.example"},
    "records-request": {"records_wanted": "All records of my sessions", "records_dates":
                        "January to November 2026", "records_format": "PDF by e-mail",
                        "records_to": "alexei.smirnov@example.com"},
    "card-dispute": {"card_issuer": "Example Bank", "card_last4": "7781",
                     "statement_date": "2026-11-10", "charge_date": "2026-10-29",
                     "charge_amount": "$100.00", "error_reason": "Charged twice for one session."},
    "internal-appeal": {"appeal_address": "Blue Plan Appeals\nPO Box 9", "payer": "Blue Plan", "member_id": MEMBER, "claim_numbers": CLAIM,
                        "dates_of_service": "October 28, 2026", "denial_date": "2026-11-05",
                        "denial_reason": "Out of network.", "why_wrong": "The plan approved it."},
    "external-review": {"review_address": "Example Review Org\nPO Box 1", "payer": "Blue Plan", "member_id": MEMBER, "claim_numbers": CLAIM,
                        "final_decision_date": "2026-11-20", "review_deadline": "2027-01-15",
                        "why_wrong": "The reviewer ignored the approval."},
    "state-insurance": {"state": "OR", "payer": "Blue Plan", "policy_number": "GRP-1",
                        "member_id": MEMBER, "claim_numbers": CLAIM, "denial_date": "2026-11-05"},
    "hhs-ocr": {"entity": "Headway", "entity_address": "100 Example Avenue",
                "what_happened": "My records were disclosed.", "learned_on": "2026-11-02",
                "people_involved": "Support agent Sam"},
    "cfpb": {"card_issuer": "Example Bank", "charge_date": "2026-10-29",
             "charge_amount": "$100.00"},
}
# What each kind shows as a gap when the case and the letter give nothing.
GAPS: dict[str, tuple[str, ...]] = {
    "company": (),
    "privacy-officer": ("[what was disclosed or refused]", "[the date you learned of it]",
                        "[who was involved]", "[the Privacy Officer's e-mail address]"),
    "records-request": ("[which records you want", "[the dates the records cover]",
                        "[the format you want", "[where to send them]"),
    "card-dispute": ("[the card issuer]", "[the card's last 4 digits]",
                     "[the date of the statement]", "[the date of the charge]",
                     "[the amount of the error]", "[why the charge is wrong]"),
    "internal-appeal": ("[the health plan]", "[the member ID]", "[the claim number]",
                        "[the dates of service]", "[the date of the denial]",
                        "[the plan's reason for the denial]", "[why the denial is wrong]",
                        "[the appeal address in the denial letter]", "[the decision you want]"),
    "external-review": ("[the health plan]", "[the date of the final internal decision]",
                        "[why the decision is wrong]",
                        "[the external reviewer's address in the plan's final letter]"),
    "state-insurance": ("[your state's insurance department]", "[the policy or group number]",
                        "[the member ID]", "[the claim number]", "[the date of the denial]",
                        "[what happened]", "[the resolution you want]"),
    "hhs-ocr": ("[what was disclosed or refused]", "[the date you learned of it]",
                "[who was involved]", "[the covered entity's address]"),
    "cfpb": ("[the date of the charge]", "[the amount]", "[what happened, in your own words]"),
}
_DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|"
                   r"November|December) \d{1,2}, \d{4}")


def bare(data: CaseFileData) -> CaseFileData:
    """The sample with nothing the letters could take a fact from."""
    return replace(data, title="Charged twice", narrative="", desired_outcome="", amount_disputed=None,
                   person=Party(""), contacts=(), exhibits=(), escalations=(), references=(),
                   organization=Organization("Headway"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_filled_from_the_case(kind: str, sample_data: CaseFileData) -> None:
    text = draft_letter(kind, sample_data, FULL[kind])
    for value in FULL[kind].values():
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            value = long_date(date.fromisoformat(value))
        if kind == "company" or (kind == "cfpb" and value == "$100.00") or value == "OR":
            continue
        assert value in text, f"{kind}: {value!r} missing"
    for gap in GAPS[kind]:
        assert gap not in text, f"{kind}: {gap} shown though the fact was given"
    if kind != "cfpb":
        assert PERSON in text and "Sincerely," in text
        assert any(b.kind == "heading" for b in letter_blocks(text)) or kind == "records-request"
    assert "[" not in text.replace("[the billing-error address printed on your statement]", "")


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_fact_is_a_gap_and_nothing_is_invented(kind: str,
                                                         sample_data: CaseFileData) -> None:
    data = bare(sample_data)
    text = draft_letter(kind, data, {})
    for gap in GAPS[kind]:
        assert gap in text, f"{kind}: {gap} not shown"
    # the only dates in the letter are the day it is written and the day the case was opened
    allowed = {long_date(data.generated_at.date()), long_date(data.opened_on)}
    assert {m.group(0) for m in _DATE.finditer(text)} <= allowed
    assert "$" not in text and MEMBER not in text and CLAIM not in text


@pytest.mark.parametrize("dept", state_departments(), ids=lambda d: d.code)
def test_the_state_complaint_names_the_department_of_any_state(dept: object,
                                                               sample_data: CaseFileData) -> None:
    code, name, state = dept.code, dept.name, dept.state  # type: ignore[attr-defined]
    for given in (code, state.upper()):
        text = draft_letter("state-insurance", sample_data, {"state": given})
        assert name in text
        fields = dict(form_fields("state-insurance", text, sample_data, {"state": given}))
        assert fields["Department"] == name


def test_the_cfpb_narrative_from_the_case_is_checked(sample_data: CaseFileData) -> None:
    text = draft_letter("cfpb", sample_data, FULL["cfpb"])
    assert ACCOUNT in text  # the user's own narrative names the account ...
    check = check_narrative(text, [ACCOUNT])
    assert not check.ok and "ending 7781" in " ".join(check.problems)  # ... and the check says so
    clean = text.replace(f" (account {ACCOUNT})", "")
    assert check_narrative(clean, [ACCOUNT]).ok
    fields = dict(form_fields("cfpb", clean, sample_data, FULL["cfpb"]))
    assert fields["What happened"] == clean
    assert fields["Desired resolution"] == sample_data.desired_outcome
    assert "Exhibit 1:" in fields["Documents to upload"]


def test_named_exhibits(sample_data: CaseFileData) -> None:
    numbers = sorted(x.number for x in sample_data.exhibits)
    assert len(numbers) >= 4
    text = "See Exhibit 2, and exhibits 1 and 4; not exhibit 99."
    assert [x.number for x in named_exhibits(text, sample_data)] == [1, 2, 4]
    assert named_exhibits("No enclosures.", sample_data) == []


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def test_pdf_has_the_letter_and_the_enclosure_list(sample_data: CaseFileData,
                                                   out_dir: Path) -> None:
    text = draft_letter("internal-appeal", sample_data, FULL["internal-appeal"])
    text = re.sub(r"- Exhibit [3-9]\d*:.*\n", "", text)  # the user keeps exhibits 1 and 2 only
    out = out_dir / "appeal.pdf"
    pages = write_pdf(text, sample_data, out)
    got = _pdf_text(out)
    assert "Re: Request for an internal appeal" in got and "Why the Denial Is Wrong" in got
    assert "Enclosure List" in got
    shas = {x.number: x.sha256 for x in sample_data.exhibits}
    assert shas[1][:16] in got.replace(" ", "") and shas[2][:16] in got.replace(" ", "")
    assert shas[3][:16] not in got.replace(" ", "")
    with_file = out_dir / "appeal-with-case-file.pdf"
    total = write_pdf(text, sample_data, with_file, append_case_file=True)
    assert total > pages + 2
    assert "Exhibits" in _pdf_text(with_file) and sample_data.title[:20] in _pdf_text(with_file)
    assert out.stat().st_mode & 0o077 == 0  # private, as every file the app writes


def test_docx_opens_back_with_its_headings_and_items(sample_data: CaseFileData,
                                                     out_dir: Path) -> None:
    text = draft_letter("card-dispute", sample_data, FULL["card-dispute"])
    out = out_dir / "notice.docx"
    write_docx(text, sample_data, out)
    document = docx.Document(str(out))
    paras = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    assert ("Heading 2", "Why the Charge Is Wrong") in paras
    assert ("Heading 2", "Enclosures") in paras
    assert any(style == "List Bullet" and t.startswith("Exhibit 1:") for style, t in paras)
    body = "\n".join(t for _, t in paras)
    assert "ending in 7781" in body and "Sincerely," in body and PERSON in body
    assert document.core_properties.title == sample_data.title


def test_plain_text_has_one_section_per_form_field(sample_data: CaseFileData,
                                                   out_dir: Path) -> None:
    text = draft_letter("hhs-ocr", sample_data, FULL["hhs-ocr"])
    fields = form_fields("hhs-ocr", text, sample_data, FULL["hhs-ocr"])
    out = out_dir / "ocr.txt"
    write_text(fields, out)
    written = out.read_text(encoding="utf-8")
    for label, value in fields:
        assert f"{label}\n{'-' * min(len(label), 60)}\n{value.strip()}\n" in written
    assert dict(fields)["Covered entity"] == "Headway"
    assert dict(fields)["When did you learn of it"] == "November 2, 2026"


def test_an_unknown_format_is_refused(sample_data: CaseFileData, out_dir: Path) -> None:
    with pytest.raises(ValueError, match="choose .pdf, .docx or .txt"):
        write_letter("x", sample_data, [], out_dir / "letter.odt")
    assert not (out_dir / "letter.odt").exists()
    with pytest.raises(ValueError, match="Unknown letter kind"):
        draft_letter("fax", sample_data, {})
