"""Render the "Log contact" and "New case" dialogs with sample data into docs/screenshots/.

Run from the repository root (no display needed):

    .venv/bin/python docs/make_dialog_screenshots.py

It works in a throw-away journal in a temporary folder and never touches your own.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from docs_screen import use_docs_screen  # noqa: E402 (docs/ is the script's folder)

use_docs_screen()  # before Qt is imported

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Headway Journal")
    # Sample screenshots never ask about drafts.
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)  # type: ignore[method-assign]

    from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
    from headway_journal.journal.service import JournalService
    from headway_journal.ui.dialogs import CaseDialog, ContactDialog

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hj-shots-") as tmp:
        service = JournalService.open(Path(tmp) / "journal")
        try:
            headway = service.organization_by_key("headway")
            assert headway is not None
            case_id = service.create_case(CaseInput(
                title="Double charge for the 12 Nov session", organization_id=headway.id,
                issue_type="billing", role="client", summary="Charged twice for one session.",
                desired_outcome="Refund of the duplicate $100 charge.", amount_disputed="100",
                fields={"invoice_numbers": "INV-20931", "card_last4": "4242"}))
            earlier = datetime.now().astimezone() - timedelta(days=9)
            service.log_contact(case_id, ContactInput(
                started_at=earlier, ended_at=earlier + timedelta(minutes=14), channel="phone",
                rep_name="Priya Raman", rep_title="Billing supervisor", rep_id="PR-114",
                tickets=["HW-48213"], summary="Confirmed the duplicate charge.",
                promises=[PromiseInput("decision on the refund", business_days=5)]))

            # --- Log contact, twelve minutes into a call, on hold right now
            dlg = ContactDialog(service, case_id)
            start = datetime.now().astimezone().replace(microsecond=0) - timedelta(minutes=12,
                                                                                   seconds=41)
            dlg._set_start(start, touched=False)
            dlg.rep_name.setText("Priya Raman")
            dlg._rep_chosen("Priya Raman")
            for ticket in ("HW-48213", "ESC-77310"):
                dlg.tickets.add(ticket)
            dlg.summary_edit.setPlainText(
                "Called back with HW-48213: the refund decision promised for last Friday never "
                "came. Priya confirmed the duplicate charge again and passed it to the "
                "escalations team.")
            dlg.outcome_edit.setPlainText("Escalated; refund to be issued by the escalations team.")
            row = dlg.promise_rows[0]
            row.amount.setText("5")
            row.text.setText("refund issued to the card ending 4242")
            row.refresh()
            second = dlg.add_promise_row(focus=False)
            second.amount.setText("24")
            second.unit.setCurrentIndex(second.unit.findData("hours"))
            second.text.setText("e-mail confirming the escalation")
            second.refresh()
            dlg.esc_check.setChecked(True)
            dlg.esc_owner.setText("Alexei Smirnov")
            dlg.esc_title.setText("Escalations lead")
            dlg.esc_ref.setText("ESC-77310")
            # a screenshot pasted during the call: kept until the contact is saved (a chip)
            from PySide6.QtGui import QColor, QImage

            shot = QImage(640, 400, QImage.Format.Format_RGB32)
            shot.fill(QColor("#f6f7f9"))
            dlg.attachments.attach_image(case_id, shot,
                                         original_name="chat-with-priya-2026-11-26.png")
            dlg.hold_spin.setValue(4)
            dlg.hold_button.setChecked(True)
            dlg._hold_since = datetime.now().astimezone() - timedelta(minutes=2, seconds=5)
            dlg._hold_base = 4
            dlg.keeper.save_now()
            dlg.resize(800, 940)
            dlg.show()
            dlg.rep_name.setFocus(Qt.FocusReason.OtherFocusReason)
            dlg._tick()
            app.processEvents()
            dlg.esc_owner.deselect()
            app.processEvents()
            dlg.grab().save(str(OUT / "log-contact.png"))
            dlg.keeper.discard()
            dlg.tick.stop()
            dlg.hide()
            dlg.deleteLater()

            # --- New case: a clinician's credentialing case, one field still to fix
            case = CaseDialog(service)
            case.issue_combo.setCurrentIndex(case.issue_combo.findData("provider_credentialing"))
            case.title_edit.setText("Credentialing with Aetna stuck since September")
            case.summary_edit.setPlainText(
                "Submitted the CAQH attestation on 2 Sep; the application still shows "
                "'in review' and sessions booked for October cannot be billed.")
            case.outcome_edit.setPlainText("Credentialing completed, effective 1 October.")
            form = case.fields_form
            assert form is not None
            form.set_values({"npi": "1234567890", "practice_name": "Harbor Counseling PLLC",
                             "tax_id": "12-3456789"})
            form.rows["npi"].check()
            case.resize(700, 860)
            case.show()
            case.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            app.processEvents()
            case.grab().save(str(OUT / "new-case.png"))
            case.keeper.discard()
            case.hide()
            case.deleteLater()
            app.processEvents()
        finally:
            service.close()
    print(f"wrote {OUT / 'log-contact.png'} and {OUT / 'new-case.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
