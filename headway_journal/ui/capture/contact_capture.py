"""What the contact dialog gets for capturing: a chat transcript pasted (Ctrl+Shift+V or "Paste
chat transcript") or read from a .txt file, and the suggestions strip.

``ContactCapture(dialog)`` puts its bar above the dialog's exhibit strip:

- a transcript is split into turns (``journal.capture.transcript``) and fills the channel
  (chat), the start and end, the agent's name (when none is typed yet) and the ticket numbers;
  the transcript itself goes into the summary verbatim (after what is there). One longer than a
  summary may hold is attached as a .txt exhibit instead, and the summary says so;
- the strip offers what ``journal.capture.suggest`` finds in the summary (half a second after
  it changes: any text that lands there, typed, pasted or filled in by another capture, gets
  suggestions) and in the recognised text of the case's image exhibits (updated when the
  background recognition stores some). A ticket or reference goes into the tickets, a promise
  into the first empty promise line (or a new one).

``capture_source`` says how this contact was captured ("typed", "transcript", or
"ocr-suggestion" once a suggestion from a screenshot's text was used); the dialog saves it
with a new contact (``ContactDialog.contact_input``; an edit keeps the stored source).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from headway_journal.journal.capture.suggest import Suggestion, suggest
from headway_journal.journal.capture.transcript import (
    Transcript,
    TranscriptFileError,
    parse_transcript,
    read_transcript_file,
)
from headway_journal.journal.records import MAX_LONG, PromiseInput
from headway_journal.ui.dialogs.contact.call_times import to_qdatetime

from .held_text import HeldTextReader
from .ocr_queue import ocr_events
from .suggestions import SuggestionStrip

if TYPE_CHECKING:  # pragma: no cover
    from headway_journal.ui.dialogs.contact.dialog import ContactDialog

__all__ = ["PASTE_TRANSCRIPT_KEYS", "ContactCapture"]

PASTE_TRANSCRIPT_KEYS = "Ctrl+Shift+V"
REFRESH_MS = 500


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactCapture", text)


class ContactCapture(QObject):
    """See the module docstring."""

    def __init__(self, dialog: ContactDialog) -> None:
        super().__init__(dialog)
        self.dlg = dialog
        self.capture_source = "typed"
        self.last_transcript: Transcript | None = None
        self._ocr_texts: list[tuple[str, str, int]] = []  # (text, exhibit name, id)
        self.bar = self._build()
        outer = dialog.outer
        outer.insertWidget(outer.indexOf(dialog.exhibit_strip), self.bar)
        self.shortcut = QShortcut(QKeySequence(PASTE_TRANSCRIPT_KEYS), dialog)
        self.shortcut.activated.connect(self.paste_transcript)
        self.shortcut.setWhatsThis(_tr("Paste a chat transcript from the clipboard"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        dialog.summary_edit.textChanged.connect(self.timer.start)
        dialog.tickets.chips_changed.connect(self.timer.start)
        self.strip.chosen.connect(self.use)
        ocr_events().changed.connect(self._text_recognised)
        # screenshots kept for a new contact are read before it is saved
        self.held = HeldTextReader(self)
        self.held.updated.connect(self.refresh)
        dialog.attachments.held_changed.connect(
            lambda: self.held.read(dialog.attachments.held_items()))
        dialog.finished.connect(lambda _r: self.held.shutdown())
        self.load_recognised_text(refresh=False)
        self.timer.start()  # once the dialog is built

    def _build(self) -> QWidget:
        bar = QWidget()
        bar.setAccessibleName(_tr("Capture"))
        lay = QVBoxLayout(bar)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.paste_button = QPushButton(_tr("Paste chat transcript"))
        self.paste_button.setAccessibleName(_tr("Paste chat transcript"))
        self.paste_button.setToolTip(_tr(
            "Fill this contact from a chat copied "
                                                         "from the support window ({keys}): start "
            "and end, the agent, ticket numbers; the transcript goes into the summary as it "
            "is.").format(keys=PASTE_TRANSCRIPT_KEYS))
        self.paste_button.setAutoDefault(False)
        self.paste_button.clicked.connect(self.paste_transcript)
        self.file_button = QPushButton(_tr("Transcript from file…"))
        self.file_button.setAccessibleName(_tr("Transcript from file"))
        self.file_button.setToolTip(_tr("The same from a chat saved as a .txt file."))
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.transcript_from_file)
        self.status = QLabel("")
        self.status.setAccessibleName(_tr("Capture status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.paste_button)
        row.addWidget(self.file_button)
        row.addWidget(self.status, 1)
        lay.addLayout(row)
        self.strip = SuggestionStrip()
        lay.addWidget(self.strip)
        return bar

    def focus_chain(self) -> list[QWidget]:
        """The bar's widgets in Tab order (the dialog puts them before the exhibits)."""
        return [self.paste_button, self.file_button, *self.strip.buttons(),
                self.strip.dismiss_button]

    def say(self, text: str) -> None:
        self.status.setText(text)

    # --- transcripts --------------------------------------------------------------------

    def paste_transcript(self) -> bool:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.say(_tr("The clipboard holds no "
                                                                      "text: copy the chat first, "
                                                                      "then paste it "
                         "here."))
            return False
        return self.apply_transcript(text)

    def transcript_from_file(self) -> bool:
        path, _filter = QFileDialog.getOpenFileName(
            self.dlg, _tr("Chat transcript"), "", _tr("Text files (*.txt *.log);;All files (*)"))
        if not path:
            return False
        try:
            text = read_transcript_file(Path(path))
        except TranscriptFileError as exc:
            self.say(str(exc))
            return False
        if not text.strip():
            self.say(_tr("That file is empty; nothing "
                                                                      "was filled in."))
            return False
        return self.apply_transcript(text)

    def apply_transcript(self, text: str) -> bool:
        """Fill the contact from ``text`` (see the module docstring)."""
        dlg = self.dlg
        start = dlg.started_at()
        own = dlg.service.profile().get("name", "").strip()
        zone = start.tzinfo if start.tzinfo is not None else UTC
        tr = parse_transcript(text, day=start.date(), zone=zone,
                              ticket_patterns=dlg.case.organization.ticket_patterns,
                              customer_names=[own, own.split(" ")[0]] if own else [],
                              now=datetime.now(zone))
        self.last_transcript = tr
        chat = dlg.channel_combo.findData("chat")
        if str(dlg.channel_combo.currentData()) not in ("chat", "in-app") and chat >= 0:
            dlg.channel_combo.setCurrentIndex(chat)
        if tr.started_at is not None:
            dlg.start_edit.setDateTime(to_qdatetime(tr.started_at))
        if tr.ended_at is not None:
            dlg.ended_check.setChecked(True)
            dlg.end_edit.setDateTime(to_qdatetime(tr.ended_at))
        if tr.agent_name and not dlg.rep_name.text().strip():
            dlg.rep_name.setText(tr.agent_name)
        for number in tr.tickets:
            if number not in dlg.tickets.tickets():
                dlg.tickets.add(number)
        kept = self._keep_text(text)
        self.capture_source = "transcript"
        spoken = [t for t in tr.turns if t.speaker]
        when = (f", {tr.started_at:%H:%M}–{tr.ended_at:%H:%M}"
                if tr.started_at and tr.ended_at else "")
        self.say(_tr("Chat transcript: {n} "
                                                                  "messages{when}{agent}; "
                                                                  "{kept}").format(
            n=len(spoken), when=when,
            agent=_tr(", agent {name}").format(
                name=tr.agent_name) if tr.agent_name else "",
            kept=kept))
        self.refresh()
        return True

    def _keep_text(self, text: str) -> str:
        """The transcript into the summary (or attached when too long); what was done."""
        edit = self.dlg.summary_edit
        existing = edit.toPlainText()
        joiner = "\n\n" if existing.strip() else ""
        cursor = edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        if len(existing) + len(joiner) + len(text) <= MAX_LONG:
            cursor.insertText(joiner + text)  # one step of the summary's undo
            return _tr("the full text is in the "
                                                                    "summary.")
        name = QCoreApplication.translate("ContactCapture", "chat transcript {isoformat}.txt").format(
            isoformat=date.today().isoformat())
        self.dlg.attachments.attach_bytes(self.dlg.case_id, text.encode("utf-8"), name,
                                          self.dlg.contact_id)
        note = _tr("Chat transcript ({n} characters) "
                                                                "kept as the exhibit “{name}”.").format(
            n=f"{len(text):,}", name=name)
        cursor.insertText(joiner + note)
        return _tr("it is too long for the summary, "
                                                                "so it is attached as "
                                                                "“{name}”.").format(
            name=name)

    # --- suggestions ----------------------------------------------------------------------

    def load_recognised_text(self, *, refresh: bool = True) -> None:
        """The recognised text of the case's exhibits (again, after recognition stored some)."""
        texts = self.dlg.service.exhibit_texts(self.dlg.case_id)
        self._ocr_texts = [(t.text, t.name, t.attachment_id) for t in texts]
        if refresh:
            self.refresh()

    def _text_recognised(self, service: object, attachment_id: int) -> None:
        if service is not self.dlg.service:
            return  # another journal's exhibit
        try:
            case_id = self.dlg.service.attachment(attachment_id).case_id
        except Exception:  # noqa: BLE001 - another journal's exhibit, or the journal closed
            return
        if case_id == self.dlg.case_id:
            self.load_recognised_text()

    def found(self) -> list[Suggestion]:
        """Everything found now: in the summary first, then in each exhibit's text."""
        base = self.dlg.started_at().date()
        patterns = self.dlg.case.organization.ticket_patterns
        out = suggest(self.dlg.summary_edit.toPlainText(), base=base, ticket_patterns=patterns)
        for text, name, _id in self._ocr_texts:
            out += suggest(text, base=base, ticket_patterns=patterns, source=name)
        for name, text in self.held.texts:
            out += suggest(text, base=base, ticket_patterns=patterns, source=name)
        have = {t.upper() for t in self.dlg.tickets.tickets()}
        return [s for s in out if s.kind == "promise" or s.value.upper() not in have]

    def refresh(self) -> None:
        if self.strip.set_suggestions(self.found()):
            self.dlg.refresh_tab_order()

    def use(self, s: Suggestion) -> None:
        """What choosing a suggestion does (see the module docstring)."""
        dlg = self.dlg
        if s.kind in ("ticket", "reference"):
            if s.value not in dlg.tickets.tickets():
                dlg.tickets.add(s.value)
        else:
            row = next((r for r in dlg.promise_rows if r.is_empty()), None)
            if row is None:
                row = dlg.add_promise_row(focus=False)
            row.set_input(PromiseInput(text=s.context[:200], business_days=s.business_days,
                                       hours=s.hours, due_on=s.due_on))
            dlg.keeper.touch()
        if s.source and self.capture_source == "typed":
            self.capture_source = "ocr-suggestion"
        self.say(_tr("Added: {what}.").format(
            what=s.label))
