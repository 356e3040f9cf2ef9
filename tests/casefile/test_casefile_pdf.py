"""The PDF case file, read back with pypdf."""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from casefile_samples import (
    ACCOUNT,
    CLAIM,
    EIN,
    ESCALATION_REF,
    INVOICE,
    MEMBER,
    NPI,
    OWNER,
    PERSON,
    REP_GREEK,
    REP_IDS,
    REP_RUSSIAN,
    REP_SPANISH,
    SENSITIVE,
    TICKET_CHAT,
    TICKET_LONG,
    TICKET_REF,
    exhibit,
    make_pdf,
    make_screenshot,
)
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination
from reportlab.lib.pagesizes import A4, landscape

from headway_journal.casefile import (
    CaseFileCancelled,
    CaseFileData,
    build_casefile,
    draft_cover_letter,
    redact,
)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Extracted text with line breaks folded to spaces (table cells wrap)."""
    return re.sub(r"\s+", " ", text)


def outline_titles(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) for every outline item."""
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, Destination)
                out.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


def images_on(reader: PdfReader, pages: range | None = None) -> list[dict]:
    found = []
    for index, page in enumerate(reader.pages):
        if pages is not None and index not in pages:
            continue
        resources = page.get("/Resources")
        if resources is None:
            continue
        xobjects = resources.get_object().get("/XObject")
        if xobjects is None:
            continue
        for _, ref in xobjects.get_object().items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append(
                    {
                        "page": index,
                        "width": int(obj["/Width"]),
                        "height": int(obj["/Height"]),
                        "filter": obj.get("/Filter"),
                    }
                )
    return found


def raw_and_inflated(path: Path) -> bytes:
    """The file's bytes plus every stream inflated (content, fonts, metadata, ...)."""
    raw = path.read_bytes()
    parts = [raw]
    for m in re.finditer(rb"stream\r?\n", raw):
        start = m.end()
        try:
            parts.append(zlib.decompressobj().decompress(raw[start : start + 5_000_000]))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.fixture
def built(sample_data: CaseFileData, out_dir: Path) -> tuple[Path, object]:
    out = out_dir / "case.pdf"
    result = build_casefile(sample_data, out)
    return out, result


def test_every_reference_ticket_and_representative_is_in_the_text(
    built: tuple[Path, object], sample_data: CaseFileData
) -> None:
    out, _ = built
    text = flat("\n".join(page_texts(out)))
    for value in (ACCOUNT, MEMBER, CLAIM, INVOICE, NPI, EIN, TICKET_REF, TICKET_CHAT, TICKET_LONG):
        assert value in text, value
    for name in (PERSON, REP_GREEK, REP_RUSSIAN, REP_SPANISH, OWNER):
        assert name in text, name
    for rep_id in REP_IDS:
        assert rep_id in text
    assert ESCALATION_REF in text
    assert "Billing escalations lead" in text
    assert "Headway" in text and "100 Example Avenue" in text
    for ex in sample_data.exhibits:
        assert ex.sha256 in text, f"full SHA-256 of exhibit {ex.number}"
    # user text with markup characters is printed literally
    assert "Chat closing message <with brackets> & ampersand" in text
    assert "Refund of $100.00 approved <pending> & escalated" in text


def test_timeline_promises_and_signature(built: tuple[Path, object]) -> None:
    out, _ = built
    text = flat("\n".join(page_texts(out)))
    # in date order, with offsets, channel and direction
    first = text.index("Contact 1 · Mon 2026-11-02 10:05 -08:00 · Phone, outbound")
    second = text.index("Contact 2 · Tue 2026-11-10 14:00 -05:00 · Chat, outbound")
    third = text.index("Contact 3 · Wed 2026-11-18 09:00 -08:00 · Email, inbound")
    assert first < second < third
    assert "34 min; 12 min on hold" in text
    assert "recorded 2026-11-13 (3 days after the event)" in text
    assert "Exhibit 1, Exhibit 3" in text
    assert "BROKEN" in text and "OVERDUE" in text
    assert "overdue by 3 business days" in text
    assert "Outside deadlines (general information)" in text
    assert "general information to verify" in text.lower()
    assert "Signature ____" in text and "Date ____" in text
    assert f"Printed name: {PERSON}" in text
    assert "not an emergency service" in text


def test_page_count_footers_and_appended_pages(built: tuple[Path, object]) -> None:
    out, result = built
    reader = PdfReader(out)
    texts = page_texts(out)
    total = len(reader.pages)
    assert result.pages == total
    assert result.exhibit_pages == 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
        assert "Generated 2026-11-30" in text
        assert "Duplicate session charge" in text
    # the receipt's own pages are the last two, after a divider page
    assert "Receipt page 1 of 2" in texts[-2]
    assert "Receipt page 2 of 2" in texts[-1]
    assert "Exhibit 3" in texts[-3] and "SHA-256" in texts[-3]
    # appended A4 pages keep their size; the footer is inside their own box
    last = reader.pages[-1]
    assert round(float(last.mediabox.width)) == round(A4[0])
    assert round(float(last.mediabox.height)) == round(A4[1])
    positions: list[tuple[float, float]] = []

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.startswith("Page "):
            positions.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]))

    last.extract_text(visitor_text=visit)
    assert positions, "footer found on the appended page"
    x, y = positions[0]
    assert 0 < x < A4[0] - 40 and 0 < y < 60
    # main pages are US Letter
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_outline_and_metadata(built: tuple[Path, object], sample_data: CaseFileData) -> None:
    out, _ = built
    reader = PdfReader(out)
    items = outline_titles(reader)
    titles = [title for _, title, _ in items]
    for section in (
        "Cover",
        "References",
        "Issue details",
        "Timeline of contacts",
        "Promises",
        "Escalations",
        "Outside deadlines (general information)",
        "Exhibits",
        "Signature",
        "Appended PDF exhibits",
    ):
        assert section in titles
    for ex in sample_data.exhibits:
        assert any(t.startswith(f"Exhibit {ex.number} — ") for t in titles), ex.number
    by_title = {title: (depth, page) for depth, title, page in items}
    depth, page = by_title["Exhibit 3 — Card receipt for the duplicate charge"]
    assert depth == 1
    texts = page_texts(out)
    assert "Receipt page 1 of 2" in texts[page + 1]
    meta = reader.metadata
    assert meta.title == f"Case file: {sample_data.title}"
    assert meta.author == PERSON
    assert meta.creator == "Headway Journal"
    assert "Billing / refund" in (meta.subject or "")


def test_images_are_embedded_downscaled_and_keep_their_format(
    built: tuple[Path, object],
) -> None:
    out, _ = built
    reader = PdfReader(out)
    images = images_on(reader)
    assert len(images) == 3  # exhibits 1, 2, 5; 4 is missing and 6 is text
    assert all(max(im["width"], im["height"]) <= 1600 for im in images)
    filters = sorted(str(im["filter"]) for im in images)
    assert any("DCTDecode" in f for f in filters)  # the JPEG photo stays JPEG
    assert sum("FlateDecode" in f for f in filters) == 2  # PNG screenshots stay lossless
    text = flat("\n".join(page_texts(out)))
    assert "FILE MISSING" in text
    assert (
        "Exhibit 4 — Screenshot of the refund promise (gone.png): the stored file is missing"
        in text
    )
    assert "file type not embedded" in text


def test_tables_and_text_use_the_bundled_fonts(built: tuple[Path, object]) -> None:
    out, result = built
    reader = PdfReader(out)
    main_pages = range(len(reader.pages) - result.exhibit_pages)
    fonts: set[str] = set()
    for index in main_pages:
        resources = reader.pages[index]["/Resources"].get_object()
        for _, ref in resources.get("/Font", {}).items():
            fonts.add(str(ref.get_object()["/BaseFont"]))
    assert fonts
    assert all("DejaVu" in name for name in fonts), fonts


def test_cover_letter_page(sample_data: CaseFileData, out_dir: Path) -> None:
    letter = draft_cover_letter(sample_data, addressee="Headway Member Support Escalations")
    out = out_dir / "with-letter.pdf"
    build_casefile(replace(sample_data, cover_letter=letter), out)
    reader = PdfReader(out)
    titles = [t for _, t, _ in outline_titles(reader)]
    assert "Cover letter" in titles
    texts = page_texts(out)
    assert "Dear Headway Member Support Escalations," in texts[1]


def test_cover_letter_headings_are_bold(sample_data: CaseFileData, out_dir: Path) -> None:
    letter = draft_cover_letter(sample_data, addressee="Headway Member Support Escalations")
    out = out_dir / "with-letter.pdf"
    build_casefile(replace(sample_data, cover_letter=letter), out)
    runs: list[tuple[str, str, float]] = []  # text, base font, y

    def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
        if text.strip() and font is not None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text.strip(), str(font.get("/BaseFont", "")), y))

    reader = PdfReader(out)
    for index in (1, 2):  # the letter's pages, after the cover
        reader.pages[index].extract_text(visitor_text=visit)
    fonts = {text: font for text, font, _ in runs}
    for heading in (
        "What Happened",
        "Record of Contacts",
        "Commitments That Were Not Kept",
        "The Resolution I Am Asking For",
        "Enclosed Exhibits",
    ):
        assert heading in fonts, heading
        assert "Bold" in fonts[heading], (heading, fonts[heading])
    assert fonts[f"Re: {sample_data.title}"].endswith("DejaVuSans-Bold")  # the subject line
    for body in ("Dear Headway Member Support Escalations,", "Sincerely,", PERSON):
        assert "Bold" not in fonts[body], body
    bullets = [font for text, font, _ in runs if text == "•"]  # "- " lines are list items
    assert len(bullets) >= 5
    assert all("DejaVu" in font for _, font, _ in runs), set(fonts.values())  # no Helvetica
    # the blank lines after "Sincerely," leave room for a signature
    (closing_y,) = [y for text, _, y in runs if text == "Sincerely,"]
    (name_y,) = [y for text, _, y in runs if text == PERSON]
    assert closing_y - name_y > 40


def test_redacted_file_hides_identifiers_everywhere(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    out = out_dir / "redacted.pdf"
    build_casefile(redact(sample_data, exclude_exhibits=frozenset({2})), out)
    text = "\n".join(page_texts(out))
    folded = flat(text)
    blob = raw_and_inflated(out)
    meta = PdfReader(out).metadata
    unredacted = out_dir / "plain.pdf"
    build_casefile(sample_data, unredacted)
    # control: the claim number sits in the metadata and the outline as plain strings
    plain_blob = raw_and_inflated(unredacted)
    assert CLAIM.encode() in plain_blob or CLAIM.encode("utf-16-be") in plain_blob
    squeezed = re.sub(r"\s+", "", text)
    for secret in SENSITIVE:
        assert secret not in text, secret
        assert secret not in folded, secret
        assert re.sub(r"\s+", "", secret) not in squeezed, secret
        assert secret.encode() not in blob, secret
        assert secret.encode("utf-16-be") not in blob, secret
        assert secret not in str(dict(meta)), secret
    digits_only = re.sub(r"\D", "", ACCOUNT)
    assert digits_only not in re.sub(r"\D", "", folded.replace("4111 1111 1111 1111", ""))
    assert "4111 1111 1111 1111" not in folded
    # the last 4 stay readable, tickets stay visible
    for shown in ("•••• 7781", "•••• 3645", "•••• 8812", "•••• 6789", "•••• 0142"):
        assert shown in folded, shown
    for ticket in (TICKET_REF, TICKET_CHAT, TICKET_LONG, ESCALATION_REF):
        assert ticket in folded
    assert "REDACTED" in folded
    # the excluded exhibit is gone from the list, the timeline, the images and the outline
    assert "Photo of the denial letter" not in folded
    assert "letter-photo.jpg" not in folded
    assert folded.count("Exhibit 2") == 1
    assert "Exhibit 2 left out of this copy; the others keep their numbers." in folded
    assert "Exhibits Exhibit 4 Recorded" in folded  # contact 3 referred to exhibits 2 and 4
    assert len(images_on(PdfReader(out))) == 2
    titles = [t for _, t, _ in outline_titles(PdfReader(out))]
    assert not any(t.startswith("Exhibit 2 ") for t in titles)


def test_appended_pdf_problems_get_a_divider(sample_data: CaseFileData, out_dir: Path) -> None:
    folder = out_dir.parent / "bad"
    folder.mkdir()
    locked = make_pdf(folder / "locked-src.pdf", 1)
    writer = PdfWriter(clone_from=PdfReader(locked))
    writer.encrypt("secret", algorithm="RC4-128")
    with open(folder / "locked.pdf", "wb") as fh:
        writer.write(fh)
    owner_only = PdfWriter(
        clone_from=PdfReader(make_pdf(folder / "owner-src.pdf", 1, text="OWNER"))
    )
    owner_only.encrypt("", owner_password="owner", algorithm="RC4-128")
    with open(folder / "owner-only.pdf", "wb") as fh:
        owner_only.write(fh)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    rotated_src = make_pdf(folder / "rotated-src.pdf", 1, landscape(A4), text="ROTATED")
    rotated = PdfWriter(clone_from=PdfReader(rotated_src))
    rotated.pages[0].rotate(90)
    with open(folder / "rotated.pdf", "wb") as fh:
        rotated.write(fh)
    data = replace(
        sample_data,
        exhibits=(
            exhibit(1, folder / "locked.pdf", "Password-protected statement", "application/pdf"),
            exhibit(2, folder / "broken.pdf", "Damaged download", "application/pdf"),
            exhibit(
                3, folder / "owner-only.pdf", "Statement with owner password", "application/pdf"
            ),
            exhibit(4, folder / "rotated.pdf", "Rotated scan", "application/pdf"),
        ),
        contacts=tuple(replace(c, exhibit_numbers=()) for c in sample_data.contacts),
    )
    out = out_dir / "problems.pdf"
    result = build_casefile(data, out)
    texts = page_texts(out)
    joined = flat("\n".join(texts))
    assert "This PDF could not be appended: it is encrypted" in joined
    assert "This PDF could not be appended: it could not be read as a PDF" in joined
    assert result.exhibit_pages == 2  # the owner-password file and the rotated scan
    assert "OWNER" in joined and "ROTATED" in joined
    total = len(texts)
    reader = PdfReader(out)
    assert reader.pages[-1].rotation == 0  # rotation moved into the content, footer upright
    assert f"Page {total} of {total}" in texts[-1]


def test_print_path_is_placed_instead_of_the_original(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    folder = out_dir.parent / "print"
    folder.mkdir()
    original = make_screenshot(folder / "huge.png", (3000, 1800), seed=5)
    derivative = make_screenshot(folder / "small.png", (1000, 600), seed=5)
    data = replace(
        sample_data,
        exhibits=(exhibit(1, original, "Large screenshot", "image/png", print_path=derivative),),
        contacts=(),
    )
    out = out_dir / "print.pdf"
    build_casefile(data, out)
    images = images_on(PdfReader(out))
    assert [(im["width"], im["height"]) for im in images] == [(1000, 600)]


def _xobject_images(path: Path) -> list:
    found = []
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        for _, ref in (xobjects.get_object().items() if xobjects is not None else ()):
            if ref.get_object().get("/Subtype") == "/Image":
                found.append(ref.get_object())
    return found


def _plain_png(src: Path, dest: Path) -> Path:
    """A PNG the way the journal writes print copies: every row unfiltered, one zlib stream."""
    with Image.open(src) as img:
        rgb = img.convert("RGB")
    raw, stride = rgb.tobytes(), rgb.width * 3
    rows = b"".join(b"\0" + raw[i : i + stride] for i in range(0, len(raw), stride))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    header = struct.pack(">IIBBBBB", rgb.width, rgb.height, 8, 2, 0, 0, 0)
    dest.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return dest


def test_checked_print_copy_is_placed_as_it_is(sample_data: CaseFileData, out_dir: Path) -> None:
    folder = out_dir.parent / "checked"
    folder.mkdir()
    original = make_screenshot(folder / "huge.png", (3000, 1800), seed=7)
    copy = _plain_png(make_screenshot(folder / "small.png", (1000, 600), seed=7), folder / "c.png")
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    data = replace(
        sample_data,
        exhibits=(exhibit(1, original, "Screenshot", "image/png", print_path=copy,
                          print_sha256=digest),),
        contacts=(),
    )
    out = out_dir / "checked.pdf"
    build_casefile(data, out)
    (image,) = _xobject_images(out)
    assert (int(image["/Width"]), int(image["/Height"])) == (1000, 600)
    assert image["/Filter"] == "/FlateDecode"
    assert int(image["/DecodeParms"]["/Predictor"]) == 15
    with Image.open(copy) as img:
        assert image.get_data() == img.convert("RGB").tobytes()


def test_print_copy_that_changed_since_it_was_checked_is_not_placed(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    folder = out_dir.parent / "changed"
    folder.mkdir()
    original = make_screenshot(folder / "huge.png", (3000, 1800), seed=8)
    copy = _plain_png(make_screenshot(folder / "small.png", (1000, 600), seed=9), folder / "c.png")
    checked = hashlib.sha256(b"the bytes the journal checked").hexdigest()
    data = replace(
        sample_data,
        exhibits=(exhibit(1, original, "Screenshot", "image/png", print_path=copy,
                          print_sha256=checked),),
        contacts=(),
    )
    out = out_dir / "changed.pdf"
    build_casefile(data, out)
    # made from the original instead
    assert [(im["width"], im["height"]) for im in images_on(PdfReader(out))] == [(1600, 960)]


def test_large_original_without_print_path_is_downscaled(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    folder = out_dir.parent / "big"
    folder.mkdir()
    original = make_screenshot(folder / "huge.png", (3000, 1800), seed=6, mode="RGBA")
    data = replace(sample_data, exhibits=(exhibit(1, original, "Huge", "image/png"),), contacts=())
    out = out_dir / "big.pdf"
    build_casefile(data, out)
    assert [(im["width"], im["height"]) for im in images_on(PdfReader(out))] == [(1600, 960)]


@pytest.mark.parametrize("after_calls", [0, 5, 40, 10_000])
def test_cancellation_raises_and_leaves_no_file(
    sample_data: CaseFileData, out_dir: Path, after_calls: int
) -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > after_calls

    if after_calls == 10_000:  # find the number of checks, then cancel at the very last one
        build_casefile(sample_data, out_dir / "count.pdf", cancelled=cancelled)
        (out_dir / "count.pdf").unlink()
        last, calls = calls, 0

        def cancelled() -> bool:  # noqa: F811 - the late variant
            nonlocal calls
            calls += 1
            return calls >= last

    out = out_dir / "case.pdf"
    with pytest.raises(CaseFileCancelled):
        build_casefile(sample_data, out, cancelled=cancelled)
    assert not out.exists()
    assert list(out_dir.iterdir()) == []


def test_write_is_atomic_and_keeps_the_old_file_on_failure(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    out = out_dir / "case.pdf"
    out.write_bytes(b"old")
    with pytest.raises(CaseFileCancelled):
        build_casefile(sample_data, out, cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    build_casefile(sample_data, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out_dir.iterdir()] == ["case.pdf"]


def test_progress_is_monotonic_and_finishes(sample_data: CaseFileData, out_dir: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    build_casefile(sample_data, out_dir / "p.pdf", progress=lambda d, t, m: seen.append((d, t, m)))
    done = [d for d, _, _ in seen]
    assert done == sorted(done)
    assert seen[-1][:2] == (100, 100)
    assert all(t == 100 for _, t, _ in seen)


def test_naive_datetimes_are_refused(sample_data: CaseFileData) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(sample_data, generated_at=sample_data.generated_at.replace(tzinfo=None))
    contact = sample_data.contacts[0]
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(contact, recorded_at=contact.recorded_at.replace(tzinfo=None))


def test_recorded_within_a_day_is_not_called_late(sample_data: CaseFileData, out_dir: Path) -> None:
    contact = sample_data.contacts[1]  # contact 1
    on_time = replace(contact, recorded_at=contact.ended_at + timedelta(hours=23))
    out = out_dir / "t.pdf"
    build_casefile(replace(sample_data, contacts=(on_time,)), out)
    text = flat("\n".join(page_texts(out)))
    assert "within 24 hours of the event" in text
    assert "after the event)" not in text


def test_a_bare_case_builds(sample_data: CaseFileData, out_dir: Path) -> None:
    bare = replace(
        sample_data,
        references=(),
        representatives=(),
        contacts=(),
        escalations=(),
        exhibits=(),
        details=(),
        outside_clocks=(),
        safety_note=None,
        amount_disputed=None,
        narrative="",
        desired_outcome="",
    )
    out = out_dir / "bare.pdf"
    result = build_casefile(bare, out)
    text = flat("\n".join(page_texts(out)))
    assert "No contacts were logged." in text
    assert "No exhibits are attached." in text
    assert "none stated" in text
    assert f"Page {result.pages} of {result.pages}" in text
    assert result.exhibit_pages == 0


def test_unreadable_and_unpreviewable_images_are_listed(
    sample_data: CaseFileData, out_dir: Path
) -> None:
    folder = out_dir.parent / "odd"
    folder.mkdir()
    broken = folder / "broken.png"
    good = make_screenshot(folder / "good.png", (800, 500))
    broken.write_bytes(good.read_bytes()[:400])  # truncated PNG
    fake = folder / "fake.png"
    fake.write_bytes(b"not an image at all")
    data = replace(
        sample_data,
        exhibits=(
            exhibit(1, broken, "Truncated screenshot", "image/png"),
            exhibit(2, fake, "Not really a picture", "image/png"),
            exhibit(3, good, "Good picture, no preview", "image/png", preview_ok=False),
            exhibit(4, good, "Good picture", "image/png"),
        ),
        contacts=(),
    )
    out = out_dir / "odd.pdf"
    build_casefile(data, out)
    text = flat("\n".join(page_texts(out)))
    assert "Exhibit 1 — Truncated screenshot (broken.png): the image could not be read" in text
    assert "Exhibit 2 — Not really a picture (fake.png): the image could not be read" in text
    assert "no preview could be made of this image" in text
    assert len(images_on(PdfReader(out))) == 1


def test_decompression_bombs_are_not_opened(sample_data: CaseFileData, out_dir: Path) -> None:
    import struct

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    bomb = out_dir.parent / "bomb.png"
    header = struct.pack(">IIBBBBB", 30_000, 30_000, 8, 2, 0, 0, 0)
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 10))
        + chunk(b"IEND", b"")
    )
    data = replace(sample_data, exhibits=(exhibit(1, bomb, "Enormous", "image/png"),), contacts=())
    out = out_dir / "bomb.pdf"
    build_casefile(data, out)
    text = flat("\n".join(page_texts(out)))
    assert "Exhibit 1 — Enormous (bomb.png): the image is too large to place" in text
