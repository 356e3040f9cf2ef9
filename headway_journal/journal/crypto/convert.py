"""Encrypting and decrypting a journal as one atomic operation (Qt-free).

The journal must be closed; its folder lock is held throughout. The steps:

1. a backup of the database as it is (``backups/<stamp>-before-encrypt.sqlite3``);
2. the new journal is built in ``<folder>/.convert-new/``: the database through
   ``sqlcipher_export`` (``database.convert_database``), every exhibit sealed under its keyed
   name (or opened back to its plain name), every backup converted the same way, and for an
   encryption the new lockbox; thumbnails and print copies are not carried over (they are
   made again, in the new journal's form, when next needed);
3. it is proven: it opens (integrity check), and every exhibit the database lists is read
   back and checked against its SHA-256;
4. the commit marker ``convert.commit`` is written (atomic): from this instant the new
   journal is the journal;
5. the old entries move to ``<folder>/.convert-old/``, the new ones into their place, the
   marker is removed, and the old entries are deleted.

SIGKILL at any instant leaves either the old or the new journal: ``recover`` (run by every
open under the folder lock) removes an unfinished ``.convert-new`` when no marker exists,
and completes steps 5 when one does. A passphrase change re-wraps the lockbox alone
(``access.change_passphrase``: one atomic write).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .. import db
from ..backup import make_backup
from ..db import JOURNAL_ENTRIES
from ..exhibits import sealed_objects as so
from ..fsutil import fsync_dir, make_private_dir, write_atomic, write_text_atomic
from ..service import JournalService
from . import access, sealed, unlocked
from .database import convert_database
from .keys import JournalKeys
from .lockbox import DEFAULT_KDF, KdfParams, create_lockbox, save_lockbox
from .swap import MARKER, NEW_DIR, recover, remove_entry, swap_in

DRAFTS_DIR = "drafts"  # ui.drafts.DRAFTS_DIR

__all__ = ["ConversionFailed", "Converted", "decrypt_journal", "encrypt_journal", "recover"]

BACKUP_SUFFIX = ".sqlite3"

Step = Callable[[str], None]
Progress = Callable[[int, int], None]


class ConversionFailed(db.JournalError):
    """The new journal could not be built or proven; the old one is unchanged."""


@dataclass(frozen=True)
class Converted:
    """What a conversion did: exhibits and backups carried over, the backup made first."""

    exhibits: int
    backups: int
    backup: Path
    recovery_key: str = ""  # an encryption's recovery key, to show once


def _backups(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in (folder / db.BACKUPS_DIR).iterdir()
                      if p.is_file() and p.name.endswith(BACKUP_SUFFIX))
    except FileNotFoundError:
        return []


def _copy_exhibits(src_root: Path, dest_root: Path, src_keys: JournalKeys | None,
                   dest_keys: JournalKeys | None, progress: Progress | None) -> int:
    """Every object of the store ``src_root`` into ``dest_root`` in the other form."""
    files = list(so.iter_object_files(src_root))
    for done, path in enumerate(files, 1):
        if src_keys is None and dest_keys is not None:
            so.seal_object(dest_root, dest_keys, path,
                           expected_sha256=path.parent.name + path.name)
        elif src_keys is not None and dest_keys is None:
            _unseal_to_plain(dest_root, src_keys, path)
        if progress is not None:
            progress(done, len(files))
    return len(files)


def _unseal_to_plain(dest_root: Path, keys: JournalKeys, path: Path) -> None:
    tmp_dir = dest_root / "tmp"
    make_private_dir(tmp_dir)
    tmp = tmp_dir / f"open-{os.urandom(6).hex()}.part"
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as fh:
            sha = so.unseal_object(keys, path, fh)
            fh.flush()
            os.fsync(fh.fileno())
        dest = so.plain_object_path(dest_root, sha)
        make_private_dir(dest.parent)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _copy_drafts(src: Path, dest: Path, src_keys: JournalKeys | None,
                 dest_keys: JournalKeys | None) -> None:
    """The window's drafts (``ui.drafts``: small JSON files), sealed or opened."""
    try:
        names = sorted(p for p in src.iterdir() if p.is_file())
    except FileNotFoundError:
        return
    make_private_dir(dest)
    for path in names:
        _convert_small_file(path, dest / path.name, src_keys, dest_keys)


def _convert_small_file(path: Path, dest: Path, src_keys: JournalKeys | None,
                        dest_keys: JournalKeys | None) -> None:
    """A draft or a backup's sidecar, opened and/or sealed (one that does not open: left out)."""
    data = path.read_bytes()
    with suppress(sealed.SealedFileDamaged):
        if src_keys is not None and data.startswith(sealed.MAGIC):
            data = sealed.open_bytes(src_keys.files, data)
        if dest_keys is not None:
            data = sealed.seal_bytes(dest_keys.files, data)
        write_atomic(dest, data)


def _build(folder: Path, src_keys: JournalKeys | None, dest_keys: JournalKeys | None,
           progress: Progress | None) -> tuple[int, int]:
    new = folder / NEW_DIR
    make_private_dir(new / db.BACKUPS_DIR)
    convert_database(folder / db.DB_NAME, new / db.DB_NAME, src_keys=src_keys,
                     dest_keys=dest_keys)
    exhibits = _copy_exhibits(folder / db.ATTACHMENTS_DIR, new / db.ATTACHMENTS_DIR,
                              src_keys, dest_keys, progress)
    _copy_drafts(folder / DRAFTS_DIR, new / DRAFTS_DIR, src_keys, dest_keys)
    backups = _backups(folder)
    for path in backups:
        convert_database(path, new / db.BACKUPS_DIR / path.name, src_keys=src_keys,
                         dest_keys=dest_keys)
        side = path.with_name(path.name.removesuffix(BACKUP_SUFFIX) + ".attachments.json")
        if side.is_file():
            _convert_small_file(side, new / db.BACKUPS_DIR / side.name, src_keys, dest_keys)
    return exhibits, len(backups)


def _prove(new: Path, keys: JournalKeys | None) -> None:
    """The new journal opens, passes its check, and every exhibit it lists is sound."""
    with JournalService.open(new, keys=keys, read_only=True) as svc:
        problems = svc.check(unused=False)
    if problems:
        raise ConversionFailed("The converted journal failed its check ("
                               + "; ".join(problems[:3]) + "); the journal was not changed.")


def _commit(folder: Path, step: Step | None) -> None:
    new = folder / NEW_DIR
    for sub in (new / db.ATTACHMENTS_DIR, new / db.BACKUPS_DIR, new):
        if sub.is_dir():
            fsync_dir(sub)
    names = " ".join(name for name in JOURNAL_ENTRIES if (new / name).exists())
    write_text_atomic(folder / MARKER, names + "\n")
    fsync_dir(folder)
    if step is not None:
        step("committed")
    swap_in(folder, step)


def _convert(folder: Path, src_keys: JournalKeys | None, dest_keys: JournalKeys | None,
             reason: str, *, lock_new: Callable[[Path], None] | None,
             progress: Progress | None, step: Step | None) -> tuple[int, int, Path]:
    folder = folder.expanduser().absolute()
    lock = db.FolderLock(folder)
    lock.acquire()
    try:
        recover(folder)
        made = make_backup(folder, reason)
        if step is not None:
            step("backed up")
        try:
            if lock_new is not None:
                make_private_dir(folder / NEW_DIR)
                lock_new(folder / NEW_DIR)
            exhibits, backups = _build(folder, src_keys, dest_keys, progress)
            if step is not None:
                step("built")
            _prove(folder / NEW_DIR, dest_keys)
        except BaseException:
            remove_entry(folder / NEW_DIR)
            raise
        if step is not None:
            step("proven")
        _commit(folder, step)
        return exhibits, backups, made
    finally:
        lock.release()


def encrypt_journal(folder: Path, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF,
                    progress: Progress | None = None, step: Step | None = None) -> Converted:
    """Encrypt the (closed, plain) journal in ``folder`` under ``passphrase``; the result
    carries the recovery key to show once."""
    if access.is_locked(folder):
        raise db.JournalError(f"The journal at {folder} is encrypted already.")
    box, master, recovery = create_lockbox(passphrase, kdf)  # ValueError: a weak passphrase
    keys = JournalKeys.from_master(master)

    def write_box(new: Path) -> None:
        save_lockbox(new / unlocked.LOCKBOX_NAME, box)

    exhibits, backups, backup = _convert(folder, None, keys, "before-encrypt",
                                         lock_new=write_box, progress=progress, step=step)
    unlocked.forget(folder / NEW_DIR)
    unlocked.remember(folder, keys)
    return Converted(exhibits, backups, backup, recovery)


def decrypt_journal(folder: Path, keys: JournalKeys, *, progress: Progress | None = None,
                    step: Step | None = None) -> Converted:
    """Decrypt the (closed, locked) journal in ``folder`` whose keys are ``keys``."""
    if not access.is_locked(folder):
        raise db.JournalError(f"The journal at {folder} is not encrypted.")
    unlocked.remember(folder, keys)  # its backups are read with them
    exhibits, backups, backup = _convert(folder, keys, None, "before-decrypt", lock_new=None,
                                         progress=progress, step=step)
    unlocked.forget(folder)
    return Converted(exhibits, backups, backup)
