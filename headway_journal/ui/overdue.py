"""The overdue check, off the GUI thread (used by the main window).

``JournalService.overdue_unnotified()`` loads every pending promise and works out its state
(about 200 ms for the 3,000 pending promises of a 100,000-contact journal), so it runs on a
QThreadPool thread. The worker only reads: every service call opens its own session, and the
engine uses ``NullPool``, so the SQLite connection is made, used and closed on the worker thread
(connections never cross threads). The holiday tables it consults are guarded by a lock.

The result travels back through a :class:`_CheckSignals` object without a parent that the job
keeps alive (the pattern of ``attach_worker`` and ``casefile_ui``): its connections are queued,
so :class:`OverdueWatcher` gets the items on the GUI thread and emits ``found`` with the ones it
has not reported before. The window announces them and marks them notified (a short write on
the GUI thread).

Closing never waits for a check: ``stop()`` drops whatever is still coming. Whoever closes the
journal afterwards calls ``wait()`` first, so no reader is left on a closed journal.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from sqlalchemy.exc import OperationalError

from ..journal.records import DueItem
from ..journal.service import JournalService, ServiceError

__all__ = ["OverdueWatcher"]

_log = logging.getLogger(__name__)

_EXPECTED: tuple[type[BaseException], ...] = (ServiceError, OperationalError, OSError)


class _CheckSignals(QObject):
    """Made on the GUI thread as a child of the watcher, which deletes it there when the check
    has reported (never on the worker's thread); emitted from the worker thread, so every
    connection is queued."""

    done = Signal(int, object)  # generation, list[DueItem]
    failed = Signal(int, str)  # generation, the error in one line (only logged)


def _run_check(service: JournalService, generation: int, cancel: threading.Event,
               signals: _CheckSignals) -> None:
    """Runs on the worker thread: reads through the service, touches nothing else."""
    if cancel.is_set():
        signals.failed.emit(generation, "cancelled")
        return
    try:
        items = service.overdue_unnotified()
    except BaseException as exc:  # noqa: BLE001 - a timer's check never raises; logged
        if not isinstance(exc, _EXPECTED):
            _log.error("the overdue check failed", exc_info=True)
        signals.failed.emit(generation, f"{type(exc).__name__}: {exc}")
        return
    signals.done.emit(generation, items)


class OverdueWatcher(QObject):
    """Runs the overdue check in the background, one at a time.

    ``found`` carries the overdue promises not yet reported by this watcher (and not marked
    notified in the journal when the check ran); ``checked`` follows every finished check,
    with or without news (False when it failed or its result was dropped).
    """

    found = Signal(object)  # list[DueItem], never empty
    checked = Signal(bool)

    def __init__(self, service: JournalService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._outstanding = 0
        self._cancel = threading.Event()
        self._stopped = False
        self._reported: set[int] = set()
        self.last_error = ""

    @property
    def running(self) -> bool:
        return self._outstanding > 0

    def check(self) -> bool:
        """Start a check; False if one is still running or the watcher is stopped."""
        if self._stopped or self._outstanding:
            return False
        signals = _CheckSignals(self)
        queued = Qt.ConnectionType.QueuedConnection
        signals.done.connect(self._on_done, queued)
        signals.failed.connect(self._on_failed, queued)
        self._outstanding += 1
        service, generation, cancel = self.service, self._generation, self._cancel
        self._pool.start(lambda: _run_check(service, generation, cancel, signals))
        return True

    def stop(self) -> None:
        """No more checks, and a running one is ignored; returns at once."""
        self._stopped = True
        self._cancel.set()
        self._generation += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until no check is running (before the journal is closed)."""
        return bool(self._pool.waitForDone(msecs))

    def set_service(self, service: JournalService) -> None:
        """Check ``service`` from now on (the journal reopened after a restore); results of the
        old one are dropped and promise ids from before mean nothing any more."""
        self.service = service
        self._generation += 1
        self._reported.clear()
        self._cancel = threading.Event()
        self._stopped = False

    # slots (GUI thread)

    def _finish(self) -> None:
        self._outstanding = max(0, self._outstanding - 1)
        signals = self.sender()
        if isinstance(signals, _CheckSignals):
            signals.deleteLater()  # on the GUI thread; the check has emitted its last

    def _on_done(self, generation: int, items: list[DueItem]) -> None:
        self._finish()
        if generation != self._generation or self._stopped:
            self.checked.emit(False)
            return
        self.last_error = ""
        fresh = [d for d in items if d.promise.id not in self._reported]
        self._reported.update(d.promise.id for d in fresh)
        if fresh:
            self.found.emit(fresh)
        self.checked.emit(True)

    def _on_failed(self, generation: int, error: str) -> None:
        self._finish()
        if generation == self._generation:
            self.last_error = error
        self.checked.emit(False)
