"""One instance per journal: hand-over to a running instance, stale sockets, bring to front."""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from headway_journal.journal import opening
from headway_journal.ui.single_instance import SingleInstance, bring_to_front, server_name

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def instances(qapp: object) -> Iterator[list[SingleInstance]]:
    """SingleInstance objects made by a test; closed (sockets removed) afterwards."""
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.close()


def make(instances: list[SingleInstance], journal: Path) -> SingleInstance:
    instance = SingleInstance(journal)
    instances.append(instance)
    return instance


def test_second_launch_hands_over_to_the_running_instance(
    qtbot, instances: list[SingleInstance], tmp_path: Path
) -> None:
    journal = tmp_path / "journal"
    running = make(instances, journal)
    assert running.listen()

    newcomer = make(instances, journal)
    with qtbot.waitSignal(running.activated, timeout=3000):
        assert newcomer.try_hand_over()

    # The running instance keeps serving later launches too.
    with qtbot.waitSignal(running.activated, timeout=3000):
        assert make(instances, journal).try_hand_over()


def test_no_running_instance_means_no_hand_over(
    instances: list[SingleInstance], tmp_path: Path
) -> None:
    assert not make(instances, tmp_path / "journal").try_hand_over(timeout_ms=500)


def test_other_journal_gets_its_own_instance(
    qtbot, instances: list[SingleInstance], tmp_path: Path
) -> None:
    running = make(instances, tmp_path / "journal-a")
    assert running.listen()
    other = make(instances, tmp_path / "journal-b")
    with qtbot.assertNotEmitted(running.activated, wait=100):
        assert not other.try_hand_over(timeout_ms=500)
    assert other.listen()
    assert running.is_listening() and other.is_listening()


def test_server_name_depends_on_the_resolved_journal_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "journal"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.chdir(tmp_path)
    assert server_name(real) == server_name(link) == server_name(Path("journal"))
    assert server_name(real) != server_name(tmp_path / "other")
    assert str(os.getuid()) in server_name(real)


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no stale files")
def test_stale_socket_from_a_crashed_instance_is_recovered(
    qtbot, instances: list[SingleInstance], tmp_path: Path
) -> None:
    journal = tmp_path / "journal"
    name = server_name(journal)
    assert os.path.isabs(name), "expected the socket in XDG_RUNTIME_DIR"
    # What a crash leaves behind: a socket file that nobody accepts connections on.
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(name)
    assert os.path.exists(name)

    newcomer = make(instances, journal)
    assert not newcomer.try_hand_over(timeout_ms=500)
    assert newcomer.listen()

    with qtbot.waitSignal(newcomer.activated, timeout=3000):
        assert make(instances, journal).try_hand_over()


def test_live_instance_keeps_its_name(qtbot, instances: list[SingleInstance], tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    running = make(instances, journal)
    assert running.listen()
    late = make(instances, journal)
    assert not late.listen()
    with qtbot.waitSignal(running.activated, timeout=3000):
        assert make(instances, journal).try_hand_over()


def test_close_removes_the_socket(instances: list[SingleInstance], tmp_path: Path) -> None:
    running = make(instances, tmp_path / "journal")
    assert running.listen()
    running.close()
    assert not running.is_listening()
    assert not os.path.exists(running.name)
    assert not make(instances, tmp_path / "journal").try_hand_over(timeout_ms=500)


def test_bring_to_front_restores_a_minimized_window(qtbot) -> None:
    window = QMainWindow()
    window.setWindowTitle("Headway Journal")
    qtbot.addWidget(window)
    window.showMaximized()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)

    bring_to_front(window)

    assert window.isVisible()
    assert not window.isMinimized()
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_bring_to_front_shows_a_hidden_window(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    bring_to_front(window)
    assert window.isVisible()


LISTENER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from headway_journal.ui.single_instance import SingleInstance

    app = QApplication(sys.argv[:1])
    instance = SingleInstance(Path(sys.argv[1]))
    if not instance.listen():
        sys.exit(2)
    instance.activated.connect(lambda: (print("activated", flush=True), app.exit(0)))
    QTimer.singleShot(15000, lambda: app.exit(3))
    print("ready", flush=True)
    code = app.exec()
    instance.close()
    sys.exit(code)
    """
)


def read_line(stream, timeout: float) -> str:  # type: ignore[no-untyped-def]
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        if not selector.select(timeout):
            return ""
    return stream.readline().strip()


def test_hand_over_to_another_process(instances: list[SingleInstance], tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", LISTENER, str(journal)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as listener:
        try:
            assert read_line(listener.stdout, timeout=20) == "ready"
            assert make(instances, journal).try_hand_over(timeout_ms=5000)
            assert read_line(listener.stdout, timeout=10) == "activated"
            assert listener.wait(timeout=10) == 0
        finally:
            if listener.poll() is None:
                listener.kill()
                listener.wait()


# --- start-up: QtNetwork only when needed, listening once the window is shown --------------------


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are not files")
def test_no_socket_means_nobody_to_hand_over_to_without_qtnetwork(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from headway_journal.ui.single_instance import SingleInstance

        app = QApplication(sys.argv[:1])
        instance = SingleInstance(Path(sys.argv[1]))
        print(instance.nobody_listening(), instance.try_hand_over(),
              "PySide6.QtNetwork" in sys.modules)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "journal")], cwd=REPO,
                         env=env, capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["True", "False", "False"], out.stderr


def test_hand_over_soon_waits_for_an_instance_that_starts_listening(
    qtbot, instances: list[SingleInstance], tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer

    journal = tmp_path / "journal"
    starting = make(instances, journal)
    QTimer.singleShot(300, starting.listen)  # still building its window
    newcomer = make(instances, journal)
    with qtbot.waitSignal(starting.activated, timeout=5000):
        assert newcomer.hand_over_soon(wait_ms=4000, step_ms=50)


def test_hand_over_soon_gives_up(instances: list[SingleInstance], tmp_path: Path) -> None:
    assert not make(instances, tmp_path / "journal").hand_over_soon(wait_ms=200, step_ms=50)


def test_locked_journal_hands_over_to_an_instance_starting_up(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from headway_journal.journal.service import JournalService
    from headway_journal.ui.app import HANDED_OVER, open_service

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, title, *a: said.append(title)))
    with JournalService.open(tmp_path / "journal") as holder:  # the other instance
        asked: list[bool] = []
        assert open_service(holder.folder, hand_over=lambda: asked.append(True) or True) == (
            None, HANDED_OVER)
        assert asked == [True] and said == []
        assert open_service(holder.folder, hand_over=lambda: False) == (None, "")
        assert said == ["Journal in use"]


def test_the_app_listens_once_its_window_is_shown(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from headway_journal.ui import app as ui_app
    from headway_journal.ui.main_window import MainWindow

    calls: list[tuple[bool, bool]] = []
    original = SingleInstance.listen

    def listen(self: SingleInstance) -> bool:
        shown = any(isinstance(w, MainWindow) and w.isVisible()
                    for w in QApplication.topLevelWidgets())
        ok = original(self)
        calls.append((shown, ok))
        return ok

    def exec_briefly(*_args: object) -> int:
        qtbot.waitUntil(lambda: bool(calls), timeout=5000)
        return 0

    monkeypatch.setattr(SingleInstance, "listen", listen)
    monkeypatch.setattr(QApplication, "exec", exec_briefly)
    monkeypatch.setattr(opening, "backup_on_open", lambda _journal: None)
    assert ui_app.run_gui(tmp_path / "journal") == 0
    assert calls == [(True, True)]
    assert not os.path.exists(server_name(tmp_path / "journal"))  # closed with the app
