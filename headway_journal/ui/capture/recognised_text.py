"""The recognised text of an image exhibit, under the image in the viewer.

Always labelled as text *read from the image* (by which engine, and whether the user corrected
it), never as the user's own words; shown read-only and set in a different style from the
user's notes. "Correct" makes it editable; "Save correction" stores it through the service
(``correct_exhibit_text``: marked as corrected, in the change history); "Cancel" puts it back.
"Recognise again" (when Tesseract is installed) reads the image once more, off the GUI thread;
a correction stays unless the user confirms replacing it. Without Tesseract the panel says how
to enable it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.capture import ocr
from headway_journal.journal.service import JournalService, ServiceError

from .ocr_queue import OcrQueue, ocr_events

__all__ = ["RecognisedTextPanel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecognisedTextPanel", text)


class RecognisedTextPanel(QWidget):
    """See the module docstring. ``text_changed(int)``: stored text of this exhibit changed."""

    text_changed = Signal(int)

    def __init__(self, service: JournalService, attachment_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.attachment_id = attachment_id
        self.setAccessibleName(_tr("Recognised text"))
        self.queue = OcrQueue(lambda: self.service, self)
        self.queue.failed.connect(self._say)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("")
        self.heading.setAccessibleName(_tr("Recognised text source"))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.heading)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(_tr("Recognised text"))
        self.edit.setAccessibleDescription(_tr(
            "Text read from the image by character recognition, not your own words; "
            "Correct lets you fix what was misread."))
        self.edit.setReadOnly(True)
        self.edit.setTabChangesFocus(True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setMaximumHeight(140)
        lay.addWidget(self.edit)
        row = QHBoxLayout()
        self.correct_button = self._button(_tr("Correct"), _tr(
            "Correct what was misread (it stays "
                                                              "marked as recognised text)."), self.start_editing)
        self.save_button = self._button(_tr("Save correction"), _tr("Store the corrected text."),
                                        self.save_correction)
        self.cancel_button = self._button(_tr("Cancel"), _tr("Put the text back as it was."),
                                          self.load)
        self.again_button = self._button(_tr("Recognise again"), _tr(
            "Read the text in the image once "
                                                              "more."), self.recognise_again)
        for b in (self.correct_button, self.save_button, self.cancel_button, self.again_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        ocr_events().changed.connect(self._changed)
        self.load()

    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _say(self, text: str) -> None:
        self.heading.setText(text)

    def load(self) -> None:
        """Show the stored text (read-only) with where it came from."""
        found = self.service.exhibit_text(self.attachment_id)
        missing = ocr.unavailable()
        self.edit.setReadOnly(True)
        self.edit.setPlainText(found.text if found else "")
        if found is None:
            self.heading.setText(_tr("Recognised text: none yet.") + " " + (
                _tr("It is read in the "
                                                                      "background after the image "
                                                                      "is stored.")
                if missing is None else missing))
        else:
            when = (found.corrected_at or found.recognised_at).astimezone().strftime("%Y-%m-%d")
            self.heading.setText(
                _tr("Recognised text, read from "
                                                                      "the image by {engine}; not "
                                                                      "your own words. "
                    "Corrected by you on {when}.").format(engine=found.engine, when=when)
                if found.corrected else
                _tr("Recognised text, read from "
                                                                      "the image by {engine} on "
                                                                      "{when}; not your own "
                    "words. It may hold misread characters: correct them if needed.").format(
                    engine=found.engine, when=when))
        self.correct_button.setVisible(found is not None)
        self.correct_button.setEnabled(not self.service.read_only)
        self.save_button.hide()
        self.cancel_button.hide()
        self.again_button.setVisible(missing is None and not self.service.read_only)

    def start_editing(self) -> None:
        self.edit.setReadOnly(False)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.correct_button.hide()
        self.save_button.show()
        self.cancel_button.show()

    def save_correction(self) -> bool:
        try:
            self.service.correct_exhibit_text(self.attachment_id, self.edit.toPlainText())
        except ServiceError as exc:
            self.heading.setText(_tr("Not saved: {why}").format(
                why=exc))
            return False
        self.load()
        ocr_events().changed.emit(self.service, self.attachment_id)
        return True

    def recognise_again(self) -> bool:
        found = self.service.exhibit_text(self.attachment_id)
        replace = False
        if found is not None and found.corrected:
            answer = QMessageBox.question(
                self, _tr("Recognise again"),
                _tr("You corrected this text. "
                                                                      "Replace your correction "
                                                                      "with a new reading?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            replace = True
        started = self.queue.recognise([self.attachment_id], replace_correction=replace)
        if started:
            self.heading.setText(_tr("Reading the text in the image…"))
        return started

    def _changed(self, service: object, attachment_id: int) -> None:
        if (service is self.service and attachment_id == self.attachment_id
                and self.edit.isReadOnly()):
            self.load()
            self.text_changed.emit(attachment_id)
