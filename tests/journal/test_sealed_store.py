"""A locked journal's exhibit store: sealed files under keyed names, read through the store."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from headway_journal.casefile.service_bridge import build_for_case
from headway_journal.journal.crypto import access, lockbox, sealed, unlocked
from headway_journal.journal.exhibits.sealed_store import SealedAttachmentStore
from headway_journal.journal.interchange import export_journal
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService

FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)


def png(color: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), color).save(buf, "PNG")
    return buf.getvalue()


SHOT = png((12, 200, 34))


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    unlocked.forget_all()
    folder = tmp_path / "journal"
    folder.mkdir(mode=0o700)
    opened, _ = access.create_lock(folder, "correct horse battery", FAST)
    service = JournalService.open(folder, keys=opened.keys)
    yield service
    service.close()
    unlocked.forget_all()


def a_case(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Billing page", organization_id=org.id,
                                     issue_type="billing", role="client"))


def stored_files(svc: JournalService) -> list[Path]:
    return [p for p in svc.journal.attachments_dir.rglob("*") if p.is_file()]


def test_exhibits_are_sealed_under_keyed_names(svc: JournalService) -> None:
    assert isinstance(svc.store, SealedAttachmentStore)
    cid = a_case(svc)
    aid = svc.add_attachment(cid, SHOT, original_name="billing.png")
    sha = hashlib.sha256(SHOT).hexdigest()
    files = stored_files(svc)
    assert files and all(sha not in str(p) and sha[2:] not in p.name for p in files)
    assert all(SHOT[:64] not in p.read_bytes() for p in files)
    assert svc.attachment_bytes(aid) == SHOT
    assert svc.store.verify(sha, len(SHOT)) is None
    assert svc.check(unused=False) == []
    assert list(svc.store.iter_hashes()) == [sha]


def test_a_changed_byte_is_found(svc: JournalService) -> None:
    aid = svc.add_attachment(a_case(svc), SHOT, original_name="billing.png")
    sha = svc.attachment(aid).sha256
    path = svc.store.path_for(sha)
    data = bytearray(path.read_bytes())
    data[-5] ^= 1
    path.write_bytes(bytes(data))
    assert svc.store.verify(sha, len(SHOT)) is not None
    assert svc.check(unused=False) != []


def test_thumbnails_are_sealed_too(svc: JournalService) -> None:
    aid = svc.add_attachment(a_case(svc), SHOT, original_name="billing.png")
    sha = svc.attachment(aid).sha256
    assert svc.store.thumbnail(sha) is None  # no plaintext file to point at
    thumb = svc.store.thumbnail_bytes(sha, 64)
    assert thumb is not None
    with Image.open(io.BytesIO(thumb)) as img:
        assert max(img.size) == 64 and img.convert("RGB").getpixel((5, 5)) == (12, 200, 34)
    assert svc.store.thumbnail_bytes(sha, 64) == thumb  # from the sealed cache
    for path in stored_files(svc):
        assert thumb[:40] not in path.read_bytes() and b"IHDR" not in path.read_bytes()
    svc.store.delete(sha)  # purged: the object and its thumbnails go
    assert [p for p in stored_files(svc) if "tmp" not in p.parts] == []


def test_export_and_case_file_get_the_plaintext(svc: JournalService, tmp_path: Path) -> None:
    cid = a_case(svc)
    svc.add_attachment(cid, SHOT, original_name="billing.png")
    summary = export_journal(svc, tmp_path / "out" / "journal.json") if (
        tmp_path / "out").mkdir() is None else None
    assert summary is not None and summary.files_dir is not None
    assert [p.read_bytes() for p in summary.files_dir.iterdir()] == [SHOT]
    pdf = tmp_path / "case.pdf"
    build_for_case(svc, cid, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"/Subtype /Image" in pdf.read_bytes() or b"/Image" in pdf.read_bytes()


def _plaintext_on_disk(folder: Path, marker: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and marker in p.read_bytes()]


@pytest.mark.parametrize("how", ["bytes", "file", "text file"])
def test_an_exhibit_is_never_plaintext_on_disk_while_it_is_received(
        svc: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """At the moment of sealing (the received copy complete in the store's tmp folder) and after
    a failure that leaves the received copy behind, nothing in the journal's folder holds the
    exhibit's plaintext."""
    marker = b"ACCOUNT 4111-1111-1111-1111 private note " * 40
    data = marker if how == "text file" else SHOT + marker  # PNG with trailing bytes
    seen: list[list[Path]] = []
    real_seal = sealed.seal_file

    def seal_and_look(key: bytes, src: Any, dest: Path) -> str:
        seen.append(_plaintext_on_disk(svc.journal.folder, marker[:32]))
        return real_seal(key, src, dest)

    monkeypatch.setattr(sealed, "seal_file", seal_and_look)
    cid = a_case(svc)
    if how == "bytes":
        aid = svc.add_attachment(cid, data, original_name="shot.png")
    else:
        src = tmp_path / ("shot.png" if how == "file" else "notes.txt")
        src.write_bytes(data)
        aid = svc.add_attachment(cid, src)
    assert seen and seen[0] == []  # sealing read the encrypted spool
    assert svc.attachment_bytes(aid) == data
    assert _plaintext_on_disk(svc.journal.folder, marker[:32]) == []

    def crash(key: bytes, src: Any, dest: Path) -> str:
        raise KeyboardInterrupt  # the process dies mid-attach: no clean-up runs

    monkeypatch.setattr(sealed, "seal_file", crash)
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: None)
    with pytest.raises(KeyboardInterrupt):
        svc.add_attachment(cid, data + b"another", original_name="second.png")
    monkeypatch.undo()
    leftovers = [p for p in (svc.store.root / "tmp").rglob("*") if p.is_file()]
    assert leftovers, "the interrupted attach left its received copy (encrypted)"
    assert _plaintext_on_disk(svc.journal.folder, marker[:32]) == []
