"""Drag and drop and paste: how files and screenshots reach the attachment controller.

Three entry points:

* ``install_window_paste(window, controller, case_id, ...)``: Ctrl+V anywhere in a window (the
  main window and the contact dialog), described below;
* ``install_paste_shortcut(widget, controller, case_id, contact_id=None)``: Ctrl+V while the
  focus is inside one text-free widget (the exhibit list, the contact dialog's exhibit strip);
* ``install_drop_target(widget, controller, case_id, contact_id=None)``: drops on ``widget``
  and its children, always taken as copies, with a highlight while something is dragged over.

Ctrl+V anywhere in a window:

What a paste (Ctrl+V, Shift+Insert) does depends on the clipboard and on where the focus is
(``paste_kind``):

* copied **files** (local file URLs, as a file manager copies them) are attached, wherever the
  focus is;
* an **image** (a screenshot, "Copy image" in a browser) is attached, also from a text box, unless
  the clipboard holds text as well and the focus is in a text box (an office program copies
  text with a picture of it: the text goes in);
* **text** pasted into a text box stays text (the box does its usual paste);
* anything else says so in a short line (the status bar, or the dialog's exhibit strip): text
  with no text box focused, a web link (``AttachmentController.attach_mime`` explains it), or an
  empty clipboard.

How: one event filter on the application that looks only at the paste key sent to a widget of
this window, before the widget sees it (text boxes take Ctrl+V for themselves, and a key with no
focus anywhere, as after the toolbar's Attach…, goes to the window itself). Other windows' keys
are left to their own handler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ..translated import QT_TRANSLATE_NOOP, tr
from .controller import AttachmentController

__all__ = [
    "NO_CASE",
    "NOTHING",
    "TEXT_ELSEWHERE",
    "DropTarget",
    "PasteHandler",
    "WindowPaste",
    "install_drop_target",
    "install_paste_shortcut",
    "install_window_paste",
    "is_text_box",
    "local_files",
    "paste_kind",
]

_log = logging.getLogger(__name__)

NOTHING = QT_TRANSLATE_NOOP("drop_paste", "Nothing to paste: the clipboard holds no screenshot, files or text.")
TEXT_ELSEWHERE = (QT_TRANSLATE_NOOP("drop_paste", "The clipboard holds text, not a screenshot or files: click in a text box "
                  "to paste it."))
NO_CASE = QT_TRANSLATE_NOOP("drop_paste", "Select a case first: a pasted screenshot or file is attached to the case shown.")

IdGetter = Callable[[], int | None]


def is_text_box(widget: QObject | None) -> bool:
    """A field the user types into (read-only ones do not count)."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return False


def local_files(mime: QMimeData) -> list[str]:
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def paste_kind(mime: QMimeData | None, *, in_text_box: bool) -> str:
    """"files", "image", "text" (the text box pastes it), "link", "text-elsewhere" or "nothing"."""
    if mime is None:
        return "nothing"
    if local_files(mime):
        return "files"
    has_text = mime.hasText() and bool(mime.text().strip())
    has_image = mime.hasImage() or mime.hasFormat("image/png")
    if has_image and not (in_text_box and has_text):
        return "image"
    if in_text_box and has_text:
        return "text"
    if mime.hasUrls():
        return "link"
    return "text-elsewhere" if has_text else "nothing"


class WindowPaste(QObject):
    """The paste handler of one window (see the module docstring)."""

    def __init__(self, window: QWidget, controller: AttachmentController, case_id: IdGetter,
                 contact_id: IdGetter | None = None, *,
                 say: Callable[[str], None], listen: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._case_id = case_id
        self._contact_id = contact_id or (lambda: None)
        self._say = say
        self._listening = False
        if listen:
            self.listen()

    def listen(self) -> None:
        """Start watching the paste key (once). The main window starts it when it is first
        shown: the filter sees every event of the application, and each is a Python call,
        too many while the window is being built (docs/performance.md, item 17)."""
        if self._listening:
            return
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # removed by Qt when this handler (a child) is deleted
        self._listening = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not hasattr(
                self, "_controller"):  # its Python object is gone (see DropTarget)
            return False
        assert isinstance(event, QKeyEvent)
        if not event.matches(QKeySequence.StandardKey.Paste):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self._window:
            return False
        what = paste_kind(QGuiApplication.clipboard().mimeData(), in_text_box=is_text_box(obj))
        if what == "text":
            return False  # the text box pastes it
        event.accept()  # a ShortcutOverride taken: the key comes back as a KeyPress
        if kind == QEvent.Type.KeyPress:
            self.paste(what)
        return True

    def paste(self, what: str | None = None) -> bool:
        """Attach what the clipboard holds, or say why nothing was. True if queued."""
        mime = QGuiApplication.clipboard().mimeData()
        if what is None:
            what = paste_kind(mime, in_text_box=False)
        if what == "nothing":
            self._say(tr("drop_paste", NOTHING))
            return False
        if what == "text-elsewhere":
            self._say(tr("drop_paste", TEXT_ELSEWHERE))
            return False
        case_id = self._case_id()
        if case_id is None and what != "link":
            self._say(tr("drop_paste", NO_CASE))
            return False
        try:
            return self._controller.attach_mime(case_id, mime, self._contact_id(), how="pasted")
        except Exception as exc:  # a refusal in plain words, never a traceback
            self._say(QCoreApplication.translate("WindowPaste", "Nothing was attached: {exc}").format(exc=exc))
            return False


def install_window_paste(window: QWidget, controller: AttachmentController, case_id: IdGetter,
                         contact_id: IdGetter | None = None, *,
                         say: Callable[[str], None], listen: bool = True) -> WindowPaste:
    """Ctrl+V anywhere in ``window`` attaches a pasted screenshot or files (module docstring);
    ``listen=False``: from ``WindowPaste.listen()`` on (the main window: once shown)."""
    return WindowPaste(window, controller, case_id, contact_id, say=say, listen=listen)


# =========================================================================== drop target


def _guarded(controller: AttachmentController, call: Callable[[], object]) -> None:
    """Run ``call`` from an event handler: an exception there must never take the app down
    (Qt cannot unwind through C++), so it becomes a plain sentence instead."""
    try:
        call()
    except Exception as exc:
        _log.exception("attaching failed (%s)", type(exc).__name__)
        controller.failed.emit(QCoreApplication.translate("drop_paste", "Something went wrong while attaching; nothing was attached. "
                               "Please try again."))


class _DropOverlay(QWidget):
    """A dashed accent frame with "Drop to attach" drawn over the target while dragging."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAccessibleName(QCoreApplication.translate("_DropOverlay", "Drop to attach"))
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(40)
        pen = QPen(accent, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -3, -3), 8, 8)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(accent)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("_DropOverlay", "Drop to attach"))
        painter.end()


class DropTarget(QObject):
    """Event filter that turns drags of files and images onto ``widget`` into attachments."""

    def __init__(self, widget: QWidget, controller: AttachmentController,
                 case_id_getter: IdGetter,
                 contact_id_getter: IdGetter | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._controller = controller
        self._case_id = case_id_getter
        self._contact_id = contact_id_getter or (lambda: None)
        self.overlay = _DropOverlay(widget)
        # Sees a drop first and returns True when it took all of it (e-mails: ui.capture)
        self.intercept: Callable[[QMimeData], bool] | None = None
        widget.setAcceptDrops(True)
        if isinstance(widget, QAbstractScrollArea):
            # Drags over the viewport go to the viewport first; let them reach the widget.
            widget.viewport().setAcceptDrops(False)
        widget.installEventFilter(self)

    @property
    def highlighted(self) -> bool:
        return self.overlay.isVisible()

    def _wanted(self, mime: QMimeData | None) -> bool:
        # Web links are taken too, so that dropping one explains why it was not attached.
        return self._controller.can_accept(mime) or bool(mime is not None and mime.hasUrls())

    def _show(self, on: bool) -> None:
        if on:
            self.overlay.setGeometry(self._widget.rect())
            self.overlay.raise_()
            self.overlay.show()
        else:
            self.overlay.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # A filter whose Python object is gone (its widget being destroyed) has no attributes.
        if obj is not getattr(self, "_widget", None):
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)  # QDragEnterEvent derives from it
            if self._case_id() is not None and self._wanted(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)  # never let the source move it
                event.accept()
                self._show(True)
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragLeave:
            self._show(False)
            event.accept()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self._show(False)
            case_id = self._case_id()
            if case_id is None or not self._wanted(event.mimeData()):
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if self.intercept is not None and self.intercept(event.mimeData()):
                return True
            _guarded(self._controller, lambda: self._controller.attach_mime(
                case_id, event.mimeData(), self._contact_id()))
            return True
        if kind == QEvent.Type.Resize and self.overlay.isVisible():
            self.overlay.setGeometry(self._widget.rect())
        return False


def install_drop_target(widget: QWidget, controller: AttachmentController,
                        case_id_getter: IdGetter,
                        contact_id_getter: IdGetter | None = None) -> DropTarget:
    """Make ``widget`` accept dropped files and images (highlighted while dragging)."""
    return DropTarget(widget, controller, case_id_getter, contact_id_getter)


# =========================================================================== paste


class PasteHandler(QObject):
    """Event filter: Ctrl+V / Shift+Insert inside ``widget`` attaches the clipboard's image or
    files. Anything else (plain text, or focus in a text field) goes on as usual."""

    def __init__(self, widget: QWidget, controller: AttachmentController,
                 case_id_getter: IdGetter,
                 contact_id_getter: IdGetter | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._controller = controller
        self._case_id = case_id_getter
        self._contact_id = contact_id_getter or (lambda: None)
        widget.installEventFilter(self)

    def clipboard_attachable(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return self._controller.can_accept(mime)

    def paste(self) -> bool:
        """Attach what the clipboard holds now. True if something was queued."""
        mime = QGuiApplication.clipboard().mimeData()
        if not self._controller.can_accept(mime):
            return False
        return self._controller.attach_mime(self._case_id(), mime, self._contact_id(),
                                            how="pasted")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not hasattr(
                self, "_controller"):  # its Python object is gone (see DropTarget)
            return False
        assert isinstance(event, QKeyEvent)
        if not event.matches(QKeySequence.StandardKey.Paste) or not self.clipboard_attachable():
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            _guarded(self._controller, self.paste)
        # ShortcutOverride accepted: the key comes here as a KeyPress instead of triggering a
        # window-wide "Paste" action that would not know what to do with an image.
        return True


def install_paste_shortcut(widget: QWidget, controller: AttachmentController,
                           case_id_getter: IdGetter,
                           contact_id_getter: IdGetter | None = None) -> PasteHandler:
    """Ctrl+V on ``widget`` (or a non-text child) attaches the clipboard image or files."""
    return PasteHandler(widget, controller, case_id_getter, contact_id_getter)

