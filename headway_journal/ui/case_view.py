"""The right pane: what this case is (header) and its tabs.

Timeline (one card per contact, promises inline with Kept / Broken, exhibits as thumbnails;
exhibits not tied to a contact get a card on the day they were added), Details (the issue
type's fields from the registry), Exhibits (``attachments.ExhibitsPanel``: thumbnails, attach,
paste, drop, capture; built when the tab is first opened or ``exhibits`` is first used, so
start-up does not pay for it), Before you call (checklist, questions, channels with "open now", next
step, outside clocks, the safety note) and History (every change).

Everything shown comes from the service's plain views (CaseView and friends); writes go through
the service and then ``changed`` is emitted so the window can refresh the list and counts.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..journal.issue_types import ISSUE_TYPES, call_prompts
from ..journal.next_step import after_broken_promise
from ..journal.records import (
    AttachmentView,
    CaseView,
    ChangeView,
    ContactView,
    EscalationView,
    PromiseView,
)
from ..journal.service import JournalService, ServiceError
from .attachments import AttachmentController, ExhibitsPanel
from .next_step import NextStepNotice, PromiseMark
from .widgets import (
    GRID,
    Badge,
    Card,
    NoticeBox,
    full_date,
    full_moment,
    heading,
    human_size,
    local_moment,
    plural,
    wrap_label,
)

CHANNEL_NAMES = {
    "phone": "Phone", "chat": "Chat", "email": "E-mail", "ticket": "Ticket", "in-app": "In-app",
    "letter": "Letter", "in-person": "In person", "web": "Web", "portal": "Portal",
}
DIRECTION_NAMES = {"outbound": "outbound", "inbound": "inbound"}
DIRECTION_HELP = {"outbound": "you contacted them", "inbound": "they contacted you"}
AUDIENCE_NAMES = {"any": "everyone", "client": "clients", "clinician": "clinicians",
                  "privacy": "privacy matters"}

TAB_TIMELINE, TAB_DETAILS, TAB_EXHIBITS, TAB_BEFORE_CALL, TAB_HISTORY = range(5)
TAB_TITLES = ("Timeline", "Details", "Exhibits", "Before you call", "History")

CARD_CHUNK = 40  # timeline cards built at a time; more on request

FIELD_WORDS = {
    "rep_name": "representative", "rep_title": "representative's title",
    "rep_id": "representative ID", "started_at": "started", "ended_at": "ended",
    "hold_minutes": "minutes on hold", "opened_on": "opened", "desired_outcome": "desired outcome",
    "amount_disputed": "amount disputed", "organization_id": "organization",
    "issue_type": "issue type", "owner_name": "owner", "owner_title": "owner's title",
    "original_name": "file", "sha256": "SHA-256", "requested_on": "requested on",
}
ENTITY_WORDS = {
    "case": "Case", "contact": "Contact", "promise": "Promise", "escalation": "Escalation",
    "note": "Note", "attachment": "Exhibit", "organization": "Organization",
}
ACTION_WORDS = {
    "create": "added", "update": "edited", "delete": "deleted (restorable)", "restore": "restored",
    "remove": "removed from the exhibits (restorable)", "erase": "erased for good",
}


_GRAVEYARD: QWidget | None = None


def _graveyard() -> QWidget:
    """A never-shown holder for widgets on their way out (deleted at the next event loop)."""
    global _GRAVEYARD
    if _GRAVEYARD is None:
        _GRAVEYARD = QWidget()
        _GRAVEYARD.setObjectName("graveyard")
    return _GRAVEYARD


def clear_layout(layout: QLayout) -> None:
    """Empty ``layout``; safe inside a click handler of a widget being removed.

    The widgets leave the window at once (moved to a hidden holder, so nothing finds or shows
    them any more) and are deleted when control returns to the event loop.
    """
    holder = _graveyard()
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # count() said there was one; nothing more to take
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(holder)
            widget.deleteLater()
            continue
        inner = item.layout()
        if inner is not None:
            clear_layout(inner)


def scroll_page(name: str) -> tuple[QScrollArea, QVBoxLayout]:
    """A vertically scrolling page whose content is a top-aligned column."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(name)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget()
    inner.setAccessibleName(f"{name} content")
    column = QVBoxLayout(inner)
    column.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
    column.setSpacing(GRID + 4)
    column.addStretch(1)
    area.setWidget(inner)
    return area, column


def add_to_column(column: QVBoxLayout, widget: QWidget) -> None:
    """Insert before the trailing stretch."""
    column.insertWidget(column.count() - 1, widget)


def muted(label: QLabel) -> QLabel:
    """Secondary text: the text colour blended towards the background (still readable)."""
    pal = label.palette()
    text = pal.color(QPalette.ColorRole.WindowText)
    back = pal.color(QPalette.ColorRole.Window)
    mix = QColor(
        round(text.red() * 0.7 + back.red() * 0.3),
        round(text.green() * 0.7 + back.green() * 0.3),
        round(text.blue() * 0.7 + back.blue() * 0.3),
    )
    pal.setColor(QPalette.ColorRole.WindowText, mix)
    label.setPalette(pal)
    return label


def promise_line(p: PromiseView) -> str:
    """'refund issued — within 5 business days, due Nov 30, 2026'."""
    due = full_moment(p.due.due_at) if p.due.due_at is not None else full_date(p.due.due_on)
    if p.business_days is None and p.hours is None:
        return f"{p.text} — due {due}"
    return f"{p.text} — {p.terms}, due {due}"


def describe_change(ch: ChangeView, issue_type: str | None = None) -> tuple[str, list[str]]:
    """A change as a heading and detail lines, in words."""
    entity = ENTITY_WORDS.get(ch.entity, ch.entity.capitalize())
    changes = ch.changes or {}
    if ch.action == "status":
        old, new = (changes.get("status") or [None, None])[:2]
        if ch.entity == "promise":
            text = changes.get("text", "")
            if changes.get("undo"):
                return f"Promise “{text}” back to {new} (undo of marked {old})", []
            return f"Promise “{text}” marked {new} (was {old})", []
        return f"{entity} status changed from {old} to {new}", []
    title = f"{entity} {ACTION_WORDS.get(ch.action, ch.action)}"
    lines: list[str] = []
    spec_labels: dict[str, str] = {}
    if issue_type in ISSUE_TYPES:
        spec_labels = {s.name: s.label for s in ISSUE_TYPES[issue_type].fields}
    for key, value in changes.items():
        word = FIELD_WORDS.get(key, key.replace("_", " "))
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            if key == "fields" and isinstance(new, dict):
                old_d = old if isinstance(old, dict) else {}
                for fname, fval in new.items():
                    if old_d.get(fname) != fval:
                        label = spec_labels.get(fname, fname.replace("_", " "))
                        lines.append(_change_line(label, old_d.get(fname), fval, ch.action))
                for fname in old_d:
                    if fname not in new:
                        label = spec_labels.get(fname, fname.replace("_", " "))
                        lines.append(_change_line(label, old_d[fname], None, ch.action))
                continue
            if ch.action == "create" and _empty(new):
                continue
            lines.append(_change_line(word, old, new, ch.action))
        else:
            lines.append(f"{word}: {_fmt_value(value)}")
    return title, lines


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or value == 0


def _change_line(word: str, old: Any, new: Any, action: str) -> str:
    if action == "create" or _empty(old):
        return f"{word}: {_fmt_value(new)}"
    return f"{word}: {_fmt_value(old)} → {_fmt_value(new)}"


def _fmt_value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(_fmt_value(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_fmt_value(v)}" for k, v in value.items()) or "(none)"
    if isinstance(value, str):
        if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
            try:
                if len(value) == 10:
                    return full_date(date.fromisoformat(value))
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is not None:
                    return full_moment(moment)
            except ValueError:
                pass
        text = " ".join(value.split())
        return text if len(text) <= 160 else text[:159] + "…"
    return str(value)


class CasePane(QWidget):
    """Header and tabs for one case."""

    changed = Signal()  # something was written through the service
    error = Signal(str)  # a write failed; the text is for the user
    log_contact_requested = Signal()
    edit_contact_requested = Signal(int)
    delete_contact_requested = Signal(int)
    restore_case_requested = Signal(int)
    attachment_activated = Signal(int)
    exhibits_created = Signal(object)  # the ExhibitsPanel, once, when it is first built
    promise_marked = Signal(object)  # a PromiseMark: a promise was marked kept or broken
    promise_unmarked = Signal(object)  # a PromiseMark undone (its previous status is back)

    def __init__(self, service: JournalService, parent: QWidget | None = None, *,
                 controller: AttachmentController | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.controller = controller or AttachmentController(service, self)
        self.case: CaseView | None = None
        self._before_call_case: int | None = None
        self.deleted = False
        self._newest_first = True
        self._thumbs: dict[str, QIcon | None] = {}
        self._pending_items: list[tuple[str, Any]] = []
        self._exhibits: ExhibitsPanel | None = None
        self.setAccessibleName("Case")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.placeholder = QLabel("Select a case on the left to see its timeline.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName("No case selected")
        self.stack.addWidget(self.placeholder)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(GRID * 2, GRID + 4, GRID * 2, 0)
        column.setSpacing(GRID)
        column.addWidget(self._build_header())
        column.addWidget(self._build_deleted_banner())
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Case tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_timeline(), TAB_TITLES[TAB_TIMELINE])
        self.details_area, self.details_column = scroll_page("Details")
        self.tabs.addTab(self.details_area, TAB_TITLES[TAB_DETAILS])
        self.tabs.addTab(self._build_exhibits(), TAB_TITLES[TAB_EXHIBITS])
        self.before_area, self.before_column = scroll_page("Before you call")
        self.tabs.addTab(self.before_area, TAB_TITLES[TAB_BEFORE_CALL])
        self.history = QTextBrowser()
        self.history.setAccessibleName("Change history")
        self.history.setOpenLinks(False)
        self.tabs.addTab(self.history, TAB_TITLES[TAB_HISTORY])
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- building blocks ---------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        box = QWidget()
        box.setAccessibleName("Case header")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID // 2)
        top = QHBoxLayout()
        top.setSpacing(GRID)
        self.title_label = heading("", level=1)
        self.title_label.setAccessibleName("Case title")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        title_policy.setHeightForWidth(True)
        self.title_label.setSizePolicy(title_policy)
        self.status_badge = Badge()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.facts_label = wrap_label(name="Case facts", selectable=True)
        self.outcome_label = wrap_label(name="Case amount and outcome", selectable=True)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.outcome_label)
        return box

    def _build_deleted_banner(self) -> QWidget:
        self.deleted_banner = QFrame()
        self.deleted_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.deleted_banner.setAccessibleName("Deleted case notice")
        row = QHBoxLayout(self.deleted_banner)
        row.setContentsMargins(GRID, GRID // 2, GRID, GRID // 2)
        row.addWidget(wrap_label("This case is in Deleted. Nothing in it was erased.",
                                 name="This case is deleted"), 1)
        self.restore_button = QPushButton("Restore case")
        self.restore_button.setAccessibleName("Restore case")
        self.restore_button.clicked.connect(self._restore_clicked)
        row.addWidget(self.restore_button)
        self.deleted_banner.hide()
        return self.deleted_banner

    def _build_timeline(self) -> QWidget:
        page = QWidget()
        page.setAccessibleName("Timeline")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, GRID, 0, 0)
        layout.setSpacing(GRID // 2)
        bar = QHBoxLayout()
        bar.setContentsMargins(GRID * 2, 0, GRID * 2, 0)
        self.timeline_summary = QLabel()
        self.timeline_summary.setAccessibleName("Timeline summary")
        self.timeline_summary.setWordWrap(True)  # a narrow pane wraps it instead of widening
        bar.addWidget(self.timeline_summary, 1)
        self.order_button = QToolButton()
        self.order_button.setCheckable(True)
        self.order_button.setChecked(True)
        self.order_button.setAccessibleName("Newest first")
        self.order_button.setToolTip("Show the newest or the oldest contact first")
        self.order_button.toggled.connect(self.set_newest_first)
        self._update_order_button()
        bar.addWidget(self.order_button)
        layout.addLayout(bar)
        self.promise_notice = NextStepNotice()
        self.promise_notice.undo_requested.connect(self.undo_mark)
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(GRID * 2, 0, GRID * 2, 0)
        notice_row.addWidget(self.promise_notice)
        layout.addLayout(notice_row)
        self.timeline_area, self.timeline_column = scroll_page("Timeline cards")
        layout.addWidget(self.timeline_area, 1)
        return page

    def _build_exhibits(self) -> QWidget:
        """The Exhibits tab's page; the panel itself comes with the first use (``exhibits``)."""
        self.exhibits_page = QWidget()
        self.exhibits_page.setAccessibleName("Exhibits page")
        layout = QVBoxLayout(self.exhibits_page)
        layout.setContentsMargins(0, 0, 0, 0)
        return self.exhibits_page

    @property
    def exhibits(self) -> ExhibitsPanel:
        """The Exhibits tab's panel, built on first use and showing the current case."""
        if self._exhibits is None:
            panel = ExhibitsPanel(self.service, self.controller)
            self._exhibits = panel
            layout = self.exhibits_page.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.set_read_only(self.locked)
            panel.set_case(self.case)
            self.exhibits_created.emit(panel)
        return self._exhibits

    @property
    def exhibits_built(self) -> bool:
        return self._exhibits is not None

    def _tab_changed(self, index: int) -> None:
        if index == TAB_EXHIBITS:
            self.exhibits  # noqa: B018 - builds the panel the first time the tab is shown
        elif index == TAB_BEFORE_CALL:
            self.scroll_before_call_to_top()

    def scroll_before_call_to_top(self) -> None:
        """Before you call opens at its top (the checklist), now and once laid out."""
        bar = self.before_area.verticalScrollBar()
        bar.setValue(0)
        QTimer.singleShot(0, bar, lambda: bar.setValue(0))

    @property
    def timeline_page(self) -> QWidget:
        """The Timeline tab (Ctrl+V there attaches the clipboard's image or files)."""
        page = self.tabs.widget(TAB_TIMELINE)
        assert page is not None
        return page

    def set_service(self, service: JournalService) -> None:
        """The journal was reopened (after a restore): read it from now on."""
        self.service = service
        if self._exhibits is not None:
            self._exhibits.set_service(service)

    # -- public ------------------------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self.case.id if self.case is not None else None

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
        self.order_button.setText("Newest first ▾" if self._newest_first else "Oldest first ▴")
        self.order_button.setAccessibleName("Newest first" if self._newest_first
                                            else "Oldest first")

    @property
    def locked(self) -> bool:
        """Nothing shown can be changed: a case in Deleted, or a read-only journal."""
        return self.deleted or getattr(self.service, "read_only", None) is not None

    def show_case(self, case_id: int | None, *, deleted: bool = False) -> None:
        """Show a case (``None``: the placeholder). ``deleted`` allows a case in Deleted."""
        self.deleted = deleted
        if case_id is None or self.case is None or self.case.id != case_id:
            self.promise_notice.dismiss()  # it was about another case
        if case_id is None:
            self.case = None
            self._exhibits_show(None)
            self.stack.setCurrentIndex(0)
            return
        try:
            case = self.service.get_case(case_id, include_deleted=deleted)
        except ServiceError as exc:
            self.case = None
            self._exhibits_show(None)
            self.placeholder.setText(str(exc))
            self.stack.setCurrentIndex(0)
            return
        self.case = case
        self._fill(case)
        self.stack.setCurrentIndex(1)

    def reload(self, *, deleted: bool | None = None) -> None:
        """Show the current case again (after a change), keeping the scroll position."""
        if self.case is None:
            return
        bar = self.timeline_area.verticalScrollBar()
        position = bar.value()
        self.show_case(self.case.id, deleted=self.deleted if deleted is None else deleted)
        QTimer.singleShot(0, bar, lambda: bar.setValue(min(position, bar.maximum())))

    def set_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.case = None
        self._exhibits_show(None)
        self.stack.setCurrentIndex(0)

    def _exhibits_show(self, case: CaseView | None) -> None:
        """Show ``case`` in the Exhibits panel if it was built (else it will, when built)."""
        if self._exhibits is not None:
            self._exhibits.set_read_only(self.locked)
            self._exhibits.set_case(case)

    # -- filling -----------------------------------------------------------------------------

    def _fill(self, case: CaseView) -> None:
        self._fill_header(case)
        self.deleted_banner.setVisible(self.deleted)
        self.restore_button.setEnabled(getattr(self.service, "read_only", None) is None)
        self._fill_timeline(case)
        self._fill_details(case)
        self._exhibits_show(case)
        self._fill_before_call(case)
        self._fill_history(case)
        n = len(case.attachments)
        self.tabs.setTabText(TAB_EXHIBITS, f"Exhibits ({n})" if n else "Exhibits")

    def _fill_header(self, case: CaseView) -> None:
        self.title_label.setText(case.title)
        self.status_badge.set_word("deleted" if self.deleted else case.status)
        days = case.days_open()
        facts = [case.organization.name, case.issue_label, case.role,
                 f"opened {full_date(case.open_since)}", f"{days} d open"]
        self.facts_label.setText(" · ".join(facts))
        second = []
        if case.amount_label:
            second.append(f"{case.amount_label} disputed")
        if case.desired_outcome:
            second.append(f"wants: {case.desired_outcome}")
        self.outcome_label.setText(" · ".join(second))
        self.outcome_label.setVisible(bool(second))

    # Timeline

    def _fill_timeline(self, case: CaseView) -> None:
        clear_layout(self.timeline_column)
        self.timeline_column.addStretch(1)
        promises = case.promises
        overdue = sum(1 for p in promises if p.state.code == "overdue")
        summary = [plural(len(case.contacts), "contact"), plural(len(promises), "promise")]
        if overdue:
            summary.append(f"{overdue} overdue")
        if case.escalations:
            summary.append(plural(len(case.escalations), "escalation"))
        if case.attachments:
            summary.append(plural(len(case.attachments), "exhibit"))
        self.timeline_summary.setText(" · ".join(summary))
        loose = self._loose_exhibits(case)
        if not case.contacts and not case.escalations:
            button = QPushButton("Log your first contact (Ctrl+L)")
            button.setAccessibleName("Log your first contact")
            button.setMinimumHeight(GRID * 5)
            button.clicked.connect(self.log_contact_requested)
            button.setEnabled(not self.locked)
            hint = wrap_label(
                "Every call, chat, e-mail or ticket goes here with who you spoke to, the ticket "
                "number and what they promised, so nothing depends on memory. Screenshots "
                "pasted here (Ctrl+V) or dropped on the window become exhibits of the case.",
                name="Timeline hint")
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
                widget.setParent(_graveyard())
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
            more = QPushButton(f"Show {min(CARD_CHUNK, len(self._pending_items))} more "
                               f"({len(self._pending_items)} not shown)")
            more.setObjectName("more")
            more.setAccessibleName("Show more contacts")
            more.clicked.connect(self._build_more_cards)
            add_to_column(self.timeline_column, more)

    def _contact_card(self, case: CaseView, ct: ContactView) -> Card:
        channel = CHANNEL_NAMES.get(ct.channel, ct.channel)
        direction = DIRECTION_NAMES.get(ct.direction, ct.direction)
        when = full_moment(ct.started_at)
        card = Card(f"Contact {when} {channel} {direction}")
        card.setProperty("contact_id", ct.id)
        top = QHBoxLayout()
        top.setSpacing(GRID)
        kind = QLabel(f"{channel} · {direction}")
        font = kind.font()
        font.setBold(True)
        kind.setFont(font)
        kind.setToolTip(DIRECTION_HELP.get(ct.direction, ""))
        kind.setAccessibleName("Channel and direction")
        top.addWidget(kind)
        stamp = QLabel(when)
        stamp.setAccessibleName("Contact date")
        stamp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(stamp)
        top.addStretch(1)
        actions = QToolButton()
        actions.setText("⋯")
        actions.setAccessibleName("Contact actions")
        actions.setToolTip("Edit or delete this contact")
        actions.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        actions.setAutoRaise(True)
        actions.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        menu = QMenu(actions)
        edit = menu.addAction("Edit contact…")
        edit.triggered.connect(lambda _c=False, cid=ct.id: self.edit_contact_requested.emit(cid))
        delete = menu.addAction("Delete contact…")
        delete.triggered.connect(
            lambda _c=False, cid=ct.id: self.delete_contact_requested.emit(cid))
        actions.setMenu(menu)
        actions.setEnabled(not self.locked)
        top.addWidget(actions)
        card.body.addLayout(top)

        who = [", ".join(x for x in (ct.rep_name, ct.rep_title) if x)]
        if ct.rep_id:
            who.append(f"ID {ct.rep_id}")
        minutes = ct.duration_minutes
        if minutes is not None:
            length = f"{minutes} min"
            if ct.hold_minutes:
                length += f" ({ct.hold_minutes} on hold)"
            who.append(length)
        elif ct.hold_minutes:
            who.append(f"{ct.hold_minutes} min on hold")
        who_text = " · ".join(x for x in who if x)
        if who_text:
            card.body.addWidget(wrap_label(who_text, name="Representative", selectable=True))
        if ct.tickets:
            word = "Ticket" if len(ct.tickets) == 1 else "Tickets"
            card.body.addWidget(wrap_label(f"{word}: {', '.join(ct.tickets)}",
                                           name="Ticket numbers", selectable=True))
        if ct.summary:
            card.body.addWidget(wrap_label(ct.summary, name="Summary", selectable=True))
        if ct.outcome:
            card.body.addWidget(wrap_label(f"Outcome: {ct.outcome}", name="Outcome",
                                           selectable=True))
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
                f"Written down {plural(ct.recorded_late_days, 'day')} later, on "
                f"{local_moment(ct.recorded_at)}.", name="Recorded later")
            card.body.addWidget(muted(late))
        return card

    def _promise_row(self, p: PromiseView) -> QWidget:
        """[PROMISE] what, terms and due date — then its state and Kept / Broken below."""
        row = QWidget()
        row.setAccessibleName(f"Promise: {p.text}")
        row.setProperty("promise_id", p.id)
        grid = QGridLayout(row)
        grid.setContentsMargins(0, GRID // 2, 0, 0)
        grid.setHorizontalSpacing(GRID)
        grid.setVerticalSpacing(GRID // 2)
        grid.addWidget(Badge("promise"), 0, 0, Qt.AlignmentFlag.AlignTop)
        text = wrap_label(promise_line(p), name="Promise", selectable=True)
        grid.addWidget(text, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.setSpacing(GRID)
        state = Badge(p.state.label, key=p.state.code)
        state.setAccessibleName(f"Promise state: {p.state.label}")
        state.setObjectName("promise_state")
        actions.addWidget(state)
        for status, label in (("kept", "Kept"), ("broken", "Broken")):
            button = QPushButton(label)
            button.setAccessibleName(f"Mark {status}: {p.text}")
            button.setToolTip(f"Record that this promise was {status} (kept in the history)")
            button.setEnabled(p.status != status and not self.locked)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(
                lambda _c=False, pid=p.id, st=status: self.set_promise_status(pid, st))
            actions.addWidget(button)
        actions.addStretch(1)
        grid.addLayout(actions, 1, 1)
        return row

    def _expected_row(self, case: CaseView, ct: ContactView) -> QWidget:
        er = self.service.typical_response(case, ct)
        if er is None:
            text = ("No promise recorded, and there is no typical reply time for this; "
                    "ask for one next time.")
        else:
            text = f"No promise recorded. Typical for {er.description}: {er.label()}"
        return muted(wrap_label(text, name="Expected response"))

    def _escalation_row(self, esc: EscalationView) -> QWidget:
        row = QWidget()
        row.setAccessibleName("Escalation")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, GRID // 2, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(Badge("escalation"), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(wrap_label(self._escalation_text(esc), name="Escalation details",
                                    selectable=True), 1, Qt.AlignmentFlag.AlignTop)
        return row

    @staticmethod
    def _escalation_text(esc: EscalationView) -> str:
        parts = [f"to {esc.level}" if esc.level else "escalated"]
        owner = ", ".join(x for x in (esc.owner_name, esc.owner_title) if x)
        if owner:
            parts.append(f"owner {owner}")
        if esc.reference:
            parts.append(f"ref {esc.reference}")
        parts.append(f"requested {full_date(esc.requested_on)}")
        text = " · ".join(parts)
        return f"{text}\n{esc.notes}" if esc.notes else text

    def _escalation_card(self, esc: EscalationView) -> Card:
        card = Card(f"Escalation {full_date(esc.requested_on)}")
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
        card = Card(f"Exhibits added {day}")
        card.setProperty("exhibits", True)
        top = QHBoxLayout()
        top.setSpacing(GRID)
        kind = QLabel("Exhibit" if len(attachments) == 1 else "Exhibits")
        font = kind.font()
        font.setBold(True)
        kind.setFont(font)
        kind.setAccessibleName("Exhibits added")
        top.addWidget(kind)
        stamp = QLabel(f"added {day}")
        stamp.setAccessibleName("Date added")
        top.addWidget(stamp)
        top.addStretch(1)
        card.body.addLayout(top)
        card.body.addWidget(self._thumbnail_row(attachments, label="Exhibits of the case"))
        return card

    def _thumbnail(self, att: AttachmentView) -> QIcon | None:
        if att.sha256 in self._thumbs:
            return self._thumbs[att.sha256]
        icon: QIcon | None = None
        if att.preview_ok:
            try:
                path = self.service.store.thumbnail(att.sha256)
                if path is not None:
                    pixmap = QPixmap(str(path))
                    if not pixmap.isNull():
                        icon = QIcon(pixmap)
            except Exception:  # the attachment store may not be there yet; never fail a card
                icon = None
        self._thumbs[att.sha256] = icon
        return icon

    def _thumbnail_row(self, attachments: tuple[AttachmentView, ...], *,
                       label: str = "Exhibits of this contact") -> QWidget:
        row = QWidget()
        row.setAccessibleName(label)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, GRID // 2, 0, 0)
        layout.setSpacing(GRID)
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
            button.setAccessibleName(f"Exhibit: {name}")
            button.clicked.connect(lambda _c=False, aid=att.id: self._activate_attachment(aid))
            layout.addWidget(button)
        layout.addStretch(1)
        return row

    def _activate_attachment(self, attachment_id: Any) -> None:
        if isinstance(attachment_id, int):
            self.attachment_activated.emit(attachment_id)

    # Details

    def _fill_details(self, case: CaseView) -> None:
        clear_layout(self.details_column)
        self.details_column.addStretch(1)
        about = QWidget()
        form = QFormLayout(about)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(GRID * 2)
        form.setVerticalSpacing(GRID)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def row(label: str, value: str, *, missing: str = "—") -> None:
            field = wrap_label(value or missing, name=label, selectable=True)
            if not value:
                muted(field)
            form.addRow(f"{label}:", field)

        add_to_column(self.details_column, heading("About this case"))
        row("Organization", case.organization.name)
        row("Issue type", case.issue_label)
        row("You are the", case.role)
        row("Status", case.status)
        row("Opened", full_date(case.open_since))
        row("Amount disputed", case.amount_label)
        row("Desired outcome", case.desired_outcome)
        row("Summary", case.summary)
        row("Case reference", case.key)
        add_to_column(self.details_column, about)

        it = ISSUE_TYPES.get(case.issue_type)
        if it is not None:
            add_to_column(self.details_column, heading(f"{it.label} details"))
            fields_box = QWidget()
            fform = QFormLayout(fields_box)
            fform.setContentsMargins(0, 0, 0, 0)
            fform.setHorizontalSpacing(GRID * 2)
            fform.setVerticalSpacing(GRID)
            fform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in it.fields:
                value = case.fields.get(spec.name, "")
                if spec.kind == "date" and value:
                    with contextlib.suppress(ValueError):
                        value = full_date(date.fromisoformat(value))
                field = wrap_label(value or "not on file yet", name=spec.label, selectable=True)
                if not value:
                    muted(field)
                if spec.help:
                    field.setToolTip(spec.help)
                fform.addRow(f"{spec.label}:", field)
            add_to_column(self.details_column, fields_box)

        if case.tickets:
            add_to_column(self.details_column, heading("Ticket and reference numbers"))
            add_to_column(self.details_column,
                          wrap_label(", ".join(case.tickets), name="All ticket numbers",
                                     selectable=True))
        add_to_column(self.details_column, heading("Notes"))
        if case.notes:
            for note in case.notes:
                card = Card(f"Note {local_moment(note.created_at)}")
                card.body.addWidget(muted(QLabel(local_moment(note.created_at))))
                card.body.addWidget(wrap_label(note.body, name="Note", selectable=True))
                add_to_column(self.details_column, card)
        else:
            add_to_column(self.details_column, muted(wrap_label("No notes.", name="No notes")))

    # Before you call

    def _fill_before_call(self, case: CaseView, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        column = self.before_column
        if case.id != self._before_call_case:  # another case starts at the top
            self._before_call_case = case.id
            self.scroll_before_call_to_top()
        clear_layout(column)
        column.addStretch(1)
        note = self.service.safety_note(case.issue_type)
        if note:
            add_to_column(column, NoticeBox("Your safety comes first", note, "Safety note"))

        add_to_column(column, heading("Have ready"))
        items = self.service.checklist(case)
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

        add_to_column(column, heading("Ask on this call"))
        for n, prompt in enumerate(call_prompts(case.issue_type, case.fields), start=1):
            answer = f" (on file: {prompt.answer})" if prompt.answer else ""
            add_to_column(column, wrap_label(f"{n}. {prompt.text}{answer}", name="Call prompt",
                                             selectable=bool(answer)))

        org = case.organization
        audience = "clients" if case.role == "client" else "clinicians"
        add_to_column(column, heading(f"Where to reach {org.name} (for {audience})"))
        channels = self.service.channels_for(case)
        if not channels:
            add_to_column(column, muted(wrap_label(
                f"No channels on file for {org.name}. Look inside your account (Help or "
                "Support), the website footer or your onboarding e-mail, then add them under "
                "Organizations.", name="No channels")))
        for ch in channels:
            add_to_column(column, self._channel_card(ch, now))
        if org.notes:
            add_to_column(column, muted(wrap_label(org.notes, name="Organization notes")))
        expectations = self.service.what_to_expect(case)
        if expectations:
            add_to_column(column, heading("What to expect (typical, not promised)"))
            for item in expectations:
                add_to_column(column, wrap_label(item.text(), name="What to expect"))

        add_to_column(column, heading("Next step"))
        add_to_column(column, wrap_label(self.service.next_step(case), name="Next step",
                                         selectable=True))

        clocks = self.service.outside_clocks(case)
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

    def _channel_card(self, ch: Any, now: datetime) -> Card:
        from ..journal.hours import is_open  # zoneinfo: not needed for the first screen

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

    # History

    def _fill_history(self, case: CaseView) -> None:
        import html  # html.entities: not needed for the first screen

        changes = self.service.history(case.id)
        parts = []
        for ch in reversed(changes):
            title, lines = describe_change(ch, case.issue_type)
            parts.append(f"<p><b>{html.escape(local_moment(ch.at))}</b> · {html.escape(title)}")
            if lines:
                parts.append("<br>" + "<br>".join(
                    "&nbsp;&nbsp;" + html.escape(line) for line in lines))
            parts.append("</p>")
        if not parts:
            parts.append("<p>No changes recorded.</p>")
        header = ("<p><i>Every change to this case, newest first, with the values before and "
                  "after. Entries are written by the app and cannot be edited.</i></p>")
        self.history.setHtml(header + "".join(parts))

    # -- writes ------------------------------------------------------------------------------

    def set_promise_status(self, promise_id: int, status: str) -> None:
        """Mark a promise; the notice above the timeline says what next and offers Undo."""
        try:
            before = self.service.set_promise_status(promise_id, status)
        except ServiceError as exc:
            self.error.emit(str(exc))
            return
        self.reload()
        self.changed.emit()
        case = self.case
        promise = next((p for p in case.promises if p.id == promise_id), None) if case else None
        if case is None or promise is None or before == status:
            return
        mark = PromiseMark(promise_id, case.id, promise.text, before, status)
        advice = after_broken_promise(case, promise) if status == "broken" else None
        self.promise_notice.show_mark(mark, advice)
        self.promise_marked.emit(mark)

    def undo_mark(self, mark: PromiseMark) -> bool:
        """Put back the status ``mark`` replaced, unless the promise changed again since."""
        try:
            case = self.service.get_case(mark.case_id)
            now = next((p.status for p in case.promises if p.id == mark.promise_id), None)
            if now != mark.after:
                self.error.emit(f"The promise “{mark.text}” was changed again since; nothing "
                                "was undone.")
                self.promise_notice.dismiss()
                self.promise_unmarked.emit(mark)
                return False
            self.service.set_promise_status(mark.promise_id, mark.before, undo=True)
        except ServiceError as exc:
            self.error.emit(str(exc))
            return False
        if self.case is not None and self.case.id == mark.case_id:
            self.reload()
            self.promise_notice.show_undone(mark)
        self.changed.emit()
        self.promise_unmarked.emit(mark)
        return True

    def _restore_clicked(self) -> None:
        if self.case is not None:
            self.restore_case_requested.emit(self.case.id)
