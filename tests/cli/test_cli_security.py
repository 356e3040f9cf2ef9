"""A locked journal on the command line: encrypt, decrypt, passphrase, --encrypt, unlocking
every command, wrong passphrases, and conversions cut short at any step."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import PNG, fill

from headway_journal import cli
from headway_journal.commands import security
from headway_journal.journal.crypto import access, convert, lockbox, unlocked
from headway_journal.journal.service import JournalService

PASS = "correct horse battery"
# Known plaintext: a rep's name, a ticket number, a case title, an exhibit's bytes.
KNOWN = ["José Núñez".encode(), b"HW-1", b"Charged twice for one session", PNG[16:40]]


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    unlocked.forget_all()
    monkeypatch.delenv("HEADWAY_JOURNAL_PASSPHRASE_FILE", raising=False)
    yield
    unlocked.forget_all()


def secret_file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return str(path)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        fill(svc)
    return folder


def run(*argv: str) -> int:
    unlocked.forget_all()  # each run is a new process as far as keys go
    return cli.main(list(argv))


def leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {k!r}" for k in KNOWN if k in data]
    return found


def test_encrypt_then_every_command_needs_the_passphrase(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pw = secret_file(tmp_path, "pw", PASS)
    assert leaks(journal)  # the test can fail: plaintext is there before
    assert run("--journal", str(journal), "--passphrase-file", pw, "encrypt") == 0
    out = capsys.readouterr().out
    assert "Recovery key" in out and "no way into" in out
    assert access.is_locked(journal)
    assert leaks(journal) == []
    assert run("--journal", str(journal), "--passphrase-file", pw, "search", "refund") == 0
    assert "Charged twice" in capsys.readouterr().out
    assert run("--journal", str(journal), "--passphrase-file", pw, "check") == 0
    assert "1 attachments verified" in capsys.readouterr().out
    out_file = tmp_path / "out" / "journal.json"
    out_file.parent.mkdir()
    assert run("--journal", str(journal), "--passphrase-file", pw, "export", str(out_file)) == 0
    assert "is not" in capsys.readouterr().err  # exports are written unencrypted: said so
    assert [p.read_bytes() for p in out_file.parent.glob("*-files/*")] == [PNG]
    # wrong passphrase: one line, exit 2; no passphrase and no terminal: one line, exit 2
    bad = secret_file(tmp_path, "bad", "not the passphrase")
    assert run("--journal", str(journal), "--passphrase-file", bad, "search", "refund") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not open this journal" in err
    assert run("--journal", str(journal), "search", "refund") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--passphrase-file" in err


def test_passphrase_change_and_decrypt(journal: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    pw = secret_file(tmp_path, "pw", PASS)
    pw2 = secret_file(tmp_path, "pw2", "a different passphrase")
    sheet = tmp_path / "sheet.pdf"
    assert run("--journal", str(journal), "--passphrase-file", pw, "encrypt",
               "--recovery-sheet", str(sheet)) == 0
    assert sheet.read_bytes().startswith(b"%PDF")
    before = (journal / "journal.sqlite3").read_bytes()
    assert run("--journal", str(journal), "--passphrase-file", pw, "passphrase",
               "--new-passphrase-file", pw2) == 0
    assert (journal / "journal.sqlite3").read_bytes() == before  # the lockbox alone changed
    assert run("--journal", str(journal), "--passphrase-file", pw, "search", "refund") == 2
    assert run("--journal", str(journal), "--passphrase-file", pw2, "decrypt") == 0
    capsys.readouterr()
    assert not access.is_locked(journal)
    assert run("--journal", str(journal), "search", "refund") == 0
    assert "Charged twice" in capsys.readouterr().out
    assert run("--journal", str(journal), "check") == 0
    assert [p.name for p in journal.iterdir() if p.name.startswith(".convert")] == []


def test_a_weak_or_mismatched_new_passphrase_changes_nothing(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    short = secret_file(tmp_path, "short", "abc")
    assert run("--journal", str(journal), "--passphrase-file", short, "encrypt") == 2
    assert "at least" in capsys.readouterr().err
    assert not access.is_locked(journal)
    answers = iter(["first passphrase", "second passphrase"])
    with pytest.raises(cli.CliError, match="differ"):
        security.new_passphrase(None, interactive=True, environ={},
                                ask=lambda _prompt: next(answers))


def test_encrypt_flag_creates_a_locked_journal(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pw = secret_file(tmp_path, "pw", PASS)
    folder = tmp_path / "new"
    source = tmp_path / "in.json"
    source.write_text('{"format": "headway-journal", "version": 1, "cases": []}',
                      encoding="utf-8")
    code = run("--journal", str(folder), "--encrypt", "--passphrase-file", pw, "import",
               str(source))
    capsys.readouterr()
    assert access.is_locked(folder)
    assert not (folder / "journal.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert code in (0, 2)  # the file's own validity is not the point here
    assert run("--journal", str(folder), "--passphrase-file", pw, "check") == 0
    plain = tmp_path / "plain"
    JournalService.open(plain).close()
    assert run("--journal", str(plain), "--encrypt", "--passphrase-file", pw, "import",
               str(source)) == 2
    assert "already exists unencrypted" in capsys.readouterr().err


def test_backups_restore_only_with_the_right_passphrase(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pw = secret_file(tmp_path, "pw", PASS)
    bad = secret_file(tmp_path, "bad", "not the passphrase")
    assert run("--journal", str(journal), "--passphrase-file", pw, "encrypt") == 0
    copy = tmp_path / "copy.sqlite3"
    assert run("--journal", str(journal), "--passphrase-file", pw, "backup", str(copy)) == 0
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    assert not any(k in copy.read_bytes() for k in KNOWN)
    before = (journal / "journal.sqlite3").read_bytes()
    assert run("--journal", str(journal), "--passphrase-file", bad, "restore", str(copy)) == 2
    assert (journal / "journal.sqlite3").read_bytes() == before
    capsys.readouterr()
    assert run("--journal", str(journal), "--passphrase-file", pw, "restore", str(copy)) == 0
    assert "now has 1 cases" in capsys.readouterr().out
    assert run("--journal", str(journal), "--passphrase-file", pw, "check") == 0


def test_terminal_asks_again_with_a_growing_delay(journal: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pw = secret_file(tmp_path, "pw", PASS)
    assert run("--journal", str(journal), "--passphrase-file", pw, "encrypt") == 0
    waits: list[float] = []
    monkeypatch.setattr(security, "sleep", waits.append)
    answers = iter(["wrong one", "wrong two", "wrong three", "wrong four", PASS])
    opened = security.unlock(journal, None, interactive=True, environ={},
                             ask=lambda _prompt: next(answers))
    assert opened.keys is not None
    assert waits == [0.0, 0.0, 1.0, 2.0]
    waits.clear()
    with pytest.raises(access.WrongPassphrase):
        security.unlock(journal, None, interactive=True, environ={},
                        ask=lambda _prompt: "always wrong")
    assert len(waits) == security.MAX_TRIES - 1 and waits[-1] > waits[0]


# --- SIGKILL in the middle of a conversion --------------------------------------------------

KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from headway_journal.journal.crypto import access, convert, lockbox
FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)
access.WANTED_KDF = FAST
folder, direction, at = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
def step(name):
    if name == at:
        os.kill(os.getpid(), signal.SIGKILL)
def progress(done, total):
    step(f"exhibit {done}")
if direction == "encrypt":
    convert.encrypt_journal(folder, sys.argv[4], step=step, progress=progress, kdf=FAST)
else:
    keys = access.keys_by_passphrase(folder, sys.argv[4]).keys
    convert.decrypt_journal(folder, keys, step=step, progress=progress)
"""

STEPS = ["exhibit 1", "proven", "committed", "moved journal.sqlite3", "moved lockbox.json"]
FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)


def _killed_at(folder: Path, direction: str, at: str) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(folder), direction, at,
                           PASS], env=env, capture_output=True, timeout=120).returncode


def _opens(folder: Path) -> tuple[bool, int]:
    """(locked?, cases) of the journal in ``folder``: it must open one way or the other."""
    unlocked.forget_all()
    locked = access.is_locked(folder)
    keys = access.keys_by_passphrase(folder, PASS).keys if locked else None
    with JournalService.open(folder, keys=keys) as svc:
        assert svc.check(unused=False) == []
        return locked, svc.stats()["cases"]


@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_sigkill_at_any_step_leaves_the_old_or_the_new_journal(
        journal: Path, direction: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "WANTED_KDF", FAST)
    if direction == "decrypt":
        convert.encrypt_journal(journal, PASS, kdf=FAST)
    was_locked = direction == "decrypt"
    outcomes = set()
    for at in STEPS:
        code = _killed_at(journal, direction, at)
        assert code == -signal.SIGKILL, at
        locked, cases = _opens(journal)  # the next open finishes or undoes it
        assert cases == 1, at
        outcomes.add(locked)
        if locked != was_locked:  # it went through: convert it back for the next step
            unlocked.forget_all()
            if locked:
                convert.decrypt_journal(journal, access.keys_by_passphrase(journal, PASS).keys)
            else:
                convert.encrypt_journal(journal, PASS, kdf=FAST)
        assert leaks(journal) == [] or not access.is_locked(journal), at
    assert outcomes == {True, False}  # killed before and after the commit


def test_the_recovery_key_opens_where_the_passphrase_goes(
        journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pw = secret_file(tmp_path, "pw", PASS)
    assert run("--journal", str(journal), "--passphrase-file", pw, "encrypt") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Recovery key"))
    recovery = line.rsplit(" ", 1)[1]
    rk = secret_file(tmp_path, "rk", recovery)
    pw2 = secret_file(tmp_path, "pw2", "a brand new passphrase")
    assert run("--journal", str(journal), "--passphrase-file", rk, "passphrase",
               "--new-passphrase-file", pw2) == 0
    assert "recovery key" in capsys.readouterr().err
    assert run("--journal", str(journal), "--passphrase-file", pw2, "search", "refund") == 0
