"""Who signs the case file: the user's details, or lines to fill in by hand when missing.

The case file and its cover letter never print a placeholder such as "(your name)": a detail
the journal does not hold becomes a blank line to write on after printing. The window asks for
the details (welcome screen, Settings, and once before the first case file); the command line
says which are missing.
"""

from __future__ import annotations

from .. import i18n
from .data import Party

__all__ = ["FILL_IN", "party_lines", "printed_name"]

FILL_IN = "_" * 34  # a line long enough to write a name or an address line on by hand


def printed_name(person: Party) -> str:
    """The name to print under the signature, or a line to write it on."""
    return person.name.strip() or FILL_IN


def party_lines(person: Party) -> list[str]:
    """Name, address lines, e-mail and phone; a missing name or address is a line to fill in."""
    lines = [person.name.strip() or i18n.text("Name: {FILL_IN}").format(FILL_IN=FILL_IN)]
    address = [line.strip() for line in person.address.splitlines() if line.strip()]
    lines += address or [i18n.text("Address: {FILL_IN}").format(FILL_IN=FILL_IN), FILL_IN]
    lines += [x.strip() for x in (person.email, person.phone) if x.strip()]
    return lines
