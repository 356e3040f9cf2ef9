"""The window's shortcuts work while the search box has the focus (Ctrl+E edits the case)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from conftest import Sample

CTRL = Qt.KeyboardModifier.ControlModifier
DRIVER = Path(__file__).with_name("shortcut_in_search.py")
ROOT = Path(__file__).resolve().parents[2]


def focus_search(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    window.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box)


def test_ctrl_e_from_the_search_box_edits_the_selected_case(
        qtbot: Any, window: Any, sample: Sample, fake_dialogs: types.ModuleType) -> None:
    window.select_case(sample.privacy)
    focus_search(qtbot, window)
    qtbot.keyClicks(window.search_box, "diag")
    qtbot.keyClick(window.search_box, Qt.Key.Key_E, CTRL)
    assert fake_dialogs.CaseDialog.calls, "Ctrl+E did nothing in the search box"
    assert fake_dialogs.CaseDialog.calls[-1][2] == {"case_id": sample.privacy}
    assert window.search_box.text() == "diag"


def test_text_editing_keys_stay_with_the_search_box(
        qtbot: Any, window: Any, sample: Sample, fake_dialogs: types.ModuleType) -> None:
    window.select_case(sample.privacy)
    focus_search(qtbot, window)
    qtbot.keyClicks(window.search_box, "lockout")
    qtbot.keyClick(window.search_box, Qt.Key.Key_A, CTRL)  # select all, in the box
    assert window.search_box.selectedText() == "lockout"
    qtbot.keyClick(window.search_box, Qt.Key.Key_Backspace)
    assert window.search_box.text() == ""
    qtbot.keyClick(window.search_box, Qt.Key.Key_Z, CTRL)  # undo the typing, not a delete
    assert window.search_box.text() == "lockout"
    assert fake_dialogs.CaseDialog.calls == []


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (xvfb-run)")
def test_ctrl_e_from_the_search_box_on_x11(tmp_path: Path) -> None:
    """On X11 a text box claims Ctrl+E for itself ("end of line"); the offscreen platform
    has no such binding, so this runs the window on Xvfb in a subprocess."""
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path / "home"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("DISPLAY", None)
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", sys.executable,
                          str(DRIVER), str(tmp_path / "journal")],
                         capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert "platform xcb" in run.stdout, report
    assert "focus SearchBox" in run.stdout, report
    assert "edited True" in run.stdout, report  # Ctrl+E reached the window
    assert "select all in the box True" in run.stdout, report  # editing keys stay in the box
