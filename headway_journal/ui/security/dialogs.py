"""Choosing a passphrase (with the plain warning that nothing recovers a journal without it or
the recovery key), and showing the recovery key once, with "Print recovery sheet..."."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...journal.crypto.lockbox import check_new_passphrase
from ..fonts import fixed_width_font
from .unlock import password_field

__all__ = ["NewPassphraseDialog", "RecoveryKeyDialog"]


class NewPassphraseDialog(QDialog):
    """A passphrase typed twice; ``current`` asks the one in use first (a change)."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 current: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        warning = QLabel(self.tr(
            "Choose a passphrase you will remember (at least 8 characters). There is no way "
            "into an encrypted journal without its passphrase or its recovery key: nobody, "
            "not even the makers of this app, can recover it."))
        warning.setWordWrap(True)
        warning.setAccessibleName(self.tr("No recovery warning"))
        layout.addWidget(warning)
        form = QFormLayout()
        self.current = password_field(self.tr("Current passphrase")) if current else None
        if self.current is not None:
            form.addRow(self.tr("&Current passphrase:"), self.current)
        self.passphrase = password_field(self.tr("Passphrase"))
        self.confirm = password_field(self.tr("Passphrase again"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Again:"), self.confirm)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Passphrase problem"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def check_and_accept(self) -> None:
        if self.passphrase.text() != self.confirm.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return
        try:
            check_new_passphrase(self.passphrase.text())
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown this once, and a printable sheet with it."""

    def __init__(self, recovery_key: str, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.folder = folder
        self.sheet: Path | None = None
        self.setWindowTitle(self.tr("Your recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The journal is encrypted. If you forget the passphrase, this recovery key is the "
            "only way back in. It is shown only now: print the recovery sheet or write the key "
            "down, and keep it away from this computer."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        key = QLabel(recovery_key)
        key.setAccessibleName(self.tr("Recovery key"))
        font = fixed_width_font()  # "monospace" alone is a Linux name
        font.setPointSize(font.pointSize() + 4)
        key.setFont(font)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print recovery sheet…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.save_sheet)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    def save_sheet(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet to print"),
            str(Path.home() / "headway-journal-recovery-sheet.pdf"), QCoreApplication.translate("RecoveryKeyDialog", "PDF (*.pdf)"))
        if not chosen:
            return None
        from ...casefile.recovery_sheet import RecoverySheet, write_recovery_sheet

        out = Path(chosen)
        try:
            write_recovery_sheet(RecoverySheet(recovery_key=self.recovery_key,
                                               journal_location=str(self.folder), owner="",
                                               made_on=datetime.now(UTC)), out)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Recovery sheet"),
                                self.tr("The sheet could not be saved: {why}").format(
                                    why=exc.strerror or exc))
            return None
        self.sheet = out
        QMessageBox.information(self, self.tr("Recovery sheet"), self.tr(
            "Saved {path}. Print it, then delete the file: it opens your journal.").format(
                path=out))
        return out
