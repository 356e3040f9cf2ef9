"""The last step of a conversion (``convert``): the new journal's entries replace the old.

``<folder>/.convert-new/`` holds the new journal; once ``convert.commit`` exists (written
atomically, listing the entries the new journal has) it is the journal, and ``swap_in``
moves the old entries to ``.convert-old/`` and the new ones into place, then removes the
marker and the old entries. ``recover`` runs at every open, under the folder lock: without
a marker it removes an unfinished ``.convert-new`` (the old journal is the journal), with
one it finishes the swap. Cheap to import (``db`` calls it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from ...platform import FileLock, LockBusy
from ..fsutil import fsync_dir, make_private_dir

__all__ = ["MARKER", "NEW_DIR", "OLD_DIR", "pending", "recover", "remove_entry", "settle",
           "swap_in"]

NEW_DIR = ".convert-new"
OLD_DIR = ".convert-old"
MARKER = "convert.commit"
# The journal's own entries, which a conversion replaces (``db.JOURNAL_ENTRIES``; anything
# else in the folder stays where it is).
LOCK_NAME = "journal.lock"  # db.LOCK_NAME
JOURNAL_ENTRIES = ("journal.sqlite3", "journal.sqlite3-wal", "journal.sqlite3-shm",
                   "journal.verified", "attachments", "backups", "drafts", "lockbox.json")


def remove_entry(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with suppress(FileNotFoundError):
            path.unlink()


def pending(folder: Path) -> bool:
    """Whether a conversion left something behind in ``folder`` (finished or not)."""
    return any(os.path.lexists(folder / name) for name in (MARKER, NEW_DIR, OLD_DIR))


def settle(folder: Path) -> None:
    """``recover`` under the folder's lock, if anything is pending (before asking whether the
    journal is locked: a swap cut short may have moved the lockbox only half way). When the
    lock is busy, whoever holds it has settled it or is converting."""
    if not pending(folder):
        return
    lock = FileLock(folder / LOCK_NAME)
    try:
        lock.acquire()
    except LockBusy:
        return
    try:
        recover(folder)
    finally:
        lock.release()


def recover(folder: Path) -> None:
    """Finish or undo a conversion that was cut short (call with the folder lock held)."""
    new, old = folder / NEW_DIR, folder / OLD_DIR
    if not pending(folder):
        return
    if not (folder / MARKER).exists():
        for leftover in (new, old):  # not committed: the old journal is the journal
            if leftover.exists():
                remove_entry(leftover)
        return
    swap_in(folder)


def swap_in(folder: Path, step: Callable[[str], None] | None = None) -> None:
    """Step 5: old entries out, new ones in, marker gone. Idempotent: after a crash in the
    middle, running it again continues where it stopped."""
    new, old = folder / NEW_DIR, folder / OLD_DIR
    moved = set((folder / MARKER).read_text(encoding="utf-8").split())
    make_private_dir(old)
    for name in JOURNAL_ENTRIES:
        target = folder / name
        arriving = name in moved and os.path.lexists(new / name)
        if os.path.lexists(target) and (arriving or name not in moved):
            if os.path.lexists(old / name):
                remove_entry(old / name)  # a leftover of an earlier attempt
            os.replace(target, old / name)
        if arriving:
            os.replace(new / name, target)
        if step is not None:
            step(f"moved {name}")
    fsync_dir(folder)
    (folder / MARKER).unlink()
    fsync_dir(folder)
    remove_entry(old)
    remove_entry(new)


