"""Build the PDF case file for an escalation.

How the file is made:

1. Image exhibits are placed from their print copies (made by the journal when they were
   attached; long side at most 1600 px): when a copy still has the SHA-256 the journal checked,
   its compressed data goes into the PDF as it is (PNG rows with PNG predictors, JPEG with
   DCTDecode), nothing decoded or compressed again. Without a checked copy the image is
   downscaled here with Pillow, in memory (PNG stays lossless, JPEG stays JPEG). PDF exhibits
   are read and checked with pypdf.
2. The main document (cover, letter, references, details, timeline, promises, escalations,
   exhibit list and images, signature, one divider page per PDF exhibit) is laid out with
   ReportLab Platypus on US Letter, in DejaVu Sans (Latin, Greek, Cyrillic).
3. pypdf merges the main document with the pages of each PDF exhibit (right after its
   divider). Each appended page is turned upright (its /Rotate moves into the content) and
   its content reduced to 94% inside its own boxes, framed, so that a strip at the bottom is
   free for the footer and nothing of the exhibit (bank statements print their own footers
   there) is covered; links and other annotations move with it. Then "Page X of Y", the
   case title and the generation date are stamped on every page, placed relative to each
   page's own crop box, so appended A4 pages are stamped correctly.
4. The laid-out pages get a structure tree (headings, paragraphs, images with their captions as
   alternative text, the document language: :mod:`.tagging`); outline (bookmarks), metadata and
   the chain manifest (``chain_bridge``, for ``verify``) are added; with a signer the
   signature field is reserved and, once the file is written, filled in (PAdES over every
   byte: ``signing.sign``); the file is written to a temporary file in the destination folder (created 0600 whatever the umask: it holds the whole case), then
   moved into place with os.replace().

Without PDF exhibits there is nothing to join (step 3): the footers are drawn during the
layout (:mod:`.footer_forms`) and step 4 is done inside ReportLab's own write
(:mod:`.in_write`), so the laid-out file is never parsed and written again by pypdf.

Stages: :mod:`.exhibits` (with :mod:`.images` and :mod:`.pages`), :mod:`.sections`, this
module (layout, merge, outline, writing) and :mod:`.footer`. Nothing here imports Qt.
"""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ... import i18n
from ...journal.fsutil import fsync_dir
from ..chain_bridge import MANIFEST_NAME, manifest_bytes
from ..data import CaseFileData
from . import fast_numbers, fast_text
from .exhibits import Prepared, prepare_exhibits
from .footer import footer_texts
from .footer_forms import footer_canvas_maker
from .images import MAX_IMAGE_SIDE
from .in_write import Finish, OutlineEntry, finish
from .marks import Mark
from .progress import CancelledFn, CaseFileCancelled, Progress, ProgressFn
from .sections import Context, build_story
from .styles import (
    BUILD_LOCK,
    FONT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    make_styles,
    register_fonts,
)
from .tagging import Element, TaggingCanvas, pdf_language
from .text import exhibit_title, fmt_offset

if TYPE_CHECKING:  # pypdf loads only when pages of PDF exhibits are joined
    from pypdf import PdfWriter

    from ..signing.keys import CaseFileSigner
    from .pages import Rect

__all__ = [
    "BuildResult",
    "CaseFileCancelled",
    "MAX_IMAGE_SIDE",
    "build_casefile",
    "register_fonts",
]


@dataclass(frozen=True)
class BuildResult:
    """What was written: the file, its page count and the pages appended from PDF exhibits."""

    path: Path
    pages: int  # pages of the final file, appended exhibit pages included
    exhibit_pages: int  # pages appended from PDF exhibits (divider pages not counted)
    signed_by: str | None = None  # the name the file was signed in (None: not signed)
    unsigned_reason: str | None = None  # why a file meant to be signed is not


def build_casefile(
    data: CaseFileData,
    out: Path,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    signer: CaseFileSigner | None = None,
) -> BuildResult:
    """Write the case file for *data* to *out* (atomically) and describe the result.

    *progress* is called as ``progress(done, total, message)`` with ``total == 100``.
    When *cancelled* returns true the build stops, nothing is written and
    :class:`CaseFileCancelled` is raised. With *signer* the finished file is signed (PAdES)
    as the very last step, and its last page says what the signature proves.
    """
    fast_numbers.install()
    fast_text.install()
    register_fonts()
    if signer is not None:
        data = replace(data, signature_note=signer.note())
    return _Job(data, Path(out), progress, cancelled, signer).run()


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: io.BytesIO, job: _Job) -> None:
        super().__init__(
            target,
            pagesize=LETTER,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=i18n.text("Case file: {title}").format(title=job.data.title),
            author=job.data.person.name,
            creator="Headway Journal",
            invariant=0,
            initialFontName=FONT,  # otherwise every page references Helvetica
            initialFontSize=10.5,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._job = job

    def afterFlowable(self, flowable: Flowable) -> None:
        self._job.flowable_done()


class _Job:
    """One build: the data, where it goes, progress, and what the stages leave for the next."""

    def __init__(
        self,
        data: CaseFileData,
        out: Path,
        progress: ProgressFn | None,
        cancelled: CancelledFn | None,
        signer: CaseFileSigner | None = None,
    ) -> None:
        self.data = data
        self.signer = signer
        self.out = out
        self.progress = Progress(progress, cancelled)
        self.check = self.progress.check
        self.report = self.progress.report
        self.marks: list[Mark] = []
        self.ctx = Context(data, make_styles(), self.marks, self.check)
        self._story_len = 1
        self._flowables_done = 0
        self.placed: dict[int, Rect] = {}  # appended page index -> where its reduced copy sits
        self.elements: dict[int, list[Element]] = {}  # laid-out page index -> its elements
        self.page_count = 0  # pages laid out (when ReportLab writes the whole file)

    def flowable_done(self) -> None:
        self.check()
        self._flowables_done += 1
        share = min(1.0, self._flowables_done / self._story_len)
        self.report(35 + int(40 * share), i18n.text("Laying out pages"))

    # -- main steps -------------------------------------------------------------------------

    def run(self) -> BuildResult:
        self.check()
        self.report(0, i18n.text("Preparing exhibits"))
        if not self.out.parent.is_dir():
            raise FileNotFoundError(i18n.text("folder does not exist: {parent}").format(
                parent=self.out.parent))
        prepared = prepare_exhibits(self.data.exhibits, self.progress)
        story = build_story(self.ctx, prepared)
        self.report(35, i18n.text("Laying out pages"))
        # without pages appended after the layout, the layout knows every page: footers too
        if not self.joins(prepared):
            self.finish_in_write(story)  # nothing to append: ReportLab writes the whole file
            self.report(100, i18n.text("Done"))
            return BuildResult(self.out, self.page_count, 0,
                               None if self.signer is None else self.signer.name)
        from .footer_stamp import stamp_footers
        from .joined_tags import tag_pages

        main_pdf = self.render(story)
        self.check()
        writer, exhibit_pages, page_map = self.merge(main_pdf, prepared)
        total = len(writer.pages)
        self.report(78, i18n.text("Tagging headings, text and images"))
        tag_pages(writer, [(page_map[i], self.elements.get(i, ())) for i in sorted(page_map)],
                  title=i18n.text("Case file: {title}").format(title=self.data.title),
                  language=pdf_language(i18n.current_language()))
        stamp_footers(writer, self.data, self.placed, self.progress)
        self.finish(writer, page_map, prepared)
        self.write(writer)
        self.report(100, i18n.text("Done"))
        return BuildResult(self.out, total, exhibit_pages,
                           None if self.signer is None else self.signer.name)

    @staticmethod
    def joins(prepared: Prepared) -> bool:
        """Whether pages of PDF exhibits are joined to the laid-out ones (by pypdf)."""
        return any(p.reader is not None for p in prepared.pdfs)

    def render(self, story: list[Flowable], footers: tuple[str, str] | None = None,
               before_save: Callable[[Any], None] | None = None) -> bytes:
        """The laid-out pages; with ``footers`` (title, date) each page's footer is drawn too;
        ``before_save`` is given the canvas when every page is laid out, before the write."""
        self._story_len = max(1, len(story))
        chosen = TaggingCanvas if footers is None else footer_canvas_maker(*footers)

        def maker(*args: Any, **kwargs: Any) -> TaggingCanvas:
            canvas = chosen(*args, **kwargs)
            canvas.hj_before_save = before_save
            self.elements = canvas.hj_pages  # each page's structure elements, as drawn
            return canvas

        buf = io.BytesIO()
        with BUILD_LOCK:
            saved = rl_config.useA85
            rl_config.useA85 = 0  # binary streams: ASCII85 makes images 25% larger
            try:
                doc = _Doc(buf, self)
                doc.build(story, canvasmaker=maker)
            finally:
                rl_config.useA85 = saved
        return buf.getvalue()

    def finish_in_write(self, story: list[Flowable]) -> None:
        """Lay out, tag, outline, describe and sign the file in ReportLab's one write
        (``in_write``: no PDF exhibit is appended, so nothing is joined after the layout)."""
        spot = signature = None
        if self.signer is not None:
            from ..signing.sign import FIELD_NAME, placeholder

            raw, spot = placeholder(self.signer)
            signature = (FIELD_NAME, raw)

        def before_save(canvas: Any) -> None:
            self.check()
            self.report(78, i18n.text("Tagging headings, text and images"))
            self.page_count = canvas.getPageNumber() - 1  # every page has been shown
            finish(canvas, self.elements, self.finish_spec(signature))

        pdf = bytearray(self.render(story, footer_texts(self.data), before_save))
        self.check()
        if spot is not None:
            from ..signing.sign import seal

            self.report(94, i18n.text("Signing"))
            seal(pdf, spot)
        self.save(pdf)

    def finish_spec(self, signature: tuple[str, bytes] | None) -> Finish:
        data = self.data
        found = manifest_bytes(data)
        return Finish(
            title=i18n.text("Case file: {title}").format(title=data.title),
            subject=self.subject(), author=data.person.name,
            language=pdf_language(i18n.current_language()),
            created=_pdf_date(data.generated_at), outline=self.outline_entries(),
            attachment=None if found is None else (MANIFEST_NAME, found), signature=signature)

    def subject(self) -> str:
        subject = f"{self.data.issue_type_label} with {self.data.organization.name}"
        return subject + i18n.text(" (redacted copy)") if self.data.redacted else subject

    def outline_entries(self) -> list[OutlineEntry]:
        """Sections in page order, each exhibit (its own page, else the list's) under
        "Exhibits"; pages are laid-out page indices."""
        first: dict[str, Mark] = {}
        for mark in self.marks:
            first.setdefault(mark.key, mark)
        entries: list[OutlineEntry] = []
        for mark in sorted(
            (m for m in first.values() if m.key.startswith("section-")), key=lambda m: m.page
        ):
            entries.append(OutlineEntry(mark.title, mark.page, 0))
            if mark.key != "section-exhibits":
                continue
            for ex in sorted(self.data.exhibits, key=lambda x: x.number):
                own = first.get(f"exhibit-{ex.number}") or first.get(f"divider-{ex.number}")
                entries.append(OutlineEntry(exhibit_title(ex),
                                            mark.page if own is None else own.page, 1))
        return entries

    def merge(self, main_pdf: bytes, prep: Prepared) -> tuple[PdfWriter, int, dict[int, int]]:
        """Main pages in order, each PDF exhibit's pages right after its divider page."""
        from pypdf import PdfReader, PdfWriter

        from .pages import append_exhibit

        self.report(76, i18n.text("Appending PDF exhibits"))
        dividers = {m.page: m.key for m in self.marks if m.key.startswith("divider-")}
        by_number = {p.exhibit.number: p for p in prep.pdfs}
        main = PdfReader(io.BytesIO(main_pdf))
        writer = PdfWriter()
        page_map: dict[int, int] = {}
        appended = 0
        for index, page in enumerate(main.pages):
            self.check()
            page_map[index] = len(writer.pages)
            writer.add_page(page)
            key = dividers.get(index)
            if key is None:
                continue
            pdf = by_number.get(int(key.split("-", 1)[1]))
            if pdf is None or pdf.reader is None:
                continue
            appended += append_exhibit(writer, pdf.reader, self.placed, self.check)
        return writer, appended, page_map

    def finish(self, writer: PdfWriter, page_map: dict[int, int], prep: Prepared) -> None:
        data = self.data
        writer.add_metadata(
            {
                "/Title": i18n.text("Case file: {title}").format(title=data.title),
                "/Subject": self.subject(),
                "/Author": data.person.name,
                "/Creator": "Headway Journal",
                "/Producer": "Headway Journal (ReportLab, pypdf)",
                "/CreationDate": _pdf_date(data.generated_at),
                "/ModDate": _pdf_date(data.generated_at),
            }
        )
        writer.page_mode = "/UseOutlines"
        found = manifest_bytes(data)
        if found is not None:  # for verify: the entries' chain digests (signed with the file)
            writer.add_attachment(MANIFEST_NAME, found)
        parent = None
        for entry in self.outline_entries():
            item = writer.add_outline_item(title=entry.title, page_number=page_map[entry.page],
                                           parent=parent if entry.level else None)
            if not entry.level:
                parent = item

    def signed(self, writer: PdfWriter) -> bytearray:
        """The finished file, signed: its signature field is reserved before the one write,
        and filled in after it (the signature covers every byte of the file)."""
        from ..signing.reserve import reserve
        from ..signing.sign import seal

        assert self.signer is not None
        self.report(94, i18n.text("Signing"))
        spot = reserve(writer, self.signer)
        buf = io.BytesIO()
        writer.write(buf)
        self.check()
        pdf = bytearray(buf.getbuffer())
        seal(pdf, spot)
        return pdf

    def write(self, writer: PdfWriter) -> None:
        self.check()
        if self.signer is not None:
            self.save(self.signed(writer))
            return
        buf = io.BytesIO()
        writer.write(buf)
        self.save(buf.getbuffer())

    def save(self, pdf: bytes | bytearray | memoryview) -> None:
        """Write the finished file atomically (a private temporary file, renamed over it)."""
        self.check()
        self.report(96, i18n.text("Saving"))
        fd, tmp = _create_part_file(self.out)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pdf)
                fh.flush()
                os.fsync(fh.fileno())
            self.check()
            os.replace(tmp, self.out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(self.out.parent)


def _create_part_file(out: Path) -> tuple[int, Path]:
    """A new, uniquely named file next to *out*, to be renamed over it when complete.

    Mode 0600 whatever the umask (``create_private``): a case file holds the whole case, and
    the user decides whom to send it to. O_EXCL never opens an existing file or follows a
    symbolic link.
    """
    # imported here: the journal's db layer (SQLAlchemy) loads only when a file is written
    from ...journal.folder_safety import create_private

    for _ in range(100):
        part = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
        try:
            return create_private(part), part
        except FileExistsError:
            continue
    raise FileExistsError(i18n.text("no free temporary name next to {out}").format(out=out))


def _pdf_date(dt: datetime) -> str:
    off = fmt_offset(dt).replace(":", "'")
    return f"D:{dt:%Y%m%d%H%M%S}{off}'"
