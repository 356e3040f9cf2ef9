"""The letter editor: the facts for the letter, its text (drafted from the case, editable),
the body's online-form fields with a Copy button each, export (PDF, .docx, text) and
"Mark as sent", which logs the sending as a contact with the body's reply clock.

The text keeps the cover letter's conventions (headings in Title Case on their own line, "- "
list items). Save keeps the draft and its facts on the case; closing with changes asks first.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...casefile.letters import LetterSource, gaps_in, letter_source, named_exhibits
from ...journal.filenames import portable_name
from ...journal.letters.bodies import body, state_departments
from ...journal.letters.facts import Fact, facts_for
from ...journal.letters.plan import letter_steps
from ...journal.letters.sending import SEND_CHANNELS, mark_sent
from ...journal.records import ServiceError
from ...journal.service import JournalService
from ..case.common import muted
from ..dialogs.form_dialog import FormDialog, footer_button
from ..translated import QT_TRANSLATE_NOOP
from ..widgets import GRID, heading, wrap_label

__all__ = ["LetterDialog", "open_letter_dialog"]

CHANNEL_LABELS = {"letter": QT_TRANSLATE_NOOP("LetterDialog", "Letter (post)"),
                  "email": QT_TRANSLATE_NOOP("LetterDialog", "E-mail"),
                  "web-form": QT_TRANSLATE_NOOP("LetterDialog", "Web form")}
EXPORT_FILTERS = {"PDF (*.pdf)": ".pdf", "Word document (*.docx)": ".docx",
                  "Plain text, one section per form field (*.txt)": ".txt"}


class LetterDialog(FormDialog):
    """Edit, save, export and mark sent one letter of a case."""

    changed = Signal()  # a draft was saved or the sending was logged

    def __init__(self, service: JournalService, case_id: int, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.case_id, self.kind = service, case_id, kind
        self.source: LetterSource = letter_source(service, case_id, kind)
        self.body_info = body(kind)
        self.setWindowTitle(self.tr("{title}: {case}").format(
            title=self.body_info.title, case=self.source.data.title))
        self.setAccessibleName(QCoreApplication.translate("LetterDialog", "Letter editor"))
        self.outer.addWidget(heading(self.body_info.title))
        self.deadline_label = wrap_label("", name=QCoreApplication.translate("LetterDialog", "Letter deadline"), selectable=True)
        self.outer.addWidget(self.deadline_label)
        if self.body_info.channels:
            self.outer.addWidget(muted(wrap_label(
                self.tr("Where to send it: ") + "; ".join(self.body_info.channels),
                name=QCoreApplication.translate("LetterDialog", "Where to send it"), selectable=True)))
        lay = self.add_scrolled_body(QCoreApplication.translate("LetterDialog", "Letter form"))
        self._build_facts(lay)
        self._build_text(lay)
        self._build_fields(lay)
        self._build_export(lay)
        self._build_sent(lay)
        lay.addWidget(muted(wrap_label(self.body_info.provenance, name=QCoreApplication.translate("LetterDialog", "Letter source"),
                                       selectable=True)))
        lay.addStretch(1)
        self.add_footer(save_text=self.tr("Save draft"),
                        save_tip=self.tr("Keep this letter and its facts on the case (Ctrl+S)"),
                        cancel_text=self.tr("Close"))
        self._update_deadline()
        self._text_changed()
        self.modified = False
        self.fit(QSize(820, 900))

    # -- building ------------------------------------------------------------------------------

    def _fact_editor(self, fact: Fact, value: str) -> QWidget:
        if fact.kind == "state":
            combo = QComboBox()
            combo.addItem(self.tr("(choose the state)"), "")
            for dept in state_departments():
                combo.addItem(f"{dept.state} ({dept.code})", dept.code)
            index = combo.findData(value.strip().upper())
            combo.setCurrentIndex(max(0, index))
            combo.currentIndexChanged.connect(self._facts_changed)
            return combo
        if fact.kind == "multiline":
            edit = QPlainTextEdit(value)
            edit.setPlaceholderText(i18n.text(fact.gap))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 2 * GRID)
            edit.textChanged.connect(self._facts_changed)
            return edit
        line = QLineEdit(value)
        line.setPlaceholderText(QCoreApplication.translate("LetterDialog", "YYYY-MM-DD") if fact.kind == "date" else i18n.text(fact.gap))
        line.textChanged.connect(self._facts_changed)
        return line

    def _build_facts(self, lay: QVBoxLayout) -> None:
        self.fact_editors: dict[str, QWidget] = {}
        facts = facts_for(self.kind)
        if not facts:
            return
        lay.addWidget(heading(self.tr("Facts for this letter"), level=3))
        form = QFormLayout()
        form.setSpacing(GRID)
        for fact in facts:
            editor = self._fact_editor(fact, self.source.facts.get(fact.name, ""))
            editor.setAccessibleName(i18n.text(fact.label))
            self.fact_editors[fact.name] = editor
            form.addRow(i18n.text(fact.label), editor)
        lay.addLayout(form)
        self.redraft_button = QPushButton(self.tr("Draft again from the case and these facts"))
        self.redraft_button.setAccessibleName(QCoreApplication.translate("LetterDialog", "Draft again"))
        self.redraft_button.setAutoDefault(False)
        self.redraft_button.clicked.connect(self.redraft)
        row = QHBoxLayout()
        row.addWidget(self.redraft_button)
        row.addStretch(1)
        lay.addLayout(row)

    def _build_text(self, lay: QVBoxLayout) -> None:
        lay.addWidget(heading(self.tr("Narrative") if self.kind == "cfpb" else self.tr("Letter"),
                              level=3))
        lay.addWidget(muted(wrap_label(self.tr(
            "Facts the journal does not hold are shown in [brackets]: fill them in before "
            "sending. Headings are short Title Case lines; lines starting with \"- \" are "
            "list items."), name=QCoreApplication.translate("LetterDialog", "Letter conventions"))))
        self.text_edit = QPlainTextEdit(self.source.text)
        self.text_edit.setAccessibleName(QCoreApplication.translate("LetterDialog", "Letter text"))
        self.text_edit.setMinimumHeight(320)
        self.text_edit.textChanged.connect(self._text_changed)
        lay.addWidget(self.text_edit)
        self.gaps_label = wrap_label("", name=QCoreApplication.translate("LetterDialog", "Gaps to fill in"), selectable=True)
        lay.addWidget(self.gaps_label)
        self.counter_label = wrap_label("", name=QCoreApplication.translate("LetterDialog", "Narrative length"))
        self.check_label = wrap_label("", name=QCoreApplication.translate("LetterDialog", "Narrative problems"), selectable=True)
        for label in (self.counter_label, self.check_label):
            label.setVisible(self.kind == "cfpb")
            lay.addWidget(label)

    def _build_fields(self, lay: QVBoxLayout) -> None:
        lay.addWidget(heading(self.tr("For online forms: copy each box"), level=3))
        self.copy_buttons: dict[str, QPushButton] = {}
        form = QFormLayout()
        for label, _value in self.source.fields():
            button = QPushButton(self.tr("Copy"))
            button.setAccessibleName(QCoreApplication.translate("LetterDialog", "Copy {label}").format(
                label=label))
            button.setToolTip(self.tr("Copy “{label}” to the clipboard").format(label=label))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, name=label: self.copy_field(name))
            self.copy_buttons[label] = button
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            form.addRow(label, row)
        lay.addLayout(form)

    def _build_export(self, lay: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.export_button = footer_button(self.tr("Export…"), self.tr(
            "Write the letter as PDF, .docx or plain text"), self.export)
        self.append_check = QCheckBox(self.tr("Append the case file (PDF)"))
        self.append_check.setAccessibleName(QCoreApplication.translate("LetterDialog", "Append the case file"))
        row.addWidget(self.export_button)
        row.addWidget(self.append_check)
        row.addStretch(1)
        lay.addLayout(row)
        self.status_label = wrap_label("", name=QCoreApplication.translate("LetterDialog", "Letter status"), selectable=True)
        lay.addWidget(self.status_label)

    def _build_sent(self, lay: QVBoxLayout) -> None:
        lay.addWidget(heading(self.tr("Mark as sent"), level=3))
        reply = self.body_info.reply
        lay.addWidget(muted(wrap_label(
            self.tr("Logs the sending as a contact on the case, with the enclosures") +
            (self.tr(" and a reply due in {n} ({what}).").format(n=reply.label, what=reply.what)
             if reply else "."), name=QCoreApplication.translate("LetterDialog", "Mark as sent help"))))
        row = QHBoxLayout()
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(QCoreApplication.translate("LetterDialog", "Sent by"))
        for channel in SEND_CHANNELS:
            self.channel_combo.addItem(self.tr(CHANNEL_LABELS[channel]), channel)
        if self.kind in ("cfpb", "hhs-ocr", "state-insurance"):
            self.channel_combo.setCurrentIndex(SEND_CHANNELS.index("web-form"))
        self.sent_date = QDateEdit(QDate.currentDate())
        self.sent_date.setAccessibleName(QCoreApplication.translate("LetterDialog", "Sent on"))
        self.sent_date.setCalendarPopup(True)
        self.sent_date.setDisplayFormat("yyyy-MM-dd")
        self.sent_date.setMaximumDate(QDate.currentDate())
        self.sent_button = footer_button(self.tr("Mark as sent"), self.tr(
            "Save the letter and log it as sent"), self.mark_sent)
        for widget in (self.channel_combo, self.sent_date, self.sent_button):
            row.addWidget(widget)
        row.addStretch(1)
        lay.addLayout(row)
        draft = self.service.letter_draft(self.case_id, self.kind)
        if draft is not None and draft.sent_on is not None:
            self.status_label.setText(self.tr("Sent on {day}.").format(
                day=draft.sent_on.isoformat()))

    # -- reading the form ----------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()

    def facts(self) -> dict[str, str]:
        """What the editors say, where it differs from the case's own field."""
        out: dict[str, str] = {}
        case_fields = self.service.get_case(self.case_id).fields
        for name, editor in self.fact_editors.items():
            if isinstance(editor, QComboBox):
                value = str(editor.currentData() or "")
            elif isinstance(editor, QPlainTextEdit):
                value = editor.toPlainText()
            else:
                value = editor.text() if isinstance(editor, QLineEdit) else ""
            if value.strip() and value.strip() != str(case_fields.get(name, "")).strip():
                out[name] = value.strip()
        return out

    def _facts_changed(self) -> None:
        self.modified = True
        self._update_deadline()

    def _text_changed(self) -> None:
        self.modified = True
        gaps = gaps_in(self.text)
        self.gaps_label.setText(self.tr("{n} to fill in before sending: {gaps}").format(
            n=len(gaps), gaps="; ".join(gaps)) if gaps else self.tr("No gaps left."))
        check = self.source.check(self.text)
        if check is not None:
            self.counter_label.setText(check.counter)
            self.check_label.setText("\n".join(check.problems) if check.problems
                                     else self.tr("No account numbers found."))

    def _update_deadline(self) -> None:
        try:
            facts = self.facts()
        except ServiceError:
            facts = {}
        case = self.service.get_case(self.case_id)
        draft = self.service.letter_draft(self.case_id, self.kind)
        steps = letter_steps(case, today=date.today(), cal=self.service.calendar, drafts={
            self.kind: (facts, draft.sent_on if draft else None)})
        step = next((s for s in steps if s.kind == self.kind), None)
        lines = [step.summary(), step.warning] if step else []
        self.deadline_label.setText("\n".join(x for x in lines if x))

    # -- actions --------------------------------------------------------------------------------

    def redraft(self) -> None:
        """Draft the text again from the case and the facts (asks before replacing edits)."""
        if self.text.strip() and self.text != self.source.text:
            answer = QMessageBox.question(
                self, self.tr("Draft again"), self.tr("Replace the text you edited with a new "
                                                      "draft from the case?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.text_edit.setPlainText(self.source.redraft(self.facts()))
        except ServiceError as exc:
            self.problems_label.show_error(str(exc))

    def copy_field(self, label: str) -> str:
        """Put the value of the form box ``label`` on the clipboard; the value."""
        fields = dict(self.source.fields(self.text, self.facts()))
        value = fields.get(label, "")
        QGuiApplication.clipboard().setText(value)
        self.status_label.setText(self.tr("Copied “{label}” ({n} characters).").format(
            label=label, n=f"{len(value):,}"))
        return value

    def save(self) -> bool:
        try:
            self.service.save_letter_draft(self.case_id, self.kind, self.text, self.facts())
        except ServiceError as exc:
            self.problems_label.show_error(str(exc))
            return False
        self.problems_label.clear_error()
        self.modified = False
        self.status_label.setText(self.tr("Draft saved on the case."))
        self.changed.emit()
        return True

    def _checked(self) -> bool:
        check = self.source.check(self.text)
        if check is not None and not check.ok:
            self.problems_label.show_error(" ".join(check.problems))
            return False
        return True

    def export(self) -> None:
        if not self._checked():
            return
        name = portable_name(QCoreApplication.translate("LetterDialog", "{short} - {title} - "
                                                                        "{isoformat}.pdf").format(
                                                                            short=self.body_info.short,
                                                                            title=self.source.data.title,
                                                                            isoformat=date.today().isoformat()))
        chosen, selected = QFileDialog.getSaveFileName(
            self, self.tr("Export the letter"), name, ";;".join(EXPORT_FILTERS))
        if not chosen:
            return
        path = self._with_suffix(chosen, selected)
        try:
            self.source.write(path, self.text, own_facts=self.facts(),
                              append_case_file=self.append_check.isChecked())
        except (OSError, ValueError, ServiceError) as exc:
            self.problems_label.show_error(self.tr("Could not write {name}: {why}").format(
                name=path.name, why=getattr(exc, "strerror", None) or str(exc)))
            return
        self.problems_label.clear_error()
        self.status_label.setText(self.tr("Exported to {path}.").format(path=path))

    @staticmethod
    def _with_suffix(chosen: str, selected: str) -> Path:
        path = Path(chosen)
        if path.suffix.lower() not in (".pdf", ".docx", ".txt"):
            path = path.with_name(path.name + EXPORT_FILTERS.get(selected, ".pdf"))
        return path

    def mark_sent(self) -> None:
        """Save the letter, then log it as sent with its enclosures and reply clock."""
        if not self._checked() or not self.save():
            return
        sent_on = self.sent_date.date().toPython()
        assert isinstance(sent_on, date)
        enclosures = [QCoreApplication.translate("LetterDialog", "Exhibit {number}: {value}").format(
            number=x.number, value=x.caption or x.original_name)
                      for x in named_exhibits(self.text, self.source.data)]
        try:
            mark_sent(self.service, self.case_id, self.kind, sent_on=sent_on,
                      channel=str(self.channel_combo.currentData()), enclosures=enclosures,
                      recipient=self.body_info.organization or self.source.data.organization.name)
        except ServiceError as exc:
            self.problems_label.show_error(str(exc))
            return
        self.status_label.setText(self.tr("Logged as sent on {day}, with {n} enclosures.").format(
            day=sent_on.isoformat(), n=len(enclosures)))
        self._update_deadline()
        self.changed.emit()

    def reject(self) -> None:
        if self.modified:
            answer = QMessageBox.question(
                self, self.tr("Close the letter"), self.tr("Save the changes to this letter?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()


def open_letter_dialog(parent: QWidget, service: JournalService, case_id: int,
                       kind: str) -> LetterDialog | None:
    """Open the editor (window-modal, not blocking); a plain message when it cannot."""
    try:
        dialog = LetterDialog(service, case_id, kind, parent)
    except ServiceError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Letters", "Letter"), str(exc))
        return None
    dialog.open()
    return dialog
