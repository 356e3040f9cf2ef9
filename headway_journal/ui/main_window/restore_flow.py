"""File > Restore from backup…: the list of backups, and replacing the journal with one.

The current state is backed up first ("before-restore"); the service is closed, the backup
restored (``journal.backup.restore_journal``, which keeps the replaced database in backups/),
the journal opened again and the window refreshed (``JournalSession.restore``). Refused, with
nothing changed, while files are being attached or a case file is being made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from ...journal import backup as jbackup

if TYPE_CHECKING:
    from .window import MainWindow

__all__ = ["open_restore_dialog", "restore_backup"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def open_restore_dialog(w: MainWindow) -> QDialog | None:
    """The list of backups (window-modal, not blocking); None when no journal is open."""
    if not w.session.is_open:
        return None
    from ..dialogs.restore_dialog import RestoreDialog

    dialog = RestoreDialog(w.session.backup_manager(), w.restore_backup, w)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def restore_backup(w: MainWindow, path: Path) -> bool:
    """Replace the journal with the backup ``path`` (the user has confirmed)."""
    if w.attachments.busy:
        QMessageBox.information(w, _tr("Restore from backup"),
                                _tr("Files are still being attached. Try again when they are "
                                    "done; nothing was changed."))
        return False
    problem = jbackup.check_backup(Path(path))
    if problem is not None:
        QMessageBox.warning(w, _tr("Restore from backup"),
                            _tr("{problem}\n\nNothing was changed. Choose another backup.").format(
                                problem=problem))
        return False
    from ..casefile.build import CaseFileBuilder

    if any(b.running() for b in w.findChildren(CaseFileBuilder)):
        QMessageBox.information(w, _tr("Restore from backup"),
                                _tr("A case file is being made. Try again when it is done; "
                                    "nothing was changed."))
        return False
    for child in w.findChildren(QDialog):  # viewers and case file windows read the
        if child.isVisible() and child.objectName() != "RestoreDialog":  # old journal
            child.close()
    return w.session.restore(Path(path))
