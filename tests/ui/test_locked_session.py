"""The issue's test: after a session with a locked journal that imported, viewed, printed and
backed up, no known plaintext is in any file under the journal folder, the temp folder or the
settings."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox

from headway_journal.casefile.service_bridge import build_for_case
from headway_journal.journal import view_copies
from headway_journal.journal.crypto import access, lockbox, unlocked
from headway_journal.journal.interchange import export_journal, import_journal
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import settings as st
from headway_journal.ui.app import _remove_view_copies
from headway_journal.ui.exhibits.files import viewer_copy
from headway_journal.ui.exhibits.viewer import open_viewer

FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)
REP = "Quillon Vasquez-Threlkeld"
TICKET = "TKT-88172635"
TITLE = "Zephyrine overbilling dispute"


@pytest.fixture(autouse=True)
def _fresh_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    unlocked.forget_all()
    monkeypatch.setattr(access, "WANTED_KDF", FAST)
    yield
    unlocked.forget_all()


def noisy_png() -> bytes:
    img = Image.frombytes("RGB", (96, 64), os.urandom(96 * 64 * 3))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def exported_source(tmp_path: Path, shot: bytes) -> Path:
    """A JSON export of a plain journal holding the known plaintext (what gets imported)."""
    with JournalService.open(tmp_path / "plain") as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title=TITLE, organization_id=org.id,
                                        issue_type="billing", role="client",
                                        opened_on=date(2026, 11, 2)))
        ct = svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 3, 10, 0, tzinfo=timezone(timedelta(hours=-8))),
            channel="chat", rep_name=REP, tickets=[TICKET], summary="Asked for the refund."))
        svc.add_attachment(cid, shot, original_name="billing.png", contact_id=ct)
        out = tmp_path / "export" / "journal.json"
        out.parent.mkdir()
        export_journal(svc, out)
    return out


def files_under(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        yield from (p for p in folder.rglob("*") if p.is_file())


def test_no_plaintext_after_a_session(qtbot: Any, tmp_path: Path, private_temp_dir: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shot = noisy_png()
    source = exported_source(tmp_path, shot)
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o700)
    opened, _ = access.create_lock(folder, "correct horse battery", FAST)
    service = JournalService.open(folder, keys=opened.keys)
    import_journal(service, source)  # imported
    from headway_journal.ui.main_window import MainWindow

    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._ready)
    [case] = service.case_summaries([1])
    att = service.get_case(case.id).attachments[0]
    thumb = service.store.thumbnail_bytes(att.sha256, 256)  # viewed: thumbnails, viewer
    assert thumb is not None
    viewer = open_viewer(service, att.id, window)
    qtbot.waitUntil(lambda: viewer.has_image)
    viewer.close()
    copy = viewer_copy(service, att.id)  # the system viewer's copy (in the temp folder)
    assert copy.read_bytes() == shot
    out = tmp_path / "chosen" / "case.pdf"  # printed: written where the user chose
    out.parent.mkdir()
    build_for_case(service, case.id, out)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    assert window.session.backup_now() is not None  # backed up
    window.close()
    service.close()
    _remove_view_copies()  # what quitting does
    view_copies.remove_mine()
    st.app_settings().sync()

    known = [REP.encode(), TICKET.encode(), TITLE.encode(), REP.encode("utf-16-le"),
             shot[40:104], shot[-80:-16], thumb[40:104], thumb[-80:-16]]
    settings_file = Path(st.app_settings().fileName())
    places = [folder, private_temp_dir] + ([settings_file.parent] if settings_file.exists()
                                          else [])
    assert any(TICKET.encode() in p.read_bytes() for p in files_under(source.parent))  # (can fail)
    checked = 0
    for path in files_under(*places):
        data = path.read_bytes()
        checked += 1
        for k in known:
            assert k not in data, f"{path} holds known plaintext"
        assert b"\x89PNG" not in data, f"{path} holds a PNG"
    assert checked > 5
    assert any(p.name.endswith(".sqlite3") for p in files_under(folder / "backups"))
