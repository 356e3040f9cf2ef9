"""Desktop integration: the launcher entry and icons in XDG_DATA_HOME (no Qt involved)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from headway_journal import APP_ID, APP_NAME, desktop

# update-desktop-database leaves its cache behind; it belongs to the folder, not to us.
CACHE_FILES = {"mimeinfo.cache"}


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def exec_argv(value: str) -> list[str]:
    """Split an Exec value as a launcher does (Desktop Entry spec, "The Exec key")."""
    # First the string-value escapes, then the Exec quoting: arguments are separated by spaces;
    # inside double quotes a backslash escapes the next character (one of " ` $ and backslash).
    text = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    args: list[str] = []
    current: str | None = None
    quoted = False
    chars = iter(text)
    for ch in chars:
        if quoted:
            if ch == '"':
                quoted = False
            else:
                current = (current or "") + (next(chars) if ch == "\\" else ch)
        elif ch == " ":
            if current is not None:
                args.append(current)
            current = None
        elif ch == '"':
            quoted, current = True, current or ""
        else:
            current = (current or "") + ch
    if current is not None:
        args.append(current)
    # A launcher started without a file drops the %f field code (an argument of its own).
    return [arg.replace("%%", "%") for arg in args if arg != "%f"]


def files_under(root: Path) -> set[Path]:
    """The files under ``root``, without the caches the desktop's tools make (the MIME
    database update-mime-database builds beside mime/packages/)."""
    mime = root / "mime"
    return {p for p in root.rglob("*") if p.is_file() and p.name not in CACHE_FILES
            and (not p.is_relative_to(mime) or p.is_relative_to(mime / "packages"))}


def test_install_writes_entry_with_absolute_exec_and_icons(tmp_path: Path) -> None:
    data = tmp_path / "share"
    written = desktop.install_desktop(data)

    entry_path = data / "applications" / f"{APP_ID}.desktop"
    assert entry_path in written
    assert all(p.is_file() for p in written)
    entry = read_entry(entry_path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["StartupWMClass"] == APP_ID

    program = Path(exec_argv(entry["Exec"])[0])
    assert program.is_absolute()
    assert program.is_file()
    assert os.access(program, os.X_OK)

    assert entry["Icon"] == APP_ID
    hicolor = data / "icons" / "hicolor"
    assert (hicolor / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = hicolor / f"{size}x{size}" / "apps" / f"{entry['Icon']}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png in written

    metainfo = data / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert metainfo in written
    assert metainfo.read_bytes() == desktop.metainfo_source_path().read_bytes()


def test_installed_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    desktop.install_desktop(tmp_path)
    result = subprocess.run(
        [validator, str(desktop.desktop_file_path(tmp_path))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # no warnings or hints either


def test_exec_path_with_spaces_and_specials_is_quoted(tmp_path: Path) -> None:
    odd_dir = tmp_path / "my apps" / "50% $off"
    odd_dir.mkdir(parents=True)
    script = odd_dir / 'headway "journal"'
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)

    desktop.install_desktop(tmp_path / "share", exec_path=str(script))
    entry_path = desktop.desktop_file_path(tmp_path / "share")
    assert exec_argv(read_entry(entry_path)["Exec"]) == [str(script)]
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        result = subprocess.run([validator, str(entry_path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_uninstall_removes_exactly_what_install_wrote(tmp_path: Path) -> None:
    data = tmp_path / "share"
    other_entry = data / "applications" / "org.example.Other.desktop"
    other_icon = data / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    for path in (other_entry, other_icon):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not ours")
    before = files_under(data)

    written = desktop.install_desktop(data)
    assert files_under(data) == before | set(written)

    removed = desktop.uninstall_desktop(data)
    assert sorted(removed) == sorted(written)
    assert files_under(data) == before
    assert desktop.uninstall_desktop(data) == []


def test_default_location_is_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    written = desktop.install_desktop()
    assert written
    assert all(p.is_relative_to(tmp_path / "xdg") for p in written)
    assert desktop.desktop_file_path().is_file()
    assert desktop.uninstall_desktop() != []


def test_frozen_bundle_uses_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert desktop.launcher_command() == [str(Path(sys.executable).absolute())]


def test_icon_path_picks_exact_or_next_larger_size() -> None:
    assert desktop.icon_path(48).parent.parent.name == "48x48"
    assert desktop.icon_path(40).parent.parent.name == "48x48"
    assert desktop.icon_path(4096).parent.parent.name == "512x512"
    assert desktop.icon_path(16).is_file()
    assert desktop.scalable_icon_path().is_file()


def test_desktop_module_does_not_load_qt() -> None:
    code = (
        "import sys, headway_journal.desktop as d; d.launcher_command(); d.icon_path(48); "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_refuses_default_location_where_desktop_entries_mean_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    with pytest.raises(RuntimeError, match="Linux"):
        desktop.install_desktop()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
@pytest.mark.parametrize("option", ["--install-desktop", "--uninstall-desktop"])
def test_cli_on_windows_and_macos_says_why_in_one_line(
    platform: str, option: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    from headway_journal import cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", platform)
    assert cli.main([option]) == cli.EXIT_BAD_INPUT
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip().splitlines() == [
        "headway-journal: error: Desktop entries are for Linux and BSD desktops (freedesktop.org)."
    ]
    assert not (tmp_path / "xdg").exists()


def test_cli_install_then_uninstall_lists_every_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    from headway_journal import cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert cli.main(["--install-desktop"]) == cli.EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert str(desktop.metainfo_path()) in lines
    assert lines[-1] == f"Installed the desktop entry, icons and AppStream metainfo ({len(lines) - 1} files)."
    assert cli.main(["--uninstall-desktop"]) == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[-1] == f"Removed {len(lines) - 1} files."
    assert files_under(tmp_path / "xdg") == set()


# --- the file types the app opens -----------------------------------------------------------------


def test_the_entry_registers_the_file_types_and_takes_a_file(tmp_path: Path) -> None:
    from headway_journal import documents

    entry = read_entry(desktop.install_desktop(tmp_path / "share", exec_path="/opt/hj/run")[-1])
    assert entry["Exec"] == "/opt/hj/run %f"
    assert tuple(entry["MimeType"].rstrip(";").split(";")) == documents.desktop_mime_types()


def test_the_mime_package_defines_our_own_types(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from headway_journal import documents

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(desktop.mime_package_source_path()).getroot()
    defined = {t.get("type") for t in root.findall("m:mime-type", ns)}
    assert defined == {t.mime for t in documents.FILE_TYPES if t.own_mime}
    written = desktop.install_desktop(tmp_path / "share")
    assert desktop.mime_package_path(tmp_path / "share") in written
    assert (tmp_path / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()


def test_the_desktop_recognises_an_export_by_its_content(tmp_path: Path) -> None:
    """update-mime-database builds the user's MIME database; Qt (as the desktop does) then
    tells an export from any other JSON file."""
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    from headway_journal.journal.interchange import export_journal
    from headway_journal.journal.service import JournalService

    data = tmp_path / "share"
    desktop.install_desktop(data)
    assert (data / "mime" / "mime.cache").is_file()
    with JournalService.open(tmp_path / "journal") as svc:
        export_journal(svc, tmp_path / "cases.json")
    (tmp_path / "other.json").write_text('{"format": "something else"}', encoding="utf-8")
    (tmp_path / "compact.json").write_text('{"format":"headway-journal","version":1}',
                                           encoding="utf-8")
    script = ("import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
              "db = QMimeDatabase()\n"
              "print(' '.join(db.mimeTypeForFile(f).name() for f in sys.argv[1:]))\n")
    env = {**os.environ, "XDG_DATA_HOME": str(data), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "cases.json"),
                          str(tmp_path / "other.json"), str(tmp_path / "compact.json")],
                         capture_output=True, text=True, env=env, timeout=120, check=True)
    assert out.stdout.split() == ["application/x-headway-journal-export", "application/json",
                                  "application/x-headway-journal-export"]


def test_software_centres_learn_the_file_types_too() -> None:
    import xml.etree.ElementTree as ET

    from headway_journal import documents

    root = ET.parse(desktop.metainfo_source_path()).getroot()
    listed = [m.text for m in root.findall("provides/mediatype")]
    assert listed == [t.mime for t in documents.FILE_TYPES]
