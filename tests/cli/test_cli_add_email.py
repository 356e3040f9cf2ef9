"""``headway-journal add-email CASE FILE [FILE ...]``: e-mails into a case from the command line,
with one-line refusals that write nothing, and no Qt loaded."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from headway_journal import cli
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService


def _load_messages() -> ModuleType:
    """The e-mail builders of the capture tests (loaded by path: tests/ is not a package)."""
    path = Path(__file__).resolve().parents[1] / "journal" / "capture" / "messages.py"
    spec = importlib.util.spec_from_file_location("capture_messages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mk = _load_messages()


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "journal"
    monkeypatch.setenv("HEADWAY_JOURNAL_DIR", str(folder))
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                  issue_type="billing", role="client", key="c-1"))
    return folder


def contacts(folder: Path) -> list[tuple[str, str, str]]:
    with JournalService.open(folder, read_only=True) as svc:
        case = svc.get_case(svc.find_case("c-1"))
        return [(c.channel, c.source, c.summary.split("\n")[0]) for c in case.contacts]


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("headway-journal: error: ")
    return lines[0]


def test_add_email_logs_each_message_and_skips_what_is_there(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reply = bytes(mk.with_attachments())
    one = tmp_path / "reply.eml"
    one.write_bytes(reply)
    box = tmp_path / "thread.mbox"
    box.write_bytes(mk.mbox(reply, bytes(mk.html_only())))
    assert cli.main(["add-email", "c-1", str(one)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "Added 1 e-mail contact to case c-1."
    assert cli.main(["add-email", "1", str(one), str(box)]) == 0
    out = capsys.readouterr().out
    assert f"{box.name}: added 1, skipped 1 already in the journal" in out  # long paths are cut
    assert out.splitlines()[-1] == ("Added 1 e-mail contact to case 1; skipped 2 already in "
                                    "the journal.")
    assert contacts(journal) == [("email", "email", "Re: Double charge [TCK-5521]"),
                                 ("email", "email", "Your ticket TCK-9001 was updated")]


@pytest.mark.parametrize(("name", "data", "words"), [
    ("notes.txt", b"just my notes\n", "is not an e-mail message"),
    ("cut.eml", bytes(mk.with_attachments())[:900], "incomplete"),
    ("undated.eml", bytes(mk.reply(date=None)), "has no Date or Received header"),
    ("many.eml", None, "more than 100 attachments"),
], ids=["not-email", "truncated", "undated", "1000-attachments"])
def test_bad_input_is_one_line_and_writes_nothing(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
        data: bytes | None, words: str) -> None:
    if data is None:
        m = mk.reply()
        for i in range(1000):
            m.add_attachment(b"x", maintype="application", subtype="octet-stream",
                             filename=f"a{i}.bin")
        data = bytes(m)
    path = tmp_path / name
    path.write_bytes(data)
    assert cli.main(["add-email", "c-1", str(path)]) == cli.EXIT_BAD_INPUT
    line = one_error_line(capsys.readouterr().err)
    assert words in line and name in line
    assert contacts(journal) == []
    assert not list((journal / "attachments" / "objects").rglob("*"))


def test_unknown_case_and_missing_file(journal: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(mk.reply()))
    assert cli.main(["add-email", "nope", str(path)]) == cli.EXIT_BAD_INPUT
    assert "There is no case 'nope'" in one_error_line(capsys.readouterr().err)
    assert cli.main(["add-email", "c-1", str(tmp_path / "gone.eml")]) == cli.EXIT_BAD_INPUT
    assert "is not a file" in one_error_line(capsys.readouterr().err)
    assert cli.main(["add-email", "c-1", str(tmp_path)]) == cli.EXIT_BAD_INPUT
    one_error_line(capsys.readouterr().err)
    assert contacts(journal) == []


WRAPPER = """
import contextlib, io, json, sys
from headway_journal.__main__ import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    code = main(sys.argv[1:])
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
print(json.dumps({"code": code, "err": err.getvalue(), "qt": qt}))
"""


def test_add_email_never_loads_qt(journal: Path, tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(mk.related_inline_image()))
    r = subprocess.run([sys.executable, "-c", WRAPPER, "add-email", "c-1", str(path)],
                       capture_output=True, text=True, timeout=120,
                       env={**os.environ, "HEADWAY_JOURNAL_DIR": str(journal)})
    report = json.loads(r.stdout)
    assert (report["code"], report["qt"]) == (0, []), report["err"]


def test_a_message_from_the_future_names_its_file(journal: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "future.eml"
    path.write_bytes(bytes(mk.reply(date="Tue, 24 Nov 2099 10:15:00 -0800")))
    assert cli.main(["add-email", "c-1", str(path)]) == cli.EXIT_BAD_INPUT
    line = one_error_line(capsys.readouterr().err)
    assert "future.eml" in line and "future" in line.split("future.eml", 1)[1]
    assert contacts(journal) == []
