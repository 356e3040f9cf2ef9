"""SIGTERM, SIGHUP and SIGINT quit the window as File > Quit does (ui/shutdown.py).

The end-to-end tests run the app in a subprocess (offscreen, its own journal and XDG folders),
wait for its "window shown" line, send the signal and check what the user gets: exit status 0,
the closing backup, the clean-close stamp, and a next open that skips the full integrity check.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from headway_journal.journal import backup as jbackup
from headway_journal.journal import db as jdb
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.drafts import DraftKeeper, DraftStore
from headway_journal.ui.shutdown import ShutdownHandler, save_all_drafts

ROOT = Path(__file__).resolve().parents[2]


def _journal_with_unsaved_backup(folder: Path) -> None:
    """A journal whose newest backup is recent (no start-up backup) but older than a change,
    so quitting must make a closing backup."""
    with JournalService.open(folder) as svc:
        jbackup.make_backup(folder, "open", now=datetime.now(UTC) - timedelta(minutes=5))
        org = svc.organization_by_key("headway")
        assert org is not None
        svc.create_case(CaseInput(title="Refund still missing", organization_id=org.id,
                                  issue_type="billing", role="client"))


def _start_app(tmp_path: Path, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT),
               # the "window shown" line, and a quit only after 10 minutes (never reached)
               HEADWAY_JOURNAL_SMOKE_EXIT_MS="600000")
    env.pop("HEADWAY_JOURNAL_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "headway_journal", "--journal", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=tmp_path)


def _wait_for_window(proc: subprocess.Popen[str], timeout: float = 60.0) -> str:
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not sel.select(timeout=deadline - time.monotonic()):
            break
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("window shown"):
            return line
    proc.kill()
    out, err = proc.communicate()
    pytest.fail(f"the window never came up:\n{out}\n{err}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=lambda s: signal.Signals(s).name)
def test_a_quit_signal_closes_the_journal_like_file_quit(
        tmp_path: Path, sig: signal.Signals, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "journal"
    _journal_with_unsaved_backup(folder)
    closes_before = list((folder / jdb.BACKUPS_DIR).glob("*close*.sqlite3"))
    proc = _start_app(tmp_path, folder)
    _wait_for_window(proc)
    proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"{sig.name} did not make the app quit")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    # the closing backup was made, the journal closed cleanly with its stamp
    closes = list((folder / jdb.BACKUPS_DIR).glob("*close*.sqlite3"))
    assert len(closes) == len(closes_before) + 1
    assert (folder / jdb.VERIFIED_NAME).is_file()
    assert not (folder / (jdb.DB_NAME + "-wal")).exists()
    stamp = datetime.fromisoformat(
        json.loads((folder / jdb.VERIFIED_NAME).read_text())["checked_at"])

    def no_full_check(path: Path) -> list[str]:
        raise AssertionError("the full integrity check ran after a clean close")

    monkeypatch.setattr(jdb, "quick_check", no_full_check)
    journal = jdb.open_journal(folder)
    try:
        assert journal.verified_at == stamp
    finally:
        journal.close()


def test_signal_wakes_the_event_loop_and_quits_once(qtbot: Any) -> None:
    calls: list[str] = []
    before = signal.getsignal(signal.SIGHUP)  # SIG_DFL, or SIG_IGN under nohup
    handler = ShutdownHandler(lambda: calls.append("quit"))
    handler.install([signal.SIGHUP, signal.SIGTERM])
    try:
        with qtbot.waitSignal(handler.requested, timeout=5000) as blocker:
            os.kill(os.getpid(), signal.SIGHUP)
        assert blocker.args == ["SIGHUP"]
        qtbot.waitUntil(lambda: calls == ["quit"], timeout=5000)
        os.kill(os.getpid(), signal.SIGTERM)  # already quitting: ignored
        qtbot.waitUntil(lambda: handler.received == ["SIGHUP", "SIGTERM"], timeout=5000)
        assert calls == ["quit"]
        assert handler.reason == "SIGHUP"
    finally:
        handler.uninstall()
    assert signal.getsignal(signal.SIGHUP) is before  # put back as it was


def test_open_dialogs_drafts_are_written_on_quit(qtbot: Any, tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = QLineEdit(dialog)
    keeper = DraftKeeper(store, "contact-7",
                         lambda: {"notes": edit.text()} if edit.text() else None, dialog,
                         interval_ms=60_000)  # the timer would not fire before the quit
    keeper.start()
    dialog.show()
    edit.setText("Rep promised a callback by Friday")
    assert not store.exists("contact-7")
    assert save_all_drafts() >= 1  # (dialogs other tests left alive may count too)
    draft = store.load("contact-7")
    assert draft is not None and draft.data == {"notes": "Rep promised a callback by Friday"}


def test_the_session_ending_saves_drafts_then_quits_once(qtbot: Any, qapp: Any,
                                                       tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = QLineEdit(dialog)
    keeper = DraftKeeper(store, "case-new", lambda: {"title": edit.text()} if edit.text() else None,
                         dialog, interval_ms=60_000)
    keeper.start()
    dialog.show()
    calls: list[str] = []
    handler = ShutdownHandler(lambda: calls.append("quit"))
    handler.install([signal.SIGHUP])
    try:
        # the session manager's requests reach the handler (a QSessionManager cannot be made in
        # a test, so the connection is checked and the handler's entry points are called)
        assert qapp.receivers("2commitDataRequest(QSessionManager&)") >= 1
        assert qapp.receivers("2saveStateRequest(QSessionManager&)") >= 1
        edit.setText("Refund never arrived")
        assert handler.session_checkpoint() >= 1  # a checkpoint: drafts written, still running
        assert store.load("case-new") is not None and calls == []
        edit.setText("Refund never arrived (second charge)")
        handler.session_ending()
        qtbot.waitUntil(lambda: calls == ["quit"])
        draft = store.load("case-new")
        assert draft is not None and draft.data == {"title": "Refund never arrived (second charge)"}
        assert handler.reason == "session"
    finally:
        handler.uninstall()
    assert qapp.receivers("2commitDataRequest(QSessionManager&)") == 0
