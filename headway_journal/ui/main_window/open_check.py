"""The integrity check after an unclean exit, run while the window is already shown.

A journal whose last session did not close cleanly is opened ``unchecked`` (``journal.db``:
read-only connections, every write refused): the window shows it read-only, with the banner
saying why (``read_only_mode``), and ``OpenCheck`` runs the full check (``quick_check`` and
``foreign_key_check``) on a ``TaskRunner`` thread. When it passes the journal becomes writable
(``journal.opening.accept_checked``: seeded, due dates filled in, the "open" backup made), the
banner goes and editing comes back. When it fails, nothing has been written: the journal is
closed and presented as a damaged one (``opening.after_failed_check``), offering the newest
sound backup as at start-up; yes restores it and the window shows the restored journal, no
(or no backup) closes the window, the journal untouched.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from ...journal.opening import accept_checked, after_failed_check, check_failure
from .. import read_only_mode
from ..app import explain_open_problem, offer_restore
from ..tasks import TaskContext, TaskRunner
from ..translated import QT_TRANSLATE_NOOP, tr
from .messages import PLAIN_ERRORS, plain_message

if TYPE_CHECKING:  # pragma: no cover
    from ...journal.opening import OpenOutcome

_log = logging.getLogger(__name__)

CHECKING_NOTE = QT_TRANSLATE_NOOP("open_check", "Checking the journal after an unclean exit; editing is back once it passes.")
PASSED_NOTE = QT_TRANSLATE_NOOP("open_check", "The journal passed its integrity check; you can edit it again.")


class OpenCheck(QObject):
    """Runs the deferred check of ``window.service`` and presents its result.

    ``passed`` / ``failed`` are emitted on the GUI thread once the window shows the result
    (``failed`` carries the damaged-journal message)."""

    passed = Signal()
    failed = Signal(str)

    def __init__(self, window: Any, *, backup: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.backup = backup
        self.tasks = TaskRunner(self, max_threads=1)

    def start(self) -> bool:
        """Start the check if the window's journal is waiting for one; True if it started."""
        service = self.window.service
        if not service.unchecked:
            return False
        journal = service.journal
        self.window.statusBar().showMessage(tr("open_check", CHECKING_NOTE))

        def work(_ctx: TaskContext) -> list[str]:
            problems: list[str] = journal.run_check()  # its own read-only connection
            return problems

        task = self.tasks.start(work)
        task.done.connect(self._checked)
        task.failed.connect(lambda exc: self._checked([QCoreApplication.translate("OpenCheck", "the check could not run: {exc}").format(exc=exc)]))
        return True

    def wait(self, msecs: int = -1) -> bool:
        """Block until the check is no longer reading the journal (before closing it)."""
        return self.tasks.wait(msecs)

    def _checked(self, problems: object) -> None:
        window = self.window
        if getattr(window, "closed", False) or not window.service.unchecked:
            return  # closed meanwhile (the journal was closed unwritten), or replaced
        found = [str(p) for p in problems] if isinstance(problems, list) else [str(problems)]
        if found:
            self._failed(found)
            return
        try:
            note = accept_checked(window.service, backup=self.backup)
        except PLAIN_ERRORS as exc:  # sound, but seeding failed (a full disk): say so
            note = QCoreApplication.translate("OpenCheck", "The journal passed its integrity check, but: {plain_message}").format(plain_message=plain_message(exc))
        if window.service.unchecked:  # could not be switched over: it stays read-only
            window.statusBar().showMessage(note, 60_000)
            return
        read_only_mode.uninstall(window)
        window.update_actions()
        window.update_status()
        if window.case_pane.case is not None:
            window.case_pane.reload()
        window.statusBar().showMessage(note or tr("open_check", PASSED_NOTE), 30_000)
        self.passed.emit()

    def _failed(self, problems: list[str]) -> None:
        window = self.window
        session = window.session
        session.stop()
        session.wait_for_checks()
        session.is_open = False
        message = check_failure(problems)
        outcome: OpenOutcome = after_failed_check(window.service, problems,
                                                  ask_restore=offer_restore, backup=self.backup)
        _log.warning("journal failed its integrity check after an unclean exit")
        if outcome.ok and outcome.service is not None:
            session.replace_service(outcome.service)  # writable: the restored journal
            read_only_mode.uninstall(window)
            window.update_actions()
            window.statusBar().showMessage(outcome.note, 60_000)
            self.failed.emit(message)
            return
        if outcome.kind == "damaged":  # no sound backup to offer
            title, text = explain_open_problem("damaged", outcome.message, outcome.folder)
            QMessageBox.critical(window, title, text)
        elif outcome.kind == "not_restored":
            QMessageBox.critical(window, QCoreApplication.translate("OpenCheck", "Backup not restored"), outcome.message)
        self.failed.emit(message)
        window.close()
