"""Folder safety: a journal folder another user owns or can write to is refused (with how to
fix it); the user's own, merely too open folder is tightened to 0700; every file the app writes
is 0600 whatever the umask.

The tests run as root, so "another user" is simulated two ways: by changing who the app thinks
it is (``folder_safety.current_uid``), and by really giving a file to another uid (root may
chown)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal import cli
from headway_journal.journal import folder_safety
from headway_journal.journal.db import DB_NAME, JournalError, open_journal
from headway_journal.journal.folder_safety import JournalUnsafe, create_private
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
OTHER_UID = 4242


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A closed journal with a case, a contact and an exhibit."""
    folder = tmp_path / "my journal #1"
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="Refund", organization_id=org.id,
                                        issue_type="billing", role="client", key="c-1"))
        svc.log_contact(cid, ContactInput(
            started_at=datetime.now(UTC) - timedelta(days=2), channel="chat", summary="Asked",
            promises=[PromiseInput("Refund", business_days=5)]))
        svc.add_attachment(cid, PNG, original_name="receipt.png")
    return folder


@pytest.fixture
def any_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# --------------------------------------------------------------------------- too open, ours


@pytest.mark.parametrize("loose", [0o777, 0o775, 0o770, 0o757, 0o755, 0o750, 0o701])
def test_own_folder_too_open_is_tightened_silently(made: Path, loose: int) -> None:
    os.chmod(made, loose)
    os.chmod(made / DB_NAME, 0o666)
    os.chmod(made / "attachments", 0o777)
    with JournalService.open(made) as svc:
        assert svc.stats()["cases"] == 1
    assert mode(made) == 0o700
    assert mode(made / DB_NAME) == 0o600
    assert mode(made / "attachments") == 0o700


def test_new_journal_is_private_even_with_umask_0(tmp_path: Path, any_umask: None) -> None:
    folder = tmp_path / "new"
    open_journal(folder).close()
    assert mode(folder) == 0o700
    assert mode(folder / DB_NAME) == 0o600


def test_too_open_and_cannot_be_tightened_is_refused(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(made, 0o777)

    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(folder_safety.os, "chmod", refuse)
    with pytest.raises(JournalUnsafe) as err:
        open_journal(made)
    text = str(err.value)
    assert "other users" in text and "0777" in text
    assert "chmod 700" in text and str(made) in text.replace("'", "")
    monkeypatch.undo()
    os.chmod(made, 0o700)
    open_journal(made).close()


# --------------------------------------------------------------------------- another user's


def test_folder_of_another_user_is_refused_with_the_fix(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sorted(p.name for p in made.iterdir())
    stats = {p.name: p.stat().st_mtime_ns for p in made.iterdir()}
    monkeypatch.setattr(folder_safety, "current_uid", lambda: OTHER_UID)
    with pytest.raises(JournalUnsafe) as err:
        JournalService.open(made)
    text = str(err.value)
    assert isinstance(err.value, JournalError)
    assert "belongs to another user" in text
    assert "chown" in text and "chmod 700" in text
    assert "\n" not in text
    # nothing was touched: no lock taken, no mode changed
    assert sorted(p.name for p in made.iterdir()) == before
    assert {p.name: p.stat().st_mtime_ns for p in made.iterdir()} == stats


def test_own_but_writable_folder_of_another_user_is_refused_not_tightened(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(made, 0o777)
    monkeypatch.setattr(folder_safety, "current_uid", lambda: OTHER_UID)
    with pytest.raises(JournalUnsafe):
        open_journal(made)
    assert mode(made) == 0o777  # someone else's folder is never changed


@pytest.mark.parametrize("entry", [DB_NAME, "attachments", "backups", ""])
def test_a_real_foreign_owner_is_refused(made: Path, entry: str) -> None:
    target = made / entry if entry else made
    os.chown(target, OTHER_UID, -1)
    try:
        with pytest.raises(JournalUnsafe) as err:
            open_journal(made)
        assert "another user" in str(err.value) and "chown" in str(err.value)
    finally:
        os.chown(target, os.geteuid(), -1)
    open_journal(made).close()


def test_a_journal_folder_reached_through_a_link_is_judged_by_the_real_folder(
    made: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link"
    link.symlink_to(made)
    os.chmod(made, 0o755)
    open_journal(link).close()
    assert mode(made) == 0o700


def test_cli_refuses_another_users_journal_in_one_line(
    made: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(folder_safety, "current_uid", lambda: OTHER_UID)
    for command in (["check"], ["search", "refund"], ["export", str(made.parent / "o.json")]):
        assert cli.main(["--journal", str(made), *command]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "another user" in err[0] and "chmod 700" in err[0]
    assert not (made.parent / "o.json").exists()


# --------------------------------------------------------------------------- files written


def test_create_private_is_0600_whatever_the_umask(tmp_path: Path, any_umask: None) -> None:
    for mask in (0, 0o022, 0o002, 0o077):
        os.umask(mask)
        path = tmp_path / f"f{mask}"
        os.close(create_private(path))
        assert mode(path) == 0o600
    with pytest.raises(FileExistsError):
        create_private(tmp_path / "f0")


@pytest.mark.parametrize("mask", [0, 0o022, 0o002])
def test_every_file_the_commands_write_is_0600(
    made: Path, tmp_path: Path, mask: int, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(mask)
    try:
        j = ["--journal", str(made)]
        assert cli.main([*j, "export", str(out / "export.json")]) == 0
        assert cli.main([*j, "ics", str(out / "deadlines.ics")]) == 0
        assert cli.main([*j, "backup", str(out / "copy.sqlite3")]) == 0
        assert cli.main([*j, "casefile", "c-1", "-o", str(out / "case.pdf")]) == 0
        assert cli.main([*j, "casefile", "c-1", "--redact", "-o", str(out / "red.pdf")]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    files = [p for p in out.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"export.json", "deadlines.ics", "copy.sqlite3", "case.pdf", "red.pdf"} <= names
    assert any(p.parent.name == "export.json-files" for p in files) or len(files) > 6
    assert {p.name: oct(mode(p)) for p in files} == {p.name: oct(0o600) for p in files}
    # the journal's own files too
    for p in made.rglob("*"):
        if p.is_file():
            assert mode(p) & 0o077 == 0, p
        elif p.is_dir():
            assert mode(p) == 0o700, p
