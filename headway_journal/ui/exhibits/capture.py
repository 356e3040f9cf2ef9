"""Capture the screen as an exhibit.

API::

    image = capture_screen(window, delay_s=0, hide_window=True)   # QImage (null if refused)
    CaptureDialog.ask(parent) -> CaptureOptions | None             # delay 0/3/5 s, hide?
    capture_and_attach(window, controller, case_id, contact_id=None) -> bool

``capture_screen`` hides ``window`` (optional), waits ``delay_s`` seconds on a QTimer inside
a local event loop (the GUI keeps running; nothing sleeps), grabs the screen the window is
on (the primary screen without a window) and shows the window again, even if grabbing
failed. It always waits a moment before grabbing, so the capture dialog that was just
closed is not in its own screenshot. A capture that is one colour all over (a black screen
behind the hidden window) is not attached; the user is told why. Wayland compositors refuse
screen grabs: the image is then null and
``capture_and_attach`` tells the user to use the system's screenshot key and paste with
Ctrl+V. Offscreen (tests) it returns the offscreen screen's image.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPalette, QScreen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.capture.provenance import screen_capture
from headway_journal.ui.fit import fit_to_screen
from headway_journal.ui.keyboard_help import add_help_key
from headway_journal.ui.names import timestamped_name

if TYPE_CHECKING:  # pragma: no cover
    from .controller import AttachmentController

__all__ = [
    "DELAYS",
    "CaptureDialog",
    "CaptureOptions",
    "capture_and_attach",
    "capture_screen",
    "is_blank",
]

DELAYS = (0, 3, 5)
HIDE_SETTLE_MS = 350  # time for the compositor to take the hidden window off the screen


def _wait(ms: int) -> None:
    """Let the event loop run for ``ms`` milliseconds (a QTimer, never time.sleep)."""
    if ms <= 0:
        return
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _screen_for(window: QWidget | None) -> QScreen | None:
    if window is not None:
        screen = window.screen()
        if screen is not None:
            return screen
    return QGuiApplication.primaryScreen()


def capture_screen(window: QWidget | None, delay_s: int = 0, *,
                   hide_window: bool = True) -> QImage:
    """A screenshot of the whole screen ``window`` is on (see the module docstring)."""
    screen = _screen_for(window)
    hidden = False
    was_maximized = False
    if window is not None and hide_window and window.isVisible():
        was_maximized = window.isMaximized()
        window.hide()
        hidden = True
    try:
        # Always let the screen settle: the capture dialog has just closed and must not be in
        # its own screenshot, and a hidden window must be gone from it.
        _wait(max(0, int(delay_s)) * 1000 + HIDE_SETTLE_MS)
        if screen is None:
            return QImage()
        return screen.grabWindow(0).toImage()
    finally:
        if hidden and window is not None:
            if was_maximized:
                window.showMaximized()
            else:
                window.show()
            window.raise_()
            window.activateWindow()


def is_blank(image: QImage) -> bool:
    """True when every pixel of ``image`` has the same colour (an all-black capture of a
    hidden window on an empty desktop, or a capture the system blanked): not evidence."""
    if image.isNull():
        return True
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(pixels.constBits())[: pixels.bytesPerLine() * pixels.height()]
    row = pixels.bytesPerLine()
    first = data[:4]
    if row != 4 * pixels.width():  # padded rows: compare the pixels of each row
        return all(data[y * row: y * row + 4 * pixels.width()] == first * pixels.width()
                   for y in range(pixels.height()))
    return data == first * (len(data) // 4)


@dataclass(frozen=True)
class CaptureOptions:
    delay_s: int = 0
    hide_window: bool = True


class CaptureDialog(QDialog):
    """Choose a delay (0, 3 or 5 seconds) and whether to hide this window while capturing."""

    def __init__(self, parent: QWidget | None = None,
                 options: CaptureOptions = CaptureOptions()) -> None:  # noqa: B008
        super().__init__(parent)
        add_help_key(self)
        self.setWindowTitle(QCoreApplication.translate("CaptureDialog", "Capture screen"))
        self.setAccessibleName(QCoreApplication.translate("CaptureDialog", "Capture screen"))
        intro = QLabel(QCoreApplication.translate("CaptureDialog", "Take a screenshot of the whole "
                                                                   "screen and attach it to the "
                                                                   "case."), self)
        intro.setWordWrap(True)
        self._delays = QButtonGroup(self)
        delay_row = QHBoxLayout()
        delay_row.addWidget(QLabel(QCoreApplication.translate("CaptureDialog", "Delay:"), self))
        for seconds in DELAYS:
            button = QRadioButton(QCoreApplication.translate("CaptureDialog", "None") if seconds == 0 else QCoreApplication.translate(
                "CaptureDialog", "{seconds} seconds").format(seconds=seconds), self)
            button.setAccessibleName(QCoreApplication.translate("CaptureDialog", "Delay {seconds} seconds").format(
                seconds=seconds))
            button.setToolTip(self.tr("Wait this long before taking the screenshot "
                                      "(the arrow keys choose another delay)"))
            button.setChecked(seconds == options.delay_s)
            self._delays.addButton(button, seconds)
            delay_row.addWidget(button)
        delay_row.addStretch(1)
        if self._delays.checkedId() < 0:
            self._delays.button(0).setChecked(True)
        self.hide_box = QCheckBox(QCoreApplication.translate("CaptureDialog", "Hide this window "
                                                                              "while capturing"), self)
        self.hide_box.setToolTip(self.tr("Keep this app out of the screenshot"))
        self.hide_box.setChecked(options.hide_window)
        hint = QLabel(QCoreApplication.translate("CaptureDialog", "Use a delay to open a menu or "
                                                                  "switch to the company's website "
                                                                  "first."),
                      self)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # secondary, still readable
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("CaptureDialog", "Capture"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Take the screenshot and attach it to the case"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without taking a screenshot (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(delay_row)
        layout.addWidget(self.hide_box)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def options(self) -> CaptureOptions:
        return CaptureOptions(delay_s=max(0, self._delays.checkedId()),
                              hide_window=self.hide_box.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> CaptureOptions | None:
        """Show the dialog modally; None if cancelled. (Tests patch this.)"""
        dialog = cls(parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.options()
        finally:
            dialog.deleteLater()


def capture_and_attach(window: QWidget | None, controller: AttachmentController,
                       case_id: int | None, contact_id: int | None = None) -> bool:
    """Ask for the options, capture, and attach the PNG. True if an attachment was queued."""
    if case_id is None:
        controller.failed.emit(QCoreApplication.translate("capture", "Choose or create a case "
                                                                     "first; nothing was "
                                                                     "attached."))
        return False
    options = CaptureDialog.ask(window)
    if options is None:
        return False
    image = capture_screen(window, options.delay_s, hide_window=options.hide_window)
    if image.isNull():
        platform = QGuiApplication.platformName()
        where = QCoreApplication.translate("capture", " (Wayland does not allow apps to do it)") if platform.startswith("wayland") \
            else ""
        controller.failed.emit(
            QCoreApplication.translate("capture", "The screen could not be captured here{where}; "
                                                  "take a screenshot with your system's screenshot "
                                                  "key, then paste it into the exhibits with "
                                                  "Ctrl+V.").format(where=where))
        return False
    if is_blank(image):
        controller.failed.emit(
            QCoreApplication.translate("capture", "The screen capture came out blank (a single "
                                                  "colour: nothing was on the screen, "
            "or the system did not let the app see it); nothing was attached. Use a delay to "
            "bring the page into view first, or take a screenshot with your system's "
            "screenshot key and paste it with Ctrl+V."))
        return False
    name = timestamped_name("screen-capture")
    return controller.attach_image(case_id, image, contact_id, original_name=name,
                                   provenance=screen_capture(_screen_name(window),
                                                             datetime.now().astimezone()))


def _screen_name(window: QWidget | None) -> str:
    """Which screen was captured: its name and size ("DP-1, 1920x1080")."""
    screen = _screen_for(window)
    if screen is None:
        return "screen"
    size = screen.geometry().size()
    return QCoreApplication.translate("capture", "{value}, {width}x{height}").format(
        value=screen.name() or 'screen', width=size.width(), height=size.height())
