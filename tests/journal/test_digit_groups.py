"""Full card numbers are refused whatever separators stand between their digit groups: any run
of Unicode separators, punctuation and format characters (journal/digit_groups.py, shared with
the redacted case file)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway_journal.journal import interchange as ix
from headway_journal.journal.digit_groups import card_spans, digit_runs, is_separator
from headway_journal.journal.issue_types import (
    FieldError,
    find_card_number,
    is_card_number,
    mask_card_numbers,
    refuse_card_number,
)
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService, ValidationError

CATEGORIES = {"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cf"}
# every separator, punctuation and format character of the Basic Multilingual Plane
SEPARATORS = [
    chr(c) for c in range(0x10000)
    if unicodedata.category(chr(c)) in CATEGORIES
]
NAMED = ["\u00a0", "\u2011", "\u200b", ".", "/", "_", " ", "-", "\u2009", "\u202f", "\u2013",
         "\u00ad", "\u2060", "\ufeff", "\u3000", "·", "\u2022", ":", "'", "\t", "\u2028", "*",
         ",", ";", "\\", "\u2010", "\u2012", "\u30fb", "\uff0e", "\u2212", "\u2044", "|",
         "~"]
separator_runs = st.text(alphabet=st.sampled_from(SEPARATORS), min_size=1, max_size=4)


def luhn_complete(prefix: str) -> str:
    """*prefix* plus the check digit that makes it pass the Luhn check."""
    for d in "0123456789":
        if is_card_number(prefix + d):
            return prefix + d
    raise AssertionError("no check digit")


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    amex = draw(st.booleans())
    if amex:
        body = draw(st.sampled_from(["34", "37"])) + draw(st.text("0123456789", min_size=12,
                                                                   max_size=12))
    else:
        body = draw(st.sampled_from("3456")) + draw(st.text("0123456789", min_size=14,
                                                             max_size=14))
    return luhn_complete(body)


@st.composite
def written_with_separators(draw: st.DrawFn) -> tuple[str, str]:
    """(digits, the number written in groups with arbitrary separator runs between them)."""
    digits = draw(card_numbers())
    cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), min_size=1, max_size=6)))
    bounds = [0, *cuts, len(digits)]
    groups = [digits[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    written = groups[0]
    for group in groups[1:]:
        written += draw(separator_runs) + group
    return digits, written


def test_every_separator_category_counts() -> None:
    for ch in NAMED:
        assert is_separator(ch), repr(ch)
    for ch in "$+=<>^a1\x00":
        assert not is_separator(ch), repr(ch)
    assert [r.digits for r in digit_runs("card 4111/1111/1111/1111, SSN 123.45.6789")] == [
        "4111111111111111", "123456789"]
    assert [r.digits for r in digit_runs("$12 + 34")] == ["12", "34"]  # symbols break a number
    assert [r.digits for r in digit_runs("\uff14\uff11\uff11\uff11")] == ["4111"]  # fullwidth


@pytest.mark.parametrize("sep", NAMED)
def test_named_separators_between_card_groups_are_refused(sep: str) -> None:
    text = f"Paid with 4111{sep}1111{sep}1111{sep}1111 yesterday"
    assert find_card_number(text) == "4111111111111111"
    with pytest.raises(FieldError, match="last 4 digits"):
        refuse_card_number(text)
    assert mask_card_numbers(text) == f"Paid with xxxx{sep}xxxx{sep}xxxx{sep}1111 yesterday"


@settings(max_examples=300, deadline=None)
@given(written=written_with_separators(), before=st.sampled_from(["", "card ", "x", "(", "#"]),
       after=st.sampled_from(["", ".", " on 2026-11-20", ")", ", 2026", " and 555-0142"]))
def test_cards_with_any_separators_are_found(written: tuple[str, str], before: str,
                                             after: str) -> None:
    digits, text = written
    found = [d for _s, _e, d in card_spans(f"{before}{text}{after}", is_card_number)]
    assert digits in found
    masked = mask_card_numbers(f"{before}{text}{after}")
    assert sum(ch.isdigit() for ch in masked[len(before):len(before) + len(text)]) == 4
    assert masked.startswith(before) and masked.endswith(after)


@pytest.mark.parametrize("text", [
    "Transaction dates 2026-10-28, 2026-10-29",
    "Amounts $100.00, $100.00",
    "Call 217-555-0142 about ticket 48213377",
    "Card ending 4242",
    "4111 1111 1111 111",  # 15 digits, not Amex
])
def test_ordinary_numbers_are_not_cards(text: str) -> None:
    assert find_card_number(text) is None
    refuse_card_number(text)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


@pytest.mark.parametrize("sep", ["\u00a0", "\u2011", "\u200b", ".", "/", "_", "\u2009 "])
def test_the_journal_refuses_them_when_typed(svc: JournalService, sep: str) -> None:
    org = svc.organization_by_key("headway")
    assert org is not None
    with pytest.raises(ValidationError, match="last 4 digits"):
        svc.create_case(CaseInput(
            title="Double charge", organization_id=org.id, issue_type="billing", role="client",
            summary=f"card 4111{sep}1111{sep}1111{sep}1111 was charged"))
    assert svc.count_cases() == 0


@pytest.mark.parametrize("sep", ["\u00a0", "\u2011", "\u200b", ".", "/", "_"])
def test_the_journal_refuses_them_on_import(svc: JournalService, tmp_path: Path,
                                            sep: str) -> None:
    doc = {"format": "headway-journal", "version": 1, "cases": [{
        "key": "c-1", "title": "Double charge", "organization": "headway",
        "issue_type": "billing", "role": "client", "opened_on": "2026-11-01",
        "summary": f"Card 5500{sep}0000{sep}0000{sep}0004 charged twice"}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ix.ImportError_, match="full card number"):
        ix.import_journal(svc, path)
    assert svc.count_cases() == 0
