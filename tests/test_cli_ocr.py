"""``headway-journal ocr``: image exhibits read from the command line, without loading Qt."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

import headway_journal.casefile as casefile_pkg
from headway_journal.cli import main
from headway_journal.journal.capture import ocr
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService

FONT = Path(casefile_pkg.__file__).parent / "fonts" / "DejaVuSans.ttf"


def png(text: str) -> bytes:
    img = Image.new("RGB", (640, 80), "white")
    ImageDraw.Draw(img).text((16, 24), text, fill="black",
                             font=ImageFont.truetype(str(FONT), 24))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def journal(tmp_path: Path) -> tuple[Path, int, int]:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        case = svc.create_case(CaseInput(title="Chat", organization_id=org.id,
                                         issue_type="billing", role="client"))
        shot = svc.add_attachment(case, png("Ticket #9753102 opened"),
                                  original_name="chat\x1b[2J.png")
        svc.add_attachment(case, b"text", original_name="r.txt")
    return folder, case, shot


@pytest.mark.skipif(ocr.unavailable() is not None, reason=f"{ocr.unavailable()}")
def test_ocr_reads_the_case_images_once_and_again_on_request(
        journal: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]) -> None:
    folder, case, shot = journal
    assert main(["--journal", str(folder), "ocr", str(case)]) == 0
    assert "Recognised the text of 1 of 1 image exhibit." in capsys.readouterr().out
    with JournalService.open(folder) as svc:
        found = svc.exhibit_text(shot)
        assert found is not None and "9753102" in found.text
        assert {h.case_id for h in svc.search("9753102")} == {case}
    assert main(["--journal", str(folder), "ocr"]) == 0
    assert "No image exhibits to read." in capsys.readouterr().out
    assert main(["--journal", str(folder), "ocr", "--again"]) == 0
    assert "1 of 1" in capsys.readouterr().out


def test_without_tesseract_one_line_says_how_to_install_it(
        journal: tuple[Path, int, int], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _n: None)
    folder, case, _shot = journal
    assert main(["--journal", str(folder), "ocr", str(case)]) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "apt install tesseract-ocr" in err


def test_an_unknown_case_is_one_line(journal: tuple[Path, int, int],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder, _case, _shot = journal
    if ocr.unavailable() is not None:
        pytest.skip(str(ocr.unavailable()))
    assert main(["--journal", str(folder), "ocr", "no-such-case"]) != 0
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err


def test_the_command_does_not_load_qt(journal: tuple[Path, int, int]) -> None:
    folder, case, _shot = journal
    code = ("import sys; from headway_journal.cli import main; "
            f"main(['--journal', {str(folder)!r}, 'ocr', '{case}']); "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
