"""A case file without PDF exhibits is finished in ReportLab's one write (``pdf/in_write``):
the same document as the pypdf way (used when PDF exhibits are joined), signed, tagged, with
its outline, metadata and manifest."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from headway_journal.casefile import CaseFileData, build_casefile
from headway_journal.casefile.pdf import build
from headway_journal.casefile.signing.keys import journal_signer
from headway_journal.casefile.signing.sign import FIELD_NAME
from headway_journal.casefile.signing.verify import check_signature


@pytest.fixture
def no_pdf_exhibits(sample_data: CaseFileData) -> CaseFileData:
    images = tuple(e for e in sample_data.exhibits if e.media_type != "application/pdf")
    kept = {e.number for e in images}
    assert images and len(images) < len(sample_data.exhibits)
    return replace(sample_data, exhibits=images, contacts=tuple(
        replace(c, exhibit_numbers=tuple(n for n in c.exhibit_numbers if n in kept))
        for c in sample_data.contacts))


def _build(data: CaseFileData, out: Path, tmp_path: Path, *, pypdf: bool,
           monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as m:
        if pypdf:  # the way taken when pages of PDF exhibits are joined
            m.setattr(build._Job, "joins", staticmethod(lambda prepared: True))  # noqa: SLF001
        build_casefile(data, out, signer=journal_signer(tmp_path / "journal", "Dana Whitfield"))
    return out.read_bytes()


def _tree(reader: PdfReader) -> list[tuple[Any, ...]]:
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    document = root["/K"][0].get_object()
    assert document["/S"] == "/Document" and root["/ParentTreeNextKey"] == len(reader.pages)
    out = []
    for kid in document["/K"]:
        elem = kid.get_object()
        assert elem["/P"].get_object()["/S"] == "/Document"
        out.append((elem["/S"], elem["/K"], elem.get("/Alt"), reader.get_page_number(elem["/Pg"])))
    return out


def _outline(reader: PdfReader, items: Any = None, level: int = 0) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out += _outline(reader, item, level + 1)
        else:
            out.append((level, item.title, reader.get_destination_page_number(item)))
    return out


def _described(reader: PdfReader) -> dict[str, Any]:
    root = reader.trailer["/Root"]
    info = {k: v for k, v in (reader.metadata or {}).items()
            if k not in ("/Producer", "/Keywords", "/Trapped")}
    field = root["/AcroForm"]["/Fields"][0].get_object()
    return {
        "info": info, "lang": root["/Lang"], "marked": root["/MarkInfo"]["/Marked"],
        "title shown": root["/ViewerPreferences"]["/DisplayDocTitle"],
        "page mode": root["/PageMode"], "field": (field["/T"], field["/FT"], field["/F"]),
        "sig flags": root["/AcroForm"]["/SigFlags"],
        "first page widget": reader.pages[0]["/Annots"][-1].get_object()["/T"],
        "pages": [(p["/StructParents"], p["/Tabs"]) for p in reader.pages],
        "attachments": {k: reader.attachments[k] for k in reader.attachments},
        "text": [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages],
    }


def test_the_file_without_pdf_exhibits_is_the_pypdf_ways_document(
        no_pdf_exhibits: CaseFileData, out_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    mine = _build(no_pdf_exhibits, out_dir / "one-write.pdf", tmp_path, pypdf=False,
                  monkeypatch=monkeypatch)
    joined = _build(no_pdf_exhibits, out_dir / "pypdf.pdf", tmp_path, pypdf=True,
                    monkeypatch=monkeypatch)
    ours, theirs = PdfReader(io.BytesIO(mine)), PdfReader(io.BytesIO(joined))
    assert ours.metadata["/Producer"] == "Headway Journal (ReportLab)"  # the one-write way
    assert theirs.metadata["/Producer"] == "Headway Journal (ReportLab, pypdf)"
    assert len(ours.pages) == len(theirs.pages) > 3
    tree = _tree(ours)
    assert tree == _tree(theirs)
    assert {t[0] for t in tree} >= {"/H1", "/H3", "/P", "/Figure"}
    assert any(t[0] == "/Figure" and t[2] for t in tree)  # captions as alternative text
    outline = _outline(ours)
    assert outline == _outline(theirs)
    assert any(level == 1 and title.startswith("Exhibit") for level, title, _ in outline)
    assert _described(ours) == _described(theirs)
    assert ours.pages[0]["/Annots"][-1].get_object()["/T"] == FIELD_NAME
    for pdf in (mine, joined):
        check = check_signature(pdf)
        assert check.state == "intact", check.message
        assert pdf.count(b"%%EOF") == 1  # one write, the signature inside it


def test_marked_content_ids_run_per_page_in_drawing_order(
        no_pdf_exhibits: CaseFileData, out_dir: Path) -> None:
    out = out_dir / "case.pdf"
    build_casefile(no_pdf_exhibits, out)
    reader = PdfReader(out)
    by_page: dict[int, list[int]] = {}
    for _tag, mcid, _alt, page in _tree(reader):
        by_page.setdefault(page, []).append(mcid)
    assert by_page and all(ids == list(range(len(ids))) for ids in by_page.values())
    for page, ids in by_page.items():
        content = reader.pages[page].get_contents()
        assert content is not None
        drawn = [int(n) for n in re.findall(rb"<</MCID (\d+)>> BDC", content.get_data())]
        assert drawn == ids


def test_a_case_file_without_pdf_exhibits_does_not_load_pypdf(tmp_path: Path) -> None:
    """pypdf (joining, its structure tree, its signature field) loads only to join pages."""
    code = (
        "import sys, json\n"
        "from dataclasses import replace\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from casefile_samples import build_sample\n"
        "from headway_journal.casefile import build_casefile\n"
        "from headway_journal.casefile.signing.keys import journal_signer\n"
        f"tmp = Path({str(tmp_path)!r})\n"
        "data = build_sample(tmp / 'sample')\n"
        "data = replace(data, exhibits=tuple(e for e in data.exhibits\n"
        "                                    if e.media_type != 'application/pdf'))\n"
        "done = build_casefile(data, tmp / 'case.pdf',\n"
        "                      signer=journal_signer(tmp / 'journal', 'Dana Whitfield'))\n"
        "print(json.dumps([done.pages, done.signed_by,\n"
        "                  sorted(m for m in sys.modules if m.split('.')[0] == 'pypdf')]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    pages, signed_by, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert pages > 3 and signed_by == "Dana Whitfield"
    assert loaded == []
    assert check_signature((tmp_path / "case.pdf").read_bytes()).state == "intact"
