"""The user's own details (the journal's profile) that a signed case file needs.

The profile itself is stored by ``JournalService.set_profile`` (settings "profile.name",
"profile.address", "profile.email", "profile.phone", and "profile.other_emails": more of the
user's own addresses, separated by commas, spaces or new lines); this module says what is
missing and which addresses are the user's (an e-mail from one of them is outbound).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .issue_types import FieldError, FieldSpec

__all__ = ["REQUIRED_DETAILS", "check_other_emails", "missing_details", "own_addresses",
           "split_addresses"]

# The details a signed case file needs, with how a sentence names them.
REQUIRED_DETAILS: tuple[tuple[str, str], ...] = (("name", "your name"), ("address", "your address"))


def missing_details(profile: Mapping[str, str]) -> list[str]:
    """How a sentence names each required detail the profile lacks ("your name", ...)."""
    return [label for key, label in REQUIRED_DETAILS if not str(profile.get(key) or "").strip()]


def split_addresses(text: str) -> list[str]:
    """The addresses in ``text`` (separated by commas, semicolons, spaces or new lines), lower
    case, each once, in order."""
    out: list[str] = []
    for part in re.split(r"[\s,;]+", text or ""):
        address = part.strip().strip("<>").lower()
        if address and address not in out:
            out.append(address)
    return out


def own_addresses(profile: Mapping[str, str]) -> frozenset[str]:
    """The user's own e-mail addresses: "email" and "other_emails" of the profile."""
    return frozenset(split_addresses(str(profile.get("email") or ""))
                     + split_addresses(str(profile.get("other_emails") or "")))


def check_other_emails(text: str, errors: dict[str, str]) -> str:
    """The "other_emails" detail as stored (one address per line), or a sentence in ``errors``."""
    spec = FieldSpec("other_emails", "E-mail", "email")
    addresses = split_addresses(text)
    for address in addresses:
        try:
            spec.normalize(address)
        except FieldError as exc:
            errors["other_emails"] = str(exc)
            break
    return "\n".join(addresses)
