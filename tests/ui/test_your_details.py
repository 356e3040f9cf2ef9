"""Who the user is: asked on the welcome screen and before the first case file, used to sign it."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from headway_journal.casefile.person import FILL_IN
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.casefile.dialog import CaseFileDialog
from headway_journal.ui.dialogs import settings_dialog
from headway_journal.ui.dialogs.your_details import ASKED_SETTING, YourDetailsDialog

WAIT = 60_000
NAME = "Dana Whitfield"
STREET = "1200 NW Example Ave, Apt 4"
CITY = "Portland, OR 97209"


def pdf_text(path: Path) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(path).pages)


def new_case(service: JournalService) -> int:
    headway = service.organization_by_key("headway")
    assert headway is not None
    return service.create_case(CaseInput(
        title="Double charge", organization_id=headway.id, issue_type="billing", role="client",
        summary="Charged twice.", desired_outcome="Refund of the duplicate charge."))


def export(qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch,
           out: Path) -> str:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "PDF documents (*.pdf)")))
    dialog.letter_check.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.builder.running() and out.is_file(), timeout=WAIT)
    return pdf_text(out)


def type_address(qtbot: Any, form: Any) -> None:
    qtbot.keyClicks(form.name_edit, NAME)
    form.address_edit.setFocus()
    qtbot.keyClicks(form.address_edit, STREET)
    qtbot.keyClick(form.address_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.address_edit, CITY)


def open_case_file(qtbot: Any, service: JournalService, case_id: int) -> CaseFileDialog:
    dialog = CaseFileDialog.show_for(service, case_id, None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


# --- before the first case file --------------------------------------------------------------


def test_asked_before_the_first_case_file_and_the_pdf_is_signed(
        qtbot: Any, service: JournalService, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    case_id = new_case(service)
    dialog = open_case_file(qtbot, service, case_id)
    details = dialog.details_dialog
    assert details is not None
    qtbot.waitUntil(details.isVisible)
    assert details.windowTitle() == "Your details for the case file"
    assert "does not have your name and your address" in details.intro.text()
    buttons = {b.text() for b in details.findChildren(QPushButton)}
    assert {"Open Settings…", "Save and continue", "Continue without them", "Cancel"} <= buttons
    type_address(qtbot, details.form)
    qtbot.keyClicks(details.form.email_edit, "dana@example.com")
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert not details.isVisible()
    assert service.profile()["name"] == NAME
    assert service.profile()["address"] == f"{STREET}\n{CITY}"  # the lines are kept
    letter = dialog.letter_edit.toPlainText()
    assert letter.rstrip().endswith(f"{NAME}\n{STREET}\n{CITY}\ndana@example.com")

    text = export(qtbot, dialog, monkeypatch, tmp_path / "signed.pdf")
    assert NAME in text and CITY in text and f"Printed name: {NAME}" in text
    assert "(your" not in text and "Name: ___" not in text and "Address: ___" not in text

    again = open_case_file(qtbot, service, case_id)  # complete now: not asked again
    assert again.details_dialog is None


def test_continue_without_them_prints_lines_and_is_not_asked_again(
        qtbot: Any, service: JournalService, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    case_id = new_case(service)
    dialog = open_case_file(qtbot, service, case_id)
    details = dialog.details_dialog
    assert details is not None
    qtbot.mouseClick(details.skip_button, Qt.MouseButton.LeftButton)
    assert not details.isVisible() and service.get_setting(ASKED_SETTING)
    text = export(qtbot, dialog, monkeypatch, tmp_path / "unsigned.pdf")
    assert f"Printed name: {FILL_IN}" in text and f"Address: {FILL_IN}" in text
    assert "(your" not in text
    assert open_case_file(qtbot, service, case_id).details_dialog is None


def test_a_bad_email_is_shown_at_the_field_and_nothing_is_saved(
        qtbot: Any, service: JournalService) -> None:
    details = YourDetailsDialog(service)
    qtbot.addWidget(details)
    details.show()
    qtbot.keyClicks(details.form.name_edit, NAME)
    qtbot.keyClicks(details.form.email_edit, "dana at example")
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert details.isVisible()
    assert "not an e-mail address" in details.form.errors["email"].message
    assert "E-mail" in details.problem.message
    assert service.profile().get("name", "") == ""


def test_open_settings_from_the_dialog(qtbot: Any, service: JournalService,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_and_save(self: settings_dialog.SettingsDialog) -> int:
        self.name_edit.setText(NAME)
        self.address_edit.setPlainText(f"{STREET}\n{CITY}")
        assert self.save()
        return int(self.result())

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", fill_and_save)
    details = YourDetailsDialog(service)
    qtbot.addWidget(details)
    details.show()
    with qtbot.waitSignal(details.accepted):
        qtbot.mouseClick(details.settings_button, Qt.MouseButton.LeftButton)
    assert details.form.name_edit.text() == NAME
    assert service.profile()["address"] == f"{STREET}\n{CITY}"


def test_settings_keeps_the_address_lines(qtbot: Any, service: JournalService) -> None:
    dlg = settings_dialog.SettingsDialog(service)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.name_edit, NAME)
    dlg.address_edit.setFocus()
    qtbot.keyClicks(dlg.address_edit, STREET)
    qtbot.keyClick(dlg.address_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.address_edit, CITY)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert service.profile()["address"] == f"{STREET}\n{CITY}"
    assert not YourDetailsDialog.needed(service)


# --- the welcome screen ----------------------------------------------------------------------


def test_welcome_asks_who_you_are_and_signs_the_case_file(
        qtbot: Any, empty_window: Any, service: JournalService,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    window = empty_window
    assert window.stack.currentWidget() is window.welcome
    box = window.welcome.details
    assert box is not None and box.isVisibleTo(window)
    type_address(qtbot, box.form)
    qtbot.waitUntil(lambda: service.profile().get("address") == f"{STREET}\n{CITY}", timeout=5000)
    assert service.profile()["name"] == NAME
    assert box.status.text() == "Saved."

    case_id = new_case(service)
    dialog = open_case_file(qtbot, service, case_id)
    assert dialog.details_dialog is None  # nothing missing: not asked
    text = export(qtbot, dialog, monkeypatch, tmp_path / "welcome.pdf")
    assert f"Printed name: {NAME}" in text and "(your" not in text


def test_welcome_start_saves_typed_details_first(
        qtbot: Any, empty_window: Any, service: JournalService,
        fake_dialogs: types.ModuleType) -> None:
    window = empty_window
    box = window.welcome.details
    qtbot.keyClicks(box.form.name_edit, NAME)
    started: list[int] = []
    fake_dialogs.CaseDialog.action = lambda _dlg: started.append(1)
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert started and service.profile()["name"] == NAME
    assert YourDetailsDialog.needed(service)  # the address is still missing

    qtbot.keyClicks(box.form.email_edit, "not-an-address")
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert len(started) == 1  # a problem stops the start, shown at the field
    assert "not an e-mail address" in box.form.errors["email"].message
    assert "not saved" in box.status.text()


def test_welcome_details_typed_just_before_closing_are_kept(
        qtbot: Any, empty_window: Any, service: JournalService) -> None:
    box = empty_window.welcome.details
    qtbot.keyClicks(box.form.name_edit, NAME)
    assert box.timer.isActive()  # not saved yet: typing just stopped
    empty_window.close()
    assert service.profile()["name"] == NAME
