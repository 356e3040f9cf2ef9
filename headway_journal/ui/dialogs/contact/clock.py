"""The contact dialog's clock in words: local time now, its UTC offset, elapsed time."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

__all__ = ["clock_text", "local_now", "offset_label"]


def local_now() -> datetime:
    """This computer's time now, with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def offset_label(moment: datetime) -> str:
    """'UTC+02:00', 'UTC−05:00' (a real minus sign), 'UTC+00:00': the offset of ``moment``."""
    off = moment.utcoffset() or timedelta()
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return QCoreApplication.translate("clock", "UTC{sign}{value:02d}:{value2:02d}").format(sign=sign, value=minutes // 60, value2=minutes % 60)


def clock_text(seconds: float) -> str:
    """The call timer: '04:05', '1:02:03' from an hour on; never negative."""
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"

