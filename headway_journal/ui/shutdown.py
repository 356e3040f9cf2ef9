"""Quitting cleanly when the system asks: SIGTERM, SIGHUP, SIGINT and the session manager.

A logout, a shutdown or ``kill`` sends SIGTERM; closing the terminal sends SIGHUP; Ctrl+C sends
SIGINT. Each does what File > Quit does: drafts are saved, files being attached are stored, the
closing backup is made when due, the window closes, the event loop ends, and ``run_gui`` closes
the journal (writing the clean-close stamp, so the next start skips the full integrity check).

Python runs signal handlers only between bytecodes, and while Qt's event loop waits in C++ no
bytecode runs. So the handlers here do nothing themselves: ``signal.set_wakeup_fd`` makes the
interpreter write the signal's number into one end of a socket pair, and a QSocketNotifier on the
other end wakes the event loop, which then quits through the given ``quit`` callable (the same
path as File > Quit). A second signal while quitting is ignored.

The desktop session's requests are honoured too: ``commitDataRequest`` (the session is ending)
quits the same way; ``saveStateRequest`` (a checkpoint) saves the drafts.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QSessionManager

from ..platform import quit_signals
from .drafts import DraftKeeper

# SIGHUP only where it exists (not on Windows): platform.quit_signals decides.
QUIT_SIGNALS: tuple[signal.Signals, ...] = quit_signals()


def save_all_drafts() -> int:
    """Write every open dialog's draft now (``DraftKeeper.save_now``); returns how many."""
    app = QCoreApplication.instance()
    if not isinstance(app, QGuiApplication):
        return 0
    from PySide6.QtWidgets import QApplication

    keepers: list[DraftKeeper] = []
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            keepers.extend(widget.findChildren(DraftKeeper))
    saved = 0
    for keeper in dict.fromkeys(keepers):  # a keeper may be reachable twice
        with contextlib.suppress(RuntimeError):  # deleted meanwhile
            saved += bool(keeper.save_now())
    return saved


class ShutdownHandler(QObject):
    """Turns quit signals and the session's quit request into one call of ``quit``.

    ``requested`` carries what asked (``"SIGTERM"``, ``"session"``...), emitted once.
    """

    requested = Signal(str)

    def __init__(self, quit: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._reader: socket.socket | None = None
        self._writer: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous_fd = -1
        self._previous: dict[signal.Signals, Any] = {}
        self.reason: str | None = None  # what asked first
        self.received: list[str] = []  # every signal seen, in order

    @property
    def quitting(self) -> bool:
        return self.reason is not None

    def set_quit(self, quit: Callable[[], Any]) -> None:
        """What to call from now on (the window, once it exists)."""
        self._quit = quit

    def install(self, signals: Iterable[signal.Signals] = QUIT_SIGNALS) -> None:
        """Catch ``signals`` and the session manager's requests (call on the main thread)."""
        if self._reader is not None:
            return
        if threading.current_thread() is not threading.main_thread():
            return  # signals are only ever handled on the main thread
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        for sig in signals:
            self._previous[sig] = signal.signal(sig, _note_signal)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self._commit_data)
            app.saveStateRequest.connect(self._save_state)

    def uninstall(self) -> None:
        """Give the signals back their previous handlers and close the socket pair."""
        if self._reader is None:
            return
        for sig, handler in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)
        self._previous.clear()
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):
                app.commitDataRequest.disconnect(self._commit_data)
            with contextlib.suppress(RuntimeError, TypeError):
                app.saveStateRequest.disconnect(self._save_state)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for sock in (self._reader, self._writer):
            if sock is not None:
                sock.close()
        self._reader = self._writer = None

    def _drain(self) -> None:
        if self._reader is None:
            return
        data = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := self._reader.recv(64):
                data += chunk
        for number in data:
            try:
                name = signal.Signals(number).name
            except ValueError:
                continue
            if signal.Signals(number) in self._previous:
                self.received.append(name)
                self.request(name)

    def request(self, reason: str) -> None:
        """Quit as File > Quit does (once; later requests are ignored)."""
        if self.reason is not None:
            return
        self.reason = reason
        self.requested.emit(reason)
        # From the event loop, never from inside a nested call that may still be unwinding;
        # the callable is looked up then (the window may have been made meanwhile).
        QTimer.singleShot(0, self._call_quit)

    def _call_quit(self) -> None:
        self._quit()

    def session_ending(self) -> None:
        """The desktop session is ending (``commitDataRequest``): drafts now, then quit."""
        save_all_drafts()
        self.request("session")

    def session_checkpoint(self) -> int:
        """The session saves its state (``saveStateRequest``): drafts now; keeps running."""
        return save_all_drafts()

    def _commit_data(self, manager: QSessionManager) -> None:
        self.session_ending()

    def _save_state(self, manager: QSessionManager) -> None:
        self.session_checkpoint()


def _note_signal(signum: int, _frame: Any) -> None:
    """The Python-level handler: the work happens in ShutdownHandler._drain (module docstring).

    The wakeup fd has the signal's number already; nothing else to do here. It exists so the
    default action (terminate, KeyboardInterrupt) does not happen.
    """
