"""Getting into a locked journal: its lockbox, the passphrase or the recovery key, the keys.

A journal folder holding ``lockbox.json`` is locked (``is_locked``). ``keys_by_passphrase``
and ``keys_by_recovery_key`` unlock it (``WrongPassphrase`` / ``WrongRecoveryKey`` are
``JournalError``s with one plain sentence); ``create_lock`` writes a new lockbox (a new
journal, or the staging folder of an encryption) and ``change_passphrase`` re-wraps the same
master key in one atomic write of the lockbox, nothing else touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..db import JournalError
from . import lockbox, swap, unlocked
from .keys import JournalKeys

__all__ = ["Unlocked", "WrongPassphrase", "WrongRecoveryKey", "change_passphrase",
           "create_lock", "is_locked", "keys_by_passphrase", "keys_by_recovery_key",
           "lockbox_path"]


# The passphrase's key derivation a lockbox is raised to when it is unlocked (tests lower it).
WANTED_KDF = lockbox.DEFAULT_KDF


class WrongPassphrase(JournalError):
    """The passphrase does not open this journal."""


class WrongRecoveryKey(JournalError):
    """The recovery key does not open this journal (or is not a recovery key)."""


@dataclass(frozen=True, repr=False)
class Unlocked:
    """A journal's keys and its master key (kept only to re-wrap it under a new passphrase)."""

    keys: JournalKeys
    master: bytes

    def __repr__(self) -> str:
        return "Unlocked(<hidden>)"


def lockbox_path(folder: Path) -> Path:
    return folder / lockbox.LOCKBOX_NAME


def is_locked(folder: Path) -> bool:
    """Whether the journal in ``folder`` is encrypted (it has a lockbox), once a conversion
    cut short has been finished or undone."""
    swap.settle(folder)
    return lockbox_path(folder).is_file()


def _load(folder: Path) -> lockbox.Lockbox:
    try:
        return lockbox.load_lockbox(lockbox_path(folder))
    except FileNotFoundError:
        raise JournalError(f"The journal at {folder} is not encrypted.") from None
    except lockbox.LockboxDamaged as exc:
        raise JournalError(f"The journal's lockbox cannot be read ({exc}); restore "
                           f"{lockbox.LOCKBOX_NAME} from a copy of the journal folder.") from exc


def keys_by_passphrase(folder: Path, passphrase: str) -> Unlocked:
    box = _load(folder)
    try:
        master = lockbox.unlock(box, passphrase)
    except lockbox.WrongPassphrase as exc:
        raise WrongPassphrase(str(exc)) from None
    if lockbox.needs_stronger_kdf(box, WANTED_KDF):  # upgradable: raised at the next unlock
        lockbox.save_lockbox(lockbox_path(folder),
                             lockbox.rewrap(box, master, passphrase, WANTED_KDF))
    return _remembered(folder, master)


def _remembered(folder: Path, master: bytes) -> Unlocked:
    """The keys, remembered for this process (its backups and checks use them)."""
    keys = JournalKeys.from_master(master)
    unlocked.remember(folder, keys)
    return Unlocked(keys, master)


def keys_by_recovery_key(folder: Path, recovery_key: str) -> Unlocked:
    box = _load(folder)
    try:
        master = lockbox.unlock_with_recovery_key(box, recovery_key)
    except lockbox.WrongRecoveryKey as exc:
        raise WrongRecoveryKey(str(exc)) from None
    return _remembered(folder, master)


def create_lock(folder: Path, passphrase: str,
                kdf: lockbox.KdfParams = lockbox.DEFAULT_KDF) -> tuple[Unlocked, str]:
    """Write a new lockbox into ``folder``; returns the keys and the recovery key (to show
    once). ``ValueError`` (one sentence) for a passphrase too short or with outer spaces."""
    box, master, recovery = lockbox.create_lockbox(passphrase, kdf)
    lockbox.save_lockbox(lockbox_path(folder), box)
    return Unlocked(JournalKeys.from_master(master), master), recovery


def change_passphrase(folder: Path, unlocked: Unlocked, new_passphrase: str,
                      kdf: lockbox.KdfParams = lockbox.DEFAULT_KDF) -> None:
    """The same master key under ``new_passphrase``: one atomic write of the lockbox (the
    recovery key keeps working, no file is re-encrypted)."""
    box = _load(folder)
    lockbox.save_lockbox(lockbox_path(folder), lockbox.rewrap(box, unlocked.master,
                                                              new_passphrase, kdf))
