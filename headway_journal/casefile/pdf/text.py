"""Text helpers of the case file: escaping user text for ReportLab and formatting dates,
durations, sizes and lists the same way in every section."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from reportlab.pdfbase import pdfmetrics

from ... import i18n
from ...l10n import formats
from ..data import Exhibit

__all__ = [
    "clean",
    "esc",
    "escape",
    "exhibit_title",
    "fit_text",
    "fmt_date",
    "fmt_dt",
    "fmt_minutes",
    "fmt_offset",
    "fmt_size",
    "listed",
    "numbers",
    "plural",
    "sha_markup",
]


_MAX_LISTED = 40  # a cell listing more contacts than this would not fit on a page


_CONTROLS = dict.fromkeys(c for c in range(32) if c != ord("\n"))  # each mapped to nothing


def clean(text: str) -> str:
    """Drop control characters that ReportLab's paragraph parser cannot take."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return text.translate(_CONTROLS)


def escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as entities, for ReportLab's markup (what
    ``xml.sax.saxutils.escape`` does, without importing ``urllib.request`` and ``http`` with
    it: a case file made from the command line pays for every import)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc(text: str) -> str:
    """Escape user text for a Paragraph: <, > and & and keep line breaks."""
    return escape(clean(text)).replace("\n", "<br/>")


def fmt_date(d: date) -> str:
    """2026-11-30."""
    return d.isoformat()


def fmt_offset(dt: datetime) -> str:
    """"+01:00", the UTC offset of *dt*."""
    off = dt.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def fmt_dt(dt: datetime, *, weekday: bool = False) -> str:
    """"2026-11-30 14:05 +01:00", with the weekday in front when asked."""
    text = f"{dt:%Y-%m-%d %H:%M} {fmt_offset(dt)}"
    return f"{formats.weekday_short(dt)} {text}" if weekday else text


def fmt_minutes(minutes: int) -> str:
    """"45 min" or "1 h 05 min"."""
    if minutes < 60:
        return f"{minutes} min"
    return i18n.text("{value} h {value2:02d} min").format(value=minutes // 60, value2=minutes % 60)


def fmt_size(size: int) -> str:
    """"999 bytes", "36.6 KB", "1.2 MB" (decimal units)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1e3:.1f} KB"
    if size < 1_000_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e9:.1f} GB"


def plural(n: int, word: str) -> str:
    """"1 day", "2 days" (the words of ``PLURALS`` with the language's plural rules)."""
    translate = PLURALS.get(word)
    if translate is not None:
        return translate(n).format(n=n)
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


PLURALS: dict[str, Callable[[int], str]] = {
    "day": lambda n: i18n.plural("{n} day", "{n} days", n),
    "page": lambda n: i18n.plural("{n} page", "{n} pages", n),
    "contact": lambda n: i18n.plural("{n} contact", "{n} contacts", n),
    "promise": lambda n: i18n.plural("{n} promise", "{n} promises", n),
}


def listed(items: Sequence[str]) -> str:
    """"#1, #2, #3", cut to the first few with "and N more" so that a table cell fits a page."""
    if len(items) <= _MAX_LISTED:
        return ", ".join(items)
    return i18n.text("{join} and {value:,} more").format(join=', '.join(items[:_MAX_LISTED]), value=len(items) - _MAX_LISTED)


def numbers(word: str, numbers: Sequence[int]) -> str:
    """"Exhibit 3" or "Exhibits 3, 5"."""
    listed = ", ".join(str(n) for n in sorted(numbers))
    if word == "Exhibit":
        return i18n.plural("Exhibit {listed}", "Exhibits {listed}", len(numbers)).format(
            listed=listed)
    return f"{word} {listed}" if len(numbers) == 1 else f"{word}s {listed}"


def sha_markup(sha: str) -> str:
    """A digest, lower case and escaped for a paragraph."""
    return escape(sha.strip().lower())


def exhibit_title(ex: Exhibit) -> str:
    """"Exhibit 3 — caption" for the outline (caption cut to 80 characters)."""
    caption = " ".join(clean(ex.caption).split())
    if len(caption) > 80:
        caption = caption[:79] + "…"
    return i18n.text("Exhibit {number} — {caption}").format(number=ex.number, caption=caption) if caption else i18n.text("Exhibit {number}").format(number=ex.number)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """*text* on one line, cut with an ellipsis to fit *width* in *font* at *size*."""
    text = " ".join(text.split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
