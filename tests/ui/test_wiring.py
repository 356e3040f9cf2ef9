"""The pieces wired into the window, used as a person would: paste, drop, capture, the contact
dialog's exhibits, the case file button, backups and restoring one, errors nobody caught."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolButton,
)

from headway_journal.journal import backup as jbackup
from headway_journal.journal.records import ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import ContactDialog
from headway_journal.ui.exhibits.capture import CaptureDialog, CaptureOptions
from headway_journal.ui.exhibits.worker import image_to_png

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

WAIT = 20_000
YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No


# --- helpers -------------------------------------------------------------------------------------


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def drawn_image(width: int = 96, height: int = 64) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(6, 6, 40, 20, QColor("crimson"))
    painter.fillRect(50, 30, 30, 20, QColor("#1e3a8a"))
    painter.end()
    return image


def activate(qtbot: Any, window: Any) -> None:
    """Shortcuts (Ctrl+V, Ctrl+Enter) need the window to be the active one."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitActive(window)


def send_drop(widget: Any, mime: QMimeData) -> QDropEvent:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(QPointF(40, 40), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    drop = QDropEvent(QPointF(40, 40), actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    QApplication.sendEvent(widget, drop)
    return drop


def thumbnails(window: Any, label: str) -> list[QToolButton]:
    column = window.case_pane.timeline_column
    found: list[QToolButton] = []
    for i in range(column.count()):
        card = column.itemAt(i).widget()
        if card is None:
            continue
        found += [b for b in card.findChildren(QToolButton)
                  if b.accessibleName() == f"Exhibit: {label}"]
    return found


class Boxes(dict[str, list[str]]):
    """The texts of the message boxes shown, by kind; ``answers`` for the questions."""

    def __init__(self) -> None:
        super().__init__(warning=[], information=[], critical=[], question=[])
        self.answers: list[QMessageBox.StandardButton] = []


@pytest.fixture
def no_boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """Message boxes answer at once and are recorded (a real one would hang the test)."""
    shown = Boxes()

    def record(kind: str) -> Any:
        def box(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
            shown[kind].append(text)
            if kind == "question":
                return shown.answers.pop(0) if shown.answers else NO
            return QMessageBox.StandardButton.Ok
        return staticmethod(box)

    for kind in list(shown):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


# --- exhibits in the window ----------------------------------------------------------------------


def test_ctrl_v_on_the_timeline_attaches_the_screenshot(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.appointment)  # no contacts yet: the timeline's empty state
    pane = window.case_pane
    pane.tabs.setCurrentIndex(0)
    activate(qtbot, window)
    image = drawn_image()
    QGuiApplication.clipboard().setImage(image)
    pane.timeline_area.setFocus()
    qtbot.keyClick(pane.timeline_area, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.exhibits.model.rowCount() == 1, timeout=WAIT)
    [att] = window.service.get_case(sample.appointment).attachments
    assert att.media_type == "image/png" and att.original_name.startswith("pasted-")
    assert att.contact_id is None
    stored = QImage(str(window.service.attachment_path(att.id)))
    fmt = QImage.Format.Format_ARGB32
    assert stored.convertToFormat(fmt) == image.convertToFormat(fmt)
    # the Exhibits tab shows it with its count; the timeline has a thumbnail that opens it
    assert pane.tabs.tabText(2) == "Exhibits (1)"
    assert pane.exhibits.model.view_at(0).id == att.id
    qtbot.waitUntil(lambda: len(thumbnails(window, att.original_name)) == 1, timeout=WAIT)
    [thumb] = thumbnails(window, att.original_name)
    assert not thumb.icon().isNull()
    assert "1 exhibit" in pane.timeline_summary.text()
    assert "Attached 1 file." in window.statusBar().currentMessage()


def test_ctrl_v_on_the_exhibits_tab_and_plain_text_left_alone(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.privacy)
    pane = window.case_pane
    pane.tabs.setCurrentIndex(2)
    activate(qtbot, window)
    QGuiApplication.clipboard().setText("ESC-77310")
    pane.timeline_area.setFocus()
    qtbot.keyClick(pane.timeline_area, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not window.attachments.busy
    QGuiApplication.clipboard().setImage(drawn_image(40, 30))
    pane.exhibits.empty_label.setFocus()
    qtbot.keyClick(pane.exhibits.empty_label, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.tabs.tabText(2) == "Exhibits (1)", timeout=WAIT)


def test_dropping_a_file_on_the_window_attaches_a_byte_identical_copy(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path) -> None:
    window.select_case(sample.billing)
    letter = tmp_path / "inbox" / "Refund letter.pdf"
    letter.parent.mkdir()
    data = b"%PDF-1.4\n% the refund letter\n%%EOF\n"
    letter.write_bytes(data)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(letter))])
    drop = send_drop(window, mime)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    qtbot.waitUntil(lambda: window.case_pane.tabs.tabText(2) == "Exhibits (1)", timeout=WAIT)
    [att] = window.service.get_case(sample.billing).attachments
    assert att.original_name == "Refund letter.pdf" and att.media_type == "application/pdf"
    stored = window.service.attachment_path(att.id).read_bytes()
    assert stored == data and att.sha256 == sha(data)
    assert letter.read_bytes() == data  # the original stays where it was


def test_dropping_an_image_on_the_window(qtbot: Any, window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.credentialing)
    mime = QMimeData()
    mime.setImageData(drawn_image(50, 40))
    send_drop(window, mime)
    qtbot.waitUntil(lambda: window.case_pane.tabs.tabText(2) == "Exhibits (1)", timeout=WAIT)
    [att] = window.service.get_case(sample.credentialing).attachments
    assert att.media_type == "image/png"


def test_drop_on_a_deleted_case_is_refused(window: MainWindow, sample: Sample,
                                           tmp_path: Path) -> None:
    window.service.delete_case(sample.technical)
    window.set_view("deleted")
    window.select_case(sample.technical)
    assert window.case_pane.deleted and window.attach_target() is None
    assert not window.act_capture.isEnabled() and not window.act_attach.isEnabled()
    panel = window.case_pane.exhibits
    assert panel.case_id() is None and not panel.attach_button.isEnabled()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPointF(40, 40), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_capture_action_attaches_a_png(qtbot: Any, window: MainWindow, sample: Sample,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window.select_case(sample.billing)
    asked: list[Any] = []

    def ask(cls: Any, parent: Any = None) -> CaptureOptions:
        asked.append(parent)
        return CaptureOptions(0, True)

    monkeypatch.setattr(CaptureDialog, "ask", classmethod(ask))
    # What the user wants captured: another window on the screen while this one hides (alone,
    # the test would capture an empty screen, which is refused as blank, as it should be)
    page = QLabel("Your claim was denied on 2026-11-20")
    page.setStyleSheet("QLabel { background: #ffffff; color: #000000; padding: 40px; }")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert window.act_capture.isEnabled()
    window.act_capture.trigger()
    assert asked == [window]
    qtbot.waitUntil(lambda: window.case_pane.tabs.tabText(2) == "Exhibits (1)", timeout=WAIT)
    [att] = window.service.get_case(sample.billing).attachments
    assert att.original_name.startswith("screen-capture-") and att.media_type == "image/png"
    assert window.service.attachment_path(att.id).read_bytes().startswith(b"\x89PNG")
    assert window.isVisible()  # hidden while capturing, shown again


def test_attachment_errors_are_shown_in_words(qtbot: Any, window: MainWindow, sample: Sample,
                                              tmp_path: Path) -> None:
    window.select_case(sample.billing)
    window.case_pane.tabs.setCurrentIndex(2)
    assert window.attach_files([tmp_path / "gone.png"]) == 1
    qtbot.waitUntil(lambda: not window.attachments.busy, timeout=WAIT)
    message = window.statusBar().currentMessage()
    assert "gone.png" in message and "Traceback" not in message
    assert any("gone.png" in m for m in window.case_pane.exhibits.messages.messages())


# --- the contact dialog's exhibits ---------------------------------------------------------------


def open_contact_dialog(qtbot: Any, service: JournalService, case_id: int,
                        **kw: Any) -> ContactDialog:
    dlg = ContactDialog(service, case_id, **kw)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return dlg


def pick(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def test_files_chosen_before_saving_are_attached_to_the_new_contact(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, no_boxes: Boxes) -> None:
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(image_to_png(drawn_image()))
    extra = tmp_path / "not this one.txt"
    extra.write_text("wrong file\n", encoding="utf-8")
    dlg = open_contact_dialog(qtbot, service, sample.appointment)
    strip = dlg.exhibit_strip
    pick(monkeypatch, receipt, extra)
    qtbot.mouseClick(strip.attach_button, Qt.MouseButton.LeftButton)
    assert strip.pending_names() == ["receipt.png", "not this one.txt"]
    assert service.get_case(sample.appointment).attachments == ()  # nothing stored yet
    [_keep, drop_it] = strip.chip_buttons()
    assert drop_it.accessibleName() == "Do not attach not this one.txt"
    qtbot.mouseClick(drop_it, Qt.MouseButton.LeftButton)
    assert strip.pending_names() == ["receipt.png"]

    qtbot.keyClicks(dlg.rep_name, "Dana Ortiz")
    qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.result() == QDialog.DialogCode.Accepted.value, timeout=WAIT)
    contact_id = dlg.saved_contact_id
    assert contact_id is not None
    [att] = service.get_case(sample.appointment).attachments
    assert att.contact_id == contact_id and att.original_name == "receipt.png"
    assert service.attachment_path(att.id).read_bytes() == receipt.read_bytes()
    assert dlg.attached_ids == [att.id]


def test_paste_and_drop_on_the_contact_dialog_before_saving(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        no_boxes: Boxes) -> None:
    dlg = open_contact_dialog(qtbot, service, sample.appointment)
    strip = dlg.exhibit_strip
    QGuiApplication.clipboard().setImage(drawn_image(30, 20))
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(strip.pending_names()) == 1 and strip.pending_names()[0].startswith("pasted-")
    # Ctrl+V in a text field pastes text as usual
    QGuiApplication.clipboard().setText("HW-448812")
    dlg.rep_id.setFocus()
    qtbot.keyClick(dlg.rep_id, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dlg.rep_id.text() == "HW-448812"
    chat = tmp_path / "chat.txt"
    chat.write_text("Agent: the refund is on its way\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(chat))])
    send_drop(dlg, mime)
    assert strip.pending_names()[1] == "chat.txt"
    # closing without saving asks first: the files would not be attached
    no_boxes.answers.append(NO)
    dlg.reject()
    assert dlg.isVisible() and no_boxes["question"]
    qtbot.keyClicks(dlg.rep_name, "Sam")
    dlg.save_button.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=WAIT)
    atts = service.get_case(sample.appointment).attachments
    assert {a.original_name for a in atts} == {strip_name(atts, "pasted-"), "chat.txt"}
    assert {a.contact_id for a in atts} == {dlg.saved_contact_id}


def strip_name(atts: Any, prefix: str) -> str:
    return str(next(a.original_name for a in atts if a.original_name.startswith(prefix)))


def test_an_edited_contact_attaches_at_once(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, no_boxes: Boxes) -> None:
    contact = service.get_case(sample.billing).contacts[0]
    dlg = open_contact_dialog(qtbot, service, sample.billing, contact_id=contact.id)
    note = tmp_path / "note.txt"
    note.write_text("Call notes\n", encoding="utf-8")
    pick(monkeypatch, note)
    with qtbot.waitSignal(dlg.attachments.attached, timeout=WAIT):
        dlg.exhibit_strip.attach_button.click()
    [att] = service.get_case(sample.billing).attachments
    assert att.contact_id == contact.id
    assert dlg.exhibit_strip.attached_names() == ["note.txt"]
    dlg.reject()  # nothing typed: closing keeps the exhibit (it is stored already)
    assert len(service.get_case(sample.billing).attachments) == 1


def test_log_contact_from_the_window_shows_its_exhibit_in_the_timeline(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, no_boxes: Boxes) -> None:
    shot = tmp_path / "portal.png"
    shot.write_bytes(image_to_png(drawn_image(80, 50)))
    window.select_case(sample.privacy)
    pick(monkeypatch, shot)

    def fill_and_save() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ContactDialog) and w.isVisible())
        dlg.exhibit_strip.attach_button.click()
        dlg.rep_name.setText("Jordan")
        dlg.save()

    QTimer.singleShot(50, fill_and_save)
    window.act_log_contact.trigger()  # exec() returns once the file is stored
    [att] = window.service.get_case(sample.privacy).attachments
    assert att.contact_id is not None
    assert window.case_pane.tabs.tabText(2) == "Exhibits (1)"
    assert len(thumbnails(window, "portal.png")) == 1


# --- the case file -------------------------------------------------------------------------------


def test_case_file_button_opens_the_dialog_and_exports(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, no_boxes: Boxes) -> None:
    from headway_journal.ui.casefile.dialog import CaseFileDialog

    window.select_case(sample.billing)
    for action in (window.act_case_file, window.act_print, window.act_preview_case_file):
        assert action.isEnabled()
    out = tmp_path / "case file.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "PDF documents (*.pdf)")))
    button = window.toolbar.widgetForAction(window.act_case_file)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in window.findChildren(CaseFileDialog) if d.isVisible()]
    assert dialog.case_id == sample.billing
    dialog.export_button.click()
    qtbot.waitUntil(out.is_file, timeout=60_000)
    qtbot.waitUntil(lambda: "Saved" in dialog.result_label.text(), timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF")
    dialog.close()


def test_preview_case_file_action_shows_every_page(
        qtbot: Any, window: MainWindow, sample: Sample, no_boxes: Boxes) -> None:
    from headway_journal.ui.casefile.dialog import CaseFileDialog

    window.select_case(sample.billing)
    window.act_preview_case_file.trigger()
    [dialog] = [d for d in window.findChildren(CaseFileDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: bool(dialog.previews), timeout=60_000)
    assert dialog.last_result is not None and dialog.last_result.pages >= 1
    assert dialog.result_label.text().startswith("Preview:")
    dialog.close()
    assert not no_boxes["warning"]


def test_no_case_no_case_file(empty_window: MainWindow) -> None:
    for action in (empty_window.act_case_file, empty_window.act_print,
                   empty_window.act_preview_case_file, empty_window.act_capture):
        assert not action.isEnabled()


# --- backups -------------------------------------------------------------------------------------


def close_backups(service: JournalService) -> list[Path]:
    return sorted(service.journal.backups_dir.glob("*-close.sqlite3"))


def test_closing_the_window_backs_up_when_something_changed(
        qtbot: Any, make_window: Any, service: JournalService, sample: Sample) -> None:
    first = make_window(service)
    first.select_case(sample.billing)
    first.set_case_status("waiting")  # a change, through the window
    first.close()
    [made] = close_backups(service)
    assert jbackup.check_backup(made) is None
    second = make_window(service)
    assert "last backup never" not in second.status_label.text()
    second.close()  # nothing changed since: no second backup
    assert close_backups(service) == [made]


def test_periodic_backup_needs_a_change_and_fifteen_minutes(
        window: MainWindow, sample: Sample, no_boxes: Boxes) -> None:
    assert window.backup_timer.isActive()
    window.session.changed_since_backup = False
    assert window.periodic_backup() is None
    window.set_case_status("waiting")
    made = window.periodic_backup()
    assert made is not None and made.name.endswith("-periodic.sqlite3")
    assert "last backup never" not in window.status_label.text()
    window.set_case_status("open")
    assert window.periodic_backup() is None  # the newest is younger than 15 minutes
    window.close()
    assert not no_boxes["warning"], no_boxes["warning"]


def test_back_up_now_uses_the_manager(window: MainWindow,
                                      no_boxes: Boxes) -> None:
    made = window.backup_now()
    assert made is not None and made.name.endswith("-manual.sqlite3")
    assert made.with_name(made.name.removesuffix(".sqlite3") + ".attachments.json").exists()
    assert no_boxes["information"] and str(made) in no_boxes["information"][0]


@pytest.fixture
def restorable(service: JournalService, sample: Sample) -> Iterator[Path]:
    """A manual backup of the sample, then a contact logged after it."""
    backup = jbackup.BackupManager(service.journal).make("manual")
    service.log_contact(sample.billing, ContactInput(
        started_at=datetime.now().astimezone() - timedelta(minutes=5),  # newest, never future
        channel="phone", rep_name="After The Backup", summary="Logged after the backup."))
    yield backup


def test_restore_dialog_restores_a_chosen_backup(
        qtbot: Any, make_window: Any, service: JournalService, sample: Sample,
        restorable: Path, no_boxes: Boxes) -> None:
    from headway_journal.ui.dialogs.restore_dialog import RestoreDialog

    window = make_window(service)
    window.select_case(sample.billing)
    assert any(c.rep_name == "After The Backup" for c in window.case_pane.case.contacts)
    window.act_restore_backup.trigger()
    [dialog] = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    texts = [dialog.tree.topLevelItem(0).text(c) for c in range(4)]
    assert texts[1] == "Back up now" and texts[3] == "✓ sound"
    assert dialog.select_path(restorable)
    no_boxes.answers.append(YES)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    [question] = no_boxes["question"]
    assert "backed up first" in question
    assert window.service is not service  # reopened
    fresh = window.service
    try:
        case = fresh.get_case(sample.billing)
        assert not any(c.rep_name == "After The Backup" for c in case.contacts)
        assert window.case_pane.case_id == sample.billing
        assert not any(c.rep_name == "After The Backup" for c in window.case_pane.case.contacts)
        reasons = [b.reason for b in jbackup.list_backups(fresh.folder)]
        assert "before-restore" in reasons
        assert "Restored the backup" in window.statusBar().currentMessage()
        # the state before the restore can be restored in turn
        before = next(b for b in jbackup.list_backups(fresh.folder)
                      if b.reason == "before-restore")
        assert jbackup.check_backup(before.path) is None
        assert window.act_new_case.isEnabled()
    finally:
        window.close()
        fresh.close()


def test_restore_of_a_damaged_backup_changes_nothing(
        qtbot: Any, window: MainWindow, service: JournalService,
        no_boxes: Boxes) -> None:
    bad = service.journal.backups_dir / "20260101T000000Z-manual.sqlite3"
    bad.write_bytes(b"not a database at all " * 100)
    assert window.restore_backup(bad) is False
    assert window.service is service and no_boxes["warning"]
    assert "Nothing was changed" in no_boxes["warning"][0]


def test_back_up_to_a_file_then_restore_it_from_the_other_file_button(
        qtbot: Any, make_window: Any, service: JournalService, sample: Sample,
        tmp_path: Path, no_boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from headway_journal.ui.dialogs.restore_dialog import RestoreDialog

    window = make_window(service)
    chosen = tmp_path / "usb" / "my journal"  # no extension typed
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(chosen), "")))
    window.act_backup_file.trigger()
    copy = chosen.with_name("my journal.sqlite3")
    assert jbackup.check_backup(copy) is None
    assert jbackup.sidecar_path(copy).is_file()
    assert str(copy) in window.statusBar().currentMessage()
    # something recorded after the copy
    service.log_contact(sample.billing, ContactInput(
        started_at=datetime.now().astimezone() - timedelta(minutes=5),
        channel="phone", rep_name="After The Copy", summary="Logged after the copy."))
    window.act_restore_backup.trigger()
    [dialog] = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    # a file that is not a backup: a message in the dialog, nothing asked, nothing changed
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"shopping list " * 200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(junk), "")))
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert "Nothing was changed" in dialog.message.text() and not no_boxes["question"]
    assert window.service is service
    # the copy: asked first, then restored
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(copy), "")))
    no_boxes.answers.append(YES)
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    [question] = no_boxes["question"]
    assert "my journal.sqlite3" in question and "backed up first" in question
    fresh = window.service
    assert fresh is not service
    try:
        case = fresh.get_case(sample.billing)
        assert not any(c.rep_name == "After The Copy" for c in case.contacts)
        reasons = [b.reason for b in jbackup.list_backups(fresh.folder)]
        assert "before-restore" in reasons
    finally:
        window.close()
        fresh.close()


def test_a_backup_never_replaces_the_journal_itself(service: JournalService) -> None:
    with pytest.raises(ValueError, match="cannot replace the journal"):
        jbackup.backup_to_file(service.folder, service.folder / "journal.sqlite3")


# --- errors nobody caught ------------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture
def test_uncaught_error_is_logged_and_shown_in_one_sentence(
        qtbot: Any, tmp_path: Path, no_boxes: Boxes) -> None:
    from headway_journal.ui.app import ErrorReporter

    folder = tmp_path / "journal"
    folder.mkdir()
    reporter = ErrorReporter(folder)
    reporter.install()
    try:
        assert sys.excepthook is reporter

        def boom() -> None:
            detail = "".join(["the printer ", "caught fire"])  # (not in the source line below)
            raise RuntimeError(detail + "\nsecond line")

        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: bool(no_boxes["critical"]), timeout=5000)
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter
    [text] = no_boxes["critical"]
    log = folder / "logs" / "errors.log"
    assert text == ("Something went wrong: RuntimeError: the printer caught fire second line. "
                    f"Your journal is safe; details were written to {log}.")
    written = log.read_text(encoding="utf-8")
    assert "Traceback" in written and "builtins.RuntimeError" in written
    assert "in boom" in written
    assert "printer caught fire" not in written  # messages can quote the journal: never logged
    assert (log.stat().st_mode & 0o777) == 0o600


def test_logged_exceptions_keep_their_messages_out(capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from headway_journal.ui.app import PrivateFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(PrivateFormatter("%(levelname)s %(name)s: %(message)s"))
    log = logging.getLogger("headway_journal.test_private")
    log.addHandler(handler)
    log.propagate = False
    value = "".join(["Alexei ", "Smirnov, member ID 88-2231"])
    try:
        try:
            raise KeyError(value)
        except KeyError as exc:
            raise ValueError(f"{value} is not valid") from exc
    except ValueError:
        log.error("the case file build failed", exc_info=True)
    finally:
        log.removeHandler(handler)
    err = capsys.readouterr().err
    assert "ERROR headway_journal.test_private: the case file build failed" in err
    assert "builtins.KeyError" in err and "builtins.ValueError" in err
    assert "Smirnov" not in err and "88-2231" not in err


def test_service_errors_in_the_window_are_plain_words(
        window: MainWindow, sample: Sample, monkeypatch: pytest.MonkeyPatch,
        no_boxes: Boxes) -> None:
    from sqlalchemy.exc import OperationalError

    def locked(*_a: Any, **_k: Any) -> None:
        raise OperationalError("UPDATE cases", {}, Exception("database is locked"))

    monkeypatch.setattr(window.service, "set_case_status", locked)
    window.select_case(sample.billing)
    window.set_case_status("waiting")
    [text] = no_boxes["warning"]
    assert text.startswith("The journal is busy in another program")
    assert "NOT saved" in window.status_label.text()


# --- start-up: a damaged journal with a sound backup ---------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, bytes]:
    """A journal with one case and an "open" backup, whose database then got damaged."""
    from headway_journal.journal.records import CaseInput

    folder = tmp_path / "journal"
    svc = JournalService.open(folder)
    org = svc.organization_by_key("headway")
    assert org is not None
    svc.create_case(CaseInput(title="Kept in the backup", organization_id=org.id,
                              issue_type="billing", role="client"))
    jbackup.BackupManager(svc.journal).make("open")
    svc.close()
    garbage = b"this is not an SQLite database " * 200
    (folder / "journal.sqlite3").write_bytes(garbage)
    return folder, garbage


def test_damaged_journal_no_quits_without_touching_anything(
        qapp: Any, damaged: tuple[Path, bytes], no_boxes: Boxes) -> None:
    from headway_journal.ui.app import run_gui

    folder, garbage = damaged
    before = sorted(p.name for p in (folder / "backups").iterdir())
    no_boxes.answers.append(NO)
    assert run_gui(folder) == 1
    [question] = no_boxes["question"]
    assert "Restore the newest sound backup (" in question
    assert (folder / "journal.sqlite3").read_bytes() == garbage
    assert sorted(p.name for p in (folder / "backups").iterdir()) == before
    assert not no_boxes["critical"]


def test_damaged_journal_yes_restores_the_newest_sound_backup(
        qapp: Any, damaged: tuple[Path, bytes], no_boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.app import run_gui
    from headway_journal.ui.main_window import MainWindow

    folder, garbage = damaged
    seen: dict[str, Any] = {}

    def fake_exec(*_a: Any) -> int:
        [win] = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()]
        seen["cases"] = win.counts.get("all")
        seen["message"] = win.statusBar().currentMessage()
        win.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    no_boxes.answers.append(YES)
    assert run_gui(folder) == 0
    assert seen["cases"] == 1
    assert seen["message"].startswith("Restored the backup of")
    kept = [p for p in (folder / "backups").iterdir() if p.name.endswith("-replaced.sqlite3")]
    assert len(kept) == 1 and kept[0].read_bytes() == garbage  # the damaged file, set aside
    assert not no_boxes["critical"]
