"""The keys an encrypted journal uses, all derived from its master key (HKDF-SHA256).

- ``database``: SQLCipher's raw key (``PRAGMA key = "x'...'"``), so the KDF runs once per
  unlock (SQLCipher's own PBKDF2 is skipped);
- ``files``: the key of every sealed file (``sealed``);
- ``names``: keyed content addresses: an exhibit is stored under HMAC(names, SHA-256 of its
  content), so the store's file names do not tell whether it holds a file someone else has.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = ["JournalKeys", "retry_delay"]


def _derive(master: bytes, label: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"headway-journal {label} v1".encode("ascii")).derive(master)


@dataclass(frozen=True, repr=False)
class JournalKeys:
    database: bytes
    files: bytes
    names: bytes

    @classmethod
    def from_master(cls, master: bytes) -> JournalKeys:
        if len(master) != 32:
            raise ValueError("a master key has 32 bytes")
        return cls(database=_derive(master, "database"), files=_derive(master, "files"),
                   names=_derive(master, "names"))

    def sqlcipher_key_pragma(self) -> str:
        """The statement that opens the database (a raw key: no KDF inside SQLCipher)."""
        return f"PRAGMA key = \"x'{self.database.hex()}'\""

    def keyed_name(self, sha256_hex: str) -> str:
        """The store name of content whose SHA-256 is ``sha256_hex``."""
        return hmac.new(self.names, bytes.fromhex(sha256_hex), hashlib.sha256).hexdigest()

    def __repr__(self) -> str:  # never print a key into a log or a traceback
        return "JournalKeys(<hidden>)"


def retry_delay(failures: int) -> float:
    """Seconds to wait before the next try after ``failures`` wrong passphrases in a row:
    none for the first three, then 1, 2, 4 ... up to 30."""
    if failures < 3:
        return 0.0
    return float(min(30, 2 ** (failures - 3)))
