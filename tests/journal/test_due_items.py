"""due_items reads the stored deadlines: the same promises, deadlines and states as the case
view computes, in the same order; a promise whose deadline is not stored yet is computed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

PDT = timezone(timedelta(hours=-7))
PST = timezone(timedelta(hours=-8))
NOW = datetime(2026, 11, 12, 18, 0, tzinfo=UTC)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    service = JournalService.open(tmp_path / "journal")
    yield service
    service.close()


def _fill(svc: JournalService) -> list[int]:
    org = svc.organization_by_key("headway")
    assert org is not None
    cases = []
    for i, (started, promises) in enumerate([
        # business days across Veterans Day (Nov 11), hours across the DST change, a date
        (datetime(2026, 11, 6, 9, 0, tzinfo=PST), [PromiseInput("Refund", business_days=3)]),
        (datetime(2026, 10, 31, 23, 30, tzinfo=PDT), [PromiseInput("Call back", hours=72)]),
        (datetime(2026, 11, 10, 12, 0, tzinfo=PST), [
            PromiseInput("Letter", due_on=date(2026, 11, 16)),
            PromiseInput("Kept one", business_days=1, status="kept")]),
        (datetime(2026, 11, 12, 8, 0, tzinfo=PST), [PromiseInput("Reply", hours=4)]),
    ]):
        cid = svc.create_case(CaseInput(title=f"Case {i}", organization_id=org.id,
                                        issue_type="billing", role="client",
                                        opened_on=started.date()))
        svc.log_contact(cid, ContactInput(started_at=started, channel="phone",
                                          rep_name=f"Rep {i}", promises=promises))
        cases.append(cid)
    return cases


def _computed(svc: JournalService, cases: list[int]) -> dict[int, tuple[object, ...]]:
    out = {}
    for cid in cases:
        for p in svc.get_case(cid, now=NOW).promises:
            out[p.id] = (p.text, p.due, p.state, p.made_at, p.terms, p.due_label)
    return out


def test_due_items_match_what_the_case_view_computes(svc: JournalService) -> None:
    cases = _fill(svc)
    computed = _computed(svc, cases)
    items = svc.due_items(now=NOW, include_future=True)
    assert [i.promise.text for i in items] == ["Call back", "Refund", "Reply", "Letter"]
    for item in items:
        p = item.promise
        assert (p.text, p.due, p.state, p.made_at, p.terms, p.due_label) == computed[p.id]
    by_text = {i.promise.text: i for i in items}
    assert by_text["Refund"].promise.due.due_on == date(2026, 11, 12)  # 9, 10, (11), 12
    assert by_text["Call back"].promise.state.code == "overdue"
    assert by_text["Call back"].promise.due_label.endswith("-0700")  # the contact's offset
    assert by_text["Reply"].promise.state.code == "due_today"
    assert by_text["Refund"].contact == "Phone, Rep 0"
    assert by_text["Refund"].organization == "Headway"
    # within the horizon only (the Letter is 4 days out, beyond a 2-day horizon)
    assert "Letter" not in {i.promise.text for i in svc.due_items(now=NOW, horizon_days=2)}


def test_a_promise_without_a_stored_deadline_is_computed(svc: JournalService) -> None:
    cases = _fill(svc)
    with svc.journal.session() as s:
        s.execute(text("UPDATE promises SET due_date = NULL, due_at = NULL "
                       "WHERE text = 'Call back'"))
    items = svc.due_items(now=NOW, include_future=True)
    back = next(i for i in items if i.promise.text == "Call back")
    computed = _computed(svc, cases)[back.promise.id]
    assert (back.promise.due, back.promise.state) == (computed[1], computed[2])


def test_promises_sharing_a_deadline_each_stand_as_their_own_terms_say(
        svc: JournalService) -> None:
    """Many promises share a deadline; those due at an hour that day differ by whether the
    hour has passed, and a contact in another zone can be on another day: each state is the
    one the case view computes for that promise."""
    org = svc.organization_by_key("headway")
    assert org is not None
    cases = []
    # NOW is 18:00 UTC: 10:00 PST, 11:00 PDT. Due at 09:00, 10:30 and 12:00 local today.
    for n, (started, promise) in enumerate([
        (datetime(2026, 11, 12, 5, 0, tzinfo=PST), PromiseInput("Four hours", hours=4)),
        (datetime(2026, 11, 12, 5, 0, tzinfo=PST), PromiseInput("Four hours too", hours=4)),
        (datetime(2026, 11, 12, 6, 30, tzinfo=PST), PromiseInput("Later today", hours=4)),
        (datetime(2026, 11, 12, 8, 0, tzinfo=PST), PromiseInput("At noon", hours=4)),
        (datetime(2026, 11, 12, 6, 30, tzinfo=PDT), PromiseInput("Other zone", hours=4)),
        (datetime(2026, 11, 9, 9, 0, tzinfo=PST), PromiseInput("Two days", business_days=2)),
        (datetime(2026, 11, 9, 9, 0, tzinfo=PST), PromiseInput("Two days too", business_days=2)),
        (datetime(2026, 11, 3, 9, 0, tzinfo=PST), PromiseInput("Long ago", business_days=1)),
        (datetime(2026, 11, 12, 23, 30, tzinfo=timezone(timedelta(hours=9))),
         PromiseInput("Tokyo tomorrow", due_on=date(2026, 11, 13))),
    ]):
        cid = svc.create_case(CaseInput(title=f"Shared {n}", organization_id=org.id,
                                        issue_type="billing", role="client",
                                        opened_on=started.date()))
        svc.log_contact(cid, ContactInput(started_at=started, channel="chat",
                                          promises=[promise]))
        cases.append(cid)
    computed = _computed(svc, cases)
    items = svc.due_items(now=NOW, include_future=True)
    assert len(items) == 9
    for item in items:
        p = item.promise
        assert (p.text, p.due, p.state) == computed[p.id][:3]
    codes = {i.promise.text: i.promise.state.code for i in items}
    assert codes["Four hours"] == codes["Four hours too"] == "overdue"  # 09:00 PST passed
    assert codes["Later today"] == codes["At noon"] == "due_today"  # 10:30 and 12:00 PST
    assert codes["Other zone"] == "overdue"  # 10:30 PDT is 09:30 PST


def test_the_items_are_the_dataclasses_they_would_be_if_made_one_by_one(
        svc: JournalService) -> None:
    """due_items makes its items without their generated __init__ (``frozen_made``): each is
    equal to, hashes like and stays as frozen as the one the constructor makes."""
    import dataclasses

    from headway_journal.journal.promise_dates import frozen_made
    from headway_journal.journal.records import DueItem, PromiseView

    _fill(svc)
    items = svc.due_items(now=NOW, include_future=True)
    assert items
    for item in items:
        p = item.promise
        rebuilt = DueItem(PromiseView(**{f.name: getattr(p, f.name)
                                         for f in dataclasses.fields(PromiseView)}),
                          item.case_id, item.case_title, item.organization, item.contact)
        assert item == rebuilt and hash(item) == hash(rebuilt)
        assert type(p.due.due_on) is date and type(p.made_at) is datetime
        assert p.made_at.tzinfo is not None
        with pytest.raises(dataclasses.FrozenInstanceError):
            p.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        frozen_made(DueItem, {"promise": None})  # every field, or it refuses
