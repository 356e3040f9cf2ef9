"""The timeline of contacts, one block per contact in date order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from .... import i18n
from ...data import ContactRow
from ..exhibits import Prepared
from ..styles import FONT_BOLD, FRAME_W, HEAD_BG, NOTE_BG, boxed, grid_style
from ..text import fmt_date, fmt_dt, fmt_minutes, plural
from .context import Context
from .cover import range_note
from .promises import promise_line
from .verification import chain_line

__all__ = [
    "contact_block",
    "sorted_contacts",
    "timeline",
]


def timeline(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """Every contact in date order, one block each."""
    d = ctx.data
    s = ctx.s
    contacts = sorted_contacts(d.contacts)
    out: list[Flowable] = [
        PageBreak(),
        ctx.heading(i18n.text("Timeline of contacts"), "section-timeline"),
    ]
    if d.contacts_range is not None:
        note = i18n.text("This case file shows only the {range_note}.").format(
            range_note=range_note(d))
        out += [boxed(ctx.p(note, s.small), NOTE_BG), Spacer(1, 6)]
    if not contacts:
        return out + [ctx.p(i18n.text("No contacts were logged."), s.muted)]
    out.append(
        ctx.p(
            i18n.text("{plural} from {fmt_date} to {fmt_date2}, in date order. Times are shown "
                      "with their UTC offset. Each entry says when it was recorded.").format(
                          plural=plural(len(contacts), 'contact'),
                          fmt_date=fmt_date(contacts[0].started_at.date()),
                          fmt_date2=fmt_date(contacts[-1].started_at.date())),
            s.muted,
        )
    )
    known = {x.number for x in d.exhibits}
    for c in contacts:
        ctx.check()
        out.append(KeepTogether([contact_block(ctx, c, known), Spacer(1, 8)]))
    return out


def contact_block(ctx: Context, c: ContactRow, known_exhibits: set[int]) -> Table:
    """One contact: when, how, who, tickets, what was said, promises, exhibits, when recorded."""
    s = ctx.s
    head = (  # plain text (no markup): set as a plain cell
        i18n.text("Contact {number} · {esc} · {esc2}").format(
            number=c.number, esc=fmt_dt(c.started_at, weekday=True), esc2=_channel(c))
        + f" · {i18n.text(SOURCE_LABELS.get(c.source, c.source))}"
    )
    rows: list[list[Flowable | str]] = [[ctx.cell(head, s.cell_head), ""]]

    def add(label: str, value: Flowable) -> None:
        rows.append([ctx.cell(label, s.cell_label), value])

    add(i18n.text("Duration"), ctx.cell(_duration(c)))
    rep = ", ".join(x for x in (c.rep_name.strip(), c.rep_title.strip()) if x)
    if c.rep_id.strip():
        rep = i18n.text("{rep} (ID {strip})").format(
            rep=rep, strip=c.rep_id.strip()) if rep else f"ID {c.rep_id.strip()}"
    add(i18n.text("Representative"), ctx.cell(rep or i18n.text("not recorded")))
    add(i18n.text("Tickets"), ctx.cell(", ".join(t for t in c.tickets if t.strip()) or i18n.text("none given")))
    add(i18n.text("What was said"), ctx.cell(c.summary or "—"))
    if c.outcome.strip():
        add(i18n.text("Outcome"), ctx.cell(c.outcome))
    if c.promises:
        lines = [promise_line(p) for p in c.promises]
        add(i18n.text("Promises"), ctx.markup("<br/>".join(lines), s.cell))
    if c.exhibit_numbers:
        withheld = {x.number for x in ctx.data.exhibits if x.withheld}
        names = [
            i18n.text("Exhibit {n} (withheld from this redacted copy)").format(n=n) if n in withheld
            else i18n.text("Exhibit {n}").format(
                n=n) if n in known_exhibits else i18n.text("Exhibit {n} (not in this file)").format(
                    n=n)
            for n in sorted(set(c.exhibit_numbers))
        ]
        add(i18n.text("Exhibits"), ctx.cell(", ".join(names)))
    add(i18n.text("Recorded"), ctx.cell(_recorded_note(c), s.cell_bold if _is_late(c) else s.cell))
    if c.chain_seq is not None and c.chain_digest:
        add(i18n.text("Hash chain"), ctx.cell(chain_line(c.chain_seq, c.chain_digest)))
    table = Table(rows, colWidths=[100, FRAME_W - 100], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        grid_style(
            header=False,
            extra=[
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ],
        )
    )
    return table


def sorted_contacts(contacts: Sequence[ContactRow]) -> list[ContactRow]:
    """Contacts in the order they happened (then by number)."""
    return sorted(contacts, key=lambda c: (c.started_at, c.number))


def _duration(c: ContactRow) -> str:
    hold = i18n.text("{hold_minutes} min on hold").format(
        hold_minutes=c.hold_minutes) if c.hold_minutes > 0 else i18n.text("no hold")
    if c.ended_at is None or c.ended_at < c.started_at:
        return i18n.text("duration not recorded; {hold}").format(hold=hold)
    minutes = round((c.ended_at - c.started_at).total_seconds() / 60)
    return f"{fmt_minutes(minutes)}; {hold}"


def _event_end(c: ContactRow) -> datetime:
    return c.ended_at if c.ended_at is not None and c.ended_at >= c.started_at else c.started_at


def _is_late(c: ContactRow) -> bool:
    return c.recorded_at - _event_end(c) > timedelta(hours=24)


def _recorded_note(c: ContactRow) -> str:
    """When the entry was recorded, relative to the event (ended_at, else started_at).

    Late entries (more than 24 hours) count calendar days in the event's own time zone.
    """
    event = _event_end(c)
    if c.recorded_at - event > timedelta(hours=24):
        days = (c.recorded_at.astimezone(event.tzinfo).date() - event.date()).days
        return (
            i18n.text("recorded {isoformat} ({plural} after the event)").format(
                isoformat=c.recorded_at.date().isoformat(), plural=plural(days, "day"))
            + _editors(c))
    return (i18n.text("recorded {fmt_dt} (within 24 hours of the event)").format(
        fmt_dt=fmt_dt(c.recorded_at)) + _editors(c))


def _editors(c: ContactRow) -> str:
    """Who recorded and who last changed the entry, when the journal knows (a shared one)."""
    out = f" by {c.recorded_by}" if c.recorded_by else ""
    if c.changed_by:
        out += f"; last changed by {c.changed_by}"
    return out


# How each contact was captured, as the entry's heading says it.
SOURCE_LABELS = {
    "typed": "typed in",
    "email": "from an e-mail",
    "transcript": "from a chat transcript",
    "ocr-suggestion": "OCR suggestion accepted",
}


def _channel(c: ContactRow) -> str:
    channel = i18n.text(c.channel.replace("_", " ").strip())
    channel = channel[:1].upper() + channel[1:] if channel else i18n.text("Channel not recorded")
    direction = i18n.text(c.direction.replace("_", " ").strip())
    return f"{channel}, {direction}" if direction else channel
