"""The Timeline tab: one card per contact, promises inline, exhibits as thumbnails.

Promises show their state with Kept / Broken buttons (``mark_requested``; the pane writes it and
shows the next step in ``promise_notice`` above the cards); escalations sit on the contact that
asked for them, or get a card of their own; exhibits not tied to a contact get a card on the
day they were added. Cards are built ``CARD_CHUNK`` at a time, with a "Show more" button.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...journal.records import AttachmentView, CaseView, ContactView, EscalationView, PromiseView
from ...journal.service import JournalService
from ..format import full_date, full_moment, human_size, local_moment, plural
from ..translated import word
from ..widgets import GRID, Badge, Card, FlowLayout, wrap_label
from .common import (
    CHANNEL_NAMES,
    DIRECTION_HELP,
    DIRECTION_NAMES,
    add_to_column,
    clear_layout,
    graveyard,
    muted,
    scroll_page,
)
from .next_step import NextStepNotice

CARD_CHUNK = 40  # timeline cards built at a time; more on request


def promise_line(p: PromiseView) -> str:
    """'refund issued — within 5 business days, due Nov 30, 2026'."""
    due = full_moment(p.due.due_at) if p.due.due_at is not None else full_date(p.due.due_on)
    if p.business_days is None and p.hours is None:
        return QCoreApplication.translate("timeline", "{text} — due {due}").format(
            text=p.text, due=due)
    return QCoreApplication.translate("timeline", "{text} — {terms}, due {due}").format(
        text=p.text, terms=p.terms, due=due)



class TimelineTab(QWidget):
    """The contacts, promises, escalations and exhibits of one case, newest or oldest first."""

    log_contact_requested = Signal()
    edit_contact_requested = Signal(int)
    delete_contact_requested = Signal(int)
    attachment_activated = Signal(int)
    mark_requested = Signal(int, str)  # promise id, "kept" or "broken"

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.case: CaseView | None = None
        self.locked = False  # nothing can be changed (set by ``fill``)
        self._newest_first = True
        self._thumbs: dict[str, QIcon | None] = {}
        self._pending_items: list[tuple[str, Any]] = []
        self.setAccessibleName(QCoreApplication.translate("TimelineTab", "Timeline"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, GRID, 0, 0)
        layout.setSpacing(GRID // 2)
        bar = QHBoxLayout()
        bar.setContentsMargins(GRID * 2, 0, GRID * 2, 0)
        self.timeline_summary = QLabel()
        self.timeline_summary.setAccessibleName(QCoreApplication.translate("TimelineTab", "Timeline summary"))
        self.timeline_summary.setWordWrap(True)  # a narrow pane wraps it instead of widening
        bar.addWidget(self.timeline_summary, 1)
        self.order_button = QToolButton()
        self.order_button.setCheckable(True)
        self.order_button.setChecked(True)
        self.order_button.setAccessibleName(QCoreApplication.translate("TimelineTab", "Newest first"))
        self.order_button.setToolTip(QCoreApplication.translate("TimelineTab", "Show the newest or the oldest contact first"))
        self.order_button.toggled.connect(self.set_newest_first)
        self._update_order_button()
        bar.addWidget(self.order_button)
        layout.addLayout(bar)
        self.promise_notice = NextStepNotice()
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(GRID * 2, 0, GRID * 2, 0)
        notice_row.addWidget(self.promise_notice)
        layout.addLayout(notice_row)
        self.timeline_area, self.timeline_column = scroll_page(QCoreApplication.translate("TimelineTab", "Timeline cards"))
        layout.addWidget(self.timeline_area, 1)

    def set_service(self, service: JournalService) -> None:
        """The journal was reopened (after a restore): read it from now on."""
        self.service = service

    @property
    def newest_first(self) -> bool:
        return self._newest_first

    def set_newest_first(self, value: bool) -> None:
        if value == self._newest_first and self.order_button.isChecked() == value:
            return
        self._newest_first = value
        if self.order_button.isChecked() != value:
            self.order_button.setChecked(value)
        self._update_order_button()
        if self.case is not None:
            self._fill_timeline(self.case)

    def _update_order_button(self) -> None:
        self.order_button.setText(QCoreApplication.translate("TimelineTab", "Newest first ▾") if self._newest_first else QCoreApplication.translate("TimelineTab", "Oldest first ▴"))
        self.order_button.setAccessibleName(QCoreApplication.translate("TimelineTab", "Newest first") if self._newest_first
                                            else QCoreApplication.translate("TimelineTab", "Oldest first"))

    def fill(self, case: CaseView, *, locked: bool) -> None:
        """Show ``case``'s cards (``locked``: no button changes anything)."""
        self.case = case
        self.locked = locked
        self._fill_timeline(case)

    def _fill_timeline(self, case: CaseView) -> None:
        clear_layout(self.timeline_column)
        self.timeline_column.addStretch(1)
        promises = case.promises
        overdue = sum(1 for p in promises if p.state.code == "overdue")
        summary = [plural(len(case.contacts), "contact"), plural(len(promises), "promise")]
        if overdue:
            summary.append(QCoreApplication.translate("TimelineTab", "{overdue} overdue").format(
                overdue=overdue))
        if case.escalations:
            summary.append(plural(len(case.escalations), "escalation"))
        if case.attachments:
            summary.append(plural(len(case.attachments), "exhibit"))
        self.timeline_summary.setText(" · ".join(summary))
        loose = self._loose_exhibits(case)
        if not case.contacts and not case.escalations:
            button = QPushButton(QCoreApplication.translate("TimelineTab", "Log your first contact "
                                                                           "(Ctrl+L)"))
            button.setAccessibleName(QCoreApplication.translate("TimelineTab", "Log your first contact"))
            button.setMinimumHeight(GRID * 5)
            button.clicked.connect(self.log_contact_requested)
            button.setEnabled(not self.locked)
            hint = wrap_label(
                QCoreApplication.translate("TimelineTab", "Every call, chat, e-mail or ticket goes "
                                                          "here with who you spoke to, the ticket "
                "number and what they promised, so nothing depends on memory. Screenshots "
                "pasted here (Ctrl+V) or dropped on the window become exhibits of the case."),
                name=QCoreApplication.translate("TimelineTab", "Timeline hint"))
            add_to_column(self.timeline_column, button)
            add_to_column(self.timeline_column, muted(hint))
            if not loose:
                self._pending_items = []
                return
        items: list[tuple[datetime, int, str, Any]] = []
        for ct in case.contacts:
            items.append((ct.started_at, 0, "contact", ct))
        for esc in case.escalations:
            if esc.contact_id is None or all(c.id != esc.contact_id for c in case.contacts):
                at = datetime.combine(esc.requested_on, time(12, 0), UTC)
                items.append((at, 1, "escalation", esc))
        for group in loose:
            items.append((max(a.added_at for a in group), 2, "exhibits", group))
        items.sort(key=lambda t: (t[0], t[1]), reverse=self._newest_first)
        self._pending_items = [(kind, obj) for _at, _o, kind, obj in items]
        self._build_more_cards()

    def _build_more_cards(self) -> None:
        assert self.case is not None
        # drop a previous "show more" button
        last = self.timeline_column.count() - 2
        if last >= 0:
            item = self.timeline_column.itemAt(last)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.objectName() == "more":
                self.timeline_column.takeAt(last)
                widget.hide()
                widget.setParent(graveyard())
                widget.deleteLater()
        chunk, self._pending_items = (self._pending_items[:CARD_CHUNK],
                                      self._pending_items[CARD_CHUNK:])
        for kind, obj in chunk:
            if kind == "contact":
                add_to_column(self.timeline_column, self._contact_card(self.case, obj))
            elif kind == "exhibits":
                add_to_column(self.timeline_column, self._exhibits_card(obj))
            else:
                add_to_column(self.timeline_column, self._escalation_card(obj))
        if self._pending_items:
            more = QPushButton(QCoreApplication.translate("TimelineTab", "Show {min} more ({len} "
                                                                         "not shown)").format(
                                                                             min=min(CARD_CHUNK, len(self._pending_items)),
                                                                             len=len(self._pending_items)))
            more.setObjectName("more")
            more.setAccessibleName(QCoreApplication.translate("TimelineTab", "Show more contacts"))
            more.clicked.connect(self._build_more_cards)
            add_to_column(self.timeline_column, more)

    def _contact_card(self, case: CaseView, ct: ContactView) -> Card:
        channel = CHANNEL_NAMES.get(ct.channel, ct.channel)
        direction = DIRECTION_NAMES.get(ct.direction, ct.direction)
        when = full_moment(ct.started_at)
        card = Card(QCoreApplication.translate("TimelineTab", "Contact {when} {channel} "
                                                              "{direction}").format(
                                                                  when=when, channel=channel,
                                                                  direction=direction))
        card.setProperty("contact_id", ct.id)
        card.body.addLayout(self._contact_top(ct, channel, direction, when))
        self._contact_details(card, ct)
        for p in ct.promises:
            card.body.addWidget(self._promise_row(p))
        if not ct.promises:
            card.body.addWidget(self._expected_row(case, ct))
        for esc in case.escalations:
            if esc.contact_id == ct.id:
                card.body.addWidget(self._escalation_row(esc))
        if ct.attachments:
            card.body.addWidget(self._thumbnail_row(ct.attachments))
        if ct.recorded_late_days >= 1:
            late = wrap_label(
                QCoreApplication.translate("TimelineTab", "Written down {plural} later, on "
                                                          "{local_moment}.").format(
                                                              plural=plural(ct.recorded_late_days, 'day'),
                                                              local_moment=local_moment(ct.recorded_at)), name=QCoreApplication.translate("TimelineTab", "Recorded later"))
            card.body.addWidget(muted(late))
        return card

    def _contact_top(self, ct: ContactView, channel: str, direction: str,
                     when: str) -> QHBoxLayout:
        """Channel and direction, the moment, how it was captured and the actions menu."""
        top = QHBoxLayout()
        top.setSpacing(GRID)
        kind = QLabel(f"{channel} · {direction}")
        font = kind.font()
        font.setBold(True)
        kind.setFont(font)
        kind.setToolTip(DIRECTION_HELP.get(ct.direction, ""))
        kind.setAccessibleName(QCoreApplication.translate("TimelineTab", "Channel and direction"))
        top.addWidget(kind)
        stamp = QLabel(when)
        stamp.setAccessibleName(QCoreApplication.translate("TimelineTab", "Contact date"))
        stamp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(stamp)
        top.addWidget(source_label(ct.source))  # how it was captured (typed: nothing shown)
        top.addStretch(1)
        actions = QToolButton()
        actions.setText("⋯")
        actions.setAccessibleName(QCoreApplication.translate("TimelineTab", "Contact actions"))
        actions.setToolTip(QCoreApplication.translate("TimelineTab", "Edit or delete this contact"))
        actions.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        actions.setAutoRaise(True)
        actions.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        menu = QMenu(actions)
        edit = menu.addAction(QCoreApplication.translate("TimelineTab", "Edit contact…"))
        edit.triggered.connect(lambda _c=False, cid=ct.id: self.edit_contact_requested.emit(cid))
        delete = menu.addAction(QCoreApplication.translate("TimelineTab", "Delete contact…"))
        delete.triggered.connect(
            lambda _c=False, cid=ct.id: self.delete_contact_requested.emit(cid))
        actions.setMenu(menu)
        actions.setEnabled(not self.locked)
        top.addWidget(actions)
        return top


    def _contact_details(self, card: Card, ct: ContactView) -> None:
        """Who, how long, tickets, summary and outcome."""

        who = [", ".join(x for x in (ct.rep_name, ct.rep_title) if x)]
        if ct.rep_id:
            who.append(QCoreApplication.translate("TimelineTab", "ID {rep_id}").format(
                rep_id=ct.rep_id))
        minutes = ct.duration_minutes
        if minutes is not None:
            length = QCoreApplication.translate("TimelineTab", "{minutes} min").format(
                minutes=minutes)
            if ct.hold_minutes:
                length += QCoreApplication.translate("TimelineTab", " ({hold_minutes} on hold)").format(
                    hold_minutes=ct.hold_minutes)
            who.append(length)
        elif ct.hold_minutes:
            who.append(QCoreApplication.translate("TimelineTab", "{hold_minutes} min on hold").format(
                hold_minutes=ct.hold_minutes))
        who_text = " · ".join(x for x in who if x)
        if who_text:
            card.body.addWidget(wrap_label(who_text, name=QCoreApplication.translate("TimelineTab", "Representative"), selectable=True))
        if ct.tickets:
            word = QCoreApplication.translate("TimelineTab", "Ticket") if len(ct.tickets) == 1 else QCoreApplication.translate("TimelineTab", "Tickets")
            card.body.addWidget(wrap_label(f"{word}: {', '.join(ct.tickets)}",
                                           name=QCoreApplication.translate("TimelineTab", "Ticket numbers"), selectable=True))
        if ct.summary:
            card.body.addWidget(wrap_label(ct.summary, name=QCoreApplication.translate("TimelineTab", "Summary"), selectable=True))
        if ct.outcome:
            card.body.addWidget(wrap_label(QCoreApplication.translate("TimelineTab", "Outcome: {outcome}").format(
                outcome=ct.outcome), name=QCoreApplication.translate("TimelineTab", "Outcome"),
                                           selectable=True))

    def _promise_row(self, p: PromiseView) -> QWidget:
        """[PROMISE] what, terms and due date — then its state and Kept / Broken below."""
        row = QWidget()
        row.setAccessibleName(QCoreApplication.translate("TimelineTab", "Promise: {text}").format(
            text=p.text))
        row.setProperty("promise_id", p.id)
        grid = QGridLayout(row)
        grid.setContentsMargins(0, GRID // 2, 0, 0)
        grid.setHorizontalSpacing(GRID)
        grid.setVerticalSpacing(GRID // 2)
        grid.addWidget(Badge("promise"), 0, 0, Qt.AlignmentFlag.AlignTop)
        text = wrap_label(promise_line(p), name=QCoreApplication.translate("TimelineTab", "Promise"), selectable=True)
        grid.addWidget(text, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        actions = FlowLayout(spacing=GRID)  # wraps in a narrow pane or with big text
        state = Badge(p.state.label, key=p.state.code)
        state.setAccessibleName(QCoreApplication.translate("TimelineTab", "Promise state: "
                                                                          "{label}").format(
                                                                              label=p.state.label))
        state.setObjectName("promise_state")
        actions.addWidget(state)
        for status, label in (("kept", QCoreApplication.translate("TimelineTab", "Kept")), ("broken", QCoreApplication.translate("TimelineTab", "Broken"))):
            button = QPushButton(label)
            button.setAccessibleName(QCoreApplication.translate("TimelineTab", "Mark {status}: {text}").format(
                status=status, text=p.text))
            button.setToolTip(QCoreApplication.translate("TimelineTab", "Record that this promise "
                                                                        "was {status} (kept in the "
                                                                        "history)").format(
                                                                            status=status))
            button.setEnabled(p.status != status and not self.locked)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(
                lambda _c=False, pid=p.id, st=status: self.mark_requested.emit(pid, st))
            actions.addWidget(button)
        grid.addLayout(actions, 1, 1)
        return row

    def _expected_row(self, case: CaseView, ct: ContactView) -> QWidget:
        er = self.service.typical_response(case, ct)
        if er is None:
            text = (QCoreApplication.translate("TimelineTab", "No promise recorded, and there is "
                                                              "no typical reply time for this; "
                    "ask for one next time."))
        else:
            text = QCoreApplication.translate("TimelineTab", "No promise recorded. Typical for "
                                                             "{description}: {label}").format(
                                                                 description=i18n.text(er.description),
                                                                 label=er.label())
        return muted(wrap_label(text, name=QCoreApplication.translate("TimelineTab", "Expected response")))

    def _escalation_row(self, esc: EscalationView) -> QWidget:
        row = QWidget()
        row.setAccessibleName(QCoreApplication.translate("TimelineTab", "Escalation"))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, GRID // 2, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(Badge("escalation"), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(wrap_label(self._escalation_text(esc), name=QCoreApplication.translate("TimelineTab", "Escalation details"),
                                    selectable=True), 1, Qt.AlignmentFlag.AlignTop)
        return row

    @staticmethod
    def _escalation_text(esc: EscalationView) -> str:
        parts = [QCoreApplication.translate("TimelineTab", "to {level}").format(
            level=word(esc.level)) if esc.level else QCoreApplication.translate("TimelineTab", "escalated")]
        owner = ", ".join(x for x in (esc.owner_name, esc.owner_title) if x)
        if owner:
            parts.append(QCoreApplication.translate("TimelineTab", "owner {owner}").format(
                owner=owner))
        if esc.reference:
            parts.append(QCoreApplication.translate("TimelineTab", "ref {reference}").format(
                reference=esc.reference))
        parts.append(QCoreApplication.translate("TimelineTab", "requested {full_date}").format(
            full_date=full_date(esc.requested_on)))
        text = " · ".join(parts)
        return f"{text}\n{esc.notes}" if esc.notes else text

    def _escalation_card(self, esc: EscalationView) -> Card:
        card = Card(QCoreApplication.translate("TimelineTab", "Escalation {full_date}").format(
            full_date=full_date(esc.requested_on)))
        card.body.addWidget(self._escalation_row(esc))
        return card

    @staticmethod
    def _loose_exhibits(case: CaseView) -> list[tuple[AttachmentView, ...]]:
        """Exhibits not shown on a contact's card, grouped by the (local) day they were added."""
        contact_ids = {ct.id for ct in case.contacts}
        days: dict[date, list[AttachmentView]] = {}
        for att in case.attachments:
            if att.contact_id is not None and att.contact_id in contact_ids:
                continue
            added = att.added_at if att.added_at.tzinfo else att.added_at.replace(tzinfo=UTC)
            days.setdefault(added.astimezone().date(), []).append(att)
        return [tuple(group) for _day, group in sorted(days.items())]

    def _exhibits_card(self, attachments: tuple[AttachmentView, ...]) -> Card:
        first = attachments[0].added_at
        if first.tzinfo is None:
            first = first.replace(tzinfo=UTC)
        day = full_date(first.astimezone().date())
        card = Card(QCoreApplication.translate("TimelineTab", "Exhibits added {day}").format(
            day=day))
        card.setProperty("exhibits", True)
        top = QHBoxLayout()
        top.setSpacing(GRID)
        kind = QLabel(QCoreApplication.translate("TimelineTab", "Exhibit") if len(attachments) == 1 else QCoreApplication.translate("TimelineTab", "Exhibits"))
        font = kind.font()
        font.setBold(True)
        kind.setFont(font)
        kind.setAccessibleName(QCoreApplication.translate("TimelineTab", "Exhibits added"))
        top.addWidget(kind)
        stamp = QLabel(QCoreApplication.translate("TimelineTab", "added {day}").format(day=day))
        stamp.setAccessibleName(QCoreApplication.translate("TimelineTab", "Date added"))
        top.addWidget(stamp)
        top.addStretch(1)
        card.body.addLayout(top)
        card.body.addWidget(self._thumbnail_row(attachments, label=QCoreApplication.translate("TimelineTab", "Exhibits of the case")))
        return card

    def _thumbnail(self, att: AttachmentView) -> QIcon | None:
        if att.sha256 in self._thumbs:
            return self._thumbs[att.sha256]
        icon: QIcon | None = None
        if att.preview_ok:
            try:
                data = self.service.store.thumbnail_bytes(att.sha256)
                if data is not None:
                    pixmap = QPixmap()
                    if pixmap.loadFromData(data):
                        icon = QIcon(pixmap)
            except Exception:  # the attachment store may not be there yet; never fail a card
                icon = None
        self._thumbs[att.sha256] = icon
        return icon

    def _thumbnail_row(self, attachments: tuple[AttachmentView, ...], *,
                       label: str = "Exhibits of this contact") -> QWidget:
        row = QWidget()
        row.setAccessibleName(label)
        layout = FlowLayout(row, spacing=GRID)  # many exhibits wrap instead of widening
        layout.setContentsMargins(0, GRID // 2, 0, 0)
        for att in attachments:
            button = QToolButton()
            name = att.caption or att.original_name
            icon = self._thumbnail(att)
            if icon is not None:
                button.setIcon(icon)
                button.setIconSize(QSize(96, 72))
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            else:
                button.setText(name if len(name) <= 28 else name[:27] + "…")
            button.setToolTip(f"{name} ({human_size(att.size)})")
            button.setAccessibleName(QCoreApplication.translate("TimelineTab", "Exhibit: {name}").format(
                name=name))
            button.clicked.connect(lambda _c=False, aid=att.id: self._activate_attachment(aid))
            layout.addWidget(button)
        return row

    def _activate_attachment(self, attachment_id: Any) -> None:
        if isinstance(attachment_id, int):
            self.attachment_activated.emit(attachment_id)


CAPTURE_WORDS = {"email": "from an e-mail", "transcript": "from a chat transcript",
                 "ocr-suggestion": "OCR suggestion accepted"}


def source_label(source: str) -> QLabel:
    """A muted note of how a contact was captured ("from an e-mail"); empty and hidden for a
    contact that was typed in."""
    words = "" if source == "typed" else CAPTURE_WORDS.get(source, source)
    label = QLabel(QCoreApplication.translate("Timeline", words) if words else "")
    label.setVisible(bool(words))
    label.setAccessibleName(QCoreApplication.translate("Timeline", "How it was captured"))
    label.setEnabled(False)  # the palette's muted text, in light and dark themes
    return label
