"""Attaching exhibits as a user would: paste, drop, pick, capture; the Exhibits panel; viewer."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from headway_journal import platform
from headway_journal.journal import view_copies
from headway_journal.journal.records import AttachmentView, CaseInput, ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.exhibits.capture import (
    CaptureDialog,
    CaptureOptions,
    capture_and_attach,
    capture_screen,
)
from headway_journal.ui.exhibits.cards import STATE_ROLE
from headway_journal.ui.exhibits.controller import AttachmentController
from headway_journal.ui.exhibits.describe import human_size
from headway_journal.ui.exhibits.drop_paste import install_drop_target
from headway_journal.ui.exhibits.files import (
    ExportError,
    export_file_name,
    open_in_system_viewer,
    pick_and_attach,
    viewer_copy,
)
from headway_journal.ui.exhibits.panel import ExhibitsPanel
from headway_journal.ui.exhibits.viewer import ImageViewer

# --------------------------------------------------------------------------- helpers


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def png_bytes(size: tuple[int, int] = (120, 80), color: str = "steelblue") -> bytes:
    img = Image.new("RGB", size, color)
    for x in range(0, size[0], 7):  # some structure, so pixels can be compared meaningfully
        img.putpixel((x, x % size[1]), (255, 200, 0))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height (a decompression bomb)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def drawn_image(width: int = 64, height: int = 48) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(4, 4, 20, 10, QColor("crimson"))
    painter.fillRect(30, 20, 25, 20, QColor(0, 128, 255, 200))
    painter.end()
    return image


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def wait_idle(qtbot: Any, controller: AttachmentController) -> None:
    qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)


def live(svc: JournalService, case_id: int) -> list[Any]:
    return list(svc.get_case(case_id).attachments)


def mime_with_files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


def new_case(svc: JournalService, title: str = "Double charge for 12 Nov session") -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                                     role="client", summary="Charged twice"))


@pytest.fixture
def case_id(svc: JournalService) -> int:
    return new_case(svc)


@pytest.fixture
def controller(qapp: QApplication, svc: JournalService) -> Iterator[AttachmentController]:
    c = AttachmentController(svc)
    yield c
    c.shutdown()
    c.deleteLater()


@pytest.fixture
def messages(controller: AttachmentController) -> dict[str, list[str]]:
    got: dict[str, list[str]] = {"failed": [], "notice": []}
    controller.failed.connect(got["failed"].append)
    controller.notice.connect(got["notice"].append)
    return got


@pytest.fixture
def panel(qtbot: Any, svc: JournalService, controller: AttachmentController,
          case_id: int) -> ExhibitsPanel:
    p = ExhibitsPanel(svc, controller)
    qtbot.addWidget(p)
    p.set_case(svc.get_case(case_id))
    p.resize(900, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A modal box in a test would hang it: fail loudly instead, and record warnings."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: object, title: str, text: str, *a: object) -> object:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def attach_and_wait(qtbot: Any, controller: AttachmentController, case_id: int,
                    paths: list[Path], **kw: Any) -> list[int]:
    got: list[list[int]] = []
    controller.attached.connect(got.append)
    controller.attach_paths(case_id, paths, **kw)
    wait_idle(qtbot, controller)
    controller.attached.disconnect(got.append)
    return [i for ids in got for i in ids]


# --------------------------------------------------------------------------- paste


def test_ctrl_v_on_the_panel_attaches_the_clipboard_image_as_png(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, case_id: int) -> None:
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "Drop screenshots here, paste with Ctrl+V, or click Attach"
    image = drawn_image()
    QGuiApplication.clipboard().setImage(image)
    panel.empty_label.setFocus()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.empty_label, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [att] = live(svc, case_id)
    assert att.media_type == "image/png"
    assert att.original_name.startswith("pasted-") and att.original_name.endswith(".png")
    stored = QImage(str(svc.attachment_path(att.id)))
    assert not stored.isNull()
    fmt = QImage.Format.Format_ARGB32
    assert stored.convertToFormat(fmt) == image.convertToFormat(fmt)
    # the list replaced the empty state, the new exhibit is selected
    assert panel.stack.currentWidget() is panel.list_view
    assert panel.selected_ids() == [att.id]

    # Ctrl+V again, now on the list itself, with another picture
    second = drawn_image(30, 30)
    QGuiApplication.clipboard().setImage(second)
    panel.list_view.setFocus()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(live(svc, case_id)) == 2
    # two pastes within a minute (here within a second or two) never share a name
    third = drawn_image(20, 50)
    QGuiApplication.clipboard().setImage(third)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    names = [a.original_name for a in live(svc, case_id)]
    assert len(names) == 3 and len(set(names)) == 3, names


def test_names_for_pasted_images_are_unique_to_the_second_and_beyond() -> None:
    from datetime import datetime

    from headway_journal.ui.names import timestamped_name

    at = datetime(2026, 11, 26, 14, 32, 7)
    first = timestamped_name("pasted-test", now=at)
    assert first == "pasted-test-2026-11-26-143207.png"
    assert timestamped_name("pasted-test", now=at) == "pasted-test-2026-11-26-143207-2.png"
    assert timestamped_name("pasted-test", now=at) == "pasted-test-2026-11-26-143207-3.png"
    assert timestamped_name("pasted-test", now=at.replace(second=8)).endswith("143208.png")


def test_ctrl_v_with_text_on_the_clipboard_is_left_alone(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int) -> None:
    QGuiApplication.clipboard().setText("ESC-77310")
    assert not panel.paste_handler.clipboard_attachable()
    panel.empty_label.setFocus()
    qtbot.keyClick(panel.empty_label, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not controller.busy
    assert live(svc, case_id) == []


def test_ctrl_v_with_a_web_link_on_the_clipboard_is_left_alone(
        qtbot: Any, panel: ExhibitsPanel, controller: AttachmentController) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://help.headway.co")])
    mime.setText("https://help.headway.co")
    QGuiApplication.clipboard().setMimeData(mime)
    assert not panel.paste_handler.clipboard_attachable()
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile("/tmp/receipt.pdf")])
    QGuiApplication.clipboard().setMimeData(files)  # copied in a file manager
    assert panel.paste_handler.clipboard_attachable()


def test_pasting_the_same_screenshot_twice_keeps_one(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        messages: dict[str, list[str]]) -> None:
    image = drawn_image()
    controller.attach_image(case_id, image)
    controller.attach_image(case_id, image)
    wait_idle(qtbot, controller)
    assert len(live(svc, case_id)) == 1
    assert messages["notice"] and "already attached" in messages["notice"][0]


# --------------------------------------------------------------------------- drop


def send_drag(widget: QWidget, mime: QMimeData) -> QDragEnterEvent:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    return enter


def send_drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    drop = QDropEvent(QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    QApplication.sendEvent(widget, drop)
    return drop


def test_dropping_files_attaches_byte_identical_copies(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, case_id: int,
        tmp_path: Path) -> None:
    shot = write(tmp_path / "in" / "chat transcript.png", png_bytes())
    letter = write(tmp_path / "in" / "letter.pdf", b"%PDF-1.4\n% a letter\n%%EOF\n")
    mime = mime_with_files(shot, letter)

    enter = send_drag(panel, mime)
    assert enter.isAccepted()
    assert enter.dropAction() == Qt.DropAction.CopyAction  # a file manager never moves it
    assert panel.drop_target.highlighted
    QApplication.sendEvent(panel, QDragLeaveEvent())
    assert not panel.drop_target.highlighted

    send_drag(panel, mime)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        drop = send_drop(panel, mime)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    assert not panel.drop_target.highlighted
    atts = {a.original_name: a for a in live(svc, case_id)}
    assert set(atts) == {"chat transcript.png", "letter.pdf"}
    for name, src in (("chat transcript.png", shot), ("letter.pdf", letter)):
        stored = svc.attachment_path(atts[name].id)
        assert sha(stored.read_bytes()) == sha(src.read_bytes()) == atts[name].sha256
    assert atts["letter.pdf"].media_type == "application/pdf"
    assert shot.exists() and letter.exists()  # the originals are untouched
    assert panel.model.rowCount() == 2


def test_the_exhibit_model_keeps_qt_s_rules(
        qtbot: Any, qtmodeltester: Any, svc: JournalService, panel: Any, case_id: int) -> None:
    """Qt's own checks of the Exhibits tab's model, empty and with exhibits (files without a
    thumbnail, so no thumbnail arrives while the tester watches after the test)."""
    qtmodeltester.check(panel.model, force_py=True)
    svc.add_attachment(case_id, b"call notes\n" * 10, original_name="notes.txt",
                       caption="What they said")
    svc.add_attachment(case_id, b"%PDF-1.4\n%%EOF\n", original_name="letter.pdf")
    panel.set_case(svc.get_case(case_id))
    assert panel.model.rowCount() == 2
    qtmodeltester.check(panel.model, force_py=True)


def test_attached_images_get_their_print_copy_on_the_worker(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        tmp_path: Path) -> None:
    """The case file's print-size copy is made by the worker that stores the file, before
    the batch is reported done, so the first case file finds it ready."""
    shot = write(tmp_path / "big.png", png_bytes((2000, 1000)))
    letter = write(tmp_path / "letter.pdf", b"%PDF-1.4\n% a letter\n%%EOF\n")
    ids = attach_and_wait(qtbot, controller, case_id, [shot, letter])
    assert len(ids) == 2
    folder = svc.store.root / "print"
    made = sorted(p for p in folder.rglob("*") if p.is_file())
    digest = sha(shot.read_bytes())
    assert made == [folder / "1600" / digest[:2] / (digest[2:] + ".png")]
    copy = svc.store.print_copy(digest)
    assert copy is not None and (copy.width, copy.height) == (1600, 800)
    assert os.listdir(svc.store.root / "tmp") == []


def test_drop_is_refused_without_a_case_and_for_plain_text(
        qtbot: Any, svc: JournalService, controller: AttachmentController) -> None:
    p = ExhibitsPanel(svc, controller)
    qtbot.addWidget(p)
    p.set_case(None)
    text = QMimeData()
    text.setText("just words")
    assert not controller.can_accept(text)
    assert not send_drag(p, mime_with_files(Path("/tmp/x.png"))).isAccepted()
    assert not p.attach_button.isEnabled()


def test_web_links_are_not_files_but_an_image_next_to_them_is_attached(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        messages: dict[str, list[str]]) -> None:
    link_only = QMimeData()
    link_only.setUrls([QUrl("https://help.headway.co/ticket/123")])
    assert controller.attach_mime(case_id, link_only) is False
    assert "is a web link, not a file" in messages["failed"][0]
    assert live(svc, case_id) == []

    browser_copy = QMimeData()  # "Copy image" in a browser: the image plus its web address
    browser_copy.setUrls([QUrl("https://example.com/receipt.png")])
    browser_copy.setImageData(drawn_image())
    assert controller.attach_mime(case_id, browser_copy) is True
    wait_idle(qtbot, controller)
    [att] = live(svc, case_id)
    assert att.media_type == "image/png"


def test_raw_png_on_the_clipboard_is_stored_exactly(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int) -> None:
    data = png_bytes((50, 20), "olive")
    mime = QMimeData()
    mime.setData("image/png", data)
    assert controller.attach_mime(case_id, mime)
    wait_idle(qtbot, controller)
    [att] = live(svc, case_id)
    assert svc.attachment_path(att.id).read_bytes() == data


def test_drop_target_on_any_widget_attaches_to_a_contact(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        tmp_path: Path) -> None:
    from datetime import UTC, datetime

    contact_id = svc.log_contact(case_id, ContactInput(
        started_at=datetime(2026, 11, 20, 15, 0, tzinfo=UTC), channel="phone",
        direction="outbound", rep_name="Priya Raman", summary="Escalated"))
    strip = QWidget()
    qtbot.addWidget(strip)
    strip.resize(300, 100)
    strip.show()
    target = install_drop_target(strip, controller, lambda: case_id, lambda: contact_id)
    src = write(tmp_path / "receipt.png", png_bytes())
    send_drag(strip, mime_with_files(src))
    assert target.highlighted
    with qtbot.waitSignal(controller.attached, timeout=10_000):
        send_drop(strip, mime_with_files(src))
    [att] = live(svc, case_id)
    assert att.contact_id == contact_id


# --------------------------------------------------------------------------- picker


def test_picker_attaches_several_files_and_remembers_the_folder(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, case_id: int,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = write(tmp_path / "shots" / "one.png", png_bytes(color="red"))
    b = write(tmp_path / "shots" / "two.png", png_bytes(color="green"))
    asked: list[str] = []

    def fake(parent: object, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(folder)
        assert "All files (*)" in filters
        return [str(a), str(b)], "All files (*)"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake))
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    assert sorted(x.original_name for x in live(svc, case_id)) == ["one.png", "two.png"]
    assert sorted(panel.selected_ids()) == sorted(x.id for x in live(svc, case_id))

    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args: fake(*args) and ([], "")))
    assert pick_and_attach(panel, panel._controller, case_id) == 0  # cancelled
    assert asked[-1] == str(tmp_path / "shots")


# --------------------------------------------------------------------------- bad files


def test_bad_files_each_get_a_sentence_and_the_good_ones_still_attach(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        messages: dict[str, list[str]], tmp_path: Path) -> None:
    good = write(tmp_path / "good.png", png_bytes())
    empty = write(tmp_path / "empty.png", b"")
    bomb = write(tmp_path / "innocent.png", png_claiming(30000, 30000))
    full = png_bytes((300, 200))
    corrupt = write(tmp_path / "cut.png", full[: len(full) // 2])
    real = write(tmp_path / "real" / "target.png", png_bytes(color="purple"))
    link = tmp_path / "link-to-screenshot.png"
    link.symlink_to(real)
    odd = write(tmp_path / "bad\nname.png", png_bytes(color="navy"))
    odd_via_dotdot = tmp_path / "sub" / ".." / odd.name
    (tmp_path / "sub").mkdir()
    vanished = tmp_path / "gone.png"
    folder = tmp_path / "a folder"
    folder.mkdir()

    ids = attach_and_wait(qtbot, controller, case_id,
                          [empty, good, bomb, corrupt, link, odd_via_dotdot, vanished, folder])
    failed = messages["failed"]
    assert len(failed) == 4, failed
    assert any(m.startswith("\u201cempty.png\u201d is empty") for m in failed)
    assert any(m.startswith("\u201cinnocent.png\u201d is an image too large") for m in failed)
    assert any(m.startswith("\u201cgone.png\u201d could not be found") for m in failed)
    assert any(m.startswith("\u201ca folder\u201d is a folder") for m in failed)
    assert all("Traceback" not in m and "\n" not in m for m in failed)

    atts = {a.original_name: a for a in live(svc, case_id)}
    assert len(ids) == 4 and set(atts) == {
        "good.png", "cut.png", "link-to-screenshot.png", "bad_name.png"}
    # corrupt: kept byte for byte, marked without preview, and the user is told
    assert atts["cut.png"].preview_ok is False
    assert svc.attachment_path(atts["cut.png"].id).read_bytes() == full[: len(full) // 2]
    assert any("cut.png" in m and "no preview" in m for m in messages["notice"])
    # symbolic link: the content is copied; the store holds a regular file
    stored_link = svc.attachment_path(atts["link-to-screenshot.png"].id)
    assert not stored_link.is_symlink() and stored_link.read_bytes() == real.read_bytes()
    # a newline in a name is shown as "_" and the "../" never reaches the name
    assert "\n" not in "".join(atts)


def test_files_over_the_limit_are_refused(
        qtbot: Any, svc: JournalService, case_id: int, tmp_path: Path) -> None:
    svc.set_setting("attachment_limit_mb", "1")
    controller = AttachmentController(svc)
    failed: list[str] = []
    controller.failed.connect(failed.append)
    big = write(tmp_path / "recording.mp4", b"\x00" * (1024 * 1024 + 1))
    small = write(tmp_path / "small.png", png_bytes())
    assert attach_and_wait(qtbot, controller, case_id, [big, small])
    assert [a.original_name for a in live(svc, case_id)] == ["small.png"]
    assert failed == ["\u201crecording.mp4\u201d is larger than the 1 MB limit for attachments "
                      "(the limit can be changed in Settings); nothing was attached."]
    controller.shutdown()


def test_no_case_means_nothing_attached(
        controller: AttachmentController, messages: dict[str, list[str]],
        tmp_path: Path) -> None:
    assert controller.attach_paths(None, [write(tmp_path / "a.png", png_bytes())]) == 0
    assert controller.attach_image(None, QImage()) is False
    assert len(messages["failed"]) == 2


def test_big_batches_show_a_progress_dialog(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        tmp_path: Path) -> None:
    controller.progress_dialog_bytes = 100  # pretend these are large files
    files = [write(tmp_path / f"{n}.png", png_bytes(color=c))
             for n, c in enumerate(("red", "green", "blue"))]
    steps: list[tuple[int, int]] = []
    controller.progress.connect(lambda done, total: steps.append((done, total)))
    parent = QWidget()
    qtbot.addWidget(parent)
    controller.setParent(parent)
    controller.attach_paths(case_id, files)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and dialog.isVisible()
    assert "3 files" in dialog.labelText()
    wait_idle(qtbot, controller)
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert len(live(svc, case_id)) == 3
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted later)
    # one big file: a busy indicator naming it
    controller.attach_paths(case_id, [write(tmp_path / "recording.mp4", b"\x00" * 4096)])
    single = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
    assert len(single) == 1 and single[0].maximum() == 0
    assert "\u201crecording.mp4\u201d" in single[0].labelText()
    wait_idle(qtbot, controller)
    assert len(live(svc, case_id)) == 4
    controller.setParent(None)


def test_stopping_a_batch_says_how_many_were_left(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        messages: dict[str, list[str]], tmp_path: Path) -> None:
    files = [write(tmp_path / f"{n}.png", png_bytes(color=c))
             for n, c in enumerate(("red", "green", "blue"))]
    blocker = __import__("threading").Event()
    # hold the worker (one batch at a time) so the batch can be stopped first
    controller.tasks.start(lambda _context: blocker.wait())
    controller.attach_paths(case_id, files)
    for batch in controller._batches.values():
        batch.task.cancel()
    blocker.set()
    wait_idle(qtbot, controller)
    assert live(svc, case_id) == []
    assert messages["failed"] == ["Stopped: 3 files were not attached."]



def test_a_broken_copy_ends_the_batch_with_a_sentence(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        messages: dict[str, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Something unexpected outside the per-file handling (here the print copy, which never
    raises) still ends the batch: a plain sentence, no traceback, and not busy for ever."""
    def broken(_blob: Any) -> None:
        raise RuntimeError("bug in the print copy")

    monkeypatch.setattr(svc.store, "make_print_copy", broken)
    busy: list[bool] = []
    controller.busy_changed.connect(busy.append)
    assert controller.attach_paths(case_id, [write(tmp_path / "a.png", png_bytes())]) == 1
    wait_idle(qtbot, controller)
    assert busy == [True, False]
    assert messages["failed"] == ["Something went wrong while attaching; the files not yet "
                                  "copied were not attached."]
    assert len(live(svc, case_id)) == 1  # the file copied before the fault was attached


# --------------------------------------------------------------------------- panel actions


def select_only(panel: ExhibitsPanel, attachment_id: int) -> None:
    panel.select_ids([attachment_id])
    assert panel.selected_ids() == [attachment_id]


def test_remove_then_restore(qtbot: Any, svc: JournalService, panel: ExhibitsPanel,
                             controller: AttachmentController, case_id: int,
                             tmp_path: Path) -> None:
    [aid] = attach_and_wait(qtbot, controller, case_id, [write(tmp_path / "r.png", png_bytes())])
    select_only(panel, aid)
    panel.list_view.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.removed_toggle.isVisible()
    assert panel.removed_toggle.text() == "Removed exhibits (1)"
    panel.removed_toggle.setChecked(True)
    assert panel.removed_box.isVisible()
    assert panel.removed_ids() == [aid]
    assert svc.get_case(case_id).removed_attachments[0].id == aid

    panel.removed_list.item(0).setSelected(True)
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert [a.id for a in live(svc, case_id)] == [aid]
    assert panel.removed_list.count() == 0 and not panel.removed_toggle.isVisible()
    assert panel.selected_ids() == [aid]


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_empty_removed_asks_first_and_names_the_count(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    only_here = write(tmp_path / "only-here.png", png_bytes(color="red"))
    shared = write(tmp_path / "shared.png", png_bytes(color="green"))
    ids = attach_and_wait(qtbot, controller, case_id, [only_here, shared])
    other_case = new_case(svc, "Login lockout")
    attach_and_wait(qtbot, controller, other_case, [shared])  # same file, still in use there
    panel.select_ids(ids)
    panel.remove_selected()
    hashes = {a.original_name: a.sha256 for a in svc.get_case(case_id).removed_attachments}
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *a: object) -> object:
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    deleted = panel.empty_removed()
    assert asked and asked[0].startswith("Delete 2 removed exhibits for good?")
    if answer == "No":
        assert deleted == 0
        assert panel.removed_list.count() == 2
        assert svc.store.exists(hashes["only-here.png"])
    else:
        assert deleted == 2
        assert panel.removed_list.count() == 0
        assert svc.get_case(case_id).removed_attachments == ()
        assert not svc.store.exists(hashes["only-here.png"])  # unused: deleted for good
        assert svc.store.exists(hashes["shared.png"])  # still attached to the other case


def test_edit_caption(qtbot: Any, svc: JournalService, panel: ExhibitsPanel,
                     controller: AttachmentController, case_id: int, tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    [aid] = attach_and_wait(qtbot, controller, case_id, [write(tmp_path / "c.png", png_bytes())])
    select_only(panel, aid)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(
        lambda *a, **k: ("Supervisor accepted escalation", True)))
    assert panel.edit_selected_caption()
    assert svc.attachment(aid).caption == "Supervisor accepted escalation"
    assert panel.model.data(panel.model.index(0)) == "Supervisor accepted escalation"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(
        lambda *a, **k: ("card 4242 4242 4242 4242", True)))
    assert not panel.edit_selected_caption()
    assert panel.messages.isVisible() and "caption was not saved" in panel.messages.messages()[0]


def test_keyboard_and_context_menu_on_the_list(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [aid] = attach_and_wait(qtbot, controller, case_id, [write(tmp_path / "k.png", png_bytes())])
    select_only(panel, aid)
    panel.list_view.setFocus()
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Refund page", True)))
    qtbot.keyClick(panel.list_view, Qt.Key.Key_F2)
    assert svc.attachment(aid).caption == "Refund page"
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    viewers = [w for w in panel.findChildren(ImageViewer) if w.isVisible()]
    assert len(viewers) == 1 and viewers[0].attachment_id == aid
    viewers[0].close()

    rect = panel.list_view.visualRect(panel.model.index(0))
    panel._context_menu(rect.center())
    menus = [m for m in panel.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    texts = [a.text() for a in menus[0].actions() if a.text()]
    assert texts[:5] == ["Open", "Open with system viewer", "Save a copy as\u2026",
                         "Edit caption\u2026", "Remove"]
    menus[0].close()


def test_thumbnails_are_made_lazily_and_damaged_images_say_no_preview(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int, tmp_path: Path) -> None:
    full = png_bytes((300, 200))
    attach_and_wait(qtbot, controller, case_id, [write(tmp_path / "ok.png", full),
                                                 write(tmp_path / "cut.png", full[:300])])
    rows = {panel.model.view_at(r).original_name: panel.model.index(r) for r in range(2)}
    assert panel.model.data(rows["cut.png"], STATE_ROLE) == "none"
    qtbot.waitUntil(lambda: panel.model.data(rows["ok.png"], STATE_ROLE) == "ready",
                    timeout=10_000)
    tip = panel.model.data(rows["cut.png"], Qt.ItemDataRole.ToolTipRole)
    assert "No preview (the image could not be read)" in tip
    panel.list_view.viewport().grab()  # paints both kinds of card without complaint


# --------------------------------------------------------------------------- copies out


def test_save_a_copy_writes_identical_bytes(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write(tmp_path / "receipt.png", png_bytes())
    [aid] = attach_and_wait(qtbot, controller, case_id, [src])
    select_only(panel, aid)
    out = tmp_path / "export" / "copy of receipt.png"
    out.parent.mkdir()
    suggested: list[str] = []

    def fake(_parent: object, _caption: str, path: str, *a: object) -> tuple[str, str]:
        suggested.append(path)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    old_mask = os.umask(0o022)
    try:
        assert panel.save_selected_copy() == out
    finally:
        os.umask(old_mask)
    assert out.read_bytes() == src.read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # private whatever the umask
    assert Path(suggested[0]).name == "receipt.png"
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp files left
    assert svc.store.verify(svc.attachment(aid).sha256) is None  # the original is untouched


def test_save_a_copy_suggests_a_name_free_on_any_file_system(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import unicodedata

    src = write(tmp_path / "Jos\u00e9 receipt.png", png_bytes())
    [aid] = attach_and_wait(qtbot, controller, case_id, [src])
    select_only(panel, aid)
    folder = tmp_path / "export"
    folder.mkdir()
    # what macOS would have stored (NFD) in another case: the same file there and on Windows
    (folder / unicodedata.normalize("NFD", "JOS\u00c9 RECEIPT.PNG")).write_bytes(b"old")
    suggested: list[str] = []

    def fake(_parent: object, _caption: str, path: str, *a: object) -> tuple[str, str]:
        suggested.append(path)
        return str(Path(path)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    first = folder / "first.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(first), "")))
    panel.save_selected_copy()  # remembers the folder
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    saved = panel.save_selected_copy()
    assert Path(suggested[0]).name == "Jos\u00e9 receipt (2).png"
    assert saved is not None and saved.read_bytes() == src.read_bytes()
    assert (folder / unicodedata.normalize("NFD", "JOS\u00c9 RECEIPT.PNG")).read_bytes() == b"old"


def test_system_viewer_gets_a_read_only_copy_never_the_evidence(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        no_real_dialogs: list[tuple[str, str]], private_temp_dir: Path) -> None:
    odd = write(tmp_path / "..hidden\tinvoice.pdf", png_bytes())  # a PNG named .pdf
    binary = write(tmp_path / "data.bin", bytes(range(256)) * 4)
    aid, bid = attach_and_wait(qtbot, controller, case_id, [odd, binary])
    opened: list[Path] = []
    monkeypatch.setattr(platform, "open_in_viewer",
                        lambda path, **_k: opened.append(path) or True)
    copy = open_in_system_viewer(svc, aid)
    assert copy is not None and opened == [copy]
    assert copy.name == "hidden_invoice.pdf.png"  # no leading dot, tab gone, true extension
    assert copy.read_bytes() == odd.read_bytes()
    assert not copy.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert copy != svc.attachment_path(aid)
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    # in the test's own temporary folder (conftest), so the suite leaves nothing in /tmp
    assert copy.parent.parent.parent.parent == private_temp_dir
    assert copy.parent.name.startswith(f"{os.getpid()}-")  # removed when this run quits
    assert view_copies.remove_mine() == 1 and not copy.exists()
    # an unrecognised binary is never handed to "whatever opens it"
    assert open_in_system_viewer(svc, bid) is None
    assert no_real_dialogs and "not a type this app recognises" in no_real_dialogs[-1][1]
    assert len(opened) == 1
    with pytest.raises(ExportError):
        viewer_copy(svc, bid)


def test_export_names_are_safe(svc: JournalService) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    base = AttachmentView(
        id=1, case_id=1, contact_id=None, sha256="0" * 64, original_name="x", media_type="image/png",
        size=1, caption="", preview_ok=True, width=1, height=1,
        added_at=datetime(2026, 11, 26, tzinfo=UTC), removed_at=None)
    cases = {
        "Scan.JPG": ("image/jpeg", "Scan.JPG"),
        "a:b*c?.png": ("image/png", "a_b_c_.png"),
        "notes.sh": ("text/plain", "notes.sh.txt"),
        "report.docx": ("application/zip", "report.docx"),
        "blob": ("application/octet-stream", "blob"),
        "screen recording": ("video/webm", "screen recording.webm"),
        "call.AVI": ("video/x-msvideo", "call.AVI"),
        "..": ("image/png", "unnamed file.png"),
        "é" * 200 + ".png": ("image/png", "é" * 116 + ".png"),  # the 120-unit default cap
        "CON.png": ("image/png", "_CON.png"),  # a Windows device name
        "lpt9.txt": ("text/plain", "_lpt9.txt"),
        "Jose\u0301 .png": ("image/png", "Jos\u00e9 .png"),  # NFC
        "report. .pdf": ("application/pdf", "report. .pdf"),
        "notes. ": ("text/plain", "notes.txt"),
    }
    for name, (media, expected) in cases.items():
        assert export_file_name(replace(base, original_name=name, media_type=media)) == expected
    assert human_size(1) == "1 byte" and human_size(1536) == "1.5 KB"
    assert human_size(200 * 1024 * 1024) == "200 MB"


@settings(deadline=None)
@given(st.text(max_size=300), st.sampled_from(["image/png", "application/pdf", "text/plain",
                                               "application/octet-stream", "video/webm"]))
def test_exhibit_copy_names_are_portable(original: str, media: str) -> None:
    from datetime import UTC, datetime

    from headway_journal.journal.filenames import is_portable_name

    view = AttachmentView(
        id=1, case_id=1, contact_id=None, sha256="0" * 64, original_name=original,
        media_type=media, size=1, caption="", preview_ok=True, width=1, height=1,
        added_at=datetime(2026, 11, 26, tzinfo=UTC), removed_at=None)
    name = export_file_name(view)
    assert is_portable_name(name, max_len=120) and "/" not in name


# --------------------------------------------------------------------------- viewer


def test_viewer_zooms_fits_and_shows_the_facts(
        qtbot: Any, svc: JournalService, panel: ExhibitsPanel, controller: AttachmentController,
        case_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write(tmp_path / "big screenshot.png", png_bytes((2400, 1600)))
    [aid] = attach_and_wait(qtbot, controller, case_id, [src], caption="Billing page")
    select_only(panel, aid)
    viewer = panel.open_selected()
    assert isinstance(viewer, ImageViewer)
    qtbot.addWidget(viewer)
    qtbot.waitExposed(viewer)
    assert viewer.has_image and viewer.fit_mode
    fitted = viewer.zoom
    assert 0 < fitted < 1  # a 2400 px image fits a 1000 px window
    text = " ".join(w.text() for w in viewer.findChildren(QLabel))
    for fact in ("Billing page", "big screenshot.png", "2400 \u00d7 1600",
                 f"{src.stat().st_size:,} bytes"):
        assert fact in text
    digest = svc.attachment(aid).sha256
    assert viewer.sha_label.text().replace("\n", "") == digest
    qtbot.mouseClick(viewer.copy_sha_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == digest

    viewer.zoom_in()
    assert viewer.zoom == pytest.approx(fitted * 1.25) and not viewer.fit_mode
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.zoom == pytest.approx(fitted / 1.25)
    viewer.windowHandle().requestActivate()  # shortcuts are window-wide: make it active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit
    assert viewer.fit_mode and viewer.zoom == pytest.approx(fitted)
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # 100 %
    assert not viewer.fit_mode and viewer.zoom == 1.0
    assert viewer.zoom_label.text() == "100 %"
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == pytest.approx(0.8)

    vp = viewer.scroll_area.viewport()
    wheel = QWheelEvent(QPointF(40, 40), vp.mapToGlobal(QPointF(40, 40)), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, wheel)
    assert viewer.zoom == pytest.approx(1.0)

    assert viewer.verify() is None
    out = tmp_path / "viewer-copy.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(viewer.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() == src.read_bytes()
    viewer.close()


def test_viewer_for_a_pdf_and_a_damaged_image_shows_details_only(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        tmp_path: Path) -> None:
    pdf = write(tmp_path / "letter.pdf", b"%PDF-1.4\n% a letter\n%%EOF\n")
    cut = write(tmp_path / "cut.png", png_bytes((300, 200))[:200])
    for aid in attach_and_wait(qtbot, controller, case_id, [pdf, cut]):
        viewer = ImageViewer(svc, aid)
        qtbot.addWidget(viewer)
        viewer.show()
        assert not viewer.has_image
        assert not viewer.zoom_in_button.isEnabled()
        viewer.zoom_in()  # harmless
        assert viewer.external_button.isEnabled() and viewer.save_button.isEnabled()
        labels = " ".join(w.text() for w in viewer.findChildren(QLabel))
        assert "No preview" in labels
        viewer.close()


# --------------------------------------------------------------------------- capture


def test_capture_screen_offscreen_returns_an_image_and_shows_the_window_again(
        qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    image = capture_screen(window, 0)
    assert not image.isNull() and image.width() > 0
    assert window.isVisible()
    image = capture_screen(window, 0, hide_window=False)
    assert not image.isNull() and window.isVisible()


def test_capture_and_attach(qtbot: Any, svc: JournalService, controller: AttachmentController,
                            case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(CaptureDialog, "ask", classmethod(lambda cls, parent=None: None))
    assert capture_and_attach(window, controller, case_id) is False  # cancelled
    monkeypatch.setattr(CaptureDialog, "ask",
                        classmethod(lambda cls, parent=None: CaptureOptions(0, True)))
    with qtbot.waitSignal(controller.attached, timeout=10_000):
        assert capture_and_attach(window, controller, case_id)
    [att] = live(svc, case_id)
    assert att.original_name.startswith("screen-capture-") and att.media_type == "image/png"
    assert window.isVisible()


def test_capture_dialog_offers_delays_and_hiding(qtbot: Any) -> None:
    dialog = CaptureDialog(None, CaptureOptions(3, False))
    qtbot.addWidget(dialog)
    assert dialog.options() == CaptureOptions(3, False)
    dialog._delays.button(5).click()
    dialog.hide_box.setChecked(True)
    assert dialog.options() == CaptureOptions(5, True)
    assert [dialog._delays.id(b) for b in dialog._delays.buttons()] == [0, 3, 5]


def test_no_temp_files_are_left_in_the_store(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        tmp_path: Path) -> None:
    attach_and_wait(qtbot, controller, case_id,
                    [write(tmp_path / "a.png", png_bytes()), tmp_path / "missing.png"])
    assert os.listdir(svc.store.root / "tmp") == []


def test_a_blank_capture_is_not_attached_and_the_user_is_told(
        qtbot: Any, svc: JournalService, controller: AttachmentController, case_id: int,
        monkeypatch: pytest.MonkeyPatch, messages: dict[str, list[str]]) -> None:
    from headway_journal.ui.exhibits import capture

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    black = QImage(640, 400, QImage.Format.Format_RGB32)
    black.fill(0xFF000000)
    monkeypatch.setattr(CaptureDialog, "ask",
                        classmethod(lambda cls, parent=None: CaptureOptions(0, True)))
    monkeypatch.setattr(capture, "capture_screen", lambda *a, **k: QImage(black))
    assert capture_and_attach(window, controller, case_id) is False
    assert live(svc, case_id) == []
    assert any("came out blank" in m and "nothing was attached" in m
               for m in messages["failed"]), messages
    # one colour of any kind is blank; a picture with anything on it is not
    white = QImage(black)
    white.fill(0xFFFFFFFF)
    assert capture.is_blank(black) and capture.is_blank(white) and capture.is_blank(QImage())
    odd = QImage(333, 7, QImage.Format.Format_RGB888)  # rows padded to 4 bytes
    odd.fill(0xFF202020)
    assert capture.is_blank(odd)
    odd.setPixel(332, 6, 0xFF202021)
    assert not capture.is_blank(odd)
    assert not capture.is_blank(drawn_image())


def test_the_capture_dialog_is_not_in_its_own_screenshot(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without "Hide this window" the grab still waits for the closed dialog to leave the
    screen, and the dialog is hidden by then."""
    from headway_journal.ui.exhibits import capture

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def answer(dialog: CaptureDialog) -> int:
        dialog.show()
        dialog.hide_box.setChecked(False)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(CaptureDialog, "exec", answer)
    waits: list[int] = []
    monkeypatch.setattr(capture, "_wait", waits.append)
    seen: list[list[str]] = []

    class Screen:
        def grabWindow(self, _id: int) -> Any:  # noqa: N802 - Qt's name
            seen.append([w.windowTitle() for w in QApplication.topLevelWidgets()
                         if isinstance(w, CaptureDialog) and w.isVisible()])
            return window.grab()

    monkeypatch.setattr(capture, "_screen_for", lambda _w: Screen())
    options = CaptureDialog.ask(window)
    assert options == CaptureOptions(0, False)
    image = capture.capture_screen(window, options.delay_s, hide_window=options.hide_window)
    assert not image.isNull()
    assert waits and waits[0] >= capture.HIDE_SETTLE_MS
    assert seen == [[]]
    assert window.isVisible()
