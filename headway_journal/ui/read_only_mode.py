"""The main window on a read-only journal (``JournalService.read_only``: its disk is read-only,
or the kernel remounted it read-only, or the folder cannot be written).

A banner above the panes says why and what still works; every action that would write is
greyed out (and stays so: ``apply`` runs at the end of each ``update_actions``); the case pane
greys its own buttons (``CasePane.locked``); no automatic backup is attempted. Reading,
search, case files, printing, the deadlines calendar and "Back up to file…" (to another disk)
stay available. The service refuses any write that would get through anyway.

A journal opened before its integrity check after an unclean exit (``service.unchecked``) is
read-only the same way until the check passes; ``uninstall`` then gives the window its editing
back (``ui.main_window.open_check``).

A journal whose disk becomes read-only while it is open (the kernel remounts a failing disk
read-only) switches to the same mode at the first write that fails
(``after_write_failure``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QVBoxLayout, QWidget

from ..journal import readonly
from ..journal.readonly import read_only_message
from .translated import QT_TRANSLATE_NOOP, tr

# The window's actions that write to the journal (attribute names on MainWindow).
WRITE_ACTIONS: tuple[str, ...] = (
    "act_new_case", "act_log_contact", "act_attach", "act_capture", "act_backup",
    "act_restore_backup", "act_remove_unused", "act_edit_case", "act_delete_case",
    "act_restore_case", "act_undo", "act_organizations", "act_settings", "act_mark_kept",
    "act_mark_broken",
)
BANNER_NAME = QT_TRANSLATE_NOOP("read_only_mode", "Read-only journal notice")
WRITABLE_TIP = "headway_writable_status_tip"  # an action's status tip before apply()
TITLE_SUFFIX = " (read-only)"


def reason_of(window: Any) -> str | None:
    return getattr(window.service, "read_only", None)


def install(window: QMainWindow) -> QLabel | None:
    """Put the banner above the window's central widget when the journal is read-only."""
    reason = reason_of(window)
    if reason is None:
        return None
    label = QLabel(read_only_message(reason))
    label.setObjectName("read_only_banner")
    label.setAccessibleName(tr("read_only_mode", BANNER_NAME))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    label.setStyleSheet("QLabel { background: #fff4ce; color: #3b2f00; padding: 6px 10px; "
                        "border: 1px solid #e0c36a; border-radius: 3px; font-weight: bold; }")
    central = window.takeCentralWidget()
    holder = QWidget()
    holder.setObjectName("read_only_holder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(8, 8, 8, 0)
    layout.setSpacing(4)
    layout.addWidget(label)
    if central is not None:
        layout.addWidget(central, 1)
        central.show()  # taken out of a shown window, it was hidden
    window.setCentralWidget(holder)
    holder.show()
    if not window.windowTitle().endswith(TITLE_SUFFIX):
        window.setWindowTitle(window.windowTitle() + TITLE_SUFFIX)
    return label


def apply(window: Any) -> None:
    """Grey out everything that writes (called after the window enables its actions)."""
    if reason_of(window) is None:
        return
    tip = read_only_message(reason_of(window))
    for name in WRITE_ACTIONS:
        action = getattr(window, name, None)
        if action is not None:
            if action.property(WRITABLE_TIP) is None:  # what uninstall gives back
                action.setProperty(WRITABLE_TIP, action.statusTip())
            action.setEnabled(False)
            action.setStatusTip(tip)
    menu = getattr(window, "status_menu", None)
    if menu is not None:
        menu.setEnabled(False)
    sync_welcome(window)


def uninstall(window: Any) -> None:
    """The journal can be written again (its deferred check passed): remove the banner and
    the title's suffix, give the actions back their tips, enable what ``apply`` disabled.
    Call the window's ``update_actions`` next (what needs a selected case)."""
    holder = window.centralWidget()
    if holder is not None and holder.objectName() == "read_only_holder":
        layout = holder.layout()
        item = layout.itemAt(1) if layout is not None and layout.count() > 1 else None
        central = item.widget() if item is not None else None
        if central is not None:
            layout.removeWidget(central)
            window.setCentralWidget(central)  # the holder (and its banner) is deleted later
            central.show()
            holder.hide()
            holder.setParent(None)  # gone from the window now, not at the next event loop turn
    title = window.windowTitle()
    if title.endswith(TITLE_SUFFIX):
        window.setWindowTitle(title[: -len(TITLE_SUFFIX)])
    for name in WRITE_ACTIONS:
        action = getattr(window, name, None)
        if action is not None:
            action.setEnabled(True)  # the window's update_actions then disables what needs a case
            if action.property(WRITABLE_TIP) is not None:
                action.setStatusTip(str(action.property(WRITABLE_TIP)))
                action.setProperty(WRITABLE_TIP, None)
    menu = getattr(window, "status_menu", None)
    if menu is not None:
        menu.setEnabled(True)
    sync_welcome(window)


def sync_welcome(window: Any) -> None:
    """The welcome panel's "Start your first case" is off while the journal is read-only
    (the panel is made when first needed, maybe after ``apply``; never made here)."""
    built = getattr(window, "built_welcome", None)
    welcome = built() if callable(built) else getattr(window, "welcome", None)
    if welcome is not None:
        welcome.start_button.setEnabled(reason_of(window) is None)


def after_write_failure(window: Any) -> bool:
    """A write failed: if the journal's disk has become read-only meanwhile (the kernel
    remounts a failing disk read-only), switch the window to read-only mode. True if it did."""
    service = window.service
    if reason_of(window) is not None or getattr(window, "closed", False):
        return False
    try:
        reason = readonly.probe_read_only(service.folder)
    except OSError:
        return False
    if reason is None:
        return False
    service.switch_to_read_only(reason)
    install(window)
    window.update_actions()
    window.update_status()
    if window.case_pane.case is not None:
        window.case_pane.reload()
    return True
