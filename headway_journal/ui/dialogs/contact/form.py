"""The contact dialog's widgets, built by a view class and nothing more.

:class:`ContactForm` follows Qt Designer's "Ui class" pattern: the dialog inherits it and calls
its ``build_*`` methods, which create the widgets as attributes of the dialog (``rep_name``,
``hold_button``, ``promises_lay`` ...) and lay them out. What the widgets do (the clock, hold,
promises, drafts, saving) is wired up by :mod:`.dialog`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.records import CHANNELS, DIRECTIONS, MAX_HOLD_MINUTES, CaseView

from .... import i18n
from ...fonts import fixed_width_font
from ...translated import QT_TRANSLATE_NOOP, TranslatedMap
from ..examples import show_contact_examples
from ..form_builder import GRID, ErrorLabel, HintLabel, NoteBox, make_form_layout, with_error
from .tickets import TicketChips

__all__ = ["CHANNEL_LABELS", "CORE_LABELS", "DIRECTION_LABELS", "ESCALATION_LEVELS",
           "ESC_LABELS", "ContactForm"]

CHANNEL_LABELS = TranslatedMap("form", {"phone": QT_TRANSLATE_NOOP("form", "Phone"), "chat": QT_TRANSLATE_NOOP("form", "Chat"), "email": QT_TRANSLATE_NOOP("form", "E-mail"), "ticket": QT_TRANSLATE_NOOP("form", "Ticket"),
                  "in-app": QT_TRANSLATE_NOOP("form", "In the app"), "letter": QT_TRANSLATE_NOOP("form", "Letter"), "in-person": QT_TRANSLATE_NOOP("form", "In person"), "web-form": QT_TRANSLATE_NOOP("form", "Web form")})
DIRECTION_LABELS = TranslatedMap("form", {"outbound": QT_TRANSLATE_NOOP("form", "I contacted them"), "inbound": QT_TRANSLATE_NOOP("form", "They contacted me")})
ESCALATION_LEVELS = ("supervisor", "escalations team", "manager", "formal complaint",
                     "privacy officer")
CORE_LABELS = TranslatedMap("form", {
    "started_at": QT_TRANSLATE_NOOP("form", "Started"), "ended_at": QT_TRANSLATE_NOOP("form", "Ended"), "hold_minutes": QT_TRANSLATE_NOOP("form", "Hold"), "channel": QT_TRANSLATE_NOOP("form", "Channel"),
    "direction": QT_TRANSLATE_NOOP("form", "Direction"), "rep_name": QT_TRANSLATE_NOOP("form", "Representative"), "rep_title": QT_TRANSLATE_NOOP("form", "Their title"),
    "rep_id": QT_TRANSLATE_NOOP("form", "Their ID"), "tickets": QT_TRANSLATE_NOOP("form", "Tickets"), "summary": QT_TRANSLATE_NOOP("form", "Summary"), "outcome": QT_TRANSLATE_NOOP("form", "Outcome"),
})
ESC_LABELS = TranslatedMap("form", {"owner_name": QT_TRANSLATE_NOOP("form", "Owner name"), "owner_title": QT_TRANSLATE_NOOP("form", "Owner title"), "level": QT_TRANSLATE_NOOP("form", "Level"),
              "reference": QT_TRANSLATE_NOOP("form", "Reference"), "requested_on": QT_TRANSLATE_NOOP("form", "Escalation date"), "notes": QT_TRANSLATE_NOOP("form", "Notes")})


class ContactForm:
    """The widgets of the contact dialog (see the module docstring). ``errors`` and
    ``esc_errors`` are filled with the error label of each field as it is built."""

    errors: dict[str, ErrorLabel]
    esc_errors: dict[str, ErrorLabel]

    def _error(self, key: str) -> ErrorLabel:
        label = ErrorLabel(CORE_LABELS[key])
        self.errors[key] = label
        return label

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        label = QLabel(CORE_LABELS[key])
        label.setBuddy(buddy)
        return label

    def build_header(self, outer: QVBoxLayout, case: CaseView, note: str | None) -> None:
        """The safety note (when the issue type has one) and the case's name."""
        self.safety_box: NoteBox | None = None
        if note:
            self.safety_box = NoteBox(note, QCoreApplication.translate("ContactForm", "Safety note"))
            outer.addWidget(self.safety_box)
        self.case_label = HintLabel(
            f"{case.title} · {case.organization.name} · {i18n.text(case.issue_label)}",
            QCoreApplication.translate("ContactForm", "Case"))
        outer.addWidget(self.case_label)

    def build_call_bar(self, outer: QVBoxLayout) -> None:
        """The call bar: channel, direction, start; the clock, hold, end and duration."""
        bar = QFrame()
        bar.setObjectName("callBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAccessibleName(QCoreApplication.translate("ContactForm", "Call"))
        bar_lay = QVBoxLayout(bar)
        bar_lay.setContentsMargins(GRID + GRID // 2, GRID, GRID + GRID // 2, GRID)
        bar_lay.setSpacing(GRID)
        bar_lay.addLayout(self._call_line())
        bar_lay.addWidget(self._call_row())
        self.call_hint = HintLabel("", QCoreApplication.translate("ContactForm", "Call hint"))
        bar_lay.addWidget(self.call_hint)
        for key in ("channel", "direction", "started_at", "ended_at", "hold_minutes"):
            bar_lay.addWidget(self._error(key))
        outer.addWidget(bar)

    def _call_line(self) -> QHBoxLayout:
        """Channel, direction and start, with the UTC offset."""
        line1 = QHBoxLayout()
        line1.setSpacing(GRID)
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(QCoreApplication.translate("ContactForm", "Channel"))
        self.channel_combo.setToolTip(QCoreApplication.translate("ContactForm", "How this contact happened."))
        for ch in CHANNELS:
            self.channel_combo.addItem(CHANNEL_LABELS.get(ch, ch), ch)
        self.direction_combo = QComboBox()
        self.direction_combo.setAccessibleName(QCoreApplication.translate("ContactForm", "Direction"))
        self.direction_combo.setToolTip(QCoreApplication.translate("ContactForm", "Who started this contact."))
        for d in DIRECTIONS:
            self.direction_combo.addItem(DIRECTION_LABELS.get(d, d), d)
        self.start_edit = QDateTimeEdit()
        self.start_edit.setAccessibleName(QCoreApplication.translate("ContactForm", "Started"))
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setToolTip(QCoreApplication.translate("ContactForm", "When the contact "
                                                                             "started, in your "
                                                                             "local time."))
        self.offset_label = QLabel("")
        self.offset_label.setAccessibleName(QCoreApplication.translate("ContactForm", "UTC offset"))
        self.offset_label.setToolTip(QCoreApplication.translate("ContactForm", "Your local UTC offset; stored with the time."))
        ch_label = QLabel(QCoreApplication.translate("ContactForm", "Channel"))
        ch_label.setBuddy(self.channel_combo)
        st_label = QLabel(QCoreApplication.translate("ContactForm", "Started"))
        st_label.setBuddy(self.start_edit)
        line1.addWidget(ch_label)
        line1.addWidget(self.channel_combo)
        line1.addWidget(self.direction_combo)
        line1.addSpacing(GRID)
        line1.addWidget(st_label)
        line1.addWidget(self.start_edit)
        line1.addWidget(self.offset_label)
        line1.addStretch(1)
        return line1

    def _call_row(self) -> QWidget:
        """The clock, Hold, End call, hold minutes, Ended with the end and duration."""
        self.call_row = QWidget()
        line2 = QHBoxLayout(self.call_row)
        line2.setContentsMargins(0, 0, 0, 0)
        line2.setSpacing(GRID)
        self.timer_label = QLabel("00:00")
        self.timer_label.setAccessibleName(QCoreApplication.translate("ContactForm", "Call timer"))
        self.timer_label.setToolTip(QCoreApplication.translate("ContactForm", "How long the "
                                                                              "contact has "
                                                                              "lasted."))
        font = fixed_width_font(self.timer_label.font())  # digits that do not jump, on any system
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.5)
        font.setBold(True)
        self.timer_label.setFont(font)
        # room for "9:59:59" in this font, whatever size the system's text is
        self.timer_label.setMinimumWidth(QFontMetrics(font).horizontalAdvance("9:59:59") + GRID)
        self.hold_button = QPushButton(QCoreApplication.translate("ContactForm", "Hold"))
        self.hold_button.setCheckable(True)
        self.hold_button.setAccessibleName(QCoreApplication.translate("ContactForm", "Hold"))
        self.hold_button.setToolTip(QCoreApplication.translate("ContactForm", "On hold / back from "
                                                                              "hold (H, or Alt+H "
                                                                              "while typing). "
                                    "The minutes add up in the Hold field."))
        self.hold_button.setAutoDefault(False)
        self.end_button = QPushButton(QCoreApplication.translate("ContactForm", "End call"))
        self.end_button.setAccessibleName(QCoreApplication.translate("ContactForm", "End call"))
        self.end_button.setToolTip(QCoreApplication.translate("ContactForm", "The call is over: "
                                                                             "set the end time to "
                                                                             "now (Alt+E)."))
        self.end_button.setAutoDefault(False)
        self.hold_spin = QSpinBox()
        self.hold_spin.setAccessibleName(QCoreApplication.translate("ContactForm", "Hold minutes"))
        self.hold_spin.setRange(0, MAX_HOLD_MINUTES)
        self.hold_spin.setSuffix(QCoreApplication.translate("ContactForm", " min on hold"))
        self.hold_spin.setToolTip(QCoreApplication.translate("ContactForm", "Minutes spent on "
                                                                            "hold; the Hold button "
                                                                            "adds them up, and you "
                                  "can correct them."))
        self.ended_check = QCheckBox(QCoreApplication.translate("ContactForm", "Ended"))
        self.ended_check.setAccessibleName(QCoreApplication.translate("ContactForm", "Ended"))
        self.ended_check.setToolTip(QCoreApplication.translate("ContactForm", "Whether the end "
                                                                              "time below is "
                                                                              "known."))
        self.end_edit = QDateTimeEdit()
        self.end_edit.setAccessibleName(QCoreApplication.translate("ContactForm", "Ended at"))
        self.end_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setToolTip(QCoreApplication.translate("ContactForm", "When the contact "
                                                                           "ended, in your local "
                                                                           "time."))
        self.end_edit.hide()
        self.duration_spin = QSpinBox()
        self.duration_spin.setAccessibleName(QCoreApplication.translate("ContactForm", "Duration minutes"))
        self.duration_spin.setSuffix(QCoreApplication.translate("ContactForm", " min long"))
        self.duration_spin.setToolTip(QCoreApplication.translate("ContactForm", "How long the contact lasted: the end minus the start. "
                                      "Changing it moves the end."))
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
        return self.call_row

    def build_fields(self, body_lay: QVBoxLayout, issue_type: str) -> None:
        """Who you spoke to, tickets, summary and outcome; then promises and escalation."""
        body_lay.addWidget(self._core_fields(issue_type))
        body_lay.addWidget(self._promises_box())
        self._build_escalation(body_lay)
        body_lay.addStretch(1)

    def _core_fields(self, issue_type: str) -> QWidget:
        form = make_form_layout()

        self.rep_name = QLineEdit()
        self.rep_name.setAccessibleName(QCoreApplication.translate("ContactForm", "Representative"))
        self.rep_name.setPlaceholderText(QCoreApplication.translate("ContactForm", "Their name, as they gave it"))
        self.rep_name.setToolTip(QCoreApplication.translate("ContactForm", "The name of the person "
                                                                           "you spoke to. People "
                                                                           "you met before "
                                 "are suggested."))
        form.addRow(self._label("rep_name", self.rep_name),
                    with_error(self.rep_name, self._error("rep_name")))
        self.rep_title = QLineEdit()
        self.rep_title.setAccessibleName(QCoreApplication.translate("ContactForm", "Their title"))
        self.rep_title.setPlaceholderText(QCoreApplication.translate("ContactForm", "e.g. Billing specialist, Supervisor"))
        self.rep_title.setToolTip(QCoreApplication.translate("ContactForm", "Their job title; ask "
                                                                            "for it."))
        form.addRow(self._label("rep_title", self.rep_title),
                    with_error(self.rep_title, self._error("rep_title")))
        self.rep_id = QLineEdit()
        self.rep_id.setAccessibleName(QCoreApplication.translate("ContactForm", "Their ID"))
        self.rep_id.setPlaceholderText(QCoreApplication.translate("ContactForm", "Employee or agent ID, if they give one"))
        self.rep_id.setToolTip(QCoreApplication.translate("ContactForm", "An employee or agent ID, "
                                                                         "if they give one."))
        form.addRow(self._label("rep_id", self.rep_id),
                    with_error(self.rep_id, self._error("rep_id")))

        self.tickets = TicketChips()
        self.errors["tickets"] = self.tickets.error
        form.addRow(self._label("tickets", self.tickets.input),
                    with_error(self.tickets, self.tickets.error))

        self.summary_edit = self._text_box(QCoreApplication.translate("ContactForm", "Summary"), QCoreApplication.translate("ContactForm", "What was said. No full card or account "
                                           "numbers."))
        self.summary_edit.setMinimumHeight(12 * GRID)
        form.addRow(self._label("summary", self.summary_edit),
                    with_error(self.summary_edit, self._error("summary")))
        self.outcome_edit = self._text_box(QCoreApplication.translate("ContactForm", "Outcome"), QCoreApplication.translate("ContactForm", "Where it stands now, e.g. refund "
                                           "approved, waiting for supervisor."))
        self.outcome_edit.setMaximumHeight(10 * GRID)
        show_contact_examples(issue_type, outcome=self.outcome_edit,
                              rep_title=self.rep_title)
        form.addRow(self._label("outcome", self.outcome_edit),
                    with_error(self.outcome_edit, self._error("outcome")))
        core = QWidget()
        core.setLayout(form)
        return core

    def _promises_box(self) -> QWidget:
        """The "Promises" heading and help; rows go into ``promises_lay``."""
        prom_box = QWidget()
        prom_box.setAccessibleName(QCoreApplication.translate("ContactForm", "Promises"))
        prom_lay = QVBoxLayout(prom_box)
        prom_lay.setContentsMargins(0, 0, 0, 0)
        prom_lay.setSpacing(GRID)
        title = QLabel(QCoreApplication.translate("ContactForm", "Promises"))
        title.setAccessibleName(QCoreApplication.translate("ContactForm", "Promises heading"))
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        prom_lay.addWidget(title)
        prom_lay.addWidget(HintLabel(
            QCoreApplication.translate("ContactForm", "One line each: \"5 business days: refund "
                                                      "issued\". The due date is worked out "
            "from the start of this contact."), QCoreApplication.translate("ContactForm", "Promises help")))
        self.promises_lay = QVBoxLayout()
        self.promises_lay.setSpacing(GRID)
        prom_lay.addLayout(self.promises_lay)
        add_row = QHBoxLayout()
        self.add_promise_button = QPushButton(QCoreApplication.translate("ContactForm", "Add promise"))
        self.add_promise_button.setAccessibleName(QCoreApplication.translate("ContactForm", "Add promise"))
        self.add_promise_button.setToolTip(QCoreApplication.translate("ContactForm", "Add another promise line (Alt+P)."))
        self.add_promise_button.setAutoDefault(False)
        add_row.addWidget(self.add_promise_button)
        add_row.addStretch(1)
        prom_lay.addLayout(add_row)
        return prom_box

    def _build_escalation(self, body_lay: QVBoxLayout) -> None:
        """The "Escalation requested" tick and the escalation's fields (hidden until ticked)."""
        self.esc_check = QCheckBox(QCoreApplication.translate("ContactForm", "Escalation "
                                                                             "requested"))
        self.esc_check.setAccessibleName(QCoreApplication.translate("ContactForm", "Escalation requested"))
        self.esc_check.setToolTip(QCoreApplication.translate("ContactForm", "They passed the case "
                                                                            "to a supervisor or an "
                                                                            "escalation team. "
                                  "Ask for the owner's name and title."))
        body_lay.addWidget(self.esc_check)
        self.esc_box = QWidget()
        self.esc_box.setAccessibleName(QCoreApplication.translate("ContactForm", "Escalation"))
        esc_form = make_form_layout()
        esc_form.setContentsMargins(3 * GRID, 0, 0, 0)
        self.esc_owner = self._esc_line("owner_name", QCoreApplication.translate("ContactForm", "Who owns the escalation"))
        self.esc_title = self._esc_line("owner_title", QCoreApplication.translate("ContactForm", "Their title, e.g. Escalations lead"))
        self.esc_level = QComboBox()
        self.esc_level.setEditable(True)
        self.esc_level.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.esc_level.addItems(list(ESCALATION_LEVELS))
        self.esc_level.setAccessibleName(QCoreApplication.translate("ContactForm", "Escalation level"))
        self.esc_level.setToolTip(QCoreApplication.translate("ContactForm", "Who it went to."))
        self.esc_ref = self._esc_line("reference", QCoreApplication.translate("ContactForm", "Escalation or complaint reference"))
        for key, widget in (("owner_name", self.esc_owner), ("owner_title", self.esc_title),
                            ("level", self.esc_level), ("reference", self.esc_ref)):
            err = ErrorLabel(ESC_LABELS[key])
            self.esc_errors[key] = err
            lab = QLabel(ESC_LABELS[key])
            lab.setBuddy(widget)
            esc_form.addRow(lab, with_error(widget, err))
        self.esc_general = ErrorLabel(QCoreApplication.translate("ContactForm", "Escalation"))
        self.esc_hint = HintLabel("", QCoreApplication.translate("ContactForm", "Escalation hint"))
        esc_form.addRow(self.esc_hint)
        esc_form.addRow(self.esc_general)
        self.esc_box.setLayout(esc_form)
        self.esc_box.hide()
        body_lay.addWidget(self.esc_box)

    def _text_box(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setToolTip(placeholder)
        return edit

    def _esc_line(self, key: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(QCoreApplication.translate("ContactForm", "Escalation {lower}").format(
            lower=ESC_LABELS[key].lower()))
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(placeholder)
        return edit
