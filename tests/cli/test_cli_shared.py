"""The command line on a shared journal (PostgreSQL, the suite's own server): --database and
HEADWAY_JOURNAL_DATABASE, one-line errors, ``admin init`` roles enforced by the server, and
``copy-to`` both ways proven by identical exports."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.exc import ProgrammingError

from headway_journal import cli
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def fill(location: str | Path, tmp_path: Path) -> int:
    with JournalService.open(location) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="Charged twice for Núñez's session",
                                        organization_id=org.id, issue_type="billing",
                                        role="client", key="c-1"))
        ct = svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 3, 10, 0, tzinfo=PST), channel="chat",
            rep_name="José Núñez", tickets=["HW-2231"], summary="Asked for the refund."))
        shot = tmp_path / "shot.png"
        shot.write_bytes(PNG)
        svc.add_attachment(cid, shot, contact_id=ct, caption="The two charges")
        return cid


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "headway_journal", *args], capture_output=True,
                          text=True, env=full, timeout=120, check=False)


def test_database_option_and_variable_reach_every_command(pg_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    fill(pg_url, tmp_path)
    assert cli.main(["--database", pg_url, "search", "nunez hw-22"]) == 0
    assert "[HW-2231]" in capsys.readouterr().out
    monkeypatch.setenv("HEADWAY_JOURNAL_DATABASE", pg_url)
    assert cli.main(["export", str(tmp_path / "out.json")]) == 0
    doc = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [c["key"] for c in doc["cases"]] == ["c-1"]
    assert cli.main(["check"]) == 0
    assert "Journal is sound: 1 cases, 1 contacts, 1 attachments verified" in capsys.readouterr().out
    assert cli.main(["casefile", "c-1", "-o", str(tmp_path / "c.pdf")]) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")


def test_a_journal_folder_given_wins_over_the_variable(pg_url: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    fill(pg_url, tmp_path)
    JournalService.open(tmp_path / "j").close()  # an empty folder journal
    monkeypatch.setenv("HEADWAY_JOURNAL_DATABASE", pg_url)
    assert cli.main(["search", "nunez"]) == 0
    assert "[Núñez]" in capsys.readouterr().out
    assert cli.main(["--journal", str(tmp_path / "j"), "search", "nunez"]) == 0
    assert "Núñez" not in capsys.readouterr().out
    assert cli.main(["--journal", str(tmp_path / "j"), "--database", pg_url, "search", "x"]) == 2
    assert "either --journal DIR or --database URL" in capsys.readouterr().err


def test_backup_and_restore_point_to_pg_dump(pg_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--database", pg_url, "backup", str(tmp_path / "b.sqlite3")]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert not (tmp_path / "b.sqlite3").exists()


def test_an_unreachable_server_is_one_line_without_password(tmp_path: Path) -> None:
    url = f"postgresql://alice:s3cret@/journal?host={tmp_path}/none"
    r = run("--database", url, "search", "x")
    assert r.returncode == 2
    assert "cannot be reached" in r.stderr and "Traceback" not in r.stderr
    assert "s3cret" not in r.stderr + r.stdout
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_bad_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--database", "postgresql://u:pw@host", "search", "x"]) == 2
    err = capsys.readouterr().err
    assert "names no database" in err and "pw" not in err.replace("postgresql", "")


def test_admin_init_makes_editors_and_readers_enforced_by_the_server(
        pg_server: object, pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pg_server import PgServer

    assert isinstance(pg_server, PgServer)
    for login in ("alice_editor", "bob_reader"):
        pg_server.admin(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        f"'{login}') THEN CREATE ROLE {login} LOGIN; END IF; END $$")
    assert cli.main(["--database", pg_url, "admin", "init", "--editor", "alice_editor",
                     "--reader", "bob_reader"]) == 0
    out = capsys.readouterr().out
    assert "alice_editor is now a member of headway_editors" in out
    assert "bob_reader is now a member of headway_readers" in out
    name = str(make_url(pg_url).database)
    alice, bob = pg_server.url(name, user="alice_editor"), pg_server.url(name, user="bob_reader")
    cid = fill(alice, tmp_path)  # an editor changes the journal
    with JournalService.open(alice) as svc:
        assert [h.made_by for h in svc.history(cid)][:1] == ["alice_editor"]
    with JournalService.open(bob) as svc:  # a reader reads, searches...
        assert svc.read_only is not None and "only read" in svc.read_only
        assert [h.case_id for h in svc.search("Núñez")] == [cid, cid]
        with svc.journal.engine.connect() as conn, pytest.raises(ProgrammingError,
                                                                  match="permission denied"):
            conn.execute(text("UPDATE cases SET title = 'changed'"))  # ...the server refuses
    # ... and makes case files
    assert cli.main(["--database", bob, "casefile", "c-1", "-o", str(tmp_path / "c.pdf")]) == 0
    from pypdf import PdfReader

    pages = " ".join(p.extract_text() for p in PdfReader(tmp_path / "c.pdf").pages)
    assert "by alice_editor" in " ".join(pages.split())  # who recorded the contact
    assert cli.main(["--database", alice, "export", str(tmp_path / "all.json")]) == 0
    capsys.readouterr()
    assert cli.main(["--database", bob, "import", str(tmp_path / "all.json")]) == 2
    assert "may only read this shared journal" in capsys.readouterr().err
    with JournalService.open(alice) as svc:
        assert svc.get_case(cid).title == "Charged twice for Núñez's session"
    assert cli.main(["--database", pg_url, "admin", "init", "--reader", "nobody_here"]) == 2
    assert "no database user 'nobody_here'" in capsys.readouterr().err


def test_copy_to_a_server_and_back_gives_identical_exports(
        pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "journal"
    fill(folder, tmp_path)
    assert cli.main(["--journal", str(folder), "copy-to", pg_url]) == 0
    assert "Copied 1 cases, 1 contacts and 1 exhibit files" in capsys.readouterr().out
    with JournalService.open(pg_url) as svc, svc.journal.sessions() as s:
        # vacuumed and analyzed at once: planned and searched at full speed from the start
        settled = s.execute(text(
            "SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL "
            "AND last_analyze IS NOT NULL")).scalars().all()
    assert {"cases", "contacts", "promises", "search_docs"} <= set(settled)
    back = tmp_path / "back"
    assert cli.main(["--database", pg_url, "copy-to", str(back)]) == 0
    capsys.readouterr()
    for where, out in ((["--journal", str(folder)], "a"), (["--database", pg_url], "b"),
                       (["--journal", str(back)], "c")):
        (tmp_path / out).mkdir()
        assert cli.main([*where, "export", str(tmp_path / out / "journal.json")]) == 0
    docs = [json.loads((tmp_path / n / "journal.json").read_text(encoding="utf-8")) for n in "abc"]
    chains = [doc.pop("chain") for doc in docs]  # each journal has a hash chain of its own
    assert len({c["journal"] for c in chains}) == 3
    assert docs[0] == docs[1] == docs[2]
    shots = [sorted(p.read_bytes() for p in (tmp_path / n / "journal-files").iterdir())
             for n in "abc"]
    assert shots[0] == shots[1] == shots[2] == [PNG]


def test_a_large_import_into_a_server_is_vacuumed_and_a_small_one_is_not(
        pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "journal"
    fill(folder, tmp_path)
    assert cli.main(["--journal", str(folder), "export", str(tmp_path / "all.json")]) == 0

    def vacuumed() -> set[str]:
        with JournalService.open(pg_url) as svc, svc.journal.sessions() as s:
            return set(s.execute(text(
                "SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL"
            )).scalars().all())

    monkeypatch.setattr(cli, "SETTLE_AFTER", 10_000)  # this file is a small import
    assert cli.main(["--database", pg_url, "import", str(tmp_path / "all.json")]) == 0
    assert "contacts" not in vacuumed()
    other = tmp_path / "other"
    fill(other, tmp_path)  # the same case, a contact and an exhibit with keys of their own
    assert cli.main(["--journal", str(other), "export", str(tmp_path / "more.json")]) == 0
    monkeypatch.setattr(cli, "SETTLE_AFTER", 1)  # as large as it gets
    assert cli.main(["--database", pg_url, "import", str(tmp_path / "more.json")]) == 0
    assert {"cases", "contacts", "search_docs"} <= vacuumed()
    capsys.readouterr()


def test_copy_to_refuses_a_target_that_is_not_empty(pg_url: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "journal"
    fill(folder, tmp_path)
    fill(pg_url, tmp_path)
    with JournalService.open(pg_url) as svc:
        before = svc.case_ids()
    assert cli.main(["--journal", str(folder), "copy-to", pg_url]) == 2
    assert "already holds 1 cases" in capsys.readouterr().err
    with JournalService.open(pg_url) as svc:
        assert svc.case_ids() == before
    other = tmp_path / "photos"
    other.mkdir()
    (other / "a.jpg").write_bytes(b"x")
    assert cli.main(["--journal", str(folder), "copy-to", str(other)]) == 2
    assert "not a journal" in capsys.readouterr().err
    assert sorted(p.name for p in other.iterdir()) == ["a.jpg"]
    assert cli.main(["--journal", str(folder), "copy-to", str(folder)]) == 2
