"""The window on a shared journal (the suite's PostgreSQL server): File > Open shared journal…,
the password prompt, other people's changes shown within seconds (LISTEN/NOTIFY), the server
going away said plainly with the typed contact kept as a draft, backups left to pg_dump."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from sqlalchemy import make_url

from headway_journal.journal.records import CaseFilter, CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.journal.shared.engine import ServerUnreachable
from headway_journal.ui import shared_journal
from headway_journal.ui.dialogs import ContactDialog


def open_window(qtbot: Any, service: JournalService) -> Any:
    from headway_journal.ui.main_window import MainWindow

    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._ready)
    return window


@pytest.fixture
def shared(pg_url: str) -> Iterator[JournalService]:
    svc = JournalService.open(pg_url)
    yield svc
    svc.close()


def new_case(svc: JournalService, title: str) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                                     role="client"))


def test_the_window_on_a_shared_journal_leaves_backups_to_the_server(
        qtbot: Any, shared: JournalService) -> None:
    window = open_window(qtbot, shared)
    assert window.windowTitle().endswith(str(make_url(shared.journal.location).database))
    for action in (window.act_backup, window.act_backup_file, window.act_restore_backup):
        assert not action.isEnabled() and "pg_dump" in action.toolTip()
    assert "last backup on the server" in window.status_label.text()
    assert window.shared_watch is not None
    window.close()


def test_other_peoples_changes_appear_within_seconds(qtbot: Any, shared: JournalService,
                                                     pg_url: str) -> None:
    window = open_window(qtbot, shared)
    assert window.case_model.rowCount() == 0
    with JournalService.open(pg_url) as someone_else:
        cid = new_case(someone_else, "Added on the other computer")
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1, timeout=10_000)
    assert window.shared_watch is not None and window.shared_watch.refreshes >= 1
    assert shared.case_ids(CaseFilter(view="all")) == [cid]
    window.close()


def test_a_lost_server_is_said_plainly_and_the_typed_contact_kept(
        qtbot: Any, shared: JournalService, pg_url: str, pg_server: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cid = new_case(shared, "Refund")
    window = open_window(qtbot, shared)
    qtbot.waitUntil(lambda: window.shared_watch.listener._thread is not None)
    dlg = ContactDialog(shared, cid)
    qtbot.addWidget(dlg)
    dlg.summary_edit.setPlainText("They promised a refund by Friday.")
    name = str(make_url(pg_url).database)
    pg_server.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    try:
        pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE datname = '{name}'")
        qtbot.waitUntil(lambda: "cannot be reached" in window.statusBar().currentMessage(),
                        timeout=10_000)
        assert not dlg.save()
        assert "Not saved: The journal server cannot be reached" in dlg.problems_label.text()
        assert dlg.drafts.load(dlg.draft_name) is not None  # nothing typed is lost
    finally:
        pg_server.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    qtbot.waitUntil(lambda: "again" in window.statusBar().currentMessage(), timeout=10_000)
    assert dlg.save()  # the same form, saved once the server is back
    assert shared.get_case(cid).contacts[0].summary == "They promised a refund by Friday."
    window.close()


def test_the_password_is_asked_when_the_server_wants_one(
        qtbot: Any, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str | None] = []
    real_open = JournalService.open

    def server_wants_a_password(folder: Any, **kw: Any) -> JournalService:
        calls.append(kw.get("password"))
        if kw.get("password") != "s3cret":
            raise ServerUnreachable("The server refused the user name or password.")
        return real_open(folder)

    monkeypatch.setattr(JournalService, "open", staticmethod(server_wants_a_password))
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda parent, title, label, *a, **k: (asked.append(label) or "s3cret", True)))
    service = shared_journal.open_shared(pg_url)
    assert service is not None
    service.close()
    assert calls == [None, "s3cret"]
    assert asked and "Password for postgresql://postgres@/" in asked[0]


def test_file_open_shared_journal_opens_a_window_of_its_own(
        qtbot: Any, service: JournalService, pg_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with JournalService.open(pg_url) as other:
        new_case(other, "On the server")
    window = open_window(qtbot, service)
    typed = pg_url.replace("postgres@", "postgres:typed-secret@")  # (trust: not checked)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *a, **k: (typed, True)))
    window.act_open_shared.trigger()
    [second] = shared_journal._WINDOWS
    qtbot.waitUntil(lambda: second._ready)
    assert second.service.journal.kind == "postgresql"
    assert second.case_model.rowCount() == 1
    from headway_journal.ui import settings as st

    remembered = st.get_str(shared_journal.KEY_LAST_URL)
    assert "typed-secret" not in remembered  # remembered, never with its password
    assert make_url(remembered) == make_url(pg_url)
    journal = second.service.journal
    second.close()
    qtbot.waitUntil(lambda: not shared_journal._WINDOWS)
    assert journal._closed  # the journal closed with its window
    window.close()


def test_a_url_that_is_not_a_database_is_refused(qtbot: Any, service: JournalService,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, service)
    warned: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("/tmp/x", True)))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: warned.append(text)))
    assert window.open_shared_journal() is None
    assert warned == ["That is not a postgresql:// URL; nothing was opened."]
    window.close()


def test_server_errors_in_plain_words() -> None:
    from headway_journal.journal.db import describe_server_error

    text = describe_server_error("connection to server on socket failed: no such file")
    assert "cannot be reached" in text and "nothing was saved" in text
    assert "only read" in describe_server_error("permission denied for table cases")


def test_a_lost_server_keeps_the_shown_case_on_screen_read_only(
        qtbot: Any, shared: JournalService, pg_url: str, pg_server: Any) -> None:
    first, second = new_case(shared, "Refund"), new_case(shared, "Claim denied")
    window = open_window(qtbot, shared)
    assert window.select_case(first)
    pane = window.case_pane
    qtbot.waitUntil(lambda: pane.case is not None and pane.case.id == first)
    log_first = [b for b in pane.timeline.timeline_area.widget().findChildren(QPushButton)
                 if "first contact" in b.text()]
    assert len(log_first) == 1 and log_first[0].isEnabled()
    assert not pane.offline_notice.isVisibleTo(pane) and not pane.locked
    name = str(make_url(pg_url).database)
    pg_server.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    try:
        pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE datname = '{name}'")
        pane.show_case(second)  # another case asked for: it cannot be read now
        assert pane.case is not None and pane.case.id == first  # still on screen
        assert pane.title_label.text() == "Refund"
        assert pane.offline_notice.isVisibleTo(pane) and pane.locked
        assert "cannot be reached" in pane.offline_notice.label.text()
        assert not any(b.isEnabled() for b in log_first)  # nothing on it can change
    finally:
        pg_server.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    pane.show_case(second)  # the server is back: read as usual
    assert pane.case is not None and pane.case.id == second
    assert pane.title_label.text() == "Claim denied"
    assert not pane.offline_notice.isVisibleTo(pane) and not pane.locked
    window.close()


def test_a_lost_server_with_no_case_shown_says_so(qtbot: Any, shared: JournalService,
                                                  pg_url: str, pg_server: Any) -> None:
    cid = new_case(shared, "Refund")
    window = open_window(qtbot, shared)
    pane = window.case_pane
    pane.show_case(None)
    name = str(make_url(pg_url).database)
    pg_server.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    try:
        pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE datname = '{name}'")
        pane.show_case(cid)
        assert pane.case is None and pane.stack.currentIndex() == 0
        assert "cannot be reached" in pane.placeholder.text()
    finally:
        pg_server.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    window.close()
