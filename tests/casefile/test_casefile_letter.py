"""The drafted escalation letter."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from casefile_samples import ACCOUNT, PERSON, REP_GREEK, REP_RUSSIAN, TICKET_REF

from headway_journal.casefile import CaseFileData, draft_cover_letter
from headway_journal.casefile.letter import is_heading_line, letter_blocks


def test_letter_is_prefilled_from_the_case(sample_data: CaseFileData) -> None:
    letter = draft_cover_letter(sample_data, addressee="Headway Billing Escalations")
    assert letter.startswith("November 30, 2026\n\nHeadway Billing Escalations\nHeadway\n")
    assert "Dear Headway Billing Escalations," in letter
    assert f"Re: {sample_data.title}" in letter
    assert f"Headway account: {ACCOUNT}" in letter
    assert "open since November 2, 2026, 28 days" in letter
    assert "The amount in dispute is $100.00." in letter
    # what happened, with dates, in date order
    assert sample_data.narrative in letter
    first = letter.index("- November 2, 2026, phone:")
    second = letter.index("- November 10, 2026, chat:")
    assert first < second
    assert f"ticket {TICKET_REF}" in letter
    # what was promised and broken
    assert f"On November 2, 2026, {REP_GREEK} (Billing specialist)" in letter
    assert "“Refund the duplicate charge of $100.00”. It was due 2026-11-09" in letter
    assert f"{REP_RUSSIAN} (Support agent)" in letter and "overdue by 3 business days" in letter
    assert "Commitments still open: “Written decision on the refund” (due 2026-12-02)." in letter
    # escalations, resolution, exhibits, signature block
    assert "Supervisor, owned by Dana O'Brien, Billing escalations lead" in letter
    assert sample_data.desired_outcome in letter
    assert "- Exhibit 3: Card receipt for the duplicate charge (receipt.pdf)" in letter
    assert (
        "- Exhibit 4: Screenshot of the refund promise (gone.png; file missing, not enclosed)"
        in letter
    )
    assert letter.rstrip().endswith("alexei.smirnov@example.com · (217) 555-0142")
    assert PERSON in letter.split("Sincerely,")[1]
    assert "<" not in letter.replace("<with brackets>", "").replace("<pending>", "")


def test_long_history_is_summarised(sample_data: CaseFileData) -> None:
    base = sample_data.contacts[1]
    many = tuple(
        replace(
            base,
            number=n,
            started_at=base.started_at + timedelta(days=n),
            ended_at=None,
            recorded_at=base.started_at + timedelta(days=n, hours=1),
            promises=base.promises if n % 10 == 0 else (),
        )
        for n in range(1, 41)
    )
    letter = draft_cover_letter(replace(sample_data, contacts=many), addressee="")
    assert "Dear Sir or Madam," in letter
    assert "I contacted Headway 40 times" in letter
    assert "complete record of all 40 contacts is in the enclosed case file" in letter
    listed = [line for line in letter.splitlines() if line.startswith("- ") and ", phone:" in line]
    assert 2 <= len(listed) <= 12


HEADINGS = [
    "What Happened",
    "Record of Contacts",
    "Commitments That Were Not Kept",
    "Escalations So Far",
    "The Resolution I Am Asking For",
    "Enclosed Exhibits",
]


def test_drafted_headings_are_title_case_lines_of_their_own(sample_data: CaseFileData) -> None:
    letter = draft_cover_letter(sample_data, addressee="Headway Billing Escalations")
    for heading in HEADINGS:
        assert f"\n\n{heading}\n\n" in letter, heading
    blocks = letter_blocks(letter)
    assert [b.text for b in blocks if b.kind == "heading"] == HEADINGS
    # the date, the address, the salutation and the signature block are never headings
    by_text = {b.text: b.kind for b in blocks}
    assert by_text["November 30, 2026"] == "paragraph"
    assert by_text["Dear Headway Billing Escalations,"] == "paragraph"
    assert by_text["Sincerely,"] == "paragraph"
    signature = next(b for b in blocks if b.text.startswith(PERSON))
    assert signature.kind == "paragraph"
    assert signature.blank_lines_before == 3  # room to sign
    # contacts and commitments are list items
    items = [b.text for b in blocks if b.kind == "item"]
    assert any(t.startswith("November 2, 2026, phone:") for t in items)
    assert any(t.startswith("Exhibit 3: Card receipt") for t in items)


def test_case_text_never_reads_as_a_heading(sample_data: CaseFileData) -> None:
    data = replace(sample_data, desired_outcome="Refund", narrative="Charged Twice")
    letter = draft_cover_letter(data, addressee="")
    assert "\n\nRefund.\n\n" in letter
    assert "\n\nCharged Twice.\n\n" in letter
    headings = [b.text for b in letter_blocks(letter) if b.kind == "heading"]
    assert "Refund" not in headings and "Charged Twice" not in headings
    # a multi-line narrative is kept as written
    data = replace(sample_data, narrative="Line one\nline two")
    assert "\n\nLine one\nline two\n\n" in draft_cover_letter(data, addressee="")


@pytest.mark.parametrize(
    "line, heading",
    [
        ("What Happened", True),
        ("Why This Matters to Me", True),
        ("Что Произошло", True),
        ("What happened", False),  # not Title Case: an ordinary short paragraph
        ("Refund the charge.", False),
        ("Dates: see below", False),
        ("Invoice 2026 Overview", False),  # digits
        ("[Describe the resolution you want.]", False),
        ("A Very Long Line That Goes On and On With Many Words In Title Case", False),
    ],
)
def test_is_heading_line(line: str, heading: bool) -> None:
    assert is_heading_line(line) is heading


def test_user_edited_letter_blocks() -> None:
    text = (
        "Marcus Lee\nHeadway\n\nDear Mr. Lee\n\nI am writing again.\n\n\nWhy This Matters\n\n"
        "Every week costs me money.\n- first point\n  that goes on\n- second point\n\n"
        "Thank you\n\nSincerely\n\n\n\nDana Whitfield\n"
    )
    blocks = letter_blocks(text)
    assert [(b.kind, b.text, b.blank_lines_before) for b in blocks] == [
        ("paragraph", "Marcus Lee\nHeadway", 0),
        ("paragraph", "Dear Mr. Lee", 1),
        ("paragraph", "I am writing again.", 1),
        ("heading", "Why This Matters", 2),
        ("paragraph", "Every week costs me money.", 1),
        ("item", "first point\nthat goes on", 0),
        ("item", "second point", 0),
        ("paragraph", "Thank you", 1),  # the closing and what follows it are never headings
        ("paragraph", "Sincerely", 1),
        ("paragraph", "Dana Whitfield", 3),
    ]
