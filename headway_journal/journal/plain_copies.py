"""Plaintext copies of a locked journal's exhibits for code that needs a real file (the case
file's PDF pages and images), made only in the private view-copy folders
(``view_copies``: 0700, this process's own) and removed when the process ends (and, after a
crash, at the next start). A plain journal's exhibits are read where they are."""

from __future__ import annotations

import atexit
import threading
from pathlib import Path
from typing import Any

from . import view_copies

__all__ = ["readable_path"]

_lock = threading.Lock()
_folder: list[Path] = []


def _private_folder() -> Path:
    with _lock:
        if not _folder:
            view_copies.sweep()
            _folder.append(view_copies.new_view_folder())
            atexit.register(view_copies.remove_mine)
        return _folder[0]


def readable_path(store: Any, sha256: str) -> Path:
    """A path whose bytes are the exhibit's: the stored file of a plain store, a private
    temporary plaintext copy for a sealed one."""
    if not getattr(store, "sealed", False):
        return Path(store.path_for(sha256))
    dest = _private_folder() / sha256
    if not dest.is_file():
        tmp = dest.with_name(f".{sha256}.part")
        store.copy_plain_to(sha256, tmp)
        tmp.replace(dest)
    return dest
