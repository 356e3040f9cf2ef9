"""``copy-to``: a whole journal copied from one store to another (a folder to a server, a server
to a folder, or either to its own kind), proven by identical exports.

The source is exported (JSON plus every exhibit, ``interchange.export_journal``), imported into
the target in one transaction, and the target exported again: the two exports must be equal,
document and exhibit files alike. The target must hold no case yet (a folder that is not a
journal is refused too), so nothing already there is merged with or overwritten.
"""

from __future__ import annotations

import filecmp
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from headway_journal import i18n

from ..db import DB_NAME, Journal, JournalError
from ..models import Case
from .urls import is_database_url, shown_url


@dataclass
class CopySummary:
    cases: int
    contacts: int
    exhibits: int
    target: str

    def describe(self) -> str:
        return i18n.text("Copied {cases} cases, {contacts} contacts and {exhibits} exhibit "
                         "files to {target}; its export is identical to the source's.").format(
                             cases=self.cases, contacts=self.contacts, exhibits=self.exhibits,
                             target=self.target)


def _where(location: str | Path) -> str:
    return shown_url(location) if isinstance(location, str) else str(location)


def refuse_non_empty_folder(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise JournalError(i18n.text("{target} is a file, not a journal folder; nothing was "
                                     "copied.").format(target=target))
    if target.is_dir() and any(target.iterdir()) and not (target / DB_NAME).is_file():
        raise JournalError(i18n.text("{target} is a folder with other files in it, not a "
                                     "journal; copy into a new or empty folder. Nothing was "
                                     "copied.").format(target=target))


def _exports_equal(a: Path, b: Path) -> bool:
    doc_a = json.loads((a / "journal.json").read_text(encoding="utf-8"))
    doc_b = json.loads((b / "journal.json").read_text(encoding="utf-8"))
    # Each journal keeps its own hash chain (the copy starts a new one): what is compared is
    # the content, not where each chain stands.
    doc_a.pop("chain", None)
    doc_b.pop("chain", None)
    if doc_a != doc_b:
        return False
    files_a, files_b = a / "journal-files", b / "journal-files"
    names = sorted(p.name for p in files_a.iterdir()) if files_a.is_dir() else []
    if names != (sorted(p.name for p in files_b.iterdir()) if files_b.is_dir() else []):
        return False
    return all(filecmp.cmp(files_a / n, files_b / n, shallow=False) for n in names)


def settle(journal: Journal) -> None:
    """After a bulk import into a server: VACUUM (ANALYZE), so the planner knows the new rows,
    the search index's pending entries are merged and index-only reads work at once, rather
    than when autovacuum comes round (until then search and the case list are several times
    slower). Tables the user does not own are skipped by the server. A folder: nothing."""
    if journal.kind != "postgresql":
        return
    with journal.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM (ANALYZE)")


def copy_journal(source: str | Path, target: str | Path) -> CopySummary:
    """Copy the journal at ``source`` into the empty ``target`` (each a folder or a URL)."""
    from ..interchange import export_journal, import_journal
    from ..service import JournalService

    if isinstance(target, Path):
        refuse_non_empty_folder(target)
    elif not is_database_url(target):
        raise JournalError(i18n.text("{target} is not a folder or a postgresql:// URL.").format(
            target=target))
    with tempfile.TemporaryDirectory(prefix="headway-copy-") as tmp:
        first, second = Path(tmp) / "source", Path(tmp) / "target"
        first.mkdir()
        second.mkdir()
        with JournalService.open(source, read_only=True) as src:
            export_journal(src, first / "journal.json")
        with JournalService.open(target) as dst:
            with dst.journal.sessions() as s:
                held = int(s.scalar(select(func.count()).select_from(Case)) or 0)
            if held:
                raise JournalError(i18n.text(
                    "The journal at {where} already holds {n} cases; copy-to only fills an "
                    "empty journal. Nothing was copied.").format(where=_where(target), n=held))
            import_journal(dst, first / "journal.json")
            settle(dst.journal)
            export_journal(dst, second / "journal.json")
        if not _exports_equal(first, second):
            raise JournalError(i18n.text(
                "The copy at {where} does not export the same as the source; do not rely on it "
                "(the source was not changed).").format(where=_where(target)))
        doc = json.loads((first / "journal.json").read_text(encoding="utf-8"))
        files = first / "journal-files"
        return CopySummary(
            cases=len(doc.get("cases", [])),
            contacts=sum(len(c.get("contacts", [])) for c in doc.get("cases", [])),
            exhibits=len(list(files.iterdir())) if files.is_dir() else 0,
            target=_where(target))
