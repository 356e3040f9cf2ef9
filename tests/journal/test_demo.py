"""The demo journal: realistic, varied, relative to today, and sound."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from headway_journal.journal import interchange as ix
from headway_journal.journal.demo import DEMO_MARKER_KEY, populate_demo
from headway_journal.journal.issue_types import npi_ok
from headway_journal.journal.records import CaseFilter
from headway_journal.journal.service import JournalService


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JournalService]:
    svc = JournalService.open(tmp_path_factory.mktemp("demo") / "journal")
    populate_demo(svc)
    yield svc
    svc.close()


def test_demo_has_every_kind_of_case(demo: JournalService) -> None:
    cases = [demo.get_case(c) for c in demo.case_ids(CaseFilter(view="all"))]
    types = {c.issue_type for c in cases}
    assert {"billing", "provider_credentialing", "insurance", "technical", "privacy",
            "appointment", "account"} <= types
    assert {c.status for c in cases} >= {"escalated", "resolved", "open"}
    billing = demo.get_case(demo.find_case(DEMO_MARKER_KEY))
    assert billing.escalations and billing.escalations[0].owner_title == "Billing supervisor"
    statuses = {p.status for p in billing.promises}
    assert {"kept", "broken", "pending"} <= statuses
    cred = next(c for c in cases if c.issue_type == "provider_credentialing")
    assert npi_ok(cred.fields["npi"]) and cred.fields["tax_id"] == "12-3456789"
    ins = next(c for c in cases if c.issue_type == "insurance")
    assert ins.organization.name == "Blue Harbor Health Plan"
    assert ins.organization.address and len(ins.organization.channels) >= 3
    assert ins.fields["claim_numbers"] and ins.fields["denial_date"]
    reps = {ct.rep_name for c in cases for ct in c.contacts}
    assert {"Priya Raman", "Алексей Смирнов", "José Núñez"} <= reps
    offsets = {ct.started_at.utcoffset() for c in cases for ct in c.contacts}
    assert len(offsets) >= 3  # Pacific, Central and Eastern time
    assert all(ct.tickets for c in cases for ct in c.contacts)
    terms = {("bd" if p.business_days else "h" if p.hours else "date")
             for c in cases for p in c.promises}
    assert terms == {"bd", "h", "date"}
    assert demo.profile()["name"] == "Dana Whitfield"
    late = [ct.recorded_late_days for c in cases for ct in c.contacts]
    assert late.count(0) == len(late) - 1 and max(late) >= 1  # one entry written down late


def test_demo_always_has_something_overdue_and_something_due(demo: JournalService) -> None:
    states = {d.promise.state.code for d in demo.due_items(include_future=True)}
    assert "overdue" in states
    assert states & {"pending", "due_today"}


def test_demo_screenshots_are_real_pngs_and_the_journal_is_sound(demo: JournalService) -> None:
    cases = [demo.get_case(c) for c in demo.case_ids(CaseFilter(view="all"))]
    shots = [a for c in cases for a in c.attachments]
    assert len(shots) >= 2
    assert all(a.media_type == "image/png" and a.preview_ok and a.width for a in shots)
    assert demo.check() == []


def test_demo_is_added_once(demo: JournalService) -> None:
    before = demo.stats()
    populate_demo(demo)
    assert demo.stats() == before


def test_demo_round_trips_through_json(demo: JournalService, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    ix.export_journal(demo, tmp_path / "a" / "demo.json")
    with JournalService.open(tmp_path / "copy") as other:
        ix.import_journal(other, tmp_path / "a" / "demo.json")
        (tmp_path / "b").mkdir()
        ix.export_journal(other, tmp_path / "b" / "demo.json")
    first = json.loads((tmp_path / "a" / "demo.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "b" / "demo.json").read_text(encoding="utf-8"))
    assert first.pop("chain")["journal"] != second.pop("chain")["journal"]  # journal.chain
    assert first == second
