"""Render the main window with sample data into docs/screenshots/ (no display needed).

    .venv/bin/python docs/make_screenshots.py        # or: make screenshots

It builds a demo journal in a temporary folder (``headway_journal.journal.demo`` when present,
else a small builder below), opens the main window at 1366x768 on Qt's offscreen platform and
saves:

* main-window-client.png     a client's billing case, timeline tab
* main-window-clinician.png  a clinician's credentialing case, timeline tab
* before-you-call.png        the Before you call tab of a clinical (appointment) case
* welcome.png                an empty journal

Your own journal and window settings are never touched (settings go to a temporary folder).
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from docs_screen import use_docs_screen  # noqa: E402 (docs/ is the script's folder)

use_docs_screen()  # before Qt is imported
_TMP = tempfile.mkdtemp(prefix="hj-screens-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_TMP, "config")  # QSettings stay out of $HOME

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def settle(app: object, rounds: int = 12) -> None:
    """Let queued shows and layouts run."""
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()
        time.sleep(0.02)


def build_fallback(service: object) -> None:
    """A few realistic cases when the demo module is not available."""
    from headway_journal.journal.records import (
        CaseInput,
        ContactInput,
        EscalationInput,
        PromiseInput,
    )
    from headway_journal.journal.service import JournalService

    assert isinstance(service, JournalService)
    headway = service.organization_by_key("headway")
    assert headway is not None
    today = date.today()
    now = datetime.now(UTC).astimezone()

    def ago(days: int, hours: int = 0) -> datetime:
        return (now - timedelta(days=days, hours=hours)).replace(second=0, microsecond=0)

    billing = service.create_case(CaseInput(
        title="Charged twice for one therapy session", organization_id=headway.id,
        issue_type="billing", role="client", opened_on=today - timedelta(days=20),
        key="demo-billing-double-charge", amount_disputed="150.00",
        desired_outcome="Refund of the duplicate $150.00 charge.",
        fields={"invoice_numbers": "INV-2026-118734", "card_last4": "4242"}))
    service.log_contact(billing, ContactInput(
        started_at=ago(19), ended_at=ago(19) + timedelta(minutes=26), channel="chat",
        rep_name="Priya Raman", rep_title="Support specialist", tickets=["HW-4471902"],
        summary="Confirmed the duplicate charge and opened a refund request.",
        promises=[PromiseInput("Refund the duplicate charge", business_days=5)],
        recorded_at=ago(19) + timedelta(minutes=40)))
    service.log_contact(billing, ContactInput(
        started_at=ago(6), channel="email", rep_name="Marcus Lee",
        rep_title="Billing supervisor", tickets=["ESC-20931"],
        summary="Asked for a supervisor after the deadline passed.",
        promises=[PromiseInput("Written answer", business_days=3)],
        escalation=EscalationInput(requested_on=today - timedelta(days=6), owner_name="Marcus Lee",
                                   owner_title="Billing supervisor", reference="ESC-20931"),
        recorded_at=ago(6) + timedelta(minutes=15)))
    service.create_case(CaseInput(
        title="Credentialing stuck in review", organization_id=headway.id,
        issue_type="provider_credentialing", role="clinician", key="demo-credentialing",
        opened_on=today - timedelta(days=30),
        fields={"npi": "1234567893", "practice_name": "Lakeside Counseling PLLC"}))
    service.create_case(CaseInput(
        title="Session cancelled by the platform", organization_id=headway.id,
        issue_type="appointment", role="client", key="demo-appointment",
        opened_on=today - timedelta(days=3), fields={"therapist_name": "Dr. Mei Chen"}))


def main() -> int:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from headway_journal.journal.service import JournalService
    from headway_journal.ui.app import make_application
    from headway_journal.ui.case.pane import TAB_BEFORE_CALL, TAB_TIMELINE
    from headway_journal.ui.main_window import MainWindow

    app = make_application(sys.argv[:1])
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    QApplication.setFont(font)
    OUT.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shoot(window: MainWindow, name: str, prepare: Callable[[], None]) -> None:
        prepare()
        settle(app)
        path = OUT / name
        if not window.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        saved.append(path)

    with tempfile.TemporaryDirectory(prefix="hj-shots-") as tmp:
        service = JournalService.open(Path(tmp) / "journal")
        try:
            try:
                demo = importlib.import_module("headway_journal.journal.demo")
                demo.populate_demo(service)
            except ImportError:
                build_fallback(service)
            window = MainWindow(service)
            window.resize(*SIZE)
            window.show()
            settle(app)
            client = service.find_case("demo-billing-double-charge")
            clinician = service.find_case("demo-credentialing")
            clinical = service.find_case("demo-appointment")

            def case_tab(case_id: int, tab: int) -> Callable[[], None]:
                def go() -> None:
                    window.set_view("active")
                    window.select_case(case_id)
                    window.case_pane.tabs.setCurrentIndex(tab)
                    window.case_pane.timeline_area.verticalScrollBar().setValue(0)
                    window.case_pane.before_area.verticalScrollBar().setValue(0)
                return go

            shoot(window, "main-window-client.png", case_tab(client, TAB_TIMELINE))
            shoot(window, "main-window-clinician.png", case_tab(clinician, TAB_TIMELINE))
            shoot(window, "before-you-call.png", case_tab(clinical, TAB_BEFORE_CALL))
            window.close()
        finally:
            service.close()

        empty = JournalService.open(Path(tmp) / "empty")
        try:
            window = MainWindow(empty)
            window.resize(*SIZE)
            window.show()
            shoot(window, "welcome.png", lambda: None)
            window.close()
        finally:
            empty.close()

    for path in saved:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
