"""Event filters owned by the widget they watch.

A window that installs *itself* as the filter of one of its children gets Python calls from
Qt for that child's last events while the window is being destroyed, a known way to crash
PySide at exit. :class:`EventWatch` is a small child of the watched widget instead: it goes
with the widget, and it does not call a handler whose object is already gone.

A watch whose Python object was collected while Qt still calls it (its widget being destroyed)
arrives without its attributes; it then does nothing instead of raising AttributeError.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

__all__ = ["EventWatch"]


class EventWatch(QObject):
    """Calls ``handler(event)`` for each event of ``widget``; True from it stops the event."""

    def __init__(self, widget: QWidget, handler: Callable[[QEvent], bool],
                 owner: QObject | None = None) -> None:
        super().__init__(widget)
        self._handler = handler
        self._owner = owner
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # getattr: an event (a language change) can reach a watch whose Python side is going
        owner, handler = getattr(self, "_owner", None), getattr(self, "_handler", None)
        if handler is None or (owner is not None and not shiboken6.isValid(owner)):
            return False
        return bool(handler(event))
