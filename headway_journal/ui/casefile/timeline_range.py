"""The "Timeline" box of the case-file dialog: limit the case file to contacts between two dates.

A case with more contacts than one case file can hold (``MAX_CASEFILE_CONTACTS``) opens with a
range already set to the latest contacts that fit, and the box says why. The count of contacts
in the range is a cheap query (``JournalService.contact_span``); nothing is loaded here.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...casefile import service_bridge
from ...casefile.service_bridge import estimated_pages
from ..format import plural

__all__ = ["TimelineRangeBox", "fitting_range"]

_WINDOWS = (365, 180, 90, 30, 7, 0)  # days before the last contact tried for a range that fits


def fitting_range(service: Any, case_id: int, limit: int | None = None
                  ) -> tuple[date, date] | None:
    """None when the whole case fits in one case file (``limit`` contacts, by default
    ``MAX_CASEFILE_CONTACTS``); else the longest range ending on the last contact (a year,
    half a year, ... one day) that fits, or that last day alone."""
    limit = service_bridge.MAX_CASEFILE_CONTACTS if limit is None else limit
    total, _first, last = service.contact_span(case_id)
    if total <= limit or last is None:
        return None
    for days in _WINDOWS:
        start = last - timedelta(days=days)
        if service.contact_span(case_id, start, last)[0] <= limit:
            return start, last
    return last, last


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class TimelineRangeBox(QGroupBox):
    """"Only contacts from [date] to [date]", with the count of contacts in that range."""

    changed = Signal()  # the range or its switch changed

    def __init__(self, service: Any, case_id: int, parent: QWidget | None = None, *,
                 limit: int | None = None) -> None:
        super().__init__(QCoreApplication.translate("TimelineRangeBox", "Timeline"), parent)
        self.service = service
        self.case_id = case_id
        self.limit = service_bridge.MAX_CASEFILE_CONTACTS if limit is None else limit
        self.total, first, last = service.contact_span(case_id)
        today = date.today()
        self.range_check = QCheckBox(QCoreApplication.translate("TimelineRangeBox", "Only contacts from"), self)
        self.range_check.setAccessibleName(QCoreApplication.translate("TimelineRangeBox", "Only contacts in a date range"))
        self.range_check.setToolTip(self.tr("Put only the contacts between these two dates "
                                            "in the case file"))
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit, name, day in ((self.from_edit, QCoreApplication.translate("TimelineRangeBox", "From date"), first or today),
                                (self.to_edit, QCoreApplication.translate("TimelineRangeBox", "To date"), last or today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setToolTip(self.tr("Year, month and day; the arrow keys change the part "
                                    "the cursor is in"))
            edit.setDate(_qdate(day))
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(QCoreApplication.translate("TimelineRangeBox", "Contacts in the case file"))
        row = QHBoxLayout()
        row.addWidget(self.range_check)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(QCoreApplication.translate("TimelineRange", "to"), self))
        row.addWidget(self.to_edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.state_label)
        fit = fitting_range(service, case_id, limit)
        if fit is not None:
            self.from_edit.setDate(_qdate(fit[0]))
            self.to_edit.setDate(_qdate(fit[1]))
            self.range_check.setChecked(True)
        self.range_check.toggled.connect(self._changed)
        self.from_edit.dateChanged.connect(self._changed)
        self.to_edit.dateChanged.connect(self._changed)
        self._update()

    def selected(self) -> tuple[date | None, date | None]:
        """(first, last) when the range is on, else (None, None)."""
        if not self.range_check.isChecked():
            return None, None
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def problem(self) -> str | None:
        """Why no case file can be made with this range, or None."""
        first, last = self.selected()
        if first is not None and last is not None and first > last:
            return QCoreApplication.translate("TimelineRangeBox", "The range starts after it ends.")
        count = self.count()
        if count > self.limit:
            where = QCoreApplication.translate("TimelineRangeBox", " in this range") if first is not None else ""
            return (QCoreApplication.translate("TimelineRangeBox", "{count:,} contacts{where}: the "
                                                                   "case file would run to about "
                                                                   "{estimated_pages:,} pages, "
                                                                   "more than one file can hold "
                                                                   "(at most {limit:,} contacts). "
                                                                   "Choose a shorter date "
                                                                   "range.").format(
                                                                       count=count, where=where,
                                                                       estimated_pages=estimated_pages(count),
                                                                       limit=self.limit))
        return None

    def count(self) -> int:
        first, last = self.selected()
        if first is None:
            return int(self.total)
        return int(self.service.contact_span(self.case_id, first, last)[0])

    def _changed(self, *_args: object) -> None:
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        on = self.range_check.isChecked()
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        problem = self.problem()
        if problem is not None:
            self.state_label.setText(f"<b>{problem}</b>")
            return
        count = self.count()
        others = self.total - count
        text = QCoreApplication.translate("TimelineRangeBox", "{count} in the case "
                                                              "file").format(
                                                                  count=plural(count, "contact"))
        if others:
            text += QCoreApplication.translate("TimelineRangeBox", "; {others} not included").format(
                                                                       others=plural(others, "other"))
        self.state_label.setText(text + ".")
