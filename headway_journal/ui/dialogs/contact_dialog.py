"""Log a contact (Ctrl+L), made to be filled in while on the phone.

The clock runs from the moment the dialog opens; hold is one key (H, or Alt+H from a text field);
ticket numbers are chips (Enter adds one); a promise is one line with its due date computed as it is
typed. Everything is autosaved as a draft half a second after each change, so nothing typed is ever
lost; a draft left behind is offered back when the dialog opens again or the app starts.

Exhibits (the strip above the buttons, ``exhibit_strip.ExhibitStrip``): "Attach…", Ctrl+V anywhere
in the dialog (``paste.WindowPaste``: a screenshot or copied files are attached, also from a text
box; text pasted into a text box stays text), or files and images dropped anywhere on the dialog.
For a new contact they are kept (chips with ×) and attached with the new contact's id right after
``log_contact`` succeeds; the dialog closes when they are stored. An edited contact attaches at
once. ``attached_ids`` and ``attach_messages`` (problems and notices in plain words) are there for
the window afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEventLoop,
    QRegularExpression,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal import deadlines as dl
from headway_journal.journal.records import (
    CHANNELS,
    DIRECTIONS,
    MAX_HOLD_MINUTES,
    CaseView,
    ContactInput,
    EscalationInput,
    PromiseInput,
)
from headway_journal.journal.service import JournalService, ServiceError, ValidationError
from headway_journal.ui.attachments import AttachmentController, install_drop_target
from headway_journal.ui.completion import click_through
from headway_journal.ui.drafts import DraftKeeper, DraftStore, offer_draft
from headway_journal.ui.fit import fit_to_screen
from headway_journal.ui.paste import install_window_paste
from headway_journal.ui.widgets import FlowLayout

from .call_times import RULE_HINT, CallTimes, from_qdatetime, to_qdatetime
from .examples import show_contact_examples, show_promise_example
from .exhibit_strip import ExhibitStrip
from .form_builder import (
    GRID,
    ErrorLabel,
    HintLabel,
    NoteBox,
    add_save_shortcuts,
    make_form_layout,
    save_keys_hint,
    show_problems,
    with_error,
)

LIVE_CHANNELS = ("phone", "chat", "in-app", "in-person")
CHANNEL_LABELS = {"phone": "Phone", "chat": "Chat", "email": "E-mail", "ticket": "Ticket",
                  "in-app": "In the app", "letter": "Letter", "in-person": "In person"}
DIRECTION_LABELS = {"outbound": "I contacted them", "inbound": "They contacted me"}
UNITS = (("business days", "business days"), ("hours", "hours"), ("date", "by date"))
ESCALATION_LEVELS = ("supervisor", "escalations team", "manager", "formal complaint",
                     "privacy officer")
CORE_LABELS = {
    "started_at": "Started", "ended_at": "Ended", "hold_minutes": "Hold", "channel": "Channel",
    "direction": "Direction", "rep_name": "Representative", "rep_title": "Their title",
    "rep_id": "Their ID", "tickets": "Tickets", "summary": "Summary", "outcome": "Outcome",
}
ESC_LABELS = {"owner_name": "Owner name", "owner_title": "Owner title", "level": "Level",
              "reference": "Reference", "requested_on": "Escalation date", "notes": "Notes"}


def local_now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def offset_label(moment: datetime) -> str:
    off = moment.utcoffset() or timedelta()
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def clock_text(seconds: float) -> str:
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


def due_text(due: dl.PromiseDue, today: date) -> str:
    d = due.due_on
    text = f"{d:%a %b} {d.day}"
    if d.year != today.year:
        text += f" {d.year}"
    if due.due_at is not None:
        text += f" {due.due_at:%H:%M}"
    return f"→ due {text}"


# --- a flow layout for the ticket chips ---------------------------------------------------------


class _EnterLineEdit(QLineEdit):
    """A line edit that keeps Enter for itself (adds a chip) instead of passing it on."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TicketChips(QWidget):
    """Ticket numbers as chips: type a number, Enter adds it; × removes it."""

    changed = Signal()
    chips_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Tickets")
        self._tickets: list[str] = []
        self._chips: list[QFrame] = []
        self.flow = FlowLayout(self)
        self.input = _EnterLineEdit()
        self.input.setAccessibleName("Ticket number")
        self.input.setPlaceholderText("Ticket number, then Enter")
        self.input.setToolTip("Type a ticket or reference number and press Enter; add as many "
                              "as they give you.")
        self.input.setMinimumWidth(30 * GRID)
        self.input.entered.connect(self.add_pending)
        self.input.textEdited.connect(lambda _t: self.changed.emit())
        self.flow.addWidget(self.input)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.error = ErrorLabel("Tickets")

    def tickets(self) -> list[str]:
        return list(self._tickets)

    def pending(self) -> str:
        return self.input.text()

    def add_pending(self) -> None:
        text = self.input.text()
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        if not parts:
            return
        for part in parts:
            self.add(part)
        self.input.clear()
        self.changed.emit()

    def add(self, number: str) -> bool:
        number = " ".join(number.split())
        if not number:
            return False
        if number in self._tickets:
            self.error.show_error(f"{number} is already in the list.")
            return False
        self.error.clear_error()
        self._tickets.append(number)
        chip = QFrame()
        chip.setObjectName("ticketChip")
        chip.setFrameShape(QFrame.Shape.StyledPanel)
        chip.setAccessibleName(f"Ticket {number}")
        lay = QHBoxLayout(chip)
        lay.setContentsMargins(GRID, 0, 0, 0)
        lay.setSpacing(GRID // 2)
        label = QLabel(number)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(f"Ticket {number}")
        button = QToolButton()
        button.setText("×")
        button.setAutoRaise(True)
        button.setAccessibleName(f"Remove ticket {number}")
        button.setToolTip(f"Remove ticket {number}")
        button.clicked.connect(lambda _c=False, n=number: self.remove(n))
        lay.addWidget(label)
        lay.addWidget(button)
        self.flow.insertWidget(len(self._chips), chip)
        self._chips.append(chip)
        self.updateGeometry()
        self.chips_changed.emit()
        self.changed.emit()
        return True

    def remove(self, number: str) -> None:
        if number not in self._tickets:
            return
        i = self._tickets.index(number)
        del self._tickets[i]
        chip = self._chips.pop(i)
        self.flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        self.updateGeometry()
        self.input.setFocus()
        self.chips_changed.emit()
        self.changed.emit()

    def set_tickets(self, numbers: list[str], pending: str = "") -> None:
        for n in list(self._tickets):
            self.remove(n)
        for n in numbers:
            self.add(n)
        self.input.setText(pending)

    def chip_buttons(self) -> list[QToolButton]:
        return [c.findChild(QToolButton) for c in self._chips]  # type: ignore[misc]


# --- promises -----------------------------------------------------------------------------------


class PromiseRow(QWidget):
    """"[N] [business days|hours|by date] [what was promised]  → due Mon Nov 30  [×]"."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, started: Callable[[], datetime], calendar: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._started = started
        self._calendar = calendar
        self.status = "pending"
        self.promise_id: int | None = None  # the stored promise this row edits
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(GRID // 2)
        row = QHBoxLayout()
        row.setSpacing(GRID)
        self.amount = QLineEdit()
        self.amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,7}"), self))
        self.amount.setPlaceholderText("N")
        self.amount.setMaximumWidth(8 * GRID)
        self.amount.setToolTip("How many business days or hours they gave themselves.")
        self.unit = QComboBox()
        for key, label in UNITS:
            self.unit.addItem(label, key)
        self.unit.setToolTip("Business days skip weekends and public holidays.")
        self.due_date = QDateEdit()
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("yyyy-MM-dd")
        self.due_date.setMinimumDate(QDate(1990, 1, 1))
        self.due_date.setDate(QDate.currentDate().addDays(7))
        self.due_date.setToolTip("The date they promised.")
        self.due_date.hide()
        self.text = QLineEdit()
        self.text.setPlaceholderText("what was promised, e.g. refund issued")
        self.text.setToolTip("What they promised to do, in their words if you can.")
        self.due_label = QLabel("")
        widest = self.due_label.fontMetrics().horizontalAdvance("→ due Wed Sep 30 2099 23:59")
        self.due_label.setFixedWidth(widest + GRID)
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addWidget(self.due_date)
        row.addWidget(self.text, 1)
        row.addWidget(self.due_label)
        row.addWidget(self.remove_button)
        outer.addLayout(row)
        self.error = ErrorLabel("Promise")
        outer.addWidget(self.error)
        self.amount.textEdited.connect(self._edited)
        self.text.textEdited.connect(self._edited)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.due_date.dateChanged.connect(self._edited)
        self.set_number(1)

    def set_number(self, n: int) -> None:
        self.amount.setAccessibleName(f"Promise {n} number")
        self.unit.setAccessibleName(f"Promise {n} unit")
        self.due_date.setAccessibleName(f"Promise {n} date")
        self.text.setAccessibleName(f"Promise {n} text")
        self.due_label.setAccessibleName(f"Promise {n} due")
        self.remove_button.setAccessibleName(f"Remove promise {n}")
        self.remove_button.setToolTip(f"Remove promise {n}")
        self.error.setAccessibleName(f"Promise {n} error")

    def _unit_changed(self, _i: int) -> None:
        by_date = self.unit.currentData() == "date"
        self.amount.setVisible(not by_date)
        self.due_date.setVisible(by_date)
        self._edited()

    def _edited(self, *_args: object) -> None:
        self.refresh()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self.amount.text().strip() and not self.text.text().strip()

    def terms(self) -> tuple[int | None, int | None, date | None]:
        unit = self.unit.currentData()
        if unit == "date":
            qd = self.due_date.date()
            return None, None, date(qd.year(), qd.month(), qd.day())
        raw = self.amount.text().strip()
        n = int(raw) if raw.isdigit() else None
        return (n, None, None) if unit == "business days" else (None, n, None)

    def refresh(self) -> None:
        """Recompute the due date shown (and the message when the terms make no sense)."""
        bd, hours, due_on = self.terms()
        if bd is None and hours is None and due_on is None:
            self.due_label.setText("")
            self.error.clear_error()
            return
        try:
            started = self._started()
            due = dl.promise_due(started, business_days=bd, hours=hours, due_on=due_on,
                                 calendar=self._calendar())
        except dl.PromiseTermsError as exc:
            self.due_label.setText("")
            self.error.show_error(str(exc))
            return
        except ValueError as exc:  # an unknown holiday calendar
            self.due_label.setText("")
            self.error.show_error(str(exc))
            return
        self.error.clear_error()
        self.due_label.setText(due_text(due, started.date()))

    def promise_input(self) -> PromiseInput:
        bd, hours, due_on = self.terms()
        return PromiseInput(text=self.text.text(), business_days=bd, hours=hours, due_on=due_on,
                            status=self.status, id=self.promise_id)

    def state(self) -> dict[str, Any]:
        qd = self.due_date.date()
        return {"amount": self.amount.text(), "unit": str(self.unit.currentData()),
                "date": date(qd.year(), qd.month(), qd.day()).isoformat(),
                "text": self.text.text(), "status": self.status, "id": self.promise_id}

    def set_state(self, state: dict[str, Any]) -> None:
        self.amount.setText(str(state.get("amount", "")))
        idx = self.unit.findData(state.get("unit", "business days"))
        self.unit.setCurrentIndex(max(idx, 0))
        try:
            d = date.fromisoformat(str(state.get("date")))
            self.due_date.setDate(QDate(d.year, d.month, d.day))
        except ValueError:
            pass
        self.text.setText(str(state.get("text", "")))
        self.status = str(state.get("status", "pending"))
        pid = state.get("id")
        self.promise_id = pid if isinstance(pid, int) and not isinstance(pid, bool) else None
        self.refresh()

    def set_input(self, p: PromiseInput) -> None:
        if p.due_on is not None:
            unit, amount = "date", ""
        elif p.hours is not None:
            unit, amount = "hours", str(p.hours)
        else:
            unit, amount = "business days", "" if p.business_days is None else str(p.business_days)
        d = p.due_on or date.today()
        self.set_state({"amount": amount, "unit": unit, "date": d.isoformat(), "text": p.text,
                        "status": p.status, "id": p.id})

    def editors(self) -> list[QWidget]:
        return [self.amount, self.unit, self.due_date, self.text, self.remove_button]


# --- the dialog ---------------------------------------------------------------------------------


class ContactDialog(QDialog):
    """Log a contact on ``case_id`` (or edit ``contact_id``). ``saved_contact_id`` after Accepted."""

    def __init__(self, service: JournalService, case_id: int, parent: QWidget | None = None,
                 contact_id: int | None = None, *, resume_draft: bool = False) -> None:
        super().__init__(parent)
        self.service = service
        self.case_id = case_id
        self.contact_id = contact_id
        self.saved_contact_id: int | None = None
        self.now: Callable[[], datetime] = local_now  # tests replace this clock
        self.case: CaseView = service.get_case(case_id)
        self._loading = False
        self._start_touched = False
        self._started_exact = self.now()
        self._hold_since: datetime | None = None
        self._hold_base = 0
        self._existing_escalation = next(
            (e for e in self.case.escalations
             if contact_id is not None and e.contact_id == contact_id), None)
        self.errors: dict[str, ErrorLabel] = {}
        self.esc_errors: dict[str, ErrorLabel] = {}
        self.promise_rows: list[PromiseRow] = []
        # exhibits: a new contact keeps them until it has an id (see the module docstring)
        self.attachments = AttachmentController(service, self)
        if contact_id is None:
            self.attachments.hold()
        self.attached_ids: list[int] = []
        self.attach_messages: list[str] = []
        self._finishing = False  # saved; waiting for its exhibits to be stored
        self.attachments.attached.connect(self.attached_ids.extend)
        self.attachments.failed.connect(self.attach_messages.append)
        self.attachments.notice.connect(self.attach_messages.append)
        self.setWindowTitle("Log contact" if contact_id is None else "Edit contact")
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)

        self._build()
        self._load_completions()
        if contact_id is not None:
            self._apply_input(service.contact_input(contact_id))
            self.exhibit_strip.set_existing(
                [a.original_name for a in self.case.attachments if a.contact_id == contact_id])
        else:
            self._set_start(self._started_exact, touched=False)
            self.add_promise_row(focus=False)
        self._baseline = self._content()

        self.drafts = DraftStore.for_journal(service.folder)
        self.draft_name = (f"contact-{case_id}" if contact_id is None
                           else f"contact-{case_id}-edit-{contact_id}")
        parent_for_question = self.parentWidget() or self
        what = "contact" if contact_id is None else "changes to this contact"
        draft = offer_draft(parent_for_question, self.drafts, self.draft_name, what,
                            resume=resume_draft)
        if draft is not None:
            self._apply_draft(draft.data)
        self.keeper = DraftKeeper(self.drafts, self.draft_name, self._draft_data, self)
        self.keeper.saved.connect(self._draft_saved)
        self.keeper.failed.connect(self.draft_label.setText)
        self.keeper.start()
        self.keeper.watch(self)  # each change is on disk half a second later
        self.tickets.chips_changed.connect(self.keeper.touch)
        if draft is not None:
            self.draft_label.setText("Draft restored; closing keeps it as a draft.")

        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.tick.start()
        self._tick()
        self._channel_changed()
        self.rep_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- construction -----------------------------------------------------------------------

    def _error(self, key: str) -> ErrorLabel:
        label = ErrorLabel(CORE_LABELS[key])
        self.errors[key] = label
        return label

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        label = QLabel(CORE_LABELS[key])
        label.setBuddy(buddy)
        return label

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        outer.setSpacing(GRID)

        note = self.service.safety_note(self.case.issue_type)
        self.safety_box: NoteBox | None = None
        if note:
            self.safety_box = NoteBox(note, "Safety note")
            outer.addWidget(self.safety_box)
        self.case_label = HintLabel(
            f"{self.case.title} · {self.case.organization.name} · {self.case.issue_label}",
            "Case")
        outer.addWidget(self.case_label)

        # --- the call bar: channel, direction, clock, hold, end
        bar = QFrame()
        bar.setObjectName("callBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAccessibleName("Call")
        bar_lay = QVBoxLayout(bar)
        bar_lay.setContentsMargins(GRID + GRID // 2, GRID, GRID + GRID // 2, GRID)
        bar_lay.setSpacing(GRID)

        line1 = QHBoxLayout()
        line1.setSpacing(GRID)
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName("Channel")
        self.channel_combo.setToolTip("How this contact happened.")
        for ch in CHANNELS:
            self.channel_combo.addItem(CHANNEL_LABELS.get(ch, ch), ch)
        self.direction_combo = QComboBox()
        self.direction_combo.setAccessibleName("Direction")
        self.direction_combo.setToolTip("Who started this contact.")
        for d in DIRECTIONS:
            self.direction_combo.addItem(DIRECTION_LABELS.get(d, d), d)
        self.start_edit = QDateTimeEdit()
        self.start_edit.setAccessibleName("Started")
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setToolTip("When the contact started, in your local time.")
        self.offset_label = QLabel("")
        self.offset_label.setAccessibleName("UTC offset")
        self.offset_label.setToolTip("Your local UTC offset; stored with the time.")
        ch_label = QLabel("Channel")
        ch_label.setBuddy(self.channel_combo)
        st_label = QLabel("Started")
        st_label.setBuddy(self.start_edit)
        line1.addWidget(ch_label)
        line1.addWidget(self.channel_combo)
        line1.addWidget(self.direction_combo)
        line1.addSpacing(GRID)
        line1.addWidget(st_label)
        line1.addWidget(self.start_edit)
        line1.addWidget(self.offset_label)
        line1.addStretch(1)
        bar_lay.addLayout(line1)

        self.call_row = QWidget()
        line2 = QHBoxLayout(self.call_row)
        line2.setContentsMargins(0, 0, 0, 0)
        line2.setSpacing(GRID)
        self.timer_label = QLabel("00:00")
        self.timer_label.setAccessibleName("Call timer")
        self.timer_label.setToolTip("How long the contact has lasted.")
        font = self.timer_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.5)
        font.setBold(True)
        font.setFamilies(["DejaVu Sans Mono", "Monospace"])
        self.timer_label.setFont(font)
        self.timer_label.setMinimumWidth(10 * GRID)
        self.hold_button = QPushButton("Hold")
        self.hold_button.setCheckable(True)
        self.hold_button.setAccessibleName("Hold")
        self.hold_button.setToolTip("On hold / back from hold (H, or Alt+H while typing). "
                                    "The minutes add up in the Hold field.")
        self.hold_button.setAutoDefault(False)
        self.hold_button.toggled.connect(self._hold_toggled)
        self.end_button = QPushButton("End call")
        self.end_button.setAccessibleName("End call")
        self.end_button.setToolTip("The call is over: set the end time to now (Alt+E).")
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(self.end_call)
        self.hold_spin = QSpinBox()
        self.hold_spin.setAccessibleName("Hold minutes")
        self.hold_spin.setRange(0, MAX_HOLD_MINUTES)
        self.hold_spin.setSuffix(" min on hold")
        self.hold_spin.setToolTip("Minutes spent on hold; the Hold button adds them up, and you "
                                  "can correct them.")
        self.ended_check = QCheckBox("Ended")
        self.ended_check.setAccessibleName("Ended")
        self.ended_check.setToolTip("Whether the end time below is known.")
        self.end_edit = QDateTimeEdit()
        self.end_edit.setAccessibleName("Ended at")
        self.end_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setToolTip("When the contact ended, in your local time.")
        self.end_edit.hide()
        self.duration_spin = QSpinBox()
        self.duration_spin.setAccessibleName("Duration minutes")
        self.duration_spin.setSuffix(" min long")
        self.duration_spin.setToolTip("How long the contact lasted: the end minus the start. "
                                      "Changing it moves the end.")
        self.duration_spin.hide()
        line2.addWidget(self.timer_label)
        line2.addWidget(self.hold_button)
        line2.addWidget(self.end_button)
        line2.addWidget(self.hold_spin)
        line2.addSpacing(GRID)
        line2.addWidget(self.ended_check)
        line2.addWidget(self.end_edit)
        line2.addWidget(self.duration_spin)
        line2.addStretch(1)
        bar_lay.addWidget(self.call_row)
        self.call_hint = HintLabel("", "Call hint")
        bar_lay.addWidget(self.call_hint)
        for key in ("channel", "direction", "started_at", "ended_at", "hold_minutes"):
            bar_lay.addWidget(self._error(key))
        outer.addWidget(bar)

        # --- the rest in a scroll area
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName("Contact form")
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, GRID, 0)
        body_lay.setSpacing(2 * GRID)
        form = make_form_layout()

        self.rep_name = QLineEdit()
        self.rep_name.setAccessibleName("Representative")
        self.rep_name.setPlaceholderText("Their name, as they gave it")
        self.rep_name.setToolTip("The name of the person you spoke to. People you met before "
                                 "are suggested.")
        form.addRow(self._label("rep_name", self.rep_name),
                    with_error(self.rep_name, self._error("rep_name")))
        self.rep_title = QLineEdit()
        self.rep_title.setAccessibleName("Their title")
        self.rep_title.setPlaceholderText("e.g. Billing specialist, Supervisor")
        self.rep_title.setToolTip("Their job title; ask for it.")
        form.addRow(self._label("rep_title", self.rep_title),
                    with_error(self.rep_title, self._error("rep_title")))
        self.rep_id = QLineEdit()
        self.rep_id.setAccessibleName("Their ID")
        self.rep_id.setPlaceholderText("Employee or agent ID, if they give one")
        self.rep_id.setToolTip("An employee or agent ID, if they give one.")
        form.addRow(self._label("rep_id", self.rep_id),
                    with_error(self.rep_id, self._error("rep_id")))

        self.tickets = TicketChips()
        self.tickets.chips_changed.connect(self._fix_tab_order)
        self.errors["tickets"] = self.tickets.error
        form.addRow(self._label("tickets", self.tickets.input),
                    with_error(self.tickets, self.tickets.error))

        self.summary_edit = self._text_box("Summary", "What was said. No full card or account "
                                           "numbers.")
        self.summary_edit.setMinimumHeight(12 * GRID)
        form.addRow(self._label("summary", self.summary_edit),
                    with_error(self.summary_edit, self._error("summary")))
        self.outcome_edit = self._text_box("Outcome", "Where it stands now, e.g. refund "
                                           "approved, waiting for supervisor.")
        self.outcome_edit.setMaximumHeight(10 * GRID)
        show_contact_examples(self.case.issue_type, outcome=self.outcome_edit,
                              rep_title=self.rep_title)
        form.addRow(self._label("outcome", self.outcome_edit),
                    with_error(self.outcome_edit, self._error("outcome")))
        core = QWidget()
        core.setLayout(form)
        body_lay.addWidget(core)

        # promises
        prom_box = QWidget()
        prom_box.setAccessibleName("Promises")
        prom_lay = QVBoxLayout(prom_box)
        prom_lay.setContentsMargins(0, 0, 0, 0)
        prom_lay.setSpacing(GRID)
        title = QLabel("Promises")
        title.setAccessibleName("Promises heading")
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        prom_lay.addWidget(title)
        prom_lay.addWidget(HintLabel(
            "One line each: \"5 business days: refund issued\". The due date is worked out "
            "from the start of this contact.", "Promises help"))
        self.promises_lay = QVBoxLayout()
        self.promises_lay.setSpacing(GRID)
        prom_lay.addLayout(self.promises_lay)
        add_row = QHBoxLayout()
        self.add_promise_button = QPushButton("Add promise")
        self.add_promise_button.setAccessibleName("Add promise")
        self.add_promise_button.setToolTip("Add another promise line (Alt+P).")
        self.add_promise_button.setAutoDefault(False)
        self.add_promise_button.clicked.connect(lambda: self.add_promise_row(focus=True))
        add_row.addWidget(self.add_promise_button)
        add_row.addStretch(1)
        prom_lay.addLayout(add_row)
        body_lay.addWidget(prom_box)

        # escalation
        self.esc_check = QCheckBox("Escalation requested")
        self.esc_check.setAccessibleName("Escalation requested")
        self.esc_check.setToolTip("They passed the case to a supervisor or an escalation team. "
                                  "Ask for the owner's name and title.")
        body_lay.addWidget(self.esc_check)
        self.esc_box = QWidget()
        self.esc_box.setAccessibleName("Escalation")
        esc_form = make_form_layout()
        esc_form.setContentsMargins(3 * GRID, 0, 0, 0)
        self.esc_owner = self._esc_line("owner_name", "Who owns the escalation")
        self.esc_title = self._esc_line("owner_title", "Their title, e.g. Escalations lead")
        self.esc_level = QComboBox()
        self.esc_level.setEditable(True)
        self.esc_level.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.esc_level.addItems(list(ESCALATION_LEVELS))
        self.esc_level.setAccessibleName("Escalation level")
        self.esc_level.setToolTip("Who it went to.")
        self.esc_ref = self._esc_line("reference", "Escalation or complaint reference")
        for key, widget in (("owner_name", self.esc_owner), ("owner_title", self.esc_title),
                            ("level", self.esc_level), ("reference", self.esc_ref)):
            err = ErrorLabel(ESC_LABELS[key])
            self.esc_errors[key] = err
            lab = QLabel(ESC_LABELS[key])
            lab.setBuddy(widget)
            esc_form.addRow(lab, with_error(widget, err))
        self.esc_general = ErrorLabel("Escalation")
        self.esc_hint = HintLabel("", "Escalation hint")
        esc_form.addRow(self.esc_hint)
        esc_form.addRow(self.esc_general)
        self.esc_box.setLayout(esc_form)
        self.esc_box.hide()
        body_lay.addWidget(self.esc_box)
        self.esc_check.toggled.connect(self._esc_toggled)
        body_lay.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # exhibits: always in sight, above the buttons
        self.exhibit_strip = ExhibitStrip(self.service, self.attachments, self.case_id,
                                          lambda: self.contact_id)
        outer.addWidget(self.exhibit_strip)
        self.drop_target = install_drop_target(self, self.attachments, lambda: self.case_id,
                                               lambda: self.contact_id)
        # Ctrl+V anywhere in the dialog, text boxes included, attaches a screenshot or files
        self.window_paste = install_window_paste(self, self.attachments, lambda: self.case_id,
                                                 lambda: self.contact_id,
                                                 say=self.exhibit_strip.say)

        # footer
        self.problems_label = ErrorLabel("Save")
        self.problems_label.setAccessibleName("Save problems")
        outer.addWidget(self.problems_label)
        footer = QHBoxLayout()
        footer.setSpacing(GRID)
        self.draft_label = HintLabel("", "Draft status")
        footer.addWidget(self.draft_label, 1)
        self.cancel_button = QPushButton("Close")
        self.cancel_button.setAccessibleName("Close")
        self.cancel_button.setToolTip("Close without saving (Esc); what you typed stays as a "
                                      "draft and is offered next time.")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton("Save contact")
        self.save_button.setAccessibleName("Save contact")
        self.save_button.setToolTip(f"Save this contact ({save_keys_hint()}).")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.save_button)
        outer.addLayout(footer)

        # shortcuts
        add_save_shortcuts(self, self.save)
        self._hold_keys = []
        for seq in ("H", "Alt+H"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(self.toggle_hold)
            self._hold_keys.append(sc)
        end_key = QShortcut(QKeySequence("Alt+E"), self)
        end_key.activated.connect(self.end_call)
        add_key = QShortcut(QKeySequence("Alt+P"), self)
        add_key.activated.connect(lambda: self.add_promise_row(focus=True))
        self._other_keys = [end_key, add_key]

        # signals
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        self.times = CallTimes(self.start_edit, self.ended_check, self.end_edit,
                               self.duration_spin, self)
        self.start_edit.dateTimeChanged.connect(self._start_edited)
        self.ended_check.toggled.connect(self._ended_toggled)
        self.duration_spin.valueChanged.connect(lambda _m: self._tick())
        self.end_edit.dateTimeChanged.connect(lambda _d: self.errors["ended_at"].clear_error())
        for line, key in ((self.rep_name, "rep_name"), (self.rep_title, "rep_title"),
                          (self.rep_id, "rep_id")):
            line.textEdited.connect(lambda _t, k=key: self.errors[k].clear_error())
        fit_to_screen(self, QSize(760, 860))

    def _text_box(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setToolTip(placeholder)
        return edit

    def _esc_line(self, key: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(f"Escalation {ESC_LABELS[key].lower()}")
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(placeholder)
        return edit

    def _load_completions(self) -> None:
        self.reps = self.service.representatives(self.case.organization.id)
        names = list(dict.fromkeys(r[0] for r in self.reps if r[0]))
        titles = list(dict.fromkeys(r[1] for r in self.reps if r[1]))
        ids = list(dict.fromkeys(r[2] for r in self.reps if r[2]))
        self.name_completer = self._completer(self.rep_name, names)
        self.name_completer.activated.connect(self._rep_chosen)
        self._completer(self.rep_title, titles)
        self._completer(self.rep_id, ids)

    def _completer(self, edit: QLineEdit, words: list[str]) -> QCompleter:
        completer = QCompleter(QStringListModel(words, self), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        edit.setCompleter(completer)
        click_through(completer)
        return completer

    def _rep_chosen(self, name: str) -> None:
        """A representative met before: fill in their title and ID as last recorded."""
        for rep_name, title, rep_id in self.reps:
            if rep_name == name:
                self.rep_title.setText(title)
                self.rep_id.setText(rep_id)
                return

    # --- the clock --------------------------------------------------------------------------

    def started_at(self) -> datetime:
        if self._start_touched:
            return from_qdatetime(self.start_edit.dateTime())
        return self._started_exact

    def ended_at(self) -> datetime | None:
        if not self.ended_check.isChecked():
            return None
        return from_qdatetime(self.end_edit.dateTime())

    def _set_start(self, moment: datetime, *, touched: bool) -> None:
        self._loading = True
        self.times.set_start(moment)  # a start set by the program moves no end
        self._loading = False
        self._started_exact = moment
        self._start_touched = touched
        self._start_changed()

    def _start_edited(self, _qdt: QDateTime) -> None:
        if self._loading:
            return
        self._start_touched = True
        self.errors["started_at"].clear_error()
        self.errors["ended_at"].clear_error()
        self._start_changed()
        self._update_call_hint()

    def _start_changed(self) -> None:
        self.offset_label.setText(offset_label(self.started_at()))
        for row in self.promise_rows:
            row.refresh()
        self._tick()

    def _live(self) -> bool:
        return str(self.channel_combo.currentData()) in LIVE_CHANNELS

    def _channel_changed(self, *_args: object) -> None:
        live = self._live()
        self.call_row.setVisible(live)
        if not live and self.hold_button.isChecked():
            self.hold_button.setChecked(False)
        self._update_call_hint()

    def _update_call_hint(self) -> None:
        if self.ended_check.isChecked() and self._live():
            self.call_hint.setText(RULE_HINT)
        elif self._clock_running():
            start = "the start you set" if self._start_touched else "when you opened this"
            self.call_hint.setText(f"The clock runs from {start}. Saving ends the call now, "
                                   "unless you set the end yourself.")
        elif self._live():
            self.call_hint.setText("Tick Ended and set the end to record how long it lasted.")
        else:
            self.call_hint.setText("")
        self.call_hint.setVisible(bool(self.call_hint.text()))

    def _clock_running(self) -> bool:
        """A new live contact with no end: saving ends it now (the start may have been typed,
        as long as it is in the last 24 hours)."""
        if self.contact_id is not None or not self._live() or self.ended_check.isChecked():
            return False
        elapsed = self.now() - self.started_at()
        return timedelta(0) <= elapsed <= timedelta(hours=24)

    def _tick(self) -> None:
        if not hasattr(self, "hold_button"):
            return
        now = self.now()
        start = self.started_at()
        end = self.ended_at()
        elapsed = ((end or now) - start).total_seconds()
        if self.contact_id is not None and end is None or elapsed < 0 or elapsed > 24 * 3600:
            self.timer_label.setText("—")
        else:
            self.timer_label.setText(clock_text(elapsed))
        self.timer_label.setAccessibleDescription(self.timer_label.text())
        if self._hold_since is not None:
            held = (now - self._hold_since).total_seconds()
            self.hold_spin.setValue(min(MAX_HOLD_MINUTES, self._hold_base + round(held / 60)))
            self.hold_button.setText(f"On hold {clock_text(held)}")

    def toggle_hold(self) -> None:
        """H / Alt+H: on hold or back, for a live contact (a call, chat or visit)."""
        if self._live():
            self.hold_button.toggle()

    def _hold_toggled(self, on: bool) -> None:
        if on:
            self._hold_since = self.now()
            self._hold_base = self.hold_spin.value()
            self.hold_button.setText("On hold 00:00")
        else:
            self._tick()
            self._hold_since = None
            self.hold_button.setText("Hold")
        self.hold_button.setAccessibleDescription("on hold" if on else "not on hold")
        self.errors["hold_minutes"].clear_error()

    def end_call(self) -> None:
        """The call is over: stop hold, set the end to now and stop the clock."""
        if self.hold_button.isChecked():
            self.hold_button.setChecked(False)
        now = self.now()
        if now < self.started_at():
            now = self.started_at()
        self.times.set_end(now)
        self.ended_check.setChecked(True)
        self._tick()

    def _ended_toggled(self, on: bool) -> None:
        self.end_edit.setVisible(on)
        if on and self.end_edit.dateTime() < self.start_edit.dateTime():
            start = self.started_at()
            now = self.now()
            # a call logged later (start long ago) gets no made-up hours: end = start
            self.times.set_end(now if start <= now <= start + timedelta(hours=24) else start)
        self.errors["ended_at"].clear_error()
        self._update_call_hint()
        self._tick()

    # --- promises and escalation ------------------------------------------------------------

    def _calendar(self) -> dl.BusinessCalendar:
        return self.service.calendar

    def add_promise_row(self, *, focus: bool = True) -> PromiseRow:
        row = PromiseRow(self.started_at, self._calendar)
        row.remove_requested.connect(self.remove_promise_row)
        show_promise_example(self.case.issue_type, row.text)
        self.promise_rows.append(row)
        self.promises_lay.addWidget(row)
        self._renumber()
        if hasattr(self, "keeper"):
            self.keeper.watch(row)
            self.keeper.touch()
        if focus:
            row.amount.setFocus()
        return row

    def remove_promise_row(self, row: PromiseRow) -> None:
        if row not in self.promise_rows:
            return
        self.promise_rows.remove(row)
        self.promises_lay.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        if hasattr(self, "keeper"):
            self.keeper.touch()

    def _renumber(self) -> None:
        for i, row in enumerate(self.promise_rows, start=1):
            row.set_number(i)
        self._fix_tab_order()

    def _esc_toggled(self, on: bool) -> None:
        self.esc_box.setVisible(on)
        if on and self.esc_owner.isEnabled():
            self.esc_owner.setFocus()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.channel_combo, self.direction_combo, self.start_edit,
                                self.hold_button, self.end_button, self.hold_spin,
                                self.ended_check, self.end_edit, self.rep_name, self.rep_title,
                                self.rep_id, *self.tickets.chip_buttons(), self.tickets.input,
                                self.summary_edit,
                                self.outcome_edit]
        for row in self.promise_rows:
            chain += row.editors()
        chain += [self.add_promise_button, self.esc_check, self.esc_owner, self.esc_title,
                  self.esc_level, self.esc_ref, self.exhibit_strip,
                  self.exhibit_strip.attach_button, *self.exhibit_strip.chip_buttons(),
                  self.cancel_button, self.save_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- values -----------------------------------------------------------------------------

    def _content(self) -> dict[str, Any]:
        """What the user typed or chose (not the running clock)."""
        return {
            "channel": self.channel_combo.currentData(),
            "direction": self.direction_combo.currentData(),
            "start": self.started_at().isoformat() if self._start_touched else None,
            "ended_at": e.isoformat() if (e := self.ended_at()) else None,
            "hold_minutes": self.hold_spin.value(),
            "holding": self._hold_since is not None,
            "rep_name": self.rep_name.text(), "rep_title": self.rep_title.text(),
            "rep_id": self.rep_id.text(),
            "tickets": self.tickets.tickets(), "ticket_pending": self.tickets.pending(),
            "summary": self.summary_edit.toPlainText(), "outcome": self.outcome_edit.toPlainText(),
            "promises": [r.state() for r in self.promise_rows if not r.is_empty()],
            "escalation": self._esc_state(),
        }

    def _esc_state(self) -> dict[str, Any]:
        return {"requested": self.esc_check.isChecked(), "owner_name": self.esc_owner.text(),
                "owner_title": self.esc_title.text(), "level": self.esc_level.currentText(),
                "reference": self.esc_ref.text()}

    def has_changes(self) -> bool:
        return self._content() != self._baseline

    def _draft_data(self) -> dict[str, Any] | None:
        if not self.has_changes():
            return None
        return {
            **self._content(),
            "case_id": self.case_id, "contact_id": self.contact_id,
            "started_exact": self._started_exact.isoformat(),
            "start_touched": self._start_touched,
            "hold_since": self._hold_since.isoformat() if self._hold_since else None,
            "hold_base": self._hold_base,
            "all_promises": [r.state() for r in self.promise_rows],
        }

    def _apply_draft(self, data: dict[str, Any]) -> None:
        def when(key: str) -> datetime | None:
            try:
                value = datetime.fromisoformat(str(data.get(key)))
            except ValueError:
                return None
            return value if value.tzinfo is not None else value.astimezone()

        self._set_combo(self.channel_combo, str(data.get("channel") or "phone"))
        self._set_combo(self.direction_combo, str(data.get("direction") or "outbound"))
        exact = when("started_exact") or self._started_exact
        typed_start = when("start")
        touched = bool(data.get("start_touched")) and typed_start is not None
        self._set_start(typed_start if touched and typed_start is not None else exact,
                        touched=False)
        self._start_touched = touched
        self._started_exact = exact
        ended = when("ended_at")
        if ended is not None:
            self.end_edit.setDateTime(to_qdatetime(ended))
        self.ended_check.setChecked(ended is not None)
        self.hold_spin.setValue(int(data.get("hold_minutes") or 0))
        self.rep_name.setText(str(data.get("rep_name", "")))
        self.rep_title.setText(str(data.get("rep_title", "")))
        self.rep_id.setText(str(data.get("rep_id", "")))
        self.tickets.set_tickets([str(t) for t in data.get("tickets") or []],
                                 str(data.get("ticket_pending", "")))
        self.summary_edit.setPlainText(str(data.get("summary", "")))
        self.outcome_edit.setPlainText(str(data.get("outcome", "")))
        for row in list(self.promise_rows):
            self.remove_promise_row(row)
        states = data.get("all_promises") or data.get("promises") or []
        for state in states:
            if isinstance(state, dict):
                self.add_promise_row(focus=False).set_state(state)
        if not self.promise_rows:
            self.add_promise_row(focus=False)
        esc = data.get("escalation") or {}
        if isinstance(esc, dict) and self.esc_owner.isEnabled():
            self.esc_owner.setText(str(esc.get("owner_name", "")))
            self.esc_title.setText(str(esc.get("owner_title", "")))
            self.esc_level.setCurrentText(str(esc.get("level", "supervisor")))
            self.esc_ref.setText(str(esc.get("reference", "")))
            self.esc_check.setChecked(bool(esc.get("requested")))
        hold_since = when("hold_since")
        if hold_since is not None and self._live():
            self.hold_spin.setValue(int(data.get("hold_base") or 0))
            self.hold_button.setChecked(True)
            self._hold_since = hold_since
            self._hold_base = int(data.get("hold_base") or 0)
            self._tick()
        self._start_changed()
        self._update_call_hint()

    def _apply_input(self, data: ContactInput) -> None:
        self._set_combo(self.channel_combo, data.channel)
        self._set_combo(self.direction_combo, data.direction)
        self._set_start(data.started_at, touched=False)
        if data.ended_at is not None:
            self.end_edit.setDateTime(to_qdatetime(data.ended_at))
            self.ended_check.setChecked(True)
        self.hold_spin.setValue(data.hold_minutes)
        self.rep_name.setText(data.rep_name)
        self.rep_title.setText(data.rep_title)
        self.rep_id.setText(data.rep_id)
        self.tickets.set_tickets(list(data.tickets))
        self.summary_edit.setPlainText(data.summary)
        self.outcome_edit.setPlainText(data.outcome)
        for p in data.promises:
            self.add_promise_row(focus=False).set_input(p)
        if not self.promise_rows:
            self.add_promise_row(focus=False)
        esc = self._existing_escalation
        if esc is not None:
            self.esc_owner.setText(esc.owner_name)
            self.esc_title.setText(esc.owner_title)
            self.esc_level.setCurrentText(esc.level)
            self.esc_ref.setText(esc.reference)
            self.esc_check.setChecked(True)
            for w in (self.esc_check, self.esc_owner, self.esc_title, self.esc_level,
                      self.esc_ref):
                w.setEnabled(False)
            self.esc_hint.setText("This escalation is already on file; it is kept as recorded.")

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        idx = combo.findData(value)
        if idx < 0 and value:
            combo.addItem(value, value)
            idx = combo.count() - 1
        combo.setCurrentIndex(max(idx, 0))

    def contact_input(self, *, ending_now: bool = False) -> tuple[ContactInput, list[int]]:
        """The form as the service's input, and which promise row each promise came from."""
        started = self.started_at()
        ended = self.ended_at()
        if ending_now and ended is None:
            ended = max(self.now(), started)
        tickets = self.tickets.tickets()
        pending = [p.strip() for p in self.tickets.pending().replace(";", ",").split(",")]
        tickets += [p for p in pending if p and p not in tickets]
        rows = [i for i, r in enumerate(self.promise_rows) if not r.is_empty()]
        promises = [self.promise_rows[i].promise_input() for i in rows]
        escalation = None
        if self.esc_check.isChecked() and self._existing_escalation is None:
            escalation = EscalationInput(
                requested_on=started.date(), level=self.esc_level.currentText().strip()
                or "supervisor", owner_name=self.esc_owner.text(),
                owner_title=self.esc_title.text(), reference=self.esc_ref.text())
        data = ContactInput(
            started_at=started, ended_at=ended, channel=str(self.channel_combo.currentData()),
            direction=str(self.direction_combo.currentData()),
            hold_minutes=self.hold_spin.value(), rep_name=self.rep_name.text(),
            rep_title=self.rep_title.text(), rep_id=self.rep_id.text(), tickets=tickets,
            summary=self.summary_edit.toPlainText(), outcome=self.outcome_edit.toPlainText(),
            promises=promises, escalation=escalation)
        return data, rows

    def _draft_saved(self, when: object) -> None:
        stamp = when.strftime("%H:%M:%S") if isinstance(when, datetime) else ""
        self.draft_label.setText(f"Draft saved {stamp}; closing keeps it.".replace("  ", " "))

    # --- saving -----------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), *self.esc_errors.values(), self.esc_general,
                      self.problems_label):
            label.clear_error()
        for row in self.promise_rows:
            row.error.clear_error()

    def show_errors(self, errors: dict[str, str], rows: list[int]) -> None:
        labels: list[str] = []
        focus: QWidget | None = None
        widgets: dict[str, QWidget] = {
            "channel": self.channel_combo, "direction": self.direction_combo,
            "started_at": self.start_edit, "ended_at": self.end_edit,
            "hold_minutes": self.hold_spin, "rep_name": self.rep_name,
            "rep_title": self.rep_title, "rep_id": self.rep_id, "summary": self.summary_edit,
            "outcome": self.outcome_edit,
        }
        for key, msg in errors.items():
            if key in self.errors:
                self.errors[key].show_error(msg)
                labels.append(CORE_LABELS[key])
                focus = focus or widgets.get(key)
            elif key.startswith("tickets["):
                self.tickets.error.show_error(msg)
                labels.append("Tickets")
                focus = focus or self.tickets.input
            elif key.startswith("promises["):
                idx_text, _, part = key[len("promises["):].partition("].")
                try:
                    row = self.promise_rows[rows[int(idx_text)]]
                except (ValueError, IndexError):
                    self.problems_label.show_error(msg)
                    continue
                existing = row.error.message
                row.error.show_error(msg if not existing or existing == msg
                                     else f"{existing} {msg}")
                labels.append(f"promise {rows[int(idx_text)] + 1}")
                focus = focus or (row.text if part == "text" else row.amount)
            elif key.startswith("escalation."):
                part = key.removeprefix("escalation.")
                target = self.esc_errors.get(part, self.esc_general)
                target.show_error(msg)
                labels.append(f"escalation {ESC_LABELS.get(part, part).lower()}")
                self.esc_box.show()
            else:
                labels.append(key)
                self.problems_label.show_error(msg)
        if not self.problems_label.message:
            show_problems(self.problems_label, labels)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        """Save through the service; on errors every word stays where it is.

        Exhibits kept for a new contact are attached with its id right after it is saved; the
        dialog closes once they are stored (``Accepted`` either way: the contact is saved).
        """
        if self._finishing:
            return False
        self._tick()  # the hold minutes up to this second
        self.clear_errors()
        ending_now = self._clock_running()
        data, rows = self.contact_input(ending_now=ending_now)
        try:
            if self.contact_id is None:
                self.saved_contact_id = self.service.log_contact(self.case_id, data)
            else:
                # the escalation ticked here is saved with the contact, in one transaction
                self.service.update_contact(self.contact_id, data)
                self.saved_contact_id = self.contact_id
        except ValidationError as exc:
            self.show_errors(dict(exc.errors), rows)
            self.keeper.save_now()
            return False
        except ServiceError as exc:
            self.problems_label.show_error(f"Not saved: {exc}")
            self.keeper.save_now()
            return False
        self.keeper.discard()
        self.tick.stop()
        if self.attachments.holding:
            self.attachments.release(self.case_id, self.saved_contact_id)
        if self.attachments.busy:
            self._finishing = True
            for widget in (self.save_button, self.cancel_button, self.exhibit_strip):
                widget.setEnabled(False)
            self.draft_label.setText("Contact saved; attaching its files…")
            self.attachments.busy_changed.connect(self._stored)
            return True
        self.accept()
        return True

    def _stored(self, busy: bool) -> None:
        if not busy and self._finishing:
            self.attachments.busy_changed.disconnect(self._stored)
            self.accept()

    def _wait_for_exhibits(self) -> None:
        """Files being copied are stored before the dialog goes (their rows need it)."""
        if not self.attachments.busy:
            return
        loop = QEventLoop()
        self.attachments.busy_changed.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        if self.attachments.busy:
            loop.exec()
        self.attachments.busy_changed.disconnect(loop.quit)
        if self.attachments.busy:
            self.attachments.shutdown()

    def reject(self) -> None:
        """Close without saving; what was typed stays as a draft."""
        if self._finishing:
            return  # the contact is saved; its files are being stored
        held = self.attachments.held_names()
        if held:
            names = ", ".join(f"“{n}”" for n in held[:3]) + (" …" if len(held) > 3 else "")
            answer = QMessageBox.question(
                self, "Close without saving",
                f"The files chosen for this contact ({names}) are attached only when the "
                "contact is saved. Close anyway? What you typed stays as a draft; the files "
                "do not.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.keeper.save_now()
        self.keeper.stop()
        self.tick.stop()
        super().reject()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted and self.keeper.timer.isActive():
            self.keeper.save_now()
            self.keeper.stop()
        self.tick.stop()
        self._wait_for_exhibits()
        super().done(result)
