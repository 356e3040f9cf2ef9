"""The drafted escalation letter."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from casefile_samples import ACCOUNT, PERSON, REP_GREEK, REP_RUSSIAN, TICKET_REF

from headway_journal.casefile import CaseFileData, draft_cover_letter


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
