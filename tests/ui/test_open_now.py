"""Before you call: "open now" / "closed now" only for channels whose hours are on file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel

from headway_journal.journal.records import ChannelInput, OrganizationInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.case.pane import TAB_BEFORE_CALL
from headway_journal.ui.widgets import Card

if TYPE_CHECKING:
    from conftest import Sample

STATES = ("open now", "closed now", "hours unknown")


def channel_states(window: Any, case_id: int) -> dict[str, tuple[str, str]]:
    """Channel name -> (its badge, its hours line) as the Before you call tab shows them."""
    window.select_case(case_id)
    pane = window.case_pane
    pane.tabs.setCurrentIndex(TAB_BEFORE_CALL)
    shown = {}
    for card in pane.before_area.widget().findChildren(Card):
        if not card.accessibleName().startswith("Channel "):
            continue
        labels = {lab.accessibleName(): lab.text() for lab in card.findChildren(QLabel)}
        badges = [labels[s] for s in STATES if s in labels]
        assert len(badges) == 1, labels
        shown[labels["Channel name"]] = (badges[0], labels["Channel hours"])
    return shown


def test_headway_channels_without_hours_on_file_never_say_open_or_closed(
        window: Any, sample: Sample) -> None:
    shown = channel_states(window, sample.privacy)
    phone = shown["Privacy Officer (privacy complaints)"]
    assert phone[0] == "hours unknown"
    assert phone[1].startswith("No opening hours on file")
    assert shown["Help center"][0] == "open now"  # a web site: 24/7
    for name, (badge, _hours) in shown.items():
        if name != "Help center":
            assert badge == "hours unknown", name


def test_hours_the_user_entered_say_open_now(
        window: Any, service: JournalService, sample: Sample) -> None:
    org = service.organization_by_key("headway")
    assert org is not None
    channels = [ChannelInput(c.kind, c.value, c.label, c.audience, c.hours, c.timezone,
                             c.verified_on, c.verified_from) for c in org.channels]
    for ch in channels:
        if ch.label == "Privacy Officer (privacy complaints)":
            ch.hours, ch.timezone = "Mon-Sun 00:00-24:00", "America/New_York"
    service.save_organization(OrganizationInput(
        name=org.name, website=org.website, address=org.address, notes=org.notes,
        channels=channels), org.id)
    shown = channel_states(window, sample.privacy)
    badge, hours = shown["Privacy Officer (privacy complaints)"]
    assert badge == "open now"
    assert hours.startswith("Hours Mon-Sun 00:00-24:00 (America/New_York)")
