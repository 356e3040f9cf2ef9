"""How the window writes dates, times, sizes and counts: one place for each.

Dates and times follow the user's locale (``QLocale``); sizes are binary units ("1.5 KB",
"150 KB", "1 byte"); counts say "1 contact", "3 contacts". Qt is used for the locale only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

__all__ = ["due_text", "full_date", "full_moment", "human_size", "local_moment", "local_time",
           "plural", "short_date", "utc_offset"]


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def short_date(d: date, today: date | None = None) -> str:
    """'Nov 20' in lists; 'Nov 20, 2025' when not this year."""
    today = today or date.today()
    pattern = QCoreApplication.translate("format", "MMM d") if d.year == today.year else QCoreApplication.translate("format", "MMM d, yyyy")
    return QLocale().toString(_qdate(d), pattern)


def full_date(d: date) -> str:
    """'Nov 20, 2026' with the user's month names."""
    return QLocale().toString(_qdate(d), QCoreApplication.translate("format", "MMM d, yyyy"))


def local_time(hour: int, minute: int) -> str:
    """'14:03' or '2:03 PM', as the user's locale writes a short time."""
    loc = QLocale()
    return loc.toString(QTime(hour, minute), loc.timeFormat(QLocale.FormatType.ShortFormat))


def utc_offset(moment: datetime) -> str:
    """'UTC−08:00' (with a real minus sign), 'UTC+05:30', 'UTC' for zero."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    minutes = abs(minutes)
    return QCoreApplication.translate("format", "UTC{sign}{value:02d}:{value2:02d}").format(sign=sign, value=minutes // 60, value2=minutes % 60)


def full_moment(moment: datetime) -> str:
    """'Nov 20, 2026 22:30 (UTC−08:00)': the time as it was where the contact happened."""
    text = f"{full_date(moment.date())} {local_time(moment.hour, moment.minute)}"
    offset = utc_offset(moment)
    return f"{text} ({offset})" if offset else text


def local_moment(moment: datetime) -> str:
    """A stored UTC moment shown in this computer's time zone: 'Nov 20, 2026 14:03'."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{full_date(moment.date())} {local_time(moment.hour, moment.minute)}"


def due_text(next_due: date | None, overdue: bool, today: date | None = None) -> str:
    """The case list's deadline column: 'due Nov 30', 'due today', 'overdue 3 d'."""
    if next_due is None:
        return ""
    today = today or date.today()
    if overdue:
        return QCoreApplication.translate("format", "overdue {max} d").format(max=max(1, (today - next_due).days))
    if next_due == today:
        return QCoreApplication.translate("format", "due today")
    if next_due == today + timedelta(days=1):
        return QCoreApplication.translate("format", "due tomorrow")
    return QCoreApplication.translate("format", "due {short_date}").format(short_date=short_date(next_due, today))


def human_size(size: int) -> str:
    """1536 -> "1.5 KB", 150 KiB -> "150 KB" (binary units, as the attachment limit is shown;
    no decimal from 100 up); "1 byte", "1,000 bytes"."""
    if size < 1024:
        return QCoreApplication.translate("format", "{size} byte").format(size=size) if size == 1 else QCoreApplication.translate("format", "{size:,} bytes").format(size=size)
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
    return QCoreApplication.translate("format", "{size:,} bytes").format(size=size)  # pragma: no cover


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 contact', '3 contacts'; ``words`` for an irregular plural ('2 replies').

    The words of ``PLURALS`` are translated with the language's plural rules ("%n día(s)");
    English, which has no catalog, keeps the rule here.
    """
    english = f"{n:,} {word if n == 1 else (words or word + 's')}"
    translate = PLURALS.get(word)
    if translate is None:
        return english
    done, source = translate(n)
    return english if done == source.replace("%n", str(n)) else done


def numerus(done: str, source: str, n: int, one: str) -> str:
    """A whole sentence that agrees with ``n``: ``done`` is ``QCoreApplication.translate(context,
    source, None, n)`` (a numerus message, plural forms in the catalog); without a translation,
    English's own: ``one`` for 1, ``source`` otherwise (``%n`` is the number)."""
    if done != source.replace("%n", str(n)):
        return done
    return (one if n == 1 else source).replace("%n", f"{n:,}")


# word -> (its numerus message translated for n, the message): the literal is what the
# extractor finds and what the Spanish catalog gives plural forms for
PLURALS: dict[str, Callable[[int], tuple[str, str]]] = {
    "day": lambda n: (QCoreApplication.translate("plural", "%n day(s)", None, n), "%n day(s)"),
    "case": lambda n: (QCoreApplication.translate("plural", "%n case(s)", None, n), "%n case(s)"),
    "exhibit": lambda n: (QCoreApplication.translate("plural", "%n exhibit(s)", None, n), "%n exhibit(s)"),
    "file": lambda n: (QCoreApplication.translate("plural", "%n file(s)", None, n), "%n file(s)"),
    "unused exhibit file": lambda n: (QCoreApplication.translate("plural", "%n unused exhibit file(s)", None, n), "%n unused exhibit file(s)"),
    "exhibit file": lambda n: (QCoreApplication.translate("plural", "%n exhibit file(s)", None, n), "%n exhibit file(s)"),
    "contact": lambda n: (QCoreApplication.translate("plural", "%n contact(s)", None, n), "%n contact(s)"),
    "promise": lambda n: (QCoreApplication.translate("plural", "%n promise(s)", None, n), "%n promise(s)"),
    "other": lambda n: (QCoreApplication.translate("plural", "%n other(s)", None, n), "%n other(s)"),
    "page": lambda n: (QCoreApplication.translate("plural", "%n page(s)", None, n), "%n page(s)"),
    "escalation": lambda n: (QCoreApplication.translate("plural", "%n escalation(s)", None, n), "%n escalation(s)"),
}
