"""Background copying of exhibits into the attachment store (used by the controller).

A :class:`StoreJob` runs as a :class:`~headway_journal.ui.tasks.Task` on the controller's
``TaskRunner`` (``runner.start(job.run)``) and only touches the content-addressed
store (``AttachmentStore.add_file`` / ``add_bytes``, which is thread-safe): hashing, copying,
fsync and the image probe happen here, and then each image's print-size copy for the case
file (``AttachmentStore.make_print_copy``). It never touches the database; the controller
inserts the rows back on the GUI thread (``JournalService.attach_stored_blob``).

Each item's outcome is the task's ``progress`` (an :class:`ItemResult`), and the batch's end its
``done`` (a :class:`BatchResult`); the task delivers both on the GUI thread, in order.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage

from ...journal.exhibits import AttachmentError, safe_display_name
from ..tasks import TaskContext

__all__ = [
    "BatchResult",
    "ItemResult",
    "SourceItem",
    "StoreJob",
    "describe_failure",
    "image_to_png",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceItem:
    """One thing to store: a local file (``path``), bytes in memory (``data``) or an image
    to be encoded as PNG on the worker thread (``image``; QImage is reentrant)."""

    original_name: str
    path: Path | None = None
    data: bytes | None = None
    image: QImage | None = None
    size: int = 0  # best guess before copying (for the progress dialog); 0 if unknown
    # where it came from (journal.capture.provenance), stored with the exhibit's row
    provenance: Mapping[str, str] | None = None


def image_to_png(image: QImage) -> bytes:
    """PNG bytes of ``image`` (empty for a null image). Safe on any thread."""
    if image.isNull():
        return b""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub wants bytes; runtime wants str
    buffer.close()
    return bytes(data.data()) if ok else b""


def describe_failure(name: str, exc: BaseException) -> str:
    """One plain sentence for the user; never a traceback."""
    if isinstance(exc, AttachmentError):
        return str(exc)
    display = safe_display_name(name)
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
    elif isinstance(exc, MemoryError):
        reason = QCoreApplication.translate("worker", "not enough memory")
    else:
        reason = QCoreApplication.translate("worker", "an unexpected error")
    return QCoreApplication.translate("worker", "“{display}” could not be attached ({reason}); nothing was attached.").format(display=display, reason=reason)


@dataclass(frozen=True)
class ItemResult:
    """One item's outcome: the StoredBlob, or None and a sentence for the user."""

    index: int  # in the batch
    blob: Any
    error: str = ""


@dataclass(frozen=True)
class BatchResult:
    """How many items were stored, and whether the batch was stopped before the end."""

    stored: int
    cancelled: bool


class StoreJob:
    """Copy each item into ``store`` in order; a failing item does not stop the others."""

    def __init__(self, store: Any, items: list[SourceItem]) -> None:
        self._store = store
        self._items = list(items)

    def run(self, context: TaskContext) -> BatchResult:
        """Runs on the worker thread. Cancelling the task stops after the file being copied
        now (a copy in progress always completes)."""
        stored = 0
        for index, item in enumerate(self._items):
            if context.cancelled:
                break
            try:
                if item.image is not None:
                    png = image_to_png(item.image)
                    if not png:
                        raise AttachmentError(QCoreApplication.translate("StoreJob", "The image could not be converted to PNG; "
                                              "nothing was attached."), "invalid")
                    blob = self._store.add_bytes(png, original_name=item.original_name)
                elif item.data is not None:
                    blob = self._store.add_bytes(item.data, original_name=item.original_name)
                elif item.path is not None:
                    blob = self._store.add_file(item.path, original_name=item.original_name)
                else:  # pragma: no cover - programming error
                    raise AttachmentError(QCoreApplication.translate("StoreJob", "Nothing to attach."), "invalid")
            except Exception as exc:  # one readable sentence per bad file, then go on
                if not isinstance(exc, (AttachmentError, OSError)):
                    _log.exception("storing an exhibit failed (%s)", type(exc).__name__)
                message = describe_failure(item.original_name, exc)
                context.progress(ItemResult(index, None, message))
                continue
            stored += 1
            context.progress(ItemResult(index, blob))
            # The print-size copy the case file places, made once here (off the GUI thread,
            # while the row is written) so the first case file finds it ready. It never
            # raises; without it the case file makes the copy itself.
            self._store.make_print_copy(blob)
        return BatchResult(stored, context.cancelled)
