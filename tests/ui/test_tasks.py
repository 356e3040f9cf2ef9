"""The background-work helper (ui.tasks): results, failures, progress, cancelling, stale results."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread, Signal

from headway_journal.ui.tasks import TaskCancelled, TaskContext, TaskRunner


@pytest.fixture
def runner(qtbot: Any) -> Iterator[TaskRunner]:
    made = TaskRunner(max_threads=1)
    yield made
    made.invalidate()
    made.wait(10_000)


def record(task: Any) -> list[tuple[str, object]]:
    """Every signal the task emits, in order, with the thread it was delivered on."""
    seen: list[tuple[str, object]] = []
    gui = QThread.currentThread()

    def note(name: str, value: object = None) -> None:
        assert QThread.currentThread() is gui, f"{name} was delivered off the GUI thread"
        seen.append((name, value))

    task.progress.connect(lambda v: note("progress", v))
    task.done.connect(lambda v: note("done", v))
    task.failed.connect(lambda e: note("failed", e))
    task.cancelled.connect(lambda: note("cancelled"))
    task.finished.connect(lambda: note("finished"))
    return seen


def test_the_result_and_progress_arrive_in_order_on_the_gui_thread(
        qtbot: Any, runner: TaskRunner) -> None:
    ran_on: list[QThread] = []

    def work(context: TaskContext) -> int:
        ran_on.append(QThread.currentThread())
        for step in (1, 2, 3):
            context.progress(step)
        return 42

    task = runner.start(work)
    seen = record(task)
    assert runner.running
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == [("progress", 1), ("progress", 2), ("progress", 3), ("done", 42),
                    ("finished", None)]
    assert ran_on and ran_on[0] is not QThread.currentThread()
    qtbot.waitUntil(lambda: not runner.running)


def test_an_exception_becomes_failed_with_the_exception(qtbot: Any, runner: TaskRunner) -> None:
    def work(_context: TaskContext) -> None:
        raise OSError(28, "No space left on device")

    task = runner.start(work)
    seen = record(task)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert [name for name, _ in seen] == ["failed", "finished"]
    error = seen[0][1]
    assert isinstance(error, OSError) and error.errno == 28


def test_cancel_lets_the_work_stop_with_what_it_has(qtbot: Any, runner: TaskRunner) -> None:
    go = threading.Event()

    def work(context: TaskContext) -> tuple[int, bool]:
        go.wait(10)
        done = 0
        for _ in range(5):
            if context.cancelled:
                break
            done += 1
        return done, context.cancelled

    task = runner.start(work)
    seen = record(task)
    task.cancel()
    assert task.is_cancelled
    go.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == [("done", (0, True)), ("finished", None)]


def test_task_cancelled_means_cancelled_and_no_result(qtbot: Any, runner: TaskRunner) -> None:
    def work(context: TaskContext) -> str:
        context.raise_if_cancelled()
        raise TaskCancelled

    task = runner.start(work)
    seen = record(task)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == [("cancelled", None), ("finished", None)]


def test_a_stale_result_is_dropped(qtbot: Any, runner: TaskRunner) -> None:
    """After invalidate() (the journal was reopened) a late result and its progress are dropped:
    the task says cancelled, never done."""
    go = threading.Event()
    saw_cancel: list[bool] = []

    def work(context: TaskContext) -> str:
        go.wait(10)
        saw_cancel.append(context.cancelled)
        context.progress("late")
        return "old journal's answer"

    task = runner.start(work)
    seen = record(task)
    runner.invalidate()
    go.set()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == [("cancelled", None), ("finished", None)]
    assert saw_cancel == [True]


def test_tasks_run_one_at_a_time_in_order(qtbot: Any, runner: TaskRunner) -> None:
    order: list[str] = []
    lock = threading.Lock()

    def step(name: str) -> Any:
        def work(_context: TaskContext) -> str:
            with lock:
                order.append(name)
            return name
        return work

    tasks = [runner.start(step(name)) for name in ("a", "b", "c")]
    assert len(runner.active()) == 3
    with qtbot.waitSignal(tasks[-1].finished, timeout=10_000):
        pass
    assert order == ["a", "b", "c"]
    qtbot.waitUntil(lambda: not runner.running)
    assert runner.wait(10_000)


def test_cancel_all_reaches_every_running_task(qtbot: Any, runner: TaskRunner) -> None:
    go = threading.Event()

    def work(context: TaskContext) -> bool:
        go.wait(10)
        return context.cancelled

    tasks = [runner.start(work) for _ in range(2)]
    results: list[object] = []
    for task in tasks:
        task.done.connect(results.append)
    runner.cancel_all()
    go.set()
    with qtbot.waitSignal(tasks[-1].finished, timeout=10_000):
        pass
    assert results == [True, True]


def test_an_owner_kept_only_by_its_task_slots_can_go_away(qtbot: Any) -> None:
    """A parentless owner whose only reference is a lambda connected to its own task (a
    controller made for one dialog) is freed when the task is deleted; the runner, a child
    of that owner, goes with it and must not delete the task a second time (a crash)."""
    class Owner(QObject):
        answered = Signal(object)

        def __init__(self) -> None:
            super().__init__()
            self.tasks = TaskRunner(self)

        def ask(self) -> None:
            task = self.tasks.start(lambda _context: "answer")
            task.done.connect(lambda value: self.answered.emit(value))

    gone: list[bool] = []
    for count in range(1, 6):
        owner = Owner()
        owner.destroyed.connect(lambda *_args: gone.append(True))
        owner.ask()
        assert owner.tasks.wait(10_000)
        del owner  # the task's lambda now holds the last reference
        qtbot.waitUntil(lambda count=count: len(gone) == count, timeout=10_000)
