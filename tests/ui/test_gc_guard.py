"""Cyclic garbage is collected on the GUI thread only (ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from headway_journal.ui.gc_guard import GuiThreadCollector, install_gui_collector


def test_the_app_has_one_collector_and_automatic_collection_is_off(qapp: Any) -> None:
    collector = install_gui_collector(qapp)
    assert install_gui_collector(qapp) is collector
    assert qapp.findChildren(GuiThreadCollector) == [collector]
    assert not gc.isenabled() and collector.timer.isActive()


def test_a_worker_that_allocates_a_lot_never_collects_qt_garbage(qtbot: Any, qapp: Any) -> None:
    install_gui_collector(qapp)
    gui = threading.get_ident()
    threads: list[int] = []

    def watch(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    class Holder(QObject):
        pass

    holder = Holder()
    holder.me = holder  # type: ignore[attr-defined]  # a cycle holding a Qt object
    del holder

    kept: list[list[int]] = []

    def allocate() -> None:  # far past generation 0's threshold (kept alive: counts stay up)
        kept.extend([i] for i in range(200_000))

    gc.callbacks.append(watch)
    try:
        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert threads == []  # nothing was collected on the worker
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)  # the GUI thread's timer did it
    finally:
        gc.callbacks.remove(watch)
        kept.clear()
    assert set(threads) == {gui}


def test_the_window_freezes_what_start_up_made_and_thaws_it_at_the_end(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the window is on screen, start-up's objects are out of the collector's sight (a
    full collection no longer walks them); when the window is gone they are back."""
    from PySide6.QtWidgets import QApplication

    from headway_journal.journal import opening
    from headway_journal.ui import app as ui_app

    seen: list[int] = []

    def exec_until_frozen(*_args: object) -> int:
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=10_000)
        seen.append(gc.get_freeze_count())
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_frozen)
    monkeypatch.setattr(opening, "backup_on_open", lambda _journal: None)
    assert gc.get_freeze_count() == 0
    assert ui_app.run_gui(tmp_path / "journal") == 0
    assert seen and seen[0] > 10_000  # the modules, classes and the window's objects
    assert gc.get_freeze_count() == 0
