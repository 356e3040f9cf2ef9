"""Crash safety and hostile storage: a small crash test, a read-only journal, a full disk.

Running as root makes chmod meaningless, so read-only storage is simulated three ways: SQLite's
``query_only`` on every connection (always available), the immutable attribute (``chattr +i``,
which binds root too, on filesystems that support it), and a real full disk: a small tmpfs
mounted inside a private mount namespace (``unshare -m``), skipped where that is not allowed.
A file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored) gives the "disk I/O error" flavour of failure.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from headway_journal.journal.db import DB_NAME, quick_check
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService, StorageError

ROOT = Path(__file__).resolve().parents[2]
CRASH_TEST = ROOT / "bench" / "crash_test.py"
PLAIN = ("read-only", "disk is full", "disk i/o error", "could not be opened")


def _case(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Refund", organization_id=org.id,
                                     issue_type="billing", role="client"))


def _log(svc: JournalService, case_id: int, key: str, size: int = 100) -> int:
    return svc.log_contact(case_id, ContactInput(
        started_at=datetime.now(UTC) - timedelta(days=1), channel="phone", key=key,
        summary=f"{key} " * (size // 4), tickets=[f"T-{key}"],
        promises=[PromiseInput("Call back", business_days=2)]))


def _keys(db: Path) -> set[str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT key FROM contacts")}
    finally:
        con.close()


def _assert_plain(message: str) -> None:
    low = message.lower()
    assert any(p in low for p in PLAIN), message
    assert "not saved" in low or "could not be opened" in low, message
    assert "sqlalche" not in low and "operationalerror" not in low and "insert into" not in low


# --------------------------------------------------------------------------- crash test


@pytest.mark.slow
def test_small_crash_test(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(CRASH_TEST), "--runs", "5", "--seed", "7", "--no-doc", "--json",
         "--early-share", "0", "--quiet", "--folder", str(tmp_path / "journal")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures["runs"] == 5 and figures["kills"] == 5
    assert figures["failures"] == 0
    assert figures["contacts_present"] >= figures["contacts_reported"] > 0
    with JournalService.open(tmp_path / "journal") as svc:
        # an orphan exhibit file (a kill between storing a file and writing its row) is
        # harmless and allowed, as in the crash test itself; anything else is a failure
        assert svc.check(unused=False) == []


# --------------------------------------------------------------------------- read-only


def test_read_only_connection_refuses_writes_with_a_plain_message(journal_dir: Path) -> None:
    svc = JournalService.open(journal_dir)
    try:
        cid = _case(svc)
        _log(svc, cid, "before")

        def query_only(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA query_only = ON")

        event.listen(svc.journal.engine, "connect", query_only)
        try:
            with pytest.raises(StorageError) as err:
                _log(svc, cid, "refused")
            _assert_plain(str(err.value))
            assert "read-only" in str(err.value)
            with pytest.raises(StorageError):
                svc.add_note(cid, "a note that cannot be saved")
            # Reading still works.
            assert [c.key for c in svc.get_case(cid).contacts] == ["before"]
        finally:
            event.remove(svc.journal.engine, "connect", query_only)
        _log(svc, cid, "after")
        assert svc.check() == []
    finally:
        svc.close()
    assert _keys(journal_dir / DB_NAME) == {"before", "after"}


def test_immutable_database_file_refuses_writes_and_keeps_everything(
    journal_dir: Path, immutable: Any
) -> None:
    svc = JournalService.open(journal_dir)
    try:
        cid = _case(svc)
        _log(svc, cid, "before")
        before = (journal_dir / DB_NAME).read_bytes()
        immutable(journal_dir / DB_NAME)
        with pytest.raises(StorageError) as err:
            _log(svc, cid, "refused")
        _assert_plain(str(err.value))
        with pytest.raises(StorageError):
            svc.add_attachment(cid, b"screenshot", original_name="s.txt")
        assert (journal_dir / DB_NAME).read_bytes() == before
        subprocess.run(["chattr", "-i", str(journal_dir / DB_NAME)], check=True)
        _log(svc, cid, "after")
        assert svc.check() == []
    finally:
        svc.close()
    assert _keys(journal_dir / DB_NAME) == {"before", "after"}
    assert quick_check(journal_dir / DB_NAME) == []


def test_immutable_folder_refuses_writes_with_a_plain_message(
    journal_dir: Path, immutable: Any
) -> None:
    svc = JournalService.open(journal_dir)
    try:
        cid = _case(svc)
        _log(svc, cid, "before")
        immutable(journal_dir / DB_NAME)
        immutable(journal_dir)  # not even -wal/-shm can be created now
        with pytest.raises(StorageError) as err:
            _log(svc, cid, "refused")
        _assert_plain(str(err.value))
    finally:
        for p in (journal_dir, journal_dir / DB_NAME):
            subprocess.run(["chattr", "-i", str(p)], check=False)
        svc.close()
    assert _keys(journal_dir / DB_NAME) == {"before"}
    assert quick_check(journal_dir / DB_NAME) == []


# --------------------------------------------------------------------------- full disk


_RLIMIT_WRITER = textwrap.dedent("""
    import json, os, resource, signal, sys
    from datetime import UTC, datetime, timedelta
    from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
    from headway_journal.journal.service import JournalService, StorageError
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    svc = JournalService.open(sys.argv[1])
    org = svc.organization_by_key("headway")
    cid = svc.create_case(CaseInput(title="t", organization_id=org.id, issue_type="billing",
                                    role="client"))
    def log(key, size):
        svc.log_contact(cid, ContactInput(
            started_at=datetime.now(UTC) - timedelta(days=1), channel="phone", key=key,
            summary="x" * size, tickets=["T-" + key],
            promises=[PromiseInput("p", business_days=2)]))
    saved, errors = [], []
    for i in range(3):
        log(f"a{i}", 200); saved.append(f"a{i}")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, hard))
    for i in range(4):
        try:
            log(f"b{i}", 19000); saved.append(f"b{i}")
        except StorageError as exc:
            errors.append(str(exc))
    try:
        svc.add_attachment(cid, os.urandom(200_000), original_name="big.bin")
    except Exception as exc:
        errors.append(type(exc).__name__ + ": " + str(exc))
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    log("after", 200); saved.append("after")
    svc.close()
    print(json.dumps({"saved": saved, "errors": errors}))
""")


def test_file_size_limit_fails_cleanly_and_the_journal_stays_sound(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    proc = subprocess.run([sys.executable, "-c", _RLIMIT_WRITER, str(folder)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["errors"], "the file-size limit did not stop any write"
    for message in out["errors"][:-1]:
        _assert_plain(message)
    assert "could not be saved" in out["errors"][-1] or "not saved" in out["errors"][-1]
    assert quick_check(folder / DB_NAME) == []
    assert _keys(folder / DB_NAME) == set(out["saved"])
    with JournalService.open(folder) as svc:
        assert svc.check() == []


_TMPFS_WRITER = textwrap.dedent("""
    import json, os, subprocess, sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    mnt = Path(sys.argv[1])
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=700k,mode=0700", "tmpfs", str(mnt)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(json.dumps({"skip": r.stderr.strip() or "mount failed"})); sys.exit(0)
    from headway_journal.journal.db import quick_check
    from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
    from headway_journal.journal.service import JournalService, StorageError
    folder = mnt / "journal"
    svc = JournalService.open(folder)
    org = svc.organization_by_key("headway")
    cid = svc.create_case(CaseInput(title="t", organization_id=org.id, issue_type="billing",
                                    role="client"))
    filler = mnt / "filler"
    filler.write_bytes(bytes(150_000))
    def log(key):
        svc.log_contact(cid, ContactInput(
            started_at=datetime.now(UTC) - timedelta(days=1), channel="phone", key=key,
            summary=f"contact {key} " * 300, tickets=[f"T-{key}"],
            promises=[PromiseInput("p", business_days=2)]))
    saved, error = [], None
    for i in range(5000):
        try:
            log(f"k{i}"); saved.append(f"k{i}")
        except StorageError as exc:
            error = str(exc); break
    still_full = None
    try:
        svc.add_note(cid, "note " * 2000)
    except StorageError as exc:
        still_full = str(exc)
    filler.unlink()  # the user frees some space
    log("after"); saved.append("after")
    svc.close()
    problems = quick_check(folder / "journal.sqlite3")
    import sqlite3
    con = sqlite3.connect(folder / "journal.sqlite3")
    keys = sorted(r[0] for r in con.execute("SELECT key FROM contacts"))
    con.close()
    print(json.dumps({"saved": saved, "error": error, "still_full": still_full,
                      "problems": problems, "keys": keys}))
""")


def test_full_disk_fails_cleanly_and_keeps_everything_saved_before(tmp_path: Path) -> None:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare to mount a small tmpfs in a private namespace")
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    proc = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", _TMPFS_WRITER,
         str(mnt)], capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 and "unshare" in proc.stderr and not proc.stdout:
        pytest.skip(f"cannot make a private mount namespace here: {proc.stderr.strip()}")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    if "skip" in out:
        pytest.skip(f"cannot mount a tmpfs here: {out['skip']}")
    assert out["error"] is not None, "the disk never filled up"
    assert "disk is full" in out["error"].lower(), out["error"]
    _assert_plain(out["error"])
    assert out["still_full"] is not None and "disk is full" in out["still_full"].lower()
    assert out["problems"] == []
    assert set(out["saved"]) == set(out["keys"]) and len(out["saved"]) > 5
