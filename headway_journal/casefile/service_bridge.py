"""From the journal service to the case file: map a case into :mod:`.data` and build the PDF.

    from headway_journal.casefile.service_bridge import build_for_case, casefile_data

    data = casefile_data(service, case_id)               # plain CaseFileData
    result = build_for_case(service, case_id, Path("case.pdf"), redact=True, exclude=[2])

The command line (``headway-journal casefile``) and the window both call
:func:`build_for_case`. It reads the journal (one read, no writes), checks every exhibit file
against its SHA-256, applies the redaction or the left-out exhibits to the data (never to the
PDF), then builds the PDF atomically. Like the rest of this package it never imports Qt.

Threads: the journal opens one SQLite connection per session (NullPool), so this may run on a
worker thread while the window stays responsive; ``progress`` and ``cancelled`` are passed to
:func:`~.pdf.build_casefile` unchanged and are called on that same thread.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..journal import issue_types
from ..journal.capture.provenance import describe_provenance
from ..journal.filenames import portable_name
from ..journal.plain_copies import readable_path
from ..journal.records import AttachmentView, CaseView, ChangeView, ContactView, PromiseView
from ..journal.service import JournalService, NotFound, ServiceError
from ..l10n import formats
from .chain_bridge import with_chain
from .data import (
    REFERENCE_KINDS,
    CaseFileData,
    ContactRow,
    EscalationRow,
    Exhibit,
    Organization,
    Party,
    PromiseRow,
    Reference,
)
from .pdf import BuildResult, CaseFileCancelled, build_casefile
from .pdf.progress import CancelledFn, ProgressFn
from .redact import redact as redact_data
from .redact import unmaskable_kind
from .signing.choose import PassphraseFn, pick_signer

if TYPE_CHECKING:
    from ..journal.exhibits import AttachmentStore, PrintCopy

__all__ = [
    "MAX_CASEFILE_CONTACTS",
    "CaseFileTooLarge",
    "apply_options",
    "build_for_case",
    "casefile_data",
    "default_file_name",
    "estimated_pages",
    "included_unmasked",
    "omit_exhibits",
]

# A case file with more contacts than this is refused (with the estimated page count and a
# suggestion to choose a date range): about 900 pages, built in well under a minute here.
MAX_CASEFILE_CONTACTS = 2_000
_PAGES_PER_CONTACT = 0.45  # measured: 1,000 contacts with a promise each gave 437 pages
_FIXED_PAGES = 6  # cover, references, details, promises, exhibit list, signature

_PIECES = re.compile(r"\s*[,;\n]+\s*")
_ONE_OF = {
    "account": i18n.mark("Account number"),
    "member": i18n.mark("Member ID"),
    "claim": i18n.mark("Claim number"),
    "invoice": i18n.mark("Invoice number"),
    "authorization": i18n.mark("Authorization number"),
}
_FILE_PROBLEMS = {
    "size differs": i18n.mark("the stored copy has changed since it was added (its size differs)"),
    "altered (SHA-256 mismatch)": i18n.mark("the stored copy no longer matches its SHA-256 digest"),
}



# the journal's vocabulary as the case file shows it (stored in English, translated when shown)
VOCABULARY = (
    i18n.mark("open"), i18n.mark("waiting"), i18n.mark("escalated"), i18n.mark("resolved"),
    i18n.mark("closed"), i18n.mark("client"), i18n.mark("clinician"), i18n.mark("phone"),
    i18n.mark("chat"), i18n.mark("email"), i18n.mark("ticket"), i18n.mark("in-app"),
    i18n.mark("letter"), i18n.mark("in-person"), i18n.mark("inbound"), i18n.mark("outbound"),
)

def _cap(text: str) -> str:
    text = text.strip().replace("_", " ")
    return text[:1].upper() + text[1:]


def _offset(moment: datetime) -> str:
    off = moment.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _due_label(p: PromiseView) -> str:
    """"2026-11-30", or "2026-11-30 17:00 -08:00" for a promise made in hours."""
    if p.due.due_at is not None:
        return f"{p.due.due_at:%Y-%m-%d %H:%M} {_offset(p.due.due_at)}"
    return p.due.due_on.isoformat()


def _person(service: JournalService) -> Party:
    profile = service.profile()

    def line(key: str) -> str:
        return " ".join(str(profile.get(key) or "").split())

    address = "\n".join(
        " ".join(x.split()) for x in str(profile.get("address") or "").splitlines() if x.strip()
    )
    # Missing details stay empty: the PDF and the letter print a line to fill in by hand.
    return Party(
        name=line("name"),
        address=address,
        email=line("email"),
        phone=line("phone"),
    )


def _details(case: CaseView) -> tuple[tuple[str, str], ...]:
    try:
        return tuple(issue_types.details(case.issue_type, case.fields))
    except (KeyError, ValueError):  # an issue type this version does not know
        return tuple((k.replace("_", " ").capitalize(), v) for k, v in case.fields.items() if v)


def _references(case: CaseView, contacts: list[ContactView]) -> tuple[Reference, ...]:
    """Identifier fields (one row per value), every ticket, every escalation reference."""
    out: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    try:
        fields = issue_types.references(case.issue_type, case.fields)
    except (KeyError, ValueError):
        fields = []
    for kind, label, value in fields:
        kind_ = kind if kind in REFERENCE_KINDS else "other"
        pieces = [value.strip()] if kind_ == "other" else _PIECES.split(value.strip())
        pieces = [p for p in pieces if p]
        if len(pieces) > 1:  # "Claim numbers" -> one "Claim number" row each
            label = i18n.text(_ONE_OF.get(kind_, label))
        for piece in pieces:
            if (kind_, piece.casefold()) not in seen:
                seen.add((kind_, piece.casefold()))
                out.append(Reference(kind_, piece, label))

    # tickets and escalation references: value -> where it was given, in first-seen order
    where: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    numbers: dict[str, list[int]] = {}
    for number, c in enumerate(contacts, start=1):
        for t in c.tickets:
            t = t.strip()
            if t:
                where.setdefault(t, [])
                kinds[t] = "ticket"
                numbers.setdefault(t, []).append(number)
    for t, nums in numbers.items():
        unique = list(dict.fromkeys(nums))
        listed = ", ".join(str(n) for n in unique)
        where[t].append(i18n.plural("Ticket number (contact {listed})",
                                    "Ticket number (contacts {listed})",
                                    len(unique)).format(listed=listed))
    for e in sorted(case.escalations, key=lambda e: (e.requested_on, e.id)):
        ref = e.reference.strip()
        if not ref:
            continue
        owner = e.owner_name.strip() or e.owner_title.strip()
        level = _cap(e.level) or i18n.text("Escalation")
        kinds.setdefault(ref, "escalation")  # a ticket number that is also one stays a ticket
        where.setdefault(ref, []).append(
            i18n.text("Escalation reference ({level}: {owner})").format(
                level=level, owner=owner) if owner
            else i18n.text("Escalation reference ({level})").format(level=level))
    for value, parts in where.items():
        if any((k, value.casefold()) in seen for k in ("ticket", "escalation")):
            continue
        seen.add((kinds[value], value.casefold()))
        out.append(Reference(kinds[value], value, "; ".join(parts)))
    return tuple(out)


def _representatives(contacts: list[ContactView]) -> tuple[tuple[str, str, str], ...]:
    reps: dict[tuple[str, str], list[str]] = {}
    for c in contacts:
        name = " ".join(c.rep_name.split())
        if not name:
            continue
        key = (name.casefold(), c.rep_id.strip().casefold())
        entry = reps.setdefault(key, [name, "", c.rep_id.strip()])
        if not entry[1] and c.rep_title.strip():
            entry[1] = c.rep_title.strip()
    return tuple((n, t, i) for n, t, i in reps.values())


def _exhibit_files(
    store: AttachmentStore, sha: str, size: int, media_type: str, preview_ok: bool, check: bool
) -> tuple[Path | None, PrintCopy | None, str | None]:
    """(path if sound, verified print copy for images, problem sentence or None)."""
    try:
        path = Path(store.path_for(sha))
    except ValueError:
        return None, None, i18n.text("the journal holds no valid digest for it")
    problem: str | None = "missing"
    if check:
        problem = store.verify(sha, size)
    elif path.is_file():
        problem = None
    if problem is not None:
        if problem == "missing":
            return None, None, None  # the PDF itself says "the stored file is missing"
        if problem.startswith("unreadable"):
            return None, None, i18n.text("the stored copy could not be read {strip}").format(
                strip=problem[len("unreadable"):].strip())
        return None, None, (i18n.text(_FILE_PROBLEMS[problem]) if problem in _FILE_PROBLEMS
                            else i18n.text("the stored copy is {problem}").format(problem=problem))
    if getattr(store, "sealed", False):  # a locked journal: a private plaintext copy
        path = readable_path(store, sha)
    print_copy = None
    if check and media_type.startswith("image/") and preview_ok:
        try:
            # made when the exhibit was attached; checked here, and made again if missing
            # or damaged (journals from older versions get theirs at their first build)
            print_copy = store.print_copy(sha)
        except (OSError, ValueError):
            print_copy = None
    return path, print_copy, None


class CaseFileTooLarge(ServiceError):
    """The case (or the chosen date range) has too many contacts for one case file."""

    def __init__(self, case_id: int, contacts: int, limit: int, span: tuple[date | None, date | None],
                 ranged: bool) -> None:
        self.contacts = contacts
        self.pages = estimated_pages(contacts)
        self.limit = limit
        self.span = span
        where = i18n.text(" in that date range") if ranged else ""
        first, last = span
        runs = (i18n.text(" Its contacts{where} run from {isoformat} to {isoformat2}.").format(
            where=where, isoformat=first.isoformat(), isoformat2=last.isoformat())
                if first is not None and last is not None else "")
        super().__init__(
            i18n.text("Case #{case_id} has {contacts:,} contacts{where}: its case file would run "
                      "to about {pages:,} pages, more than one file can hold (at most {limit:,} "
                      "contacts, about {estimated_pages:,} pages). Choose a shorter date range for "
                      "the timeline.{runs}").format(
                          case_id=case_id, contacts=contacts, where=where, pages=self.pages,
                          limit=limit, estimated_pages=estimated_pages(limit), runs=runs))


def estimated_pages(contacts: int) -> int:
    """About how many pages a case file with this many contacts runs to."""
    return _FIXED_PAGES + math.ceil(contacts * _PAGES_PER_CONTACT)


def _check_size(service: JournalService, case_id: int, first: date | None, last: date | None,
                max_contacts: int | None) -> int:
    """Refuse a case file that would be too large, before anything is loaded; returns the
    number of contacts outside the range. ``max_contacts`` defaults to
    :data:`MAX_CASEFILE_CONTACTS`."""
    limit = MAX_CASEFILE_CONTACTS if max_contacts is None else max_contacts
    if first is not None and last is not None and first > last:
        raise ServiceError(i18n.text("The date range starts on {isoformat}, after its end on "
                                     "{isoformat2}.").format(
                                         isoformat=first.isoformat(), isoformat2=last.isoformat()))
    total, low, high = service.contact_span(case_id)
    ranged = first is not None or last is not None
    inside = total
    if ranged:
        inside, low, high = service.contact_span(case_id, first, last)
    if inside > limit:
        raise CaseFileTooLarge(case_id, inside, limit, (low, high), ranged)
    return int(total - inside)


def casefile_data(
    service: JournalService,
    case_id: int,
    *,
    now: datetime | None = None,
    cover_letter: str | None = None,
    check_files: bool = True,
    first: date | None = None,
    last: date | None = None,
    max_contacts: int | None = None,
) -> CaseFileData:
    """The case as plain :class:`CaseFileData`, ready for :func:`build_casefile`.

    ``now`` (timezone-aware; default: the current time) decides the promise states, the days
    open and the generation time. With ``check_files`` every exhibit is hashed against its
    SHA-256 and image exhibits get their cached print copy; without it (fast, for drafting a
    letter or listing exhibits in a dialog) only the file's presence is checked.
    ``first``/``last`` limit the timeline to the contacts of those dates (both included);
    a case (or range) of more than ``max_contacts`` contacts raises :class:`CaseFileTooLarge`
    before anything is loaded.
    """
    now = now or datetime.now(UTC)
    if now.utcoffset() is None:
        raise ValueError(i18n.text("now must be timezone-aware"))
    local_now = now.astimezone()
    today = local_now.date()
    outside_range = _check_size(service, case_id, first, last, max_contacts)
    case: CaseView = service.get_case(case_id, now=now, contacts_from=first, contacts_to=last)
    org = case.organization

    contacts = sorted(case.contacts, key=lambda c: (c.started_at.astimezone(UTC), c.id))
    exhibits, number_of = _exhibits(service.store, case.attachments, check_files)
    rows = _with_editors(_contact_rows(contacts, number_of), contacts,
                         service.history(case_id))
    escalations = tuple(
        EscalationRow(
            requested_on=e.requested_on,
            level=_cap(e.level),
            owner_name=e.owner_name,
            owner_title=e.owner_title,
            reference=e.reference,
            notes=e.notes,
        )
        for e in sorted(case.escalations, key=lambda e: (e.requested_on, e.id))
    )
    clocks = _clocks(service, case, today)

    return with_chain(service, CaseFileData(
        case_number=case.id,
        case_key=case.key,
        title=case.title,
        person=_person(service),
        organization=Organization(name=org.name, address=org.address, website=org.website),
        issue_type_label=i18n.text(case.issue_label),
        role=_cap(i18n.text(case.role)),
        status=_cap(i18n.text(case.status)),
        opened_on=case.open_since,  # the first contact's day when earlier than the opening
        days_open=max(0, case.days_open(today)),
        amount_disputed=(formats.money(case.amount_disputed, case.currency)
                         if case.amount_disputed is not None else None),
        desired_outcome=case.desired_outcome,
        narrative=case.summary,
        details=_details(case),
        references=_references(case, contacts),
        representatives=_representatives(contacts),
        contacts=tuple(rows),
        escalations=escalations,
        exhibits=tuple(exhibits),
        generated_at=local_now.replace(microsecond=0),
        cover_letter=cover_letter if cover_letter and cover_letter.strip() else None,
        outside_clocks=tuple(clocks),
        safety_note=service.safety_note(case.issue_type),
        contacts_range=(first, last) if first is not None or last is not None else None,
        contacts_not_included=outside_range,
    ))


def _exhibits(
    store: AttachmentStore, attached: Iterable[AttachmentView], check_files: bool
) -> tuple[list[Exhibit], dict[int, int]]:
    """The exhibits, numbered in the order they were added, and attachment id -> number."""
    attachments = sorted(attached, key=lambda a: (a.added_at.astimezone(UTC), a.id))
    number_of: dict[int, int] = {}
    exhibits: list[Exhibit] = []

    def files(a: AttachmentView) -> tuple[Path | None, PrintCopy | None, str | None]:
        return _exhibit_files(store, a.sha256, a.size, a.media_type, a.preview_ok, check_files)

    # Hashing and making the first print copies (decode, downscale, encode) release the GIL,
    # and the store is thread-safe: a few threads halve a first case file's preparation.
    workers = max(1, min(4, os.cpu_count() or 1, len(attachments)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hj-exhibit-files") as pool:
        found = list(pool.map(i18n.carry(files), attachments))
    for number, (a, (path, print_copy, problem)) in enumerate(
        zip(attachments, found, strict=True), start=1
    ):
        number_of[a.id] = number
        caption = " ".join(a.caption.split()) or a.original_name
        if problem is not None:
            caption = i18n.text("{caption} [not included: {problem}]").format(
                caption=caption, problem=problem)
        exhibits.append(
            Exhibit(
                number=number,
                caption=caption,
                original_name=a.original_name,
                added_at=a.added_at.astimezone(),
                sha256=a.sha256,
                size=a.size,
                media_type=a.media_type,
                path=path,
                print_path=None if print_copy is None else print_copy.path,
                print_sha256=None if print_copy is None else print_copy.sha256,
                preview_ok=a.preview_ok,
                provenance=describe_provenance(a.provenance),
            )
        )
    return exhibits, number_of


def _with_editors(rows: list[ContactRow], contacts: list[ContactView],
                  history: list[ChangeView]) -> list[ContactRow]:
    """Each row with the database user who recorded the contact and who last changed it (a
    shared journal's history names them; a folder's does not, and the rows stay as they are)."""
    recorded: dict[int, str] = {}
    changed: dict[int, str] = {}
    for h in history:
        if h.entity == "contact" and h.made_by:
            target = recorded if h.action == "create" else changed
            target[h.entity_id] = h.made_by
    if not recorded and not changed:
        return rows
    return [replace(r, recorded_by=recorded.get(c.id, ""), changed_by=changed.get(c.id, ""))
            for r, c in zip(rows, contacts, strict=True)]


def _contact_rows(contacts: list[ContactView], number_of: dict[int, int]) -> list[ContactRow]:
    """The contacts in date order, numbered from 1, with their promises and exhibit numbers."""
    rows: list[ContactRow] = []
    for number, c in enumerate(contacts, start=1):
        tz = c.started_at.tzinfo
        rows.append(
            ContactRow(
                number=number,
                started_at=c.started_at,
                ended_at=c.ended_at,
                recorded_at=c.recorded_at.astimezone(tz),
                channel=c.channel,
                direction=c.direction,
                hold_minutes=c.hold_minutes,
                rep_name=c.rep_name,
                rep_title=c.rep_title,
                rep_id=c.rep_id,
                tickets=tuple(t for t in c.tickets if t.strip()),
                summary=c.summary,
                outcome=c.outcome,
                source=c.source,
                promises=tuple(
                    PromiseRow(
                        text=p.text,
                        made_on=p.made_at.date(),  # the contact's local date
                        due_label=_due_label(p),
                        status=p.state.code,
                        status_label=p.state.label,
                    )
                    for p in c.promises
                ),
                exhibit_numbers=tuple(
                    sorted(number_of[a.id] for a in c.attachments if a.id in number_of)
                ),
                entry_id=c.id,
            )
        )
    return rows


def _clocks(service: JournalService, case: CaseView, today: date) -> list[tuple[str, str]]:
    """Outside deadlines as (rule, "deadline (how far; from start)") pairs."""
    clocks: list[tuple[str, str]] = []
    try:
        outside = service.outside_clocks(case)
    except ValueError:  # a malformed date in the case's fields: no clock rather than no file
        outside = []
    for clock in outside:
        left = (clock.deadline - today).days
        if left > 1:
            when = i18n.text("{left} days left").format(left=left)
        elif left == 1:
            when = i18n.text("1 day left")
        elif left == 0:
            when = i18n.text("today")
        else:
            when = i18n.plural("passed {value} day ago", "passed {value} days ago",
                               -left).format(value=-left)
        clocks.append(
            (clock.rule, i18n.text("{isoformat} ({when}; from {isoformat2})").format(
                isoformat=clock.deadline.isoformat(), when=when,
                isoformat2=clock.starts_on.isoformat()))
        )
    return clocks


def omit_exhibits(data: CaseFileData, exclude: Iterable[int]) -> CaseFileData:
    """Leave the given exhibit numbers out (the others keep their numbers), without masking.

    Raises :class:`NotFound` (a ServiceError: one sentence for the user) for a number the case
    does not have.
    """
    numbers = frozenset(int(n) for n in exclude)
    if not numbers:
        return data
    _check_numbers(data, numbers)
    return replace(
        data,
        exhibits=tuple(x for x in data.exhibits if x.number not in numbers),
        contacts=tuple(
            replace(c, exhibit_numbers=tuple(n for n in c.exhibit_numbers if n not in numbers))
            for c in data.contacts
        ),
        omitted_exhibits=tuple(sorted(set(data.omitted_exhibits) | numbers)),
    )


def _check_numbers(data: CaseFileData, numbers: frozenset[int]) -> None:
    known = {x.number for x in data.exhibits}
    unknown = sorted(n for n in numbers if n not in known)
    if unknown:
        count = len(known)
        has = i18n.text("no exhibits") if count == 0 else i18n.text("exhibits 1 to {count}").format(
            count=count) if count > 1 else i18n.text("exhibit 1")
        which = ", ".join(str(n) for n in unknown)
        word = "exhibit" if len(unknown) == 1 else "exhibits"
        raise NotFound(i18n.text("Case #{case_number} has no {word} {which} (it has {has}).").format(
            case_number=data.case_number, word=word, which=which, has=has))


def apply_options(
    data: CaseFileData,
    *,
    redact: bool = False,
    exclude: Iterable[int] = (),
    include: Iterable[int] = (),
) -> CaseFileData:
    """The redacted copy (identifiers masked, on the data) and/or exhibits left out.

    A redacted copy withholds PDF and text exhibits (their contents cannot be masked) unless
    their number is in ``include``; ``include`` means nothing without ``redact``.
    """
    numbers = frozenset(int(n) for n in exclude)
    put_back = frozenset(int(n) for n in include)
    if redact:
        _check_numbers(data, numbers | put_back)
        both = sorted(numbers & put_back)
        if both:
            raise ServiceError(i18n.text("Exhibit {value} is both left out and put back; choose "
                                         "one.").format(value=both[0]))
        return redact_data(data, exclude_exhibits=numbers, include_exhibits=put_back)
    return omit_exhibits(data, numbers)


def included_unmasked(data: CaseFileData, include: Iterable[int]) -> list[Exhibit]:
    """The exhibits of ``include`` that a redacted copy would otherwise withhold: they go in
    as filed, their contents not masked (the caller warns the user)."""
    wanted = {int(n) for n in include}
    return [x for x in data.exhibits if x.number in wanted and unmaskable_kind(x.media_type)]


def build_for_case(
    service: JournalService,
    case_id: int,
    out: Path,
    *,
    redact: bool = False,
    exclude: Iterable[int] = (),
    include: Iterable[int] = (),
    cover_letter: str | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    now: datetime | None = None,
    first: date | None = None,
    last: date | None = None,
    max_contacts: int | None = None,
    sign: bool = True,
    passphrase: PassphraseFn | None = None,
) -> BuildResult:
    """Write the case file of ``case_id`` to ``out`` (atomically) and describe the result.

    With ``sign`` (the default) the file is signed as the last step, with the certificate chosen
    in Settings (``passphrase(path)`` asks for its passphrase) or the journal's own key, made on
    first use; ``signing.SigningError`` says why it cannot be.

    ``redact`` masks identifiers to their last 4 characters and withholds PDF and text
    exhibits except those in ``include``; ``exclude`` leaves those exhibit numbers out;
    ``cover_letter`` (plain text, paragraphs separated by blank lines) goes right after the
    cover page. ``first``/``last`` limit the timeline to those dates; a case (or range) of
    more than ``max_contacts`` contacts raises :class:`CaseFileTooLarge` before anything is
    read. When ``cancelled()`` turns true the build stops with
    :class:`~.pdf.CaseFileCancelled` and nothing is written.
    """
    if cancelled is not None and cancelled():
        raise CaseFileCancelled(i18n.text("case file build cancelled"))
    if progress is not None:
        progress(0, 100, i18n.text("Reading the journal"))
    data = casefile_data(service, case_id, now=now, cover_letter=cover_letter, first=first,
                         last=last, max_contacts=max_contacts)
    data = apply_options(data, redact=redact, exclude=exclude, include=include)
    signer, why = pick_signer(service, passphrase) if sign else (None, None)
    result = build_casefile(data, Path(out), progress=progress, cancelled=cancelled,
                            signer=signer)
    return result if why is None else replace(result, unsigned_reason=why)


def default_file_name(title: str, *, redacted: bool = False, on: date | None = None) -> str:
    """"Case file - <title> - 2026-11-26.pdf", safe on every file system."""
    clean = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    clean = " ".join(clean.split()).strip(". ")
    if len(clean) > 80:
        clean = clean[:79].rstrip() + "…"
    kind = i18n.text("Case file (redacted)") if redacted else i18n.text("Case file")
    day = (on or date.today()).isoformat()
    return portable_name(i18n.text("{kind} - {clean} - {day}.pdf").format(
        kind=kind, clean=clean, day=day) if clean else i18n.text("{kind} - {day}.pdf").format(
            kind=kind, day=day))
