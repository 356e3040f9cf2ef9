"""E-mails into the selected case from the window: dropped on it, or File > Add e-mail...

``EmailCapture.add_files(case_id, paths)`` reads the files off the GUI thread (``ui.tasks``:
parsing, checking and storing the exhibit files, ``email_import.prepare_file``) and writes each
file's contacts on the GUI thread in one transaction (``commit_file``): each file all or
nothing. A message without any date is asked about once (``UndatedDialog.ask``) and the files
holding such messages are read again with that moment. Then:

- exactly one new message: its contact opens in the contact dialog, pre-filled, to add what the
  e-mail does not say (tickets, promises); it is already saved;
- otherwise a summary: "Added N e-mails, skipped M already in the journal", with one line per
  file that could not be read.

A big mailbox shows a progress dialog whose Stop ends the reading (nothing is written then).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ...journal.capture.email_import import (
    PreparedFile,
    UndatedMessage,
    commit_file,
    prepare_file,
)
from ...journal.capture.email_parse import EmailError
from ...journal.exhibits import AttachmentError
from ...journal.exhibits.orphans import discard_unused
from ...journal.filenames import portable_name
from ...journal.profile import own_addresses
from ...journal.service import JournalService, ServiceError
from ..settings import app_settings
from ..tasks import TaskCancelled, TaskContext, TaskRunner
from .drop import EMAIL_FILTER

__all__ = ["CaptureReport", "EmailCapture", "UndatedDialog", "email_capture_for"]

KEY_LAST_EMAIL_FOLDER = "capture/last_email_folder"
PROGRESS_AFTER_MS = 700
# What a file that cannot be read raises (said in one line; never a traceback).
FILE_PROBLEMS = (EmailError, ServiceError, AttachmentError, OSError)


class UndatedDialog(QDialog):
    """When were the messages received that say nothing of it? (Tests patch ``ask``.)"""

    def __init__(self, parent: QWidget | None, subjects: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("When was it received?"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        shown = ", ".join(f"\u201c{s or self.tr('(no subject)')}\u201d" for s in subjects[:3])
        more = "\u2026" if len(subjects) > 3 else ""
        text = self.tr("{shown}{more} has no date (no Date or Received header). When was it "
                       "received?").format(shown=shown, more=more)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Which messages have no date"))
        layout.addWidget(label)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("Received at"))
        layout.addWidget(self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def moment(self) -> datetime:
        value = self.when.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0).astimezone()

    @classmethod
    def ask(cls, parent: QWidget | None, subjects: list[str]) -> datetime | None:
        dialog = cls(parent, subjects)
        try:
            return dialog.moment() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


@dataclass
class CaptureReport:
    """What one round of adding e-mails did."""

    case_id: int
    added: list[int] = field(default_factory=list)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    files: int = 0

    def summary(self, tr: Any = lambda s: s) -> str:
        lines = [tr("Added {added} e-mail(s), skipped {skipped} already in the journal.").format(
            added=len(self.added), skipped=self.skipped)]
        return "\n".join(lines + self.problems)


def prepare_all(svc: JournalService, paths: list[Path], own: frozenset[str], known: set[str],
                undated_at: datetime | None, context: TaskContext) -> list[tuple[Path, object]]:
    """Runs off the GUI thread: each file prepared, or the problem it had."""
    outcomes: list[tuple[Path, object]] = []
    count = [0]

    def tick() -> None:
        context.raise_if_cancelled()
        count[0] += 1
        if count[0] % 25 == 0:
            context.progress(count[0])

    try:
        for path in paths:
            try:
                outcomes.append((path, prepare_file(svc, path, own=own, known=known,
                                                    undated_at=undated_at, tick=tick)))
            except FILE_PROBLEMS as exc:
                outcomes.append((path, exc))
    except TaskCancelled:
        for _path, outcome in outcomes:
            if isinstance(outcome, PreparedFile):
                discard_unused(svc, outcome.stored)
        raise
    return outcomes


class EmailCapture(QObject):
    """Adds e-mail files to a case of ``window`` (see the module)."""

    finished = Signal(object)  # the CaptureReport of a round (after the dialog or summary)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = TaskRunner(self)
        self.progress: QProgressDialog | None = None
        self.pending: CaptureReport | None = None  # before asking about undated messages
        session = getattr(window, "session", None)
        if session is not None:  # a reopened journal: what is being read is for the old one
            session.service_replaced.connect(lambda _service: self.runner.invalidate())

    @property
    def busy(self) -> bool:
        return self.runner.running

    def choose(self, case_id: int | None) -> bool:
        """File > Add e-mail...: pick message files for ``case_id``."""
        if case_id is None:
            self._say(self.tr("Select a case first, then add the e-mail to it."))
            return False
        settings = app_settings()
        folder = str(settings.value(KEY_LAST_EMAIL_FOLDER, "") or "")
        paths, _selected = QFileDialog.getOpenFileNames(
            self.window, self.tr("Add e-mail"), folder, EMAIL_FILTER)
        if not paths:
            return False
        settings.setValue(KEY_LAST_EMAIL_FOLDER, str(Path(paths[0]).parent))
        return self.add_files(case_id, [Path(p) for p in paths])

    def add_files(self, case_id: int | None, paths: list[Path], *,
                  undated_at: datetime | None = None) -> bool:
        """Read ``paths`` in the background and log their messages in ``case_id``."""
        if case_id is None or not paths:
            self._say(self.tr("Select a case first, then add the e-mail to it."))
            return False
        if self.busy:
            self._say(self.tr("E-mails are still being added; try again when they are done."))
            return False
        svc: JournalService = self.window.service
        try:
            svc.require_writable()
            _ = svc.store  # made here (it reads settings), used by the worker (thread-safe)
            own = own_addresses(svc.profile())
            known = svc.captured_refs(case_id)
        except (ServiceError, OSError, ValueError) as exc:  # read-only, a bad store setting
            self._say(self.tr("No e-mail was added: {problem}").format(problem=exc))
            return False
        task = self.runner.start(
            lambda context: prepare_all(svc, list(paths), own, known, undated_at, context))
        task.done.connect(lambda outcomes: self._prepared(case_id, outcomes, undated_at))
        task.failed.connect(lambda exc: self._failed(case_id, exc))
        task.cancelled.connect(lambda: self._stopped(case_id))
        task.progress.connect(self._read_so_far)
        self.progress = QProgressDialog(self.tr("Reading the e-mails\u2026"), self.tr("Stop"),
                                        0, 0, self.window)
        self.progress.setWindowTitle(self.tr("Add e-mail"))
        self.progress.setAccessibleName(self.tr("Reading e-mails"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self.progress.canceled.connect(task.cancel)
        self._say(self.tr("Reading the e-mails\u2026"))
        return True

    def _read_so_far(self, count: object) -> None:
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Read {n} messages\u2026").format(n=count))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _prepared(self, case_id: int, outcomes: object, undated_at: datetime | None) -> None:
        self._close_progress()
        assert isinstance(outcomes, list)
        svc: JournalService = self.window.service
        report = CaptureReport(case_id)
        undated: list[tuple[Path, str]] = []
        for path, outcome in outcomes:
            name = portable_name(path.name)
            if isinstance(outcome, UndatedMessage) and undated_at is None:
                undated.append((path, outcome.subject))
            elif isinstance(outcome, PreparedFile):
                try:
                    ids, skipped = commit_file(svc, case_id, outcome)
                except FILE_PROBLEMS as exc:
                    report.problems.append(f"{name}: {exc}")
                    continue
                report.added += ids
                report.skipped += skipped
                report.files += 1
            else:
                report.problems.append(f"{name}: {outcome}")
        if report.added:
            self.window.refresh(select=case_id)
        if undated:
            when = UndatedDialog.ask(self.window, [s for _p, s in undated])
            if when is not None:
                self.pending = report  # merged into the next round's report
                QTimer.singleShot(0, lambda: self.add_files(
                    case_id, [p for p, _s in undated], undated_at=when))
                return
            report.problems += [self.tr("{name}: not added (no date was given).").format(
                name=portable_name(p.name)) for p, _s in undated]
        self._finish(report, single=len(outcomes) == 1)

    def _finish(self, report: CaptureReport, *, single: bool) -> None:
        earlier, self.pending = self.pending, None
        if earlier is not None and earlier.case_id == report.case_id:
            report.added = earlier.added + report.added
            report.skipped += earlier.skipped
            report.problems = earlier.problems + report.problems
            single = single and not (earlier.added or earlier.skipped or earlier.problems)
        self._say(report.summary(self.tr).splitlines()[0])
        if single and len(report.added) == 1 and not report.problems and not report.skipped:
            self.finished.emit(report)
            self.window.edit_contact(report.added[0])  # pre-filled, already saved
            return
        if report.problems and not report.added and not report.skipped:
            QMessageBox.warning(self.window, self.tr("Add e-mail"), report.summary(self.tr))
        else:
            QMessageBox.information(self.window, self.tr("Add e-mail"), report.summary(self.tr))
        self.finished.emit(report)

    def _failed(self, case_id: int, exc: object) -> None:
        self._close_progress()
        report = CaptureReport(case_id, problems=[self.tr(
            "The e-mails could not be read ({problem}); nothing was added.").format(
                problem=type(exc).__name__)])
        self._finish(report, single=False)

    def _stopped(self, case_id: int) -> None:
        self._close_progress()
        self._say(self.tr("Stopped; no e-mail was added."))
        self.finished.emit(CaptureReport(case_id))

    def _say(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 10000)


def email_capture_for(window: Any) -> EmailCapture:
    """The window's one EmailCapture (made on first use)."""
    found = window.findChild(EmailCapture)
    return found if isinstance(found, EmailCapture) else EmailCapture(window)
