"""The deadlines calendar (.ics): pending promises and the outside clocks of open cases.

Qt-free, so the command line (``headway-journal ics FILE``) and the window's
"Export deadlines (.ics)..." build the same file with ``build_deadlines_calendar(service)``.

Every event has a UID that survives edits and re-exports, so importing the file again updates
the calendar instead of duplicating events:

* a promise: ``promise-<promise id>`` (a promise edited in place keeps its id);
* an outside clock: ``case-<case id>-clock-<kind>``, e.g. ``case-12-clock-internal-appeal``.

Outside clocks (HHS OCR privacy complaint 180 days, card billing-error notice 60 days, health-plan
internal appeal 180 days, external review four months or the plan's letter's deadline) are
all-day events labelled as general
information to verify, with a reminder a week before. The journal keeps no separate follow-ups;
a follow-up someone committed to is a promise and is exported as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from . import deadlines as dl
from .fsutil import write_atomic
from .models import Case, Organization
from .records import ACTIVE_STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from .service import JournalService

__all__ = [
    "CLOCK_REMINDER_DAYS",
    "DeadlinesCalendar",
    "build_deadlines_calendar",
    "clock_items",
    "promise_items",
]

CLOCK_REMINDER_DAYS = 7
CLOCK_LABEL = "general information, verify"
_CLOCK_ISSUE_TYPES = ("privacy", "billing", "insurance")  # the only ones outside_clocks knows


@dataclass(frozen=True)
class DeadlinesCalendar:
    """The calendar file and what went into it."""

    data: bytes  # the .ics file
    promises: int
    outside_clocks: int

    @property
    def events(self) -> int:
        return self.promises + self.outside_clocks

    def summary(self) -> str:
        """e.g. "2 promise deadlines and 1 outside clock"."""
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return (f"{n(self.promises, 'promise deadline')} and "
                f"{n(self.outside_clocks, 'outside clock')}")


def promise_items(service: JournalService, *, now: datetime | None = None) -> list[dl.DeadlineItem]:
    """One item per pending promise of an open case, most urgent first."""
    return [
        dl.DeadlineItem(
            uid=f"promise-{d.promise.id}",
            title=f"{d.organization}: {d.promise.text}",
            due_on=d.promise.due.due_on,
            due_at=d.promise.due.due_at,
            description=(f"{d.organization}: promised {d.promise.terms} on "
                         f"{d.promise.made_at:%Y-%m-%d} ({d.contact})."),
            case_title=d.case_title,
        )
        for d in service.due_items(now=now, include_future=True)
    ]


def clock_items(service: JournalService) -> list[dl.DeadlineItem]:
    """One all-day item per outside clock of an open case, by deadline."""
    with service.journal.sessions() as s:
        rows = s.execute(
            select(Case.id, Case.title, Case.issue_type, Case.fields, Organization.name)
            .join(Organization, Organization.id == Case.organization_id)
            .where(Case.deleted_at.is_(None), Case.status.in_(ACTIVE_STATUSES),
                   Case.issue_type.in_(_CLOCK_ISSUE_TYPES))
            .order_by(Case.id)
        ).all()
    items: list[dl.DeadlineItem] = []
    for case_id, title, issue_type, fields, org in rows:
        values = {str(k): str(v) for k, v in (fields or {}).items()}
        for clock in dl.outside_clocks_for_fields(issue_type, values):
            items.append(dl.DeadlineItem(
                uid=f"case-{case_id}-clock-{clock.kind}",
                title=f"{clock.name} deadline ({CLOCK_LABEL})",
                due_on=clock.deadline,
                due_at=None,
                description=(f"{clock.rule}; counted from {clock.starts_on.isoformat()} "
                             f"({org}). {clock.note}"),
                case_title=title,
                remind_days_before=CLOCK_REMINDER_DAYS,
            ))
    items.sort(key=lambda i: (i.due_on, i.uid))
    return items


def build_deadlines_calendar(
    service: JournalService,
    *,
    now: datetime | None = None,
    generated_at: datetime | None = None,
    calendar_name: str = "Headway Journal deadlines",
) -> DeadlinesCalendar:
    """The .ics file of the journal's deadlines: pending promises of open cases, then the
    outside clocks of open cases. ``now`` decides what is pending (default: now);
    ``generated_at`` fixes DTSTAMP for reproducible output."""
    now = now or datetime.now(UTC)
    promises = promise_items(service, now=now)
    clocks = clock_items(service)
    data = dl.deadlines_to_ics([*promises, *clocks], calendar_name=calendar_name,
                               generated_at=generated_at or now)
    return DeadlinesCalendar(data=data, promises=len(promises), outside_clocks=len(clocks))


def export_deadlines(service: JournalService, dest: Path) -> DeadlinesCalendar:
    """Build the deadlines calendar and write it to ``dest`` atomically (temp file, fsync,
    rename): a file that was there is replaced whole or not at all."""
    calendar = build_deadlines_calendar(service)
    write_atomic(Path(dest), calendar.data)
    return calendar
