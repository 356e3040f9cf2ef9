"""The case list: a table model over the service's case ids, with summaries fetched in pages.

The model holds only the ordered list of case ids for the current filter (one integer per
case); a row's CaseSummary is fetched with its page (PAGE_SIZE rows) the first time a view asks
for it. Views only ask for visible rows, so a journal with 10,000 cases opens as fast as an
empty one. Sorting and filtering happen in the service (``CaseFilter``); changing the filter
reloads the ids. No proxy model is used on purpose: a sorting or filtering proxy would ask for
every row and defeat the paging.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from .. import i18n
from ..journal.case_queries import SUMMARY_PAGE
from ..journal.records import CaseFilter, CaseSummary
from ..journal.service import JournalService
from .format import due_text, plural
from .translated import QT_TRANSLATE_NOOP, TranslatedTexts, word
from .widgets import BADGE_COLORS, NEUTRAL_BADGE

PAGE_SIZE = SUMMARY_PAGE
DUE_VIEW = CaseFilter(view="due")  # the filter whose ids view_counts_and_due_ids returns

COL_TITLE, COL_STATUS, COL_DUE, COL_ORG = range(4)
HEADERS = TranslatedTexts("case_list", (QT_TRANSLATE_NOOP("case_list", "Case"), QT_TRANSLATE_NOOP("case_list", "Status"), QT_TRANSLATE_NOOP("case_list", "Next deadline"), QT_TRANSLATE_NOOP("case_list", "Organization")))

CaseIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
OverdueRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4
BadgeKeyRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex

# What ``data`` answers, computed once: a view asks for a dozen roles of every cell in sight,
# and Python enum look-ups at each call were most of what they cost. (``flags`` is Qt's own:
# enabled and selectable rows without children, which the view asks twice a row when it lays
# out a long list; answered in Python, those were ~3,500 calls on the large journal.)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_DESCRIBED = frozenset({int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.AccessibleTextRole)})
_CASE_ID, _SUMMARY, _OVERDUE, _STATUS, _BADGE = (int(r) for r in (
    CaseIdRole, SummaryRole, OverdueRole, StatusRole, BadgeKeyRole))
_ANSWERED = frozenset({_DISPLAY, _FONT, _CASE_ID, _SUMMARY, _OVERDUE, _STATUS, _BADGE}) | _DESCRIBED


class CaseListModel(QAbstractTableModel):
    """Rows are cases matching ``filter``, in the service's order."""

    def __init__(self, service: JournalService, flt: CaseFilter | None = None,
                 today: date | None = None, parent: Any = None, *, load: bool = True) -> None:
        """``load=False`` starts empty: the owner sets its filter (and so loads) later."""
        super().__init__(parent)
        self.service = service
        self._filter = flt or CaseFilter()
        self._today = today
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, CaseSummary]] = {}
        self._bold: QFont | None = None
        if load:
            self.reload()

    # -- loading -----------------------------------------------------------------------------

    @property
    def filter(self) -> CaseFilter:
        return self._filter

    @property
    def today(self) -> date:
        return self._today or date.today()

    def set_filter(self, flt: CaseFilter, due_ids: Sequence[int] | None = None) -> None:
        self._filter = flt
        self.reload(due_ids)

    def reload(self, due_ids: Sequence[int] | None = None) -> None:
        """Fetch the ids again (after a change or a new filter); summaries are fetched lazily.

        ``due_ids``: the 'due' view's ids as ``view_counts_and_due_ids`` read them just now,
        taken instead of a second read when the filter is that view's (start-up's usual case)."""
        self.beginResetModel()
        if due_ids is not None and self._today is None and self._filter == DUE_VIEW:
            self._ids = list(due_ids)
        else:
            self._ids = self.service.case_ids(self._filter, self._today)
        self._pages = {}
        self.endResetModel()

    def offer_page(self, page: int, summaries: Sequence[CaseSummary]) -> bool:
        """Take summaries read elsewhere (``first_screen``) as ``page`` when they are exactly
        that page's cases, in order, and it was not fetched yet; True if taken."""
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        if not ids or page in self._pages or [s.id for s in summaries] != ids:
            return False
        self._pages[page] = {s.id: s for s in summaries}
        return True

    def refresh_rows(self) -> None:
        """Drop cached summaries (the ids are the same) and repaint."""
        self._pages = {}
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(HEADERS) - 1))

    @property
    def fetched_pages(self) -> list[int]:
        """Which pages have been fetched (for tests and diagnostics)."""
        return sorted(self._pages)

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> CaseSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        cached = self._pages.get(page)
        if cached is None:
            ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
            cached = {s.id: s for s in self.service.case_summaries(ids, self._today)}
            self._pages[page] = cached
        return cached.get(self._ids[row])

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def status_word(self, s: CaseSummary) -> str:
        return word("deleted" if self._filter.view == "deleted" else s.status)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if role == _CASE_ID:
            return self.case_id(row)
        s = self.summary(row)
        if s is None:
            return "" if role == _DISPLAY else None
        if role == _DISPLAY:
            return self.display_text(s, index.column())
        if role == _SUMMARY:
            return s
        if role == _OVERDUE:
            return s.overdue
        if role == _STATUS:
            return self.status_word(s)
        if role == _BADGE:
            return self.badge_key(s, index.column())
        if role == _FONT:
            return self._bold_font() if s.overdue else None
        return self.describe(s)  # a tooltip or what a screen reader says

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    def display_text(self, s: CaseSummary, col: int) -> str | None:
        """What a cell shows."""
        if col == COL_TITLE:
            return s.title
        if col == COL_STATUS:
            return self.status_word(s).upper()
        if col == COL_DUE:
            return due_text(s.next_due, s.overdue, self.today)
        if col == COL_ORG:
            return s.organization
        return None

    def badge_key(self, s: CaseSummary, col: int) -> str | None:
        """Which pill a cell is painted as (None: plain text)."""
        if col == COL_STATUS:
            return self.status_word(s)
        if col == COL_DUE and s.overdue:
            return "overdue"
        return None

    def describe(self, s: CaseSummary) -> str:
        """The whole row in words (tooltip and screen readers)."""
        parts = [s.title, self.status_word(s), s.organization, i18n.text(s.issue_label),
                 plural(s.contact_count, "contact")]
        due = due_text(s.next_due, s.overdue, self.today)
        if due:
            parts.insert(2, due)
        return " · ".join(parts)


class BadgeDelegate(QStyledItemDelegate):
    """Paints the status word (and 'overdue N d') as a tinted pill; the word is always there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[Any, str, str], tuple[int, int]] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        key = index.data(BadgeKeyRole)
        if not key:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            # QStyle only here, at the first paint: its enums are ~6 ms to make, and the
            # window is on screen by then (docs/performance.md, item 17)
            from PySide6.QtWidgets import QStyle

            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        bg, fg = BADGE_COLORS.get(str(key), NEUTRAL_BADGE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont(opt.font)
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width = min(opt.rect.width() - 4, metrics.horizontalAdvance(text) + 12)
        height = min(opt.rect.height() - 4, metrics.height() + 4)
        pill = QRect(opt.rect.left() + 4, opt.rect.center().y() - height // 2 + 1, width, height)
        painter.setPen(QPen(QColor(fg), 1))
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(pill, 4, 4)
        painter.setPen(QColor(fg))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, pill.width() - 8)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # The status and deadline columns are sized to the rows in sight, which asks every
        # cell of them; most share a text ("OPEN", "in 3 days"), so each text and font is
        # measured once (the large journal's first show asked ~200 cells: docs/performance.md,
        # item 18).
        font = index.data(_FONT)
        key = (index.data(_DISPLAY), option.font.key(), font.key() if isinstance(font, QFont) else "")
        known = self._sizes.get(key)
        if known is None:
            size = super().sizeHint(option, index)
            known = (size.width() + 16, max(size.height(), option.fontMetrics.height() + 10))
            if len(self._sizes) > 512:
                self._sizes.clear()
            self._sizes[key] = known
        return QSize(*known)


TITLE_MIN_CHARS = 16  # the title keeps about this many characters before the organization goes
_ORG_WANTED = "headway_org_column_wanted"  # the view's property: several organizations shown


def size_columns(view: QTreeView) -> None:
    """The title takes the free width; status and deadline are as wide as their content (only
    the rows in sight are measured, so a long list stays fast); the organization, when shown,
    keeps the width of its heading (a long name is cut before the title is), and gives its
    place to the title when the list is too narrow for both (a small screen)."""
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionsMovable(False)
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    for col in (COL_STATUS, COL_DUE):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_ORG, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(COL_ORG, _organization_width(view))
    # The title's section changes size with the list (it takes the free width): then, once
    # the header has laid its sections out (changing them from inside its own resize was undone)
    fit_later = QTimer(view)
    fit_later.setSingleShot(True)
    fit_later.setInterval(0)
    fit_later.timeout.connect(lambda: fit_organization_column(view))
    header.sectionResized.connect(lambda col, _old, _new: fit_later.start() if col == COL_TITLE
                                  else None)


def show_organization_column(view: QTreeView, organizations: int, filtered: bool) -> None:
    """The organization column only when the list can hold more than one organization (and
    the list is wide enough for it beside a readable title: ``fit_organization_column``)."""
    view.setProperty(_ORG_WANTED, organizations > 1 and not filtered)
    fit_organization_column(view)


def fit_organization_column(view: QTreeView) -> None:
    """Show the organization column if it is wanted and the title keeps TITLE_MIN_CHARS
    characters beside it; the same free width always gives the same answer."""
    header = view.header()
    free = view.viewport().width() - sum(
        header.sectionSize(col) for col in (COL_STATUS, COL_DUE) if not view.isColumnHidden(col))
    width = _organization_width(view)
    hide = (not bool(view.property(_ORG_WANTED))
            or free < view.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS + width)
    if view.isColumnHidden(COL_ORG) != hide:
        view.setColumnHidden(COL_ORG, hide)
        if not hide:
            header.resizeSection(COL_ORG, width)


def _organization_width(view: QTreeView) -> int:
    """The organization column's width: its heading's."""
    return view.fontMetrics().horizontalAdvance(HEADERS[COL_ORG]) + 16
