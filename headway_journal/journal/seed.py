"""Headway's published channels, preloaded once per journal, and the correction of hours an
earlier version's seed invented.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .capture.patterns import HEADWAY_TICKET_PATTERNS, join_patterns
from .history import changed_fields
from .models import Channel, Organization, Setting, utc_now
from .organizations import channel_dict
from .service_base import ServiceBase


class SeedDefaults(ServiceBase):
    """Preloading Headway (part of ``JournalService``)."""

    def seed_defaults(self) -> None:
        """Preload Headway with its published channels, once per journal.

        A journal seeded by an earlier version gets the current hours on the seeded channels
        the user never touched (``_refresh_seed``); edited or verified channels stay as they are.
        """
        if self.get_setting("seeded"):
            self._refresh_seed()
            return
        with self._write() as s:
            if s.scalar(select(Organization).where(Organization.key == "headway")) is None:
                org = Organization(key="headway", name="Headway", website="https://headway.co",
                                   address="", notes=HEADWAY_NOTES,
                                   ticket_patterns=join_patterns(HEADWAY_TICKET_PATTERNS))
                for i, ch in enumerate(HEADWAY_CHANNELS):
                    org.channels.append(Channel(position=i, **ch))
                s.add(org)
            s.merge(Setting(key="seeded", value=utc_now().isoformat()))

    def _refresh_seed(self) -> None:
        """Replace hours an earlier seed invented, on channels still exactly as seeded.

        A channel qualifies only while every field equals an earlier seed's and it was never
        verified; the organization's notes only while they equal the earlier seed's. The change
        goes into the history like an edit. Nothing is written when nothing qualifies, so this
        costs one read on later opens.
        """
        def stale(c: Any) -> dict[str, str] | None:  # a Channel, or a row of its columns
            if c.verified_on is not None or c.verified_from:
                return None
            fresh = _OLD_SEED_CHANNELS.get((c.kind, c.value, c.label, c.audience, c.hours,
                                            c.timezone))
            return None if fresh is None or fresh == {"hours": c.hours,
                                                       "timezone": c.timezone} else fresh

        # The usual case (nothing to refresh) reads Core tables: this runs when the journal
        # opens, before the window's first paint, and needs no mapper configured.
        org_t, ch_t = Organization.__table__.c, Channel.__table__.c
        with self.journal.sessions() as s:
            org_row = s.execute(select(org_t.id, org_t.notes)
                                .where(org_t.key == "headway")).first()
            if org_row is None:
                return
            channels = s.execute(select(ch_t.kind, ch_t.value, ch_t.label, ch_t.audience,
                                        ch_t.hours, ch_t.timezone, ch_t.verified_on,
                                        ch_t.verified_from)
                                 .where(ch_t.organization_id == org_row.id)).all()
            if org_row.notes not in _OLD_HEADWAY_NOTES and not any(stale(c) for c in channels):
                return
        with self._write() as s:
            org = s.scalar(select(Organization).where(Organization.key == "headway")
                           .options(selectinload(Organization.channels)))
            if org is None:
                return
            before = {"notes": org.notes, "channels": [channel_dict(c) for c in org.channels]}
            for c in org.channels:
                fresh = stale(c)
                if fresh is not None:
                    c.hours, c.timezone = fresh["hours"], fresh["timezone"]
            if org.notes in _OLD_HEADWAY_NOTES:
                org.notes = HEADWAY_NOTES
            after = {"notes": org.notes, "channels": [channel_dict(c) for c in org.channels]}
            self._log(s, "organization", org.id, None, "update", changed_fields(before, after))


# Headway's channels as published (DOMAIN.md, "Channels and where the real numbers are").
# No opening hours are on file for any of them: the brief's "typical live coverage: Monday to
# Friday, about 9:00 to 18:00 local time" is a general guide (whose local time?), not a
# channel's hours, so it stays in the notes and no channel gets it. Without hours the app says
# "hours unknown", never "open now" or "closed now". The Help center is a web site, open at
# any hour.
HEADWAY_CHANNELS: tuple[dict[str, Any], ...] = (
    dict(kind="in-app", value="Help > Contact support (inside your Headway account)",
         label="In-app Contact support: opens a ticket tied to your account", audience="any",
         hours="", timezone=""),
    dict(kind="web", value="https://help.headway.co", label="Help center", audience="any",
         hours="24/7", timezone=""),
    dict(kind="in-app", value="Account menu (your initials, top right) > Messages",
         label="Messages to your provider", audience="client", hours="", timezone=""),
    dict(kind="in-app", value="Provider dashboard > Support", label="Provider Support queue",
         audience="clinician", hours="", timezone=""),
    dict(kind="phone", value="(833) 384-1044", label="Privacy Officer (privacy complaints)",
         audience="privacy", hours="", timezone=""),
    dict(kind="email", value="Privacy Officer: the address in Headway's privacy notice",
         label="Privacy Officer by e-mail (privacy complaints)", audience="privacy", hours="",
         timezone=""),
)

HEADWAY_NOTES = (
    "Headway publishes no dedicated inbound phone line for general support; use in-app Contact "
    "support so the ticket is tied to your account. Clients and clinicians have separate "
    "support queues. No opening hours are on file for these channels; as a general guide, live "
    "coverage is typically Monday to Friday, about 9:00 to 18:00 local time, reduced on weekends "
    "and holidays, and chat and e-mail triage may be around the clock."
)

# What earlier versions seeded, (kind, value, label, audience, hours, timezone) -> the current
# hours and timezone of that channel; used to correct untouched channels of older journals.
_SEED_1_HOURS: tuple[tuple[str, str], ...] = (
    ("Mon-Fri 09:00-18:00", ""), ("24/7", ""), ("", ""), ("Mon-Fri 09:00-18:00", ""),
    ("Mon-Fri 09:00-17:00", "America/New_York"), ("24/7", ""),
)
# The second seed gave the Privacy Officer line the brief's general guide as its hours.
_SEED_2_HOURS: tuple[tuple[str, str], ...] = (
    ("", ""), ("24/7", ""), ("", ""), ("", ""), ("Mon-Fri 09:00-18:00", ""), ("", ""),
)

_OLD_SEED_CHANNELS: dict[tuple[str, str, str, str, str, str], dict[str, str]] = {
    (ch["kind"], ch["value"], ch["label"], ch["audience"], hours, zone):
        {"hours": ch["hours"], "timezone": ch["timezone"]}
    for old_seed in (_SEED_1_HOURS, _SEED_2_HOURS)
    for ch, (hours, zone) in zip(HEADWAY_CHANNELS, old_seed, strict=True)
}

_OLD_HEADWAY_NOTES = frozenset({
    "Headway publishes no dedicated inbound phone line for general support; use in-app Contact "
    "support so the ticket is tied to your account. Clients and clinicians have separate "
    "support queues.",
})
