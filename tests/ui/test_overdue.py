"""The overdue check runs off the GUI thread and still announces each promise once."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.exc import OperationalError

from headway_journal.journal.records import DueItem

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow


def spy_checks(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record, for each check, whether it ran on the GUI (main) thread."""
    on_main: list[bool] = []
    original = window.service.overdue_unnotified

    def recorded(*args: Any, **kwargs: Any) -> list[DueItem]:
        on_main.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(window.service, "overdue_unnotified", recorded)
    return on_main


def test_start_up_check_runs_in_the_background_and_announces_once(
        window: MainWindow, sample: Sample, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    on_main = spy_checks(window, monkeypatch)
    announced: list[list[DueItem]] = []
    window.overdue.found.connect(announced.append)
    # the check scheduled shortly after the window was shown
    qtbot.waitUntil(lambda: bool(announced), timeout=5000)
    assert on_main == [False]
    assert [d.promise.id for d in announced[0]] == [sample.overdue_promise]
    message = window.statusBar().currentMessage()
    assert message.startswith("Overdue: “decision on the refund” (Double charge for the Nov 12")
    qtbot.waitUntil(lambda: not window.overdue.running)

    # the periodic re-check: nothing new, nothing said again
    window.statusBar().clearMessage()
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        window.notify_timer.timeout.emit()
    assert blocker.args == [True]
    assert on_main == [False, False]
    assert len(announced) == 1 and window.statusBar().currentMessage() == ""


def test_announced_once_even_when_the_journal_could_not_record_it(
        window: MainWindow, sample: Sample, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(_ids: Any) -> None:
        raise OperationalError("UPDATE promises", {}, Exception("database is locked"))

    monkeypatch.setattr(window.service, "mark_notified", busy)
    announced: list[list[DueItem]] = []
    window.overdue.found.connect(announced.append)
    qtbot.waitUntil(lambda: bool(announced), timeout=5000)
    qtbot.waitUntil(lambda: not window.overdue.running)
    # still not marked in the journal, so the next check finds it again: not announced again
    assert [d.promise.id for d in window.service.overdue_unnotified()] == [sample.overdue_promise]
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        assert window.check_overdue()
    assert blocker.args == [True] and len(announced) == 1


def test_closing_the_window_does_not_wait_for_a_running_check(
        window: MainWindow, sample: Sample, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    entered, release = threading.Event(), threading.Event()
    original = window.service.overdue_unnotified

    def slow(*args: Any, **kwargs: Any) -> list[DueItem]:
        entered.set()
        release.wait(10)  # never hangs the run if the test fails
        return original(*args, **kwargs)

    monkeypatch.setattr(window.service, "overdue_unnotified", slow)
    announced: list[list[DueItem]] = []
    window.overdue.found.connect(announced.append)
    assert window.check_overdue()
    assert not window.check_overdue()  # one check at a time
    assert entered.wait(5)
    try:
        window.close()
        assert window.overdue.running  # close() returned while the check was still reading
        assert not window.check_overdue()  # no new check once closed
    finally:
        release.set()
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        assert window.wait_for_checks(5000)
    assert blocker.args == [False]  # the result came after closing: dropped
    assert announced == [] and "Overdue" not in window.statusBar().currentMessage()
    assert not window.overdue.running


def wait_for_the_start_up_check(window: MainWindow, qtbot: Any) -> None:
    """The check scheduled after the window was shown has run (it announces the sample's
    overdue promise), so no timer starts a check in the middle of a test."""
    first: list[list[DueItem]] = []
    window.overdue.found.connect(first.append)
    qtbot.waitUntil(lambda: bool(first), timeout=5000)
    qtbot.waitUntil(lambda: not window.overdue.running)


def test_a_failing_check_is_quiet_and_remembered(
        window: MainWindow, sample: Sample, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wait_for_the_start_up_check(window, qtbot)

    def locked(*_args: Any, **_kwargs: Any) -> list[DueItem]:
        raise OperationalError("SELECT promises", {}, Exception("database is locked"))

    monkeypatch.setattr(window.service, "overdue_unnotified", locked)
    window.statusBar().clearMessage()
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        assert window.check_overdue()
    assert blocker.args == [False]
    assert window.overdue.last_error.startswith("OperationalError:")
    assert "database is locked" in window.overdue.last_error
    assert window.statusBar().currentMessage() == ""  # a timer's check never bothers the user
    monkeypatch.undo()
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        assert window.check_overdue()
    assert blocker.args == [True] and window.overdue.last_error == ""


def test_a_check_of_the_journal_before_a_reopen_is_dropped(
        window: MainWindow, sample: Sample, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wait_for_the_start_up_check(window, qtbot)
    entered, release = threading.Event(), threading.Event()
    original = window.service.overdue_unnotified

    def slow(*args: Any, **kwargs: Any) -> list[DueItem]:
        entered.set()
        release.wait(10)  # never hangs the run if the test fails
        return original(*args, **kwargs)

    monkeypatch.setattr(window.service, "overdue_unnotified", slow)
    announced: list[list[DueItem]] = []
    window.overdue.found.connect(announced.append)
    assert window.check_overdue()
    assert entered.wait(5)
    window.overdue.set_service(window.service)  # as after a restore: promise ids start afresh
    release.set()
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        pass
    assert blocker.args == [False]  # the old journal's answer is dropped, not checked
    monkeypatch.undo()
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        assert window.check_overdue()  # the next check runs as usual
    assert blocker.args == [True]
    assert announced == []  # marked notified in the journal when it was first announced
