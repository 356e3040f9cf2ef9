"""Garbage collection in a short command-line run (Qt-free, standard library only).

Building a case file allocates hundreds of thousands of objects (ReportLab's flowables and
canvas state, pypdf's objects), many of them in reference cycles. With CPython's default
thresholds the cyclic collector runs thousands of times during one build and walks every
live object again at each full collection: about a seventh of the command-line case file's
time, and importing the libraries a command needs makes the collector run hundreds of times
more. So every command of the command line runs inside :func:`fewer_collections` (``cli``;
not the window, which collects on its own thread: ``ui.gc_guard``). Cycles are still
collected, only in larger batches.

At the very end of a command-line process the interpreter collects all cyclic garbage once
more before exiting (about 0.1 s after a case file), only to hand the memory back to the
system; :func:`leave_garbage_to_exit` moves what is left out of the collector's sight
(``gc.freeze``) so the process ends at once; :func:`as_program` does the same when a
command's block ends (then the thresholds go back). ``atexit`` handlers, open files and everything
else still close as usual. Only the program's entry point calls it, right before it exits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["as_program", "fewer_collections", "leave_garbage_to_exit", "loading"]

YOUNG_THRESHOLD = 100_000  # objects allocated (net) before a young collection; default 700
_program = [False]  # this process is the program: it exits once its command is done


def as_program() -> None:
    """This process is the program run from a shell: once its command is done it exits, so
    :func:`fewer_collections` leaves the garbage it holds to the exit instead of collecting it
    all when it ends (with the default thresholds back, the next allocation would collect the
    whole build's garbage: a third of a second after a case file)."""
    _program[0] = True


@contextmanager
def fewer_collections(young: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Collect cyclic garbage in larger batches inside the block; the thresholds as they were
    afterwards. Does nothing where automatic collection is off (the window's own guard)."""
    before = gc.get_threshold()
    if not gc.isenabled() or before[0] >= young:
        yield
        return
    gc.set_threshold(young, max(before[1], 50), max(before[2], 100))
    try:
        yield
    finally:
        if _program[0]:
            leave_garbage_to_exit()
        gc.set_threshold(*before)


@contextmanager
def loading() -> Iterator[None]:
    """Load what a command needs (its modules, the journal's models) without the collector.

    Everything made inside the block lives until the process exits (modules, classes,
    functions, SQLAlchemy's mappers): the cyclic collector, run by the allocations, would walk
    it all and free nothing (the case file's first young collection, in the middle of its
    imports, took about 50 ms). Inside the block automatic collection is off; at its end what
    exists is moved out of the collector's sight (``gc.freeze``, as CPython's documentation
    suggests for objects made before a long-lived phase), so later collections walk only what
    the command makes afterwards, and automatic collection is as it was before. Does nothing
    where automatic collection is already off (the window).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def leave_garbage_to_exit() -> None:
    """The process is about to exit: skip the interpreter's last collection of garbage."""
    gc.freeze()
