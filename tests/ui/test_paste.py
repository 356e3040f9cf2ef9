"""Ctrl+V anywhere in the main window or the contact dialog: a screenshot or copied files are
attached (to the case shown / the contact being edited), text pasted into a text box stays
text, and a paste with nothing usable says so."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import ContactDialog
from headway_journal.ui.exhibits.drop_paste import NO_CASE, NOTHING, TEXT_ELSEWHERE, paste_kind

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
WAIT = 10_000


def picture(width: int = 64, height: int = 40) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("teal"))
    return image


def files_on_clipboard(*paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    QGuiApplication.clipboard().setMimeData(mime)


def ctrl_v(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)


def activate(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitActive(window)


def names(service: JournalService, case_id: int) -> list[str]:
    return sorted(a.original_name for a in service.get_case(case_id).attachments)


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: Any) -> None:
    QGuiApplication.clipboard().clear()


# --- the main window ------------------------------------------------------------------------


def test_image_pasted_in_the_search_box_is_attached_to_the_case_shown(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    window.set_view("all")
    window.select_case(sample.privacy)
    activate(qtbot, window)
    QGuiApplication.clipboard().setImage(picture())
    with qtbot.waitSignal(window.attachments.attached, timeout=WAIT):
        ctrl_v(qtbot, window.search_box)
    [name] = names(window.service, sample.privacy)
    assert name.startswith("pasted-") and name.endswith(".png")
    assert window.search_box.text() == ""


def test_text_pasted_in_the_search_box_stays_text(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    activate(qtbot, window)
    QGuiApplication.clipboard().setText("ESC-77310")
    ctrl_v(qtbot, window.search_box)
    assert window.search_box.text() == "ESC-77310"
    assert not window.attachments.busy
    assert names(window.service, sample.billing) == []


def test_files_pasted_after_the_toolbar_attach_are_attached(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    activate(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    window.act_attach.trigger()  # the picker was cancelled: Ctrl+V is how the files come
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4\n%%EOF\n")
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Headway\n", encoding="utf-8")
    files_on_clipboard(receipt, letter)
    target = window.focusWidget() or window
    with qtbot.waitSignal(window.attachments.attached, timeout=WAIT):
        qtbot.keyClick(target, Qt.Key.Key_V, CTRL)
    assert names(window.service, sample.billing) == ["letter.txt", "receipt.pdf"]


def test_image_pasted_on_the_case_list_is_attached(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    window.set_view("all")
    window.select_case(sample.technical)
    activate(qtbot, window)
    QGuiApplication.clipboard().setImage(picture())
    with qtbot.waitSignal(window.attachments.attached, timeout=WAIT):
        ctrl_v(qtbot, window.case_list)
    assert len(names(window.service, sample.technical)) == 1


@pytest.mark.parametrize("text,message", [("", NOTHING), ("HW-448812", TEXT_ELSEWHERE)])
def test_a_paste_with_nothing_usable_says_so(
        qtbot: Any, window: MainWindow, sample: Sample, text: str, message: str) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    activate(qtbot, window)
    if text:
        QGuiApplication.clipboard().setText(text)
    ctrl_v(qtbot, window.case_list)
    assert window.statusBar().currentMessage() == message
    assert names(window.service, sample.billing) == []


def test_no_case_shown_says_to_select_one(qtbot: Any, empty_window: MainWindow) -> None:
    activate(qtbot, empty_window)
    QGuiApplication.clipboard().setImage(picture())
    qtbot.keyClick(empty_window.focusWidget() or empty_window, Qt.Key.Key_V, CTRL)
    assert empty_window.statusBar().currentMessage() == NO_CASE


# --- the contact dialog ---------------------------------------------------------------------


def open_dialog(qtbot: Any, service: JournalService, case_id: int, **kw: Any) -> ContactDialog:
    dlg = ContactDialog(service, case_id, **kw)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return dlg


def test_image_pasted_in_the_summary_goes_with_the_new_contact(
        qtbot: Any, service: JournalService, sample: Sample) -> None:
    dlg = open_dialog(qtbot, service, sample.appointment)
    qtbot.keyClicks(dlg.summary_edit, "They cancelled by e-mail.")
    QGuiApplication.clipboard().setImage(picture())
    ctrl_v(qtbot, dlg.summary_edit)
    [held] = dlg.exhibit_strip.pending_names()
    assert held.startswith("pasted-") and held.endswith(".png")
    assert dlg.summary_edit.toPlainText() == "They cancelled by e-mail."
    # text pasted into a text box stays text
    QGuiApplication.clipboard().setText(" See ticket HW-1.")
    ctrl_v(qtbot, dlg.summary_edit)
    assert dlg.summary_edit.toPlainText().endswith(" See ticket HW-1.")
    assert len(dlg.exhibit_strip.pending_names()) == 1
    # in a one-line box too (the representative's name)
    QGuiApplication.clipboard().setText("Dana")
    ctrl_v(qtbot, dlg.rep_name)
    assert dlg.rep_name.text() == "Dana"
    qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dlg.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    case = service.get_case(sample.appointment)
    [contact] = case.contacts
    [att] = case.attachments
    assert att.contact_id == contact.id and att.original_name == held


def test_files_pasted_on_a_button_of_an_edited_contact_attach_at_once(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path) -> None:
    contact = service.get_case(sample.billing).contacts[0]
    dlg = open_dialog(qtbot, service, sample.billing, contact_id=contact.id)
    note = tmp_path / "call notes.txt"
    note.write_text("notes\n", encoding="utf-8")
    files_on_clipboard(note)
    with qtbot.waitSignal(dlg.attachments.attached, timeout=WAIT):
        ctrl_v(qtbot, dlg.add_promise_button)
    [att] = service.get_case(sample.billing).attachments
    assert (att.original_name, att.contact_id) == ("call notes.txt", contact.id)
    assert dlg.exhibit_strip.attached_names() == ["call notes.txt"]


def test_a_box_added_later_attaches_too(qtbot: Any, service: JournalService,
                                        sample: Sample) -> None:
    dlg = open_dialog(qtbot, service, sample.billing)
    qtbot.mouseClick(dlg.add_promise_button, Qt.MouseButton.LeftButton)
    row = dlg.promise_rows[-1]
    QGuiApplication.clipboard().setImage(picture())
    qtbot.keyClick(row.text, Qt.Key.Key_V, CTRL)
    assert len(dlg.exhibit_strip.pending_names()) == 1
    assert row.text.text() == ""
    dlg.attachments.discard_held(0)  # closing asks about kept files otherwise


def test_nothing_to_paste_in_the_dialog_says_so(qtbot: Any, service: JournalService,
                                                sample: Sample) -> None:
    dlg = open_dialog(qtbot, service, sample.billing)
    ctrl_v(qtbot, dlg.summary_edit)
    assert dlg.exhibit_strip.message.text() == NOTHING
    assert dlg.summary_edit.toPlainText() == ""


# --- the rule -------------------------------------------------------------------------------


def mime_with(*, text: str = "", image: bool = False, urls: tuple[str, ...] = ()) -> QMimeData:
    mime = QMimeData()
    if text:
        mime.setText(text)
    if image:
        mime.setImageData(picture())
    if urls:
        mime.setUrls([QUrl(u) for u in urls])
    return mime


@pytest.mark.parametrize("kw,in_box,kind", [
    ({"image": True}, True, "image"),
    ({"image": True}, False, "image"),
    ({"image": True, "text": "cells"}, True, "text"),  # an office program's copy: text wins
    ({"image": True, "text": "cells"}, False, "image"),
    ({"urls": ("file:///tmp/a.pdf",), "text": "/tmp/a.pdf"}, True, "files"),
    ({"text": "hello"}, True, "text"),
    ({"text": "hello"}, False, "text-elsewhere"),
    ({"urls": ("https://example.org",), "text": "https://example.org"}, False, "link"),
    ({"text": "   "}, False, "nothing"),
    ({}, True, "nothing"),
])
def test_paste_kind(kw: dict[str, Any], in_box: bool, kind: str) -> None:
    assert paste_kind(mime_with(**kw), in_text_box=in_box) == kind
