"""Log a contact (Ctrl+L), made to be filled in while on the phone: the dialog's behaviour.

The clock runs from the moment the dialog opens; hold is one key (H, or Alt+H from a text field);
ticket numbers are chips (Enter adds one); a promise is one line with its due date computed as it is
typed. Everything is autosaved as a draft half a second after each change, so nothing typed is ever
lost; a draft left behind is offered back when the dialog opens again or the app starts.

Exhibits (the strip above the buttons, ``ui.exhibits.strip.ExhibitStrip``): "Attach…", Ctrl+V anywhere
in the dialog (``paste.WindowPaste``: a screenshot or copied files are attached, also from a text
box; text pasted into a text box stays text), or files and images dropped anywhere on the dialog.
For a new contact they are kept (chips with ×) and attached with the new contact's id right after
``log_contact`` succeeds; the dialog closes when they are stored. An edited contact attaches at
once. ``attached_ids`` and ``attach_messages`` (problems and notices in plain words) are there for
the window afterwards.

The widgets are built by :class:`.form.ContactForm`, which the dialog inherits (so they are its
attributes: ``dlg.rep_name``, ``dlg.hold_button`` ...); this module gives them their behaviour.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEventLoop,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QLineEdit, QMessageBox, QWidget

from headway_journal.journal import deadlines as dl
from headway_journal.journal.records import (
    MAX_HOLD_MINUTES,
    CaseView,
    ConflictError,
    ContactInput,
    EscalationInput,
)
from headway_journal.journal.service import JournalService, ServiceError, ValidationError
from headway_journal.ui.capture.contact_capture import ContactCapture
from headway_journal.ui.capture.contact_fill import install_email_drop
from headway_journal.ui.completion import click_through
from headway_journal.ui.drafts import DraftStore, keep_drafts, offer_draft
from headway_journal.ui.exhibits.controller import AttachmentController
from headway_journal.ui.exhibits.drop_paste import install_drop_target, install_window_paste
from headway_journal.ui.exhibits.strip import ExhibitStrip
from headway_journal.ui.keyboard_help import describe

from ...translated import tr
from ..conflict_dialog import ConflictDialog
from ..examples import show_promise_example
from ..form_builder import ErrorLabel, HintLabel, save_keys_hint, show_problems
from ..form_dialog import FormDialog
from .call_times import RULE_HINT, CallTimes, from_qdatetime, to_qdatetime
from .clock import clock_text, local_now, offset_label
from .form import CORE_LABELS, ESC_LABELS, ContactForm
from .promise_row import PromiseRow

__all__ = ["LIVE_CHANNELS", "ContactDialog"]

LIVE_CHANNELS = ("phone", "chat", "in-app", "in-person")


class ContactDialog(FormDialog, ContactForm):
    """Log a contact on ``case_id`` (or edit ``contact_id``). ``saved_contact_id`` after Accepted."""

    def __init__(self, service: JournalService, case_id: int, parent: QWidget | None = None,
                 contact_id: int | None = None, *, resume_draft: bool = False) -> None:
        super().__init__(parent)
        self.service = service
        self.case_id = case_id
        self.version: int | None = None  # the version of the contact being edited
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
        self.saved_hooks: list[Callable[[int], None]] = []  # called with the saved contact's id
        self.attach_messages: list[str] = []
        self._finishing = False  # saved; waiting for its exhibits to be stored
        self.attachments.attached.connect(self.attached_ids.extend)
        self.attachments.failed.connect(self.attach_messages.append)
        self.attachments.notice.connect(self.attach_messages.append)
        self.setWindowTitle(QCoreApplication.translate("ContactDialog", "Log contact") if contact_id is None else QCoreApplication.translate("ContactDialog", "Edit contact"))
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)

        self._build()
        self.email_drop = install_email_drop(self)  # an e-mail dropped here fills the form
        self._load_completions()
        if contact_id is not None:
            loaded = service.contact_input(contact_id)
            self.version = loaded.version  # saved back: a save over a newer one is refused
            self._apply_input(loaded)
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
        what = "contact" if contact_id is None else QCoreApplication.translate("ContactDialog", "changes to this contact")
        draft = offer_draft(parent_for_question, self.drafts, self.draft_name, what,
                            resume=resume_draft)
        if draft is not None:
            self._apply_draft(draft.data)
        self.keeper = keep_drafts(self, self.drafts, self.draft_name, self._draft_data,
                                  saved=self._draft_saved, status=self.draft_label.setText)
        self.tickets.chips_changed.connect(self.keeper.touch)
        if draft is not None:
            self.draft_label.setText(QCoreApplication.translate("ContactDialog", "Draft restored; closing keeps it as a draft."))

        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.tick.start()
        self._tick()
        self._channel_changed()
        self.rep_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build(self) -> None:
        self.build_header(self.outer, self.case, self.service.safety_note(self.case.issue_type))
        self.build_call_bar(self.outer)
        self.build_fields(self.add_scrolled_body(QCoreApplication.translate("ContactDialog", "Contact form")), self.case.issue_type)
        # exhibits: always in sight, above the buttons
        self.exhibit_strip = ExhibitStrip(self.service, self.attachments, self.case_id,
                                          lambda: self.contact_id)
        self.outer.addWidget(self.exhibit_strip)
        # a chat transcript pasted or from a file, and suggestions (above the exhibits)
        self.capture = ContactCapture(self)
        self.drop_target = install_drop_target(self, self.attachments, lambda: self.case_id,
                                               lambda: self.contact_id)
        # Ctrl+V anywhere in the dialog, text boxes included, attaches a screenshot or files
        self.window_paste = install_window_paste(self, self.attachments, lambda: self.case_id,
                                                 lambda: self.contact_id,
                                                 say=self.exhibit_strip.say)

        self.draft_label = HintLabel("", QCoreApplication.translate("ContactDialog", "Draft status"))
        self.add_footer(
            save_text=QCoreApplication.translate("ContactDialog", "Save contact"), save_tip=QCoreApplication.translate("ContactDialog", "Save this contact ({save_keys_hint}).").format(
                save_keys_hint=save_keys_hint()),
            cancel_text=QCoreApplication.translate("ContactDialog", "Close"), status=self.draft_label,
            cancel_tip=QCoreApplication.translate("ContactDialog", "Close without saving (Esc); "
                                                                   "what you typed stays as a "
                                                                   "draft and is "
                       "offered next time."))
        self._add_keys()
        self._wire()
        self.fit(QSize(760, 860))

    def _add_keys(self) -> None:
        """H and Alt+H: hold; Alt+E: end the call; Alt+P: another promise."""
        self._hold_keys = []
        for seq in ("H", "Alt+H"):
            sc = describe(QShortcut(QKeySequence(seq), self),
                          self.tr("Put the call on hold, or take it off hold"))
            sc.activated.connect(self.toggle_hold)
            self._hold_keys.append(sc)
        end_key = describe(QShortcut(QKeySequence("Alt+E"), self), self.tr("End the call"))
        end_key.activated.connect(self.end_call)
        add_key = describe(QShortcut(QKeySequence("Alt+P"), self), self.tr("Add a promise"))
        add_key.activated.connect(lambda: self.add_promise_row(focus=True))
        self._other_keys = [end_key, add_key]

    def _wire(self) -> None:
        """What the widgets of the form do."""
        self.hold_button.toggled.connect(self._hold_toggled)
        self.end_button.clicked.connect(self.end_call)
        self.tickets.chips_changed.connect(self._fix_tab_order)
        self.add_promise_button.clicked.connect(lambda: self.add_promise_row(focus=True))
        self.esc_check.toggled.connect(self._esc_toggled)
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

    def set_start(self, moment: datetime) -> None:
        """Start at ``moment``, kept exactly (with its UTC offset) unless the user edits it."""
        self._set_start(moment, touched=False)

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
            self.call_hint.setText(tr("call_times", RULE_HINT))
        elif self._clock_running():
            start = QCoreApplication.translate("ContactDialog", "the start you set") if self._start_touched else QCoreApplication.translate("ContactDialog", "when you opened this")
            self.call_hint.setText(QCoreApplication.translate("ContactDialog", "The clock runs from {start}. Saving ends the call now, unless you set the end yourself.").format(
                start=start))
        elif self._live():
            self.call_hint.setText(QCoreApplication.translate("ContactDialog", "Tick Ended and set the end to record how long it lasted."))
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
            self.hold_button.setText(QCoreApplication.translate("ContactDialog", "On hold {clock_text}").format(
                clock_text=clock_text(held)))

    def toggle_hold(self) -> None:
        """H / Alt+H: on hold or back, for a live contact (a call, chat or visit)."""
        if self._live():
            self.hold_button.toggle()

    def _hold_toggled(self, on: bool) -> None:
        if on:
            self._hold_since = self.now()
            self._hold_base = self.hold_spin.value()
            self.hold_button.setText(QCoreApplication.translate("ContactDialog", "On hold 00:00"))
        else:
            self._tick()
            self._hold_since = None
            self.hold_button.setText(QCoreApplication.translate("ContactDialog", "Hold"))
        self.hold_button.setAccessibleDescription(QCoreApplication.translate("ContactDialog", "on hold") if on else QCoreApplication.translate("ContactDialog", "not on hold"))
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

    def refresh_tab_order(self) -> None:
        """Put widgets added since (chips, promise lines, suggestions) in the Tab order."""
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.channel_combo, self.direction_combo, self.start_edit,
                                self.hold_button, self.end_button, self.hold_spin,
                                self.ended_check, self.end_edit, self.duration_spin,
                                self.scroll_area, self.rep_name, self.rep_title,
                                self.rep_id, *self.tickets.chip_buttons(), self.tickets.input,
                                self.summary_edit,
                                self.outcome_edit]
        for row in self.promise_rows:
            chain += row.editors()
        chain += [self.add_promise_button, self.esc_check, self.esc_owner, self.esc_title,
                  self.esc_level, self.esc_ref,
                  *(self.capture.focus_chain() if hasattr(self, "capture") else []),
                  self.exhibit_strip,
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
            self.esc_hint.setText(QCoreApplication.translate("ContactDialog", "This escalation is "
                                                                              "already on file; it "
                                                                              "is kept as "
                                                                              "recorded."))

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
            promises=promises, escalation=escalation,
            # how it was captured (typed, a pasted transcript, an OCR suggestion used); an
            # e-mail dropped on the dialog marks it after the save (ui/capture/contact_fill)
            source=self.capture.capture_source if hasattr(self, "capture") else "typed")
        return data, rows

    def _draft_saved(self, when: object) -> None:
        stamp = when.strftime("%H:%M:%S") if isinstance(when, datetime) else ""
        self.draft_label.setText(QCoreApplication.translate("ContactDialog", "Draft saved {stamp}; "
                                                                             "closing keeps "
                                                                             "it.").format(
                                                                                 stamp=stamp).replace("  ", " "))

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
                labels.append(QCoreApplication.translate("ContactDialog", "Tickets"))
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
                labels.append(QCoreApplication.translate("ContactDialog", "promise {value}").format(
                    value=rows[int(idx_text)] + 1))
                focus = focus or (row.text if part == "text" else row.amount)
            elif key.startswith("escalation."):
                part = key.removeprefix("escalation.")
                target = self.esc_errors.get(part, self.esc_general)
                target.show_error(msg)
                labels.append(QCoreApplication.translate("ContactDialog", "escalation {lower}").format(
                    lower=ESC_LABELS.get(part, part).lower()))
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
                data.version = self.version
                self.service.update_contact(self.contact_id, data)
                self.saved_contact_id = self.contact_id
        except ValidationError as exc:
            self.show_errors(dict(exc.errors), rows)
            self.keeper.save_now()
            return False
        except ConflictError as exc:  # someone saved it meanwhile: show both, keep the form
            ConflictDialog.refuse_save(self, exc, QCoreApplication.translate(
                "ContactDialog", "Not saved: {exc}").format(exc=exc))
            return False
        except ServiceError as exc:
            self.problems_label.show_error(QCoreApplication.translate("ContactDialog", "Not saved: {exc}").format(
                exc=exc))
            self.keeper.save_now()
            return False
        self.keeper.discard()
        self.tick.stop()
        for hook in self.saved_hooks:
            hook(self.saved_contact_id)
        if self.attachments.holding:
            self.attachments.release(self.case_id, self.saved_contact_id)
        if self.attachments.busy:
            self._finishing = True
            for widget in (self.save_button, self.cancel_button, self.exhibit_strip):
                widget.setEnabled(False)
            self.draft_label.setText(QCoreApplication.translate("ContactDialog", "Contact saved; attaching its files…"))
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
                self, QCoreApplication.translate("ContactDialog", "Close without saving"),
                QCoreApplication.translate("ContactDialog", "The files chosen for this contact "
                                                            "({names}) are attached only when the "
                                                            "contact is saved. Close anyway? What "
                                                            "you typed stays as a draft; the files "
                                                            "do not.").format(names=names),
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
