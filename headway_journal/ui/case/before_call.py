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

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from ... import i18n
from ...journal.issue_types import call_prompts
from ...journal.records import CaseView
from ...journal.service import JournalService
from ..format import full_date, plural
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap
from ..widgets import Badge, Card, NoticeBox, heading, wrap_label
from .common import CHANNEL_NAMES, add_to_column, clear_layout, muted

AUDIENCE_NAMES = TranslatedMap("before_call", {
    "any": QT_TRANSLATE_NOOP("before_call", "everyone"),
    "client": QT_TRANSLATE_NOOP("before_call", "clients"),
    "clinician": QT_TRANSLATE_NOOP("before_call", "clinicians"),
    "privacy": QT_TRANSLATE_NOOP("before_call", "privacy matters")})



def fill_before_call(column: QVBoxLayout, service: JournalService, case: CaseView,
                     now: datetime, open_letter: Callable[[str], None] | None = None) -> None:
    """Fill the Before you call tab's ``column`` for ``case`` (``now`` for "open now");
    ``open_letter(kind)`` opens a letter's editor (None: the letters are listed only)."""
    clear_layout(column)
    column.addStretch(1)
    note = service.safety_note(case.issue_type)
    if note:
        add_to_column(column, NoticeBox(QCoreApplication.translate("before_call", "Your safety comes first"), note, QCoreApplication.translate("before_call", "Safety note")))

    add_checklist(column, service, case)

    add_to_column(column, heading(QCoreApplication.translate("before_call", "Ask on this call")))
    for n, prompt in enumerate(call_prompts(case.issue_type, case.fields), start=1):
        answer = QCoreApplication.translate("before_call", " (on file: {answer})").format(
            answer=prompt.answer) if prompt.answer else ""
        add_to_column(column, wrap_label(f"{n}. {prompt.text}{answer}", name=QCoreApplication.translate("before_call", "Call prompt"),
                                         selectable=bool(answer)))

    org = case.organization
    audience = AUDIENCE_NAMES["client" if case.role == "client" else "clinician"]
    add_to_column(column, heading(QCoreApplication.translate("before_call", "Where to reach {name} "
                                                                            "(for {audience})").format(
                                                                                name=org.name,
                                                                                audience=audience)))
    channels = service.channels_for(case)
    if not channels:
        add_to_column(column, muted(wrap_label(
            QCoreApplication.translate("before_call", "No channels on file for {name}. Look inside "
                                                      "your account (Help or Support), the website "
                                                      "footer or your onboarding e-mail, then add "
                                                      "them under Organizations.").format(
                                                          name=org.name), name=QCoreApplication.translate("before_call", "No channels"))))
    for ch in channels:
        add_to_column(column, channel_card(ch, now))
    if org.notes:
        add_to_column(column, muted(wrap_label(org.notes, name=QCoreApplication.translate("before_call", "Organization notes"))))
    expectations = service.what_to_expect(case)
    if expectations:
        add_to_column(column, heading(QCoreApplication.translate("before_call", "What to expect (typical, not promised)")))
        for item in expectations:
            add_to_column(column, wrap_label(item.text(), name=QCoreApplication.translate("before_call", "What to expect")))

    add_to_column(column, heading(QCoreApplication.translate("before_call", "Next step")))
    add_to_column(column, wrap_label(service.next_step(case), name=QCoreApplication.translate("before_call", "Next step"),
                                     selectable=True))
    from ..letters.panel import add_letters  # the letters' rules load with the tab

    add_letters(column, service, case, open_letter)

    add_outside_clocks(column, service, case)


def add_checklist(column: QVBoxLayout, service: JournalService, case: CaseView) -> None:
    """"Have ready": each item on file, missing or not needed, and the tickets to quote."""
    add_to_column(column, heading(QCoreApplication.translate("before_call", "Have ready")))
    items = service.checklist(case)
    needed = [i for i in items if not i.not_needed]
    missing = sum(1 for i in needed if not i.on_file)
    if needed:
        add_to_column(column, muted(wrap_label(
            QCoreApplication.translate("before_call", "{missing} of {len} missing: add them to the "
                                                      "case before you call.").format(
                                                          missing=missing, len=len(needed))
            if missing else QCoreApplication.translate("before_call", "Everything on the list is "
                                                                      "on file."),
            name=QCoreApplication.translate("before_call", "Checklist summary"))))
    for item in items:
        if item.not_needed:
            text = QCoreApplication.translate("before_call", "–  Not needed: {label} "
                                                             "({not_needed})").format(
                                                                 label=item.label,
                                                                 not_needed=item.not_needed)
        elif item.on_file:
            value = item.value
            if len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
                with contextlib.suppress(ValueError):
                    value = full_date(date.fromisoformat(value))
            value = " ".join(value.split())
            if len(value) > 120:
                value = value[:119] + "…"
            text = QCoreApplication.translate("before_call", "✓  On file: {label}").format(
                label=item.label) + (f" — {value}" if value else "")
        else:
            text = QCoreApplication.translate("before_call", "✗  Missing: {label}").format(
                label=item.label)
        label = wrap_label(text, name=QCoreApplication.translate("before_call", "Checklist item"), selectable=True)
        add_to_column(column, muted(label) if item.not_needed else label)
    if case.tickets:
        add_to_column(column, wrap_label(QCoreApplication.translate("before_call", "✓  Ticket numbers to quote: {join}").format(
            join=', '.join(case.tickets)),
                                         name=QCoreApplication.translate("before_call", "Checklist item"), selectable=True))


def add_outside_clocks(column: QVBoxLayout, service: JournalService, case: CaseView) -> None:
    """Deadlines outside the organization (agencies, chargebacks) with the days left."""
    clocks = service.outside_clocks(case)
    if clocks:
        add_to_column(column, heading(QCoreApplication.translate("before_call", "Outside clocks")))
        add_to_column(column, muted(wrap_label(
            QCoreApplication.translate("before_call", "General information to verify with the "
                                                      "agency; not legal advice."),
            name=QCoreApplication.translate("before_call", "Outside clocks note"))))
        today = date.today()
        for clock in clocks:
            left = clock.days_left(today)
            when = (QCoreApplication.translate("before_call", "{plural} left").format(
                plural=plural(left, 'day')) if left >= 0
                    else QCoreApplication.translate("before_call", "passed {plural} ago").format(
                        plural=plural(-left, 'day')))
            add_to_column(column, wrap_label(
                QCoreApplication.translate("before_call", "{name}: by {full_date} ({when}). "
                                                          "{rule}. {note}").format(
                                                              name=clock.name,
                                                              full_date=full_date(clock.deadline),
                                                              when=when, rule=clock.rule,
                                                              note=i18n.text(clock.note)), name=QCoreApplication.translate("before_call", "Outside clock"), selectable=True))


def channel_card(ch: Any, now: datetime) -> Card:
    """One way to reach the organization, with whether it is open now."""
    from ...journal.hours import is_open  # zoneinfo: not needed for the first screen

    name = CHANNEL_NAMES.get(ch.kind, ch.kind)
    card = Card(QCoreApplication.translate("before_call", "Channel {value}").format(
        value=ch.label or ch.value))
    top = QHBoxLayout()
    title = QLabel(ch.label or name)
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    title.setWordWrap(True)
    title.setAccessibleName(QCoreApplication.translate("before_call", "Channel name"))
    top.addWidget(title, 1)
    state = is_open(ch.hours, ch.timezone, now)
    if state is True:
        badge = Badge(QCoreApplication.translate("before_call", "open now"), key="resolved")
    elif state is False:
        badge = Badge(QCoreApplication.translate("before_call", "closed now"), key="closed")
    else:
        badge = Badge(QCoreApplication.translate("before_call", "hours unknown"), key="closed")
    badge.setAccessibleName(badge.text().lower())
    top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
    card.body.addLayout(top)
    card.body.addWidget(wrap_label(f"{name}: {ch.value}", name=QCoreApplication.translate("before_call", "Channel address"),
                                   selectable=True))
    detail = []
    if state is None:  # never "open" or "closed" on a guess
        detail.append(QCoreApplication.translate("before_call", "Hours {hours} not understood").format(
            hours=ch.hours) if ch.hours.strip()
                      else QCoreApplication.translate("before_call", "No opening hours on file"))
    elif ch.hours:
        detail.append(QCoreApplication.translate("before_call", "Hours {hours}").format(
            hours=ch.hours) + (f" ({ch.timezone})" if ch.timezone else
                                             QCoreApplication.translate("before_call", " (your local time)")))
    detail.append(QCoreApplication.translate("before_call", "for {get}").format(
        get=AUDIENCE_NAMES.get(ch.audience, ch.audience)))
    card.body.addWidget(wrap_label(" · ".join(detail), name=QCoreApplication.translate("before_call", "Channel hours")))
    card.body.addWidget(muted(wrap_label(ch.verification.capitalize(),
                                         name=QCoreApplication.translate("before_call", "Channel verification"))))
    return card
