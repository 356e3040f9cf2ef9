"""QSettings helpers: window geometry, splitter state and small view preferences.

Preferences that belong to the window (not to the journal) live in Qt's settings file:
``$XDG_CONFIG_HOME/HeadwayJournal/Headway Journal.conf`` on Linux. Journal-wide settings
(holiday calendar, profile) are stored in the journal itself through the service.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from ..journal.folder_safety import make_private

ORGANIZATION = "HeadwayJournal"
APPLICATION = "Headway Journal"

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_SPLITTER_PREFIX = "window/splitter/"
KEY_NEWEST_FIRST = "view/newest_first"
KEY_VIEW = "view/saved_view"
KEY_SORT = "view/sort"
KEY_LAST_ICS_FOLDER = "export/last_ics_folder"
KEY_LAST_BACKUP_FOLDER = "backup/last_folder"


def app_settings() -> QSettings:
    """The per-user settings (never the journal's)."""
    return QSettings(ORGANIZATION, APPLICATION)


def get_bool(key: str, default: bool) -> bool:
    value = app_settings().value(key, default)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(value, int):
        return bool(value)
    return default


def get_str(key: str, default: str = "") -> str:
    value = app_settings().value(key, default)
    return value if isinstance(value, str) else default


def _sync(s: QSettings) -> None:
    """Write the file, 0600 (it names the folders the user saves to; Qt keeps the mode of an
    existing file when it writes it again)."""
    s.sync()
    make_private(Path(s.fileName()))


def _stored(s: QSettings, key: str, value: bool | str | int) -> bool:
    """Whether ``key`` already holds ``value`` (as read back from the file)."""
    if not s.contains(key):
        return False
    current = s.value(key)
    if isinstance(value, bool):
        return isinstance(current, bool | int | str) and (
            str(current).strip().lower() in (("true", "1") if value else ("false", "0")))
    return isinstance(current, bool | int | str) and str(current) == str(value)


def set_value(key: str, value: bool | str | int) -> None:
    """Store ``value`` and write the file; nothing is written when it holds it already (the
    window applies its stored settings this way at start-up, before its first paint)."""
    s = app_settings()
    if _stored(s, key, value):
        return
    s.setValue(key, value)
    _sync(s)


def save_window(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Remember the window's geometry, toolbar state and every splitter's sizes."""
    s = app_settings()
    s.setValue(KEY_GEOMETRY, window.saveGeometry())
    s.setValue(KEY_STATE, window.saveState())
    for name, splitter in splitters.items():
        s.setValue(KEY_SPLITTER_PREFIX + name, splitter.saveState())
    _sync(s)


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, (bytes, bytearray)) and value:
        return QByteArray(bytes(value))
    return None


def restore_window(window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    """Restore what save_window stored. False when there was no saved geometry."""
    s = app_settings()
    geometry = _bytes(s.value(KEY_GEOMETRY))
    restored = bool(geometry is not None and window.restoreGeometry(geometry))
    state = _bytes(s.value(KEY_STATE))
    if state is not None:
        window.restoreState(state)
    for name, splitter in splitters.items():
        data = _bytes(s.value(KEY_SPLITTER_PREFIX + name))
        if data is not None:
            splitter.restoreState(data)
    return restored
