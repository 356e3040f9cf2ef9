"""The window refuses a journal folder that belongs to another user, saying how to fix it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from headway_journal.journal import folder_safety
from headway_journal.journal.service import JournalService


def test_another_users_journal_is_explained_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headway_journal.ui import app

    folder = tmp_path / "journal"
    JournalService.open(folder).close()
    shown: list[tuple[str, str]] = []

    def critical(_parent: Any, title: str, text: str, *_a: Any) -> Any:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(folder_safety, "current_uid", lambda: 4242)
    service, note = app.open_service(folder)
    assert service is None and note == ""
    [(title, text)] = shown
    assert title == "Journal could not be opened"
    assert "belongs to another user" in text and "chown" in text and "chmod 700" in text
    assert "Traceback" not in text


def test_the_window_settings_file_is_private(qapp: Any) -> None:
    import os
    import stat

    from headway_journal.ui import settings as st

    old = os.umask(0o022)
    try:
        st.set_value(st.KEY_LAST_BACKUP_FOLDER, "/media/usb")
    finally:
        os.umask(old)
    path = Path(st.app_settings().fileName())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
