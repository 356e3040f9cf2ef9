"""``headway-journal letter``: --list with deadlines, and each format written, in a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

TZ = timezone(timedelta(hours=-5))
STATEMENT = date.today() - timedelta(days=50)  # 10 days left to send the card notice


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("HEADWAY_JOURNAL_DIR", None)
    return subprocess.run([sys.executable, "-m", "headway_journal", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=env, check=False)


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("letters") / "journal"
    with JournalService.open(folder) as svc:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        case_id = svc.create_case(CaseInput(
            title="Charged twice", organization_id=headway.id, issue_type="billing",
            role="client", key="card-case", opened_on=date.today() - timedelta(days=60),
            summary="Charged twice for one session (account 0012345678).",
            desired_outcome="Refund the duplicate charge.", amount_disputed="100.00",
            fields={"statement_date": STATEMENT.isoformat(), "card_last4": "4242"}))
        svc.log_contact(case_id, ContactInput(
            started_at=datetime.combine(date.today() - timedelta(days=20), time(10), TZ),
            channel="phone", rep_name="Priya", tickets=["T-1"],
            promises=[PromiseInput("Refund", business_days=2, status="broken")]))
        svc.create_case(CaseInput(title="Quiet", organization_id=headway.id,
                                  issue_type="billing", role="client", key="quiet-case",
                                  summary="Charged twice.", fields={"card_last4": "4242"}))
    return folder


def test_list_prints_the_letters_that_apply_with_deadlines(journal: Path, tmp_path: Path) -> None:
    done = run("--journal", str(journal), "letter", "card-case", "--list", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Letters for case 1: Charged twice"
    assert lines[1] == "1. company: Company complaint: no time limit"
    assert lines[2].startswith("2. card-dispute: Card billing-error notice: by ")
    assert re.search(r"\((\d+) days left\)", lines[2])
    assert any("Only" in line and "days left to send" in line for line in lines)
    assert any(line.startswith("3. cfpb: ") for line in lines)
    assert "General information to verify" in lines[-1]


def test_pdf_docx_and_text(journal: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    done = run("--journal", str(journal), "letter", "card-case", "card-dispute", "-o", str(pdf),
               "--fact", "charge_date=2026-10-29", "--fact", "card_issuer=Example Bank",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"Wrote the card-dispute letter to {pdf}"
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Example Bank" in text and "ending in 4242" in text and "October 29, 2026" in text
    # the one gap left is said on stderr, to fill in by hand
    assert "[the billing-error address printed on your statement]" in done.stderr

    word = tmp_path / "notice.docx"
    done = run("--journal", str(journal), "letter", "1", "company", "-o", str(word), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "Record of Contacts" in paragraphs and "Sincerely," in paragraphs

    plain = tmp_path / "notice.txt"
    done = run("--journal", str(journal), "letter", "quiet-case", "cfpb", "-o", str(plain),
               "--fact", "charge_date=2026-10-29", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Narrative: " in done.stdout and "of 4,000 characters" in done.stdout
    written = plain.read_text(encoding="utf-8")
    assert written.startswith("Company\n-------\nHeadway\n")
    assert "What happened\n-------------\nOn October 29, 2026, Headway charged me" in written
    assert "Date of the charge\n------------------\nOctober 29, 2026\n" in written
    assert "Note:" not in done.stderr


def test_a_letter_for_another_kind_of_case_says_so(journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "ocr.pdf"
    done = run("--journal", str(journal), "letter", "card-case", "hhs-ocr", "-o", str(out),
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Note: a hhs-ocr letter is not one of the letters for this kind of case" in done.stderr
    assert out.is_file()


def test_a_cfpb_narrative_with_an_account_number_is_not_written(journal: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "cfpb.txt"
    done = run("--journal", str(journal), "letter", "card-case", "cfpb", "-o", str(out),
               cwd=tmp_path)
    assert done.returncode == 2
    assert "long number (10 digits, ending 5678)" in done.stderr
    assert "Nothing was written." in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.parametrize(("args", "message"), [
    (("card-case", "cfpb", "-o", "x.doc"), "end the name with .pdf, .docx or .txt"),
    (("card-case", "cfpb"), "Give the letter's KIND and -o OUT"),
    (("card-case", "fax", "-o", "x.pdf"), "invalid choice: 'fax'"),
    (("card-case", "--list", "-o", "x.pdf"), "Give --list or -o OUT, not both"),
    (("card-case", "card-dispute", "-o", "x.pdf", "--fact", "statement_date=soon"),
     "'soon' is not a date"),
    (("card-case", "card-dispute", "-o", "x.pdf", "--fact", "oops"), "--fact takes NAME=VALUE"),
    (("card-case", "company", "-o", "x.txt", "--with-case-file"), "write a .pdf"),
    (("nope", "company", "-o", "x.pdf"), "There is no case 'nope'"),
])
def test_bad_input_is_one_line(journal: Path, tmp_path: Path, args: tuple[str, ...],
                               message: str) -> None:
    done = run("--journal", str(journal), "letter", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
