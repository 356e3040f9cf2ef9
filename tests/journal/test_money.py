"""Amounts: one rule, in every money field, never a silently different number."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway_journal.journal import interchange as ix
from headway_journal.journal import issue_types as it
from headway_journal.journal.money import (
    AMOUNT_HINT,
    AMOUNT_PATTERN,
    AmountError,
    normalize_amounts_text,
    parse_amount,
)
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService, ValidationError


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


@pytest.mark.parametrize(("text", "value"), [
    ("12,50", "12.50"), ("0,5", "0.50"), ("1234,56", "1234.56"), ("1.234,56", "1234.56"),
    ("1.234.567,8", "1234567.80"), ("1,234", "1234.00"), ("1,234.5", "1234.50"),
    ("1,234,567.89", "1234567.89"),
    ("$1,250.50", "1250.50"), ("€ 12,50", "12.50"), ("£7", "7.00"), ("  100  ", "100.00"),
    ("0.01", "0.01"), ("100", "100.00"), ("12.5", "12.50"),
])
def test_amounts_read_as_a_person_reads_them(text: str, value: str) -> None:
    assert str(parse_amount(text)) == value
    assert str(it.parse_money(text)) == value


@pytest.mark.parametrize("text", [
    "1,2,3", "1,23,456", "12,", ",50", "1.234", "€1.234", "1.234.567", "1 234", "1'234.50",
    "12,5,0", "1,234,56", "1.234.56", "12.345,6789", "1,2345", "١٢", "１２", "12.", ".5",
    "1e3", "NaN", "Infinity", "0x10", "12 50", "1,234.567", "$$5", "5$", "abc", "1_000",
])
def test_ambiguous_or_odd_spellings_are_refused_naming_the_form(text: str) -> None:
    with pytest.raises(AmountError) as exc:
        parse_amount(text)
    assert AMOUNT_HINT in str(exc.value)
    with pytest.raises(it.FieldError, match=re.escape(AMOUNT_HINT)):
        it.parse_money(text)


@pytest.mark.parametrize(("text", "message"), [
    ("-5", "cannot be negative"), ("$-5", "cannot be negative"),
    ("10,000,000.01", "larger than 10,000,000"), ("", "Enter an amount"),
    ("1234.567", "at most two decimal places"), ("1.234", "could be read as 1234 or as 1.234"),
])
def test_refusals_say_why(text: str, message: str) -> None:
    with pytest.raises(AmountError, match=re.escape(message)):
        parse_amount(text)


def test_the_refusal_escapes_what_it_quotes() -> None:
    with pytest.raises(AmountError) as exc:
        parse_amount("12\x1b[2J,5,0")
    assert "\x1b" not in str(exc.value)
    assert "\\x1b" in str(exc.value)


# --- the property: what a person reads, or a refusal -------------------------------------------

def _group(whole: int, sep: str) -> str:
    return f"{whole:,}".replace(",", sep)


@st.composite
def written_amounts(draw: st.DrawFn) -> tuple[str, Decimal]:
    """An amount and one of the ways a person may write it."""
    whole = draw(st.integers(0, 9_999_999))
    cents = draw(st.integers(0, 99))
    value = Decimal(f"{whole}.{cents:02d}")
    style = draw(st.sampled_from(["plain", "us", "eu", "comma", "whole", "us-whole"]))
    text = {
        "plain": f"{whole}.{cents:02d}",
        "us": f"{whole:,}.{cents:02d}",
        "eu": f"{_group(whole, '.')},{cents:02d}",
        "comma": f"{whole},{cents:02d}",
        "whole": f"{whole}",
        "us-whole": f"{whole:,}",
    }[style]
    if style in ("whole", "us-whole"):
        value = Decimal(whole)
    sign = draw(st.sampled_from(["", "$", "$ ", "€", "£"]))
    return sign + text, value


@given(written_amounts())
@settings(max_examples=400, deadline=None)
def test_every_usual_spelling_reads_as_its_amount(case: tuple[str, Decimal]) -> None:
    text, value = case
    try:
        got = parse_amount(text)
    except AmountError as exc:
        # only the one spelling that cannot be told apart: points in groups of three, no comma
        assert re.fullmatch(r"[$€£]? ?[0-9]{1,3}(\.[0-9]{3})+", text), (text, str(exc))
        return
    assert got == value, text


def _reader(text: str) -> set[Decimal]:
    """Every amount a person could take ``text`` for (U.S. or European habits)."""
    body = " ".join(text.split())
    body = re.sub(r"^[$€£] ?", "", body)
    readings: set[Decimal] = set()
    for thousands, point in ((",", "."), (".", ",")):
        m = re.fullmatch(rf"([0-9]+(?:{re.escape(thousands)}[0-9]{{3}})*)"
                         rf"(?:{re.escape(point)}([0-9]{{1,2}}))?", body)
        if m is None:
            continue
        whole = m.group(1)
        groups = whole.split(thousands)
        if len(groups) > 1 and not (1 <= len(groups[0]) <= 3):
            continue
        readings.add(Decimal(whole.replace(thousands, "") + "." + (m.group(2) or "0")))
    return readings


@given(st.text(alphabet="0123456789.,$€ -'", max_size=14))
@settings(max_examples=1500, deadline=None)
def test_any_text_is_read_the_one_way_a_person_reads_it_or_refused(text: str) -> None:
    try:
        got = parse_amount(text)
    except AmountError:
        return
    readings = _reader(text)
    assert readings == {got}, (text, got, readings)


@given(st.text(max_size=20))
@settings(max_examples=500, deadline=None)
def test_arbitrary_text_never_crashes_and_accepted_text_matches_the_schema(text: str) -> None:
    try:
        got = parse_amount(text)
    except AmountError as exc:
        assert "\x1b" not in str(exc)
        return
    assert re.fullmatch(AMOUNT_PATTERN, " ".join(text.split()))
    assert got >= 0 and got == got.quantize(Decimal("0.01"))


def test_schema_pattern_is_the_parsers() -> None:
    schema = ix.json_schema()
    assert schema["$defs"]["case"]["properties"]["amount_disputed"]["pattern"] == AMOUNT_PATTERN
    import jsonschema  # the test extra installs it: missing is a failure
    prop = {"type": "string", "pattern": AMOUNT_PATTERN}
    for good in ("12,50", "1,234.56", "1.234,56", "$100"):
        jsonschema.validate(good, prop)
    for bad in ("1,2,3", "1.234", "12,", "1 234"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, prop)


# --- every money field -------------------------------------------------------------------------

def _money_specs() -> list[it.FieldSpec]:
    return [s for t in it.ISSUE_TYPES.values() for s in t.fields if s.kind in ("money", "amounts")]


def test_the_amount_fields_of_the_registry_use_the_rule() -> None:
    specs = _money_specs()
    assert {s.name for s in specs} >= {"amounts", "payout_amounts"}
    for spec in specs:
        with pytest.raises(it.FieldError, match=re.escape(AMOUNT_HINT)):
            spec.normalize("1,2,3")
    money = it.FieldSpec("x", "Amount", "money")
    assert money.normalize("12,50") == "12.50"


@pytest.mark.parametrize(("text", "stored"), [
    ("12,50 twice", "12.50 twice"),
    ("$1.234,56 on Nov 3, $49 on Nov 4", "$1,234.56 on Nov 3, $49 on Nov 4"),
    ("$100.00 twice", "$100.00 twice"),
    ("$150.00 + $150.00", "$150.00 + $150.00"),
    ("charged 2026-11-20 at 10:30 and 11/20", "charged 2026-11-20 at 10:30 and 11/20"),
    ("$49, then $50.", "$49, then $50."),
])
def test_amounts_in_free_text(text: str, stored: str) -> None:
    assert normalize_amounts_text(text) == stored


@pytest.mark.parametrize("text", ["$1,2,3", "1,2,3 and 4", "paid 1.234 twice", "$12,5,0"])
def test_unreadable_amounts_in_free_text_are_named(text: str) -> None:
    with pytest.raises(AmountError, match=re.escape(AMOUNT_HINT)):
        normalize_amounts_text(text)


def _case(svc: JournalService, amount: str, fields: dict[str, str] | None = None) -> CaseInput:
    org = svc.organization_by_key("headway")
    assert org is not None
    return CaseInput(title="Double charge", organization_id=org.id, issue_type="billing",
                     role="client", amount_disputed=amount, fields=fields or {})


def test_service_reads_the_amount_in_dispute_by_the_rule(svc: JournalService) -> None:
    cid = svc.create_case(_case(svc, "12,50"))
    assert svc.get_case(cid).amount_disputed == Decimal("12.50")
    assert svc.get_case(cid).amount_label == "$12.50"
    for bad in ("1,2,3", "1.234"):
        with pytest.raises(ValidationError) as exc:
            svc.create_case(_case(svc, bad))
        assert "amount_disputed" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        svc.create_case(_case(svc, "10", {"amounts": "1,2,3"}))
    assert AMOUNT_HINT in exc.value.errors["fields.amounts"]


# --- import ------------------------------------------------------------------------------------

def _doc(amount: Any, fields: dict[str, str] | None = None) -> dict[str, Any]:
    kind = "provider_payment" if fields and "payout_amounts" in fields else "billing"
    case = {"key": "c-1", "title": "Double charge", "organization": "headway",
            "issue_type": kind, "role": "clinician" if kind == "provider_payment" else "client",
            "amount_disputed": amount,
            "fields": fields or {}}
    return {"format": "headway-journal", "version": 1, "cases": [case]}


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(("amount", "value"), [("12,50", "12.50"), ("1.234,56", "1234.56"),
                                               ("1,234", "1234.00"), ("$1,250.50", "1250.50")])
def test_import_reads_amounts_by_the_rule(svc: JournalService, tmp_path: Path, amount: str,
                                          value: str) -> None:
    ix.import_journal(svc, _write(tmp_path, _doc(amount, {"amounts": f"{amount} twice"})))
    case = svc.get_case(svc.find_case("c-1"))
    assert str(case.amount_disputed) == value
    assert parse_amount(case.fields["amounts"].removesuffix(" twice")) == Decimal(value)


@pytest.mark.parametrize(("amount", "fields", "where"), [
    ("1,2,3", None, "cases[0] (key \"c-1\").amount_disputed"),
    ("1.234", None, "cases[0] (key \"c-1\").amount_disputed"),
    ("10", {"amounts": "$1,2,3 on Nov 3"}, "cases[0] (key \"c-1\").fields.amounts"),
    ("10", {"payout_amounts": "12,5,0"}, "cases[0] (key \"c-1\").fields.payout_amounts"),
])
def test_import_refuses_unreadable_amounts(svc: JournalService, tmp_path: Path, amount: str,
                                           fields: dict[str, str] | None, where: str) -> None:
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, _write(tmp_path, _doc(amount, fields)))
    message = str(exc.value)
    assert message.startswith(where), message
    assert AMOUNT_HINT in message
    assert svc.count_cases() == 0
