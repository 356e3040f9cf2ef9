"""Exhibit preparation: sort the exhibits into shown images, appended PDFs and listed-only
files, and say for each how it appears in the case file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ... import i18n
from ..data import Exhibit
from .images import PlacedImage, Ready, checked_print_copy, downscale, probe
from .progress import Progress
from .text import plural

if TYPE_CHECKING:  # pypdf loads only when a PDF exhibit is there
    from .pages import PdfExhibit

__all__ = ["Prepared", "exhibit_kind", "prepare_exhibits"]

_IMAGE_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp", "image/tiff"}
)
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})

_ImageJob = tuple[Exhibit, Path, Path]  # exhibit, its stored file, the file to place


@dataclass
class Prepared:
    """The exhibits as the case file shows them."""

    images: list[PlacedImage] = field(default_factory=list)
    pdfs: list[PdfExhibit] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # exhibit number -> how it appears
    not_shown: dict[int, str] = field(default_factory=dict)  # exhibit number -> reason


def exhibit_kind(media_type: str) -> str:
    """"image", "pdf" or "other" (listed only) for a media type."""
    mt = media_type.split(";", 1)[0].strip().lower()
    if mt in _IMAGE_TYPES:
        return "image"
    if mt in _PDF_TYPES:
        return "pdf"
    return "other"


def prepare_exhibits(exhibits: Sequence[Exhibit], progress: Progress) -> Prepared:
    """Sort the exhibits into shown images, appended PDFs and listed-only files."""
    prep = Prepared()
    images, pdfs = _sort_exhibits(exhibits, prep, progress)
    todo = max(1, len(images) + len(pdfs))
    done = _place_images(images, prep, progress, todo)
    _load_pdfs(pdfs, prep, progress, done, todo)
    prep.images.sort(key=lambda im: im.exhibit.number)
    return prep


def _sort_exhibits(
    all_exhibits: Sequence[Exhibit], prep: Prepared, progress: Progress
) -> tuple[list[_ImageJob], list[tuple[Exhibit, Path]]]:
    """Note the listed-only exhibits in *prep* and place checked print copies; return the
    images still to downscale and the PDFs to read."""
    exhibits = sorted(all_exhibits, key=lambda x: x.number)
    images: list[_ImageJob] = []
    pdfs: list[tuple[Exhibit, Path]] = []
    for ex in exhibits:
        kind = exhibit_kind(ex.media_type)
        stored = ex.path if ex.path is not None and ex.path.is_file() else None
        if ex.withheld:  # a redacted copy: its contents could not be masked
            prep.notes[ex.number] = i18n.text("withheld from this redacted copy")
            prep.not_shown[ex.number] = (
                i18n.text("withheld from this redacted copy (its contents cannot be masked); the "
                "SHA-256 above identifies the file kept in the journal")
            )
        elif kind == "other":
            prep.notes[ex.number] = i18n.text("listed only (this file type is not embedded)")
            prep.not_shown[ex.number] = i18n.text("file type not embedded; kept in the journal")
        elif stored is None:
            prep.notes[ex.number] = i18n.text("FILE MISSING: not included")
            prep.not_shown[ex.number] = i18n.text("the stored file is missing")
        elif kind == "image" and not ex.preview_ok:
            prep.notes[ex.number] = i18n.text("no preview: listed only")
            prep.not_shown[ex.number] = i18n.text("no preview could be made of this image")
        elif kind == "image":
            progress.check()
            ready = checked_print_copy(ex)  # the usual case: placed as it is
            if ready is not None:
                prep.images.append(ready)
                prep.notes[ex.number] = i18n.text("shown on an exhibit page")
                continue
            print_path = ex.print_path
            if (
                ex.print_sha256 is None  # a copy made elsewhere: decoded to check it
                and print_path is not None
                and print_path.is_file()
                and probe(print_path) is None
            ):
                src, problem = print_path, None
            else:
                src, problem = stored, probe(stored)
            if problem is None:
                images.append((ex, stored, src))
            else:
                prep.notes[ex.number] = i18n.text("listed only: {problem}").format(problem=problem)
                prep.not_shown[ex.number] = problem
        else:
            pdfs.append((ex, stored))
    return images, pdfs


def _one_image(ex: Exhibit, stored: Path, src: Path) -> Ready | str:
    placed = downscale(src)
    if isinstance(placed, str) and src != stored:
        placed = downscale(stored)
    return placed


def _place_images(images: list[_ImageJob], prep: Prepared, progress: Progress, todo: int) -> int:
    """Downscale the images on a few threads; return how many exhibits are done."""
    done = 0
    # Pillow releases the GIL while decoding, resizing and encoding: a few threads help.
    workers = max(1, min(4, os.cpu_count() or 1, len(images)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hj-exhibit") as pool:
        futures = {pool.submit(i18n.carry(_one_image), *job): job[0] for job in images}
        try:
            for future in as_completed(futures):
                progress.check()
                ex = futures[future]
                placed = future.result()
                if isinstance(placed, str):
                    prep.notes[ex.number] = i18n.text("listed only: {placed}").format(placed=placed)
                    prep.not_shown[ex.number] = placed
                else:
                    width, height, what = placed
                    if isinstance(what, Path):
                        prep.images.append(PlacedImage(ex, width, height, path=what))
                    else:
                        prep.images.append(PlacedImage(ex, width, height, pixels=what))
                    prep.notes[ex.number] = i18n.text("shown on an exhibit page")
                done += 1
                progress.report(int(30 * done / todo), i18n.text("Preparing exhibits"))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return done


def _load_pdfs(
    pdfs: list[tuple[Exhibit, Path]], prep: Prepared, progress: Progress, done: int, todo: int
) -> None:
    if not pdfs:
        return
    from .pages import PdfExhibit, load_pdf  # pypdf, for PDF exhibits only

    for ex, stored in pdfs:
        progress.check()
        reader, pages, problem = load_pdf(stored)
        prep.pdfs.append(PdfExhibit(ex, reader, pages, problem))
        if problem is None:
            prep.notes[ex.number] = i18n.text("PDF, {plural} appended at the end").format(plural=plural(pages, 'page'))
        else:
            prep.notes[ex.number] = i18n.text("PDF could not be appended (see its divider page)")
            prep.not_shown[ex.number] = i18n.text("the PDF could not be appended: {problem}").format(problem=problem)
        done += 1
        progress.report(int(30 * done / todo), i18n.text("Preparing exhibits"))
