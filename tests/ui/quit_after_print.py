"""Driven by test_quit_after_print.py in a subprocess: the whole app (``run_gui``) is opened on
a journal, the case file is previewed and printed (to a PDF file, and rasterised as for a
printer), then the window is closed and the app quits. A crash on the way out shows as the
exit code (faulthandler prints the stacks)."""

from __future__ import annotations

import faulthandler
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import app as ui_app
from headway_journal.ui.casefile import print_preview


def make_journal(folder: Path) -> None:
    svc = JournalService.open(folder)
    try:
        org = svc.organization_by_key("headway")
        assert org is not None
        case = svc.create_case(CaseInput(title="Double charge for the Nov 12 session",
                                         organization_id=org.id, issue_type="billing",
                                         role="client", amount_disputed="100.00"))
        svc.log_contact(case, ContactInput(
            started_at=datetime.now(UTC) - timedelta(days=2), channel="phone",
            direction="outbound", rep_name="Jordan Lee", summary="Explained the charge."))
    finally:
        svc.close()


class PrintToFile(QDialog):
    """The print dialog, answered: print to the next numbered PDF file in ``folder``."""

    folder = Path()
    made = 0

    def __init__(self, printer: QPrinter, parent: Any = None) -> None:
        super().__init__(parent)
        self.printer = printer

    def exec(self) -> int:
        PrintToFile.made += 1
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.folder / f"printed-{PrintToFile.made}.pdf"))
        return int(QDialog.DialogCode.Accepted.value)


def when(test: Callable[[], bool], then: Callable[[], None]) -> None:
    """Call ``then`` once ``test`` holds, checking as the event loop runs."""
    if test():
        then()
    else:
        QTimer.singleShot(20, lambda: when(test, then))


def user(out: Path) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))

    def previewed(dialog: Any) -> None:
        dialog.print_case_file()  # the case file dialog's Print… (vector pages to the file)
        when(lambda: dialog.last_print is not None, lambda: raster(dialog))

    def raster(dialog: Any) -> None:
        print_preview.vector_target = lambda _printer: None  # as for a real printer
        dialog.previews[0].print_document()  # the preview's Print… (rasterised)
        window.print_case_file()  # the toolbar's Print (built again, rasterised)
        when(lambda: (out / "printed-3.pdf").is_file(), lambda: QTimer.singleShot(50, quit_))

    def quit_() -> None:
        print("printed", sorted(p.name for p in out.glob("printed-*.pdf")), flush=True)
        window.close()
        QApplication.quit()

    def started() -> None:
        dialog = window.preview_case_file()
        when(lambda: bool(dialog.previews), lambda: previewed(dialog))

    when(lambda: window._ready, started)


def main() -> int:
    faulthandler.enable()
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    make_journal(folder)
    PrintToFile.folder = out
    print_preview.make_print_dialog = lambda printer, parent: PrintToFile(printer, parent)
    ui_app.make_application()
    QTimer.singleShot(0, lambda: user(out))
    QTimer.singleShot(120_000, lambda: QApplication.exit(3))  # never hang the test
    code = ui_app.run_gui(folder)
    left = [type(w).__name__ for w in QApplication.topLevelWidgets()]
    print("left after quit:", sorted(left), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
