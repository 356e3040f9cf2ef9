"""Letter drafts kept on the case, and "Mark as sent" logging a contact with its reply clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal.letters.plan import letter_steps
from headway_journal.journal.letters.sending import mark_sent
from headway_journal.journal.records import CaseInput, ValidationError
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    service = JournalService.open(tmp_path / "journal")
    yield service
    service.close()


@pytest.fixture
def case_id(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Charged twice", organization_id=org.id,
                                     issue_type="billing", role="client",
                                     fields={"statement_date": "2026-11-10"}))


def test_a_draft_keeps_its_text_and_facts(svc: JournalService, case_id: int) -> None:
    assert svc.letter_draft(case_id, "card-dispute") is None
    saved = svc.save_letter_draft(case_id, "card-dispute", "Dear Sir or Madam,\n\nText.",
                                  {"statement_date": "2026-11-19", "card_issuer": " Bank ",
                                   "charge_date": ""})
    assert saved.facts == {"statement_date": "2026-11-19", "card_issuer": "Bank"}
    again = svc.save_letter_draft(case_id, "card-dispute", "Changed.", {"statement_date":
                                                                        "2026-11-20"})
    assert svc.letter_drafts(case_id) == {"card-dispute": again}
    assert again.body == "Changed." and again.facts == {"statement_date": "2026-11-20"}
    history = [c for c in svc.history(case_id) if c.entity == "letter"]
    assert sorted(c.action for c in history) == ["create", "update"]


def test_bad_drafts_are_refused_and_nothing_is_saved(svc: JournalService, case_id: int) -> None:
    with pytest.raises(ValidationError, match="Unknown letter kind"):
        svc.save_letter_draft(case_id, "fax", "x")
    with pytest.raises(ValidationError, match="card number"):
        svc.save_letter_draft(case_id, "cfpb", "My card 4111 1111 1111 1111 was charged.")
    with pytest.raises(ValidationError, match="not a date"):
        svc.save_letter_draft(case_id, "card-dispute", "x", {"statement_date": "Nov 10"})
    assert svc.letter_drafts(case_id) == {}


def test_mark_as_sent_logs_a_contact_with_the_reply_clock(svc: JournalService,
                                                          case_id: int) -> None:
    svc.save_letter_draft(case_id, "cfpb", "Narrative.")
    now = datetime(2026, 11, 20, 15, 0, tzinfo=TZ)
    contact_id = mark_sent(svc, case_id, "cfpb", sent_on=date(2026, 11, 11), channel="web-form",
                           enclosures=["Exhibit 1: statement"], now=now)
    case = svc.get_case(case_id)
    [contact] = case.contacts
    assert contact.id == contact_id and contact.channel == "web-form"
    assert contact.direction == "outbound" and contact.started_at.date() == date(2026, 11, 11)
    assert "Consumer Financial Protection Bureau" in contact.summary
    assert "- Exhibit 1: statement" in contact.summary
    [promise] = contact.promises
    assert promise.due.due_on == date(2026, 11, 27)  # 15 days is Thanksgiving: the day after
    draft = svc.letter_draft(case_id, "cfpb")
    assert draft is not None and draft.sent_on == date(2026, 11, 11)
    assert draft.sent_channel == "web-form" and draft.contact_id == contact_id
    steps = {s.kind: s for s in letter_steps(case, today=date(2026, 11, 20), drafts={
        k: (d.facts, d.sent_on) for k, d in svc.letter_drafts(case_id).items()})}
    assert steps["cfpb"].state == "sent"


def test_a_company_letter_gets_a_business_day_clock(svc: JournalService, case_id: int) -> None:
    svc.save_letter_draft(case_id, "company", "Letter.")
    mark_sent(svc, case_id, "company", sent_on=date(2026, 11, 2), channel="letter",
              now=datetime(2026, 11, 20, 9, 0, tzinfo=TZ))
    [promise] = svc.get_case(case_id).promises
    # 30 business days skip the weekends, Veterans Day and Thanksgiving
    assert promise.business_days == 30 and promise.due.due_on == date(2026, 12, 16)


def test_sending_refuses_a_future_day_and_an_unknown_channel(svc: JournalService,
                                                             case_id: int) -> None:
    svc.save_letter_draft(case_id, "cfpb", "Narrative.")
    now = datetime(2026, 11, 20, 9, 0, tzinfo=TZ)
    with pytest.raises(ValidationError, match="future"):
        mark_sent(svc, case_id, "cfpb", sent_on=date(2026, 11, 21), channel="letter", now=now)
    with pytest.raises(ValidationError, match="Sent how"):
        mark_sent(svc, case_id, "cfpb", sent_on=date(2026, 11, 20), channel="fax", now=now)
    assert svc.get_case(case_id).contacts == ()
