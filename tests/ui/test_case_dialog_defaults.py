"""A new case starts with the selected case's organization; the opening date follows contacts."""

from __future__ import annotations

import types
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from headway_journal.journal.records import CaseInput, ContactInput, OrganizationInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import CaseDialog

if TYPE_CHECKING:
    from headway_journal.ui.main_window import MainWindow

PST = timezone(timedelta(hours=-8))


def orgs(service: JournalService) -> tuple[int, int, int]:
    """(Aardvark Health, Headway, Zenith Insurance): Headway is not first alphabetically."""
    first = service.save_organization(OrganizationInput(name="Aardvark Health"))
    last = service.save_organization(OrganizationInput(name="Zenith Insurance"))
    headway = service.organization_by_key("headway")
    assert headway is not None
    return first, headway.id, last


def open_dialog(qtbot: Any, service: JournalService, **kw: Any) -> CaseDialog:
    dlg = CaseDialog(service, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_a_new_case_starts_with_the_organization_given(qtbot: Any,
                                                       service: JournalService) -> None:
    _first, _headway, zenith = orgs(service)
    dlg = open_dialog(qtbot, service, organization_id=zenith)
    assert dlg.org_combo.currentText() == "Zenith Insurance"
    assert dlg.has_changes() is False  # the default is not a change of the user's
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData("technical"))
    qtbot.keyClicks(dlg.title_edit, "Portal down")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.saved_case_id is not None
    assert service.get_case(dlg.saved_case_id).organization.name == "Zenith Insurance"


def test_without_one_headway_rather_than_the_first_alphabetically(
        qtbot: Any, service: JournalService) -> None:
    orgs(service)
    assert open_dialog(qtbot, service).org_combo.currentText() == "Headway"
    assert open_dialog(qtbot, service, organization_id=99999).org_combo.currentText() == "Headway"


def test_new_case_from_the_window_uses_the_selected_cases_organization(
        window: MainWindow, service: JournalService, fake_dialogs: types.ModuleType) -> None:
    _first, _headway, zenith = orgs(service)
    cid = service.create_case(CaseInput(title="Zenith claim", organization_id=zenith,
                                        issue_type="insurance", role="client",
                                        fields={"member_id": "Z-1"}))
    window.refresh(select=cid)
    assert window.case_pane.case_id == cid
    window.act_new_case.trigger()
    assert fake_dialogs.CaseDialog.calls[-1][2] == {"organization_id": zenith}


def test_edit_shows_the_first_contacts_day_as_opened_on(qtbot: Any,
                                                        service: JournalService) -> None:
    headway = service.organization_by_key("headway")
    assert headway is not None
    cid = service.create_case(CaseInput(title="Double charge", organization_id=headway.id,
                                        issue_type="billing", role="client",
                                        opened_on=date(2026, 11, 20)))
    service.log_contact(cid, ContactInput(
        started_at=datetime.combine(date(2026, 11, 22), time(10), PST), channel="phone"))
    data = service.case_input(cid)
    data.opened_on = date(2026, 11, 25)  # typed later than the first contact, earlier version
    service.update_case(cid, data)
    dlg = open_dialog(qtbot, service, case_id=cid)
    assert dlg.opened_edit.date().toString("yyyy-MM-dd") == "2026-11-22"
