"""Drafts: what a dialog holds is written to disk as it is typed, so nothing typed is lost.

A draft is a small JSON file in ``<journal folder>/drafts/`` (``contact-<case id>.json``,
``case-new.json``...). It is written atomically (temporary file, fsync, ``os.replace``, then the
folder is synced) with mode 0600 half a second after the last change (``DraftKeeper.watch``:
every edit restarts a single-shot timer; a slower periodic check catches the rest), deleted when
the dialog saves successfully and kept when the dialog is closed without saving, or when the
program dies. The next time the same dialog opens the draft is offered back, and so is every draft
left behind when the app starts again (``draft_offer.DraftOfferBar``).
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

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from .. import platform
from ..journal.crypto import unlocked
from ..journal.filenames import MAX_NAME_UNITS, portable_name
from ..journal.fsutil import fsync_dir

DRAFTS_DIR = "drafts"
FORMAT = 1
AUTOSAVE_MS = 2000  # the periodic check (hold minutes and anything no signal announced)
IDLE_MS = 500  # after the last keystroke or change: written within this idle time
WATCHED = "draftWatched"  # a widget property: its change signals already reach a keeper
SET_ASIDE_MARKS = (".declined", ".damaged-")


@dataclass(frozen=True)
class Draft:
    """A form's unsaved content kept on disk, and when it was kept."""
    name: str
    saved_at: datetime  # aware, local time
    data: dict[str, Any]


class DraftStore:
    """The drafts folder of one journal."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def for_journal(cls, journal_folder: Path) -> DraftStore:
        return cls(Path(journal_folder) / DRAFTS_DIR)

    def path(self, name: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
        return self.folder / portable_name(f"{safe}.json", max_len=MAX_NAME_UNITS)

    def save(self, name: str, data: dict[str, Any]) -> Draft:
        """Write the draft atomically; raises OSError when the disk refuses."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        saved_at = datetime.now().astimezone().replace(microsecond=0)
        payload = {"format": FORMAT, "name": name, "saved_at": saved_at.isoformat(), "data": data}
        blob = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        keys = unlocked.keys_for(self.folder)
        if keys is not None:  # a locked journal's drafts are sealed like its other files
            from ..journal.crypto import sealed  # cryptography: not before the window

            blob = sealed.seal_bytes(keys.files, blob)
        target = self.path(name)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=self.folder)
        try:
            platform.fchmod_private(fd)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        fsync_dir(self.folder)
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
        from ..journal.crypto import sealed  # cryptography: not before the window

        try:
            keys = unlocked.keys_for(self.folder)
            if raw.startswith(sealed.MAGIC):
                if keys is None:
                    return None  # a locked journal's draft, and the journal is locked
                raw = sealed.open_bytes(keys.files, raw)
            payload = json.loads(raw.decode("utf-8"))
            data = payload["data"]
            saved_at = datetime.fromisoformat(payload["saved_at"])
            if not isinstance(data, dict):
                raise ValueError(QCoreApplication.translate("DraftStore", "draft data is not an object"))
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

    def names(self) -> list[str]:
        """The drafts waiting to be offered (not those set aside or damaged), oldest first."""
        try:
            files = [p for p in self.folder.glob("*.json")
                     if not any(mark in p.name for mark in SET_ASIDE_MARKS)]
            files.sort(key=lambda p: (p.stat().st_mtime, p.name))
        except OSError:
            return []
        return [p.stem for p in files]

    def set_aside(self, name: str) -> None:
        """The user declined the draft: keep it as ``<name>.declined.json`` (one copy, replaced
        each time) rather than deleting it outright."""
        path = self.path(name)
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(f"{path.stem}.declined.json"))
            fsync_dir(self.folder)

    def delete(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(name).unlink()
            fsync_dir(self.folder)


class DraftKeeper(QObject):
    """Autosaves a dialog's content ``idle_ms`` after each change, and every ``interval_ms``.

    ``watch(widget)`` connects the change signals of every editor in ``widget`` (call it again
    for editors added later); each change restarts the single-shot ``idle`` timer, so what was
    typed is on disk within ``idle_ms`` of the last keystroke. ``collect`` returns the draft data,
    or None when there is nothing worth keeping (then the draft file is removed). ``saved``
    carries the time of the last successful write; ``failed`` a sentence when the disk refused.
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, store: DraftStore, name: str, collect: Callable[[], dict[str, Any] | None],
                 parent: QObject | None = None, interval_ms: int = AUTOSAVE_MS,
                 idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.name = name
        self._collect = collect
        self._last: str | None = None
        self._enabled = True
        self._running = False  # between start() and stop()
        self.last_saved: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self.save_now)

    def start(self) -> None:
        self._last = self._fingerprint(self._collect())
        self._running = True
        self.timer.start()

    def stop(self) -> None:
        self._running = False
        self.timer.stop()
        self.idle.stop()

    def touch(self, *_args: object) -> None:
        """Something changed: write the draft once the user pauses for ``idle_ms``."""
        if self._enabled and self._running:
            self.idle.start()  # restarts a running countdown

    def watch(self, root: QWidget) -> None:
        """Every editor in ``root`` (and ``root`` itself) restarts the idle countdown."""
        for widget in (root, *root.findChildren(QWidget)):
            if widget.property(WATCHED):
                continue
            if self._connect(widget):
                widget.setProperty(WATCHED, True)

    def _connect(self, w: QWidget) -> bool:
        # the editor classes load with the first dialog watched (the window's start skips them)
        from PySide6.QtWidgets import (
            QAbstractButton,
            QComboBox,
            QDateTimeEdit,
            QDoubleSpinBox,
            QLineEdit,
            QPlainTextEdit,
            QSpinBox,
            QTextEdit,
        )

        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            w.textChanged.connect(self.touch)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self.touch)
            w.currentTextChanged.connect(self.touch)
        elif isinstance(w, QDateTimeEdit):
            w.dateTimeChanged.connect(self.touch)
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            w.valueChanged.connect(self.touch)
        elif isinstance(w, QAbstractButton):
            w.toggled.connect(self.touch)
        else:
            return False
        return True

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
            self.failed.emit(QCoreApplication.translate("DraftKeeper", "The draft could not be written ({value}).").format(value=exc.strerror or exc))
            return False
        self._last = fp
        return True

    def discard(self) -> None:
        """The dialog saved: stop autosaving and remove the draft."""
        self._enabled = False
        self.timer.stop()
        self.idle.stop()
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
        return QCoreApplication.translate("drafts", "today at {clock}").format(clock=clock)
    if days == 1:
        return QCoreApplication.translate("drafts", "yesterday at {clock}").format(clock=clock)
    return f"{local:%a %b} {local.day} at {clock}" + (f" {local.year}" if local.year != now.year else "")


def keep_drafts(dialog: QWidget, store: DraftStore, name: str,
                collect: Callable[[], dict[str, Any] | None], *,
                saved: Callable[[object], None], status: Callable[[str], None]) -> DraftKeeper:
    """A started DraftKeeper for ``dialog``: every editor in it watched (each change on disk
    half a second later), ``saved`` told of each write, ``status`` of a refused one."""
    keeper = DraftKeeper(store, name, collect, dialog)
    keeper.saved.connect(saved)
    keeper.failed.connect(status)
    keeper.start()
    keeper.watch(dialog)
    return keeper


def offer_draft(parent: Any, store: DraftStore, name: str, what: str, *,
                resume: bool = False) -> Draft | None:
    """Ask whether to restore the draft ``name``; return it when the answer is Yes.

    ``resume``: the user already chose to resume it (the start-up offer): no question. When the
    user says No the draft is set aside (``DraftStore.set_aside``) rather than deleted outright.
    """
    from PySide6.QtWidgets import QMessageBox

    draft = store.load(name)
    if draft is None or resume:
        return draft
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("drafts", "Unsaved draft"),
        QCoreApplication.translate("drafts", "Restore the unsaved {what} from {describe_saved_at}?\n\nYes fills the form with it. No starts empty and sets the draft aside.").format(what=what, describe_saved_at=describe_saved_at(draft.saved_at)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return draft
    store.set_aside(name)
    return None
