"""Copy chosen pages of a finished case file to another PDF file, as they are (vector pages).

"Print to file (PDF)" uses this instead of rasterising: the text stays text (selectable and
searchable) and the file stays small. The whole file is copied byte for byte; a page range is
written with pypdf. The target is written atomically (temporary file, fsync, rename).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter

__all__ = ["write_pages"]


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_pages(source: Path, pages: Sequence[int], target: Path) -> int:
    """Write the 1-based ``pages`` of the PDF ``source`` to ``target``; returns how many.

    Raises OSError when the target cannot be written and ValueError for a page that is not in
    the file. ``target`` is only replaced once the new file is complete on disk.
    """
    source, target = Path(source), Path(target)
    reader = PdfReader(source)
    count = len(reader.pages)
    wanted = list(pages)
    if not wanted or any(p < 1 or p > count for p in wanted):
        raise ValueError(f"pages must lie between 1 and {count}")
    if target.exists() and source.resolve() == target.resolve():
        return count if wanted == list(range(1, count + 1)) else _rewrite(reader, wanted, target)
    return _copy(source, reader, wanted, target)


def _copy(source: Path, reader: PdfReader, wanted: list[int], target: Path) -> int:
    every = wanted == list(range(1, len(reader.pages) + 1))
    if every:
        with source.open("rb") as src:
            _write_atomically(target, lambda fh: shutil.copyfileobj(src, fh))
        return len(wanted)
    return _rewrite(reader, wanted, target)


def _rewrite(reader: PdfReader, wanted: list[int], target: Path) -> int:
    writer = PdfWriter()
    for number in wanted:
        writer.add_page(reader.pages[number - 1])
    if reader.metadata:
        writer.add_metadata({k: str(v) for k, v in reader.metadata.items()})
    _write_atomically(target, writer.write)
    return len(wanted)


def _write_atomically(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)

