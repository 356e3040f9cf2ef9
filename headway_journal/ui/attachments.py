"""Attaching exhibits (screenshots, receipts, letters) from the GUI, and the Exhibits tab.

Everything here talks to the journal through ``JournalService`` only. Stored exhibits are
never opened for writing: "Open with the system viewer" opens a read-only *copy*, and
"Save a copy as…" writes a new file and checks its SHA-256 against the stored one.

API for the integrator
======================

One controller per place that shows feedback (the main window, the contact dialog)::

    controller = AttachmentController(service, parent_widget)
    controller.attach_paths(case_id, [Path, ...], contact_id=None, caption="") -> int  # queued
    controller.attach_image(case_id, qimage, contact_id=None) -> bool   # stored as PNG
    controller.attach_mime(case_id, qmimedata, contact_id=None) -> bool  # drop / clipboard
    controller.can_accept(qmimedata) -> bool
    controller.busy -> bool;  controller.shutdown()   # wait for copies in progress (on quit)
    signals: attached(list[int])  new attachment ids, once per batch (only if any)
             failed(str)          one plain sentence per file that was not attached
             notice(str)          attached, but worth knowing (damaged image, duplicate)
             progress(int, int)   files done, files in the batch
             busy_changed(bool)

Files are hashed and copied into the store on a worker thread; the database rows are
written back on the GUI thread (``service.attach_stored_blob``). A batch of more than
20 MB shows a window-modal progress dialog with "Stop". A failing file never stops the
others. The same content already attached to the same case and contact is not added twice
(a ``notice`` says so). ``contact_id`` must be a saved contact of that case: a contact
dialog that is still creating its contact keeps the paths (or QImages) and attaches them
after ``service.log_contact`` has returned the id, or attaches to the case (``None``).
The controller can keep them for it::

    controller.hold()                      # from now on requests are kept, not stored
    controller.held_names() -> list[str];  controller.discard_held(index)
    signal held_changed()                  # something was kept or discarded
    controller.release(case_id, contact_id) -> int   # queue what was kept; stop holding
    controller.set_service(service)        # the journal was reopened (after a restore)

Drag and drop and Ctrl+V on any widget::

    install_drop_target(widget, controller, case_id_getter, contact_id_getter=None)
    install_paste_shortcut(widget, controller, case_id_getter, contact_id_getter=None)

``case_id_getter()`` returns the current case id (or None: nothing is attached). Drops over
children that do not accept drops themselves reach ``widget``; drops are always taken as
*copies* (a file manager never moves the original). The paste handler takes Ctrl+V (and
Shift+Insert) only while focus is inside ``widget`` and only when the clipboard holds an
image or file URLs; otherwise the key goes on as usual. Text fields inside ``widget`` keep
their own paste, so install it on non-text widgets (the timeline, the exhibit list, the
contact dialog's exhibit strip), not on a dialog full of line edits.

Picking files, capturing the screen, viewing and exporting::

    pick_and_attach(parent, controller, case_id, contact_id=None) -> int
    capture.capture_and_attach(window, controller, case_id, contact_id=None) -> bool
    open_viewer(service, attachment_id, parent) -> ImageViewer   (non-modal, shown)
    open_in_system_viewer(service, attachment_id, parent) -> Path | None (read-only temp copy)
    save_copy_as(service, attachment_id, parent) -> Path | None

The Exhibits tab::

    panel = ExhibitsPanel(service, controller, parent=None)
    panel.set_case(case_view)     # a CaseView from service.get_case, or None
    panel.refresh()               # re-read the current case
    panel.set_service(service)    # the journal was reopened (after a restore)
    panel.set_read_only(True)     # a case in Deleted: shown, nothing attached or removed
    signals: changed()            the case's exhibits changed (refresh the timeline)
             status_message(str)  a short line for the status bar

``ThumbnailCache(service)`` (``pixmap(view)`` + ``ready(sha256)``) can be shared with the
timeline's thumbnails.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import stat
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..journal.attachments import safe_display_name
from ..journal.folder_safety import create_private
from ..journal.records import AttachmentView, CaseView
from ..journal.safe_echo import escape_for_terminal, window_text
from ..journal.service import ServiceError
from .attach_worker import JobSignals, SourceItem, StoreJob, describe_failure, image_to_png
from .names import timestamped_name
from .widgets import FlowLayout

if TYPE_CHECKING:  # pragma: no cover
    from ..journal.service import JournalService
    from .image_viewer import ImageViewer

__all__ = [
    "AttachmentController",
    "DropTarget",
    "ExhibitModel",
    "ExhibitsPanel",
    "ExportError",
    "PasteHandler",
    "ThumbnailCache",
    "export_copy",
    "export_file_name",
    "human_size",
    "image_to_png",
    "install_drop_target",
    "install_paste_shortcut",
    "open_in_system_viewer",
    "open_viewer",
    "pick_and_attach",
    "save_copy_as",
    "viewer_copy",
]

_log = logging.getLogger(__name__)

PROGRESS_DIALOG_BYTES = 20 * 1024 * 1024
THUMB_PX = 256  # cached thumbnail size in the store (drawn smaller; sharp on HiDPI)
SETTINGS_ORGANIZATION = "HeadwayJournal"  # same file as ui.settings.app_settings()
SETTINGS_APPLICATION = "Headway Journal"
KEY_LAST_ATTACH_FOLDER = "attachments/last_folder"
KEY_LAST_SAVE_FOLDER = "attachments/last_save_folder"
EMPTY_TEXT = "Drop screenshots here, paste with Ctrl+V, or click Attach"

OPEN_FILTERS = (
    "All files (*)",
    "Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff *.heic *.heif *.avif)",
    "PDF documents (*.pdf)",
)

CaseIdGetter = Callable[[], int | None]


def _settings() -> QSettings:
    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


def human_size(size: int) -> str:
    """1536 -> "1.5 KB" (binary units, as the attachment limit is shown)."""
    if size < 1024:
        return f"{size} byte" if size == 1 else f"{size:,} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
    return f"{size:,} bytes"  # pragma: no cover


def _local(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()))


def short_date(dt: datetime) -> str:
    """"Nov 20" in the user's locale (lists)."""
    return QLocale().toString(_local(dt).date(), "MMM d")


def full_date(dt: datetime) -> str:
    """Full date and time in the user's locale (details)."""
    return QLocale().toString(_local(dt), QLocale.FormatType.LongFormat)


def _quoted(name: str) -> str:
    return f"\u201c{escape_for_terminal(safe_display_name(name))}\u201d"


def _parent_widget(obj: QObject | None) -> QWidget | None:
    while obj is not None and not isinstance(obj, QWidget):
        obj = obj.parent()
    if isinstance(obj, QWidget):
        return obj
    return QApplication.activeWindow()


# =========================================================================== controller


@dataclass
class _Batch:
    case_id: int
    contact_id: int | None
    caption: str
    items: list[SourceItem]
    job: StoreJob
    signals: JobSignals
    ids: list[int] = field(default_factory=list)
    done: int = 0
    known: set[tuple[str, int | None]] | None = None  # (sha256, contact) already attached
    dialog: QProgressDialog | None = None


class AttachmentController(QObject):
    """Attaches files, images and clipboard/drop contents to a case (see module docstring)."""

    attached = Signal(list)
    failed = Signal(str)
    notice = Signal(str)
    progress = Signal(int, int)
    busy_changed = Signal(bool)
    held_changed = Signal()

    def __init__(self, service: JournalService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._holding = False
        self._held: list[SourceItem] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one batch at a time, in the order asked
        self._batches: dict[int, _Batch] = {}
        self._next_batch = 1
        self.progress_dialog_bytes = PROGRESS_DIALOG_BYTES
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def service(self) -> JournalService:
        return self._service

    @property
    def busy(self) -> bool:
        return bool(self._batches)

    def set_service(self, service: JournalService) -> None:
        """Use ``service`` from now on (the journal was reopened); only while not busy."""
        self._service = service

    # ----------------------------------------------------------------- holding

    @property
    def holding(self) -> bool:
        return self._holding

    def hold(self) -> None:
        """Keep what is asked for (files, images) instead of storing it, until ``release``."""
        self._holding = True

    def held_names(self) -> list[str]:
        return [item.original_name for item in self._held]

    def discard_held(self, index: int) -> None:
        if 0 <= index < len(self._held):
            del self._held[index]
            self.held_changed.emit()

    def release(self, case_id: int | None, contact_id: int | None = None) -> int:
        """Stop holding and queue what was kept for ``contact_id``; returns how many."""
        self._holding = False
        items, self._held = self._held, []
        if items:
            self.held_changed.emit()
        return self._start(case_id, contact_id, "", items)

    def shutdown(self, timeout_ms: int = 60_000) -> None:
        """Stop queued work and wait for the file being copied (the store stays consistent)."""
        for batch in self._batches.values():
            batch.job.cancel()
        self._pool.waitForDone(timeout_ms)

    # ----------------------------------------------------------------- entry points

    def can_accept(self, mime: QMimeData | None) -> bool:
        """Whether ``mime`` holds something to attach: local files or an image."""
        if mime is None:
            return False
        if mime.hasImage() or mime.hasFormat("image/png"):
            return True
        return mime.hasUrls() and any(u.isLocalFile() and u.toLocalFile() for u in mime.urls())

    def attach_paths(self, case_id: int | None, paths: Iterable[str | os.PathLike[str]],
                     contact_id: int | None = None, caption: str = "") -> int:
        """Queue local files; returns how many were queued (0 if nothing to do)."""
        items: list[SourceItem] = []
        for raw in paths:
            path = Path(raw)
            name = path.name or str(raw)
            try:
                size = os.stat(path).st_size  # follows symbolic links, like the store
            except OSError:
                size = 0  # the worker reports the real problem in plain words
            items.append(SourceItem(original_name=name, path=path, size=size))
        return self._start(case_id, contact_id, caption, items)

    def attach_image(self, case_id: int | None, image: QImage,
                     contact_id: int | None = None, *, original_name: str | None = None) -> bool:
        """Store ``image`` as PNG (named like "pasted-2026-11-26-143207.png"); the PNG is
        encoded on the worker thread."""
        if not isinstance(image, QImage) or image.isNull():
            self.failed.emit("The image is empty; nothing was attached.")
            return False
        name = original_name or timestamped_name("pasted")
        item = SourceItem(original_name=name, image=QImage(image))
        return self._start(case_id, contact_id, "", [item]) > 0

    def attach_mime(self, case_id: int | None, mime: QMimeData | None,
                    contact_id: int | None = None) -> bool:
        """Attach dropped/pasted data: local files first, else the image. True if queued."""
        if mime is None:
            return False
        local: list[Path] = []
        remote: list[str] = []
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile() and url.toLocalFile():
                    local.append(Path(url.toLocalFile()))
                elif url.isValid() and not url.isEmpty():
                    remote.append(url.toDisplayString())
        if local:
            for link in remote:
                self.failed.emit(_web_link_message(link))
            return self.attach_paths(case_id, local, contact_id=contact_id) > 0
        if mime.hasFormat("image/png"):
            raw = bytes(mime.data("image/png").data())
            if raw.startswith(b"\x89PNG\r\n\x1a\n"):  # keep the exact bytes we were given
                name = timestamped_name("pasted")
                return self._attach_bytes(case_id, raw, name, contact_id)
        if mime.hasImage():
            image = _qimage(mime.imageData())
            if image is not None and not image.isNull():
                return self.attach_image(case_id, image, contact_id)
        for link in remote:
            self.failed.emit(_web_link_message(link))
        return False

    # ----------------------------------------------------------------- batches

    def _attach_bytes(self, case_id: int | None, data: bytes, name: str,
                      contact_id: int | None) -> bool:
        item = SourceItem(original_name=name, data=data, size=len(data))
        return self._start(case_id, contact_id, "", [item]) > 0

    def _start(self, case_id: int | None, contact_id: int | None, caption: str,
               items: list[SourceItem]) -> int:
        if not items:
            return 0
        if case_id is None:
            self.failed.emit("Choose or create a case first; nothing was attached.")
            return 0
        if self._holding:
            self._held.extend(items)
            self.held_changed.emit()
            return len(items)
        try:
            store = self._service.store
        except Exception as exc:  # a bad limit setting, an unwritable journal folder
            self.failed.emit(describe_failure(items[0].original_name, exc)
                             if isinstance(exc, OSError) else
                             f"The exhibit store could not be opened ({exc}); "
                             "nothing was attached.")
            return 0
        batch_id = self._next_batch
        self._next_batch += 1
        signals = JobSignals()  # no parent: the job keeps it alive while it runs
        signals.item_done.connect(self._on_item_done, Qt.ConnectionType.QueuedConnection)
        signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        job = StoreJob(batch_id, store, items, signals)
        batch = _Batch(case_id, contact_id, caption, items, job, signals)
        was_busy = self.busy
        self._batches[batch_id] = batch
        total_bytes = sum(item.size for item in items)
        if total_bytes > self.progress_dialog_bytes:
            batch.dialog = self._progress_dialog(batch, total_bytes)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(job.run)
        return len(items)

    def _progress_dialog(self, batch: _Batch, total_bytes: int) -> QProgressDialog:
        count = len(batch.items)
        what = _quoted(batch.items[0].original_name) if count == 1 else f"{count} files"
        dialog = QProgressDialog(
            f"Copying {what} ({human_size(total_bytes)}) into the journal\u2026",
            "Stop", 0, 0 if count == 1 else count, _parent_widget(self),
        )
        dialog.setWindowTitle("Attaching")
        dialog.setAccessibleName("Attaching files")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        dialog.canceled.connect(batch.job.cancel)
        dialog.show()
        return dialog

    def _on_item_done(self, batch_id: int, index: int, blob: Any, error: str) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        batch.done += 1
        name = batch.items[index].original_name
        if error:
            self.failed.emit(error)
        elif blob is not None:
            self._insert_row(batch, name, blob)
        self.progress.emit(batch.done, len(batch.items))
        if batch.dialog is not None and batch.dialog.maximum() > 0:
            batch.dialog.setValue(batch.done)

    def _insert_row(self, batch: _Batch, name: str, blob: Any) -> None:
        if batch.known is None:
            batch.known = set()
            with contextlib.suppress(ServiceError):
                case = self._service.get_case(batch.case_id)
                batch.known = {(a.sha256, a.contact_id) for a in case.attachments}
        key = (blob.sha256, batch.contact_id)
        if key in batch.known:
            self.notice.emit(f"{_quoted(blob.original_name)} is already attached here, "
                             "so it was not added a second time.")
            return
        try:
            attachment_id = self._service.attach_stored_blob(
                batch.case_id, blob, caption=batch.caption, contact_id=batch.contact_id)
        except ServiceError as exc:
            self.failed.emit(f"{_quoted(name)} was not attached: {exc}")
            return
        except Exception as exc:  # never a traceback in the user's face
            _log.exception("attaching a stored exhibit failed (%s)", type(exc).__name__)
            self.failed.emit(describe_failure(name, exc))
            return
        batch.known.add(key)
        batch.ids.append(attachment_id)
        if blob.is_image and not blob.preview_ok:
            if blob.media_type in ("image/heic", "image/heif", "image/avif"):
                self.notice.emit(f"{_quoted(blob.original_name)} was attached; this app "
                                 "cannot show previews of this image format.")
            else:
                self.notice.emit(f"{_quoted(blob.original_name)} was attached, but it could "
                                 "not be read as an image (it may be damaged or incomplete), "
                                 "so it has no preview.")

    def _on_finished(self, batch_id: int, stored: int, cancelled: bool) -> None:
        batch = self._batches.pop(batch_id, None)
        if batch is None:
            return
        if batch.dialog is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                batch.dialog.canceled.disconnect()
            batch.dialog.hide()
            batch.dialog.deleteLater()
            batch.dialog = None
        left = len(batch.items) - batch.done
        if cancelled and left > 0:
            self.failed.emit(f"Stopped: {left} file{'s' if left != 1 else ''} "
                             f"{'were' if left != 1 else 'was'} not attached.")
        batch.signals.deleteLater()
        if batch.ids:
            self.attached.emit(list(batch.ids))
        if not self._batches:
            self.busy_changed.emit(False)


def _qimage(value: object) -> QImage | None:
    if isinstance(value, QImage):
        return value
    if isinstance(value, QPixmap):
        return value.toImage()
    return None


def _web_link_message(link: str) -> str:
    shown = "".join(ch if ch.isprintable() else "_" for ch in link)
    if len(shown) > 80:
        shown = shown[:79] + "\u2026"
    return (f"\u201c{shown}\u201d is a web link, not a file on this computer; "
            "save it first, then attach the saved file.")


# =========================================================================== drop target


def _guarded(controller: AttachmentController, call: Callable[[], object]) -> None:
    """Run ``call`` from an event handler: an exception there must never take the app down
    (Qt cannot unwind through C++), so it becomes a plain sentence instead."""
    try:
        call()
    except Exception as exc:
        _log.exception("attaching failed (%s)", type(exc).__name__)
        controller.failed.emit("Something went wrong while attaching; nothing was attached. "
                               "Please try again.")


class _DropOverlay(QWidget):
    """A dashed accent frame with "Drop to attach" drawn over the target while dragging."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAccessibleName("Drop to attach")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(40)
        pen = QPen(accent, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -3, -3), 8, 8)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(accent)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Drop to attach")
        painter.end()


class DropTarget(QObject):
    """Event filter that turns drags of files and images onto ``widget`` into attachments."""

    def __init__(self, widget: QWidget, controller: AttachmentController,
                 case_id_getter: CaseIdGetter,
                 contact_id_getter: CaseIdGetter | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._controller = controller
        self._case_id = case_id_getter
        self._contact_id = contact_id_getter or (lambda: None)
        self.overlay = _DropOverlay(widget)
        widget.setAcceptDrops(True)
        if isinstance(widget, QAbstractScrollArea):
            # Drags over the viewport go to the viewport first; let them reach the widget.
            widget.viewport().setAcceptDrops(False)
        widget.installEventFilter(self)

    @property
    def highlighted(self) -> bool:
        return self.overlay.isVisible()

    def _wanted(self, mime: QMimeData | None) -> bool:
        # Web links are taken too, so that dropping one explains why it was not attached.
        return self._controller.can_accept(mime) or bool(mime is not None and mime.hasUrls())

    def _show(self, on: bool) -> None:
        if on:
            self.overlay.setGeometry(self._widget.rect())
            self.overlay.raise_()
            self.overlay.show()
        else:
            self.overlay.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is not self._widget:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)  # QDragEnterEvent derives from it
            if self._case_id() is not None and self._wanted(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)  # never let the source move it
                event.accept()
                self._show(True)
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragLeave:
            self._show(False)
            event.accept()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self._show(False)
            case_id = self._case_id()
            if case_id is None or not self._wanted(event.mimeData()):
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            _guarded(self._controller, lambda: self._controller.attach_mime(
                case_id, event.mimeData(), self._contact_id()))
            return True
        if kind == QEvent.Type.Resize and self.overlay.isVisible():
            self.overlay.setGeometry(self._widget.rect())
        return False


def install_drop_target(widget: QWidget, controller: AttachmentController,
                        case_id_getter: CaseIdGetter,
                        contact_id_getter: CaseIdGetter | None = None) -> DropTarget:
    """Make ``widget`` accept dropped files and images (highlighted while dragging)."""
    return DropTarget(widget, controller, case_id_getter, contact_id_getter)


# =========================================================================== paste


class PasteHandler(QObject):
    """Event filter: Ctrl+V / Shift+Insert inside ``widget`` attaches the clipboard's image or
    files. Anything else (plain text, or focus in a text field) goes on as usual."""

    def __init__(self, widget: QWidget, controller: AttachmentController,
                 case_id_getter: CaseIdGetter,
                 contact_id_getter: CaseIdGetter | None = None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._controller = controller
        self._case_id = case_id_getter
        self._contact_id = contact_id_getter or (lambda: None)
        widget.installEventFilter(self)

    def clipboard_attachable(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return self._controller.can_accept(mime)

    def paste(self) -> bool:
        """Attach what the clipboard holds now. True if something was queued."""
        mime = QGuiApplication.clipboard().mimeData()
        if not self._controller.can_accept(mime):
            return False
        return self._controller.attach_mime(self._case_id(), mime, self._contact_id())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if not event.matches(QKeySequence.StandardKey.Paste) or not self.clipboard_attachable():
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            _guarded(self._controller, self.paste)
        # ShortcutOverride accepted: the key comes here as a KeyPress instead of triggering a
        # window-wide "Paste" action that would not know what to do with an image.
        return True


def install_paste_shortcut(widget: QWidget, controller: AttachmentController,
                           case_id_getter: CaseIdGetter,
                           contact_id_getter: CaseIdGetter | None = None) -> PasteHandler:
    """Ctrl+V on ``widget`` (or a non-text child) attaches the clipboard image or files."""
    return PasteHandler(widget, controller, case_id_getter, contact_id_getter)


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
        controller.failed.emit("Choose or create a case first; nothing was attached.")
        return 0
    settings = _settings()
    folder = _existing_folder(settings.value(KEY_LAST_ATTACH_FOLDER, ""),
                              QStandardPaths.StandardLocation.PicturesLocation)
    paths, _selected = QFileDialog.getOpenFileNames(
        parent, "Attach files", folder, ";;".join(OPEN_FILTERS))
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
_FS_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_MAX_NAME_BYTES = 180


class ExportError(Exception):
    """A copy could not be made. ``str(e)`` is one sentence for the user."""


def _fs_safe(name: str) -> str:
    name = _FS_UNSAFE.sub("_", safe_display_name(name)).strip().lstrip(".").strip()
    return name or "exhibit"


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
    encoded = stem.encode("utf-8")
    budget = _MAX_NAME_BYTES - len(ext.encode("utf-8"))
    if len(encoded) > budget:
        stem = encoded[:budget].decode("utf-8", "ignore").rstrip() or "exhibit"
    return stem + ext


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
    quoted = _quoted(view.original_name)
    problem = service.store.verify(view.sha256, view.size)
    if problem is not None:
        raise ExportError(f"The journal's copy of {quoted} is {problem}, so no copy was made; "
                          "run a journal check to see what happened.")
    source = service.store.path_for(view.sha256)
    target = Path(target)
    tmp = target.with_name(f".{uuid.uuid4().hex}.part")
    try:
        with open(source, "rb") as src, os.fdopen(create_private(tmp), "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        if _sha256_file(tmp) != view.sha256:
            raise ExportError(f"The copy of {quoted} did not match the original, so it was "
                              "deleted; try another folder or drive.")
        if read_only:
            os.chmod(tmp, stat.S_IRUSR)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(f"{quoted} could not be copied to \u201c{target.parent}\u201d "
                          f"({exc.strerror or type(exc).__name__}).") from exc
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
        parent, "Save a copy of the exhibit", str(Path(folder) / export_file_name(view)))
    if not chosen:
        return None
    target = Path(chosen)
    try:
        if target.resolve() == service.store.path_for(view.sha256).resolve():
            raise ExportError("That is the journal's own copy; choose another place.")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_copy(service, attachment_id, target)
        finally:
            QApplication.restoreOverrideCursor()
    except (ExportError, ServiceError) as exc:
        QMessageBox.warning(parent, "Save a copy", window_text(str(exc)))
        return None
    settings.setValue(KEY_LAST_SAVE_FOLDER, str(target.parent))
    settings.sync()
    return target


_TEMP_PREFIX = "headway-exhibit-"
_TEMP_MAX_AGE_S = 24 * 60 * 60


def _remove_old_viewer_copies() -> None:
    base = Path(tempfile.gettempdir())
    cutoff = time.time() - _TEMP_MAX_AGE_S
    with contextlib.suppress(OSError):
        for entry in base.glob(_TEMP_PREFIX + "*"):
            with contextlib.suppress(OSError):
                info = entry.lstat()
                if (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
                        and info.st_mtime < cutoff):
                    shutil.rmtree(entry, ignore_errors=True)


def viewer_copy(service: JournalService, attachment_id: int) -> Path:
    """A read-only copy of the exhibit in a private temp folder (what the system viewer gets).

    Raises ExportError, e.g. for files whose type is not recognised (opening those with
    "whatever the desktop picks" could run them).
    """
    view = service.attachment(attachment_id)
    if view.media_type not in _EXTENSIONS:
        raise ExportError(f"{_quoted(view.original_name)} is not a type this app recognises, "
                          "so it is not opened automatically; use \u201cSave a copy as\u2026\u201d "
                          "and open the copy yourself.")
    _remove_old_viewer_copies()
    folder = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX))  # 0700, unique
    return export_copy(service, attachment_id, folder / export_file_name(view), read_only=True)


def open_in_system_viewer(service: JournalService, attachment_id: int,
                          parent: QWidget | None = None) -> Path | None:
    """Open a read-only temporary copy with the desktop's viewer; the evidence is untouched."""
    try:
        copy = viewer_copy(service, attachment_id)
    except (ExportError, ServiceError) as exc:
        QMessageBox.warning(parent, "Open with system viewer", window_text(str(exc)))
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
        QMessageBox.warning(parent, "Open with system viewer",
                            "No application on this computer opens this kind of file; "
                            "use \u201cSave a copy as\u2026\u201d instead.")
        return None
    return copy


def open_viewer(service: JournalService, attachment_id: int,
                parent: QWidget | None = None) -> ImageViewer:
    """Show the exhibit viewer (non-modal) and return it."""
    from .image_viewer import ImageViewer

    viewer = ImageViewer(service, attachment_id, parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


# =========================================================================== thumbnails


class _ThumbSignals(QObject):
    loaded = Signal(str, object)  # sha256, QImage | None


class ThumbnailCache(QObject):
    """Thumbnails made lazily on a worker thread, kept as QPixmaps (by SHA-256).

    ``pixmap(view)`` returns the pixmap, or None while it is being made or when the exhibit
    has no preview (``has_preview(view)`` tells which); ``ready(sha256)`` fires when one
    becomes available.
    """

    ready = Signal(str)

    def __init__(self, service: JournalService, max_px: int = THUMB_PX,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._max_px = max_px
        self._pixmaps: dict[str, QPixmap] = {}
        self._none: set[str] = set()
        self._pending: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _ThumbSignals()
        self._signals.loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)

    def set_service(self, service: JournalService) -> None:
        """The journal was reopened; thumbnails are by content, so the cache stays."""
        self._service = service

    def has_preview(self, view: AttachmentView) -> bool:
        return view.preview_ok and view.sha256 not in self._none

    def pending(self) -> bool:
        return bool(self._pending)

    def pixmap(self, view: AttachmentView) -> QPixmap | None:
        sha = view.sha256
        found = self._pixmaps.get(sha)
        if found is not None or not self.has_preview(view) or sha in self._pending:
            return found
        self._pending.add(sha)
        store, max_px, signals = self._service.store, self._max_px, self._signals

        def work() -> None:
            image: QImage | None = None
            try:
                path = store.thumbnail(sha, max_px)
                if path is not None:
                    loaded = QImage(str(path))
                    image = None if loaded.isNull() else loaded
            except Exception as exc:  # no preview, never a crash
                _log.warning("thumbnail failed (%s)", type(exc).__name__)
            signals.loaded.emit(sha, image)

        self._pool.start(work)
        return None

    def _on_loaded(self, sha: str, image: object) -> None:
        self._pending.discard(sha)
        if isinstance(image, QImage):
            self._pixmaps[sha] = QPixmap.fromImage(image)
        else:
            self._none.add(sha)
        self.ready.emit(sha)

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Wait for thumbnails being made (tests, screenshots)."""
        self._pool.waitForDone(timeout_ms)


# =========================================================================== model and delegate

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PIXMAP_ROLE = Qt.ItemDataRole.UserRole + 3
STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # "ready", "loading", "none"

_TYPE_LABELS = {
    "image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WEBP",
    "image/bmp": "BMP", "image/tiff": "TIFF", "image/heic": "HEIC", "image/heif": "HEIF",
    "image/avif": "AVIF", "application/pdf": "PDF", "application/zip": "ZIP",
    "application/rtf": "RTF", "text/plain": "TEXT", "text/html": "HTML", "video/mp4": "VIDEO",
    "video/quicktime": "VIDEO",
}  # fmt: skip


_KIND_WORDS = {
    "image/png": "PNG image", "image/jpeg": "JPEG image", "image/gif": "GIF image",
    "image/webp": "WebP image", "image/bmp": "BMP image", "image/tiff": "TIFF image",
    "image/heic": "HEIC image", "image/heif": "HEIF image", "image/avif": "AVIF image",
    "application/pdf": "PDF document", "application/zip": "ZIP archive",
    "application/rtf": "RTF document", "text/plain": "Text", "text/html": "Web page",
    "video/mp4": "Video", "video/quicktime": "Video",
}  # fmt: skip


def type_label(view: AttachmentView) -> str:
    return _TYPE_LABELS.get(view.media_type, "FILE")


def describe_exhibit(view: AttachmentView, contact: str = "") -> str:
    """Several lines for tooltips and screen readers."""
    lines = [view.caption] if view.caption else []
    lines.append(view.original_name)
    kind = type_label(view)
    if view.width and view.height:
        kind += f", {view.width} \u00d7 {view.height}"
    lines.append(f"{kind}, {human_size(view.size)}")
    lines.append(f"Added {full_date(view.added_at)}")
    if contact:
        lines.append(f"From the contact of {contact}")
    if not view.preview_ok:
        lines.append("No preview" + (" (the image could not be read)" if view.is_image else ""))
    return "\n".join(lines)


class ExhibitModel(QAbstractListModel):
    """The exhibits of one case, for a QListView (thumbnails via a ThumbnailCache)."""

    def __init__(self, thumbnails: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AttachmentView] = []
        self._contacts: dict[int, str] = {}
        self._thumbs = thumbnails
        thumbnails.ready.connect(self._on_thumbnail)

    def set_items(self, items: Sequence[AttachmentView], contacts: dict[int, str]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._contacts = dict(contacts)
        self.endResetModel()

    def items(self) -> list[AttachmentView]:
        return list(self._items)

    def view_at(self, row: int) -> AttachmentView:
        return self._items[row]

    def row_of(self, attachment_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == attachment_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        view = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return view.caption or view.original_name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            contact = self._contacts.get(view.contact_id or 0, "")
            return describe_exhibit(view, contact)
        if role in (Qt.ItemDataRole.DecorationRole, PIXMAP_ROLE):
            return self._thumbs.pixmap(view)
        if role == STATE_ROLE:
            if not self._thumbs.has_preview(view):
                return "none"
            return "ready" if self._thumbs.pixmap(view) is not None else "loading"
        if role == VIEW_ROLE:
            return view
        if role == ID_ROLE:
            return view.id
        return None

    def _on_thumbnail(self, sha: str) -> None:
        for row, item in enumerate(self._items):
            if item.sha256 == sha:
                index = self.index(row)
                self.dataChanged.emit(index, index)


_CARD = QSize(224, 246)
_THUMB_H = 136
_PAD = 10


def _wrap_two(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """``text`` on at most two lines of ``width`` pixels (the second elided)."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split(" ")
    first = ""
    for n, word in enumerate(words):
        candidate = f"{first} {word}" if first else word
        if metrics.horizontalAdvance(candidate) > width:
            if not first:  # one very long word
                return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
            rest = " ".join(words[n:])
            return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        first = candidate
    return [first]  # pragma: no cover - the whole text fitted


class ExhibitDelegate(QStyledItemDelegate):
    """A card: thumbnail (or a "no preview" tile), caption, original name, size and date."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(_CARD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        view = index.data(VIEW_ROLE)
        if not isinstance(view, AttachmentView):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette: QPalette = opt.palette
        state = opt.state
        card: QRect = opt.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if state & QStyle.StateFlag.State_Selected:
            fill = QColor(accent)
            fill.setAlpha(50)
            painter.setPen(QPen(accent, 2))
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            fill = QColor(accent)
            fill.setAlpha(20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 6, 6)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        thumb = QRect(rect.left(), rect.top(), rect.width(), _THUMB_H)
        pixmap = index.data(PIXMAP_ROLE)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            self._paint_pixmap(painter, thumb, pixmap, palette)
        else:
            loading = index.data(STATE_ROLE) == "loading"
            self._paint_placeholder(painter, thumb, view, palette, loading=loading)
        text_color = palette.color(QPalette.ColorRole.Text)
        dim = QColor(text_color)
        dim.setAlpha(165)
        font = QFont(opt.font)
        bold = QFont(font)
        bold.setBold(True)
        center = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        width = rect.width()
        lines: list[tuple[str, QFont, QColor]] = []
        painter.setFont(bold)
        if view.caption:
            for text in _wrap_two(painter.fontMetrics(), " ".join(view.caption.split()), width):
                lines.append((text, bold, text_color))
            name_metrics = QFontMetrics(font)
            lines.append((name_metrics.elidedText(" ".join(view.original_name.split()),
                                                  Qt.TextElideMode.ElideMiddle, width),
                          font, dim))
        else:
            lines.append((painter.fontMetrics().elidedText(
                " ".join(view.original_name.split()), Qt.TextElideMode.ElideMiddle, width),
                bold, text_color))
            lines.append((_KIND_WORDS.get(view.media_type, "File"), font, dim))
        lines.append((f"{human_size(view.size)} \u00b7 {short_date(view.added_at)}", font, dim))
        y = thumb.bottom() + 6
        for text, line_font, color in lines:
            painter.setFont(line_font)
            painter.setPen(color)
            height = painter.fontMetrics().height()
            painter.drawText(QRect(rect.left(), y, width, height), center, text)
            y += height + 1
        painter.restore()

    @staticmethod
    def _paint_pixmap(painter: QPainter, box: QRect, pixmap: QPixmap, palette: QPalette) -> None:
        ratio = pixmap.devicePixelRatio() or 1.0
        natural = QSize(int(pixmap.width() / ratio), int(pixmap.height() / ratio))
        size = natural.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio) \
            if natural.width() > box.width() or natural.height() > box.height() else natural
        target = QRect(QPoint(box.left() + (box.width() - size.width()) // 2,
                              box.top() + (box.height() - size.height()) // 2), size)
        painter.drawPixmap(target, pixmap)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target.adjusted(0, 0, -1, -1))

    @staticmethod
    def _paint_placeholder(painter: QPainter, box: QRect, view: AttachmentView,
                           palette: QPalette, *, loading: bool) -> None:
        tile = box.adjusted(box.width() // 2 - 44, 8, -(box.width() // 2 - 44), -8)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(tile, 6, 6)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(8.0, font.pointSizeF() * 1.2))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(tile.adjusted(0, 0, 0, -22), Qt.AlignmentFlag.AlignCenter,
                         type_label(view))
        small = QFont(painter.font())
        small.setBold(False)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.7))
        painter.setFont(small)
        painter.drawText(tile.adjusted(4, tile.height() // 2, -4, -4),
                         Qt.AlignmentFlag.AlignCenter, "Loading\u2026" if loading else "No preview")


# =========================================================================== the panel


class _MessageBar(QFrame):
    """Plain-words problems next to the list (never a modal stack)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Attachment messages")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip("Dismiss these messages")
        close.setAccessibleName("Dismiss messages")
        close.setAutoRaise(True)
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._lines: list[str] = []
        self.hide()

    def messages(self) -> list[str]:
        return list(self._lines)

    def add(self, text: str) -> None:
        self._lines.append(text)
        self._lines = self._lines[-8:]
        self.label.setText("\n".join(self._lines))
        self.show()

    def clear(self) -> None:
        self._lines.clear()
        self.label.clear()
        self.hide()


class _ListKeys(QObject):
    """Delete, F2 and Enter on the exhibit list win over window-wide shortcuts while the list
    has focus (they are taken as ShortcutOverride)."""

    def __init__(self, panel: ExhibitsPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def _action(self, event: QKeyEvent) -> Callable[[], object] | None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        key = event.key()
        if key == Qt.Key.Key_Delete:
            return self._panel.remove_selected
        if key == Qt.Key.Key_F2:
            return self._panel.edit_selected_caption
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._panel.open_selected
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        action = self._action(event)
        if action is None or not self._panel.selected_ids():
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            action()
        return True


class ExhibitsPanel(QWidget):
    """The Exhibits tab: thumbnails of the case's exhibits, removed exhibits below."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, service: JournalService, controller: AttachmentController,
                 parent: QWidget | None = None, *,
                 thumbnails: ThumbnailCache | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Exhibits")
        self._service = service
        self._controller = controller
        self._case_id: int | None = None
        self._read_only = False
        self.thumbnails = thumbnails or ThumbnailCache(service, parent=self)

        # --- buttons
        self.attach_button = self._button("Attach\u2026", "Attach files (choose one or more)",
                                          self.attach_files)
        self.capture_button = self._button("Capture screen\u2026",
                                           "Take a screenshot and attach it", self.capture)
        self.open_button = self._button("Open", "Open the exhibit in the viewer (Enter)",
                                        self.open_selected)
        self.external_button = self._button(
            "Open with system viewer", "Open a read-only copy in your usual viewer",
            self.open_selected_externally)
        self.save_button = self._button("Save a copy\u2026", "Save a copy of the exhibit",
                                        self.save_selected_copy)
        self.caption_button = self._button("Caption\u2026", "Edit the caption (F2)",
                                           self.edit_selected_caption)
        self.remove_button = self._button("Remove", "Move to removed exhibits (Delete)",
                                          self.remove_selected)
        # the buttons wrap onto a second line in a narrow window instead of widening it
        self.button_bar = QWidget(self)
        self.button_bar.setAccessibleName("Exhibit actions")
        bar_policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        bar_policy.setHeightForWidth(True)
        self.button_bar.setSizePolicy(bar_policy)
        bar = FlowLayout(self.button_bar, spacing=8)
        for button in (self.attach_button, self.capture_button, self.open_button,
                       self.external_button, self.save_button, self.caption_button,
                       self.remove_button):
            bar.addWidget(button)

        self.messages = _MessageBar(self)

        # --- the list, or the empty state
        self.model = ExhibitModel(self.thumbnails, self)
        self.list_view = QListView(self)
        self.list_view.setAccessibleName("Exhibit list")
        self.list_view.setViewMode(QListView.ViewMode.IconMode)
        self.list_view.setMovement(QListView.Movement.Static)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setWrapping(True)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSpacing(4)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setDragEnabled(False)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list_view.viewport().setAcceptDrops(False)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(ExhibitDelegate(self.list_view))
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._context_menu)
        self.list_view.activated.connect(lambda _index: self.open_selected())
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.list_view.installEventFilter(_ListKeys(self))

        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setAccessibleName("No exhibits yet")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Ctrl+V works here
        self.empty_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_label.setMinimumHeight(120)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.list_view)

        # --- removed exhibits
        self.removed_toggle = QToolButton(self)
        self.removed_toggle.setCheckable(True)
        self.removed_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.removed_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.removed_toggle.setAutoRaise(True)
        self.removed_toggle.setAccessibleName("Show removed exhibits")
        self.removed_toggle.toggled.connect(self._toggle_removed)
        self.removed_list = QListWidget(self)
        self.removed_list.setAccessibleName("Removed exhibits")
        self.removed_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.removed_list.itemSelectionChanged.connect(self._update_buttons)
        self.restore_button = self._button("Restore", "Put the exhibit back",
                                           self.restore_selected)
        self.empty_removed_button = self._button(
            "Empty removed exhibits\u2026", "Delete the removed exhibits for good",
            self.empty_removed)
        self.removed_box = QWidget(self)
        removed_buttons = QHBoxLayout()
        removed_buttons.addWidget(self.restore_button)
        removed_buttons.addStretch(1)
        removed_buttons.addWidget(self.empty_removed_button)
        removed_layout = QVBoxLayout(self.removed_box)
        removed_layout.setContentsMargins(0, 0, 0, 0)
        removed_layout.addWidget(self.removed_list)
        removed_layout.addLayout(removed_buttons)
        self.removed_box.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.button_bar)
        layout.addWidget(self.messages)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.removed_toggle)
        layout.addWidget(self.removed_box)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # --- drops and Ctrl+V anywhere in the panel (text-free), feedback from the controller
        self.drop_target = install_drop_target(self, controller, self.case_id)
        self.paste_handler = install_paste_shortcut(self, controller, self.case_id)
        controller.attached.connect(self._on_attached)
        controller.failed.connect(self.messages.add)
        controller.notice.connect(self.messages.add)
        controller.busy_changed.connect(self._on_busy)
        self.set_case(None)

    # ----------------------------------------------------------------- state

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("\u2026"))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def case_id(self) -> int | None:
        """The case that attached files go to (None: none shown, or it is read-only)."""
        return None if self._read_only else self._case_id

    def set_read_only(self, on: bool) -> None:
        """A case in Deleted: its exhibits are shown and can be opened, nothing changes."""
        self._read_only = on
        self._update_buttons()

    def set_service(self, service: JournalService) -> None:
        """The journal was reopened (after a restore): read it from now on."""
        self._service = service
        self.thumbnails.set_service(service)

    def set_case(self, case_view: CaseView | None) -> None:
        """Show a case's exhibits (None: nothing to show; attaching is disabled)."""
        keep = self.selected_ids() if case_view is not None and case_view.id == self._case_id \
            else []
        if case_view is None or case_view.id != self._case_id:
            self.messages.clear()
        self._case_id = None if case_view is None else case_view.id
        live = case_view.attachments if case_view is not None else ()
        removed = case_view.removed_attachments if case_view is not None else ()
        contacts = {}
        if case_view is not None:
            contacts = {c.id: f"{short_date(c.started_at)} ({c.channel})"
                        for c in case_view.contacts}
        self.model.set_items(live, contacts)
        self.stack.setCurrentWidget(self.list_view if live else self.empty_label)
        self.empty_label.setText(EMPTY_TEXT if case_view is not None
                                 else "Choose a case to see its exhibits.")
        self.removed_list.clear()
        for view in removed:
            when = short_date(view.removed_at) if view.removed_at else ""
            text = " \u00b7 ".join(part for part in (
                " ".join(view.original_name.split()), " ".join(view.caption.split()),
                human_size(view.size), f"removed {when}" if when else "") if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(describe_exhibit(view))
            self.removed_list.addItem(item)
        rows = min(max(1, len(removed)), 5)
        row_height = self.removed_list.sizeHintForRow(0) if removed else 0
        self.removed_list.setFixedHeight(
            rows * max(row_height, self.fontMetrics().height() + 4)
            + 2 * self.removed_list.frameWidth() + 4)
        self.removed_toggle.setText(f"Removed exhibits ({len(removed)})")
        self.removed_toggle.setVisible(bool(removed))
        self.removed_box.setVisible(bool(removed) and self.removed_toggle.isChecked())
        self.select_ids(keep)
        self._update_buttons()

    def refresh(self) -> None:
        """Re-read the current case from the journal."""
        if self._case_id is None:
            self.set_case(None)
            return
        try:
            self.set_case(self._service.get_case(self._case_id))
        except ServiceError:
            self.set_case(None)

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedIndexes())
        return [self.model.view_at(row).id for row in rows if row < self.model.rowCount()]

    def select_ids(self, ids: Iterable[int]) -> None:
        selection = self.list_view.selectionModel()
        selection.clearSelection()
        first = True
        for attachment_id in ids:
            row = self.model.row_of(attachment_id)
            if row < 0:
                continue
            index = self.model.index(row)
            flags = QItemSelectionModel.SelectionFlag.Select
            if first:
                selection.setCurrentIndex(index, flags)
                self.list_view.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)

    def removed_ids(self, *, selected_only: bool = False) -> list[int]:
        items = self.removed_list.selectedItems() if selected_only else [
            self.removed_list.item(i) for i in range(self.removed_list.count())]
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items]

    def _update_buttons(self) -> None:
        has_case = self.case_id() is not None
        writable = not self._read_only
        chosen = self.selected_ids()
        one = len(chosen) == 1
        self.attach_button.setEnabled(has_case)
        self.capture_button.setEnabled(has_case)
        for button in (self.open_button, self.external_button, self.save_button):
            button.setEnabled(one)
        self.caption_button.setEnabled(one and writable)
        self.remove_button.setEnabled(bool(chosen) and writable)
        self.restore_button.setEnabled(bool(self.removed_list.selectedItems()) and writable)
        self.empty_removed_button.setEnabled(self.removed_list.count() > 0 and writable)

    def _toggle_removed(self, on: bool) -> None:
        self.removed_toggle.setArrowType(Qt.ArrowType.DownArrow if on
                                         else Qt.ArrowType.RightArrow)
        self.removed_box.setVisible(on and self.removed_list.count() > 0)

    def _on_attached(self, ids: list[int]) -> None:
        self.refresh()
        self.select_ids(ids)
        count = len(ids)
        self.status_message.emit(f"Attached {count} file{'s' if count != 1 else ''}.")
        self.changed.emit()

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.messages.clear()
            self.status_message.emit("Attaching\u2026")

    def _changed(self, message: str) -> None:
        self.refresh()
        self.status_message.emit(message)
        self.changed.emit()

    def _one(self) -> AttachmentView | None:
        chosen = self.selected_ids()
        if len(chosen) != 1:
            return None
        return self.model.view_at(self.model.row_of(chosen[0]))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list_view.indexAt(pos)
        if index.isValid() and index.row() not in {
                i.row() for i in self.list_view.selectionModel().selectedIndexes()}:
            self.select_ids([self.model.view_at(index.row()).id])
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        one = self._one() is not None
        entries: list[tuple[str, Callable[[], object], bool, QKeySequence | None]] = [
            ("Open", self.open_selected, one, QKeySequence(Qt.Key.Key_Return)),
            ("Open with system viewer", self.open_selected_externally, one, None),
            ("Save a copy as\u2026", self.save_selected_copy, one, None),
            ("Edit caption\u2026", self.edit_selected_caption, one and not self._read_only,
             QKeySequence(Qt.Key.Key_F2)),
            ("Remove", self.remove_selected, bool(self.selected_ids()) and not self._read_only,
             QKeySequence(QKeySequence.StandardKey.Delete)),
        ]
        for text, slot, enabled, keys in entries:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            if keys is not None:
                action.setShortcut(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
        menu.addSeparator()
        attach = menu.addAction("Attach files\u2026")
        attach.setEnabled(self.case_id() is not None)
        attach.triggered.connect(lambda _checked=False: self.attach_files())
        paste = menu.addAction("Paste screenshot or files")
        paste.setEnabled(self.case_id() is not None and self.paste_handler.clipboard_attachable())
        paste.triggered.connect(lambda _checked=False: self.paste_handler.paste())
        menu.popup(self.list_view.viewport().mapToGlobal(pos))

    # ----------------------------------------------------------------- actions

    def attach_files(self) -> int:
        return pick_and_attach(self, self._controller, self.case_id())

    def capture(self) -> bool:
        from .capture import capture_and_attach

        return capture_and_attach(self.window(), self._controller, self.case_id())

    def open_selected(self) -> ImageViewer | None:
        view = self._one()
        if view is None:
            return None
        viewer = open_viewer(self._service, view.id, self)
        viewer.caption_changed.connect(lambda _id: self._changed("Caption saved."))
        return viewer

    def open_selected_externally(self) -> Path | None:
        view = self._one()
        return None if view is None else open_in_system_viewer(self._service, view.id, self)

    def save_selected_copy(self) -> Path | None:
        view = self._one()
        if view is None:
            return None
        saved = save_copy_as(self._service, view.id, self)
        if saved is not None:
            self.status_message.emit(f"Saved a checked copy to {saved}.")
        return saved

    def edit_selected_caption(self) -> bool:
        view = self._one()
        if view is None or self._read_only:
            return False
        text, ok = QInputDialog.getMultiLineText(
            self, "Edit caption", f"Caption for \u201c{view.original_name}\u201d:", view.caption)
        if not ok:
            return False
        try:
            self._service.set_attachment_caption(view.id, text)
        except ServiceError as exc:
            self.messages.add(f"The caption was not saved: {exc}")
            return False
        self._changed("Caption saved.")
        return True

    def remove_selected(self) -> int:
        chosen = [] if self._read_only else self.selected_ids()
        for attachment_id in chosen:
            try:
                self._service.remove_attachment(attachment_id)
            except ServiceError as exc:
                self.messages.add(f"An exhibit was not removed: {exc}")
        if chosen:
            count = len(chosen)
            what = f"{count} exhibits" if count != 1 else "the exhibit"
            self._changed(f"Moved {what} to Removed exhibits (restore from there).")
        return len(chosen)

    def restore_selected(self) -> int:
        chosen = [] if self._read_only else self.removed_ids(selected_only=True)
        for attachment_id in chosen:
            try:
                self._service.restore_attachment(attachment_id)
            except ServiceError as exc:
                self.messages.add(f"An exhibit was not restored: {exc}")
        if chosen:
            self._changed("Exhibit restored." if len(chosen) == 1 else "Exhibits restored.")
            self.select_ids(chosen)
        return len(chosen)

    def empty_removed(self) -> int:
        """Delete the case's removed exhibits for good, after a confirmation naming how many."""
        if self._case_id is None or self._read_only:
            return 0
        count = self.removed_list.count()
        if count == 0:
            return 0
        noun = "exhibit" if count == 1 else "exhibits"
        answer = QMessageBox.question(
            self, "Empty removed exhibits",
            f"Delete {count} removed {noun} for good?\n\n"
            f"{'Its file' if count == 1 else 'Their files'} will be erased from the journal "
            "and cannot be restored (a file still attached elsewhere is kept). Save a copy "
            "first if you might need it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        try:
            deleted = self._service.empty_removed_attachments(self._case_id)
        except (ServiceError, OSError) as exc:
            self.messages.add(f"The removed exhibits were not deleted: {exc}")
            return 0
        self.removed_toggle.setChecked(False)
        self._changed(f"Deleted {deleted} removed {'exhibit' if deleted == 1 else 'exhibits'} "
                      "for good.")
        return deleted
