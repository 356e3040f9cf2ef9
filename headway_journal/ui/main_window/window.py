"""The main window: saved views and the case list on the left, the selected case on the right.

The window calls the service only (never SQL or ORM models). Its parts: ``actions`` (actions,
menus, toolbar), ``sidebar`` (views, filters, the case list), ``pane_host`` (the case pane on
the right, made at the first frame), ``welcome_host`` and ``welcome`` (an empty journal),
``commands`` (the forms and case commands it inherits), ``journal_session`` (the service,
backups, restore and reopen, the overdue check) and ``notices`` (overdue news).

Exhibits: one ``AttachmentController`` (``self.attachments``) serves the Exhibits tab, the
Attach and "Capture screen…" actions, files and images dropped anywhere on the window and
Ctrl+V on the timeline; ``attach_files(paths)`` queues files for the selected case and
``open_attachment(attachment_id)`` opens the exhibit viewer. Problems and notices go to the
status bar and the Exhibits tab's message bar.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...journal.records import CaseFilter, CaseSummary, DueItem, FirstScreen
from ...journal.service import JournalService
from .. import read_only_mode
from .. import settings as st
from ..case.promise_mark import PromiseMark
from ..case_list import CaseListModel
from ..draft_offer import DraftOfferBar
from ..exhibits.controller import AttachmentController
from ..exhibits.drop_paste import install_drop_target, install_window_paste
from ..first_paint import when_exposed
from ..first_read import FirstRead
from ..fit import fit_to_screen
from ..format import local_time, plural, short_date
from ..shutdown import save_all_drafts
from ..widgets import SearchBox, literal_ampersands
from . import restore_flow
from .actions import build_actions, build_choice_actions, build_menus, build_toolbar
from .commands import CaseCommands
from .journal_session import OVERDUE_WAIT_MS, JournalSession
from .messages import PLAIN_ERRORS, plain_message
from .pane_host import CasePaneHost
from .sidebar import VIEW_NAMES, Sidebar, empty_list_text, view_action_text
from .welcome_host import WelcomeHost

if TYPE_CHECKING:  # pragma: no cover - loaded when used (start-up skips them)
    from ..exhibits.panel import ExhibitsPanel
    from ..import_run import ImportRun
    from ..shared_journal import SharedWatch


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)

NOTIFY_FIRST_MS = 1500
ATTACH_WAIT_MS = 120 * 1000  # on close: how long to wait for copies still being made


class MainWindow(CasePaneHost, WelcomeHost, CaseCommands):
    """Three panes like a mail client: views and cases, then the case itself."""

    # made by .actions (build_actions, build_choice_actions, build_menus, build_toolbar)
    act_new_case: QAction
    act_log_contact: QAction
    act_attach: QAction
    act_add_email: QAction
    act_capture: QAction
    act_case_file: QAction
    act_preview_case_file: QAction
    act_print: QAction
    act_export_ics: QAction
    act_backup: QAction
    act_backup_file: QAction
    act_restore_backup: QAction
    act_remove_unused: QAction
    act_open_shared: QAction
    act_close: QAction
    act_quit: QAction
    act_edit_case: QAction
    act_delete_case: QAction
    act_restore_case: QAction
    act_undo: QAction
    act_find: QAction
    act_organizations: QAction
    act_settings: QAction
    act_verify_case_file: QAction
    act_mark_kept: QAction
    act_mark_broken: QAction
    status_actions: dict[str, QAction]
    status_group: QActionGroup
    view_actions: dict[str, QAction]
    view_group: QActionGroup
    act_newest_first: QAction
    act_about: QAction
    act_keyboard_help: QAction
    act_safety: QAction
    security_actions: list[QAction]
    status_menu: QMenu
    search_box: SearchBox
    toolbar: QToolBar

    def __init__(self, service: JournalService, parent: QWidget | None = None, *,
                 first_read: FirstRead[FirstScreen] | None = None) -> None:
        """``first_read``: ``service.first_screen()`` already under way (ui.app)."""
        super().__init__(parent)
        self.service = service  # follows the session's service_replaced
        self.session = JournalSession(service, self)
        # (kind, id, label) of deletes this session, and promises marked kept or broken
        self._undo: list[tuple[str, int, str] | PromiseMark] = []
        self._last_error = ""
        self._shown_once = False
        self.shared_watch: SharedWatch | None = None  # a shared journal's
        self._ready = False  # the first case is shown once the window is up
        self._welcome_filled = False
        self._welcome = None  # the empty-journal panel, made when needed (WelcomeHost)
        self._pane = None  # the case pane, made at the first frame (CasePaneHost)
        self._closed = False
        self._view = "active"
        self._counts: dict[str, int] = {}
        self._first_page: list[CaseSummary] = []  # the due view's, read at start-up
        self.tray: QSystemTrayIcon | None = None
        self.running_import: ImportRun | None = None  # a JSON import under way (open_document)
        self.setObjectName("MainWindow")
        self.setAccessibleName(_tr("Headway Journal"))
        self.setWindowTitle(self._title())
        self.setMinimumSize(QSize(720, 480))

        # Loaded once the starting view is known (_apply_filter below), not twice.
        self.case_model = CaseListModel(service, CaseFilter(view=self._view), parent=self,
                                        load=False)
        self.attachments = AttachmentController(service, self)
        build_actions(self)
        build_choice_actions(self)
        build_menus(self)
        build_toolbar(self)
        self.search_box.search_changed.connect(lambda _t: self._apply_filter())
        self._build_central()
        self._build_status_bar()
        read_only_mode.install(self)  # a read-only journal: the banner saying why
        self._wire_attachments()
        self.attachments.failed.connect(lambda _text: read_only_mode.after_write_failure(self))

        self.overdue = self.session.overdue
        self.overdue.found.connect(self.announce_overdue)
        self.notify_timer = self.session.notify_timer
        self.backup_timer = self.session.backup_timer
        self.session.status_changed.connect(self.update_status)
        replaced = self.session.service_replaced  # the one announcement of a reopened journal
        replaced.connect(self._adopt_service)  # (and the case pane's, if made)
        replaced.connect(self.attachments.set_service)
        replaced.connect(self._service_replaced)

        self.resize(1280, 760)
        self._restored = st.restore_window(self, self._splitters())
        fit_to_screen(self)  # a saved or default size larger than this screen is clamped
        self.set_newest_first(st.get_bool(st.KEY_NEWEST_FIRST, True))
        self._reload_filters(organizations=False)  # the closed combo needs no list yet
        due_ids = self._update_counts(first_read)
        if self._counts.get("due", 0):
            self._view = "due"
        self._set_view_silently(self._view)
        self._apply_filter(due_ids)
        self.case_model.offer_page(0, self._first_page)  # read with the counts, if it fits
        self._first_page = []
        self.update_status()
        self.update_actions()

    def _build_central(self) -> None:
        self.stack = QStackedWidget()  # the welcome panel joins it when first needed

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setAccessibleName(_tr("Panes"))
        self.splitter.setChildrenCollapsible(False)
        self.sidebar = Sidebar(self.case_model)
        self.sidebar.view_chosen.connect(self.set_view)
        self.sidebar.filters_changed.connect(self._apply_filter)
        self.sidebar.current_row_changed.connect(self._row_changed)
        self.sidebar.case_list.addActions([self.act_log_contact, self.act_edit_case,
                                           self.act_delete_case, self.act_restore_case])
        self.views = self.sidebar.views
        self.issue_filter = self.sidebar.issue_filter
        self.org_filter = self.sidebar.org_filter
        self.sort_combo = self.sidebar.sort_combo
        self.case_list = self.sidebar.case_list
        self.list_hint = self.sidebar.list_hint
        self.splitter.addWidget(self.sidebar)
        self.pane_slot = self.make_pane_slot()  # the case pane fills it (CasePaneHost)
        self.splitter.addWidget(self.pane_slot)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 780])
        self.stack.addWidget(self.splitter)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.draft_bar = DraftOfferBar(self)  # drafts left by the last session (shown later)
        column.addWidget(self.draft_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.status_label.setAccessibleName(_tr("Journal status"))
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().setAccessibleName(_tr("Status bar"))

    def _wire_attachments(self) -> None:
        """Drops on the window, Ctrl+V anywhere in it, feedback in the status bar."""
        controller = self.attachments
        controller.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        controller.notice.connect(lambda text: self.statusBar().showMessage(text, 10000))
        controller.busy_changed.connect(self._attachments_busy)
        controller.busy_changed.connect(lambda _busy: self.update_actions())
        # The Exhibits tab has its own drop target and Ctrl+V; these cover the rest.
        self.drop_target = install_drop_target(self, controller, self.attach_target)
        self.drop_target.intercept = self._drop_emails  # e-mails become contacts
        # Ctrl+V anywhere else in the window (text boxes keep pasting text)
        self.window_paste = install_window_paste(
            self, controller, self.attach_target,
            say=lambda text: self.statusBar().showMessage(text, 8000), listen=False)

    def _drop_emails(self, mime: QMimeData) -> bool:  # dropped e-mails become contacts
        from .capture_hooks import drop_emails  # loaded at the first drop

        return drop_emails(self, mime)

    def _wire_exhibits_panel(self, panel: ExhibitsPanel) -> None:
        panel.changed.connect(self._exhibits_changed)
        panel.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _attachments_busy(self, busy: bool) -> None:
        """Files are being attached before the Exhibits tab was ever opened: build its panel
        now, so it refreshes the case, selects the new exhibits and reports them as usual."""
        if busy and not self.case_pane.exhibits_built:
            self.case_pane.exhibits  # noqa: B018 - builds and wires the panel
            self.statusBar().showMessage(_tr("Attaching…"), 8000)  # what the panel says

    def attach_target(self) -> int | None:
        """The case that attached files go to: the one shown, unless it is in Deleted."""
        pane = self.built_case_pane()
        if self._closed or pane is None or pane.locked:
            return None
        return pane.case_id

    def _exhibits_changed(self) -> None:
        """Exhibits were attached, removed, restored or captioned: timeline, counts, status."""
        self.session.changed_since_backup = True
        self.refresh()

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter}

    def _title(self) -> str:
        name = self.journal_name()
        return APP_NAME if name == "default" else f"{APP_NAME} — {name}"

    def journal_name(self) -> str:
        """'default' for the per-user journal, else the journal folder's name."""
        from ...journal.db import DEFAULT_FOLDER_NAME, default_journal_dir

        if self.service.folder.name != DEFAULT_FOLDER_NAME:  # (platformdirs is not loaded)
            return self.service.journal.name
        try:
            if self.service.folder.resolve() == default_journal_dir().resolve():
                return "default"
        except OSError:
            pass
        return self.service.journal.name

    # -- events ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.window_paste.listen()  # the window is built: keys can reach it from now on
            when_exposed(self, self._after_show)  # the first frame is on screen first

    def _after_show(self) -> None:
        """Work that may import slower modules (holidays) waits until the window is up."""
        if self._closed:
            return
        self._ready = True
        self.case_pane  # noqa: B018 - made now, in the window's second frame
        with contextlib.suppress(*PLAIN_ERRORS):  # a busy disk: the combo offers "All" only
            self._reload_filters()
        if not self._restored:  # first run: the case list gets 45% (a whole title and badges)
            width = max(self.splitter.width(), 1)
            first = self.splitter.widget(0)
            minimum = first.minimumWidth() if first is not None else 0
            left = max(minimum, int(width * 0.45))
            self.splitter.setSizes([left, max(width - left, 1)])
        if self.welcome_shown():
            self.welcome.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.current_case_id() is None and self.case_model.rowCount() > 0:
            self._select_row(0)
        self._setup_tray()
        with contextlib.suppress(*PLAIN_ERRORS):
            self.draft_bar.refresh()
        self.session.start()
        if self.service.journal.kind != "sqlite":  # others' changes (a shared journal)
            from .. import shared_journal

            self.shared_watch = shared_journal.watch(self)
        QTimer.singleShot(NOTIFY_FIRST_MS, self, self.check_overdue)

    @property
    def closed(self) -> bool:
        """True once the window began closing (late callbacks then do nothing)."""
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            st.save_window(self, self._splitters())
            self.session.stop()  # timers, and a check still running is dropped, not waited for
            if self.shared_watch is not None:
                self.shared_watch.stop()
            if self.tray is not None:
                self.tray.hide()
            if self.running_import is not None:  # quit mid-import: rolled back first
                self.running_import.stop()
            save_all_drafts()  # what open dialogs hold (File > Quit, a signal, the session)
            self._finish_attachments()
            self.session.backup_on_close()
        super().closeEvent(event)

    def _finish_attachments(self, timeout_ms: int = ATTACH_WAIT_MS) -> None:
        """Let copies in progress be stored (their rows are written on this thread)."""
        if not self.attachments.busy:
            return
        self.statusBar().showMessage(_tr("Finishing the files being attached…"))
        loop = QEventLoop()
        self.attachments.busy_changed.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        while self.attachments.busy:
            loop.exec()
            if self.attachments.busy:  # timed out: stop what is queued, keep the store sound
                self.attachments.shutdown()
                break
        self.attachments.busy_changed.disconnect(loop.quit)

    # -- the list and the views --------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        return self.sidebar.case_filter(self._view, self.search_box.text().strip())

    @property
    def view(self) -> str:
        return self._view

    def set_view(self, key: str) -> None:
        if key not in VIEW_NAMES:
            return
        self._set_view_silently(key)
        self._apply_filter()

    def _set_view_silently(self, key: str) -> None:
        self._view = key
        self.sidebar.select_view(key)
        self.view_actions[key].setChecked(True)

    def _reload_filters(self, *, organizations: bool = True) -> None:
        """Fill the issue type and organization combos (keeping the choices).

        ``organizations=False`` (while the window is built) leaves only "All organizations";
        the list is read once the window is shown."""
        self.sidebar.fill_filters(self.service.organizations() if organizations else [])

    def _apply_filter(self, due_ids: list[int] | None = None) -> None:
        """``due_ids``: the 'due' view's ids read with the counts just now (used only when
        the filter is that view's, so the list needs no second pass)."""
        keep = self.current_case_id()
        self.sidebar.update_organization_column()
        self.case_model.set_filter(self.current_filter(), due_ids)
        self._after_list_reload(keep)

    def _after_list_reload(self, keep: int | None, *, reload_pane: bool = True) -> None:
        model = self.case_model
        row = model.row_of(keep) if keep is not None else -1
        if row < 0 and model.rowCount() > 0 and self._ready:
            row = 0
        if row >= 0:
            self._select_row(row, reload_pane=reload_pane)
        elif model.rowCount() == 0:
            self.case_list.selectionModel().clearSelection()
            if self._pane is not None:  # else the pane says so when made
                self._pane.set_placeholder(self._empty_list_text())
        self._update_list_hint()
        self.update_actions()
        self._update_welcome()

    def _empty_list_text(self) -> str:
        return empty_list_text(self.search_box.text().strip(), self._view)

    def _update_list_hint(self) -> None:
        self.sidebar.show_hint(self.search_box.text().strip(), self.case_model.rowCount(),
                               self._view)

    def _select_row(self, row: int, *, reload_pane: bool = True) -> None:
        index = self.case_model.index(row, 0)
        if not index.isValid():
            return
        cid = self.case_model.case_id(row)
        before = self.case_pane.case_id
        sm = self.case_list.selectionModel()
        sm.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                           | QItemSelectionModel.SelectionFlag.Rows)
        self.case_list.scrollTo(index)
        if self.case_pane.case_id != cid:
            self._show(cid)
        elif before == cid and reload_pane:
            self.case_pane.reload(deleted=self._view == "deleted")
            self.update_actions()

    def _row_changed(self, current: QModelIndex) -> None:
        if self._closed or not current.isValid():
            return  # an empty list says so itself (see _after_list_reload)
        cid = self.case_model.case_id(current.row())
        if cid != self.case_pane.case_id:
            self._show(cid)

    def _show(self, case_id: int | None) -> None:
        self.case_pane.show_case(case_id, deleted=self._view == "deleted")
        self.update_actions()

    def current_case_id(self) -> int | None:
        index = self.case_list.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.case_model.case_id(index.row())

    def select_case(self, case_id: int) -> bool:
        """Select a case in the list, switching to All (and clearing filters) if needed."""
        row = self.case_model.row_of(case_id)
        if row < 0:
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
            self.sidebar.clear_filters()
            self._set_view_silently("all")
            self.case_model.set_filter(self.current_filter())
            row = self.case_model.row_of(case_id)
            if row < 0:
                self._set_view_silently("deleted")
                self.case_model.set_filter(self.current_filter())
                row = self.case_model.row_of(case_id)
        if row < 0:
            return False
        self._select_row(row)
        self._update_welcome()
        self.update_actions()
        return True

    def refresh(self, *, reload_pane: bool = True, select: int | None = None) -> None:
        """Reload counts, the list, the status bar and (optionally) the case after a change.

        A case that leaves the current view because of the change (a promise marked kept in
        Due & overdue, a status set to resolved in All open) stays on the right, so what was
        just done stays in sight; a new or restored case (``select``) is revealed in the list.
        """
        self.session.changed_since_backup = True  # refresh follows writes; at worst one extra backup
        due_ids = self._update_counts()
        shown = self.shown_case_id()
        keep = select if select is not None else (self.current_case_id() or shown)
        self.case_model.reload(due_ids)
        if keep is not None and self.case_model.row_of(keep) >= 0:
            self._after_list_reload(keep, reload_pane=reload_pane)
        elif keep is not None and keep == shown and not self.shown_case_deleted():
            self.case_list.selectionModel().clearSelection()
            if reload_pane:
                self.case_pane.reload()
            self._update_list_hint()
            self.update_actions()
            case = self.case_pane.case
            if case is not None:
                self.statusBar().showMessage(
                    _tr("“{title}” is no longer in {value}; it stays open here. All shows every "
                        "case.").format(
                            title=case.title, value=VIEW_NAMES[self._view]), 10000)
        elif select is not None:
            self.select_case(select)
        else:
            self._after_list_reload(None, reload_pane=reload_pane)
        self.update_status()

    def _update_counts(self, first_read: FirstRead[FirstScreen] | None = None) -> list[int] | None:
        """Read the sidebar's counts (or take the read ``first_read`` made, and the first page
        it read); returns the 'due' view's ids read with them (None when the read failed)."""
        try:
            if first_read is not None:
                counts, due_ids, self._first_page = first_read.result()
            else:
                counts, due_ids = self.service.view_counts_and_due_ids()
        except PLAIN_ERRORS as exc:  # a busy or failing disk: keep the last counts, say why
            self.statusBar().showMessage(plain_message(exc), 15000)
            return None
        self._counts = counts
        self.sidebar.show_counts(counts)
        for key, action in self.view_actions.items():
            action.setText(view_action_text(key, counts.get(key, 0)))
        return due_ids

    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def update_status(self) -> None:
        n = self._counts.get("all", 0)
        backup = self.service.last_backup() if self.session.is_open else None
        if self.service.journal.kind != "sqlite":
            when = _tr("on the server")  # pg_dump (docs/shared-journal.md)
        elif backup is None:
            when = "never"
        else:
            local = backup.astimezone()
            when = (local_time(local.hour, local.minute) if local.date() == date.today()
                    else short_date(local.date()))
        saved = (_tr("last change NOT saved: {last_error}").format(last_error=self._last_error)
                 if self._last_error else "read-only" if self.service.read_only is not None
                 else _tr("all changes saved"))
        self.status_label.setText(
            _tr("Journal: {journal_name} · {plural} · last backup {when} · {saved}").format(
                journal_name=self.journal_name(), plural=plural(n, 'case'), when=when, saved=saved))

    def update_actions(self) -> None:
        case = self.shown_case()
        has = case is not None
        live = has and not self.shown_case_deleted()
        for action in (self.act_log_contact, self.act_attach, self.act_edit_case,
                       self.act_delete_case, self.act_add_email):
            action.setEnabled(live)
        self.act_capture.setEnabled(live)
        self.act_restore_case.setEnabled(has and self.shown_case_deleted())
        for action in (self.act_case_file, self.act_preview_case_file, self.act_print):
            action.setEnabled(has)
        self.act_restore_backup.setEnabled(self.session.is_open and not self.attachments.busy)
        if self.service.journal.kind != "sqlite":  # a shared journal: pg_dump on its server
            from .. import shared_journal

            shared_journal.backups_elsewhere(self)
        self.act_remove_unused.setEnabled(self.session.is_open and not self.attachments.busy)
        self.status_menu.setEnabled(live)
        if case is not None and case.status in self.status_actions:
            self.status_actions[case.status].setChecked(True)
        pending = live and self._next_promise() is not None
        self.act_mark_kept.setEnabled(pending)
        self.act_mark_broken.setEnabled(pending)
        self.act_undo.setEnabled(bool(self._undo))
        last = self._undo[-1] if self._undo else None
        if isinstance(last, PromiseMark):
            self.act_undo.setText(_tr("&Undo marking “{literal_ampersands}” {after}").format(
                literal_ampersands=literal_ampersands(last.text), after=last.after))
        elif last is not None:
            kind, _id, label = last
            self.act_undo.setText(_tr("&Undo delete of {kind} “{literal_ampersands}”").format(
                kind=kind, literal_ampersands=literal_ampersands(label)))
        else:
            self.act_undo.setText(_tr("&Undo"))
        read_only_mode.apply(self)  # a read-only journal: nothing that writes

    def set_newest_first(self, value: bool) -> None:
        if self.act_newest_first.isChecked() != value:
            self.act_newest_first.setChecked(value)
            return  # toggled() calls back
        if self._pane is not None:  # else the pane takes the action's state when made
            self._pane.set_newest_first(value)
        st.set_value(st.KEY_NEWEST_FIRST, value)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- errors ------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """A write failed: say so in plain words, in a box and in the status bar."""
        self._last_error = message
        self.update_status()
        QMessageBox.warning(self, _tr("Not saved"), message)
        read_only_mode.after_write_failure(self)  # the disk went read-only: say so, grey out

    def _run(self, fn: Callable[[], Any]) -> bool:
        """Call the service; a refusal (invalid input, full disk, busy or damaged database,
        a file that cannot be read) is shown in plain words instead of a traceback."""
        try:
            fn()
        except PLAIN_ERRORS as exc:
            self.show_error(plain_message(exc))
            return False
        if self._last_error:
            self._last_error = ""
        self.session.changed_since_backup = True
        return True

    # -- files -------------------------------------------------------------------------------

    def choose_attachments(self) -> int:
        """Attach… : pick files and attach them to the selected case (queued)."""
        cid = self.attach_target()
        if cid is None:
            return 0
        from ..exhibits.files import pick_and_attach

        return pick_and_attach(self, self.attachments, cid)

    def capture_screen(self) -> bool:
        """Capture screen… : a screenshot (delay, hide this window) attached to the case."""
        cid = self.attach_target()
        if cid is None:
            self.statusBar().showMessage(_tr("Select a case first, then capture the screen."), 8000)
            return False
        from ..exhibits.capture import capture_and_attach

        return capture_and_attach(self, self.attachments, cid)

    def attach_files(self, paths: Sequence[str | Path]) -> int:
        """Queue files as exhibits of the selected case; returns how many were queued.

        The copies are made in the background; when they are stored the Exhibits tab, the
        timeline and the counts refresh (``attachments.attached`` / the panel's ``changed``).
        """
        cid = self.attach_target()
        if cid is None:
            return 0
        return self.attachments.attach_paths(cid, [Path(p) for p in paths])

    def open_attachment(self, attachment_id: int) -> QDialog | None:
        """Show an exhibit in the viewer (a non-modal window; captions edited there refresh)."""
        try:
            from ..exhibits.viewer import ImageViewer

            viewer = ImageViewer(self.service, attachment_id, self)
        except PLAIN_ERRORS as exc:
            QMessageBox.warning(self, _tr("Exhibit"), plain_message(exc))
            return None
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        viewer.caption_changed.connect(lambda _aid: self.refresh())
        viewer.show()
        return viewer

    # -- the case file (casefile_ui) ---------------------------------------------------------

    def export_shown_case_file(self) -> None:
        if self.case_pane.case_id is not None:
            self.export_case_file()

    def print_shown_case_file(self) -> None:
        if self.case_pane.case_id is not None:
            self.print_case_file()

    def export_case_file(self) -> QDialog | None:
        """"Case file" / File > Export case file…: the options dialog (non-modal)."""
        from ..casefile.dialog import CaseFileDialog

        return CaseFileDialog.show_for(self.service, self.case_pane.case_id, self)

    def preview_case_file(self) -> QDialog | None:
        """File > Preview case file…: the options dialog, with the preview being built."""
        dialog = self.export_case_file()
        preview = getattr(dialog, "preview", None)
        if callable(preview):
            preview()
        return dialog

    def print_case_file(self) -> None:
        """"Print" / Ctrl+P: the full case file, built in the background, then printed."""
        from ..casefile.build import print_case_file

        print_case_file(self.service, self.case_pane.case_id, self)

    # -- backups -----------------------------------------------------------------------------

    def export_deadlines(self) -> Path | None:
        """File > Export deadlines (.ics) (``JournalSession.export_deadlines``)."""
        return self.session.export_deadlines()

    def open_shared_journal(self) -> MainWindow | None:
        """File > Open shared journal… (``ui.shared_journal``): a window of its own."""
        from .. import shared_journal

        return shared_journal.open_shared_dialog(self)

    def backup_now(self) -> Path | None:
        """File > Back up now (``JournalSession.backup_now``)."""
        return self.session.backup_now()

    def backup_to_file(self) -> Path | None:
        """File > Back up to file… (``JournalSession.backup_to_file``)."""
        return self.session.backup_to_file()

    def periodic_backup(self) -> Path | None:
        """The timer's check: a "periodic" backup when something changed and the newest
        backup is at least 15 minutes old (``JournalSession.periodic_backup``)."""
        return self.session.periodic_backup()

    def remove_unused_files(self) -> int:
        """File > Remove unused exhibit files…: orphan files listed, removed once confirmed."""
        if not self.session.is_open or self.attachments.busy:
            return 0  # a file being attached has no row yet: it would look unused
        from ..unused_files import remove_unused_files

        return remove_unused_files(self, self)

    def restore_from_backup(self) -> QDialog | None:
        """File > Restore from backup…: the list of backups (window-modal, not blocking)."""
        return restore_flow.open_restore_dialog(self)

    def restore_backup(self, path: Path) -> bool:
        """Replace the journal with the backup ``path`` (the user has confirmed)."""
        return restore_flow.restore_backup(self, path)

    def _adopt_service(self, service: JournalService) -> None:
        """The journal was reopened after a restore: the window's own references first."""
        self.service = service
        self.case_model.service = service
        if self._welcome is not None:
            self._welcome.set_service(service)
        if self._pane is not None:
            self._pane.set_service(service)
        self._undo.clear()  # ids from before the restore mean nothing now
        self._last_error = ""

    def _service_replaced(self, _service: JournalService) -> None:
        """Last, once every part has the reopened journal: show it."""
        self._reload_filters()
        shown = self.case_pane.case_id
        self.case_pane.show_case(None)
        self.refresh(select=shown if shown is not None else None)
        if self.case_pane.case_id is None and self.case_model.rowCount():
            self._select_row(0)
        self._update_welcome()
        self.update_actions()

    def quit(self) -> None:
        self.close()
        QCoreApplication.quit()

    # -- notifications -----------------------------------------------------------------------

    def _setup_tray(self) -> None:
        from .notices import make_tray  # after the window is up

        self.tray = make_tray(self) if self.tray is None else self.tray

    def check_overdue(self) -> bool:
        """Start the overdue check (news: ``announce_overdue``); False if closed or running."""
        return self.session.check_overdue()

    def wait_for_checks(self, timeout_ms: int = OVERDUE_WAIT_MS) -> bool:
        """Block until no background check reads the journal (call before closing it)."""
        return self.session.wait_for_checks(timeout_ms)

    def announce_overdue(self, items: Sequence[DueItem]) -> list[DueItem]:
        """Tell once about each promise that became overdue; returns what was announced."""
        if self._closed or not self.session.is_open or not items:
            return []
        items = list(items)
        from .notices import announce, overdue_text

        announce(self, self.tray, overdue_text(items))
        with contextlib.suppress(*PLAIN_ERRORS):
            self.service.mark_notified(d.promise.id for d in items)
        self.refresh(reload_pane=False)
        return items
