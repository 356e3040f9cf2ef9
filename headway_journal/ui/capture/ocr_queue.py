"""Recognising the text of image exhibits after they are stored, off the GUI thread.

``OcrQueue(service_getter, parent).recognise(ids)`` is connected to each attachment controller's
``attached`` signal: the image exhibits among ``ids`` are read by Tesseract on a worker thread
and the text is stored through the service on the GUI thread. The reading runs on ONE runner
that lives as long as the application (:func:`ocr_events`), not as long as the window that asked:
a contact dialog that stores its screenshots and closes still gets them read. Without Tesseract
nothing happens (Settings says how to enable it).

Every stored text is announced on ``ocr_events().changed(service, attachment_id)`` (the service
names the journal: attachment ids of two journals can be equal) so that the viewer and the
contact dialog can show it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from headway_journal.journal.capture import ocr
from headway_journal.journal.exhibits.images import PILLOW_FORMATS
from headway_journal.journal.service import JournalService, ServiceError
from headway_journal.ui.tasks import TaskContext, TaskRunner

__all__ = ["OcrEvents", "OcrQueue", "ocr_events", "ocr_status_text"]

Job = list[tuple[int, Path, str]]  # (attachment id, stored file, media type)
Result = list[tuple[int, str | None, str]]  # (attachment id, text or None, problem)


class OcrEvents(QObject):
    """The application's reader of exhibits and the announcements of what it stored (or the
    user corrected): ``changed(service, attachment_id)``."""

    changed = Signal(object, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self, max_threads=1)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self, msecs: int = 30_000) -> None:
        """Drop what is still being read and wait for the image being read (on quit)."""
        self.tasks.invalidate()
        self.tasks.wait(msecs)


_EVENTS: list[OcrEvents] = []


def ocr_events() -> OcrEvents:
    """The one :class:`OcrEvents` of the application (made on first use, on the GUI thread)."""
    if not _EVENTS:
        _EVENTS.append(OcrEvents(QCoreApplication.instance()))
    return _EVENTS[0]


def ocr_status_text() -> str:
    """What Settings says about recognising text in screenshots (and how to enable it)."""
    missing = ocr.unavailable()
    if missing is None:
        return QCoreApplication.translate(
            "OcrQueue", "Text in screenshots is recognised with {engine} after they are "
            "attached: it is searchable and offers ticket numbers and dates.").format(
            engine=ocr.engine_name())
    return QCoreApplication.translate("OcrQueue", "Text in screenshots is not recognised. ") \
        + missing


def _read_all(job: Job, context: TaskContext) -> Result:
    out: Result = []
    for attachment_id, path, media_type in job:
        if context.cancelled:
            break
        try:
            out.append((attachment_id, ocr.recognise_file(path, media_type), ""))
        except (OSError, ValueError) as exc:
            out.append((attachment_id, None, str(exc)))
    return out


def _store(svc: JournalService, result: object, replace_correction: bool) -> tuple[list[int],
                                                                                   list[str]]:
    """Store what was read (on the GUI thread); the ids stored and the problems."""
    stored: list[int] = []
    problems: list[str] = []
    for attachment_id, text, problem in result if isinstance(result, list) else []:
        if text is None:
            problems.append(problem)
            continue
        try:
            if svc.save_recognised_text(attachment_id, text, ocr.engine_name(),
                                        replace_correction=replace_correction):
                stored.append(attachment_id)
        except ServiceError as exc:
            problems.append(str(exc))
        except Exception:  # noqa: BLE001 - the journal was closed while the image was read
            break
    for attachment_id in stored:
        ocr_events().changed.emit(svc, attachment_id)
    return stored, problems


class OcrQueue(QObject):
    """See the module docstring. ``done(list)``: ids whose text was stored; ``failed(str)``:
    one sentence per exhibit not read (while this queue's owner is still there)."""

    done = Signal(list)
    failed = Signal(str)

    def __init__(self, service: Callable[[], JournalService], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service

    @property
    def tasks(self) -> TaskRunner:
        return ocr_events().tasks

    @staticmethod
    def available() -> bool:
        return ocr.unavailable() is None

    def recognise(self, ids: list[int], *, replace_correction: bool = False) -> bool:
        """Queue the image exhibits among ``ids``; False when there is nothing to do."""
        if not ids or not self.available():
            return False
        svc = self._service()
        job: Job = []
        for attachment_id in ids:
            try:
                view = svc.attachment(attachment_id)
                if view.media_type in PILLOW_FORMATS and view.removed_at is None:
                    job.append((attachment_id, svc.attachment_path(attachment_id),
                                view.media_type))
            except (ServiceError, OSError):
                continue
        if not job:
            return False
        task = self.tasks.start(lambda context: _read_all(job, context))
        # stored even when this queue's owner (a closed dialog) is gone
        task.done.connect(lambda result: self._report(*_store(svc, result, replace_correction)))
        task.failed.connect(lambda exc: self._report([], [QCoreApplication.translate("OcrQueue", "Text could not be recognised: {exc}").format(
            exc=exc)]))
        return True

    def _report(self, stored: list[int], problems: list[str]) -> None:
        try:
            for problem in problems:
                self.failed.emit(problem)
            if stored:
                self.done.emit(stored)
        except RuntimeError:  # this queue's C++ object went with its dialog
            return

    def shutdown(self, msecs: int = 30_000) -> None:
        ocr_events().shutdown(msecs)
