"""File > Export deadlines (.ics): the journal's pending promises as a calendar file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from headway_journal.journal.service import JournalService


def choose(monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> list[str]:
    offered: list[str] = []

    def fake(_parent: Any, _title: str, default: str, _filter: str, *a: Any) -> tuple[str, str]:
        offered.append(default)
        return (str(answer) if answer is not None else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return offered


def test_export_writes_the_calendar_and_says_so(window: Any, service: JournalService,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Export &deadlines (.ics)…" in menu_texts
    offered = choose(monkeypatch, tmp_path / "my deadlines")  # no extension typed
    window.act_export_ics.trigger()
    dest = tmp_path / "my deadlines.ics"
    text = dest.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "decision on the refund" in text
    assert "Wrote" in window.statusBar().currentMessage()
    assert str(dest) in window.statusBar().currentMessage()
    assert offered[0].endswith("headway-deadlines.ics")
    # the next export starts in the folder used last
    offered = choose(monkeypatch, None)
    window.act_export_ics.trigger()
    assert offered == [str(tmp_path / "headway-deadlines.ics")]


def test_export_to_a_folder_that_is_gone_is_a_message(window: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: warnings.append(text)))
    choose(monkeypatch, tmp_path / "missing" / "deadlines.ics")
    assert window.export_deadlines() is None
    [text] = warnings
    assert "could not be written" in text and "Nothing in the journal changed" in text
    assert not (tmp_path / "missing").exists()


def test_the_offered_name_is_free_on_any_file_system(window: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    choose(monkeypatch, tmp_path / "first.ics")
    window.act_export_ics.trigger()  # remembers the folder
    (tmp_path / "Headway-Deadlines.ICS").write_text("someone else's calendar")
    offered = choose(monkeypatch, None)
    window.act_export_ics.trigger()
    assert offered == [str(tmp_path / "headway-deadlines (2).ics")]
    assert (tmp_path / "Headway-Deadlines.ICS").read_text() == "someone else's calendar"
