"""Fixtures for the window tests: a journal in tmp_path with realistic cases, and the window.

All data goes through the service, as the app itself does. Dates are relative to today so the
overdue / pending states hold whenever the tests run.
"""

from __future__ import annotations

import sys
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput, PromiseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import settings as st

PACIFIC = timezone(timedelta(hours=-8))
EASTERN = timezone(timedelta(hours=-5))


def at(days_ago: int, hh: int, mm: int, tz: timezone = PACIFIC) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days_ago), time(hh, mm), tz)


@dataclass
class Sample:
    billing: int
    credentialing: int
    appointment: int
    privacy: int
    technical: int
    overdue_promise: int
    pending_promise: int
    kept_promise: int


def build_sample(svc: JournalService) -> Sample:
    headway = svc.organization_by_key("headway")
    assert headway is not None
    today = date.today()

    billing = svc.create_case(CaseInput(
        title="Double charge for the Nov 12 session", organization_id=headway.id,
        issue_type="billing", role="client", opened_on=today - timedelta(days=13),
        summary="The Nov 12 video session was charged twice to my card.",
        desired_outcome="Refund of the duplicate charge", amount_disputed="100.00",
        fields={"invoice_numbers": "INV-20931, INV-20932", "amounts": "$100.00 twice",
                "card_last4": "4242"},
    ))
    svc.log_contact(billing, ContactInput(
        started_at=at(12, 10, 5), ended_at=at(12, 10, 19), channel="phone",
        direction="outbound", hold_minutes=5, rep_name="Jordan Lee",
        rep_title="Billing Specialist", tickets=["HW-448812"],
        summary="Explained the duplicate charge on the Nov 12 session.",
        outcome="Refund request opened.",
        promises=[PromiseInput("decision on the refund", business_days=5)],
    ))
    svc.log_contact(billing, ContactInput(
        started_at=at(3, 22, 30), channel="email", direction="inbound",
        rep_name="Алексей Смирнов", rep_title="Escalations Lead", tickets=["ESC-77310"],
        summary="Supervisor accepted escalation.",
        promises=[PromiseInput("written reply", business_days=10)],
        escalation=EscalationInput(requested_on=today - timedelta(days=3), level="supervisor",
                                   owner_name="Алексей Смирнов", owner_title="Escalations Lead",
                                   reference="ESC-77310"),
    ))
    svc.log_contact(billing, ContactInput(
        started_at=at(1, 9, 40), ended_at=at(1, 9, 52), channel="chat", direction="outbound",
        rep_name="Sam", summary="Asked for a status update; the agent saw the escalation.",
    ))

    credentialing = svc.create_case(CaseInput(
        title="Credentialing with Aetna stuck", organization_id=headway.id,
        issue_type="provider_credentialing", role="clinician",
        opened_on=today - timedelta(days=40),
        desired_outcome="Credentialing completed", fields={
            "npi": "1234567893", "practice_name": "Riverbend Counseling", "tax_id": "12-3456789"},
    ))
    svc.log_contact(credentialing, ContactInput(
        started_at=at(30, 14, 0, EASTERN), channel="in-app", direction="outbound",
        tickets=["PS-100234"], summary="Asked Provider Support for the application status.",
        promises=[PromiseInput("status update from the credentialing team", business_days=3,
                               status="kept")],
    ))

    appointment = svc.create_case(CaseInput(
        title="Session cancelled without notice", organization_id=headway.id,
        issue_type="appointment", role="client", status="waiting",
        opened_on=today - timedelta(days=6),
        fields={"therapist_name": "Dr. Maya Chen", "session_type": "video"},
    ))

    privacy = svc.create_case(CaseInput(
        title="Diagnosis visible to my employer's plan admin", organization_id=headway.id,
        issue_type="privacy", role="client", opened_on=today - timedelta(days=20),
        fields={"what_happened": "My diagnosis code appeared in a report sent to my employer.",
                "learned_on": (today - timedelta(days=21)).isoformat()},
    ))

    technical = svc.create_case(CaseInput(
        title="Login lockout after password reset", organization_id=headway.id,
        issue_type="technical", role="client", status="resolved",
        opened_on=today - timedelta(days=60), fields={"device": "iPhone 13"},
    ))

    case = svc.get_case(billing)
    by_text = {p.text: p.id for p in case.promises}
    kept = svc.get_case(credentialing).promises[0].id
    return Sample(billing, credentialing, appointment, privacy, technical,
                  by_text["decision on the refund"], by_text["written reply"], kept)


@pytest.fixture(autouse=True, scope="session")
def collect_garbage_on_the_gui_thread(qapp: Any) -> Iterator[None]:
    """As the app does (ui/gc_guard.py): a collection started in a worker thread (the case-file
    builder) destroyed Qt objects left in cycles by earlier tests off the GUI thread."""
    from headway_journal.ui.gc_guard import install_gui_collector

    collector = install_gui_collector(qapp)
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def clean_settings(qapp: Any) -> Iterator[None]:
    """Each test starts with no saved window state."""
    st.app_settings().clear()
    yield
    st.app_settings().clear()


@pytest.fixture(autouse=True)
def private_temp_dir(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's temporary files (read-only viewer copies, which the app removes when it quits
    and, after a crash, at the next start: journal/view_copies.py; case file previews; demo
    journals) go to a folder of this
    test that pytest cleans up, never to the real temporary folder."""
    folder = tmp_path_factory.mktemp("tmp")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_real_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real modal box would hang the run: fail loudly instead (tests patch what they expect)."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(kind: str) -> Any:
        def box(_parent: Any, title: str, text: str = "", *a: Any, **k: Any) -> Any:
            raise AssertionError(f"unexpected QMessageBox.{kind}: {title}: {text}")
        return staticmethod(box)

    for kind in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))


@pytest.fixture
def record_boxes(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A factory: ``record_boxes("warning", "question", ...)`` makes those QMessageBox calls
    record their text (in the returned dict, by kind) and answer Yes to a question, OK to the
    rest; the kinds not named still fail the test (``no_real_message_boxes``)."""
    from PySide6.QtWidgets import QMessageBox

    def make(*kinds: str) -> dict[str, list[str]]:
        shown: dict[str, list[str]] = {kind: [] for kind in kinds}

        def record(kind: str) -> Any:
            def box(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
                shown[kind].append(text)
                return (QMessageBox.StandardButton.Yes if kind == "question"
                        else QMessageBox.StandardButton.Ok)
            return staticmethod(box)

        for kind in kinds:
            monkeypatch.setattr(QMessageBox, kind, record(kind))
        return shown

    return make


@pytest.fixture
def service(tmp_path: Path) -> Iterator[JournalService]:
    svc = JournalService.open(tmp_path / "journal")
    yield svc
    svc.close()


@pytest.fixture
def case_id(service: JournalService) -> int:
    """One empty billing case at Headway ("Double charge"), for tests of a single case."""
    org = service.organization_by_key("headway")
    assert org is not None
    return service.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                         issue_type="billing", role="client"))


@pytest.fixture
def sample_builder() -> Any:
    """``build_sample`` for tests that fill a journal of their own (importing it from
    "conftest" would find whichever conftest module was imported first)."""
    return build_sample


@pytest.fixture
def sample(service: JournalService) -> Sample:
    return build_sample(service)


def open_window(qtbot: Any, service: JournalService) -> Any:
    from headway_journal.ui.main_window import MainWindow

    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._ready)
    return window


@pytest.fixture
def make_window(qtbot: Any) -> Any:
    """A factory: open another window on a service (registered with qtbot)."""
    return lambda svc: open_window(qtbot, svc)


@pytest.fixture
def window(qtbot: Any, service: JournalService, sample: Sample) -> Iterator[Any]:
    win = open_window(qtbot, service)
    yield win
    win.close()


@pytest.fixture
def empty_window(qtbot: Any, service: JournalService) -> Iterator[Any]:
    win = open_window(qtbot, service)
    yield win
    win.close()


class FakeDialog(QDialog):
    """Stands in for the real dialogs: records how it was called and accepts."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    action: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        parent = next((a for a in args if isinstance(a, QWidget)), kwargs.get("parent"))
        super().__init__(parent)
        self.args, self.kwargs = args, kwargs
        FakeDialog.calls.append((type(self).__name__, args, kwargs))

    def exec(self) -> int:
        if type(self).action is not None:
            type(self).action(self)
        return int(QDialog.DialogCode.Accepted.value)


@pytest.fixture
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """A stand-in ``headway_journal.ui.dialogs`` module; set ``<Class>.action`` per test."""
    module = types.ModuleType("headway_journal.ui.dialogs")
    FakeDialog.calls = []
    for name in ("CaseDialog", "ContactDialog", "OrganizationDialog", "SettingsDialog"):
        setattr(module, name, type(name, (FakeDialog,), {"action": None}))
    monkeypatch.setitem(sys.modules, "headway_journal.ui.dialogs", module)
    return module
