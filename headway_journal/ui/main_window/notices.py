"""Telling the user about promises that became overdue: the tray icon (when the desktop has
a tray) or the status bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from ... import APP_NAME
from ...journal.records import DueItem
from ..format import full_date
from ..single_instance import bring_to_front


def make_tray(window: QMainWindow) -> QSystemTrayIcon | None:
    """A tray icon with the window's icon that brings the window to the front; None when the
    desktop has no tray or the window no icon."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = window.windowIcon()
    if icon.isNull():
        return None
    tray = QSystemTrayIcon(icon, window)
    tray.setToolTip(APP_NAME)

    def on_activated(_reason: QSystemTrayIcon.ActivationReason | None = None) -> None:
        bring_to_front(window)  # a maximized window comes back maximized

    # Only a way back to the window: closing the window quits the app (nothing hides in the
    # tray, no menu-bar icon left without a Quit on macOS), and File > Quit is always there.
    tray.activated.connect(on_activated)
    tray.show()
    return tray


def overdue_text(items: Sequence[DueItem]) -> str:
    """One promise by name, case and due date; several by their first three names."""
    if len(items) == 1:
        d = items[0]
        return (QCoreApplication.translate("notices", "Overdue: “{text}” ({case_title}, {organization}) was due {full_date}.").format(text=d.promise.text, case_title=d.case_title, organization=d.organization, full_date=full_date(d.promise.due.due_on)))
    names = "; ".join(f"“{d.promise.text}”" for d in items[:3])
    more = QCoreApplication.translate("notices", " and {value} more").format(value=len(items) - 3) if len(items) > 3 else ""
    return QCoreApplication.translate("notices", "{len} promises are overdue: {names}{more}.").format(len=len(items), names=names, more=more)


def announce(window: QMainWindow, tray: QSystemTrayIcon | None, text: str) -> None:
    """In the tray's balloon when the tray shows, else in the status bar."""
    if tray is not None and tray.isVisible():
        tray.showMessage(QCoreApplication.translate("notices", "Promise overdue"), text, QSystemTrayIcon.MessageIcon.Warning, 15000)
    else:
        window.statusBar().showMessage(text, 60000)
