"""The journal opened, and the window's first read started, before PySide6 loads: only when
opening needs nothing from the user; the window takes it over and closes it; otherwise the
usual opening runs as before."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from headway_journal.journal.db import DB_NAME
from headway_journal.journal.service import JournalService
from headway_journal.ui.early_open import EarlyOpen, open_early


def _reopens(folder: Path) -> bool:
    """The folder's lock is free: the journal opens again."""
    svc = JournalService.open(folder)
    svc.close()
    return True


def test_a_plain_journal_is_opened_with_its_first_read_under_way(
        service: JournalService, sample: Any) -> None:
    folder = service.folder
    expected = service.view_counts()
    service.close()
    early = open_early(folder)
    assert isinstance(early, EarlyOpen)
    assert early.folder == folder
    counts, due_ids, page = early.first_read.result()
    assert counts == expected
    assert [s.id for s in page] == due_ids[:len(page)]
    early.close()
    early.close()  # once only
    assert _reopens(folder)


@pytest.mark.parametrize("state", ["missing", "held", "damaged"])
def test_nothing_is_opened_early_when_the_usual_opening_has_something_to_say(
        tmp_path: Path, state: str) -> None:
    folder = tmp_path / "journal"
    other = None
    if state == "held":  # another window has it: the usual opening hands over or explains
        other = JournalService.open(folder)
    elif state == "damaged":
        folder.mkdir()
        (folder / DB_NAME).write_bytes(b"not a database " * 400)
    try:
        assert open_early(folder) is None
        if state == "missing":
            assert not folder.exists()  # a new journal is made by the usual opening
        if other is not None:
            assert other.view_counts()["all"] == 0  # untouched
    finally:
        if other is not None:
            other.close()


def test_the_window_takes_the_early_journal_over_and_closes_it(
        service: JournalService, sample: Any, monkeypatch: pytest.MonkeyPatch,
        qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from headway_journal.ui import app
    from headway_journal.ui.main_window import MainWindow

    folder = service.folder
    expected = service.view_counts()
    service.close()
    early = open_early(folder)
    assert early is not None
    opened_again: list[Path] = []
    monkeypatch.setattr(app, "open_service", lambda folder, *a, **k: (
        opened_again.append(folder), (None, ""))[1])
    seen: list[dict[str, int]] = []

    def exec_briefly(*_args: object) -> int:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        assert windows[0].service is early.service
        seen.append(windows[0].counts)
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_briefly)
    assert app.run_gui(folder, early=early) == 0
    assert seen == [expected]
    assert opened_again == []  # not opened a second time
    assert early.taken
    assert _reopens(folder)  # the window closed it


def test_a_window_that_does_not_start_closes_the_early_journal(
        service: JournalService, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    from headway_journal.ui import app

    folder = service.folder
    service.close()
    early = open_early(folder)
    assert early is not None

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("the window could not start")

    monkeypatch.setattr(app, "_run_gui", broken)
    with pytest.raises(RuntimeError):
        app.run_gui(folder, early=early)
    assert early.taken
    assert _reopens(folder)


def test_the_command_line_opens_early_only_a_plain_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--demo`` and ``--database`` windows open the usual way (nothing early)."""
    from headway_journal import window_start
    from headway_journal.ui import app, early_open

    asked: list[Path | None] = []
    given: list[Any] = []
    monkeypatch.setattr(early_open, "open_early", lambda folder: asked.append(folder))
    monkeypatch.setattr(app, "run_gui", lambda *a, **k: given.append(k.get("early")) or 0)
    plain = argparse.Namespace(demo=False, database=None, journal=str(tmp_path))
    assert window_start.run_window(plain, tmp_path, None) == 0
    assert asked == [tmp_path]
    demo = argparse.Namespace(demo=True, database=None, journal=None)
    assert window_start.run_window(demo, None, None) == 0
    assert asked == [tmp_path]


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_quit_signal_before_the_window_closes_the_early_journal_cleanly(
        service: JournalService, sample: Any, monkeypatch: pytest.MonkeyPatch,
        signame: str) -> None:
    """A logout (or Ctrl+C) while PySide6 is still loading: the journal opened early is closed
    as File > Quit closes it (its clean-close stamp written) and the start ends with 0."""
    import os
    import signal

    from headway_journal import window_start
    from headway_journal.journal.db import HEAD_REVISION, verified_since

    folder = service.folder
    service.close()

    def loading_when_the_signal_comes(early: Any) -> Any:
        assert early is not None and not early.taken  # the journal is open at this moment
        os.kill(os.getpid(), getattr(signal, signame))
        raise AssertionError("the signal did not stop the start")

    monkeypatch.setattr(window_start, "_window_module", loading_when_the_signal_comes)
    args = argparse.Namespace(demo=False, database=None, journal=str(folder))
    assert window_start.run_window(args, folder, None) == 0
    # closed cleanly: its stamp still matches the file, so the next start skips the full check
    assert verified_since(folder, HEAD_REVISION, closed_cleanly=True) is not None
    assert not (folder / (DB_NAME + "-wal")).exists()
    assert _reopens(folder)
    assert signal.getsignal(getattr(signal, signame)) is not None  # handlers put back
