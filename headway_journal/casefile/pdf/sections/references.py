"""References: reference numbers, ticket numbers, representatives, escalation owners; and the issue
details."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from .... import i18n
from ...data import REFERENCE_LABELS, ContactRow
from ..exhibits import Prepared
from ..styles import FRAME_W, data_table
from ..text import fmt_date, listed
from .context import Context
from .timeline import sorted_contacts

__all__ = [
    "details",
    "references",
]


_KIND_ORDER = list(REFERENCE_LABELS)


def references(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """References: reference numbers, ticket numbers, representatives and escalation owners."""
    out: list[Flowable] = [PageBreak(), ctx.heading(i18n.text("References"), "section-references")]
    out += _reference_numbers(ctx)
    out += _ticket_numbers(ctx)
    out += _representatives(ctx)
    out += _escalation_owners(ctx)
    return out


def _reference_numbers(ctx: Context) -> list[Flowable]:
    """The case's reference numbers, by kind."""
    d = ctx.data
    s = ctx.s
    out: list[Flowable] = []
    out.append(ctx.p(i18n.text("Reference numbers"), s.h2))
    if d.references:
        order = {k: i for i, k in enumerate(_KIND_ORDER)}
        refs = sorted(d.references, key=lambda r: (order.get(r.kind, len(order)), r.value))
        rows = [[ctx.cell(h) for h in (i18n.text("Type"), i18n.text("Number"), i18n.text("Description"))]]
        rows += [
            [
                ctx.cell(i18n.text(REFERENCE_LABELS.get(r.kind, r.kind.title()))),
                ctx.cell(r.value, s.cell_bold),
                ctx.cell(r.label),
            ]
            for r in refs
        ]
        out.append(data_table(rows, [120, 170, FRAME_W - 290]))
    else:
        out.append(ctx.p(i18n.text("No reference numbers were recorded."), s.muted))
    return out


def _ticket_numbers(ctx: Context) -> list[Flowable]:
    """Ticket numbers given in the contacts, with the contacts that mention them."""
    d = ctx.data
    s = ctx.s
    out: list[Flowable] = []
    out.append(ctx.p(i18n.text("Ticket numbers from the contacts"), s.h2))
    tickets: dict[str, list[ContactRow]] = {}
    for c in sorted_contacts(d.contacts):
        for t in c.tickets:
            if t.strip():
                tickets.setdefault(t.strip(), []).append(c)
    if tickets:
        rows = [[ctx.cell(h) for h in (i18n.text("Ticket"), i18n.text("Mentioned in contacts"))]]
        for ticket, contacts in tickets.items():
            seen = listed([f"#{c.number} ({fmt_date(c.started_at.date())})" for c in contacts])
            rows.append([ctx.cell(ticket, s.cell_bold), ctx.cell(seen)])
        out.append(data_table(rows, [150, FRAME_W - 150]))
    else:
        out.append(ctx.p(i18n.text("No ticket numbers were given in the contacts."), s.muted))
    return out


def _representatives(ctx: Context) -> list[Flowable]:
    """Representatives named for the case or in its contacts."""
    d = ctx.data
    s = ctx.s
    out: list[Flowable] = []
    out.append(ctx.p(i18n.text("Representatives"), s.h2))
    reps: dict[tuple[str, str], list[str]] = {}
    titles: dict[tuple[str, str], str] = {}
    for name, title, rep_id in d.representatives:
        key = (name.strip(), rep_id.strip())
        reps.setdefault(key, [])
        titles[key] = title
    for c in sorted_contacts(d.contacts):
        if not c.rep_name.strip():
            continue
        key = (c.rep_name.strip(), c.rep_id.strip())
        reps.setdefault(key, []).append(f"#{c.number}")
        titles.setdefault(key, c.rep_title)
        if not titles[key]:
            titles[key] = c.rep_title
    if reps:
        rows = [[ctx.cell(h) for h in (i18n.text("Name"), i18n.text("Title"), "ID", i18n.text("Contacts"))]]
        for (name, rep_id), numbers in reps.items():
            rows.append(
                [
                    ctx.cell(name, s.cell_bold),
                    ctx.cell(titles.get((name, rep_id), "")),
                    ctx.cell(rep_id or i18n.text("not given")),
                    ctx.cell(listed(numbers) or "—"),
                ]
            )
        out.append(data_table(rows, [150, 160, 90, FRAME_W - 400]))
    else:
        out.append(ctx.p(i18n.text("No representatives were recorded."), s.muted))
    return out


def _escalation_owners(ctx: Context) -> list[Flowable]:
    """Who owns each escalation."""
    d = ctx.data
    s = ctx.s
    out: list[Flowable] = []
    out.append(ctx.p(i18n.text("Escalation owners"), s.h2))
    if d.escalations:
        rows = [[ctx.cell(h) for h in (i18n.text("Name"), i18n.text("Title"), i18n.text("Level"), i18n.text("Reference"))]]
        for e in sorted(d.escalations, key=lambda e: e.requested_on):
            rows.append(
                [
                    ctx.cell(e.owner_name or i18n.text("not named"), s.cell_bold),
                    ctx.cell(e.owner_title),
                    ctx.cell(e.level),
                    ctx.cell(e.reference or "—"),
                ]
            )
        out.append(data_table(rows, [150, 150, 100, FRAME_W - 400]))
    else:
        out.append(ctx.p(i18n.text("No escalations have been requested yet."), s.muted))
    return out


def details(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """The fields recorded for this issue type."""
    d = ctx.data
    out: list[Flowable] = [
        CondPageBreak(160),
        ctx.heading(i18n.text("Issue details"), "section-details"),
        ctx.p(i18n.text("Fields recorded for this {lower} case.").format(lower=d.issue_type_label.lower()), ctx.s.muted),
    ]
    if d.details:
        rows = [[ctx.cell(h) for h in (i18n.text("Field"), i18n.text("Value"))]]
        rows += [
            [ctx.cell(label, ctx.s.cell_label), ctx.cell(value)]
            for label, value in d.details
        ]
        out.append(data_table(rows, [170, FRAME_W - 170]))
    else:
        out.append(ctx.p(i18n.text("No issue-specific details were recorded."), ctx.s.muted))
    return out
