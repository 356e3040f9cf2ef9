"""Sample case data for the case-file tests: Cyrillic and Greek names, Pillow images,
a 2-page A4 PDF exhibit made with ReportLab, a missing exhibit and one listed-only file.

A uniquely named module (not conftest) so test modules can import it safely."""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from headway_journal.casefile import (
    CaseFileData,
    ContactRow,
    EscalationRow,
    Exhibit,
    Organization,
    Party,
    PromiseRow,
    Reference,
)

PACIFIC = timezone(timedelta(hours=-8))
EASTERN = timezone(timedelta(hours=-5))

PERSON = "Алексей Смирнов"
REP_GREEK = "Νίκος Παπαδόπουλος"
REP_SPANISH = "María Núñez"
REP_RUSSIAN = "Анна Петрова"
OWNER = "Dana O'Brien"

ACCOUNT = "HW-ACCT-555123477781"
MEMBER = "XZP918273645"
CLAIM = "CLM-2026-448812"
INVOICE = "INV-20261102-0042"
AUTHORIZATION = "AUTH-77311902"
NPI = "1234567893"
EIN = "12-3456789"
TICKET_REF = "T-4471298"
TICKET_CHAT = "CHAT-88213"
TICKET_LONG = "100200300"  # a 9-digit ticket: stays visible in the redacted copy
ESCALATION_REF = "ESC-2026-0091"
REP_IDS = ("REP-440981", "SUP-77120", "AG-31337")
EMAIL = "alexei.smirnov@example.com"
PHONE = "(217) 555-0142"
REP_EMAIL = "billing.team@headway.example"

SENSITIVE = (ACCOUNT, MEMBER, CLAIM, INVOICE, AUTHORIZATION, NPI, EIN, EMAIL, PHONE, *REP_IDS)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_screenshot(path: Path, size: tuple[int, int], *, seed: int = 1, mode: str = "RGB") -> Path:
    """A screenshot-like picture: flat panels, bars of 'text', a few lines (compresses like UI)."""
    rng = random.Random(seed)
    w, h = size
    im = Image.new(mode, size, (246, 247, 249) if mode == "RGB" else (246, 247, 249, 255))
    draw = ImageDraw.Draw(im)
    draw.rectangle([0, 0, w, max(24, h // 18)], fill=(38, 70, 140))
    draw.rectangle([0, h // 18, w // 6, h], fill=(228, 232, 238))
    y = h // 12
    while y < h - 30:
        x = w // 6 + 30
        while x < w - 60:
            length = rng.randint(20, 140)
            shade = rng.choice([(40, 40, 40), (90, 90, 90), (30, 90, 200)])
            draw.rectangle([x, y, min(w - 40, x + length), y + 9], fill=shade)
            x += length + rng.randint(8, 18)
        y += rng.randint(22, 34)
        if rng.random() < 0.1:
            draw.line([w // 6 + 20, y, w - 30, y], fill=(200, 200, 200), width=2)
    draw.rectangle([w - 260, h - 90, w - 40, h - 40], outline=(200, 40, 40), width=4)
    im.save(path)
    return path


def make_photo(path: Path, size: tuple[int, int]) -> Path:
    """A portrait JPEG with gradients, like a phone photo of a letter."""
    w, h = size
    im = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(im)
    draw.rectangle([w // 8, h // 8, w * 7 // 8, h * 7 // 8], fill=(250, 250, 245))
    for i in range(20):
        y = h // 6 + i * (h // 30)
        draw.line([w // 6, y, w * 5 // 6, y], fill=(60, 60, 60), width=3)
    im.save(path, "JPEG", quality=85)
    return path


def make_pdf(
    path: Path, pages: int = 2, pagesize: tuple[float, float] = A4, text: str = ""
) -> Path:
    canvas = Canvas(str(path), pagesize=pagesize)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, pagesize[1] - 90, f"Receipt page {n} of {pages} {text}".strip())
        canvas.rect(72, pagesize[1] - 300, 300, 150)
        canvas.showPage()
    canvas.save()
    return path


def exhibit(
    number: int,
    path: Path | None,
    caption: str,
    media_type: str,
    *,
    name: str | None = None,
    **extra: object,
) -> Exhibit:
    stored = path if path is not None and path.exists() else None
    return Exhibit(
        number=number,
        caption=caption,
        original_name=name or (path.name if path is not None else f"exhibit-{number}"),
        added_at=datetime(2026, 11, 3, 9, 30, tzinfo=PACIFIC) + timedelta(days=number),
        sha256=sha256_of(stored) if stored else hashlib.sha256(caption.encode()).hexdigest(),
        size=stored.stat().st_size if stored else 12345,
        media_type=media_type,
        path=path,
        **extra,  # type: ignore[arg-type]
    )


def build_sample(folder: Path) -> CaseFileData:
    files = folder / "exhibits"
    files.mkdir(parents=True, exist_ok=True)
    shot = make_screenshot(files / "billing-error.png", (1920, 1080), seed=1)
    photo = make_photo(files / "letter-photo.jpg", (1200, 1600))
    receipt = make_pdf(files / "receipt.pdf", 2, A4)
    small = make_screenshot(files / "chat-closing.png", (900, 420), seed=2)
    notes = files / "notes.txt"
    notes.write_text("call notes", encoding="utf-8")
    exhibits = (
        exhibit(1, shot, f"Billing page shows claim {CLAIM} charged twice", "image/png"),
        exhibit(2, photo, "Photo of the denial letter", "image/jpeg"),
        exhibit(3, receipt, "Card receipt for the duplicate charge", "application/pdf"),
        exhibit(4, files / "gone.png", "Screenshot of the refund promise", "image/png"),
        exhibit(5, small, "Chat closing message <with brackets> & ampersand", "image/png"),
        exhibit(6, notes, "Typed notes from the first call", "text/plain"),
    )
    c1 = ContactRow(
        number=1,
        started_at=datetime(2026, 11, 2, 10, 5, tzinfo=PACIFIC),
        ended_at=datetime(2026, 11, 2, 10, 39, tzinfo=PACIFIC),
        recorded_at=datetime(2026, 11, 2, 11, 0, tzinfo=PACIFIC),
        channel="phone",
        direction="outbound",
        hold_minutes=12,
        rep_name=REP_GREEK,
        rep_title="Billing specialist",
        rep_id=REP_IDS[0],
        tickets=(TICKET_REF,),
        summary=(
            f"Explained the double charge on account {ACCOUNT}. He read back my member ID "
            f"{MEMBER} and said claim {CLAIM} was filed twice. He asked me to e-mail "
            f"{REP_EMAIL} and to call back on {PHONE} if needed. Card 4111 1111 1111 1111 "
            "was never used. Session on 2026-10-28."
        ),
        outcome="Refund of $100.00 approved <pending> & escalated",
        promises=(
            PromiseRow(
                "Refund the duplicate charge of $100.00",
                date(2026, 11, 2),
                "2026-11-09",
                "broken",
                "not kept: no refund by the due date",
            ),
            PromiseRow(
                "Call back with the claim status",
                date(2026, 11, 2),
                "2026-11-04 17:00 -08:00",
                "kept",
                "kept on 2026-11-04",
            ),
        ),
        exhibit_numbers=(1, 3),
    )
    c2 = ContactRow(
        number=2,
        started_at=datetime(2026, 11, 10, 14, 0, tzinfo=EASTERN),
        ended_at=datetime(2026, 11, 10, 14, 25, tzinfo=EASTERN),
        recorded_at=datetime(2026, 11, 13, 9, 15, tzinfo=EASTERN),
        channel="chat",
        direction="outbound",
        hold_minutes=0,
        rep_name=REP_RUSSIAN,
        rep_title="Support agent",
        rep_id=REP_IDS[2],
        tickets=(TICKET_CHAT, TICKET_LONG),
        summary=f"Agent confirmed invoice {INVOICE} and authorization {AUTHORIZATION}.",
        outcome="Promised a supervisor call.",
        promises=(
            PromiseRow(
                "A supervisor will call within 2 business days",
                date(2026, 11, 10),
                "2026-11-12",
                "overdue",
                "overdue by 3 business days",
            ),
        ),
        exhibit_numbers=(5,),
    )
    c3 = ContactRow(
        number=3,
        started_at=datetime(2026, 11, 18, 9, 0, tzinfo=PACIFIC),
        ended_at=None,
        recorded_at=datetime(2026, 11, 18, 9, 20, tzinfo=PACIFIC),
        channel="email",
        direction="inbound",
        hold_minutes=0,
        rep_name=REP_SPANISH,
        rep_title="Escalations supervisor",
        rep_id=REP_IDS[1],
        tickets=(TICKET_REF,),
        summary=f"E-mail from the supervisor about NPI {NPI} and tax ID {EIN}.",
        outcome="",
        promises=(
            PromiseRow(
                "Written decision on the refund",
                date(2026, 11, 18),
                "2026-12-02",
                "pending",
                "due in 5 business days",
            ),
        ),
        exhibit_numbers=(2, 4),
    )
    return CaseFileData(
        case_number=7,
        case_key="HW-2026-007",
        title=f"Duplicate session charge — claim {CLAIM}",
        person=Party(PERSON, "12 Oak Street\nSpringfield, IL 62704", EMAIL, PHONE),
        organization=Organization(
            "Headway",
            "Attn: Member Support\n100 Example Avenue\nNew York, NY 10001",
            "https://headway.co",
        ),
        issue_type_label="Billing / refund",
        role="Client",
        status="Escalated",
        opened_on=date(2026, 11, 2),
        days_open=28,
        amount_disputed="$100.00",
        desired_outcome="Refund the duplicate $100.00 charge and confirm it in writing.",
        narrative=(
            f"I was charged twice for my session on 2026-10-28 (account {ACCOUNT}). "
            "Headway promised a refund within 5 business days and did not pay it."
        ),
        details=(
            ("Invoice numbers", f"{INVOICE}"),
            ("Transaction dates", "2026-10-28, 2026-10-29"),
            ("Amounts", "$100.00, $100.00"),
            ("Insurance authorization", AUTHORIZATION),
            ("Last 4 of payment method", "7781"),
        ),
        references=(
            Reference("account", ACCOUNT, "Headway account"),
            Reference("member", MEMBER, "Insurance member ID"),
            Reference("claim", CLAIM, "Claim for the 2026-10-28 session"),
            Reference("invoice", INVOICE, "Invoice"),
            Reference("authorization", AUTHORIZATION, "Prior authorization"),
            Reference("npi", NPI, "Therapist NPI"),
            Reference("ein", EIN, "Practice tax ID"),
            Reference("ticket", TICKET_REF, "Billing ticket"),
        ),
        representatives=(
            (REP_GREEK, "Billing specialist", REP_IDS[0]),
            (REP_SPANISH, "Escalations supervisor", REP_IDS[1]),
            (REP_RUSSIAN, "Support agent", REP_IDS[2]),
        ),
        contacts=(c3, c1, c2),  # out of order on purpose
        escalations=(
            EscalationRow(
                date(2026, 11, 18),
                "Supervisor",
                OWNER,
                "Billing escalations lead",
                ESCALATION_REF,
                "Asked for a written decision",
            ),
        ),
        exhibits=exhibits,
        generated_at=datetime(2026, 11, 30, 16, 45, tzinfo=PACIFIC),
        outside_clocks=(
            (
                "Card billing-error notice to the issuer: 60 days from the statement",
                "2027-01-12 (statement of 2026-11-13)",
            ),
        ),
        safety_note=(
            "This journal is not an emergency service. In immediate danger call 911; for the "
            "988 Suicide & Crisis Lifeline call or text 988."
        ),
    )


def build_large(folder: Path, *, contacts: int = 200, screenshots: int = 30) -> CaseFileData:
    base = build_sample(folder)
    files = folder / "large"
    files.mkdir(parents=True, exist_ok=True)
    exhibits = []
    for n in range(1, screenshots + 1):
        path = make_screenshot(files / f"screen-{n:02d}.png", (2560, 1440), seed=n)
        exhibits.append(exhibit(n, path, f"Full-screen screenshot {n}", "image/png"))
    rows = []
    start = datetime(2026, 3, 2, 9, 0, tzinfo=PACIFIC)
    for n in range(1, contacts + 1):
        started = start + timedelta(days=n // 2, hours=(n % 2) * 4)
        rows.append(
            ContactRow(
                number=n,
                started_at=started,
                ended_at=started + timedelta(minutes=20 + n % 30),
                recorded_at=started + timedelta(hours=1 if n % 7 else 80),
                channel=("phone", "chat", "email")[n % 3],
                direction="outbound",
                hold_minutes=n % 25,
                rep_name=(REP_GREEK, REP_SPANISH, REP_RUSSIAN)[n % 3],
                rep_title="Support agent",
                rep_id=REP_IDS[n % 3],
                tickets=(f"T-{4400000 + n}",),
                summary=(
                    f"Contact {n}: asked again about the refund; the representative repeated "
                    "that the billing team is reviewing it and that an e-mail will follow. "
                    "I asked for the escalation owner and a written timeline."
                ),
                outcome="No change.",
                promises=(
                    PromiseRow(
                        f"Update by e-mail (contact {n})",
                        started.date(),
                        (started.date() + timedelta(days=3)).isoformat(),
                        ("kept", "broken", "overdue", "pending")[n % 4],
                        "see timeline",
                    ),
                ),
                exhibit_numbers=(1 + n % screenshots,),
            )
        )
    return CaseFileData(
        **{
            **base.__dict__,
            "contacts": tuple(rows),
            "exhibits": tuple(exhibits),
            "title": "Large case: a year of refund calls",
        }
    )
