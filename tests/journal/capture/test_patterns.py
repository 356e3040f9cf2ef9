"""Ticket patterns: checked before they are saved, kept with the organization."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from headway_journal.journal.capture.patterns import (
    HEADWAY_TICKET_PATTERNS,
    MAX_PATTERNS,
    check_pattern,
    check_patterns,
)
from headway_journal.journal.models import Change
from headway_journal.journal.records import OrganizationInput, ValidationError
from headway_journal.journal.service import JournalService


@pytest.mark.parametrize("pattern", [*HEADWAY_TICKET_PATTERNS, r"SR-\d{4}", r"\bCASE[- ]?(\d+)",
                                     r"(?:ref|reference)\s*(\w{6})", r"[A-Z]{2}\d{6}"])
def test_simple_patterns_are_accepted(pattern: str) -> None:
    assert check_pattern(pattern) is None


@pytest.mark.parametrize("pattern, words", [
    ("(", "not a valid regular expression"),
    ("[a-", "not a valid regular expression"),
    (r"(a+)+$", "may not itself repeat"),
    (r"(\d*)*x", "may not itself repeat"),
    (r"(a|ab)*c", "may not itself repeat"),
    (r"(?:x\d+){2,}", "may not itself repeat"),
    (r"(\d)\1", "back-references"),
    (r"(?P<n>\d)(?P=n)", "back-references"),
    (r"\d*", "matches empty text"),
    (r"a+b+", "open-ended repeat"),
    (r"\d+\d+x", "open-ended repeat"),
    (r"\d{1,500}x\s*", "open-ended repeat"),
    (r"ticket.*(\d+)", "anything"),
    (r"x.+y", "anything"),
    ("x" * 201, "longer than 200"),
])
def test_dangerous_or_broken_patterns_are_refused_with_a_clear_sentence(pattern: str,
                                                                         words: str) -> None:
    why = check_pattern(pattern)
    assert why is not None and words in why
    assert "\n" not in why


def test_the_problem_names_the_line_and_too_many_are_refused() -> None:
    problems = check_patterns(["#(\\d{6})", "("])
    assert [p.line for p in problems] == [2]
    assert str(problems[0]).startswith("Ticket pattern 2: ")
    assert check_patterns([f"a{i}" for i in range(MAX_PATTERNS + 1)])


def test_headway_is_preloaded_and_patterns_are_saved_validated_and_logged(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "j") as svc:
        org = svc.organization_by_key("headway")
        assert org is not None and org.ticket_patterns == HEADWAY_TICKET_PATTERNS
        data = OrganizationInput(name=org.name, website=org.website, notes=org.notes,
                                 ticket_patterns=[" SR-(\\d{5}) ", "", "#(\\d{7})"])
        svc.save_organization(data, org.id)
        assert svc.organization(org.id).ticket_patterns == ("SR-(\\d{5})", "#(\\d{7})")
        with pytest.raises(ValidationError) as err:
            svc.save_organization(OrganizationInput(name="X", ticket_patterns=["(a+)+"]))
        assert "ticket_patterns" in err.value.errors
        assert err.value.errors["ticket_patterns"].startswith("Ticket pattern 1:")
        # saving without patterns (the import, older callers) keeps the stored ones
        svc.save_organization(OrganizationInput(name="Headway"), org.id)
        assert svc.organization(org.id).ticket_patterns == ("SR-(\\d{5})", "#(\\d{7})")
        with svc.journal.sessions() as s:
            logged = s.scalars(select(Change).where(Change.entity == "organization",
                                                    Change.entity_id == org.id)).all()
            changes = [c.changes["ticket_patterns"] for c in logged if "ticket_patterns" in c.changes]
            assert changes == [["\n".join(HEADWAY_TICKET_PATTERNS), "SR-(\\d{5})\n#(\\d{7})"]]


def test_ticket_patterns_travel_in_the_json_export_and_import(tmp_path: Path) -> None:
    from headway_journal.journal import interchange as ix

    with JournalService.open(tmp_path / "a") as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        svc.save_organization(OrganizationInput(name="Headway", ticket_patterns=["SR-(\\d{5})"]),
                              org.id)
        ix.export_journal(svc, tmp_path / "out.json")
    with JournalService.open(tmp_path / "b") as svc:
        assert svc.organization_by_key("headway").ticket_patterns == HEADWAY_TICKET_PATTERNS  # type: ignore[union-attr]
        ix.import_journal(svc, tmp_path / "out.json")
        assert svc.organization_by_key("headway").ticket_patterns == ("SR-(\\d{5})",)  # type: ignore[union-attr]
