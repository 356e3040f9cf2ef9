"""The window's first read of the journal, made on a thread while the window is built
(``ui.first_read``, ``JournalService.first_screen``): it shows what a read made afterwards shows,
spares the list its first page's query, and a failure reads as any failed read does."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from headway_journal.journal.records import CaseFilter
from headway_journal.journal.service import JournalService
from headway_journal.ui.case_list import PAGE_SIZE, CaseListModel
from headway_journal.ui.first_read import FirstRead


def test_the_read_runs_on_its_own_thread_and_is_taken_once() -> None:
    seen: list[str] = []

    def read() -> int:
        seen.append(threading.current_thread().name)
        return 42

    first = FirstRead(read)
    assert first.result() == 42
    assert seen == ["headway-first-read"]
    with pytest.raises(RuntimeError):
        first.result()


def test_an_error_of_the_read_is_raised_to_the_taker() -> None:
    def read() -> int:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    first = FirstRead(read)
    with pytest.raises(OperationalError):
        first.result()


def test_the_window_shows_what_it_read_and_fetches_no_first_page(
        qtbot: Any, service: JournalService, sample: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.main_window import MainWindow

    expected_counts = service.view_counts()
    assert expected_counts["due"] >= 1  # the sample has an overdue promise
    first = FirstRead(service.first_screen)
    first.wait()  # read before the window exists, as it usually is by then
    fetched: list[list[int]] = []
    real = service.case_summaries

    def counting(ids: Any, today: Any = None) -> Any:
        fetched.append(list(ids))
        return real(ids, today)

    monkeypatch.setattr(service, "case_summaries", counting)
    window = MainWindow(service, first_read=first)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._ready)
    assert window.counts == expected_counts
    assert window.current_filter() == CaseFilter(view="due")
    model = window.case_model
    assert model.rowCount() == expected_counts["due"]
    due_ids = service.case_ids(CaseFilter(view="due"))
    assert [model.case_id(r) for r in range(model.rowCount())] == due_ids
    assert model.data(model.index(0, 0)) == service.get_case(due_ids[0]).title
    assert fetched == []  # the list's first page came with the first read


def test_a_failed_first_read_leaves_a_window_that_says_why(
        qtbot: Any, service: JournalService, sample: Any) -> None:
    from headway_journal.ui.main_window import MainWindow

    def read() -> Any:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    window = MainWindow(service, first_read=FirstRead(read))
    qtbot.addWidget(window)
    assert window.counts == {}
    assert window.statusBar().currentMessage()  # the failure in plain words, no traceback
    assert window.case_model.rowCount() >= 1  # the list read its cases itself


def test_a_page_is_taken_only_when_it_is_exactly_that_page(service: JournalService,
                                                          sample: Any) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    ids = [model.case_id(r) for r in range(model.rowCount())]
    summaries = service.case_summaries(ids[:PAGE_SIZE])
    assert not model.offer_page(0, list(reversed(summaries)))  # another order
    assert not model.offer_page(0, summaries[1:])  # a case missing
    assert not model.offer_page(1, summaries)  # no such page
    assert model.offer_page(0, summaries)
    assert model.fetched_pages == [0]
    assert not model.offer_page(0, summaries)  # already there
