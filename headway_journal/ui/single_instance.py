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
`activated` and answers b"ok\\n". A newcomer started with a file (``headway-journal FILE``,
``open_file`` set) writes b"open <the path, UTF-8, base64>\\n" instead: the running instance
answers the same, emits ``file_open_requested(path)`` and then ``activated``.

Start-up cost: QtNetwork is imported only when it is needed. On Unix the socket is a file, so
when there is none nobody can be listening and the newcomer goes on without it; the app starts
listening once its window is shown (``listen()`` then). A launch that finds the journal locked
in the meantime waits a little for the first instance to start listening
(``hand_over_soon``) before it says the journal is in use.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from .. import platform
from ..platform import user_id

if TYPE_CHECKING:  # QtNetwork is imported where it is used (not needed to start)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate"
OPEN = b"open "
OK = b"ok"
_MAX_LINE = 16 * 1024  # an "open" line: a path of up to about 12,000 bytes


def server_name(journal_dir: Path) -> str:
    """The QLocalServer name for `journal_dir` and the current user (``platform.server_name``
    decides where the socket lives on each system)."""
    key = f"{user_id()}\0{Path(journal_dir).expanduser().resolve()}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return platform.server_name(digest)


class SingleInstance(QObject):
    """Finds a running instance for the same journal, or becomes it."""

    activated = Signal()
    file_open_requested = Signal(str)

    def __init__(self, journal_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(journal_dir)
        self._server: QLocalServer | None = None
        self.open_file: str | None = None  # handed over with the activation, when set

    def _request(self) -> bytes:
        if self.open_file is None:
            return ACTIVATE + b"\n"
        raw = os.fsencode(self.open_file)
        return OPEN + base64.b64encode(raw) + b"\n"

    # -- the newcomer's side --------------------------------------------------------------

    def socket_path(self) -> Path | None:
        """Where the listening socket is on Unix (Qt's rule for a name without a folder: the
        temporary folder); None on Windows (named pipes are not files)."""
        if not platform.is_posix():
            return None
        if os.path.isabs(self.name):
            return Path(self.name)
        return Path(QDir.cleanPath(QDir.tempPath())) / self.name

    def nobody_listening(self) -> bool:
        """True when no instance can be listening (no socket file); a leftover socket from a
        crash still counts as someone, until a connection to it fails."""
        path = self.socket_path()
        return path is not None and not os.path.lexists(path)

    def try_hand_over(self, timeout_ms: int = 1000) -> bool:
        """Ask a running instance to come forward; True if it acknowledged.

        Runs a local event loop instead of the blocking waitFor* calls, so a listener in the
        same thread (tests) is served too.
        """
        if self.nobody_listening():
            return False
        return self._exchange(self._request(), timeout_ms) == OK

    def hand_over_soon(self, wait_ms: int = 2000, step_ms: int = 100) -> bool:
        """Keep trying to hand over for up to ``wait_ms``: the journal is locked, perhaps by an
        instance that started a moment ago and does not listen yet."""
        deadline = time.monotonic() + wait_ms / 1000
        while True:
            if self.try_hand_over(timeout_ms=max(step_ms * 5, 500)):
                return True
            if time.monotonic() >= deadline:
                return False
            loop = QEventLoop()
            QTimer.singleShot(step_ms, loop.quit)
            loop.exec()

    def _exchange(self, message: bytes | None, timeout_ms: int) -> bytes | None:
        """Connect, send `message` and return the reply line; None if nobody answered.

        With `message` None, only checks that something accepts connections (b"" if so).
        """
        from PySide6.QtNetwork import QLocalSocket

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
        from PySide6.QtNetwork import QLocalServer

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
        path: str | None = None
        if line.startswith(OPEN):
            try:
                path = os.fsdecode(base64.b64decode(line[len(OPEN):], validate=True))
            except (binascii.Error, ValueError):
                path = None
            if not path or "\0" in path:
                socket.abort()
                return
        elif line != ACTIVATE:
            socket.abort()
            return
        socket.write(OK + b"\n")
        socket.flush()
        socket.disconnectFromServer()
        if path is not None:
            self.file_open_requested.emit(path)
        self.activated.emit()


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
