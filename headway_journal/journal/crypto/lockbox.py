"""The lockbox: a journal's master key, kept wrapped under the passphrase and a recovery key.

An encrypted journal has one random 256-bit master key; every key the journal uses (the
database's, the files', the keyed names') is derived from it (``keys.JournalKeys``). The
lockbox file (``lockbox.json`` in the journal folder) holds the master key twice, each copy
sealed with AES-256-GCM:

- under a key derived from the passphrase with a memory-hard KDF (Argon2id; scrypt is
  understood too), with its parameters stored beside it so they can be raised later
  (``needs_stronger_kdf``; re-wrapping on the next unlock costs nothing else);
- under the recovery key, 160 random bits shown once as 8 groups of 4 characters (no KDF
  needed: it is not guessable).

Changing the passphrase re-wraps the same master key: one atomic write of the lockbox, no
file re-encrypted. There is no way in without the passphrase or the recovery key.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..fsutil import write_atomic
from .unlocked import LOCKBOX_NAME

__all__ = ["LOCKBOX_NAME", "DEFAULT_KDF", "KdfParams", "Lockbox", "LockboxDamaged",
           "WrongPassphrase", "WrongRecoveryKey", "create_lockbox", "load_lockbox",
           "needs_stronger_kdf", "normalize_recovery_key", "rewrap", "save_lockbox",
           "unlock", "unlock_with_recovery_key"]

FORMAT = "headway-journal-lockbox"
_AAD_PASSPHRASE = b"headway-journal master key v1 / passphrase"
_AAD_RECOVERY = b"headway-journal master key v1 / recovery key"
MIN_PASSPHRASE = 8


class WrongPassphrase(ValueError):
    """The passphrase does not open this journal."""


class WrongRecoveryKey(ValueError):
    """The recovery key does not open this journal."""


class LockboxDamaged(ValueError):
    """The lockbox file cannot be read (changed, cut short, not a lockbox)."""


@dataclass(frozen=True)
class KdfParams:
    """How a passphrase becomes a key: Argon2id (memory in KiB) or scrypt (n, r, p)."""

    algorithm: str
    salt: bytes
    iterations: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4
    n: int = 2 ** 17
    r: int = 8
    p: int = 1

    def strength(self) -> tuple[int, int]:
        return (self.memory_kib, self.iterations) if self.algorithm == "argon2id" else (
            128 * self.r * self.n // 1024, 1)

    def to_json(self) -> dict[str, Any]:
        if self.algorithm == "argon2id":
            extra: dict[str, int] = {"iterations": self.iterations,
                                     "memory_kib": self.memory_kib, "lanes": self.lanes}
        else:
            extra = {"n": self.n, "r": self.r, "p": self.p}
        return {"algorithm": self.algorithm, "salt": _b64(self.salt), **extra}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> KdfParams:
        algorithm = str(raw["algorithm"])
        if algorithm not in ("argon2id", "scrypt"):
            raise LockboxDamaged(f"unknown key derivation {algorithm!r}")
        ints = {k: int(raw[k]) for k in ("iterations", "memory_kib", "lanes", "n", "r", "p")
                if k in raw}
        return cls(algorithm=algorithm, salt=_unb64(raw["salt"]), **ints)


# RFC 9106's second recommended option: t=3, 64 MiB, 4 lanes (about 0.1 s here).
DEFAULT_KDF = KdfParams(algorithm="argon2id", salt=b"")


@dataclass(frozen=True)
class Wrapped:
    nonce: bytes
    sealed: bytes


@dataclass(frozen=True)
class Lockbox:
    kdf: KdfParams
    by_passphrase: Wrapped
    by_recovery_key: Wrapped

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT, "version": 1, "kdf": self.kdf.to_json(),
            "passphrase": {"nonce": _b64(self.by_passphrase.nonce),
                           "sealed": _b64(self.by_passphrase.sealed)},
            "recovery_key": {"nonce": _b64(self.by_recovery_key.nonce),
                             "sealed": _b64(self.by_recovery_key.sealed)},
        }, indent=2, sort_keys=True) + "\n"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise LockboxDamaged("a value is not text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise LockboxDamaged("a value is not base64") from exc


def _passphrase_bytes(passphrase: str) -> bytes:
    # The same passphrase typed on another system (composed or decomposed accents) opens it.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    secret = _passphrase_bytes(passphrase)
    if params.algorithm == "argon2id":
        return Argon2id(salt=params.salt, length=32, iterations=params.iterations,
                        lanes=params.lanes, memory_cost=params.memory_kib).derive(secret)
    return Scrypt(salt=params.salt, length=32, n=params.n, r=params.r, p=params.p).derive(secret)


def _recovery_kek(recovery: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"headway-journal recovery key v1").derive(recovery)


def _wrap(kek: bytes, master: bytes, aad: bytes) -> Wrapped:
    nonce = os.urandom(12)
    return Wrapped(nonce, AESGCM(kek).encrypt(nonce, master, aad))


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalize_recovery_key(text: str) -> bytes:
    """The 20 bytes of a recovery key as typed: case, spaces and dashes do not matter, and
    the letters O/I/L typed for the digits 0/1 are read as meant (base32 has no 0 or 1)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I")
    if len(cleaned) != 32:
        raise WrongRecoveryKey("A recovery key has 32 letters and digits (8 groups of 4).")
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongRecoveryKey("That is not a recovery key (letters A-Z and digits 2-7).") \
            from exc


def create_lockbox(passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> tuple[Lockbox, bytes, str]:
    """A new master key, wrapped; returns (lockbox, master key, recovery key to show once)."""
    check_new_passphrase(passphrase)
    master = os.urandom(32)
    recovery = os.urandom(20)
    params = replace(kdf, salt=os.urandom(16))
    box = Lockbox(
        kdf=params,
        by_passphrase=_wrap(derive_key(passphrase, params), master, _AAD_PASSPHRASE),
        by_recovery_key=_wrap(_recovery_kek(recovery), master, _AAD_RECOVERY),
    )
    return box, master, format_recovery_key(recovery)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")
    if passphrase != passphrase.strip():
        raise ValueError("A passphrase cannot start or end with a space (it is easy to lose).")


def unlock(box: Lockbox, passphrase: str) -> bytes:
    """The master key, or ``WrongPassphrase``."""
    kek = derive_key(passphrase, box.kdf)
    try:
        return AESGCM(kek).decrypt(box.by_passphrase.nonce, box.by_passphrase.sealed,
                                   _AAD_PASSPHRASE)
    except InvalidTag:
        raise WrongPassphrase("That passphrase does not open this journal.") from None


def unlock_with_recovery_key(box: Lockbox, recovery_text: str) -> bytes:
    kek = _recovery_kek(normalize_recovery_key(recovery_text))
    try:
        return AESGCM(kek).decrypt(box.by_recovery_key.nonce, box.by_recovery_key.sealed,
                                   _AAD_RECOVERY)
    except InvalidTag:
        raise WrongRecoveryKey("That recovery key does not open this journal.") from None


def rewrap(box: Lockbox, master: bytes, new_passphrase: str,
           kdf: KdfParams = DEFAULT_KDF) -> Lockbox:
    """The same master key under a new passphrase (and the current KDF strength); the
    recovery key keeps working."""
    check_new_passphrase(new_passphrase)
    params = replace(kdf, salt=os.urandom(16))
    return Lockbox(kdf=params,
                   by_passphrase=_wrap(derive_key(new_passphrase, params), master,
                                       _AAD_PASSPHRASE),
                   by_recovery_key=box.by_recovery_key)


def needs_stronger_kdf(box: Lockbox, wanted: KdfParams = DEFAULT_KDF) -> bool:
    """Whether the passphrase's key derivation is weaker than ``wanted`` (re-wrap on unlock)."""
    return box.kdf.algorithm != wanted.algorithm or box.kdf.strength() < wanted.strength()


def save_lockbox(path: Path, box: Lockbox) -> None:
    write_atomic(path, box.to_json().encode("utf-8"))


def load_lockbox(path: Path) -> Lockbox:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise LockboxDamaged("not a lockbox")
        if raw.get("version") != 1:
            raise LockboxDamaged(f"lockbox version {raw.get('version')!r} is newer than this app")
        return Lockbox(
            kdf=KdfParams.from_json(raw["kdf"]),
            by_passphrase=Wrapped(_unb64(raw["passphrase"]["nonce"]),
                                   _unb64(raw["passphrase"]["sealed"])),
            by_recovery_key=Wrapped(_unb64(raw["recovery_key"]["nonce"]),
                                     _unb64(raw["recovery_key"]["sealed"])),
        )
    except LockboxDamaged:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise LockboxDamaged(f"{path.name} is damaged ({type(exc).__name__})") from exc
