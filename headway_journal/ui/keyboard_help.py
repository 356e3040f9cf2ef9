"""The keyboard shortcuts of a window, listed from what the window really has.

``shortcut_rows(window)`` reads the window's actions (menus included), its ``QShortcut`` objects
(described with ``describe``, which sets the shortcut's "What's this" text), the Alt+letter of
its buttons and labels, and adds the keys every window has (Tab, Esc...). Help > Keyboard
shortcuts shows the main window's list; F1 in a dialog (``add_help_key``) shows the dialog's.
Nothing is typed twice: a shortcut added to a window shows up in its list by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

__all__ = ["KeyboardHelpDialog", "add_help_key", "describe", "shortcut_rows",
           "show_keyboard_help"]



def help_key() -> QKeySequence:
    """F1 (Ctrl+? on macOS); asked of the platform, so only once the application exists."""
    return QKeySequence(QKeySequence.StandardKey.HelpContents)


def _t(text: str) -> str:
    return QCoreApplication.translate("KeyboardHelp", text)


def key_text(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def describe(shortcut: QShortcut, what: str) -> QShortcut:
    """Say what ``shortcut`` does (shown in the window's shortcut list); returns it."""
    shortcut.setWhatsThis(what)
    return shortcut


def _plain(text: str) -> str:
    """Menu or button text without its '&' markers and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026.").strip()


def _mnemonic(text: str) -> str:
    """The Alt+letter a button or label text marks with '&' ("" when none)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return key_text(QKeySequence(f"Alt+{text[i + 1].upper()}"))
            i += 1
        i += 1
    return ""


def _actions(window: QWidget) -> list[QAction]:
    found: list[QAction] = []
    seen: set[int] = set()
    pending = list(window.actions()) + [a for m in window.findChildren(QMenu) for a in m.actions()]
    for action in pending:
        if id(action) not in seen:
            seen.add(id(action))
            found.append(action)
    return found


def _action_rows(window: QWidget) -> list[tuple[str, str]]:
    rows = []
    for action in _actions(window):
        keys = [key_text(k) for k in action.shortcuts() if not k.isEmpty()]
        if keys and action.text():
            rows.append((", ".join(keys), _plain(action.text())))
    return rows


def _shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    rows: dict[str, list[str]] = {}
    for sc in window.findChildren(QShortcut):
        if sc.key().isEmpty() or sc.key() == help_key():
            continue
        what = sc.whatsThis() or _t("(not described)")
        rows.setdefault(what, []).append(key_text(sc.key()))
    return [(", ".join(keys), what) for what, keys in rows.items()]


def _mnemonic_rows(window: QWidget) -> list[tuple[str, str]]:
    rows = []
    for button in window.findChildren(QAbstractButton):
        key = _mnemonic(button.text())
        if key and button.isVisibleTo(window):
            rows.append((key, _plain(button.text())))
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            key = _mnemonic(action.text())
            if key and action.isVisible():
                rows.append((key, _t("Open the {menu} menu").format(
                    menu=_plain(action.text()))))
    for label in window.findChildren(QLabel):
        key = _mnemonic(label.text())
        if key and label.buddy() is not None and label.isVisibleTo(window):
            rows.append((key, _t("Go to {field}").format(
                field=_plain(label.text()).rstrip(":"))))
    return rows


def _common_rows(window: QWidget) -> list[tuple[str, str]]:
    rows = [(_t("Tab, Shift+Tab"), _t("Next, previous field or button")),
            (_t("Space"), _t("Press the button or tick the box that has the focus")),
            (_t("Arrow keys"), _t("Move in a list, a table or a group of choices")),
            (_t("Menu key, Shift+F10"), _t("The menu of what has the focus, where there is one"))]
    if window.findChildren(QTabWidget):
        rows.append((_t("Ctrl+Tab, Ctrl+Shift+Tab"), _t("Next, previous tab")))
    if isinstance(window, QDialog):
        rows += [(_t("Esc"), _t("Close this window")),
                 (key_text(help_key()), _t("This list of keys"))]
    return rows


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for everything the keyboard can do in ``window``."""
    rows = _action_rows(window) + _shortcut_rows(window) + _mnemonic_rows(window)
    unique = list(dict.fromkeys(rows))
    return unique + _common_rows(window)


class KeyboardHelpDialog(QDialog):
    """A read-only list of a window's keys."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        title = _plain(window.windowTitle()) or _t("this window")
        self.setWindowTitle(self.tr("Keyboard shortcuts: {window}").format(window=title))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 2, self)
        self.table.setAccessibleName(self.tr("Keys"))
        self.table.setAccessibleDescription(self.tr("Each key or key combination and what "
                                                    "it does in {window}").format(window=title))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, what) in enumerate(self.rows):
            for column, text in enumerate((keys, what)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{keys}: {what}")
                self.table.setItem(row, column, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(self.tr("Close this list (Esc)"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.table.setFocus()

    def texts(self) -> list[str]:
        """The rows as "keys: what" (for tests and the clipboard)."""
        return [f"{keys}: {what}" for keys, what in self.rows]


def add_help_key(window: QWidget) -> QShortcut:
    """F1 in ``window`` opens the list of its keys."""
    def show() -> None:
        dialog = KeyboardHelpDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    shortcut = QShortcut(help_key(), window)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(show)
    return shortcut


def show_keyboard_help(window: QWidget) -> KeyboardHelpDialog:
    """Help > Keyboard shortcuts: the list for ``window`` (not modal: keep it open to learn)."""
    dialog = KeyboardHelpDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
