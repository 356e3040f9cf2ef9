"""One running window per journal: a second launch hands over to the first and exits.

Usage at start-up, after the QApplication exists and before the main window is built::

    instance = SingleInstance(journal_dir)
    if instance.try_hand_over():
        return 0                      # the running instance raises its window
    instance.listen()
    ...
    instance.activated.connect(lambda: bring_to_front(window))

The server name is derived from the resolved journal folder and the user id, so a different
journal opens in its own instance. On Unix the socket lives in XDG_RUNTIME_DIR (private to the
user) when there is one, else in Qt's temporary folder.

Protocol: the newcomer connects and writes b"activate\\n"; the running instance emits
`activated` and answers b"ok\\n".
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

ACTIVATE = b"activate"
OK = b"ok"
_MAX_LINE = 64
# sockaddr_un.sun_path is 108 bytes on Linux and 104 on macOS; stay well below both.
_MAX_SOCKET_PATH = 100


def _user_id() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    return getpass.getuser()


def server_name(journal_dir: Path) -> str:
    """The QLocalServer name for `journal_dir` and the current user."""
    key = f"{_user_id()}\0{Path(journal_dir).expanduser().resolve()}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    name = f"headway-journal-{_user_id()}-{digest}"
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform != "win32" and runtime_dir and Path(runtime_dir).is_dir():
        path = str(Path(runtime_dir) / name)
        if len(path.encode()) <= _MAX_SOCKET_PATH:
            return path
    return name


class SingleInstance(QObject):
    """Finds a running instance for the same journal, or becomes it."""

    activated = Signal()

    def __init__(self, journal_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(journal_dir)
        self._server: QLocalServer | None = None

    # -- the newcomer's side --------------------------------------------------------------

    def try_hand_over(self, timeout_ms: int = 1000) -> bool:
        """Ask a running instance to come forward; True if it acknowledged.

        Runs a local event loop instead of the blocking waitFor* calls, so a listener in the
        same thread (tests) is served too.
        """
        return self._exchange(ACTIVATE + b"\n", timeout_ms) == OK

    def _exchange(self, message: bytes | None, timeout_ms: int) -> bytes | None:
        """Connect, send `message` and return the reply line; None if nobody answered.

        With `message` None, only checks that something accepts connections (b"" if so).
        """
        socket = QLocalSocket()
        loop = QEventLoop()
        result: list[bytes | None] = [None]
        done = [False]

        def finish(value: bytes | None = None) -> None:
            if not done[0]:
                done[0] = True
                result[0] = value
                loop.quit()

        def on_connected() -> None:
            if message is None:
                finish(b"")
                return
            socket.write(message)
            socket.flush()

        def on_ready_read() -> None:
            if socket.canReadLine():
                finish(bytes(socket.readLine(_MAX_LINE).data()).strip())

        def on_disconnected() -> None:
            on_ready_read()  # the reply may arrive together with the close
            finish()

        socket.connected.connect(on_connected)
        socket.readyRead.connect(on_ready_read)
        socket.errorOccurred.connect(lambda _error: finish())
        socket.disconnected.connect(on_disconnected)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: finish())
        timer.start(max(timeout_ms, 1))

        socket.connectToServer(self.name)
        if not done[0]:
            loop.exec()
        timer.stop()
        socket.abort()  # any signal this emits finds `done` set
        return result[0]

    # -- the running instance's side ------------------------------------------------------

    def listen(self) -> bool:
        """Start answering newcomers. Returns False (and logs why) if that is not possible.

        A leftover socket from a crashed instance is removed, but only after a connection to
        it failed: a live instance keeps its name.
        """
        if self._server is not None:
            return True
        server = QLocalServer(self)
        # No socket options on purpose: with any of them Qt binds a temporary socket and
        # renames it over the name, silently taking it from a live instance. A plain bind fails
        # with AddressInUse instead. Privacy comes from XDG_RUNTIME_DIR (mode 0700); in the
        # temporary-folder fallback, connecting needs write access, which the umask denies.
        server.newConnection.connect(self._on_new_connection)
        if not server.listen(self.name):
            # Usually AddressInUse: either a live instance or a crashed one's leftover socket.
            if self._exchange(None, 500) is not None:
                log.warning("single instance: another instance already answers on %s", self.name)
                return False
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single instance: cannot listen on %s: %s",
                            self.name, server.errorString())
                return False
        self._server = server
        return True

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        """Stop listening and remove the socket."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            # A client that never writes is dropped rather than kept forever.
            QTimer.singleShot(5000, socket, socket.abort)
            if socket.canReadLine():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_LINE:
                socket.abort()
            return
        line = bytes(socket.readLine(_MAX_LINE).data()).strip()
        if line == ACTIVATE:
            socket.write(OK + b"\n")
            socket.flush()
            socket.disconnectFromServer()
            self.activated.emit()
        else:
            socket.abort()


def bring_to_front(window: QWidget) -> None:
    """Show `window` un-minimized, raised and focused (as far as the window manager allows)."""
    if window.isMinimized():
        # Like showNormal(), but a maximized window comes back maximized.
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
    window.show()
    window.raise_()
    window.activateWindow()
