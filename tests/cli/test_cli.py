"""The command line: a few real subprocesses (exit codes, one-line errors, no Qt) plus in-process
tests of the finer behaviour through ``cli.main``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import types
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from headway_journal import cli
from headway_journal.journal import interchange as ix
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def fill(svc: JournalService, key: str = "c-1") -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(
        title="Charged twice for one session", organization_id=org.id, issue_type="billing",
        role="client", key=key, opened_on=date(2026, 11, 2), fields={"card_last4": "4242"}))
    ct = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 3, 10, 0, tzinfo=PST), channel="chat",
        rep_name="José Núñez", tickets=["HW-1"], summary="Asked for the refund.",
        promises=[PromiseInput("Refund", business_days=5)], key="k-1"))
    svc.log_contact(cid, ContactInput(
        started_at=datetime.now(PST) - timedelta(hours=3), channel="email",
        summary="Follow-up", promises=[PromiseInput("Answer", hours=48)], key="k-2"))
    svc.add_attachment(cid, PNG, original_name="shot.png", caption="Receipt", contact_id=ct)
    return cid


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for the command line: user folders and the journal inside tmp_path."""
    values = {
        "XDG_DATA_HOME": str(tmp_path / "xdg" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg" / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg" / "cache"),
        "HEADWAY_JOURNAL_DIR": str(tmp_path / "journal"),
    }
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    return {**os.environ, **values}


@pytest.fixture
def journal(env: dict[str, str]) -> Path:
    """A journal (closed again) at $HEADWAY_JOURNAL_DIR with one case, two contacts, one PNG."""
    folder = Path(env["HEADWAY_JOURNAL_DIR"])
    with JournalService.open(folder) as svc:
        fill(svc)
    return folder


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    """An exported journal (JSON plus its exhibit folder) to import."""
    with JournalService.open(tmp_path / "source") as svc:
        fill(svc)
        (tmp_path / "in").mkdir()
        ix.export_journal(svc, tmp_path / "in" / "cases.json")
    return tmp_path / "in" / "cases.json"


def run(env: dict[str, str], *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, *(("-X", "importtime") if importtime else ()), "-m", "headway_journal",
           *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120,
                          cwd=env["XDG_DATA_HOME"].rsplit("/xdg", 1)[0])


def main(*args: str) -> int:
    return cli.main(list(args))


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("headway-journal: error: ")
    return lines[0]


# --- subprocesses ------------------------------------------------------------------------------


def test_version_and_help(env: dict[str, str]) -> None:
    r = run(env, "--version")
    assert (r.returncode, r.stdout) == (0, "headway-journal 0.1.0\n")
    r = run(env, "--help")
    assert r.returncode == 0
    for word in ("--journal", "--demo", "--install-desktop", "import", "export", "search",
                 "check", "backup", "restore", "casefile", "ics"):
        assert word in r.stdout


# Runs several commands in ONE interpreter (one start-up instead of six), then reports whether
# anything loaded Qt.
WRAPPER = """
import contextlib, io, json, sys
from headway_journal.__main__ import main
results = []
for args in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    results.append([code, out.getvalue(), err.getvalue()])
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
print(json.dumps({"results": results, "qt": qt}))
"""


def test_data_commands_work_and_never_load_qt(env: dict[str, str], export_file: Path,
                                              tmp_path: Path) -> None:
    commands = [["import", str(export_file)], ["search", "Nunez"],
                ["export", str(tmp_path / "out.json")], ["check"],
                ["ics", str(tmp_path / "due.ics")], ["backup", str(tmp_path / "b.sqlite3")]]
    r = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(commands)], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.loads(r.stdout)
    assert report["qt"] == []
    outs = []
    for (code, out, err), args in zip(report["results"], commands, strict=True):
        assert code == 0, (args, err)
        outs.append(out)
    imported, found, _exported, checked, _ics, _backup = outs
    assert imported.startswith("Imported: added 1 attachment, 1 case,")
    lines = found.splitlines()  # accents ignored
    assert len(lines) == 1 and lines[0].startswith("#1  Charged twice for one session  contact  "
                                                   "2026-11-03  ")
    assert "[Núñez]" in lines[0]
    first = json.loads(export_file.read_text(encoding="utf-8"))
    again = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    for doc in (first, again):  # the exhibit folders are named after their JSON files
        doc.pop("chain")  # names the journal each was exported from (journal.chain)
        for case in doc["cases"]:
            for contact in case["contacts"]:
                for a in contact["attachments"]:
                    a["path"] = a["path"].split("/", 1)[1]
    assert first == again
    sound, chain = checked.strip().splitlines()
    assert sound == "Journal is sound: 1 cases, 2 contacts, 1 attachments verified"
    assert chain.startswith("Hash chain intact: ")
    assert (tmp_path / "due.ics").read_bytes().count(b"BEGIN:VEVENT") == 2
    assert (tmp_path / "b.sqlite3").is_file()


def test_python_m_search_finds_across_accents(env: dict[str, str], journal: Path) -> None:
    r = run(env, "search", "nunez", "refund")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("#1  Charged twice for one session  contact  2026-11-03  ")


def test_check_reports_a_damaged_exhibit(env: dict[str, str], journal: Path) -> None:
    objects = [p for p in (journal / "attachments" / "objects").rglob("*") if p.is_file()]
    assert len(objects) == 1
    os.chmod(objects[0], 0o600)
    objects[0].write_bytes(b"not the screenshot any more")
    r = run(env, "check")
    assert r.returncode == 1
    assert r.stdout.startswith("Journal is damaged: 1 problem found")
    assert "attachment 1 (shot.png): size differs" in r.stdout


def test_bad_input_is_one_line_and_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "headway-journal", "version": 1, "cases": [', encoding="utf-8")
    r = run(env, "import", str(bad))
    assert r.returncode == 2
    assert "bad.json: not valid JSON" in one_error_line(r.stderr)
    assert not Path(env["HEADWAY_JOURNAL_DIR"]).exists()  # refused before the journal opened


def test_usage_errors_are_one_line(env: dict[str, str],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["no-such-command"], ["casefile", "c-1"], ["search"], ["--bogus"]):
        with pytest.raises(SystemExit) as exc:
            main(*args)
        assert exc.value.code == 2
        one_error_line(capsys.readouterr().err)


def test_backup_and_restore_round_trip(env: dict[str, str], journal: Path,
                                       tmp_path: Path) -> None:
    copy_ = tmp_path / "copy.sqlite3"
    r = run(env, "backup", str(copy_))
    assert r.returncode == 0, r.stderr
    assert str(copy_) in r.stdout and copy_.is_file()
    with JournalService.open(journal) as svc:
        fill(svc, key="c-2")  # recorded after the backup
        assert svc.stats()["cases"] == 2
    r = run(env, "restore", str(copy_))
    assert r.returncode == 0, r.stderr
    assert "now has 1 cases and 2 contacts" in r.stdout
    with JournalService.open(journal) as svc:
        assert svc.stats()["cases"] == 1
        assert svc.check() == []
    safety = list((journal / "backups").glob("*before-restore*.sqlite3"))
    assert len(safety) == 1  # the state that was replaced is kept
    # and the safety copy holds the two cases
    con = sqlite3.connect(safety[0])
    assert con.execute("SELECT count(*) FROM cases").fetchone()[0] == 2
    con.close()


# --- in process --------------------------------------------------------------------------------


def test_import_of_an_invalid_file_writes_nothing(journal: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    doc = {"format": "headway-journal", "version": 1, "cases": [
        {"key": "new", "title": "x", "organization": "headway", "issue_type": "technical",
         "role": "client"},
        {"key": "c-17", "title": "y", "organization": "headway", "issue_type": "billing",
         "role": "client", "contacts": [{"key": "a", "started_at": "2026-02-30T10:00",
                                         "channel": "phone"}]}]}
    (tmp_path / "in.json").write_text(json.dumps(doc), encoding="utf-8")
    assert main("import", str(tmp_path / "in.json")) == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.endswith('cases[1] (key "c-17").contacts[0] (key "a").started_at: '
                         '"2026-02-30T10:00" is not a valid ISO 8601 date-time with offset')
    with JournalService.open(journal) as svc:
        assert svc.stats()["cases"] == 1


def test_commands_need_an_existing_journal(env: dict[str, str], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["check"], ["search", "x"], ["export", str(tmp_path / "o.json")],
                 ["backup", str(tmp_path / "b.sqlite3")], ["ics", str(tmp_path / "d.ics")]):
        assert main(*args) == 2
        assert "There is no journal at" in one_error_line(capsys.readouterr().err)
    assert not Path(env["HEADWAY_JOURNAL_DIR"]).exists()  # nothing was created


def test_locked_journal(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with JournalService.open(journal):
        assert main("check") == 2
    assert "already open" in one_error_line(capsys.readouterr().err)


def test_damaged_database(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = journal / "journal.sqlite3"
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # scribble over the schema page
    db.write_bytes(bytes(data))
    for side in ("-wal", "-shm"):
        (journal / f"journal.sqlite3{side}").unlink(missing_ok=True)
    assert main("check") == 1
    assert capsys.readouterr().out.startswith("Journal is damaged:")
    assert main("search", "x") == 2
    one_error_line(capsys.readouterr().err)


def test_backup_never_overwrites(journal: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b.sqlite3").write_text("keep me")
    assert main("backup", str(tmp_path / "b.sqlite3")) == 2
    assert "already exists" in one_error_line(capsys.readouterr().err)
    assert (tmp_path / "b.sqlite3").read_text() == "keep me"


def test_restore_refuses_newer_damaged_and_foreign_files(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "newer.sqlite3"
    assert main("backup", str(newer)) == 0
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("just text, not a database\n" * 200)
    foreign = tmp_path / "other.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    capsys.readouterr()
    before = (journal / "journal.sqlite3").read_bytes()
    for path, words in ((newer, "newer version"), (text_file, "damaged"),
                        (foreign, "not a Headway journal"), (tmp_path / "missing", "no file")):
        assert main("restore", str(path)) == 2
        assert words in one_error_line(capsys.readouterr().err)
    assert (journal / "journal.sqlite3").read_bytes() == before
    assert not list((journal / "backups").glob("*before-restore*"))


def test_casefile_is_wired_to_the_bridge(journal: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[tuple[Any, ...]] = []

    def build_for_case(service: JournalService, case_id: int, out: Path, *, redact: bool,
                       exclude: list[int], include: list[int], first: date | None,
                       last: date | None) -> Path:
        calls.append((case_id, out, redact, exclude, include, first, last,
                      service.get_case(case_id).key))
        out.write_bytes(b"%PDF-1.7\n")
        return out

    bridge = types.ModuleType("headway_journal.casefile.service_bridge")
    bridge.build_for_case = build_for_case  # type: ignore[attr-defined]
    bridge.CaseFileTooLarge = type("CaseFileTooLarge", (Exception,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "headway_journal.casefile.service_bridge", bridge)
    out = tmp_path / "case.pdf"
    assert main("casefile", "c-1", "-o", str(out), "--redact", "--exclude-exhibit", "2",
                "--exclude-exhibit", "3", "--from", "2026-11-01", "--to", "2026-11-30") == 0
    assert calls == [(1, out, True, [2, 3], [], date(2026, 11, 1), date(2026, 11, 30), "c-1")]
    assert str(out) in capsys.readouterr().out
    assert main("casefile", "nope", "-o", str(out)) == 2
    assert "There is no case 'nope'" in one_error_line(capsys.readouterr().err)


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, bool]]:
    calls: list[tuple[Any, bool]] = []

    def run_gui(journal_dir: Path | None, demo: bool = False) -> int:
        calls.append((journal_dir, demo))
        return 0

    app = types.ModuleType("headway_journal.ui.app")
    app.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "headway_journal.ui.app", app)
    return calls


@pytest.fixture
def quick_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """populate_demo is tested in tests/journal/test_demo.py; here a smaller stand-in will do."""
    from headway_journal.journal import demo

    monkeypatch.setattr(demo, "populate_demo", lambda svc: fill(svc, key="demo"))


def test_no_command_opens_the_window(env: dict[str, str], tmp_path: Path, quick_demo: None,
                                     fake_gui: list[tuple[Any, bool]]) -> None:
    assert main() == 0
    assert main("--demo") == 0
    assert main("--journal", str(tmp_path / "mine"), "--demo") == 0
    assert fake_gui == [(None, False), (None, True), (tmp_path / "mine", False)]
    with JournalService.open(tmp_path / "mine") as svc:  # --journal with --demo fills it
        assert svc.stats()["cases"] == 1
    assert main("--journal", str(tmp_path / "mine"), "--demo") == 0  # ... only when empty
    with JournalService.open(tmp_path / "mine") as svc:
        assert svc.stats()["cases"] == 1


def test_window_unavailable(env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "headway_journal.ui.app", None)
    assert main() == 2
    assert "window is not available" in one_error_line(capsys.readouterr().err)


def test_demo_with_a_command_uses_a_throwaway_journal(env: dict[str, str], tmp_path: Path,
                                                      quick_demo: None) -> None:
    assert main("--demo", "export", str(tmp_path / "demo.json")) == 0
    doc = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert [c["key"] for c in doc["cases"]] == ["demo"]
    assert not Path(env["HEADWAY_JOURNAL_DIR"]).exists()


def test_desktop_entry_install_and_uninstall(env: dict[str, str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main("--install-desktop") == 0
    out = capsys.readouterr().out
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / "co.headwayjournal.HeadwayJournal.desktop"
    assert entry.is_file() and str(entry) in out
    assert main("--uninstall-desktop") == 0
    assert not entry.exists()
    assert main("--install-desktop", "--uninstall-desktop") == 2


def test_unexpected_errors_are_one_line_unless_debug(
        journal: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def boom(args: Any, folder: Path) -> int:
        raise RuntimeError("something\nbroke")

    monkeypatch.setitem(cli._COMMANDS, "check", boom)
    assert main("check") == 1
    line = one_error_line(capsys.readouterr().err)
    assert "unexpected RuntimeError: something broke" in line and "--debug" in line
    monkeypatch.setattr(cli.logging, "basicConfig", lambda **kw: None)
    with pytest.raises(RuntimeError):
        main("--debug", "check")


def test_cli_module_imports_nothing_heavy() -> None:
    code = ("import sys, headway_journal.__main__, headway_journal.cli; "
            "heavy = [m for m in ('sqlalchemy', 'PySide6', 'PIL', 'reportlab', "
            "'headway_journal.journal.service') if m in sys.modules]; print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stderr


def test_ics_uids_survive_editing_a_contact(journal: Path, tmp_path: Path) -> None:
    """Re-exporting after an edit updates the calendar's events instead of duplicating them."""
    from icalendar import Calendar

    def uids(name: str) -> dict[str, str]:
        assert main("ics", str(tmp_path / name)) == 0
        cal = Calendar.from_ical((tmp_path / name).read_bytes())
        return {str(e["uid"]): str(e["summary"]) for e in cal.walk("VEVENT")}

    before = uids("before.ics")
    assert len(before) == 2
    with JournalService.open(journal) as svc:
        case = svc.get_case(svc.find_case("c-1"))
        for ct in case.contacts:
            data = svc.contact_input(ct.id)
            data.summary += " (edited)"
            svc.update_contact(ct.id, data)
    assert uids("after.ics") == before


def test_ics_adds_the_outside_clocks_of_open_cases(journal: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Pending promises plus each open case's outside clocks, as all-day events labelled as
    general information, with UIDs from the case id and the clock kind."""
    from icalendar import Calendar

    with JournalService.open(journal) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(
            title="Claim denied", organization_id=org.id, issue_type="insurance", role="client",
            fields={"member_id": "M-1", "denial_date": "2026-09-01",
                    "final_decision_date": "2026-10-15"}))
    dest = tmp_path / "deadlines.ics"
    assert main("ics", str(dest)) == 0
    assert capsys.readouterr().out == (
        f"Wrote 2 promise deadlines and 2 outside clocks to {dest}\n")
    found = {str(e["UID"]): e for e in Calendar.from_ical(dest.read_bytes()).walk("VEVENT")}
    appeal = found[f"case-{cid}-clock-internal-appeal@headway-journal"]
    review = found[f"case-{cid}-clock-external-review@headway-journal"]
    assert appeal.decoded("DTSTART") == date(2027, 2, 28)
    assert review.decoded("DTSTART") == date(2027, 2, 15)  # four months after Oct 15
    for event in (appeal, review):
        assert "general information, verify" in str(event["SUMMARY"])
        assert "verify the current rule with the agency" in str(event["DESCRIPTION"])
    assert sum(uid.startswith("promise-") for uid in found) == 2
