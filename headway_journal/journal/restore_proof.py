"""Prove that a backup opens before it replaces anything. Never imports Qt.

``proven_copy(backup, folder)`` copies the backup (SQLite's backup API) into a private scratch
folder ``<journal>/.restore-proof-XXXX/`` and opens it there exactly as the app opens a journal:
the lock, the integrity check, the schema upgrade when the backup is older (with its own
"before-upgrade" copy, inside the scratch folder), the seed and the stored deadlines. Only when
all of that succeeds does it yield the opened, closed-again copy, which is what a restore then
puts in place; otherwise ``BackupWontOpen`` says why, and nothing outside the scratch folder was
touched. The scratch folder is on the journal's own disk (a large journal fits where it lives)
and is always removed; one left by a crash is removed by the next restore.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import i18n
from .db import DB_NAME, JournalError, JournalUpgradeFailed, sqlite_backup

__all__ = ["SCRATCH_PREFIX", "BackupWontOpen", "proven_copy", "remove_stale_scratch"]

SCRATCH_PREFIX = ".restore-proof-"


class BackupWontOpen(JournalError):
    """The backup could not be opened (or upgraded) by this app; the journal was not changed."""


def remove_stale_scratch(folder: Path) -> None:
    """Remove scratch folders a crashed restore left in ``folder`` (call with the lock held)."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(SCRATCH_PREFIX) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, JournalUpgradeFailed):
        return i18n.text("upgrading it to this version's schema failed: {reason}").format(reason=exc.reason)
    text = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
    return i18n.text("opening it failed: {name__}: {text}").format(name__=type(exc).__name__, text=text) if text else type(exc).__name__


@contextmanager
def proven_copy(backup: Path, folder: Path) -> Iterator[Path]:
    """Yield a copy of ``backup`` that opened (and was upgraded) in a scratch folder in
    ``folder``; raise BackupWontOpen when it does not open. The scratch folder is removed after."""
    from .service import JournalService

    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=folder))
    try:
        db = scratch / DB_NAME
        sqlite_backup(backup, db)
        try:
            JournalService.open(scratch).close()
        except Exception as exc:
            raise BackupWontOpen(
                i18n.text("The backup {name} was not restored because this version of Headway Journal cannot open it ({reason}). The journal was not changed.").format(name=backup.name, reason=_reason(exc))
            ) from exc
        yield db
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
