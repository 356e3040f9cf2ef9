"""A JSON export imported from the window: off the GUI thread, with a progress dialog.

The import (``journal.interchange.import_source``: all or nothing) runs on a worker thread, so
the window keeps painting and answering: a large file (100,000 contacts) takes most of a minute,
which froze the window before, and a quit signal waited for the end of it. A window-modal
progress dialog says how many of the file's cases are read and offers Cancel. Cancelling, or a
request to quit (File > Quit from the tray, SIGTERM, the desktop session ending: the window's
close calls :meth:`ImportRun.stop`), stops the import at the next case and rolls it back:
nothing is imported, the exhibit files it stored are removed, the journal is as it was. The
last stage (storing the exhibit files, sealing the history, the commit) cannot be stopped and
is short.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..journal.interchange import ImportSummary, import_source, open_import_file
from .tasks import Task, TaskCancelled, TaskContext, TaskRunner

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..journal.service import JournalService

__all__ = ["ImportOutcome", "ImportRun"]

PROGRESS_EVERY_S = 0.1  # how often the worker reports the cases read (besides the last)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportRun", text)


@dataclass
class ImportOutcome:
    """How an import ended: its summary, the exception that stopped it, or cancelled."""

    summary: ImportSummary | None = None
    error: BaseException | None = None
    cancelled: bool = False


class _ImportDialog(QProgressDialog):
    """Cancel, Escape and the title bar's close button ask to cancel; the dialog stays, saying
    so, until the import has been rolled back (QProgressDialog hides at once, which left the
    window open to edits while the import still held the journal)."""

    stoppable = True  # False in the last stage, which cannot be stopped

    def __init__(self, label: str, cancel: str, parent: QWidget) -> None:
        super().__init__(label, cancel, 0, 0, parent)
        self.canceled.disconnect(self.cancel)  # Qt's own reset hides the dialog at once

    def reject(self) -> None:
        if self.stoppable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()


class ImportRun(QObject):
    """One import of ``path`` into ``service``, shown over ``parent`` (see the module doc)."""

    def __init__(self, service: JournalService, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._path = path
        self._parent = parent
        self._runner = TaskRunner(self, max_threads=1)
        self._task: Task | None = None
        self._outcome = ImportOutcome()
        self._dialog: _ImportDialog | None = None

    def run(self) -> ImportOutcome:
        """Import, and return once the import has ended; the window answers meanwhile (a
        local event loop runs until then)."""
        dialog = self._dialog = _ImportDialog(
            _tr("Checking {name}…").format(name=self._path.name), _tr("Cancel"), self._parent)
        dialog.setWindowTitle(_tr("Import cases"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)  # a small file is done before the dialog would show
        dialog.setValue(0)
        loop = QEventLoop()
        task = self._task = self._runner.start(self._work)
        task.progress.connect(self._show)
        task.finished.connect(loop.quit)
        dialog.canceled.connect(self.cancel)
        if not task.ended:
            loop.exec()
        # A quit asked meanwhile ends every event loop at once: the worker may still be
        # rolling back (the window's close waited for it already, see ``stop``).
        self._runner.wait()
        dialog.canceled.disconnect(self.cancel)
        dialog.hide()  # (not close(): that asks to cancel)
        dialog.deleteLater()
        self._dialog = None
        return self._outcome

    def cancel(self) -> None:
        """Stop at the next case (rolled back); returns at once."""
        if self._task is not None and not self._task.ended:
            self._task.cancel()
            if self._dialog is not None:
                self._dialog.setLabelText(_tr("Cancelling: nothing will be imported…"))

    def stop(self, msecs: int = -1) -> bool:
        """Cancel, and wait until the import has been rolled back (or has finished)."""
        self.cancel()
        return self._runner.wait(msecs)

    # worker thread

    def _work(self, context: TaskContext) -> None:
        outcome = self._outcome
        last = [0.0]

        def progress(read: int, total: int) -> None:
            context.raise_if_cancelled()
            now = time.monotonic()
            if read == 0 or read == total or now - last[0] >= PROGRESS_EVERY_S:
                last[0] = now
                context.progress((read, total))

        try:
            source = open_import_file(self._path)
            context.raise_if_cancelled()
            outcome.summary = import_source(self._service, source, progress)
        except TaskCancelled:
            outcome.cancelled = True
            raise
        except BaseException as exc:
            outcome.error = exc
            raise

    # GUI thread

    def _show(self, value: object) -> None:
        dialog = self._dialog
        if dialog is None or not isinstance(value, tuple) or (self._task and
                                                              self._task.is_cancelled):
            return
        read, total = value
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(read, max(total, 1)))
        if read < total:
            dialog.setLabelText(_tr("Importing {name}: {read} of {total} cases read…").format(
                name=self._path.name, read=f"{read:,}", total=f"{total:,}"))
        else:  # storing the exhibits, sealing the history, committing: not stopped any more
            dialog.setLabelText(_tr("Saving the imported cases and storing their exhibits…"))
            dialog.setCancelButton(None)
            dialog.stoppable = False
