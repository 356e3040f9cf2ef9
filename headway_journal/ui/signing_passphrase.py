"""The passphrase of the signing certificate chosen in Settings: asked for once per session,
kept in memory only (never in QSettings, never on disk)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..casefile.signing.choose import P12_SETTING
from ..journal.service import JournalService

__all__ = ["ask_passphrase", "ensure_passphrase", "forget", "remember", "remembered"]

_passphrases: dict[str, bytes] = {}
_lock = threading.Lock()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Signing", text)


def remembered(path: Path) -> bytes | None:
    """The passphrase given for ``path`` in this session (any thread)."""
    with _lock:
        return _passphrases.get(str(path))


def remember(path: Path, passphrase: bytes) -> None:
    with _lock:
        _passphrases[str(path)] = passphrase


def forget(path: Path | None = None) -> None:
    with _lock:
        if path is None:
            _passphrases.clear()
        else:
            _passphrases.pop(str(path), None)


def ask_passphrase(parent: QWidget | None, path: Path) -> bytes | None:
    """Ask for the passphrase of ``path`` (None: cancelled)."""
    text, ok = QInputDialog.getText(
        parent, _tr("Signing certificate"),
        _tr("Passphrase of the signing "
                                                             "certificate {name}:").format(
                                                                 name=path.name),
        QLineEdit.EchoMode.Password)
    return text.encode("utf-8") if ok else None


def ensure_passphrase(service: JournalService, parent: QWidget | None) -> None:
    """Before a case file is built (GUI thread): when a certificate is chosen and its
    passphrase was not given yet in this session, ask for it."""
    chosen = service.get_setting(P12_SETTING, "").strip()
    if not chosen or remembered(Path(chosen)) is not None:
        return
    given = ask_passphrase(parent, Path(chosen))
    if given is not None:
        remember(Path(chosen), given)
