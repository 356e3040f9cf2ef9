"""File > Restore from backup…: the journal's backups, newest first, and going back to one.

``RestoreDialog(manager, restore, parent)`` lists ``BackupManager.list(check=True)`` (the
databases a restore set aside are not offered) with the date, why it was made, its size and
whether it is sound (✓ / ✗ with a word: colour never carries the meaning alone). "Restore…"
asks first, saying that the current state is backed up before anything changes, then calls
``restore(path) -> bool`` (``MainWindow.restore_backup``), which does the work and reports.
The dialog is window-modal; open it with ``open()``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from headway_journal.ui.fit import fit_to_screen
from headway_journal.ui.keyboard_help import add_help_key

from ...journal.backup import REPLACED, BackupInfo, BackupManager, check_backup
from ..format import full_date, human_size, local_time
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap
from ..widgets import GRID, wrap_label

__all__ = ["RestoreDialog", "backup_when", "reason_words"]

PathRole = Qt.ItemDataRole.UserRole + 1
COL_MADE, COL_REASON, COL_SIZE, COL_SOUND = range(4)

_REASONS = TranslatedMap("restore_dialog", {
    "open": QT_TRANSLATE_NOOP("restore_dialog", "when the journal was opened"),
    "close": QT_TRANSLATE_NOOP("restore_dialog", "when the window was closed"),
    "periodic": QT_TRANSLATE_NOOP("restore_dialog", "automatic, while you worked"),
    "manual": QT_TRANSLATE_NOOP("restore_dialog", "Back up now"),
    "before-restore": QT_TRANSLATE_NOOP("restore_dialog", "before a restore"),
    "cli": QT_TRANSLATE_NOOP("restore_dialog", "from the command line"),
    "before-command": QT_TRANSLATE_NOOP("restore_dialog", "before a change from the command line"),
})


def reason_words(reason: str) -> str:
    """'periodic' -> 'automatic, while you worked'; unknown reasons are shown as they are."""
    if reason.startswith("before-upgrade"):
        return QCoreApplication.translate("restore_dialog", "before an upgrade of the app")
    return _REASONS.get(reason, reason.replace("-", " "))


def backup_when(info: BackupInfo) -> str:
    """The backup's time in this computer's time zone: 'Nov 26, 2026 16:49'."""
    local = info.made_at.astimezone()
    return f"{full_date(local.date())} {local_time(local.hour, local.minute)}"


class RestoreDialog(QDialog):
    """Choose a backup and restore it (see the module docstring)."""

    def __init__(self, manager: BackupManager, restore: Callable[[Path], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help_key(self)
        self.setObjectName("RestoreDialog")
        self.setWindowTitle(QCoreApplication.translate("RestoreDialog", "Restore from backup"))
        self.setAccessibleName(QCoreApplication.translate("RestoreDialog", "Restore from backup"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.manager = manager
        self._restore = restore
        self.restored: Path | None = None

        intro = wrap_label(
            QCoreApplication.translate("RestoreDialog", "Choose the backup to go back to. "
                                                        "Everything recorded after it will no "
                                                        "longer be "
            "in the journal. The journal as it is now is backed up first (a “before-restore” "
            "backup in this list), so you can come back to it."), name=QCoreApplication.translate("RestoreDialog", "Restore explanation"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(QCoreApplication.translate("RestoreDialog", "Backups"))
        self.tree.setAccessibleDescription(self.tr("The backups of this journal, newest "
                                                   "first: when made, why, size and whether "
                                                   "it checked sound"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([QCoreApplication.translate("RestoreDialog", "Made"), QCoreApplication.translate("RestoreDialog", "Why"), QCoreApplication.translate("RestoreDialog", "Size"), QCoreApplication.translate("RestoreDialog", "Sound")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_MADE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SIZE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SOUND, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda _item, _col: self.restore_selected())
        self.empty_label = wrap_label(QCoreApplication.translate("RestoreDialog", "There are no backups yet. File > Back up now makes one."),
                                      name=QCoreApplication.translate("RestoreDialog", "No backups"))
        self.message = QLabel()
        self.message.setAccessibleName(QCoreApplication.translate("RestoreDialog", "Restore problem"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(QCoreApplication.translate("RestoreDialog", "Restore…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setAccessibleName(QCoreApplication.translate("RestoreDialog", "Restore"))
        self.restore_button.setToolTip(QCoreApplication.translate("RestoreDialog", "Go back to the chosen backup (asks first)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.other_button = buttons.addButton(QCoreApplication.translate("RestoreDialog", "Other file…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.setAccessibleName(QCoreApplication.translate("RestoreDialog", "Restore from another file"))
        self.other_button.setToolTip(QCoreApplication.translate("RestoreDialog", "Restore a backup kept somewhere else, e.g. one made with "
                                     "File > Back up to file… (checked first, asks first)"))
        self.other_button.clicked.connect(self.restore_other_file)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(QCoreApplication.translate("RestoreDialog", "Close"))
        close.setToolTip(self.tr("Close without restoring anything (Esc)"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(GRID)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(680, 420))
        self.reload()

    # -- the list ------------------------------------------------------------------------------

    def backups(self) -> list[BackupInfo]:
        """What is offered: every backup but the databases set aside by earlier restores."""
        return [b for b in self.manager.list(check=True) if b.reason != REPLACED]

    def reload(self) -> None:
        self.tree.clear()
        for info in self.backups():
            sound = bool(info.sound)
            item = QTreeWidgetItem([backup_when(info), reason_words(info.reason),
                                    human_size(info.size), QCoreApplication.translate("RestoreDialog", "✓ sound") if sound else QCoreApplication.translate("RestoreDialog", "✗ damaged")])
            item.setData(COL_MADE, PathRole, str(info.path))
            item.setToolTip(COL_MADE, info.path.name)
            if not sound:
                item.setToolTip(COL_SOUND, check_backup(info.path) or QCoreApplication.translate("RestoreDialog", "This backup is damaged."))
            item.setData(COL_SOUND, Qt.ItemDataRole.AccessibleTextRole,
                         "sound" if sound else QCoreApplication.translate("RestoreDialog", "damaged, cannot be restored"))
            item.setData(COL_SOUND, Qt.ItemDataRole.UserRole, sound)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        self.tree.setVisible(first is not None)
        self.empty_label.setVisible(first is None)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def select_path(self, path: Path) -> bool:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and Path(str(item.data(COL_MADE, PathRole))) == Path(path):
                self.tree.setCurrentItem(item)
                return True
        return False

    def selected(self) -> tuple[Path, bool, str] | None:
        """(path, sound, description) of the chosen backup."""
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        path = Path(str(item.data(COL_MADE, PathRole)))
        sound = bool(item.data(COL_SOUND, Qt.ItemDataRole.UserRole))
        return path, sound, f"{item.text(COL_MADE)} ({item.text(COL_REASON)})"

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen[1])

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- restoring -----------------------------------------------------------------------------

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        path, sound, what = chosen
        if not sound:
            self._say(QCoreApplication.translate("RestoreDialog", "The backup of {what} is damaged "
                                                                  "and cannot be restored; choose "
                                                                  "another.").format(what=what))
            return False
        return self._confirm_and_restore(path, QCoreApplication.translate("RestoreDialog", "the backup of {what}").format(
            what=what))

    def restore_other_file(self) -> bool:
        """"Other file…": any backup file, checked before anything is asked or changed."""
        name, _filter = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("RestoreDialog", "Restore from another file"), str(Path.home()),
            QCoreApplication.translate("RestoreDialog", "Journal backups (*.sqlite3 *.sqlite "
                                                        "*.db);;All files (*)"))
        if not name:
            return False
        path = Path(name)
        problem = check_backup(path)
        if problem is not None:
            self._say(QCoreApplication.translate("RestoreDialog", "{problem} Nothing was "
                                                                  "changed.").format(
                                                                      problem=problem))
            return False
        return self._confirm_and_restore(path, QCoreApplication.translate("RestoreDialog", "the backup in {name}").format(
            name=path.name))

    def _confirm_and_restore(self, path: Path, what: str) -> bool:
        answer = QMessageBox.question(
            self, QCoreApplication.translate("RestoreDialog", "Restore from backup"),
            QCoreApplication.translate("RestoreDialog", "Go back to {what}?\n\nEverything recorded "
                                                        "after it will no longer be in the "
                                                        "journal. The journal as it is now is "
                                                        "backed up first (a “before-restore” "
                                                        "backup), so you can come back to it from "
                                                        "this list.").format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._say("")
        if not self._restore(path):
            self.reload()
            self._say(QCoreApplication.translate("RestoreDialog", "The backup was not restored; "
                                                                  "the journal is as it was."))
            return False
        self.restored = path
        self.accept()
        return True
