"""Import of a contact the journal holds: its promises are merged in place, like an edit.

A matched promise keeps its id (the calendar export's event UID), its status and its history;
"pending" in the file leaves the journal's status alone; removed promises are erased with an
"erase" history entry; added ones are added.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from sqlalchemy import select

from headway_journal import cli
from headway_journal.journal import interchange as ix
from headway_journal.journal.models import Promise
from headway_journal.journal.records import PromiseInput
from headway_journal.journal.service import JournalService

from .test_interchange import counts, export, populate, write


@pytest.fixture
def folder(store: str | Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str | Path:
    """A populated journal (closed again; a folder, then a database), with tests' user data
    kept out of $HOME."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))
    journal = store
    with JournalService.open(journal) as svc:
        populate(svc)
    return journal


@pytest.fixture
def svc(folder: str | Path) -> Iterator[JournalService]:
    s = JournalService.open(folder)
    yield s
    s.close()


def ics_uids(folder: str | Path, out: Path) -> dict[str, str]:
    """The events of the `ics` command's file for the journal at ``folder`` (closed, a folder
    or a database URL): uid -> title."""
    where = ["--database", folder] if isinstance(folder, str) else ["--journal", str(folder)]
    assert cli.main([*where, "ics", str(out)]) == 0
    cal = Calendar.from_ical(out.read_bytes())
    return {str(e["uid"]): str(e["summary"]) for e in cal.walk("VEVENT")}


def promise_ids(svc: JournalService, case_id: int) -> list[list[tuple[int, str, str]]]:
    """(id, text, status) of each promise, per contact."""
    return [[(p.id, p.text, p.status) for p in ct.promises] for ct in svc.get_case(case_id).contacts]


def first_promises(doc: dict[str, Any]) -> list[dict[str, Any]]:
    promises: list[dict[str, Any]] = doc["cases"][0]["contacts"][0]["promises"]
    return promises


def test_editing_one_promise_keeps_every_id_and_the_calendar_uids(folder: str | Path,
                                                                  tmp_path: Path) -> None:
    with JournalService.open(folder) as svc:
        cid = svc.find_case("c-billing")
        # a promise stored after the first contact's (re-created rows would get new ids)
        second = svc.get_case(cid).contacts[1].id
        data = svc.contact_input(second)
        data.promises.append(PromiseInput("Supervisor calls back", business_days=2))
        svc.update_contact(second, data)
        doc = export(svc, tmp_path / "a")
        before = promise_ids(svc, cid)
        n_history = len(svc.history(cid))
    uids_before = ics_uids(folder, tmp_path / "before.ics")
    # the pending promises are in the calendar, by promise id
    ids = [pid for ct in before for pid, _, status in ct if status == "pending"]
    assert len(ids) == 3
    assert set(uids_before) == {f"promise-{pid}@headway-journal" for pid in ids}

    refund = first_promises(doc)[0]
    assert refund["text"] == "Refund the duplicate charge"
    refund["text"] = "Refund the duplicate $150 charge"
    refund["business_days"] = 7
    with JournalService.open(folder) as svc:
        summary = ix.import_journal(svc, write(tmp_path / "a", doc))
        assert summary.updated == {"contact": 1} and not summary.created
        after = promise_ids(svc, cid)
        view = svc.get_case(cid).contacts[0].promises[0]
        history = svc.history(cid)[n_history:]
    # every promise has its id and status; only the edited text changed
    assert [[(pid, status) for pid, _, status in ct] for ct in after] == [
        [(pid, status) for pid, _, status in ct] for ct in before]
    assert after[0][0][1] == "Refund the duplicate $150 charge"
    assert [t for _, t, _ in after[0][1:]] == [t for _, t, _ in before[0][1:]]
    assert view.business_days == 7 and view.due.due_on.isoformat() == "2026-11-24"
    # the calendar: the same events (same UIDs), the edited one with its new text
    uids_after = ics_uids(folder, tmp_path / "after.ics")
    assert set(uids_after) == set(uids_before)
    uid = f"promise-{after[0][0][0]}@headway-journal"
    assert uids_after[uid].endswith("Refund the duplicate $150 charge")
    # one history entry: the contact's promise list, before and after; nothing erased
    assert [(h.entity, h.action) for h in history] == [("contact", "update")]
    old, new = history[0].changes["promises"]
    assert "Refund the duplicate charge (within 5 business days)" in old
    assert "Refund the duplicate $150 charge (within 7 business days)" in new
    # and the file is now the journal's state
    with JournalService.open(folder) as svc:
        n = counts(svc)
        assert not ix.import_journal(svc, tmp_path / "a" / "in.json").changed
        assert counts(svc) == n


def test_pending_in_the_file_leaves_the_journal_status(svc: JournalService,
                                                       tmp_path: Path) -> None:
    """An older export says "pending" for a promise since marked kept: the journal keeps "kept"."""
    cid = svc.find_case("c-billing")
    export(svc, tmp_path / "a")
    refund, email, answer = svc.get_case(cid).contacts[0].promises
    svc.set_promise_status(refund.id, "kept")
    svc.set_promise_status(email.id, "broken")
    n_history = len(svc.history(cid))
    n = counts(svc)
    summary = ix.import_journal(svc, tmp_path / "a" / "journal.json")  # "pending", "kept", ...
    # "pending" leaves "kept" alone; "kept" in the file is applied to the broken promise
    assert summary.updated == {"contact": 1}
    after = promise_ids(svc, cid)[0]
    assert after == [(refund.id, refund.text, "kept"), (email.id, email.text, "kept"),
                     (answer.id, answer.text, "pending")]
    history = svc.history(cid)[n_history:]
    assert [(h.entity, h.entity_id, h.action, h.changes["status"]) for h in history] == [
        ("promise", email.id, "status", ["broken", "kept"])]
    assert counts(svc)["promises"] == n["promises"]
    # a status left out means the same as "pending"
    doc = export(svc, tmp_path / "b")
    for p in first_promises(doc):
        p.pop("status")
    assert not ix.import_journal(svc, write(tmp_path / "b", doc)).changed
    assert [s for _, _, s in promise_ids(svc, cid)[0]] == ["kept", "kept", "pending"]
    # and "broken" in the file is applied, and recorded
    first_promises(doc)[0]["status"] = "broken"
    ix.import_journal(svc, write(tmp_path / "b", doc))
    assert promise_ids(svc, cid)[0][0] == (refund.id, refund.text, "broken")
    last = svc.history(cid)[-1]
    assert (last.entity, last.entity_id, last.action) == ("promise", refund.id, "status")
    assert last.changes["status"] == ["kept", "broken"]


def test_removed_promises_are_erased_and_added_ones_added(svc: JournalService,
                                                          tmp_path: Path) -> None:
    cid = svc.find_case("c-billing")
    doc = export(svc, tmp_path / "a")
    refund, email, answer = svc.get_case(cid).contacts[0].promises
    n_history = len(svc.history(cid))
    # the file drops the kept e-mail promise; its order of promises is its own
    promises = first_promises(doc)
    promises[:] = [promises[2], promises[0]]
    summary = ix.import_journal(svc, write(tmp_path / "a", doc))
    assert summary.updated == {"contact": 1}
    assert promise_ids(svc, cid)[0] == [(refund.id, refund.text, "pending"),
                                        (answer.id, answer.text, "pending")]
    history = svc.history(cid)[n_history:]
    assert [(h.entity, h.entity_id, h.action, h.changes) for h in history if h.action == "erase"
            ] == [("promise", email.id, "erase",
                   {"promise": "E-mail the ticket summary (within 4 hours)", "status": "kept"})]
    update = next(h for h in history if h.entity == "contact")
    assert update.action == "update"
    assert update.changes["promises"] == [
        ["Refund the duplicate charge (within 5 business days)",
         "E-mail the ticket summary (within 4 hours)", "Written answer (by 2026-12-01)"],
        ["Refund the duplicate charge (within 5 business days)", "Written answer (by 2026-12-01)"]]
    with svc.journal.sessions() as s:
        assert s.scalar(select(Promise).where(Promise.id == email.id)) is None
    # the file's own order of promises is not a change
    n = counts(svc)
    assert not ix.import_journal(svc, tmp_path / "a" / "in.json").changed
    assert counts(svc) == n
    # a promise added in the file is added, with a new id; the others keep theirs
    promises.insert(1, {"text": "Call back", "hours": 48, "status": "pending"})
    n_history = len(svc.history(cid))
    summary = ix.import_journal(svc, write(tmp_path / "a", doc))
    assert summary.updated == {"contact": 1} and not summary.created
    rows = promise_ids(svc, cid)[0]
    assert rows[:2] == [(refund.id, refund.text, "pending"), (answer.id, answer.text, "pending")]
    assert rows[2][1:] == ("Call back", "pending")
    assert rows[2][0] not in (refund.id, email.id, answer.id)
    history = svc.history(cid)[n_history:]
    assert [(h.entity, h.action) for h in history] == [("contact", "update")]
    assert history[0].changes["promises"][1][-1] == "Call back (within 48 hours)"
    assert not ix.import_journal(svc, tmp_path / "a" / "in.json").changed


def test_moving_a_contact_moves_its_deadlines_and_keeps_its_promises(svc: JournalService,
                                                                     tmp_path: Path) -> None:
    cid = svc.find_case("c-billing")
    doc = export(svc, tmp_path / "a")
    before = svc.get_case(cid).contacts[0].promises
    svc.mark_notified([before[0].id])
    contact = doc["cases"][0]["contacts"][0]
    assert contact["started_at"] == "2026-11-13T09:30:00-08:00"
    contact["started_at"] = "2026-11-16T09:30:00-08:00"
    contact["ended_at"] = "2026-11-16T09:58:00-08:00"
    ix.import_journal(svc, write(tmp_path / "a", doc))
    after = svc.get_case(cid).contacts[0].promises
    assert [(p.id, p.status) for p in after] == [(p.id, p.status) for p in before]
    # Mon 16 Nov + 5 business days is Mon 23 Nov; 4 hours after the new start
    assert after[0].due.due_on.isoformat() == "2026-11-23"
    assert after[1].due.due_at == datetime.fromisoformat("2026-11-16T13:30:00-08:00")
    assert after[2].due.due_on.isoformat() == "2026-12-01"
    with svc.journal.sessions() as s:
        rows = {p.id: p for p in s.scalars(select(Promise))}
        assert rows[before[0].id].notified_at is None  # the new deadline earns a new reminder
        assert rows[before[0].id].due_date is not None
        assert rows[before[0].id].due_date.isoformat() == "2026-11-23"
