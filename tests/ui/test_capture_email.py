"""E-mails in the window: dropped on a case or added with File > Add e-mail..., read off the GUI
thread, one contact each; a single message opens its contact in the dialog, several give a
summary; undated messages are asked about; the user's other addresses are in Your details."""

from __future__ import annotations

import hashlib
import importlib.util
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from headway_journal.ui.capture.email_capture import UndatedDialog, email_capture_for

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

WAIT = 20_000
PST = timezone(timedelta(hours=-8))


def _load_messages() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "journal" / "capture" / "messages.py"
    spec = importlib.util.spec_from_file_location("capture_messages_ui", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mk = _load_messages()


def send_drop(widget: Any, *paths: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(QPointF(40, 40), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(40, 40), actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    QApplication.sendEvent(widget, drop)
    return drop


@pytest.fixture
def boxes(record_boxes: Any) -> dict[str, list[str]]:
    return record_boxes("information", "warning")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> list[int]:
    """The contacts the window opened in the contact dialog (instead of showing it)."""
    calls: list[int] = []
    monkeypatch.setattr(window, "edit_contact", lambda contact_id, **_kw: calls.append(contact_id))
    return calls


def finished_round(qtbot: Any, window: MainWindow, start: Any) -> Any:
    capture = email_capture_for(window)
    with qtbot.waitSignal(capture.finished, timeout=WAIT) as blocker:
        start()
    return blocker.args[0]


def test_dropping_one_email_on_a_case_logs_it_and_opens_its_contact(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        opened: list[int]) -> None:
    window.select_case(sample.billing)
    before = {c.id for c in window.service.get_case(sample.billing).contacts}
    path = tmp_path / "Re refund.eml"
    path.write_bytes(bytes(mk.with_attachments()))
    report = finished_round(qtbot, window, lambda: send_drop(window, path))
    assert len(report.added) == 1 and report.problems == []
    case = window.service.get_case(sample.billing)
    (new,) = [c for c in case.contacts if c.id not in before]
    assert opened == [new.id]  # the pre-filled contact dialog, to add tickets and promises
    assert (new.channel, new.source, new.direction) == ("email", "email", "inbound")
    assert new.rep_name == "Priya Raman"
    assert new.attachments[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "e-mail" in window.statusBar().currentMessage()
    # the timeline shows it
    labels = [w.text() for w in window.case_pane.timeline_page.findChildren(QLabel)]
    assert any("Re: Double charge [TCK-5521]" in t for t in labels)
    captured = [w.text() for w in window.case_pane.timeline_page.findChildren(QLabel)
                if w.accessibleName() == "How it was captured" and w.text()]
    assert captured == ["from an e-mail"]  # typed contacts say nothing of it


def test_an_mbox_gives_a_summary_and_skips_what_is_there(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        boxes: dict[str, list[str]], opened: list[int]) -> None:
    window.select_case(sample.billing)
    first = bytes(mk.reply(msgid="<t1@h>", subject="Refund"))
    one = tmp_path / "first.eml"
    one.write_bytes(first)
    finished_round(qtbot, window, lambda: send_drop(window, one))
    box = tmp_path / "thread.mbox"
    box.write_bytes(mk.mbox(first, bytes(mk.html_only()), bytes(mk.related_inline_image())))
    report = finished_round(qtbot, window, lambda: send_drop(window, box))
    assert (len(report.added), report.skipped) == (2, 1)
    assert boxes["information"] == ["Added 2 e-mail(s), skipped 1 already in the journal."]
    assert len(opened) == 1  # only the single message opened a dialog
    sources = [c.source for c in window.service.get_case(sample.billing).contacts]
    assert sources.count("email") == 3


def test_file_menu_add_email_reads_the_chosen_files(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, boxes: dict[str, list[str]],
        opened: list[int]) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_add_email in file_menu.actions()
    window.select_case(sample.credentialing)
    assert window.act_add_email.isEnabled()
    paths = []
    for i, m in enumerate((mk.html_only(), mk.related_inline_image())):
        paths.append(tmp_path / f"m{i}.eml")
        paths[-1].write_bytes(bytes(m))
    asked: list[str] = []

    def choose(_parent: Any, _title: str, _folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    report = finished_round(qtbot, window, window.act_add_email.trigger)
    assert "*.eml *.msg *.mbox" in asked[0]
    assert len(report.added) == 2
    assert boxes["information"][0].startswith("Added 2 e-mail(s)")
    assert opened == []


def test_an_undated_message_is_asked_about(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, opened: list[int]) -> None:
    when = datetime(2026, 11, 25, 9, 30, tzinfo=PST)
    asked: list[list[str]] = []

    def ask(_parent: Any, subjects: list[str]) -> datetime:
        asked.append(subjects)
        return when

    monkeypatch.setattr(UndatedDialog, "ask", classmethod(lambda cls, p, s: ask(p, s)))
    window.select_case(sample.billing)
    path = tmp_path / "undated.eml"
    path.write_bytes(bytes(mk.reply(date=None, subject="No date here")))
    report = finished_round(qtbot, window, lambda: send_drop(window, path))
    assert asked == [["No date here"]]
    (new,) = [c for c in window.service.get_case(sample.billing).contacts
              if c.source == "email"]
    assert new.started_at == when and report.added == [new.id]


def test_undated_dialog_gives_the_chosen_moment(qtbot: Any) -> None:
    dialog = UndatedDialog(None, ["a", "b", "c", "d"])
    qtbot.addWidget(dialog)
    assert "\u201ca\u201d, \u201cb\u201d, \u201cc\u201d\u2026" in dialog.findChild(
        type(dialog.layout().itemAt(0).widget())).text()
    moment = dialog.moment()
    assert moment.tzinfo is not None and moment.second == 0


def test_a_file_that_is_not_an_email_is_one_line_and_adds_nothing(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        boxes: dict[str, list[str]]) -> None:
    window.select_case(sample.billing)
    before = len(window.service.get_case(sample.billing).contacts)
    path = tmp_path / "notes.eml"
    path.write_text("my own notes about the call\n", encoding="utf-8")
    report = finished_round(qtbot, window, lambda: send_drop(window, path))
    assert report.added == []
    (text,) = boxes["warning"]
    assert text.splitlines()[1].startswith("notes.eml: This is not an e-mail message")
    assert len(window.service.get_case(sample.billing).contacts) == before


def test_an_email_and_a_pdf_dropped_together(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path,
        opened: list[int]) -> None:
    window.select_case(sample.technical)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(mk.PDF)
    eml = tmp_path / "reply.eml"
    eml.write_bytes(bytes(mk.reply()))
    finished_round(qtbot, window, lambda: send_drop(window, eml, pdf))
    qtbot.waitUntil(lambda: any(a.original_name == "letter.pdf" and a.contact_id is None
                                for a in window.service.get_case(sample.technical).attachments),
                    timeout=WAIT)
    assert len(opened) == 1


def test_stopping_a_big_mailbox_writes_nothing(
        qtbot: Any, window: MainWindow, sample: Sample, tmp_path: Path) -> None:
    window.select_case(sample.billing)
    box = tmp_path / "big.mbox"
    box.write_bytes(mk.mbox(*(bytes(mk.reply(msgid=f"<{i}@h>")) for i in range(300))))
    capture = email_capture_for(window)
    before = len(window.service.get_case(sample.billing).contacts)
    stored = set(window.service.store.iter_hashes())

    def start_and_stop() -> None:
        assert capture.add_files(sample.billing, [box])
        for task in capture.runner.active():
            task.cancel()

    report = finished_round(qtbot, window, start_and_stop)
    assert report.added == []
    assert len(window.service.get_case(sample.billing).contacts) == before
    assert set(window.service.store.iter_hashes()) == stored
    assert "Stopped" in window.statusBar().currentMessage()


def test_your_details_keep_your_other_addresses(qtbot: Any, service: Any) -> None:
    from headway_journal.ui.your_details import DetailsForm

    form = DetailsForm()
    qtbot.addWidget(form)
    form.load(service)
    qtbot.keyClicks(form.other_emails_edit, "Work@Example.org, me@example.net")
    assert form.save(service) is None
    assert service.profile()["other_emails"] == "work@example.org\nme@example.net"
    form.load(service)
    assert form.other_emails_edit.text() == "work@example.org, me@example.net"
    form.other_emails_edit.setText("not an address")
    problem = form.save(service)
    assert problem is not None and "Other e-mails" in problem
    assert form.errors["other_emails"].message


# --- the contact dialog -------------------------------------------------------------------------


def contact_dialog(qtbot: Any, service: Any, case_id: int, **kw: Any) -> Any:
    from headway_journal.ui.dialogs import ContactDialog

    dlg = ContactDialog(service, case_id, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_an_email_dropped_on_the_contact_dialog_fills_it_and_saving_logs_it(
        qtbot: Any, service: Any, case_id: int, tmp_path: Path) -> None:
    service.set_profile(email="alex@example.com")
    dlg = contact_dialog(qtbot, service, case_id)
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(mk.with_attachments()))
    qtbot.keyClicks(dlg.summary_edit, "Called first, then this came:")
    send_drop(dlg, path)
    assert dlg.channel_combo.currentData() == "email"
    assert dlg.direction_combo.currentData() == "inbound"
    assert (dlg.rep_name.text(), dlg.rep_id.text()) == ("Priya Raman", "priya@headway.co")
    summary = dlg.summary_edit.toPlainText()
    assert summary.startswith("Called first, then this came:\n\nRe: Double charge [TCK-5521]")
    assert "Filled from the e-mail" in dlg.exhibit_strip.message.text()
    assert dlg.started_at() == datetime(2026, 11, 24, 10, 15, tzinfo=PST)
    assert dlg.save_button.isEnabled()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.problems_label.message == ""
    qtbot.waitUntil(lambda: dlg.saved_contact_id is not None and not dlg.isVisible(),
                    timeout=WAIT)
    (ct,) = service.get_case(case_id).contacts
    assert (ct.source, ct.channel) == ("email", "email")
    assert ct.started_at.utcoffset() == timedelta(hours=-8)
    assert ct.capture_ref.endswith("@headway.co>")
    names = [a.original_name for a in ct.attachments]
    assert names[:3] == ["reply.eml", "invoice INV-2231.pdf", "screenshot.png"]
    assert dict(ct.attachments[0].provenance)["kind"] == "message"
    history = service.history(case_id)
    assert any(h.entity == "contact" and "source" in h.changes for h in history)


def test_the_contact_dialog_refuses_a_message_already_in_the_case_and_mailboxes(
        qtbot: Any, service: Any, case_id: int, tmp_path: Path) -> None:
    from headway_journal.journal.capture.email_import import add_email_files

    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(mk.reply()))
    add_email_files(service, case_id, [path])
    dlg = contact_dialog(qtbot, service, case_id)
    send_drop(dlg, path)
    assert "already in the journal" in dlg.exhibit_strip.message.text()
    assert dlg.rep_name.text() == ""
    box = tmp_path / "inbox.mbox"
    box.write_bytes(mk.mbox(bytes(mk.html_only())))
    send_drop(dlg, box)
    assert "mailbox go on the case" in dlg.exhibit_strip.message.text()
    bad = tmp_path / "bad.eml"
    bad.write_bytes(b"\x00\x01 nothing")
    send_drop(dlg, bad)
    assert "bad.eml: This is not an e-mail" in dlg.exhibit_strip.message.text()
    assert dlg.summary_edit.toPlainText() == ""


def test_settings_keep_your_other_addresses(qtbot: Any, service: Any) -> None:
    from headway_journal.ui.dialogs import SettingsDialog

    dlg = SettingsDialog(service)
    qtbot.addWidget(dlg)
    assert dlg.other_emails_edit.accessibleName() == "Other e-mails"
    qtbot.keyClicks(dlg.other_emails_edit, "me@work.example, Me@Home.example")
    assert dlg.save()
    assert service.profile()["other_emails"] == "me@work.example\nme@home.example"
    again = SettingsDialog(service)
    qtbot.addWidget(again)
    assert again.other_emails_edit.text() == "me@work.example, me@home.example"
    assert not again.has_changes()
    again.other_emails_edit.setText("me@work.example, nope")
    assert not again.save()
    assert again.errors["other_emails"].message
