"""Background work in the GUI: one way to run a function off the GUI thread.

API::

    runner = TaskRunner(parent, max_threads=1)      # its own QThreadPool
    task = runner.start(work)                       # work(context) runs on a pool thread
    task.done(object)        the value ``work`` returned
    task.failed(object)      the exception ``work`` raised (never re-raised; log it if needed)
    task.progress(object)    whatever ``work`` passed to ``context.progress(value)``, in order
    task.cancelled()         ``work`` raised TaskCancelled, or the result came back stale
    task.finished()          always last, after exactly one of done / failed / cancelled
    task.cancel()            ask ``work`` to stop: ``context.cancelled`` turns True
    runner.invalidate()      cancel every running task and drop what it still sends
    runner.wait(msecs)       block until the pool is idle (before closing the journal)

Every public signal is emitted on the GUI thread (the thread the runner lives on), so slots may
touch widgets and the database. Connecting right after ``start`` is safe: nothing is delivered
before control returns to the event loop. ``work`` sees only its :class:`TaskContext`; it must
not touch widgets (QImage is fine) and reaches the journal only through calls that open their
own session.

Cancelling is cooperative: ``work`` looks at ``context.cancelled`` between steps (a file being
copied always completes) and either returns what it has (``done``: the caller decides what a
partial result means) or raises :class:`TaskCancelled` (``cancelled``). A result is *stale*
when the runner was invalidated after the task started (the journal was reopened, the watcher
stopped): its progress and result are dropped and ``cancelled`` is emitted instead.

The runner deletes a task (on the GUI thread) once it has emitted ``finished``; do not call a
task after that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal

__all__ = ["Task", "TaskCancelled", "TaskContext", "TaskRunner"]


class TaskCancelled(Exception):
    """Raised by a task's work function to stop early with no result."""


class TaskContext:
    """What the work function sees on its worker thread."""

    def __init__(self, cancel: threading.Event, report: Callable[[object], None]) -> None:
        self._cancel = cancel
        self._report = report

    @property
    def cancelled(self) -> bool:
        """True once the task was cancelled (or its runner invalidated)."""
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        """Stop here with :class:`TaskCancelled` if the task was cancelled."""
        if self._cancel.is_set():
            raise TaskCancelled

    def progress(self, value: object) -> None:
        """Send ``value`` to the task's ``progress`` signal (delivered on the GUI thread)."""
        self._report(value)


Work = Callable[[TaskContext], object]


class _Relay(QObject):
    """Carries a task's outcome from its worker thread. Made on the GUI thread without a parent
    (the worker's closure keeps it alive even if the task's owner is gone); the task deletes it
    on the GUI thread after the last message has arrived."""

    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


def _run(work: Work, cancel: threading.Event, relay: _Relay) -> None:
    """Runs on the worker thread: calls ``work`` and sends its outcome through ``relay``."""
    context = TaskContext(cancel, relay.progress.emit)
    try:
        result = work(context)
    except TaskCancelled:
        relay.cancelled.emit()
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as `failed`
        relay.failed.emit(exc)
    else:
        relay.done.emit(result)


class Task(QObject):
    """One piece of background work, made by :meth:`TaskRunner.start` (see the module doc)."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._stale = False
        self._ended = False
        self._relay: _Relay | None = _Relay()
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progress.connect(self._on_progress, queued)
        self._relay.done.connect(self._on_done, queued)
        self._relay.failed.connect(self._on_failed, queued)
        self._relay.cancelled.connect(self._on_cancelled, queued)

    @property
    def is_cancelled(self) -> bool:
        """Whether ``cancel`` was asked for (the work may still be running)."""
        return self._cancel.is_set()

    @property
    def ended(self) -> bool:
        """Whether ``finished`` has been emitted."""
        return self._ended

    def cancel(self) -> None:
        """Ask the work to stop (it looks at ``context.cancelled`` between steps)."""
        self._cancel.set()

    def make_stale(self) -> None:
        """Cancel, and drop whatever the work still sends (``cancelled`` is emitted instead)."""
        self._stale = True
        self._cancel.set()

    def job(self, work: Work) -> Callable[[], None]:
        """The callable for the pool: it holds the cancel flag and the relay, not the task."""
        cancel, relay = self._cancel, self._relay
        assert relay is not None, QCoreApplication.translate("Task", "a task runs once")
        return lambda: _run(work, cancel, relay)

    # slots (GUI thread)

    def _on_progress(self, value: object) -> None:
        if not self._stale:
            self.progress.emit(value)

    def _on_done(self, result: object) -> None:
        if self._stale:
            self._on_cancelled()
            return
        self.done.emit(result)
        self._end()

    def _on_failed(self, exc: object) -> None:
        if self._stale:
            self._on_cancelled()
            return
        self.failed.emit(exc)
        self._end()

    def _on_cancelled(self) -> None:
        self.cancelled.emit()
        self._end()

    def _end(self) -> None:
        self._ended = True
        relay, self._relay = self._relay, None
        if relay is not None:
            relay.deleteLater()  # here, on the GUI thread: the worker has sent its last
        self.finished.emit()


class TaskRunner(QObject):
    """Runs work functions on its own QThreadPool, ``max_threads`` at a time, in order."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._active: list[Task] = []

    @property
    def running(self) -> bool:
        """Whether a task has started and not yet emitted ``finished``."""
        return bool(self._active)

    def active(self) -> list[Task]:
        """The tasks that have not finished yet, oldest first."""
        return list(self._active)

    def start(self, work: Work) -> Task:
        """Queue ``work`` on the pool; connect to the returned task's signals."""
        task = Task(self)
        task.finished.connect(lambda: self._forget(task))
        self._active.append(task)
        self._pool.start(task.job(work))
        return task

    def cancel_all(self) -> None:
        """Ask every running task to stop; their results still arrive."""
        for task in self._active:
            task.cancel()

    def invalidate(self) -> None:
        """Cancel every running task and drop its results (each emits ``cancelled``)."""
        for task in self._active:
            task.make_stale()

    def wait(self, msecs: int = -1) -> bool:
        """Block until no work is running on the pool (results are still delivered later)."""
        return bool(self._pool.waitForDone(msecs))

    def _forget(self, task: Task) -> None:
        if task in self._active:
            self._active.remove(task)
        # Out of the runner's children first: the slots connected to the task (lambdas that
        # name the owner) may hold the last reference to the runner's owner, and deleting the
        # task releases them; the owner, and this runner with it, may then be deleted while
        # the task is being deleted, which must not delete the task a second time.
        task.setParent(None)
        task.deleteLater()
