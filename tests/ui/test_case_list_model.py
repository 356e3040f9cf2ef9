"""The case list model, tested without any view (like vorta's table model tests)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from headway_journal.journal.records import CaseFilter, CaseInput, CaseSummary
from headway_journal.journal.service import JournalService
from headway_journal.ui.case_list import (
    COL_DUE,
    COL_ORG,
    COL_STATUS,
    COL_TITLE,
    HEADERS,
    PAGE_SIZE,
    BadgeKeyRole,
    CaseIdRole,
    CaseListModel,
    OverdueRole,
    StatusRole,
    SummaryRole,
)

if TYPE_CHECKING:
    from conftest import Sample

D = Qt.ItemDataRole.DisplayRole


def cell(model: CaseListModel, row: int, col: int, role: int = D) -> Any:
    return model.data(model.index(row, col), role)


def test_rows_columns_and_headers(qapp: Any, service: JournalService, sample: Sample) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    assert model.rowCount() == 5
    assert model.columnCount() == len(HEADERS) == 4
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Case", "Status", "Next deadline", "Organization"]
    # a table: no children under a row
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_the_model_keeps_qt_s_rules(qapp: Any, qtmodeltester: Any, service: JournalService,
                                    sample: Sample) -> None:
    """Qt's own checks of an item model (rows, columns, parents, data roles, signals)."""
    model = CaseListModel(service, CaseFilter(view="all"))
    qtmodeltester.check(model, force_py=True)
    model.set_filter(CaseFilter(view="all", text="refund"))
    qtmodeltester.check(model, force_py=True)


def test_overdue_case_comes_first_with_word_and_bold(qapp: Any, service: JournalService,
                                                     sample: Sample) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    assert model.case_id(0) == sample.billing  # sorted by next deadline: the overdue one first
    assert cell(model, 0, COL_TITLE) == "Double charge for the Nov 12 session"
    assert cell(model, 0, COL_STATUS) == "ESCALATED"
    due = cell(model, 0, COL_DUE)
    assert due.startswith("overdue ") and due.endswith(" d")  # a word, not only colour
    assert cell(model, 0, COL_ORG) == "Headway"
    assert cell(model, 0, COL_TITLE, OverdueRole) is True
    font = cell(model, 0, COL_TITLE, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(model, 0, COL_DUE, BadgeKeyRole) == "overdue"
    assert cell(model, 0, COL_STATUS, BadgeKeyRole) == "escalated"
    assert "overdue" in cell(model, 0, COL_TITLE, Qt.ItemDataRole.ToolTipRole)


def test_other_rows_are_not_marked_overdue(qapp: Any, service: JournalService,
                                           sample: Sample) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    row = model.row_of(sample.appointment)
    assert row > 0
    assert cell(model, row, COL_TITLE, OverdueRole) is False
    assert cell(model, row, COL_TITLE, Qt.ItemDataRole.FontRole) is None
    assert cell(model, row, COL_DUE) == ""
    assert cell(model, row, COL_STATUS) == "WAITING"
    assert cell(model, row, COL_DUE, BadgeKeyRole) is None


def test_data_roles(qapp: Any, service: JournalService, sample: Sample) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    row = model.row_of(sample.credentialing)
    assert cell(model, row, COL_TITLE, CaseIdRole) == sample.credentialing
    summary = cell(model, row, COL_TITLE, SummaryRole)
    assert isinstance(summary, CaseSummary)
    assert summary.issue_label == "Provider credentialing / contract"
    assert summary.role == "clinician"
    assert cell(model, row, COL_TITLE, StatusRole) == "open"
    text = cell(model, row, COL_TITLE, Qt.ItemDataRole.AccessibleTextRole)
    assert "Credentialing with Aetna stuck" in text and "1 contact" in text


def test_pending_deadline_shows_due_date(qapp: Any, service: JournalService,
                                         sample: Sample) -> None:
    service.set_promise_status(sample.overdue_promise, "kept")
    model = CaseListModel(service, CaseFilter(view="all"))
    row = model.row_of(sample.billing)
    summary = cell(model, row, COL_TITLE, SummaryRole)
    assert summary.next_due is not None and summary.next_due > date.today()
    assert cell(model, row, COL_DUE).startswith("due ")
    assert cell(model, row, COL_TITLE, OverdueRole) is False


def test_filter_change_reloads_ids(qapp: Any, service: JournalService, sample: Sample) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filter(CaseFilter(view="resolved"))
    assert resets == [1]
    assert model.rowCount() == 1 and model.case_id(0) == sample.technical
    model.set_filter(CaseFilter(view="all", issue_type="privacy"))
    assert [model.case_id(r) for r in range(model.rowCount())] == [sample.privacy]
    model.set_filter(CaseFilter(view="all", text="Aetna"))
    assert [model.case_id(r) for r in range(model.rowCount())] == [sample.credentialing]
    model.set_filter(CaseFilter(view="all", sort="title"))
    titles = [cell(model, r, COL_TITLE) for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.lower)


def test_deleted_view_says_deleted(qapp: Any, service: JournalService, sample: Sample) -> None:
    service.delete_case(sample.technical)
    model = CaseListModel(service, CaseFilter(view="deleted"))
    assert model.rowCount() == 1
    assert cell(model, 0, COL_STATUS) == "DELETED"
    model.set_filter(CaseFilter(view="all"))
    assert model.row_of(sample.technical) == -1


def test_out_of_range_rows_are_empty(qapp: Any, service: JournalService, sample: Sample) -> None:
    model = CaseListModel(service, CaseFilter(view="all"))
    assert model.case_id(99) is None
    assert model.summary(-1) is None
    assert model.data(model.index(99, 0)) is None  # an invalid index


# --- paging: a big journal opens as fast as an empty one ----------------------------------------


@pytest.fixture(scope="module")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "journal"
    svc = JournalService.open(folder)
    try:
        headway = svc.organization_by_key("headway")
        assert headway is not None
        today = date.today()
        for n in range(300):
            svc.create_case(CaseInput(
                title=f"Case {n:03d}: payout for session {n}", organization_id=headway.id,
                issue_type="provider_payment", role="clinician",
                opened_on=today - timedelta(days=n % 90)))
    finally:
        svc.close()
    return folder


@pytest.fixture
def big_service(big_journal: Path) -> Iterator[JournalService]:
    svc = JournalService.open(big_journal)
    yield svc
    svc.close()


def spy_summaries(monkeypatch: pytest.MonkeyPatch, svc: JournalService) -> list[int]:
    """Record how many ids each case_summaries call asked for."""
    calls: list[int] = []
    real = svc.case_summaries

    def spy(ids: Sequence[int], today: date | None = None) -> list[CaseSummary]:
        calls.append(len(ids))
        return real(ids, today)

    monkeypatch.setattr(svc, "case_summaries", spy)
    return calls


def test_only_the_first_page_is_fetched(qapp: Any, big_service: JournalService,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = spy_summaries(monkeypatch, big_service)
    model = CaseListModel(big_service, CaseFilter(view="all"))
    assert model.rowCount() == 300  # all ids are known: the scroll bar is right
    assert calls == []  # but nothing was fetched yet
    for row in range(20):  # what a view shows first
        for col in range(model.columnCount()):
            model.data(model.index(row, col))
    assert calls == [PAGE_SIZE]
    assert model.fetched_pages == [0]
    assert cell(model, 250, COL_TITLE).startswith("Case ")
    assert model.fetched_pages == [0, 2]
    assert calls == [PAGE_SIZE, PAGE_SIZE]
    model.refresh_rows()
    assert model.fetched_pages == []


def test_reload_drops_the_page_cache(qapp: Any, big_service: JournalService,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls = spy_summaries(monkeypatch, big_service)
    model = CaseListModel(big_service, CaseFilter(view="all", sort="title"))
    assert cell(model, 0, COL_TITLE) == "Case 000: payout for session 0"
    model.set_filter(CaseFilter(view="all", text="session 123"))
    assert model.rowCount() >= 1
    assert model.fetched_pages == []
    assert "123" in cell(model, 0, COL_TITLE)
    assert calls[-1] == model.rowCount()
