"""Shared journals (a PostgreSQL server) in the window.

* ``open_shared(url, parent)``: open one, asking for the password when the server wants one
  that the URL, the keyring and libpq's own sources (PGPASSWORD, ~/.pgpass) did not give; the
  password is offered to the system keyring when there is one, never written to settings.
* File > Open shared journal… (``open_shared_dialog``): the URL (the last one is remembered
  without its password), then a window of its own for that journal.
* ``SharedWatch``: other people's changes refresh the window within a second (LISTEN/NOTIFY,
  ``journal.shared.listen``); a lost connection is said plainly in the status bar and a banner
  (what is typed in a form is kept as a draft, as always), and its return too.
* ``backups_elsewhere``: the backup actions are off (pg_dump backs up a shared journal).
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ..journal.db import JournalError
from ..journal.service import JournalService
from ..journal.shared.engine import ServerUnreachable
from ..journal.shared.listen import ChangeListener
from ..journal.shared.urls import (
    is_database_url,
    parse_database_url,
    remember_password,
    remembered_url,
    shown_url,
)
from . import settings as st

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

__all__ = ["SharedWatch", "ask_password", "backups_elsewhere", "open_shared",
           "open_shared_dialog", "open_shared_window"]

KEY_LAST_URL = "shared/last_url"
REFRESH_DELAY_MS = 400  # changes arriving together refresh the window once
_WINDOWS: list[Any] = []  # shared-journal windows opened from File > Open shared journal…


def _tr(text: str) -> str:
    return QCoreApplication.translate("SharedJournal", text)


def backups_elsewhere(window: MainWindow) -> None:
    """A shared journal: the folder backup actions are off (pg_dump on the server)."""
    if window.service.journal.kind == "sqlite":
        return
    tip = _tr("A shared journal is backed up on its "
                                                           "server with pg_dump "
              "(docs/shared-journal.md).")
    for action in (window.act_backup, window.act_backup_file, window.act_restore_backup):
        action.setEnabled(False)
        action.setToolTip(tip)


def ask_password(parent: QWidget | None, where: str) -> str | None:
    """The server's password for ``where`` (None: cancelled)."""
    text, ok = QInputDialog.getText(
        parent, _tr("Password"), _tr("Password for {where}:").format(
            where=where),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


def _offer_keyring(parent: QWidget | None, url: str, password: str) -> None:
    """Keep the password in the system keyring if there is one and the user agrees."""
    try:
        importlib.import_module("keyring")
    except ImportError:
        return  # no keyring: the password is asked again next time
    answer = QMessageBox.question(
        parent, _tr("Remember the password?"),
        _tr("Keep this password in the system "
                                                         "keyring, so it is not asked again? (It "
                                                         "is "
            "never written to Headway Journal's settings.)"))
    if answer == QMessageBox.StandardButton.Yes:
        remember_password(parse_database_url(url), password)


def open_shared(url: str, parent: QWidget | None = None,
                ask: Callable[[QWidget | None, str], str | None] = ask_password
                ) -> JournalService | None:
    """Open the shared journal at ``url`` or say why not (None: the user was told)."""
    title = _tr("Shared journal not opened")
    try:
        return JournalService.open(url)
    except ServerUnreachable as exc:
        if "password" not in str(exc).lower():
            QMessageBox.warning(parent, title, str(exc))
            return None
    except JournalError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    password = ask(parent, shown_url(url))
    if password is None:
        return None
    try:
        service = JournalService.open(url, password=password)
    except JournalError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    _offer_keyring(parent, url, password)
    return service


def open_shared_window(service: JournalService) -> MainWindow:
    """A window of its own for a shared journal; the journal closes with it."""
    from .main_window import MainWindow  # noqa: PLC0415 - the window imports this module

    window = MainWindow(service)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _WINDOWS.append(window)

    def gone() -> None:
        if window in _WINDOWS:
            _WINDOWS.remove(window)
        service.close()

    window.destroyed.connect(gone)
    window.show()
    return window


def open_shared_dialog(parent: QWidget) -> MainWindow | None:
    """File > Open shared journal…: ask for the URL, open it in a window of its own."""
    url, ok = QInputDialog.getText(
        parent, _tr("Open shared journal"),
        _tr("The journal's database URL, e.g. "
                                                         "postgresql://you@server.example/journal "
            "(add ?sslmode=verify-full for TLS):"),
        QLineEdit.EchoMode.Normal, st.get_str(KEY_LAST_URL) or "")
    url = url.strip()
    if not ok or not url:
        return None
    if not is_database_url(url):
        QMessageBox.warning(parent, _tr("Open shared journal"),
                            _tr("That is not a "
                                                                             "postgresql:// URL; "
                                                                             "nothing was "
                                                                             "opened."))
        return None
    service = open_shared(url, parent)
    if service is None:
        return None
    with contextlib.suppress(JournalError):  # remembered without a password
        st.set_value(KEY_LAST_URL, remembered_url(url))
    return open_shared_window(service)


class SharedWatch(QObject):
    """Refreshes a shared journal's window when someone else changes it; says when the server
    cannot be reached. Signals arrive on the GUI thread (queued from the listener's thread)."""

    changed = Signal(str)
    offline = Signal(str)
    online = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.refreshes = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self._refresh)
        self.changed.connect(lambda _table: self.timer.start())
        self.offline.connect(self._offline)
        self.online.connect(self._online)
        url = window.service.journal.url  # type: ignore[attr-defined]
        self.listener = ChangeListener(url, self.changed.emit, self.offline.emit,
                                       self.online.emit)
        window.destroyed.connect(lambda *_args: self.listener.stop())

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()

    def _refresh(self) -> None:
        if self.window.closed:
            return
        self.refreshes += 1
        self.window.refresh(reload_pane=True, select=self.window.current_case_id())

    def _offline(self, message: str) -> None:
        if self.window.closed:
            return
        self.window.statusBar().showMessage(_tr(
            "The journal server cannot be reached "
                                                      "({message}). What you type is kept as a "
            "draft; saving works again when the connection is back.").format(message=message))

    def _online(self) -> None:
        if self.window.closed:
            return
        self.window.statusBar().showMessage(_tr("Connected to the journal server again."),
                                            10_000)
        self.timer.start()  # what changed meanwhile


def watch(window: MainWindow) -> SharedWatch | None:
    """Start watching a shared journal's window (None for a folder journal)."""
    if window.service.journal.kind == "sqlite":
        return None
    w = SharedWatch(window)
    w.start()
    return w
