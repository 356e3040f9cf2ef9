"""A click outside the representative suggestions closes them and still does what it was for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import ContactDialog

if TYPE_CHECKING:
    from conftest import Sample


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


def click_in_window(dialog: QWidget, widget: QWidget) -> None:
    """A click as the window system delivers it (through the open popup's grab), not sent
    straight to ``widget`` as QTest's widget-level clicks are."""
    handle = dialog.windowHandle()
    assert handle is not None
    point = widget.mapTo(dialog, widget.rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def suggestions_open(qtbot: Any, dialog: ContactDialog) -> Any:
    dialog.activateWindow()
    dialog.rep_name.setFocus()
    qtbot.keyClicks(dialog.rep_name, "Jor")
    popup = dialog.name_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    return popup


def test_clicking_another_field_moves_there_at_once(
        qtbot: Any, service: JournalService, sample: Sample) -> None:
    dialog = ContactDialog(service, sample.billing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    popup = suggestions_open(qtbot, dialog)
    click_in_window(dialog, dialog.rep_id)
    assert not popup.isVisible()
    assert QApplication.focusWidget() is dialog.rep_id  # the first click counted
    qtbot.keyClicks(dialog.rep_id, "A-17")
    assert dialog.rep_id.text() == "A-17"
    assert dialog.rep_name.text() == "Jor"


def test_clicking_a_button_presses_it_at_once(
        qtbot: Any, service: JournalService, sample: Sample) -> None:
    dialog = ContactDialog(service, sample.billing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = len(dialog.promise_rows)
    popup = suggestions_open(qtbot, dialog)
    click_in_window(dialog, dialog.add_promise_button)
    assert not popup.isVisible()
    assert len(dialog.promise_rows) == rows + 1


def test_choosing_a_suggestion_still_fills_in_title_and_id(
        qtbot: Any, service: JournalService, sample: Sample) -> None:
    dialog = ContactDialog(service, sample.billing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    popup = suggestions_open(qtbot, dialog)
    index = popup.model().index(0, 0)
    rect = popup.visualRect(index)
    QTest.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())
    assert dialog.rep_name.text() == "Jordan Lee"
    assert dialog.rep_title.text() == "Billing Specialist"
