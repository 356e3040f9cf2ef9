"""The journal opened, and the window's first read started, before the toolkit is loaded.

Loading PySide6 and making the application take about a third of a second before the window
can be built; the window's first read (``ui.first_read``: the sidebar's counts, the 'due'
view's ids and its first page) takes a tenth of a second on a journal of 100,000 contacts,
most of it SQLite's own work, which lets go of the interpreter's lock. Started here, the read
runs on the second core while PySide6 loads, and it is ready long before the window asks for
it, on a small journal and a large one alike (docs/performance.md, item 19).

Only the plain case is opened here: a journal that opens without a word to say. Anything that
needs the user (a locked or encrypted journal, a damaged one with a backup to offer, another
window holding it, a note for the status bar) is left as it was: nothing is kept open and the
window's usual opening (``ui.app.open_service``) opens it again and explains. This module
never imports Qt: it runs before PySide6 is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..journal.db import DB_NAME, resolve_journal_dir
from ..journal.opening import open_journal_for_use
from ..journal.records import FirstScreen
from ..journal.service import JournalService
from .first_read import FirstRead

__all__ = ["EarlyOpen", "open_early"]


@dataclass
class EarlyOpen:
    """A journal opened before the window, with its first read under way."""

    folder: Path
    service: JournalService
    first_read: FirstRead[FirstScreen]
    taken: bool = False  # the window took the journal over (and closes it)

    def take(self) -> tuple[JournalService, FirstRead[FirstScreen]]:
        """The journal and its first read, for the window (which closes the journal)."""
        self.taken = True
        return self.service, self.first_read

    def close(self) -> None:
        """Unless the window took it over: the read ends and the journal closes (the window
        could not start, or another window on this journal came to the front)."""
        if self.taken:
            return
        self.taken = True
        self.first_read.wait()
        self.service.close()


def open_early(journal_dir: Path | None) -> EarlyOpen | None:
    """The journal in ``journal_dir`` (else the default one) opened as the window opens it,
    with its first read started; None when opening it needs the user or says anything."""
    try:
        folder = resolve_journal_dir(journal_dir)
        if not (folder / DB_NAME).is_file():
            return None  # a new journal: the welcome panel's first start, as before
        outcome = open_journal_for_use(folder, backup=True, defer_check=True)
    except Exception:  # noqa: BLE001 - opened again the usual way, which explains it
        return None
    service = outcome.service
    if not outcome.ok or service is None:
        return None
    if outcome.note:  # a start-up backup not made: said in the window's language, as before
        service.close()
        return None
    return EarlyOpen(folder, service, FirstRead(service.first_screen))
