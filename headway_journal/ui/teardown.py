"""Quitting cleanly: every window and dialog is deleted while Python is still fully running.

A window left alive when ``run_gui`` returns (a closure or a signal connection keeps it) was
deleted by PySide only at interpreter shutdown, with everything it owns: the case file dialog,
its previews and their PDF documents, print dialogs, event filters written in Python. Python
code called back during finalisation is what crashed on quit after printing and previewing
("Fatal Python error: bool_dealloc"). :func:`dispose_widgets` deletes them at a known point
instead, on the GUI thread, and lets their deferred deletions run.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import io
import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

__all__ = ["dispose_widgets", "enable_crash_traces", "top_level_ids"]


def top_level_ids() -> frozenset[int]:
    """The C++ addresses of the top-level widgets there are now (see dispose_widgets)."""
    return frozenset(int(shiboken6.getCppPointer(w)[0]) for w in QApplication.topLevelWidgets())


def enable_crash_traces() -> None:
    """A hard crash (a signal in C++ code) prints every thread's Python stack to stderr."""
    stream = sys.stderr
    if stream is None or faulthandler.is_enabled():
        return  # a windowed program on Windows has no stderr
    with contextlib.suppress(AttributeError, ValueError, OSError, io.UnsupportedOperation):
        stream.fileno()
        faulthandler.enable(stream)


def dispose_widgets(keep: frozenset[int] = frozenset()) -> int:
    """Delete every top-level window and dialog now, except those in ``keep`` (from
    :func:`top_level_ids`, taken before the app made its own); returns how many were deleted.

    Each is hidden first (no paint or focus events while its children go), then deleted with
    deleteLater, and the deferred deletions are run here rather than by an event loop that no
    longer runs."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 0
    widgets = [w for w in QApplication.topLevelWidgets()
               if w.parentWidget() is None and int(shiboken6.getCppPointer(w)[0]) not in keep]
    for widget in widgets:
        widget.hide()
        widget.deleteLater()
    for _ in range(3):  # a deletion may post another (a child's deleteLater)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return len(widgets)
