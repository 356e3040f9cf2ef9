"""Render the letter editor (a complaint to the company, drafted from a sample case) into
docs/screenshots/letter-editor.png. Run from the repository root (no display needed):

    .venv/bin/python docs/make_letter_screenshot.py

It works in a throw-away demo journal in a temporary folder and never touches your own.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from docs_screen import use_docs_screen  # noqa: E402 (docs/ is the script's folder)

use_docs_screen()  # before Qt is imported

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Headway Journal")
    from headway_journal.journal.demo import populate_demo
    from headway_journal.journal.records import CaseFilter
    from headway_journal.journal.service import JournalService
    from headway_journal.ui.letters.dialog import LetterDialog

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hj-shots-") as tmp:
        service = JournalService.open(Path(tmp) / "journal")
        try:
            populate_demo(service)
            cases = service.case_summaries(service.case_ids(CaseFilter(view="all")))
            billing = next(c for c in cases if "twice" in c.title.lower())
            dialog = LetterDialog(service, billing.id, "company")
            dialog.resize(1100, 860)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(OUT / "letter-editor.png"))
            print(OUT / "letter-editor.png")
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
        finally:
            service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
