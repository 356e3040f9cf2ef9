"""Deadlines as an iCalendar file (``icalendar`` imported lazily)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

ICS_PRODID = "-//Headway Journal//EN"
ICS_UID_DOMAIN = "headway-journal"
TIMED_EVENT_MINUTES = 15


@dataclass(frozen=True)
class DeadlineItem:
    uid: str
    title: str
    due_on: date
    due_at: datetime | None
    description: str
    case_title: str
    remind_days_before: int = 1  # all-day events only


def deadlines_to_ics(
    items: Iterable[DeadlineItem],
    *,
    calendar_name: str = "Headway Journal deadlines",
    generated_at: datetime | None = None,
) -> bytes:
    """An iCalendar file with one event per deadline.

    Date-only deadlines become all-day events with a display reminder ``remind_days_before``
    days before (one by default); deadlines
    with a time become 15-minute events (written in UTC). UIDs are stable
    ("<uid>@headway-journal") so re-importing updates rather than duplicates.
    ``generated_at`` (aware) fixes DTSTAMP for reproducible output.
    """
    from icalendar import Alarm, Calendar, Event  # lazy: keep app start fast

    stamp = generated_at or datetime.now(UTC)
    if stamp.tzinfo is None:
        raise ValueError("generated_at must carry a time zone.")
    stamp = stamp.astimezone(UTC)

    cal = Calendar()
    cal.add("prodid", ICS_PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)

    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@{ICS_UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        text = f"Case: {item.case_title}" if item.case_title else ""
        if item.description:
            text = f"{text}\n{item.description}" if text else item.description
        if text:
            event.add("description", text)
        if item.due_at is not None:
            if item.due_at.tzinfo is None or item.due_at.utcoffset() is None:
                raise ValueError(f"Deadline {item.uid!r} has a time without a time zone.")
            start = item.due_at.astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=TIMED_EVENT_MINUTES))
        else:
            event.add("dtstart", item.due_on)
            event.add("dtend", item.due_on + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            days = max(0, item.remind_days_before)
            when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
            alarm.add("description", f"Due {when}: {item.title}")
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
