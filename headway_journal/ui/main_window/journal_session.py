"""The open journal behind the main window: the service, its backups (on open, every 15
minutes while something changed, on close, File > Back up now and Back up to file…), restoring
a backup and reopening the journal, and the overdue check.

A journal replaced by a restore is announced once, with ``service_replaced``: the window's
parts that hold the service connect to it (in order: the case pane, the exhibits, then the
window itself, which passes it to the welcome panel if it was made, and refreshes).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ...journal import backup as jbackup
from ...journal.filenames import unique_name
from ...journal.service import JournalService
from .. import settings as st
from ..format import full_date, local_time, plural
from ..overdue import OverdueWatcher
from .messages import PLAIN_ERRORS, plain_message

NOTIFY_INTERVAL_MS = 5 * 60 * 1000
OVERDUE_WAIT_MS = 10 * 1000  # before closing the journal: how long to wait for a running check
BACKUP_CHECK_MS = 60 * 1000  # how often to ask whether a periodic backup is due (every 15 min)

_log = logging.getLogger(__name__)


class JournalSession(QObject):
    """The service the window shows, and what keeps it safe: backups, restore, overdue check.

    ``window`` parents the message boxes and shows status messages; ``closed`` is set once the
    window closes (no timer work after that); ``is_open`` is False while a restore has the
    journal closed.
    """

    service_replaced = Signal(JournalService)  # the same journal, reopened after a restore
    status_changed = Signal()  # a backup was made: the status bar's "last backup" changed

    def __init__(self, service: JournalService, window: QMainWindow) -> None:
        super().__init__(window)
        self.service = service
        self.window = window
        self.is_open = True
        self.closed = False
        self.changed_since_backup = False
        self.overdue = OverdueWatcher(service, window)
        self.notify_timer = QTimer(self)
        self.notify_timer.setInterval(NOTIFY_INTERVAL_MS)
        self.notify_timer.timeout.connect(self.check_overdue)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.periodic_backup)

    def start(self) -> None:
        """The window is up: periodic overdue checks and backups."""
        self.notify_timer.start()
        self.backup_timer.start()

    def stop(self) -> None:
        """The window closes: no more timer work; a check still running is dropped, never
        waited for here (``wait_for_checks``)."""
        self.closed = True
        self.notify_timer.stop()
        self.overdue.stop()
        self.backup_timer.stop()
        # a case file being built would hold the exit until it ends (a quit signal, the session
        # ending): stopped, nothing written. Its module is loaded once a build was asked for.
        builds = sys.modules.get("headway_journal.ui.casefile.build")
        if builds is not None:
            builds.cancel_running_builds()

    def backup_manager(self) -> jbackup.BackupManager:
        return jbackup.BackupManager(self.service.journal)

    def export_deadlines(self) -> Path | None:
        """File > Export deadlines (.ics): pending promises and outside clocks of open cases
        as one iCalendar file; UIDs are stable, so importing it again updates the events."""
        from PySide6.QtWidgets import QFileDialog

        from ...journal.calendar_export import export_deadlines

        folder = st.get_str(st.KEY_LAST_ICS_FOLDER) or str(Path.home())
        name, _filter = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("JournalSession", "Export deadlines"), str(Path(folder) / unique_name(Path(folder), "headway-deadlines.ics")),
            QCoreApplication.translate("JournalSession", "iCalendar files (*.ics)"))
        if not name:
            return None
        dest = Path(name)
        if dest.suffix.lower() != ".ics":
            dest = dest.with_name(dest.name + ".ics")
        try:
            calendar = export_deadlines(self.service, dest)
        except OSError as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("JournalSession", "Export deadlines"),
                                QCoreApplication.translate("JournalSession", "The calendar file could not be written to {dest} ({value}). Nothing in the journal changed.").format(dest=dest, value=exc.strerror or exc))
            return None
        except PLAIN_ERRORS as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("JournalSession", "Export deadlines"), plain_message(exc))
            return None
        st.set_value(st.KEY_LAST_ICS_FOLDER, str(dest.parent))
        self.window.statusBar().showMessage(QCoreApplication.translate("JournalSession", "Wrote {summary} to {dest}").format(summary=calendar.summary(), dest=dest), 15000)
        return dest

    def backup_now(self) -> Path | None:
        """File > Back up now: a checked copy of the journal in its backups folder."""
        manager = self.backup_manager()
        try:
            dest = manager.make("manual")
        except Exception as exc:  # disk full, damaged copy, ...: words, never a traceback
            QMessageBox.warning(self.window, QCoreApplication.translate("JournalSession", "Backup failed"),
                                QCoreApplication.translate("JournalSession", "The backup could not be made: {exc}\n\nYour journal is unchanged.").format(exc=exc))
            return None
        with contextlib.suppress(OSError):
            manager.prune()
        self.changed_since_backup = False
        self.status_changed.emit()
        QMessageBox.information(self.window, QCoreApplication.translate("JournalSession", "Backup made"), QCoreApplication.translate("JournalSession", "The journal was backed up to:\n{dest}").format(dest=dest))
        return dest

    def backup_to_file(self) -> Path | None:
        """File > Back up to file…: a checked copy of the database where the user chooses,
        with its exhibit list beside it (the exhibit files stay in the journal folder)."""
        from PySide6.QtWidgets import QApplication, QFileDialog

        folder = st.get_str(st.KEY_LAST_BACKUP_FOLDER) or str(Path.home())
        default = Path(folder) / unique_name(
            Path(folder), f"headway-journal-{date.today().isoformat()}.sqlite3")
        name, _filter = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("JournalSession", "Back up to file"), str(default), QCoreApplication.translate("JournalSession", "Journal backups (*.sqlite3)"))
        if not name:
            return None
        dest = Path(name)
        if dest.suffix.lower() != ".sqlite3":
            dest = dest.with_name(dest.name + ".sqlite3")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            jbackup.backup_to_file(self.service.folder, dest)
        except Exception as exc:  # disk full, read-only folder, damaged copy: words only
            QApplication.restoreOverrideCursor()
            _log.warning("backup to file failed (%s)", type(exc).__name__)
            QMessageBox.warning(self.window, QCoreApplication.translate("JournalSession", "Backup failed"),
                                QCoreApplication.translate("JournalSession", "The backup could not be written to {dest}: {exc}\n\nYour journal is unchanged.").format(dest=dest, exc=exc))
            return None
        QApplication.restoreOverrideCursor()
        st.set_value(st.KEY_LAST_BACKUP_FOLDER, str(dest.parent))
        self.window.statusBar().showMessage(
            QCoreApplication.translate("JournalSession", "Backed up to {dest} (with the list of exhibits beside it; the exhibit files stay in {value}).").format(dest=dest, value=self.service.folder / 'attachments'), 20000)
        return dest

    def periodic_backup(self) -> Path | None:
        """The timer's check: a "periodic" backup when something changed and the newest
        backup is at least 15 minutes old (not while a JSON import holds the journal: the
        next check after it makes it)."""
        if (self.closed or not self.is_open or not self.changed_since_backup
                or self.service.read_only is not None
                or getattr(self.window, "running_import", None) is not None):
            return None
        try:
            made = jbackup.maybe_periodic(self.service.journal, True)
        except Exception as exc:  # never a traceback from a timer; try again next time
            _log.warning("periodic backup failed (%s)", type(exc).__name__)
            self.window.statusBar().showMessage(
                QCoreApplication.translate("JournalSession", "The automatic backup could not be made ({exc}); your journal itself is saved. File > Back up now tries again.").format(exc=exc), 15000)
            return None
        if made is not None:
            self.changed_since_backup = False
            self.status_changed.emit()
        return made

    def backup_on_close(self) -> Path | None:
        if not self.is_open or self.service.read_only is not None:
            return None
        try:
            return jbackup.backup_on_close(self.service.journal)
        except Exception as exc:
            _log.warning("closing backup failed (%s)", type(exc).__name__)
            QMessageBox.warning(
                self.window, QCoreApplication.translate("JournalSession", "Backup not made"),
                QCoreApplication.translate("JournalSession", "The backup made when closing could not be written: {exc}\n\nEverything you recorded is saved in the journal itself.").format(exc=exc))
            return None

    def show_reopen_failure(self, folder: Path, exc: BaseException, *, restored: bool) -> None:
        what = QCoreApplication.translate("JournalSession", "The backup was restored, but the") if restored else QCoreApplication.translate("JournalSession", "The")
        QMessageBox.critical(
            self.window, QCoreApplication.translate("JournalSession", "Journal could not be opened"),
            QCoreApplication.translate("JournalSession", "{what} journal in {folder} could not be opened again: {exc}\n\nHeadway Journal will close; start it again. Nothing else was changed.").format(what=what, folder=folder, exc=exc))
        self.window.close()

    def check_overdue(self) -> bool:
        """Start the overdue check in the background (``OverdueWatcher``); its news arrives in
        ``announce_overdue``. False if the window is closed or a check is still running."""
        if self.closed or not self.is_open:
            return False
        return self.overdue.check()

    def wait_for_checks(self, timeout_ms: int = OVERDUE_WAIT_MS) -> bool:
        """Block until no background check reads the journal (call before closing it)."""
        return self.overdue.wait(timeout_ms)

    def restore(self, path: Path) -> bool:
        """Replace the journal with the backup ``path`` (checked and confirmed already).

        The current state is backed up first ("before-restore"); the service is closed, the
        backup restored (``journal.backup.restore_journal``, which keeps the replaced database
        in backups/), the journal opened again and announced with ``service_replaced``.
        """
        folder = self.service.folder
        self.notify_timer.stop()
        self.backup_timer.stop()
        self.overdue.stop()
        self.overdue.wait(OVERDUE_WAIT_MS)  # no reader left on the journal being replaced
        self.service.close()
        self.is_open = False
        error = ""
        result: jbackup.RestoreResult | None = None
        try:
            result = jbackup.restore_journal(folder, Path(path))
        except Exception as exc:  # nothing was replaced (see restore_journal); say why
            _log.warning("restore failed (%s)", type(exc).__name__)
            error = str(exc) or type(exc).__name__
        try:
            fresh = JournalService.open(folder)
        except Exception as exc:
            self.show_reopen_failure(folder, exc, restored=result is not None)
            return False
        self.replace_service(fresh)
        if result is None:
            QMessageBox.warning(self.window, QCoreApplication.translate("JournalSession", "Backup not restored"),
                                QCoreApplication.translate("JournalSession", "The backup was not restored: {error}\n\nYour journal is as it was.").format(error=error))
            return False
        self.window.statusBar().showMessage(restored_text(folder, result), 30000)
        return True

    def replace_service(self, service: JournalService) -> None:
        """Hand ``service`` (the same journal, reopened) to everything that shows it."""
        self.service = service
        self.is_open = True
        self.changed_since_backup = False
        self.overdue.set_service(service)
        self.service_replaced.emit(service)
        self.changed_since_backup = False
        if not self.closed:
            self.start()


def restored_text(folder: Path, result: jbackup.RestoreResult) -> str:
    """The status bar's line after a restore: which backup, where the state before went."""
    made = result.restored_from.name
    info = next((b for b in jbackup.list_backups(folder)
                 if b.path.name == result.restored_from.name), None)
    if info is not None:
        local = info.made_at.astimezone()
        made = f"{full_date(local.date())} {local_time(local.hour, local.minute)}"
    kept = result.kept_at
    text = QCoreApplication.translate("journal_session", "Restored the backup of {made}.").format(made=made)
    if kept is not None:
        text += QCoreApplication.translate("journal_session", " The state before is kept as {name}.").format(name=kept.name)
    if result.missing_attachments:
        text += (QCoreApplication.translate("journal_session", " {plural} it refers to could not be found.").format(plural=plural(len(result.missing_attachments), 'exhibit file')))
    return text
