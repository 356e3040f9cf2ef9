"""Thumbnails of exhibits, made off the GUI thread and kept as pixmaps by content."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from ...journal.records import AttachmentView
from ..tasks import TaskContext, TaskRunner

if TYPE_CHECKING:  # pragma: no cover
    from ...journal.service import JournalService

__all__ = [
    "THUMB_PX",
    "ThumbnailCache",
]

_log = logging.getLogger(__name__)

THUMB_PX = 256  # cached thumbnail size in the store (drawn smaller; sharp on HiDPI)


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
        self._tasks = TaskRunner(self, max_threads=2)

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
        store, max_px = self._service.store, self._max_px

        def work(_context: TaskContext) -> QImage | None:
            image: QImage | None = None
            try:
                data = store.thumbnail_bytes(sha, max_px)  # sealed in a locked journal
                if data is not None:
                    loaded = QImage.fromData(data)
                    image = None if loaded.isNull() else loaded
            except Exception as exc:  # no preview, never a crash
                _log.warning("thumbnail failed (%s)", type(exc).__name__)
            return image

        task = self._tasks.start(work)
        task.done.connect(lambda image: self._on_loaded(sha, image))
        task.failed.connect(lambda _exc: self._on_loaded(sha, None))
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
        self._tasks.wait(timeout_ms)

