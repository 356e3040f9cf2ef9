"""A chat transcript, as copied from a support chat window or saved as a .txt export, split into
turns: who spoke, when, what they said.

``parse_transcript(text, day=..., zone=...)`` understands the common shapes:

- a time in front of a line: ``10:42 AM``, ``[10:42]``, ``(10:42:13 AM)``, ``2026-11-30 10:42``,
  ``11/30/2026 10:42 AM``, ``Nov 30, 2026 10:42 AM``, followed by ``Name: text`` (Zendesk, the
  Headway chat, most exports);
- a header line ``Name · 10:42 AM`` (or with "—", "-", ",") with the message on the lines under
  it, and a bare time line after a message (Intercom's copy);
- ``Agent:`` / ``You:`` / ``Name:`` lines without any time (plain);
- system lines: ``*** Maria joined the chat ***``, ``You are now chatting with Maria``.

It gives the start and end (the first and last time; a clock going backwards has passed
midnight), the agent's name (from a "joined"/"chatting with" line, "Agent (Maria)", a name "from
Headway", "how can I help", or the one who is not "You"), and the ticket numbers found. The text
itself is never changed: ``Transcript.text`` is what was given. Never imports Qt.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from headway_journal import i18n

from ..safe_echo import escape_for_terminal
from .suggest import suggest

__all__ = ["MAX_TRANSCRIPT_FILE", "Transcript", "TranscriptFileError", "Turn", "parse_transcript",
           "read_transcript_file"]

MAX_TRANSCRIPT = 2_000_000  # characters read for turns (the whole text is kept anyway)

_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?"
_DATE = (r"(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})|"
         r"([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))")
_STAMP = r"(?:" + _DATE + r"[T,\s]\s*(?:at\s+)?)?" + _TIME
_ANY_DATE = re.compile(_DATE, re.IGNORECASE)
_PREAMBLE = frozenset({"chat started", "chat ended", "started", "date", "conversation with"})
_ZONE = r"(?:\s*(?:UTC|GMT|[ECMP][SD]T|Z)\b)?"
_LEAD = re.compile(r"^\s*[\[(]?\s*" + _STAMP + _ZONE + r"\s*[\])]?\s*[-–:|]?\s*", re.IGNORECASE)
_HEADER = re.compile(r"^\s*(?P<name>[^\d\s:][^:]{0,60}?)\s*(?:[·•—–|,-]\s*|\s+)" + _STAMP
                     + r"\s*$", re.IGNORECASE)
# "Maria (10:42 AM): Hello", "Maria [10:42]: Hello"
_NAME_STAMP = re.compile(r"^(?P<name>[^\d\s:(\[][^:(\[]{0,48}?)\s*[\[(]\s*" + _STAMP + _ZONE
                         + r"\s*[\])]\s*:?\s*(?P<text>.*)$", re.IGNORECASE)
_BARE_TIME = re.compile(r"^\s*[\[(]?\s*" + _STAMP + r"\s*[\])]?\s*$", re.IGNORECASE)
_SPEAKER = re.compile(r"^(?P<name>[^\s:\d*][^:]{0,48}?)(?<!\d)\s*:\s*(?P<text>.*)$")
_JOINED = re.compile(
    r"^\W*(?:(?P<a>.{1,60}?)\s+(?:has\s+)?(?:joined|entered)(?:\s+the\s+(?:chat|conversation))?|"
    r"you(?:'re| are)\s+(?:now\s+)?(?:chatting|connected|speaking)\s+(?:with|to)\s+(?P<b>.{1,60}?))"
    r"[\s.!*]*$", re.IGNORECASE)
_CUSTOMER = frozenset({"you", "me", "customer", "visitor", "guest", "client", "user", "i"})
_SYSTEM = frozenset({"system", "bot", "automated message", "auto", "chatbot", "virtual assistant"})
_NOT_NAMES = frozenset({"ticket", "case", "note", "re", "subject", "date", "time", "reference",
                        "order", "claim", "phone", "email", "e-mail", "http", "https", "from",
                        "to", "cc", "ps", "p.s", "update", "status", "chat started",
                        "chat ended", "transcript", "conversation", "important", "warning"})
_GENERIC_AGENT = re.compile(r"^(?:agent|support|representative|rep|advisor|specialist|"
                            r"support agent|headway support)\b\s*(?:\((?P<n>[^)]{1,40})\)|"
                            r"(?P<m>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?))?$", re.IGNORECASE)
_FROM_ORG = re.compile(r"^(?P<n>.{1,40}?)(?:\s+(?:from|at)\s|\s*[(|,]).*$|^(?P<m>.+)$")
_INTRODUCED = re.compile(r"\b(?:my name is|this is|i am|i'm)\s+([A-Z][\w'’-]+)")
_GREETING = re.compile(r"\b(?:how (?:can|may) i (?:help|assist)|my name is|thank(?:s| you) for "
                       r"(?:contacting|reaching out|your patience))", re.IGNORECASE)


@dataclass(frozen=True)
class Turn:
    """One message: its speaker as written, ``role`` (agent, customer, system or "" when not
    known), its time when the transcript gave one, and its text (lines joined)."""

    speaker: str
    role: str
    at: datetime | None
    text: str


@dataclass(frozen=True)
class Transcript:
    text: str
    turns: tuple[Turn, ...]
    started_at: datetime | None
    ended_at: datetime | None
    agent_name: str
    tickets: tuple[str, ...]


@dataclass
class _Draft:
    speaker: str
    at: datetime | None
    lines: list[str] = field(default_factory=list)


class _Clock:
    """Times of the transcript as aware datetimes, passing midnight when the clock goes back."""

    def __init__(self, day: date, zone: tzinfo) -> None:
        self.day, self.zone = day, zone
        self.last: datetime | None = None

    def at(self, m: re.Match[str]) -> datetime | None:
        first = 1 if "name" in m.re.groupindex else 0  # a speaker's name comes first
        g = m.groups()[first:first + 13]  # the stamp's 13 groups
        found_day = _date_of(g[:9])
        hour, minute, second = int(g[9]), int(g[10]), int(g[11] or 0)
        ampm = (g[12] or "").replace(".", "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        if hour > 23 or minute > 59 or second > 59:
            return None
        if found_day is not None:
            self.day = found_day
        moment = datetime.combine(self.day, time(hour, minute, second), self.zone)
        if found_day is None and self.last is not None and moment < self.last - timedelta(
                minutes=5):
            moment += timedelta(days=1)
            self.day = moment.date()
        self.last = moment
        return moment


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _date_of(g: tuple[str | None, ...]) -> date | None:
    try:
        if g[0]:
            return date(int(g[0]), int(g[1] or 0), int(g[2] or 0))
        if g[3]:  # month/day (as in the U.S.); day/month when the first cannot be a month
            year = int(g[5] or 0) + (2000 if len(g[5] or "") == 2 else 0)
            first, second = int(g[3]), int(g[4] or 0)
            if first > 12:
                first, second = second, first
            return date(year, first, second)
        if g[6]:
            month = (g[6] or "")[:3].lower()
            if month in _MONTHS:
                return date(int(g[8] or 0), _MONTHS.index(month) + 1, int(g[7] or 0))
    except ValueError:
        return None
    return None


def _speaker_of(line: str) -> tuple[str, str] | None:
    """(name, text) of a "Name: text" line, or None when the part before ":" is no name."""
    m = _SPEAKER.match(line)
    if m is None:
        return None
    name = " ".join(m.group("name").split())
    if (name.lower().strip(".") in _NOT_NAMES or len(name.split()) > 6
            or "://" in line[: m.end("name") + 3]):
        return None
    return name, m.group("text").strip()


def _role(name: str, customers: set[str]) -> str:
    low = name.lower()
    if low in _CUSTOMER or low in customers:
        return "customer"
    if low in _SYSTEM:
        return "system"
    return ""


def _turns(text: str, clock: _Clock) -> tuple[list[_Draft], list[str]]:
    """The turns as drafts, and the names system lines said joined the chat."""
    drafts: list[_Draft] = []
    joined: list[str] = []
    for raw in text[:MAX_TRANSCRIPT].splitlines():
        line = raw.strip()
        if not line:
            continue
        named = _NAME_STAMP.match(line)
        if named is not None and _speaker_of(named.group("name") + ": x") is not None:
            drafts.append(_Draft(" ".join(named.group("name").split()), clock.at(named),
                                 [named.group("text").strip()] if named.group("text").strip()
                                 else []))
            continue
        lead = _LEAD.match(line)
        if lead is not None and lead.end() < len(line) and _BARE_TIME.match(line) is None:
            at = clock.at(lead)
            rest = line[lead.end():]
            said = _speaker_of(rest)
            if said is None and (j := _JOINED.match(rest)) is not None:
                joined.append((j.group("a") or j.group("b") or "").strip(" *"))
                continue
            drafts.append(_Draft(said[0] if said else "", at, [said[1] if said else rest]))
            continue
        if (bare := _BARE_TIME.match(line)) is not None:
            at = clock.at(bare)
            if drafts and drafts[-1].at is None:
                drafts[-1].at = at
            continue
        if (header := _HEADER.match(line)) is not None and _speaker_of(line) is None:
            name = re.sub(r"\s+(?:at|on)$", "", " ".join(header.group("name").split()))
            drafts.append(_Draft(name, clock.at(header)))
            continue
        if (j := _JOINED.match(line)) is not None:
            joined.append((j.group("a") or j.group("b") or "").strip(" *"))
            continue
        said = _speaker_of(line)
        if clock.last is None and (dated := _ANY_DATE.search(line)) is not None:
            clock.day = _date_of(dated.groups()) or clock.day  # "Chat started: 2026-11-28 …"
        if said is not None and said[0].lower() not in _PREAMBLE:
            drafts.append(_Draft(said[0], None, [said[1]]))
        elif drafts:
            drafts[-1].lines.append(line)
        else:
            drafts.append(_Draft("", None, [line]))
    return drafts, joined


def _agent_names(drafts: list[_Draft], joined: list[str], customers: set[str]) -> tuple[set[str], str]:
    """The speakers who are the agent, and the agent's name."""
    named = [d.speaker for d in drafts if d.speaker and _role(d.speaker, customers) == ""]
    agents: set[str] = set()
    name = ""
    for speaker in named:
        m = _GENERIC_AGENT.match(speaker)
        if m is not None:
            agents.add(speaker)
            name = name or (m.group("n") or m.group("m") or "").strip()
    for who in joined:
        if who and who.lower() not in customers and who.lower() not in _CUSTOMER:
            name = name or who
            agents.update(s for s in named if s.lower().startswith(who.lower()))
    for d in drafts:
        if d.speaker in named and (re.search(r"\b(?:from|at)\s+\w|\(", d.speaker)
                                   or _GREETING.search(" ".join(d.lines))):
            agents.add(d.speaker)
    has_customer = any(_role(d.speaker, customers) == "customer" for d in drafts)
    if not agents and has_customer:
        agents.update(named)
    if not name and agents:
        first = next(s for s in named if s in agents)
        m = _FROM_ORG.match(first)
        name = ((m.group("n") or m.group("m")) if m else first).strip()
        if _GENERIC_AGENT.match(name):
            name = ""
    if not name:  # "Agent: Hello, this is Alex."
        said = (" ".join(d.lines) for d in drafts if d.speaker in agents)
        name = next((m.group(1) for t in said if (m := _INTRODUCED.search(t))), "")
    return agents, name


def parse_transcript(text: str, *, day: date, zone: tzinfo, ticket_patterns: Iterable[str] = (),
                     customer_names: Iterable[str] = (), now: datetime | None = None
                     ) -> Transcript:
    """Split ``text`` into turns (see the module doc). ``day`` and ``zone`` place times that
    come without a date; ``customer_names`` are the user's own names as a chat shows them.
    ``now``: a chat whose times come without a date and would end after it is the day before's
    (last evening's chat, pasted after midnight), never one in the future."""
    found = _parse(text, day, zone, ticket_patterns, customer_names)
    last = found.ended_at or found.started_at
    if now is None or last is None or last <= now:
        return found
    earlier = _parse(text, day - timedelta(days=1), zone, ticket_patterns, customer_names)
    if earlier.started_at != (found.started_at or last) - timedelta(days=1):
        return found  # its dates are written in it: kept as they are
    return earlier


def _parse(text: str, day: date, zone: tzinfo, ticket_patterns: Iterable[str],
           customer_names: Iterable[str]) -> Transcript:
    customers = {c.strip().lower() for c in customer_names if c.strip()}
    drafts, joined = _turns(text, _Clock(day, zone))
    agents, agent_name = _agent_names(drafts, joined, customers)
    turns = tuple(
        Turn(d.speaker, "agent" if d.speaker in agents else _role(d.speaker, customers) or
             ("customer" if agents and d.speaker else ""), d.at, "\n".join(d.lines))
        for d in drafts)
    times = [t.at for t in turns if t.at is not None]
    tickets = tuple(s.value for s in suggest(text, base=day, ticket_patterns=ticket_patterns)
                    if s.kind == "ticket")
    return Transcript(text=text, turns=turns, started_at=min(times) if times else None,
                      ended_at=max(times) if times else None, agent_name=agent_name,
                      tickets=tickets)


MAX_TRANSCRIPT_FILE = 5 * 1024 * 1024


class TranscriptFileError(ValueError):
    """A transcript file that cannot be read as text (one sentence for the user)."""


def read_transcript_file(path: Path) -> str:
    """The text of a .txt chat export: UTF-8 (with or without BOM, or UTF-16 with one), else
    Windows-1252. Refuses with one sentence what is not text or larger than 5 MB."""
    name = escape_for_terminal(path.name)
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_TRANSCRIPT_FILE + 1)
    except OSError as exc:
        raise TranscriptFileError(i18n.text("“{name}” could not be read ({why}).").format(
            name=name, why=escape_for_terminal(exc.strerror or str(exc)))) from exc
    if len(raw) > MAX_TRANSCRIPT_FILE:
        raise TranscriptFileError(i18n.text("“{name}” is larger than 5 MB; a chat transcript "
                                            "is plain text and much smaller.").format(name=name))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
    elif b"\x00" in raw:
        raise TranscriptFileError(i18n.text("“{name}” is not a text file.").format(name=name))
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
