"""One promise line: "[N] [business days|hours|by date] [what was promised]  → due …  [×]"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal import deadlines as dl
from headway_journal.journal.records import PromiseInput

from ...translated import QT_TRANSLATE_NOOP, TranslatedPairs
from ..form_builder import GRID, ErrorLabel

__all__ = ["UNITS", "PromiseRow", "due_text"]

UNITS = TranslatedPairs("promise_row", (
    ("business days", QT_TRANSLATE_NOOP("promise_row", "business days")),
    ("hours", QT_TRANSLATE_NOOP("promise_row", "hours")),
    ("date", QT_TRANSLATE_NOOP("promise_row", "by date"))))


def due_text(due: dl.PromiseDue, today: date) -> str:
    """'→ due Mon Nov 30' (the year when not ``today``'s, the time when one is set)."""
    d = due.due_on
    text = f"{d:%a %b} {d.day}"
    if d.year != today.year:
        text += f" {d.year}"
    if due.due_at is not None:
        text += f" {due.due_at:%H:%M}"
    return QCoreApplication.translate("promise_row", "→ due {text}").format(text=text)



class PromiseRow(QWidget):
    """"[N] [business days|hours|by date] [what was promised]  → due Mon Nov 30  [×]"."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, started: Callable[[], datetime], calendar: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._started = started
        self._calendar = calendar
        self.status = "pending"
        self.promise_id: int | None = None  # the stored promise this row edits
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(GRID // 2)
        row = QHBoxLayout()
        row.setSpacing(GRID)
        self.amount = QLineEdit()
        self.amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,7}"), self))
        self.amount.setPlaceholderText("N")
        self.amount.setMaximumWidth(8 * GRID)
        self.amount.setToolTip(QCoreApplication.translate("PromiseRow", "How many business days or hours they gave themselves."))
        self.unit = QComboBox()
        for key, label in UNITS:
            self.unit.addItem(label, key)
        self.unit.setToolTip(QCoreApplication.translate("PromiseRow", "Business days skip weekends and public holidays."))
        self.due_date = QDateEdit()
        self.due_date.setCalendarPopup(True)
        self.due_date.setDisplayFormat("yyyy-MM-dd")
        self.due_date.setMinimumDate(QDate(1990, 1, 1))
        self.due_date.setDate(QDate.currentDate().addDays(7))
        self.due_date.setToolTip(QCoreApplication.translate("PromiseRow", "The date they promised."))
        self.due_date.hide()
        self.text = QLineEdit()
        self.text.setPlaceholderText(QCoreApplication.translate("PromiseRow", "what was promised, e.g. refund issued"))
        self.text.setToolTip(QCoreApplication.translate("PromiseRow", "What they promised to do, in their words if you can."))
        self.due_label = QLabel("")
        widest = self.due_label.fontMetrics().horizontalAdvance(QCoreApplication.translate("PromiseRow", "→ due Wed Sep 30 2099 23:59"))
        self.due_label.setFixedWidth(widest + GRID)
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addWidget(self.due_date)
        row.addWidget(self.text, 1)
        row.addWidget(self.due_label)
        row.addWidget(self.remove_button)
        outer.addLayout(row)
        self.error = ErrorLabel(QCoreApplication.translate("PromiseRow", "Promise"))
        outer.addWidget(self.error)
        self.amount.textEdited.connect(self._edited)
        self.text.textEdited.connect(self._edited)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.due_date.dateChanged.connect(self._edited)
        self.set_number(1)

    def set_number(self, n: int) -> None:
        self.amount.setAccessibleName(QCoreApplication.translate("PromiseRow", "Promise {n} number").format(n=n))
        self.unit.setAccessibleName(QCoreApplication.translate("PromiseRow", "Promise {n} unit").format(n=n))
        self.due_date.setAccessibleName(QCoreApplication.translate("PromiseRow", "Promise {n} date").format(n=n))
        self.text.setAccessibleName(QCoreApplication.translate("PromiseRow", "Promise {n} text").format(n=n))
        self.due_label.setAccessibleName(QCoreApplication.translate("PromiseRow", "Promise {n} due").format(n=n))
        self.remove_button.setAccessibleName(QCoreApplication.translate("PromiseRow", "Remove promise {n}").format(n=n))
        self.remove_button.setToolTip(QCoreApplication.translate("PromiseRow", "Remove promise {n}").format(n=n))
        self.error.setAccessibleName(QCoreApplication.translate("PromiseRow", "Promise {n} error").format(n=n))

    def _unit_changed(self, _i: int) -> None:
        by_date = self.unit.currentData() == "date"
        self.amount.setVisible(not by_date)
        self.due_date.setVisible(by_date)
        self._edited()

    def _edited(self, *_args: object) -> None:
        self.refresh()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self.amount.text().strip() and not self.text.text().strip()

    def terms(self) -> tuple[int | None, int | None, date | None]:
        unit = self.unit.currentData()
        if unit == "date":
            qd = self.due_date.date()
            return None, None, date(qd.year(), qd.month(), qd.day())
        raw = self.amount.text().strip()
        n = int(raw) if raw.isdigit() else None
        return (n, None, None) if unit == "business days" else (None, n, None)

    def refresh(self) -> None:
        """Recompute the due date shown (and the message when the terms make no sense)."""
        bd, hours, due_on = self.terms()
        if bd is None and hours is None and due_on is None:
            self.due_label.setText("")
            self.error.clear_error()
            return
        try:
            started = self._started()
            due = dl.promise_due(started, business_days=bd, hours=hours, due_on=due_on,
                                 calendar=self._calendar())
        except dl.PromiseTermsError as exc:
            self.due_label.setText("")
            self.error.show_error(str(exc))
            return
        except ValueError as exc:  # an unknown holiday calendar
            self.due_label.setText("")
            self.error.show_error(str(exc))
            return
        self.error.clear_error()
        self.due_label.setText(due_text(due, started.date()))

    def promise_input(self) -> PromiseInput:
        bd, hours, due_on = self.terms()
        return PromiseInput(text=self.text.text(), business_days=bd, hours=hours, due_on=due_on,
                            status=self.status, id=self.promise_id)

    def state(self) -> dict[str, Any]:
        qd = self.due_date.date()
        return {"amount": self.amount.text(), "unit": str(self.unit.currentData()),
                "date": date(qd.year(), qd.month(), qd.day()).isoformat(),
                "text": self.text.text(), "status": self.status, "id": self.promise_id}

    def set_state(self, state: dict[str, Any]) -> None:
        self.amount.setText(str(state.get("amount", "")))
        idx = self.unit.findData(state.get("unit", "business days"))
        self.unit.setCurrentIndex(max(idx, 0))
        try:
            d = date.fromisoformat(str(state.get("date")))
            self.due_date.setDate(QDate(d.year, d.month, d.day))
        except ValueError:
            pass
        self.text.setText(str(state.get("text", "")))
        self.status = str(state.get("status", "pending"))
        pid = state.get("id")
        self.promise_id = pid if isinstance(pid, int) and not isinstance(pid, bool) else None
        self.refresh()

    def set_input(self, p: PromiseInput) -> None:
        if p.due_on is not None:
            unit, amount = "date", ""
        elif p.hours is not None:
            unit, amount = "hours", str(p.hours)
        else:
            unit, amount = QCoreApplication.translate("PromiseRow", "business days"), "" if p.business_days is None else str(p.business_days)
        d = p.due_on or date.today()
        self.set_state({"amount": amount, "unit": unit, "date": d.isoformat(), "text": p.text,
                        "status": p.status, "id": p.id})

    def editors(self) -> list[QWidget]:
        return [self.amount, self.unit, self.due_date, self.text, self.remove_button]
