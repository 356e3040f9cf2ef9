"""JSON import and export of a journal (the format is documented in docs/journal-format.md).

Export writes one JSON document (UTF-8, indented, records in a stable order) plus a copy of
every exhibit in a folder ``<name>-files/`` beside it, each named by its SHA-256.

Import merges by key and is all-or-nothing. The file is read as a stream (``json_stream``,
ijson), so memory stays bounded however many contacts it holds:

1. pass 1 checks the whole file (UTF-8, JSON syntax, nothing after the document) and reads
   its top level but the cases; the profile and organizations are checked;
2. pass 2 reads the cases one at a time, inside ONE write transaction. A case the journal does
   not hold yet (the whole of a first import) is written as it is read, its contacts one at a
   time, in batches (``NewRows``: bulk inserts of plain rows); a case the journal holds, or a
   case whose members are in an order that cannot be streamed, becomes a plan (``Reader``);
3. when the whole file was read without a problem, the exhibit files are copied into the
   content-addressed store (by a few threads), the plans are merged record by record through
   the ORM (``Writer``), and the exhibits' rows are written. Every row gets its change
   history, and only where something actually changed (importing a file twice changes
   nothing). Any problem at any step rolls the transaction back: nothing is written.

Keys given twice in one JSON object are refused (``json.loads`` would keep the last silently).
Any problem raises :class:`ImportError_` whose message is one line naming the record and the
field, e.g. ``cases[2] (key "c-17").contacts[0].started_at: ...``; nothing is written then.

The stages live in this package's modules: ``common`` (format, errors, summaries),
``validate`` (typed reading of one record, problems), ``plans`` (what the reader hands on),
``read``, ``write``, ``bulk`` (rows of new cases), ``files`` (exhibit files), ``export`` and
``schema``; this module holds the entry points. Never imports Qt.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..json_stream import (
    STREAMED,
    DuplicateKeysDict,
    JsonFile,
    JsonFileError,
    StreamedObject,
    duplicate_keys,
    pairs_hook,
)
from ..models import Organization
from ..safe_echo import echo_path
from ..service import JournalService
from .bulk import NewRows
from .common import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PROFILE_KEYS,
    ExportError,
    ImportError_,
    ImportSummary,
)
from .export import ExportSummary, build_document, export_journal
from .files import ExhibitFiles
from .plans import ImportTarget
from .read import Reader
from .schema import SCHEMA_PATH, json_schema, main, schema_text
from .validate import CASE_LATE
from .write import Writer

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "PROFILE_KEYS",
    "SCHEMA_PATH",
    "ExportError",
    "ExportSummary",
    "ImportError_",
    "ImportProgress",
    "ImportSource",
    "ImportSummary",
    "build_document",
    "export_journal",
    "import_document",
    "import_journal",
    "import_source",
    "json_schema",
    "load_document",
    "main",
    "open_import_file",
    "schema_text",
]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _check_source(path: Path) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImportError_(f"{echo_path(path)}: no such file") from None
    except OSError as exc:
        raise ImportError_(f"{echo_path(path)} cannot be read: {exc.strerror}") from None
    if path.is_dir() or not st.st_size and not path.is_file():
        raise ImportError_(f"{echo_path(path)} is a folder, not a JSON file")


def load_document(path: Path) -> Any:
    """Read and parse the whole JSON file (small files; ``import_journal`` streams).

    Objects whose keys repeat are marked (``json_stream.duplicate_keys``) and refused on import.
    """
    _check_source(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"{echo_path(path)} cannot be read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
        del raw  # a large file is held once, not twice, while it is parsed
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{echo_path(path.name)}: not UTF-8 text (byte {exc.start}); the "
                           "file must be JSON in UTF-8") from None
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise ImportError_(f"{echo_path(path.name)}: not valid JSON: {exc.msg} at line "
                           f"{exc.lineno} column {exc.colno}") from None
    except (ValueError, RecursionError) as exc:
        raise ImportError_(f"{echo_path(path.name)}: not valid JSON: {exc}") from None


# Told after each case is read: (cases read, cases in the file). Whatever it raises stops the
# import, which is rolled back (the window's Cancel, a quit signal while the window imports).
ImportProgress = Callable[[int, int], None]


@dataclass
class ImportSource:
    """A JSON file checked by ``open_import_file`` (pass 1), ready to be imported."""

    path: Path
    file: JsonFile
    top: Any

    @property
    def case_count(self) -> int:
        """How many cases the file holds (counted by pass 1)."""
        return len(self.file.streamable)


def open_import_file(source: str | os.PathLike[str]) -> ImportSource:
    """Check the whole file (UTF-8, JSON, keys) and read its top level, without the cases.

    A file that cannot be read is refused here, before the journal is touched. The cases are
    read afterwards by ``import_source``, one at a time.
    """
    path = Path(source).expanduser().absolute()
    _check_source(path)
    file = JsonFile(path)
    try:
        top = file.top("cases", "contacts", CASE_LATE)
    except JsonFileError as exc:
        raise ImportError_(str(exc)) from None
    except OSError as exc:
        raise ImportError_(f"{echo_path(path)} cannot be read: {exc.strerror}") from None
    return ImportSource(path, file, top)


def import_journal(svc: JournalService, source: str | os.PathLike[str],
                   progress: ImportProgress | None = None) -> ImportSummary:
    """Merge the JSON file at ``source`` into the journal (all or nothing), reading it as a
    stream: memory stays bounded however many contacts it holds."""
    return import_source(svc, open_import_file(source), progress)


def import_source(svc: JournalService, src: ImportSource,
                  progress: ImportProgress | None = None) -> ImportSummary:
    """Merge a file checked by ``open_import_file`` into the journal (all or nothing).

    ``progress(read, total)`` is called before the first case and after each case is read;
    an exception it raises stops the import there, rolled back like any other problem."""
    total = src.case_count

    def cases() -> Iterator[Any]:
        if progress is not None:
            progress(0, total)
        try:
            for read, case in enumerate(src.file.elements("cases", "contacts"), start=1):
                yield case
                if progress is not None:
                    progress(read, total)
        except JsonFileError as exc:  # the file changed since it was checked
            raise ImportError_(str(exc)) from None

    return _import(svc, src.top, cases(), src.path.parent, source_name=src.path.name)


def import_document(svc: JournalService, doc: Any, base_dir: Path) -> ImportSummary:
    """Merge an already parsed document; attachment paths are relative to ``base_dir``."""
    top, cases = doc, []
    if isinstance(doc, dict) and isinstance(doc.get("cases"), list):
        top = dict(doc)
        if duplicate_keys(doc):
            top = DuplicateKeysDict(doc)
            top.duplicates = duplicate_keys(doc)
        top["cases"] = STREAMED
        for item in doc["cases"]:
            if not isinstance(item, dict):
                cases.append(item)
                continue
            streamed = StreamedObject.from_dict(item, "contacts")
            names = list(item)
            after = names[names.index("contacts") + 1:] if streamed.has_inner else []
            streamed.streamable = streamed.has_inner and set(after) <= set(CASE_LATE)
            cases.append(streamed)
    return _import(svc, top, cases, base_dir)


def _import(svc: JournalService, top: Any, cases: Iterable[Any], base_dir: Path,
            source_name: str = "") -> ImportSummary:
    """The import, in ONE write transaction; any problem rolls all of it back.

    The cases new to the journal are written as they are read (in batches); the others, and
    the exhibit files, only once the whole file was read without a problem.
    """
    _ = svc.calendar, svc.store  # settle these first: they read settings in their own sessions
    summary = ImportSummary()
    # The exhibit files are stored once the whole file was read; a problem with a file, a full
    # disk or a failed commit rolls the transaction back and removes the files this import put
    # into the store (no orphans): the stack holding them closes after the transaction.
    with ExitStack() as after_commit, svc.write_transaction() as s:
        reader = Reader(svc, s, base_dir, source_name)
        profile, orgs = reader.read_top(top)
        w = Writer(svc, s, summary)
        if profile is not None:
            w.profile(profile)
        org_ids = {o.key: w.organization(o) for o in orgs}
        org_ids = {**{k: i for k, i in s.execute(select(Organization.key, Organization.id))},
                   **org_ids}
        out = ImportTarget(NewRows(svc, s, summary), org_ids)
        reader.read_case_stream(cases, {o.key for o in orgs}, out)
        reader.problems.raise_if_any()
        atts = [a for cp in out.later for a in cp.attachments] + [a for _c, a, _i in
                                                                   out.attachments]
        files = after_commit.enter_context(ExhibitFiles(svc, atts))
        _write_later(w, out, reader.case_ids, files)
        if files.ready([a for _c, a, _i in out.attachments]):
            out.new_rows.sync()
            for case_id, group in groupby(out.attachments, key=lambda t: t[0]):
                out.new_rows.attachments(case_id, [(a, i) for _c, a, i in group])
        files.problems.raise_if_any()
        out.new_rows.flush()
    return summary


def _write_later(w: Writer, out: ImportTarget, case_ids: Mapping[str, int],
                 files: ExhibitFiles) -> None:
    """Write the cases read as plans (the journal's own, and any not streamed)."""
    new_rows = out.new_rows
    for cp in out.later:
        if not files.ready(cp.attachments):
            continue  # nothing will be written: only look for the other files' problems
        org_id = out.org_ids.get(cp.org_key)
        assert org_id is not None  # checked while reading
        if cp.key not in case_ids:
            new_rows.case(cp, org_id)
            continue
        new_rows.sync()  # rows written through the ORM from here on take their own ids
        c = w.case(cp, org_id)
        # (with the contacts the file leaves out: its exhibits may still name them)
        contact_ids = w.contacts(c, cp.contacts)
        for ep in cp.escalations:
            w.escalation(c, ep, contact_ids)
        w.notes(c, cp.notes)
        w.letters(c, cp.letters, contact_ids)
        w.attachments(c, cp.attachments, contact_ids)
