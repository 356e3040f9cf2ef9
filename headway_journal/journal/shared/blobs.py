"""Exhibits of a shared journal, kept in the database: content-addressed, deduplicated and
stored in chunks, so one pg_dump backs up everything and a 200 MB file never sits in memory.

``DatabaseAttachmentStore`` is the folder store (``exhibits.store.AttachmentStore``) with the
database behind it. Its folder is this user's local cache: a file added is streamed into the
database in ``CHUNK`` pieces (once per content: a blob already there is not sent again), and an
object another person added is fetched chunk by chunk into the cache the first time it is
needed, checked against its SHA-256 before it is used. Thumbnails and print copies are made from
the cached copy, in the cache, and made again whenever they are missing. ``verify`` reads the
database's copy (what everyone shares), not the cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

from ..exhibits.store import AttachmentStore, StoredBlob
from ..fsutil import fsync_dir, make_private_dir

CHUNK = 1024 * 1024  # bytes per database row


class DatabaseAttachmentStore(AttachmentStore):
    """The exhibit store of a shared journal (tables ``exhibit_blobs``, ``exhibit_chunks``)."""

    def __init__(self, cache: Path, engine: Engine, **kw: object) -> None:
        make_private_dir(cache / "objects")  # the cache is this user's, always writable
        super().__init__(cache, **kw)  # type: ignore[arg-type]
        self.engine = engine

    # --- adding: after the file is in the cache, into the database --------------------------

    def stored(self, blob: StoredBlob, path: Path) -> None:
        with self.engine.begin() as conn:
            # two people adding the same file at once: the second waits, then finds it there
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": blob.sha256})
            if conn.scalar(text("SELECT 1 FROM exhibit_blobs WHERE sha256 = :s"),
                           {"s": blob.sha256}):
                return
            n = 0
            with open(path, "rb") as fh:
                while data := fh.read(CHUNK):
                    conn.execute(text("INSERT INTO exhibit_chunks (sha256, n, data) "
                                      "VALUES (:s, :n, :d)"), {"s": blob.sha256, "n": n, "d": data})
                    n += 1
            conn.execute(text("INSERT INTO exhibit_blobs (sha256, size, media_type, chunks) "
                              "VALUES (:s, :size, :m, :c)"),
                         {"s": blob.sha256, "size": blob.size, "m": blob.media_type, "c": n})

    # --- reading: the cache, filled from the database ---------------------------------------

    def path_for(self, sha256: str) -> Path:
        path = self.object_path(sha256)
        if not path.is_file():
            self._fetch(sha256, path)
        return path

    def _chunks(self, sha256: str) -> Iterator[bytes] | None:
        """The object's chunks in order, one query each (None: not in the database)."""
        with self.engine.connect() as conn:
            count = conn.scalar(text("SELECT chunks FROM exhibit_blobs WHERE sha256 = :s"),
                                {"s": sha256})
        if count is None:
            return None

        def read() -> Iterator[bytes]:
            with self.engine.connect() as conn:
                for n in range(int(count)):
                    data = conn.scalar(text("SELECT data FROM exhibit_chunks "
                                            "WHERE sha256 = :s AND n = :n"), {"s": sha256, "n": n})
                    if data is None:
                        return
                    yield bytes(data)

        return read()

    def _fetch(self, sha256: str, path: Path) -> None:
        """Copy the object from the database into the cache; nothing when it is not there or
        its bytes do not match its hash (``verify`` says which)."""
        chunks = self._chunks(sha256)
        if chunks is None:
            return
        make_private_dir(path.parent)
        fd, name = tempfile.mkstemp(prefix="fetch-", suffix=".part", dir=path.parent)
        digest = hashlib.sha256()
        try:
            with os.fdopen(fd, "wb") as fh:
                for data in chunks:
                    digest.update(data)
                    fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if digest.hexdigest() != sha256:
                os.unlink(name)
                return
            os.replace(name, path)
            fsync_dir(path.parent)
        except BaseException:
            if os.path.exists(name):
                os.unlink(name)
            raise

    def exists(self, sha256: str) -> bool:
        self.object_path(sha256)  # (a bad digest is a ValueError, as in the folder store)
        with self.engine.connect() as conn:
            return bool(conn.scalar(text("SELECT 1 FROM exhibit_blobs WHERE sha256 = :s"),
                                    {"s": sha256}))

    def verify(self, sha256: str, expected_size: int | None = None) -> str | None:
        """The database's copy: None if sound, else "missing", "size differs" or "altered".
        A cached copy that no longer matches is dropped (fetched again when next needed)."""
        cached = self.object_path(sha256)
        if cached.is_file() and self.verify_file(sha256, expected_size) is not None:
            cached.unlink(missing_ok=True)
        with self.engine.connect() as conn:
            size = conn.scalar(text("SELECT size FROM exhibit_blobs WHERE sha256 = :s"),
                               {"s": sha256})
        if size is None:
            return "missing"
        if expected_size is not None and int(size) != expected_size:
            return "size differs"
        chunks = self._chunks(sha256)
        digest, total = hashlib.sha256(), 0
        for data in chunks or ():
            digest.update(data)
            total += len(data)
        if total != int(size):
            return "size differs"
        return None if digest.hexdigest() == sha256 else "altered (SHA-256 mismatch)"

    def iter_hashes(self) -> Iterator[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT sha256 FROM exhibit_blobs ORDER BY sha256")).all()
        yield from (str(r[0]) for r in rows)

    def delete(self, sha256: str) -> None:
        """Remove the object from the database and the cache (exhibits the user purged)."""
        super().delete(sha256)  # refuses on a read-only journal; the cached copy
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM exhibit_chunks WHERE sha256 = :s"), {"s": sha256})
            conn.execute(text("DELETE FROM exhibit_blobs WHERE sha256 = :s"), {"s": sha256})
