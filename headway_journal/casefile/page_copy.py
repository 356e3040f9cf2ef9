"""Copy chosen pages of a finished case file to another PDF file, as they are (vector pages).

"Print to file (PDF)" uses this instead of rasterising: the text stays text (selectable and
searchable) and the file stays small. The whole file is copied byte for byte; a page range is
written with pypdf. The target is written atomically (temporary file, fsync, rename).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from .. import i18n
from ..journal.fsutil import write_atomic_with

__all__ = ["write_pages"]


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
        raise ValueError(i18n.text("pages must lie between 1 and {count}").format(count=count))
    if target.exists() and source.resolve() == target.resolve():
        return count if wanted == list(range(1, count + 1)) else _rewrite(reader, wanted, target)
    return _copy(source, reader, wanted, target)


def _copy(source: Path, reader: PdfReader, wanted: list[int], target: Path) -> int:
    every = wanted == list(range(1, len(reader.pages) + 1))
    if every:
        with source.open("rb") as src:
            write_atomic_with(target, lambda fh: shutil.copyfileobj(src, fh))
        return len(wanted)
    return _rewrite(reader, wanted, target)


def _rewrite(reader: PdfReader, wanted: list[int], target: Path) -> int:
    writer = PdfWriter()
    for number in wanted:
        writer.add_page(reader.pages[number - 1])
    if reader.metadata:
        writer.add_metadata({k: str(v) for k, v in reader.metadata.items()})
    write_atomic_with(target, writer.write)
    return len(wanted)
