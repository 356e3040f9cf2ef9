"""The ``headway-journal`` command line.

Without a command it opens the window; with one it works on the journal without loading Qt.
Keep this module cheap to import: everything heavy (the service, SQLAlchemy, Pillow, the GUI)
is imported inside the function that needs it.

Exit codes: 0 done; 1 the journal is damaged (``check``) or an unexpected failure; 2 bad input
(an invalid file, an unknown case, a locked, damaged or too new journal); 128 + the signal's
number when Ctrl+C (130), SIGTERM (143) or SIGHUP (129) stopped a command: its write transaction
is rolled back and the journal closed cleanly (``journal.interrupts``), and one line says so.
A signal that arrives once the command's last commit has begun lets it finish (exit as usual,
with a line saying so). Errors are one line on stderr; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from headway_journal import __version__

if TYPE_CHECKING:  # pragma: no cover
    from headway_journal.journal.service import JournalService

PROG = "headway-journal"
EXIT_OK = 0
EXIT_DAMAGED = 1
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
MAX_SEARCH_LIMIT = 10_000

# What an interrupted command leaves behind (one line after "interrupted (SIGTERM): ").
_INTERRUPTED_NOTE = {
    "import": "nothing was imported; the journal is as it was.",
    "restore": "the journal was not replaced.",
}
_INTERRUPTED_DEFAULT = "the command stopped before finishing; the journal is as it was."


class CliError(Exception):
    """Bad input from the user (exit 2); the message is one sentence."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sub = self.prog.removeprefix(PROG).strip()  # "casefile" for a command's own parser
        where = f"{sub}: " if sub else ""
        hint = f"{PROG} {sub} --help" if sub else f"{PROG} --help"
        from headway_journal.journal.safe_echo import escape_for_terminal

        message = escape_for_terminal(" ".join(message.split()), None)
        self.exit(EXIT_BAD_INPUT, f"{PROG}: error: {where}{message} (see '{hint}')\n")


def build_parser() -> argparse.ArgumentParser:  # the global options and every command
    p = global_parser()
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    _add_journal_commands(sub)
    _add_casefile_commands(sub)
    for module in COMMAND_MODULES:
        _COMMANDS.update(importlib.import_module(module).add_commands(sub))
    return p


def global_parser() -> argparse.ArgumentParser:
    """The options that come before a command (alone, they open the window)."""
    p = _Parser(
        prog=PROG,
        description="A personal support-case journal: log every contact, track promises to "
                    "their business-day deadlines, and print a case file for escalation. "
                    "Without a command, the window opens.",
        epilog="The journal folder is --journal DIR, else $HEADWAY_JOURNAL_DIR, else "
               "~/.local/share/headway-journal/journal. Exit codes: 0 done, 1 journal damaged "
               "(check) or failure, 2 bad input.",
    )
    p.add_argument("--journal", metavar="DIR", help="the journal folder to use")
    p.add_argument("--database", metavar="URL",
                   help="a shared journal on a PostgreSQL server instead of a folder: "
                        "postgresql://USER@HOST/DB (TLS: ?sslmode=verify-full&sslrootcert=FILE); "
                        "else $HEADWAY_JOURNAL_DATABASE. The password comes from the keyring, "
                        "PGPASSWORD or ~/.pgpass (docs/shared-journal.md)")
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="an encrypted journal's passphrase: the first line of FILE (else "
                        "$HEADWAY_JOURNAL_PASSPHRASE_FILE, else a prompt; never an argument)")
    p.add_argument("--encrypt", action="store_true",
                   help="create the journal encrypted, when this command creates it")
    p.add_argument("--debug", action="store_true",
                   help="log details and show full tracebacks on errors")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="use a throwaway journal filled with sample cases (deleted afterwards); "
                        "with --journal, fill that journal if it has no cases yet")
    p.add_argument("--open", metavar="FILE", dest="open_file",
                   help="open FILE in the window: a JSON export (offers to import it), a backup "
                        "(offers to restore it) or a journal folder; '%(prog)s FILE' does the "
                        "same, and a running window of the journal gets it")
    p.add_argument("--install-desktop", action="store_true",
                   help="add Headway Journal to your desktop's application menu")
    p.add_argument("--uninstall-desktop", action="store_true",
                   help="remove it from the application menu again")
    p.set_defaults(command=None)
    return p


def _add_journal_commands(sub: Any) -> None:
    """import, export, search, check, backup, restore."""
    c = sub.add_parser("import", help="merge a JSON file (docs/journal-format.md) into the journal",
                       description="Merge a JSON file into the journal, by key. All or nothing: "
                                   "if anything in the file is invalid, nothing is written.")
    c.add_argument("file", metavar="FILE", help="the JSON file; exhibit paths are relative to it")
    c = sub.add_parser("export", help="write the journal as JSON plus a copy of every exhibit",
                       description="Write the journal to FILE (JSON) and its exhibits to the "
                                   "folder FILE-files/ beside it.")
    c.add_argument("file", metavar="FILE")
    c = sub.add_parser("search", help="full-text search of what the case files show: cases, "
                                      "contacts, promises, escalations, notes, exhibits, "
                                      "organizations (accents ignored)")
    c.add_argument("text", nargs="+", metavar="TEXT")
    c.add_argument("--limit", type=_search_limit, default=50,
                   help=f"at most this many results, 1 to {MAX_SEARCH_LIMIT:,} (50)")
    c = sub.add_parser("check", help="check the database and every exhibit's SHA-256",
                       description="Check database integrity, foreign keys, that the schema is "
                                   "exactly the app's (no trigger, view or table it did not "
                                   "make) and every stored exhibit against its SHA-256, and list "
                                   "missing exhibit files and orphan files (in the store, used "
                                   "by no exhibit). Exit 0 when sound (orphan files alone are "
                                   "only reported), 1 when damaged.")
    c.add_argument("--remove-unused", action="store_true",
                   help="also remove the orphan exhibit files it lists")
    c = sub.add_parser("backup", help="copy the journal database into FILE (a .sqlite3 file)",
                       description="Copy the journal database into FILE with SQLite's backup "
                                   "API. The exhibit files stay in the journal folder.")
    c.add_argument("file", metavar="FILE")
    c = sub.add_parser("restore", help="replace the journal database with a backup FILE",
                       description="Replace the journal database with FILE after checking it. "
                                   "The current database is kept in the journal's backups/.")
    c.add_argument("file", metavar="FILE")


def _add_casefile_commands(sub: Any) -> None:
    """casefile and ics."""
    c = sub.add_parser("casefile", help="build the PDF case file of a case",
                       description="Build the PDF case file of CASE (its key or number).")
    c.add_argument("case", metavar="CASE", help="the case's key or number")
    c.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    c.add_argument("--redact", action="store_true",
                   help="mask identifiers down to their last 4 characters")
    c.add_argument("--exclude-exhibit", type=int, action="append", default=[], metavar="N",
                   help="leave exhibit N out (repeatable)")
    c.add_argument("--include-exhibit", type=int, action="append", default=[], metavar="N",
                   help="with --redact: put PDF or text exhibit N back in the redacted copy "
                        "(repeatable); its contents are NOT masked")
    c.add_argument("--from", dest="first", type=parse_day, metavar="DATE",
                   help="only contacts on or after DATE (YYYY-MM-DD) in the timeline")
    c.add_argument("--to", dest="last", type=parse_day, metavar="DATE",
                   help="only contacts on or before DATE (YYYY-MM-DD) in the timeline")
    c.add_argument("--language", choices=("en", "es"), default=None,
                   help="the language of the case file and its letter (default: the "
                        "system's, from LANGUAGE/LC_ALL/LC_MESSAGES/LANG)")
    c = sub.add_parser("ics", help="export the deadlines of open cases (pending promises and "
                                   "outside clocks) to an iCalendar file")
    c.add_argument("file", metavar="FILE")


# --- entry point -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    lean = window_only(given)  # the usual start of the window: no command's parser needed
    parser = global_parser() if lean else build_parser()
    args = parser.parse_args(given if lean else route_file_argument(given, set(_COMMANDS)))
    _LOCK_OPTIONS.update(passphrase_file=args.passphrase_file, encrypt=args.encrypt)
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    try:
        return _run(args)
    except KeyboardInterrupt as exc:
        name = str(getattr(exc, "name", "SIGINT"))  # journal.interrupts.Interrupted, or Ctrl+C
        code = int(getattr(exc, "exit_code", 130))
        note = _INTERRUPTED_NOTE.get(args.command or "", _INTERRUPTED_DEFAULT)
        print(f"{PROG}: interrupted ({name}): {note}", file=sys.stderr)
        return code
    except Exception as exc:
        if args.debug:
            raise
        user = isinstance(exc, _user_error_types())
        message = _describe(exc)
        if not user:
            message = (f"unexpected {type(exc).__name__}: {message} "
                       "(run with --debug to see the details)")
        print(f"{PROG}: error: {echo(message, None)}", file=sys.stderr)
        return EXIT_BAD_INPUT if user else EXIT_FAILED


# Global options with a value (``--journal DIR``), and those without that open the window.
_VALUE_OPTIONS = frozenset({"--journal", "--database", "--passphrase-file", "--open"})
_WINDOW_FLAGS = frozenset({"--debug", "--demo", "--encrypt"})


def window_only(argv: Sequence[str]) -> bool:
    """Only global options spelled out: the window opens (else the whole parser reads it)."""
    i = 0
    while i < len(argv):
        name, equals, _value = argv[i].partition("=")
        if name not in _VALUE_OPTIONS and argv[i] not in _WINDOW_FLAGS:
            return False
        i += 2 if name in _VALUE_OPTIONS and not equals else 1  # --journal DIR: skip DIR
    return True


def route_file_argument(argv: list[str], commands: set[str]) -> list[str]:
    """``headway-journal FILE`` as ``--open FILE`` (``documents.route_file_argument``)."""
    from headway_journal.documents import route_file_argument

    return route_file_argument(argv, commands, _VALUE_OPTIONS)


def _user_error_types() -> tuple[type[BaseException], ...]:
    """The exception types that mean bad input, from the modules already loaded (no imports)."""
    types: list[type[BaseException]] = [CliError, OSError]
    wanted = {
        "headway_journal.journal.db": ("JournalError",),
        "headway_journal.journal.service": ("ServiceError",),
        "headway_journal.journal.interchange": ("ImportError_", "ExportError"),
        # where they are defined (their packages load them on first use)
        "headway_journal.journal.exhibits.store": ("AttachmentError",),
        "headway_journal.journal.issue_types": ("FieldError",),
        "headway_journal.journal.deadlines.promises": ("PromiseTermsError",),
    }
    for module, names in wanted.items():
        mod = sys.modules.get(module)
        for name in names:
            cls = getattr(mod, name, None)
            if isinstance(cls, type) and issubclass(cls, BaseException):
                types.append(cls)
    return tuple(types)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{echo_path(exc.filename)}: " if exc.filename else ""
        text = f"{where}{exc.strerror}"
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())


def _run(args: argparse.Namespace) -> int:
    if args.install_desktop or args.uninstall_desktop:
        return _desktop(install=args.install_desktop, uninstall=args.uninstall_desktop)
    command: str | None = args.command
    if command is None:
        return _gui(args)
    if args.open_file:
        raise CliError(f"--open FILE opens the window; it cannot be used with '{command}'.")
    from headway_journal.short_run import fewer_collections

    with fewer_collections():  # a short run: cyclic garbage collected in larger batches
        from headway_journal.journal.interrupts import catch_interrupts, deferred

        with catch_interrupts():  # Ctrl+C, SIGTERM, SIGHUP: roll back, close, one line
            code = _run_command(args, _COMMANDS[command])
            late = deferred()
    if late is not None:
        print(f"{PROG}: {late.name} arrived while the command was saving its work; it finished "
              "first.", file=sys.stderr)
    return code


def _run_command(args: argparse.Namespace,
                 handler: Callable[[argparse.Namespace, Any], int]) -> int:
    url = database_url(args)
    if url is not None:  # a shared journal: handlers get its URL where a folder would be
        if args.demo:
            raise CliError("--demo fills a journal folder; it cannot be used with --database.")
        return handler(args, url)
    if args.demo and not args.journal:
        with tempfile.TemporaryDirectory(prefix="headway-journal-demo-") as tmp:
            folder = Path(tmp) / "journal"
            _fill_demo(folder)
            return handler(args, folder)
    folder = _journal_dir(args.journal)
    if args.demo:
        _fill_demo(folder)
    return handler(args, folder)


# --- helpers -----------------------------------------------------------------------------------


def database_url(args: argparse.Namespace) -> str | None:
    """The shared journal's URL from --database or HEADWAY_JOURNAL_DATABASE (--journal DIR
    given: None, the folder wins over the variable)."""
    from headway_journal.journal.shared.urls import resolve_database

    option = getattr(args, "database", None)
    if option and getattr(args, "journal", None):
        raise CliError("Give either --journal DIR or --database URL, not both.")
    if getattr(args, "journal", None):
        return None
    return resolve_database(option)


def is_shared(location: object) -> bool:
    """Whether a command's journal is a shared one (a URL) rather than a folder."""
    return isinstance(location, str)


def _journal_dir(option: str | None) -> Path:
    from headway_journal.journal.db import resolve_journal_dir

    return resolve_journal_dir(option)


def open_journal(folder: Path | str, *, must_exist: bool = True, writes: bool = False,
          read_only: bool = False) -> JournalService:
    """Open the journal. ``writes``: the command changes it, so an automatic "before-command"
    backup is made just before its first write when the newest backup is over an hour old
    (as the window does on open). ``read_only`` for commands that only read it (no write
    transaction, no write lock: they work beside a program that is writing; no backup)."""
    from headway_journal.journal.db import DB_NAME
    from headway_journal.journal.service import JournalService

    if isinstance(folder, str):  # a shared journal (--database): the server keeps its backups
        return JournalService.open(folder, read_only=read_only)
    if must_exist and not (folder / DB_NAME).is_file():
        raise CliError(f"There is no journal at {echo_path(folder)} (choose one with --journal DIR or "
                       "HEADWAY_JOURNAL_DIR).")
    from headway_journal.commands.security import keys_for_command

    keys = keys_for_command(folder, passphrase_file_option(),
                            create=not must_exist, encrypt=bool(_LOCK_OPTIONS.get("encrypt")))
    svc = JournalService.open(folder, read_only=read_only, keys=keys)
    if writes:
        from headway_journal.journal.backup import arm_command_backup

        arm_command_backup(svc.journal)
    return svc


def passphrase_file_option() -> str | None:
    """This run's --passphrase-file (None when not given)."""
    value = _LOCK_OPTIONS.get("passphrase_file")
    return str(value) if value else None


def _fill_demo(folder: Path) -> None:
    """Fill the journal in ``folder`` with the sample cases, unless it already has cases."""
    from headway_journal.journal.demo import populate_demo

    with open_journal(folder, must_exist=False, writes=True) as svc:
        if svc.stats()["cases"] == 0:
            populate_demo(svc)


def out_path(file: str, *, overwrite: bool = True) -> Path:
    path = Path(file).expanduser().absolute()
    if path.is_dir():
        raise CliError(f"{echo_path(path)} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise CliError(f"The folder {echo_path(path.parent)} does not exist.")
    if not overwrite and (path.exists() or path.is_symlink()):
        raise CliError(f"{echo_path(path)} already exists; choose a new file name.")
    return path


def _one_line(text: str) -> str:
    return echo(" ".join(text.split()), None)


def echo(text: object, limit: int | None = 80) -> str:
    """Input echoed in a message: control characters escaped, cut at ``limit`` characters."""
    from headway_journal.journal.safe_echo import escape_for_terminal

    return escape_for_terminal(text, limit)


def echo_path(path: object) -> str:
    from headway_journal.journal.safe_echo import echo_path

    return echo_path(path)


def _search_limit(value: str) -> int:
    """``--limit``: a whole number from 1 to MAX_SEARCH_LIMIT (anything else is bad input)."""
    text = value.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 6:
        raise argparse.ArgumentTypeError(
            f"--limit must be a whole number from 1 to {MAX_SEARCH_LIMIT:,}, not '{echo(value)}'")
    n = int(text)
    if not 1 <= n <= MAX_SEARCH_LIMIT:
        raise argparse.ArgumentTypeError(
            f"--limit must be a whole number from 1 to {MAX_SEARCH_LIMIT:,}, not {n}")
    return n


# --- commands ----------------------------------------------------------------------------------


# records an import must add before a shared journal's server is vacuumed and analyzed after it
SETTLE_AFTER = 1000


def cmd_import(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.journal.interchange import import_source, open_import_file

    source = Path(args.file).expanduser().absolute()
    if not source.is_file():
        raise CliError(f"There is no file at {echo_path(source)}.")
    from headway_journal.journal.interrupts import shield_commits

    checked = open_import_file(source)  # unreadable JSON is refused before the journal is touched
    from headway_journal.commands.progress import CaseCount

    with open_journal(folder, must_exist=False, writes=True) as svc, \
            CaseCount(echo_path(source.name)) as count:  # on a terminal's stderr only
        shield_commits(svc.journal.engine)  # a signal during the import's commit waits for it
        summary = import_source(svc, checked, count)  # case by case: memory stays bounded
        if sum(summary.created.values()) >= SETTLE_AFTER and svc.journal.kind == "postgresql":
            from headway_journal.journal.shared.copy import settle

            settle(svc.journal)  # a server plans and searches the new rows at full speed at once
    print(summary.describe())
    return EXIT_OK


def cmd_export(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.journal.interchange import export_journal

    dest = out_path(args.file)
    with open_journal(folder, read_only=True) as svc:
        summary = export_journal(svc, dest)
        _note_unencrypted(svc, "export")
    print(summary.describe())
    return EXIT_OK


def _note_unencrypted(svc: JournalService, what: str) -> None:
    """An encrypted journal's export or case file is written as it is: say so."""
    if svc.journal.keys is not None:
        print(f"Note: the journal is encrypted, but this {what} is not: keep it somewhere "
              "safe, or delete it when done.", file=sys.stderr)


def cmd_search(args: argparse.Namespace, folder: Path) -> int:
    text = " ".join(args.text)
    with open_journal(folder, read_only=True) as svc:
        hits = svc.search(text, limit=args.limit)
        opened = {s.id: s.opened_on for s in svc.case_summaries(sorted({h.case_id for h in hits}))}
    if not hits:
        print(f"No matches for '{echo(text)}'.", file=sys.stderr)
        return EXIT_OK
    for h in hits:
        when = h.started_at.date() if h.started_at is not None else opened.get(h.case_id)
        title = echo(_one_line(h.case_title), 60)
        day = when.isoformat() if when is not None else "-"
        print(f"#{h.case_id}  {title}  {h.kind}  {day}  {_one_line(h.snippet)}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, folder: Path) -> int:
    from sqlalchemy import func, select

    from headway_journal.journal.db import DB_NAME, JournalDamaged, JournalUpgradeFailed
    from headway_journal.journal.models import Attachment

    if not is_shared(folder) and not (folder / DB_NAME).is_file():
        raise CliError(f"There is no journal at {echo_path(folder)}.")
    try:
        svc = open_journal(folder, read_only=True)
    except JournalUpgradeFailed as exc:  # the message names the copy kept before the attempt
        print(f"Journal upgrade failed: {_one_line(str(exc))}")
        return EXIT_DAMAGED
    except JournalDamaged as exc:
        print(f"Journal is damaged: {_one_line(str(exc))}")
        return EXIT_DAMAGED
    from headway_journal.journal.chain.report import chain_problems, chain_summary

    with svc:
        chain = svc.verify_chain()
        problems = svc.check(unused=False, chain=False) + chain_problems(chain)
        if svc.journal.kind == "sqlite":
            problems += _schema_problems(svc.journal.db_path)
        stats = svc.stats()
        with svc.journal.sessions() as s:
            attachments = int(s.scalar(select(func.count()).select_from(Attachment)) or 0)
        if problems:
            n = len(problems)
            print(f"Journal is damaged: {n} problem{'s' if n != 1 else ''} found in {svc.journal.location}:")
            for problem in problems:
                print(f"  - {_one_line(problem)}")
        else:
            print(f"Journal is sound: {stats['cases']} cases, {stats['contacts']} contacts, "
                  f"{attachments} attachments verified")
            print(chain_summary(chain))
        if svc.read_only is not None:
            print(f"Note: it is read-only ({svc.read_only}): it was checked, not changed.")
        _report_unused(svc, remove=args.remove_unused)
    return EXIT_DAMAGED if problems else EXIT_OK


def _report_unused(svc: JournalService, *, remove: bool) -> None:
    """Orphan exhibit files (used by no exhibit): listed, and removed with --remove-unused.
    Missing files are among ``check``'s problems already."""
    unused = svc.exhibit_files().unused
    if not unused:
        return
    n = len(unused)
    print(f"{n} orphan exhibit file{'s' if n != 1 else ''} (in the attachment store, used by "
          "no exhibit; harmless, but taking space):")
    for u in unused:
        print(f"  - {_one_line(u.describe())}")
    if not remove:
        print(f"Remove {'them' if n != 1 else 'it'} with '{PROG} check --remove-unused' or "
              "File > Remove unused exhibit files… in the window.")
        return
    done = svc.remove_unused_exhibit_files(u.sha256 for u in unused)
    print(f"Removed {done.count} orphan exhibit file{'s' if done.count != 1 else ''}.")


def _schema_problems(db_path: Path) -> list[str]:
    """The journal's own schema must be exactly its revision's: a trigger, view or table that
    the app did not make (say, restored by an older version that did not check) is reported."""
    from headway_journal.journal.db import HEAD_REVISION
    from headway_journal.journal.schema_check import schema_difference

    diff = schema_difference(db_path, HEAD_REVISION)
    if diff is None:
        return []
    return [f"the schema is not exactly schema {HEAD_REVISION}'s: {diff}"]


SHARED_BACKUP = ("A shared journal is backed up and restored on its server, with pg_dump and "
                 "pg_restore (docs/shared-journal.md); nothing was changed.")


def cmd_backup(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.journal.backup import backup_to_file

    if is_shared(folder):
        raise CliError(SHARED_BACKUP)
    dest = out_path(args.file, overwrite=False)
    with open_journal(folder) as svc:
        side = backup_to_file(svc.folder, dest)
    print(f"Backed up the journal database to {dest}")
    print(f"The list of exhibits it refers to (with their SHA-256) is in {side}")
    print(f"Note: the exhibit files stay in {folder / 'attachments'}; this file is the database "
          "only (copy the whole journal folder to keep the exhibits too).")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.journal.backup import check_backup, restore_journal

    if is_shared(folder):
        raise CliError(SHARED_BACKUP)
    source = Path(args.file).expanduser().absolute()
    if not source.is_file():
        raise CliError(f"There is no file at {source}.")
    from headway_journal.commands.security import unlock_backup_file

    unlock_backup_file(folder, source)  # a locked journal's backup opens with its keys
    problem = check_backup(source)
    if problem is not None:
        raise CliError(f"{problem} Nothing was changed.")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    result = restore_journal(folder, source)
    print(f"Restored the journal in {folder} from {source}")
    if result.kept_at is not None:
        print(f"The database it replaced is kept in {result.kept_at}")
    with open_journal(folder) as svc:  # restore_journal proved it opens; this reports what it holds
        stats = svc.stats()
    print(f"The journal now has {stats['cases']} cases and {stats['contacts']} contacts.")
    if result.missing_attachments:
        n = len(result.missing_attachments)
        print(f"Warning: {n} exhibit file{'s' if n != 1 else ''} this backup refers to "
              f"{'are' if n != 1 else 'is'} not in the journal's attachment store; "
              f"'{PROG} check' lists them.")
    return EXIT_OK


def cmd_casefile(args: argparse.Namespace, folder: Path) -> int:
    from contextlib import ExitStack

    from headway_journal.short_run import loading

    out = out_path(args.output)
    if any(n < 1 for n in [*args.exclude_exhibit, *args.include_exhibit]):
        raise CliError("Exhibits are numbered from 1.")
    if args.include_exhibit and not args.redact:
        raise CliError("--include-exhibit puts an exhibit back in a redacted copy; it needs "
                       "--redact (without it every exhibit is included).")
    with ExitStack() as stack:
        with loading():  # the build's modules and the open journal live until the exit
            from headway_journal import l10n
            from headway_journal.casefile.service_bridge import CaseFileTooLarge
            from headway_journal.casefile.signing import keys, sign  # noqa: F401 - loaded here
            from headway_journal.journal.profile import missing_details

            svc = stack.enter_context(open_journal(folder, read_only=True))
            case_id = svc.find_case(args.case)
        try:
            with l10n.using(args.language or l10n.system_language()):
                result = _build_casefile(svc, case_id, out, args)
        except CaseFileTooLarge as exc:
            raise CliError(f"{exc} For example: {PROG} casefile {args.case} -o "
                           f"{args.output} --from DATE --to DATE") from None
        missing = missing_details(svc.profile())
        _note_unencrypted(svc, "case file")
    written = result if isinstance(result, (str, os.PathLike)) else out
    print(f"Wrote the case file to {Path(written)}")
    _report_signature(result)
    if missing:
        print(f"Note: the journal does not have {' or '.join(missing)}, so the case file has a "
              "blank line to fill in by hand (add them in the window: Edit > Settings).")
    return EXIT_OK


def _build_casefile(svc: Any, case_id: int, out: Path, args: argparse.Namespace) -> Any:
    """Build the case file; warn on stderr about exhibits put back unmasked."""
    from headway_journal.casefile.service_bridge import build_for_case

    if args.include_exhibit:
        from headway_journal.casefile.service_bridge import (
            apply_options,
            casefile_data,
            included_unmasked,
        )

        listing = casefile_data(svc, case_id, check_files=False, first=args.first,
                                last=args.last)
        # unknown numbers: one clear line; the names as the redacted copy shows them
        redacted = apply_options(listing, redact=True, exclude=args.exclude_exhibit,
                                 include=args.include_exhibit)
        for x in included_unmasked(redacted, args.include_exhibit):
            print(f"Warning: exhibit {x.number} ({echo(x.original_name)}) goes into the "
                  "redacted copy as filed: its contents are NOT masked.", file=sys.stderr)
    from headway_journal.casefile.signing.choose import use_passphrase
    from headway_journal.casefile.signing.keys import SigningError

    use_passphrase(_p12_passphrase)
    try:
        return build_for_case(svc, case_id, out, redact=args.redact,
                              exclude=list(args.exclude_exhibit),
                              include=list(args.include_exhibit), first=args.first,
                              last=args.last)
    except SigningError as exc:
        raise CliError(str(exc)) from None


P12_PASSPHRASE_ENV = "HEADWAY_JOURNAL_P12_PASSPHRASE"


def _p12_passphrase(path: Path) -> bytes | None:
    """The passphrase of the signing certificate chosen in Settings: from the environment, or
    asked for on the terminal (never stored)."""
    given = os.environ.get(P12_PASSPHRASE_ENV)
    if given is not None:
        return given.encode("utf-8")
    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(f"Passphrase of {echo_path(path)}: ").encode("utf-8")


def _report_signature(result: Any) -> None:
    """Case files are signed; only a file that could not be is mentioned."""
    why = getattr(result, "unsigned_reason", None)
    if why:
        print(f"Note: the case file is not signed: {_one_line(why)}")


def parse_day(text: str) -> date:
    """argparse type for --from/--to: a date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{echo(text)!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01") from None


def cmd_ics(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.journal.calendar_export import export_deadlines

    dest = out_path(args.file)
    with open_journal(folder, read_only=True) as svc:
        calendar = export_deadlines(svc, dest)
    print(f"Wrote {calendar.summary()} to {dest}")
    return EXIT_OK


# Commands that live in modules of their own. Each module is cheap to import (heavy imports inside
# its handlers) and has ``add_commands(sub) -> {name: handler}``; a handler takes the parsed
# arguments and the journal folder and returns the exit code, like the ones above.
COMMAND_MODULES: tuple[str, ...] = (
    "headway_journal.commands.verify",
    "headway_journal.commands.letter",
    "headway_journal.commands.capture",
    "headway_journal.commands.ocr",
    "headway_journal.commands.shared",
    "headway_journal.commands.security",
)
# The global --passphrase-file and --encrypt of this run (``open_journal`` reads them).
_LOCK_OPTIONS: dict[str, Any] = {}

_COMMANDS: dict[str, Callable[[argparse.Namespace, Any], int]] = {
    "import": cmd_import,
    "export": cmd_export,
    "search": cmd_search,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "casefile": cmd_casefile,
    "ics": cmd_ics,
}


# --- the window and the desktop entry ----------------------------------------------------------


def _open_target(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(journal folder, file to offer) for ``--open FILE``: a journal folder is the journal to
    open; any other file is offered to the window (which explains one it cannot open)."""
    if not args.open_file:
        return args.journal, None
    from headway_journal import documents

    try:
        doc = documents.classify(args.open_file)
    except documents.DocumentError:
        return args.journal, args.open_file  # the window says why (no terminal to read)
    if doc.kind is not documents.Kind.JOURNAL:
        return args.journal, str(doc.path)
    if args.journal and Path(args.journal).expanduser().absolute() != doc.path:
        raise CliError("Give the journal folder once: --journal DIR or the folder itself.")
    if database_url(args) is not None:
        raise CliError("A journal folder cannot be opened together with --database.")
    return str(doc.path), None


def _gui(args: argparse.Namespace) -> int:
    journal_option, open_file = _open_target(args)
    journal: Path | None = Path(journal_option).expanduser() if journal_option else None
    if args.demo and journal is not None:
        _fill_demo(_journal_dir(journal_option))
    import gc

    # Start-up makes some 100,000 objects that live as long as the window (modules, classes,
    # Qt's wrappers); before the first paint the cyclic collector walked them over and over
    # (~80 ms here) and found nothing to free. It stays off until the window's own collector
    # (ui.gc_guard) collects on the GUI thread, and is back on when the window is gone.
    gc.disable()
    try:
        from headway_journal.window_start import run_window

        return run_window(args, journal, open_file)
    finally:
        gc.enable()


def _desktop(*, install: bool, uninstall: bool) -> int:
    from headway_journal.desktop import install_desktop, uninstall_desktop

    if install and uninstall:
        raise CliError("Give --install-desktop or --uninstall-desktop, not both.")
    try:
        paths = install_desktop() if install else uninstall_desktop()
    except RuntimeError as exc:  # Windows and macOS: no freedesktop.org menu to add to
        raise CliError(str(exc)) from exc
    for path in paths:
        print(path)
    if install:
        print(f"Installed the desktop entry, icons and AppStream metainfo ({len(paths)} files).")
    else:
        print(f"Removed {len(paths)} file{'s' if len(paths) != 1 else ''}."
              if paths else "Nothing to remove: the desktop entry was not installed.")
    return EXIT_OK
