"""Letter drafts in the JSON format: exported, imported into another journal (new cases are
written in bulk), merged into a case the journal holds, and bad ones refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from headway_journal.journal import interchange as ix
from headway_journal.journal.letters.sending import mark_sent
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "fresh")
    yield s
    s.close()


def populate(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    case_id = svc.create_case(CaseInput(title="Charged twice", organization_id=org.id,
                                        issue_type="billing", role="client", key="card",
                                        fields={"statement_date": "2026-11-10"}))
    svc.save_letter_draft(case_id, "card-dispute", "Dear Sir or Madam,\n\nText.",
                          {"statement_date": "2026-11-12", "card_issuer": "Example Bank"})
    svc.save_letter_draft(case_id, "cfpb", "On 2026-11-04 they charged me twice.")
    mark_sent(svc, case_id, "cfpb", sent_on=date(2026, 11, 20), channel="web-form",
              now=datetime(2026, 11, 20, 15, 0, tzinfo=TZ))
    return case_id


def export(svc: JournalService, folder: Path) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    ix.export_journal(svc, folder / "journal.json")
    data: dict[str, Any] = json.loads((folder / "journal.json").read_text(encoding="utf-8"))
    return data


def write(folder: Path, doc: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "in.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def drafts(svc: JournalService) -> dict[str, tuple[Any, ...]]:
    case_id = svc.find_case("card")
    keys = {c.id: c.key for c in svc.get_case(case_id).contacts}
    return {k: (d.body, d.facts, d.sent_on, d.sent_channel,
                keys.get(d.contact_id) if d.contact_id else None)
            for k, d in svc.letter_drafts(case_id).items()}


def test_drafts_survive_an_export_and_import(svc: JournalService, fresh: JournalService,
                                             tmp_path: Path) -> None:
    populate(svc)
    doc = export(svc, tmp_path / "a")
    [case] = doc["cases"]
    [contact] = case["contacts"]
    assert case["letters"] == [
        {"kind": "card-dispute", "body": "Dear Sir or Madam,\n\nText.",
         "facts": {"statement_date": "2026-11-12", "card_issuer": "Example Bank"},
         "sent_on": None, "sent_channel": None, "contact": None},
        {"kind": "cfpb", "body": "On 2026-11-04 they charged me twice.", "facts": {},
         "sent_on": "2026-11-20", "sent_channel": "web-form", "contact": contact["key"]},
    ]
    summary = ix.import_journal(fresh, tmp_path / "a" / "journal.json")
    assert summary.created.get("letter") == 2
    assert drafts(fresh) == drafts(svc)
    assert drafts(fresh)["cfpb"][4] == contact["key"]
    # importing the same file again changes nothing
    assert not ix.import_journal(fresh, tmp_path / "a" / "journal.json").changed


def test_a_draft_in_the_file_replaces_the_kinds_draft(svc: JournalService,
                                                      tmp_path: Path) -> None:
    populate(svc)
    doc = export(svc, tmp_path / "a")
    doc["cases"][0]["letters"][0]["body"] = "Changed in another journal."
    doc["cases"][0]["letters"].append({"kind": "company", "body": "New letter."})
    summary = ix.import_journal(svc, write(tmp_path / "b", doc))
    assert summary.updated.get("letter") == 1 and summary.created.get("letter") == 1
    got = drafts(svc)
    assert got["card-dispute"][0] == "Changed in another journal."
    assert got["company"] == ("New letter.", {}, None, "", None)
    assert got["cfpb"][2] == date(2026, 11, 20)  # not in the file's change: kept


@pytest.mark.parametrize(("letter", "problem"), [
    ({"kind": "fax"}, 'letters[0].kind: "fax" is not a letter kind'),
    ({"kind": "cfpb", "sent_channel": "pigeon"}, 'letters[0].sent_channel: "pigeon" is not one'),
    ({"kind": "cfpb", "sent_on": "soon"}, 'letters[0].sent_on: "soon" is not a valid date'),
    ({"kind": "cfpb", "contact": "nope"}, "letters[0].contact: there is no contact"),
    ({"kind": "card-dispute", "facts": {"statement_date": "Nov 10"}},
     "letters[0].facts.statement_date: 'Nov 10' is not a date"),
    ({"kind": "card-dispute", "facts": ["x"]}, "letters[0].facts: must be an object of texts"),
    ({"kind": "cfpb", "body": "card 4111 1111 1111 1111"}, "letters[0].body: "),
    ({"kind": "cfpb", "color": "red"}, "letters[0]"),
])
def test_bad_letters_are_refused_and_nothing_is_imported(fresh: JournalService,
                                                         svc: JournalService, tmp_path: Path,
                                                         letter: dict[str, Any],
                                                         problem: str) -> None:
    populate(svc)
    doc = export(svc, tmp_path / "a")
    doc["cases"][0]["letters"] = [letter]
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(fresh, write(tmp_path / "b", doc))
    assert any(problem in p for p in exc.value.problems), exc.value.problems
    assert fresh.stats()["cases"] == 0


def test_the_same_kind_twice_is_refused(fresh: JournalService, svc: JournalService,
                                        tmp_path: Path) -> None:
    populate(svc)
    doc = export(svc, tmp_path / "a")
    doc["cases"][0]["letters"] = [{"kind": "cfpb"}, {"kind": "cfpb"}]
    with pytest.raises(ix.ImportError_, match="appears more than once"):
        ix.import_journal(fresh, write(tmp_path / "b", doc))
