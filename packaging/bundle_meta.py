"""What the PyInstaller spec needs to know about the app on each system: the version from
pyproject.toml, the icons, the Windows version resource and the macOS Info.plist entries.

Plain Python (no PyInstaller import), so tests on Linux check what the Windows and macOS legs
of `headway_journal.spec` will use.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the app's own list of file types (headway_journal.documents)
    sys.path.insert(0, str(ROOT))

from headway_journal import documents  # noqa: E402 (found through the lines above)

APP_ID = "co.headwayjournal.HeadwayJournal"  # = headway_journal.APP_ID (a test checks)
APP_NAME = "Headway Journal"
EXE_NAME = "headway-journal"
ICONS = ROOT / "resources"
ICO = ICONS / "headway-journal.ico"
ICNS = ICONS / "headway-journal.icns"
PNG = ROOT / "headway_journal/resources/icons/hicolor/256x256/apps" / f"{APP_ID}.png"


def version() -> str:
    """The version in pyproject.toml: the single place it is set."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """'1.2.3' (or '1.2.3rc1', '1.2') as the four numbers Windows wants: (1, 2, 3, 0)."""
    numbers = [0, 0, 0, 0]
    for index, part in enumerate(text.split(".")[:4]):
        digits = re.match(r"\d+", part)
        numbers[index] = int(digits.group()) if digits else 0
    return numbers[0], numbers[1], numbers[2], numbers[3]


def icon_for(platform: str) -> str | None:
    """The executable's icon: .ico on Windows, .icns on macOS, none on Linux (the desktop
    entry names the icon there)."""
    if platform == "win32":
        return str(ICO)
    if platform == "darwin":
        return str(ICNS)
    return None


def windows_version_info(text: str) -> str:
    """The version resource (Explorer's Properties > Details) in PyInstaller's version-file
    syntax, for EXE(version=<file>)."""
    nums = version_tuple(text)
    strings = {
        "CompanyName": "Headway Journal developers",
        "FileDescription": APP_NAME,
        "FileVersion": text,
        "InternalName": EXE_NAME,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{EXE_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": text,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


# SQLite has no system-declared type on macOS: declared here as imported (not ours to own).
SQLITE_TYPE = {
    "UTTypeIdentifier": "org.sqlite.sqlite3",
    "UTTypeDescription": "SQLite database",
    "UTTypeConformsTo": ["public.database", "public.data"],
    "UTTypeTagSpecification": {"public.filename-extension": ["sqlite3"],
                               "public.mime-type": ["application/vnd.sqlite3"]},
}


def mac_document_types() -> list[dict[str, object]]:
    """CFBundleDocumentTypes: what the Finder may open with the app (``headway_journal.documents``
    the one list). Rank "Alternate": offered under Open With, never made the default for all
    JSON or SQLite files; the app tells its own files apart by content (QFileOpenEvent). A
    journal folder (public.folder) opens when dropped on the Dock icon."""
    types: list[dict[str, object]] = [
        {"CFBundleTypeName": t.description, "CFBundleTypeRole": "Viewer",
         "LSHandlerRank": "Alternate", "LSItemContentTypes": [t.uti]}
        for t in documents.FILE_TYPES]
    types.append({"CFBundleTypeName": "Headway Journal folder", "CFBundleTypeRole": "Viewer",
                  "LSHandlerRank": "Alternate", "LSItemContentTypes": ["public.folder"]})
    return types


def mac_info_plist(text: str) -> dict[str, object]:
    """Info.plist entries for BUNDLE(info_plist=...), with the document types the app opens.
    No UTExportedTypeDeclarations: the app defines no file type of its own extension (its
    exports are .json, its backups .sqlite3); the SQLite type is imported."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": text,
        "CFBundleVersion": text,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "MIT License",
        "CFBundleDocumentTypes": mac_document_types(),
        "UTImportedTypeDeclarations": [SQLITE_TYPE],
    }
