"""The recovery sheet a locked journal offers to print: the key, readable, and what it means."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from headway_journal.casefile.recovery_sheet import RecoverySheet, write_recovery_sheet
from headway_journal.journal.crypto import lockbox

FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)


def test_the_sheet_carries_the_key_that_opens_the_journal(tmp_path: Path) -> None:
    box, master, key = lockbox.create_lockbox("a long passphrase", FAST)
    out = tmp_path / "recovery.pdf"
    write_recovery_sheet(RecoverySheet(key, "/home/ana/Journal <caf\u00e9>", "Ana P\u00e9rez",
                                       datetime(2026, 12, 1, 14, 3)), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    printed = "".join(ch for ch in text if ch.isalnum() or ch == "-")
    groups = key.split("-")
    assert "-".join(groups[:4]) in printed and "-".join(groups[4:]) in printed
    assert "Ana P\u00e9rez" in text and "<caf\u00e9>" in text
    assert "forget its passphrase" in text and "Nothing else can" in text
    # what is printed is what opens it
    assert lockbox.unlock_with_recovery_key(box, "-".join(groups)) == master
