"""``headway-journal casefile`` end to end, in a subprocess, on a real journal."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from headway_journal.journal.service import (
    CaseInput,
    ContactInput,
    JournalService,
    PromiseInput,
)

PACIFIC = timezone(timedelta(hours=-8))
MEMBER = "BHX884512370"
TICKET = "REF-7781234"
REP = "Алексей Смирнов"


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("HEADWAY_JOURNAL_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "headway_journal", *args],
        capture_output=True, text=True, timeout=120, cwd=cwd, env=env, check=False,
    )


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    folder = tmp_path_factory.mktemp("cli") / "journal"
    with JournalService.open(folder) as svc:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        case_id = svc.create_case(CaseInput(
            title="Claims denied", organization_id=headway.id, issue_type="insurance",
            role="client", opened_on=date.today() - timedelta(days=12), key="cli-case",
            summary=f"Member {MEMBER}: two claims denied.",
            fields={"member_id": MEMBER, "claim_numbers": "CLM-26-0048812"},
        ))
        contact = svc.log_contact(case_id, ContactInput(
            started_at=datetime.combine(date.today() - timedelta(days=10), time(10, 0), PACIFIC),
            channel="phone", rep_name=REP, rep_title="Claims", tickets=[TICKET],
            summary="Sent the claims back for review.",
            promises=[PromiseInput("Claims reprocessed", business_days=3)],
        ))
        buf = io.BytesIO()
        Image.new("RGB", (400, 240), (30, 90, 160)).save(buf, "PNG")
        svc.add_attachment(case_id, buf.getvalue(), original_name="denial.png",
                           caption="The denial", contact_id=contact)
    return folder, case_id, "cli-case"


def test_casefile_by_key_and_by_number(journal: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, case_id, key = journal
    out = tmp_path / "case.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"Wrote the case file to {out}"
    reader = PdfReader(out)
    text = pdf_text(out)
    assert TICKET in text and REP in text and MEMBER in text
    assert len(reader.pages) >= 4

    by_number = tmp_path / "by-number.pdf"
    done = run("--journal", str(folder), "casefile", str(case_id), "-o", str(by_number),
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(by_number).pages) == len(reader.pages)


def test_casefile_without_your_details_has_lines_to_fill_in(
        journal: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, _case_id, key = journal
    out = tmp_path / "unsigned.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "(your" not in done.stdout
    assert "does not have your name or your address" in done.stdout
    assert "blank line to fill in by hand" in done.stdout
    text = pdf_text(out)
    assert "(your" not in text
    assert "Printed name: ____" in text and "Name: ____" in text and "Address: ____" in text


def test_casefile_with_your_details_is_signed(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        svc.create_case(CaseInput(title="Locked out", organization_id=headway.id,
                                  issue_type="technical", role="client", key="signed"))
        svc.set_profile(name="Dana Whitfield", address="1200 NW Example Ave\nPortland, OR 97209")
    out = tmp_path / "signed.pdf"
    done = run("--journal", str(folder), "casefile", "signed", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Wrote the case file to {out}"
    text = pdf_text(out)
    assert "Printed name: Dana Whitfield" in text and "Portland, OR 97209" in text
    assert "(your" not in text and "Name: ____" not in text


def test_casefile_redacted(journal: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, _, key = journal
    out = tmp_path / "redacted.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), "--redact",
               "--exclude-exhibit", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert MEMBER not in text and "•••• 2370" in text
    assert TICKET in text
    assert "Exhibit 1 left out of this copy" in text


def test_unknown_case_is_one_line_exit_2(journal: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, _, _ = journal
    out = tmp_path / "nope.pdf"
    done = run("--journal", str(folder), "casefile", "no-such-case", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no-such-case" in lines[0]
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_unknown_exhibit_is_one_line_exit_2(journal: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, _, key = journal
    out = tmp_path / "x.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out),
               "--exclude-exhibit", "7", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "exhibit 7" in lines[0]
    assert not out.exists()
