"""Reading the text of screenshots a new contact keeps until it is saved (pasted or dropped in
the contact dialog before the contact has an id), so that a ticket number visible in one is
offered right away. Off the GUI thread (``ui.tasks.TaskRunner``); nothing is stored here: the
exhibit's text is stored after it is attached (``ocr_queue``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage

from headway_journal.journal.capture import ocr
from headway_journal.ui.tasks import TaskContext, TaskRunner

__all__ = ["HeldTextReader"]


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub wants bytes; runtime str
    buffer.close()
    return bytes(data.data())


def _read(items: list[Any], context: TaskContext) -> dict[int, str]:
    """{id(item): text} of each held item that is an image with text."""
    out: dict[int, str] = {}
    for item in items:
        if context.cancelled:
            break
        try:
            if item.path is not None:
                text = ocr.recognise_path(item.path)
            elif item.data is not None:
                text = ocr.recognise_bytes(item.data)
            elif item.image is not None and not item.image.isNull():
                text = ocr.recognise_bytes(_png(item.image))
            else:
                continue
        except (OSError, ValueError):
            continue  # not an image, or unreadable: nothing to offer
        out[id(item)] = text
    return out


class HeldTextReader(QObject):
    """``read(items)`` reads the items not read yet; ``texts`` maps each item's name to its
    text for the items still held; ``updated`` when something new was read."""

    updated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self, max_threads=1)
        self._read_ids: dict[int, str] = {}  # id(item) -> text ("" while being read)
        self._items: list[Any] = []

    @property
    def texts(self) -> list[tuple[str, str]]:
        """(name, text) of the held items with text, in the order they were added."""
        return [(item.original_name, self._read_ids[id(item)]) for item in self._items
                if self._read_ids.get(id(item))]

    def read(self, items: list[Any]) -> bool:
        """Keep ``items`` (what is held now) and read the new ones; False if none is new."""
        self._items = list(items)
        fresh = [i for i in self._items if id(i) not in self._read_ids]
        if not fresh or ocr.unavailable() is not None:
            self.updated.emit()
            return False
        for item in fresh:
            self._read_ids[id(item)] = ""
        task = self.tasks.start(lambda context: _read(fresh, context))
        task.done.connect(self._done)
        return True

    def _done(self, result: object) -> None:
        if isinstance(result, dict):
            self._read_ids.update(result)
            self.updated.emit()

    def shutdown(self) -> None:
        self.tasks.invalidate()
        self.tasks.wait(30_000)
