"""Help before and after a call: the checklist, the channels to use, safety notes, outside
clocks, typical reply windows and the next escalation step for a case (from ``deadlines``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import i18n
from . import deadlines as dl
from .issue_types import ISSUE_TYPES, SAFETY_NOTE, checklist
from .service_base import ServiceBase

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import CaseView, ChannelView, ContactView


class Guidance(ServiceBase):
    """Pre-call help for a case (part of ``JournalService``)."""

    def checklist(self, case: CaseView) -> list[Any]:
        return checklist(case.issue_type, case.fields, [a.media_type for a in case.attachments])

    def channels_for(self, case: CaseView) -> list[ChannelView]:
        wanted = {"any", case.role}
        if case.issue_type == "privacy":
            wanted.add("privacy")
        return [c for c in case.organization.channels if c.audience in wanted]

    def safety_note(self, issue_type: str) -> str | None:
        it = ISSUE_TYPES.get(issue_type)
        return i18n.text(SAFETY_NOTE) if it is not None and it.safety else None

    def outside_clocks(self, case: CaseView) -> list[dl.OutsideClock]:
        return dl.outside_clocks_for_fields(case.issue_type, case.fields)

    def typical_response(self, case: CaseView, contact: ContactView) -> dl.ExpectedResponse | None:
        """The typical reply window for a contact that got no promise (None: the brief has none).

        Chosen from the contact's channel, whether it started after hours (its own local time
        against the journal's holiday calendar), and the case's issue type, amount, fields and
        escalations (``deadlines.expected_response``).
        """
        try:
            return dl.expected_response(
                contact.channel, case.issue_type,
                after_hours=dl.is_after_hours(contact.started_at, self.calendar),
                amount_disputed=case.amount_disputed,
                currency=case.currency, fields=case.fields,
                escalated=bool(case.escalations) or case.status == "escalated")
        except ValueError:  # a channel or issue type this version does not know
            return None

    def what_to_expect(self, case: CaseView) -> list[dl.Expectation]:
        """Typical waits and reply windows when contacting the case's organization, through
        the channels shown for this case (``deadlines.contact_expectations``)."""
        try:
            return dl.contact_expectations(
                case.issue_type, [c.kind for c in self.channels_for(case)],
                amount_disputed=case.amount_disputed, currency=case.currency,
                fields=case.fields, escalated=bool(case.escalations) or case.status == "escalated")
        except ValueError:
            return []

    def next_step(self, case: CaseView) -> str:
        broken = any(p.status == "broken" or p.state.code == "overdue" for p in case.promises)
        return dl.next_escalation_step(case.issue_type, len(case.escalations), promise_broken=broken)
