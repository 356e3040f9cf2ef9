"""The letters that apply to the case, in order, with their deadlines: one card each under
Before you call > Next step, with a button that opens the letter's editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from ...journal.letters.bodies import bodies_note
from ...journal.letters.plan import LetterStep, letter_steps
from ...journal.records import CaseView
from ...journal.service import JournalService
from ..case.common import add_to_column, muted
from ..widgets import Badge, Card, heading, wrap_label

__all__ = ["add_letters", "letter_card"]

_BADGES = {"passed": ("deadline passed", "overdue"), "close": ("deadline close", "escalated"),
           "sent": ("sent", "resolved")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Letters", text)


def letter_card(step: LetterStep, open_letter: Callable[[str], None] | None) -> Card:
    """One letter: its title and state, the deadline line, the warning and what comes first."""
    card = Card(QCoreApplication.translate("panel", "Letter {kind}").format(kind=step.kind))
    top = QHBoxLayout()
    title = wrap_label(step.title, name=QCoreApplication.translate("panel", "Letter title"))
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    top.addWidget(title, 1)
    if step.state in _BADGES:
        word, key = _BADGES[step.state]
        badge = Badge(_tr(word), key=key)
        badge.setAccessibleName(_tr(word))
        top.addWidget(badge)
    card.body.addLayout(top)
    card.body.addWidget(wrap_label(step.summary(), name=QCoreApplication.translate("panel", "Letter deadline"), selectable=True))
    if step.warning:
        warning = wrap_label(step.warning, name=QCoreApplication.translate("panel", "Letter warning"), selectable=True)
        if step.state in ("passed", "close"):
            bold = warning.font()
            bold.setBold(True)
            warning.setFont(bold)
        card.body.addWidget(warning)
    if step.note:
        card.body.addWidget(muted(wrap_label(step.note, name=QCoreApplication.translate("panel", "Letter note"))))
    if open_letter is not None:
        button = QPushButton(_tr("Open the letter…") if step.state == "sent"
                             else _tr("Write the letter…"))
        button.setAccessibleName(QCoreApplication.translate("panel", "Write {kind} letter").format(
            kind=step.kind))
        button.setToolTip(_tr("Draft it from the case, edit "
                                                                  "it, export it and mark it "
                                                                  "sent"))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False, k=step.kind: open_letter(k))
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        card.body.addLayout(row)
    return card


def add_letters(column: QVBoxLayout, service: JournalService, case: CaseView,
                open_letter: Callable[[str], None] | None, *, today: date | None = None) -> None:
    """"Letters and complaints": the steps that apply, and the note that it is general
    information to verify."""
    drafts = {k: (d.facts, d.sent_on) for k, d in service.letter_drafts(case.id).items()}
    steps = letter_steps(case, today=today or date.today(), drafts=drafts, cal=service.calendar)
    if not steps:
        return
    add_to_column(column, heading(_tr("Letters and "
                                                                          "complaints")))
    add_to_column(column, muted(wrap_label(bodies_note(), name=QCoreApplication.translate("panel", "Letters note"))))
    for step in steps:
        add_to_column(column, letter_card(step, open_letter))
