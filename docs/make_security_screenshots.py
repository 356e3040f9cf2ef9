"""Render the trust dialogs into docs/screenshots/: unlocking an encrypted journal
(unlock.png) and File > Verify a case file… reporting on a signed case file
(verify-casefile.png). Run from the repository root (no display needed):

    .venv/bin/python docs/make_security_screenshots.py

It works in throw-away journals in a temporary folder and never touches your own.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from docs_screen import use_docs_screen  # noqa: E402 (docs/ is the script's folder)

use_docs_screen()  # before Qt is imported

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def unlock_dialog(tmp: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    from headway_journal.journal.crypto import access, lockbox
    from headway_journal.ui.security.unlock import UnlockDialog

    folder = tmp / "locked"
    folder.mkdir(mode=0o700)
    # a light key derivation: this journal only lives for the picture
    quick = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8,
                              lanes=1)
    access.create_lock(folder, "correct horse battery staple", quick)
    dialog = UnlockDialog(folder)
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()  # one wrong try: the dialog says so and stays open
    dialog.passphrase.clear()
    dialog.resize(560, dialog.sizeHint().height())
    dialog.show()
    QApplication.processEvents()
    path = OUT / "unlock.png"
    dialog.grab().save(str(path))
    dialog.reject()
    dialog.deleteLater()
    return path


def verify_report(tmp: Path) -> Path:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from headway_journal.casefile.service_bridge import build_for_case
    from headway_journal.journal.demo import populate_demo
    from headway_journal.journal.records import CaseFilter
    from headway_journal.journal.service import JournalService
    from headway_journal.ui.main_window.verify_casefile import check_file

    with JournalService.open(tmp / "journal") as service:
        populate_demo(service)
        cases = service.case_summaries(service.case_ids(CaseFilter(view="all")))
        billing = next(c for c in cases if "twice" in c.title.lower())
        pdf = tmp / "case-file.pdf"
        build_for_case(service, billing.id, pdf)
        ok, report = check_file(pdf, service)
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                          "Verify a case file", f"{pdf.name}\n\n{report}")
        box.show()
        QApplication.processEvents()
        path = OUT / "verify-casefile.png"
        box.grab().save(str(path))
        box.deleteLater()
    return path


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Headway Journal")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hj-shots-") as tmp:
        for made in (unlock_dialog(Path(tmp)), verify_report(Path(tmp))):
            print(made)
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
