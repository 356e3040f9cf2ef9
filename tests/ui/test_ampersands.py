"""An '&' in a name shows as itself in menus, buttons and labels (never "Due _overdue")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs.form_builder import label_text
from headway_journal.ui.widgets import literal_ampersands

if TYPE_CHECKING:
    from conftest import Sample


def shown(text: str) -> str:
    """What Qt draws for a menu or button text: '&&' is '&', a single '&' marks a shortcut."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def view_menu(window: Any) -> QMenu:
    for action in window.menuBar().actions():
        if shown(action.text()) == "View":
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError("no View menu")


def test_the_view_menu_shows_due_and_overdue_with_its_ampersand(
        window: Any, sample: Sample) -> None:
    texts = [a.text() for a in view_menu(window).actions() if a.text()]
    due = next(t for t in texts if t.startswith("Due"))
    assert shown(due).startswith("Due & overdue")
    assert QKeySequence.mnemonic(due).isEmpty()  # no Alt+O shortcut hidden in it


def test_a_case_title_with_an_ampersand_in_the_undo_item(
        window: Any, service: JournalService, sample: Sample,
        monkeypatch: pytest.MonkeyPatch) -> None:
    case = service.get_case(sample.technical)
    service.update_case(sample.technical, CaseInput(
        title="AT&T & Headway double bill", organization_id=case.organization.id,
        issue_type=case.issue_type, role=case.role, status="open", opened_on=case.opened_on))
    window.set_view("all")
    window.select_case(sample.technical)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.act_delete_case.trigger()
    text = window.act_undo.text()
    assert "“AT&T & Headway double bill”" in shown(text)
    assert QKeySequence.mnemonic(text).toString() == "Alt+U"  # only the menu's own shortcut


def test_literal_ampersands_for_form_labels() -> None:
    assert literal_ampersands("Date & time") == "Date && time"
    assert shown(label_text("Date & time", True)) == "Date & time *"
    assert literal_ampersands("no ampersand") == "no ampersand"
