"""Chat transcripts of many shapes split into turns, with start, end, agent and tickets."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from headway_journal.journal.capture.patterns import HEADWAY_TICKET_PATTERNS
from headway_journal.journal.capture.transcript import parse_transcript

NY = ZoneInfo("America/New_York")
DAY = date(2026, 11, 30)


def parse(text: str, **kw: object):  # type: ignore[no-untyped-def]
    return parse_transcript(text, day=DAY, zone=NY, ticket_patterns=HEADWAY_TICKET_PATTERNS,
                            **kw)  # type: ignore[arg-type]


def at(h: int, m: int, s: int = 0, day: int = 30, month: int = 11) -> datetime:
    return datetime(2026, month, day, h, m, s, tzinfo=NY)


HEADWAY = """[10:42 AM] You: Hi, I was charged twice for my session on Nov 20.
[10:43 AM] Agent (Maria): Thanks for reaching out! I've opened Ticket #1234567 for you.
[10:45 AM] Agent (Maria): The refund will be issued within 5 business days.
Is there anything else?
[10:46 AM] You: Thank you."""

ZENDESK = """Chat started: 2026-11-28 10:42 AM UTC

(10:42:13 AM) *** Priya Raman joined the chat ***
(10:42:20 AM) Priya Raman: Hi, how can I help you today?
(10:43:01 AM) Jordan Lee: My claim CLM-77-0001 was denied.
(10:50:44 AM) Priya Raman: I have escalated it, request #7654321."""

INTERCOM = """Sam from Headway · 11:58 PM
Hi there! How can I help?
You · 11:59 PM
My invoice is wrong
it shows two sessions
Sam from Headway · 12:03 AM
I've created ticket 555666 for you."""

PLAIN = """Agent: Hello, this is Alex.
You: Hi Alex, my ticket number is 998877.
Agent: I see it.
It was refunded yesterday."""

ISO = """2026-11-29 21:05 Maria: Hello from support
2026-11-29 21:20 You: bye"""

US_DATES = """11/30/2026 9:15 AM - Chris (Headway): Hi, how can I help?
11/30/2026 9:17 AM - Me: Ticket 246810 please.
11/30/2026 9:31 AM - Chris (Headway): Done."""

TWENTY_FOUR = """[14:02] Lena: Good afternoon, how may I assist?
[14:03] Kim: hi
[14:09:30] Lena: Your case number is HW-2026-0042."""

SPELLED = """Nov 30, 2026 at 4:05 PM  Dana: Thank you for contacting Headway support.
Nov 30, 2026 at 4:07 PM  You: ok"""


NAME_THEN_TIME = "Maria (10:42 AM): Hello, how can I help?\nYou (10:44 AM): ticket 123456 please"
BRACKETED = "Maria [10:42]: Hello\nMe [10:50]: bye"
WHATSAPP = ("[11/30/26, 10:42:13 AM] Maria: hi, how can I help\n"
            "[11/30/26, 10:45:00 AM] You: ok")
DAY_FIRST = "30.11.2026 10:42 Maria: hello, how can I help\n30.11.2026 10:47 You: ok"
HEADER_AT = ("Maria, Headway Support at 10:42 AM\nHello, how may I assist?\n"
             "You at 10:43 AM\nhi")


@pytest.mark.parametrize("text, start, end, agent, tickets, n_turns", [
    (NAME_THEN_TIME, at(10, 42), at(10, 44), "Maria", ("123456",), 2),
    (BRACKETED, at(10, 42), at(10, 50), "Maria", (), 2),
    (WHATSAPP, at(10, 42, 13), at(10, 45), "Maria", (), 2),
    (DAY_FIRST, at(10, 42), at(10, 47), "Maria", (), 2),
    (HEADER_AT, at(10, 42), at(10, 43), "Maria", (), 2),
    (HEADWAY, at(10, 42), at(10, 46), "Maria", ("1234567",), 4),
    (ZENDESK, at(10, 42, 20, day=28), at(10, 50, 44, day=28), "Priya Raman", ("7654321",), 3),
    (INTERCOM, at(23, 58), at(0, 3, day=1, month=12), "Sam", ("555666",), 3),
    (PLAIN, None, None, "Alex", ("998877",), 3),
    (ISO, at(21, 5, day=29), at(21, 20, day=29), "Maria", (), 2),
    (US_DATES, at(9, 15), at(9, 31), "Chris", ("246810",), 3),
    (TWENTY_FOUR, at(14, 2), at(14, 9, 30), "Lena", ("HW-2026-0042",), 3),
    (SPELLED, at(16, 5), at(16, 7), "Dana", (), 2),
])
def test_transcript_shapes(text: str, start: datetime | None, end: datetime | None, agent: str,
                           tickets: tuple[str, ...], n_turns: int) -> None:
    tr = parse(text)
    assert tr.text == text  # kept verbatim
    assert (tr.started_at, tr.ended_at) == (start, end)
    assert tr.agent_name == agent
    assert tr.tickets == tickets
    spoken = [t for t in tr.turns if t.speaker]
    assert len(spoken) == n_turns
    assert {t.role for t in spoken} == {"agent", "customer"}


def test_turn_texts_keep_their_continuation_lines_and_roles() -> None:
    tr = parse(HEADWAY)
    assert [t.role for t in tr.turns] == ["customer", "agent", "agent", "customer"]
    assert tr.turns[2].text == ("The refund will be issued within 5 business days.\n"
                                "Is there anything else?")
    assert tr.turns[2].at == at(10, 45)


def test_the_users_own_name_makes_the_other_speaker_the_agent() -> None:
    text = "[09:00] Jordan Lee: hello\n[09:02] Priya: hi there\n[09:03] Jordan Lee: bye"
    tr = parse(text, customer_names=["Jordan Lee"])
    assert tr.agent_name == "Priya"
    assert [t.role for t in tr.turns] == ["customer", "agent", "customer"]


def test_a_text_that_is_no_chat_is_one_unnamed_turn() -> None:
    tr = parse("Just a note I copied.\nSecond line: nothing here")
    assert tr.agent_name == "" and tr.started_at is None
    assert "".join(t.speaker for t in tr.turns) in ("", "Second line")


@pytest.mark.parametrize("text", ["", "\n\n", "99:99 PM x", "[25:00] A: b", "13:30 PM x: y",
                                  "((((((((((" * 5000, "a:" * 10_000])
def test_odd_input_never_fails(text: str) -> None:
    tr = parse(text)
    assert tr.text == text
    for t in tr.turns:
        assert t.at is None or t.at.tzinfo is not None


@pytest.mark.parametrize("now, day", [
    (at(0, 5), 29),    # just after midnight: the chat was yesterday's
    (at(10, 44), 29),  # it ended at 10:46, after "now": the day before's
    (at(10, 46), 30),  # ended just now: today's
    (at(23, 0), 30),   # later the same day: today's
])
def test_times_without_a_date_never_put_the_chat_in_the_future(now: datetime, day: int) -> None:
    t = parse(HEADWAY, now=now)
    assert t.started_at == at(10, 42, day=day) and t.ended_at == at(10, 46, day=day)


def test_written_dates_are_kept_even_after_now() -> None:
    t = parse(ZENDESK, now=datetime(2026, 11, 28, 9, 0, tzinfo=NY))
    assert t.started_at is not None and t.started_at.date() == date(2026, 11, 28)
    assert parse(ZENDESK).started_at == t.started_at
