"""The journals unlocked in this process: their keys, by folder, held in memory only.

Opening a locked journal with its keys (``db.open_journal(keys=...)``) remembers them here, so
every other connection the app makes to a database in that folder -- a backup in ``backups/``,
the scratch copy a restore proves, the schema and integrity checks, the checkpoint at close --
is keyed without each caller passing them on. A file that is plain SQLite (its header is
readable) is never keyed, so a plain journal's files and its copies are read as they are.
``forget`` drops them (the window's idle lock); nothing here is ever written anywhere.

Cheap to import: no cryptography until a remembered journal's file is opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .keys import JournalKeys

__all__ = ["LOCKBOX_NAME", "forget", "forget_all", "is_plain_sqlite", "keys_for", "remember", "resolve_keys"]

SQLITE_HEADER = b"SQLite format 3\x00"
LOCKBOX_NAME = "lockbox.json"  # a journal folder holding it is locked (crypto.lockbox)

_UNLOCKED: dict[Path, JournalKeys] = {}


def _key(folder: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(folder))


def remember(folder: str | os.PathLike[str], keys: JournalKeys) -> None:
    _UNLOCKED[_key(folder)] = keys


def forget(folder: str | os.PathLike[str]) -> None:
    _UNLOCKED.pop(_key(folder), None)


def forget_all() -> None:
    _UNLOCKED.clear()


def keys_for(path: str | os.PathLike[str]) -> JournalKeys | None:
    """The keys of the unlocked journal whose folder holds ``path`` (at any depth), if any."""
    if not _UNLOCKED:
        return None
    where = _key(path)
    for folder in (where, *where.parents):
        found = _UNLOCKED.get(folder)
        if found is not None:
            return found
    return None


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (its header is readable)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def resolve_keys(db_path: str | os.PathLike[str], keys: JournalKeys | None) -> JournalKeys | None:
    """The keys to open the database file ``db_path`` with: ``keys`` if given, else those of
    the unlocked journal holding it -- unless the file is plain SQLite (then None)."""
    if keys is not None:
        return keys
    found = keys_for(db_path)
    if found is None:
        found = _only_keys_for_existing(Path(db_path))
    if found is None or is_plain_sqlite(Path(db_path)):
        return None
    return found


def _only_keys_for_existing(path: Path) -> JournalKeys | None:
    """An existing encrypted file outside every unlocked journal (a backup saved elsewhere,
    chosen for a restore): the keys of the one journal unlocked in this process, if only one
    is (a backup of another journal does not open with them, and is refused as unreadable)."""
    distinct = set(_UNLOCKED.values())
    if len(distinct) != 1:
        return None
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    return next(iter(distinct))
