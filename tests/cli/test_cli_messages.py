"""The command line's messages: echoed input escaped and cut, duplicate keys, --limit, streaming."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal import cli
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.safe_echo import echo_path, escape_for_terminal, is_unsafe_char
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
# C0 (ESC, BEL, CR, LF), DEL, C1 (CSI), bidi overrides and isolates, line separator
RAW = ("\x1b", "\x07", "\r", "\n", "\x7f", "\x9b", "\u202e", "\u202a", "\u2066", "\u2069",
       "\u2028")


def no_raw_controls(text: str) -> None:
    """No line of ``text`` holds a control character (lines end with the only line feeds)."""
    for line in text.split("\n"):
        for ch in RAW:
            assert ch not in line, (ch, line)
        assert not any(is_unsafe_char(ch) for ch in line), line


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "journal"
    monkeypatch.setenv("HEADWAY_JOURNAL_DIR", str(folder))
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(
            title="Refund \u202egnissim\u202c after \u2066two\u2069 calls", organization_id=org.id,
            issue_type="technical", role="client", key="c-1", opened_on=date(2026, 11, 2)))
        svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 3, 10, tzinfo=PST),
                                          channel="chat", summary="Asked for the refund."))
    yield folder


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("headway-journal: error: ")
    no_raw_controls(err)
    return lines[0]


# --- the helper ----------------------------------------------------------------------------------

def test_escape_for_terminal_escapes_every_control_and_cuts_at_80() -> None:
    assert escape_for_terminal("a\x1b[31mb\x9b\x7f\u202ec\u2066\n\t") == (
        "a\\x1b[31mb\\x9b\\x7f\\u202ec\\u2066\\x0a\\x09")
    assert escape_for_terminal("Núñez — 東京") == "Núñez — 東京"
    cut = escape_for_terminal("n" * 200)
    assert len(cut) == 80 and cut.endswith("…")
    esc = escape_for_terminal("\x1b" * 100)
    assert len(esc) <= 80 and esc.endswith("…") and "\\x1" not in esc[-4:-1]
    assert escape_for_terminal("x" * 80) == "x" * 80
    assert escape_for_terminal("x" * 200, None) == "x" * 200
    path = echo_path("/very/long/" + "folder/" * 30 + "file\x1b.json")
    assert len(path) == 80 and path.startswith("…") and path.endswith("file\\x1b.json")
    for code in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
                 *range(0x2066, 0x206A)]:
        assert is_unsafe_char(chr(code)), hex(code)
        assert chr(code) not in escape_for_terminal(f"a{chr(code)}b")


# --- echoed input --------------------------------------------------------------------------------

def test_a_file_name_with_escapes_is_shown_escaped(journal: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("evil\x1b]0;title\x07\x1b[2J.json", "\u202enosj.exe", "a\rb\x9bc.json",
                 "x" * 150 + "\x1b.json"):
        assert cli.main(["import", str(tmp_path / name)]) == 2
        line = error_line(capsys)
        assert "There is no file at" in line
        shown = line.split("There is no file at ", 1)[1].rstrip(".")
        assert len(shown) <= 80
    bad = tmp_path / "bad\x1b[31m\u202e.json"
    bad.write_text("{", encoding="utf-8")
    assert cli.main(["import", str(bad)]) == 2
    assert "bad\\x1b[31m\\u202e.json: not valid JSON" in error_line(capsys)


def test_a_json_key_with_escapes_is_shown_escaped(journal: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    doc = {"format": "headway-journal", "version": 1,
           "cases": [{"key": "c-9", "title": "T", "organization": "headway",
                      "issue_type": "billing", "role": "client",
                      "\x1b[2J\x1b]0;owned\x07" + "k" * 100: 1}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli.main(["import", str(path)]) == 2
    line = error_line(capsys)
    assert 'cases[0] (key "c-9").\\x1b[2J\\x1b]0;owned\\x07kkk' in line
    name = line.split('(key "c-9").', 1)[1].split(": unknown field", 1)[0]
    assert len(name) == 80 and name.endswith("…")


def test_a_case_key_with_escapes_is_shown_escaped(journal: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["casefile", "nope\x1b[2J\x1b[31m" + "z" * 90,
                     "-o", str(tmp_path / "out.pdf")]) == 2
    line = error_line(capsys)
    assert "There is no case 'nope\\x1b[2J\\x1b[31mzz" in line
    assert re.search(r"'(nope[^']*)'", line) and len(re.search(r"'(nope[^']*)'", line)
                                                     .group(1)) == 80  # type: ignore[union-attr]


def test_a_case_title_with_bidi_controls_is_printed_escaped(
        journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "refund"]) == 0
    out = capsys.readouterr().out
    assert "\\u202egnissim\\u202c" in out
    no_raw_controls(out)
    assert cli.main(["search", "zzz\x1b[2Jnothing\u202e"]) == 0
    err = capsys.readouterr().err
    assert "zzz\\x1b[2Jnothing\\u202e" in err
    no_raw_controls(err)


def test_usage_errors_echo_escaped(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["nosuch\x1b[2J\u202e"])
    assert exc.value.code == 2
    error_line(capsys)


# --- duplicate keys ------------------------------------------------------------------------------

def test_duplicate_keys_exit_2_naming_the_record(journal: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    raw = ('{"format": "headway-journal", "version": 1, "cases": [{"key": "c-7", "title": "T", '
           '"organization": "headway", "issue_type": "billing", "role": "client", "contacts": '
           '[{"key": "k1", "started_at": "2026-03-02T10:00:00-08:00", "channel": "phone", '
           '"summary": "one", "summary": "two"}]}]}')
    path = tmp_path / "dup.json"
    path.write_text(raw, encoding="utf-8")
    assert cli.main(["import", str(path)]) == 2
    line = error_line(capsys)
    assert 'cases[0] (key "c-7").contacts[0] (key "k1").summary: is given more than once' in line
    with JournalService.open(journal) as svc:
        assert svc.stats()["cases"] == 1  # nothing was written


# --- search --limit ------------------------------------------------------------------------------

@pytest.mark.parametrize("limit", ["0", "-1", "-50", str(10**30), "abc", "1.5", "", " ", "1e3",
                                   "١٢", "10001", "\x1b[2J"])
def test_search_limit_out_of_range_is_bad_input(journal: Path, limit: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["search", "refund", "--limit", limit])
    assert exc.value.code == 2
    line = error_line(capsys)
    assert "--limit must be a whole number from 1 to 10,000" in line


@pytest.mark.parametrize("limit", ["1", "10000", " 7 "])
def test_search_limit_in_range_works(journal: Path, limit: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "refund", "--limit", limit]) == 0
    assert capsys.readouterr().out.startswith("#")


def test_search_limit_in_a_real_process(journal: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "headway_journal", "search", "x", "--limit",
                        str(10**30)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_window_text_keeps_the_apps_line_breaks_only() -> None:
    from headway_journal.journal.safe_echo import window_text

    assert window_text("Not saved.\nThe file 'a\x1b[2J\rb' is gone.") == (
        "Not saved.\nThe file 'a\\x1b[2J\\x0db' is gone.")
