"""Settings > Signing: case files are signed with the journal's own key, or with a certificate
(.p12) the user chooses. Its passphrase is asked for and checked here, and kept in memory only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.casefile.signing.choose import P12_SETTING
from headway_journal.journal.service import JournalService

from ..signing_passphrase import ask_passphrase, remember
from .form_builder import GRID, ErrorLabel, HintLabel


class SigningBox(QGroupBox):
    """Which certificate signs the case files; ``path()`` is "" for the journal's own key."""

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Signing case files"), parent)
        self.setAccessibleName(QCoreApplication.translate("SigningBox", "Signing case files"))
        self._path = service.get_setting(P12_SETTING, "").strip()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        lay.addWidget(HintLabel(self.tr(
            "Every case file is signed, so any PDF reader shows whether it was changed after "
            "it was made. The journal's own certificate proves that, not who you are; a "
            "certificate of your own (.p12) can prove both."), QCoreApplication.translate("SigningBox", "Signing help")))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(QCoreApplication.translate("SigningBox", "Signing certificate"))
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose a certificate (.p12)…"))
        self.choose_button.setAccessibleName(QCoreApplication.translate("SigningBox", "Choose a signing certificate"))
        self.choose_button.setToolTip(self.tr("Sign case files with a certificate of your own "
                                              "(PKCS#12); its passphrase is asked for, never "
                                              "stored."))
        self.choose_button.clicked.connect(self.choose)
        self.own_button = QPushButton(self.tr("Use the journal's own key"))
        self.own_button.setAccessibleName(QCoreApplication.translate("SigningBox", "Use the journal's own key"))
        self.own_button.setToolTip(self.tr("Sign case files with the key this journal made for "
                                           "itself."))
        self.own_button.clicked.connect(self.use_own_key)
        row.addWidget(self.choose_button)
        row.addWidget(self.own_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.error = ErrorLabel(QCoreApplication.translate("SigningBox", "Signing certificate"))
        lay.addWidget(self.error)
        self._show()

    def path(self) -> str:
        return self._path

    def _show(self) -> None:
        if self._path:
            self.status.setText(self.tr("Signed with your certificate: {path}").format(
                path=self._path))
        else:
            self.status.setText(self.tr("Signed with this journal's own key (a certificate it "
                                        "made for itself, in your name)."))
        self.own_button.setEnabled(bool(self._path))

    def use_own_key(self) -> None:
        self._path = ""
        self.error.clear_error()
        self._show()

    def choose(self) -> None:
        """Pick a .p12 file, then its passphrase: both are checked before it is taken."""
        from headway_journal.casefile.signing.keys import SigningError, p12_signer

        self.error.clear_error()
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a signing certificate"), str(Path.home()),
            self.tr("Certificates (*.p12 *.pfx);;All files (*)"))
        if not name:
            return
        path = Path(name)
        passphrase = ask_passphrase(self, path)
        if passphrase is None:
            return
        try:
            signer = p12_signer(path, passphrase)
        except SigningError as exc:
            self.error.show_error(str(exc))
            return
        remember(path, passphrase)
        self._path = str(path)
        self._show()
        self.status.setText(self.status.text() + " " + self.tr("({name})").format(
            name=signer.name))
