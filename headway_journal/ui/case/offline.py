"""A shared journal whose server drops: the case pane keeps the case it last loaded on screen,
read-only, with a notice, instead of losing it (or failing) when the next case cannot be read.

``is_server_lost`` tells a lost connection from other errors; ``OfflineNotice`` is the pane's
banner. The pane (``CasePane.show_case``) keeps its last ``CaseView`` and is ``locked`` while the
notice shows; the next case read once the server is back (the window refreshes then,
``ui.shared_journal.SharedWatch``) hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFrame, QHBoxLayout, QWidget
from sqlalchemy.exc import OperationalError

from ..widgets import GRID, wrap_label

__all__ = ["OfflineNotice", "grey_out_buttons", "is_server_lost", "offline_text"]


def is_server_lost(exc: BaseException) -> bool:
    """The journal's server went away or refuses connections (the driver's OperationalError,
    as ``main_window.messages`` words it), not a query it refused."""
    return isinstance(exc, OperationalError)


def grey_out_buttons(*widgets: QWidget | None) -> None:
    """Every button inside ``widgets`` greyed out (a refill of the pane enables them again)."""
    for widget in widgets:
        if widget is not None:
            for button in widget.findChildren(QAbstractButton):
                button.setEnabled(False)


def offline_text(kept: bool) -> str:
    if kept:
        return QCoreApplication.translate(
            "OfflineNotice", "The journal server cannot be reached: this is the case as it was "
            "last loaded, read-only. It is read again when the connection is back.")
    return QCoreApplication.translate(
        "OfflineNotice", "The journal server cannot be reached: the case will show when the "
        "connection is back.")


class OfflineNotice(QFrame):
    """The banner above a case kept on screen while the server cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("OfflineNotice",
                                                          "Journal server notice"))
        row = QHBoxLayout(self)
        row.setContentsMargins(GRID, GRID // 2, GRID, GRID // 2)
        self.label = wrap_label(offline_text(True), name=QCoreApplication.translate(
            "OfflineNotice", "The journal server cannot be reached"))
        row.addWidget(self.label, 1)
        self.hide()
