"""Python's cyclic garbage collector runs only on the GUI thread.

CPython starts a collection in whichever thread happens to allocate when the thresholds are
reached. When that is a worker thread (the case-file builder, attaching, thumbnails) and the
garbage holds Qt objects, say a closed dialog caught in a reference cycle, those objects are
destroyed off the GUI thread, and Qt crashes ("Segmentation fault" while "Garbage-collecting"
in a worker's stack: seen in the test suite during a case-file build).

:class:`GuiThreadCollector` turns automatic collection off and collects from a timer on the GUI
thread instead, generation by generation as CPython's own thresholds would (the approach
qutebrowser documents for the same crash). Reference counting still frees everything that is
not in a cycle at once; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

__all__ = ["GuiThreadCollector", "freeze_startup", "install_gui_collector", "thaw_startup"]

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Disables automatic collection while it lives and collects due generations on a timer
    of its (GUI) thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns how many
        objects were found unreachable."""
        t0, t1, t2 = self._thresholds
        c0, c1, c2 = gc.get_count()
        if t2 and c2 > t2:
            return gc.collect(2)
        if t1 and c1 > t1:
            return gc.collect(1)
        if t0 and c0 > t0:
            return gc.collect(0)
        return 0

    def stop(self) -> None:
        """Back to CPython's automatic collection (as it was before)."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()


_made: list[GuiThreadCollector] = []  # the collectors made by install_gui_collector


def install_gui_collector(app: QCoreApplication) -> GuiThreadCollector:
    """The application's collector, made on first call (call it on the GUI thread)."""
    # Not ``app.findChild(GuiThreadCollector)``: its first call with a Python class costs
    # ~5 ms of PySide6's set-up, at every start (docs/performance.md, item 17).
    _made[:] = [c for c in _made if shiboken6.isValid(c)]
    existing = next((c for c in _made if c.parent() is app), None)
    if existing is None:
        existing = GuiThreadCollector(app)
        _made.append(existing)
    return existing


def freeze_startup() -> None:
    """Put what start-up made out of the collector's sight, once the window is on screen.

    Start-up makes ~100,000 objects that live as long as the window (modules, classes, the
    window's widgets and their wrappers); each full collection walked all of them: 33-41 ms on
    the large journal, a visible pause whenever the collector's counts came due while the user
    worked. Frozen (``gc.freeze``, as CPython's documentation suggests for a long-lived phase's
    objects), a full collection walks only what was made since (under 1 ms). The garbage cycles
    start-up left (~260 objects) stay frozen with them.
    """
    gc.freeze()


def thaw_startup() -> None:
    """Back into the collector's sight (the window is gone; tests run many in one process)."""
    gc.unfreeze()
