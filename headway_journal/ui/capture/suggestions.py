"""The suggestions strip: one button per ticket, reference or promise found in a text.

``SuggestionStrip.set_suggestions([...])`` shows them (at most ``MAX_SHOWN``); a click (or
Space/Enter when a button has the focus; they are in the Tab order) emits ``chosen(Suggestion)``
and the button goes away. What was chosen or dismissed (the × after the buttons hides them all
until the text offers something new) is not offered again. Suggestions found in recognised text
say so ("from chat.png"), because those are the screenshot's words, not the user's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from headway_journal.journal.capture.suggest import Suggestion
from headway_journal.ui.widgets import FlowLayout

__all__ = ["MAX_SHOWN", "SuggestionStrip", "suggestion_key"]

MAX_SHOWN = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("SuggestionStrip", text)


def suggestion_key(s: Suggestion) -> tuple[object, ...]:
    """What makes two suggestions the same offer (wherever they were found)."""
    if s.kind == "promise":
        return ("promise", s.business_days, s.hours, s.due_on)
    return ("number", s.value.upper())


class SuggestionStrip(QWidget):
    """See the module docstring."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Suggestions"))
        self._used: set[tuple[object, ...]] = set()
        self._buttons: list[QPushButton] = []
        self._shown: list[Suggestion] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(_tr("Found:"))
        self.title.setToolTip(_tr("Ticket numbers, promised dates and references found in the "
                                  "summary and in the text of this case's screenshots. Nothing "
                                  "is added until you click it."))
        row.addWidget(self.title, 0, Qt.AlignmentFlag.AlignTop)
        self.area = QWidget()
        self.flow = FlowLayout(self.area)
        row.addWidget(self.area, 1)
        self.dismiss_button = QToolButton()
        self.dismiss_button.setText("×")
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.setAccessibleName(_tr("Dismiss suggestions"))
        self.dismiss_button.setToolTip(_tr("Hide these suggestions"))
        self.dismiss_button.clicked.connect(self.dismiss_all)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def suggestions(self) -> list[Suggestion]:
        """What is offered now, in order."""
        return list(self._shown)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def set_suggestions(self, found: list[Suggestion]) -> bool:
        """Offer what is new in ``found``; returns whether the buttons changed."""
        fresh: list[Suggestion] = []
        keys: set[tuple[object, ...]] = set()
        for s in found:
            key = suggestion_key(s)
            if key not in self._used and key not in keys:
                keys.add(key)
                fresh.append(s)
        fresh = fresh[:MAX_SHOWN]
        if fresh == self._shown:
            return False
        for button in self._buttons:
            self.flow.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons, self._shown = [], fresh
        for s in fresh:
            self._buttons.append(self._button(s))
        self.setVisible(bool(fresh))
        self.updateGeometry()
        return True

    def _button(self, s: Suggestion) -> QPushButton:
        text = s.label + (f" ({_tr('from')} {s.source})" if s.source else "")
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAccessibleName(text)
        where = (_tr("in the recognised text of "
                                                                   "{name}").format(
                                                                       name=s.source) if s.source
                 else _tr("in the text"))
        button.setToolTip(_tr("Found {where}: "
                                                                            "“{words}”").format(
                                                                                where=where,
                                                                                words=s.matched))
        button.clicked.connect(lambda _c=False, chosen=s: self.choose(chosen))
        self.flow.addWidget(button)
        return button

    def choose(self, s: Suggestion) -> None:
        """Use ``s`` (what a click does): it is not offered again."""
        self._used.add(suggestion_key(s))
        self.set_suggestions(self._shown)
        self.chosen.emit(s)

    def dismiss_all(self) -> None:
        self._used.update(suggestion_key(s) for s in self._shown)
        self.set_suggestions([])
