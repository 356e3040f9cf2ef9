"""The user's own details (the journal's profile) that a signed case file needs.

The profile itself is stored by ``JournalService.set_profile`` (settings "profile.name",
"profile.address", "profile.email", "profile.phone"); this module only says what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["REQUIRED_DETAILS", "missing_details"]

# The details a signed case file needs, with how a sentence names them.
REQUIRED_DETAILS: tuple[tuple[str, str], ...] = (("name", "your name"), ("address", "your address"))


def missing_details(profile: Mapping[str, str]) -> list[str]:
    """How a sentence names each required detail the profile lacks ("your name", ...)."""
    return [label for key, label in REQUIRED_DETAILS if not str(profile.get(key) or "").strip()]
