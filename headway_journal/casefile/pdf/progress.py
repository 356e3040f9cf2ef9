"""Progress and cancellation of one case-file build, shared by every stage."""

from __future__ import annotations

from collections.abc import Callable

from ... import i18n

__all__ = ["CancelledFn", "CaseFileCancelled", "Progress", "ProgressFn"]


class CaseFileCancelled(Exception):
    """The build was cancelled; no output file was written."""


ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


class Progress:
    """Reports a build's percentage (never going back) and stops it when it is cancelled."""

    def __init__(self, progress: ProgressFn | None, cancelled: CancelledFn | None) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._last_percent = -1

    def check(self) -> None:
        """Raise :class:`CaseFileCancelled` if the caller asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise CaseFileCancelled(i18n.text("case file build cancelled"))

    def report(self, percent: int, message: str) -> None:
        """Call ``progress(percent, 100, message)`` when the percentage moved on."""
        percent = max(0, min(100, percent))
        if self._progress is not None and percent != self._last_percent:
            self._last_percent = max(percent, self._last_percent)
            self._progress(self._last_percent, 100, message)
