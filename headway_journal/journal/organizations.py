"""Organizations and their channels as views, and the representatives met at one (the input
side, validating and saving an organization, is ``JournalService.save_organization``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from . import records
from .capture.patterns import split_patterns
from .models import Case, Channel, Contact, Organization
from .records import NotFound
from .service_base import ServiceBase

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import OrganizationView


class Organizations(ServiceBase):
    """Reading organizations (part of ``JournalService``)."""

    def organizations(self) -> list[OrganizationView]:
        with self.journal.sessions() as s:
            orgs = s.scalars(
                select(Organization).options(selectinload(Organization.channels)).order_by(
                    func.lower(Organization.name)
                )
            ).all()
            return [organization_view(o) for o in orgs]

    def organization(self, org_id: int) -> OrganizationView:
        with self.journal.sessions() as s:
            o = s.get(Organization, org_id)
            if o is None:
                raise NotFound(f"There is no organization {org_id}.")
            return organization_view(o)

    def organization_by_key(self, key: str) -> OrganizationView | None:
        with self.journal.sessions() as s:
            o = s.scalar(select(Organization).where(Organization.key == key))
            return None if o is None else organization_view(o)

    def representatives(self, organization_id: int) -> list[tuple[str, str, str]]:
        """(name, title, id) of representatives met before at this organization, most recent first."""
        with self.journal.sessions() as s:
            rows = s.execute(
                select(Contact.rep_name, Contact.rep_title, Contact.rep_id, func.max(Contact.started_utc))
                .join(Case, Case.id == Contact.case_id)
                .where(Case.organization_id == organization_id, Contact.rep_name != "",
                       Contact.deleted_at.is_(None))
                .group_by(Contact.rep_name, Contact.rep_title, Contact.rep_id)
                .order_by(func.max(Contact.started_utc).desc())
                .limit(200)
            ).all()
            return [(r[0], r[1], r[2]) for r in rows]


def organization_view(o: Organization) -> OrganizationView:
    """An organization row (with its channels loaded) as its view."""
    return records.OrganizationView(
        id=o.id, key=o.key, name=o.name, website=o.website, address=o.address, notes=o.notes,
        channels=tuple(
            records.ChannelView(c.id, c.kind, c.value, c.label, c.audience, c.hours, c.timezone,
                        c.verified_on, c.verified_from)
            for c in o.channels
        ),
        ticket_patterns=tuple(split_patterns(o.ticket_patterns or "")),
    )


def channel_dict(c: Channel) -> dict[str, Any]:
    """A channel's values as recorded in the change history."""
    return {"kind": c.kind, "value": c.value, "audience": c.audience, "hours": c.hours,
            "verified_on": c.verified_on.isoformat() if c.verified_on else None}
