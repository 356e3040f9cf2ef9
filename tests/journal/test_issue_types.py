from __future__ import annotations

import pytest

from headway_journal.journal import issue_types as it


def test_every_domain_issue_type_is_registered() -> None:
    assert set(it.ISSUE_TYPES) == {
        "account", "appointment", "billing", "insurance", "provider_credentialing",
        "provider_payment", "technical", "privacy",
    }
    for t in it.ISSUE_TYPES.values():
        assert t.fields, t.key
        assert set(t.roles) <= set(it.ROLES)


@pytest.mark.parametrize("npi,ok", [("1234567893", True), ("1234567890", False),
                                    ("123456789", False), ("abcdefghij", False)])
def test_npi_check_digit(npi: str, ok: bool) -> None:
    assert it.npi_ok(npi) is ok


def test_npi_field_message_names_the_check_digit() -> None:
    spec = it.ISSUE_TYPES["provider_credentialing"].field_map["npi"]
    assert spec.normalize("1234 5678 93") == "1234567893"
    with pytest.raises(it.FieldError, match="check digit"):
        spec.normalize("1234567890")


@pytest.mark.parametrize("raw,clean", [("12-3456789", "12-3456789"), ("123456789", "12-3456789")])
def test_ein_normalised(raw: str, clean: str) -> None:
    assert it.ISSUE_TYPES["provider_credentialing"].field_map["tax_id"].normalize(raw) == clean


def test_ein_refused() -> None:
    with pytest.raises(it.FieldError, match="12-3456789"):
        it.ISSUE_TYPES["provider_credentialing"].field_map["tax_id"].normalize("1-23456789")


@pytest.mark.parametrize("raw,value", [("$1,234.5", "1234.50"), ("100", "100.00"), ("0.01", "0.01")])
def test_money(raw: str, value: str) -> None:
    assert str(it.parse_money(raw)) == value


@pytest.mark.parametrize("raw", ["-5", "abc", "1.234", "NaN", "Infinity", "99999999999"])
def test_money_refused(raw: str) -> None:
    with pytest.raises(it.FieldError):
        it.parse_money(raw)


def test_full_card_number_refused_anywhere_with_explanation() -> None:
    with pytest.raises(it.FieldError, match="last 4 digits"):
        it.refuse_card_number("charged on 4111 1111 1111 1111 twice")
    # the last 4 digits alone, a 16-digit number failing Luhn, and a claim number are fine
    it.refuse_card_number("card ending 1111")
    it.refuse_card_number("claim 4111111111111112")
    it.refuse_card_number("NPI 1234567893")
    spec = it.ISSUE_TYPES["billing"].field_map["invoice_numbers"]
    with pytest.raises(it.FieldError, match="last 4"):
        spec.normalize("4242-4242-4242-4242")


def test_last4_only() -> None:
    spec = it.ISSUE_TYPES["billing"].field_map["card_last4"]
    assert spec.normalize("4242") == "4242"
    with pytest.raises(it.FieldError, match="last 4"):
        spec.normalize("42424")


def test_validate_reports_required_and_unknown_fields() -> None:
    clean, errors = it.ISSUE_TYPES["insurance"].validate({"claim_numbers": "CLM-1", "bogus": "x"})
    assert clean == {"claim_numbers": "CLM-1"}
    assert "member_id" in errors and "required" in errors["member_id"]
    assert "bogus" in errors


def test_impossible_date_refused() -> None:
    spec = it.ISSUE_TYPES["privacy"].field_map["learned_on"]
    with pytest.raises(it.FieldError, match="not a date"):
        spec.normalize("2026-02-30")
    assert spec.normalize(" 2026-02-03 ") == "2026-02-03"


def test_checklist_puts_missing_first_and_ticks_what_is_on_file() -> None:
    items = it.checklist("account", {"full_name": "Ana Lima", "account_email": "ana@example.com"})
    labels = [(i.label, i.on_file) for i in items]
    assert labels[0][1] is False
    assert ("Full name on the account", True) in labels
    assert any(label == "Payment method, last 4 digits" and not ok for label, ok in labels)


def test_checklist_document_satisfied_by_exhibit() -> None:
    items = it.checklist("technical", {}, ["image/png"])
    assert any(i.label.startswith("Screenshots") and i.on_file for i in items)


@pytest.mark.parametrize("media", ["video/mp4", "video/quicktime", "video/webm", "image/heic"])
def test_a_recording_or_a_screenshot_ticks_the_technical_checklist(media: str) -> None:
    (item,) = [i for i in it.checklist("technical", {}, ["application/pdf", media])
               if i.label == "Screenshots or a recording"]
    assert item.on_file


def test_a_recording_alone_does_not_tick_other_documents() -> None:
    (item,) = [i for i in it.checklist("billing", {}, ["video/mp4"])
               if i.label.startswith("Screenshots of the error")]
    assert not item.on_file  # billing wants screenshots
    (item,) = [i for i in it.checklist("technical", {}, ["application/pdf", "text/plain"])
               if i.label == "Screenshots or a recording"]
    assert not item.on_file


def test_references_and_details_follow_registry_order() -> None:
    fields = {"member_id": "M-77", "claim_numbers": "CLM-9", "payer": "Blue Harbor"}
    assert it.references("insurance", fields) == [
        ("member", "Member ID", "M-77"), ("claim", "Claim numbers", "CLM-9")]
    assert it.details("insurance", fields)[0] == ("Member ID", "M-77")


def test_json_schema_has_a_rule_per_issue_type() -> None:
    schema = it.fields_json_schema()
    keys = [r["if"]["properties"]["issue_type"]["const"] for r in schema["allOf"]]
    assert keys == list(it.ISSUE_TYPES)
    npi = schema["allOf"][keys.index("provider_credentialing")]["then"]["properties"]["fields"]
    assert npi["required"] == ["npi"]


def test_safety_types() -> None:
    assert {k for k, t in it.ISSUE_TYPES.items() if t.safety} == {"appointment", "privacy"}
    assert "988" in it.SAFETY_NOTE and "911" in it.SAFETY_NOTE
