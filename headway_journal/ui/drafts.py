"""Drafts: what a dialog holds is written to disk every few seconds, so nothing typed is lost.

A draft is a small JSON file in ``<journal folder>/drafts/`` (``contact-<case id>.json``,
``case-new.json``...). It is written atomically (temporary file, fsync, ``os.replace``, then the
folder is synced) with mode 0600, deleted when the dialog saves successfully and kept when the
dialog is closed without saving, or when the program dies. The next time the same dialog opens, the
draft is offered back.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

DRAFTS_DIR = "drafts"
FORMAT = 1
AUTOSAVE_MS = 2000


@dataclass(frozen=True)
class Draft:
    name: str
    saved_at: datetime  # aware, local time
    data: dict[str, Any]


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class DraftStore:
    """The drafts folder of one journal."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def for_journal(cls, journal_folder: Path) -> DraftStore:
        return cls(Path(journal_folder) / DRAFTS_DIR)

    def path(self, name: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
        return self.folder / f"{safe}.json"

    def save(self, name: str, data: dict[str, Any]) -> Draft:
        """Write the draft atomically; raises OSError when the disk refuses."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        saved_at = datetime.now().astimezone().replace(microsecond=0)
        payload = {"format": FORMAT, "name": name, "saved_at": saved_at.isoformat(), "data": data}
        blob = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        target = self.path(name)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=self.folder)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.folder)
        return Draft(name, saved_at, data)

    def load(self, name: str) -> Draft | None:
        """The draft, or None. A damaged file is moved aside (never deleted) and ignored."""
        target = self.path(name)
        try:
            raw = target.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return None
        try:
            payload = json.loads(raw.decode("utf-8"))
            data = payload["data"]
            saved_at = datetime.fromisoformat(payload["saved_at"])
            if not isinstance(data, dict):
                raise ValueError("draft data is not an object")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            with contextlib.suppress(OSError):
                os.replace(target, target.with_name(f"{target.stem}.damaged-{stamp}.json"))
            return None
        if saved_at.tzinfo is None:
            saved_at = saved_at.astimezone()
        return Draft(name, saved_at, data)

    def exists(self, name: str) -> bool:
        return self.path(name).is_file()

    def delete(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(name).unlink()
            _fsync_dir(self.folder)


class DraftKeeper(QObject):
    """Autosaves a dialog's content every ``interval_ms`` when it has changed.

    ``collect`` returns the draft data, or None when there is nothing worth keeping (then the
    draft file is removed). ``saved`` carries the time of the last successful write; ``failed``
    a sentence when the disk refused.
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, store: DraftStore, name: str, collect: Callable[[], dict[str, Any] | None],
                 parent: QObject | None = None, interval_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.name = name
        self._collect = collect
        self._last: str | None = None
        self._enabled = True
        self.last_saved: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)

    def start(self) -> None:
        self._last = self._fingerprint(self._collect())
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @staticmethod
    def _fingerprint(data: dict[str, Any] | None) -> str | None:
        return None if data is None else json.dumps(data, sort_keys=True, ensure_ascii=False)

    def save_now(self) -> bool:
        """Write the draft if it changed; True when the draft on disk matches the dialog."""
        if not self._enabled:
            return False
        data = self._collect()
        fp = self._fingerprint(data)
        if fp == self._last and (data is None or self.store.exists(self.name)):
            return True
        try:
            if data is None:
                self.store.delete(self.name)
            else:
                draft = self.store.save(self.name, data)
                self.last_saved = draft.saved_at
                self.saved.emit(draft.saved_at)
        except OSError as exc:
            self.failed.emit(f"The draft could not be written ({exc.strerror or exc}).")
            return False
        self._last = fp
        return True

    def discard(self) -> None:
        """The dialog saved: stop autosaving and remove the draft."""
        self._enabled = False
        self.timer.stop()
        with contextlib.suppress(OSError):
            self.store.delete(self.name)


def describe_saved_at(saved_at: datetime, now: datetime | None = None) -> str:
    """ "today at 14:03", "yesterday at 09:12" or "Mon Nov 23 at 16:40", in the user's locale."""
    from PySide6.QtCore import QLocale, QTime

    local = saved_at.astimezone()
    now = (now or datetime.now().astimezone()).astimezone()
    clock = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    days = (now.date() - local.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    return f"{local:%a %b} {local.day} at {clock}" + (f" {local.year}" if local.year != now.year else "")


def offer_draft(parent: Any, store: DraftStore, name: str, what: str) -> Draft | None:
    """Ask whether to restore the draft ``name``; return it when the answer is Yes.

    When the user says No the draft is set aside as ``<name>.declined.json`` (one copy, replaced
    each time) rather than deleted outright.
    """
    from PySide6.QtWidgets import QMessageBox

    draft = store.load(name)
    if draft is None:
        return None
    answer = QMessageBox.question(
        parent,
        "Unsaved draft",
        f"Restore the unsaved {what} from {describe_saved_at(draft.saved_at)}?\n\n"
        "Yes fills the form with it. No starts empty and sets the draft aside.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return draft
    path = store.path(name)
    with contextlib.suppress(OSError):
        os.replace(path, path.with_name(f"{path.stem}.declined.json"))
    return None
