"""``casefile CASE --language es|en``: the case file and its letter in a language of their own,
with Spanish accents in the PDF's text; dates and money for the language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

PACIFIC = timezone(timedelta(hours=-8))


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = dict(os.environ)
    environ.pop("HEADWAY_JOURNAL_DIR", None)
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "headway_journal", *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd, env=environ,
                          check=False)


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lang") / "journal"
    with JournalService.open(folder) as svc:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        case_id = svc.create_case(CaseInput(
            title="Cobro doble", organization_id=headway.id, issue_type="billing",
            role="client", opened_on=date(2026, 11, 2), key="doble",
            amount_disputed="1234.50", desired_outcome="Reembolso del cargo duplicado",
        ))
        svc.log_contact(case_id, ContactInput(
            started_at=datetime.combine(date(2026, 11, 3), time(10, 0), PACIFIC),
            channel="phone", rep_name="José Núñez", tickets=["HW-1"],
            summary="Llamé por el cobro doble.",
            promises=[PromiseInput("Reembolso", business_days=3)],
        ))
    return folder


def test_spanish_case_file_has_its_accents(journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "es.pdf"
    done = run("--journal", str(journal), "casefile", "doble", "-o", str(out),
               "--language", "es", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    for words in ("Expediente", "Cronología de contactos", "Página 1 de", "Teléfono",
                  "Monto en disputa", "$1,234.50", "Promesas", "Anexos", "Firma",
                  "José Núñez"):
        assert words in text, words
    assert "Timeline of contacts" not in text and "Page 1 of" not in text


def test_spanish_letter_has_spanish_dates(journal: Path, tmp_path: Path) -> None:
    """The cover letter of a case file written in Spanish (the letter is drafted in the
    case file's language by the window; from the command line the case file's own text)."""
    from headway_journal import l10n
    from headway_journal.casefile import draft_cover_letter
    from headway_journal.casefile.service_bridge import casefile_data

    with JournalService.open(journal) as svc, l10n.using("es"):
        data = casefile_data(svc, svc.find_case("doble"), check_files=False)
        letter = draft_cover_letter(data, addressee="")
    assert "Le escribo para escalar un asunto de facturación / reembolso con Headway" in letter
    assert "Me comuniqué con Headway una vez el 3 de noviembre de 2026" in letter
    assert "- 3 de noviembre de 2026, teléfono: José Núñez" in letter
    assert "2 de noviembre de 2026" in letter and "Atentamente," in letter
    assert "$1,234.50" in letter


def test_language_defaults_to_the_system_and_en_forces_english(journal: Path,
                                                                tmp_path: Path) -> None:
    by_system = tmp_path / "system.pdf"
    done = run("--journal", str(journal), "casefile", "doble", "-o", str(by_system),
               cwd=tmp_path, LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG="es_US.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "Cronología de contactos" in pdf_text(by_system)
    english = tmp_path / "en.pdf"
    done = run("--journal", str(journal), "casefile", "doble", "-o", str(english),
               "--language", "en", cwd=tmp_path, LANG="es_US.UTF-8")
    assert done.returncode == 0, done.stderr
    text = pdf_text(english)
    assert "Timeline of contacts" in text and "Cronología" not in text


def test_unknown_language_is_a_one_line_error(journal: Path, tmp_path: Path) -> None:
    done = run("--journal", str(journal), "casefile", "doble", "-o", str(tmp_path / "x.pdf"),
               "--language", "fr", cwd=tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "--language" in done.stderr and "'es'" in done.stderr
