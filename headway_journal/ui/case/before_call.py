"""The Before you call tab: what to have ready, what to ask, where to reach them, what next.

The safety note first when the issue type has one, then the checklist, the call prompts, the
organization's channels (each with "open now" from its hours), what to expect, the next step
with the letters that apply (``ui.letters.panel``) and the outside clocks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from ...journal.issue_types import call_prompts
from ...journal.records import CaseView
from ...journal.service import JournalService
from ..format import full_date, plural
from ..letters.panel import add_letters
from ..widgets import Badge, Card, NoticeBox, heading, wrap_label
from .common import CHANNEL_NAMES, add_to_column, clear_layout, muted

AUDIENCE_NAMES = {"any": "everyone", "client": "clients", "clinician": "clinicians",
                  "privacy": "privacy matters"}



def fill_before_call(column: QVBoxLayout, service: JournalService, case: CaseView,
                     now: datetime, open_letter: Callable[[str], None] | None = None) -> None:
    """Fill the Before you call tab's ``column`` for ``case`` (``now`` for "open now");
    ``open_letter(kind)`` opens a letter's editor (None: the letters are listed only)."""
    clear_layout(column)
    column.addStretch(1)
    note = service.safety_note(case.issue_type)
    if note:
        add_to_column(column, NoticeBox("Your safety comes first", note, "Safety note"))

    add_checklist(column, service, case)

    add_to_column(column, heading("Ask on this call"))
    for n, prompt in enumerate(call_prompts(case.issue_type, case.fields), start=1):
        answer = f" (on file: {prompt.answer})" if prompt.answer else ""
        add_to_column(column, wrap_label(f"{n}. {prompt.text}{answer}", name="Call prompt",
                                         selectable=bool(answer)))

    org = case.organization
    audience = "clients" if case.role == "client" else "clinicians"
    add_to_column(column, heading(f"Where to reach {org.name} (for {audience})"))
    channels = service.channels_for(case)
    if not channels:
        add_to_column(column, muted(wrap_label(
            f"No channels on file for {org.name}. Look inside your account (Help or "
            "Support), the website footer or your onboarding e-mail, then add them under "
            "Organizations.", name="No channels")))
    for ch in channels:
        add_to_column(column, channel_card(ch, now))
    if org.notes:
        add_to_column(column, muted(wrap_label(org.notes, name="Organization notes")))
    expectations = service.what_to_expect(case)
    if expectations:
        add_to_column(column, heading("What to expect (typical, not promised)"))
        for item in expectations:
            add_to_column(column, wrap_label(item.text(), name="What to expect"))

    add_to_column(column, heading("Next step"))
    add_to_column(column, wrap_label(service.next_step(case), name="Next step",
                                     selectable=True))
    add_letters(column, service, case, open_letter)

    add_outside_clocks(column, service, case)


def add_checklist(column: QVBoxLayout, service: JournalService, case: CaseView) -> None:
    """"Have ready": each item on file, missing or not needed, and the tickets to quote."""
    add_to_column(column, heading("Have ready"))
    items = service.checklist(case)
    needed = [i for i in items if not i.not_needed]
    missing = sum(1 for i in needed if not i.on_file)
    if needed:
        add_to_column(column, muted(wrap_label(
            f"{missing} of {len(needed)} missing: add them to the case before you call."
            if missing else "Everything on the list is on file.",
            name="Checklist summary")))
    for item in items:
        if item.not_needed:
            text = f"–  Not needed: {item.label} ({item.not_needed})"
        elif item.on_file:
            value = item.value
            if len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
                with contextlib.suppress(ValueError):
                    value = full_date(date.fromisoformat(value))
            value = " ".join(value.split())
            if len(value) > 120:
                value = value[:119] + "…"
            text = f"✓  On file: {item.label}" + (f" — {value}" if value else "")
        else:
            text = f"✗  Missing: {item.label}"
        label = wrap_label(text, name="Checklist item", selectable=True)
        add_to_column(column, muted(label) if item.not_needed else label)
    if case.tickets:
        add_to_column(column, wrap_label(f"✓  Ticket numbers to quote: {', '.join(case.tickets)}",
                                         name="Checklist item", selectable=True))


def add_outside_clocks(column: QVBoxLayout, service: JournalService, case: CaseView) -> None:
    """Deadlines outside the organization (agencies, chargebacks) with the days left."""
    clocks = service.outside_clocks(case)
    if clocks:
        add_to_column(column, heading("Outside clocks"))
        add_to_column(column, muted(wrap_label(
            "General information to verify with the agency; not legal advice.",
            name="Outside clocks note")))
        today = date.today()
        for clock in clocks:
            left = clock.days_left(today)
            when = (f"{plural(left, 'day')} left" if left >= 0
                    else f"passed {plural(-left, 'day')} ago")
            add_to_column(column, wrap_label(
                f"{clock.name}: by {full_date(clock.deadline)} ({when}). {clock.rule}. "
                f"{clock.note}", name="Outside clock", selectable=True))


def channel_card(ch: Any, now: datetime) -> Card:
    """One way to reach the organization, with whether it is open now."""
    from ...journal.hours import is_open  # zoneinfo: not needed for the first screen

    name = CHANNEL_NAMES.get(ch.kind, ch.kind)
    card = Card(f"Channel {ch.label or ch.value}")
    top = QHBoxLayout()
    title = QLabel(ch.label or name)
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    title.setWordWrap(True)
    title.setAccessibleName("Channel name")
    top.addWidget(title, 1)
    state = is_open(ch.hours, ch.timezone, now)
    if state is True:
        badge = Badge("open now", key="resolved")
    elif state is False:
        badge = Badge("closed now", key="closed")
    else:
        badge = Badge("hours unknown", key="closed")
    badge.setAccessibleName(badge.text().lower())
    top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
    card.body.addLayout(top)
    card.body.addWidget(wrap_label(f"{name}: {ch.value}", name="Channel address",
                                   selectable=True))
    detail = []
    if state is None:  # never "open" or "closed" on a guess
        detail.append(f"Hours {ch.hours} not understood" if ch.hours.strip()
                      else "No opening hours on file")
    elif ch.hours:
        detail.append(f"Hours {ch.hours}" + (f" ({ch.timezone})" if ch.timezone else
                                             " (your local time)"))
    detail.append(f"for {AUDIENCE_NAMES.get(ch.audience, ch.audience)}")
    card.body.addWidget(wrap_label(" · ".join(detail), name="Channel hours"))
    card.body.addWidget(muted(wrap_label(ch.verification.capitalize(),
                                         name="Channel verification")))
    return card
