"""The files Headway Journal opens when it is given one (``headway-journal FILE``, a file
opened from the file manager or the Finder, a file handed to the running window).

Three kinds, told apart by their content rather than their name alone:

- ``EXPORT``: the journal's own JSON (``headway-journal export``, docs/journal-format.md): its
  first object has ``"format": "headway-journal"``. The window offers to import it.
- ``BACKUP``: a SQLite database (the journal's backups, ``headway-journal backup``; a locked
  journal's backups are sealed, so a ``.sqlite3`` name counts too). The window offers to
  restore it after checking it.
- ``JOURNAL``: a journal folder (it holds ``journal.sqlite3`` or a locked journal's
  ``lockbox.json``). It opens in its own window.

Everything else is refused with one sentence saying what it is and what the app opens; a PDF
(a case file) is not the journal's to open: it goes to a PDF viewer.

``FILE_TYPES`` is the one list of associations: the Linux desktop entry's ``MimeType=`` and the
shared-mime-info package (``resources/<APP_ID>.mime.xml``), the macOS Info.plist
(``packaging/bundle_meta.py``) and the Windows installer (``packaging/headway-journal.iss``) are
checked against it by tests. The app owns no file name extension: its exports are ``.json`` and
its backups ``.sqlite3``, which other programs open too, so on Windows and macOS it is offered in
"Open with" rather than made the default; on Linux the export has its own MIME type, recognised
by content.

Qt-free and cheap to import: the command line routes a file with it before loading anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from headway_journal import i18n

__all__ = [
    "FILE_TYPES",
    "Document",
    "DocumentError",
    "FileType",
    "Kind",
    "classify",
    "desktop_mime_types",
    "route_file_argument",
]

JOURNAL_DB = "journal.sqlite3"  # = journal.db.DB_NAME (a test checks; db loads SQLAlchemy)
LOCKBOX = "lockbox.json"  # = journal.crypto.unlocked.LOCKBOX_NAME
SQLITE_MAGIC = b"SQLite format 3\x00"
PDF_MAGIC = b"%PDF-"
EXPORT_FORMAT = "headway-journal"  # = journal.interchange.FORMAT_NAME
HEADER_BYTES = 64 * 1024  # where an export's "format" must be (export writes it first)
_FORMAT_RE = re.compile(rb'"format"\s*:\s*"([^"\\]{0,80})"')


class Kind(StrEnum):
    EXPORT = "export"
    BACKUP = "backup"
    JOURNAL = "journal"


@dataclass(frozen=True)
class FileType:
    """One kind of file the app is registered for on each system."""

    kind: Kind
    mime: str  # the type in the desktop entry's MimeType=
    own_mime: bool  # defined by our shared-mime-info package (else a well-known type)
    extensions: tuple[str, ...]  # without the dot
    uti: str  # the macOS content type
    description: str


EXPORT_MIME = "application/x-headway-journal-export"
FILE_TYPES: tuple[FileType, ...] = (
    FileType(Kind.EXPORT, EXPORT_MIME, True, ("json",), "public.json",
             "Headway Journal export"),
    FileType(Kind.BACKUP, "application/vnd.sqlite3", False, ("sqlite3",), "org.sqlite.sqlite3",
             "Headway Journal backup"),
)


def desktop_mime_types() -> tuple[str, ...]:
    """The MIME types of the desktop entry's ``MimeType=`` key, in order (the SQLite type under
    both its names: older shared-mime-info databases know only ``application/x-sqlite3``)."""
    types = [t.mime for t in FILE_TYPES]
    types.insert(types.index("application/vnd.sqlite3") + 1, "application/x-sqlite3")
    return tuple(types)


class DocumentError(ValueError):
    """A file the app cannot open; the message is one sentence for the user."""


@dataclass(frozen=True)
class Document:
    kind: Kind
    path: Path


def _opens() -> str:
    return i18n.text("Headway Journal opens its JSON exports, its backups (.sqlite3) and "
                     "journal folders.")


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(HEADER_BYTES)
    except OSError as exc:
        raise DocumentError(i18n.text("{name} cannot be read ({reason}).").format(
            name=path.name, reason=exc.strerror or type(exc).__name__)) from None


def _is_journal_folder(path: Path) -> bool:
    return (path / JOURNAL_DB).is_file() or (path / LOCKBOX).is_file()


def _classify_file(path: Path) -> Kind:
    head = _head(path)
    if head.startswith(SQLITE_MAGIC) or (path.suffix.lower() == ".sqlite3" and head):
        return Kind.BACKUP
    if head.startswith(PDF_MAGIC):
        raise DocumentError(i18n.text(
            "{name} is a PDF: Headway Journal makes case files but does not open them; open it "
            "in a PDF viewer (File > Verify a case file… checks one).").format(name=path.name))
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"{"):
        found = _FORMAT_RE.search(text)
        if found is not None and found.group(1) == EXPORT_FORMAT.encode():
            return Kind.EXPORT
        raise DocumentError(i18n.text(
            "{name} is not a Headway Journal export (it has no \"format\": \"headway-journal\")."
        ).format(name=path.name))
    if not head:
        raise DocumentError(i18n.text("{name} is empty.").format(name=path.name))
    raise DocumentError(i18n.text("{name} is not a file Headway Journal can open. {opens}")
                        .format(name=path.name, opens=_opens()))


def classify(path: str | Path) -> Document:
    """What ``path`` is for the app; raises DocumentError (one sentence) when it is nothing the
    app opens: missing, unreadable, a PDF, another program's JSON, a folder that is no
    journal, anything else."""
    given = Path(path).expanduser()
    name = given.name or str(given)
    if not given.exists():
        raise DocumentError(i18n.text("{name} does not exist.").format(name=name))
    if given.is_dir():
        if _is_journal_folder(given):
            return Document(Kind.JOURNAL, given.absolute())
        raise DocumentError(i18n.text(
            "{name} is a folder but not a journal (it has no {db}).").format(
                name=name, db=JOURNAL_DB))
    return Document(_classify_file(given), given.absolute())


def _looks_like_a_file(arg: str) -> bool:
    return os.path.lexists(arg) or "/" in arg or os.sep in arg or bool(Path(arg).suffix)


def route_file_argument(argv: list[str], commands: Collection[str],
                        value_options: Collection[str] = ()) -> list[str]:
    """The command line ``PROG FILE`` (how file managers, the Finder and Windows' "Open with"
    start the app) as ``PROG --open FILE``: the first bare argument that names no command is a
    file when it exists or looks like a path (a folder separator or an extension); anything
    else stays a mistyped command for the parser to refuse. ``value_options`` take the next
    argument as their value. The Finder's old ``-psn_...`` process-serial argument is dropped.
    A file named like a command is opened with ``--open FILE``."""
    out = [a for a in argv if not a.startswith("-psn_")]
    index = 0
    while index < len(out):
        arg = out[index]
        if arg == "--":
            rest = out[index + 1:]
            if rest and rest[0] not in commands and _looks_like_a_file(rest[0]):
                return [*out[:index], "--open", *rest]
            return out
        if arg.startswith("-"):
            index += 2 if arg in value_options else 1
            continue
        if arg in commands or not _looks_like_a_file(arg):
            return out
        return [*out[:index], "--open", *out[index:]]
    return out
