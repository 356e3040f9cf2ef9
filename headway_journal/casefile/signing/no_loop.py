"""Running pyHanko's coroutines on an event loop that opens no socket.

pyHanko's synchronous functions wrap ``asyncio.run``, whose selector event loop opens a socket
pair to wake itself from other threads. Signing with a local key and checking without fetching
need no such wake-up (everything runs on this thread), and an app that makes no network
connections should open no sockets at all (a test refusing every socket would fail). So the
loop here skips its self-pipe; ``_write_to_self`` already does nothing without one. These are
overrides of the standard library's private methods (CPython 3.11-3.13 keep them).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

__all__ = ["run_on_private_loop"]

T = TypeVar("T")


class _NoSelfPipeLoop(asyncio.SelectorEventLoop):
    def _make_self_pipe(self) -> None:
        self._ssock = self._csock = None

    def _close_self_pipe(self) -> None:
        self._ssock = self._csock = None


def run_on_private_loop(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """The result of the coroutine ``make()`` makes, run to its end on a private loop."""
    loop = _NoSelfPipeLoop()
    try:
        return loop.run_until_complete(make())
    finally:
        loop.close()
