"""Running start-up work only once the window is on screen.

``QTimer.singleShot(0, ...)`` from a show event runs before the window system has even been
asked to map the window (the X connection is flushed when the event loop goes idle), so any
work there (filling the case pane, importing QtNetwork) delays the first frame the user sees.
``when_exposed`` waits, without blocking the event loop, until the window's native window is
exposed (mapped and painted), then runs the callback; it gives up waiting after
``MAX_WAIT_MS`` (a window system that never reports exposure) and runs it anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

POLL_MS = 5
MAX_WAIT_MS = 2000


def when_exposed(widget: QWidget, callback: Callable[[], Any]) -> None:
    """Call ``callback`` (on the GUI thread) once ``widget``'s window is exposed (what it
    returns is ignored)."""
    waited = [0]

    def poll() -> None:
        handle = widget.windowHandle()
        if (handle is None or not handle.isExposed()) and waited[0] < MAX_WAIT_MS:
            waited[0] += POLL_MS
            QTimer.singleShot(POLL_MS, widget, poll)
            return
        callback()

    QTimer.singleShot(0, widget, poll)
