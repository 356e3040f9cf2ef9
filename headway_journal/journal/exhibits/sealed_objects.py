"""The objects of a locked journal's exhibit store: sealed files under keyed names.

A plain store keeps an exhibit at ``objects/ab/cdef...`` named by the SHA-256 of its bytes.
A locked journal's store keeps the same layout, but the name is HMAC(names key, SHA-256)
(``JournalKeys.keyed_name``: the names do not tell whether the store holds a file someone
else has) and the file is sealed (``crypto.sealed``: AES-256-GCM in chunks, any change found).
Derived files (thumbnails, print copies) are sealed the same way under their own keyed names.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..crypto import sealed
from ..crypto.keys import JournalKeys
from ..fsutil import make_private_dir

__all__ = ["iter_object_files", "object_path", "open_object", "plain_object_path",
           "seal_object", "unseal_object", "verify_object"]

OBJECTS = "objects"


def plain_object_path(root: Path, sha256: str) -> Path:
    return root / OBJECTS / sha256[:2] / sha256[2:]


def object_path(root: Path, keys: JournalKeys, sha256: str) -> Path:
    """Where the sealed object of the content ``sha256`` lives in the store ``root``."""
    name = keys.keyed_name(sha256)
    return root / OBJECTS / name[:2] / name[2:]


def iter_object_files(root: Path) -> Iterator[Path]:
    """Every file under ``objects/<two hex>/`` (plain or sealed), sorted."""
    try:
        fanouts = sorted((root / OBJECTS).iterdir())
    except FileNotFoundError:
        return
    for fanout in fanouts:
        if len(fanout.name) == 2 and fanout.is_dir() and not fanout.is_symlink():
            yield from (e for e in sorted(fanout.iterdir()) if e.is_file() and not e.is_symlink())


def seal_object(root: Path, keys: JournalKeys, src: Path | BinaryIO,
                expected_sha256: str | None = None) -> str:
    """Seal the plaintext ``src`` into the store ``root``; returns its SHA-256. With
    ``expected_sha256``, content that does not match it is refused (ValueError), nothing kept."""
    tmp_dir = root / "tmp"
    make_private_dir(root / OBJECTS)
    make_private_dir(tmp_dir)
    tmp = tmp_dir / f"seal-{os.getpid()}-{os.urandom(6).hex()}.part"
    try:
        sha = sealed.seal_file(keys.files, src, tmp)
        if expected_sha256 is not None and sha != expected_sha256:
            raise ValueError("the exhibit's bytes do not match its SHA-256")
        dest = object_path(root, keys, sha)
        make_private_dir(dest.parent)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return sha


def open_object(keys: JournalKeys, path: Path) -> Iterator[bytes]:
    """The plaintext of a sealed file, chunk by chunk (SealedFileDamaged on any change)."""
    with open(path, "rb") as fh:
        yield from sealed.iter_plaintext(keys.files, fh)


def unseal_object(keys: JournalKeys, path: Path, dst: BinaryIO) -> str:
    """Write the plaintext of the sealed file ``path`` to ``dst``; returns its SHA-256."""
    digest = hashlib.sha256()
    for chunk in open_object(keys, path):
        digest.update(chunk)
        dst.write(chunk)
    return digest.hexdigest()


def verify_object(root: Path, keys: JournalKeys, sha256: str,
                  expected_size: int | None = None) -> str | None:
    """None if the sealed object of ``sha256`` opens and hashes to it; else what is wrong
    ("missing", "size differs", "altered (SHA-256 mismatch)", "altered (it does not open)")."""
    path = object_path(root, keys, sha256)
    if not path.is_file():
        return "missing"
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in open_object(keys, path):
            digest.update(chunk)
            size += len(chunk)
    except sealed.SealedFileDamaged:
        return "altered (it does not open)"
    except OSError as exc:
        return f"unreadable ({exc.strerror or type(exc).__name__})"
    if expected_size is not None and size != expected_size:
        return "size differs"
    return None if digest.hexdigest() == sha256 else "altered (SHA-256 mismatch)"
