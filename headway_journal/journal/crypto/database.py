"""The database of a locked journal: SQLCipher 4 (the ``sqlcipher3`` module), keyed with the
journal's raw database key, and the conversions between a plain and an encrypted file.

SQLCipher encrypts every page (AES-256, HMAC-SHA512 per page), the WAL and the rollback
journal included, and FTS5 works as in SQLite. The key is set as the first statement on every
connection (``apply_key``); a wrong key shows up at the first read as "file is not a
database", which ``check_key`` turns into ``WrongDatabaseKey``.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, suppress
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher_dbapi2

from .keys import JournalKeys

__all__ = ["WrongDatabaseKey", "apply_key", "check_key", "convert_database", "dbapi",
           "is_plain_sqlite"]

SQLITE_HEADER = b"SQLite format 3\x00"


class WrongDatabaseKey(ValueError):
    """The key does not open this database (or the file is not a database)."""


def dbapi() -> ModuleType:
    """The DB-API module of SQLCipher (``sqlcipher3.dbapi2``)."""
    module: ModuleType = sqlcipher_dbapi2
    return module


def apply_key(connection: Any, keys: JournalKeys) -> None:
    """Key a fresh SQLCipher connection; must run before anything else on it. SQLCipher's
    own log (to stderr: "hmac check failed ...") is silenced: a wrong key is reported once,
    in words, by the caller."""
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(keys.sqlcipher_key_pragma())


def check_key(connection: Any) -> None:
    """Read the schema once: a wrong key (or a plain or damaged file) fails here."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:  # sqlcipher3.DatabaseError: "file is not a database"
        raise WrongDatabaseKey("The key does not open this database.") from exc


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (its header is readable)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def convert_database(src: Path, dest: Path, *, src_keys: JournalKeys | None,
                     dest_keys: JournalKeys | None) -> None:
    """Copy the database ``src`` to the new file ``dest``, encrypting, decrypting or re-keying
    it (``None`` means plain) with ``sqlcipher_export``. ``dest`` must not exist; on failure
    it is removed, and ``src`` is never changed."""
    if dest.exists():
        raise FileExistsError(f"{dest} already exists")
    module = dbapi()
    try:
        with closing(module.connect(os.fspath(src), isolation_level=None)) as conn:
            if src_keys is not None:
                apply_key(conn, src_keys)
            check_key(conn)
            target = "''" if dest_keys is None else f"\"x'{dest_keys.database.hex()}'\""
            conn.execute("ATTACH DATABASE ? AS converted KEY " + target, (os.fspath(dest),))
            conn.execute("SELECT sqlcipher_export('converted')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")
            conn.execute("DETACH DATABASE converted")
        os.chmod(dest, 0o600)
        with open(dest, "rb") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        with suppress(OSError):
            dest.unlink()
        raise


def plain_connect(path: Path) -> sqlite3.Connection:
    """A connection of the standard sqlite3 module (for the checks of a plain file)."""
    return sqlite3.connect(os.fspath(path))
