"""Exhibit files and the rows that refer to them: unused ("orphan") and missing files.

The attachment store is content-addressed and written before the database row, so a failure
between the two (a full disk, a file of an import that could not be read, a crash) can leave a
file no row refers to. Operations that store files therefore discard what they created when
they fail (``discard_unused``: only objects this operation put there, only when no row refers
to them once the transaction is over). What a crash leaves is found by ``exhibit_files_report``
(``check`` lists it) and removed, after the user confirms, by ``remove_unused``.

This module never imports Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..models import Attachment

if TYPE_CHECKING:  # pragma: no cover
    from ..service import JournalService

__all__ = [
    "ExhibitFilesReport",
    "MissingFile",
    "RemovedFiles",
    "UnusedFile",
    "created_blobs",
    "discard_unused",
    "exhibit_files_report",
    "remove_unused",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnusedFile:
    """A file in the store that no exhibit (not even a removed one) refers to."""

    sha256: str
    size: int
    path: Path

    def describe(self) -> str:
        return (f"orphan exhibit file {self.sha256[:2]}/{self.sha256[2:14]}\u2026 "
                f"({_size(self.size)}): in the attachment store, but no exhibit refers to it")


@dataclass(frozen=True)
class MissingFile:
    """An exhibit whose file is not in the store."""

    attachment_id: int
    case_id: int
    original_name: str
    sha256: str

    def describe(self) -> str:
        return (f"attachment {self.attachment_id} ({self.original_name}) of case "
                f"{self.case_id}: missing file (SHA-256 {self.sha256[:12]}\u2026 is not in the "
                "attachment store)")


@dataclass(frozen=True)
class ExhibitFilesReport:
    unused: tuple[UnusedFile, ...]
    missing: tuple[MissingFile, ...]

    @property
    def unused_bytes(self) -> int:
        return sum(f.size for f in self.unused)

    def lines(self) -> list[str]:
        return [m.describe() for m in self.missing] + [u.describe() for u in self.unused]


@dataclass(frozen=True)
class RemovedFiles:
    count: int
    size: int
    kept: int  # asked for, but in use again (or no longer there) when it came to removing


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} byte{'s' if n != 1 else ''}"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def _referenced(s: Any, hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` an exhibit row (removed ones included) refers to."""
    wanted = sorted(set(hashes))
    found: set[str] = set()
    q = select(Attachment.sha256).distinct()
    for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        found.update(s.scalars(q.where(Attachment.sha256.in_(wanted[start : start + 500]))))
    return found


def exhibit_files_report(svc: JournalService) -> ExhibitFilesReport:
    """The store's unused files and the exhibits whose file is missing."""
    store = svc.store
    with svc.journal.sessions() as s:
        rows = s.execute(select(Attachment.id, Attachment.case_id, Attachment.original_name,
                                Attachment.sha256).order_by(Attachment.id)).all()
    used = {r[3] for r in rows}
    stored = set(store.iter_hashes())
    missing = tuple(MissingFile(int(aid), int(cid), str(name), str(sha))
                    for aid, cid, name, sha in rows if sha not in stored)
    unused: list[UnusedFile] = []
    for sha in sorted(stored - used):
        path = Path(store.path_for(sha))
        try:
            size = path.stat().st_size
        except OSError:
            continue  # removed meanwhile
        unused.append(UnusedFile(sha, size, path))
    return ExhibitFilesReport(tuple(unused), missing)


def remove_unused(svc: JournalService, hashes: Iterable[str]) -> RemovedFiles:
    """Remove these unused files (and their thumbnails and print copies).

    Each is checked again inside a write transaction, so a file an exhibit refers to by now
    is kept. Raises OSError when the disk refuses (what was removed before stays removed).
    """
    wanted = sorted(set(hashes))
    store = svc.store
    removed = size = 0
    with svc.journal.session() as s:  # BEGIN IMMEDIATE: no exhibit row can be added meanwhile
        used = _referenced(s, wanted)
        for sha in wanted:
            if sha in used:
                continue
            path = Path(store.path_for(sha))
            try:
                n = path.stat().st_size
            except FileNotFoundError:
                continue
            store.delete(sha)
            removed += 1
            size += n
    return RemovedFiles(removed, size, len(wanted) - removed)


def created_blobs(blobs: Iterable[Any]) -> list[Any]:
    """The stored blobs among ``blobs`` that their own call put into the store."""
    return [b for b in blobs if getattr(b, "created", False) and getattr(b, "sha256", None)]


def discard_unused(svc: JournalService, blobs: Iterable[Any]) -> int:
    """After a failed operation: remove the files it created that no row refers to.

    Only blobs whose ``created`` flag is set count (a file that was already in the store
    belongs to whoever stored it first). Never raises: a file that cannot be removed stays an
    unused file, which ``check`` reports. Returns how many were removed.
    """
    mine = {b.sha256 for b in created_blobs(blobs)}
    if not mine:
        return 0
    try:
        result = remove_unused(svc, mine)
    except Exception as exc:  # the disk that failed may refuse this too
        _log.warning("could not remove the exhibit files of a failed operation (%s)",
                     type(exc).__name__)
        return 0
    return result.count
