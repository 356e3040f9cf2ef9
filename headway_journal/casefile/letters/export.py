"""A letter as PDF (the case file's fonts and styles, an enclosure list of the exhibits it
names, the case file appended on request), as .docx (python-docx) and as plain text with one
section per field of the body's online form. Every file is written atomically.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import docx
from pypdf import PdfReader, PdfWriter
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from ...journal.fsutil import write_atomic, write_text_atomic
from ..data import CaseFileData, Exhibit
from ..letter import letter_blocks
from ..pdf import build_casefile
from ..pdf.sections.context import Context
from ..pdf.sections.cover import letter as letter_section
from ..pdf.styles import (
    BUILD_LOCK,
    FRAME_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    grid_style,
    make_styles,
    register_fonts,
)
from ..pdf.text import fmt_size

__all__ = ["FORMATS", "named_exhibits", "write_docx", "write_letter", "write_pdf", "write_text"]

FORMATS = (".pdf", ".docx", ".txt")
_EXHIBIT = re.compile(r"\bexhibits?\s+((?:\d+(?:\s*(?:,|and|&)\s*)?)+)", re.IGNORECASE)


def named_exhibits(text: str, data: CaseFileData) -> list[Exhibit]:
    """The case's exhibits the letter names ("Exhibit 3", "exhibits 1, 2 and 4"), in order."""
    numbers: set[int] = set()
    for m in _EXHIBIT.finditer(text):
        numbers.update(int(n) for n in re.findall(r"\d+", m.group(1)))
    return [x for x in sorted(data.exhibits, key=lambda x: x.number) if x.number in numbers]


def _enclosures(ctx: Context, exhibits: Sequence[Exhibit]) -> list[Flowable]:
    if not exhibits:
        return []
    s = ctx.s
    rows = [[ctx.cell("Exhibit", s.cell_head), ctx.cell("Description", s.cell_head),
             ctx.cell("File", s.cell_head), ctx.cell("SHA-256", s.cell_head)]]
    for x in exhibits:
        rows.append([ctx.cell(str(x.number)), ctx.cell(x.caption or "—"),
                     ctx.cell(f"{x.original_name} ({fmt_size(x.size)})"),
                     ctx.cell(x.sha256, s.mono)])
    table = Table(rows, colWidths=[48, FRAME_W * 0.3, FRAME_W * 0.28, FRAME_W * 0.42 - 48],
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    return [Spacer(1, 10), ctx.p("Enclosure List", s.letter_heading), table]


def _letter_pdf(text: str, data: CaseFileData) -> bytes:
    register_fonts()
    ctx = Context(replace(data, cover_letter=text), make_styles(), [], lambda: None)
    story = letter_section(ctx, cast(Any, None))[2:]  # without the case file's page break/title
    story += _enclosures(ctx, named_exhibits(text, data))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X,
                            rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM, title=data.title,
                            author=data.person.name, creator="Headway Journal")
    with BUILD_LOCK:
        doc.build(story)
    return buffer.getvalue()


def write_pdf(text: str, data: CaseFileData, out: Path, *, append_case_file: bool = False) -> int:
    """Write the letter (and the case file after it, on request); the number of pages."""
    letter = _letter_pdf(text, data)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(letter)))
    if append_case_file:
        with tempfile.TemporaryDirectory(prefix="hj-letter-") as tmp:
            case_pdf = Path(tmp) / "case-file.pdf"
            build_casefile(data, case_pdf)
            writer.append(PdfReader(case_pdf))
    writer.add_metadata({"/Title": data.title, "/Creator": "Headway Journal"})
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(out, buffer.getvalue())
    return len(writer.pages)


def write_docx(text: str, data: CaseFileData, out: Path) -> None:
    """The letter as a Word document: headings, paragraphs (lines kept), list items, and the
    enclosure list."""
    document = docx.Document()
    document.core_properties.title = data.title
    document.core_properties.author = data.person.name
    for block in letter_blocks(text):
        if block.kind == "heading":
            document.add_heading(block.text, level=2)
        elif block.kind == "item":
            document.add_paragraph(block.text, style="List Bullet")
        else:
            para = document.add_paragraph()
            for i, line in enumerate(block.text.split("\n")):
                run = para.add_run(line)
                if i == 0 and line.casefold().startswith("re:"):
                    run.bold = True
                if i < block.text.count("\n"):
                    run.add_break()
    exhibits = named_exhibits(text, data)
    if exhibits:
        document.add_heading("Enclosures", level=2)
        for x in exhibits:
            document.add_paragraph(f"Exhibit {x.number}: {x.caption or x.original_name} "
                                   f"({x.original_name}; SHA-256 {x.sha256})",
                                   style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(out, buffer.getvalue())


def write_text(fields: Sequence[tuple[str, str]], out: Path) -> None:
    """One section per form field: the label, a rule, the value, a blank line."""
    parts = [f"{label}\n{'-' * min(len(label), 60)}\n{value.strip()}\n" for label, value in fields]
    write_text_atomic(out, "\n".join(parts))


def write_letter(text: str, data: CaseFileData, fields: Sequence[tuple[str, str]], out: Path,
                 *, append_case_file: bool = False) -> None:
    """Write ``out`` in the format its suffix names (.pdf, .docx, .txt); ValueError else."""
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        write_pdf(text, data, out, append_case_file=append_case_file)
    elif suffix == ".docx":
        write_docx(text, data, out)
    elif suffix == ".txt":
        write_text(fields, out)
    else:
        raise ValueError(f"Cannot write a letter as {suffix or 'a file without a suffix'}: "
                         f"choose .pdf, .docx or .txt.")
