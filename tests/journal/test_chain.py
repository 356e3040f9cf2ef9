"""The hash chain: every history record sealed, and every way of changing the journal behind the
app's back found by ``verify_chain`` and by ``headway-journal check`` (exit 1, the first bad
record named)."""

from __future__ import annotations

import gc
import os
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from headway_journal import cli
from headway_journal.journal.chain import canonical_bytes, digest
from headway_journal.journal.chain.tracking import attach
from headway_journal.journal.demo import populate_demo
from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput, PromiseInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def fill(svc: JournalService) -> dict[str, int]:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(
        title="Charged twice", organization_id=org.id, issue_type="billing", role="client",
        key="c-1", opened_on=date(2026, 11, 2), fields={"card_last4": "4242"}))
    first = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 3, 10, 0, tzinfo=PST), channel="chat",
        rep_name="José Núñez", tickets=["HW-1"], summary="Asked for the refund.",
        promises=[PromiseInput("Refund", business_days=5)], key="k-1",
        escalation=EscalationInput(requested_on=date(2026, 11, 3), level="Supervisor")))
    second = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 5, 9, 30, tzinfo=PST), channel="phone",
        summary="They said it is on its way.", key="k-2"))
    att = svc.add_attachment(cid, PNG, original_name="shot.png", caption="Receipt",
                             contact_id=first)
    svc.set_case_status(cid, "waiting")
    svc.add_note(cid, "Bank statement shows two charges.")
    return {"case": cid, "first": first, "second": second, "attachment": att}


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, int]]:
    folder = tmp_path / "journal"
    monkeypatch.setenv("HEADWAY_JOURNAL_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg" / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg" / "config"))
    with JournalService.open(folder) as svc:
        ids = fill(svc)
    return folder, ids


def tamper(folder: Path, *statements: str) -> None:
    """Change the database the way a SQLite editor would (no app involved)."""
    con = sqlite3.connect(folder / "journal.sqlite3")
    try:
        with con:
            for sql in statements:
                con.execute(sql)
    finally:
        con.close()


def chained(folder: Path) -> list[tuple[int, int, str, str]]:
    con = sqlite3.connect(folder / "journal.sqlite3")
    try:
        return con.execute("SELECT id, chain_seq, entity, action FROM changes "
                           "WHERE chain_seq IS NOT NULL ORDER BY id").fetchall()
    finally:
        con.close()


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check"])
    return code, capsys.readouterr().out


def test_canonical_json_is_sorted_utf8_and_has_no_floats() -> None:
    assert canonical_bytes({"b": 1, "a": "Núñez", "f": 2.0, "g": 0.1}) == \
        '{"a":"Núñez","b":1,"f":2,"g":"0.1"}'.encode()
    assert digest({"a": 1, "b": [1, 2]}) == digest({"b": [1, 2], "a": 1})
    assert digest({"a": 1}) != digest({"a": "1"})


def test_every_change_is_sealed_and_the_chain_is_intact(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    rows = chained(folder)
    assert rows[0][1:] == (1, "journal", "chain-start")
    assert [r[1] for r in rows] == list(range(1, len(rows) + 1))
    actions = {(r[2], r[3]) for r in rows}
    assert {("case", "create"), ("contact", "create"), ("attachment", "create"),
            ("case", "status"), ("note", "create")} <= actions
    with JournalService.open(folder) as svc:
        report = svc.verify_chain()
        assert report.ok, report.breaks
        assert report.length == len(rows)
        assert {f"contact:{ids['first']}", f"contact:{ids['second']}",
                f"attachment:{ids['attachment']}", f"case:{ids['case']}"} <= set(report.latest)
        # an exhibit removed and a promise kept are records of their own, still intact
        svc.remove_attachment(ids["attachment"])
        promise = svc.get_case(ids["case"]).promises[0]
        svc.set_promise_status(promise.id, "kept")
        svc.delete_contact(ids["second"])
        assert svc.verify_chain().ok
    code, out = check(capsys)
    assert code == 0, out
    assert "Hash chain intact: " in out


def test_the_demo_journal_is_intact(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "demo") as svc:
        populate_demo(svc)
        report = svc.verify_chain()
        assert report.ok, [b.message for b in report.breaks]
        assert report.length > 20


def test_a_contact_summary_changed_with_sqlite_is_found(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    tamper(folder, f"UPDATE contacts SET summary = 'They refunded me.' WHERE id = {ids['first']}")
    with JournalService.open(folder) as svc:
        report = svc.verify_chain()
    assert [b.kind for b in report.breaks] == ["changed"]
    assert report.breaks[0].subject == f"contact:{ids['first']}"
    with JournalService.open(folder) as svc:
        problems = svc.check()
    assert len(problems) == 1 and problems[0].startswith("Hash chain broken: contact ")
    code, out = check(capsys)
    assert code == 1
    assert (f"Hash chain broken: contact {ids['first']} of case {ids['case']} was changed "
            "behind the app's back") in out


@pytest.mark.parametrize("statement", [
    "UPDATE tickets SET number = 'HW-2'",
    "UPDATE promises SET text = 'No refund'",
    "UPDATE cases SET status = 'resolved'",
    "UPDATE attachments SET caption = 'Something else'",
    "UPDATE notes SET body = 'Nothing to see'",
    "UPDATE escalations SET level = 'None'",
    "UPDATE contacts SET started_at = '2026-11-04T10:00:00-08:00' WHERE key = 'k-2'",
])
def test_any_vouched_value_changed_with_sqlite_is_found(
        journal: tuple[Path, dict[str, int]], statement: str) -> None:
    folder, _ids = journal
    tamper(folder, statement)
    with JournalService.open(folder) as svc:
        report = svc.verify_chain()
    assert [b.kind for b in report.breaks] == ["changed"], report.breaks


def test_a_deleted_history_row_is_named(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ids = journal
    rows = chained(folder)
    victim = rows[3]
    tamper(folder, f"DELETE FROM changes WHERE id = {victim[0]}")
    with JournalService.open(folder) as svc:
        first = svc.verify_chain().first
    assert first is not None and first.kind == "deleted" and first.seq == victim[1]
    code, out = check(capsys)
    assert code == 1
    assert f"Hash chain broken: Chain record {victim[1]} is missing: it was deleted" in out


def test_two_swapped_history_rows_are_found(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ids = journal
    a, b = chained(folder)[2:4]
    cols = ("at, case_id, entity, entity_id, action, changes, chain_seq, chain_prev, "
            "chain_digest, chain_subject, chain_state")
    tamper(folder,
           f"CREATE TEMP TABLE t AS SELECT id, {cols} FROM changes WHERE id IN ({a[0]}, {b[0]})",
           f"UPDATE changes SET ({cols}) = (SELECT {cols} FROM t WHERE t.id = "
           f"CASE changes.id WHEN {a[0]} THEN {b[0]} ELSE {a[0]} END) "
           f"WHERE id IN ({a[0]}, {b[0]})")
    with JournalService.open(folder) as svc:
        first = svc.verify_chain().first
    assert first is not None and first.kind == "reordered" and first.change_id == a[0]
    code, out = check(capsys)
    assert code == 1
    assert "Hash chain broken: The history is out of order" in out


def test_an_edited_history_row_is_found_even_with_its_digest_made_again(
        journal: tuple[Path, dict[str, int]]) -> None:
    folder, _ids = journal
    rows = chained(folder)
    target = rows[2]
    tamper(folder, f"UPDATE changes SET at = '2026-01-01T00:00:00+00:00' WHERE id = {target[0]}")
    with JournalService.open(folder) as svc:
        first = svc.verify_chain().first
    assert first is not None and (first.kind, first.seq) == ("edited", target[1])
    # whoever also writes a new digest for it breaks the next record's link to it
    con = sqlite3.connect(folder / "journal.sqlite3")
    try:
        from sqlalchemy import create_engine

        from headway_journal.journal.chain.records import chain_rows, record_digest

        engine = create_engine(f"sqlite:///{folder / 'journal.sqlite3'}")
        with engine.connect() as conn:
            row = next(r for r in chain_rows(conn) if r.id == target[0])
        engine.dispose()
        with con:
            con.execute("UPDATE changes SET chain_digest = ? WHERE id = ?",
                        (record_digest(row.content()), target[0]))
    finally:
        con.close()
    with JournalService.open(folder) as svc:
        first = svc.verify_chain().first
    assert first is not None and (first.kind, first.seq) == ("edited", target[1])


def test_rows_added_or_deleted_behind_the_apps_back_are_found(
        journal: tuple[Path, dict[str, int]]) -> None:
    folder, ids = journal
    tamper(folder,
           "INSERT INTO notes (case_id, body, created_at, updated_at) VALUES "
           f"({ids['case']}, 'Planted', '2026-11-01T00:00:00+00:00', '2026-11-01T00:00:00+00:00')",
           f"DELETE FROM contacts WHERE id = {ids['second']}")
    with JournalService.open(folder) as svc:
        breaks = svc.verify_chain().breaks
    kinds = {(b.kind, (b.subject or "").split(":")[0]) for b in breaks}
    assert kinds == {("removed", "contact"), ("unlisted", "note")}


def test_an_exhibit_replaced_by_a_file_of_the_same_size_is_found(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    (stored,) = [p for p in (folder / "attachments" / "objects").rglob("*") if p.is_file()]
    forged = bytes(PNG[:-5]) + b"XXXXX"
    assert len(forged) == len(PNG)
    os.chmod(stored, 0o600)
    stored.write_bytes(forged)
    code, out = check(capsys)
    assert code == 1
    assert f"attachment {ids['attachment']} (shot.png): altered (SHA-256 mismatch)" in out
    # pointing the exhibit at the forged file's hash breaks the chain instead
    import hashlib

    new = hashlib.sha256(forged).hexdigest()
    target = folder / "attachments" / "objects" / new[:2] / new[2:]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(forged)
    tamper(folder, f"UPDATE attachments SET sha256 = '{new}' WHERE id = {ids['attachment']}")
    code, out = check(capsys)
    assert code == 1
    assert f"attachment {ids['attachment']} of case {ids['case']} was changed behind" in out


def test_a_journal_whose_chain_was_removed_says_so(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ids = journal
    tamper(folder, "UPDATE changes SET chain_digest = NULL, chain_seq = NULL")
    code, out = check(capsys)
    assert code == 1
    assert "Hash chain broken: The journal has no hash chain" in out


def test_a_tampered_contact_stays_found_after_the_app_edits_it(
        journal: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    tamper(folder, f"UPDATE contacts SET summary = 'They refunded me.' WHERE id = {ids['first']}")
    with JournalService.open(folder) as svc:
        view = next(c for c in svc.get_case(ids["case"]).contacts if c.id == ids["first"])
        svc.update_contact(ids["first"], ContactInput(
            started_at=view.started_at, channel="chat", rep_name="José Núñez",
            tickets=["HW-1"], summary="Asked again.", key="k-1",
            promises=[PromiseInput("Refund", business_days=5)]))
        report = svc.verify_chain()
    assert [b.kind for b in report.breaks] == ["changed"]
    assert report.breaks[0].message.startswith(
        f"contact {ids['first']} had been changed behind the app's back; the app found it")
    code, out = check(capsys)
    assert code == 1 and "had been changed behind the app's back" in out


def test_reminders_and_deadlines_do_not_vouch_for_a_tampered_contact(
        journal: tuple[Path, dict[str, int]]) -> None:
    folder, ids = journal
    tamper(folder, f"UPDATE contacts SET outcome = 'Refund approved' WHERE id = {ids['first']}")
    with JournalService.open(folder) as svc:
        promise = svc.get_case(ids["case"]).promises[0]
        svc.mark_notified([promise.id])  # the app writes the promise's reminder time
        svc.refresh_due_dates(only_missing=False)
        report = svc.verify_chain()
    assert [b.kind for b in report.breaks] == ["changed"]
    assert report.breaks[0].subject == f"contact:{ids['first']}"
    assert "was changed behind the app's back since chain record" in report.breaks[0].message


def test_two_journals_made_the_same_second_have_their_own_chain(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "a") as a, JournalService.open(tmp_path / "b") as b:
        start_a, start_b = a.chain_start(), b.chain_start()
    assert start_a is not None and start_b is not None
    assert start_a.digest != start_b.digest


def test_every_new_session_factory_seals_even_at_a_reused_address() -> None:
    """SQLAlchemy's event registry remembers a session class by its address after the class is
    gone, so asking it "is this factory listened to?" said yes for a new factory at a freed
    one's address, and that journal's commits went unsealed (seen once in a long test run).
    Hundreds of short-lived factories, as a long run makes: every one of them seals."""
    unsealed = 0
    for i in range(200):
        factory: sessionmaker[Session] = sessionmaker()
        attach(factory)
        attach(factory)  # twice is once
        listeners = len(factory().dispatch.before_commit)
        unsealed += listeners != 1
        del factory
        if i % 10 == 0:
            gc.collect(0)  # the young ones only: quick, and the freed classes are young
    assert unsealed == 0
