"""Files given to the running app, from wherever they come, delivered once the window is ready.

Three ways in: the command line (``headway-journal FILE``, which the Linux desktop entry's
``%f`` and the Windows "Open with" entry use), a second launch handing its file over through the
single-instance channel (``SingleInstance.file_open_requested``), and on macOS the Finder's
``QFileOpenEvent`` sent to the QApplication (a file opened or dropped on the Dock icon; it can
arrive before the window exists). ``FileOpenRouter.receive`` queues paths until ``set_target``
names what opens them (``ui.open_document.open_document`` on the main window).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent

from .. import platform

__all__ = ["FileOpenRouter"]


class FileOpenRouter(QObject):
    """Queues the files given to the app and hands them to the target, in order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_open_router")
        self._pending: list[str] = []
        self._target: Callable[[str], object] | None = None
        self._watching: QObject | None = None

    @classmethod
    def install(cls, app: QCoreApplication, *,
                system: platform.System | None = None) -> FileOpenRouter:
        """A router owned by ``app``; where the system sends files as events (macOS), it also
        catches the QFileOpenEvents sent to ``app``."""
        router = cls(app)
        if platform.receives_file_open_events(system):
            router._watching = app
            app.installEventFilter(router)
        return router

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._watching and event.type() == QEvent.Type.FileOpen:
            assert isinstance(event, QFileOpenEvent)
            path = event.file() or event.url().toLocalFile()
            if path:
                self.receive(path)
            return True
        return False

    def receive(self, path: str) -> None:
        """Open ``path`` as soon as the event loop is free if the window is ready, else once it
        is (never inside the event or socket handler that brought it: the offer is modal)."""
        self._pending.append(path)
        if self._target is not None:
            QTimer.singleShot(0, self, self._deliver)

    def _deliver(self) -> None:
        target = self._target
        while target is not None and self._pending:
            target(self._pending.pop(0))
            target = self._target

    def pending(self) -> list[str]:
        return list(self._pending)

    def set_target(self, target: Callable[[str], object]) -> None:
        """From now on ``target(path)`` opens each file; those queued so far go first."""
        self._target = target
        if self._pending:
            QTimer.singleShot(0, self, self._deliver)

    def uninstall(self) -> None:
        if self._watching is not None:
            self._watching.removeEventFilter(self)
            self._watching = None
        self._target = None
