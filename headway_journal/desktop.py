"""Desktop integration on Linux: the .desktop launcher entry, the hicolor icons, the AppStream
metainfo and the file types the app opens.

`install_desktop()` writes <XDG_DATA_HOME>/applications/<APP_ID>.desktop, with Exec set to the
absolute path of the installed launcher script followed by ``%f`` (a file opened with the app)
and MimeType= from ``documents.desktop_mime_types()``, copies the app icon into
<XDG_DATA_HOME>/icons/hicolor/, the AppStream metadata (what software centres show) into
<XDG_DATA_HOME>/metainfo/ and the export's MIME type (shared-mime-info) into
<XDG_DATA_HOME>/mime/packages/. `uninstall_desktop()` removes exactly those files.

This module must not import Qt: the command line (`--install-desktop`) runs without it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import platformdirs

from headway_journal import APP_ID, platform
from headway_journal.journal.fsutil import write_atomic

DESKTOP_TEMPLATE = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"
MIME_PACKAGE = f"{APP_ID}.mime.xml"  # installed as mime/packages/<APP_ID>.xml
SCRIPT_NAMES = ("headway-journal-gui", "headway-journal")
_EXEC_PLACEHOLDER = "@EXEC@"
# Characters that force an Exec argument to be quoted (Desktop Entry spec, "The Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def resources_dir() -> Path:
    """The package's resources folder (icons, the .desktop template, the metainfo) on disk."""
    res = files("headway_journal") / "resources"
    if isinstance(res, Path):
        return res
    # A zipped install or a frozen bundle whose loader hands out non-path traversables:
    # fall back to the folder next to this module, where the data files are laid out.
    return Path(__file__).resolve().parent / "resources"


def _hicolor_source() -> Path:
    return resources_dir() / "icons" / "hicolor"


def icon_sizes() -> list[int]:
    """The PNG sizes shipped with the package, smallest first."""
    sizes = []
    for entry in _hicolor_source().iterdir():
        width, _, height = entry.name.partition("x")
        if width.isdigit() and width == height and (entry / "apps" / f"{APP_ID}.png").is_file():
            sizes.append(int(width))
    return sorted(sizes)


def icon_path(size: int) -> Path:
    """The shipped PNG for `size` pixels: the exact size, else the next larger, else the largest."""
    sizes = icon_sizes()
    if not sizes:
        raise FileNotFoundError(f"no icons under {_hicolor_source()}")
    chosen = next((s for s in sizes if s >= size), sizes[-1])
    return _hicolor_source() / f"{chosen}x{chosen}" / "apps" / f"{APP_ID}.png"


def scalable_icon_path() -> Path:
    """The SVG app icon."""
    return resources_dir() / "icons" / f"{APP_ID}.svg"


def xdg_data_home(data_home: Path | None = None) -> Path:
    """XDG_DATA_HOME (normally ~/.local/share), or `data_home` when given.

    Raises RuntimeError on Windows and macOS, which do not read .desktop files.
    """
    if data_home is not None:
        return Path(data_home)
    if not platform.uses_desktop_entries():
        raise RuntimeError("Desktop entries are for Linux and BSD desktops (freedesktop.org).")
    return Path(platformdirs.user_data_dir())


def metainfo_source_path() -> Path:
    """The AppStream metainfo file shipped with the package."""
    return resources_dir() / METAINFO


def metainfo_path(data_home: Path | None = None) -> Path:
    """Where install_desktop() puts the AppStream metainfo file."""
    return xdg_data_home(data_home) / "metainfo" / METAINFO


def mime_package_source_path() -> Path:
    """The shared-mime-info package shipped with the package (the export's MIME type)."""
    return resources_dir() / MIME_PACKAGE


def mime_package_path(data_home: Path | None = None) -> Path:
    """Where install_desktop() puts the shared-mime-info package."""
    return xdg_data_home(data_home) / "mime" / "packages" / f"{APP_ID}.xml"


def _targets(base: Path) -> list[tuple[Path, Path]]:
    """(source, destination) for every file install copies as is (icons, metainfo, MIME)."""
    hicolor = base / "icons" / "hicolor"
    pairs = [(metainfo_source_path(), metainfo_path(base)),
             (mime_package_source_path(), mime_package_path(base))]
    pairs.append((scalable_icon_path(), hicolor / "scalable" / "apps" / f"{APP_ID}.svg"))
    for size in icon_sizes():
        pairs.append((icon_path(size), hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    return pairs


def desktop_file_path(data_home: Path | None = None) -> Path:
    """Where install_desktop() puts the launcher entry."""
    return xdg_data_home(data_home) / "applications" / DESKTOP_TEMPLATE


def launcher_command() -> list[str]:
    """The absolute command line that starts the GUI, for the Exec key.

    In order: a frozen bundle's executable; the script this process was started as; the
    scripts next to the running interpreter (the virtualenv's bin folder); the scripts on PATH;
    last, the interpreter itself with `-m headway_journal`.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    candidates: list[Path] = []
    if sys.argv and sys.argv[0]:
        argv0 = Path(sys.argv[0])
        if argv0.name in SCRIPT_NAMES:
            candidates.append(argv0)
    bindir = Path(sys.executable).parent
    candidates += [bindir / name for name in SCRIPT_NAMES]
    candidates += [Path(found) for name in SCRIPT_NAMES if (found := shutil.which(name))]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            # absolute() rather than resolve(): keep the venv's own path, not its symlink target.
            return [str(candidate.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "headway_journal"]


def _quote_exec_arg(arg: str) -> str:
    """Quote one Exec argument per the Desktop Entry spec, then escape it as a string value."""
    if any(ch in _EXEC_RESERVED for ch in arg):
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        arg = f'"{inner}"'
    # The Exec value is itself a "string" key: backslashes are doubled again, and a literal
    # percent sign is written %% (field codes start with %).
    return arg.replace("\\", "\\\\").replace("%", "%%")


def exec_line(command: list[str]) -> str:
    return " ".join(_quote_exec_arg(arg) for arg in command)


def render_desktop_entry(command: list[str]) -> str:
    template = (resources_dir() / DESKTOP_TEMPLATE).read_text(encoding="utf-8")
    return template.replace(_EXEC_PLACEHOLDER, exec_line(command))


def _write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, mode)


def _refresh_caches(base: Path) -> None:
    """Tell desktop environments about the change; every tool is optional."""
    commands: list[list[str]] = []
    applications = base / "applications"
    if applications.is_dir() and shutil.which("update-desktop-database"):
        commands.append(["update-desktop-database", "--quiet", str(applications)])
    hicolor = base / "icons" / "hicolor"
    # Without index.theme the tool refuses (as it should: a user-level hicolor folder normally
    # has no cache, and a stale cache would hide later icons). Same rule as xdg-icon-resource.
    if (hicolor / "index.theme").is_file() and shutil.which("gtk-update-icon-cache"):
        commands.append(["gtk-update-icon-cache", "--quiet", str(hicolor)])
    mime = base / "mime"
    if (mime / "packages").is_dir() and shutil.which("update-mime-database"):
        commands.append(["update-mime-database", str(mime)])
    for command in commands:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(command, check=False, timeout=30, capture_output=True)


def install_desktop(data_home: Path | None = None, exec_path: str | None = None) -> list[Path]:
    """Install the launcher entry, icons and metainfo for the current user; return the files
    written.

    `data_home` defaults to XDG_DATA_HOME (~/.local/share). `exec_path` overrides the program
    the entry starts; it is made absolute.
    """
    base = xdg_data_home(data_home)
    command = [str(Path(exec_path).absolute())] if exec_path else launcher_command()
    written: list[Path] = []
    for source, destination in _targets(base):
        _write_atomic(destination, source.read_bytes())
        written.append(destination)
    entry = desktop_file_path(base)
    _write_atomic(entry, render_desktop_entry(command).encode("utf-8"))
    written.append(entry)
    _refresh_caches(base)
    return written


def uninstall_desktop(data_home: Path | None = None) -> list[Path]:
    """Remove the files install_desktop() puts in place; return those that were removed."""
    base = xdg_data_home(data_home)
    removed: list[Path] = []
    for path in [desktop_file_path(base), *(dest for _, dest in _targets(base))]:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    if removed:
        _refresh_caches(base)
    return removed

