"""Ticket numbers as chips: type a number, Enter adds it; × removes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from headway_journal.ui.widgets import FlowLayout

from ..form_builder import GRID, ErrorLabel

__all__ = ["EnterLineEdit", "TicketChips"]


class EnterLineEdit(QLineEdit):
    """A line edit that keeps Enter for itself (adds a chip) instead of passing it on."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TicketChips(QWidget):
    """Ticket numbers as chips: type a number, Enter adds it; × removes it."""

    changed = Signal()
    chips_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("TicketChips", "Tickets"))
        self._tickets: list[str] = []
        self._chips: list[QFrame] = []
        self.flow = FlowLayout(self)
        self.input = EnterLineEdit()
        self.input.setAccessibleName(QCoreApplication.translate("TicketChips", "Ticket number"))
        self.input.setPlaceholderText(QCoreApplication.translate("TicketChips", "Ticket number, then Enter"))
        self.input.setToolTip(QCoreApplication.translate("TicketChips", "Type a ticket or reference number and press Enter; add as many "
                              "as they give you."))
        self.input.setMinimumWidth(30 * GRID)
        self.input.entered.connect(self.add_pending)
        self.input.textEdited.connect(lambda _t: self.changed.emit())
        self.flow.addWidget(self.input)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.error = ErrorLabel(QCoreApplication.translate("TicketChips", "Tickets"))

    def tickets(self) -> list[str]:
        return list(self._tickets)

    def pending(self) -> str:
        return self.input.text()

    def add_pending(self) -> None:
        text = self.input.text()
        parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
        if not parts:
            return
        for part in parts:
            self.add(part)
        self.input.clear()
        self.changed.emit()

    def add(self, number: str) -> bool:
        number = " ".join(number.split())
        if not number:
            return False
        if number in self._tickets:
            self.error.show_error(QCoreApplication.translate("TicketChips", "{number} is already in the list.").format(number=number))
            return False
        self.error.clear_error()
        self._tickets.append(number)
        chip = QFrame()
        chip.setObjectName("ticketChip")
        chip.setFrameShape(QFrame.Shape.StyledPanel)
        chip.setAccessibleName(QCoreApplication.translate("TicketChips", "Ticket {number}").format(number=number))
        lay = QHBoxLayout(chip)
        lay.setContentsMargins(GRID, 0, 0, 0)
        lay.setSpacing(GRID // 2)
        label = QLabel(number)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(QCoreApplication.translate("TicketChips", "Ticket {number}").format(number=number))
        button = QToolButton()
        button.setText("×")
        button.setAutoRaise(True)
        button.setAccessibleName(QCoreApplication.translate("TicketChips", "Remove ticket {number}").format(number=number))
        button.setToolTip(QCoreApplication.translate("TicketChips", "Remove ticket {number}").format(number=number))
        button.clicked.connect(lambda _c=False, n=number: self.remove(n))
        lay.addWidget(label)
        lay.addWidget(button)
        self.flow.insertWidget(len(self._chips), chip)
        self._chips.append(chip)
        self.updateGeometry()
        self.chips_changed.emit()
        self.changed.emit()
        return True

    def remove(self, number: str) -> None:
        if number not in self._tickets:
            return
        i = self._tickets.index(number)
        del self._tickets[i]
        chip = self._chips.pop(i)
        self.flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        self.updateGeometry()
        self.input.setFocus()
        self.chips_changed.emit()
        self.changed.emit()

    def set_tickets(self, numbers: list[str], pending: str = "") -> None:
        for n in list(self._tickets):
            self.remove(n)
        for n in numbers:
            self.add(n)
        self.input.setText(pending)

    def chip_buttons(self) -> list[QToolButton]:
        return [c.findChild(QToolButton) for c in self._chips]  # type: ignore[misc]


