"""Everything the mouse does, the keyboard does: driven here with key presses only.

The case list and the case tabs, the timeline's Kept button and exhibit thumbnails, the
viewer's zoom, Help > Keyboard shortcuts (made from the window's own actions) and F1 in every
dialog (made from the dialog's own shortcuts). The exhibit list's keys (Enter opens, F2
captions, Delete removes) are driven in test_attachments_ui.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolButton, QWidget
from test_accessibility_tree import DIALOGS, attach_exhibits, show

from headway_journal.journal.service import JournalService
from headway_journal.ui.case.pane import TAB_TITLES
from headway_journal.ui.exhibits.viewer import ImageViewer
from headway_journal.ui.keyboard_help import KeyboardHelpDialog

if TYPE_CHECKING:
    from conftest import Sample

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def close_without_saving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


def focus(qtbot: Any, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def tab_to(qtbot: Any, start: QWidget, target: Any, limit: int = 200) -> QWidget:
    """Press Tab from ``start`` until ``target(focus_widget)`` holds; returns that widget."""
    focus(qtbot, start)
    for _ in range(limit):
        here = QApplication.focusWidget()
        if target(here):
            return here
        qtbot.keyClick(here, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the widget")


def help_dialogs(parent: QWidget) -> list[KeyboardHelpDialog]:
    return [d for d in parent.findChildren(KeyboardHelpDialog) if d.isVisible()]


def test_the_case_list_moves_with_the_arrow_keys(
        qtbot: Any, window: Any, sample: Sample) -> None:
    window.set_view("all")
    window.select_case(sample.billing)
    focus(qtbot, window.case_list)
    seen = {window.current_case_id()}
    for _ in range(3):
        before = window.current_case_id()
        qtbot.keyClick(window.case_list, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda b=before: window.current_case_id() != b)
        assert window.case_pane.case is not None
        assert window.case_pane.case.id == window.current_case_id()
        seen.add(window.current_case_id())
    assert len(seen) == 4
    qtbot.keyClick(window.case_list, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: window.case_list.currentIndex().row() == 0)


def test_ctrl_tab_goes_through_the_case_tabs(qtbot: Any, window: Any, sample: Sample) -> None:
    window.select_case(sample.billing)
    tabs = window.case_pane.tabs
    tabs.setCurrentIndex(0)
    focus(qtbot, tabs.tabBar())
    for index in range(1, len(TAB_TITLES)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
        assert tabs.currentIndex() == index
    qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Left)  # arrows on the tab bar too
    assert tabs.currentIndex() == len(TAB_TITLES) - 2


def test_a_promise_is_marked_kept_with_tab_and_space(
        qtbot: Any, window: Any, sample: Sample) -> None:
    window.select_case(sample.billing)
    button = tab_to(qtbot, window.case_list, lambda w: isinstance(w, QPushButton)
                    and w.accessibleName() == "Mark kept: decision on the refund")
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: {p.id: p.status for p in window.service.get_case(
        sample.billing).promises}[sample.overdue_promise] == "kept")


def test_an_exhibit_thumbnail_opens_with_the_keyboard(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        make_window: Any) -> None:
    aid = attach_exhibits(service, sample, tmp_path)
    window = make_window(service)
    window.select_case(sample.billing)
    thumb = tab_to(qtbot, window.case_list, lambda w: isinstance(w, QToolButton)
                   and w.accessibleName().startswith("Exhibit: Bank statement"))
    with qtbot.waitSignal(window.case_pane.attachment_activated) as signal:
        qtbot.keyClick(thumb, Qt.Key.Key_Space)
    assert signal.args == [aid]


def test_the_viewer_zooms_with_the_keyboard(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path) -> None:
    viewer = show(qtbot, ImageViewer(service, attach_exhibits(service, sample, tmp_path)))
    focus(qtbot, viewer.scroll_area)
    fitted = viewer.zoom
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Plus, CTRL)
    assert viewer.zoom == pytest.approx(fitted * 1.25) and not viewer.fit_mode
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_Minus, CTRL)
    assert viewer.zoom == pytest.approx(fitted / 1.25)
    qtbot.keyClick(viewer.scroll_area, Qt.Key.Key_0, CTRL)
    assert viewer.fit_mode and viewer.zoom == pytest.approx(fitted)


def test_help_lists_every_shortcut_of_the_window(qtbot: Any, window: Any) -> None:
    assert window.act_keyboard_help in window.menuBar().actions()[-1].menu().actions()
    focus(qtbot, window.case_list)
    qtbot.keyClick(window.case_list, Qt.Key.Key_F1, CTRL)
    qtbot.waitUntil(lambda: len(help_dialogs(window)) == 1)
    listed = help_dialogs(window)[0].texts()
    for action in window.findChildren(type(window.act_new_case)):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(row.startswith(text + ":") or f", {text}:" in row or
                       row.startswith(text + ",") for row in listed), (text, listed)
    assert "Ctrl+N: New case" in listed
    # "&&" in the menu, one "&" in the list; the view's count follows its name
    assert any(row.startswith("Ctrl+1: Due & overdue") for row in listed), listed
    assert "Alt+F: Open the File menu" in listed and "Alt+H: Open the Help menu" in listed
    assert "Ctrl+Tab, Ctrl+Shift+Tab: Next, previous tab" in listed
    assert "F1: Safety information" in listed
    assert "Ctrl+F1: Keyboard shortcuts" in listed
    assert "Esc: Close this window" not in listed  # the main window does not close on Esc


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_f1_in_every_dialog_lists_its_keys(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        name: str) -> None:
    dialog = show(qtbot, DIALOGS[name](service, sample, tmp_path))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(help_dialogs(dialog)) == 1)
    helper = help_dialogs(dialog)[0]
    listed = helper.texts()
    assert "Esc: Close this window" in listed
    assert "F1: This list of keys" in listed
    assert not [row for row in listed if "(not described)" in row], listed
    for shortcut in dialog.findChildren(QShortcut):
        text = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(text in row.split(": ")[0].split(", ") for row in listed), (text, listed)
    qtbot.keyClick(helper.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not help_dialogs(dialog))
    dialog.close()


def test_f1_in_the_contact_dialog_names_its_call_keys(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path) -> None:
    dialog = show(qtbot, DIALOGS["log contact"](service, sample, tmp_path))
    focus(qtbot, dialog.rep_name)
    qtbot.keyClick(dialog.rep_name, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(help_dialogs(dialog)) == 1)
    listed = help_dialogs(dialog)[0].texts()
    for row in ("H, Alt+H: Put the call on hold, or take it off hold", "Alt+E: End the call",
                "Alt+P: Add a promise"):
        assert row in listed, listed
    save = next(row for row in listed if row.endswith(": Save"))
    assert {"Ctrl+Return", "Ctrl+Enter", "Ctrl+S"} <= set(save.split(": ")[0].split(", "))
    dialog.close()
