"""No orphan exhibit files: a full disk during import or attach leaves nothing in the store that
no exhibit uses; ``check`` (service and CLI) reports orphan and missing files; orphans are
removed only when asked."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from headway_journal import cli
from headway_journal.journal import interchange as ix
from headway_journal.journal.exhibits import AttachmentError
from headway_journal.journal.exhibits import store as att_mod
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService, ServiceError, StorageError

FULL = b"FILL-THE-DISK"


def files_in(folder: Path, sub: str) -> list[str]:
    root = folder / "attachments" / sub
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def store_state(folder: Path) -> dict[str, list[str]]:
    return {sub: files_in(folder, sub) for sub in ("objects", "tmp", "print", "thumbs")}


def new_case(svc: JournalService, key: str = "c-1") -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title=f"Case {key}", organization_id=org.id,
                                      issue_type="billing", role="client", key=key))


def png(seed: int) -> bytes:
    from io import BytesIO

    from PIL import Image

    buf = BytesIO()
    Image.new("RGB", (8 + seed, 8), (seed * 40 % 256, 10, 10)).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


@pytest.fixture
def disk_full_on(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Call it, and writing any exhibit whose bytes contain FULL fails with ENOSPC, part-way
    through."""
    real = att_mod.Incoming.write

    class FullDisk:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def write(self, _chunk: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

    def write(self: Any, chunk: bytes) -> None:
        if FULL in chunk:
            self._file = FullDisk(self._file)
        real(self, chunk)

    return lambda: monkeypatch.setattr(att_mod.Incoming, "write", write)


def sqlite_full_on(svc: JournalService, table: str) -> Any:
    """The database is full when a row goes into ``table`` (as SQLite says it)."""

    def before(_conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}"):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(svc.journal.engine, "before_cursor_execute", before)
    return lambda: event.remove(svc.journal.engine, "before_cursor_execute", before)


def exported(tmp_path: Path, blobs: list[bytes], name: str = "source") -> Path:
    """An export (JSON plus its exhibit copies) of a journal with one case holding ``blobs``."""
    with JournalService.open(tmp_path / name) as src:
        cid = new_case(src, f"{name}-case")
        src.log_contact(cid, ContactInput(started_at=datetime.now(UTC) - timedelta(days=1),
                                          channel="phone", summary="Called", key=f"{name}-k"))
        for i, data in enumerate(blobs):
            src.add_attachment(cid, data, original_name=f"exhibit-{i}.bin")
        out = tmp_path / f"{name}-export"
        out.mkdir()
        ix.export_journal(src, out / "journal.json")
    return out / "journal.json"


# --------------------------------------------------------------------------- import


def test_full_disk_while_import_copies_files_leaves_no_orphan(
    svc: JournalService, tmp_path: Path, disk_full_on: Any
) -> None:
    blobs = [png(1), b"letter one " * 500, png(2), b"x" * 4000 + FULL, b"receipt " * 300]
    doc = exported(tmp_path, blobs)
    disk_full_on()
    before = store_state(svc.folder)
    with pytest.raises(ix.ImportError_) as err:
        ix.import_journal(svc, doc)
    assert "No space left on device" in str(err.value)
    assert store_state(svc.folder) == before  # no object, print copy or temp file left
    assert svc.stats()["cases"] == 0
    assert svc.check() == []
    assert svc.exhibit_files().unused == ()


def test_full_database_while_import_writes_rows_leaves_no_orphan(
    svc: JournalService, tmp_path: Path
) -> None:
    doc = exported(tmp_path, [png(3), b"statement " * 400, png(4)])
    before = store_state(svc.folder)
    undo = sqlite_full_on(svc, "attachments")
    try:
        with pytest.raises(StorageError) as err:
            ix.import_journal(svc, doc)
    finally:
        undo()
    assert "disk is full" in str(err.value)
    assert store_state(svc.folder)["objects"] == before["objects"]
    # the print copies the import made for its images went with them
    assert store_state(svc.folder)["print"] == before["print"]
    assert svc.exhibit_files().unused == ()
    # with space again the same import succeeds and every exhibit is there
    summary = ix.import_journal(svc, doc)
    assert "3 attachments" in summary.describe()
    assert svc.check() == []
    assert len(store_state(svc.folder)["print"]) == len(before["print"]) + 2  # the 2 images


def test_failed_import_keeps_files_that_exhibits_already_use(
    svc: JournalService, tmp_path: Path, disk_full_on: Any
) -> None:
    shared = png(5)
    cid = new_case(svc, "mine")
    aid = svc.add_attachment(cid, shared, original_name="mine.png")
    doc = exported(tmp_path, [shared, b"new letter " * 100, b"y" * 100 + FULL])
    disk_full_on()
    with pytest.raises(ix.ImportError_):
        ix.import_journal(svc, doc)
    assert svc.store.verify(svc.attachment(aid).sha256) is None  # still there, still sound
    assert len(files_in(svc.folder, "objects")) == 1
    assert svc.check() == []


# --------------------------------------------------------------------------- attach


def test_full_disk_while_attaching_a_file_leaves_nothing(
    svc: JournalService, tmp_path: Path, disk_full_on: Any
) -> None:
    disk_full_on()
    cid = new_case(svc)
    src = tmp_path / "big.bin"
    src.write_bytes(b"a" * 3_000_000 + FULL)
    before = store_state(svc.folder)
    for source in (src, src.read_bytes()):
        with pytest.raises(AttachmentError) as err:
            svc.add_attachment(cid, source, original_name="big.bin")
        assert "No space left on device" in str(err.value)
        assert store_state(svc.folder) == before
    assert svc.get_case(cid).attachments == ()


@pytest.mark.parametrize("source", ["bytes", "file", "image"])
def test_full_database_while_attaching_removes_the_stored_file(
    svc: JournalService, tmp_path: Path, source: str
) -> None:
    cid = new_case(svc)
    data = png(6) if source == "image" else b"a receipt\n" * 50
    path = tmp_path / "receipt.txt"
    path.write_bytes(data)
    undo = sqlite_full_on(svc, "attachments")
    try:
        with pytest.raises(StorageError) as err:
            svc.add_attachment(cid, path if source == "file" else data, original_name="r")
    finally:
        undo()
    assert "disk is full" in str(err.value)
    assert store_state(svc.folder) == {"objects": [], "tmp": [], "print": [], "thumbs": []}
    assert svc.check() == []


def test_failed_attach_of_a_file_another_exhibit_uses_keeps_it(svc: JournalService) -> None:
    first, second = new_case(svc, "a"), new_case(svc, "b")
    data = png(7)
    aid = svc.add_attachment(first, data, original_name="shared.png")
    undo = sqlite_full_on(svc, "attachments")
    try:
        with pytest.raises(StorageError):
            svc.add_attachment(second, data, original_name="shared.png")
    finally:
        undo()
    assert svc.store.verify(svc.attachment(aid).sha256) is None
    assert svc.check() == []


def test_attaching_to_a_case_that_is_gone_leaves_no_file(svc: JournalService) -> None:
    cid = new_case(svc)
    blob = svc.store.add_bytes(b"stored by a background copy", original_name="n.txt")
    assert blob.created
    with pytest.raises(ServiceError):
        svc.attach_stored_blob(cid + 100, blob)
    assert files_in(svc.folder, "objects") == []


# --------------------------------------------------------------------------- check


def test_check_reports_orphan_and_missing_files(svc: JournalService) -> None:
    cid = new_case(svc)
    kept = svc.add_attachment(cid, png(8), original_name="kept.png")
    gone = svc.add_attachment(cid, b"a letter", original_name="letter.txt")
    orphan = svc.store.add_bytes(b"left by a crash " * 10, original_name="x")
    svc.store.path_for(svc.attachment(gone).sha256).unlink()
    report = svc.exhibit_files()
    assert [u.sha256 for u in report.unused] == [orphan.sha256]
    assert report.unused[0].size == orphan.size
    assert [(m.attachment_id, m.original_name) for m in report.missing] == [(gone, "letter.txt")]
    problems = svc.check()
    assert any("orphan exhibit file" in p and orphan.sha256[:2] in p for p in problems)
    assert any(f"attachment {gone} (letter.txt)" in p and "missing" in p for p in problems)
    assert not any(f"attachment {kept} " in p for p in problems)
    assert not any("orphan" in p for p in svc.check(unused=False))


def test_remove_unused_removes_orphans_and_their_copies_only(svc: JournalService) -> None:
    cid = new_case(svc)
    used = svc.add_attachment(cid, png(9), original_name="used.png")
    orphan = svc.store.add_bytes(png(10), original_name="o.png")
    svc.store.make_print_copy(orphan)
    svc.store.thumbnail(orphan.sha256)
    assert len(files_in(svc.folder, "print")) == 2
    result = svc.remove_unused_exhibit_files([orphan.sha256, svc.attachment(used).sha256])
    assert (result.count, result.size, result.kept) == (1, orphan.size, 1)
    assert files_in(svc.folder, "objects") == [svc.attachment(used).sha256[:2] + "/"
                                               + svc.attachment(used).sha256[2:]]
    assert len(files_in(svc.folder, "print")) == 1 and files_in(svc.folder, "thumbs") == []
    assert svc.check() == []


def run_cli(folder: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["--journal", str(folder), *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out


def test_cli_check_lists_orphans_and_removes_them_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        cid = new_case(svc)
        svc.add_attachment(cid, png(11), original_name="kept.png")
        orphans = [svc.store.add_bytes(f"orphan {i}".encode(), original_name="o").sha256
                   for i in range(2)]
    code, out = run_cli(folder, "check", capsys=capsys)
    assert code == 0
    assert "Journal is sound" in out
    assert "2 orphan exhibit files" in out
    for sha in orphans:
        assert f"{sha[:2]}/{sha[2:14]}" in out
    assert "check --remove-unused" in out and "Remove unused exhibit files" in out
    assert len(files_in(folder, "objects")) == 3  # listing removes nothing
    code, out = run_cli(folder, "check", "--remove-unused", capsys=capsys)
    assert code == 0 and "Removed 2 orphan exhibit files." in out
    assert len(files_in(folder, "objects")) == 1
    code, out = run_cli(folder, "check", capsys=capsys)
    assert code == 0 and "orphan" not in out


def test_cli_check_reports_a_missing_file_as_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        cid = new_case(svc)
        aid = svc.add_attachment(cid, b"the letter", original_name="letter.txt")
        svc.store.path_for(svc.attachment(aid).sha256).unlink()
    code, out = run_cli(folder, "check", capsys=capsys)
    assert code == 1
    assert "Journal is damaged" in out and "letter.txt" in out and "missing" in out
