"""Driven by test_window_shortcuts.py on a real X11 display (Xvfb), where a text box claims
Ctrl+E ("end of line", one of X11's key bindings): prints what Ctrl+E did from the search box."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.main_window import MainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    edited: list[Any] = []
    MainWindow.edit_case = lambda self: edited.append(self.case_pane.case_id)  # type: ignore[method-assign]
    svc = JournalService.open(Path(sys.argv[1]))
    org = svc.organization_by_key("headway")
    assert org is not None
    case = svc.create_case(CaseInput(title="Login lockout", organization_id=org.id,
                                     issue_type="technical", role="client"))
    window = MainWindow(svc)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.select_case(case)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClicks(window.search_box, "lock")
    QTest.keyClick(window.search_box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    print("platform", app.platformName())
    print("focus", type(QApplication.focusWidget()).__name__)
    print("edited", edited == [case])
    QTest.keyClick(window.search_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    print("select all in the box", window.search_box.selectedText() == "lock")
    window.close()
    svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
