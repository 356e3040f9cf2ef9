"""Opening hours of a channel ("Mon-Fri 09:00-18:00", "24/7") and whether it is open now."""

from __future__ import annotations

import re
from datetime import datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import i18n
from .safe_echo import escape_for_terminal

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RANGE = re.compile(
    r"^(?P<d1>[a-z]{3})(?:\s*[-–]\s*(?P<d2>[a-z]{3}))?\s+"
    r"(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*[-–]\s*(?P<h2>\d{1,2}):(?P<m2>\d{2})$"
)


class HoursError(ValueError):
    pass


def parse_hours(text: str) -> list[tuple[int, time, time]] | None:
    """Parse hours into (weekday, opens, closes) rows; None means around the clock.

    Accepts "24/7", or parts separated by ";" or "," such as "Mon-Fri 09:00-18:00; Sat 10:00-14:00".
    """
    text = text.strip().lower()
    if text in ("24/7", "24x7", "always", "around the clock"):
        return None
    if not text:
        raise HoursError(i18n.text("No hours given."))
    rows: list[tuple[int, time, time]] = []
    for part in re.split(r"[;,]", text):
        part = part.strip()
        if not part:
            continue
        m = _RANGE.match(part)
        if not m or m["d1"] not in DAYS or (m["d2"] and m["d2"] not in DAYS):
            raise HoursError(i18n.text("'{escape_for_terminal}' is not like 'Mon-Fri 09:00-18:00'.").format(escape_for_terminal=escape_for_terminal(part)))
        first = DAYS.index(m["d1"])
        last = DAYS.index(m["d2"]) if m["d2"] else first
        try:
            opens = time(int(m["h1"]), int(m["m1"]))
            closes = time(23, 59, 59) if m["h2"] == "24" else time(int(m["h2"]), int(m["m2"]))
        except ValueError:
            raise HoursError(i18n.text("'{escape_for_terminal}' has an impossible time.").format(escape_for_terminal=escape_for_terminal(part))) from None
        day = first
        while True:
            rows.append((day, opens, closes))
            if day == last:
                break
            day = (day + 1) % 7
    return rows


def channel_zone(name: str) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def is_open(hours: str, timezone: str, now: datetime) -> bool | None:
    """Whether a channel is open at ``now`` (aware) in its own time zone; None if unknown."""
    if not hours.strip():
        return None
    try:
        rows = parse_hours(hours)
    except HoursError:
        return None
    if rows is None:
        return True
    zone = channel_zone(timezone)
    local = now.astimezone(zone) if zone is not None else now.astimezone()
    t = local.time().replace(tzinfo=None)
    return any(day == local.weekday() and opens <= t < closes for day, opens, closes in rows)
