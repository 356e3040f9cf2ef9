"""A journal that cannot be written (read-only disk, a disk remounted read-only) still opens,
read-only: reading, search, export, case files, check and a backup to another disk work;
every write is refused with one sentence; nothing in the journal folder changes.

The tests run as root (permissions do not stop root), so the read-only disk is simulated by
``readonly.probe_read_only`` (the one function that decides) while SQLite really opens the
database read-only; the immutable attribute and, where this machine allows a private mount
namespace, a real read-only bind mount check the real thing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from headway_journal import cli
from headway_journal.journal import readonly
from headway_journal.journal.db import DB_NAME, JournalError, open_journal
from headway_journal.journal.exhibits import AttachmentError
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService, StorageError

REASON = "the disk it is on is read-only"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's bytes, mtime and mode. Not the -shm index nor an empty -wal, which any
    reader of a WAL database creates where it can (no data; a read-only disk gets none)."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def png_bytes() -> bytes:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def fill(folder: Path) -> None:
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="Refund for a double charge",
                                        organization_id=org.id, issue_type="billing",
                                        role="client", key="c-1"))
        ct = svc.log_contact(cid, ContactInput(
            started_at=datetime.now(UTC) - timedelta(days=2), channel="phone",
            summary="Agent promised the refund", tickets=["HW-77"],
            promises=[PromiseInput("Refund", business_days=5)]))
        svc.add_attachment(cid, png_bytes(), original_name="receipt.png", contact_id=ct)
        svc.add_attachment(cid, b"the bank's letter", original_name="letter.txt")


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    folder = tmp_path / "ro journal é"  # ("#", "?", "%": h2 fixes the writable engine's URL)
    fill(folder)
    return folder


@pytest.fixture
def read_only_disk(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(readonly, "probe_read_only", lambda _folder: REASON)
    return REASON


@pytest.fixture
def ro_svc(journal: Path, read_only_disk: str) -> Iterator[JournalService]:
    svc = JournalService.open(journal)
    yield svc
    svc.close()


# --------------------------------------------------------------------------- the probe


def test_probe_says_a_writable_folder_is_writable(journal: Path) -> None:
    assert readonly.probe_read_only(journal) is None
    assert not any(p.name.startswith(".headway-write-test") for p in journal.iterdir())


def test_an_immutable_journal_is_found_read_only_and_opens(
    journal: Path, immutable: Any
) -> None:
    immutable(journal / DB_NAME)
    assert readonly.probe_read_only(journal) == "its database file cannot be written to " \
                                                "(no permission)"
    immutable(journal)
    before = snapshot(journal)
    with JournalService.open(journal) as svc:
        assert svc.read_only is not None
        assert svc.stats() == {"cases": 1, "contacts": 1}
        assert svc.check() == []
        with pytest.raises(StorageError):
            svc.add_note(svc.find_case("c-1"), "refused")
    assert snapshot(journal) == before


# --------------------------------------------------------------------------- the service


def test_reading_works(ro_svc: JournalService) -> None:
    assert ro_svc.read_only == REASON
    assert ro_svc.journal.read_only == REASON
    cid = ro_svc.find_case("c-1")
    case = ro_svc.get_case(cid)
    assert case.title == "Refund for a double charge"
    assert [a.original_name for a in case.attachments] == ["receipt.png", "letter.txt"]
    assert [h.kind for h in ro_svc.search("refund")] == ["case", "contact"]
    assert ro_svc.check() == []
    assert ro_svc.history(cid)
    assert ro_svc.store.verify(case.attachments[0].sha256) is None


def test_every_write_is_refused_with_the_reason(ro_svc: JournalService, journal: Path) -> None:
    before = snapshot(journal)
    cid = ro_svc.find_case("c-1")
    org = ro_svc.organization_by_key("headway")
    assert org is not None
    attempts = [
        lambda: ro_svc.add_note(cid, "a note"),
        lambda: ro_svc.set_case_status(cid, "resolved"),
        lambda: ro_svc.delete_case(cid),
        lambda: ro_svc.set_setting("holiday_country", "CA"),
        lambda: ro_svc.create_case(CaseInput(title="New", organization_id=org.id,
                                             issue_type="billing", role="client")),
        lambda: ro_svc.log_contact(cid, ContactInput(started_at=datetime.now(UTC),
                                                     channel="chat", summary="x")),
        lambda: ro_svc.empty_removed_attachments(),
        lambda: ro_svc.remove_unused_exhibit_files(["0" * 64]),
    ]
    for attempt in attempts:
        with pytest.raises(StorageError) as err:
            attempt()
        assert str(err.value).startswith(f"This journal is read-only: {REASON}.")
        assert "Nothing can be changed" in str(err.value)
    for source in (PNG, journal.parent / "x.txt"):
        (journal.parent / "x.txt").write_text("a file")
        with pytest.raises(AttachmentError) as att:
            ro_svc.add_attachment(cid, source, original_name="x.png")
        assert "read-only" in str(att.value)
    assert snapshot(journal) == before


def test_thumbnails_and_print_copies_go_to_a_private_scratch_folder(
    ro_svc: JournalService, journal: Path
) -> None:
    before = snapshot(journal)
    case = ro_svc.get_case(ro_svc.find_case("c-1"))
    thumb = ro_svc.store.thumbnail(case.attachments[0].sha256)
    copy = ro_svc.store.print_copy(case.attachments[0].sha256)
    scratch = ro_svc.journal.scratch
    assert scratch is not None and thumb is not None and copy is not None
    assert thumb.is_relative_to(scratch) and copy.path.is_relative_to(scratch)
    assert snapshot(journal) == before
    ro_svc.close()
    assert not scratch.exists()


def test_opening_and_closing_write_nothing(journal: Path, read_only_disk: str) -> None:
    before = snapshot(journal)
    (journal / "journal.lock").unlink()  # a disk that never had one: none is made
    before.pop("journal.lock")
    for _ in range(2):
        journal_ = open_journal(journal)
        assert journal_.read_only == REASON
        journal_.close()
    assert snapshot(journal) == before


def test_no_journal_on_a_read_only_disk_is_an_error_not_a_new_one(
    tmp_path: Path, read_only_disk: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(JournalError) as err:
        JournalService.open(empty)
    assert "none can be made there" in str(err.value) and REASON in str(err.value)
    assert list(empty.iterdir()) == []


def test_an_old_schema_on_a_read_only_disk_says_to_copy_it(
    journal: Path, read_only_disk: str
) -> None:
    import sqlite3

    con = sqlite3.connect(journal / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num = '0002'")
    con.commit()
    con.close()
    with pytest.raises(JournalError) as err:
        JournalService.open(journal)
    assert "needs an upgrade" in str(err.value) and "Copy the journal folder" in str(err.value)


# --------------------------------------------------------------------------- the CLI


def test_cli_reads_exports_and_backs_up_a_read_only_journal(
    journal: Path, read_only_disk: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "other disk"
    out.mkdir()
    before = snapshot(journal)
    j = ["--journal", str(journal)]
    assert cli.main([*j, "check"]) == 0
    out_text = capsys.readouterr().out
    assert "Journal is sound" in out_text and f"read-only ({REASON})" in out_text
    assert cli.main([*j, "search", "refund"]) == 0
    assert "Refund for a double charge" in capsys.readouterr().out
    assert cli.main([*j, "export", str(out / "all.json")]) == 0
    assert cli.main([*j, "casefile", "c-1", "-o", str(out / "case.pdf")]) == 0
    assert cli.main([*j, "ics", str(out / "due.ics")]) == 0
    assert cli.main([*j, "backup", str(out / "copy.sqlite3")]) == 0
    capsys.readouterr()
    assert (out / "case.pdf").read_bytes().startswith(b"%PDF-")
    assert len(list((out / "all-files").iterdir())) == 2
    from headway_journal.journal.backup import check_backup

    assert check_backup(out / "copy.sqlite3") is None  # a sound journal this app can open
    assert cli.main([*j, "import", str(out / "all.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "read-only" in err and REASON in err
    assert snapshot(journal) == before


MOUNT_SCRIPT = """
set -e
mount --bind "$1" "$1"
mount -o remount,ro,bind "$1"
shift
exec "$@"
"""


def test_a_real_read_only_mount(journal: Path, tmp_path: Path) -> None:
    """In a private mount namespace the journal folder is bind-mounted read-only."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no private mount namespaces here")
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import sys\nfrom headway_journal import cli\n"
        "from headway_journal.journal.readonly import probe_read_only\n"
        "from pathlib import Path\n"
        "print('probe:', probe_read_only(Path(sys.argv[1])))\n"
        "j = ['--journal', sys.argv[1]]\n"
        "codes = [cli.main(j + ['check']), cli.main(j + ['search', 'refund']),\n"
        "         cli.main(j + ['export', sys.argv[2] + '/e.json']),\n"
        "         cli.main(j + ['casefile', 'c-1', '-o', sys.argv[2] + '/c.pdf']),\n"
        "         cli.main(j + ['backup', sys.argv[2] + '/b.sqlite3']),\n"
        "         cli.main(j + ['import', sys.argv[2] + '/e.json'])]\n"
        "print('codes:', codes)\n")
    before = snapshot(journal)
    r = subprocess.run(["unshare", "-m", "sh", "-c", MOUNT_SCRIPT, "sh", str(journal),
                        sys.executable, "-c", script, str(journal), str(out)],
                       capture_output=True, text=True, timeout=300)
    if "mount:" in r.stderr and r.returncode != 0:
        pytest.skip(f"cannot mount here: {r.stderr.strip()}")
    assert r.returncode == 0, r.stderr
    assert f"probe: {REASON}" in r.stdout
    assert "codes: [0, 0, 0, 0, 0, 2]" in r.stdout, r.stdout + r.stderr
    assert "Journal is sound" in r.stdout and "Traceback" not in r.stderr
    assert "read-only" in r.stderr
    assert (out / "c.pdf").is_file() and (out / "b.sqlite3").is_file()
    assert snapshot(journal) == before
