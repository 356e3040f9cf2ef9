"""A read of the journal made on a thread while the window is still being built.

Building the main window is Python work that holds the interpreter's lock; a SQLite query
releases it while the database does its part. The window's first read (the sidebar's counts
and the 'due' view's ids: a pass over the pending promises, ~20 ms on a journal of 100,000
contacts) therefore runs beside the loading of the window's modules and the making of its
widgets on a machine with a second core, instead of after them (docs/performance.md, item 17).
No Qt here: the thread only calls the journal's service, whose connection pool serves threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["FirstRead"]

T = TypeVar("T")


class FirstRead(Generic[T]):
    """``read()`` running on its own thread from construction; ``result()`` waits for it."""

    def __init__(self, read: Callable[[], T]) -> None:
        self._read = read
        self._value: T | None = None
        self._error: BaseException | None = None
        self._taken = False
        self._thread = threading.Thread(target=self._run, name="headway-first-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._read()
        except BaseException as exc:  # handed to the caller of result(), on its thread
            self._error = exc

    def wait(self) -> None:
        """Until the read has ended (call before closing what it reads)."""
        self._thread.join()

    def result(self) -> T:
        """What ``read()`` returned, or the exception it raised, raised here; once only (a
        later read of the journal must be made afresh)."""
        if self._taken:
            raise RuntimeError("the first read was already taken")
        self.wait()
        self._taken = True
        error, self._error = self._error, None
        if error is not None:
            raise error
        value, self._value = self._value, None
        return value  # type: ignore[return-value]  # set by _run when no error was raised
