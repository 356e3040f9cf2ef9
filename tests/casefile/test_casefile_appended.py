"""Appended PDF exhibits keep all their content readable under the page footer, and the saved
file gets the user's ordinary permissions."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from casefile_samples import exhibit
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, RectangleObject
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from headway_journal.casefile import CaseFileData, build_casefile

STRIP = 40.0  # pt at the bottom of an appended page that belong to the footer
BOTTOM_TEXT = "Statement footer Member FDIC"


def statement(
    path: Path, size: tuple[float, float] = A4, *, label: str = "STATEMENT", link: bool = False
) -> Path:
    """A bank-statement-like page whose own footer sits 28 pt above the bottom edge."""
    canvas = Canvas(str(path), pagesize=size)
    width, height = size
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(50, height - 60, f"Bank {label}")
    canvas.setFont("Helvetica", 8)
    canvas.drawString(40, 28, f"{BOTTOM_TEXT} {label}")
    if link:
        canvas.linkURL("https://bank.example/help", (40, 24, 300, 38), relative=0)
    canvas.showPage()
    canvas.save()
    return path


def positions(page: object) -> list[tuple[str, float, float, str]]:
    """(text, x, y, base font) of every text run, in the page's default user space."""
    found: list[tuple[str, float, float, str]] = []

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        base = str(font.get("/BaseFont", "")) if font is not None else ""
        found.append((text.strip(), x, y, base))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def only_exhibits(data: CaseFileData, *exhibits: object) -> CaseFileData:
    return replace(
        data,
        exhibits=tuple(exhibits),
        contacts=tuple(replace(c, exhibit_numbers=()) for c in data.contacts),
    )


def find(runs: list[tuple[str, float, float, str]], needle: str) -> tuple[float, float]:
    hits = [(x, y) for text, x, y, _ in runs if needle in text]
    assert hits, f"{needle!r} not found in {[t for t, *_ in runs]}"
    return hits[0]


def test_text_at_the_bottom_of_an_appended_page_stays_clear_of_the_footer(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    source = statement(out_dir.parent / "statement.pdf", link=True)
    data = only_exhibits(sample_data, exhibit(1, source, "Bank statement", "application/pdf"))
    out = out_dir / "case.pdf"
    result = build_casefile(data, out)
    reader = PdfReader(out)
    last = reader.pages[-1]
    assert result.exhibit_pages == 1
    # same paper, same boxes; nothing was rotated
    assert [round(float(v), 2) for v in last.mediabox] == [0, 0, round(A4[0], 2), round(A4[1], 2)]
    assert last.rotation == 0
    text = last.extract_text()
    assert f"{BOTTOM_TEXT} STATEMENT" in text
    assert f"Page {result.pages} of {result.pages}" in text
    runs = positions(last)
    x, y = find(runs, BOTTOM_TEXT)
    # 28 pt * 0.94 plus the lift: the exhibit's own footer now sits above the footer strip
    assert STRIP < y < 90, y
    assert 40 * 0.94 + 10 < x < 60
    _, footer_y = find(runs, "Page ")
    assert footer_y < STRIP - 5
    assert y - footer_y > 30
    heading_x, heading_y = find(runs, "Bank STATEMENT")
    assert heading_y < A4[1] - 4 and heading_x > 50  # still on the page, moved inwards
    # the exhibit's link out is not passed on: appended pages keep only what prints
    assert "/Annots" not in last
    # content outside the crop box stays hidden: the content is clipped to the page's box
    contents = last.get_contents().get_data()
    assert re.search(rb"re\s+W\s+n", contents)


def test_the_divider_says_the_pages_are_reduced(sample_data: CaseFileData, out_dir: Path) -> None:
    folder = out_dir.parent
    two = PdfWriter()
    for label in ("ONE", "TWO"):
        two.append(PdfReader(statement(folder / f"{label}.pdf", label=label)))
    two.write(folder / "two.pdf")
    data = only_exhibits(
        sample_data,
        exhibit(1, statement(folder / "one.pdf"), "One page", "application/pdf"),
        exhibit(2, folder / "two.pdf", "Two pages", "application/pdf"),
        exhibit(3, statement(folder / "wide.pdf", landscape(A4)), "Wide", "application/pdf"),
    )
    out = out_dir / "case.pdf"
    build_casefile(data, out)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert (
        "The page after this one is the document as filed, reduced to 94% of its size and "
        "framed, so that the footer of this case file fits below it without covering any of "
        "it. Nothing else is changed." in text
    )
    assert "The 2 pages after this one are the document as filed, each reduced to 94%" in text
    # a landscape page is short: it is reduced a little more to leave the same strip
    assert "reduced to 93% of its size" in text
    assert "unchanged except for the page footer" not in text


def test_rotated_and_offset_pages_are_placed_inside_their_own_box(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    folder = out_dir.parent
    rotated = PdfWriter(
        clone_from=PdfReader(statement(folder / "wide.pdf", landscape(A4), label="ROTATED"))
    )
    rotated.pages[0].rotate(90)  # a landscape page stored turned: shown upright, portrait
    rotated.write(folder / "rotated.pdf")
    # a page whose boxes do not start at 0 0 (cropped or imposed by some software)
    shifted = PdfWriter(clone_from=PdfReader(statement(folder / "plain.pdf", label="SHIFTED")))
    page = shifted.pages[0]
    page.add_transformation(Transformation().translate(100, 200))
    box = RectangleObject((100, 200, 100 + A4[0], 200 + A4[1]))
    page[NameObject("/MediaBox")] = box
    page[NameObject("/CropBox")] = box
    shifted.write(folder / "shifted.pdf")
    data = only_exhibits(
        sample_data,
        exhibit(1, folder / "rotated.pdf", "Rotated scan", "application/pdf"),
        exhibit(2, folder / "shifted.pdf", "Shifted page", "application/pdf"),
    )
    out = out_dir / "case.pdf"
    result = build_casefile(data, out)
    reader = PdfReader(out)
    turned, moved = reader.pages[-3], reader.pages[-1]

    assert turned.rotation == 0
    left, bottom, right, top = (float(v) for v in turned.cropbox)
    assert right - left == pytest.approx(A4[0], abs=0.01)  # portrait now
    assert top - bottom == pytest.approx(A4[1], abs=0.01)
    runs = positions(turned)
    x, y = find(runs, f"{BOTTOM_TEXT} ROTATED")  # down the left edge now
    assert left + 20 < x < left + 60
    assert bottom + STRIP < y < top
    _, footer_y = find(runs, "Page ")
    assert bottom < footer_y < bottom + STRIP - 5

    assert [float(v) for v in moved.mediabox] == pytest.approx([100, 200, *box[2:]])
    runs = positions(moved)
    x, y = find(runs, f"{BOTTOM_TEXT} SHIFTED")
    assert 100 + 40 < x < 100 + 60
    assert 200 + STRIP < y < 200 + 90
    footer_x, footer_y = find(runs, "Page ")
    assert 200 < footer_y < 200 + STRIP - 5
    assert 100 < footer_x < 100 + A4[0]
    assert f"Page {result.pages} of {result.pages}" in moved.extract_text()


def test_pages_sharing_one_content_stream_get_one_footer_each(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    folder = out_dir.parent
    writer = PdfWriter(clone_from=PdfReader(statement(folder / "one.pdf", label="SAME")))
    second = writer.add_blank_page(*A4)
    second[NameObject("/Resources")] = writer.pages[0]["/Resources"]
    second[NameObject("/Contents")] = writer.pages[0].raw_get("/Contents")  # the same stream
    writer.write(folder / "shared.pdf")
    data = only_exhibits(
        sample_data, exhibit(1, folder / "shared.pdf", "Two equal pages", "application/pdf")
    )
    out = out_dir / "case.pdf"
    result = build_casefile(data, out)
    total = result.pages
    pages = PdfReader(out).pages
    for index in (total - 2, total - 1):
        text = pages[index].extract_text()
        assert text.count("Page ") == 1, text
        assert f"Page {index + 1} of {total}" in text
        assert text.count("Bank SAME") == 1
        (y,) = [y for t, _, y, _ in positions(pages[index]) if t.startswith(BOTTOM_TEXT)]
        assert STRIP < y < 90


def test_pages_sharing_part_of_their_content_keep_it(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    """Content arrays with a shared stream (a letterhead drawn once for every page)."""
    folder = out_dir.parent
    writer = PdfWriter(clone_from=PdfReader(statement(folder / "one.pdf", label="HEAD")))
    first = writer.pages[0]
    letterhead = first.raw_get("/Contents")
    for number in (1, 2):
        page = first if number == 1 else writer.add_blank_page(*A4)
        page[NameObject("/Resources")] = first["/Resources"]
        body = DecodedStreamObject()
        body.set_data(f"BT /F1 12 Tf 72 400 Td (Body of page {number}) Tj ET".encode())
        page[NameObject("/Contents")] = ArrayObject([letterhead, writer._add_object(body)])
    writer.write(folder / "letterhead.pdf")
    data = only_exhibits(
        sample_data, exhibit(1, folder / "letterhead.pdf", "Letterhead", "application/pdf")
    )
    out = out_dir / "case.pdf"
    result = build_casefile(data, out)
    pages = PdfReader(out).pages
    for number in (1, 2):
        index = result.pages - 3 + number
        text = pages[index].extract_text()
        assert "Bank HEAD" in text and f"Body of page {number}" in text, text
        assert text.count("Page ") == 1 and f"Page {index + 1} of {result.pages}" in text


@pytest.fixture
def umask() -> Iterator[object]:
    saved = os.umask(0o022)

    def set_umask(value: int) -> None:
        os.umask(value)

    try:
        yield set_umask
    finally:
        os.umask(saved)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002, 0o000, 0o077], ids=oct)
def test_saved_file_is_private_whatever_the_umask(
    sample_data: CaseFileData, out_dir: Path, umask: object, mask: int
) -> None:
    umask(mask)  # type: ignore[operator]
    out = out_dir / "case.pdf"
    build_casefile(sample_data, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    # overwriting a file saved earlier with looser permissions leaves a private file
    out.chmod(0o644)
    build_casefile(sample_data, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out_dir.iterdir()] == ["case.pdf"]
