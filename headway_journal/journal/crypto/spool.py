"""An exhibit on its way into a locked journal's store, encrypted while it is being received.

The store hashes, counts and sniffs an incoming file in its ``tmp/`` folder before it knows the
file's name in the store; in a locked journal those bytes must not sit on disk as plaintext even
for that moment (a crash would leave them there, and a deleted file can be read back from the
disk). The spool is AES-256-CTR under a key that exists only in this process's memory: after a
crash the leftover is unreadable noise. Its integrity is not needed here: the plaintext read back
is hashed again while it is sealed, and must match the hash taken while it was received.
"""

from __future__ import annotations

import io
import os
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes

__all__ = ["SpoolCipher"]


class _PlainReader(io.RawIOBase):
    """The spool's plaintext, read in order from the start."""

    def __init__(self, src: BinaryIO, decryptor: CipherContext) -> None:
        super().__init__()
        self._src = src
        self._decryptor = decryptor

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._decryptor.update(self._src.read(len(buffer)))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._src.close()
        super().close()


class SpoolCipher:
    """One incoming file's throwaway key: ``encrypt`` each chunk in order as it is written,
    ``open_plain`` to read the plaintext back from the start."""

    def __init__(self) -> None:
        self._cipher = Cipher(algorithms.AES(os.urandom(32)), modes.CTR(os.urandom(16)))
        self._encryptor = self._cipher.encryptor()

    def encrypt(self, chunk: bytes) -> bytes:
        return self._encryptor.update(chunk)

    def open_plain(self, path: str | os.PathLike[str]) -> BinaryIO:
        return io.BufferedReader(_PlainReader(open(path, "rb"), self._cipher.decryptor()))
