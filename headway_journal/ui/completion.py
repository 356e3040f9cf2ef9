"""Completion popups that let a click outside them through.

Qt's QCompleter hides its popup on a mouse press outside it and swallows that press: the click
meant for another field or a button did nothing, and the user had to click again. After
:func:`click_through`, the press and its release go on to the widget under the mouse (which
also gets the focus if it takes focus by clicking).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QCompleter, QWidget

__all__ = ["click_through"]

FILTER_NAME = "click_through_filter"


class _ClickThrough(QObject):
    """Watches the popup; while a click is handed on, also the application (for its release,
    which Qt would otherwise send to the popup that is gone)."""

    def __init__(self, popup: QWidget) -> None:
        super().__init__(popup)
        self.setObjectName(FILTER_NAME)
        self._popup = popup
        self._target: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(event, QMouseEvent):
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            if watched is self._popup:
                return self._pressed(event)
            if event.spontaneous():
                self._stop()  # a new click elsewhere: the handed-on one has ended
            return False
        if event.type() == QEvent.Type.MouseButtonRelease and self._target is not None:
            target = self._target
            self._stop()
            if shiboken6.isValid(target):
                _forward(target, event)
                if target.focusPolicy() & Qt.FocusPolicy.ClickFocus:
                    target.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return False

    def _stop(self) -> None:
        if self._target is None:
            return
        self._target = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _pressed(self, event: QMouseEvent) -> bool:
        point = event.globalPosition().toPoint()
        if self._popup.rect().contains(self._popup.mapFromGlobal(point)):
            return False  # a choice in the list: the completer handles it
        self._popup.hide()
        target = QApplication.widgetAt(point)
        app = QApplication.instance()
        if target is None or target.window() is self._popup or app is None:
            return True
        _forward(target, event)
        self._target = target  # until its release, which goes to the application
        app.installEventFilter(self)
        return True


def _forward(target: QWidget, event: QMouseEvent) -> None:
    point = event.globalPosition()
    copy = QMouseEvent(event.type(), target.mapFromGlobal(point), point, event.button(),
                       event.buttons(), event.modifiers(), event.pointingDevice())
    QApplication.sendEvent(target, copy)


def click_through(completer: QCompleter) -> None:
    """Make a click outside ``completer``'s popup close it *and* reach its target."""
    popup = completer.popup()  # created now, so its own filter is installed before ours
    if popup is not None and popup.findChild(_ClickThrough, FILTER_NAME) is None:
        popup.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)  # handed on once, by us
        popup.installEventFilter(_ClickThrough(popup))
