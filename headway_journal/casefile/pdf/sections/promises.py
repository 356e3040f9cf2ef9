"""Promises, escalations and outside deadlines."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from .... import i18n
from ...data import PromiseRow
from ..exhibits import Prepared
from ..styles import ALERT_BG, FRAME_W, TableCmd, data_table
from ..text import esc, fmt_date, plural
from .context import Context

__all__ = [
    "ALERT_STATUSES",
    "STATUS_WORDS",
    "clocks",
    "escalations",
    "promise_line",
    "promises",
    "status_markup",
]

STATUS_WORDS = {  # translated where shown (i18n.text)
    "pending": i18n.mark("Pending"),
    "due_today": i18n.mark("Due today"),
    "overdue": i18n.mark("OVERDUE"),
    "kept": i18n.mark("Kept"),
    "broken": i18n.mark("BROKEN"),
}
ALERT_STATUSES = frozenset({"overdue", "broken"})


def promises(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """Every promise the organization made, in the order made; broken and overdue ones marked."""
    s = ctx.s
    pairs = [(c, p) for c in ctx.data.contacts for p in c.promises]
    pairs.sort(key=lambda cp: (cp[1].made_on, cp[0].started_at, cp[0].number))
    out: list[Flowable] = [CondPageBreak(200), ctx.heading(i18n.text("Promises"), "section-promises")]
    if not pairs:
        return out + [ctx.p(i18n.text("No promises were recorded."), s.muted)]
    counts = {k: sum(1 for _, p in pairs if p.status == k) for k in STATUS_WORDS}
    summary = ", ".join(
        f"{counts[k]} {i18n.text(STATUS_WORDS[k]).lower()}" for k in STATUS_WORDS if counts[k]
    )
    out.append(
        ctx.p(
            i18n.text("{plural} made by the organization's representatives: {summary}. Broken and overdue promises are marked in bold capitals.").format(plural=plural(len(pairs), 'promise'), summary=summary),
            s.muted,
        )
    )
    rows: list[list[Flowable]] = [
        [ctx.cell(h) for h in (i18n.text("Made on"), i18n.text("Promise"), i18n.text("Due"), i18n.text("Outcome"))]
    ]
    alerts: list[TableCmd] = []
    for c, p in pairs:
        alert = p.status in ALERT_STATUSES
        who = i18n.text("contact #{number}").format(number=c.number) + (f", {c.rep_name.strip()}" if c.rep_name.strip() else "")
        made = i18n.text("{esc}<br/><font size=8>{esc2}</font>").format(esc=esc(fmt_date(p.made_on)), esc2=esc(who))
        rows.append(
            [
                ctx.markup(made, s.cell),
                ctx.cell(p.text, s.cell_bold if alert else s.cell),
                ctx.cell(p.due_label, s.cell_bold if alert else s.cell),
                ctx.markup(status_markup(p), s.cell),
            ]
        )
        if alert:
            alerts.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), ALERT_BG))
    out.append(data_table(rows, [96, 208, 90, FRAME_W - 394], extra=alerts))
    return out


def escalations(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """The escalations requested, oldest first."""
    s = ctx.s
    out: list[Flowable] = [
        CondPageBreak(160),
        ctx.heading(i18n.text("Escalations"), "section-escalations"),
    ]
    if not ctx.data.escalations:
        return out + [ctx.p(i18n.text("No escalations have been requested yet."), s.muted)]
    rows: list[list[Flowable]] = [
        [ctx.cell(h) for h in (i18n.text("Requested"), i18n.text("Level"), i18n.text("Owner"), i18n.text("Reference"), i18n.text("Notes"))]
    ]
    for e in sorted(ctx.data.escalations, key=lambda e: e.requested_on):
        owner = f"<b>{esc(e.owner_name or 'not named')}</b>"
        if e.owner_title.strip():
            owner += f"<br/>{esc(e.owner_title)}"
        rows.append(
            [
                ctx.cell(fmt_date(e.requested_on)),
                ctx.cell(e.level),
                ctx.markup(owner, s.cell),
                ctx.cell(e.reference or "—"),
                ctx.cell(e.notes),
            ]
        )
    out.append(data_table(rows, [66, 86, 120, 96, FRAME_W - 368]))
    return out


def clocks(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """Outside deadlines (general information), if any apply."""
    if not ctx.data.outside_clocks:
        return []
    s = ctx.s
    out: list[Flowable] = [
        CondPageBreak(140),
        ctx.heading(i18n.text("Outside deadlines (general information)"), "section-clocks"),
        ctx.p(
            i18n.text("General information to verify, not legal advice: these are common rules "
            "and the dates they would give. Check the deadlines that apply to this case "
            "with the agency concerned before relying on them."),
            s.muted,
        ),
    ]
    rows = [[ctx.cell(h) for h in (i18n.text("Rule"), i18n.text("Deadline"))]]
    rows += [
        [ctx.cell(rule), ctx.cell(deadline)] for rule, deadline in ctx.data.outside_clocks
    ]
    out.append(data_table(rows, [260, FRAME_W - 260]))
    return out


def status_markup(p: PromiseRow) -> str:
    """A promise's status for the promises table (alerts in bold)."""
    word = i18n.text(STATUS_WORDS.get(p.status, p.status))
    label = p.status_label.strip()
    text = f"<b>{esc(word)}</b>" if p.status in ALERT_STATUSES else esc(word)
    if label and label.casefold() != word.casefold():
        extra = esc(label)
        text += f"<br/><b>{extra}</b>" if p.status in ALERT_STATUSES else f"<br/>{extra}"
    return text


def promise_line(p: PromiseRow) -> str:
    """One promise as a line of the timeline's contact block."""
    word = i18n.text(STATUS_WORDS.get(p.status, p.status))
    label = p.status_label.strip()
    state = f"{word} ({label})" if label and label.casefold() != word.casefold() else word
    state_markup = f"<b>{esc(state)}</b>" if p.status in ALERT_STATUSES else esc(state)
    return (
        i18n.text("• “{esc}” (made {esc2}; due {esc3}) — {state_markup}").format(esc=esc(p.text), esc2=esc(fmt_date(p.made_on)), esc3=esc(p.due_label), state_markup=state_markup)
    )
