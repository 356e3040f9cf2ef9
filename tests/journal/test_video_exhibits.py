"""Screen recordings: detected by their content, and they tick "Screenshots or a recording"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from headway_journal.journal.exhibits import AttachmentStore, sniff_media_type
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService

# The first bytes of real files, as recorders write them.
WEBM = (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
        b"\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02\x18\x53\x80\x67\x01\xff\xff\xff")
MKV = (b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
       b"\x42\x82\x88matroska\x42\x87\x81\x04\x42\x85\x81\x02\x18\x53\x80\x67")
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41\x00\x00\x00\x08free"
MOV = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  \x00\x00\x00\x08wide"
THREE_GP = b"\x00\x00\x00\x18ftyp3gp5\x00\x00\x00\x00isom3gp5\x00\x00\x00\x08free"
AVI = b"RIFF\x24\x10\x00\x00AVI LIST\x7e\x00\x00\x00hdrlavih"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (WEBM, "video/webm"),
        (MKV, "video/x-matroska"),
        (MP4, "video/mp4"),
        (MOV, "video/quicktime"),
        (THREE_GP, "video/3gpp"),
        (AVI, "video/x-msvideo"),
        # an EBML file of another kind, or cut before its DocType: not a video we know
        (WEBM.replace(b"webm", b"wxyz"), "application/octet-stream"),
        (WEBM[:20], "application/octet-stream"),
        (b"RIFF\x24\x10\x00\x00AVIX", "application/octet-stream"),
    ],
)
def test_video_is_detected_from_its_content(head: bytes, expected: str) -> None:
    assert sniff_media_type(head) == expected


def test_a_recording_named_like_an_image_is_still_a_video(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "attachments")
    blob = store.add_bytes(WEBM + bytes(4096), original_name="screenshot.png")
    assert blob.media_type == "video/webm"
    assert not blob.is_image and not blob.preview_ok


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


@pytest.mark.parametrize("data", [WEBM, MP4, MOV], ids=["webm", "mp4", "mov"])
def test_a_screen_recording_ticks_the_technical_checklist(svc: JournalService,
                                                          data: bytes) -> None:
    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(title="App freezes on login", organization_id=org.id,
                                    issue_type="technical", role="client"))

    def recording_on_file() -> bool:
        items = svc.checklist(svc.get_case(cid))
        (item,) = [i for i in items if i.label == "Screenshots or a recording"]
        return bool(item.on_file)

    assert not recording_on_file()
    svc.add_attachment(cid, data + bytes(2048), original_name="recording")
    assert recording_on_file()


def test_an_exported_recording_keeps_a_video_extension(svc: JournalService,
                                                       tmp_path: Path) -> None:
    from headway_journal.journal.interchange import export_journal

    org = svc.organization_by_key("headway")
    assert org is not None
    cid = svc.create_case(CaseInput(title="App freezes on login", organization_id=org.id,
                                    issue_type="technical", role="client"))
    svc.add_attachment(cid, WEBM + bytes(2048), original_name="recording")
    out = tmp_path / "out"
    out.mkdir()
    export_journal(svc, out / "journal.json")
    assert [p.suffix for p in out.rglob("*") if p.is_file() and p.name != "journal.json"] == [
        ".webm"]
