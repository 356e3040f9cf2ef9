"""A large case: 200 contacts and 30 full-screen 2560x1440 PNG screenshots."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from casefile_samples import build_large
from pypdf import PdfReader

from headway_journal.casefile import build_casefile


@pytest.mark.slow
def test_large_case_is_small_and_reasonably_fast(tmp_path: Path) -> None:
    data = build_large(tmp_path / "large")
    out = tmp_path / "large.pdf"
    started = time.perf_counter()
    result = build_casefile(data, out)
    elapsed = time.perf_counter() - started
    size = out.stat().st_size
    assert size < 20_000_000, f"{size / 1e6:.1f} MB"
    assert elapsed < 90, f"{elapsed:.1f} s"
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    images = []
    for page in reader.pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            continue
        for _, ref in xobjects.get_object().items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                images.append(obj)
    assert len(images) == 30
    for obj in images:
        assert (int(obj["/Width"]), int(obj["/Height"])) == (1600, 900)
        assert "/DCTDecode" not in str(obj.get("/Filter"))  # screenshots are not made JPEG
    # two short landscape screenshots share a page
    pages_with_images = {
        i
        for i, page in enumerate(reader.pages)
        for ref in (page["/Resources"].get_object().get("/XObject") or {}).values()
        if ref.get_object().get("/Subtype") == "/Image"  # the footer is a form XObject
    }
    assert len(pages_with_images) == 15
    last = reader.pages[-1].extract_text()
    assert f"Page {result.pages} of {result.pages}" in last
