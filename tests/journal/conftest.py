"""Fixtures shared by the journal tests."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def immutable() -> Iterator[Any]:
    """chattr +i on paths, undone afterwards; skips where the filesystem has no such attribute."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    done: list[Path] = []

    def make(path: Path) -> None:
        r = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"cannot make files immutable here: {r.stderr.strip()}")
        done.append(path)

    yield make
    for p in reversed(done):
        subprocess.run(["chattr", "-i", str(p)], check=False)
