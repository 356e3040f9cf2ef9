"""Two people edit one record: the second save is refused, a dialog shows both versions, the
form keeps what was typed, and saving again is a deliberate save over the other version."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from headway_journal.journal.records import CaseInput, ConflictError, ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import CaseDialog, ContactDialog
from headway_journal.ui.dialogs.conflict_dialog import ConflictDialog, differences


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[ConflictError]:
    """ConflictDialog.show_conflict, recorded instead of shown (modal)."""
    seen: list[ConflictError] = []

    def record(cls: Any, exc: ConflictError, parent: Any) -> None:
        seen.append(exc)

    monkeypatch.setattr(ConflictDialog, "show_conflict", classmethod(record))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    return seen


def make_case(service: JournalService) -> int:
    org = service.organization_by_key("headway")
    assert org is not None
    return service.create_case(CaseInput(title="Payout missing", organization_id=org.id,
                                         issue_type="billing", role="client"))


def show(qtbot: Any, dlg: QDialog) -> None:
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()


def save_keys(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_case_saved_meanwhile_is_not_overwritten(qtbot: Any, service: JournalService,
                                                   shown: list[ConflictError]) -> None:
    cid = make_case(service)
    dlg = CaseDialog(service, case_id=cid)
    show(qtbot, dlg)
    other = service.case_input(cid)  # someone else, on another computer, saves first
    other.title = "October payout missing"
    service.update_case(cid, other)
    dlg.title_edit.selectAll()
    qtbot.keyClicks(dlg.title_edit, "Payout for October never arrived")
    save_keys(qtbot, dlg.title_edit)
    assert dlg.result() != QDialog.DialogCode.Accepted and dlg.isVisible()
    [exc] = shown
    assert (exc.yours, exc.theirs) == (1, 2)
    assert ("title", "October payout missing", "Payout for October never arrived") in \
        differences(exc)
    assert "Not saved" in dlg.problems_label.text()
    assert dlg.title_edit.text() == "Payout for October never arrived"  # nothing typed is lost
    assert service.get_case(cid).title == "October payout missing"  # theirs stays
    save_keys(qtbot, dlg.title_edit)  # saving again, having seen theirs: a deliberate save
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert service.get_case(cid).title == "Payout for October never arrived"


def test_a_contact_saved_meanwhile_is_not_overwritten(qtbot: Any, service: JournalService,
                                                      shown: list[ConflictError]) -> None:
    cid = make_case(service)
    started = (datetime.now().astimezone() - timedelta(days=1)).replace(microsecond=0)
    ct = service.log_contact(cid, ContactInput(started_at=started, channel="phone",
                                               summary="First version."))
    dlg = ContactDialog(service, cid, contact_id=ct)
    show(qtbot, dlg)
    other = service.contact_input(ct)
    other.summary = "Their correction."
    service.update_contact(ct, other)
    dlg.summary_edit.selectAll()
    qtbot.keyClicks(dlg.summary_edit, "My correction.")
    save_keys(qtbot, dlg.summary_edit)
    assert dlg.result() != QDialog.DialogCode.Accepted
    [exc] = shown
    assert exc.entity == "contact"
    assert ("summary", "Their correction.", "My correction.") in differences(exc)
    assert service.get_case(cid).contacts[0].summary == "Their correction."


def test_the_dialog_lists_both_versions(qtbot: Any) -> None:
    exc = ConflictError("case", 7, 3, 4, stored={"title": "Theirs", "status": "open"},
                        attempted={"title": "Mine", "status": "open"}, by="alice")
    dlg = ConflictDialog(exc)
    qtbot.addWidget(dlg)
    rows = [[dlg.table.topLevelItem(i).text(c) for c in range(3)]
            for i in range(dlg.table.topLevelItemCount())]
    assert rows == [["title", "Theirs", "Mine"]]  # only what differs
    assert dlg.windowTitle() == "Saved by someone else meanwhile"
    intro = dlg.findChildren(QLabel)[0].text()
    assert "alice saved this case" in intro and "version 4" in intro and "version 3" in intro
