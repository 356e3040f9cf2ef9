"""Search finds everything the case file shows (issue 14, item 5): escalations (owner, title,
reference, notes), the organization's name, the case details fields, exhibits (caption and file
name) and promises; accents ignored, ticket-like references with dashes, prefixes; documents
follow edits, removals and renames (the triggers of migration 0004)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from headway_journal import cli
from headway_journal.journal.records import (
    CaseInput,
    ContactInput,
    EscalationInput,
    OrganizationInput,
    PromiseInput,
)
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    service = JournalService.open(store)
    yield service
    service.close()


def _org(svc: JournalService, name: str) -> int:
    return svc.save_organization(OrganizationInput(name=name))


def _case(svc: JournalService, org_id: int, title: str,
          fields: dict[str, str] | None = None) -> int:
    return svc.create_case(CaseInput(title=title, organization_id=org_id, issue_type="billing",
                                     role="client", opened_on=date(2026, 11, 2),
                                     fields=fields or {}))


def found(svc: JournalService, query: str) -> set[int]:
    hits = svc.search(query)
    return {h.case_id for h in hits}


def listed(svc: JournalService, query: str) -> set[int]:
    """The case list's text filter (the window's search box)."""
    from headway_journal.journal.records import CaseFilter

    return set(svc.case_ids(CaseFilter(view="all", text=query)))


def test_escalations_are_found_by_owner_reference_and_notes(svc: JournalService) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Double charge")
    other = _case(svc, org, "Unrelated")
    svc.add_escalation(case, EscalationInput(
        requested_on=date(2026, 11, 10), level="supervisor", owner_name="Marisol Quiñones",
        owner_title="Billing Escalations Lead", reference="ESC-2026-0042",
        notes="Promised a written answer by the compliance team"))
    for query in ("Marisol Quiñones", "Quinones", "quiñones", "QUINONES", "ESC-2026-0042",
                  "esc-2026", "ESC-", "Escalations Lead", "compliance", "complian"):
        assert found(svc, query) == {case}, query
        assert listed(svc, query) == {case}, query
    assert other not in found(svc, "ESC")
    hit = next(h for h in svc.search("ESC-2026-0042"))
    assert "[ESC-2026-0042]" in hit.snippet


def test_an_edited_escalation_is_found_by_its_new_words_only(svc: JournalService) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Claim denied")
    start = datetime(2026, 11, 3, 10, 0, tzinfo=PST)
    contact = svc.log_contact(case, ContactInput(
        started_at=start, channel="phone", summary="Asked for a supervisor.",
        escalation=EscalationInput(requested_on=date(2026, 11, 3), owner_name="Dana Whitfield",
                                   reference="SUP-7781", key="esc-1")))
    assert found(svc, "Whitfield") == {case}
    svc.update_contact(contact, ContactInput(
        started_at=start, channel="phone", summary="Asked for a supervisor.",
        escalation=EscalationInput(requested_on=date(2026, 11, 3), owner_name="Dana Okonkwo",
                                   reference="SUP-9902", key="esc-1")))
    assert found(svc, "Whitfield") == set() and found(svc, "SUP-7781") == set()
    assert found(svc, "Okonkwo") == found(svc, "SUP-9902") == {case}


def test_organization_names_are_found_and_follow_a_rename(svc: JournalService) -> None:
    org = _org(svc, "Blue Shield of Califörnia")
    cases = {_case(svc, org, f"Claim {i}") for i in range(3)}
    other = _case(svc, _org(svc, "Aetna"), "Credentialing")
    assert found(svc, "California") == cases
    assert listed(svc, "blue shield") == cases
    assert found(svc, "Aetna") == {other}
    svc.save_organization(OrganizationInput(name="Anthem Blue Cross"), org)
    assert found(svc, "California") == set()
    assert found(svc, "Anthem") == cases
    assert found(svc, "Anth") == cases


def test_case_details_fields_are_found(svc: JournalService) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Double charge", fields={
        "invoice_numbers": "INV-20931, INV-20932", "card_last4": "4242"})
    assert found(svc, "INV-20932") == {case}
    assert found(svc, "4242") == {case}
    assert listed(svc, "INV-209") == {case}


def test_exhibits_are_found_by_caption_and_file_name_while_in_the_case(
        svc: JournalService) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Refund missing")
    att = svc.add_attachment(case, PNG, original_name="portal_screenshot EOB-7781.png",
                             caption="Portal shows the refund as pending")
    for query in ("EOB-7781", "portal", "screenshot", "refund as pending", "pend"):
        assert found(svc, query) == {case}, query
    svc.set_attachment_caption(att, "Statement from the bank")
    assert found(svc, "pending") == set()
    assert found(svc, "bank statement") == {case}
    svc.remove_attachment(att)  # no longer in the case file: no longer found
    assert found(svc, "EOB-7781") == set()
    svc.restore_attachment(att)
    assert found(svc, "EOB-7781") == {case}


def test_promises_are_found(svc: JournalService) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Refund missing")
    svc.log_contact(case, ContactInput(
        started_at=datetime(2026, 11, 3, 10, 0, tzinfo=PST), channel="chat",
        summary="Chat with billing.",
        promises=[PromiseInput("Callback from the reimbursement desk", business_days=2)]))
    hits = svc.search("reimbursement desk")
    assert [(h.kind, h.case_id) for h in hits] == [("contact", case)]


def test_the_index_holds_exactly_the_documents(svc: JournalService) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Refund missing")
    svc.add_escalation(case, EscalationInput(requested_on=date(2026, 11, 3), reference="R-1"))
    svc.add_attachment(case, PNG, original_name="a.png", caption="c")
    sqlite = svc.journal.kind == "sqlite"
    with svc.journal.sessions() as s:
        if sqlite:
            s.execute(text("INSERT INTO search_fts(search_fts, rank) VALUES('integrity-check', 0)"))
        views = s.execute(text(
            "SELECT rid, kind, case_id, title, body FROM search_doc_case UNION ALL "
            "SELECT rid, kind, case_id, title, body FROM search_doc_contact UNION ALL "
            "SELECT rid, kind, case_id, title, body FROM search_doc_note ORDER BY 1")).all()
        index = s.execute(text(
            "SELECT rowid, kind, case_id, title, body FROM search_fts ORDER BY 1" if sqlite else
            "SELECT rid, kind, case_id, title, body FROM search_docs ORDER BY 1")).all()
    assert index == views


def test_cli_search_finds_an_escalation(svc: JournalService,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    org = _org(svc, "Acme Health")
    case = _case(svc, org, "Double charge")
    svc.add_escalation(case, EscalationInput(requested_on=date(2026, 11, 10),
                                             owner_name="Marisol Quiñones",
                                             reference="ESC-2026-0042"))
    where = ["--journal", str(svc.folder)] if svc.journal.kind == "sqlite" else [
        "--database", svc.journal.url.render_as_string(hide_password=False)]
    svc.close()
    assert cli.main([*where, "search", "Quinones"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"#{case}  Double charge  case")
    assert "[Quiñones]" in out
