"""``headway-journal FILE`` (file managers, the Finder, Windows' "Open with"): routed to the
window with the file, a journal folder opens that journal, commands still win."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from headway_journal import cli
from headway_journal.journal.service import JournalService


@pytest.fixture
def gui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    monkeypatch.setenv("HEADWAY_JOURNAL_DIR", str(tmp_path / "default"))
    calls: list[dict[str, Any]] = []

    def run_gui(journal_dir: Path | None, demo: bool = False, database: str | None = None,
                open_file: str | None = None, early: Any = None) -> int:
        calls.append({"journal": journal_dir, "demo": demo, "database": database,
                      "open_file": open_file})
        if early is not None:  # opened before the window (ui.early_open): closed as it would
            early.close()
        return 0

    app = types.ModuleType("headway_journal.ui.app")
    app.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "headway_journal.ui.app", app)
    return calls


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "cases.json"
    path.write_text('{"format": "headway-journal", "version": 1, "cases": []}')
    return path


def test_a_file_argument_opens_the_window_with_it(gui: list[dict[str, Any]], export: Path,
                                                  tmp_path: Path) -> None:
    assert cli.main([str(export)]) == 0
    assert cli.main(["--journal", str(tmp_path / "mine"), str(export)]) == 0
    assert cli.main(["--open", str(export)]) == 0
    assert cli.main(["--", str(export)]) == 0
    assert [(c["journal"], c["open_file"]) for c in gui] == [
        (None, str(export)), (tmp_path / "mine", str(export)), (None, str(export)),
        (None, str(export))]


def test_a_journal_folder_argument_opens_that_journal(gui: list[dict[str, Any]],
                                                      tmp_path: Path) -> None:
    folder = tmp_path / "other journal"
    JournalService.open(folder).close()
    assert cli.main([str(folder)]) == 0
    assert gui == [{"journal": folder, "demo": False, "database": None, "open_file": None}]
    assert cli.main(["--journal", str(folder), str(folder)]) == 0  # the same folder twice: fine


def test_bad_files_reach_the_window_which_explains_them(gui: list[dict[str, Any]],
                                                        tmp_path: Path) -> None:
    # Started from a file manager there is no terminal: the window's message box says why.
    missing = tmp_path / "gone.json"
    assert cli.main([str(missing)]) == 0
    assert gui[-1]["open_file"] == str(missing)


def test_commands_and_option_values_are_not_files(gui: list[dict[str, Any]], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.route_file_argument(["search", "x"], {"search"}) == ["search", "x"]
    assert cli.route_file_argument(["--journal", "search", "a.json"], {"search"}) == [
        "--journal", "search", "--open", "a.json"]
    assert cli.route_file_argument(["-psn_0_12345", "a.json"], set()) == ["--open", "a.json"]
    assert cli.route_file_argument(["--", "search"], {"search"}) == ["--", "search"]
    assert cli.route_file_argument([], {"search"}) == []
    # A mistyped command is still refused as one, not opened as a file ...
    assert cli.route_file_argument(["serch", "x"], {"search"}) == ["serch", "x"]
    with pytest.raises(SystemExit):
        cli.main(["serch", "x"])
    assert "invalid choice: 'serch'" in capsys.readouterr().err
    # ... unless a file of that name is there.
    (tmp_path / "serch").write_text("{}")
    assert cli.route_file_argument([str(tmp_path / "serch")], {"search"})[0] == "--open"
    assert cli.main(["--open", "x.json", "ics", str(tmp_path / "d.ics")]) == 2
    assert "--open FILE opens the window" in capsys.readouterr().err


def test_two_journals_at_once_are_refused(gui: list[dict[str, Any]], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "j"
    JournalService.open(folder).close()
    assert cli.main(["--journal", str(tmp_path / "other"), str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Give the journal folder once" in err
    assert gui == []


WINDOW_STARTS = [[], ["--journal", "J"], ["--journal=J"], ["--demo"], ["--debug", "--demo"],
                 ["--journal", "J", "--encrypt", "--passphrase-file", "P"],
                 ["--database", "postgresql://u@h/db"], ["--open", "F"], ["--open=F", "--debug"]]
NOT_WINDOW_ONLY = [["search", "x"], ["--journal", "J", "check"], ["cases.json"], ["--help"],
                   ["-h"], ["--version"], ["--jour", "J"], ["--journal", "J", "extra"],
                   ["--install-desktop"], ["--demo", "--", "x"]]


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_window_starts_skip_the_commands_but_read_the_same(argv: list[str]) -> None:
    assert cli.window_only(argv)
    lean = vars(cli.global_parser().parse_args(argv))
    whole = vars(cli.build_parser().parse_args(argv))
    assert lean == whole and lean["command"] is None


@pytest.mark.parametrize("argv", NOT_WINDOW_ONLY)
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert not cli.window_only(argv)


def test_a_window_start_builds_no_command_parser(gui: list[dict[str, Any]], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def no_commands() -> Any:
        raise AssertionError("the commands' parser was built for a window start")

    monkeypatch.setattr(cli, "build_parser", no_commands)
    assert cli.main(["--journal", str(tmp_path / "j"), "--demo"]) == 0
    assert gui == [{"journal": tmp_path / "j", "demo": False, "database": None,
                    "open_file": None}]
    with pytest.raises(AssertionError):
        cli.main(["--journal", str(tmp_path / "j"), "check"])
