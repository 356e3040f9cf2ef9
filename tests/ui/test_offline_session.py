"""A whole GUI session with the network blocked: the journal is private and local.

Socket creation is refused (and recorded) from before the journal is opened until after the
window is closed, while a user creates a case, logs a contact with a promise and a PNG exhibit,
and exports the case file through the window's own buttons and dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtNetwork import QAbstractSocket, QNetworkAccessManager
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import CaseDialog, ContactDialog
from headway_journal.ui.exhibits.worker import image_to_png

if TYPE_CHECKING:
    from headway_journal.ui.main_window import MainWindow

WAIT = 60_000


def drawn_png(width: int = 64, height: int = 48) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(4, 4, 30, 20, QColor("#1e3a8a"))
    painter.end()
    return image_to_png(image)


def while_open(qtbot: Any, kind: type[QDialog], act: Callable[[Any], None]
               ) -> list[BaseException]:
    """Run ``act`` on the modal dialog of ``kind`` once it is up; a failure closes it unsaved.

    Returns the list the failure (if any) is put in, for the test to re-raise after exec().
    """
    errors: list[BaseException] = []

    def run() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, kind):
            QTimer.singleShot(20, run)
            return
        try:
            dlg.activateWindow()  # its shortcuts need it to be the active window
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
            act(dlg)
            # saved: it closes (a contact's exhibits are stored first)
            try:
                qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=WAIT)
            except qtbot.TimeoutError:
                raise AssertionError(f"{kind.__name__} did not save: "
                                     f"{dlg.problems_label.text()}") from None
        except BaseException as exc:  # re-raised by the test once exec() has returned
            errors.append(exc)
            if dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted:
                dlg.done(int(QDialog.DialogCode.Rejected.value))

    QTimer.singleShot(0, run)
    return errors


def test_a_whole_session_makes_no_network_connection(
        no_network: list[str], qtbot: Any, tmp_path: Path, make_window: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shot = tmp_path / "portal screenshot.png"
    shot.write_bytes(drawn_png())
    out = tmp_path / "case file.pdf"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(shot)], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "PDF documents (*.pdf)")))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))

    service = JournalService.open(tmp_path / "journal")
    try:
        window: MainWindow = make_window(service)

        # a new case, typed in the dialog and saved with Ctrl+S
        def fill_case(dlg: CaseDialog) -> None:
            qtbot.keyClicks(dlg.title_edit, "Refund for a double charge")
            assert dlg.fields_form is not None
            qtbot.keyClicks(dlg.fields_form.editor("full_name"), "Ann Lee")
            qtbot.keyClicks(dlg.summary_edit, "Charged twice for one session.")
            qtbot.keyClick(dlg.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

        failed = while_open(qtbot, CaseDialog, fill_case)
        window.act_new_case.trigger()
        assert not failed, failed
        case_id = window.case_pane.case_id
        assert case_id is not None
        assert window.case_pane.title_label.text() == "Refund for a double charge"

        # a contact with a promise and a screenshot chosen in its dialog
        def fill_contact(dlg: ContactDialog) -> None:
            qtbot.keyClicks(dlg.rep_name, "Jordan Lee")
            qtbot.keyClicks(dlg.summary_edit, "They promised the refund.")
            row = dlg.promise_rows[0]
            qtbot.keyClicks(row.amount, "5")
            qtbot.keyClicks(row.text, "refund issued")
            qtbot.mouseClick(dlg.exhibit_strip.attach_button, Qt.MouseButton.LeftButton)
            assert dlg.exhibit_strip.pending_names() == ["portal screenshot.png"]
            qtbot.keyClick(dlg.rep_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

        failed = while_open(qtbot, ContactDialog, fill_contact)
        window.act_log_contact.trigger()  # returns once the exhibit is stored
        assert not failed, failed
        case = service.get_case(case_id)
        [contact] = case.contacts
        assert [p.text for p in contact.promises] == ["refund issued"]
        [att] = case.attachments
        assert att.contact_id == contact.id and att.media_type == "image/png"
        assert service.attachment_path(att.id).read_bytes() == shot.read_bytes()

        # the case file, from the toolbar button through the export dialog
        from headway_journal.ui.casefile.dialog import CaseFileDialog

        button = window.toolbar.widgetForAction(window.act_case_file)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        [dialog] = [d for d in window.findChildren(CaseFileDialog) if d.isVisible()]
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Saved" in dialog.result_label.text(), timeout=WAIT)
        assert out.read_bytes().startswith(b"%PDF")
        dialog.close()

        # no Qt network object either (they would not go through Python's socket module)
        holders: list[QObject] = [window, *QApplication.topLevelWidgets()]
        for holder in holders:
            assert holder.findChildren(QAbstractSocket) == []
            assert holder.findChildren(QNetworkAccessManager) == []
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        service.close()
    assert no_network == []


def test_the_blocker_sees_a_socket(no_network: list[str]) -> None:
    """The fixture really refuses and records (so an empty list above means something)."""
    import socket

    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.org", 443), timeout=1)
    with pytest.raises(OSError, match="network access attempted"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_network) == 2

