"""A journal in a folder a cloud service syncs (macOS, Windows' OneDrive): marked not to sync
where the system allows it, and said once.

iCloud Drive (~/Library/Mobile Documents), the Desktop and Documents folders (synced when
iCloud's "Desktop & Documents Folders" is on) and ~/Library/CloudStorage (Dropbox, OneDrive,
Google Drive), and OneDrive on Windows, copy files while the app writes them: a database synced mid-write can come back
damaged or in two versions, and the cases leave the computer. When the open journal is in one of
them, ``platform.mark_not_synced`` asks iCloud not to sync its folder (at every open: cheap and
idempotent), and one warning says why and what to do, once per folder (remembered in the
window's settings). Elsewhere, and on Linux, nothing happens.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from .. import platform
from ..journal.db import default_journal_dir
from . import settings as st

if TYPE_CHECKING:
    from .main_window.window import MainWindow

__all__ = ["warn_if_cloud_synced"]

KEY_PREFIX = "cloud/warned/"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CloudNotice", text)


def _where(place: platform.SyncedPlace) -> str:
    return {
        platform.SyncedPlace.ICLOUD_DRIVE: _tr("iCloud Drive"),
        platform.SyncedPlace.DESKTOP: _tr("the Desktop folder, which iCloud syncs when "
                                          "\u201cDesktop & Documents Folders\u201d is on"),
        platform.SyncedPlace.DOCUMENTS: _tr("the Documents folder, which iCloud syncs when "
                                            "\u201cDesktop & Documents Folders\u201d is on"),
        platform.SyncedPlace.CLOUD_STORAGE: _tr("a cloud storage folder (Dropbox, OneDrive, "
                                                "Google Drive)"),
        platform.SyncedPlace.ONEDRIVE: _tr("OneDrive (Windows may back up Desktop and Documents "
                                           "there)"),
    }[place]


def warn_if_cloud_synced(w: MainWindow) -> str | None:
    """Mark the open journal's folder not to sync and warn once, when a cloud service may sync
    it; returns the warning shown (None when none was)."""
    service = w.service
    if service.journal.kind != "sqlite":
        return None
    folder = service.folder
    place = platform.cloud_synced_place(folder)
    if place is None:
        return None
    marked = platform.mark_not_synced(folder)
    key = KEY_PREFIX + hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    if st.get_bool(key, False):
        return None
    asked = (_tr("Headway Journal has asked iCloud not to sync this folder.") if marked else
             _tr("Headway Journal could not ask the system not to sync this folder."))
    text = _tr("Your journal is in {folder}, inside {where}.\n\nA journal that is synced while "
               "it is open can come back damaged or in two versions, and your cases are then "
               "copied off this computer. {asked} To be safe, quit, move the journal folder to "
               "{default} (where nothing syncs it) and start Headway Journal again.").format(
                   folder=folder, where=_where(place), asked=asked,
                   default=default_journal_dir())
    QMessageBox.warning(w, _tr("Journal in a synced folder"), text)
    st.set_value(key, True)
    return text
