"""File > Security (encrypt, decrypt, change the passphrase) and the idle lock, for a window.

A conversion closes the journal as a restore does, runs ``journal.crypto.convert`` off the GUI
thread (``ui.tasks.TaskRunner``, a progress dialog meanwhile), opens the journal again and
announces it with ``JournalSession.replace_service``. After an encryption the recovery key is
shown once. A locked journal locks itself after ``lock_after_minutes`` without input
(Settings; 0 turns it off): the journal is closed, the window hidden, and the unlock dialog
shown; cancelling it quits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QSpinBox

from ...journal.crypto import unlocked
from ...journal.service import JournalService
from .. import settings as st
from ..main_window.journal_session import OVERDUE_WAIT_MS
from ..tasks import TaskContext, TaskRunner
from . import keyring_store

if TYPE_CHECKING:  # pragma: no cover
    from ..main_window.window import MainWindow
    from .dialogs import RecoveryKeyDialog

__all__ = ["LOCK_AFTER_KEY", "SecurityController", "lock_after_minutes", "lock_after_spin",
           "set_lock_after_minutes"]

LOCK_AFTER_KEY = "security/lock_after_minutes"
DEFAULT_LOCK_AFTER = 15
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def lock_after_minutes() -> int:
    """Minutes without input before a locked journal locks itself (0: never)."""
    raw = st.app_settings().value(LOCK_AFTER_KEY, DEFAULT_LOCK_AFTER)
    try:
        return max(0, int(str(raw)))
    except ValueError:
        return DEFAULT_LOCK_AFTER


def set_lock_after_minutes(minutes: int) -> None:
    st.set_value(LOCK_AFTER_KEY, max(0, int(minutes)))


def lock_after_spin() -> QSpinBox:
    """Settings' "Lock an encrypted journal after N idle minutes" (0: never)."""
    spin = QSpinBox()
    spin.setRange(0, 24 * 60)
    spin.setSuffix(QCoreApplication.translate("Settings", " min"))
    spin.setSpecialValueText(QCoreApplication.translate("Settings", "never"))
    spin.setToolTip(QCoreApplication.translate(
        "Settings", "An encrypted journal closes and asks its passphrase again after this "
        "long without a key press or a click (0: never)."))
    spin.setAccessibleName(QCoreApplication.translate("controller", "Lock after idle minutes"))
    spin.setValue(lock_after_minutes())
    return spin


class ActivityWatch(QObject):
    """The application's input restarts the idle timer. A child of the application, not of
    the window (``ui.event_watch`` says why: a window filtering events gets Python calls
    while it is being destroyed); once the timer is gone it removes itself."""

    def __init__(self, timer: QTimer, app: QApplication) -> None:
        super().__init__(app)
        self._timer = timer

    @classmethod
    def install(cls, timer: QTimer) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(cls(timer, app))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in _INPUT:
            return False
        timer = self._timer
        if not shiboken6.isValid(timer):
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.deleteLater()
            return False
        if timer.isActive():
            timer.start()  # input: the idle time starts again
        return False


class SecurityController(QObject):
    """The window's File > Security commands and its idle lock."""

    converted = Signal(str)  # "encrypted" / "decrypted", once the journal is open again

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = TaskRunner(self)
        self.progress: QProgressDialog | None = None
        self.last_recovery: RecoveryKeyDialog | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock_now)
        self._watching = False  # the input filter, once an idle lock is armed (restart_idle)
        self.restart_idle()

    # -- state --------------------------------------------------------------------------

    @property
    def service(self) -> JournalService:
        return self.window.session.service

    @property
    def locked_journal(self) -> bool:
        return self.service.journal.keys is not None

    def restart_idle(self) -> None:
        minutes = lock_after_minutes()
        if minutes and self.locked_journal:
            if not self._watching:  # a plain journal's events never pass through Python
                self._watching = True
                ActivityWatch.install(self.idle)
            self.idle.start(minutes * 60 * 1000)
        else:
            self.idle.stop()

    # -- closing and reopening ------------------------------------------------------------

    def _close_journal(self) -> Path:
        session = self.window.session
        folder = session.service.folder
        session.notify_timer.stop()
        session.backup_timer.stop()
        session.overdue.stop()
        session.overdue.wait(OVERDUE_WAIT_MS)
        session.service.close()
        session.is_open = False
        return folder

    def _reopen(self, folder: Path, keys: Any = None) -> bool:
        try:
            fresh = JournalService.open(folder, keys=keys)
        except Exception as exc:
            self.window.session.show_reopen_failure(folder, exc, restored=False)
            return False
        self.window.session.replace_service(fresh)
        self.restart_idle()
        return True

    # -- the commands ---------------------------------------------------------------------

    def encrypt(self) -> bool:
        """Ask a passphrase and encrypt the journal (in the background)."""
        if self.locked_journal:
            QMessageBox.information(self.window, self.tr("Encrypt journal"),
                                    self.tr("This journal is encrypted already."))
            return False
        from ...journal.crypto import convert
        from .dialogs import NewPassphraseDialog

        dialog = NewPassphraseDialog(self.tr("Encrypt this journal"), self.window)
        if dialog.exec() != NewPassphraseDialog.DialogCode.Accepted:
            return False
        passphrase = dialog.passphrase.text()
        folder = self._close_journal()

        def work(ctx: TaskContext) -> Any:
            return convert.encrypt_journal(folder, passphrase,
                                           progress=lambda d, t: ctx.progress((d, t)))

        self._run(work, folder, "encrypted")
        return True

    def decrypt(self) -> bool:
        if not self.locked_journal:
            QMessageBox.information(self.window, self.tr("Decrypt journal"),
                                    self.tr("This journal is not encrypted."))
            return False
        answer = QMessageBox.question(
            self.window, self.tr("Decrypt journal"),
            self.tr("Store this journal unencrypted? Anyone who can read its folder can then "
                    "read every case and exhibit in it."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from ...journal.crypto import convert

        keys = self.service.journal.keys
        assert keys is not None
        folder = self._close_journal()

        def work(ctx: TaskContext) -> Any:
            return convert.decrypt_journal(folder, keys,
                                           progress=lambda d, t: ctx.progress((d, t)))

        self._run(work, folder, "decrypted")
        return True

    def change_passphrase(self) -> bool:
        if not self.locked_journal:
            QMessageBox.information(self.window, self.tr("Change passphrase"),
                                    self.tr("This journal is not encrypted, so it has no "
                                            "passphrase."))
            return False
        from ...journal.crypto import access
        from .dialogs import NewPassphraseDialog

        dialog = NewPassphraseDialog(self.tr("Change passphrase"), self.window, current=True)
        while dialog.exec() == NewPassphraseDialog.DialogCode.Accepted:
            assert dialog.current is not None
            try:
                opened = access.keys_by_passphrase(self.service.folder, dialog.current.text())
            except access.WrongPassphrase as exc:
                dialog.message.setText(str(exc))
                continue
            access.change_passphrase(self.service.folder, opened, dialog.passphrase.text())
            keyring_store.forget(self.service.folder)  # the old one, if it was remembered
            self.window.statusBar().showMessage(
                self.tr("Changed the passphrase; the recovery key still works."), 30_000)
            return True
        return False

    def lock_now(self) -> bool:
        """Close the journal and ask the passphrase again; False when the user gave up."""
        if not self.locked_journal or self.runner.running:
            return False
        from ..shutdown import save_all_drafts
        from .unlock import ask_keys

        save_all_drafts()  # what open forms hold is kept as drafts (sealed), offered back later
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()  # nothing of the journal stays on screen
        folder = self._close_journal()
        unlocked.forget(folder)
        self.window.hide()
        keys = ask_keys(folder, use_keyring=False)  # the keyring would defeat the lock
        if keys is None:
            self.window.quit()
            return False
        self.window.show()
        return self._reopen(folder, keys)

    # -- running a conversion ---------------------------------------------------------------

    def _run(self, work: Callable[[TaskContext], Any], folder: Path, what: str) -> None:
        self.progress = QProgressDialog(self.tr("Converting the journal…"), "", 0, 0, self.window)
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(0)
        self.progress.setWindowTitle(self.tr("Security"))
        self.progress.show()
        task = self.runner.start(work)
        task.progress.connect(self._on_progress)
        task.done.connect(lambda result: self._finished(folder, what, result, None))
        task.failed.connect(lambda exc: self._finished(folder, what, None, exc))

    def _on_progress(self, value: object) -> None:
        if self.progress is not None and isinstance(value, tuple):
            done, total = value
            self.progress.setMaximum(int(total))
            self.progress.setValue(int(done))

    def _finished(self, folder: Path, what: str, result: Any, exc: object) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if not self._reopen(folder):
            return
        if exc is not None:
            QMessageBox.warning(self.window, self.tr("Security"), self.tr(
                "The journal was not converted: {why}. It is as it was.").format(why=exc))
            return
        from ...journal.crypto import convert
        from .dialogs import RecoveryKeyDialog

        if what == "encrypted" and isinstance(result, convert.Converted):
            self.last_recovery = RecoveryKeyDialog(result.recovery_key, folder, self.window)
            self.last_recovery.open()
        self.window.statusBar().showMessage(
            self.tr("The journal is encrypted now.") if what == "encrypted"
            else self.tr("The journal is stored unencrypted now."), 30_000)
        self.converted.emit(what)
