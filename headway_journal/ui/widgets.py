"""Small shared widgets and formatting helpers for the window.

Colour never carries meaning alone here: every badge shows a word, and the colours are light
tints with dark text, readable on the light and the dark platform palette alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from .translated import word as translated_word

# (background, text) per word shown in a badge
BADGE_COLORS: dict[str, tuple[str, str]] = {
    "open": ("#dbeafe", "#1e3a8a"),
    "waiting": ("#fef3c7", "#78350f"),
    "escalated": ("#ffe4e6", "#881337"),
    "resolved": ("#dcfce7", "#14532d"),
    "closed": ("#e5e7eb", "#374151"),
    "deleted": ("#e5e7eb", "#374151"),
    "pending": ("#e0e7ff", "#312e81"),
    "due_today": ("#fef3c7", "#78350f"),
    "overdue": ("#fee2e2", "#7f1d1d"),
    "kept": ("#dcfce7", "#14532d"),
    "broken": ("#fee2e2", "#7f1d1d"),
    "promise": ("#ede9fe", "#4c1d95"),
    "escalation": ("#ffe4e6", "#881337"),
}
NEUTRAL_BADGE = ("#e5e7eb", "#374151")

GRID = 8  # spacing unit in pixels


# --- text ------------------------------------------------------------------------------------


def literal_ampersands(text: str) -> str:
    """``text`` (a case title, a view's name, a registry label) for a place where Qt reads '&'
    as a keyboard-shortcut marker: menu items, buttons, group box titles, labels with a
    buddy. Every '&' is doubled so it shows as itself ("Due & overdue", not "Due _overdue")."""
    return text.replace("&", "&&")


# --- widgets ---------------------------------------------------------------------------------


def badge_style(key: str) -> str:
    bg, fg = BADGE_COLORS.get(key, NEUTRAL_BADGE)
    return (
        f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 4px;"
        " padding: 1px 6px; font-weight: bold; }"
    )


class Badge(QLabel):
    """A word in a tinted pill: 'ESCALATED', 'OVERDUE', 'KEPT'."""

    def __init__(self, word: str = "", key: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_word(word, key)

    def set_word(self, word: str, key: str | None = None) -> None:
        # one word shouts in capitals like a stamp; a phrase stays readable in lower case
        shown = translated_word(word)
        self.setText(shown.upper() if len(shown.split()) == 1 else shown)
        self.setStyleSheet(badge_style(key or word.lower()))
        self.setAccessibleName(QCoreApplication.translate("Badge", "Status: {word}").format(word=word))
        self.setVisible(bool(word))


class WrapLabel(QLabel):
    """A word-wrapped label whose minimum height is one line.

    QLabel's own minimum size hint for wrapped text is computed at zero width (one word per
    line), which inflates every layout it sits in; the real height comes from heightForWidth.
    """

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(fm.averageCharWidth() * 8 + margins.left() + margins.right(),
                     fm.height() + margins.top() + margins.bottom())


def wrap_label(text: str = "", *, name: str = "", selectable: bool = False,
               parent: QWidget | None = None) -> QLabel:
    """A word-wrapped plain-text label with an accessible name."""
    label = WrapLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)  # a new policy would drop the flag setWordWrap set
    label.setSizePolicy(policy)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name or text[:80])
    return label


def heading(text: str, *, level: int = 2, parent: QWidget | None = None) -> QLabel:
    label = WrapLabel(text, parent)
    font = label.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * {1: 1.5, 2: 1.15, 3: 1.0}.get(level, 1.0))
    label.setFont(font)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


class Card(QFrame):
    """A framed box with a vertical layout on the 8 px grid."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(name)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(GRID * 2, GRID + 4, GRID * 2, GRID + 4)
        self.body.setSpacing(GRID // 2 + 2)


class NoticeBox(QFrame):
    """A prominent notice (the safety note): bordered, with a bold lead word."""

    def __init__(self, lead: str, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(
            "QFrame#notice { background: #fff7ed; border: 2px solid #c2410c; border-radius: 6px; }"
            " QFrame#notice QLabel { color: #431407; background: transparent; border: none; }"
        )
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID * 2, GRID + 4, GRID * 2, GRID + 4)
        layout.setSpacing(GRID // 2)
        self.lead = heading(lead, level=3)
        self.text = wrap_label(text, name=name, selectable=True)
        layout.addWidget(self.lead)
        layout.addWidget(self.text)


TEXT_EDITING_KEYS = (
    QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll, QKeySequence.StandardKey.MoveToNextWord,
    QKeySequence.StandardKey.MoveToPreviousWord, QKeySequence.StandardKey.SelectNextWord,
    QKeySequence.StandardKey.SelectPreviousWord, QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.DeleteEndOfWord,
)
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


def window_shortcut_wins(box: QWidget, event: QKeyEvent) -> bool:
    """True when ``event`` (typed in the text box ``box``) is the shortcut of an enabled
    action of the box's window and not a key for editing text."""
    if not event.modifiers() & _MODIFIERS:
        return False  # plain and shifted keys are typing
    if any(event.matches(key) for key in TEXT_EDITING_KEYS):
        return False
    typed = QKeySequence(event.keyCombination())
    for action in box.window().actions():
        if action.isEnabled() and any(
                seq.matches(typed) == QKeySequence.SequenceMatch.ExactMatch
                for seq in action.shortcuts()):
            return True
    return False


class SearchBox(QLineEdit):
    """A search field that reports its text after the user pauses typing (debounced)."""

    search_changed = Signal(str)

    def __init__(self, delay_ms: int = 200, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(self._text_changed)
        self._last = ""

    def _text_changed(self, text: str) -> None:
        # The clear button shows only over some text: it is made with the first text (its
        # icon's first lookup was ~5 ms of the window's start; an empty box looks the same)
        if text and not self.isClearButtonEnabled():
            self.setClearButtonEnabled(True)
        self._timer.start()

    def _emit(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    def event(self, event: QEvent) -> bool:
        # A line edit claims some Ctrl keys for itself (on X11 Ctrl+E is "end of line", Ctrl+K
        # "delete to the end"), which silenced the window's shortcuts (Ctrl+E, Edit case)
        # while searching. Keys the window uses go to the window, unless they are the
        # editing keys everyone expects in a text box (copy, paste, undo, select all...).
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and window_shortcut_wins(self, event)):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self._timer.stop()
            self._emit()
            return
        super().keyPressEvent(event)


class FlowLayout(QLayout):
    """Lays widgets left to right, wrapping to the next line (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = GRID // 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 (Qt API)
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if item.isEmpty():  # a hidden widget
                continue
            width = hint.width()
            if x + width > rect.right() + 1 and line > 0:
                x = rect.x()
                y += line + self._spacing
                line = 0
            if apply:
                w = min(width, rect.width()) if rect.width() > 0 else width
                item.setGeometry(QRect(QPoint(x, y), QSize(w, hint.height())))
            x += width + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()
