"""The Windows installer script (packaging/headway-journal.iss) stays in step with pyproject,
the PyInstaller spec and the file types the app opens. iscc cannot run here; CI's windows leg
builds it (tests/test_ci_workflow.py)."""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
import tomllib
import types
from pathlib import Path

import pytest

import headway_journal
from headway_journal import cli, documents

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "packaging" / "headway-journal.iss"


def load(name: str) -> types.ModuleType:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "packaging"))


def sections(text: str) -> dict[str, list[str]]:
    """[Section] -> its lines (comments and blank lines left out)."""
    out: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out[current] = []
        else:
            out[current].append(line)
    return out


def entry(line: str) -> dict[str, str]:
    """'Name: "x"; Flags: a b' -> {"Name": "x", "Flags": "a b"} (Inno's quoting: "" is ")."""
    fields: dict[str, str] = {}
    for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
        key, value = part
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[key] = value
    return fields


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return sections(ISS.read_text(encoding="utf-8"))


def test_the_committed_script_is_what_the_generator_writes() -> None:
    installer = load("installer")
    assert ISS.read_text(encoding="utf-8") == installer.inno_setup_script()
    assert installer.main(["--check"]) == 0


def test_setup_version_id_icon_and_a_per_user_install(iss: dict[str, list[str]]) -> None:
    setup = dict(line.split("=", 1) for line in iss["Setup"])
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert setup["AppVersion"] == version == headway_journal.__version__
    assert setup["AppId"] == headway_journal.APP_ID
    assert setup["AppName"] == headway_journal.APP_NAME
    assert setup["VersionInfoVersion"].startswith(version.split("rc")[0])
    assert setup["PrivilegesRequired"] == "lowest"  # no administrator needed
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    assert setup["ChangesAssociations"] == "yes"
    assert setup.get("Uninstallable", "yes") == "yes"  # Inno's default: an uninstaller
    assert setup["UninstallDisplayIcon"] == "{app}\\headway-journal.exe"
    source = (ISS.parent / setup["SourceDir"]).resolve()  # paths are relative to the repository
    assert source == ROOT
    icon = source / setup["SetupIconFile"].replace("\\", "/")
    assert icon.suffix == ".ico" and icon.is_file()
    assert setup["OutputBaseFilename"].startswith("headway-journal-")  # CI uploads headway-journal-*.*


def test_it_installs_the_spec_s_folder_with_a_start_menu_shortcut(iss: dict[str, list[str]]) -> None:
    [files] = [entry(line) for line in iss["Files"]]
    spec = (ROOT / "packaging" / "headway_journal.spec").read_text(encoding="utf-8")
    collect = re.search(r"COLLECT\(.*?name=\"([^\"]+)\"", spec, re.S)
    assert collect is not None
    assert files["Source"] == f"dist\\{collect.group(1)}\\*" and files["DestDir"] == "{app}"
    assert "recursesubdirs" in files["Flags"]
    icons = [entry(line) for line in iss["Icons"]]
    start_menu = next(i for i in icons if i["Name"].startswith("{autoprograms}"))
    assert start_menu["Filename"] == "{app}\\headway-journal.exe"
    assert start_menu["AppUserModelID"] == headway_journal.APP_ID
    desktop = next(i for i in icons if i["Name"].startswith("{autodesktop}"))
    assert desktop["Tasks"] == "desktopicon"  # optional, unchecked by default
    # The uninstaller never deletes the journal: no [UninstallDelete] of user data.
    assert "UninstallDelete" not in iss


def test_open_with_entries_for_every_file_type(iss: dict[str, list[str]]) -> None:
    registry = [entry(line) for line in iss["Registry"]]
    assert {r["Root"] for r in registry} == {"HKA"}  # HKCU for a per-user install
    for t in documents.FILE_TYPES:
        prog = f"HeadwayJournal.{t.kind.value.capitalize()}"
        command = next(r for r in registry
                       if r["Subkey"] == f"Software\\Classes\\{prog}\\shell\\open\\command")
        assert command["ValueData"] == '"{app}\\headway-journal.exe" "%1"'
        for ext in t.extensions:
            [listed] = [r for r in registry
                        if r["Subkey"] == f"Software\\Classes\\.{ext}\\OpenWithProgids"]
            assert listed["ValueName"] == prog and listed["Flags"] == "uninsdeletevalue"
            # never the extension's default program
            assert not any(r["Subkey"] == f"Software\\Classes\\.{ext}" for r in registry)
        owner = next(r for r in registry if r["Subkey"] == f"Software\\Classes\\{prog}")
        assert owner["Flags"] == "uninsdeletekey"


def test_explorer_s_command_line_reaches_the_window(tmp_path: Path) -> None:
    """Explorer runs: headway-journal.exe "C:\\Users\\me\\cases.json"."""
    line = '"C:\\Program Files\\hj\\headway-journal.exe" "C:\\Users\\me\\Downloads\\cases.json"'
    argv = shlex.split(line.replace("\\", "/"))[1:]
    assert cli.route_file_argument(argv, {"import"}) == ["--open", argv[0]]
    assert cli.route_file_argument(["C:\\Users\\me\\x.sqlite3"], {"import"})[0] == "--open"
