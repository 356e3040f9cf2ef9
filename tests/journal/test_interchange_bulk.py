"""Import of cases new to the journal, which are written in bulk (interchange.bulk.NewRows).

The bulk rows must be exactly what the record-by-record path writes (the one used for cases the
journal already holds), keep the search index and the stored deadlines in step, interleave with
that path in one file, and roll back as a whole when a file turns out to be bad.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from headway_journal.journal import interchange as ix
from headway_journal.journal.interchange import bulk as bulk_stage
from headway_journal.journal.interchange import write as write_stage
from headway_journal.journal.service import JournalService

from .test_interchange import PNG, counts, export, populate, write

# Values that depend on when the import ran, not on what it wrote (and the order of the history
# across cases, which depends on how many imports made it; each case's own order is compared).
# the chain's columns hold positions and digests, which differ with the order of writing
VOLATILE = {"changes": ("at", "id", "chain_seq", "chain_prev", "chain_digest", "chain_state"),
            "cases": ("created_at", "updated_at"),
            "contacts": ("updated_at",), "attachments": ("added_at",)}
TABLES = ("cases", "contacts", "tickets", "promises", "escalations", "notes", "attachments",
          "changes", "search_fts")


def search_table(svc: JournalService) -> str:
    """The search documents of the journal's store, as (rowid, kind, case_id, title, body)."""
    if svc.journal.kind == "sqlite":
        return "(SELECT rowid, kind, case_id, title, body FROM search_fts)"
    return "(SELECT rid AS rowid, kind, case_id, title, body FROM search_docs)"


def rows(svc: JournalService) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with svc.journal.sessions() as s:
        for table in TABLES:
            source = search_table(svc) + " f" if table == "search_fts" else table
            order = {"changes": "case_id, id", "search_fts": "rowid"}.get(table, "id")
            result = s.execute(text(f"SELECT * FROM {source} ORDER BY {order}"))
            names = list(result.keys())
            out[table] = [{k: v for k, v in zip(names, r, strict=True)
                           if k not in VOLATILE.get(table, ())} for r in result]
        # the chain's own records (its start, with a nonce naming the journal; vouches)
        out["changes"] = [r for r in out["changes"] if r["entity"] != "journal"]
    return out


def check_search_index(svc: JournalService) -> None:
    """Every case, contact and note has exactly its current document in the index."""
    sqlite = svc.journal.kind == "sqlite"
    index = search_table(svc)
    with svc.journal.sessions() as s:
        if sqlite:
            s.execute(text("INSERT INTO search_fts(search_fts, rank) "
                           "VALUES('integrity-check', 0)"))
        for view in ("search_doc_case", "search_doc_contact", "search_doc_note"):
            n_docs = s.execute(text(f"SELECT count(*) FROM {view}")).scalar_one()
            same = s.execute(text(
                f"SELECT count(*) FROM {view} d JOIN {index} f ON f.rowid = d.rid "
                "WHERE f.kind = d.kind AND f.case_id = d.case_id AND f.title = d.title "
                "AND f.body = d.body")).scalar_one()
            assert same == n_docs, view
        total = s.execute(text(f"SELECT count(*) FROM {index} f")).scalar_one()
        docs = sum(s.execute(text(f"SELECT count(*) FROM {v}")).scalar_one()
                   for v in ("search_doc_case", "search_doc_contact", "search_doc_note"))
        assert total == docs
        if sqlite:  # (a server checks foreign keys at each statement)
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []


@pytest.fixture
def source(store: str | Path, tmp_path: Path) -> Iterator[tuple[JournalService, dict[str, Any]]]:
    """A populated journal and its export (in tmp_path / "a"), on each store."""
    s = JournalService.open(store)
    populate(s)
    doc = export(s, tmp_path / "a")
    yield s, doc
    s.close()


def open_journal(another_store: Any) -> JournalService:
    return JournalService.open(another_store())


def new_case(key: str, n_contacts: int, shot: str) -> dict[str, Any]:
    contacts = [{
        "key": f"{key}-k{i}", "started_at": f"2026-11-{10 + i:02d}T09:{i:02d}:00-05:00",
        "ended_at": f"2026-11-{10 + i:02d}T09:{30 + i:02d}:00-05:00", "channel": "phone",
        "hold_minutes": i, "representative": {"name": f"Rep {i}", "title": "", "id": f"R{i}"},
        "tickets": [f"TK-{key}-{i}", f"TK-{key}-shared"], "summary": f"Call {i} about {key}.",
        "outcome": "Callback promised",
        "promises": [{"text": "Call back", "business_days": 1 + i},
                     {"text": "E-mail", "hours": 48, "status": "kept"},
                     {"text": "Letter", "due_on": "2026-12-20"}],
        "attachments": [{"path": shot, "caption": f"shot {i}"}] if i == 0 else [],
    } for i in range(n_contacts)]
    return {"key": key, "title": f"Case {key}", "organization": "headway",
            "issue_type": "billing", "role": "client", "opened_on": "2026-11-09",
            "summary": f"Summary of {key}", "contacts": contacts,
            "attachments": [{"path": shot, "caption": "case-level"}],
            "escalations": [{"key": f"{key}-e", "requested_on": "2026-11-12",
                             "level": "supervisor", "contact": f"{key}-k1"}],
            "notes": ["first note", {"body": "second note", "created_at":
                                     "2026-11-13T08:00:00-05:00"}, "first note"]}


def test_bulk_rows_equal_the_record_by_record_ones(source: tuple[JournalService, Any],
                                                   tmp_path: Path, another_store: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A case new to the journal (bulk) and the same children added to a case the journal
    already holds (the ORM path) give identical rows, history and search documents."""
    _svc, doc = source
    # what the file leaves out (a note's time, when a contact was written down) is "now" for
    # both paths: the same moment, so that two imports a second apart compare equal
    moment = bulk_stage.utc_now()
    for stage in (bulk_stage, write_stage):
        monkeypatch.setattr(stage, "utc_now", lambda: moment)
    (tmp_path / "a" / "shot.png").write_bytes(PNG)
    doc["cases"].append(new_case("n-1", 3, "shot.png"))
    full = write(tmp_path / "a", doc, "full.json")
    bare = copy.deepcopy(doc)
    for case in bare["cases"]:
        for name in ("contacts", "attachments", "escalations", "notes"):
            case[name] = []
    bare_path = write(tmp_path / "a", bare, "bare.json")

    bulk = open_journal(another_store)
    orm = open_journal(another_store)
    try:
        first = ix.import_journal(bulk, full)
        ix.import_journal(orm, bare_path)  # the cases alone, in bulk
        second = ix.import_journal(orm, full)  # their children, record by record
        assert first.created == {"attachment": 5, "case": 2, "contact": 5, "escalation": 2,
                                 "note": 4}
        assert second.created == {k: v for k, v in first.created.items() if k != "case"}
        assert rows(bulk) == rows(orm)
        check_search_index(bulk)
        assert bulk.refresh_due_dates(only_missing=False) == 0  # stored deadlines are current
        assert export(bulk, tmp_path / "x") == export(orm, tmp_path / "y")
    finally:
        bulk.close()
        orm.close()


def test_new_and_existing_cases_interleave(source: tuple[JournalService, Any], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    svc, doc = source
    monkeypatch.setattr(bulk_stage.NewRows, "FLUSH_AT", 1)  # write after every case
    (tmp_path / "a" / "shot.png").write_bytes(PNG)
    existing = doc["cases"][0]
    existing["contacts"].append({"key": "k-3", "started_at": "2026-11-24T08:00:00-08:00",
                                 "channel": "email", "tickets": ["HW-99901"],
                                 "promises": [{"text": "Reply", "business_days": 2}]})
    doc["cases"] = [new_case("n-1", 2, "shot.png"), existing, new_case("n-2", 3, "shot.png")]
    path = write(tmp_path / "a", doc)
    before = svc.history(svc.find_case("c-billing"))

    summary = ix.import_journal(svc, path)
    assert summary.created == {"attachment": 4, "case": 2, "contact": 6, "escalation": 2,
                               "note": 6}
    assert summary.updated == {}
    for key, n in (("n-1", 2), ("n-2", 3)):
        view = svc.get_case(svc.find_case(key))
        assert [c.key for c in view.contacts] == [f"{key}-k{i}" for i in range(n)]
        first = view.contacts[0]
        assert first.tickets == (f"TK-{key}-0", f"TK-{key}-shared")
        assert [p.status for p in first.promises] == ["pending", "kept", "pending"]
        assert {a.caption: a.contact_id for a in view.attachments} == {
            "shot 0": first.id, "case-level": None}
        assert view.escalations[0].contact_id == view.contacts[1].id
        assert sorted(n.body for n in view.notes) == ["first note", "first note", "second note"]
        history = svc.history(view.id)
        assert [(h.entity, h.action) for h in history] == (
            [("case", "create")] + [("contact", "create")] * n + [("escalation", "create")]
            + [("note", "create")] * 3 + [("attachment", "create")] * 2)
        assert [h.entity_id for h in history if h.entity == "contact"] == [
            c.id for c in view.contacts]
        assert {h.entity_id for h in history if h.entity == "attachment"} == {
            a.id for a in view.attachments}
        hits = svc.search(f"TK-{key}-1")
        assert [(h.kind, h.item_id) for h in hits] == [("contact", view.contacts[1].id)]
    billing = svc.get_case(svc.find_case("c-billing"))
    assert [c.key for c in billing.contacts] == ["k-1", "k-2", "k-3"]
    assert svc.history(billing.id)[:len(before)] == before
    assert [h.kind for h in svc.search("HW-99901")] == ["contact"]
    check_search_index(svc)
    assert svc.refresh_due_dates(only_missing=False) == 0

    state = counts(svc)
    assert not ix.import_journal(svc, path).changed
    assert counts(svc) == state


def test_a_bad_file_after_rows_were_written_rolls_everything_back(
        source: tuple[JournalService, Any], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    svc, doc = source
    monkeypatch.setattr(bulk_stage.NewRows, "FLUSH_AT", 1)
    (tmp_path / "a" / "shot.png").write_bytes(PNG)
    (tmp_path / "a" / "other.png").write_bytes(PNG + b"changed after export")
    doc["cases"] = [new_case(f"n-{i}", 2, "shot.png") for i in range(4)]
    bad = doc["cases"][2]["contacts"][0]["attachments"][0]
    bad["path"] = "other.png"
    bad["sha256"] = "0" * 64
    doc["cases"][3]["attachments"][0]["size"] = 1
    before = counts(svc)
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, write(tmp_path / "a", doc))
    message = str(exc.value)
    assert message.startswith('cases[2] (key "n-2").contacts[0] (key "n-2-k0").attachments[0]'
                              ".sha256: the file's SHA-256 is ")
    assert message.endswith("(and 1 more problem)")
    assert exc.value.problems[1].startswith('cases[3] (key "n-3").attachments[0].size: the file '
                                            f"has {len(PNG)} bytes, not 1")
    assert counts(svc) == before
    check_search_index(svc)
