"""Export: the journal as one JSON document, and its exhibits in ``<name>-files/`` beside it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from ..filenames import MAX_NAME_UNITS, fits_name_limits, portable_name
from ..fsutil import write_atomic
from ..issue_types import ISSUE_TYPES
from ..models import utc_key
from ..records import CaseFilter, CaseView
from ..safe_echo import echo_path
from ..service import JournalService
from .chain_seal import CHAIN_KEY, chain_block
from .common import FORMAT_NAME, FORMAT_VERSION, PROFILE_KEYS, ExportError
from .files import EXPORTED_FILE, copy_exhibit, file_name
from .letters import export_letters

# Cases read per batch: few enough that the ORM's objects for one batch stay small.
READ_BATCH = 200


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    files_dir: Path | None
    organizations: int
    cases: int
    contacts: int
    attachments: int

    def describe(self) -> str:
        where = f" (exhibit files in {self.files_dir})" if self.files_dir else ""
        return (f"Exported {self.cases} case{'s' if self.cases != 1 else ''}, "
                f"{self.contacts} contact{'s' if self.contacts != 1 else ''} and "
                f"{self.attachments} exhibit{'s' if self.attachments != 1 else ''} "
                f"to {self.path}{where}.")


def _iso_dt(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _iso_d(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _attachment(a: Any, files_dir_name: str, files: dict[str, str]) -> dict[str, Any]:
    """An exhibit's record; its file is noted in ``files`` ({file name: sha256})."""
    name = file_name(a.sha256, a.media_type)
    files[name] = a.sha256
    return {
        "path": f"{files_dir_name}/{name}",
        "caption": a.caption,
        "original_name": a.original_name,
        "media_type": a.media_type,
        "size": a.size,
        "sha256": a.sha256,
        "provenance": dict(a.provenance),
    }


def _contact(ct: Any, attachment: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """A contact's record, with its promises and exhibits."""
    promises = []
    for p in ct.promises:
        item: dict[str, Any] = {"text": p.text}
        if p.business_days is not None:
            item["business_days"] = p.business_days
        elif p.hours is not None:
            item["hours"] = p.hours
        item["due_on"] = p.due.due_on.isoformat()
        if p.due.due_at is not None:
            item["due_at"] = _iso_dt(p.due.due_at)
        item["status"] = p.status
        promises.append(item)
    return {
        "key": ct.key,
        "started_at": _iso_dt(ct.started_at),
        "ended_at": _iso_dt(ct.ended_at),
        "channel": ct.channel,
        "direction": ct.direction,
        "hold_minutes": ct.hold_minutes,
        "representative": {"name": ct.rep_name, "title": ct.rep_title, "id": ct.rep_id},
        "tickets": list(ct.tickets),
        "summary": ct.summary,
        "outcome": ct.outcome,
        "recorded_at": _iso_dt(ct.recorded_at),
        "promises": promises,
        "attachments": [attachment(a) for a in sorted(ct.attachments,
                                                      key=lambda a: a.id)],
        "source": ct.source,
        "capture_ref": ct.capture_ref,
    }


def _read_cases(svc: JournalService) -> tuple[list[CaseView], dict[int, dict[str, Any]]]:
    """Every case read whole, in batches (a few queries per batch, not per case: on a server
    each query is a round trip), sorted as the format writes them; and their letter drafts."""
    ids = svc.case_ids(CaseFilter(view="all"))
    views: list[CaseView] = []
    letters: dict[int, dict[str, Any]] = {}
    for at in range(0, len(ids), READ_BATCH):
        batch = ids[at:at + READ_BATCH]
        views.extend(svc.get_cases(batch))
        letters.update(svc.letter_drafts_of(batch))
    views.sort(key=lambda v: (v.opened_on, v.key))
    return views, letters


def build_document(svc: JournalService, files_dir_name: str
                   ) -> tuple[dict[str, Any], dict[str, str]]:
    """The export document, and {file name in the files folder: sha256} of the exhibits."""
    files: dict[str, str] = {}

    def attachment(a: Any) -> dict[str, Any]:
        return _attachment(a, files_dir_name, files)

    orgs = sorted(svc.organizations(), key=lambda o: o.key)
    organizations = [
        {
            "key": o.key, "name": o.name, "website": o.website, "address": o.address,
            "notes": o.notes, "ticket_patterns": list(o.ticket_patterns),
            "channels": [
                {"kind": c.kind, "value": c.value, "label": c.label, "audience": c.audience,
                 "hours": c.hours, "timezone": c.timezone, "verified_on": _iso_d(c.verified_on),
                 "verified_from": c.verified_from}
                for c in o.channels
            ],
        }
        for o in orgs
    ]
    cases: list[dict[str, Any]] = []
    contact_ids: dict[tuple[str, str], int] = {}
    views, letters = _read_cases(svc)
    for cv in views:
        contact_keys = {ct.id: ct.key for ct in cv.contacts}
        contact_ids.update({(cv.key, ct.key): ct.id for ct in cv.contacts})
        contacts = [_contact(ct, attachment) for ct in
                    sorted(cv.contacts, key=lambda x: (utc_key(x.started_at), x.key))]
        registry = ISSUE_TYPES.get(cv.issue_type)
        order = [f.name for f in registry.fields] if registry else []
        field_names = [n for n in order if n in cv.fields] + sorted(set(cv.fields) - set(order))
        cases.append({
            "key": cv.key,
            "title": cv.title,
            "organization": cv.organization.key,
            "issue_type": cv.issue_type,
            "role": cv.role,
            "status": cv.status,
            "opened_on": cv.opened_on.isoformat(),
            "summary": cv.summary,
            "desired_outcome": cv.desired_outcome,
            "amount_disputed": None if cv.amount_disputed is None else str(cv.amount_disputed),
            "currency": cv.currency,
            "fields": {n: cv.fields[n] for n in field_names},
            "contacts": contacts,
            # exhibits of the case as a whole, and those of contacts since deleted (still live)
            "attachments": [attachment(a) for a in cv.attachments
                            if a.contact_id is None or a.contact_id not in contact_keys],
            "escalations": [
                {"key": e.key, "requested_on": e.requested_on.isoformat(), "level": e.level,
                 "owner": {"name": e.owner_name, "title": e.owner_title},
                 "reference": e.reference, "notes": e.notes,
                 "contact": contact_keys.get(e.contact_id) if e.contact_id else None}
                for e in sorted(cv.escalations, key=lambda e: (e.requested_on, e.key))
            ],
            "notes": [{"body": n.body, "created_at": _iso_dt(n.created_at)} for n in cv.notes],
            "letters": export_letters(letters.get(cv.id, {}), contact_keys),
        })
    profile = svc.profile()
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "profile": {k: profile.get(k, "") for k in PROFILE_KEYS},
        "organizations": organizations,
        "cases": cases,
    }
    block = chain_block(doc, svc, contact_ids)
    if block is not None:  # last, over everything above it (``verify FILE.json``)
        doc[CHAIN_KEY] = block
    return doc, files


def _files_dir_name(path: Path) -> str:
    """``<stem>-files``; the user's name is kept (a portable one stays portable), shortened
    when "-files" takes it over a name's length limit."""
    name = f"{path.stem}-files"
    return name if fits_name_limits(name) else portable_name(name, max_len=MAX_NAME_UNITS)


def export_journal(svc: JournalService, dest: str | os.PathLike[str]) -> ExportSummary:
    """Write the journal as JSON to ``dest`` and its exhibits to ``<dest stem>-files/``."""
    path = Path(dest).expanduser().absolute()
    if path.is_dir():
        raise ExportError(f"{echo_path(path)} is a folder; give a file name such as journal.json.")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {echo_path(path.parent)} does not exist.")
    files_dir = path.with_name(_files_dir_name(path))
    doc, files = build_document(svc, files_dir.name)
    if files:
        files_dir.mkdir(mode=0o700, exist_ok=True)
        for name, sha in sorted(files.items()):
            copy_exhibit(partial(svc.store.open_plain, sha), files_dir / name, sha)
        # Exhibits exported earlier but no longer in the journal would mislead: remove them
        # (only files named like ours, in our own folder).
        for entry in files_dir.iterdir():
            if EXPORTED_FILE.match(entry.name) and entry.name not in files and entry.is_file():
                with suppress(OSError):
                    entry.unlink()
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomic(path, data)
    cases = doc["cases"]
    return ExportSummary(
        path=path, files_dir=files_dir if files else None,
        organizations=len(doc["organizations"]), cases=len(cases),
        contacts=sum(len(c["contacts"]) for c in cases),
        attachments=sum(len(c["attachments"]) + sum(len(t["attachments"]) for t in c["contacts"])
                        for c in cases),
    )
