"""A contact typed into the dialog survives a kill: it is on disk within half a second of the
last keystroke, and the next start of the app offers it back (Resume / Discard)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

import headway_journal
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import CaseDialog, ContactDialog
from headway_journal.ui.draft_offer import parse_draft_name
from headway_journal.ui.drafts import IDLE_MS, DraftStore, describe_saved_at

if TYPE_CHECKING:
    from conftest import Sample

LEFT = Qt.MouseButton.LeftButton


def draft_file(service: JournalService, name: str) -> Path:
    return service.folder / "drafts" / f"{name}.json"


def on_disk(path: Path, key: str) -> str:
    try:
        return str(json.loads(path.read_text("utf-8"))["data"].get(key, ""))
    except (OSError, ValueError):
        return ""


def type_then_die(qtbot: Any, service: JournalService, case_id: int,
                  words: dict[str, str]) -> Path:
    """Type into a contact dialog, let the idle save run, then drop the dialog the way a kill
    would: no reject, no done, no close handler; only what is on disk survives."""
    dlg = ContactDialog(service, case_id)  # not registered: nobody closes it
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    assert dlg.keeper.idle.interval() == IDLE_MS < 1000
    dlg.keeper.timer.stop()  # only the save-after-idle path may write
    path = draft_file(service, f"contact-{case_id}")
    for name, text in words.items():
        qtbot.keyClicks(getattr(dlg, name), text)
    last_key, last_text = list(words.items())[-1]
    key = {"rep_name": "rep_name", "summary_edit": "summary"}[last_key]
    qtbot.waitUntil(lambda: on_disk(path, key).endswith(last_text), timeout=3000)
    assert dlg.draft_label.text().startswith("Draft saved ")
    # the kill
    dlg.keeper.idle.stop()
    dlg.tick.stop()
    dlg.hide()
    del dlg  # gone without any close handler (the C++ dialog is deleted with it)
    return path


def offer_buttons(window: Any, word: str) -> list[QPushButton]:
    return [b for b in window.draft_bar.findChildren(QPushButton)
            if b.accessibleName().startswith(f"{word} draft: ") and b.isVisibleTo(window)]


def test_every_keystroke_is_saved_after_a_short_pause(qtbot: Any, service: JournalService,
                                                      sample: Sample) -> None:
    path = type_then_die(qtbot, service, sample.billing,
                         {"rep_name": "Priya", "summary_edit": "She said the refund was sent"})
    data = json.loads(path.read_text("utf-8"))["data"]
    assert data["rep_name"] == "Priya"
    assert data["summary"] == "She said the refund was sent"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_next_start_offers_the_draft_and_resume_restores_it(
        qtbot: Any, service: JournalService, sample: Sample, make_window: Any) -> None:
    path = type_then_die(qtbot, service, sample.billing,
                         {"rep_name": "Priya Raman", "summary_edit": "Refund sent on the 3rd"})
    saved_at = DraftStore.for_journal(service.folder).load(f"contact-{sample.billing}")
    assert saved_at is not None

    window = make_window(service)  # the next start
    bar = window.draft_bar
    qtbot.waitUntil(bar.isVisible)
    title = service.get_case(sample.billing).title
    assert bar.texts() == [f"You have an unsaved contact for case “{title}” from "
                           f"{describe_saved_at(saved_at.saved_at)}."]
    [resume] = offer_buttons(window, "Resume")
    assert resume.text() == "Resume"
    window.set_view("resolved")  # the case is not in the list shown: Resume finds it anyway

    seen: dict[str, Any] = {}

    def check_and_save() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ContactDialog) and w.isVisible())
        seen.update(name=dlg.rep_name.text(), summary=dlg.summary_edit.toPlainText(),
                    label=dlg.draft_label.text())
        dlg.save()

    QTimer.singleShot(50, check_and_save)
    qtbot.mouseClick(resume, LEFT)  # no "Restore the draft?" question: resumed
    assert seen == {"name": "Priya Raman", "summary": "Refund sent on the 3rd",
                    "label": "Draft restored; closing keeps it as a draft."}
    assert window.case_pane.case_id == sample.billing
    assert any(c.rep_name == "Priya Raman" and c.summary == "Refund sent on the 3rd"
               for c in service.get_case(sample.billing).contacts)
    assert not path.exists()
    assert not bar.isVisible() and bar.texts() == []


def test_discard_sets_the_draft_aside(qtbot: Any, service: JournalService, sample: Sample,
                                      make_window: Any) -> None:
    path = type_then_die(qtbot, service, sample.privacy, {"rep_name": "Sam"})
    window = make_window(service)
    qtbot.waitUntil(window.draft_bar.isVisible)
    [discard] = offer_buttons(window, "Discard")
    qtbot.mouseClick(discard, LEFT)
    assert not window.draft_bar.isVisible()
    assert not path.exists()
    aside = path.with_name(f"contact-{sample.privacy}.declined.json")
    assert json.loads(aside.read_text("utf-8"))["data"]["rep_name"] == "Sam"
    assert window.statusBar().currentMessage().startswith("Draft set aside")


def test_a_new_case_draft_is_offered_too(qtbot: Any, service: JournalService, sample: Sample,
                                         make_window: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = CaseDialog(service)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.keeper.timer.stop()
    qtbot.keyClicks(dlg.title_edit, "Lost reimbursement")
    path = draft_file(service, "case-new")
    qtbot.waitUntil(lambda: on_disk(path, "title") == "Lost reimbursement", timeout=3000)
    dlg.keeper.idle.stop()
    dlg.hide()
    window = make_window(service)
    qtbot.waitUntil(window.draft_bar.isVisible)
    [text] = window.draft_bar.texts()
    assert text.startswith("You have an unsaved new case from today at ")

    seen: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, title, *_a: asked.append(title) or QMessageBox.StandardButton.Yes))

    def check_and_close() -> None:
        case_dlg = next(w for w in QApplication.topLevelWidgets()
                        if isinstance(w, CaseDialog) and w.isVisible() and w is not dlg)
        seen.append(case_dlg.title_edit.text())
        case_dlg.reject()  # closing keeps the draft, and the bar keeps offering it

    QTimer.singleShot(50, check_and_close)
    [resume] = offer_buttons(window, "Resume")
    qtbot.mouseClick(resume, LEFT)
    assert seen == ["Lost reimbursement"]
    assert asked == ["Close without saving?"]  # the dialog's own question, not a draft offer
    assert path.exists() and window.draft_bar.isVisible()


def test_no_drafts_no_bar(qtbot: Any, window: Any) -> None:
    assert not window.draft_bar.isVisible()
    assert window.draft_bar.texts() == []


@pytest.mark.parametrize("name,expected", [
    ("contact-3", ("contact", 3, None)),
    ("contact-3-edit-9", ("contact-edit", 3, 9)),
    ("case-new", ("case-new", None, None)),
    ("case-12", ("case-edit", 12, None)),
])
def test_draft_names(name: str, expected: tuple[str, int | None, int | None]) -> None:
    ref = parse_draft_name(name)
    assert ref is not None and (ref.kind, ref.case_id, ref.contact_id) == expected


@pytest.mark.parametrize("name", ["contact-x", "case-", "notes", "contact-3.declined"])
def test_other_files_are_not_drafts(name: str) -> None:
    assert parse_draft_name(name) is None


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from headway_journal.journal.service import JournalService
    from headway_journal.ui.dialogs import ContactDialog
    service = JournalService.open(Path(sys.argv[1]))
    dialog = ContactDialog(service, int(sys.argv[2]))
    dialog.show()
    dialog.keeper.timer.stop()  # only the save-after-idle path may write
    QTest.keyClicks(dialog.rep_name, "Jordan Lee")
    QTest.keyClicks(dialog.summary_edit, "Typed a moment before the kill")
    app.exec()
""")


def test_a_killed_app_offers_the_contact_at_the_next_start(
        qtbot: Any, tmp_path: Path, make_window: Any) -> None:
    folder = tmp_path / "killed"
    service = JournalService.open(folder)
    org = service.organization_by_key("headway")
    assert org is not None
    case_id = service.create_case(CaseInput(title="Refund never came", organization_id=org.id,
                                            issue_type="billing", role="client"))
    service.close()  # the other process takes the journal's lock
    root = Path(headway_journal.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(case_id)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    path = folder / "drafts" / f"contact-{case_id}.json"
    try:
        qtbot.waitUntil(lambda: on_disk(path, "summary") == "Typed a moment before the kill"
                        or child.poll() is not None, timeout=60_000)
        assert child.poll() is None, child.communicate()[1].decode(errors="replace")
    finally:
        child.kill()  # SIGKILL: no close handler, no atexit, nothing but what is on disk
        child.communicate()
    assert child.returncode == -signal.SIGKILL  # it was killed, it did not exit

    service = JournalService.open(folder)
    try:
        window = make_window(service)
        qtbot.waitUntil(window.draft_bar.isVisible)
        [text] = window.draft_bar.texts()
        assert text.startswith("You have an unsaved contact for case “Refund never came” from ")
        seen: list[tuple[str, str]] = []

        def look_and_close() -> None:
            dlg = next(w for w in QApplication.topLevelWidgets()
                       if isinstance(w, ContactDialog) and w.isVisible())
            seen.append((dlg.rep_name.text(), dlg.summary_edit.toPlainText()))
            dlg.reject()  # closing keeps the draft

        QTimer.singleShot(50, look_and_close)
        [resume] = offer_buttons(window, "Resume")
        qtbot.mouseClick(resume, LEFT)
        assert seen == [("Jordan Lee", "Typed a moment before the kill")]
        window.close()
    finally:
        service.close()
