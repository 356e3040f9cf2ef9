"""The case file read aloud: a structure tree with headings, paragraphs in reading order and
images with their captions as alternative text; the document language and title set.

The tree is read back with pypdf, and each element's text is taken from the page content
between its marked-content markers, so the tests check what a reader would say, in order.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from headway_journal import i18n
from headway_journal.casefile import CaseFileData, build_casefile, redact
from headway_journal.casefile.pdf.tagging import pdf_language


@pytest.fixture
def built(sample_data: CaseFileData, out_dir: Path) -> Path:
    out = out_dir / "case.pdf"
    build_casefile(sample_data, out)
    return out


def elements(reader: PdfReader) -> list[dict[str, Any]]:
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    document = root["/K"][0].get_object()
    assert document["/S"] == "/Document"
    return [k.get_object() for k in document["/K"]]


def marked_texts(reader: PdfReader, page_index: int) -> dict[int, str]:
    """The text drawn inside each marked-content id of a page."""
    texts: dict[int, str] = {}
    current: list[int | None] = [None]
    depth = [0]

    def before(op: bytes, args: Any, *_: Any) -> None:
        if op == b"BDC":
            depth[0] += 1
            props = args[1] if len(args) > 1 else None
            if depth[0] == 1 and hasattr(props, "get") and props.get("/MCID") is not None:
                current[0] = int(props["/MCID"])
        elif op == b"BMC":
            depth[0] += 1
        elif op == b"EMC":
            depth[0] -= 1
            if depth[0] == 0:
                current[0] = None

    def text(t: str, *_: Any) -> None:
        if current[0] is not None:
            texts[current[0]] = texts.get(current[0], "") + t

    reader.pages[page_index].extract_text(visitor_operand_before=before, visitor_text=text)
    return {k: " ".join(v.split()) for k, v in texts.items()}


def spoken(reader: PdfReader) -> list[tuple[str, str]]:
    """(structure type, what is read) for every element, in the tree's order."""
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    cache: dict[int, dict[int, str]] = {}
    out = []
    for elem in elements(reader):
        index = pages[elem.raw_get("/Pg").idnum]
        if index not in cache:
            cache[index] = marked_texts(reader, index)
        said = str(elem["/Alt"]) if "/Alt" in elem else cache[index].get(int(elem["/K"]), "")
        out.append((str(elem["/S"]), said))
    return out


def test_language_title_and_tagged(built: Path) -> None:
    reader = PdfReader(built)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert str(reader.metadata.title).startswith("Case file: ")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(built)], capture_output=True, text=True,
                              check=True).stdout
        assert "Tagged:          yes" in info, info


def test_headings_paragraphs_and_images_in_reading_order(
        built: Path, sample_data: CaseFileData) -> None:
    reader = PdfReader(built)
    said = spoken(reader)
    kinds = [kind for kind, _ in said]
    headings = [text for kind, text in said if kind in ("/H1", "/H2", "/H3")]
    for section in ("References", "Issue details", "Timeline of contacts", "Promises",
                    "Escalations", "Exhibits", "Signature"):
        assert section in headings, headings
    assert headings[0].startswith("Case file")  # the cover comes first
    assert headings.index("References") < headings.index("Timeline of contacts") < (
        headings.index("Signature"))
    assert kinds.count("/P") > 50
    assert all(text for kind, text in said if kind == "/P")  # no empty paragraphs
    figures = [text for kind, text in said if kind == "/Figure"]
    images = [ex for ex in sample_data.exhibits if ex.media_type.startswith("image/")
              and ex.number != 4]  # exhibit 4's file is missing: listed, not placed
    assert figures == [f"Exhibit {ex.number}: {ex.caption}" for ex in images]
    for ex in images:  # the caption heading is read just before its image
        at = said.index(("/Figure", f"Exhibit {ex.number}: {ex.caption}"))
        assert said[at - 1][0] == "/H3" and said[at - 1][1].startswith(f"Exhibit {ex.number}")


def test_footers_and_appended_exhibit_pages_stay_out_of_the_tree(built: Path) -> None:
    reader = PdfReader(built)
    tagged = {i for i, page in enumerate(reader.pages) if "/StructParents" in page}
    assert 0 < len(tagged) < len(reader.pages)  # the appended PDF exhibit pages are not
    said = [text for _, text in spoken(reader)]
    assert not [t for t in said if re.fullmatch(r"Page \d+ of \d+", t)]  # footers are artifacts


def test_the_redacted_copy_reads_the_redacted_captions(
        sample_data: CaseFileData, out_dir: Path) -> None:
    data = redact(sample_data)
    out = out_dir / "redacted.pdf"
    build_casefile(data, out)
    figures = [text for kind, text in spoken(PdfReader(out)) if kind == "/Figure"]
    assert figures
    assert figures == [f"Exhibit {ex.number}: {ex.caption}" for ex in data.exhibits
                       if ex.media_type.startswith("image/") and ex.number != 4]
    assert not any("CLM-2026-448812" in f for f in figures)


@pytest.fixture
def spanish() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("es")
    yield
    i18n.set_language(before)


def test_the_language_follows_the_case_files_language(
        spanish: None, sample_data: CaseFileData, out_dir: Path) -> None:
    out = out_dir / "es.pdf"
    build_casefile(sample_data, out)
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/Lang"] == "es-US"
    assert elements(reader)  # tagged in any language


@pytest.mark.parametrize(("code", "lang"), [("en", "en-US"), ("es", "es-US"),
                                            ("es_MX", "es-MX"), ("", "en-US")])
def test_pdf_language(code: str, lang: str) -> None:
    assert pdf_language(code) == lang


def test_every_text_of_the_laid_out_pages_is_in_the_tree(built: Path) -> None:
    """No paragraph is left out of what is read aloud (the footer is stamped outside it)."""
    reader = PdfReader(built)
    untagged = []
    for index, page in enumerate(reader.pages):
        if "/StructParents" not in page:
            continue
        depth, block = 0, None
        for _operands, op in page.get_contents().operations:
            if op in (b"BDC", b"BMC"):
                depth += 1
            elif op == b"EMC":
                depth -= 1
            elif op == b"BT" and depth == 0:
                block = []
            elif op == b"ET" and block is not None:
                if any(o in (b"Tj", b"TJ", b"'", b'"') for o in block):
                    untagged.append(index)
                block = None
            elif block is not None:
                block.append(op)
    assert untagged == []
