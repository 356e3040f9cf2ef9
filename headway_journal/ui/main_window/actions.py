"""The main window's actions, menus and toolbar (the actions are attributes of the window:
``window.act_new_case``, ``window.view_actions[key]``, ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMessageBox, QSizePolicy, QToolBar, QWidget

from ... import APP_NAME, __version__, i18n
from ...journal.issue_types import SAFETY_NOTE
from ...journal.records import STATUSES
from ..translated import word
from ..widgets import SearchBox, literal_ampersands
from .capture_hooks import add_email
from .sidebar import VIEWS

if TYPE_CHECKING:  # pragma: no cover
    from .window import MainWindow


def make_action(w: MainWindow, text: str, slot: Callable[[], Any], shortcut: str | None = None,
                tip: str = "", icon: str = "") -> QAction:
    """One window action with its shortcut, icon, tooltip (naming the shortcut) and slot."""
    action = QAction(text, w)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if icon:
        action.setIcon(QIcon.fromTheme(icon))
    label = text.replace("&", "").rstrip("…")
    full_tip = tip or label
    if shortcut:
        full_tip += f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(full_tip)
    action.setStatusTip(tip or label)
    action.triggered.connect(lambda _checked=False: slot())
    w.addAction(action)
    return action


def build_actions(w: MainWindow) -> None:
    """The window's commands (File, Edit, Case menus and the toolbar)."""
    _case_work_actions(w)
    _journal_actions(w)
    _edit_actions(w)


def _maker(w: MainWindow) -> Callable[..., QAction]:
    def a(text: str, slot: Callable[[], Any], shortcut: str | None = None,
          tip: str = "", icon: str = "") -> QAction:
        return make_action(w, text, slot, shortcut, tip, icon)

    return a


def _case_work_actions(w: MainWindow) -> None:
    """New case, log a contact, attach and capture, case file, print, deadlines."""
    a = _maker(w)
    w.act_new_case = a(QCoreApplication.translate("actions", "&New case…"), w.new_case, "Ctrl+N",
                       QCoreApplication.translate("actions", "Start a new case"), "document-new")
    w.act_log_contact = a(QCoreApplication.translate("actions", "&Log contact…"), w.log_contact, "Ctrl+L",
                          QCoreApplication.translate("actions", "Log a call, chat, e-mail or "
                                                                "ticket on the selected case"),
                          "call-start")
    w.act_attach = a(QCoreApplication.translate("actions", "&Attach…"), w.choose_attachments, None,
                     QCoreApplication.translate("actions", "Attach screenshots, receipts or "
                                                           "letters to the selected case"),
                     "mail-attachment")
    w.act_add_email = a(QCoreApplication.translate("actions", "Add &e-mail…"), lambda: add_email(w), None,
                        QCoreApplication.translate("actions", "Log e-mails (.eml, Outlook .msg, "
                                                              ".mbox) on the selected case: each "
                        "message a contact, with its attachments and the message as exhibits"),
                        "mail-message-new")
    w.act_capture = a(QCoreApplication.translate("actions", "Capture &screen…"), w.capture_screen, "Ctrl+Shift+S",
                      QCoreApplication.translate("actions", "Take a screenshot and attach it to "
                                                            "the selected case"),
                      "camera-photo")
    w.act_case_file = a(QCoreApplication.translate("actions", "&Export case file…"), w.export_shown_case_file, None,
                        QCoreApplication.translate("actions", "Make the PDF case file of the "
                                                              "selected case"), "document-export")
    w.act_preview_case_file = a(QCoreApplication.translate("actions", "Pre&view case file…"), w.preview_case_file, None,
                                QCoreApplication.translate("actions", "Build the case file and "
                                                                      "look at every page"),
                                "document-print-preview")
    w.act_print = a(QCoreApplication.translate("actions", "&Print…"), w.print_shown_case_file, "Ctrl+P",
                    QCoreApplication.translate("actions", "Print the case file of the selected "
                                                          "case"), "document-print")
    w.act_export_ics = a(QCoreApplication.translate("actions", "Export &deadlines (.ics)…"), w.export_deadlines, None,
                         QCoreApplication.translate("actions", "Save every pending promise and "
                                                               "outside deadline as a calendar "
                         "file for your calendar app"), "x-office-calendar")


def _journal_actions(w: MainWindow) -> None:
    """Backups, restore, unused files, verify, shared journal, security, close and quit."""
    a = _maker(w)
    w.act_backup = a(QCoreApplication.translate("actions", "&Back up now"), w.backup_now, None,
                     QCoreApplication.translate("actions", "Make a checked copy of the journal in "
                                                           "its backups folder"),
                     "document-save")
    w.act_backup_file = a(QCoreApplication.translate("actions", "Back up to &file…"), w.backup_to_file, None,
                          QCoreApplication.translate("actions", "Save a checked copy of the "
                                                                "journal database wherever you "
                          "choose (a USB stick, another disk)"), "document-save-as")
    w.act_restore_backup = a(QCoreApplication.translate("actions", "&Restore from backup…"), w.restore_from_backup, None,
                             QCoreApplication.translate("actions", "Go back to an earlier backup "
                                                                   "of the journal (the current "
                             "state is backed up first)"), "document-revert")
    w.act_remove_unused = a(QCoreApplication.translate("actions", "Remove &unused exhibit "
                                                                  "files…"), w.remove_unused_files,
                            None, QCoreApplication.translate("actions", "List files in the "
                                                                        "attachment store that no "
                                                                        "exhibit "
                            "uses, and remove them after you confirm"), "edit-clear")
    w.act_verify_case_file = a(
        QCoreApplication.translate("MainWindow", "&Verify a case file…"),
        lambda: _verify_case_file(w), None,
        QCoreApplication.translate("MainWindow", "Check that a case file or export is unchanged "
                                   "and matches this journal"))
    w.act_open_shared = a(QCoreApplication.translate("actions", "Open s&hared journal…"), w.open_shared_journal, None,
                          QCoreApplication.translate("actions", "Open a journal kept on a "
                                                                "PostgreSQL server, in a window of "
                                                                "its own"))
    w.security_actions = security_actions(w)
    w.act_close = a(QCoreApplication.translate("actions", "&Close"), w.close, "Ctrl+W", QCoreApplication.translate("actions", "Close this window"))
    w.act_quit = a(QCoreApplication.translate("actions", "&Quit"), w.quit, "Ctrl+Q", QCoreApplication.translate("actions", "Quit Headway Journal"))


def _edit_actions(w: MainWindow) -> None:
    """Edit and Case menus: the case, undo, find, organizations, settings, promises."""
    a = _maker(w)
    w.act_edit_case = a(QCoreApplication.translate("actions", "&Edit case…"), w.edit_case, "Ctrl+E", QCoreApplication.translate("actions", "Edit the selected case"))
    w.act_delete_case = a(QCoreApplication.translate("actions", "&Delete case…"), w.delete_case, "Del",
                          QCoreApplication.translate("actions", "Move the selected case to Deleted "
                                                                "(it can be restored)"))
    w.act_restore_case = a(QCoreApplication.translate("actions", "&Restore case"), w.restore_current_case, None,
                           QCoreApplication.translate("actions", "Bring the selected case back "
                                                                 "from Deleted"))
    w.act_undo = a(QCoreApplication.translate("actions", "&Undo"), w.undo, "Ctrl+Z",
                   QCoreApplication.translate("actions", "Bring back what was last deleted, or put "
                                                         "back a promise last marked "
                   "kept or broken, in this session"))
    w.act_find = a(QCoreApplication.translate("actions", "&Find…"), w.focus_search, "Ctrl+F",
                   QCoreApplication.translate("actions", "Search cases, tickets, names and notes"))
    w.act_organizations = a(QCoreApplication.translate("actions", "&Organizations…"), w.edit_organizations, None,
                            QCoreApplication.translate("actions", "Companies and their channels"))
    w.act_settings = a(QCoreApplication.translate("actions", "&Settings…"), w.edit_settings, "Ctrl+,",
                       QCoreApplication.translate("actions", "Holidays, profile and other "
                                                             "settings"))

    w.act_mark_kept = a(QCoreApplication.translate("actions", "Mark next promise &kept"), lambda: w.mark_next_promise("kept"),
                        None, QCoreApplication.translate("actions", "Record that the most urgent "
                                                                    "open promise was kept"))
    w.act_mark_broken = a(QCoreApplication.translate("actions", "Mark next promise &broken"),
                          lambda: w.mark_next_promise("broken"), None,
                          QCoreApplication.translate("actions", "Record that the most urgent open "
                                                                "promise was broken"))


def _verify_case_file(w: MainWindow) -> None:
    from .verify_casefile import verify_case_file

    verify_case_file(w, w.service)


def security_actions(w: MainWindow) -> list[QAction]:
    """File > Security: encrypt, decrypt, change the passphrase (``ui.security``)."""
    from ..security.controller import SecurityController

    w.security = SecurityController(w)
    return [
        make_action(w, QCoreApplication.translate("actions", "&Encrypt journal…"), w.security.encrypt, None,
                    QCoreApplication.translate("actions", "Encrypt the journal, its exhibits and "
                                                          "backups under a passphrase")),
        make_action(w, QCoreApplication.translate("actions", "&Decrypt journal…"), w.security.decrypt, None,
                    QCoreApplication.translate("actions", "Store the journal unencrypted again")),
        make_action(w, QCoreApplication.translate("actions", "Change &passphrase…"), w.security.change_passphrase, None,
                    QCoreApplication.translate("actions", "Choose a new passphrase for this "
                                                          "encrypted journal")),
        make_action(w, QCoreApplication.translate("actions", "&Lock now"), w.security.lock_now, None,
                    QCoreApplication.translate("actions", "Close the encrypted journal until its "
                                                          "passphrase is typed again")),
    ]


def build_choice_actions(w: MainWindow) -> None:
    """The checkable ones (status, view, timeline order) and Help."""
    w.status_actions = {}
    w.status_group = QActionGroup(w)
    for status in STATUSES:
        action = QAction(literal_ampersands(word(status).capitalize()), w)
        action.setCheckable(True)
        action.triggered.connect(lambda _c=False, s=status: w.set_case_status(s))
        w.status_group.addAction(action)
        w.status_actions[status] = action

    w.view_actions = {}
    w.view_group = QActionGroup(w)
    for n, (key, label) in enumerate(VIEWS, start=1):
        action = QAction(literal_ampersands(label), w)
        action.setCheckable(True)
        action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        action.triggered.connect(lambda _c=False, k=key: w.set_view(k))
        w.view_group.addAction(action)
        w.addAction(action)
        w.view_actions[key] = action
    w.act_newest_first = QAction(QCoreApplication.translate("actions", "&Newest first"), w)
    w.act_newest_first.setCheckable(True)
    w.act_newest_first.setChecked(True)
    w.act_newest_first.setToolTip(QCoreApplication.translate("actions", "Timeline order: newest or "
                                                                        "oldest contact first"))
    w.act_newest_first.toggled.connect(w.set_newest_first)

    w.act_about = make_action(w, QCoreApplication.translate("actions", "&About Headway Journal"), lambda: show_about(w))
    w.act_keyboard_help = make_action(w, QCoreApplication.translate("actions", "&Keyboard shortcuts"), lambda: _keyboard_help(w),
                                      "Ctrl+F1", QCoreApplication.translate("actions", "Every key of this window and what it does"))
    w.act_safety = make_action(w, QCoreApplication.translate("actions", "&Safety information"), lambda: show_safety(w), "F1",
                               QCoreApplication.translate("actions", "What to do in an emergency"))


def build_menus(w: MainWindow) -> None:
    """File, Edit, Case, View and Help."""
    bar = w.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("actions", "&File"))
    file_menu.addActions([w.act_new_case, w.act_log_contact, w.act_attach,
                          w.act_add_email, w.act_capture])
    file_menu.addSeparator()
    file_menu.addActions([w.act_case_file, w.act_preview_case_file, w.act_print,
                          w.act_export_ics, w.act_verify_case_file])
    file_menu.addSeparator()
    file_menu.addActions([w.act_backup, w.act_backup_file, w.act_restore_backup,
                          w.act_remove_unused])
    file_menu.addMenu(QCoreApplication.translate("actions", "Securit&y")).addActions(w.security_actions)
    file_menu.addSeparator()
    file_menu.addActions([w.act_open_shared, w.act_close, w.act_quit])

    edit_menu = bar.addMenu(QCoreApplication.translate("actions", "&Edit"))
    edit_menu.addActions([w.act_undo])
    edit_menu.addSeparator()
    edit_menu.addActions([w.act_edit_case, w.act_delete_case, w.act_restore_case])
    edit_menu.addSeparator()
    edit_menu.addAction(w.act_find)
    edit_menu.addSeparator()
    edit_menu.addActions([w.act_organizations, w.act_settings])

    case_menu = bar.addMenu(QCoreApplication.translate("actions", "&Case"))
    w.status_menu = case_menu.addMenu(QCoreApplication.translate("actions", "Set &status"))
    w.status_menu.addActions(list(w.status_actions.values()))
    case_menu.addSeparator()
    case_menu.addActions([w.act_mark_kept, w.act_mark_broken])

    view_menu = bar.addMenu(QCoreApplication.translate("actions", "&View"))
    view_menu.addActions(list(w.view_actions.values()))
    view_menu.addSeparator()
    view_menu.addAction(w.act_newest_first)

    help_menu = bar.addMenu(QCoreApplication.translate("actions", "&Help"))
    help_menu.addActions([w.act_safety, w.act_keyboard_help, w.act_about])
    set_menu_roles(w)


def set_menu_roles(w: MainWindow) -> None:
    """macOS puts Quit, Settings and About in the application menu (Cmd+Q, Cmd+,) by role, in
    any language: its Quit then runs File > Quit's own steps (drafts, closing backup). Every
    other action keeps its place: Qt's guess from English words ("Preferences", "Quit") is off."""
    roles = {w.act_quit: QAction.MenuRole.QuitRole,
             w.act_settings: QAction.MenuRole.PreferencesRole,
             w.act_about: QAction.MenuRole.AboutRole}
    for action in w.findChildren(QAction):
        action.setMenuRole(roles.get(action, QAction.MenuRole.NoRole))


def _keyboard_help(w: MainWindow) -> None:
    from ..keyboard_help import show_keyboard_help  # the dialog's module: when first asked for

    show_keyboard_help(w)


def build_toolbar(w: MainWindow) -> None:
    """The main toolbar: short words beside icons, then the search box."""
    tb = QToolBar(QCoreApplication.translate("actions", "Main toolbar"))
    tb.setObjectName("main_toolbar")
    tb.setAccessibleName(QCoreApplication.translate("actions", "Main toolbar"))
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    labels = ((w.act_new_case, QCoreApplication.translate("actions", "New case")), (w.act_log_contact, QCoreApplication.translate("actions", "Log contact")),
              (w.act_attach, QCoreApplication.translate("actions", "Attach")), (w.act_capture, QCoreApplication.translate("actions", "Capture")),
              (w.act_case_file, QCoreApplication.translate("actions", "Case file")), (w.act_print, QCoreApplication.translate("actions", "Print")))
    for action, label in labels:
        action.setIconText(label)  # the toolbar shows short words, the menus the full ones
        tb.addAction(action)
        button = tb.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(label)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    spacer.setAccessibleName(QCoreApplication.translate("actions", "Toolbar spacer"))
    tb.addWidget(spacer)
    w.search_box = SearchBox()
    w.search_box.setPlaceholderText(QCoreApplication.translate("actions", "Search cases, tickets, "
                                                                          "names…"))
    w.search_box.setAccessibleName(QCoreApplication.translate("actions", "Search cases"))
    w.search_box.setToolTip(QCoreApplication.translate("actions", "Full-text search in titles, "
                                                                  "contacts, tickets and notes "
                            "(Ctrl+F; Esc clears)"))
    w.search_box.setMinimumWidth(240)
    w.search_box.setMaximumWidth(360)
    tb.addWidget(w.search_box)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
    w.toolbar = tb


def show_about(w: MainWindow) -> None:
    """Help > About: the version, and where this journal is kept."""
    QMessageBox.about(
        w, QCoreApplication.translate("actions", "About {APP_NAME}").format(APP_NAME=APP_NAME),
        QCoreApplication.translate("actions", "{APP_NAME} {version__}\n\nA personal journal of "
                                              "support cases: every contact, every promise and its "
                                              "deadline, and a case file for escalation. Your "
                                              "journal stays on this computer, in {folder}.").format(
                                                  APP_NAME=APP_NAME, version__=__version__,
                                                  folder=w.service.folder))


def show_safety(w: MainWindow) -> None:
    """Help > Safety information (F1): what to do in an emergency."""
    QMessageBox.information(w, QCoreApplication.translate("actions", "Safety information"), i18n.text(SAFETY_NOTE))
