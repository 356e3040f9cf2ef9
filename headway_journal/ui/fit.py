"""Windows and dialogs that fit the screen they open on.

Every top-level window of the app calls :func:`fit_to_screen` once, after it has set the size
it would like. The window is then never larger than the screen's available geometry (the
screen less panels and docks), whatever the screen size, scale factor or saved geometry, and
it lies inside that geometry. The check runs again each time the window is shown, when Qt
knows the real screen and the window frame.

Long forms keep their fields in a scroll area and their buttons outside it, so a window made
smaller than it would like still shows Save and Close.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QBoxLayout, QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

FALLBACK = QRect(0, 0, 1024, 600)  # no screen at all (should not happen with a display)
FILTER_NAME = "fit_to_screen_filter"
CONTENT_WIDTH_NAME = "follow_content_width"


def _screen_of(widget: QWidget) -> QScreen | None:
    """The widget's screen; None while a platform has no screen (whatever the stubs say)."""
    return widget.screen()


def available_geometry(widget: QWidget) -> QRect:
    """The available geometry (logical pixels) of the screen ``widget`` is on or opens on."""
    window = widget.window()
    parent = window.parentWidget()
    if not window.isVisible() and parent is not None:
        screen = _screen_of(parent.window())  # a dialog opens over its parent, on its screen
    else:
        screen = _screen_of(window)
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return QRect(screen.availableGeometry()) if screen is not None else QRect(FALLBACK)


def _frame_extra(widget: QWidget) -> QSize:
    """Width and height the window frame (title bar, borders) adds around the widget."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    return QSize(max(0, frame.width() - inner.width()), max(0, frame.height() - inner.height()))


def largest_size(widget: QWidget) -> QSize:
    """The largest client size of ``widget`` whose frame fits the available geometry."""
    avail, extra = available_geometry(widget), _frame_extra(widget)
    return QSize(max(1, avail.width() - extra.width()), max(1, avail.height() - extra.height()))


def clamp_to_screen(widget: QWidget) -> None:
    """Shrink and move the window ``widget`` until its frame lies inside the screen."""
    state = widget.windowState()
    if state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return
    most = largest_size(widget)
    minimum = widget.minimumSize()
    if minimum.width() > most.width() or minimum.height() > most.height():
        widget.setMinimumSize(minimum.boundedTo(most))
    size = widget.size().boundedTo(most)
    if size != widget.size():
        widget.resize(size)
    if not widget.isVisible():
        return  # placed by Qt when shown (a dialog over its parent); checked again then
    avail, frame = available_geometry(widget), widget.frameGeometry()
    extra = _frame_extra(widget)
    width, height = size.width() + extra.width(), size.height() + extra.height()
    x = max(avail.left(), min(frame.x(), avail.x() + avail.width() - width))
    y = max(avail.top(), min(frame.y(), avail.y() + avail.height() - height))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


class _FitOnShow(QObject):
    """Clamps its window each time the window is shown (screen and frame are known then)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            clamp_to_screen(watched)
        return False


class _ContentWidth(QObject):
    """Keeps a scroll area as wide as its content needs, whenever the content changes."""

    def __init__(self, area: QScrollArea, content: QWidget) -> None:
        super().__init__(area)
        self.setObjectName(CONTENT_WIDTH_NAME)
        self._area, self._content = area, content
        content.installEventFilter(self)
        self.update()

    def update(self) -> None:
        area = self._area
        need = (self._content.minimumSizeHint().width() + 2 * area.frameWidth()
                + area.verticalScrollBar().sizeHint().width())
        if area.minimumWidth() != need:
            area.setMinimumWidth(need)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.update()
        return False


def follow_content_width(area: QScrollArea) -> None:
    """Make the scrolling page ``area`` at least as wide as its content's minimum, so bigger
    text (a larger system font, a scale factor) widens the window instead of cutting the page
    off at the right; the height still scrolls. The screen still bounds the window."""
    content = area.widget()
    if content is None or not area.widgetResizable() or area.findChild(
            _ContentWidth, CONTENT_WIDTH_NAME, Qt.FindChildOption.FindDirectChildrenOnly):
        return
    _ContentWidth(area, content)


def fit_to_screen(widget: QWidget, preferred: QSize | None = None) -> None:
    """Give the window ``widget`` its ``preferred`` size (default: its current size) where the
    screen allows, never more than the screen's available geometry, and keep it inside the
    screen whenever it is shown. A dialog's scrolling pages keep the width their content needs
    (``follow_content_width``); the main window's panes keep the sizes the user gave them."""
    if isinstance(widget, QDialog):
        for area in widget.findChildren(QScrollArea):
            follow_content_width(area)
    if preferred is not None:
        widget.resize(preferred)
    clamp_to_screen(widget)
    if widget.findChild(_FitOnShow, FILTER_NAME, Qt.FindChildOption.FindDirectChildrenOnly) is None:
        keeper = _FitOnShow(widget)
        keeper.setObjectName(FILTER_NAME)
        widget.installEventFilter(keeper)


def scroll_body(dialog: QWidget, keep: int) -> QScrollArea:
    """Move everything in ``dialog``'s top-level box layout except its last ``keep`` items
    (the buttons, and the line of problems above them) into a scroll area, so a form taller
    than the screen scrolls while its buttons stay in sight. The moved items must be widgets
    or spacing."""
    outer = dialog.layout()
    if not isinstance(outer, QBoxLayout):
        raise TypeError(QCoreApplication.translate("fit", "scroll_body needs a dialog with a box layout"))
    body = QWidget()
    body.setObjectName("scrolled_body")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(outer.spacing())
    for _ in range(max(0, outer.count() - keep)):
        stretch = outer.stretch(0)
        item = outer.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            inner.addWidget(widget, stretch)
        elif item.spacerItem() is not None:
            inner.addStretch(1)
        else:
            raise TypeError(QCoreApplication.translate("fit", "scroll_body can move widgets and spacing only"))
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(QCoreApplication.translate("fit", "{value} form").format(value=dialog.accessibleName() or dialog.windowTitle()))
    area.setWidget(body)
    outer.insertWidget(0, area, 1)
    return area
