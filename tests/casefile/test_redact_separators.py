"""The redacted case file masks identifiers whatever separators stand between their digit
groups, never mangles dates, masks by value (a ticket equal to an identifier un-masks
nothing), and keeps identifiers out of exhibit names, the outline and the cover."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from casefile_samples import ACCOUNT, MEMBER, exhibit, make_pdf
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_casefile_redact import _minimal

from headway_journal.casefile import (
    CaseFileData,
    EscalationRow,
    Reference,
    build_casefile,
    mask,
    redact,
)

CATEGORIES = {"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cf"}
SEPARATORS = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in CATEGORIES]
separator_runs = st.text(alphabet=st.sampled_from(SEPARATORS), min_size=1, max_size=3)

# (digit groups, what it is)
IDENTIFIERS = [
    (("4111", "1111", "1111", "1111"), "card"),
    (("5500", "0000", "0000", "0004"), "card"),
    (("3782", "822463", "10005"), "amex"),
    (("123", "45", "6789"), "ssn"),
    (("217", "555", "0142"), "phone"),
    (("555", "1234", "7781"), "account"),
    (("00", "1234", "5678", "9012"), "iban-like"),
]


def only_digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@settings(max_examples=400, deadline=None)
@given(
    ident=st.sampled_from(IDENTIFIERS),
    seps=st.lists(separator_runs, min_size=3, max_size=3),
    before=st.sampled_from(["", "SSN ", "card: ", "(", "acct #", "call "]),
    after=st.sampled_from(["", ".", " was billed", ")", " on 2026-11-20", ", thanks"]),
)
def test_identifiers_with_any_separators_are_masked(
    ident: tuple[tuple[str, ...], str], seps: list[str], before: str, after: str
) -> None:
    groups, _kind = ident
    written = groups[0] + "".join(sep + g for sep, g in zip(seps, groups[1:], strict=False))
    digits = "".join(groups)
    red = redact(_minimal(f"{before}{written}{after}"))
    for text in (red.narrative, red.contacts[0].summary):
        assert digits not in only_digits(text), (written, text)
        assert digits[-4:] in text
        if "2026-11-20" in after:
            assert text.endswith("on 2026-11-20")


@pytest.mark.parametrize("sep", ["\u00a0", "\u2011", "\u200b", ".", "/", "_", "\u2009", "·"])
def test_examples_from_the_report(sep: str) -> None:
    for written in (f"4111{sep}1111{sep}1111{sep}1111", f"123{sep}45{sep}6789",
                    f"217{sep}555{sep}0142"):
        red = redact(_minimal(f"numbers {written} here"))
        assert only_digits(written)[:-4] not in only_digits(red.narrative), red.narrative


DATES = [
    "2026-11-20", "2026/11/20", "2026.11.20", "11/20/2026", "20.11.2026", "20/11/2026",
    "11-20-2026", "Nov 20, 2026", "November 20, 2026", "20 Nov 2026", "20 November 2026",
    "Nov. 20, 2026", "2026-11-20 14:05", "2026-11-20T14:05:00", "2026-11-04 17:00 -08:00",
    "11/20/26", "1 Dec 2026", "December 1st, 2026",
]


@settings(max_examples=200, deadline=None)
@given(
    day=st.sampled_from(DATES),
    other=st.sampled_from(DATES),
    glue=st.sampled_from([", ", " and ", " – ", " to ", "; ", " - ", " (from ", "\n"]),
    before=st.sampled_from(["", "on ", "Statement of ", "deadline ", "ticket 5, "]),
)
def test_dates_are_never_masked(day: str, other: str, glue: str, before: str) -> None:
    text = f"{before}{day}{glue}{other}."
    red = redact(_minimal(text))
    assert red.narrative == text


def test_card_statement_date_and_the_60_day_line_keep_their_dates(
    sample_data: CaseFileData,
) -> None:
    data = replace(
        sample_data,
        details=(*sample_data.details, ("Card statement date", "2026-11-20"),
                 ("Claim numbers", "CLM-1001, 2026-11-21")),
        outside_clocks=(("Card billing-error notice: 60 days from the statement",
                         "2027-01-19 (60 days left; from 2026-11-20)"),),
        narrative="The statement of 2026-11-20 shows it; also Nov 20, 2026 and 11/20/2026.",
    )
    red = redact(data)
    details = dict(red.details)
    assert details["Card statement date"] == "2026-11-20"
    assert details["Claim numbers"] == "•••• 1001, 2026-11-21"
    assert red.outside_clocks[0][1] == "2027-01-19 (60 days left; from 2026-11-20)"
    assert red.narrative == data.narrative


def test_amounts_stay_readable() -> None:
    text = "Charged $1,234.56 twice (1,234.56 and 100.00, 100.00; total $12,345,678.00)."
    assert redact(_minimal(text)).narrative == text


@pytest.mark.parametrize("ticket", [
    re.sub(r"\D", "", ACCOUNT),  # the account's digits without its prefix
    ACCOUNT.lower(),
    MEMBER,
    f"{MEMBER[:3]} {MEMBER[3:]}",
    "217-555-0142",  # the person's phone
])
def test_a_ticket_equal_to_an_identifier_unmasks_nothing(
    sample_data: CaseFileData, ticket: str
) -> None:
    digits = only_digits(ticket)
    c = sample_data.contacts[0]
    data = replace(
        sample_data,
        person=replace(sample_data.person, phone="(217) 555-0142"),
        contacts=(replace(c, tickets=(ticket,), summary=f"ref {ticket}; acct {ACCOUNT}; "
                          f"member {MEMBER}; phone 217.555.0142"), *sample_data.contacts[1:]),
        escalations=(EscalationRow(date(2026, 11, 18), "Supervisor", "Dana", "", ticket),),
        references=(*sample_data.references, Reference("ticket", ticket, "Ticket")),
    )
    red = redact(data)
    everything = repr(red)
    assert ACCOUNT not in everything and MEMBER not in everything
    assert digits not in only_digits(red.contacts[0].summary)
    # masked the same way everywhere it appears
    assert red.contacts[0].tickets == (mask(ticket),)
    assert red.escalations[0].reference == mask(ticket)
    assert [r.value for r in red.references if r.label == "Ticket"] == [mask(ticket)]


def test_escalation_references_are_labelled_as_such(sample_data: CaseFileData,
                                                    out_dir: Path) -> None:
    data = replace(sample_data, references=(
        *sample_data.references,
        Reference("escalation", "ESC-2026-0091", "Escalation reference (Supervisor: Dana)"),
    ))
    red = redact(data)
    assert Reference("escalation", "ESC-2026-0091",
                     "Escalation reference (Supervisor: Dana)") in red.references
    out = out_dir / "case.pdf"
    build_casefile(red, out)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages[:6])
    row = re.search(r"Escalation reference\s+ESC-2026-0091", text)
    assert row is not None, text
    assert not re.search(r"Ticket number\s+ESC-2026-0091", text)


def test_nothing_in_the_redacted_pdf_carries_an_identifier(sample_data: CaseFileData,
                                                           out_dir: Path) -> None:
    """Exhibit names, captions, the outline, the metadata and the cover's case key."""
    folder = out_dir.parent
    card = "4111.1111.1111.1111"
    shot = sample_data.exhibits[0]
    named = replace(shot, original_name=f"acct_{only_digits(ACCOUNT)}_{card}.png",
                    caption=f"Statement for {MEMBER.lower()} / 123\u00a045\u00a06789")
    statement = make_pdf(folder / "st.pdf", 1, text=f"member {MEMBER}")
    pdf = exhibit(7, statement, f"PDF for {MEMBER}", "application/pdf",
                  name=f"{MEMBER}.pdf")
    data = replace(sample_data, case_key=f"CASE-{only_digits(ACCOUNT)}",
                   exhibits=(named, pdf), title=f"Dispute 123/45/6789 for {MEMBER}")
    out = out_dir / "redacted.pdf"
    build_casefile(redact(data), out)
    reader = PdfReader(out)
    parts = [page.extract_text() for page in reader.pages]

    def outline_titles(items: list[object]) -> list[str]:
        found: list[str] = []
        for item in items:
            if isinstance(item, list):
                found += outline_titles(item)
            else:
                found.append(str(item.title))  # type: ignore[attr-defined]
        return found

    parts += outline_titles(reader.outline)
    parts += [str(v) for v in (reader.metadata or {}).values()]
    blob = " ".join(parts)
    digits = only_digits(blob)
    for secret in (only_digits(ACCOUNT), "4111111111111111", "123456789",
                   only_digits(MEMBER)):
        assert secret not in digits, secret
    assert MEMBER not in blob
    assert "withheld from this redacted copy" in blob
    assert f"({mask(data.case_key)})" in parts[0]  # the key, masked, on the cover
