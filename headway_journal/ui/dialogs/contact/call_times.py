"""Start, end and duration of a contact, kept consistent in the contact dialog.

The duration always follows from the start and the end. The rule, as the dialog states it:

* changing the **start** moves the **end** with it, so the duration stays (like a calendar
  event: correcting the day or the hour of a call does not change how long it lasted);
* changing the **end** changes the duration;
* changing the **duration** moves the end (start + duration).

While no end is set the call is still running: the duration is the clock, from the start (as
typed, or the moment the dialog opened) to the moment the contact is saved.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QObject, QTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QSpinBox

from ...translated import QT_TRANSLATE_NOOP

MAX_CALL_MINUTES = 24 * 60  # the journal refuses longer contacts
RULE_HINT = (QT_TRANSLATE_NOOP("call_times", "Changing the start moves the end with it, so the duration stays; change the end "
             "or the duration to correct how long it lasted."))


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second))


def from_qdatetime(qdt: QDateTime) -> datetime:
    d, t = qdt.date(), qdt.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
    return naive.astimezone()


def whole_minutes(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds() // 60))


class CallTimes(QObject):
    """Links the dialog's Started, Ended (check and time) and Duration editors."""

    def __init__(self, start: QDateTimeEdit, ended: QCheckBox, end: QDateTimeEdit,
                 duration: QSpinBox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.start, self.ended, self.end, self.duration = start, ended, end, duration
        self._busy = False
        self._start_shown = from_qdatetime(start.dateTime())
        duration.setRange(0, MAX_CALL_MINUTES)
        start.dateTimeChanged.connect(self._start_changed)
        end.dateTimeChanged.connect(lambda _d: self.sync_duration())
        ended.toggled.connect(lambda _on: self.sync_duration())
        duration.valueChanged.connect(self._duration_changed)

    def rebase(self) -> None:
        """The start was set by the program (loading a contact or a draft): no end moves."""
        self._start_shown = from_qdatetime(self.start.dateTime())
        self.sync_duration()

    def set_start(self, moment: datetime) -> None:
        self._busy = True
        try:
            self.start.setDateTime(to_qdatetime(moment))
        finally:
            self._busy = False
        self.rebase()

    def set_end(self, moment: datetime) -> None:
        self._busy = True
        try:
            self.end.setDateTime(to_qdatetime(moment))
        finally:
            self._busy = False
        self.sync_duration()

    def sync_duration(self) -> None:
        """Show end − start in the Duration box (only while an end is set)."""
        self.duration.setVisible(self.ended.isChecked())
        if not self.ended.isChecked():
            return
        minutes = whole_minutes(from_qdatetime(self.start.dateTime()),
                                from_qdatetime(self.end.dateTime()))
        self._busy = True
        try:
            self.duration.setValue(min(minutes, MAX_CALL_MINUTES))
        finally:
            self._busy = False

    def _start_changed(self, qdt: QDateTime) -> None:
        new = from_qdatetime(qdt)
        delta = new - self._start_shown
        self._start_shown = new
        if self._busy or not self.ended.isChecked() or not delta:
            self.sync_duration()
            return
        self.set_end(from_qdatetime(self.end.dateTime()) + delta)

    def _duration_changed(self, minutes: int) -> None:
        if self._busy or not self.ended.isChecked():
            return
        start = from_qdatetime(self.start.dateTime())
        self._busy = True
        try:
            self.end.setDateTime(to_qdatetime(start + timedelta(minutes=minutes)))
        finally:
            self._busy = False
