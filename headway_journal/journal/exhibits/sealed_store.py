"""A locked journal's exhibit store: ``AttachmentStore`` with every object sealed under a
keyed name (``sealed_objects``). Adding, checking and removing work as in a plain store; the
plaintext is read through ``open_plain``/``read_bytes``/``copy_plain_to``, never from a path.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..crypto import sealed
from ..crypto.keys import JournalKeys
from ..crypto.spool import SpoolCipher
from . import sealed_objects as so
from .images import PILLOW_FORMATS, render
from .media import SNIFF_BYTES, sniff_media_type
from .print_copies import PRINT_MAX_PX, PrintCopy
from .store import AttachmentStore, Incoming

__all__ = ["SealedAttachmentStore", "plain_copy", "store_for"]


class SealedAttachmentStore(AttachmentStore):
    """The store of a locked journal (see the module docstring)."""

    sealed = True

    def __init__(self, root: Path, keys: JournalKeys, **kwargs: object) -> None:
        self.keys = keys
        super().__init__(root, **kwargs)  # type: ignore[arg-type]

    def object_path(self, sha256: str) -> Path:
        """Where the sealed object of this content lives (its name is keyed); ``path_for``
        and everything else that places or finds an object comes here."""
        super().object_path(sha256)  # the same check of the digest
        return so.object_path(self.root, self.keys, sha256)

    def new_spool(self) -> SpoolCipher:
        """An incoming exhibit is encrypted under a throwaway key while it is received: its
        plaintext never touches the disk."""
        return SpoolCipher()

    def _place(self, incoming: Incoming, target: Path) -> None:
        try:
            with incoming.open_plain() as plain:
                digest = sealed.seal_file(self.keys.files, plain, target)
            if digest != incoming.sha256:  # the spool changed on disk since it was hashed
                target.unlink(missing_ok=True)
                raise OSError(errno.EIO, "the received copy changed before it was sealed")
        finally:
            incoming.path.unlink(missing_ok=True)

    def verify_file(self, sha256: str, expected_size: int | None = None) -> str | None:
        """``verify`` (and the check of an object already there when one is added): the
        sealed file opens and its plaintext has this hash and size."""
        return so.verify_object(self.root, self.keys, sha256, expected_size)

    def iter_hashes(self) -> Iterator[str]:
        """Hashes of every stored object, read back (a keyed name does not tell its hash);
        a file that does not open is skipped."""
        found: list[str] = []
        for path in so.iter_object_files(self.root):
            digest = hashlib.sha256()
            try:
                for chunk in so.open_object(self.keys, path):
                    digest.update(chunk)
            except (OSError, sealed.SealedFileDamaged):
                continue
            found.append(digest.hexdigest())
        yield from sorted(found)

    # ----------------------------------------------------------------- plaintext

    def open_plain(self, sha256: str) -> BinaryIO:
        """The exhibit's bytes (checked against the seal), in memory."""
        return io.BytesIO(self.read_bytes(sha256))

    def read_bytes(self, sha256: str) -> bytes:
        return b"".join(so.open_object(self.keys, self.path_for(sha256)))

    def copy_plain_to(self, sha256: str, dest: Path) -> None:
        fd = os.open(dest, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as fh:
            for chunk in so.open_object(self.keys, self.path_for(sha256)):
                fh.write(chunk)

    # ----------------------------------------------------------------- derivatives

    def thumbnail(self, sha256: str, max_px: int = 256) -> Path | None:
        """No plaintext file exists to point at: use :meth:`thumbnail_bytes`."""
        return None

    def print_copy(self, sha256: str, max_px: int = PRINT_MAX_PX) -> PrintCopy | None:
        """No plaintext print copy is kept on disk (the case file decodes the exhibit)."""
        return None

    def _thumb_path(self, sha256: str, max_px: int) -> Path:
        name = self.keys.keyed_name(hashlib.sha256(f"{sha256}/{max_px}".encode()).hexdigest())
        return self._thumbs / str(max_px) / name[:2] / name[2:]

    def delete(self, sha256: str) -> None:
        """Remove the object and its sealed thumbnails (an exhibit the user purged)."""
        try:
            sizes = [p.name for p in self._thumbs.iterdir() if p.name.isdigit()]
        except FileNotFoundError:
            sizes = []
        super().delete(sha256)
        for size in sizes:
            self._thumb_path(sha256, int(size)).unlink(missing_ok=True)

    def thumbnail_bytes(self, sha256: str, max_px: int = 256) -> bytes | None:
        """A PNG thumbnail at most ``max_px`` on its long side, cached sealed under a keyed
        name; None when the exhibit is no image this app can preview."""
        if isinstance(max_px, bool) or not isinstance(max_px, int) or not 16 <= max_px <= 8192:
            raise ValueError("max_px must be from 16 to 8192")
        cached = self._thumb_path(sha256, max_px)
        with contextlib.suppress(OSError, sealed.SealedFileDamaged):
            return b"".join(so.open_object(self.keys, cached))
        try:
            data = self.read_bytes(sha256)
        except (OSError, ValueError):
            return None
        formats = PILLOW_FORMATS.get(sniff_media_type(data[:SNIFF_BYTES]))
        if formats is None:
            return None
        try:
            img = render(io.BytesIO(data), formats, max_px)
            buf = io.BytesIO()
            img.save(buf, "PNG")
        except Exception:  # bombs, corrupt or truncated data: no preview
            return None
        png = buf.getvalue()
        if self.read_only is None or self._thumbs != self.root / "thumbs":
            with contextlib.suppress(OSError):
                cached.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                sealed.seal_file(self.keys.files, io.BytesIO(png), cached)
        return png


def store_for(root: Path, keys: JournalKeys | None, **kwargs: object) -> AttachmentStore:
    """The store at ``root``: sealed for a locked journal (``keys``), else plain."""
    if keys is not None:
        return SealedAttachmentStore(root, keys, **kwargs)
    return AttachmentStore(root, **kwargs)  # type: ignore[arg-type]


def plain_copy(store: AttachmentStore, sha256: str, dest: Path) -> None:
    """Copy an exhibit's plaintext to ``dest`` from either kind of store."""
    if isinstance(store, SealedAttachmentStore):
        store.copy_plain_to(sha256, dest)
    else:
        shutil.copyfile(store.path_for(sha256), dest)
