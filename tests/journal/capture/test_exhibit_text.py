"""Recognised text of image exhibits: stored, corrected, searchable, offered as suggestions;
Tesseract reads a rendered screenshot (skipped with the reason when it is not installed)."""

from __future__ import annotations

import io
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

import headway_journal.casefile as casefile_pkg
from headway_journal.journal import db
from headway_journal.journal.capture import ocr
from headway_journal.journal.capture.patterns import HEADWAY_TICKET_PATTERNS
from headway_journal.journal.capture.suggest import suggest
from headway_journal.journal.records import CaseInput, NotFound
from headway_journal.journal.service import JournalService

FONT = Path(casefile_pkg.__file__).parent / "fonts" / "DejaVuSans.ttf"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def screenshot(lines: list[str], size: int = 22) -> bytes:
    """A chat screenshot: dark text on white, rendered with the bundled DejaVu font."""
    font = ImageFont.truetype(str(FONT), size)
    img = Image.new("RGB", (760, 40 + len(lines) * (size + 14)), "white")
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((24, 20 + i * (size + 14)), line, fill=(20, 20, 20), font=font)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def svc(tmp_path: Path) -> JournalService:
    s = JournalService.open(tmp_path / "journal")
    yield s  # type: ignore[misc]
    s.close()


def a_case(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                     issue_type="billing", role="client"))


def test_recognised_text_is_stored_searchable_and_corrected(svc: JournalService) -> None:
    case_id = a_case(svc)
    shot = svc.add_attachment(case_id, screenshot(["hello"]), original_name="chat.png")
    receipt = svc.add_attachment(case_id, b"a receipt", original_name="r.txt")
    assert svc.images_to_recognise(case_id) == [shot]  # images only
    assert svc.save_recognised_text(shot, "Your ticket #7654321 zebrafish", "tesseract 5")
    assert svc.images_to_recognise(case_id) == []
    assert svc.images_to_recognise(case_id, again=True) == [shot]
    found = svc.exhibit_text(shot)
    assert found is not None and found.text.endswith("zebrafish") and not found.corrected
    assert [t.attachment_id for t in svc.exhibit_texts(case_id)] == [shot]
    assert {h.case_id for h in svc.search("zebrafish")} == {case_id}
    assert {h.case_id for h in svc.search("7654321")} == {case_id}

    svc.correct_exhibit_text(shot, "Your ticket #7654321 starfish")
    assert {h.case_id for h in svc.search("starfish")} == {case_id}
    assert svc.search("zebrafish") == []
    corrected = svc.exhibit_text(shot)
    assert corrected is not None and corrected.corrected
    # recognising again keeps the user's correction unless asked
    assert not svc.save_recognised_text(shot, "garbage", "tesseract 5")
    assert svc.exhibit_text(shot).text.endswith("starfish")  # type: ignore[union-attr]
    assert svc.images_to_recognise(case_id, again=True) == []
    # a removed exhibit's text is no longer found, and comes back with it
    svc.remove_attachment(shot)
    assert svc.search("starfish") == [] and svc.exhibit_texts(case_id) == []
    svc.restore_attachment(shot)
    assert {h.case_id for h in svc.search("starfish")} == {case_id}
    with pytest.raises(NotFound):
        svc.correct_exhibit_text(receipt, "x")
    actions = [(c.entity, c.action) for c in svc.history(case_id) if c.entity == "exhibit_text"]
    assert actions == [("exhibit_text", "recognise"), ("exhibit_text", "correct")]


def test_an_upgraded_journal_has_headway_patterns_and_recognised_text(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    shutil.copytree(FIXTURES / "journal-0004", folder)
    with JournalService.open(folder) as svc:
        assert db.read_revision(folder / db.DB_NAME) == db.HEAD_REVISION
        org = svc.organization_by_key("headway")
        assert org is not None and org.ticket_patterns == HEADWAY_TICKET_PATTERNS
        image = svc.add_attachment(1, screenshot(["x"]), original_name="s.png")
        svc.save_recognised_text(image, "quokka", "test")
        assert {h.case_id for h in svc.search("quokka")} == {1}
        assert svc.check() == []


def test_the_upgrade_goes_back_down_to_the_0004_schema(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / db.DB_NAME
    shutil.copy(FIXTURES / "journal-0004" / db.DB_NAME, path)
    engine = db.make_engine(path, foreign_keys=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    try:
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0007")
            command.downgrade(cfg, "0004")
            conn.commit()
    finally:
        engine.dispose()
    con = sqlite3.connect(path)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        cols = {r[1] for r in con.execute("PRAGMA table_info(organizations)")}
        con.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    finally:
        con.close()
    assert "exhibit_texts" not in names and "exhibit_texts_fts_ai" not in names
    assert "organizations_fts_au" in names and "ticket_patterns" not in cols


needs_tesseract = pytest.mark.skipif(
    ocr.unavailable() is not None,
    reason=f"Tesseract is not installed here ({ocr.unavailable()}); .ci/run installs it")


@needs_tesseract
def test_tesseract_reads_a_ticket_number_in_a_rendered_screenshot(svc: JournalService) -> None:
    case_id = a_case(svc)
    png = screenshot(["Maria (Headway Support) 10:43 AM",
                      "I have opened Ticket #1234567 for you.",
                      "Refund within 5 business days."])
    shot = svc.add_attachment(case_id, png, original_name="chat.png")
    stored, problems = ocr.recognise_exhibits(svc, svc.images_to_recognise(case_id))
    assert (stored, problems) == ([shot], [])
    text = svc.exhibit_text(shot)
    assert text is not None and text.engine.startswith("tesseract")
    assert "1234567" in text.text
    found = suggest(text.text, base=date(2026, 12, 1), ticket_patterns=HEADWAY_TICKET_PATTERNS)
    assert ("ticket", "1234567") in {(s.kind, s.value) for s in found}
    assert ("promise", 5) in {(s.kind, s.business_days) for s in found}
    assert {h.case_id for h in svc.search("1234567")} == {case_id}


@needs_tesseract
def test_small_screenshots_are_enlarged_and_a_broken_image_is_one_sentence(
        svc: JournalService, tmp_path: Path) -> None:
    case_id = a_case(svc)
    small = svc.add_attachment(case_id, screenshot(["Ticket 445566"], size=11),
                               original_name="tiny.png")
    stored, problems = ocr.recognise_exhibits(svc, [small])
    assert stored == [small] and problems == []
    assert "445566" in svc.exhibit_text(small).text  # type: ignore[union-attr]
    bad = tmp_path / "broken.png"
    bad.write_bytes(screenshot(["x"])[:60])
    with pytest.raises((OSError, ValueError)) as err:
        ocr.recognise_file(bad, "image/png")
    assert "\n" not in str(err.value)


def test_without_tesseract_the_reason_says_how_to_enable_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    why = ocr.unavailable()
    assert why is not None
    for words in ("apt install tesseract-ocr", "Windows", "macOS"):
        assert words in why


def test_tesseract_off_path_is_found_where_the_installer_put_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if ocr.binding_module() is None:
        pytest.skip("pytesseract is not installed")
    program = tmp_path / "Tesseract-OCR" / "tesseract.exe"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    monkeypatch.setattr(ocr, "tesseract_locations", lambda: ("/nowhere/tesseract", str(program)))
    binding = ocr.binding_module()
    assert binding is not None
    monkeypatch.setattr(binding.pytesseract, "tesseract_cmd", "tesseract")
    assert ocr.unavailable() is None
    assert binding.pytesseract.tesseract_cmd == str(program)
