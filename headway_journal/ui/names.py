"""Names for exhibits that have no file name of their own (pasted images, screen captures)."""

from __future__ import annotations

from datetime import datetime

__all__ = ["timestamped_name"]

_used: dict[str, int] = {}  # name without suffix -> how often it was given in this session


def timestamped_name(prefix: str, suffix: str = ".png", now: datetime | None = None) -> str:
    """``prefix`` and the local date and time to the second, e.g.
    "pasted-2026-11-26-143207.png". Each name is given once: a second one in the same second
    gets "-2", then "-3"... (two pastes in a minute used to get the same name)."""
    stem = f"{prefix}-{(now or datetime.now()).strftime('%Y-%m-%d-%H%M%S')}"
    count = _used.get(stem, 0) + 1
    _used[stem] = count
    return f"{stem}{suffix}" if count == 1 else f"{stem}-{count}{suffix}"
