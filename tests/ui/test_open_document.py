"""Files given to the app: from the command line, the macOS Finder (QFileOpenEvent) and a second
launch, each offered in the window with a confirmation; anything else explained in one box."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from headway_journal import platform
from headway_journal.journal import opening
from headway_journal.journal.db import DB_NAME
from headway_journal.journal.interchange import export_journal
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import open_document as od
from headway_journal.ui.file_open import FileOpenRouter
from headway_journal.ui.single_instance import SingleInstance

YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No


class Boxes(dict[str, list[tuple[str, str]]]):
    def __init__(self) -> None:
        super().__init__(warning=[], information=[], critical=[], question=[])
        self.answers: list[QMessageBox.StandardButton] = []


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    shown = Boxes()

    def record(kind: str) -> Any:
        def box(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> Any:
            shown[kind].append((title, text))
            if kind == "question":
                return shown.answers.pop(0) if shown.answers else NO
            return QMessageBox.StandardButton.Ok
        return staticmethod(box)

    for kind in list(shown):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def one_case_journal(folder: Path, title: str) -> JournalService:
    svc = JournalService.open(folder)
    org = svc.organization_by_key("headway")
    assert org is not None
    svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                              role="client", key="case-from-elsewhere"))
    return svc


@pytest.fixture
def export(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    with one_case_journal(tmp_path / "elsewhere", "Refund never arrived") as svc:
        export_journal(svc, tmp_path / "out" / "from elsewhere.json")
    return tmp_path / "out" / "from elsewhere.json"


def titles(svc: JournalService) -> set[str]:
    return {c.title for c in svc.list_cases()}


# --- what each kind offers -----------------------------------------------------------------------


def test_an_export_is_imported_only_after_yes(window: Any, boxes: Boxes, export: Path) -> None:
    before = titles(window.service)
    assert od.open_document(window, str(export)) == "declined"  # the default answer is No
    [(_title, question)] = boxes["question"]
    assert "Import the cases in from elsewhere.json into this journal?" in question
    assert titles(window.service) == before

    boxes.answers.append(YES)
    assert od.open_document(window, str(export)) == "imported"
    assert titles(window.service) == before | {"Refund never arrived"}
    [(_title, said)] = boxes["information"]
    assert said.startswith("Imported from elsewhere.json:")
    assert window.counts.get("all") == len(before) + 1  # the list shows it


def test_a_bad_export_changes_nothing_and_says_why(window: Any, boxes: Boxes,
                                                   tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "headway-journal", "version": 1, "cases": [{"key": 5}]}')
    before = titles(window.service)
    boxes.answers.append(YES)
    assert od.open_document(window, str(bad)) == "failed"
    [(_title, said)] = boxes["warning"]
    assert said.startswith("broken.json was not imported: ") and "as it was" in said
    assert titles(window.service) == before


def test_a_backup_is_restored_only_after_yes(window: Any, boxes: Boxes, tmp_path: Path) -> None:
    with one_case_journal(tmp_path / "old", "The only case then"):
        pass
    backup = tmp_path / "old copy.sqlite3"
    src, dst = sqlite3.connect(tmp_path / "old" / DB_NAME), sqlite3.connect(backup)
    src.backup(dst)
    src.close()
    dst.close()
    before = titles(window.service)
    assert od.open_document(window, str(backup)) == "declined"
    assert titles(window.service) == before
    [(_title, question)] = boxes["question"]
    assert "Replace this journal with the backup old copy.sqlite3?" in question

    boxes.answers.append(YES)
    assert od.open_document(window, str(backup)) == "restored"
    assert titles(window.service) == {"The only case then"}
    kept = list((window.service.folder / "backups").glob("*.sqlite3"))
    assert kept  # the journal as it was is kept


@pytest.mark.parametrize(("content", "words"), [
    (b"%PDF-1.7\n", "is a PDF"),
    (b'{"format": "something-else"}', "is not a Headway Journal export"),
    (b"GIF89a", "is not a file Headway Journal can open"),
])
def test_anything_else_gets_one_clear_box(window: Any, boxes: Boxes, tmp_path: Path,
                                          content: bytes, words: str) -> None:
    path = tmp_path / "given file"
    path.write_bytes(content)
    before = titles(window.service)
    assert od.open_document(window, str(path)) == "refused"
    [(title, said)] = boxes["warning"]
    assert title == "Open file" and words in said and "given file" in said
    assert not boxes["question"] and titles(window.service) == before


def test_journal_folders(window: Any, boxes: Boxes, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    launched: list[Path] = []
    monkeypatch.setattr(od, "launch_window", lambda folder: launched.append(folder) or True)
    assert od.open_document(window, str(window.service.folder)) == "shown"
    JournalService.open(tmp_path / "second").close()
    assert od.open_document(window, str(tmp_path / "second")) == "launched"
    assert launched == [tmp_path / "second"]
    assert "in a new window" in window.statusBar().currentMessage()
    assert not any(boxes.values())


def test_a_new_window_runs_this_program_on_that_journal(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(od, "launcher_command", lambda: ["/opt/hj/headway-journal"])
    monkeypatch.setattr(od.QProcess, "startDetached",
                        lambda program, args: started.append((program, args)) or (True, 1))
    assert od.launch_window(tmp_path / "j")
    assert started == [("/opt/hj/headway-journal", ["--journal", str(tmp_path / "j")])]


# --- how files arrive ----------------------------------------------------------------------------


def test_the_finder_s_file_open_event_reaches_the_window(qtbot: Any, qapp: QApplication,
                                                         tmp_path: Path) -> None:
    got: list[str] = []
    router = FileOpenRouter.install(qapp, system=platform.System.MACOS)
    try:
        # Sent before the window is ready (a document double-clicked to start the app): queued.
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "early.json")))
        assert router.pending() == [str(tmp_path / "early.json")]
        router.set_target(got.append)
        qtbot.waitUntil(lambda: got == [str(tmp_path / "early.json")])
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "late ñ.sqlite3")))
        qtbot.waitUntil(lambda: len(got) == 2)
        assert got[1] == str(tmp_path / "late ñ.sqlite3")
    finally:
        router.uninstall()
        router.deleteLater()


def test_other_systems_take_files_on_the_command_line(qtbot: Any, qapp: QApplication) -> None:
    for system in (platform.System.LINUX, platform.System.WINDOWS):
        router = FileOpenRouter.install(qapp, system=system)
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/x.json"))
        assert router.pending() == []  # no filter installed: nothing to catch
        router.uninstall()
        router.deleteLater()


@pytest.fixture
def instances(qapp: object) -> Any:
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.close()


@pytest.mark.parametrize("name", ["cases.json", "with\nnewline and ñ.json", "x" * 200 + ".json"])
def test_a_second_launch_hands_its_file_over(qtbot: Any, instances: list[SingleInstance],
                                             tmp_path: Path, name: str) -> None:
    running = SingleInstance(tmp_path / "journal")
    instances.append(running)
    assert running.listen()
    newcomer = SingleInstance(tmp_path / "journal")
    instances.append(newcomer)
    newcomer.open_file = str(tmp_path / name)
    seen: list[object] = []
    running.file_open_requested.connect(seen.append)
    running.activated.connect(lambda: seen.append("activated"))
    with qtbot.waitSignal(running.activated, timeout=3000):
        assert newcomer.try_hand_over()
    assert seen == [str(tmp_path / name), "activated"]


def test_a_garbled_open_request_is_dropped(qtbot: Any, instances: list[SingleInstance],
                                           tmp_path: Path) -> None:
    running = SingleInstance(tmp_path / "journal")
    instances.append(running)
    assert running.listen()
    newcomer = SingleInstance(tmp_path / "journal")
    with qtbot.assertNotEmitted(running.file_open_requested, wait=100):
        assert newcomer._exchange(b"open %%%not base64%%%\n", 1000) is None  # noqa: SLF001


def test_run_gui_with_a_file_while_the_journal_is_open_elsewhere(
        qtbot: Any, instances: list[SingleInstance], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, export: Path) -> None:
    from headway_journal.ui import app as ui_app

    JournalService.open(tmp_path / "journal").close()
    running = SingleInstance(tmp_path / "journal")
    instances.append(running)
    assert running.listen()
    with qtbot.waitSignal(running.file_open_requested, timeout=5000) as blocker:
        assert ui_app.run_gui(tmp_path / "journal", open_file=str(export)) == 0
    assert blocker.args == [str(export)]


def test_run_gui_offers_the_file_once_the_window_is_shown(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: Path,
        boxes: Boxes) -> None:
    from headway_journal.ui import app as ui_app

    def exec_until_offered(*_args: object) -> int:
        qtbot.waitUntil(lambda: bool(boxes["question"]), timeout=10_000)
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_offered)
    monkeypatch.setattr(opening, "backup_on_open", lambda _journal: None)
    assert ui_app.run_gui(tmp_path / "journal", open_file=str(export)) == 0
    [(_title, question)] = boxes["question"]
    assert "from elsewhere.json" in question


def test_after_an_unclean_exit_the_offer_waits_for_the_check(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: Path,
        boxes: Boxes) -> None:
    """The journal opens read-only while it is checked; the import is offered once it can
    be written, not refused meanwhile."""
    from headway_journal.journal.db import VERIFIED_NAME
    from headway_journal.ui import app as ui_app

    folder = tmp_path / "journal"
    JournalService.open(folder).close()
    (folder / VERIFIED_NAME).unlink()  # as after a crash: the full check runs at the next open
    (folder / (DB_NAME + "-wal")).write_bytes(b"")
    seen: dict[str, Any] = {}

    def exec_until_offered(*_args: object) -> int:
        from headway_journal.ui.main_window import MainWindow

        [win] = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible()]
        seen["unchecked_at_first"] = win.service.unchecked
        qtbot.waitUntil(lambda: bool(boxes["question"]), timeout=10_000)
        seen["unchecked_when_asked"] = win.service.unchecked
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_offered)
    monkeypatch.setattr(opening, "backup_on_open", lambda _journal: None)
    assert ui_app.run_gui(folder, open_file=str(export)) == 0
    assert seen == {"unchecked_at_first": True, "unchecked_when_asked": False}
    assert not boxes["information"] and not boxes["warning"]
