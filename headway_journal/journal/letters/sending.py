"""Sending a letter: logged as a contact on the case, with the body's reply clock as a promise.

The contact says what was sent, how (letter, e-mail or web form), when and with which
enclosures; where the body has a reply clock (30 days for records, 15 days for the company's
answer through the CFPB...) the contact carries it as a promise, so the journal keeps tracking it
like any other. The draft then notes the day and the contact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from headway_journal import i18n

from ..records import ContactInput, PromiseInput, ValidationError
from .bodies import body
from .plan import reply_due

if TYPE_CHECKING:
    from ..service import JournalService

__all__ = ["SEND_CHANNELS", "mark_sent"]

SEND_CHANNELS: tuple[str, ...] = ("letter", "email", "web-form")


def _started(sent_on: date, now: datetime) -> datetime:
    local = now.astimezone()
    if sent_on == local.date():
        return local.replace(microsecond=0)
    return datetime.combine(sent_on, time(12, 0)).astimezone()


def mark_sent(service: JournalService, case_id: int, kind: str, *, sent_on: date,
              channel: str, enclosures: Sequence[str] = (), recipient: str = "",
              now: datetime | None = None) -> int:
    """Log the sending as a contact (with the reply clock as a promise); the contact's id."""
    if channel not in SEND_CHANNELS:
        raise ValidationError({"channel": i18n.text("Sent how? One of: letter, e-mail, "
                                                    "web form.")})
    now = now or datetime.now().astimezone()
    if sent_on > now.astimezone().date():
        raise ValidationError({"sent_on": i18n.text("The day it was sent cannot be in the "
                                                    "future.")})
    b = body(kind)
    summary = i18n.text("Sent: {title}.").format(title=b.title)
    if enclosures:
        summary += "\n" + i18n.text("Enclosed:") + "\n" + "\n".join(f"- {e}" for e in enclosures)
    promises: list[PromiseInput] = []
    if b.reply is not None:
        text = i18n.text("Reply: {what}").format(what=b.reply.what)
        if b.reply.unit == "business days":
            promises.append(PromiseInput(text=text, business_days=b.reply.amount))
        else:
            promises.append(PromiseInput(text=text, due_on=reply_due(kind, sent_on,
                                                                     service.calendar)))
    contact_id = service.log_contact(case_id, ContactInput(
        started_at=_started(sent_on, now), channel=channel, direction="outbound",
        rep_name=recipient[:200], summary=summary, promises=promises))
    service.record_letter_sent(case_id, kind, sent_on=sent_on, channel=channel,
                               contact_id=contact_id)
    return contact_id
