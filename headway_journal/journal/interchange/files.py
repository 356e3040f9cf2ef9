"""Exhibit files: their names in an export's files folder, the checked copy made on export,
and the import's exhibits added to the store in the background."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import Any, BinaryIO

from ..fsutil import write_atomic_with
from ..service import JournalService
from .common import ExportError
from .plans import AttachmentPlan
from .validate import Problems

EXTENSIONS = {
    "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
    "image/bmp": ".bmp", "image/tiff": ".tiff", "image/heic": ".heic", "image/heif": ".heif",
    "image/avif": ".avif", "application/pdf": ".pdf", "application/zip": ".zip",
    "application/rtf": ".rtf", "text/html": ".html", "text/plain": ".txt",
    "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm",
    "video/x-matroska": ".mkv", "video/x-msvideo": ".avi", "video/3gpp": ".3gp",
    "video/3gpp2": ".3g2",
}  # fmt: skip
EXPORTED_FILE = re.compile(r"^[0-9a-f]{64}\.[a-z0-9]{1,5}$")


def file_name(sha256: str, media_type: str) -> str:
    """An exhibit's file name in the export's files folder: its SHA-256 and an extension."""
    return sha256 + EXTENSIONS.get(media_type, ".bin")


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def copy_exhibit(src: Path | Callable[[], BinaryIO], dest: Path, sha256: str) -> None:
    """Copy a stored exhibit, checking its SHA-256 on the way (atomic; skipped if present).
    ``src``: its path, or what opens its plaintext (``store.open_plain``: a locked journal)."""
    with suppress(OSError):
        if dest.is_file() and _sha256_of(dest) == sha256:
            return

    def write(out: Any) -> None:
        digest = hashlib.sha256()
        with (open(src, "rb") if isinstance(src, Path) else src()) as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha256:
            raise ExportError(
                f"The stored exhibit {sha256[:12]}… no longer matches its SHA-256; nothing was "
                "exported. Run 'headway-journal check' to see what is damaged."
            )

    try:
        write_atomic_with(dest, write)
    except FileNotFoundError:
        raise ExportError(
            f"The stored exhibit {sha256[:12]}… is missing; nothing was exported. "
            "Run 'headway-journal check' to see what is damaged."
        ) from None


def _copy_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class ExhibitFiles:
    """Adds the import's exhibit files to the store in the background.

    The store is thread-safe, and adding a file is mostly waiting for fsync: a few at once.
    Each stored image then gets its print copy (the case file's downscaled image) on a second
    pool, as attaching one in the app does, so the first case file after an import finds
    them ready; the import waits for them before it ends (Pillow releases the GIL while it
    decodes, resizes and compresses, so this overlaps the writing of the rows).
    """

    def __init__(self, svc: JournalService, attachments: Sequence[AttachmentPlan]) -> None:
        from ..exhibits import AttachmentError

        svc.require_writable()  # a read-only journal: refused before any file is read
        store = svc.store
        self.svc = svc
        self.futures: list[Any] = []

        def add(att: AttachmentPlan) -> Any:
            try:
                blob = store.add_file(att.file, original_name=att.original_name)
            except AttachmentError as exc:
                return exc
            if blob.is_image and blob.preview_ok:
                with suppress(RuntimeError):  # shutting down: the case file makes it later
                    self.copies.submit(store.make_print_copy, blob)
            return blob

        self.error_type = AttachmentError
        self.problems = Problems()
        self.copies = ThreadPoolExecutor(max_workers=_copy_workers(),
                                         thread_name_prefix="import-print-copies")
        self.pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="import-exhibits")
        for att in attachments:
            att.stored = self.pool.submit(add, att)
            self.futures.append(att.stored)

    def __enter__(self) -> ExhibitFiles:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        # rolled back: the copies not started yet are not needed (the files go again)
        self.copies.shutdown(wait=True, cancel_futures=exc_type is not None)
        if exc_type is not None:  # rolled back: the files stored for it go again
            from ..exhibits.orphans import discard_unused

            done = [f.result() for f in self.futures if f.done() and not f.cancelled()
                    and f.exception() is None]
            discard_unused(self.svc, done)

    def ready(self, atts: Sequence[AttachmentPlan]) -> bool:
        """Wait for these files (``att.blob``); False once any file had a problem."""
        for att in atts:
            assert att.stored is not None
            blob = att.stored.result()
            if isinstance(blob, self.error_type):
                self.problems.add(f"{att.path}.path", str(blob))
                continue
            att.blob = blob
            if att.sha256 and blob.sha256 != att.sha256:
                self.problems.add(f"{att.path}.sha256", f"the file's SHA-256 is {blob.sha256}, "
                                                        f"not {att.sha256}: it changed after "
                                                        "export")
            elif att.size is not None and blob.size != att.size:
                self.problems.add(f"{att.path}.size", f"the file has {blob.size:,} bytes, "
                                                      f"not {att.size:,}")
        return not self.problems.items
