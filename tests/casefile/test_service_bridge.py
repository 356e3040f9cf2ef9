"""The service bridge: a case in a real journal -> CaseFileData -> PDF, read back with pypdf."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from headway_journal.casefile import CaseFileCancelled
from headway_journal.casefile.letter import draft_cover_letter
from headway_journal.casefile.person import FILL_IN
from headway_journal.casefile.service_bridge import (
    build_for_case,
    casefile_data,
    default_file_name,
)
from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput, PromiseInput
from headway_journal.journal.service import JournalService, NotFound

PACIFIC = timezone(timedelta(hours=-8))
EASTERN = timezone(timedelta(hours=-5))

MEMBER = "BHX884512370"
CLAIMS = ("CLM-26-0048812", "CLM-26-0051190")
AUTHORIZATION = "AUTH-7712093"
REP_ID = "KB-447181"
EMAIL = "dana.whitfield@example.org"
PHONE = "(503) 555-0147"
TICKETS = ("REF-7781234", "ESC-55501", "CHAT-90210")
REPS = ("Keisha Brown", "Алексей Смирнов", "Tomás Ortega")
OWNER = "Анна Петрова"
PDF_MARKER = "EOBMARKER"
SECRETS = (MEMBER, *CLAIMS, AUTHORIZATION, REP_ID, EMAIL, "555-0147")


def at(days_ago: int, hh: int, mm: int, tz: timezone = PACIFIC) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days_ago), time(hh, mm), tz)


def png_bytes(color: tuple[int, int, int], size: tuple[int, int] = (900, 520)) -> bytes:
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    d.rectangle((20, 20, size[0] - 20, 90), fill=color)
    for y in range(120, size[1] - 20, 40):
        d.rectangle((40, y, size[0] - 200, y + 14), fill=(60, 60, 60))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def pdf_bytes(pages: int = 2) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, 760, f"{PDF_MARKER} Explanation of benefits, page {n} of {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


@dataclass
class Journal:
    service: JournalService
    case_id: int
    image_id: int
    pdf_id: int
    spare_image_id: int


def make_case(svc: JournalService, *, profile: bool = True) -> Journal:
    if profile:
        svc.set_profile(name="Dana Whitfield", address="1200 NW Example Ave\nPortland, OR 97209",
                        email=EMAIL, phone=PHONE)
    headway = svc.organization_by_key("headway")
    assert headway is not None
    today = date.today()
    case_id = svc.create_case(CaseInput(
        title="Out-of-network claims denied", organization_id=headway.id,
        issue_type="insurance", role="client", opened_on=today - timedelta(days=30),
        summary=f"Two claims under member {MEMBER} were denied although authorization "
                f"{AUTHORIZATION} covers them.",
        desired_outcome="Both claims reprocessed and paid.", amount_disputed="360.00",
        fields={"member_id": MEMBER, "claim_numbers": ", ".join(CLAIMS),
                "authorization_numbers": AUTHORIZATION, "payer": "Blue Harbor Health Plan",
                "denial_date": (today - timedelta(days=31)).isoformat()},
    ))
    # logged out of order on purpose: the case file orders by date
    third = svc.log_contact(case_id, ContactInput(
        started_at=at(1, 9, 40), ended_at=at(1, 9, 52), channel="chat",
        rep_name=REPS[2], rep_title="Claims specialist", tickets=[TICKETS[2]],
        summary="Asked for the status; the escalation is open.",
        promises=[PromiseInput("Call back with the decision", due_on=today + timedelta(days=5))],
    ))
    first = svc.log_contact(case_id, ContactInput(
        started_at=at(20, 10, 5), ended_at=at(20, 10, 41), channel="phone", hold_minutes=23,
        rep_name=REPS[0], rep_title="Member services", rep_id=REP_ID, tickets=[TICKETS[0]],
        summary="Keisha saw the authorization and sent both claims back for review.",
        outcome="Reprocessing request opened.",
        promises=[PromiseInput("Claims reprocessed", business_days=3),
                  PromiseInput("Letter confirming the request", hours=2, status="kept")],
    ))
    second = svc.log_contact(case_id, ContactInput(
        started_at=at(10, 13, 0, EASTERN), channel="email", direction="inbound",
        rep_name=REPS[1], rep_title="Escalations lead", tickets=[TICKETS[1]],
        summary="The escalation team accepted the case.",
        promises=[PromiseInput("Written answer", business_days=2)],
        escalation=EscalationInput(requested_on=today - timedelta(days=10), level="supervisor",
                                   owner_name=OWNER, owner_title="Escalations manager",
                                   reference=TICKETS[1], notes="Asked for a written answer."),
    ))
    svc.log_contact(case_id, ContactInput(  # the same representative again: listed once
        started_at=at(19, 11, 0), channel="phone", rep_name=REPS[0], rep_id=REP_ID,
        tickets=[TICKETS[0]], summary="Follow-up call.",
    ))
    view = svc.get_case(case_id)
    written = next(p for p in view.promises if p.text == "Written answer")
    svc.set_promise_status(written.id, "broken")
    image_id = svc.add_attachment(case_id, png_bytes((22, 62, 112)), original_name="denial.png",
                                  caption="The denial shown in the member portal",
                                  contact_id=first)
    pdf_id = svc.add_attachment(case_id, pdf_bytes(2), original_name="eob.pdf",
                                caption="Explanation of benefits")
    spare = svc.add_attachment(case_id, png_bytes((180, 30, 30), (600, 400)),
                               original_name="portal-error.png", caption="Portal error",
                               contact_id=second)
    assert third
    return Journal(svc, case_id, image_id, pdf_id, spare)


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    svc = JournalService.open(tmp_path_factory.mktemp("bridge") / "journal")
    try:
        yield make_case(svc)
    finally:
        svc.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Journal]:
    """A journal of its own, for tests that damage the exhibit store."""
    svc = JournalService.open(tmp_path / "journal")
    try:
        yield make_case(svc)
    finally:
        svc.close()


def texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def raw_and_inflated(path: Path) -> bytes:
    raw = path.read_bytes()
    parts = [raw]
    for m in re.finditer(rb"stream\r?\n", raw):
        try:
            parts.append(zlib.decompressobj().decompress(raw[m.end() : m.end() + 5_000_000]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def image_count(path: Path) -> int:
    count = 0
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            continue
        for _, ref in xobjects.get_object().items():
            if ref.get_object().get("/Subtype") == "/Image":
                count += 1
    return count


# --- the mapping -------------------------------------------------------------------------------


def test_case_maps_into_the_case_file_data(journal: Journal) -> None:
    data = casefile_data(journal.service, journal.case_id)
    assert data.case_number == journal.case_id
    assert data.person.name == "Dana Whitfield" and data.person.email == EMAIL
    assert data.organization.name == "Headway"
    assert data.issue_type_label.startswith("Insurance") and data.role == "Client"
    assert data.status == "Escalated" and data.amount_disputed == "$360.00"
    assert data.days_open == 30
    # contacts in date order, numbered 1..N
    assert [c.number for c in data.contacts] == [1, 2, 3, 4]
    starts = [c.started_at for c in data.contacts]
    assert starts == sorted(starts)
    assert [c.rep_name for c in data.contacts] == [REPS[0], REPS[0], REPS[1], REPS[2]]
    states = {p.text: (p.status, p.status_label) for c in data.contacts for p in c.promises}
    assert states["Claims reprocessed"][0] == "overdue"
    assert states["Claims reprocessed"][1].startswith("overdue by")
    assert states["Letter confirming the request"][0] == "kept"
    assert states["Written answer"][0] == "broken"
    assert states["Call back with the decision"][0] == "pending"
    made = {p.text: p.made_on for c in data.contacts for p in c.promises}
    assert made["Written answer"] == (date.today() - timedelta(days=10))
    hours = next(p for c in data.contacts for p in c.promises if p.text.startswith("Letter"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d -08:00", hours.due_label)
    # exhibits numbered in the order added; contacts carry their numbers
    assert [(x.number, x.original_name) for x in data.exhibits] == [
        (1, "denial.png"), (2, "eob.pdf"), (3, "portal-error.png")]
    assert data.contacts[0].exhibit_numbers == (1,)
    assert data.contacts[2].exhibit_numbers == (3,)
    image, pdf = data.exhibits[0], data.exhibits[1]
    assert image.path is not None and image.path.is_file()
    assert image.print_path is not None and image.print_path.is_file()
    assert pdf.print_path is None and pdf.path is not None
    # references: one row per identifier, every ticket, the escalation reference
    refs = {(r.kind, r.value) for r in data.references}
    assert {("member", MEMBER), ("claim", CLAIMS[0]), ("claim", CLAIMS[1]),
            ("authorization", AUTHORIZATION)} <= refs
    assert {("ticket", t) for t in TICKETS} <= refs
    escalation_ref = next(r for r in data.references if r.value == TICKETS[1])
    assert "escalation" in escalation_ref.label.lower()
    # representatives once each, with title and id
    assert data.representatives == (
        (REPS[0], "Member services", REP_ID), (REPS[1], "Escalations lead", ""),
        (REPS[2], "Claims specialist", ""))
    assert data.escalations[0].owner_name == OWNER
    assert data.outside_clocks and "appeal" in data.outside_clocks[0][0].lower()
    assert data.safety_note is None
    assert data.generated_at.utcoffset() is not None


def test_empty_profile_prints_lines_to_fill_in_never_placeholders(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "journal") as svc:
        j = make_case(svc, profile=False)
        data = casefile_data(svc, j.case_id, check_files=False)
        out = tmp_path / "case.pdf"
        build_for_case(svc, j.case_id, out, cover_letter=draft_cover_letter(data, addressee=""))
    assert (data.person.name, data.person.address) == ("", "")
    assert data.person.email == "" and data.person.phone == ""
    text = " ".join(texts(out))
    assert "(your" not in text
    assert f"Name: {FILL_IN}" in text and f"Address: {FILL_IN}" in text  # cover page, letter
    assert f"Printed name: {FILL_IN}" in text  # the signature block
    letter = draft_cover_letter(data, addressee="")
    assert "(your" not in letter
    assert letter.rstrip().endswith(f"Name: {FILL_IN}\nAddress: {FILL_IN}\n{FILL_IN}")


def test_partial_profile_fills_only_what_is_missing(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "journal") as svc:
        j = make_case(svc, profile=False)
        svc.set_profile(name="Dana Whitfield", address="", email="dana@example.com", phone="")
        out = tmp_path / "case.pdf"
        build_for_case(svc, j.case_id, out)
    text = " ".join(texts(out))
    assert "Printed name: Dana Whitfield" in text
    assert f"Address: {FILL_IN}" in text and "Name: ___" not in text
    assert "(your" not in text


def test_safety_note_for_clinical_issue_types(journal: Journal) -> None:
    svc = journal.service
    headway = svc.organization_by_key("headway")
    assert headway is not None
    case_id = svc.create_case(CaseInput(
        title="Session cancelled", organization_id=headway.id, issue_type="appointment",
        role="client", fields={"therapist_name": "Dr. Mei Chen"}))
    data = casefile_data(svc, case_id)
    assert data.safety_note is not None and "988" in data.safety_note
    assert data.contacts == () and data.exhibits == ()


def test_now_decides_states_and_generation_time(journal: Journal) -> None:
    later = datetime.now(UTC) + timedelta(days=40)
    data = casefile_data(journal.service, journal.case_id, now=later)
    states = {p.text: p.status for c in data.contacts for p in c.promises}
    assert states["Call back with the decision"] == "overdue"
    assert data.generated_at.date() == later.astimezone().date()
    with pytest.raises(ValueError):
        casefile_data(journal.service, journal.case_id, now=datetime(2026, 1, 1))


# --- the PDF -----------------------------------------------------------------------------------


def test_full_case_file_has_everything(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    seen: list[int] = []
    result = build_for_case(journal.service, journal.case_id, out,
                            progress=lambda done, total, _msg: seen.append(done))
    assert result.path == out and out.is_file()
    assert seen[0] == 0 and seen[-1] == 100
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    assert result.exhibit_pages == 2  # the EOB's two pages are appended
    pages = texts(out)
    everything = " ".join(pages)
    for value in (*TICKETS, MEMBER, *CLAIMS, AUTHORIZATION, REP_ID, *REPS, OWNER):
        assert value in everything, value
    marker_pages = [i for i, t in enumerate(pages) if PDF_MARKER in t]
    assert len(marker_pages) == 2 and marker_pages[-1] < result.pages
    assert "page 2 of 2" in pages[marker_pages[1]]
    assert f"Page {result.pages} of {result.pages}" in pages[-1]
    assert image_count(out) >= 2  # both screenshots are shown


def test_redacted_copy_masks_identifiers_and_leaves_out_exhibits(
    journal: Journal, tmp_path: Path
) -> None:
    full = build_for_case(journal.service, journal.case_id, tmp_path / "full.pdf")
    out = tmp_path / "redacted.pdf"
    result = build_for_case(journal.service, journal.case_id, out, redact=True, exclude=[2, 3])
    pages = texts(out)
    everything = " ".join(pages)
    blob = raw_and_inflated(out)
    for secret in SECRETS:
        assert secret not in everything, secret
        assert secret.encode() not in blob, secret
    assert "•••• 2370" in everything  # the member ID, down to its last 4
    for ticket in TICKETS:  # tickets stay readable: the company needs them
        assert ticket in everything
    for name in (*REPS, OWNER):
        assert name in everything
    # exhibits 2 (the PDF) and 3 (a screenshot) are left out
    assert PDF_MARKER not in everything
    assert result.exhibit_pages == 0
    assert result.pages < full.pages
    assert "portal-error.png" not in everything
    assert "Exhibits 2, 3 left out of this copy" in everything
    assert image_count(out) == 1
    assert "REDACTED" in pages[0]


def test_exclude_without_redaction(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "without-eob.pdf"
    result = build_for_case(journal.service, journal.case_id, out, exclude=[2])
    everything = " ".join(texts(out))
    assert PDF_MARKER not in everything and result.exhibit_pages == 0
    assert MEMBER in everything  # not masked
    assert "Exhibit 2 left out of this copy" in everything


def test_unknown_exhibit_number_is_refused(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(NotFound, match="no exhibit 9"):
        build_for_case(journal.service, journal.case_id, out, exclude=[9])
    with pytest.raises(NotFound):
        build_for_case(journal.service, journal.case_id, out, redact=True, exclude=[0])
    assert not out.exists()


def test_cover_letter_goes_in_and_is_redacted(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    letter = f"Dear Ms. Petrova,\n\nMy member ID is {MEMBER}.\n\nSincerely,\nDana"
    build_for_case(journal.service, journal.case_id, out, redact=True, cover_letter=letter)
    everything = " ".join(texts(out))
    assert "Cover letter" in everything and "Dear Ms. Petrova" in everything
    assert MEMBER not in everything


def test_cancelled_build_leaves_no_file(journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(CaseFileCancelled):
        build_for_case(journal.service, journal.case_id, out, cancelled=cancelled)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_missing_exhibit_is_listed_not_a_crash(fresh: Journal, tmp_path: Path) -> None:
    svc = fresh.service
    image = svc.attachment(fresh.spare_image_id)
    svc.store.path_for(image.sha256).unlink()
    data = casefile_data(svc, fresh.case_id)
    missing = data.exhibits[2]
    assert missing.path is None and missing.print_path is None
    out = tmp_path / "missing.pdf"
    result = build_for_case(svc, fresh.case_id, out)
    everything = " ".join(texts(out))
    assert "portal-error.png" in everything
    assert "FILE MISSING" in everything and "the stored file is missing" in everything
    assert result.exhibit_pages == 2
    assert image_count(out) == 1


def placed_images(path: Path) -> list[tuple[dict[str, object], bytes]]:
    """(image dictionary entries, decoded pixels) of every image XObject, in page order."""
    found = []
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            continue
        for _, ref in sorted(xobjects.get_object().items()):
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                parms = obj.get("/DecodeParms")
                entries = {"size": (int(obj["/Width"]), int(obj["/Height"])),
                           "filter": str(obj["/Filter"]),
                           "predictor": int(parms["/Predictor"]) if parms else None}
                found.append((entries, obj.get_data()))
    return found


def copy_pixels(path: Path) -> tuple[tuple[int, int], bytes]:
    with Image.open(path, formats=["PNG"]) as img:
        return img.size, img.convert("RGB").tobytes()


def test_print_copy_made_when_attached_is_placed_as_it_is(
    fresh: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = fresh.service
    copies = [svc.store.print_copy(svc.attachment(i).sha256)
              for i in (fresh.image_id, fresh.spare_image_id)]
    assert all(c is not None for c in copies)
    stamps = [c.path.stat().st_mtime_ns for c in copies if c is not None]

    def no_rendering(*_args: object, **_kw: object) -> None:
        raise AssertionError("the print copy should have been made when it was attached")

    from headway_journal.journal.exhibits import store as store_mod

    monkeypatch.setattr(store_mod, "render", no_rendering)
    data = casefile_data(svc, fresh.case_id)
    assert [x.print_path for x in data.exhibits if x.print_path] == [c.path for c in copies if c]
    assert all(x.print_sha256 for x in data.exhibits if x.print_path)
    out = tmp_path / "reused.pdf"
    build_for_case(svc, fresh.case_id, out)
    placed = placed_images(out)
    assert len(placed) == 2
    for (entries, pixels), copy in zip(placed, copies, strict=True):
        assert copy is not None
        size, expected = copy_pixels(copy.path)
        # the PNG's own rows, embedded with PNG predictors: nothing decoded or compressed again
        assert entries == {"size": size, "filter": "/FlateDecode", "predictor": 15}
        assert pixels == expected
    assert [c.path.stat().st_mtime_ns for c in copies if c is not None] == stamps


def test_damaged_print_copy_is_made_again_not_placed(fresh: Journal, tmp_path: Path) -> None:
    svc = fresh.service
    copy = svc.store.print_copy(svc.attachment(fresh.image_id).sha256)
    assert copy is not None
    good = copy.path.read_bytes()
    size, expected = copy_pixels(copy.path)
    damaged = bytearray(good)
    damaged[len(good) // 2] ^= 0xFF  # in the pixel data
    copy.path.write_bytes(bytes(damaged))
    out = tmp_path / "rebuilt.pdf"
    build_for_case(svc, fresh.case_id, out)
    assert copy.path.read_bytes() == good
    entries, pixels = placed_images(out)[0]
    assert entries["size"] == size and pixels == expected


def test_missing_print_copies_are_made_by_the_first_case_file(
    fresh: Journal, tmp_path: Path
) -> None:
    """Exhibits imported from a JSON journal (or from older versions) have no print copy."""
    svc = fresh.service
    folder = svc.store.root / "print"
    for path in sorted(folder.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    out = tmp_path / "first.pdf"
    build_for_case(svc, fresh.case_id, out)
    made = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(made) == 2
    placed = placed_images(out)
    assert sorted(copy_pixels(p) for p in made) == sorted(
        (entries["size"], pixels) for entries, pixels in placed)


def test_altered_exhibit_is_not_reproduced(fresh: Journal, tmp_path: Path) -> None:
    svc = fresh.service
    pdf = svc.attachment(fresh.pdf_id)
    stored = svc.store.path_for(pdf.sha256)
    stored.chmod(0o600)
    stored.write_bytes(pdf_bytes(3))  # someone replaced the stored file
    data = casefile_data(svc, fresh.case_id)
    altered = data.exhibits[1]
    assert altered.path is None
    assert "no longer matches its SHA-256" in altered.caption or "changed" in altered.caption
    out = tmp_path / "altered.pdf"
    result = build_for_case(svc, fresh.case_id, out)
    assert result.exhibit_pages == 0
    assert PDF_MARKER not in " ".join(texts(out))


def test_unknown_case_is_not_found(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        build_for_case(journal.service, 9999, tmp_path / "x.pdf")


def test_default_file_name() -> None:
    day = date(2026, 11, 26)
    assert default_file_name("Double charge", on=day) == "Case file - Double charge - 2026-11-26.pdf"
    assert default_file_name("a/b: c?", redacted=True, on=day) == (
        "Case file (redacted) - a b c - 2026-11-26.pdf")
    assert len(default_file_name("x" * 300, on=day)) < 120
