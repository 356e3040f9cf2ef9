"""The organizations dialog: ticket patterns shown, checked as typed, saved, refused with the
reason (and nothing lost)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from headway_journal.journal.capture.patterns import HEADWAY_TICKET_PATTERNS
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import OrganizationDialog


@pytest.fixture(autouse=True)
def no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))


def open_dialog(qtbot: Any, service: JournalService) -> OrganizationDialog:
    dlg = OrganizationDialog(service)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
    return dlg


def test_headways_patterns_are_shown_and_edited_patterns_are_saved(
        qtbot: Any, service: JournalService) -> None:
    dlg = open_dialog(qtbot, service)
    assert dlg.patterns_edit.toPlainText().splitlines() == list(HEADWAY_TICKET_PATTERNS)
    dlg.patterns_edit.setFocus()
    dlg.patterns_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(dlg.patterns_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.patterns_edit, "SR-(\\d{5})")
    qtbot.keyClick(dlg.patterns_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    org = service.organization_by_key("headway")
    assert org is not None and org.ticket_patterns == (*HEADWAY_TICKET_PATTERNS, "SR-(\\d{5})")


def test_a_dangerous_pattern_is_refused_with_the_reason_as_it_is_typed_and_on_save(
        qtbot: Any, service: JournalService) -> None:
    dlg = open_dialog(qtbot, service)
    dlg.patterns_edit.setPlainText("#(\\d{7})\n(a+)+$")
    assert dlg.errors["ticket_patterns"].message.startswith("Ticket pattern 2: a repeated group")
    assert not dlg.save()
    assert "Ticket patterns" in dlg.problems_label.message
    assert dlg.patterns_edit.toPlainText() == "#(\\d{7})\n(a+)+$"  # nothing typed is lost
    org = service.organization_by_key("headway")
    assert org is not None and org.ticket_patterns == HEADWAY_TICKET_PATTERNS
    dlg.patterns_edit.setPlainText("#(\\d{7})")
    assert not dlg.errors["ticket_patterns"].message
    assert dlg.save()
    assert service.organization_by_key("headway").ticket_patterns == ("#(\\d{7})",)  # type: ignore[union-attr]
