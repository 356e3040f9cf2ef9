"""Files in and out: the file picker that attaches, checked copies saved elsewhere, and
read-only copies opened with the system viewer.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ... import platform
from ...journal import view_copies
from ...journal.exhibits import safe_display_name
from ...journal.filenames import portable_name, unique_name
from ...journal.folder_safety import create_private
from ...journal.records import AttachmentView
from ...journal.safe_echo import window_text
from ...journal.service import ServiceError
from ..translated import QT_TRANSLATE_NOOP, TranslatedTexts
from .controller import AttachmentController
from .describe import quoted_name

if TYPE_CHECKING:  # pragma: no cover
    from ...journal.service import JournalService

__all__ = [
    "ExportError",
    "export_copy",
    "export_file_name",
    "open_in_system_viewer",
    "pick_and_attach",
    "save_copy_as",
    "viewer_copy",
]


SETTINGS_ORGANIZATION = "HeadwayJournal"  # same file as ui.settings.app_settings()
SETTINGS_APPLICATION = "Headway Journal"
KEY_LAST_ATTACH_FOLDER = "attachments/last_folder"
KEY_LAST_SAVE_FOLDER = "attachments/last_save_folder"

OPEN_FILTERS = TranslatedTexts("files", (
    QT_TRANSLATE_NOOP("files", "All files (*)"),
    QT_TRANSLATE_NOOP("files", "Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff *.heic "
                               "*.heif *.avif)"),
    QT_TRANSLATE_NOOP("files", "PDF documents (*.pdf)"),
))


def _settings() -> QSettings:
    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


# =========================================================================== picker


def _existing_folder(value: object, fallback: QStandardPaths.StandardLocation) -> str:
    if isinstance(value, str) and value and os.path.isdir(value):
        return value
    found = QStandardPaths.writableLocation(fallback)
    return found if found and os.path.isdir(found) else str(Path.home())


def pick_and_attach(parent: QWidget | None, controller: AttachmentController,
                    case_id: int | None, contact_id: int | None = None) -> int:
    """Ask for one or more files and attach them. Returns how many were queued."""
    if case_id is None:
        controller.failed.emit(QCoreApplication.translate("files", "Choose or create a case first; "
                                                                   "nothing was attached."))
        return 0
    settings = _settings()
    folder = _existing_folder(settings.value(KEY_LAST_ATTACH_FOLDER, ""),
                              QStandardPaths.StandardLocation.PicturesLocation)
    paths, _selected = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("files", "Attach files"), folder, ";;".join(OPEN_FILTERS))
    if not paths:
        return 0
    settings.setValue(KEY_LAST_ATTACH_FOLDER, str(Path(paths[0]).parent))
    settings.sync()
    return controller.attach_paths(case_id, [Path(p) for p in paths], contact_id=contact_id)


# =========================================================================== exporting

# Media type (from content) -> extension used for copies; aliases that may be kept.
_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    "image/bmp": (".bmp", ".dib"),
    "image/tiff": (".tif", ".tiff"),
    "image/heic": (".heic",),
    "image/heif": (".heif", ".heic"),
    "image/avif": (".avif",),
    "application/pdf": (".pdf",),
    "application/rtf": (".rtf",),
    "application/zip": (".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub"),
    "text/plain": (".txt", ".text", ".log", ".csv", ".tsv", ".md", ".eml", ".json", ".xml"),
    "text/html": (".html", ".htm"),
    "video/mp4": (".mp4", ".m4v", ".m4a"),
    "video/quicktime": (".mov",),
    "video/webm": (".webm",),
    "video/x-matroska": (".mkv", ".mka"),
    "video/x-msvideo": (".avi",),
    "video/3gpp": (".3gp",),
    "video/3gpp2": (".3g2",),
}
class ExportError(Exception):
    """A copy could not be made. ``str(e)`` is one sentence for the user."""


def _fs_safe(name: str) -> str:
    return portable_name(safe_display_name(name), fallback="exhibit")


def export_file_name(view: AttachmentView) -> str:
    """A file name for a copy of the exhibit: the original name made safe for any file system,
    with an extension that matches the content (so a viewer never misreads it)."""
    name = _fs_safe(view.original_name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    ext = ("." + ext.lower()) if ext else ""
    allowed = _EXTENSIONS.get(view.media_type)
    if allowed is not None and ext not in allowed:
        stem, ext = name, allowed[0]  # "receipt.pdf" that is really a PNG -> "receipt.pdf.png"
    elif allowed is not None:
        ext = name[len(stem):]  # keep the user's spelling (".JPG")
    else:
        stem, ext = name, ""
    return portable_name(stem + ext, fallback="exhibit")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def export_copy(service: JournalService, attachment_id: int, target: Path, *,
                read_only: bool = False) -> Path:
    """Copy the stored exhibit to ``target`` (atomically, checked against its SHA-256).

    The stored file is only read. Raises ExportError with a sentence for the user.
    """
    view = service.attachment(attachment_id)
    quoted = quoted_name(view.original_name)
    problem = service.store.verify(view.sha256, view.size)
    if problem is not None:
        raise ExportError(QCoreApplication.translate("files", "The journal's copy of {quoted} is "
                                                              "{problem}, so no copy was made; run "
                                                              "a journal check to see what "
                                                              "happened.").format(
                                                                  quoted=quoted, problem=problem))
    target = Path(target)
    tmp = target.with_name(f".{uuid.uuid4().hex}.part")
    try:
        with service.store.open_plain(view.sha256) as src, \
                os.fdopen(create_private(tmp), "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        if _sha256_file(tmp) != view.sha256:
            raise ExportError(QCoreApplication.translate("files", "The copy of {quoted} did not "
                                                                  "match the original, so it was "
                                                                  "deleted; try another folder or "
                                                                  "drive.").format(quoted=quoted))
        if read_only:
            os.chmod(tmp, stat.S_IRUSR)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(QCoreApplication.translate("files", "{quoted} could not be copied to "
                                                              "“{parent}” ({value}).").format(
                                                                  quoted=quoted,
                                                                  parent=target.parent,
                                                                  value=exc.strerror or type(exc).__name__)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def save_copy_as(service: JournalService, attachment_id: int,
                 parent: QWidget | None = None) -> Path | None:
    """Ask where to save a copy and write it (checked). None if cancelled or failed."""
    view = service.attachment(attachment_id)
    settings = _settings()
    folder = _existing_folder(settings.value(KEY_LAST_SAVE_FOLDER, ""),
                              QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _selected = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("files", "Save a copy of the exhibit"),
        str(Path(folder) / unique_name(Path(folder), export_file_name(view))))
    if not chosen:
        return None
    target = Path(chosen)
    try:
        if target.resolve() == service.store.path_for(view.sha256).resolve():
            raise ExportError(QCoreApplication.translate("files", "That is the journal's own copy; "
                                                                  "choose another place."))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_copy(service, attachment_id, target)
        finally:
            QApplication.restoreOverrideCursor()
    except (ExportError, ServiceError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("files", "Save a copy"), window_text(str(exc)))
        return None
    settings.setValue(KEY_LAST_SAVE_FOLDER, str(target.parent))
    settings.sync()
    return target


def viewer_copy(service: JournalService, attachment_id: int) -> Path:
    """A read-only copy of the exhibit in a private temp folder (what the system viewer gets),
    removed when the app quits (``journal.view_copies``).

    Raises ExportError, e.g. for files whose type is not recognised (opening those with
    "whatever the desktop picks" could run them).
    """
    view = service.attachment(attachment_id)
    if view.media_type not in _EXTENSIONS:
        raise ExportError(QCoreApplication.translate("files", "{quoted_name} is not a type this "
                                                              "app recognises, so it is not opened "
                                                              "automatically; use “Save a copy "
                                                              "as…” and open the copy "
                                                              "yourself.").format(
                                                                  quoted_name=quoted_name(view.original_name)))
    view_copies.sweep()  # copies of runs that ended without removing theirs
    folder = view_copies.new_view_folder()  # private, removed when this run quits
    return export_copy(service, attachment_id, folder / export_file_name(view), read_only=True)


def open_in_system_viewer(service: JournalService, attachment_id: int,
                          parent: QWidget | None = None) -> Path | None:
    """Open a read-only temporary copy with the desktop's viewer; the evidence is untouched."""
    try:
        copy = viewer_copy(service, attachment_id)
    except (ExportError, ServiceError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("files", "Open with system "
                                                                        "viewer"), window_text(str(exc)))
        return None
    if not platform.open_in_viewer(Path(copy)):
        QMessageBox.warning(parent, QCoreApplication.translate("files", "Open with system viewer"),
                            QCoreApplication.translate("files", "No application on this computer "
                                                                "opens this kind of file; "
                            "use \u201cSave a copy as\u2026\u201d instead."))
        return None
    return copy

