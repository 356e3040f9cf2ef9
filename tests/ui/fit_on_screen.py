"""Driven by test_fit_screen.py in a subprocess, on a real (offscreen) screen of a given size
and scale factor: the main window restores a geometry saved on a bigger screen, then each
dialog opens; prints every window whose frame is not inside the screen's available area."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import settings as st
from headway_journal.ui.app import make_application


def outside(widget: QWidget) -> str:
    widget.show()
    QApplication.processEvents()
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    ok = screen.contains(frame)
    widget.close()
    return "" if ok else f"{type(widget).__name__} {frame.getRect()} outside {screen.getRect()}"


def main() -> int:
    make_application()
    folder = Path(sys.argv[1])
    big = QMainWindow()
    big.resize(2560, 1520)
    st.app_settings().setValue(st.KEY_GEOMETRY, QByteArray(big.saveGeometry()))
    st.app_settings().sync()
    svc = JournalService.open(folder)
    org = svc.organization_by_key("headway")
    assert org is not None
    case = svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                     issue_type="billing", role="client"))
    from datetime import UTC, datetime
    svc.log_contact(case, ContactInput(started_at=datetime.now(UTC), channel="phone",
                                       direction="outbound", rep_name="Jordan Lee"))
    from headway_journal.ui.casefile.dialog import CaseFileDialog
    from headway_journal.ui.dialogs import (
        CaseDialog,
        ContactDialog,
        OrganizationDialog,
        SettingsDialog,
    )
    from headway_journal.ui.main_window import MainWindow

    screen = QApplication.primaryScreen()
    print("screen", screen.availableGeometry().getRect(), screen.devicePixelRatio())
    window = MainWindow(svc)
    problems = [outside(window)]
    for make in (lambda: CaseDialog(svc), lambda: ContactDialog(svc, case),
                 lambda: OrganizationDialog(svc), lambda: SettingsDialog(svc),
                 lambda: CaseFileDialog(svc, case)):
        problems.append(outside(make()))
    print("outside:", [p for p in problems if p])
    svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
