"""Attaching exhibits (screenshots, receipts, letters) from the GUI: the attachment controller.

Everything here talks to the journal through ``JournalService`` only. Stored exhibits are
never opened for writing: "Open with the system viewer" opens a read-only *copy*, and
"Save a copy as…" writes a new file and checks its SHA-256 against the stored one.

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

The copying itself runs in ``worker``; drops and pastes reach the controller through
``drop_paste``; the file picker is in ``files``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ...journal.capture.provenance import chosen_file, dropped_file, pasted
from ...journal.service import ServiceError
from ..format import numerus
from ..names import timestamped_name
from ..tasks import Task, TaskRunner
from .describe import human_size, quoted_name
from .worker import BatchResult, ItemResult, SourceItem, StoreJob, describe_failure

if TYPE_CHECKING:  # pragma: no cover
    from ...journal.service import JournalService
    from ..capture.ocr_queue import OcrQueue

__all__ = ["PROGRESS_DIALOG_BYTES", "AttachmentController"]

_log = logging.getLogger(__name__)

PROGRESS_DIALOG_BYTES = 20 * 1024 * 1024


def _parent_widget(obj: QObject | None) -> QWidget | None:
    while obj is not None and not isinstance(obj, QWidget):
        obj = obj.parent()
    if isinstance(obj, QWidget):
        return obj
    return QApplication.activeWindow()


@dataclass
class _Batch:
    """Files being attached together: where they go and how far the work has got."""
    case_id: int
    contact_id: int | None
    caption: str
    items: list[SourceItem]
    task: Task
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
        self.tasks = TaskRunner(self, max_threads=1)  # one batch at a time, in the order asked
        self._batches: dict[int, _Batch] = {}
        self._next_batch = 1
        self.progress_dialog_bytes = PROGRESS_DIALOG_BYTES
        # the text of stored image exhibits is recognised in the background (ui.capture),
        # by a queue made with the first exhibit stored (the window's start skips its modules)
        self._ocr: OcrQueue | None = None
        self.attached.connect(self._recognise)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def service(self) -> JournalService:
        return self._service

    @property
    def ocr(self) -> OcrQueue:
        """The background text recognition of stored images (made when first needed)."""
        if self._ocr is None:
            from ..capture.ocr_queue import OcrQueue

            self._ocr = OcrQueue(lambda: self._service, self)
        return self._ocr

    def _recognise(self, ids: list[int]) -> None:
        self.ocr.recognise(ids)

    @property
    def busy(self) -> bool:
        return bool(self._batches)

    def set_service(self, service: JournalService) -> None:
        """Use ``service`` from now on (the journal was reopened); only while not busy."""
        self._service = service
        if self._ocr is not None:
            self._ocr.tasks.invalidate()

    # ----------------------------------------------------------------- holding

    @property
    def holding(self) -> bool:
        return self._holding

    def hold(self) -> None:
        """Keep what is asked for (files, images) instead of storing it, until ``release``."""
        self._holding = True

    def held_names(self) -> list[str]:
        return [item.original_name for item in self._held]

    def held_items(self) -> list[SourceItem]:
        """What is kept for a contact not saved yet (its screenshots are read for suggestions)."""
        return list(self._held)

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
        self.tasks.cancel_all()
        self.tasks.wait(timeout_ms)
        if self._ocr is not None:
            self._ocr.shutdown(timeout_ms)

    # ----------------------------------------------------------------- entry points

    def can_accept(self, mime: QMimeData | None) -> bool:
        """Whether ``mime`` holds something to attach: local files or an image."""
        if mime is None:
            return False
        if mime.hasImage() or mime.hasFormat("image/png"):
            return True
        return mime.hasUrls() and any(u.isLocalFile() and u.toLocalFile() for u in mime.urls())

    def attach_paths(self, case_id: int | None, paths: Iterable[str | os.PathLike[str]],
                     contact_id: int | None = None, caption: str = "", *,
                     how: str = "file") -> int:
        """Queue local files; returns how many were queued (0 if nothing to do). ``how``
        ("file": chosen in a dialog, "dropped", or "pasted" from a file manager) is recorded
        with each exhibit, with the file's own name and modification time."""
        items: list[SourceItem] = []
        for raw in paths:
            path = Path(raw)
            name = path.name or str(raw)
            try:
                info = os.stat(path)  # follows symbolic links, like the store
                size, modified = info.st_size, info.st_mtime
            except OSError:
                size, modified = 0, 0.0  # the worker reports the real problem in plain words
            items.append(SourceItem(original_name=name, path=path, size=size,
                                    provenance=file_provenance(how, path, modified)))
        return self._start(case_id, contact_id, caption, items)

    def attach_image(self, case_id: int | None, image: QImage,
                     contact_id: int | None = None, *, original_name: str | None = None,
                     provenance: Mapping[str, str] | None = None) -> bool:
        """Store ``image`` as PNG (named like "pasted-2026-11-26-143207.png"); the PNG is
        encoded on the worker thread. ``provenance``: a pasted image unless said otherwise."""
        if not isinstance(image, QImage) or image.isNull():
            self.failed.emit(QCoreApplication.translate("AttachmentController", "The image is empty; nothing was attached."))
            return False
        name = original_name or timestamped_name("pasted")
        item = SourceItem(original_name=name, image=QImage(image),
                          provenance=provenance or pasted("image"))
        return self._start(case_id, contact_id, "", [item]) > 0

    def attach_mime(self, case_id: int | None, mime: QMimeData | None,
                    contact_id: int | None = None, *, how: str = "dropped") -> bool:
        """Attach dropped/pasted data: local files first, else the image. True if queued.
        ``how``: "dropped" or "pasted", recorded with each exhibit."""
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
            return self.attach_paths(case_id, local, contact_id=contact_id, how=how) > 0
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

    def attach_bytes(self, case_id: int | None, data: bytes, name: str,
                     contact_id: int | None = None) -> bool:
        """Store ``data`` as a file named ``name`` (a transcript too long for a summary)."""
        return self._attach_bytes(case_id, data, name, contact_id)

    def _attach_bytes(self, case_id: int | None, data: bytes, name: str,
                      contact_id: int | None) -> bool:
        item = SourceItem(original_name=name, data=data, size=len(data),
                          provenance=pasted("image"))
        return self._start(case_id, contact_id, "", [item]) > 0

    def _start(self, case_id: int | None, contact_id: int | None, caption: str,
               items: list[SourceItem]) -> int:
        if not items:
            return 0
        if case_id is None:
            self.failed.emit(QCoreApplication.translate("AttachmentController", "Choose or create a case first; nothing was attached."))
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
                             QCoreApplication.translate("AttachmentController", "The exhibit store could not be opened ({exc}); nothing was attached.").format(exc=exc))
            return 0
        batch_id = self._next_batch
        self._next_batch += 1
        task = self.tasks.start(StoreJob(store, items).run)
        task.progress.connect(lambda item: self._on_item_done(batch_id, item))
        task.done.connect(lambda result: self._on_finished(batch_id, result))
        task.failed.connect(lambda exc: self._on_crashed(batch_id, exc))
        batch = _Batch(case_id, contact_id, caption, items, task)
        was_busy = self.busy
        self._batches[batch_id] = batch
        total_bytes = sum(item.size for item in items)
        if total_bytes > self.progress_dialog_bytes:
            batch.dialog = self._progress_dialog(batch, total_bytes)
        if not was_busy:
            self.busy_changed.emit(True)
        return len(items)

    def _progress_dialog(self, batch: _Batch, total_bytes: int) -> QProgressDialog:
        count = len(batch.items)
        what = quoted_name(batch.items[0].original_name) if count == 1 else QCoreApplication.translate("AttachmentController", "{count} files").format(count=count)
        dialog = QProgressDialog(
            QCoreApplication.translate("AttachmentController", "Copying {what} ({human_size}) into the journal…").format(what=what, human_size=human_size(total_bytes)),
            QCoreApplication.translate("AttachmentController", "Stop"), 0, 0 if count == 1 else count, _parent_widget(self),
        )
        dialog.setWindowTitle(QCoreApplication.translate("AttachmentController", "Attaching"))
        dialog.setAccessibleName(QCoreApplication.translate("AttachmentController", "Attaching files"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        dialog.canceled.connect(batch.task.cancel)
        dialog.show()
        return dialog

    def _on_item_done(self, batch_id: int, item: ItemResult) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        batch.done += 1
        name = batch.items[item.index].original_name
        if item.error:
            self.failed.emit(item.error)
        elif item.blob is not None:
            self._insert_row(batch, name, item.blob, batch.items[item.index].provenance)
        self.progress.emit(batch.done, len(batch.items))
        if batch.dialog is not None and batch.dialog.maximum() > 0:
            batch.dialog.setValue(batch.done)

    def _insert_row(self, batch: _Batch, name: str, blob: Any,
                    provenance: Mapping[str, str] | None = None) -> None:
        if batch.known is None:
            batch.known = set()
            with contextlib.suppress(ServiceError):
                case = self._service.get_case(batch.case_id)
                batch.known = {(a.sha256, a.contact_id) for a in case.attachments}
        key = (blob.sha256, batch.contact_id)
        if key in batch.known:
            self.notice.emit(QCoreApplication.translate("AttachmentController", "{quoted_name} is already attached here, so it was not added a second time.").format(quoted_name=quoted_name(blob.original_name)))
            return
        try:
            attachment_id = self._service.attach_stored_blob(
                batch.case_id, blob, caption=batch.caption, contact_id=batch.contact_id,
                provenance=provenance)
        except ServiceError as exc:
            self.failed.emit(QCoreApplication.translate("AttachmentController", "{quoted_name} was not attached: {exc}").format(quoted_name=quoted_name(name), exc=exc))
            return
        except Exception as exc:  # never a traceback in the user's face
            _log.exception("attaching a stored exhibit failed (%s)", type(exc).__name__)
            self.failed.emit(describe_failure(name, exc))
            return
        batch.known.add(key)
        batch.ids.append(attachment_id)
        if blob.is_image and not blob.preview_ok:
            if blob.media_type in ("image/heic", "image/heif", "image/avif"):
                self.notice.emit(QCoreApplication.translate("AttachmentController", "{quoted_name} was attached; this app cannot show previews of this image format.").format(quoted_name=quoted_name(blob.original_name)))
            else:
                self.notice.emit(QCoreApplication.translate("AttachmentController", "{quoted_name} was attached, but it could not be read as an image (it may be damaged or incomplete), so it has no preview.").format(quoted_name=quoted_name(blob.original_name)))

    def _on_crashed(self, batch_id: int, exc: object) -> None:
        """The copying itself broke (not one file): say so, and end the batch."""
        _log.error("attaching a batch failed", exc_info=exc if isinstance(exc, BaseException)
                   else None)
        self.failed.emit(QCoreApplication.translate("AttachmentController", "Something went wrong while attaching; the files not yet copied "
                         "were not attached."))
        self._on_finished(batch_id, BatchResult(0, cancelled=False))

    def _on_finished(self, batch_id: int, result: BatchResult) -> None:
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
        if result.cancelled and left > 0:
            self.failed.emit(numerus(QCoreApplication.translate(
                "AttachmentController", "Stopped: %n files were not attached.", None, left),
                "Stopped: %n files were not attached.", left,
                "Stopped: %n file was not attached."))
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
    return (QCoreApplication.translate("controller", "“{shown}” is a web link, not a file on this computer; save it first, then attach the saved file.").format(shown=shown))



def file_provenance(how: str, path: Path, modified: float) -> dict[str, str]:
    """Where a local file came from: dropped, pasted (from a file manager) or chosen."""
    if how == "pasted":
        return {**dropped_file(path, modified or None), "kind": "pasted", "what": "file"}
    if how == "dropped":
        return dropped_file(path, modified or None)
    return chosen_file(path, modified or None)
