"""Sealed files: authenticated encryption of a whole file, read and written in chunks.

Every file an encrypted journal keeps beside its database (exhibits, thumbnails, print copies,
backups, drafts) is written in this format, so memory stays bounded for a 200 MB exhibit and
any change to the file is found when it is read.

Layout::

    MAGIC (8 bytes) | version (1) | chunk size (4, big-endian) | file id (16 random bytes)
    chunk 0 | chunk 1 | ... | last chunk

Each chunk is AES-256-GCM ciphertext of up to ``chunk size`` plaintext bytes plus its 16-byte
tag. The key of a file is derived from the journal's file key and the file id (HKDF), so two
files never share a key and nonces cannot repeat across files. A chunk's nonce is its index
(11 bytes) and a last-chunk flag (1 byte) -- the STREAM construction: chunks that are reordered,
dropped, duplicated, or a file cut after any chunk or with bytes appended, all fail to open.
The header is the associated data of every chunk, so it cannot be altered either.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Iterator
from dataclasses import dataclass
from hashlib import sha256
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..fsutil import write_atomic_with

__all__ = ["CHUNK_SIZE", "MAGIC", "SealedFileDamaged", "is_sealed", "open_bytes", "open_file",
           "open_stream", "seal_bytes", "seal_file", "seal_stream", "iter_plaintext"]

MAGIC = b"HJSEAL\x00\x01"
VERSION = 1
CHUNK_SIZE = 64 * 1024
_TAG = 16
_HEADER = len(MAGIC) + 1 + 4 + 16
_MAX_CHUNK = 16 * 1024 * 1024


class Digest(Protocol):
    """What ``seal_stream`` feeds the plaintext to (a ``hashlib`` object)."""

    def update(self, data: bytes, /) -> None: ...


class SealedFileDamaged(ValueError):
    """A sealed file that does not open: not sealed, changed, cut short, or another key."""


@dataclass(frozen=True)
class _Header:
    raw: bytes
    chunk_size: int
    file_id: bytes


def _file_cipher(file_key: bytes, file_id: bytes) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=file_id,
               info=b"headway-journal sealed file v1").derive(file_key)
    return AESGCM(key)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _make_header(chunk_size: int) -> _Header:
    file_id = os.urandom(16)
    raw = MAGIC + bytes([VERSION]) + chunk_size.to_bytes(4, "big") + file_id
    return _Header(raw, chunk_size, file_id)


def _read_header(src: BinaryIO) -> _Header:
    raw = src.read(_HEADER)
    if len(raw) < _HEADER or not raw.startswith(MAGIC):
        raise SealedFileDamaged("not a sealed file of this journal (no header)")
    if raw[len(MAGIC)] != VERSION:
        raise SealedFileDamaged(f"sealed with an unknown format version {raw[len(MAGIC)]}")
    chunk_size = int.from_bytes(raw[len(MAGIC) + 1:len(MAGIC) + 5], "big")
    if not 0 < chunk_size <= _MAX_CHUNK:
        raise SealedFileDamaged("the header is damaged (chunk size)")
    return _Header(raw, chunk_size, raw[len(MAGIC) + 5:])


def seal_stream(file_key: bytes, src: BinaryIO, dst: BinaryIO, *,
                chunk_size: int = CHUNK_SIZE, digest: Digest | None = None) -> int:
    """Write ``src`` sealed to ``dst``; returns the number of plaintext bytes. ``digest``,
    when given, is updated with the plaintext as it is read."""
    header = _make_header(chunk_size)
    cipher = _file_cipher(file_key, header.file_id)
    dst.write(header.raw)
    total = 0
    index = 0
    block = src.read(chunk_size)
    while True:
        following = src.read(chunk_size) if len(block) == chunk_size else b""
        last = not following
        dst.write(cipher.encrypt(_nonce(index, last), block, header.raw))
        if digest is not None:
            digest.update(block)
        total += len(block)
        if last:
            return total
        block = following
        index += 1


def iter_plaintext(file_key: bytes, src: BinaryIO) -> Iterator[bytes]:
    """The plaintext of a sealed stream, chunk by chunk; raises ``SealedFileDamaged`` at the
    first chunk that does not open (nothing after it is given)."""
    header = _read_header(src)
    cipher = _file_cipher(file_key, header.file_id)
    size = header.chunk_size + _TAG
    index = 0
    block = src.read(size)
    while True:
        if len(block) < _TAG:
            raise SealedFileDamaged("the file is cut short")
        following = src.read(size) if len(block) == size else b""
        last = not following
        try:
            yield cipher.decrypt(_nonce(index, last), block, header.raw)
        except InvalidTag:
            raise SealedFileDamaged(
                "the file was changed, cut short or sealed with another key") from None
        if last:
            return
        block = following
        index += 1


def open_stream(file_key: bytes, src: BinaryIO, dst: BinaryIO) -> int:
    """Write the plaintext of sealed ``src`` to ``dst``; returns its length."""
    total = 0
    for part in iter_plaintext(file_key, src):
        dst.write(part)
        total += len(part)
    return total


def seal_bytes(file_key: bytes, data: bytes, *, chunk_size: int = CHUNK_SIZE) -> bytes:
    out = BytesIO()
    seal_stream(file_key, BytesIO(data), out, chunk_size=chunk_size)
    return out.getvalue()


def open_bytes(file_key: bytes, blob: bytes) -> bytes:
    return b"".join(iter_plaintext(file_key, BytesIO(blob)))


def seal_file(file_key: bytes, src: BinaryIO | Path, dest: Path) -> str:
    """Seal ``src`` (an open binary file or a path) into ``dest`` atomically and privately.

    Returns the SHA-256 of the plaintext, computed while sealing (one read of the source).
    """
    digest = sha256()

    def fill(fh: BinaryIO) -> None:
        if isinstance(src, Path):
            with open(src, "rb") as plain:
                seal_stream(file_key, plain, fh, digest=digest)
        else:
            seal_stream(file_key, src, fh, digest=digest)

    write_atomic_with(dest, fill)
    return digest.hexdigest()


def open_file(file_key: bytes, path: Path, dst: BinaryIO) -> int:
    with open(path, "rb") as fh:
        return open_stream(file_key, fh, dst)


def is_sealed(path: Path) -> bool:
    """Whether ``path`` starts like a sealed file (says nothing of whether it opens)."""
    try:
        with open(path, "rb") as fh:
            return hmac.compare_digest(fh.read(len(MAGIC)), MAGIC)
    except OSError:
        return False
