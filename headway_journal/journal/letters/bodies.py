"""The outside bodies and letter kinds, read from ``bodies.json`` (data, easy to correct).

Every entry carries its source and the date it was checked; the app shows all of it as
general information to verify (``VERIFY_NOTE``), never as advice. To correct a name, an
address or a time limit, edit the JSON file: no code changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from headway_journal import i18n

__all__ = [
    "KINDS",
    "Body",
    "Clock",
    "StateDepartment",
    "body",
    "bodies_note",
    "state_department",
    "state_departments",
]

DATA_FILE = Path(__file__).with_name("bodies.json")

# Every letter kind, in the order of the escalation path (the company first, outside bodies last).
KINDS: tuple[str, ...] = (
    "company",
    "privacy-officer",
    "records-request",
    "card-dispute",
    "internal-appeal",
    "external-review",
    "state-insurance",
    "hhs-ocr",
    "cfpb",
)
UNITS = ("calendar days", "business days", "months")
# The texts of bodies.json that are shown to people, translated when read
# (``l10n.extract`` puts them in the catalogs): the kinds' keys, their clocks' keys, the top's.
TRANSLATED_KEYS = ("title", "short", "recipient", "requires", "channels")
TRANSLATED_CLOCK_KEYS = ("what", "from_label", "rule")
TRANSLATED_TOP_KEYS = ("note",)


@dataclass(frozen=True)
class Clock:
    """A time limit (to send) or a reply clock (after sending)."""

    amount: int
    unit: str  # "calendar days" | "business days" | "months"
    what: str = ""  # what the clock is for ("the issuer's written acknowledgement")
    starts_from: str = ""  # the fact that starts it ("statement_date")
    from_label: str = ""  # how a sentence names that fact ("the statement that ...")
    override: str = ""  # a fact that, when given, is the deadline itself ("review_deadline")
    rule: str = ""  # the rule in one sentence

    @property
    def label(self) -> str:
        """"60 calendar days", "4 months", "30 business days"."""
        n = self.amount
        if self.unit == "calendar days":
            return i18n.plural("{n} calendar day", "{n} calendar days", n).format(n=n)
        if self.unit == "business days":
            return i18n.plural("{n} business day", "{n} business days", n).format(n=n)
        return i18n.plural("{n} month", "{n} months", n).format(n=n)

    def translated(self) -> Clock:
        """This clock with its texts in the current language."""
        return replace(self, what=_t(self.what), from_label=_t(self.from_label),
                       rule=_t(self.rule))


@dataclass(frozen=True)
class Body:
    """One letter kind and the body it goes to."""

    kind: str
    title: str  # "Billing-error notice to the card issuer"
    short: str  # "Card billing-error notice"
    recipient: str
    organization: str  # the body's own name, when it is a fixed one (HHS OCR, CFPB)
    address: tuple[str, ...]
    channels: tuple[str, ...]
    limit: Clock | None  # the time limit to send it
    reply: Clock | None  # the clock that starts once it is sent
    requires: str
    narrative_limit: int | None
    phone: str
    source: str
    checked_on: str

    @property
    def provenance(self) -> str:
        """"Source: ...; checked 2026-12-01. General information to verify ..."."""
        return i18n.text("Source: {source}; checked {checked_on}. {note}").format(
            source=self.source, checked_on=self.checked_on, note=bodies_note())

    def translated(self) -> Body:
        """This body with its texts in the current language (bodies.json holds English)."""
        return replace(
            self, title=_t(self.title), short=_t(self.short), recipient=_t(self.recipient),
            requires=_t(self.requires), channels=tuple(_t(c) for c in self.channels),
            limit=self.limit.translated() if self.limit else None,
            reply=self.reply.translated() if self.reply else None)


def _t(text: str) -> str:
    return i18n.text(text) if text else text


@dataclass(frozen=True)
class StateDepartment:
    code: str  # "NY"
    state: str  # "New York"
    name: str  # "New York State Department of Financial Services"


def _clock(raw: dict[str, Any] | None) -> Clock | None:
    if raw is None:
        return None
    unit = str(raw["unit"])
    if unit not in UNITS:
        raise ValueError(f"bodies.json: unknown unit {unit!r}")
    return Clock(amount=int(raw["amount"]), unit=unit, what=str(raw.get("what", "")),
                 starts_from=str(raw.get("from", "")), from_label=str(raw.get("from_label", "")),
                 override=str(raw.get("override", "")), rule=str(raw.get("rule", "")))


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _bodies() -> dict[str, Body]:
    out: dict[str, Body] = {}
    for raw in _data()["kinds"]:
        limit = raw.get("narrative_limit")
        out[raw["kind"]] = Body(
            kind=raw["kind"], title=raw["title"], short=raw["short"],
            recipient=raw.get("recipient", ""), organization=raw.get("organization", ""),
            address=tuple(raw.get("address", ())), channels=tuple(raw.get("channels", ())),
            limit=_clock(raw.get("limit")), reply=_clock(raw.get("reply")),
            requires=raw.get("requires", ""),
            narrative_limit=int(limit) if limit is not None else None,
            phone=raw.get("phone", ""), source=raw["source"], checked_on=raw["checked_on"])
    missing = [k for k in KINDS if k not in out]
    if missing:
        raise ValueError(f"bodies.json has no entry for {', '.join(missing)}")
    return out


def body(kind: str) -> Body:
    """The body of a letter kind; ValueError naming the kinds for an unknown one."""
    try:
        found = _bodies()[kind]
    except KeyError:
        raise ValueError(f"Unknown letter kind {kind!r}; expected one of "
                         f"{', '.join(KINDS)}.") from None
    return found.translated()


def bodies_note() -> str:
    """"General information to verify: ..." (shown with every body's details)."""
    return i18n.text(str(_data()["note"]))


def state_departments() -> list[StateDepartment]:
    """The insurance department of each state and the District of Columbia, by state name."""
    states = _data()["state_insurance_departments"]["states"]
    return [StateDepartment(code, v["state"], v["name"]) for code, v in states.items()]


def state_department(state: str) -> StateDepartment | None:
    """The department of a state given by its code ("ny") or name ("New York"); None if
    the text names no state."""
    wanted = " ".join(state.split()).casefold()
    if not wanted:
        return None
    for dept in state_departments():
        if wanted in (dept.code.casefold(), dept.state.casefold()):
            return dept
    return None


def state_departments_source() -> tuple[str, str]:
    """(source, checked on) of the state departments' names."""
    table = _data()["state_insurance_departments"]
    return str(table["source"]), str(table["checked_on"])
