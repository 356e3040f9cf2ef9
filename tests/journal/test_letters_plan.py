"""Which letters apply to a case, their deadlines (around weekends and holidays) and warnings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal import deadlines as dl
from headway_journal.journal.letters import bodies
from headway_journal.journal.letters.plan import (
    act_by,
    letter_deadline,
    letter_facts,
    letter_steps,
    reply_due,
)
from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))
CAL = dl.BusinessCalendar("US")


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    service = JournalService.open(tmp_path / "journal")
    yield service
    service.close()


def make_case(svc: JournalService, issue_type: str, fields: dict[str, str] | None = None,
              *, contacts: int = 1, escalated: bool = False) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    case_id = svc.create_case(CaseInput(title="A case", organization_id=org.id,
                                        issue_type=issue_type, role="client",
                                        fields=fields or {}))
    for n in range(contacts):
        svc.log_contact(case_id, ContactInput(
            started_at=datetime(2026, 10, 5 + n, 10, 0, tzinfo=TZ), channel="phone",
            rep_name="Dana", summary="Asked about it."))
    if escalated:
        svc.add_escalation(case_id, EscalationInput(requested_on=date(2026, 10, 9)))
    return case_id


def kinds(svc: JournalService, case_id: int) -> list[str]:
    return [s.kind for s in letter_steps(svc.get_case(case_id), today=date(2026, 12, 1))]


# --- the data ------------------------------------------------------------------------------------


def test_every_kind_is_data_with_its_source_and_date_checked() -> None:
    raw = json.loads(bodies.DATA_FILE.read_text(encoding="utf-8"))
    assert {k["kind"] for k in raw["kinds"]} == set(bodies.KINDS)
    for kind in bodies.KINDS:
        b = bodies.body(kind)
        assert b.source and date.fromisoformat(b.checked_on)
        assert "verify" in b.provenance and b.checked_on in b.provenance
    assert bodies.body("card-dispute").limit == bodies.Clock(
        60, "calendar days", starts_from="statement_date",
        from_label="the statement that first showed the error",
        rule=bodies.body("card-dispute").limit.rule)  # type: ignore[union-attr]
    assert bodies.body("cfpb").narrative_limit == 4000
    assert bodies.body("cfpb").reply is not None and bodies.body("cfpb").reply.amount == 15
    with pytest.raises(ValueError, match="Unknown letter kind 'nope'"):
        bodies.body("nope")


def test_every_state_and_dc_has_its_insurance_department() -> None:
    depts = bodies.state_departments()
    assert len(depts) == 51
    assert len({d.code for d in depts}) == 51
    assert all(d.name and d.state for d in depts)
    assert bodies.state_department("dc") is not None
    assert bodies.state_department("  new   york ").name == (  # type: ignore[union-attr]
        "New York State Department of Financial Services")
    assert bodies.state_department("TX").state == "Texas"  # type: ignore[union-attr]
    assert bodies.state_department("Atlantis") is None
    assert bodies.state_department("") is None


# --- which letters apply, in order ----------------------------------------------------------------


def test_kinds_follow_the_issue_type_and_the_escalation_path(svc: JournalService) -> None:
    assert kinds(svc, make_case(svc, "billing")) == ["company", "card-dispute", "cfpb"]
    assert kinds(svc, make_case(svc, "insurance", {"member_id": "M1"})) == [
        "company", "records-request", "internal-appeal", "external-review", "state-insurance"]
    assert kinds(svc, make_case(svc, "privacy", {"what_happened": "x",
                                                 "learned_on": "2026-11-02"})) == [
        "privacy-officer", "records-request", "hhs-ocr"]
    assert kinds(svc, make_case(svc, "technical")) == ["company"]
    assert kinds(svc, make_case(svc, "provider_payment")) == ["company", "cfpb"]


def test_facts_decide_what_applies(svc: JournalService) -> None:
    # an eligibility question has no denial to appeal, until one is entered
    eligibility = make_case(svc, "insurance", {"member_id": "M1", "insurance_matter": "eligibility"})
    assert "internal-appeal" not in kinds(svc, eligibility)
    denied = make_case(svc, "insurance", {"member_id": "M1", "insurance_matter": "eligibility",
                                          "denial_date": "2026-11-02"})
    assert "internal-appeal" in kinds(svc, denied)
    # paid by insurance without a card: no card billing-error notice
    assert "card-dispute" not in kinds(svc, make_case(svc, "billing", {"paid_by": "insurance"}))


def test_history_adds_what_should_come_first(svc: JournalService) -> None:
    fresh = make_case(svc, "insurance", {"member_id": "M1"}, contacts=0)
    steps = {s.kind: s for s in letter_steps(svc.get_case(fresh), today=date(2026, 12, 1))}
    assert "contact the insurer first" in steps["state-insurance"].note
    assert "missed" in steps["company"].note
    assert "final internal decision" in steps["external-review"].note
    escalated = make_case(svc, "insurance", {"member_id": "M1"}, escalated=True)
    steps = {s.kind: s for s in letter_steps(svc.get_case(escalated), today=date(2026, 12, 1))}
    assert steps["company"].note == "" and steps["state-insurance"].note == ""


# --- deadlines around weekends and holidays -------------------------------------------------------


@pytest.mark.parametrize(("kind", "facts", "deadline", "act"), [
    # 60 calendar days from Tue 2026-11-10: Sat 2027-01-09; nothing arrives on a Saturday
    ("card-dispute", {"statement_date": "2026-11-10"}, date(2027, 1, 9), date(2027, 1, 8)),
    # Mon 2027-01-18 is Martin Luther King Jr. Day: the Friday before
    ("card-dispute", {"statement_date": "2026-11-19"}, date(2027, 1, 18), date(2027, 1, 15)),
    # a weekday that is not a holiday stays
    ("card-dispute", {"statement_date": "2026-11-12"}, date(2027, 1, 11), date(2027, 1, 11)),
    # 180 days: Sun 2027-01-03, then Sat 2, then New Year's Day (Fri): Thu 2026-12-31
    ("internal-appeal", {"denial_date": "2026-07-07"}, date(2027, 1, 3), date(2026, 12, 31)),
    # four months (calendar months): Sun 2027-02-28 -> Fri 2027-02-26
    ("external-review", {"final_decision_date": "2026-10-28"}, date(2027, 2, 28),
     date(2027, 2, 26)),
    # a month without that day: Oct 31 + 4 months is Feb 28
    ("external-review", {"final_decision_date": "2026-10-31"}, date(2027, 2, 28),
     date(2027, 2, 26)),
    # 180 days from learning of it: Thanksgiving 2026-11-26 itself is moved back
    ("hhs-ocr", {"learned_on": "2026-05-30"}, date(2026, 11, 26), date(2026, 11, 25)),
])
def test_deadlines(kind: str, facts: dict[str, str], deadline: date, act: date) -> None:
    found = letter_deadline(kind, facts, CAL)
    assert found is not None
    assert (found.deadline, found.act_by) == (deadline, act)
    assert CAL.is_business_day(found.act_by)


def test_the_plans_own_deadline_wins_and_a_missing_date_starts_nothing() -> None:
    entered = letter_deadline("external-review", {"final_decision_date": "2026-10-28",
                                                  "review_deadline": "2026-12-27"}, CAL)
    assert entered is not None and entered.from_letter
    assert entered.deadline == date(2026, 12, 27)  # a Sunday
    assert entered.act_by == date(2026, 12, 24)  # Christmas Day (Fri 25) is a holiday too
    assert letter_deadline("card-dispute", {}, CAL) is None
    assert letter_deadline("card-dispute", {"statement_date": "11/10/2026"}, CAL) is None
    assert letter_deadline("company", {"statement_date": "2026-11-10"}, CAL) is None


def test_act_by_with_another_countrys_holidays() -> None:
    canada = dl.BusinessCalendar("CA")
    # 2027-07-01 (Thu) is Canada Day: not a holiday in the U.S.
    assert act_by(date(2027, 7, 1), canada) == date(2027, 6, 30)
    assert act_by(date(2027, 7, 1), CAL) == date(2027, 7, 1)


@pytest.mark.parametrize(("kind", "sent", "due"), [
    # 30 calendar days from Fri 2026-12-04 is Sun 2027-01-03: the next business day
    ("records-request", date(2026, 12, 4), date(2027, 1, 4)),
    # 15 days from Thu 2026-12-17 is New Year's Day (Fri): Mon 2027-01-04
    ("cfpb", date(2026, 12, 17), date(2027, 1, 4)),
    # 30 business days skip the weekends and Christmas and New Year's Day
    ("company", date(2026, 12, 1), date(2027, 1, 14)),
    ("state-insurance", date(2026, 12, 1), None),
    ("hhs-ocr", date(2026, 12, 1), None),
    # 30 business days skip Veterans Day and Thanksgiving
    ("privacy-officer", date(2026, 11, 2), date(2026, 12, 16)),
    # the issuer's 30 days from Thanksgiving end on Sat 2026-12-26: Mon 2026-12-28
    ("card-dispute", date(2026, 11, 26), date(2026, 12, 28)),
    # the plan's 60 days end on Christmas Day (Fri): Mon 2026-12-28
    ("internal-appeal", date(2026, 10, 26), date(2026, 12, 28)),
    # the reviewer's 45 days end on New Year's Day: Mon 2027-01-04
    ("external-review", date(2026, 11, 17), date(2027, 1, 4)),
])
def test_reply_clocks(kind: str, sent: date, due: date | None) -> None:
    assert reply_due(kind, sent, CAL) == due


# --- warnings --------------------------------------------------------------------------------------


def _card_step(svc: JournalService, today: date, statement: str = "2026-11-10") -> object:
    case_id = make_case(svc, "billing", {"statement_date": statement})
    [step] = [s for s in letter_steps(svc.get_case(case_id), today=today, cal=CAL)
              if s.kind == "card-dispute"]
    return step


def test_warning_when_close_on_the_last_day_and_when_passed(svc: JournalService) -> None:
    far = _card_step(svc, date(2026, 12, 1))
    assert far.state == "open" and "Saturday, January 9, 2027" in far.warning  # type: ignore[attr-defined]
    close = _card_step(svc, date(2027, 1, 3))
    assert close.state == "close"  # type: ignore[attr-defined]
    assert close.warning.startswith("Only 5 days left")  # type: ignore[attr-defined]
    assert "Friday, January 8, 2027" in close.warning  # type: ignore[attr-defined]
    assert "(5 days left)" in close.summary()  # type: ignore[attr-defined]
    last = _card_step(svc, date(2027, 1, 8))
    assert last.warning.startswith("Last day")  # type: ignore[attr-defined]
    weekend = _card_step(svc, date(2027, 1, 9))  # the deadline itself, a Saturday
    assert weekend.state == "close" and "offices are closed" in weekend.warning  # type: ignore[attr-defined]
    assert weekend.summary() == (  # type: ignore[attr-defined]
        "Card billing-error notice: deadline Saturday, January 9, 2027 (today), a day the "
        "offices are closed")
    passed = _card_step(svc, date(2027, 1, 12))
    assert passed.state == "passed"  # type: ignore[attr-defined]
    assert "passed on Saturday, January 9, 2027" in passed.warning  # type: ignore[attr-defined]
    assert "passed 4 days ago" in passed.summary()  # type: ignore[attr-defined]


def test_a_missing_date_asks_for_it(svc: JournalService) -> None:
    case_id = make_case(svc, "billing")
    [step] = [s for s in letter_steps(svc.get_case(case_id), today=date(2026, 12, 1))
              if s.kind == "card-dispute"]
    assert step.state == "needs-date" and step.deadline is None
    assert "the statement that first showed the error" in step.warning
    assert "deadline unknown" in step.summary()


def test_facts_kept_with_the_draft_win_over_the_case(svc: JournalService) -> None:
    case_id = make_case(svc, "billing", {"statement_date": "2026-11-10"})
    case = svc.get_case(case_id)
    assert letter_facts(case, {"statement_date": "2026-11-19", "card_issuer": " "})[
        "statement_date"] == "2026-11-19"
    steps = letter_steps(case, today=date(2026, 12, 1), cal=CAL,
                         drafts={"card-dispute": ({"statement_date": "2026-11-19"}, None)})
    [card] = [s for s in steps if s.kind == "card-dispute"]
    assert card.deadline is not None and card.deadline.deadline == date(2027, 1, 18)
    sent = letter_steps(case, today=date(2026, 12, 1), cal=CAL,
                        drafts={"card-dispute": ({}, date(2026, 12, 1))})
    [card] = [s for s in sent if s.kind == "card-dispute"]
    assert card.state == "sent" and card.reply_due == date(2026, 12, 31)
    assert card.summary() == ("Card billing-error notice: sent on Tuesday, December 1, 2026; "
                              "reply due Thursday, December 31, 2026")
