"""Generate a large, realistic, deterministic journal for the benchmarks.

    python bench/generate.py OUT_DIR [--cases N --contacts N --images N --seed N]
    python bench/generate.py OUT_DIR --small          # a 2-case journal for baselines

The journal is created with ``JournalService.open`` (so the schema, the migrations and the
seeded Headway organization are the real ones), then filled with SQLAlchemy Core in a few big
transactions straight into the models' tables. The FTS5 triggers fill the search index as the
rows go in. Exhibits are small distinct PNGs made with Pillow and stored through the service's
content-addressed store.

Everything is drawn from ``random.Random(seed)`` and dated relative to ``anchor`` (today by
default), so the same parameters give the same journal. ``cached_journal`` keeps generated
journals under ``$HJ_BENCH_CACHE`` (default /tmp/hj-bench-cache), keyed by the parameters.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, select

from headway_journal.journal import deadlines as dl
from headway_journal.journal.chain.seal import seal_pending
from headway_journal.journal.chain.state import all_subjects
from headway_journal.journal.db import HEAD_REVISION
from headway_journal.journal.issue_types import ISSUE_TYPES, get_issue_type, npi_ok
from headway_journal.journal.models import (
    Attachment,
    Case,
    Change,
    Channel,
    Contact,
    Escalation,
    Note,
    Organization,
    Promise,
    Ticket,
    utc_key,
)
from headway_journal.journal.service import JournalService

GEN_VERSION = 3  # bump when the generated content changes, so caches are rebuilt
CACHE_ROOT = Path(os.environ.get("HJ_BENCH_CACHE", "/tmp/hj-bench-cache"))
DONE_MARK = "generated.json"
CHUNK_CONTACTS = 20_000  # contacts (with their tickets, promises, ...) per transaction

# --- vocabulary ---------------------------------------------------------------------------------

FIRST = (
    "Priya", "James", "Maria", "Wei", "Fatima", "Carlos", "Aisha", "John", "Mei", "Olga",
    "Ahmed", "Sofia", "David", "Yuki", "Lucas", "Amara", "Noah", "Chloé", "José", "Zoë",
    "Ravi", "Elena", "Kwame", "Hannah", "Diego", "Anika", "Tom", "Leila", "Mateo", "Grace",
    "Omar", "Ingrid", "Sam", "Nadia", "Ethan", "Rosa", "Kenji", "Bianca", "Ibrahim", "Lena",
    "Marcus", "Aaliyah", "Pedro", "Sunita", "Victor", "Emma", "Hiro", "Ana", "Tariq", "Julia",
)  # fmt: skip
LAST = (
    "Raman", "Smith", "Núñez", "Chen", "Okafor", "García", "Müller", "Kim", "Ivanova", "Patel",
    "Johnson", "Nguyen", "Rossi", "Haddad", "Tanaka", "Brown", "Dubois", "Kowalski", "Silva",
    "Williams", "O'Brien", "Andersson", "Mensah", "Lopez", "Singh", "Cohen", "Yamamoto", "Fischer",
    "Martin", "Ali", "Schmidt", "Costa", "Walker", "Hernández", "Zhang", "Popescu", "Novak",
    "Jensen", "Moreau", "Edwards", "Søren", "Reyes", "Baker", "Çelik", "Larsen", "Murphy",
    "Wright", "Alvarez", "Hughes", "Park",
)  # fmt: skip
REP_TITLES = (
    "Support specialist", "Care coordinator", "Billing specialist", "Claims analyst",
    "Supervisor", "Team lead", "Member services", "Provider support", "Escalations team",
    "Patient advocate", "Customer care", "Tier 2 support",
)  # fmt: skip
ORGS = (
    ("Aetna", "AET-"), ("Cigna", "CGN"), ("UnitedHealthcare", "UHC-"), ("Optum", "OPT-"),
    ("Blue Cross Blue Shield of Texas", "BCBS"), ("Kaiser Permanente", "KP-"),
    ("Humana", "HUM"), ("Anthem", "ANT-"), ("Oscar Health", "OSC"), ("Chase Bank", "CB-"),
    ("Wells Fargo", "WF"), ("American Express", "AMX-"), ("PayPal", "PP-"), ("Stripe", "STR-"),
    ("Gusto", "GST-"), ("CVS Pharmacy", "CVS"), ("Comcast Xfinity", "XF-"), ("Verizon", "VZ"),
    ("Zoom", "ZM-"), ("Apple Support", "AS"),
)  # fmt: skip
ZONES = (
    "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
    "America/Phoenix", "Pacific/Honolulu", "America/Anchorage", "Europe/London",
)  # fmt: skip
ZONE_WEIGHTS = (25, 8, 20, 35, 4, 2, 1, 5)
STATUSES = ("open", "waiting", "escalated", "resolved", "closed")
STATUS_WEIGHTS = (25, 20, 10, 30, 15)
CHANNELS = ("phone", "chat", "email", "ticket", "in-app", "letter", "in-person")
CHANNEL_WEIGHTS = (40, 20, 18, 8, 10, 3, 1)
ESC_LEVELS = ("supervisor", "tier 2", "complaints team", "executive office",
              "state insurance commissioner", "ombudsman")  # fmt: skip
ISSUE_WEIGHTS = {
    "account": 10, "appointment": 14, "billing": 24, "insurance": 22, "provider_credentialing": 6,
    "provider_payment": 8, "technical": 10, "privacy": 6,
}  # fmt: skip

TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "account": ("password", "login", "locked", "verification", "email change", "two-factor",
                "profile", "deactivated", "reset link", "username"),
    "appointment": ("session", "cancelled", "rescheduled", "no-show", "therapist", "booking",
                    "telehealth link", "waitlist", "intake", "late cancellation fee"),
    "billing": ("refund", "double charge", "invoice", "copay", "coinsurance", "statement",
                "card", "chargeback", "overcharged", "balance"),
    "insurance": ("claim", "denied", "reimbursement", "eligibility", "out-of-network",
                  "explanation of benefits", "prior authorization", "deductible", "appeal",
                  "reprocessing"),
    "provider_credentialing": ("credentialing", "contract", "CAQH", "roster", "W-9",
                               "effective date", "panel", "recredentialing", "license", "NPI"),
    "provider_payment": ("payout", "direct deposit", "remittance", "underpaid", "missing payment",
                         "ERA", "adjustment", "clawback", "bank account", "1099"),
    "technical": ("app crash", "video freezes", "blank screen", "upload fails", "browser",
                  "update", "error code", "audio", "notifications", "sync"),
    "privacy": ("disclosure", "records request", "wrong recipient", "HIPAA", "access denied",
                "data breach", "consent", "amendment", "release form", "portal"),
}  # fmt: skip
SUMMARY_TEMPLATES = (
    "Called about the {t1} on {d}; {rep} confirmed the {t2} and said it would be handled.",
    "Asked again about the {t1}. {rep} opened ticket {ticket} and mentioned the {t2}.",
    "Followed up on ticket {ticket}: still no {t1}. Was told the {t2} team is reviewing it.",
    "{rep} said the {t1} was sent on {d}, but nothing arrived. Requested written confirmation.",
    "Explained the {t1} for the third time; {rep} could not see the notes from {d}.",
    "Chat transcript saved. {rep} escalated the {t1} and referenced {ref} for the {t2}.",
    "Waited on hold, then {rep} transferred me to the {t2} queue. No resolution on the {t1}.",
    "E-mail reply from {rep}: the {t1} is approved, {t2} expected within a week. Ref {ref}.",
    "Letter received dated {d} about the {t1}; it does not mention the {t2} at all.",
    "{rep} apologised for the {t1} and promised a call back about the {t2}.",
)  # fmt: skip
OUTCOMES = (
    "Waiting for a call back.", "Refund approved.", "Escalated to a supervisor.",
    "Told to wait 5 to 7 business days.", "Ticket closed without resolution.",
    "Resolved: charge reversed.", "Need to send documents again.", "Claim sent for reprocessing.",
    "Appointment rebooked.", "No outcome; call dropped.", "Asked for a written answer.", "",
)  # fmt: skip
PROMISE_TEXTS = (
    "Call me back with an answer", "Send the refund", "E-mail the claim decision",
    "Reprocess the claim", "Send written confirmation", "Escalate to a supervisor",
    "Fix the account access", "Issue the missing payout", "Reply to the privacy complaint",
    "Send the corrected invoice", "Update the credentialing status", "Rebook the session",
)  # fmt: skip
NOTE_TEXTS = (
    "Remember to ask for the supervisor's name and ID next time.",
    "Keep the original statement; the bank needs it for the dispute.",
    "Check the EOB against the invoice before calling again.",
    "They keep asking for the same documents; list what was sent and when.",
    "If nothing by Friday, file the complaint with the regulator.",
    "Screenshot of the error saved as an exhibit.",
)  # fmt: skip


# --- results ------------------------------------------------------------------------------------


@dataclass
class GenStats:
    folder: str
    seed: int
    anchor: str
    organizations: int = 0
    cases: int = 0
    contacts: int = 0
    tickets: int = 0
    promises: int = 0
    escalations: int = 0
    notes: int = 0
    attachments: int = 0
    changes: int = 0
    seconds: float = 0.0
    db_bytes: int = 0


# --- small helpers ------------------------------------------------------------------------------


def _npi(rng: random.Random) -> str:
    body = str(rng.choice((1, 2))) + "".join(str(rng.randrange(10)) for _ in range(8))
    for check in range(10):
        if npi_ok(body + str(check)):
            return body + str(check)
    raise AssertionError("no NPI check digit")  # pragma: no cover - one digit always fits


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(10 ** (n - 1), 10**n))


def _case_fields(rng: random.Random, issue_type: str, opened: date, person: str) -> dict[str, str]:
    """Raw field values for one case; validated by the registry afterwards."""
    d = (opened - timedelta(days=rng.randrange(1, 90))).isoformat()
    money = f"{rng.randrange(20, 2500)}.{rng.randrange(100):02d}"
    first = person.split()[0].lower()
    raw: dict[str, str]
    if issue_type == "account":
        raw = {"full_name": person, "account_email": f"{first}{rng.randrange(100)}@example.com",
               "account_id": f"ACC-{_digits(rng, 8)}", "payment_last4": _digits(rng, 4)}
    elif issue_type == "appointment":
        raw = {"therapist_name": "Dr. " + _name(rng), "appointment_date": d,
               "appointment_time": f"{rng.randrange(8, 19)}:{rng.choice(('00', '30'))}",
               "session_type": rng.choice(("video", "phone", "in person")),
               "cancellation_times": f"Cancelled {d} at {rng.randrange(8, 18)}:15 by the clinic"}
    elif issue_type == "billing":
        raw = {"invoice_numbers": f"INV-{_digits(rng, 7)}", "transaction_dates": d,
               "amounts": f"${money}", "authorization": f"AUTH{_digits(rng, 6)}",
               "card_last4": _digits(rng, 4)}
        if rng.random() < 0.5:
            raw["statement_date"] = opened.isoformat()
    elif issue_type == "insurance":
        raw = {"member_id": f"M{_digits(rng, 9)}", "claim_numbers": f"CLM{_digits(rng, 10)}",
               "dates_of_service": d, "authorization_numbers": f"PA-{_digits(rng, 6)}",
               "payer": rng.choice(("Aetna", "Cigna", "UnitedHealthcare", "Anthem", "Humana"))}
        if rng.random() < 0.4:
            raw["denial_date"] = d
    elif issue_type == "provider_credentialing":
        raw = {"npi": _npi(rng), "practice_name": f"{rng.choice(LAST)} Counseling LLC",
               "tax_id": f"{_digits(rng, 2)}-{_digits(rng, 7)}",
               "contract_reference": f"CTR-{_digits(rng, 5)}"}
    elif issue_type == "provider_payment":
        raw = {"bank_last4": _digits(rng, 4), "payout_dates": d, "payout_amounts": f"${money}",
               "session_references": f"SES-{_digits(rng, 8)}"}
    elif issue_type == "technical":
        raw = {"device": rng.choice(("iPhone 15", "Pixel 8", "MacBook Air", "Windows laptop")),
               "os_browser": rng.choice(("iOS 18", "Android 15", "Chrome 131", "Safari 18")),
               "app_version": f"4.{rng.randrange(30)}.{rng.randrange(10)}",
               "steps": "Open the app, join the session, the video freezes after a minute."}
    else:  # privacy
        raw = {"what_happened": "My session notes were e-mailed to someone else.",
               "learned_on": d, "people_involved": _name(rng)}
    clean, errors = get_issue_type(issue_type).validate(raw)
    if errors:
        raise AssertionError(f"generated invalid {issue_type} fields: {errors}")
    return clean


def _aware_local(day: date, zone: ZoneInfo, rng: random.Random) -> datetime:
    t = dtime(rng.randrange(8, 19), rng.randrange(60), rng.randrange(60))
    return datetime.combine(day, t, tzinfo=zone)


def _png(index: int, rng: random.Random) -> bytes:
    """A small PNG that looks a little like a screenshot and differs from every other one."""
    from PIL import Image, ImageDraw

    w, h = rng.choice(((320, 200), (360, 240), (400, 250), (240, 400)))
    img = Image.new("RGB", (w, h), (rng.randrange(200, 256),) * 3)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, w, 24), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    for _ in range(6):
        x, y = rng.randrange(w - 40), rng.randrange(30, h - 12)
        draw.rectangle((x, y, x + rng.randrange(20, 40), y + 8), fill=(rng.randrange(160),) * 3)
    draw.text((6, 6), f"Exhibit {index}", fill=(255, 255, 255))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


# --- the generator ------------------------------------------------------------------------------


@dataclass
class _CasePlan:
    id: int
    key: str
    org_index: int
    issue_type: str
    role: str
    status: str
    zone: ZoneInfo
    opened: date
    last: date
    deleted: bool


def _chunks(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def default_anchor() -> date:
    """The 'today' a journal is dated against: UTC now less 12 hours.

    The newest contacts fall on the day before the anchor, at local office hours in zones as far
    west as UTC-10; with the anchor half a day behind UTC none of them lies in the future, which
    the importer (rightly) refuses.
    """
    return (datetime.now(UTC) - timedelta(hours=12)).date()


def generate(
    folder: str | Path,
    cases: int = 10_000,
    contacts: int = 100_000,
    images: int = 3_000,
    seed: int = 1,
    *,
    anchor: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> GenStats:
    """Create a journal in ``folder`` (which must not hold one yet) and fill it."""
    if cases < 1 or contacts < cases:
        raise ValueError("need at least one case and at least one contact per case")
    t0 = time.perf_counter()
    say = progress or (lambda _msg: None)
    folder = Path(folder)
    anchor = anchor or default_anchor()
    rng = random.Random(seed)
    stats = GenStats(folder=str(folder), seed=seed, anchor=anchor.isoformat())
    svc = JournalService.open(folder)
    try:
        calendar = svc.calendar
        engine = svc.journal.engine.execution_options(journal_write=True)
        with engine.begin() as conn:
            if conn.scalar(select(func.count()).select_from(Case)):
                raise ValueError(f"{folder} already holds cases; generate into a new folder")
            org_ids, org_prefix = _insert_organizations(conn, rng)
        stats.organizations = len(org_ids)
        say(f"organizations: {len(org_ids)}")

        plans = _plan_cases(rng, cases, len(org_ids), anchor)
        with engine.begin() as conn:
            _insert_cases(conn, rng, plans, org_ids)
        stats.cases = len(plans)
        say(f"cases: {len(plans)}")

        # When each contact happened: at least one per case, the rest skewed towards a few
        # long-running cases (like real journals), then numbered in the order they happened.
        # (capped: the busiest case gets a few hundred contacts, not thousands)
        weights = [min(rng.paretovariate(1.2), 80.0) for _ in plans]
        owners = list(range(len(plans))) + rng.choices(range(len(plans)), weights, k=contacts - len(plans))
        skeleton: list[tuple[datetime, int]] = []
        for idx in owners:
            p = plans[idx]
            span = max(0, (p.last - p.opened).days)
            day = p.opened + timedelta(days=rng.randrange(span + 1))
            skeleton.append((_aware_local(day, p.zone, rng), idx))
        skeleton.sort(key=lambda s: (s[0].astimezone(UTC), s[1]))
        case_contacts: dict[int, list[int]] = {}
        case_tickets: dict[int, list[str]] = {}
        first_contact = 1
        for start in range(0, len(skeleton), CHUNK_CONTACTS):
            part = skeleton[start : start + CHUNK_CONTACTS]
            with engine.begin() as conn:
                n = _insert_contacts(conn, rng, part, first_contact + start, plans, org_prefix,
                                     case_contacts, case_tickets, calendar, anchor)
            for k, v in n.items():
                setattr(stats, k, getattr(stats, k) + v)
            say(f"contacts: {start + len(part)} of {len(skeleton)}")

        with engine.begin() as conn:
            n = _insert_escalations_and_notes(conn, rng, plans, case_contacts, skeleton,
                                              first_contact)
        stats.escalations, stats.notes = n
        say(f"escalations: {stats.escalations}, notes: {stats.notes}")

        stats.attachments = _insert_attachments(svc, engine, rng, images, plans, case_contacts,
                                                skeleton, first_contact, say)
        with engine.begin() as conn:  # the rows written directly join the hash chain, as the
            # app's own commits do (journal.chain); rows without a history record get a vouch
            seal_pending(conn, touched=all_subjects(conn))
        with svc.journal.sessions() as s:
            stats.changes = int(s.scalar(select(func.count()).select_from(Change)) or 0)
        # No ANALYZE: the app never runs it, so the planner sees what it sees in real journals.
    finally:
        svc.close()
    stats.seconds = round(time.perf_counter() - t0, 1)
    stats.db_bytes = (folder / "journal.sqlite3").stat().st_size
    return stats


def _insert_organizations(conn: Connection, rng: random.Random) -> tuple[list[int], list[str]]:
    headway = conn.scalar(select(Organization.id).where(Organization.key == "headway"))
    assert headway is not None, "the journal was not seeded with Headway"
    next_id = int(conn.scalar(select(func.max(Organization.id))) or 0) + 1
    orgs, channels = [], []
    ids, prefixes = [headway], ["HW-"]
    for i, (name, prefix) in enumerate(ORGS):
        oid = next_id + i
        slug = name.lower().replace(" ", "-")
        orgs.append(dict(id=oid, key=slug, name=name, website=f"https://www.{slug}.example",
                         address=f"{rng.randrange(1, 999)} Main Street, Springfield",
                         notes=""))
        for pos in range(rng.randrange(1, 4)):
            kind = ("phone", "email", "web")[pos]
            value = {"phone": f"(800) {_digits(rng, 3)}-{_digits(rng, 4)}",
                     "email": f"support@{slug}.example", "web": f"https://help.{slug}.example"}[kind]
            channels.append(dict(organization_id=oid, position=pos, kind=kind, value=value,
                                 label=f"{name} {kind}", audience="any",
                                 hours="Mon-Fri 08:00-20:00" if kind == "phone" else "",
                                 timezone="America/New_York" if kind == "phone" else "",
                                 verified_on=None, verified_from=""))
        ids.append(oid)
        prefixes.append(prefix)
    conn.execute(Organization.__table__.insert(), orgs)
    conn.execute(Channel.__table__.insert(), channels)
    return ids, prefixes


def _plan_cases(rng: random.Random, n: int, n_orgs: int, anchor: date) -> list[_CasePlan]:
    types = list(ISSUE_WEIGHTS)
    type_w = [ISSUE_WEIGHTS[t] for t in types]
    zones = [ZoneInfo(z) for z in ZONES]
    plans = []
    for i in range(n):
        # Every issue type appears even in tiny journals; then by weight.
        it = types[i] if i < len(types) and n >= len(types) else rng.choices(types, type_w)[0]
        status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
        opened = anchor - timedelta(days=rng.randrange(1, 730))
        if status in ("resolved", "closed"):
            last = min(anchor - timedelta(days=1), opened + timedelta(days=rng.randrange(3, 180)))
        else:
            last = anchor - timedelta(days=rng.randrange(1, 20))
            last = max(last, opened)
        plans.append(_CasePlan(
            id=i + 1, key=f"case-{rng.getrandbits(48):012x}",
            org_index=0 if rng.random() < 0.5 else rng.randrange(1, n_orgs),
            issue_type=it, role=rng.choice(ISSUE_TYPES[it].roles), status=status,
            zone=rng.choices(zones, ZONE_WEIGHTS)[0], opened=opened, last=last,
            deleted=rng.random() < 0.01,
        ))
    return plans


def _insert_cases(conn: Connection, rng: random.Random, plans: list[_CasePlan],
                  org_ids: list[int]) -> None:
    rows, changes = [], []
    for p in plans:
        person = _name(rng)
        words = TOPIC_WORDS[p.issue_type]
        created = datetime.combine(p.opened, dtime(12), tzinfo=UTC)
        amount = None
        if p.issue_type in ("billing", "provider_payment", "insurance") and rng.random() < 0.7:
            amount = Decimal(f"{rng.randrange(20, 5000)}.{rng.randrange(100):02d}")
        title = f"{rng.choice(words).capitalize()}: {rng.choice(words)} ({p.opened:%b %Y})"
        rows.append(dict(
            id=p.id, key=p.key, title=title, organization_id=org_ids[p.org_index],
            issue_type=p.issue_type, role=p.role, status=p.status, opened_on=p.opened,
            summary=f"{person} has a {rng.choice(words)} problem: {rng.choice(words)} since "
                    f"{p.opened.isoformat()}.",
            desired_outcome=rng.choice(("A full refund.", "The claim paid.", "Access restored.",
                                        "A written apology and a fix.", "The payout released.")),
            amount_disputed=amount, currency="USD",
            fields=_case_fields(rng, p.issue_type, p.opened, person),
            created_at=created, updated_at=created,
            deleted_at=created + timedelta(days=30) if p.deleted else None,
        ))
        changes.append(dict(at=created, case_id=p.id, entity="case", entity_id=p.id,
                            action="create", changes={"title": [None, title]}))
    for part in _chunks(rows, 5000):
        conn.execute(Case.__table__.insert(), list(part))
    conn.execute(Change.__table__.insert(), changes)


def _insert_contacts(
    conn: Connection, rng: random.Random, part: Sequence[tuple[datetime, int]], first_id: int,
    plans: list[_CasePlan], org_prefix: list[str], case_contacts: dict[int, list[int]],
    case_tickets: dict[int, list[str]], calendar: dl.BusinessCalendar, anchor: date,
) -> dict[str, int]:
    contacts, tickets, promises, changes = [], [], [], []
    reps_cache: dict[int, list[tuple[str, str, str]]] = {}
    for offset, (started, idx) in enumerate(part):
        cid = first_id + offset
        p = plans[idx]
        case_contacts.setdefault(idx, []).append(cid)
        reps = reps_cache.get(p.org_index)
        if reps is None:
            r2 = random.Random(p.org_index * 7919 + 17)
            reps = [(_name(r2), r2.choice(REP_TITLES), f"{r2.randrange(1000, 99999)}")
                    for _ in range(300)]
            reps_cache[p.org_index] = reps
        rep_name, rep_title, rep_id = rng.choice(reps)
        if rng.random() < 0.15:
            rep_name, rep_title, rep_id = "", "", ""
        channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
        ended = None
        hold = 0
        if channel in ("phone", "chat", "in-person"):
            minutes = rng.randrange(4, 95)
            ended = started + timedelta(minutes=minutes)
            if channel == "phone":
                hold = rng.randrange(0, minutes)
        # Ticket numbers: often the same ticket again, sometimes a new one.
        known = case_tickets.setdefault(idx, [])
        numbers: list[str] = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            if known and rng.random() < 0.5:
                t = rng.choice(known)
            else:
                t = org_prefix[p.org_index] + _digits(rng, 7)
                known.append(t)
            if t not in numbers:
                numbers.append(t)
        words = TOPIC_WORDS[p.issue_type]
        summary = rng.choice(SUMMARY_TEMPLATES).format(
            t1=rng.choice(words), t2=rng.choice(words), rep=rep_name or "The agent",
            ticket=numbers[0], ref=f"REF{_digits(rng, 6)}",
            d=(started.date() - timedelta(days=rng.randrange(1, 30))).isoformat(),
        )
        late = rng.random() < 0.05
        recorded = (started + timedelta(days=rng.randrange(1, 10)) if late else
                    (ended or started) + timedelta(minutes=rng.randrange(1, 240)))
        recorded = min(recorded.astimezone(UTC), datetime.combine(anchor, dtime(23, 0), UTC))
        deleted = recorded + timedelta(days=2) if rng.random() < 0.005 else None
        contacts.append(dict(
            id=cid, key=f"contact-{rng.getrandbits(48):012x}", case_id=p.id, started_at=started,
            started_utc=utc_key(started), ended_at=ended, channel=channel,
            direction="outbound" if rng.random() < 0.7 else "inbound", hold_minutes=hold,
            rep_name=rep_name, rep_title=rep_title, rep_id=rep_id, summary=summary,
            outcome=rng.choice(OUTCOMES), recorded_at=recorded, updated_at=recorded,
            deleted_at=deleted,
        ))
        for pos, t in enumerate(numbers):
            tickets.append(dict(contact_id=cid, position=pos, number=t))
        if rng.random() < 0.4:
            for _ in range(2 if rng.random() < 0.15 else 1):
                promises.append(_promise_row(rng, cid, started, calendar, anchor, p.status))
        changes.append(dict(at=recorded, case_id=p.id, entity="contact", entity_id=cid,
                            action="create", changes={"channel": [None, channel]}))
    conn.execute(Contact.__table__.insert(), contacts)
    conn.execute(Ticket.__table__.insert(), tickets)
    if promises:
        conn.execute(Promise.__table__.insert(), promises)
    conn.execute(Change.__table__.insert(), changes)
    return {"contacts": len(contacts), "tickets": len(tickets), "promises": len(promises)}


def _promise_row(rng: random.Random, contact_id: int, started: datetime,
                 calendar: dl.BusinessCalendar, anchor: date, case_status: str) -> dict[str, Any]:
    business_days = hours = None
    due_on = None
    r = rng.random()
    if r < 0.6:
        business_days = rng.randrange(1, 11)
    elif r < 0.85:
        hours = rng.choice((24, 48, 72))
    else:
        due_on = started.date() + timedelta(days=rng.randrange(3, 31))
    due = dl.promise_due(started, business_days=business_days, hours=hours, due_on=due_on,
                         calendar=calendar)
    status = "pending"
    if due.due_on < anchor - timedelta(days=2):
        closed = case_status in ("resolved", "closed")
        status = rng.choices(("kept", "broken", "pending"),
                             (80, 18, 2) if closed else (55, 35, 10))[0]
    changed = None
    if status != "pending":
        changed = datetime.combine(min(due.due_on, anchor), dtime(17), UTC)
    return dict(contact_id=contact_id, text=rng.choice(PROMISE_TEXTS),
                business_days=business_days, hours=hours, due_on=due_on, status=status,
                due_date=due.due_on, due_at=due.due_at, status_changed_at=changed,
                notified_at=None)


def _insert_escalations_and_notes(
    conn: Connection, rng: random.Random, plans: list[_CasePlan],
    case_contacts: dict[int, list[int]], skeleton: list[tuple[datetime, int]], first_id: int,
) -> tuple[int, int]:
    escalations, notes = [], []
    for idx, p in enumerate(plans):
        ids = case_contacts.get(idx, [])
        n_esc = rng.randrange(1, 3) if p.status == "escalated" else int(rng.random() < 0.05)
        for _ in range(n_esc if ids else 0):
            cid = rng.choice(ids)
            started = skeleton[cid - first_id][0]
            escalations.append(dict(
                key=f"esc-{rng.getrandbits(48):012x}", case_id=p.id, contact_id=cid,
                requested_on=started.date(), level=rng.choice(ESC_LEVELS),
                owner_name=_name(rng), owner_title=rng.choice(REP_TITLES),
                reference=f"ESC-{_digits(rng, 6)}", notes="Asked for a written decision.",
            ))
        if rng.random() < 0.3:
            for _ in range(rng.randrange(1, 4)):
                at = datetime.combine(p.last, dtime(20), UTC)
                notes.append(dict(case_id=p.id, body=rng.choice(NOTE_TEXTS), created_at=at,
                                  updated_at=at))
    if escalations:
        conn.execute(Escalation.__table__.insert(), escalations)
    if notes:
        conn.execute(Note.__table__.insert(), notes)
    return len(escalations), len(notes)


def _insert_attachments(
    svc: JournalService, engine: Any, rng: random.Random, images: int, plans: list[_CasePlan],
    case_contacts: dict[int, list[int]], skeleton: list[tuple[datetime, int]], first_id: int,
    say: Callable[[str], None],
) -> int:
    if images <= 0:
        return 0
    # Exhibits cluster in the cases with more contacts, like screenshots do.
    with_contacts = [i for i in range(len(plans)) if case_contacts.get(i)]
    weights = [len(case_contacts[i]) for i in with_contacts]
    rows = []
    for n in range(images):
        idx = rng.choices(with_contacts, weights)[0]
        cid = rng.choice(case_contacts[idx])
        started = skeleton[cid - first_id][0]
        blob = svc.store.add_bytes(_png(n + 1, rng),
                                   original_name=f"Screenshot {started:%Y-%m-%d at %H.%M.%S}.png")
        rows.append(dict(
            case_id=plans[idx].id, contact_id=cid if rng.random() < 0.7 else None,
            sha256=blob.sha256, original_name=blob.original_name, media_type=blob.media_type,
            size=blob.size, caption=rng.choice(("", "Error message", "Charge on the statement",
                                                "Chat transcript", "Cancellation e-mail")),
            preview_ok=blob.preview_ok, width=blob.width, height=blob.height,
            added_at=started.astimezone(UTC), removed_at=None,
        ))
        if (n + 1) % 500 == 0:
            say(f"exhibits: {n + 1} of {images}")
    with engine.begin() as conn:
        for part in _chunks(rows, 1000):
            conn.execute(Attachment.__table__.insert(), list(part))
    return len(rows)


# --- the cache ----------------------------------------------------------------------------------

SMALL = {"cases": 2, "contacts": 10, "images": 2}


def cache_key(cases: int, contacts: int, images: int, seed: int, anchor: date) -> str:
    return (f"v{GEN_VERSION}-r{HEAD_REVISION}-c{cases}-k{contacts}-i{images}-s{seed}"
            f"-{anchor.isoformat()}")


def cached_journal(cases: int = 10_000, contacts: int = 100_000, images: int = 3_000,
                   seed: int = 1, *, anchor: date | None = None, root: Path | None = None,
                   progress: Callable[[str], None] | None = None) -> Path:
    """The folder of a generated journal with these parameters, generating it if needed.

    The journal is made in a ``.partial`` folder and renamed into place when complete, so an
    interrupted run never leaves a half-filled journal in the cache.
    """
    anchor = anchor or default_anchor()
    root = root or CACHE_ROOT
    root.mkdir(parents=True, exist_ok=True)
    final = root / cache_key(cases, contacts, images, seed, anchor)
    if (final / DONE_MARK).is_file():
        return final
    partial = root / f"{final.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    stats = generate(partial, cases, contacts, images, seed, anchor=anchor, progress=progress)
    stats.folder = str(final)
    (partial / DONE_MARK).write_text(json.dumps(asdict(stats), indent=1))
    shutil.rmtree(final, ignore_errors=True)
    os.rename(partial, final)
    return final


def cached_stats(folder: Path) -> dict[str, Any]:
    mark = folder / DONE_MARK
    return dict(json.loads(mark.read_text())) if mark.is_file() else {}


def small_journal(*, anchor: date | None = None, root: Path | None = None) -> Path:
    return cached_journal(**SMALL, anchor=anchor, root=root)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the journal folder to create (must not exist)")
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--images", type=int, default=3_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--anchor", type=date.fromisoformat, default=None,
                    help="the 'today' the journal is dated against (YYYY-MM-DD; default: UTC now less 12 h)")
    ap.add_argument("--small", action="store_true", help="a 2-case journal for baselines")
    args = ap.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        ap.error(f"{args.out} exists and is not empty")
    params = dict(SMALL) if args.small else dict(cases=args.cases, contacts=args.contacts,
                                                 images=args.images)
    stats = generate(args.out, seed=args.seed, anchor=args.anchor,
                     progress=lambda m: print(m, file=sys.stderr, flush=True), **params)
    print(json.dumps(asdict(stats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
