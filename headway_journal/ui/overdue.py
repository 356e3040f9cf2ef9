"""The overdue check, off the GUI thread (used by the main window).

``JournalService.overdue_unnotified()`` loads every pending promise and works out its state
(about 200 ms for the 3,000 pending promises of a 100,000-contact journal), so it runs on a
pool thread (a ``ui.tasks`` task). The worker only reads: every service call opens its own session, and the
engine uses ``NullPool``, so the SQLite connection is made, used and closed on the worker thread
(connections never cross threads). The holiday tables it consults are guarded by a lock.

The task delivers the items on the GUI thread, where :class:`OverdueWatcher` emits ``found``
with the ones it has not reported before; a result that comes back after ``stop`` or
``set_service`` is stale and dropped. The window announces them and marks them notified (a short write on
the GUI thread).

Closing never waits for a check: ``stop()`` drops whatever is still coming. Whoever closes the
journal afterwards calls ``wait()`` first, so no reader is left on a closed journal.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import OperationalError

from ..journal.records import DueItem
from ..journal.service import JournalService, ServiceError
from .tasks import TaskContext, TaskRunner

__all__ = ["OverdueWatcher"]

_log = logging.getLogger(__name__)

_EXPECTED: tuple[type[BaseException], ...] = (ServiceError, OperationalError, OSError)


def _check(service: JournalService, context: TaskContext) -> list[DueItem]:
    """Runs on the worker thread: reads through the service, touches nothing else."""
    context.raise_if_cancelled()
    return service.overdue_unnotified()


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
        self._tasks = TaskRunner(self, max_threads=1)
        self._stopped = False
        self._reported: set[int] = set()
        self.last_error = ""

    @property
    def running(self) -> bool:
        return self._tasks.running

    def check(self) -> bool:
        """Start a check; False if one is still running or the watcher is stopped."""
        if self._stopped or self._tasks.running:
            return False
        service = self.service
        task = self._tasks.start(lambda context: _check(service, context))
        task.done.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(lambda: self.checked.emit(False))  # stopped or stale: dropped
        return True

    def stop(self) -> None:
        """No more checks, and a running one is ignored; returns at once."""
        self._stopped = True
        self._tasks.invalidate()

    def wait(self, msecs: int = -1) -> bool:
        """Block until no check is running (before the journal is closed)."""
        return self._tasks.wait(msecs)

    def set_service(self, service: JournalService) -> None:
        """Check ``service`` from now on (the journal reopened after a restore); results of the
        old one are dropped and promise ids from before mean nothing any more."""
        self.service = service
        self._tasks.invalidate()
        self._reported.clear()
        self._stopped = False

    # slots (GUI thread)

    def _on_done(self, items: list[DueItem]) -> None:
        if self._stopped:
            self.checked.emit(False)
            return
        self.last_error = ""
        fresh = [d for d in items if d.promise.id not in self._reported]
        self._reported.update(d.promise.id for d in fresh)
        if fresh:
            self.found.emit(fresh)
        self.checked.emit(True)

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, _EXPECTED):
            _log.error("the overdue check failed", exc_info=exc)
        self.last_error = f"{type(exc).__name__}: {exc}"
        self.checked.emit(False)
