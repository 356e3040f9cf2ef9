"""Tests for headway_journal.journal.deadlines (no Qt)."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway_journal.journal.deadlines import (
    ESCALATION_STEPS,
    EXPECTED_RESPONSE_TABLE,
    ISSUE_TYPES,
    RESPONSE_WINDOWS,
    BusinessCalendar,
    DeadlineItem,
    ExpectedResponse,
    PromiseDue,
    PromiseTermsError,
    add_months,
    available_countries,
    available_subdivisions,
    contact_expectations,
    deadlines_to_ics,
    expected_due_range,
    expected_response,
    is_after_hours,
    issue_type_window,
    next_escalation_step,
    outside_clocks,
    outside_clocks_for_fields,
    promise_due,
    promise_state,
    promise_state_key,
    validate_promise_terms,
)

US = BusinessCalendar()
PST = timezone(timedelta(hours=-8))
EST = timezone(timedelta(hours=-5))


def d(iso: str) -> date:
    return date.fromisoformat(iso)


# ----------------------------------------------------------------------------- calendar


class TestBusinessCalendar:
    def test_weekend_is_not_a_business_day(self) -> None:
        assert US.is_business_day(d("2026-03-06"))  # Friday
        assert not US.is_business_day(d("2026-03-07"))  # Saturday
        assert not US.is_business_day(d("2026-03-08"))  # Sunday
        assert US.is_business_day(d("2026-03-09"))  # Monday

    def test_friday_plus_one_is_monday(self) -> None:
        assert US.add_business_days(d("2026-03-06"), 1) == d("2026-03-09")

    def test_saturday_plus_one_is_monday(self) -> None:
        assert US.add_business_days(d("2026-03-07"), 1) == d("2026-03-09")
        assert US.add_business_days(d("2026-03-08"), 1) == d("2026-03-09")

    def test_zero_returns_start_and_negative_is_refused(self) -> None:
        assert US.add_business_days(d("2026-03-07"), 0) == d("2026-03-07")
        with pytest.raises(ValueError):
            US.add_business_days(d("2026-03-07"), -1)

    def test_independence_day_observed_on_friday(self) -> None:
        # 2026-07-04 is a Saturday; the federal holiday is observed on Friday 2026-07-03.
        assert not US.is_business_day(d("2026-07-03"))
        assert US.holiday_name(d("2026-07-03")) == "Independence Day (observed)"
        assert US.add_business_days(d("2026-07-02"), 1) == d("2026-07-06")
        assert US.business_days_between(d("2026-07-02"), d("2026-07-06")) == 1

    def test_holiday_observed_on_monday(self) -> None:
        # 2027-07-04 is a Sunday; observed Monday 2027-07-05.
        assert not US.is_business_day(d("2027-07-05"))
        assert US.add_business_days(d("2027-07-02"), 1) == d("2027-07-06")

    def test_thanksgiving(self) -> None:
        assert US.holiday_name(d("2026-11-26")) == "Thanksgiving Day"
        assert not US.is_business_day(d("2026-11-26"))
        # Wednesday + 1 skips Thursday (holiday): Friday 27th is an ordinary business day.
        assert US.add_business_days(d("2026-11-25"), 1) == d("2026-11-27")
        assert US.add_business_days(d("2026-11-25"), 2) == d("2026-11-30")

    def test_christmas_and_new_year_across_the_year_boundary(self) -> None:
        assert not US.is_business_day(d("2026-12-25"))  # Friday
        assert not US.is_business_day(d("2027-01-01"))  # Friday
        # 24 Thu (1), 25 holiday, 28 (2), 29 (3), 30 (4), 31 (5)
        assert US.add_business_days(d("2026-12-23"), 5) == d("2026-12-31")
        # ... Jan 1 holiday, weekend, Mon Jan 4 (6)
        assert US.add_business_days(d("2026-12-23"), 6) == d("2027-01-04")
        assert US.business_days_between(d("2026-12-23"), d("2027-01-04")) == 6

    def test_2027_christmas_and_new_year_2028_observed_in_2027(self) -> None:
        assert US.holiday_name(d("2027-12-24")) == "Christmas Day (observed)"
        assert US.holiday_name(d("2027-12-31")) == "New Year's Day (observed)"
        assert not US.is_business_day(d("2027-12-31"))
        # Thu 23 -> Fri 24 holiday, Mon 27, ..., Thu 30, Fri 31 holiday, Mon 2028-01-03
        assert US.add_business_days(d("2027-12-23"), 5) == d("2028-01-03")

    def test_holiday_name_none_on_ordinary_day(self) -> None:
        assert US.holiday_name(d("2026-03-10")) is None

    def test_business_days_between_is_signed(self) -> None:
        a, b = d("2026-03-06"), d("2026-03-13")  # Friday to Friday
        assert US.business_days_between(a, b) == 5
        assert US.business_days_between(b, a) == -5
        assert US.business_days_between(a, a) == 0
        # Saturday to Sunday: no business day in (Sat, Sun]
        assert US.business_days_between(d("2026-03-07"), d("2026-03-08")) == 0

    def test_business_days_between_long_range_counts_holidays(self) -> None:
        # 2026: 261 weekdays, 11 federal holidays on weekdays (July 4 observed on Fri 3rd).
        assert US.business_days_between(d("2025-12-31"), d("2026-12-31")) == 250

    def test_business_days_between_agrees_with_counting_day_by_day(self) -> None:
        """The count from the sorted weekday holidays equals walking the days one by one, for
        ranges starting and ending on holidays, weekends and across years (two countries)."""
        rng = random.Random(19)
        for cal in (US, BusinessCalendar("GB", "ENG")):
            for _ in range(300):
                a = d("2024-11-20") + timedelta(days=rng.randrange(900))
                b = a + timedelta(days=rng.randrange(-60, 400))
                lo, hi = min(a, b), max(a, b)
                walked = sum(1 for n in range(1, (hi - lo).days + 1)
                             if cal.is_business_day(lo + timedelta(days=n)))
                assert cal.business_days_between(a, b) == (walked if b >= a else -walked), (a, b)

    def test_other_country_great_britain(self) -> None:
        gb = BusinessCalendar("GB", "ENG")
        # Early May bank holiday 2026-05-04 is a UK holiday, not a US one.
        assert not gb.is_business_day(d("2026-05-04"))
        assert US.is_business_day(d("2026-05-04"))
        # Boxing Day 2026 is a Saturday, observed Monday 2026-12-28 in England.
        assert not gb.is_business_day(d("2026-12-28"))
        assert US.is_business_day(d("2026-12-28"))
        # Independence Day (observed) is a normal day in England.
        assert gb.is_business_day(d("2026-07-03"))

    def test_canadian_province(self) -> None:
        qc = BusinessCalendar("CA", "QC")
        on = BusinessCalendar("CA", "ON")
        # Saint-Jean-Baptiste (24 June 2026, Wednesday) is a Quebec holiday only.
        assert not qc.is_business_day(d("2026-06-24"))
        assert on.is_business_day(d("2026-06-24"))
        assert qc.add_business_days(d("2026-06-23"), 1) == d("2026-06-25")

    def test_lowercase_country_is_accepted(self) -> None:
        assert not BusinessCalendar("us").is_business_day(d("2026-07-03"))

    def test_unknown_country_or_subdivision_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="public-holiday calendar"):
            BusinessCalendar("XX").is_business_day(d("2026-03-09"))
        with pytest.raises(ValueError, match="subdivision ZZ"):
            BusinessCalendar("US", "ZZ").validate()

    def test_calendar_is_hashable_and_cheap(self) -> None:
        assert hash(BusinessCalendar()) == hash(BusinessCalendar("US", None))
        start = d("2020-01-01")
        for i in range(20_000):
            US.is_business_day(start + timedelta(days=i % 5000))

    def test_available_countries(self) -> None:
        countries = dict(available_countries())
        assert countries["US"] == "United States"
        assert countries["GB"] == "United Kingdom"
        assert countries["CA"] == "Canada"
        assert all(len(code) == 2 for code in countries)
        names = [name for _, name in available_countries()]
        assert names == sorted(names, key=str.casefold)

    def test_available_subdivisions(self) -> None:
        subs = dict(available_subdivisions("US"))
        assert subs["CA"] == "California"
        assert dict(available_subdivisions("CA"))["QC"] in {"Quebec", "Québec"}


def test_module_import_does_not_load_qt_holidays_or_icalendar() -> None:
    code = (
        "import sys, headway_journal.journal.deadlines\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('holidays', 'icalendar', 'PySide6', 'shiboken6')]\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    n=st.integers(min_value=1, max_value=60),
)
def test_add_business_days_property(start: date, n: int) -> None:
    result = US.add_business_days(start, n)
    assert result > start
    assert US.is_business_day(result)
    assert US.business_days_between(start, result) == n
    assert US.business_days_between(result, start) == -n


# ----------------------------------------------------------------------------- promise terms


class TestValidatePromiseTerms:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"business_days": 0}, "0 business days is not a deadline"),
            ({"business_days": -3}, "-3 business days is impossible"),
            ({"business_days": 10**9}, "1,000,000,000 business days is more than a working year"),
            ({"business_days": 261}, "more than a working year"),
            ({"hours": 0}, "0 hours is not a deadline"),
            ({"hours": -1}, "-1 hours is impossible"),
            ({"hours": 10**9}, "more than 90 days"),
            ({"hours": 2161}, "more than 90 days"),
            ({"business_days": 3, "hours": 4}, "only one way"),
            ({"business_days": 3, "due_on": date(2026, 3, 20)}, "only one way"),
            ({}, "Say when the promise is due"),
        ],
    )
    def test_absurd_terms_are_refused(self, kwargs: dict[str, object], message: str) -> None:
        args = {"business_days": None, "hours": None, "due_on": None} | kwargs
        with pytest.raises(PromiseTermsError, match=message) as info:
            validate_promise_terms(
                args["business_days"],  # type: ignore[arg-type]
                args["hours"],  # type: ignore[arg-type]
                args["due_on"],  # type: ignore[arg-type]
                contact_date=date(2026, 3, 10),
            )
        text = str(info.value)
        assert text[0].isupper() and text.endswith(".")
        assert isinstance(info.value, ValueError)

    def test_the_example_message_reads_as_promised(self) -> None:
        with pytest.raises(PromiseTermsError) as info:
            validate_promise_terms(0, None, None)
        assert str(info.value) == "A promise of 0 business days is not a deadline; use 1 or more."

    def test_due_date_in_the_past(self) -> None:
        with pytest.raises(PromiseTermsError, match="before the contact"):
            validate_promise_terms(None, None, date(2026, 3, 9), contact_date=date(2026, 3, 10))

    def test_due_date_too_far(self) -> None:
        with pytest.raises(PromiseTermsError, match="more than 5 years"):
            validate_promise_terms(None, None, date(2031, 3, 11), contact_date=date(2026, 3, 10))
        validate_promise_terms(None, None, date(2031, 3, 10), contact_date=date(2026, 3, 10))

    def test_bool_is_not_a_number(self) -> None:
        with pytest.raises(PromiseTermsError, match="whole number"):
            validate_promise_terms(True, None, None)

    def test_limits_are_accepted(self) -> None:
        validate_promise_terms(1, None, None)
        validate_promise_terms(260, None, None)
        validate_promise_terms(None, 1, None)
        validate_promise_terms(None, 2160, None)
        validate_promise_terms(None, None, date(2026, 3, 10), contact_date=date(2026, 3, 10))


# ----------------------------------------------------------------------------- promise_due


class TestPromiseDue:
    def test_business_days_from_local_date_not_utc_date(self) -> None:
        # Monday 22:30 in California is Tuesday 06:30 UTC; the promise counts from Monday.
        started = datetime(2026, 3, 9, 22, 30, tzinfo=PST)
        assert started.astimezone(UTC).date() == d("2026-03-10")
        due = promise_due(started, business_days=1)
        assert due == PromiseDue(due_on=d("2026-03-10"), due_at=None)
        # Friday late evening: +1 is Monday, not Tuesday.
        friday = datetime(2026, 3, 13, 22, 30, tzinfo=PST)
        assert promise_due(friday, business_days=1).due_on == d("2026-03-16")

    def test_contact_on_saturday(self) -> None:
        started = datetime(2026, 3, 7, 10, 0, tzinfo=EST)
        assert promise_due(started, business_days=1).due_on == d("2026-03-09")
        assert promise_due(started, business_days=5).due_on == d("2026-03-13")

    def test_holiday_week(self) -> None:
        started = datetime(2026, 12, 23, 9, 15, tzinfo=EST)
        assert promise_due(started, business_days=5).due_on == d("2026-12-31")

    def test_hours_across_a_weekend_keep_the_offset(self) -> None:
        started = datetime(2026, 3, 6, 16, 0, tzinfo=PST)  # Friday
        due = promise_due(started, hours=48)
        assert due.due_at == datetime(2026, 3, 8, 16, 0, tzinfo=PST)
        assert due.due_at is not None and due.due_at.utcoffset() == timedelta(hours=-8)
        assert due.due_on == d("2026-03-08")  # hours are hours: the weekend is not skipped

    def test_hours_due_on_is_local_date_of_due_at(self) -> None:
        started = datetime(2026, 3, 9, 22, 30, tzinfo=PST)
        due = promise_due(started, hours=1)
        assert due.due_at == datetime(2026, 3, 9, 23, 30, tzinfo=PST)
        assert due.due_on == d("2026-03-09")
        due = promise_due(started, hours=2)
        assert due.due_on == d("2026-03-10")

    def test_hours_across_dst_are_elapsed_hours_in_the_start_offset(self) -> None:
        # DST starts in Los Angeles on 2026-03-08.
        started = datetime(2026, 3, 7, 12, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
        due = promise_due(started, hours=24)
        assert due.due_at is not None
        assert due.due_at.utcoffset() == timedelta(hours=-8)
        assert due.due_at - started == timedelta(hours=24)

    def test_explicit_due_date(self) -> None:
        started = datetime(2026, 3, 9, 10, 0, tzinfo=EST)
        assert promise_due(started, due_on=d("2026-03-20")) == PromiseDue(d("2026-03-20"), None)
        with pytest.raises(PromiseTermsError, match="before the contact"):
            promise_due(started, due_on=d("2026-03-01"))

    def test_naive_datetime_is_refused(self) -> None:
        with pytest.raises(PromiseTermsError, match="time zone"):
            promise_due(datetime(2026, 3, 9, 10, 0), business_days=2)

    def test_absurd_terms_are_refused(self) -> None:
        started = datetime(2026, 3, 9, 10, 0, tzinfo=EST)
        with pytest.raises(PromiseTermsError):
            promise_due(started)
        with pytest.raises(PromiseTermsError):
            promise_due(started, business_days=0)
        with pytest.raises(PromiseTermsError):
            promise_due(started, hours=10**9)
        with pytest.raises(PromiseTermsError):
            promise_due(started, business_days=2, hours=3)

    def test_other_calendar(self) -> None:
        started = datetime(2026, 6, 23, 10, 0, tzinfo=EST)
        assert promise_due(started, business_days=1).due_on == d("2026-06-24")
        qc = BusinessCalendar("CA", "QC")
        assert promise_due(started, business_days=1, calendar=qc).due_on == d("2026-06-25")


# ----------------------------------------------------------------------------- promise_state


class TestPromiseState:
    due = PromiseDue(d("2026-03-10"), None)  # Tuesday

    def test_pending(self) -> None:
        state = promise_state("pending", self.due, today=d("2026-03-09"))
        assert (state.code, state.label, state.overdue_business_days) == ("pending", "pending", 0)

    def test_due_today(self) -> None:
        state = promise_state("pending", self.due, today=d("2026-03-10"))
        assert (state.code, state.label) == ("due_today", "due today")

    def test_overdue(self) -> None:
        state = promise_state("pending", self.due, today=d("2026-03-13"))
        assert state.code == "overdue"
        assert state.overdue_business_days == 3
        assert state.label == "overdue by 3 business days"

    def test_overdue_singular_and_at_least_one(self) -> None:
        friday = PromiseDue(d("2026-03-13"), None)
        assert promise_state("pending", friday, today=d("2026-03-16")).label == (
            "overdue by 1 business day"
        )
        saturday = promise_state("pending", friday, today=d("2026-03-14"))
        assert saturday.code == "overdue" and saturday.overdue_business_days == 1

    @pytest.mark.parametrize("status", ["kept", "broken"])
    def test_kept_and_broken_win(self, status: str) -> None:
        for today in (d("2026-03-01"), d("2026-03-10"), d("2026-04-30")):
            state = promise_state(status, self.due, today=today)
            assert (state.code, state.label, state.overdue_business_days) == (status, status, 0)

    def test_unknown_status(self) -> None:
        with pytest.raises(ValueError, match="Unknown promise status"):
            promise_state("maybe", self.due, today=d("2026-03-10"))

    def test_hours_promise_uses_now(self) -> None:
        started = datetime(2026, 3, 10, 9, 0, tzinfo=PST)
        due = promise_due(started, hours=4)  # 13:00 -08:00
        today = d("2026-03-10")
        before = promise_state("pending", due, today=today, now=started + timedelta(hours=3))
        assert before.code == "due_today"
        after = promise_state("pending", due, today=today, now=started + timedelta(hours=5))
        assert after.code == "overdue"
        assert after.overdue_business_days == 1
        assert after.label == "overdue by 1 business day"
        # now in another offset is compared as an instant
        utc_now = (started + timedelta(hours=5)).astimezone(UTC)
        assert promise_state("pending", due, today=today, now=utc_now).code == "overdue"

    def test_hours_promise_due_later(self) -> None:
        started = datetime(2026, 3, 10, 9, 0, tzinfo=PST)
        due = promise_due(started, hours=72)
        state = promise_state("pending", due, today=d("2026-03-10"), now=started)
        assert state.code == "pending"
        later = promise_state(
            "pending", due, today=d("2026-03-17"), now=started + timedelta(days=7)
        )
        assert later.code == "overdue"
        # due Friday 13th 09:00; business days in (Fri 13, Tue 17] are Mon 16 and Tue 17
        assert later.overdue_business_days == 2


# ----------------------------------------------------------------------------- expected response


class TestExpectedResponse:
    def test_phone_and_chat_get_the_issue_types_reply_window_not_a_wait(self) -> None:
        """A hold or a live-chat wait is not when they will answer: calls and chats that ended
        without a promise get the issue type's row, or none when it has none."""
        for issue in ISSUE_TYPES:
            for channel in ("phone", "chat"):
                er = expected_response(channel, issue)
                assert er == issue_type_window(issue), (channel, issue)
                assert er is None or er.key not in ("phone_hold", "chat_reply")
        er = expected_response("phone", "billing", amount_disputed=Decimal("80"))
        assert er is not None and er.key == "billing_dispute_under_200"
        assert expected_response("phone", "account") is None
        assert expected_response("chat", "technical") is None

    def test_email_non_urgent(self) -> None:
        er = expected_response("email", "account")
        assert er is not None
        assert (er.low, er.high, er.unit) == (24, 72, "hours")
        assert er.description == "e-mail or ticket, non-urgent"
        assert er.label() == "typically 24-72 hours (typical, not promised)"

    @pytest.mark.parametrize(
        ("issue", "expected"),
        [
            ("billing", (3, 14, "business days", "billing, credentialing, insurance "
                         "verification in general")),
            ("insurance", (14, 30, "business days", "insurance eligibility or reimbursement "
                           "with the payer")),
            ("provider_credentialing", (3, 14, "business days", "billing, credentialing, "
                                        "insurance verification in general")),
            ("privacy", (10, 30, "business days", "larger contractual or legal issues, formal "
                         "written reply")),
            ("provider_payment", (3, 14, "business days", "billing, credentialing, insurance "
                                  "verification in general")),
            ("technical", (24, 72, "hours", "e-mail or ticket, non-urgent")),
            ("appointment", (24, 72, "hours", "e-mail or ticket, non-urgent")),
        ],
    )
    @pytest.mark.parametrize("channel", ["email", "ticket", "in-app"])
    def test_issue_type_wins_for_written_channels(
        self, channel: str, issue: str, expected: tuple[int, int, str, str]
    ) -> None:
        er = expected_response(channel, issue)
        assert er is not None
        assert (er.low, er.high, er.unit, er.description) == expected

    def test_every_description_is_the_domain_briefs_wording(self) -> None:
        """Each row's description is a row of the brief's table, word for word."""
        brief = {
            "phone hold during business hours": "2 to 15 minutes",
            "live chat reply at peak": "5 to 20 minutes",
            "e-mail or ticket, non-urgent": "24 to 72 hours",
            "after-hours technical lockout (in-app chat)": "1 to 4 hours",
            "outage status updates": "every 30 to 60 minutes",
            "billing dispute under $200, once documented": "5 to 10 business days",
            "refund decision for a single-session billing error": "3 to 10 business days",
            "refund reaching a card statement":
                "5 to 15 business days (one to two billing cycles)",
            "billing, credentialing, insurance verification in general": "3 to 14 business days",
            "insurance eligibility or reimbursement with the payer": "14 to 30 business days",
            "provider credentialing or contract escalation": "2 to 6 weeks",
            "larger contractual or legal issues, formal written reply": "10 to 30 business days",
        }
        assert {r.description: r.window().replace("-", " to ", 1) for r in
                EXPECTED_RESPONSE_TABLE} == brief
        assert RESPONSE_WINDOWS["outage_updates"].label() == (
            "typically every 30-60 minutes (typical, not promised)")
        assert RESPONSE_WINDOWS["refund_to_card"].label() == (
            "typically 5-15 business days (one to two billing cycles) (typical, not promised)")

    def test_billing_rows_follow_the_cases_facts(self) -> None:
        def billing(**facts: object) -> str:
            er = expected_response("email", "billing", **facts)  # type: ignore[arg-type]
            assert er is not None
            return er.key

        assert billing() == "general_verification"
        assert billing(amount_disputed=Decimal("100.00")) == "billing_dispute_under_200"
        assert billing(amount_disputed=Decimal("199.99"), currency="usd") == (
            "billing_dispute_under_200")
        assert billing(amount_disputed=Decimal("200.00")) == "general_verification"
        assert billing(amount_disputed=Decimal("0")) == "general_verification"
        assert billing(amount_disputed=Decimal("100.00"), currency="EUR") == (
            "general_verification")
        # one invoice: a single-session billing error
        assert billing(fields={"invoice_numbers": "INV-1001"}) == "refund_decision"
        assert billing(amount_disputed=Decimal("250"), fields={"invoice_numbers": "INV-1"}) == (
            "refund_decision")
        assert billing(fields={"invoice_numbers": "INV-1001, INV-1002"}) == (
            "general_verification")
        assert billing(fields={"invoice_numbers": "INV-1001 and INV-1002"}) == (
            "general_verification")
        # under $200 wins over the single invoice
        assert billing(amount_disputed=Decimal("100"), fields={"invoice_numbers": "INV-1"}) == (
            "billing_dispute_under_200")
        # the facts of a billing case do not move other issue types
        er = expected_response("email", "insurance", amount_disputed=Decimal("10"))
        assert er is not None and er.key == "insurance_payer"

    def test_credentialing_escalation_only_once_escalated(self) -> None:
        before = expected_response("email", "provider_credentialing")
        after = expected_response("email", "provider_credentialing", escalated=True)
        assert before is not None and before.key == "general_verification"
        assert after is not None and (after.low, after.high, after.unit) == (2, 6, "weeks")
        assert after.description == "provider credentialing or contract escalation"

    def test_letter(self) -> None:
        er = expected_response("letter", "insurance")
        assert er is not None and er.low == 14
        assert expected_response("letter", "privacy") == RESPONSE_WINDOWS["formal_written_reply"]
        # the brief gives no window for a letter about an account problem
        assert expected_response("letter", "account") is None

    def test_issue_type_window_alone(self) -> None:
        assert issue_type_window("technical") is None
        assert issue_type_window("account") is None
        assert issue_type_window("appointment") is None
        er = issue_type_window("privacy")
        assert er is not None and er.key == "formal_written_reply"
        with pytest.raises(ValueError, match="Unknown issue type"):
            issue_type_window("weather")

    def test_after_hours_lockout_for_account_too_but_not_by_e_mail(self) -> None:
        er = expected_response("chat", "account", after_hours=True)
        assert er is not None and er.key == "after_hours_lockout"
        er = expected_response("email", "technical", after_hours=True)
        assert er is not None and er.key == "email_ticket"
        er = expected_response("in-app", "billing", after_hours=True)
        assert er is not None and er.key == "general_verification"

    def test_after_hours_technical_in_app(self) -> None:
        er = expected_response("in-app", "technical", after_hours=True)
        assert er is not None
        assert (er.low, er.high, er.unit) == (1, 4, "hours")
        assert er.label() == "typically 1-4 hours (typical, not promised)"
        # not after hours: an ordinary ticket
        er = expected_response("in-app", "technical")
        assert er is not None and (er.unit, er.high) == ("hours", 72)

    def test_every_combination_has_a_sensible_answer(self) -> None:
        for channel in ("phone", "chat", "email", "ticket", "in-app", "letter", "in-person"):
            for issue in ISSUE_TYPES:
                for after_hours in (False, True):
                    er = expected_response(channel, issue, after_hours=after_hours)
                    if er is None:
                        assert channel in ("letter", "phone", "chat")
                        assert issue in ("account", "appointment", "technical")
                        continue
                    assert er in EXPECTED_RESPONSE_TABLE
                    assert 0 < er.low <= er.high
                    assert er.unit in {"minutes", "hours", "business days", "weeks"}

    def test_spelling_variants(self) -> None:
        er = expected_response("E-mail", "Provider credentialing", escalated=True)
        assert er is not None and er.unit == "weeks"
        er = expected_response("in_app", "provider-payment")
        assert er is not None and er.high == 14

    def test_unknown_values(self) -> None:
        with pytest.raises(ValueError, match="Unknown channel"):
            expected_response("fax", "billing")
        with pytest.raises(ValueError, match="Unknown issue type"):
            expected_response("email", "weather")

    def test_what_to_expect_when_contacting_them(self) -> None:
        headway = ["in-app", "web", "in-app"]  # no phone line for general support
        lines = contact_expectations("billing", headway, amount_disputed=Decimal("100"))
        assert [(e.situation, e.window.key) for e in lines] == [
            ("A reply about this", "billing_dispute_under_200"),
            ("After a refund is approved", "refund_to_card"),
        ]
        assert lines[1].text() == (
            "After a refund is approved: refund reaching a card statement, typically 5-15 "
            "business days (one to two billing cycles) (typical, not promised).")
        privacy = contact_expectations("privacy", ["phone", "email", "in-app"])
        assert privacy[0].window.key == "phone_hold"
        assert privacy[0].text() == (
            "When you call: phone hold during business hours, typically 2-15 minutes (typical, "
            "not promised). This is time on hold before someone answers, not a reply time.")
        assert privacy[1].window.key == "formal_written_reply"
        locked = contact_expectations("account", ["in-app"])
        assert [e.window.key for e in locked] == ["email_ticket", "after_hours_lockout"]
        tech = contact_expectations("technical", ["chat", "in-app"])
        assert [e.window.key for e in tech] == [
            "chat_reply", "email_ticket", "after_hours_lockout", "outage_updates"]
        assert "not a reply time" in tech[0].text()
        assert tech[3].text() == ("During an outage: outage status updates, typically every "
                                  "30-60 minutes (typical, not promised).")
        assert contact_expectations("account", []) == []
        assert [e.window.key for e in contact_expectations("account", ["Phone"])] == [
            "phone_hold"]
        with pytest.raises(ValueError, match="Unknown issue type"):
            contact_expectations("weather", ["phone"])

    def test_table_is_data(self) -> None:
        assert isinstance(EXPECTED_RESPONSE_TABLE, tuple)
        assert len(EXPECTED_RESPONSE_TABLE) == 12
        assert set(RESPONSE_WINDOWS) == {r.key for r in EXPECTED_RESPONSE_TABLE}


def window(key: str) -> ExpectedResponse:
    return RESPONSE_WINDOWS[key]


class TestAfterHours:
    def test_business_hours_in_the_contacts_own_time(self) -> None:
        # Wednesday 4 November 2026
        assert not is_after_hours(datetime(2026, 11, 4, 9, 0, tzinfo=PST))
        assert not is_after_hours(datetime(2026, 11, 4, 17, 59, tzinfo=PST))
        assert is_after_hours(datetime(2026, 11, 4, 8, 59, tzinfo=PST))
        assert is_after_hours(datetime(2026, 11, 4, 18, 0, tzinfo=PST))
        assert is_after_hours(datetime(2026, 11, 4, 23, 30, tzinfo=PST))
        # 22:30 in California is 06:30 UTC the next day: still that evening, after hours
        late = datetime(2026, 11, 4, 22, 30, tzinfo=PST)
        assert is_after_hours(late) and is_after_hours(late.astimezone(UTC)) is True
        # 10:00 in New York is 07:00 in California: the contact's own clock decides
        assert not is_after_hours(datetime(2026, 11, 4, 10, 0, tzinfo=EST))
        assert is_after_hours(datetime(2026, 11, 4, 10, 0, tzinfo=EST).astimezone(PST))
        zoned = datetime(2026, 7, 1, 17, 30, tzinfo=ZoneInfo("America/New_York"))
        assert not is_after_hours(zoned)

    def test_weekends_and_holidays_of_the_calendar(self) -> None:
        assert is_after_hours(datetime(2026, 11, 7, 12, 0, tzinfo=PST))  # Saturday
        thanksgiving = datetime(2026, 11, 26, 12, 0, tzinfo=EST)
        assert is_after_hours(thanksgiving)  # United States federal holiday
        assert not is_after_hours(thanksgiving, BusinessCalendar("GB"))
        boxing_day_observed = datetime(2026, 12, 28, 12, 0, tzinfo=UTC)  # Monday, GB only
        assert is_after_hours(boxing_day_observed, BusinessCalendar("GB"))
        assert not is_after_hours(boxing_day_observed)

    def test_other_hours_and_naive_times(self) -> None:
        noon = datetime(2026, 11, 4, 12, 0, tzinfo=PST)
        assert is_after_hours(noon, opens=time(13, 0), closes=time(17, 0))
        with pytest.raises(ValueError, match="time zone"):
            is_after_hours(datetime(2026, 11, 4, 12, 0))


class TestExpectedDueRange:
    def test_minutes(self) -> None:
        started = datetime(2026, 3, 9, 10, 0, tzinfo=PST)
        low, high = expected_due_range(started, window("phone_hold"))
        assert low == datetime(2026, 3, 9, 10, 2, tzinfo=PST)
        assert high == datetime(2026, 3, 9, 10, 15, tzinfo=PST)

    def test_hours_keep_offset(self) -> None:
        started = datetime(2026, 3, 6, 23, 0, tzinfo=PST)
        low, high = expected_due_range(started, window("email_ticket"))
        assert low == datetime(2026, 3, 7, 23, 0, tzinfo=PST)
        assert isinstance(high, datetime) and high.utcoffset() == timedelta(hours=-8)

    def test_business_days_from_local_date(self) -> None:
        started = datetime(2026, 12, 23, 22, 30, tzinfo=PST)  # UTC date is the 24th
        low, high = expected_due_range(started, window("refund_decision"))
        assert low == d("2026-12-29")  # 24 (1), 28 (2), 29 (3)
        assert high == US.add_business_days(d("2026-12-23"), 10)
        assert type(low) is date

    def test_weeks_land_on_a_business_day(self) -> None:
        # 2026-11-12 + 2 weeks = Thanksgiving 2026-11-26 -> moved to Friday 27th
        started = datetime(2026, 11, 12, 10, 0, tzinfo=EST)
        low, high = expected_due_range(started, window("credentialing_escalation"))
        assert low == d("2026-11-27")
        assert high == d("2026-12-24")

    def test_naive_is_refused(self) -> None:
        with pytest.raises(ValueError, match="time zone"):
            expected_due_range(datetime(2026, 3, 9), window("phone_hold"))


# ----------------------------------------------------------------------------- outside clocks


class TestOutsideClocks:
    def test_privacy(self) -> None:
        (clock,) = outside_clocks("privacy", learned_on=d("2026-01-15"))
        assert clock.starts_on == d("2026-01-15")
        assert clock.deadline == d("2026-07-14")
        assert "180 days" in clock.rule and "HHS OCR" in clock.rule
        assert clock.note == "General information; verify the current rule with the agency."
        assert clock.days_left(d("2026-07-04")) == 10

    def test_billing(self) -> None:
        (clock,) = outside_clocks("billing", statement_on=d("2026-03-01"))
        assert clock.deadline == d("2026-04-30")
        assert "60 days" in clock.rule

    def test_insurance_both_clocks(self) -> None:
        clocks = outside_clocks(
            "insurance", denial_on=d("2026-02-01"), final_decision_on=d("2026-09-01")
        )
        assert [c.deadline for c in clocks] == [d("2026-07-31"), d("2027-01-01")]
        assert "internal appeal" in clocks[0].rule
        assert "External review" in clocks[1].rule and "four months" in clocks[1].rule
        assert "60 days" not in clocks[1].rule

    @pytest.mark.parametrize(("decided", "deadline"), [
        ("2026-01-15", "2026-05-15"),  # four calendar months, not 120 days
        ("2026-10-31", "2027-02-28"),  # no Feb 31: the month's last day
        ("2027-10-31", "2028-02-29"),  # a leap year
        ("2026-09-30", "2027-01-30"),  # across the year
        ("2026-08-31", "2026-12-31"),
    ])
    def test_external_review_is_four_months_after_the_final_decision(
            self, decided: str, deadline: str) -> None:
        (clock,) = outside_clocks("insurance", final_decision_on=d(decided))
        assert (clock.kind, clock.starts_on, clock.deadline) == (
            "external-review", d(decided), d(deadline))
        assert "federal" in clock.rule and "plan's final letter" in clock.rule
        assert "60 days to six months" in clock.note

    def test_the_plans_letter_deadline_overrides_the_federal_default(self) -> None:
        fields = {"final_decision_date": "2026-09-01", "review_deadline": "2026-10-31"}
        (clock,) = outside_clocks_for_fields("insurance", fields)
        assert (clock.starts_on, clock.deadline) == (d("2026-09-01"), d("2026-10-31"))
        assert "plan's final letter" in clock.rule
        # the letter's deadline alone (decision date not entered) still gives the clock
        (alone,) = outside_clocks_for_fields("insurance", {"review_deadline": "2027-03-01"})
        assert alone.deadline == alone.starts_on == d("2027-03-01")
        # a later letter deadline than the federal default is kept too (state processes differ)
        (later,) = outside_clocks("insurance", final_decision_on=d("2026-09-01"),
                                  review_deadline_on=d("2027-03-01"))
        assert later.deadline == d("2027-03-01")
        # only insurance has the clock
        assert outside_clocks_for_fields("billing", {"review_deadline": "2027-03-01"}) == []

    def test_add_months(self) -> None:
        assert add_months(d("2026-01-31"), 1) == d("2026-02-28")
        assert add_months(d("2026-12-15"), 4) == d("2027-04-15")
        assert add_months(d("2026-03-31"), 12) == d("2027-03-31")

    def test_kinds_and_start_dates_from_case_fields(self) -> None:
        fields = {"denial_date": "2026-02-01", "final_decision_date": "2026-09-01",
                  "learned_on": "2026-01-15"}
        clocks = outside_clocks_for_fields("insurance", fields)
        assert [c.kind for c in clocks] == ["internal-appeal", "external-review"]
        assert clocks == outside_clocks("insurance", denial_on=d("2026-02-01"),
                                        final_decision_on=d("2026-09-01"))
        (privacy,) = outside_clocks_for_fields("privacy", fields)
        assert privacy.kind == "privacy-complaint"
        (card,) = outside_clocks_for_fields("billing", {"statement_date": "2026-03-01"})
        assert card.kind == "card-billing-error"
        # a malformed or missing date starts no clock
        assert outside_clocks_for_fields("billing", {"statement_date": "March"}) == []
        assert outside_clocks_for_fields("billing", {}) == []

    def test_only_given_start_dates(self) -> None:
        assert outside_clocks("privacy") == []
        assert outside_clocks("insurance") == []
        assert len(outside_clocks("insurance", final_decision_on=d("2026-09-01"))) == 1
        # dates that do not belong to the issue type are ignored
        assert outside_clocks("technical", learned_on=d("2026-01-15")) == []
        assert outside_clocks("billing", denial_on=d("2026-01-15")) == []


# ----------------------------------------------------------------------------- escalation


class TestEscalation:
    def test_four_steps(self) -> None:
        assert len(ESCALATION_STEPS) == 4
        assert "ticket number" in ESCALATION_STEPS[0]
        assert "supervisor" in ESCALATION_STEPS[1]
        assert "Privacy Officer" in ESCALATION_STEPS[2]

    def test_first_contact(self) -> None:
        assert next_escalation_step("billing", 0, promise_broken=False).startswith("Step 1.")

    def test_waiting_after_an_escalation(self) -> None:
        assert next_escalation_step("billing", 1, promise_broken=False).startswith("Wait")

    def test_broken_promise_climbs(self) -> None:
        assert next_escalation_step("billing", 0, promise_broken=True).startswith("Step 2.")
        assert next_escalation_step("billing", 1, promise_broken=True).startswith("Step 3.")
        assert "Privacy Officer" in next_escalation_step("privacy", 1, promise_broken=True)
        assert next_escalation_step("billing", 2, promise_broken=True).startswith("Step 4.")
        assert next_escalation_step("billing", 9, promise_broken=True).startswith("Step 4.")

    def test_outside_bodies(self) -> None:
        insurance = next_escalation_step("insurance", 2, promise_broken=True)
        assert "state insurance department" in insurance
        for issue in ("billing", "provider_payment"):
            text = next_escalation_step(issue, 2, promise_broken=True)
            assert "CFPB" in text
            assert "4,000 characters" in text and "no account numbers" in text
        privacy = next_escalation_step("privacy", 3, promise_broken=True)
        assert "HHS Office for Civil Rights" in privacy and "180 days" in privacy
        other = next_escalation_step("technical", 2, promise_broken=True)
        assert "regulator or ombudsman" in other
        assert "CFPB" not in other

    def test_negative_count(self) -> None:
        with pytest.raises(ValueError):
            next_escalation_step("billing", -1, promise_broken=True)


# ----------------------------------------------------------------------------- ics export


def test_deadlines_to_ics_round_trip() -> None:
    from icalendar import Calendar

    items = [
        DeadlineItem(
            uid="promise-1",
            title="Refund decision due",
            due_on=d("2026-12-31"),
            due_at=None,
            description="Rep Dana (Billing) promised a refund decision; ticket 12345.",
            case_title="Double charge, October session",
        ),
        DeadlineItem(
            uid="promise-2",
            title="Call back within 4 hours",
            due_on=d("2026-03-09"),
            due_at=datetime(2026, 3, 9, 22, 30, tzinfo=PST),
            description="",
            case_title="Locked out",
        ),
    ]
    stamp = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    data = deadlines_to_ics(items, calendar_name="My deadlines", generated_at=stamp)
    assert isinstance(data, bytes)
    assert data == deadlines_to_ics(items, calendar_name="My deadlines", generated_at=stamp)

    cal = Calendar.from_ical(data)
    assert str(cal["PRODID"]) == "-//Headway Journal//EN"
    assert str(cal["X-WR-CALNAME"]) == "My deadlines"
    events = cal.walk("VEVENT")
    assert len(events) == 2
    all_day, timed = events

    assert str(all_day["UID"]) == "promise-1@headway-journal"
    assert str(all_day["SUMMARY"]) == "Refund decision due"
    assert all_day.decoded("DTSTART") == d("2026-12-31")
    assert all_day.decoded("DTEND") == d("2027-01-01")
    assert "Double charge" in str(all_day["DESCRIPTION"])
    (alarm,) = all_day.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(days=-1)

    assert str(timed["UID"]) == "promise-2@headway-journal"
    start = timed.decoded("DTSTART")
    assert start == datetime(2026, 3, 10, 6, 30, tzinfo=UTC)
    assert timed.decoded("DTEND") - start == timedelta(minutes=15)
    assert timed.walk("VALARM") == []


def test_deadlines_to_ics_reminder_days() -> None:
    from icalendar import Calendar

    item = DeadlineItem("case-1-clock-x", "Appeal", d("2026-12-31"), None, "", "c",
                        remind_days_before=7)
    (event,) = Calendar.from_ical(deadlines_to_ics([item])).walk("VEVENT")
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(days=-7)
    assert str(alarm["DESCRIPTION"]) == "Due in 7 days: Appeal"


def test_deadlines_to_ics_empty_and_naive() -> None:
    from icalendar import Calendar

    cal = Calendar.from_ical(deadlines_to_ics([]))
    assert cal.walk("VEVENT") == []
    naive = DeadlineItem("x", "t", d("2026-03-09"), datetime(2026, 3, 9, 10), "", "c")
    with pytest.raises(ValueError, match="time zone"):
        deadlines_to_ics([naive])


def test_the_package_loads_each_part_on_first_use() -> None:
    """``deadlines`` offers every name of its parts, each the part's own object, and importing
    the package loads none of them (the window's first screen needs none:
    docs/performance.md, item 16)."""
    import importlib

    from headway_journal.journal import deadlines

    parts = {"business_days", "expectations", "ics", "promises"}
    for name in deadlines.__all__:
        value = getattr(deadlines, name)
        owners = [p for p in parts if getattr(importlib.import_module(
            f"headway_journal.journal.deadlines.{p}"), name, None) is value]
        assert owners, name
    assert set(dir(deadlines)) >= set(deadlines.__all__)
    with pytest.raises(AttributeError):
        deadlines.no_such_name  # noqa: B018
    code = ("import sys; import headway_journal.journal.deadlines as dl; "
            "print(sorted(m for m in sys.modules if m.startswith(dl.__name__ + '.'))); "
            "from headway_journal.journal.deadlines import promise_due; "
            "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules "
            "if m.startswith(dl.__name__ + '.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout.splitlines()
    assert out == ["[]", "['business_days', 'promises']"]


@pytest.mark.parametrize("country", ["US", "GB"])
def test_promises_with_one_state_key_stand_the_same_way(country: str) -> None:
    """``promise_state_key`` with the calendar: an overdue promise is keyed by its business
    days overdue; every promise of a key has the state the key's first promise has, and the
    states of different keys differ (over deadlines around the year-end holidays, days of
    the month, hours passed or not, and every status)."""
    cal = BusinessCalendar(country)
    rng = random.Random(7)
    first: dict[tuple[object, ...], object] = {}
    tz = timezone(timedelta(hours=-5))
    for _ in range(3000):
        due_on = date(2026, 11, 15) + timedelta(days=rng.randrange(60))
        today = date(2026, 11, 15) + timedelta(days=rng.randrange(90))
        status = rng.choice(["pending", "pending", "kept", "broken", "Pending "])
        due_at = (datetime.combine(due_on, time(rng.randrange(24)), tz)
                  if rng.random() < 0.3 else None)
        now = datetime.combine(today, time(rng.randrange(24)), tz)
        due = PromiseDue(due_on=due_on, due_at=due_at)
        state = promise_state(status, due, today=today, now=now, calendar=cal)
        key = promise_state_key(status, due, today=today, now=now, calendar=cal)
        assert first.setdefault(key, state) == state, (key, state)
        assert promise_state_key(status, due, today=today, now=now) in {
            key, (status, due_on, today, due_at is not None, due_at is not None and now > due_at)}
    overdue = {k: s for k, s in first.items() if k[0] == "overdue"}
    assert len(overdue) > 20  # many deadlines, far fewer states
    assert len({s for s in overdue.values()}) == len(overdue)
