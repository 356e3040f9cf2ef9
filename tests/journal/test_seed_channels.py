"""Headway's preloaded channels carry no invented hours; older journals are corrected only where
the user never touched the seeded channel."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select, update

from headway_journal.journal.hours import is_open
from headway_journal.journal.models import Change, Channel, Organization
from headway_journal.journal.records import ChannelInput, OrganizationInput
from headway_journal.journal.seed import HEADWAY_NOTES
from headway_journal.journal.service import JournalService

# What the first seed wrote (label -> hours, timezone).
OLD_HOURS = {
    "In-app Contact support: opens a ticket tied to your account": ("Mon-Fri 09:00-18:00", ""),
    "Help center": ("24/7", ""),
    "Messages to your provider": ("", ""),
    "Provider Support queue": ("Mon-Fri 09:00-18:00", ""),
    "Privacy Officer (privacy complaints)": ("Mon-Fri 09:00-17:00", "America/New_York"),
    "Privacy Officer by e-mail (privacy complaints)": ("24/7", ""),
}
OLD_NOTES = ("Headway publishes no dedicated inbound phone line for general support; use in-app "
             "Contact support so the ticket is tied to your account. Clients and clinicians have "
             "separate support queues.")
NEW_HOURS = {
    "In-app Contact support: opens a ticket tied to your account": ("", ""),
    "Help center": ("24/7", ""),
    "Messages to your provider": ("", ""),
    "Provider Support queue": ("", ""),
    "Privacy Officer (privacy complaints)": ("", ""),
    "Privacy Officer by e-mail (privacy complaints)": ("", ""),
}
# What the second seed wrote: the brief's general guide as the Privacy Officer line's hours.
SEED_2_HOURS = dict(NEW_HOURS)
SEED_2_HOURS["Privacy Officer (privacy complaints)"] = ("Mon-Fri 09:00-18:00", "")
TUESDAY_NOON = datetime(2026, 11, 10, 17, 0, tzinfo=UTC)
SUNDAY_NIGHT = datetime(2026, 11, 8, 23, 0, tzinfo=UTC)


def hours_by_label(svc: JournalService) -> dict[str, tuple[str, str]]:
    org = svc.organization_by_key("headway")
    assert org is not None
    return {c.label: (c.hours, c.timezone) for c in org.channels}


def organization_changes(svc: JournalService) -> int:
    with svc.journal.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Change)
                            .where(Change.entity == "organization")) or 0)


def make_old_journal(folder: Path, hours_by: dict[str, tuple[str, str]] = OLD_HOURS,
                     notes: str = OLD_NOTES) -> None:
    """A journal as the first seed (or ``hours_by``'s) left it."""
    with JournalService.open(folder) as svc, svc.journal.write_sessions() as s:
        for label, (hours, zone) in hours_by.items():
            s.execute(update(Channel).where(Channel.label == label)
                      .values(hours=hours, timezone=zone))
        s.execute(update(Organization).where(Organization.key == "headway")
                  .values(notes=notes))
        s.commit()


def test_a_new_journal_has_only_the_hours_the_brief_gives(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "j") as svc:
        assert hours_by_label(svc) == NEW_HOURS
        org = svc.organization_by_key("headway")
        assert org is not None and org.notes == HEADWAY_NOTES
        assert "Monday to Friday, about 9:00 to 18:00 local time" in org.notes
        assert "triage may be around the clock" in org.notes
        by_label = {c.label: c for c in org.channels}
        # a ticket channel with no hours is "unknown" at night, never "closed"
        support = by_label["In-app Contact support: opens a ticket tied to your account"]
        assert is_open(support.hours, support.timezone, SUNDAY_NIGHT) is None
        assert is_open(by_label["Provider Support queue"].hours, "", SUNDAY_NIGHT) is None
        assert organization_changes(svc) == 0
        # no hours are on file, as the notes say: no channel is ever "open" or "closed" by
        # a guess read in the user's own time zone; only the web site is open at any hour
        for when in (SUNDAY_NIGHT, TUESDAY_NOON):
            states = {c.label: is_open(c.hours, c.timezone, when) for c in org.channels}
            assert states == {label: (True if label == "Help center" else None)
                              for label in NEW_HOURS}


def test_a_journal_from_the_second_seed_loses_the_guessed_privacy_line_hours(
        tmp_path: Path) -> None:
    folder = tmp_path / "j"
    make_old_journal(folder, SEED_2_HOURS, HEADWAY_NOTES)
    with JournalService.open(folder, seed=False) as svc:
        assert hours_by_label(svc) == SEED_2_HOURS
    with JournalService.open(folder) as svc:
        assert hours_by_label(svc) == NEW_HOURS
        assert organization_changes(svc) == 1


def test_an_older_journal_gets_the_new_hours_on_untouched_channels(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    make_old_journal(folder)
    with JournalService.open(folder) as svc:
        assert hours_by_label(svc) == NEW_HOURS
        org = svc.organization_by_key("headway")
        assert org is not None and org.notes == HEADWAY_NOTES
        assert organization_changes(svc) == 1  # recorded in the history like an edit
    with JournalService.open(folder) as svc:  # and only once
        assert hours_by_label(svc) == NEW_HOURS
        assert organization_changes(svc) == 1


def test_channels_the_user_edited_or_verified_are_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    make_old_journal(folder)
    with JournalService.open(folder, seed=False) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        channels = []
        for c in org.channels:
            ch = ChannelInput(c.kind, c.value, c.label, c.audience, c.hours, c.timezone,
                              c.verified_on, c.verified_from)
            if c.label == "Provider Support queue":  # edited hours
                ch.hours = "Mon-Fri 08:00-20:00"
            if c.label == "Privacy Officer (privacy complaints)":  # checked in the account
                ch.verified_on, ch.verified_from = date(2026, 10, 1), "privacy notice"
            channels.append(ch)
        svc.save_organization(OrganizationInput(
            name=org.name, website=org.website, address=org.address,
            notes="My own notes about Headway.", channels=channels), org.id)
    with JournalService.open(folder) as svc:
        hours = hours_by_label(svc)
        assert hours["Provider Support queue"] == ("Mon-Fri 08:00-20:00", "")
        assert hours["Privacy Officer (privacy complaints)"] == (
            "Mon-Fri 09:00-17:00", "America/New_York")
        assert hours["In-app Contact support: opens a ticket tied to your account"] == ("", "")
        assert hours["Privacy Officer by e-mail (privacy complaints)"] == ("", "")
        org = svc.organization_by_key("headway")
        assert org is not None and org.notes == "My own notes about Headway."


def test_a_journal_without_headway_is_not_given_it_again(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    with JournalService.open(folder) as svc, svc.journal.write_sessions() as s:
        s.execute(update(Organization).where(Organization.key == "headway")
                  .values(key="headway-renamed", name="My Headway"))
        s.commit()
    with JournalService.open(folder) as svc:
        assert svc.organization_by_key("headway") is None
        assert len(svc.organizations()) == 1
