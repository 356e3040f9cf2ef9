"""Atomic file writes: a temporary file beside the target, fsync, rename, fsync of the folder.

A reader (or a crash) sees the old file whole or the new file whole, never a part. The
temporary file is named ``.<name>.<random>.part`` (a long name cut) in the target's folder
(a rename never crosses file systems) and is removed when writing fails. Never imports Qt.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from .. import platform

__all__ = ["fsync_dir", "fsync_file", "make_private_dir", "replace_durably", "write_atomic",
           "write_atomic_with", "write_text_atomic"]


def make_private_dir(path: Path) -> None:
    """Create the folder ``path`` (and its parents) readable by its owner alone (0700 on
    POSIX; on Windows the user profile's ACL, see ``platform``)."""
    platform.make_private_dir(path)


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """Make a rename or a new name in the folder ``path`` durable (best effort: some file
    systems cannot open or sync a folder, which is not an error)."""
    with suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Flush a file written by someone else (SQLite, a copy) to the disk."""
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def replace_durably(tmp: str | os.PathLike[str], dest: str | os.PathLike[str]) -> None:
    """Move the complete file ``tmp`` over ``dest``: fsync it, rename, fsync the folder."""
    fsync_file(tmp)
    os.replace(tmp, dest)
    fsync_dir(Path(dest).parent)


def write_atomic_with(path: str | os.PathLike[str], fill: Callable[[BinaryIO], object], *,
                      mode: int = 0o600, durable: bool = True) -> None:
    """Replace ``path`` with what ``fill`` writes to the open binary file it is given.

    ``path`` keeps its old content until ``fill`` returned and the new content is on disk;
    an exception from ``fill`` (or a full disk) leaves ``path`` as it was and no temporary file
    behind. ``durable=False`` skips the fsyncs (for caches that are checked and redone).
    """
    dest = Path(path)
    # ".<name>.<8 random>.part" must itself fit a name's 255 bytes: a long name is cut.
    stem = dest.name.encode("utf-8")[:200].decode("utf-8", "ignore")
    fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".part", dir=dest.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, dest)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(dest.parent)


def write_atomic(path: str | os.PathLike[str], data: bytes, mode: int = 0o600, *,
                 durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (see ``write_atomic_with``)."""
    write_atomic_with(path, lambda fh: fh.write(data), mode=mode, durable=durable)


def write_text_atomic(path: str | os.PathLike[str], text: str, mode: int = 0o600, *,
                      durable: bool = True) -> None:
    """Replace ``path`` with ``text`` in UTF-8 atomically (see ``write_atomic_with``)."""
    write_atomic(path, text.encode("utf-8"), mode, durable=durable)
