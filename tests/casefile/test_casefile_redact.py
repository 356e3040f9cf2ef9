"""Redaction of the case data (before any PDF is made)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

from casefile_samples import (
    ACCOUNT,
    AUTHORIZATION,
    CLAIM,
    EIN,
    EMAIL,
    ESCALATION_REF,
    INVOICE,
    NPI,
    REP_EMAIL,
    SENSITIVE,
    TICKET_CHAT,
    TICKET_LONG,
    TICKET_REF,
)
from hypothesis import given
from hypothesis import strategies as st

from headway_journal.casefile import (
    CaseFileData,
    ContactRow,
    Organization,
    Party,
    Reference,
    mask,
    redact,
)


def all_text(data: CaseFileData) -> str:
    return repr(data)


def test_mask_keeps_the_last_four() -> None:
    assert mask("123456789") == "•••• 6789"
    assert mask("12-3456789") == "•••• 6789"
    assert mask("(217) 555-0142") == "•••• 0142"
    assert mask("CLM-2026-448812") == "•••• 8812"
    assert mask(EMAIL) == "•••• .com"
    assert mask("7781") == "•••• 7781"
    assert mask("") == ""
    assert mask("•••• 7781") == "•••• 7781"  # idempotent
    assert mask("---") == "••••"


def test_identifiers_are_masked_everywhere(sample_data: CaseFileData) -> None:
    red = redact(sample_data)
    text = all_text(red)
    for secret in (*SENSITIVE, REP_EMAIL):
        assert secret not in text, secret
    # card number and other long digit runs in free text
    assert "4111 1111 1111 1111" not in text
    assert "•••• 1111" in text
    refs = {r.kind: r.value for r in red.references}
    assert refs == {
        "account": "•••• 7781",
        "member": "•••• 3645",
        "claim": "•••• 8812",
        "invoice": "•••• 0042",
        "authorization": "•••• 1902",
        "npi": "•••• 7893",
        "ein": "•••• 6789",
        "ticket": TICKET_REF,
    }
    assert [rep_id for _, _, rep_id in red.representatives] == [
        "•••• 0981",
        "•••• 7120",
        "•••• 1337",
    ]
    assert red.person.email == "•••• .com" and red.person.phone == "•••• 0142"
    assert red.redacted and not sample_data.redacted


def test_free_text_keeps_dates_amounts_and_tickets(sample_data: CaseFileData) -> None:
    red = redact(sample_data)
    contact = next(c for c in red.contacts if c.number == 1)
    assert "account •••• 7781" in contact.summary
    assert "member ID •••• 3645" in contact.summary
    assert "Session on 2026-10-28." in contact.summary
    assert "$100.00" in contact.outcome
    assert "2026-10-28" in red.narrative
    chat = next(c for c in red.contacts if c.number == 2)
    assert chat.tickets == (TICKET_CHAT, TICKET_LONG)
    assert red.escalations[0].reference == ESCALATION_REF
    # identifier-like details are masked piece by piece; "last 4" stays as it is
    details = dict(red.details)
    assert details["Invoice numbers"] == "•••• 0042"
    assert details["Insurance authorization"] == "•••• 1902"
    assert details["Last 4 of payment method"] == "7781"
    assert details["Transaction dates"] == "2026-10-28, 2026-10-29"
    assert details["Amounts"] == "$100.00, $100.00"


def test_values_written_differently_are_still_found(sample_data: CaseFileData) -> None:
    digits = re.sub(r"\D", "", ACCOUNT)
    spaced = " ".join([INVOICE.replace("-", " "), CLAIM.replace("-", ""), EIN.replace("-", "")])
    data = replace(
        sample_data, narrative=f"acct {digits}; refs {spaced}; auth {AUTHORIZATION.lower()}"
    )
    red = redact(data)
    assert digits not in red.narrative
    assert "20261102" not in red.narrative
    assert "448812" not in red.narrative
    assert "3456789" not in red.narrative
    assert "77311902" not in red.narrative
    # neighbouring characters of a masked word are masked with it
    red2 = redact(replace(sample_data, narrative=f"NPI {NPI}0 and {EIN}9"))
    assert NPI not in red2.narrative and "3456789" not in red2.narrative


def test_tickets_that_hold_identifiers_are_masked(sample_data: CaseFileData) -> None:
    contact = sample_data.contacts[0]
    leaky = replace(contact, tickets=(f"ACCT{ACCOUNT}", "4111-1111-1111-1111", "T-1"))
    red = redact(replace(sample_data, contacts=(leaky,)))
    assert red.contacts[0].tickets[0] == mask(f"ACCT{ACCOUNT}")
    assert red.contacts[0].tickets[1] == "•••• 1111"
    assert red.contacts[0].tickets[2] == "T-1"


def test_excluded_exhibits_are_dropped(sample_data: CaseFileData) -> None:
    red = redact(sample_data, exclude_exhibits=frozenset({1, 2}))
    assert [x.number for x in red.exhibits] == [3, 4, 5, 6]
    numbers = {c.number: c.exhibit_numbers for c in red.contacts}
    assert numbers == {1: (3,), 2: (5,), 3: (4,)}
    # exhibit captions and file names are scrubbed too
    assert CLAIM not in repr(redact(sample_data).exhibits)


def test_original_is_untouched(sample_data: CaseFileData) -> None:
    before = repr(sample_data)
    redact(sample_data, exclude_exhibits=frozenset({3}))
    assert repr(sample_data) == before


def _minimal(narrative: str) -> CaseFileData:
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    return CaseFileData(
        case_number=1,
        case_key="K",
        title="t",
        person=Party("P"),
        organization=Organization("O"),
        issue_type_label="Billing / refund",
        role="Client",
        status="Open",
        opened_on=date(2026, 11, 1),
        days_open=29,
        amount_disputed=None,
        desired_outcome="",
        narrative=narrative,
        details=(),
        references=(Reference("ticket", "T-1", "ticket"),),
        representatives=(),
        contacts=(
            ContactRow(
                1, now, None, now, "phone", "outbound", 0, "", "", "", (), narrative, "", (), ()
            ),
        ),
        escalations=(),
        exhibits=(),
        generated_at=now,
    )


@given(
    digits=st.text(alphabet="0123456789", min_size=8, max_size=19),
    before=st.sampled_from(["", "card ", "acct: ", "(", "#", "x"]),
    after=st.sampled_from(["", ".", " was billed", ")", " on 2026-11-30"]),
)
def test_long_digit_runs_never_survive(digits: str, before: str, after: str) -> None:
    red = redact(_minimal(f"{before}{digits}{after}"))
    for text in (red.narrative, red.contacts[0].summary):
        assert digits not in text
        assert digits[-4:] in text
        if "2026-11-30" in after:
            assert text.endswith("on 2026-11-30")
