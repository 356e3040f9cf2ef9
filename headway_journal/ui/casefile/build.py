"""Building a case file in the background: the builder, its progress dialog, and Print.

:class:`CaseFileBuilder` runs :func:`build_for_case` on a worker thread with a cancellable
progress dialog; a cancelled build leaves no file, and errors come back as one sentence
(:func:`describe_build_error`). :func:`print_case_file` builds the full case file into a
:class:`Scratch` folder, then shows the print dialog.
"""

from __future__ import annotations

import errno
import logging
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QStandardPaths,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from ... import i18n, l10n
from ...casefile import BuildResult, CaseFileCancelled
from ...casefile.service_bridge import CaseFileTooLarge, build_for_case, default_file_name
from ...casefile.signing.choose import use_passphrase
from ...journal.safe_echo import window_text
from ...journal.service import NotFound, ServiceError
from ..signing_passphrase import ensure_passphrase, remembered
from ..translated import QT_TRANSLATE_NOOP, tr
from .print_preview import handed_to_viewer, print_pdf

_log = logging.getLogger(__name__)

# Every builder made, so the window's close can stop their builds (``cancel_running_builds``).
_BUILDERS: weakref.WeakSet[CaseFileBuilder] = weakref.WeakSet()


def cancel_running_builds() -> int:
    """Ask every running build to stop (the app is quitting: a build would hold the exit
    until it ends); returns how many were running. Nothing is written for a cancelled build."""
    running = [b for b in list(_BUILDERS) if b.running()]
    for builder in running:
        builder.cancel()
    return len(running)


@dataclass(frozen=True)
class BuildOptions:
    redact: bool = False
    exclude: tuple[int, ...] = ()
    cover_letter: str | None = None
    include: tuple[int, ...] = ()  # PDF/text exhibits put back in a redacted copy, unmasked
    first: date | None = None  # the timeline's date range (both included), if limited
    last: date | None = None
    language: str = ""  # the case file's language ("" = the window's)


def describe_build_error(exc: BaseException, out: Path) -> str:
    """One plain sentence for the user; never a traceback."""
    if isinstance(exc, CaseFileTooLarge):
        return (QCoreApplication.translate("build", "{exc} Set the dates under “Timeline” in the "
                                                    "case file window (File > Export case "
                                                    "file…).").format(exc=exc))
    if isinstance(exc, ServiceError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return (QCoreApplication.translate("build", "The case file could not be saved in {parent}: "
                                                    "permission denied. Choose another folder.").format(
                                                        parent=out.parent))
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("build", "The folder {parent} does not exist (any more). "
                                                   "Choose another folder.").format(
                                                       parent=out.parent)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate("build", "The disk is full, so the case file was not "
                                                   "saved. Free some space and try again.")
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return QCoreApplication.translate("build", "The case file could not be written ({reason}). "
                                                   "Nothing was saved.").format(reason=reason)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("build", "There was not enough memory to build the case "
                                                   "file. Nothing was saved.")
    return (QCoreApplication.translate("build", "The case file could not be made because of an "
                                                "unexpected problem ({name__}). Nothing was "
                                                "saved.").format(name__=type(exc).__name__))


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()


# --- the worker ----------------------------------------------------------------------------------


class _JobSignals(QObject):
    """Made on the GUI thread as a child of the builder; the worker emits, the builder's slots
    run on the GUI thread, and the builder deletes it there once the build has ended."""

    progress = Signal(int, str)
    done = Signal(object)  # BuildResult
    failed = Signal(str)
    cancelled = Signal()


def _run_build(
    service: Any,
    case_id: int,
    out: Path,
    options: BuildOptions,
    cancel: threading.Event,
    signals: _JobSignals,
) -> None:
    """Runs on the worker thread: touches only the event, the signals and the files."""

    def progress(done: int, total: int, message: str) -> None:
        signals.progress.emit(int(done * 100 / max(1, total)), message)

    try:
        with l10n.using(options.language or i18n.current_language()):
            result = build_for_case(
                service, case_id, out, redact=options.redact, exclude=options.exclude,
                include=options.include, cover_letter=options.cover_letter, progress=progress,
                cancelled=cancel.is_set, first=options.first, last=options.last,
            )
    except CaseFileCancelled:
        signals.cancelled.emit()
    except BaseException as exc:  # noqa: BLE001 - reported as a sentence, logged in full
        if not isinstance(exc, (ServiceError, OSError)):
            _log.error("case file build failed", exc_info=True)
        signals.failed.emit(describe_build_error(exc, out))
    else:
        signals.done.emit(result)


class CaseFileBuilder(QObject):
    """Builds one case file at a time off the GUI thread, with a cancellable progress dialog."""

    finished = Signal(object)  # BuildResult
    failed = Signal(str)  # a sentence for the user
    cancelled = Signal()

    def __init__(self, service: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.case_id = case_id
        self._widget = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancel = threading.Event()
        self._signals: _JobSignals | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.out: Path | None = None
        # A modal progress box's setValue() processes events: the end of the build can arrive
        # inside it, while the box cannot be deleted yet; the end then waits for it to return.
        self._updating = False
        _BUILDERS.add(self)

    def running(self) -> bool:
        return self._signals is not None

    def start(self, out: Path, options: BuildOptions, label: str = QT_TRANSLATE_NOOP("CaseFileBuilder", "Building the case file")) -> bool:
        """Start building into ``out``; False if a build is already running."""
        if self.running():
            return False
        ensure_passphrase(self.service, self._widget)  # a chosen certificate's, once a session
        use_passphrase(remembered)
        self.out = Path(out)
        self._cancel = threading.Event()
        # Owned by the builder, on the GUI thread: the worker only holds a Python name for it,
        # so it is never deleted on the worker's thread (see _finish).
        signals = _JobSignals(self)
        q = Qt.ConnectionType.QueuedConnection
        signals.progress.connect(self._on_progress, q)
        signals.done.connect(self._on_done, q)
        signals.failed.connect(self._on_failed, q)
        signals.cancelled.connect(self._on_cancelled, q)
        self._signals = signals

        dialog = QProgressDialog(f"{tr('CaseFileBuilder', label)}\u2026", QCoreApplication.translate("CaseFileBuilder", "Cancel"), 0, 100, self._widget)
        dialog.setWindowTitle(QCoreApplication.translate("CaseFileBuilder", "Case file"))
        dialog.setAccessibleName(QCoreApplication.translate("CaseFileBuilder", "Building the case file"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog

        cancel, service, case_id, target = self._cancel, self.service, self.case_id, self.out
        self._pool.start(lambda: _run_build(service, case_id, target, options, cancel, signals))
        return True

    def cancel(self) -> None:
        """Ask the running build to stop; ``cancelled`` follows (nothing is written)."""
        if not self.running():
            return
        self._cancel.set()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(QCoreApplication.translate("CaseFileBuilder", "Cancelling\u2026"))
            button = self.progress_dialog.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)

    def cancel_requested(self) -> bool:
        """Whether the running build was asked to stop."""
        return self._cancel.is_set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (used when closing)."""
        return bool(self._pool.waitForDone(msecs))

    # slots (GUI thread)

    def _on_progress(self, percent: int, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or self._cancel.is_set():
            return
        dialog.setLabelText(f"{message}\u2026")
        self._updating = True
        try:
            dialog.setValue(max(0, min(99, percent)))
        finally:
            self._updating = False

    def _finish(self) -> None:
        """Close the progress box for good, whatever the end (done, failed, cancelled).

        reset() stops the timer that shows the box after its minimum duration: without it a
        build that ended within that time had its box pop up (at 99%, window-modal) over the
        print dialog that followed. The box is deleted now rather than later, since what
        follows (the print dialog) runs its own event loop."""
        signals, self._signals = self._signals, None
        if signals is not None:
            signals.deleteLater()  # here, on the GUI thread; the worker has emitted its last
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()  # hide(): close() would emit canceled
            dialog.setParent(None)  # Python's reference is the last: deleted on return

    def _later(self, end: Callable[[], None]) -> bool:
        """True when the end must wait for the progress box's setValue() to return."""
        if self._updating:
            QTimer.singleShot(0, self, end)
        return self._updating

    def _on_done(self, result: BuildResult) -> None:
        if not self._later(lambda: self._on_done(result)):
            self._finish()
            self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        if not self._later(lambda: self._on_failed(message)):
            self._finish()
            self.failed.emit(message)

    def _on_cancelled(self) -> None:
        if not self._later(self._on_cancelled):
            self._finish()
            self.cancelled.emit()


# --- scratch files for preview and printing ------------------------------------------------------


class Scratch:
    """A private temporary folder; files handed to the desktop viewer are left in place."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="headway-casefile-"))
        self._n = 0

    def new_path(self, name: str) -> Path:
        self._n += 1
        sub = self.folder / str(self._n)
        sub.mkdir(mode=0o700)
        return sub / name

    def cleanup(self) -> None:
        kept = {p for p in handed_to_viewer if self.folder in p.parents}
        if not kept:
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        for sub in self.folder.iterdir():
            if not any(sub in p.parents for p in kept):
                shutil.rmtree(sub, ignore_errors=True)



# --- Print from the toolbar ----------------------------------------------------------------------


def print_case_file(service: Any, case_id: int | None, parent: QWidget | None = None
                    ) -> CaseFileBuilder | None:
    """Build the full case file in the background, then show the print dialog.

    Returns the builder (its ``finished``/``failed``/``cancelled`` signals say how it went),
    or None when there is no case.
    """
    if case_id is None:
        return None
    scratch = Scratch()
    try:  # the title alone: a huge case is refused by the build, never loaded here
        summaries = service.case_summaries([case_id])
        if not summaries:
            raise NotFound(QCoreApplication.translate("build", "There is no case {case_id}.").format(
                case_id=case_id))
        title = summaries[0].title
    except ServiceError as exc:
        scratch.cleanup()
        QMessageBox.warning(parent, QCoreApplication.translate("build", "Print"), window_text(str(exc)))
        return None
    out = scratch.new_path(default_file_name(title))
    builder = CaseFileBuilder(service, case_id, parent)

    def done(result: BuildResult) -> None:
        try:
            print_pdf(result.path, parent)
        finally:
            finish()

    def failed(message: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("build", "Case file not made"), window_text(message))
        finish()

    def finish() -> None:
        scratch.cleanup()
        builder.deleteLater()

    builder.finished.connect(done)
    builder.failed.connect(failed)
    builder.cancelled.connect(finish)
    builder.start(out, BuildOptions(), QCoreApplication.translate("build", "Building the case file "
                                                                           "to print"))
    return builder
