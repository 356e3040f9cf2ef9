"""One line of progress on the terminal for a long command (the JSON import).

Written to standard error, and only when it is a terminal: scripts that read the command's
output (or its errors) see exactly what they saw before. The line is rewritten in place
(a carriage return), at most every ``every_s`` seconds, and ended with a newline once the
count is complete or the command stops early, so what follows starts on a line of its own.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["CaseCount"]


class CaseCount:
    """``import_source``'s progress callback: "Importing NAME: 1,234 of 9,899 cases read"."""

    def __init__(self, name: str, stream: TextIO | None = None, every_s: float = 0.2) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.name = name
        self.every_s = every_s
        self.shown = self._is_terminal(self.stream)
        self._last = float("-inf")
        self._open = False  # a line written and not ended yet

    @staticmethod
    def _is_terminal(stream: TextIO) -> bool:
        try:
            return stream.isatty()
        except (AttributeError, ValueError, OSError):  # closed or not a real stream
            return False

    def __call__(self, read: int, total: int) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        done = read >= total
        if not done and now - self._last < self.every_s:
            return
        self._last = now
        tail = "; saving…\n" if done else ""
        self.stream.write(f"\rImporting {self.name}: {read:,} of {total:,} cases read{tail}")
        self.stream.flush()
        self._open = not done

    def __enter__(self) -> CaseCount:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._open:  # stopped early (a problem, Ctrl+C): the next line starts afresh
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
