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

from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

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


@pytest.fixture(scope="module")
def with_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A case with a screenshot (exhibit 1), a PDF statement (2) and a text note (3), and
    contacts on five different days."""
    from reportlab.pdfgen.canvas import Canvas

    folder = tmp_path_factory.mktemp("cli-pdf") / "journal"
    statement = folder.parent / "statement 555123477781.pdf"
    canvas = Canvas(str(statement))
    canvas.drawString(72, 700, f"Statement for member {MEMBER}")
    canvas.save()
    with JournalService.open(folder) as svc:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        case_id = svc.create_case(CaseInput(
            title="Statement dispute", organization_id=headway.id, issue_type="insurance",
            role="client", opened_on=date(2026, 10, 1), key="pdf-case",
            fields={"member_id": MEMBER}))
        for day in (1, 2, 3, 4, 5):
            svc.log_contact(case_id, ContactInput(
                started_at=datetime(2026, 10, day * 5, 10, 0, tzinfo=PACIFIC), channel="phone",
                summary=f"Call number {day} about the statement."))
        buf = io.BytesIO()
        Image.new("RGB", (300, 200), (30, 90, 160)).save(buf, "PNG")
        svc.add_attachment(case_id, buf.getvalue(), original_name="shot.png", caption="Shot")
        svc.add_attachment(case_id, statement, caption="Statement")
        svc.add_attachment(case_id, f"notes for {MEMBER}\n".encode(), original_name="notes.txt",
                           caption="Typed notes")
    return folder, "pdf-case"


def test_redacted_copy_withholds_pdf_and_text_exhibits(with_pdf: tuple[Path, str],
                                                       tmp_path: Path) -> None:
    folder, key = with_pdf
    out = tmp_path / "redacted.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), "--redact",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr
    text = pdf_text(out)
    assert "withheld from this redacted copy" in text
    assert "Statement for member" not in text  # the PDF's page is not appended
    assert MEMBER not in text and "555123477781" not in text  # nor its name unmasked
    assert "statement •••• 7781.pdf" in text
    assert "Exhibits 2, 3 (PDF or text) are withheld" in text
    reader = PdfReader(out)
    titles = " ".join(str(item.title) for item in reader.outline if not isinstance(item, list))
    assert MEMBER not in titles


def test_include_exhibit_puts_one_back_with_a_warning(with_pdf: tuple[Path, str],
                                                      tmp_path: Path) -> None:
    folder, key = with_pdf
    out = tmp_path / "redacted.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), "--redact",
               "--include-exhibit", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warning = done.stderr.strip().splitlines()
    assert len(warning) == 1
    assert "exhibit 2" in warning[0] and "NOT masked" in warning[0]
    assert "statement •••• 7781.pdf" in warning[0]  # named as the redacted copy names it
    text = pdf_text(out)
    assert "Statement for member" in text  # appended as filed
    assert "Exhibit 2 is included as filed: its contents are not masked" in text
    assert "Exhibit 3 (PDF or text) is withheld" in text


def test_include_exhibit_needs_redact_and_a_real_number(with_pdf: tuple[Path, str],
                                                        tmp_path: Path) -> None:
    folder, key = with_pdf
    out = tmp_path / "x.pdf"
    for extra, words in ((["--include-exhibit", "2"], "needs --redact"),
                         (["--redact", "--include-exhibit", "9"], "exhibit 9"),
                         (["--redact", "--include-exhibit", "2", "--exclude-exhibit", "2"],
                          "both left out and put back")):
        done = run("--journal", str(folder), "casefile", key, "-o", str(out), *extra,
                   cwd=tmp_path)
        assert done.returncode == 2, extra
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], lines
        assert not out.exists()


def test_date_range_limits_the_timeline(with_pdf: tuple[Path, str], tmp_path: Path) -> None:
    folder, key = with_pdf
    out = tmp_path / "range.pdf"
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), "--from",
               "2026-10-10", "--to", "2026-10-20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Call number 2" in text and "Call number 4" in text
    assert "Call number 1" not in text and "Call number 5" not in text
    assert "contacts from 2026-10-10 to 2026-10-20; 2 others not included" in text
    done = run("--journal", str(folder), "casefile", key, "-o", str(out), "--from",
               "2026-10-32", cwd=tmp_path)
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
    done = run("--journal", str(folder), "casefile", key, "-o", str(tmp_path / "y.pdf"),
               "--from", "2026-10-20", "--to", "2026-10-10", cwd=tmp_path)
    assert done.returncode == 2 and "after its end" in done.stderr


def test_a_huge_case_is_refused_early_with_the_page_count(
    with_pdf: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A lower limit stands in for a case of a million contacts: nothing is loaded."""
    from headway_journal import cli
    from headway_journal.casefile import service_bridge
    from headway_journal.journal.service import JournalService as Service

    folder, key = with_pdf
    loaded: list[int] = []
    real_get_case = Service.get_case
    monkeypatch.setattr(Service, "get_case",
                        lambda self, *a, **k: loaded.append(1) or real_get_case(self, *a, **k))
    monkeypatch.setattr(service_bridge, "MAX_CASEFILE_CONTACTS", 3)
    out = tmp_path / "huge.pdf"
    code = cli.main(["--journal", str(folder), "casefile", key, "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "5 contacts" in err[0] and "about 9 pages" in err[0]
    assert "--from DATE --to DATE" in err[0]
    assert "2026-10-05 to 2026-10-25" in err[0]
    assert not out.exists() and not loaded
    # a range small enough is built
    code = cli.main(["--journal", str(folder), "casefile", key, "-o", str(out),
                     "--from", "2026-10-01", "--to", "2026-10-15"])
    assert code == 0 and out.exists()


def test_import_makes_the_print_copies_the_first_casefile_places(
    journal: tuple[Path, int, str], tmp_path: Path
) -> None:
    """An image exhibit imported from JSON gets its print copy during the import (as one
    attached in the app does), so the first case file right after the import places it
    without making it."""
    folder, _case_id, key = journal
    export = tmp_path / "export" / "journal.json"
    export.parent.mkdir()
    done = run("--journal", str(folder), "export", str(export), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    fresh = tmp_path / "fresh"
    done = run("--journal", str(fresh), "import", str(export), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    copies = sorted((fresh / "attachments" / "print").rglob("*.png"))
    assert len(copies) == 1
    made = copies[0].stat().st_mtime_ns
    out = tmp_path / "first.pdf"
    done = run("--journal", str(fresh), "casefile", key, "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert copies[0].stat().st_mtime_ns == made  # placed, not made again
    with JournalService.open(fresh) as svc:
        blob = svc.get_case(svc.find_case(key)).attachments[0]
        copy = svc.store.print_copy(blob.sha256)
    assert copy is not None and copy.path == copies[0]
    placed = [x.get_object() for page in PdfReader(out).pages
              for x in (page["/Resources"].get("/XObject") or {}).values()]
    assert any(o.get("/Width") == 400 and o.get("/Height") == 240 for o in placed)
