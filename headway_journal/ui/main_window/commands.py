"""What the user does to cases from the window's menus: the forms (new case, edit case, log
or edit a contact, organizations, settings, imported when first opened so start-up stays
lean), deleting and undoing, restoring from Deleted, setting a status and marking promises.

``MainWindow`` inherits these; the list, the case pane and the status bar are the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QStackedWidget, QTreeView

from ... import APP_NAME
from ...journal.records import CaseFilter
from ...journal.service import JournalService
from ..case.common import CHANNEL_NAMES
from ..case.promise_mark import PromiseMark
from ..case_list import CaseListModel
from ..draft_offer import DraftOfferBar
from ..format import full_date
from .messages import PLAIN_ERRORS, plain_message

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QComboBox

    from ...journal.records import PromiseView
    from ..case.pane import CasePane
    from .welcome import WelcomePanel

def _resume(resume_draft: bool) -> dict[str, bool]:
    """A dialog's keyword for "open with its draft, without asking" (only when wanted)."""
    return {"resume_draft": True} if resume_draft else {}


def _accepted(result: Any) -> bool:
    value = getattr(result, "value", result)
    try:
        return int(value) == int(QDialog.DialogCode.Accepted.value)
    except (TypeError, ValueError):
        return False


class CaseCommands(QMainWindow):
    """The case commands of the main window (see the module docstring)."""

    if TYPE_CHECKING:  # made and kept by MainWindow
        service: JournalService

        @property
        def case_pane(self) -> CasePane: ...  # CasePaneHost: made when first needed

        case_model: CaseListModel
        case_list: QTreeView
        org_filter: QComboBox
        draft_bar: DraftOfferBar
        stack: QStackedWidget
        _welcome_filled: bool
        _view: str
        # (kind, id, label) of deletes this session, and promises marked kept or broken
        _undo: list[tuple[str, int, str] | PromiseMark]

        def refresh(self, *, reload_pane: bool = True, select: int | None = None) -> None: ...
        def select_case(self, case_id: int) -> bool: ...
        def current_filter(self) -> CaseFilter: ...
        def _run(self, fn: Callable[[], Any]) -> bool: ...
        def _reload_filters(self, *, organizations: bool = True) -> None: ...
        def _update_counts(self) -> list[int] | None: ...
        def update_status(self) -> None: ...
        def update_actions(self) -> None: ...
        def _update_welcome(self) -> None: ...
        @property
        def welcome(self) -> WelcomePanel: ...
        def built_welcome(self) -> WelcomePanel | None: ...
        def welcome_shown(self) -> bool: ...
        def _select_row(self, row: int, *, reload_pane: bool = True) -> None: ...
        def _after_list_reload(self, keep: int | None, *, reload_pane: bool = True) -> None: ...
        def _set_view_silently(self, key: str) -> None: ...

    def new_case(self, *, resume_draft: bool = False) -> None:
        from ..dialogs import CaseDialog

        case = self.case_pane.case  # a new case is most often with the same organization
        org = case.organization.id if case is not None else self.org_filter.currentData()
        dlg = CaseDialog(self.service, self, organization_id=int(org) if org else None,
                         **_resume(resume_draft))
        saved = getattr(dlg, "saved_case_id", None) if _accepted(dlg.exec()) else None
        if saved:
            self._reload_filters()
            self.refresh(select=int(saved))
        self.draft_bar.prune()

    def edit_case(self, *, resume_draft: bool = False) -> None:
        cid = self.case_pane.case_id
        if cid is None:
            return
        from ..dialogs import CaseDialog

        dlg = CaseDialog(self.service, self, case_id=cid, **_resume(resume_draft))
        if _accepted(dlg.exec()):
            self._reload_filters()
            self.refresh(select=cid)
        self.draft_bar.prune()

    def log_contact(self, *, resume_draft: bool = False) -> None:
        cid = self.case_pane.case_id
        if cid is None or self.case_pane.deleted:
            self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "Select a case first, then log the contact on it."), 8000)
            return
        dlg = self._contact_dialog(cid, resume_draft=resume_draft)
        if dlg is None:
            return
        if _accepted(dlg.exec()):
            self.refresh(select=cid)
            self.case_pane.tabs.setCurrentIndex(0)
        self._contact_dialog_done(dlg)

    def edit_contact(self, contact_id: int, *, resume_draft: bool = False) -> None:
        cid = self.case_pane.case_id
        if cid is None:
            return
        dlg = self._contact_dialog(cid, contact_id, resume_draft=resume_draft)
        if dlg is None:
            return
        if _accepted(dlg.exec()) or getattr(dlg, "attached_ids", None):
            self.refresh(select=cid)
        self._contact_dialog_done(dlg)

    def _contact_dialog(self, case_id: int,
                        contact_id: int | None = None, *,
                        resume_draft: bool = False) -> QDialog | None:
        from ..dialogs import ContactDialog

        try:
            dlg: QDialog = ContactDialog(self.service, case_id, self, contact_id=contact_id,
                                         **_resume(resume_draft))
        except PLAIN_ERRORS as exc:
            QMessageBox.warning(self, APP_NAME, plain_message(exc))
            return None
        return dlg

    def _contact_dialog_done(self, dlg: QDialog) -> None:
        """What the dialog's exhibit strip could not attach stays in sight after it closes."""
        self.draft_bar.prune()
        problems = list(getattr(dlg, "attach_messages", None) or [])
        for text in problems:
            self.case_pane.exhibits.messages.add(text)
        if problems:
            self.statusBar().showMessage(problems[-1], 15000)

    def edit_organizations(self) -> None:
        from ..dialogs import OrganizationDialog

        dlg = OrganizationDialog(self.service, self)
        dlg.exec()
        self._reload_filters()
        self.refresh()
        if self.welcome_shown():
            self.welcome.refresh()
            self._welcome_filled = True

    def edit_settings(self) -> None:
        from ..dialogs import SettingsDialog

        dlg = SettingsDialog(self.service, self)
        if _accepted(dlg.exec()):
            self.refresh()
            welcome = self.built_welcome()
            details = welcome.details if welcome is not None else None
            if details is not None and not details.has_changes():
                details.refresh()

    def delete_case(self) -> None:
        case = self.case_pane.case
        if case is None or self.case_pane.deleted:
            return
        answer = QMessageBox.question(
            self, QCoreApplication.translate("CaseCommands", "Delete case"),
            QCoreApplication.translate("CaseCommands", "Move “{title}” to Deleted?\n\nNothing is erased: Undo (Ctrl+Z) or the Deleted view brings it back.").format(title=case.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.case_list.selectionModel().currentIndex().row()
        if not self._run(lambda: self.service.delete_case(case.id)):
            return
        self._undo.append(("case", case.id, case.title))
        due_ids = self._update_counts()
        self.case_model.reload(due_ids)
        if self.case_model.rowCount():
            self._select_row(min(max(row, 0), self.case_model.rowCount() - 1))
        else:
            self._after_list_reload(None)
        self.update_status()
        self.update_actions()
        self._update_welcome()
        self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "“{title}” moved to Deleted. Ctrl+Z brings it back.").format(title=case.title),
                                     10000)

    def delete_contact(self, contact_id: int) -> None:
        case = self.case_pane.case
        if case is None:
            return
        contact = next((c for c in case.contacts if c.id == contact_id), None)
        if contact is None:
            return
        label = QCoreApplication.translate("CaseCommands", "{get} on {full_date}").format(get=CHANNEL_NAMES.get(contact.channel, contact.channel), full_date=full_date(contact.started_at.date()))
        answer = QMessageBox.question(
            self, QCoreApplication.translate("CaseCommands", "Delete contact"),
            QCoreApplication.translate("CaseCommands", "Delete the contact “{label}” from this case?\n\nUndo (Ctrl+Z) brings it back.").format(label=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda: self.service.delete_contact(contact_id)):
            self._undo.append(("contact", contact_id, label))
            self.refresh(select=case.id)
            self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "Contact “{label}” deleted. Ctrl+Z brings it back.").format(label=label),
                                         10000)

    def undo(self) -> None:
        if not self._undo:
            self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "Nothing to undo."), 5000)
            return
        last = self._undo[-1]
        if isinstance(last, PromiseMark):
            self._undo_mark(last)
            return
        kind, item_id, label = last
        select: int | None
        if kind == "case":
            ok = self._run(lambda: self.service.restore_case(item_id))
            select = item_id
        else:
            ok = self._run(lambda: self.service.restore_contact(item_id))
            select = self.case_pane.case_id
        if not ok:
            return
        self._undo.pop()
        if kind == "case" and self._view == "deleted":
            self._set_view_silently("all")
            self.case_model.set_filter(self.current_filter())
        self.refresh(select=select)
        self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "Restored {kind} “{label}”.").format(kind=kind, label=label), 8000)

    def _promise_marked(self, mark: PromiseMark) -> None:
        self._undo.append(mark)
        self.update_actions()

    def _promise_unmarked(self, mark: PromiseMark) -> None:
        """Undone (by the notice's Undo or Ctrl+Z): off the undo list."""
        if mark in self._undo:
            self._undo.remove(mark)
        self.update_actions()

    def _undo_mark(self, mark: PromiseMark) -> None:
        if self.case_pane.undo_mark(mark):
            if self.case_pane.case_id != mark.case_id:
                self.select_case(mark.case_id)
                self.case_pane.promise_notice.show_undone(mark)
            self.statusBar().showMessage(
                QCoreApplication.translate("CaseCommands", "Undone: promise “{text}” is {before} again.").format(text=mark.text, before=mark.before), 8000)

    def restore_current_case(self) -> None:
        if self.case_pane.case_id is not None and self.case_pane.deleted:
            self.restore_case(self.case_pane.case_id)

    def restore_case(self, case_id: int) -> None:
        if not self._run(lambda: self.service.restore_case(case_id)):
            return
        self._undo = [u for u in self._undo
                      if isinstance(u, PromiseMark) or not (u[0] == "case" and u[1] == case_id)]
        self._set_view_silently("all")
        self.case_model.set_filter(self.current_filter())
        self.refresh(select=case_id)

    def set_case_status(self, status: str) -> None:
        cid = self.case_pane.case_id
        if cid is None or self.case_pane.deleted:
            return
        if self._run(lambda: self.service.set_case_status(cid, status)):
            self.refresh(select=cid)
            self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "Status set to {status}.").format(status=status), 5000)

    def _next_promise(self) -> PromiseView | None:
        case = self.case_pane.case
        if case is None:
            return None
        pending = [p for p in case.promises if p.status == "pending"]
        return min(pending, key=lambda p: (p.due.due_on, p.id)) if pending else None

    def mark_next_promise(self, status: str) -> None:
        promise = self._next_promise()
        if promise is None:
            self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "This case has no open promise."), 5000)
            return
        self.case_pane.set_promise_status(promise.id, status)
        self.statusBar().showMessage(QCoreApplication.translate("CaseCommands", "Promise “{text}” marked {status}.").format(text=promise.text, status=status), 8000)
