"""A guard against a reference-count bug in PySide6 6.12.0 that ends in a hard crash.

With PySide6 6.12.0 on Python 3.11, every ``Signal.emit()`` made from Python drops one
reference to ``True`` (whatever the signal carries, connected or not; PySide6 6.11.3 does not).
On Python 3.12 and later ``True`` is immortal and nothing happens; on 3.11 its count starts in
the hundreds, so a session that emits a few thousand signals (progress, background tasks,
timers) reaches zero and the interpreter aborts with "Fatal Python error: bool_dealloc", losing
whatever was not yet saved. That is the crash on quit after printing and previewing that
users saw.

:func:`guard_bool_singletons` gives ``True`` and ``False`` a reserve of references so large
that no session can use it up: what Python 3.12 does for every singleton. It changes no value
and nothing else; it is a no-op where the bug cannot bite. Call it once at start-up, before
the first signal is emitted. No Qt here (the test suite's root calls it too).
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["RESERVE", "guard_bool_singletons"]

RESERVE = 1 << 40  # references added: more than any session could emit signals


def guard_bool_singletons() -> bool:
    """Make ``True`` and ``False`` effectively immortal on Python < 3.12; returns whether it
    did anything (False where they are immortal already, or already guarded)."""
    if sys.version_info >= (3, 12):
        return False
    changed = False
    for singleton in (True, False):
        # ob_refcnt is the first field of every object in a release build of CPython
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < RESERVE:
            count.value += RESERVE
            changed = True
    return changed
