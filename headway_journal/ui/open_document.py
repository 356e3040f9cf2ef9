"""A file given to the window (``ui.file_open``): never acted on silently.

- A JSON export: "Import the cases in NAME into this journal?"; Yes merges it (all or nothing,
  ``journal.interchange.import_source``, in the background: ``ui.import_run``) and says what
  changed.
- A backup: "Replace this journal with the backup NAME?"; Yes restores it through
  File > Restore from backup's own path (checked first, the current journal backed up).
- A journal folder: this journal's comes to the front; another opens in a window of its own
  (a new process: one window per journal).
- Anything else: one sentence saying what it is and what the app opens (``documents``).

``open_document`` returns what happened ("imported", "restored", "declined", "refused",
"shown", "launched", "failed", "cancelled") for the tests and callers that care. An import runs
off the GUI thread with a progress dialog and Cancel (``ui.import_run``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QMessageBox

from .. import documents
from ..desktop import launcher_command
from ..journal.interchange import ImportError_
from .import_run import ImportRun
from .single_instance import bring_to_front

if TYPE_CHECKING:
    from .main_window.window import MainWindow

__all__ = ["launch_window", "open_document"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpenDocument", text)


def launch_window(folder: Path) -> bool:
    """Start Headway Journal on the journal ``folder`` in a process of its own."""
    program, *args = launcher_command()
    return bool(QProcess.startDetached(program, [*args, "--journal", str(folder)])[0])


def open_document(w: MainWindow, path: str) -> str:
    """Offer what fits the file ``path`` in the window ``w`` (module docstring)."""
    bring_to_front(w)
    try:
        doc = documents.classify(path)
    except documents.DocumentError as exc:
        QMessageBox.warning(w, _tr("Open file"), str(exc))
        return "refused"
    if doc.kind is documents.Kind.EXPORT:
        return _offer_import(w, doc.path)
    if doc.kind is documents.Kind.BACKUP:
        return _offer_restore(w, doc.path)
    return _open_journal(w, doc.path)


def _cannot_write(w: MainWindow, title: str) -> bool:
    why = w.service.read_only
    if why is None:
        return False
    QMessageBox.information(w, title, _tr("This journal cannot be changed now ({why}); "
                                          "nothing was done.").format(why=why))
    return True


def _offer_import(w: MainWindow, path: Path) -> str:
    title = _tr("Import cases")
    if _cannot_write(w, title):
        return "refused"
    answer = QMessageBox.question(
        w, title,
        _tr("Import the cases in {name} into this journal?\n\nCases, contacts and exhibits are "
            "merged by key and nothing is deleted. If anything in the file is invalid, nothing "
            "is imported.").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return "declined"
    run = w.running_import = ImportRun(w.service, path, w)  # the window's close stops it
    try:
        outcome = run.run()  # off the GUI thread, with a progress dialog and Cancel
    finally:
        w.running_import = None
        run.deleteLater()
    if w.closed:  # quit meanwhile: the import was rolled back, no box to show
        return "cancelled" if outcome.summary is None else "imported"
    if outcome.cancelled:
        QMessageBox.information(w, title, _tr("The import of {name} was cancelled: nothing was "
                                              "imported, the journal is as it was.").format(
                                                  name=path.name))
        return "cancelled"
    if isinstance(outcome.error, (ImportError_, OSError, ValueError)):
        QMessageBox.warning(w, title, _tr("{name} was not imported: {reason}\n\nThe journal is "
                                          "as it was.").format(name=path.name,
                                                               reason=outcome.error))
        return "failed"
    if outcome.error is not None:
        raise outcome.error
    assert outcome.summary is not None
    w.refresh()
    QMessageBox.information(w, title, _tr("Imported {name}: {summary}").format(
        name=path.name, summary=outcome.summary.describe()))
    return "imported"


def _offer_restore(w: MainWindow, path: Path) -> str:
    title = _tr("Restore from backup")
    if w.service.journal.kind != "sqlite":
        QMessageBox.information(w, title, _tr("A shared journal is not restored from a backup "
                                              "file; nothing was done."))
        return "refused"
    answer = QMessageBox.question(
        w, title,
        _tr("Replace this journal with the backup {name}?\n\nThe backup is checked first, and "
            "the journal as it is now is kept in its backups folder.").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return "declined"
    return "restored" if w.restore_backup(path) else "failed"


def _open_journal(w: MainWindow, folder: Path) -> str:
    if w.service.journal.kind == "sqlite" and folder.resolve() == w.service.folder.resolve():
        return "shown"
    if launch_window(folder):
        w.statusBar().showMessage(_tr("Opening the journal in {folder} in a new window…")
                                  .format(folder=folder), 10_000)
        return "launched"
    QMessageBox.warning(w, _tr("Open file"),
                        _tr("The journal in {folder} could not be opened in a new window. Start "
                            "Headway Journal with --journal and that folder.").format(
                                folder=folder))
    return "failed"
