"""The case list's title takes the free width: normal titles are not cut to "…"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView

from headway_journal.journal.records import CaseInput, OrganizationInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import fit
from headway_journal.ui.case_list import COL_DUE, COL_ORG, COL_STATUS, COL_TITLE

if TYPE_CHECKING:
    from conftest import Sample


@pytest.fixture
def screen_1280(monkeypatch: pytest.MonkeyPatch) -> QRect:
    rect = QRect(0, 0, 1280, 800)
    monkeypatch.setattr(fit, "available_geometry", lambda _widget: QRect(rect))
    return rect


def elided_titles(window: Any) -> list[str]:
    view = window.case_list
    model = view.model()
    metrics = view.fontMetrics()
    cut = []
    for row in range(model.rowCount()):
        index = model.index(row, COL_TITLE)
        title = str(index.data())
        font = index.data(Qt.ItemDataRole.FontRole)  # overdue rows are bold
        width = (metrics if font is None else QFontMetrics(font)).horizontalAdvance(title)
        if view.visualRect(index).width() < width + 12:  # the item's text margins
            cut.append(title)
    return cut


def test_normal_titles_are_not_elided_at_the_default_size(
        qtbot: Any, service: JournalService, sample: Sample, make_window: Any,
        screen_1280: QRect) -> None:
    window = make_window(service)
    header = window.case_list.header()
    assert header.sectionResizeMode(COL_TITLE) == QHeaderView.ResizeMode.Stretch
    for col in (COL_STATUS, COL_DUE):
        assert header.sectionResizeMode(col) == QHeaderView.ResizeMode.ResizeToContents
    assert window.case_list.model().rowCount() > 0
    assert elided_titles(window) == []
    window.set_view("all")
    assert window.case_list.model().rowCount() > 1
    assert elided_titles(window) == []
    # status and deadline are as wide as their content, the title gets the rest
    assert header.sectionSize(COL_TITLE) > header.sectionSize(COL_STATUS) + header.sectionSize(
        COL_DUE)


def test_organization_column_only_with_several_organizations(
        qtbot: Any, service: JournalService, sample: Sample, make_window: Any,
        screen_1280: QRect) -> None:
    window = make_window(service)
    assert window.case_list.isColumnHidden(COL_ORG)  # only Headway: the column says nothing
    window.close()
    other = service.save_organization(OrganizationInput(name="Aetna"))
    service.create_case(CaseInput(title="Claim denied for October", organization_id=other,
                                  issue_type="technical", role="client"))
    window = make_window(service)
    window.set_view("all")
    assert not window.case_list.isColumnHidden(COL_ORG)
    # titles of a normal length (the sample's "Double charge for the Nov 12 session") fit
    assert [t for t in elided_titles(window) if len(t) <= 36] == []
    window.org_filter.setCurrentIndex(window.org_filter.findText("Aetna"))
    assert window.case_list.isColumnHidden(COL_ORG)  # one organization chosen


def test_a_cells_size_follows_its_text_and_the_font_though_measured_once(
        qtbot: Any, service: JournalService, sample: Sample, make_window: Any) -> None:
    """The status and deadline cells' sizes are kept per text and font (docs/performance.md,
    item 18): the same text gives the same size, a longer text or a larger font a wider one."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = make_window(service)
    window.set_view("all")
    view = window.case_list
    model = view.model()
    delegate = view.itemDelegateForColumn(COL_STATUS)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    sizes = {}
    for row in range(model.rowCount()):
        index = model.index(row, COL_STATUS)
        size = delegate.sizeHint(option, index)
        text = str(index.data())
        assert sizes.setdefault(text, (size.width(), size.height())) == (size.width(),
                                                                          size.height())
    assert len(sizes) >= 2  # the sample has cases in more than one status
    (short, short_size), (long, long_size) = sorted(
        sizes.items(), key=lambda item: len(item[0]))[::len(sizes) - 1]
    if len(long) > len(short):
        assert long_size[0] > short_size[0]
    larger = QStyleOptionViewItem(option)
    font = larger.font
    font.setPointSizeF(font.pointSizeF() * 2)
    larger.font = font
    larger.fontMetrics = QFontMetrics(font)
    index = model.index(0, COL_STATUS)
    assert delegate.sizeHint(larger, index).width() > delegate.sizeHint(option, index).width()


def test_a_narrow_list_gives_the_organization_column_s_place_to_the_title(
        qtbot: Any, service: JournalService, sample: Sample, make_window: Any,
        screen_1280: QRect) -> None:
    """On a small screen (or a list dragged narrow) the title kept about three characters
    while status, deadline and organization kept their widths: now the organization gives way
    first, and comes back when the list is wide enough for both."""
    from headway_journal.ui.case_list import TITLE_MIN_CHARS

    other = service.save_organization(OrganizationInput(name="Aetna"))
    service.create_case(CaseInput(title="Claim denied for October", organization_id=other,
                                  issue_type="technical", role="client"))
    window = make_window(service)
    window.set_view("all")
    view = window.case_list
    total = sum(window.splitter.sizes())

    def list_width(width: int) -> None:
        window.splitter.setSizes([width, total - width])
        qtbot.waitUntil(lambda: view.width() <= width + 2, timeout=2000)

    list_width(340)  # the list on an 800-pixel screen
    qtbot.waitUntil(lambda: view.isColumnHidden(COL_ORG), timeout=2000)
    header = view.header()
    assert header.sectionSize(COL_TITLE) >= view.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS

    list_width(600)
    qtbot.waitUntil(lambda: not view.isColumnHidden(COL_ORG), timeout=2000)
    org_heading = view.fontMetrics().horizontalAdvance("Organization")
    assert header.sectionSize(COL_ORG) >= org_heading  # its heading readable again
    assert header.sectionSize(COL_TITLE) >= view.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS
