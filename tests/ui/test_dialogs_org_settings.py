"""OrganizationDialog and SettingsDialog, driven like a user would."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import OrganizationDialog, SettingsDialog

SAVE = QMessageBox.StandardButton.Save
DISCARD = QMessageBox.StandardButton.Discard
CANCEL = QMessageBox.StandardButton.Cancel


class Questions:
    """QMessageBox.question, patched: records each question, answers from ``answers``."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def __call__(self, parent: Any, title: str, text: str, *args: Any, **kw: Any) -> Any:
        self.asked.append((title, text))
        return self.answers.pop(0) if self.answers else CANCEL


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    q = Questions()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(q))
    return q


def show(qtbot: Any, dlg: QDialog) -> Any:
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    return dlg


def ctrl_enter(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- organizations --------------------------------------------------------------------------


def test_lists_organizations_with_their_channels(qtbot: Any, service: JournalService,
                                                 questions: Questions) -> None:
    dlg: OrganizationDialog = show(qtbot, OrganizationDialog(service))
    assert dlg.org_list.count() == 1
    assert dlg.org_list.item(0).text() == "Headway"
    assert dlg.name_edit.text() == "Headway"
    headway = service.organization_by_key("headway")
    assert headway is not None
    assert dlg.table.rowCount() == len(headway.channels)
    assert dlg.table.item(0, 4).text() == "not yet"
    # selecting a channel shows it in the channel form
    dlg.table.setCurrentCell(4, 0)
    assert dlg.value_edit.text() == "(833) 384-1044"
    assert dlg.audience_combo.currentData() == "privacy"
    # no hours on file (the brief's typical coverage is a guide, in the notes)
    assert dlg.hours_edit.text() == ""
    assert dlg.tz_combo.currentText() == ""


def test_add_an_organization_with_a_verified_channel(qtbot: Any, service: JournalService,
                                                     questions: Questions) -> None:
    dlg: OrganizationDialog = show(qtbot, OrganizationDialog(service))
    click(qtbot, dlg.new_button)
    assert dlg.name_edit.text() == "" and dlg.table.rowCount() == 0
    assert dlg.focusWidget() is dlg.name_edit
    qtbot.keyClicks(dlg.name_edit, "Aetna")
    qtbot.keyClicks(dlg.website_edit, "https://www.aetna.com")
    click(qtbot, dlg.add_channel_button)
    assert dlg.focusWidget() is dlg.value_edit
    qtbot.keyClicks(dlg.value_edit, "1-800-872-3862")
    qtbot.keyClicks(dlg.label_edit, "Member services")
    qtbot.keyClicks(dlg.hours_edit, "Mon-Fri 08:00-18:00")
    dlg.tz_combo.setCurrentText("America/New_York")
    dlg.audience_combo.setCurrentIndex(dlg.audience_combo.findData("client"))
    click(qtbot, dlg.verified_today)
    dlg.from_combo.setCurrentText("the back of my insurance card")
    assert dlg.table.item(0, 1).text() == "1-800-872-3862"
    ctrl_enter(qtbot, dlg.value_edit)

    assert dlg.problems_label.message == ""
    aetna = next(o for o in service.organizations() if o.name == "Aetna")
    assert dlg.saved_organization_id == aetna.id
    [ch] = aetna.channels
    assert (ch.kind, ch.value, ch.label, ch.audience, ch.hours, ch.timezone) == (
        "phone", "1-800-872-3862", "Member services", "client", "Mon-Fri 08:00-18:00",
        "America/New_York")
    assert ch.verified_on == date.today()
    assert ch.verified_from == "the back of my insurance card"
    assert [dlg.org_list.item(i).text() for i in range(dlg.org_list.count())] == [
        "Aetna", "Headway"]
    # closing after a save reports Accepted so the caller refreshes
    click(qtbot, dlg.close_button)
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_channel_errors_are_shown_inline_and_nothing_is_lost(qtbot: Any,
                                                             service: JournalService,
                                                             questions: Questions) -> None:
    dlg: OrganizationDialog = show(qtbot, OrganizationDialog(service, new=True))
    click(qtbot, dlg.add_channel_button)
    qtbot.keyClicks(dlg.value_edit, "support@example.com")
    qtbot.keyClicks(dlg.hours_edit, "whenever they like")
    click(qtbot, dlg.verified_edit)
    qtbot.keyClicks(dlg.verified_edit, "2026-02-30")
    qtbot.keyClick(dlg.verified_edit, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is not dlg.verified_edit
    assert dlg.ch_errors["verified_on"].message == (
        "There is no 30 February 2026: February 2026 has 28 days.")
    click(qtbot, dlg.add_channel_button)  # a second, empty channel
    ctrl_enter(qtbot, dlg.value_edit)

    # the name is required; the date is impossible; nothing was asked of the service yet
    assert len(service.organizations()) == 1
    assert dlg.isVisible()
    dlg.verified_edit.clear()
    dlg.table.setCurrentCell(0, 0)
    dlg.verified_edit.clear()
    ctrl_enter(qtbot, dlg.value_edit)
    assert dlg.errors["name"].message == "Name is required."
    assert dlg.ch_errors["hours"].message == "'whenever they like' is not like 'Mon-Fri 09:00-18:00'."
    assert dlg.table.item(0, 0).text().startswith("⚠")
    assert dlg.table.item(1, 0).text().startswith("⚠")  # the empty channel needs a value
    assert "Name" in dlg.problems_label.message
    assert dlg.value_edit.text() == "support@example.com"
    assert dlg.hours_edit.text() == "whenever they like"
    assert "channel 1 hours" in dlg.problems_label.message
    assert "channel 2 number or address" in dlg.problems_label.message
    # fix everything and save: a new organization closes the dialog; the line above the
    # buttons follows each fix
    qtbot.keyClicks(dlg.name_edit, "Example Health")
    assert "Name" not in dlg.problems_label.message
    dlg.table.setCurrentCell(0, 0)
    dlg.hours_edit.clear()
    qtbot.keyClicks(dlg.hours_edit, "24/7")
    assert dlg.ch_errors["hours"].message == ""
    assert "channel 1 hours" not in dlg.problems_label.message
    dlg.table.setCurrentCell(1, 0)
    click(qtbot, dlg.remove_channel_button)
    assert dlg.table.rowCount() == 1
    assert dlg.problems_label.message == ""  # nothing left to fix
    click(qtbot, dlg.save_button)
    assert dlg.result() == QDialog.DialogCode.Accepted
    saved = service.organization(dlg.saved_organization_id or -1)
    assert saved.name == "Example Health"
    assert [c.value for c in saved.channels] == ["support@example.com"]


def test_leaving_unsaved_changes_asks(qtbot: Any, service: JournalService,
                                      questions: Questions) -> None:
    dlg: OrganizationDialog = show(qtbot, OrganizationDialog(service))
    click(qtbot, dlg.notes_edit)
    qtbot.keyClick(dlg.notes_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dlg.notes_edit, " Call before noon.")
    questions.answers.append(CANCEL)
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Escape)
    assert dlg.isVisible()
    assert questions.asked[-1][0] == "Save changes?"
    questions.answers.append(SAVE)
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    headway = service.organization_by_key("headway")
    assert headway is not None and headway.notes.endswith("Call before noon.")


# --- settings -------------------------------------------------------------------------------


def test_settings_save_profile_calendar_and_limit(qtbot: Any, service: JournalService,
                                                  questions: Questions) -> None:
    dlg: SettingsDialog = show(qtbot, SettingsDialog(service))
    assert dlg.country_combo.currentData() == "US"
    assert dlg.sub_combo.currentData() == ""
    assert dlg.limit_spin.value() == 200
    assert dlg.holiday_hint.text().startswith("Next public holiday: ")
    assert dlg.focusWidget() is dlg.name_edit
    qtbot.keyClicks(dlg.name_edit, "Ann Lee")
    qtbot.keyClicks(dlg.address_edit, "12 Main St, Springfield")
    qtbot.keyClicks(dlg.email_edit, "ann@example.com")
    qtbot.keyClicks(dlg.phone_edit, "(555) 010-0199")
    dlg.country_combo.setCurrentIndex(dlg.country_combo.findData("CA"))
    assert dlg.sub_combo.isEnabled() and dlg.sub_combo.findData("ON") > 0
    dlg.sub_combo.setCurrentIndex(dlg.sub_combo.findData("ON"))
    dlg.limit_spin.setValue(50)
    ctrl_enter(qtbot, dlg.phone_edit)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.problems_label.text()
    assert service.profile() == {"name": "Ann Lee", "address": "12 Main St, Springfield",
                                 "email": "ann@example.com", "phone": "(555) 010-0199"}
    assert service.get_setting("holiday_country") == "CA"
    assert service.get_setting("holiday_subdivision") == "ON"
    assert service.get_setting("attachment_limit_mb") == "50"
    assert service.calendar.country == "CA" and service.calendar.subdivision == "ON"

    again: SettingsDialog = show(qtbot, SettingsDialog(service))
    assert again.name_edit.text() == "Ann Lee"
    assert (again.country_combo.currentData(), again.sub_combo.currentData()) == ("CA", "ON")
    assert again.limit_spin.value() == 50


def test_settings_bad_email_is_shown_inline(qtbot: Any, service: JournalService,
                                            questions: Questions) -> None:
    dlg: SettingsDialog = show(qtbot, SettingsDialog(service))
    qtbot.keyClicks(dlg.name_edit, "Ann Lee")
    click(qtbot, dlg.email_edit)
    qtbot.keyClicks(dlg.email_edit, "ann at example")
    qtbot.keyClick(dlg.email_edit, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.phone_edit
    assert dlg.errors["email"].message == "'ann at example' is not an e-mail address."
    click(qtbot, dlg.save_button)
    assert dlg.isVisible()
    assert service.profile() == {}
    assert "E-mail" in dlg.problems_label.message
    assert dlg.email_edit.text() == "ann at example"
    # a full card number is refused by the service, next to the field
    dlg.email_edit.clear()
    qtbot.keyClicks(dlg.phone_edit, "4111 1111 1111 1111")
    click(qtbot, dlg.save_button)
    assert "full card number" in dlg.errors["phone"].message
    assert service.profile() == {}


def test_settings_escape_with_changes_asks(qtbot: Any, service: JournalService,
                                           questions: Questions) -> None:
    dlg: SettingsDialog = show(qtbot, SettingsDialog(service))
    qtbot.keyClicks(dlg.name_edit, "Ann")
    questions.answers.append(DISCARD)
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert service.profile() == {}
    quiet: SettingsDialog = show(qtbot, SettingsDialog(service))
    qtbot.keyClick(quiet.name_edit, Qt.Key.Key_Escape)
    assert not quiet.isVisible()
    assert len(questions.asked) == 1


@pytest.mark.parametrize("which", ["organizations", "settings"])
def test_every_control_has_an_accessible_name_and_buttons_a_tooltip(
        qtbot: Any, service: JournalService, questions: Questions, which: str) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    dlg = show(qtbot, OrganizationDialog(service) if which == "organizations"
               else SettingsDialog(service))
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox)
    controls = [w for w in dlg.findChildren(QWidget) if isinstance(w, kinds)
                and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
                and not w.objectName().startswith("qt_")]
    assert len(controls) >= 8
    for w in controls:
        assert w.accessibleName(), w
        if isinstance(w, QAbstractButton):
            assert w.toolTip(), w.text()
