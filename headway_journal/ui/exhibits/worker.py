"""Background copying of exhibits into the attachment store (used by ui.attachments).

A :class:`StoreJob` runs on a QThreadPool thread (``pool.start(job.run)``; PySide keeps
the callable alive until it has run) and only touches the content-addressed
store (``AttachmentStore.add_file`` / ``add_bytes``, which is thread-safe): hashing, copying,
fsync and the image probe happen here, and then each image's print-size copy for the case
file (``AttachmentStore.make_print_copy``). It never touches the database; the controller
inserts the rows back on the GUI thread (``JournalService.attach_stored_blob``).

Results travel through :class:`JobSignals`, a QObject that lives on the GUI thread, so every
connection to it is queued and its slots run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage

from ...journal.attachments import AttachmentError, safe_display_name

__all__ = ["JobSignals", "SourceItem", "StoreJob", "describe_failure", "image_to_png"]

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
        reason = "not enough memory"
    else:
        reason = "an unexpected error"
    return f"\u201c{display}\u201d could not be attached ({reason}); nothing was attached."


class JobSignals(QObject):
    """Create on the GUI thread without a parent (the job keeps it alive); the job emits
    from its worker thread, so connect with Qt.QueuedConnection."""

    # batch id, index in the batch, StoredBlob or None, error sentence ("" on success)
    item_done = Signal(int, int, object, str)
    # batch id, number of items stored, whether it was stopped before the end
    finished = Signal(int, int, bool)


class StoreJob:
    """Copy each item into ``store`` in order; a failing item does not stop the others."""

    def __init__(self, batch_id: int, store: Any, items: list[SourceItem],
                 signals: JobSignals) -> None:
        self.batch_id = batch_id
        self._store = store
        self._items = list(items)
        self.signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the file being copied now (a copy in progress always completes)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        stored = 0
        for index, item in enumerate(self._items):
            if self._cancel.is_set():
                break
            try:
                if item.image is not None:
                    png = image_to_png(item.image)
                    if not png:
                        raise AttachmentError("The image could not be converted to PNG; "
                                              "nothing was attached.", "invalid")
                    blob = self._store.add_bytes(png, original_name=item.original_name)
                elif item.data is not None:
                    blob = self._store.add_bytes(item.data, original_name=item.original_name)
                elif item.path is not None:
                    blob = self._store.add_file(item.path, original_name=item.original_name)
                else:  # pragma: no cover - programming error
                    raise AttachmentError("Nothing to attach.", "invalid")
            except Exception as exc:  # one readable sentence per bad file, then go on
                if not isinstance(exc, (AttachmentError, OSError)):
                    _log.exception("storing an exhibit failed (%s)", type(exc).__name__)
                message = describe_failure(item.original_name, exc)
                self.signals.item_done.emit(self.batch_id, index, None, message)
                continue
            stored += 1
            self.signals.item_done.emit(self.batch_id, index, blob, "")
            # The print-size copy the case file places, made once here (off the GUI thread,
            # while the row is written) so the first case file finds it ready. It never
            # raises; without it the case file makes the copy itself.
            self._store.make_print_copy(blob)
        self.signals.finished.emit(self.batch_id, stored, self._cancel.is_set())
