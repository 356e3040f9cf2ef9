"""Remembering a passphrase in the system keyring (optional: the ``keyring`` package, when it
is installed and a keyring answers; its absence, common on Linux, is never an error)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

__all__ = ["available", "forget", "recall", "remember"]

SERVICE = "headway-journal"


def _backend() -> Any | None:
    try:
        return importlib.import_module("keyring")
    except Exception:  # not installed, or broken: no keyring
        return None


def available() -> bool:
    return _backend() is not None


def _account(folder: Path) -> str:
    return str(Path(folder).expanduser().absolute())


def recall(folder: Path) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        value = backend.get_password(SERVICE, _account(folder))
    except Exception:  # no keyring daemon, locked keyring, ...
        return None
    return value if isinstance(value, str) and value else None


def remember(folder: Path, passphrase: str) -> bool:
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(folder), passphrase)
    except Exception:
        return False
    return True


def forget(folder: Path) -> None:
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, _account(folder))
    except Exception:  # nothing stored, or no keyring
        return
