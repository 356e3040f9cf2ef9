"""A journal on a PostgreSQL server, and what every store shares: version counters and conflicts.

The server is the suite's own (tests/pg_server.py, a private Unix socket); each test has a
database of its own. Tests taking ``store`` run once on a folder and once on the server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from headway_journal.journal import service as service_module
from headway_journal.journal.db import JournalDamaged, JournalError, JournalTooNew, write_sessions
from headway_journal.journal.models import Case
from headway_journal.journal.records import (
    CaseInput,
    ConflictError,
    ContactInput,
    EscalationInput,
)
from headway_journal.journal.service import JournalService
from headway_journal.journal.shared.urls import (
    is_database_url,
    parse_database_url,
    shown_url,
)

PST = timezone(timedelta(hours=-8))


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    s = JournalService.open(store)
    yield s
    s.close()


def new_case(svc: JournalService, title: str = "Double charge") -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                                     role="client", summary="Charged twice"))


# --- version counters and conflicts (both stores) -----------------------------------------------


def test_the_second_of_two_edits_from_one_version_is_refused_with_both(svc: JournalService) -> None:
    cid = new_case(svc)
    mine, theirs = svc.case_input(cid), svc.case_input(cid)
    assert mine.version == theirs.version == 1 == svc.get_case(cid).version
    theirs.title = "Charged twice for one session"
    svc.update_case(cid, theirs)
    assert theirs.version == 2  # the saver's copy follows what it saved
    mine.summary = "Charged three times"
    with pytest.raises(ConflictError) as exc:
        svc.update_case(cid, mine)
    err = exc.value
    assert (err.entity, err.entity_id, err.yours, err.theirs) == ("case", cid, 1, 2)
    assert err.stored["title"] == "Charged twice for one session"
    assert err.attempted["summary"] == "Charged three times"
    assert "version 1" in str(err) and "version 2" in str(err)
    case = svc.get_case(cid)  # nothing of the refused save was written
    assert (case.title, case.summary, case.version) == ("Charged twice for one session",
                                                        "Charged twice", 2)
    assert [h.action for h in svc.history(cid)] == ["create", "update"]


def test_a_contact_edit_from_an_old_copy_is_refused(svc: JournalService) -> None:
    cid = new_case(svc)
    ct = svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                           channel="phone", summary="First call"))
    mine, theirs = svc.contact_input(ct), svc.contact_input(ct)
    theirs.tickets = ["CS-1"]  # only a ticket: still a new version
    svc.update_contact(ct, theirs)
    mine.summary = "Edited"
    with pytest.raises(ConflictError) as exc:
        svc.update_contact(ct, mine)
    assert (exc.value.entity, exc.value.yours, exc.value.theirs) == ("contact", 1, 2)
    [contact] = svc.get_case(cid).contacts
    assert (contact.summary, contact.tickets, contact.version) == ("First call", ("CS-1",), 2)


def test_a_save_raises_the_version_by_one_even_when_its_time_stamp_is_a_second_later(
        svc: JournalService, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save flushes several times; when its time stamp landed in a new second the contact
    was written twice and its version rose by two, so the next save from a copy read before it
    was refused for a change nobody made (seen at random in the suite)."""
    cid = new_case(svc)
    ct = svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                           channel="phone", summary="First call"))
    later = datetime.now(UTC) + timedelta(seconds=5)
    monkeypatch.setattr(service_module, "utc_now", lambda: later)
    for n, tickets in enumerate((["CS-1"], ["CS-1", "CS-2"], ["CS-2"]), start=2):
        data = svc.contact_input(ct)
        data.tickets = tickets
        svc.update_contact(ct, data)
        assert data.version == n == svc.get_case(cid).contacts[0].version
        case = svc.case_input(cid)
        before = case.version
        assert before is not None
        case.summary = f"Charged twice ({n})"
        svc.update_case(cid, case)
        assert case.version == before + 1 == svc.get_case(cid).version


def test_logging_a_contact_does_not_overtake_an_open_case_edit(
        svc: JournalService, monkeypatch: pytest.MonkeyPatch) -> None:
    """A contact stamps its case's last activity; someone editing the case's details meanwhile
    saves without a conflict. An escalation that changes the case's status does overtake it."""
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(  # opened a week ago: a contact today keeps that day
        title="Double charge", organization_id=org.id, issue_type="billing", role="client",
        summary="Charged twice", opened_on=(datetime.now(PST) - timedelta(days=7)).date()))
    mine = svc.case_input(cid)
    later = datetime.now(UTC) + timedelta(seconds=5)
    monkeypatch.setattr(service_module, "utc_now", lambda: later)
    now = datetime.now(PST)
    svc.log_contact(cid, ContactInput(started_at=now, channel="phone", summary="First call"))
    mine.summary = "Charged three times"
    svc.update_case(cid, mine)
    assert (svc.get_case(cid).summary, svc.get_case(cid).version) == ("Charged three times", 2)
    stale = svc.case_input(cid)
    svc.log_contact(cid, ContactInput(
        started_at=now, channel="phone", summary="Escalated",
        escalation=EscalationInput(requested_on=now.date(), level="Supervisor")))
    assert svc.get_case(cid).status == "escalated"
    stale.title = "Renamed"
    with pytest.raises(ConflictError):
        svc.update_case(cid, stale)


def test_one_transaction_raises_a_version_once_however_often_it_flushes(
        svc: JournalService) -> None:
    cid = new_case(svc)
    for expected in (2, 3):
        with write_sessions(svc.journal.engine)() as s:
            case = s.get(Case, cid)
            assert case is not None
            case.title = f"Double charge {expected}"
            s.flush()
            case.summary = f"Charged twice {expected}"
            s.flush()
            s.commit()
        assert svc.get_case(cid).version == expected


def test_an_edit_without_a_version_is_not_checked(svc: JournalService) -> None:
    cid = new_case(svc)
    data = svc.case_input(cid)
    data.version = None  # (the import, scripts)
    svc.update_case(cid, svc.case_input(cid))
    data.title = "Renamed"
    svc.update_case(cid, data)
    assert svc.get_case(cid).title == "Renamed"


def test_history_names_no_database_user_in_a_folder(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "journal") as s:
        cid = new_case(s)
        assert [h.made_by for h in s.history(cid)] == [""]


# --- the server ---------------------------------------------------------------------------------


def test_history_records_the_database_user(pg_url: str) -> None:
    with JournalService.open(pg_url) as s:
        cid = new_case(s)
        data = s.case_input(cid)
        data.title = "Renamed"
        s.update_case(cid, data)
        assert [h.made_by for h in s.history(cid)] == ["postgres", "postgres"]


def test_two_people_saving_one_case_at_once_one_wins_one_is_told(pg_url: str) -> None:
    """Two services (two people) on one database, each saving from version 1 at once: the
    row lock makes the second wait, then see version 2 and be refused; nothing is lost."""
    with JournalService.open(pg_url) as a, JournalService.open(pg_url) as b:
        cid = new_case(a)
        copies = [a.case_input(cid), b.case_input(cid)]
        outcomes: list[str] = []
        start = threading.Barrier(2)

        def save(svc: JournalService, data: CaseInput, title: str) -> None:
            data.title = title
            start.wait()
            try:
                svc.update_case(cid, data)
                outcomes.append(title)
            except ConflictError as exc:
                outcomes.append(f"conflict {exc.yours}->{exc.theirs} by {exc.by}")

        threads = [threading.Thread(target=save, args=(svc, data, f"Title {i}"))
                   for i, (svc, data) in enumerate(zip((a, b), copies, strict=True))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        winners = [o for o in outcomes if o.startswith("Title")]
        assert len(winners) == 1 and "conflict 1->2 by postgres" in outcomes
        case = b.get_case(cid)
        assert (case.title, case.version) == (winners[0], 2)


def test_eight_writers_lose_no_update(pg_url: str) -> None:
    """8 writers append to one case's outcome, retrying on conflicts: every save that was
    accepted is in the text and in the history, every refusal was a ConflictError.
    (bench/shared_concurrency.py runs the same for 60 seconds.)"""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from shared_concurrency import run_writers

    result = run_writers(pg_url, writers=8, saves_each=3)
    assert result.lost == [] and result.errors == []
    assert result.saved == 24 and result.final_version == 25
    assert result.history_updates == 24


def test_search_finds_a_new_case_in_another_session(pg_url: str) -> None:
    with JournalService.open(pg_url) as a, JournalService.open(pg_url) as b:
        cid = new_case(a, "Núñez refund for INV-2231")
        assert [h.case_id for h in b.search("nunez inv-22")] == [cid]


def test_readers_writes_are_refused_by_the_server(pg_url: str) -> None:
    """A journal opened only to read runs READ ONLY transactions: the server refuses writes."""
    with (JournalService.open(pg_url, read_only=True) as s, s.journal.write_sessions() as ses,
          pytest.raises(Exception, match="read-only transaction")):
        ses.execute(text("UPDATE settings SET value = 'x'"))


def test_a_database_of_another_application_is_refused(pg_server: object) -> None:
    from pg_server import PgServer

    assert isinstance(pg_server, PgServer)
    name = pg_server.new_database(empty=True)
    try:
        import psycopg

        with psycopg.connect(host=str(pg_server.socket_dir), user="postgres", dbname=name,
                             autocommit=True) as con:
            con.execute("CREATE TABLE invoices (id integer)")
        with pytest.raises(JournalDamaged, match="not a Headway journal"):
            JournalService.open(pg_server.url(name))
    finally:
        pg_server.drop_database(name)


def test_an_empty_database_gets_the_schema(pg_server: object) -> None:
    from pg_server import PgServer

    assert isinstance(pg_server, PgServer)
    name = pg_server.new_database(empty=True)
    try:
        with JournalService.open(pg_server.url(name)) as s:
            assert len(s.organizations()) == 1
            cid = new_case(s, "Café receipt")
            assert [h.case_id for h in s.search("cafe")] == [cid]
    finally:
        pg_server.drop_database(name)


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    with JournalService.open(pg_url) as s, s.journal.session() as ses:
        ses.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(JournalTooNew, match="newer version"):
        JournalService.open(pg_url)


def test_an_unreachable_server_is_one_sentence_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://alice:s3cret@/journal?host={tmp_path}/nothing-here"
    with pytest.raises(JournalError) as exc:
        JournalService.open(url)
    message = str(exc.value)
    assert "cannot be reached" in message and "s3cret" not in message
    assert "\n" not in message


# --- URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["postgresql://u@h/db", "postgres://u@h/db",
                                   " POSTGRESQL://u@h/db", "postgresql+psycopg://u@h/db"])
def test_database_urls_are_told_from_folders(value: str) -> None:
    assert is_database_url(value)
    assert parse_database_url(value).drivername == "postgresql+psycopg"


@pytest.mark.parametrize("value", ["/home/me/journal", "journal", "sqlite:///x.db",
                                   "C:\\journal", "mysql://u@h/db", Path("/x")])
def test_folders_and_other_urls_are_not_servers(value: object) -> None:
    assert not is_database_url(value)


@pytest.mark.parametrize("value", ["postgresql://u@h/", "postgresql://u@h", "mysql://u@h/db"])
def test_urls_without_a_database_are_refused(value: str) -> None:
    with pytest.raises(JournalError):
        parse_database_url(value)


def test_tls_parameters_reach_the_connection() -> None:
    url = parse_database_url("postgresql://u:pw@db.example:6543/hj?sslmode=verify-full"
                             "&sslrootcert=/etc/ca.pem&sslcert=/c.pem&sslkey=/k.pem")
    from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

    _args, kwargs = PGDialect_psycopg().create_connect_args(url)
    assert kwargs["sslmode"] == "verify-full" and kwargs["sslrootcert"] == "/etc/ca.pem"
    assert (kwargs["sslcert"], kwargs["sslkey"], kwargs["port"]) == ("/c.pem", "/k.pem", 6543)


def test_a_url_is_never_shown_with_its_password() -> None:
    for raw in ("postgresql://alice:s3cret@db/hj", "postgres://alice:s3cret@db/hj?sslmode=require"):
        shown = shown_url(raw)
        assert "s3cret" not in shown and "alice" in shown and "db/hj" in shown


# --- exhibits in the database --------------------------------------------------------------------


def test_exhibits_live_in_the_database_in_chunks_deduplicated(pg_url: str,
                                                              tmp_path: Path) -> None:
    import shutil

    from headway_journal.journal.shared.blobs import CHUNK

    big = tmp_path / "statement.pdf"
    big.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * (CHUNK * 5 // 2 // 256))
    with JournalService.open(pg_url) as s:
        cid = new_case(s)
        first = s.add_attachment(cid, big, caption="Statement")
        second = s.add_attachment(cid, big, caption="The same statement again")
        sha = s.attachment(first).sha256
        assert s.attachment(second).sha256 == sha
        with s.journal.sessions() as ses:
            blobs = ses.execute(text("SELECT sha256, size, chunks FROM exhibit_blobs")).all()
            chunks = ses.execute(text("SELECT n, length(data) FROM exhibit_chunks "
                                      "ORDER BY n")).all()
        assert blobs == [(sha, big.stat().st_size, 3)]  # one copy, in three chunks
        assert [n for n, _len in chunks] == [0, 1, 2] and max(ln for _n, ln in chunks) == CHUNK
        cache = s.journal.attachments_dir
    shutil.rmtree(cache)  # another computer: nothing cached locally
    with JournalService.open(pg_url) as s:
        assert s.attachment_path(first).read_bytes() == big.read_bytes()  # fetched, checked
        assert s.check() == []


def test_thumbnails_and_print_copies_are_made_again_when_missing(pg_url: str,
                                                                  tmp_path: Path) -> None:
    import shutil

    from PIL import Image

    shot = tmp_path / "shot.png"
    Image.new("RGB", (900, 600), (200, 40, 40)).save(shot)
    with JournalService.open(pg_url) as s:
        cid = new_case(s)
        aid = s.add_attachment(cid, shot)
        sha = s.attachment(aid).sha256
        cache = s.journal.attachments_dir
    shutil.rmtree(cache)
    with JournalService.open(pg_url) as s:
        thumb = s.store.thumbnail(sha)
        assert thumb is not None and thumb.is_file() and cache in thumb.parents
        with Image.open(thumb) as im:
            assert max(im.size) <= 256


def test_a_damaged_exhibit_in_the_database_is_reported(pg_url: str, tmp_path: Path) -> None:
    src = tmp_path / "receipt.txt"
    src.write_bytes(b"receipt 100.00 USD\n")
    with JournalService.open(pg_url) as s:
        cid = new_case(s)
        aid = s.add_attachment(cid, src)
        with s.journal.session() as ses:
            ses.execute(text("UPDATE exhibit_chunks SET data = overlay(data placing "
                             "'R'::bytea from 1)"))  # "Receipt": the same size
        problems = s.check()
        assert problems and "altered" in problems[0] and str(aid) in problems[0]


def test_emptying_removed_exhibits_removes_them_from_the_database(pg_url: str,
                                                                  tmp_path: Path) -> None:
    src = tmp_path / "receipt.txt"
    src.write_bytes(b"receipt 100.00 USD\n")
    with JournalService.open(pg_url) as s:
        cid = new_case(s)
        aid = s.add_attachment(cid, src)
        sha = s.attachment(aid).sha256
        s.remove_attachment(aid)
        assert s.empty_removed_attachments(cid) == 1
        assert not s.store.exists(sha)
        with s.journal.sessions() as ses:
            assert ses.scalar(text("SELECT count(*) FROM exhibit_chunks")) == 0


def test_settings_and_cache_names_never_hold_the_password() -> None:
    from headway_journal.journal.shared.urls import cache_name, remembered_url

    kept = remembered_url("postgresql://alice:s3cret@db.example:6543/hj?sslmode=verify-full")
    assert kept == "postgresql://alice@db.example:6543/hj?sslmode=verify-full"
    one = parse_database_url("postgresql://alice:one@db/hj")
    assert cache_name(one) == cache_name(parse_database_url("postgresql://alice:two@db/hj"))
    assert cache_name(one) != cache_name(parse_database_url("postgresql://bob@db/hj"))


def test_long_texts_are_kept_on_either_store(svc: JournalService) -> None:
    """The models' lengths are not limits on either store: what validation allows is kept."""
    title = "Long title " * 40  # 440 characters (a String(300) column)
    cid = new_case(svc, title.strip())
    ct = svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                           channel="phone", rep_name="N" * 450))
    case = svc.get_case(cid)
    assert case.title == title.strip() and case.contacts[0].rep_name == "N" * 450
    assert case.contacts[0].id == ct


def test_two_people_opening_a_new_journal_at_once_both_get_it(pg_server: object) -> None:
    from pg_server import PgServer

    assert isinstance(pg_server, PgServer)
    name = pg_server.new_database(empty=True)
    url = pg_server.url(name)
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def open_it() -> None:
        start.wait()
        try:
            with JournalService.open(url) as s:
                outcomes.append(",".join(o.key for o in s.organizations()))
        except Exception as exc:  # noqa: BLE001 - recorded for the assertion
            outcomes.append(f"{type(exc).__name__}: {exc}")

    try:
        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert outcomes == ["headway"] * 4
    finally:
        pg_server.drop_database(name)
