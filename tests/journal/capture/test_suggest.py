"""Suggestions found in text: tickets by the organization's patterns, promises, references."""

from __future__ import annotations

from datetime import date

import pytest

from headway_journal.journal.capture.patterns import HEADWAY_TICKET_PATTERNS
from headway_journal.journal.capture.suggest import MAX_SCAN, Suggestion, suggest

BASE = date(2026, 12, 1)  # a Tuesday


def found(text: str, kind: str | None = None, **kw: object) -> list[Suggestion]:
    out = suggest(text, base=BASE, ticket_patterns=kw.pop("patterns", HEADWAY_TICKET_PATTERNS))
    return [s for s in out if kind is None or s.kind == kind]


@pytest.mark.parametrize("text, number", [
    ("Your ticket #1234567 has been updated", "1234567"),
    ("Ticket 123456 is open", "123456"),
    ("ticket number: 555666", "555666"),
    ("TICKET NO. 998877 escalated", "998877"),
    ("Request #7654321 was solved", "7654321"),
    ("(see # 44556677)", "44556677"),
    ("Your case number is HW-2026-0042.", "HW-2026-0042"),
])
def test_ticket_numbers_in_headway_shapes(text: str, number: str) -> None:
    tickets = found(text, "ticket")
    assert [t.value for t in tickets] == [number]
    t = tickets[0]
    assert text[t.start:t.end] == number  # the span is the number itself
    assert t.label == f"Add ticket {number}"


def test_an_organization_pattern_of_its_own_is_used_and_its_group_is_the_number() -> None:
    pats = [r"\bSR-(\d{4}-\d{3})\b"]
    assert [t.value for t in found("Opened SR-2026-117 for you", "ticket", patterns=pats)] == \
        ["2026-117"]
    # without that pattern the shape is not a ticket
    assert found("Opened SR-2026-117 for you", "ticket", patterns=[]) == []


def test_numbers_that_are_not_tickets_are_not_offered() -> None:
    assert found("Call me at 555-1234 or on 12/12", "ticket") == []
    assert found("I paid $180.00 for 3 sessions", "ticket") == []
    assert found("in case it helps, the case was closed", "ticket") == []


@pytest.mark.parametrize("text, value", [
    ("Claim number CLM-77-0001 was denied", "CLM-77-0001"),
    ("your reference is REF900X", "REF900X"),
    ("Confirmation #: 8H3K-22", "8H3K-22"),
    ("invoice INV-2231 and order no. 44120", "INV-2231"),
])
def test_reference_and_claim_numbers(text: str, value: str) -> None:
    refs = found(text, "reference")
    assert refs[0].value == value
    assert text[refs[0].start:refs[0].end] == value


def test_a_number_found_as_ticket_and_reference_is_offered_once_as_ticket() -> None:
    out = found("Ticket #1234567 (reference 1234567)")
    assert [(s.kind, s.value) for s in out] == [("ticket", "1234567")]


@pytest.mark.parametrize("text, terms", [
    ("We will refund you within 5 business days.", dict(business_days=5)),
    ("It takes 7-10 working days.", dict(business_days=10)),
    ("allow 3 to 5 business days", dict(business_days=5)),
    ("You should hear back in 3-5 days", dict(due_on=date(2026, 12, 6))),
    ("a supervisor will call within 48 hours", dict(hours=48)),
    ("expect an answer within two weeks", dict(due_on=date(2026, 12, 15))),
    ("in a day or so", dict(due_on=date(2026, 12, 2))),
    ("We'll get back to you by December 12.", dict(due_on=date(2026, 12, 12))),
    ("decision by Dec. 3rd", dict(due_on=date(2026, 12, 3))),
    ("by 12 January", dict(due_on=date(2027, 1, 12))),  # the next one after the contact
    ("by November 30", dict(due_on=date(2027, 11, 30))),
    ("no later than March 3, 2027", dict(due_on=date(2027, 3, 3))),
    ("by 12/12", dict(due_on=date(2026, 12, 12))),
    ("by 1/5/27", dict(due_on=date(2027, 1, 5))),
    ("due by 2026-12-20", dict(due_on=date(2026, 12, 20))),
    ("I'll call you tomorrow", dict(due_on=date(2026, 12, 2))),
    ("by Friday", dict(due_on=date(2026, 12, 4))),
    ("by next Tuesday", dict(due_on=date(2026, 12, 8))),
    ("by end of day", dict(due_on=date(2026, 12, 1))),
    ("by the end of the week", dict(due_on=date(2026, 12, 4))),
    ("a callback within 24h", dict(hours=24)),
    ("within 48 hrs", dict(hours=48)),
    ("in three – five business days", dict(business_days=5)),
    ("by close of business", dict(due_on=date(2026, 12, 1))),
    ("by end of business day", dict(due_on=date(2026, 12, 1))),
    ("by the 15th", dict(due_on=date(2026, 12, 15))),
    ("by Monday, December 14", dict(due_on=date(2026, 12, 14))),
])
def test_dates_promised(text: str, terms: dict[str, object]) -> None:
    promises = found(text, "promise")
    assert len(promises) == 1, promises
    p = promises[0]
    got = {k: getattr(p, k) for k in ("business_days", "hours", "due_on") if getattr(p, k)}
    assert got == terms
    assert p.matched == text[p.start:p.end]
    assert p.context  # the promise's own sentence, for the promise's text


def test_by_the_nth_is_the_next_such_day() -> None:
    def due(text: str, base: date) -> date | None:
        return suggest(text, base=base)[0].due_on

    assert due("by the 5th", date(2026, 12, 20)) == date(2027, 1, 5)
    assert due("by the 31st", date(2026, 11, 20)) == date(2026, 12, 31)  # November has 30
    assert due("by the 20th", date(2026, 11, 20)) == date(2026, 11, 20)


def test_what_is_not_a_promise() -> None:
    for text in ("I called 5 days ago", "by 13/45", "by February 30", "on 3 occasions",
                 "5 days", "I was on hold for 40 minutes", "by the 31st of nothing",
                 "by the 45th"):
        assert found(text, "promise") == [], text


def test_promise_context_is_its_own_sentence() -> None:
    p = found("Thanks for waiting. A refund will be issued within 5 business days. Bye!",
              "promise")[0]
    assert p.context == "A refund will be issued within 5 business days."


def test_spans_are_offsets_in_the_whole_multiline_text() -> None:
    text = "Hello\nYour ticket #1234567\n\nRefund within 3 business days"
    for s in found(text):
        assert text[s.start:s.end] in (s.value, s.matched)


def test_long_and_hostile_text_is_bounded() -> None:
    text = ("ticket " + "1" * 5000 + " ") * 100 + "#" * 100_000 + "(" * 100_000
    assert len(found(text)) <= 5  # no hang, nothing made up
    late = "x" * MAX_SCAN + " ticket 123456"
    assert found(late) == []  # only the first MAX_SCAN characters are read


def test_a_bad_stored_pattern_is_ignored_not_fatal() -> None:
    assert [t.value for t in found("Ticket 123456", "ticket", patterns=["(", "(a+)+$"])] == \
        ["123456"]


def test_an_organizations_pattern_finds_tickets_anywhere_in_a_long_line() -> None:
    for before in (0, 90, 95, 99, 100, 101, 150, 1500):
        text = "x" * before + " Ticket 123456 " + "y" * 300
        tickets = [t for t in suggest(text, base=BASE, ticket_patterns=[r"ticket (\d{6})"])
                   if t.kind == "ticket"]
        assert [(t.value, text[t.start:t.end]) for t in tickets] == [("123456", "123456")], before


def test_the_slowest_pattern_allowed_stays_bounded_on_hostile_text() -> None:
    # one open-ended repeat, run on 200-character pieces: quadratic in the piece only
    text = ("1" * 2000 + "\n") * 100
    assert suggest(text, base=BASE, ticket_patterns=[r"\d+x"]) == []
