"""Recognised text: read in the background after an image is attached, shown under the image in
the viewer as recognised text (never as the user's words), correctable."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import headway_journal.casefile as casefile_pkg
from headway_journal.journal.capture import ocr
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.exhibits.controller import AttachmentController
from headway_journal.ui.exhibits.viewer import ImageViewer

FONT = Path(casefile_pkg.__file__).parent / "fonts" / "DejaVuSans.ttf"
needs_tesseract = pytest.mark.skipif(
    ocr.unavailable() is not None,
    reason=f"Tesseract is not installed here ({ocr.unavailable()}); .ci/run installs it")


def screenshot(text: str) -> bytes:
    font = ImageFont.truetype(str(FONT), 24)
    img = Image.new("RGB", (700, 90), "white")
    ImageDraw.Draw(img).text((20, 30), text, fill="black", font=font)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def case_id(service: JournalService) -> int:
    org = service.organization_by_key("headway")
    assert org is not None
    return service.create_case(CaseInput(title="Chat", organization_id=org.id,
                                         issue_type="billing", role="client"))


def viewer(qtbot: Any, service: JournalService, attachment_id: int) -> ImageViewer:
    v = ImageViewer(service, attachment_id)
    qtbot.addWidget(v)
    with qtbot.waitActive(v):
        v.show()
    return v


@needs_tesseract
def test_an_attached_screenshot_is_read_in_the_background(qtbot: Any, service: JournalService,
                                                          case_id: int, tmp_path: Path) -> None:
    png = tmp_path / "chat.png"
    png.write_bytes(screenshot("Your ticket #8642097 is open"))
    controller = AttachmentController(service)
    with qtbot.waitSignal(controller.ocr.done, timeout=60_000) as done:
        assert controller.attach_paths(case_id, [png]) == 1
    (shot,) = done.args[0]
    found = service.exhibit_text(shot)
    assert found is not None and "8642097" in found.text
    assert {h.case_id for h in service.search("8642097")} == {case_id}
    controller.shutdown()


def test_a_text_file_is_not_read_and_nothing_runs(qtbot: Any, service: JournalService,
                                                  case_id: int) -> None:
    receipt = service.add_attachment(case_id, b"receipt", original_name="r.txt")
    controller = AttachmentController(service)
    assert controller.ocr.recognise([receipt]) is False
    assert not controller.ocr.tasks.running


def test_the_viewer_shows_recognised_text_labelled_and_it_can_be_corrected(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    shot = service.add_attachment(case_id, screenshot("x"), original_name="chat.png")
    service.save_recognised_text(shot, "Ticket #12E4567", "tesseract 5.3.0")
    v = viewer(qtbot, service, shot)
    panel = v.recognised
    assert panel is not None
    assert panel.edit.toPlainText() == "Ticket #12E4567"
    assert panel.edit.isReadOnly()
    assert "read from the image by tesseract 5.3.0" in panel.heading.text()
    assert "not your own words" in panel.heading.text()
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    assert not panel.edit.isReadOnly() and panel.edit.hasFocus()
    panel.edit.selectAll()
    qtbot.keyClicks(panel.edit, "Ticket #1234567")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    stored = service.exhibit_text(shot)
    assert stored is not None and stored.text == "Ticket #1234567" and stored.corrected
    assert panel.edit.isReadOnly() and "Corrected by you" in panel.heading.text()
    assert {h.case_id for h in service.search("1234567")} == {case_id}


def test_cancel_puts_the_text_back_and_a_correction_is_not_replaced_unasked(
        qtbot: Any, service: JournalService, case_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shot = service.add_attachment(case_id, screenshot("x"), original_name="chat.png")
    service.save_recognised_text(shot, "first", "t")
    v = viewer(qtbot, service, shot)
    panel = v.recognised
    assert panel is not None
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.edit, "zzz")
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.edit.toPlainText() == "first" and panel.edit.isReadOnly()
    service.correct_exhibit_text(shot, "mine")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.No))
    assert panel.recognise_again() is False
    assert asked and service.exhibit_text(shot).text == "mine"  # type: ignore[union-attr]


def test_without_tesseract_the_viewer_says_how_to_enable_it(
        qtbot: Any, service: JournalService, case_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    shot = service.add_attachment(case_id, screenshot("x"), original_name="chat.png")
    v = viewer(qtbot, service, shot)
    assert v.recognised is not None
    assert "apt install tesseract-ocr" in v.recognised.heading.text()
    assert not v.recognised.again_button.isVisible()


def test_a_pdf_has_no_recognised_text_panel(qtbot: Any, service: JournalService,
                                            case_id: int) -> None:
    pdf = service.add_attachment(case_id, b"%PDF-1.4\n%%EOF\n", original_name="a.pdf")
    assert viewer(qtbot, service, pdf).recognised is None


def test_settings_say_whether_text_is_recognised_and_how_to_enable_it(
        qtbot: Any, service: JournalService, monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.dialogs import SettingsDialog

    monkeypatch.setattr(ocr.shutil, "which", lambda _name: None)
    dlg = SettingsDialog(service)
    qtbot.addWidget(dlg)
    text = dlg.ocr_status.text()
    assert text.startswith("Text in screenshots is not recognised.")
    for words in ("apt install tesseract-ocr", "Windows", "macOS"):
        assert words in text
    monkeypatch.undo()
    if ocr.unavailable() is None:
        enabled = SettingsDialog(service)
        qtbot.addWidget(enabled)
        assert "recognised with tesseract" in enabled.ocr_status.text()
