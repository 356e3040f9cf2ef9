"""A JSON export imported from the window runs off the GUI thread: the window answers, a
progress dialog counts the cases and can cancel, and a quit (File > Quit, SIGTERM) mid-import
rolls it back before the window closes (issue 23: quit within a few seconds)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from headway_journal.journal.service import JournalService
from headway_journal.ui import import_run
from headway_journal.ui import open_document as od
from headway_journal.ui.shutdown import ShutdownHandler

CASES = 12


@pytest.fixture
def boxes(record_boxes: Any) -> dict[str, list[str]]:
    return record_boxes("warning", "information", "question")


@pytest.fixture
def export(cases_export: Any) -> Path:
    """An export of CASES cases from another journal ("Imported 0"...), two contacts each."""
    return cases_export(CASES, contacts=2, title="Imported")


class Slow(list[tuple[int, int]]):
    """Every progress report the import made; at case GATE_AT the worker waits for ``gate``
    (set by the test's action: so the action always comes mid-import, however busy the machine)."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()


GATE_AT = 4


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Slow:
    """Each case takes 20 ms more, and the import waits at case GATE_AT for the test."""
    seen = Slow()
    real = import_run.import_source

    def slowed(svc: Any, source: Any, progress: Callable[[int, int], None]) -> Any:
        def each(read: int, total: int) -> None:
            seen.append((read, total))
            time.sleep(0.02)
            if read == GATE_AT:  # until the test lets it go on, or the import is cancelled
                deadline = time.monotonic() + 20
                while not seen.gate.wait(0.01) and time.monotonic() < deadline:
                    progress(read, total)  # raises once cancelled
            progress(read, total)
        return real(svc, source, each)

    monkeypatch.setattr(import_run, "import_source", slowed)
    monkeypatch.setattr(import_run, "PROGRESS_EVERY_S", 0.0)
    return seen


def _titles(svc: JournalService) -> set[str]:
    return {c.title for c in svc.list_cases()}


def _when_dialog(action: Callable[[QProgressDialog], None], seen: Slow,
                 release: bool = True) -> list[str]:
    """Polls (on the GUI thread, so the event loop runs during the import) until the progress
    dialog shows and the import waits at case GATE_AT, then calls ``action`` with it once
    and (``release``) lets the import go on, else it waits there until cancelled; the
    dialog's label texts seen on the way are returned."""
    labels: list[str] = []
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        dialog = next((d for d in QApplication.topLevelWidgets() + _children()
                       if isinstance(d, QProgressDialog) and d.isVisible()), None)
        if dialog is None:
            return
        labels.append(dialog.labelText())
        if seen and seen[-1][0] >= GATE_AT:
            timer.stop()
            action(dialog)
            if release:
                seen.gate.set()

    timer.timeout.connect(poll)
    timer.start()
    _keep.append(timer)
    return labels


_keep: list[QTimer] = []


def _children() -> list[Any]:
    out: list[Any] = []
    for w in QApplication.topLevelWidgets():
        out.extend(w.findChildren(QProgressDialog))
    return out


def test_the_window_answers_and_counts_the_cases_while_it_imports(
        window: Any, boxes: dict[str, list[str]], export: Path,
        slow: Slow) -> None:
    before = _titles(window.service)
    labels = _when_dialog(lambda _d: None, slow)
    assert od.open_document(window, str(export)) == "imported"
    assert slow[0] == (0, CASES) and slow[-1] == (CASES, CASES)
    # the event loop ran during the import: the dialog was polled and showed the count
    assert any(f"of {CASES} cases read" in text for text in labels), labels
    assert _titles(window.service) == before | {f"Imported {n}" for n in range(CASES)}
    assert boxes["information"] and boxes["information"][0].startswith("Imported cases.json:")
    assert window.running_import is None
    assert not any(d.isVisible() for d in _children())  # the dialog is gone


def test_cancel_rolls_the_import_back(window: Any, boxes: dict[str, list[str]], export: Path,
                                      slow: Slow) -> None:
    before = _titles(window.service)
    said: list[tuple[bool, str]] = []

    def click_cancel(dialog: QProgressDialog) -> None:
        dialog.findChild(QPushButton).click()
        said.append((dialog.isVisible(), dialog.labelText()))

    _when_dialog(click_cancel, slow, release=False)
    assert od.open_document(window, str(export)) == "cancelled"
    assert said == [(True, "Cancelling: nothing will be imported…")]  # up until rolled back
    assert slow[-1][0] < CASES  # stopped before the end
    assert _titles(window.service) == before  # nothing imported
    assert boxes["information"] == [
        "The import of cases.json was cancelled: nothing was imported, the journal is as it "
        "was."]
    assert not boxes["warning"]


def test_escape_cancels_too_and_the_dialog_stays_until_the_end(
        window: Any, boxes: dict[str, list[str]], export: Path,
        slow: Slow) -> None:
    before = _titles(window.service)
    shown: list[bool] = []

    def escape(dialog: QProgressDialog) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        shown.append(dialog.isVisible())  # not hidden with the import still running

    _when_dialog(escape, slow, release=False)
    assert od.open_document(window, str(export)) == "cancelled"
    assert shown == [True] and slow[-1][0] < CASES
    assert _titles(window.service) == before


def test_sigterm_mid_import_rolls_it_back_and_the_window_closes(
        window: Any, boxes: dict[str, list[str]], export: Path,
        slow: Slow) -> None:
    folder = window.service.folder
    before = _titles(window.service)
    handler = ShutdownHandler(window.quit)
    handler.install([signal.SIGTERM])
    try:
        _when_dialog(lambda _d: os.kill(os.getpid(), signal.SIGTERM), slow, release=False)
        started = time.monotonic()
        assert od.open_document(window, str(export)) == "cancelled"
        assert time.monotonic() - started < 10  # within seconds, not after the whole file
    finally:
        handler.uninstall()
    assert handler.received == ["SIGTERM"]
    assert window.closed and slow[-1][0] < CASES
    assert not boxes["information"] and not boxes["warning"]
    window.service.close()
    with JournalService.open(folder) as again:  # the journal as it was
        assert _titles(again) == before


def test_a_bad_file_found_in_the_background_is_said_as_before(
        window: Any, boxes: dict[str, list[str]], tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "headway-journal", "version": 1, "cases": [{"key": 5}]}')
    before = _titles(window.service)
    assert od.open_document(window, str(bad)) == "failed"
    [said] = boxes["warning"]
    assert said.startswith("broken.json was not imported: ") and "as it was" in said
    assert _titles(window.service) == before


def test_no_periodic_backup_while_an_import_holds_the_journal(
        window: Any, boxes: dict[str, list[str]], export: Path, slow: Slow) -> None:
    made: list[object] = []

    def try_backup(_dialog: QProgressDialog) -> None:
        window.session.changed_since_backup = True
        made.append(window.session.periodic_backup())

    _when_dialog(try_backup, slow)
    assert od.open_document(window, str(export)) == "imported"
    assert made == [None]  # skipped mid-import
    assert window.session.changed_since_backup  # so the next check after it makes one
