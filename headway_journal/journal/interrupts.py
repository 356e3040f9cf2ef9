"""Ctrl+C, SIGTERM and SIGHUP for the command line: roll back, close cleanly, say so.

``catch_interrupts()`` makes those signals raise ``Interrupted`` (a KeyboardInterrupt, so every
``except BaseException: rollback`` path in the journal layer runs): the write transaction in
progress is rolled back, ``with`` blocks close the journal (with its clean-close stamp) and the
command line prints one line and exits with 128 + the signal's number (130, 143, 129).

A commit is never cut in two by this, and a command that did commit is never reported as rolled
back: ``shield_commits(engine)`` defers a signal that arrives from the moment a transaction
starts committing. The deferred signal is reported by ``deferred()`` (the command finished
first; the command line tells the user so).

No Qt here; the window has its own handling (``ui.shutdown``).
"""

from __future__ import annotations

import contextlib
import gc
import signal
import threading
import traceback
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event

from ..platform import quit_signals

# SIGHUP only where it exists (not on Windows): platform.quit_signals decides.
CLI_SIGNALS: tuple[signal.Signals, ...] = quit_signals()


class Interrupted(KeyboardInterrupt):
    """A quit signal arrived while a command was running."""

    def __init__(self, signum: int) -> None:
        self.signum = int(signum)
        super().__init__(self.name)

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class _State:
    shielded = False
    pending: int | None = None


_state = _State()


def _handler(signum: int, _frame: Any) -> None:
    if _state.shielded:
        if _state.pending is None:
            _state.pending = signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def catch_interrupts(signals: Iterable[signal.Signals] = CLI_SIGNALS) -> Iterator[None]:
    """While inside, ``signals`` raise Interrupted (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _handler) for sig in signals}
    _state.shielded, _state.pending = False, None
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
        _state.shielded = False


def deferred() -> Interrupted | None:
    """The signal that arrived after a commit had begun (the command completed), if any."""
    return None if _state.pending is None else Interrupted(_state.pending)


def shield_commits(engine: Engine) -> None:
    """From the moment a transaction of ``engine`` starts committing, defer quit signals.

    Call it once the command's last write is what remains (e.g. before an import): the open
    and its housekeeping commits come before. The shield stays up until ``catch_interrupts``
    ends (even if the commit fails: the command then reports its error, and the signal).
    """

    @event.listens_for(engine, "commit")
    def _commit(_conn: Any) -> None:
        _state.shielded = True


def release_frames(tb: TracebackType | None) -> None:
    """Let go of what the finished frames of a failed call still hold.

    A statement interrupted mid-way leaves its cursor in the traceback's frames; while that
    cursor lives, SQLite keeps the (already closed) connection open, so the journal could not
    close cleanly (its WAL would stay and the clean-close stamp would not be written). Call it
    before closing the journal on an exception; the traceback still prints, without locals.
    """
    if tb is None:
        return
    traceback.clear_frames(tb)
    gc.collect()
