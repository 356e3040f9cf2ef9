"""Every way the window makes an exhibit records where it came from: a dropped file (its name
and modification time), a file chosen with Attach..., a pasted image or pasted files, a screen
capture (which screen, when)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from headway_journal.journal.capture.provenance import describe_provenance
from headway_journal.ui.exhibits import capture as capture_module
from headway_journal.ui.exhibits.capture import CaptureDialog, CaptureOptions

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

WAIT = 20_000
STAMP = datetime(2026, 11, 20, 9, 30, 15, tzinfo=UTC).timestamp()


def image() -> QImage:
    picture = QImage(60, 40, QImage.Format.Format_ARGB32)
    picture.fill(QColor("white"))
    for x in range(10, 30):
        picture.setPixelColor(x, 10, QColor("crimson"))
    return picture


def provenance_of(window: MainWindow, case_id: int, name_start: str) -> dict[str, str]:
    """The provenance of the case's exhibit whose name starts so ({} while there is none)."""
    found = [dict(a.provenance) for a in window.service.get_case(case_id).attachments
             if a.original_name.startswith(name_start)]
    return found[0] if found else {}


def wait_provenance(qtbot: Any, window: MainWindow, case_id: int, name_start: str
                    ) -> dict[str, str]:
    qtbot.waitUntil(lambda: bool(provenance_of(window, case_id, name_start)), timeout=WAIT)
    return provenance_of(window, case_id, name_start)


def a_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n")
    os.utime(path, (STAMP, STAMP))
    return path


def test_a_dropped_file_keeps_its_name_and_time(qtbot: Any, window: MainWindow, sample: Sample,
                                                tmp_path: Path) -> None:
    window.select_case(sample.billing)
    path = a_file(tmp_path, "bank letter.pdf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    QApplication.sendEvent(window, QDragEnterEvent(QPointF(40, 40), actions, mime,
                                                   Qt.MouseButton.LeftButton,
                                                   Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(window, QDropEvent(QPointF(40, 40), actions, mime,
                                              Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop))
    prov = wait_provenance(qtbot, window, sample.billing, "bank letter")
    assert prov["kind"] == "dropped" and prov["name"] == "bank letter.pdf"
    assert datetime.fromisoformat(prov["modified"]).timestamp() == STAMP
    assert describe_provenance(prov).startswith("dropped file \u201cbank letter.pdf\u201d, "
                                                "modified 2026-11-20")


def test_a_chosen_file_says_so(qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.select_case(sample.billing)
    path = a_file(tmp_path, "receipt.pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(path)], "")))
    window.act_attach.trigger()
    prov = wait_provenance(qtbot, window, sample.billing, "receipt")
    assert (prov["kind"], prov["name"]) == ("file", "receipt.pdf")


def test_pasted_images_and_pasted_files(qtbot: Any, window: MainWindow, sample: Sample,
                                        tmp_path: Path) -> None:
    window.select_case(sample.credentialing)
    QGuiApplication.clipboard().setImage(image())
    assert window.window_paste.paste()
    prov = wait_provenance(qtbot, window, sample.credentialing, "pasted")
    assert prov == {"kind": "pasted", "what": "image"}
    path = a_file(tmp_path, "copied.pdf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    QGuiApplication.clipboard().setMimeData(mime)
    assert window.window_paste.paste()
    prov = wait_provenance(qtbot, window, sample.credentialing, "copied")
    assert (prov["kind"], prov["what"], prov["name"]) == ("pasted", "file", "copied.pdf")
    assert describe_provenance(prov) == "pasted file \u201ccopied.pdf\u201d"


def test_a_screen_capture_names_the_screen_and_the_moment(
        qtbot: Any, window: MainWindow, sample: Sample, monkeypatch: pytest.MonkeyPatch) -> None:
    window.select_case(sample.technical)
    monkeypatch.setattr(CaptureDialog, "ask", classmethod(lambda cls, parent=None:
                                                          CaptureOptions(0, False)))
    monkeypatch.setattr(capture_module, "capture_screen", lambda *a, **k: image())
    before = datetime.now(UTC).replace(microsecond=0)
    window.act_capture.trigger()
    prov = wait_provenance(qtbot, window, sample.technical, "screen-capture")
    assert prov["kind"] == "screen"
    screen = QGuiApplication.primaryScreen()
    assert prov["screen"].startswith(screen.name() or "screen")
    assert datetime.fromisoformat(prov["at"]) >= before


def test_the_viewer_and_tooltips_say_where_an_exhibit_came_from(
        qtbot: Any, window: MainWindow, sample: Sample) -> None:
    from PySide6.QtWidgets import QLabel

    from headway_journal.ui.exhibits.describe import describe_exhibit
    from headway_journal.ui.exhibits.viewer import open_viewer

    svc = window.service
    aid = svc.add_attachment(sample.billing, b"%PDF-1.4\n%%EOF\n", original_name="letter.pdf",
                             provenance={"kind": "dropped", "name": "letter.pdf",
                                         "modified": "2026-11-20T09:30:15+00:00"})
    view = svc.attachment(aid)
    came = "dropped file \u201cletter.pdf\u201d, modified 2026-11-20T09:30:15+00:00"
    assert f"Came from: {came}" in describe_exhibit(view).splitlines()
    viewer = open_viewer(svc, aid, window)
    qtbot.addWidget(viewer)
    assert came in [label.text() for label in viewer.findChildren(QLabel)]
    old = svc.add_attachment(sample.billing, b"%PDF-1.4\n% old\n%%EOF\n", original_name="old.pdf")
    assert not any(line.startswith("Came from") for line in
                   describe_exhibit(svc.attachment(old)).splitlines())
