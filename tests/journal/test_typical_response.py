"""The service picks the typical reply window from the case's facts (deadlines' table)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
WEDNESDAY_NOON = datetime(2026, 11, 4, 12, 0, tzinfo=PST)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


def new_case(svc: JournalService, issue_type: str, **kw: object) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    data = CaseInput(title=f"A {issue_type} case", organization_id=org.id, issue_type=issue_type,
                     role="clinician" if issue_type.startswith("provider") else "client")
    for k, v in kw.items():
        setattr(data, k, v)
    return svc.create_case(data)


def reply_key(svc: JournalService, cid: int, channel: str = "email",
              started_at: datetime = WEDNESDAY_NOON) -> str | None:
    svc.log_contact(cid, ContactInput(started_at=started_at, channel=channel))
    case = svc.get_case(cid)
    newest = max(case.contacts, key=lambda c: c.id)
    er = svc.typical_response(case, newest)
    return None if er is None else er.key


def test_billing_under_200_dollars_is_the_small_dispute_row(svc: JournalService) -> None:
    cid = new_case(svc, "billing", amount_disputed="$100",
                   fields={"invoice_numbers": "INV-1, INV-2"})
    assert reply_key(svc, cid) == "billing_dispute_under_200"


def test_billing_in_another_currency_or_over_200(svc: JournalService) -> None:
    cad = new_case(svc, "billing", amount_disputed="100", currency="CAD")
    assert reply_key(svc, cad) == "general_verification"
    big = new_case(svc, "billing", amount_disputed="$450")
    assert reply_key(svc, big) == "general_verification"
    single = new_case(svc, "billing", amount_disputed="$450",
                      fields={"invoice_numbers": "INV-2231"})
    assert reply_key(svc, single) == "refund_decision"


def test_credentialing_after_an_escalation(svc: JournalService) -> None:
    cid = new_case(svc, "provider_credentialing", fields={"npi": "1234567893"})
    assert reply_key(svc, cid) == "general_verification"
    svc.add_escalation(cid, EscalationInput(requested_on=WEDNESDAY_NOON.date(),
                                            level="supervisor"))
    assert reply_key(svc, cid) == "credentialing_escalation"


def test_privacy_and_payouts_use_the_briefs_rows(svc: JournalService) -> None:
    privacy = new_case(svc, "privacy", fields={"what_happened": "x", "learned_on": "2026-11-01"})
    er_key = reply_key(svc, privacy)
    assert er_key == "formal_written_reply"
    payout = new_case(svc, "provider_payment")
    assert reply_key(svc, payout, "ticket") == "general_verification"


def test_a_letter_about_an_account_has_no_window(svc: JournalService) -> None:
    cid = new_case(svc, "account", fields={"full_name": "Ana Lima"})
    assert reply_key(svc, cid, "letter") is None
    assert reply_key(svc, cid, "email") == "email_ticket"


def test_a_call_gets_the_reply_window_and_the_hold_is_what_to_expect(svc: JournalService) -> None:
    cid = new_case(svc, "privacy", fields={"what_happened": "x", "learned_on": "2026-11-01"})
    assert reply_key(svc, cid, "phone") == "formal_written_reply"
    lines = svc.what_to_expect(svc.get_case(cid))
    # the Privacy Officer's phone line is among a privacy case's channels
    assert lines[0].window.key == "phone_hold" and "not a reply time" in lines[0].text()
    account = new_case(svc, "account", fields={"full_name": "Ana Lima"})
    assert reply_key(svc, account, "phone") is None
    # Headway publishes no phone line for general support: no hold time to expect
    assert [e.window.key for e in svc.what_to_expect(svc.get_case(account))] == [
        "email_ticket", "after_hours_lockout"]


def test_after_hours_lockout_from_the_contacts_own_start_time(svc: JournalService) -> None:
    cid = new_case(svc, "technical", fields={"device": "iPhone 13"})
    assert reply_key(svc, cid, "in-app") == "email_ticket"  # Wednesday noon
    assert reply_key(svc, cid, "in-app", WEDNESDAY_NOON.replace(hour=21)) == "after_hours_lockout"
    assert reply_key(svc, cid, "chat", WEDNESDAY_NOON.replace(hour=7, minute=59)) == (
        "after_hours_lockout")
    saturday = WEDNESDAY_NOON + timedelta(days=3)
    assert reply_key(svc, cid, "in-app", saturday) == "after_hours_lockout"
    assert reply_key(svc, cid, "email", saturday) == "email_ticket"  # not a chat
    thanksgiving = datetime(2026, 11, 26, 12, 0, tzinfo=PST)
    assert reply_key(svc, cid, "in-app", thanksgiving) == "after_hours_lockout"
    svc.set_setting("holiday_country", "GB")  # the journal's holiday calendar decides
    assert reply_key(svc, cid, "in-app", thanksgiving) == "email_ticket"
