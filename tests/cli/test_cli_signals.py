"""Ctrl+C, SIGTERM and SIGHUP during a command: rolled back, closed cleanly, one clear line.

The import is run in a subprocess that sends the signal to itself at a fixed point in the middle
of the import's write transaction (after its N-th INSERT), so the test is deterministic.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event, text

from headway_journal.journal import db as jdb
from headway_journal.journal import interchange as ix
from headway_journal.journal.interrupts import (
    Interrupted,
    catch_interrupts,
    deferred,
    shield_commits,
)
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService

ROOT = Path(__file__).resolve().parents[2]
PST = timezone(timedelta(hours=-8))

# Runs the command line; sends SIG to itself right after the N-th INSERT of the import.
SELF_SIGNAL = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from headway_journal import cli
sig, n = signal.Signals[sys.argv[1]], int(sys.argv[2])
seen = [0]
@event.listens_for(Engine, "after_cursor_execute")
def _after(conn, cursor, statement, params, context, executemany):
    if statement.lstrip().upper().startswith("INSERT"):
        seen[0] += 1
        if seen[0] == n:
            os.kill(os.getpid(), sig)
sys.exit(cli.main(sys.argv[3:]))
"""


def _export(tmp_path: Path, cases: int = 40) -> Path:
    """An export of ``cases`` cases with three contacts each, to import elsewhere."""
    with JournalService.open(tmp_path / "source") as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        start = datetime(2026, 10, 1, 9, 0, tzinfo=PST)
        for i in range(cases):
            cid = svc.create_case(CaseInput(title=f"Refund {i}", organization_id=org.id,
                                            issue_type="billing", role="client"))
            for j in range(3):
                svc.log_contact(cid, ContactInput(
                    started_at=start + timedelta(days=i, hours=j), channel="chat",
                    rep_name=f"Rep {j}", tickets=[f"HW-{i}-{j}"], summary=f"Call {j} of {i}"))
        out = tmp_path / "in" / "cases.json"
        out.parent.mkdir()
        ix.export_journal(svc, out)
    return out


def _snapshot(folder: Path) -> dict[str, int]:
    con = sqlite3.connect(Path(folder / jdb.DB_NAME).as_uri() + "?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("cases", "contacts", "tickets", "changes", "organizations")}
    finally:
        con.close()


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("HEADWAY_JOURNAL_DIR", None)
    return env


def _import_with_signal(tmp_path: Path, source: Path, folder: Path, sig: str,
                        after_inserts: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SELF_SIGNAL, sig, str(after_inserts), "--journal", str(folder),
         "import", str(source)],
        capture_output=True, text=True, env=_env(tmp_path), timeout=120, cwd=tmp_path)


@pytest.mark.parametrize(("sig", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_mid_import_rolls_back_and_says_so(tmp_path: Path, sig: str, code: int) -> None:
    source = _export(tmp_path)
    folder = tmp_path / "journal"
    with JournalService.open(folder):
        pass
    before = _snapshot(folder)

    r = _import_with_signal(tmp_path, source, folder, sig, 2)
    assert r.returncode == code, r.stderr
    assert r.stderr.strip() == (f"headway-journal: interrupted ({sig}): nothing was imported; "
                                "the journal is as it was.")
    assert r.stdout == ""
    # closed cleanly: no WAL left, the stamp written (before our own look leaves side files)
    assert not (folder / (jdb.DB_NAME + "-wal")).exists()
    assert (folder / jdb.VERIFIED_NAME).is_file()
    assert _snapshot(folder) == before
    again = subprocess.run([sys.executable, "-m", "headway_journal", "--journal", str(folder),
                            "import", str(source)], capture_output=True, text=True,
                           env=_env(tmp_path), timeout=120, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert _snapshot(folder)["contacts"] == 120


def test_a_signal_during_the_commit_lets_it_finish(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        engine = svc.journal.engine
        with catch_interrupts():
            shield_commits(engine)

            @event.listens_for(engine, "commit")
            def _kill(_conn: object) -> None:  # after the shield's own listener
                os.kill(os.getpid(), signal.SIGTERM)

            with svc.journal.session() as s:
                s.execute(text("INSERT INTO settings (key, value) VALUES ('x', 'kept')"))
            late = deferred()
        assert late is not None and late.name == "SIGTERM" and late.exit_code == 143
        assert svc.get_setting("x") == "kept"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_signal_before_the_commit_interrupts(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "journal") as svc:
        with catch_interrupts(), pytest.raises(Interrupted) as info, \
                svc.journal.session() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('x', 'lost')"))
            os.kill(os.getpid(), signal.SIGHUP)
            s.execute(text("SELECT 1"))  # the handler runs at the latest here
        assert info.value.exit_code == 129
        assert svc.get_setting("x", "none") == "none"


def test_an_interrupted_read_command_closes_the_journal(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder):
        pass
    r = subprocess.run(
        [sys.executable, "-c", SELF_SIGNAL.replace('"INSERT"', '"SELECT"'), "SIGTERM", "1",
         "--journal", str(folder), "search", "refund"],
        capture_output=True, text=True, env=_env(tmp_path), timeout=120, cwd=tmp_path)
    assert r.returncode == 143, r.stderr
    assert r.stderr.strip() == ("headway-journal: interrupted (SIGTERM): the command stopped "
                                "before finishing; the journal is as it was.")
    assert (folder / jdb.VERIFIED_NAME).is_file()
    assert json.loads((folder / jdb.VERIFIED_NAME).read_text())["revision"] == jdb.HEAD_REVISION
