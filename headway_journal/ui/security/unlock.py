"""The unlock dialog: shown before anything of a locked journal, asks its passphrase.

"Use the recovery key" switches to the recovery key (as printed on the recovery sheet) and a
new passphrase, set at once. After three wrong tries the Unlock button waits longer each time
(``keys.retry_delay``; a timer, the window stays responsive). Wrong tries say so in one line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...journal.crypto import access
from ...journal.crypto.keys import JournalKeys, retry_delay
from ...journal.crypto.lockbox import check_new_passphrase
from . import keyring_store

__all__ = ["UnlockDialog", "ask_keys"]


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class UnlockDialog(QDialog):
    """Asks the passphrase of the locked journal in ``folder``; ``unlocked`` once it opened."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.unlocked: access.Unlocked | None = None
        self.failures = 0
        self.recovering = False
        self.setWindowTitle(self.tr("Unlock journal"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("This journal is encrypted. Enter its passphrase to open "
                                    "it."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.passphrase = password_field(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.recovery_key.setPlaceholderText(QCoreApplication.translate("UnlockDialog", "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"))
        self.new_passphrase = password_field(self.tr("New passphrase"))
        self.confirm = password_field(self.tr("New passphrase again"))
        form.addRow(self.tr("&Recovery key:"), self.recovery_key)
        form.addRow(self.tr("&New passphrase:"), self.new_passphrase)
        form.addRow(self.tr("&Again:"), self.confirm)
        self.form = form
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember the passphrase in the system &keyring"))
        self.remember.setVisible(keyring_store.available())
        layout.addWidget(self.remember)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock problem"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("&Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.recovery_button = QPushButton(self.tr("Use the &recovery key"))
        self.recovery_button.setAutoDefault(False)
        buttons.addButton(self.recovery_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.recovery_button.clicked.connect(self.use_recovery_key)
        layout.addWidget(buttons)
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.timeout.connect(lambda: self.unlock_button.setEnabled(True))
        self._show_rows()

    def _show_rows(self) -> None:
        for field in (self.recovery_key, self.new_passphrase, self.confirm):
            self.form.setRowVisible(field, self.recovering)
        self.form.setRowVisible(self.passphrase, not self.recovering)
        self.recovery_button.setVisible(not self.recovering)

    def use_recovery_key(self) -> None:
        self.recovering = True
        self.intro.setText(self.tr(
            "Type the recovery key from your recovery sheet, and choose a new passphrase: "
            "it replaces the one you lost."))
        self.message.clear()
        self._show_rows()
        self.recovery_key.setFocus()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        try:
            self.unlocked = self._recover() if self.recovering else access.keys_by_passphrase(
                self.folder, self.passphrase.text())
        except (access.WrongPassphrase, access.WrongRecoveryKey) as exc:
            self._wrong(str(exc))
            return
        except ValueError as exc:  # a new passphrase too short, or the two differ
            self.message.setText(str(exc))
            return
        if self.remember.isVisible() and self.remember.isChecked():
            keyring_store.remember(self.folder, self.new_passphrase.text() if self.recovering
                                   else self.passphrase.text())
        self.accept()

    def _recover(self) -> access.Unlocked:
        new = self.new_passphrase.text()
        if new != self.confirm.text():
            raise ValueError(self.tr("The two new passphrases differ."))
        check_new_passphrase(new)
        opened = access.keys_by_recovery_key(self.folder, self.recovery_key.text())
        access.change_passphrase(self.folder, opened, new)
        return opened

    def _wrong(self, text: str) -> None:
        self.failures += 1
        self.passphrase.clear()
        delay = retry_delay(self.failures)
        if delay > 0:
            self.unlock_button.setEnabled(False)
            self.wait_timer.start(int(delay * 1000))
            text += " " + self.tr("Wait {n} s before the next try.").format(n=int(delay))
        self.message.setText(text)


def ask_keys(folder: Path, parent: QWidget | None = None, *,
             use_keyring: bool = True) -> JournalKeys | None:
    """The keys of the locked journal in ``folder`` (None: the user cancelled). A passphrase
    remembered in the system keyring is tried first (``use_keyring``)."""
    remembered = keyring_store.recall(folder) if use_keyring else None
    if remembered is not None:
        try:
            return access.keys_by_passphrase(folder, remembered).keys
        except access.WrongPassphrase:  # changed elsewhere: forget it, ask
            keyring_store.forget(folder)
    dialog = UnlockDialog(folder, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.unlocked is not None:
            return dialog.unlocked.keys
        return None
    finally:
        dialog.deleteLater()
