"""Make docs/screenshots/exhibits.png: the Exhibits panel with two generated screenshots.

    .venv/bin/python docs/make_exhibit_screenshot.py [output.png]

Runs offscreen in a temporary journal; nothing of the user's is read or written.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from docs_screen import use_docs_screen  # noqa: E402 (docs/ is the script's folder)

use_docs_screen()  # before Qt is imported

from PySide6.QtCore import QElapsedTimer, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots" / "exhibits.png"


def _fake_page(title: str, lines: list[tuple[str, str]], accent: str) -> QImage:
    """A 1280x800 "screenshot" of a web page: a header bar, a title and some rows."""
    image = QImage(1280, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#f6f7f9"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(0, 0, 1280, 72, QColor(accent))
    font = QFont("DejaVu Sans", 22, QFont.Weight.Bold)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRect(32, 0, 800, 72), Qt.AlignmentFlag.AlignVCenter, "headway")
    p.setPen(QColor("#1d2433"))
    p.setFont(QFont("DejaVu Sans", 30, QFont.Weight.Bold))
    p.drawText(QRect(64, 110, 1150, 60), Qt.AlignmentFlag.AlignVCenter, title)
    p.setFont(QFont("DejaVu Sans", 20))
    y = 200
    for left, right in lines:
        p.fillRect(64, y, 1152, 84, QColor("white"))
        p.setPen(QColor("#d5d9e0"))
        p.drawRect(64, y, 1152, 84)
        p.setPen(QColor("#1d2433"))
        p.drawText(QRect(96, y, 700, 84), Qt.AlignmentFlag.AlignVCenter, left)
        p.drawText(QRect(800, y, 384, 84),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, right)
        y += 104
    p.end()
    return image


def grab_demo(path: Path = OUT) -> Path:
    """Build a temp journal, attach two generated PNGs, show the panel at 900x500, grab it."""
    from headway_journal.journal.records import CaseInput
    from headway_journal.journal.service import JournalService
    from headway_journal.ui.exhibits.controller import AttachmentController
    from headway_journal.ui.exhibits.panel import ExhibitsPanel
    from headway_journal.ui.exhibits.worker import image_to_png

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="hj-shot-") as tmp:
        svc = JournalService.open(Path(tmp) / "journal")
        try:
            org = svc.organization_by_key("headway")
            assert org is not None
            case_id = svc.create_case(CaseInput(
                title="Double charge for 12 Nov session", organization_id=org.id,
                issue_type="billing", role="client", summary="Charged twice"))
            billing = _fake_page("Billing history", [
                ("Nov 12 \u00b7 Video session", "$100.00"),
                ("Nov 12 \u00b7 Video session", "$100.00"),
                ("Oct 29 \u00b7 Video session", "$100.00"),
            ], "#3d5afe")
            chat = _fake_page("Support chat \u00b7 ESC-77310", [
                ("You: I was charged twice for Nov 12.", ""),
                ("Priya (Supervisor): I've escalated it.", ""),
                ("Reply in writing within 10 business days.", ""),
            ], "#00897b")
            svc.add_attachment(case_id, image_to_png(billing),
                               original_name="billing-history-2026-11-13.png",
                               caption="Two charges of $100.00 for the Nov 12 session")
            svc.add_attachment(case_id, image_to_png(chat),
                               original_name="pasted-2026-11-26-1432.png",
                               caption="Supervisor accepted the escalation")
            controller = AttachmentController(svc)
            panel = ExhibitsPanel(svc, controller)
            panel.resize(900, 500)
            panel.set_case(svc.get_case(case_id))
            panel.show()
            panel.list_view.setFocus()
            panel.select_ids([panel.model.view_at(0).id])
            timer = QElapsedTimer()
            timer.start()
            while timer.elapsed() < 10_000 and any(
                    panel.model.data(panel.model.index(r), Qt.ItemDataRole.UserRole + 4)
                    != "ready" for r in range(panel.model.rowCount())):
                panel.thumbnails.wait(100)
                app.processEvents()
            app.processEvents()
            path.parent.mkdir(parents=True, exist_ok=True)
            if not panel.grab().save(str(path), "PNG"):
                raise OSError(f"could not write {path}")
            panel.close()
            panel.deleteLater()
            controller.shutdown()
            app.processEvents()
        finally:
            svc.close()
    return path


if __name__ == "__main__":
    print(grab_demo(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
