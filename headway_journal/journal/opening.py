"""Opening a journal folder as one flow, for the window and the command line to present.

``open_journal_for_use(folder)`` takes the lock, checks and upgrades the database (``db.open_journal``
through ``JournalService.open``), and returns an ``OpenOutcome``: the open service, or why
not in plain words. For a damaged journal the newest sound backup is offered
(``ask_restore``, the caller's question to the user): yes restores it (the damaged database
is kept in backups/) and opens again. With ``backup=True`` an "open" backup is made once the
journal is open (``backup.backup_on_open``); a backup that cannot be made is a note, never a
reason not to open.

With ``defer_check=True`` (the window) a journal whose full integrity check is due after an
unclean exit opens ``unchecked`` without waiting for the check: readable, writes refused, no
backup yet. The caller runs ``service.journal.run_check()`` off its main thread and then
``accept_checked`` (writable, seeded, the "open" backup) or ``damaged_outcome`` (the same
damaged-journal outcome, with the newest sound backup offered, after closing the service).
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .. import i18n
from .backup import BackupInfo, backup_on_open, list_backups, newest_sound_backup, restore_database
from .db import (
    BACKUPS_DIR,
    JournalDamaged,
    JournalError,
    JournalLocked,
    JournalNeedsKey,
    JournalTooNew,
    raise_if_damaged,
    resolve_journal_dir,
)

if TYPE_CHECKING:  # pragma: no cover
    from .crypto.keys import JournalKeys
    from .service import JournalService

__all__ = ["OpenOutcome", "accept_checked", "after_failed_check", "backup_problem", "check_failure", "damaged_outcome", "local_when",
           "open_journal_for_use", "open_or_explain"]


# "declined": the user chose not to restore the offered backup (nothing was touched);
# "not_restored": restoring it failed (the damaged journal is where it was).
# "needs_key": the journal is encrypted and was opened without its keys (ask the passphrase).
OpenKind = Literal["ok", "damaged", "locked", "too_new", "error", "declined", "not_restored",
                   "needs_key"]


@dataclass
class OpenOutcome:
    """What happened when opening a journal, for the GUI to show and the CLI to print."""

    kind: OpenKind
    folder: Path
    service: JournalService | None = None
    message: str = ""
    offer: Path | None = None  # the newest sound backup, for a damaged journal
    offer_made_at: datetime | None = None
    backups: list[BackupInfo] = field(default_factory=list)
    note: str = ""  # for the status bar: the backup restored, or a start-up backup not made

    @property
    def ok(self) -> bool:
        return self.kind == "ok"

    def explain(self) -> str:
        """A few plain sentences for the user."""
        if self.ok:
            return i18n.text("The journal at {folder} is open.").format(folder=self.folder)
        lines = [self.message]
        if self.kind == "damaged":
            if self.offer is not None:
                when = self.offer_made_at.strftime("%Y-%m-%d %H:%M UTC") if self.offer_made_at else ""
                lines.append(
                    i18n.text("The newest sound backup is {name}").format(name=self.offer.name) + (i18n.text(" (made {when})").format(when=when) if when else "")
                    + i18n.text(". Restoring it keeps the damaged file in the backups folder.")
                )
            else:
                lines.append(i18n.text("No sound backup was found. The damaged file has not been touched; "
                             "keep it and ask for help before doing anything else."))
        return " ".join(lines)


def open_or_explain(folder: Path | str | None,
                    opener: Callable[[Path], JournalService] | None = None, *,
                    defer_check: bool = False, keys: JournalKeys | None = None) -> OpenOutcome:
    """Open the journal, or say why not. For a damaged journal nothing is moved, written or
    deleted, and the newest sound backup is offered. ``keys``: a locked journal's."""
    from .service import JournalService, ServiceError

    path = resolve_journal_dir(folder)
    open_ = opener or (lambda p: JournalService.open(p, defer_check=defer_check, keys=keys))
    try:
        svc = open_(path)
    except JournalDamaged as exc:
        return damaged_outcome(path, str(exc))
    except JournalNeedsKey as exc:
        return OpenOutcome("needs_key", path, message=str(exc))
    except JournalLocked as exc:
        return OpenOutcome("locked", path, message=str(exc))
    except JournalTooNew as exc:
        return OpenOutcome("too_new", path, message=str(exc))
    except (JournalError, ServiceError) as exc:
        return OpenOutcome("error", path, message=str(exc))
    except OSError as exc:
        return OpenOutcome("error", path, message=(
            i18n.text("The journal at {path} could not be opened: {value}.").format(path=path, value=exc.strerror or exc)))
    return OpenOutcome("ok", path, service=svc)


def damaged_outcome(folder: Path, message: str) -> OpenOutcome:
    """The outcome for a damaged journal: the newest sound backup offered, nothing touched."""
    offer = newest_sound_backup(folder)
    infos = list_backups(folder)
    made = next((b.made_at for b in infos if b.path == offer), None)
    return OpenOutcome("damaged", folder, message=message, offer=offer, offer_made_at=made,
                       backups=infos)


def check_failure(problems: list[str]) -> str:
    """The damaged-journal message for what a deferred check found ('' if nothing)."""
    try:
        raise_if_damaged(problems)
    except JournalDamaged as exc:
        return str(exc)
    return ""


def accept_checked(service: JournalService, *, backup: bool = True) -> str:
    """The deferred check passed: make the journal writable, seed and refresh it as an open
    does, and make the "open" backup (``backup``). Returns a line for the status bar ('')."""
    if not service.unchecked:
        return ""
    service.accept_check()
    service.seed_defaults()
    service.refresh_due_dates(only_missing=True)
    return backup_problem(service) if backup else ""


def local_when(moment: datetime | None) -> str:
    """A backup's time in local time, e.g. '2026-11-26 17:49' ('date unknown' without one)."""
    if moment is None:
        return i18n.text("date unknown")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def open_journal_for_use(folder: Path | str | None, *,
                         ask_restore: Callable[[OpenOutcome], bool] | None = None,
                         backup: bool = False,
                         opener: Callable[[Path], JournalService] | None = None,
                         defer_check: bool = False,
                         keys: JournalKeys | None = None) -> OpenOutcome:
    """Open the journal in ``folder`` (see the module docstring); the one outcome says what
    happened. ``ask_restore`` is asked only for a damaged journal with a sound backup."""
    outcome = open_or_explain(folder, opener, defer_check=defer_check, keys=keys)
    note = ""
    if outcome.kind == "damaged" and outcome.offer is not None and ask_restore is not None:
        outcome, note = _restore_offered(outcome, ask_restore, opener)
    if outcome.ok and outcome.service is not None:
        unchecked = outcome.service.unchecked  # its backup waits for accept_checked
        problem = backup_problem(outcome.service) if backup and not unchecked else ""
        outcome.note = problem or note
    return outcome


def _restore_offered(damaged: OpenOutcome, ask_restore: Callable[[OpenOutcome], bool],
                     opener: Callable[[Path], JournalService] | None) -> tuple[OpenOutcome, str]:
    """Ask about the offered backup; restore it and open again (its check runs on open)."""
    assert damaged.offer is not None
    if not ask_restore(damaged):
        return OpenOutcome("declined", damaged.folder, message=damaged.message), ""
    try:
        kept = restore_database(damaged.folder, damaged.offer)
    except Exception as exc:  # the backup went bad meanwhile, the folder is read-only, ...
        return OpenOutcome("not_restored", damaged.folder, message=(
            i18n.text("The backup could not be restored: {exc}\n\nYour damaged journal is where it was; your backups are in {value}.").format(exc=exc, value=damaged.folder / BACKUPS_DIR))), ""
    note = (i18n.text("Restored the backup of {local_when}; the damaged journal is kept in backups ({name}).").format(local_when=local_when(damaged.offer_made_at), name=kept.name))
    return open_or_explain(damaged.folder, opener), note


def after_failed_check(service: JournalService, problems: list[str], *,
                       ask_restore: Callable[[OpenOutcome], bool] | None = None,
                       backup: bool = True) -> OpenOutcome:
    """The deferred check found ``problems``: close the (never written) journal and present
    it as a damaged one, as ``open_journal_for_use`` does (the newest sound backup offered;
    yes restores it and opens the restored journal)."""
    folder = service.folder
    service.close()
    outcome = damaged_outcome(folder, check_failure(problems))
    note = ""
    if outcome.offer is not None and ask_restore is not None:
        outcome, note = _restore_offered(outcome, ask_restore, None)
    if outcome.ok and outcome.service is not None:
        outcome.note = (backup_problem(outcome.service) if backup else "") or note
    return outcome


def backup_problem(service: JournalService) -> str:
    """The "open" backup of a writable journal; a problem is a line for the status bar."""
    if service.read_only is not None:  # nothing can be written to a read-only one
        return ""
    try:
        backup_on_open(service.journal)
    except Exception as exc:
        return (i18n.text("The start-up backup could not be made ({exc}); your journal is fine. File > Back up now tries again.").format(exc=exc))
    return ""
