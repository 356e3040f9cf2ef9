"""Fonts that exist on every system, the macOS application menu, and a tray that never traps
the app: closing the window quits, the tray only brings the window back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon

from headway_journal.ui import fonts
from headway_journal.ui.main_window.notices import make_tray


def test_the_fixed_width_font_is_fixed_width() -> None:
    base = QFont()
    base.setPointSize(17)
    base.setBold(True)
    font = fonts.fixed_width_font(base)
    assert QFontInfo(font).fixedPitch()
    assert font.pointSize() == 17 and font.bold()  # the caller's size and weight stay


def test_without_a_system_monospace_the_bundled_one_is_used(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a system whose "fixed" font is proportional (or missing): DejaVu Sans Mono, which
    the app ships for the case file, is registered with Qt and used."""
    assert fonts.BUNDLED_MONO.is_file()
    monkeypatch.setattr(QFontDatabase, "systemFont",
                        staticmethod(lambda _kind: QFont("DejaVu Sans")))
    monkeypatch.setattr(fonts, "_bundled", [])
    font = fonts.fixed_width_font()
    assert font.families() == ["DejaVu Sans Mono"]
    assert QFontInfo(font).fixedPitch()


def test_no_window_code_names_a_linux_only_font_family() -> None:
    ui = Path(fonts.__file__).resolve().parent
    for path in ui.rglob("*.py"):
        if path.name == "fonts.py":  # names them to explain why not
            continue
        text = path.read_text(encoding="utf-8")
        for name in ('QFont("monospace")', '"Monospace"', '"DejaVu Sans Mono"'):
            assert name not in text, f"{path.relative_to(ui)}: {name}"


def test_the_call_timer_and_recovery_key_use_it(qtbot: Any, service: Any, sample: Any,
                                                tmp_path: Path) -> None:
    from headway_journal.ui.dialogs import ContactDialog
    from headway_journal.ui.security.dialogs import RecoveryKeyDialog

    contact = ContactDialog(service, sample.billing)
    qtbot.addWidget(contact)
    assert QFontInfo(contact.timer_label.font()).fixedPitch()
    recovery = RecoveryKeyDialog("ABCD-EFGH-1234", tmp_path)
    qtbot.addWidget(recovery)
    [key] = [w for w in recovery.findChildren(QLabel) if w.text() == "ABCD-EFGH-1234"]
    assert QFontInfo(key.font()).fixedPitch()


def test_quit_settings_and_about_have_their_macos_roles(window: Any) -> None:
    assert window.act_quit.menuRole() == QAction.MenuRole.QuitRole
    assert window.act_settings.menuRole() == QAction.MenuRole.PreferencesRole
    assert window.act_about.menuRole() == QAction.MenuRole.AboutRole
    in_menus: list[QAction] = []
    stack = list(window.menuBar().actions())
    while stack:
        action = stack.pop()
        if action.menu() is not None:
            stack.extend(action.menu().actions())
        elif not action.isSeparator():
            in_menus.append(action)
    others = [a for a in in_menus
              if a not in (window.act_quit, window.act_settings, window.act_about)]
    # nothing else moves to the application menu by Qt's guess from English words
    assert len(others) > 20 and {a.menuRole() for a in others} == {QAction.MenuRole.NoRole}


# The offscreen platform has no tray and cannot raise windows; it says so.
@pytest.mark.qt_log_ignore(r".*systemTrayWindowChanged.*", r".*does not support raise\(\).*")
def test_the_tray_brings_the_window_back_and_never_keeps_the_app(
        qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.app import app_icon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window.setWindowIcon(app_icon())
    tray = make_tray(window)
    assert tray is not None
    assert tray.contextMenu() is None  # no "hide to tray", no quit hidden in a tray menu
    assert QApplication.quitOnLastWindowClosed()  # closing the window quits
    window.showMaximized()
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    assert window.isMinimized()
    tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert not window.isMinimized()
    assert window.windowState() & Qt.WindowState.WindowMaximized  # as it was
    tray.hide()
    tray.deleteLater()
