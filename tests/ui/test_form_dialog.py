"""The frame every form dialog shares (ui/dialogs/form_dialog.py): the fields scroll, the
problems line and Cancel/Save stay below them, and the save keys work from any field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QScrollArea, QWidget

from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import (
    CaseDialog,
    ContactDialog,
    OrganizationDialog,
    SettingsDialog,
)
from headway_journal.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from conftest import Sample

Maker = Callable[[JournalService, "Sample"], QDialog]
MAKERS: dict[str, Maker] = {
    "case": lambda svc, _s: CaseDialog(svc),
    "contact": lambda svc, s: ContactDialog(svc, s.billing),
    "organization": lambda svc, _s: OrganizationDialog(svc),
    "settings": lambda svc, _s: SettingsDialog(svc),
}
SAVE_TEXT = {"case": "Save case", "contact": "Save contact",
             "organization": "Save organization", "settings": "Save settings"}


def inside(widget: QWidget, area: QScrollArea) -> bool:
    body = area.widget()
    return body is not None and body.isAncestorOf(widget)


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_each_form_dialog_has_the_shared_frame(qtbot: Any, service: JournalService,
                                               sample: Sample, kind: str) -> None:
    dlg = MAKERS[kind](service, sample)
    qtbot.addWidget(dlg)
    dlg.show()
    assert isinstance(dlg, FormDialog)
    area = dlg.scroll_area
    assert area.accessibleName().endswith("form")
    first_field = next(w for w in area.widget().findChildren(QLineEdit) if w.isVisible())
    assert inside(first_field, area)
    assert dlg.save_button.text() == SAVE_TEXT[kind]
    for fixed in (dlg.save_button, dlg.cancel_button, dlg.problems_label):
        assert not inside(fixed, area)
    assert dlg.save_button.isVisible() and dlg.cancel_button.isVisible()
    assert not dlg.problems_label.isVisible()  # until a save is refused
    assert len(dlg.save_shortcuts) >= 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_S])
def test_save_keys_save_the_settings_from_a_field(qtbot: Any, service: JournalService,
                                                  key: Qt.Key) -> None:
    dlg = SettingsDialog(service)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    qtbot.keyClicks(dlg.name_edit, "Ada Lovelace")
    qtbot.keyClick(dlg.name_edit, key, Qt.KeyboardModifier.ControlModifier)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert service.profile()["name"] == "Ada Lovelace"


def test_a_refused_save_shows_the_problems_line_and_keeps_the_dialog(
        qtbot: Any, service: JournalService) -> None:
    dlg = SettingsDialog(service)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.email_edit, "not an address")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.problems_label.isVisible()
    assert "E-mail" in dlg.problems_label.text()
    assert dlg.email_edit.text() == "not an address"
    dlg.hide()  # closing now would ask about the unsaved change
