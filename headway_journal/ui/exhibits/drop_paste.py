"""Ctrl+V anywhere in a window: one paste handler for the main window and the contact dialog.

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

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .controller import AttachmentController

NOTHING = "Nothing to paste: the clipboard holds no screenshot, files or text."
TEXT_ELSEWHERE = ("The clipboard holds text, not a screenshot or files: click in a text box "
                  "to paste it.")
NO_CASE = "Select a case first: a pasted screenshot or file is attached to the case shown."

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
                 say: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._case_id = case_id
        self._contact_id = contact_id or (lambda: None)
        self._say = say
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # removed by Qt when this handler (a child) is deleted

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
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
            self._say(NOTHING)
            return False
        if what == "text-elsewhere":
            self._say(TEXT_ELSEWHERE)
            return False
        case_id = self._case_id()
        if case_id is None and what != "link":
            self._say(NO_CASE)
            return False
        try:
            return self._controller.attach_mime(case_id, mime, self._contact_id())
        except Exception as exc:  # a refusal in plain words, never a traceback
            self._say(f"Nothing was attached: {exc}")
            return False


def install_window_paste(window: QWidget, controller: AttachmentController, case_id: IdGetter,
                         contact_id: IdGetter | None = None, *,
                         say: Callable[[str], None]) -> WindowPaste:
    """Ctrl+V anywhere in ``window`` attaches a pasted screenshot or files (module docstring)."""
    return WindowPaste(window, controller, case_id, contact_id, say=say)
