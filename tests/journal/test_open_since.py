"""A case is open since its first contact at the latest: the opening date, the days open and
the cover letter's "Open since" follow the earliest contact."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.casefile.letter import draft_cover_letter
from headway_journal.casefile.service_bridge import casefile_data
from headway_journal.journal import interchange as ix
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
NOW = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


def new_case(svc: JournalService, opened: date | None = date(2026, 12, 1)) -> int:
    headway = svc.organization_by_key("headway")
    assert headway is not None
    return svc.create_case(CaseInput(title="Double charge", organization_id=headway.id,
                                     issue_type="billing", role="client", opened_on=opened))


def call(day: date, hh: int = 10, tz: timezone = PST) -> ContactInput:
    return ContactInput(started_at=datetime.combine(day, time(hh, 0), tz), channel="phone",
                        rep_name="Jordan Lee", summary="Asked about the charge.")


def test_an_earlier_contact_moves_the_opening_date_back(svc: JournalService) -> None:
    cid = new_case(svc)
    svc.log_contact(cid, call(date(2026, 11, 24)))
    case = svc.get_case(cid)
    assert case.opened_on == case.open_since == date(2026, 11, 24)
    assert case.days_open(date(2026, 12, 1)) == 7
    change = [h for h in svc.history(cid) if h.entity == "case" and h.action == "update"]
    assert change and change[-1].changes == {"opened_on": ["2026-12-01", "2026-11-24"]}


def test_a_later_contact_leaves_it(svc: JournalService) -> None:
    cid = new_case(svc, date(2026, 11, 20))
    svc.log_contact(cid, call(date(2026, 11, 24)))
    assert svc.get_case(cid).opened_on == date(2026, 11, 20)


def test_the_contacts_own_local_day_counts(svc: JournalService) -> None:
    cid = new_case(svc, date(2026, 11, 24))
    # 23:30 on Nov 23 in California is already Nov 24 in UTC: the call was on the 23rd
    svc.log_contact(cid, call(date(2026, 11, 23), hh=23))
    assert svc.get_case(cid).opened_on == date(2026, 11, 23)


def test_editing_a_contact_to_an_earlier_day(svc: JournalService) -> None:
    cid = new_case(svc, date(2026, 11, 30))
    contact = svc.log_contact(cid, call(date(2026, 11, 30)))
    data = svc.contact_input(contact)
    data.started_at = datetime.combine(date(2026, 11, 10), time(9, 0), PST)
    svc.update_contact(contact, data)
    assert svc.get_case(cid).opened_on == date(2026, 11, 10)


def test_a_later_opening_date_typed_afterwards_still_counts_from_the_first_contact(
        svc: JournalService) -> None:
    cid = new_case(svc, date(2026, 11, 24))
    svc.log_contact(cid, call(date(2026, 11, 24)))
    data = svc.case_input(cid)
    data.opened_on = date(2026, 12, 1)
    svc.update_case(cid, data)
    case = svc.get_case(cid)
    assert case.opened_on == date(2026, 12, 1)
    assert case.open_since == date(2026, 11, 24) and case.days_open(date(2026, 12, 1)) == 7


def test_the_cover_letter_counts_from_the_first_contact(svc: JournalService) -> None:
    cid = new_case(svc, date(2026, 12, 1))
    svc.log_contact(cid, call(date(2026, 11, 24)))
    svc.log_contact(cid, call(date(2026, 11, 30)))
    data = casefile_data(svc, cid, now=NOW, check_files=False)
    assert (data.opened_on, data.days_open) == (date(2026, 11, 24), 7)
    letter = draft_cover_letter(data, addressee="")
    assert "Open since November 24, 2026 (7 days)" in letter
    assert "open since November 24, 2026, 7 days as of this letter" in letter


def test_one_day_is_singular(svc: JournalService) -> None:
    cid = new_case(svc, date(2026, 11, 30))
    data = casefile_data(svc, cid, now=NOW, check_files=False)
    assert "Open since November 30, 2026 (1 day)" in draft_cover_letter(data, addressee="")


def test_an_imported_case_without_an_opening_date_opens_with_its_first_contact(
        svc: JournalService, tmp_path: Path) -> None:
    doc = {"format": "headway-journal", "version": 1, "cases": [{
        "key": "imported", "title": "Claim denied", "organization": "headway",
        "issue_type": "technical", "role": "client",
        "contacts": [
            {"key": "c2", "started_at": "2026-11-20T10:00:00-08:00", "channel": "phone"},
            {"key": "c1", "started_at": "2026-11-12T09:00:00-08:00", "channel": "email"},
        ]}]}
    ix.import_document(svc, doc, tmp_path)
    case = svc.get_case(svc.find_case("imported"))
    assert case.opened_on == date(2026, 11, 12)


def test_an_imported_opening_date_is_kept(svc: JournalService, tmp_path: Path) -> None:
    doc = {"format": "headway-journal", "version": 1, "cases": [{
        "key": "given", "title": "Locked out", "organization": "headway",
        "issue_type": "technical", "role": "client", "opened_on": "2026-11-01",
        "contacts": [{"key": "c1", "started_at": "2026-11-12T09:00:00-08:00",
                      "channel": "email"}]}]}
    ix.import_document(svc, doc, tmp_path)
    assert svc.get_case(svc.find_case("given")).opened_on == date(2026, 11, 1)
