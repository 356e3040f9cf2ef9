"""The journal works with no network at all: it is a private, local record.

In-process, socket creation is blocked while every storage operation runs; then the command line
runs in a fresh interpreter with sockets blocked the same way. The ``no_network`` fixture lives
in tests/conftest.py (the GUI session test uses it too).
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from headway_journal.journal import backup as bk
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

BLOCK = textwrap.dedent("""
    import socket
    class _NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise OSError("network access attempted")
    def _refuse(*args, **kwargs):
        raise OSError("network access attempted")
    socket.socket = _NoSocket
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
""")


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def test_every_storage_operation_works_offline(journal_dir: Path, no_network: list[str]) -> None:
    svc = JournalService.open(journal_dir)
    try:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="Refund", organization_id=org.id,
                                        issue_type="billing", role="client",
                                        summary="Charged twice for one session"))
        ct = svc.log_contact(cid, ContactInput(
            started_at=datetime.now(UTC) - timedelta(days=2), channel="phone",
            tickets=["TCK-1"], summary="Asked for a refund",
            promises=[PromiseInput("Refund to the card", business_days=5)]))
        svc.add_attachment(cid, _png(), original_name="screenshot.png", contact_id=ct)
        svc.add_attachment(cid, b"%PDF-1.4\n% receipt\n", original_name="receipt.pdf")
        view = svc.get_case(cid)
        assert view.promises[0].due.due_on is not None  # holidays loaded offline
        assert svc.search("refund")
        assert svc.due_items(include_future=True)
        assert svc.check() == []
        mgr = bk.BackupManager(svc.journal)
        made = mgr.make("manual")
        assert mgr.list()[0].path == made
        assert mgr.newest_sound() == made
        mgr.prune()
        if importlib.util.find_spec("headway_journal.journal.interchange") is not None:
            from headway_journal.journal import interchange

            interchange.export_journal(svc, journal_dir.parent / "export.json")
    finally:
        svc.close()
    bk.restore_database(journal_dir, made)
    assert no_network == []


def _run_offline(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    code = BLOCK + textwrap.dedent(f"""
        import runpy, sys
        sys.argv = ["headway-journal", *{list(args)!r}]
        runpy.run_module("headway_journal", run_name="__main__", alter_sys=True)
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.skipif(importlib.util.find_spec("headway_journal.__main__") is None,
                    reason="no python -m headway_journal yet")
def test_version_offline() -> None:
    proc = _run_offline("--version")
    assert proc.returncode == 0, proc.stderr
    assert "0." in proc.stdout + proc.stderr
    assert "network access attempted" not in proc.stderr


@pytest.mark.skipif(importlib.util.find_spec("headway_journal.cli") is None,
                    reason="no command line yet")
def test_cli_commands_offline(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        svc.create_case(CaseInput(title="Offline case", organization_id=org.id,
                                  issue_type="technical", role="client", summary="offline"))
    for args in (["--journal", str(folder), "check"],
                 ["--journal", str(folder), "search", "offline"]):
        proc = _run_offline(*args)
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
        assert "network access attempted" not in proc.stderr
