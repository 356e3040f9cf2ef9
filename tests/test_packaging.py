"""The PyInstaller spec on every system, the bundle icons and the package data.

Only the Linux bundle can be built here, so the spec is run with PyInstaller's building blocks
replaced by recorders and `sys.platform` set to each system: what it would hand PyInstaller on
Windows and macOS is checked without building.
"""

from __future__ import annotations

import ast
import importlib.util
import plistlib
import shutil
import subprocess
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import headway_journal
from headway_journal import desktop

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "headway_journal.spec"
PKG = ROOT / "headway_journal"


def load_bundle_meta() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_meta", ROOT / "packaging/bundle_meta.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorder:
    """Stands in for Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps its arguments."""

    calls: dict[str, Recorder]

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.binaries: list[tuple[str, str, str]] = []
        self.datas = [(Path(src).name, src, "DATA") for src, _ in kwargs.get("datas", [])]
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        Recorder.calls[kind] = self


def run_spec(platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda name: []  # type: ignore[attr-defined]
    hooks.collect_submodules = lambda name: []  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda path: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec inserts packaging/
    monkeypatch.delitem(sys.modules, "bundle_meta", raising=False)
    Recorder.calls = {}
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "workpath": str(tmp_path / "w")}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = lambda *a, _kind=kind, **k: Recorder(_kind, *a, **k)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return Recorder.calls


def test_spec_is_valid_python_and_names_both_icons() -> None:
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)
    meta = load_bundle_meta()
    assert meta.icon_for("win32") == str(meta.ICO)
    assert meta.icon_for("darwin") == str(meta.ICNS)
    assert meta.icon_for("linux") is None
    assert "BUNDLE(" in text and "bundle_identifier=bundle_meta.APP_ID" in text


def test_windows_leg_one_folder_with_ico_and_version_resource(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = run_spec("win32", tmp_path, monkeypatch)
    assert "BUNDLE" not in calls
    exe = calls["EXE"].kwargs
    assert exe["exclude_binaries"] is True  # one folder, gathered by COLLECT
    assert Path(exe["icon"]).suffix == ".ico" and Path(exe["icon"]).is_file()
    version_file = Path(exe["version"])
    text = version_file.read_text(encoding="utf-8")
    version = headway_journal.__version__
    major, minor, patch = (int(n) for n in version.split("."))
    assert f"filevers=({major}, {minor}, {patch}, 0)" in text
    assert f"StringStruct('ProductVersion', '{version}')" in text
    assert "'OriginalFilename', 'headway-journal.exe'" in text
    ast.parse(text)  # PyInstaller evaluates it as a Python expression
    assert calls["COLLECT"].kwargs["strip"] is False


def test_macos_leg_app_bundle_with_icns_id_and_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = run_spec("darwin", tmp_path, monkeypatch)
    bundle = calls["BUNDLE"]
    assert bundle.args == (calls["COLLECT"],)
    kwargs = bundle.kwargs
    assert kwargs["name"] == "Headway Journal.app"
    assert Path(kwargs["icon"]).suffix == ".icns" and Path(kwargs["icon"]).is_file()
    assert kwargs["bundle_identifier"] == headway_journal.APP_ID
    assert kwargs["version"] == headway_journal.__version__
    plist = kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == headway_journal.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert Path(calls["EXE"].kwargs["icon"]).suffix == ".icns"
    # The files the app opens (QFileOpenEvent), never as the default for all JSON/SQLite files.
    doc_types = plist["CFBundleDocumentTypes"]
    assert [d["LSItemContentTypes"] for d in doc_types] == [
        ["public.json"], ["org.sqlite.sqlite3"], ["public.folder"]]
    assert {d["LSHandlerRank"] for d in doc_types} == {"Alternate"}
    assert {d["CFBundleTypeRole"] for d in doc_types} == {"Viewer"}
    [sqlite] = plist["UTImportedTypeDeclarations"]
    assert sqlite["UTTypeIdentifier"] == "org.sqlite.sqlite3"
    assert sqlite["UTTypeTagSpecification"]["public.filename-extension"] == ["sqlite3"]
    declared = {d["UTTypeIdentifier"] for d in plist["UTImportedTypeDeclarations"]}
    system_types = {"public.json", "public.folder"}
    assert {t for d in doc_types for t in d["LSItemContentTypes"]} <= declared | system_types
    plistlib.dumps(plist)  # what BUNDLE writes: every value is a plist type


def test_linux_leg_unchanged_no_icon_stripped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = run_spec("linux", tmp_path, monkeypatch)
    assert "BUNDLE" not in calls
    assert calls["EXE"].kwargs["icon"] is None and calls["EXE"].kwargs["version"] is None
    assert calls["COLLECT"].kwargs["strip"] is True
    dests = {(Path(src).name, dest) for src, dest in calls["Analysis"].kwargs["datas"]}
    for name in (desktop.METAINFO, desktop.DESKTOP_TEMPLATE):
        assert (name, "headway_journal/resources") in dests


def test_version_is_set_once_in_pyproject() -> None:
    meta = load_bundle_meta()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta.version() == pyproject["project"]["version"] == headway_journal.__version__
    assert meta.APP_ID == headway_journal.APP_ID
    assert meta.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert meta.version_tuple("2.0rc1") == (2, 0, 0, 0)
    assert meta.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)


def test_bundle_icons_hold_every_size() -> None:
    meta = load_bundle_meta()
    with Image.open(meta.ICO) as ico:
        assert ico.format == "ICO"
        assert {16, 32, 48, 256} <= {w for w, _ in ico.info["sizes"]}
    with Image.open(meta.ICNS) as icns:
        assert icns.format == "ICNS"
        assert icns.size == (1024, 1024)
        assert {16, 32, 128, 256, 512} <= {w for w, _, _ in icns.info["sizes"]}


def test_no_symlinks_in_the_repository() -> None:
    """A symlink checks out as a small text file on Windows."""
    listing = subprocess.run(["git", "ls-files", "-s"], cwd=ROOT, capture_output=True,
                             text=True, check=False) if shutil.which("git") else None
    if listing is not None and listing.returncode == 0:
        links = [line.split("\t", 1)[1] for line in listing.stdout.splitlines()
                 if line.startswith("120000 ")]
        assert listing.stdout  # the listing worked, so an empty result means something
    else:  # not a git checkout (an unpacked source archive): the files themselves
        skip = {".git", ".venv", "build", "dist"}
        links = [str(p) for p in ROOT.rglob("*")
                 if p.is_symlink() and not skip & set(p.relative_to(ROOT).parts)]
    assert links == []
    assert (ROOT / "resources").is_dir()


def test_package_data_covers_every_resource_file() -> None:
    """Every file the app reads at run time is matched by pyproject's package-data (so pip and
    the wheel ship it), and the files desktop.py installs are all there."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["headway_journal"]
    shipped = {p for pattern in patterns for p in PKG.glob(pattern) if p.is_file()}
    resources = {p for p in (PKG / "resources").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert resources - shipped == set()
    needed = {desktop.metainfo_source_path(), desktop.mime_package_source_path(),
              desktop.scalable_icon_path(),
              desktop.resources_dir() / desktop.DESKTOP_TEMPLATE}
    needed |= {desktop.icon_path(size) for size in (16, 24, 32, 48, 64, 128, 256, 512)}
    assert needed <= resources
    # The top-level resources/ holds only what the package does not ship: no second copy.
    package_names = {p.name for p in resources}
    top = {p.name for p in (ROOT / "resources").iterdir()}
    assert top & package_names == set()


def test_windows_version_file_loads_in_pyinstaller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller's own reader turns the file into the resource Windows shows."""
    pytest.importorskip("PyInstaller")
    import PyInstaller.compat

    # pefile and win32api are only needed to write the resource into an .exe on Windows.
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    meta = load_bundle_meta()
    path = tmp_path / "version_info.txt"
    path.write_text(meta.windows_version_info("1.2.3"), encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    raw = info.toRaw()
    assert "1.2.3".encode("utf-16-le") in raw
    assert "headway-journal.exe".encode("utf-16-le") in raw
    assert info.ffi.fileVersionMS == (1 << 16) | 2 and info.ffi.fileVersionLS == 3 << 16
