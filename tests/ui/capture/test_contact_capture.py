"""The contact dialog's capture: a chat transcript pasted or read from a file, and the strip of
suggestions (summary and screenshots' recognised text), driven by keys and clicks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from headway_journal.journal.capture import ocr
from headway_journal.journal.records import MAX_LONG
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import ContactDialog

CHAT = """[10:42 AM] You: Hi, I was charged twice for my session on Nov 20.
[10:43 AM] Agent (Maria): Thanks for reaching out! I've opened Ticket #1234567 for you.
[10:58 AM] Agent (Maria): The refund will be issued within 5 business days."""


@pytest.fixture(autouse=True)
def no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))


def open_dialog(qtbot: Any, service: JournalService, case_id: int) -> ContactDialog:
    dlg = ContactDialog(service, case_id)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
    return dlg


def offered(dlg: ContactDialog) -> list[str]:
    return [b.text() for b in dlg.capture.strip.buttons()]


def test_ctrl_shift_v_fills_the_contact_from_a_pasted_chat(qtbot: Any, service: JournalService,
                                                           case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    QGuiApplication.clipboard().setText(CHAT)
    dlg.summary_edit.setFocus()
    qtbot.keyClick(dlg.summary_edit, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dlg.channel_combo.currentData() == "chat"
    start, end = dlg.started_at(), dlg.ended_at()
    assert (start.hour, start.minute) == (10, 42)
    assert end is not None and (end.hour, end.minute) == (10, 58)
    assert dlg.rep_name.text() == "Maria"
    assert dlg.tickets.tickets() == ["1234567"]
    assert dlg.summary_edit.toPlainText() == CHAT  # verbatim
    assert "3 messages" in dlg.capture.status.text()
    assert dlg.capture.capture_source == "transcript"
    # the promise in it is offered (the ticket is already added, so it is not)
    qtbot.waitUntil(lambda: any("5 business days" in t for t in offered(dlg)), timeout=3000)
    assert not any("1234567" in t for t in offered(dlg))
    assert dlg.save()
    contact = service.get_case(case_id).contacts[0]
    assert contact.summary == CHAT and contact.tickets == ("1234567",)
    assert contact.channel == "chat" and contact.rep_name == "Maria"
    assert contact.duration_minutes == 16
    assert contact.source == "transcript"  # the case file says it came from a transcript


def test_a_transcript_goes_after_what_was_typed_and_keeps_a_typed_name(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    dlg.rep_name.setText("Maria Lopez")
    qtbot.keyClicks(dlg.summary_edit, "My notes.")
    QGuiApplication.clipboard().setText(CHAT)
    qtbot.mouseClick(dlg.capture.paste_button, Qt.MouseButton.LeftButton)
    assert dlg.summary_edit.toPlainText() == "My notes.\n\n" + CHAT
    assert dlg.rep_name.text() == "Maria Lopez"


def test_empty_clipboard_says_so_and_changes_nothing(qtbot: Any, service: JournalService,
                                                     case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    QGuiApplication.clipboard().setText("   ")
    qtbot.mouseClick(dlg.capture.paste_button, Qt.MouseButton.LeftButton)
    assert "no text" in dlg.capture.status.text()
    assert dlg.summary_edit.toPlainText() == "" and dlg.tickets.tickets() == []


def test_a_transcript_from_a_txt_file_and_a_file_that_is_no_text(
        qtbot: Any, service: JournalService, case_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    export = tmp_path / "chat export.txt"
    export.write_bytes(b"\xef\xbb\xbf" + CHAT.replace("\n", "\r\n").encode("utf-8"))
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    chosen = [str(binary), str(export)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (chosen.pop(0), "")))
    qtbot.mouseClick(dlg.capture.file_button, Qt.MouseButton.LeftButton)
    assert dlg.capture.status.text() == "“photo.txt” is not a text file."
    assert dlg.summary_edit.toPlainText() == ""
    qtbot.mouseClick(dlg.capture.file_button, Qt.MouseButton.LeftButton)
    assert dlg.summary_edit.toPlainText() == CHAT
    assert dlg.tickets.tickets() == ["1234567"]


def test_a_transcript_too_long_for_the_summary_is_attached_verbatim(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    long_chat = CHAT + "\n" + "\n".join(f"[11:{i // 60:02d}:{i % 60:02d} AM] You: line {i}" for i in range(900))
    assert len(long_chat) > MAX_LONG
    dlg.capture.apply_transcript(long_chat)
    assert "attached" in dlg.capture.status.text()
    assert "kept as the exhibit" in dlg.summary_edit.toPlainText()
    assert dlg.save()
    case = service.get_case(case_id)
    qtbot.waitUntil(lambda: len(service.get_case(case_id).attachments) == 1, timeout=10_000)
    case = service.get_case(case_id)
    stored = service.attachment_path(case.attachments[0].id).read_bytes()
    assert stored.decode("utf-8") == long_chat
    assert case.attachments[0].contact_id == case.contacts[0].id


def test_suggestions_from_the_summary_are_clicked_into_tickets_and_promises(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    qtbot.keyClicks(dlg.summary_edit, "Opened ticket #7654321, claim CLM-77-0001. "
                                      "They will call back within 48 hours.")
    qtbot.waitUntil(lambda: len(offered(dlg)) == 3, timeout=3000)
    assert offered(dlg) == ["Add ticket 7654321", "Add reference CLM-77-0001",
                            "Promise within 48 hours"]
    assert dlg.save_button.isEnabled()
    assert service.get_case(case_id).contacts == ()  # nothing saved silently
    assert dlg.tickets.tickets() == []
    # keyboard: Tab reaches the buttons, Space uses one
    first = dlg.capture.strip.buttons()[0]
    dlg.capture.file_button.setFocus()
    qtbot.keyClick(dlg.capture.file_button, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert dlg.tickets.tickets() == ["7654321"]
    qtbot.mouseClick(dlg.capture.strip.buttons()[-1], Qt.MouseButton.LeftButton)
    row = dlg.promise_rows[0]
    assert row.terms() == (None, 48, None)
    assert "call back within 48 hours" in row.text.text()
    assert offered(dlg) == ["Add reference CLM-77-0001"]
    qtbot.mouseClick(dlg.capture.strip.dismiss_button, Qt.MouseButton.LeftButton)
    assert offered(dlg) == [] and not dlg.capture.strip.isVisible()
    assert dlg.save()
    contact = service.get_case(case_id).contacts[0]
    assert contact.tickets == ("7654321",)
    assert [p.hours for p in contact.promises] == [48]
    assert contact.source == "typed"  # suggestions from what was typed: still typed


def test_a_promised_date_sets_the_promise_date(qtbot: Any, service: JournalService,
                                               case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    day = dlg.started_at().date() + timedelta(days=10)
    dlg.summary_edit.setPlainText(f"Refund by {day.month}/{day.day}/{day.year}.")
    qtbot.waitUntil(lambda: len(offered(dlg)) == 1, timeout=3000)
    assert offered(dlg) == [f"Promise due {day.isoformat()}"]
    qtbot.mouseClick(dlg.capture.strip.buttons()[0], Qt.MouseButton.LeftButton)
    assert dlg.promise_rows[0].terms() == (None, None, day)


def test_a_ticket_in_a_screenshots_recognised_text_is_offered_for_the_contact(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    shot = service.add_attachment(case_id, b"\x89PNG\r\n\x1a\n", original_name="chat.png")
    service.save_recognised_text(shot, "Request #2468024 opened", "test")
    dlg = open_dialog(qtbot, service, case_id)
    qtbot.waitUntil(lambda: len(offered(dlg)) == 1, timeout=3000)
    assert offered(dlg) == ["Add ticket 2468024 (from chat.png)"]
    assert "recognised text of chat.png" in dlg.capture.strip.buttons()[0].toolTip()
    qtbot.mouseClick(dlg.capture.strip.buttons()[0], Qt.MouseButton.LeftButton)
    assert dlg.tickets.tickets() == ["2468024"]
    assert dlg.capture.capture_source == "ocr-suggestion"
    dlg.summary_edit.setPlainText("Chat about the refund")
    assert dlg.save()
    [contact] = service.get_case(case_id).contacts
    assert contact.source == "ocr-suggestion"  # saved: the case file shows where it came from


def test_text_recognised_while_the_dialog_is_open_is_offered(qtbot: Any, service: JournalService,
                                                             case_id: int) -> None:
    from headway_journal.ui.capture.ocr_queue import ocr_events

    dlg = open_dialog(qtbot, service, case_id)
    shot = service.add_attachment(case_id, b"\x89PNG\r\n\x1a\n", original_name="s.png")
    service.save_recognised_text(shot, "ticket 135791", "test")
    ocr_events().changed.emit(object(), shot)  # another journal's exhibit
    assert offered(dlg) == []
    ocr_events().changed.emit(service, shot)
    qtbot.waitUntil(lambda: offered(dlg) == ["Add ticket 135791 (from s.png)"], timeout=3000)


def test_suggestion_dates_follow_the_contact_day(qtbot: Any, service: JournalService,
                                                 case_id: int) -> None:
    dlg = open_dialog(qtbot, service, case_id)
    dlg.start_edit.setDateTime(dlg.start_edit.dateTime().addDays(-3))
    dlg.summary_edit.setPlainText("I'll call tomorrow")
    qtbot.waitUntil(lambda: len(offered(dlg)) == 1, timeout=3000)
    expected: date = (datetime.now() - timedelta(days=3)).date() + timedelta(days=1)
    assert offered(dlg) == [f"Promise due {expected.isoformat()}"]


@pytest.mark.skipif(ocr.unavailable() is not None,
                    reason=f"Tesseract is not installed here ({ocr.unavailable()})")
def test_a_screenshot_pasted_in_a_new_contact_offers_its_ticket_before_saving(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    import io

    from PIL import Image, ImageDraw, ImageFont
    from PySide6.QtGui import QImage

    import headway_journal.casefile as casefile_pkg

    font = ImageFont.truetype(str(Path(casefile_pkg.__file__).parent / "fonts" /
                                  "DejaVuSans.ttf"), 24)
    img = Image.new("RGB", (640, 80), "white")
    ImageDraw.Draw(img).text((16, 24), "Ticket #3141592 created", fill="black", font=font)
    out = io.BytesIO()
    img.save(out, "PNG")
    dlg = open_dialog(qtbot, service, case_id)
    assert dlg.attachments.holding
    assert dlg.attachments.attach_image(case_id, QImage.fromData(out.getvalue()),
                                        original_name="shot.png")
    qtbot.waitUntil(lambda: "Add ticket 3141592 (from shot.png)" in offered(dlg), timeout=60_000)
    assert service.get_case(case_id).attachments == ()  # nothing stored before saving
    qtbot.mouseClick(dlg.capture.strip.buttons()[0], Qt.MouseButton.LeftButton)
    assert dlg.tickets.tickets() == ["3141592"]


@pytest.mark.skipif(ocr.unavailable() is not None,
                    reason=f"Tesseract is not installed here ({ocr.unavailable()})")
def test_a_screenshot_saved_with_a_new_contact_is_read_after_the_dialog_is_gone(
        qtbot: Any, service: JournalService, case_id: int) -> None:
    import io

    from PIL import Image, ImageDraw, ImageFont
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QImage

    import headway_journal.casefile as casefile_pkg

    font = ImageFont.truetype(str(Path(casefile_pkg.__file__).parent / "fonts" /
                                  "DejaVuSans.ttf"), 24)
    img = Image.new("RGB", (640, 80), "white")
    ImageDraw.Draw(img).text((16, 24), "Request #2718281 solved", fill="black", font=font)
    out = io.BytesIO()
    img.save(out, "PNG")
    dlg = ContactDialog(service, case_id)
    with qtbot.waitActive(dlg):
        dlg.show()
    dlg.attachments.attach_image(case_id, QImage.fromData(out.getvalue()),
                                 original_name="solved.png")
    assert dlg.save()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=30_000)
    dlg.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def read() -> bool:
        atts = service.get_case(case_id).attachments
        found = service.exhibit_text(atts[0].id) if atts else None
        return found is not None and "2718281" in found.text

    qtbot.waitUntil(read, timeout=60_000)
