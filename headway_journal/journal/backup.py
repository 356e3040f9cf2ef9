"""Backups of the journal database, their schedule, and restoring one. Never imports Qt.

Every backup is a checked copy made with SQLite's online backup API (``db.sqlite_backup``) in
``<journal>/backups/``, named ``<UTC stamp>-<reason>.sqlite3``, e.g.
``20261126T164948Z-close.sqlite3``. Beside it, ``<same name>.attachments.json`` lists the SHA-256
and size of every exhibit the copy refers to, so a restore can say which files must exist (the
exhibit store itself is content-addressed and append-only, so it is not copied).
``db.upgrade_schema`` adds ``before-upgrade-<revision>-<UTC stamp>.sqlite3`` before any upgrade.

Nothing here deletes or rewrites a database that fails to open: a damaged journal is left where
it is, the newest sound backup is offered (``opening.open_or_explain``), and a restore moves the database
it replaces into ``backups/`` (``<stamp>-replaced.sqlite3``, never pruned).

Restoring needs the journal closed: ``restore_database(folder, backup)`` takes the folder lock
itself and fails with ``JournalLocked`` while the journal is open anywhere, this process included.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import shutil
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .. import i18n
from .crypto import unlocked
from .db import (
    BACKUPS_DIR,
    DB_NAME,
    KNOWN_REVISIONS,
    FolderLock,
    Journal,
    JournalDamaged,
    JournalError,
    JournalTooNew,
    connect_file,
    connect_readonly,
    db_errors,
    quick_check,
    read_revision,
    sqlite_backup,
)
from .filenames import portable_name
from .fsutil import fsync_dir, fsync_file, make_private_dir, write_atomic

__all__ = [
    "BackupInfo",
    "BackupManager",
    "BackupRefused",
    "RestoreResult",
    "arm_command_backup",
    "backup_before_command",
    "backup_on_close",
    "backup_on_open",
    "check_backup",
    "list_backups",
    "maybe_periodic",
    "missing_attachments",
    "newest_sound_backup",
    "prune_backups",
    "read_sidecar",
    "restore_database",
    "restore_journal",
]

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
SIDECAR_SUFFIX = ".attachments.json"
SIDECAR_FORMAT = 1
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
KEEP_MONTHLY = 12
PROTECT_DAYS = 30  # "before-upgrade" and "before-restore" copies are kept at least this long
PROTECTED_PREFIXES = ("before-upgrade", "before-restore")
REPLACED = "replaced"  # a database set aside by a restore: never pruned, never offered
OPEN_BACKUP_MIN_AGE = timedelta(hours=1)
COMMAND_BACKUP_MIN_AGE = timedelta(hours=1)
BEFORE_COMMAND = "before-command"  # the command line's automatic backup, before its first write
PERIODIC_EVERY = timedelta(minutes=15)

_STAMP = r"\d{8}T\d{6}Z"
_REGULAR_RE = re.compile(rf"^(?P<stamp>{_STAMP})-(?P<reason>[a-z0-9][a-z0-9-]*?)(?:\.(?P<n>\d+))?\.sqlite3$")
_UPGRADE_RE = re.compile(rf"^before-upgrade-(?P<rev>[A-Za-z0-9_]+)-(?P<stamp>{_STAMP})\.sqlite3$")
_REASON_MAX = 40


# --- describing backups ------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``sound`` is None until checked (``list_backups(check=True)``)."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    sound: bool | None = None

    @property
    def sidecar(self) -> Path:
        return sidecar_path(self.path)

    @property
    def protected(self) -> bool:
        return self.reason == REPLACED or self.reason.startswith(PROTECTED_PREFIXES)


def sidecar_path(backup: Path) -> Path:
    return backup.with_name(backup.name.removesuffix(".sqlite3") + SIDECAR_SUFFIX)


def _parse_name(name: str) -> tuple[datetime, str] | None:
    m = _REGULAR_RE.match(name)
    if m:
        reason = m.group("reason")
    else:
        m = _UPGRADE_RE.match(name)
        if not m:
            return None
        reason = f"before-upgrade-{m.group('rev')}"
    try:
        # STAMP_FORMAT is ISO 8601's basic form: fromisoformat reads it (UTC from the "Z")
        # without strptime's locale machinery, which cost milliseconds at each start
        made = datetime.fromisoformat(m.group("stamp")).astimezone(UTC)
    except ValueError:
        return None
    return made, reason


def _slug_reason(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:_REASON_MAX].strip("-")
    return slug or "manual"


def list_backups(folder: Path, *, check: bool = False) -> list[BackupInfo]:
    """The backups in ``folder/backups``, newest first. Files of other names are ignored."""
    backups = Path(folder) / BACKUPS_DIR
    try:
        entries = list(backups.iterdir())
    except OSError:
        return []
    out: list[BackupInfo] = []
    for p in entries:
        parsed = _parse_name(p.name)
        if parsed is None:
            continue
        try:
            st = p.stat()
        except OSError:
            continue
        if not p.is_file():
            continue
        made, reason = parsed
        sound = (check_backup(p) is None) if check else None
        out.append(BackupInfo(p, made, reason, st.st_size, sound))
    out.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return out


class BackupRefused(JournalDamaged):
    """A backup whose schema is not exactly its revision's (an extra trigger, view, table...)."""


def _schema_problem(path: Path, rev: str) -> str | None:
    from .schema_check import schema_difference

    diff = schema_difference(path, rev)
    if diff is None:
        return None
    return (i18n.text("{name} is not exactly a Headway journal of schema {rev}, so it is not trusted: {diff}.").format(name=path.name, rev=rev, diff=diff))


def check_backup(path: Path) -> str | None:
    """None if ``path`` is a sound journal this app can open, else a sentence saying why not.

    Sound: it passes quick_check and foreign_key_check, has a schema revision this app knows,
    and its whole schema (tables, columns, indexes, triggers, views) is exactly that revision's
    (``schema_check``), so it carries no code of its own into the journal."""
    if not path.is_file():
        return i18n.text("{name} does not exist.").format(name=path.name)
    problems = quick_check(path)
    if problems:
        return i18n.text("{name} is damaged ({join}).").format(name=path.name, join='; '.join(problems[:3]))
    try:
        rev = read_revision(path)
    except JournalDamaged as exc:
        return str(exc)
    if rev is None:
        return i18n.text("{name} is an empty database, not a journal.").format(name=path.name)
    if rev not in KNOWN_REVISIONS:
        return (i18n.text("{name} was made by a newer version of Headway Journal (schema {rev}); update the app to restore it.").format(name=path.name, rev=rev))
    return _schema_problem(path, rev)


def newest_sound_backup(folder: Path) -> Path | None:
    """The newest backup that passes quick_check and has a schema this app knows."""
    for info in list_backups(folder):
        if info.reason == REPLACED:
            continue
        if check_backup(info.path) is None:
            return info.path
    return None


# --- the attachment sidecar --------------------------------------------------------------------


def _attachment_rows(db: Path) -> list[tuple[str, int]]:
    con = connect_readonly(db)
    try:
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='attachments'"
        ).fetchone()
        if not has:
            return []
        return [(str(r[0]), int(r[1])) for r in con.execute(
            "SELECT sha256, size FROM attachments GROUP BY sha256, size ORDER BY sha256")]
    finally:
        con.close()


def _last_change_id(db: Path) -> int | None:
    con = connect_readonly(db)
    try:
        row = con.execute("SELECT max(id) FROM changes").fetchone()
        return None if row is None or row[0] is None else int(row[0])
    except db_errors():
        return None
    finally:
        con.close()


def _write_json_atomic(path: Path, data: dict[str, Any], keys: Any = None) -> None:
    """Write ``data`` as JSON; sealed with a locked journal's ``keys``: a sidecar's digests
    would tell which known files the journal holds."""
    blob = json.dumps(data, indent=1, sort_keys=True).encode()
    if keys is not None:
        from .crypto import sealed

        blob = sealed.seal_bytes(keys.files, blob)
    write_atomic(path, blob)


def write_sidecar(backup: Path) -> Path:
    """Write ``<backup>.attachments.json`` from the backup copy itself (a consistent snapshot)."""
    rows = _attachment_rows(backup)
    data = {
        "format": SIDECAR_FORMAT,
        "database": backup.name,
        "revision": read_revision(backup),
        "last_change_id": _last_change_id(backup),
        "attachments": [{"sha256": sha, "size": size} for sha, size in rows],
        "total_bytes": sum(size for _sha, size in rows),
    }
    side = sidecar_path(backup)
    _write_json_atomic(side, data, unlocked.resolve_keys(backup, None))
    return side


def read_sidecar(backup: Path) -> dict[str, Any] | None:
    """The sidecar of a backup, or None if it has none (or it cannot be read)."""
    try:
        raw = sidecar_path(backup).read_bytes()
        keys = unlocked.resolve_keys(backup, None)
        if keys is not None and not raw.lstrip().startswith(b"{"):
            from .crypto import sealed

            raw = sealed.open_bytes(keys.files, raw)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):  # (SealedFileDamaged is a ValueError)
        return None
    return data if isinstance(data, dict) else None


def missing_attachments(folder: Path, backup: Path) -> list[tuple[str, int]]:
    """(sha256, size) of exhibits the backup refers to that the journal's store lacks or has altered."""
    from .crypto.unlocked import keys_for
    from .exhibits import AttachmentStore

    side = read_sidecar(backup)
    if side is not None and isinstance(side.get("attachments"), list):
        wanted = [(str(a["sha256"]), int(a["size"])) for a in side["attachments"]
                  if isinstance(a, dict) and "sha256" in a and "size" in a]
    else:
        wanted = _attachment_rows(backup)
    if not wanted:
        return []
    keys = keys_for(folder)
    if keys is not None:  # a locked journal's store: sealed, keyed names
        from .exhibits.sealed_store import SealedAttachmentStore

        store: AttachmentStore = SealedAttachmentStore(Path(folder) / "attachments", keys)
    else:
        store = AttachmentStore(Path(folder) / "attachments")
    out: list[tuple[str, int]] = []
    for sha, size in wanted:
        try:
            problem = store.verify(sha, size)
        except ValueError:
            problem = i18n.text("not a digest")
        if problem is not None:
            out.append((sha, size))
    return out


# --- making and pruning ------------------------------------------------------------------------


def _unique_backup_path(backups: Path, when: datetime, reason: str) -> Path:
    stamp = when.astimezone(UTC).strftime(STAMP_FORMAT)
    dest = backups / portable_name(f"{stamp}-{reason}.sqlite3")
    n = 2
    while dest.exists() or dest.with_name(dest.name + ".partial").exists():
        dest = backups / portable_name(f"{stamp}-{reason}.{n}.sqlite3")
        n += 1
    return dest


def backup_to_file(folder: Path, dest: Path) -> Path:
    """A checked copy of ``folder``'s database at ``dest`` (replaced atomically if it exists)
    with its exhibit list beside it; returns the exhibit list's path. Refuses to write over
    the journal's own files. The exhibit files themselves stay in the journal folder."""
    folder, dest = Path(folder), Path(dest)
    db_path = folder / DB_NAME
    live = {db_path.name, db_path.name + "-wal", db_path.name + "-shm"}
    with suppress(OSError):
        if dest.resolve().parent == folder.resolve() and dest.name in live:
            raise ValueError(i18n.text("A backup cannot replace the journal's own database; choose "
                             "another name or folder."))
    sqlite_backup(db_path, dest, journal_only=True)
    return write_sidecar(dest)


def make_backup(folder: Path, reason: str, *, now: datetime | None = None) -> Path:
    """Copy ``folder``'s database into ``folder/backups`` (checked) and write its sidecar."""
    folder = Path(folder)
    backups = folder / BACKUPS_DIR
    make_private_dir(backups)
    dest = _unique_backup_path(backups, now or datetime.now(UTC), _slug_reason(reason))
    sqlite_backup(folder / DB_NAME, dest, journal_only=True)
    write_sidecar(dest)
    return dest


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def backups_to_prune(infos: Iterable[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Which backups the schedule lets go: keep the last 10, the newest of each of the last 30
    days and of each of the last 12 months, the newest overall, and every "before-upgrade" or
    "before-restore" copy younger than 30 days; databases set aside by a restore are never pruned.
    """
    infos = sorted(infos, key=lambda b: (b.made_at, b.path.name), reverse=True)
    if not infos:
        return []
    now = now.astimezone(UTC)
    keep: set[Path] = {b.path for b in infos[:KEEP_LAST]}
    keep.add(infos[0].path)
    first_day = now.date() - timedelta(days=KEEP_DAILY_DAYS - 1)
    first_month = _month_index(now.date()) - (KEEP_MONTHLY - 1)
    days: set[date] = set()
    months: set[int] = set()
    for b in infos:  # newest first, so the first seen of each day/month is its newest
        day = b.made_at.astimezone(UTC).date()
        if day >= first_day and day not in days:
            days.add(day)
            keep.add(b.path)
        month = _month_index(day)
        if month >= first_month and month not in months:
            months.add(month)
            keep.add(b.path)
        young = now - b.made_at < timedelta(days=PROTECT_DAYS)
        if b.reason == REPLACED or (b.reason.startswith(PROTECTED_PREFIXES) and young):
            keep.add(b.path)
    return [b for b in infos if b.path not in keep]


def prune_backups(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the schedule no longer keeps (and their sidecars); returns them."""
    gone: list[Path] = []
    for b in backups_to_prune(list_backups(folder), now or datetime.now(UTC)):
        try:
            b.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            continue
        with suppress(OSError):
            b.sidecar.unlink(missing_ok=True)
        gone.append(b.path)
    if gone:
        fsync_dir(Path(folder) / BACKUPS_DIR)
    return gone


# --- restoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the database replaced, the backup used and the copies kept."""
    database: Path  # the journal's database, now a copy of ``restored_from``
    restored_from: Path
    safety_backup: Path | None  # a checked "before-restore" copy of the replaced state
    previous: Path | None  # the replaced database itself, set aside in backups/ (never deleted)
    missing_attachments: tuple[tuple[str, int], ...] = ()

    @property
    def kept_at(self) -> Path | None:
        """Where the state before the restore can be found (the checked copy if there is one)."""
        return self.safety_backup or self.previous


def _verify_for_restore(backup: Path) -> None:
    if not backup.is_file():
        raise JournalError(i18n.text("There is no backup at {backup}.").format(backup=backup))
    problems = quick_check(backup)
    if problems:
        raise JournalDamaged(
            i18n.text("The backup {name} is damaged ({join}); nothing was changed. Choose another backup.").format(name=backup.name, join='; '.join(problems[:3]))
        )
    rev = read_revision(backup)
    if rev is None:
        raise JournalDamaged(i18n.text("{name} is an empty database, not a journal; nothing was changed.").format(name=backup.name))
    if rev not in KNOWN_REVISIONS:
        raise JournalTooNew(
            i18n.text("The backup {name} was made by a newer version of Headway Journal (schema {rev}). Update the app to restore it; nothing was changed.").format(name=backup.name, rev=rev)
        )
    problem = _schema_problem(backup, rev)
    if problem is not None:
        raise BackupRefused(i18n.text("{problem} Nothing was changed.").format(problem=problem))


def _set_aside(src: Path, dest: Path) -> None:
    """Give ``src`` a second name ``dest`` (a hard link; a synced copy where links fail)."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)
        fsync_file(dest)
    with suppress(OSError):
        os.chmod(dest, 0o600)


def _keep_current(folder: Path, when: datetime, safety_backup: bool) -> Path | None:
    """Before a restore: fold the WAL into a sound current database and back it up
    ("before-restore"). Returns that backup (None when skipped or the database is damaged)."""
    db = folder / DB_NAME
    if not (db.exists() and db.stat().st_size > 0) or quick_check(db):
        return None
    # Fold the write-ahead log into the file so the set-aside copy is complete by itself.
    with suppress(*db_errors()):
        con = connect_file(db)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
    return make_backup(folder, "before-restore", now=when) if safety_backup else None


def _swap_in(folder: Path, source: Path, when: datetime) -> Path | None:
    """Put a checked copy of ``source`` in place of the journal database; the database it
    replaces (and its -wal) get a second name in backups/, which is returned."""
    db = folder / DB_NAME
    backups = folder / BACKUPS_DIR
    tmp = folder / (DB_NAME + ".restoring")
    with suppress(FileNotFoundError):
        tmp.unlink()
    sqlite_backup(source, tmp)  # checked, synced, atomic
    previous: Path | None = None
    try:
        if db.exists() and db.stat().st_size > 0:
            previous = _unique_backup_path(backups, when, REPLACED)
            _set_aside(db, previous)
            wal = folder / (DB_NAME + "-wal")
            if wal.exists():
                _set_aside(wal, previous.with_name(previous.name + "-wal"))
            fsync_dir(backups)
        for suffix in ("-wal", "-shm", "-journal"):
            with suppress(FileNotFoundError):
                (folder / (DB_NAME + suffix)).unlink()
        os.replace(tmp, db)
        with suppress(OSError):
            os.chmod(db, 0o600)
        fsync_dir(folder)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    return previous


def restore_journal(folder: Path, backup: Path, *, safety_backup: bool = True,
                    now: datetime | None = None) -> RestoreResult:
    """Replace the journal database in ``folder`` with a copy of ``backup``.

    The journal must be closed (the folder lock is taken here: JournalLocked otherwise). The
    backup is checked first: sound, a schema this app knows, exactly that schema (JournalDamaged,
    JournalTooNew, BackupRefused), then proven to open, upgrade included, in a scratch folder
    (``restore_proof``: BackupWontOpen). Nothing has changed when any of these fails. Then: a
    checked "before-restore" copy of the current database (skipped when it is damaged), the current
    database and its -wal get a second name in backups/ (``<stamp>-replaced.sqlite3``), the proven
    copy is copied with the backup API to a synced temporary file in the folder, the old -wal/-shm
    are removed (they would be replayed onto the new file), and the copy is renamed into place.
    At every step a crash leaves either the old database or the new one in place, never none.
    """
    from .restore_proof import proven_copy, remove_stale_scratch

    folder = Path(folder).expanduser().absolute()
    backup = Path(backup).expanduser().absolute()
    if not folder.is_dir():
        raise JournalError(i18n.text("There is no journal folder at {folder}.").format(folder=folder))
    lock = FolderLock(folder)
    lock.acquire()
    try:
        remove_stale_scratch(folder)
        _verify_for_restore(backup)
        with proven_copy(backup, folder) as proven:
            make_private_dir(folder / BACKUPS_DIR)
            when = now or datetime.now(UTC)
            safety = _keep_current(folder, when, safety_backup)
            previous = _swap_in(folder, proven, when)
        missing = tuple(missing_attachments(folder, backup))
        return RestoreResult(folder / DB_NAME, backup, safety, previous, missing)
    finally:
        lock.release()


def restore_database(folder: Path, backup: Path) -> Path:
    """Restore ``backup`` into the (closed) journal in ``folder``; see ``restore_journal``.

    Returns where the state before the restore is kept (the "before-restore" backup, or the
    set-aside database when it was damaged), or the restored database if there was none.
    """
    result = restore_journal(folder, backup)
    return result.kept_at or result.database


# --- the manager used by the GUI and the CLI ---------------------------------------------------


class BackupManager:
    """Backups of one open journal."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @property
    def folder(self) -> Path:
        return self.journal.folder

    def make(self, reason: str) -> Path:
        """A checked copy ``backups/<UTC stamp>-<reason>.sqlite3`` plus its attachment sidecar."""
        return make_backup(self.folder, reason)

    def prune(self, now: datetime | None = None) -> builtins.list[Path]:
        return prune_backups(self.folder, now)

    def list(self, *, check: bool = False) -> builtins.list[BackupInfo]:
        return list_backups(self.folder, check=check)

    def newest(self) -> BackupInfo | None:
        """The newest backup made from this journal (databases set aside by a restore excluded)."""
        return next((b for b in self.list() if b.reason != REPLACED), None)

    def newest_sound(self) -> Path | None:
        return newest_sound_backup(self.folder)

    def restore(self, path: Path) -> Path:
        """Back up the current state, close the journal, then restore ``path`` into its folder.

        The journal (and any JournalService using it) is closed afterwards, whatever happens:
        open it again to see the restored state. Returns the "before-restore" backup.
        """
        _verify_for_restore(Path(path))
        safety = self.make("before-restore")
        self.journal.close()
        restore_journal(self.folder, Path(path), safety_backup=False)
        return safety


def _changed_since(journal: Journal, info: BackupInfo | None) -> bool:
    if info is None:
        return True
    side = read_sidecar(info.path)
    if side is None or "last_change_id" not in side:
        return True
    return bool(_last_change_id(journal.db_path) != side["last_change_id"])


def maybe_periodic(journal: Journal, changed_since_last: bool,
                   every: timedelta = PERIODIC_EVERY, *, now: datetime | None = None) -> Path | None:
    """For the GUI's timer: a "periodic" backup when something changed and the newest backup is
    at least ``every`` old. Prunes after making one. Returns the new backup, if any.
    (A shared journal is backed up on its server, with pg_dump: nothing here.)"""
    if not changed_since_last or journal.kind != "sqlite":
        return None
    now = now or datetime.now(UTC)
    mgr = BackupManager(journal)
    newest = mgr.newest()
    if newest is not None and now - newest.made_at < every:
        return None
    path = make_backup(journal.folder, "periodic", now=now)
    mgr.prune(now)
    return path


def backup_on_open(journal: Journal, *, min_age: timedelta = OPEN_BACKUP_MIN_AGE,
                   now: datetime | None = None) -> Path | None:
    """After opening: the upgrade (if any) already made a "before-upgrade" copy (its sidecar is
    written here); otherwise an "open" backup unless the newest backup is younger than
    ``min_age``. A journal created just now has nothing to back up (nor a shared one here)."""
    if journal.kind != "sqlite":
        return None
    now = now or datetime.now(UTC)
    if journal.upgrade_backup:
        up = Path(journal.upgrade_backup)
        if up.exists() and read_sidecar(up) is None:
            with suppress(OSError, *db_errors(), JournalError):
                write_sidecar(up)
        return None
    if journal.upgraded_from is None:  # a new journal
        return None
    mgr = BackupManager(journal)
    newest = mgr.newest()
    if newest is not None and now - newest.made_at < min_age:
        return None
    path = make_backup(journal.folder, "open", now=now)
    mgr.prune(now)
    return path


def backup_before_command(journal: Journal, *, min_age: timedelta = COMMAND_BACKUP_MIN_AGE,
                          now: datetime | None = None) -> Path | None:
    """The command line's automatic backup: a "before-command" copy unless the newest backup is
    younger than ``min_age`` (or the journal was created just now: nothing to back up yet).
    Prunes after making one. Call it while the journal is open, before it is written to."""
    if journal.upgraded_from is None:
        return None
    now = now or datetime.now(UTC)
    mgr = BackupManager(journal)
    newest = mgr.newest()
    if newest is not None and now - newest.made_at < min_age:
        return None
    path = make_backup(journal.folder, BEFORE_COMMAND, now=now)
    mgr.prune(now)
    return path


def arm_command_backup(journal: Journal, *, min_age: timedelta = COMMAND_BACKUP_MIN_AGE,
                       made: builtins.list[Path] | None = None) -> None:
    """Make ``backup_before_command`` run just before the first write of this session (a
    command that writes nothing makes no backup). A backup that cannot be made stops the write
    with a JournalError saying so: the journal is not changed without its backup. Backups
    made are appended to ``made``."""
    def action() -> None:
        failures: tuple[type[Exception], ...] = (OSError, *db_errors(), JournalError)
        try:
            path = backup_before_command(journal, min_age=min_age)
        except failures as exc:
            from .db import describe_sqlite_error

            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else (
                describe_sqlite_error(exc) if isinstance(exc, db_errors()) else str(exc))
            raise JournalError(
                i18n.text("The automatic backup before this change could not be made, so nothing was changed: {join}").format(join=' '.join(str(why).split()))) from exc
        if path is not None and made is not None:
            made.append(path)

    journal.before_first_write(action)


def backup_on_close(journal: Journal, *, now: datetime | None = None) -> Path | None:
    """Before closing: a "close" backup if anything was recorded since the newest backup.

    Call it while the journal is still open. (A shared journal: none; see maybe_periodic.)"""
    if journal.kind != "sqlite":
        return None
    mgr = BackupManager(journal)
    if not _changed_since(journal, mgr.newest()):
        return None
    now = now or datetime.now(UTC)
    path = make_backup(journal.folder, "close", now=now)
    mgr.prune(now)
    return path
