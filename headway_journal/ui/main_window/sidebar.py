"""The left pane: saved views with their counts, the issue type, organization and sort
choices, and the case list (a ``CaseListModel``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...journal.issue_types import ISSUE_TYPES
from ...journal.records import CaseFilter
from ..case_list import (
    COL_DUE,
    COL_STATUS,
    BadgeDelegate,
    CaseListModel,
    show_organization_column,
    size_columns,
)
from ..format import plural
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap, TranslatedPairs
from ..widgets import GRID, literal_ampersands, wrap_label

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from ...journal.records import OrganizationView

VIEWS = TranslatedPairs("sidebar", (
    ("due", QT_TRANSLATE_NOOP("sidebar", "Due & overdue")),
    ("active", QT_TRANSLATE_NOOP("sidebar", "All open")),
    ("waiting", QT_TRANSLATE_NOOP("sidebar", "Waiting")),
    ("escalated", QT_TRANSLATE_NOOP("sidebar", "Escalated")),
    ("resolved", QT_TRANSLATE_NOOP("sidebar", "Resolved")),
    ("all", QT_TRANSLATE_NOOP("sidebar", "All")),
    ("deleted", QT_TRANSLATE_NOOP("sidebar", "Deleted")),
))
VIEW_NAMES = TranslatedMap("sidebar", dict(VIEWS.source))
SORTS = TranslatedPairs("sidebar", (
    ("due", QT_TRANSLATE_NOOP("sidebar", "Next deadline")),
    ("opened", QT_TRANSLATE_NOOP("sidebar", "Newest opened")),
    ("title", QT_TRANSLATE_NOOP("sidebar", "Title")),
    ("status", QT_TRANSLATE_NOOP("sidebar", "Status")),
))
ViewRole = Qt.ItemDataRole.UserRole + 1


def view_action_text(key: str, n: int) -> str:
    """A View menu entry: the view's name and how many cases it holds."""
    return literal_ampersands(f"{VIEW_NAMES[key]} ({n})")


class Sidebar(QWidget):
    """Views, filters and the case list. The window decides what a choice does."""

    view_chosen = Signal(str)  # a saved view was clicked (its key)
    filters_changed = Signal()  # issue type, organization or sort order
    current_row_changed = Signal(QModelIndex)  # the case list's current row

    def __init__(self, model: CaseListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("Sidebar", "Cases pane"))
        self.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID, 0, GRID)
        layout.setSpacing(GRID)
        layout.addWidget(self._build_views())
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_sort_row())
        self.issue_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.org_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self._build_case_list(model)
        self.list_hint = wrap_label("", name=QCoreApplication.translate("Sidebar", "Case list message"))
        self.list_hint.hide()
        layout.addWidget(self.list_hint)
        layout.addWidget(self.case_list, 1)

    def _build_views(self) -> QListWidget:
        self.views = QListWidget()
        self.views.setAccessibleName(QCoreApplication.translate("Sidebar", "Saved views"))
        self.views.setAccessibleDescription(self.tr("Which cases the list shows, with how "
                                                    "many each view holds"))
        self.views.setFrameShape(QFrame.Shape.NoFrame)
        self.views.setStyleSheet("QListWidget::item { padding: 3px 6px; }")
        self.views.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.views.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key, label in VIEWS:
            item = QListWidgetItem(label)
            item.setData(ViewRole, key)
            self.views.addItem(item)
        rows = self.views.sizeHintForRow(0) * len(VIEWS) + 2 * self.views.frameWidth() + 4
        self.views.setFixedHeight(rows)
        self.views.currentItemChanged.connect(self._view_item_changed)
        return self.views

    def _build_filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        filters.setSpacing(GRID)
        self.issue_filter = QComboBox()
        self.issue_filter.setAccessibleName(QCoreApplication.translate("Sidebar", "Issue type filter"))
        self.issue_filter.setToolTip(QCoreApplication.translate("Sidebar", "Show only one issue "
                                                                           "type"))
        self.issue_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.issue_filter.setMinimumContentsLength(10)
        self.org_filter = QComboBox()
        self.org_filter.setAccessibleName(QCoreApplication.translate("Sidebar", "Organization filter"))
        self.org_filter.setToolTip(QCoreApplication.translate("Sidebar", "Show only one "
                                                                         "organization"))
        self.org_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.org_filter.setMinimumContentsLength(8)
        filters.addWidget(self.issue_filter, 1)
        filters.addWidget(self.org_filter, 1)
        return filters

    def _build_sort_row(self) -> QHBoxLayout:
        sort_row = QHBoxLayout()
        sort_label = QLabel(QCoreApplication.translate("Sidebar", "Sort by"))
        sort_label.setAccessibleName(QCoreApplication.translate("Sidebar", "Sort by"))
        self.sort_combo = QComboBox()
        self.sort_combo.setAccessibleName(QCoreApplication.translate("Sidebar", "Sort cases by"))
        self.sort_combo.setToolTip(self.tr("The order of the case list"))
        for key, label in SORTS:
            self.sort_combo.addItem(label, key)
        sort_label.setBuddy(self.sort_combo)
        sort_row.addWidget(sort_label)
        sort_row.addWidget(self.sort_combo, 1)
        return sort_row

    def _build_case_list(self, model: CaseListModel) -> None:
        self.case_list = QTreeView()
        self.case_list.setAccessibleName(QCoreApplication.translate("Sidebar", "Case list"))
        self.case_list.setAccessibleDescription(self.tr(
            "The cases of the chosen view: title, status and next deadline. Ctrl+E edits "
            "the selected case, Ctrl+L logs a contact on it"))
        self.case_list.setModel(model)
        self.case_list.setRootIsDecorated(False)
        self.case_list.setUniformRowHeights(True)
        self.case_list.setAllColumnsShowFocus(True)
        self.case_list.setAlternatingRowColors(True)
        self.case_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.case_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        delegate = BadgeDelegate(self.case_list)
        self.case_list.setItemDelegateForColumn(COL_STATUS, delegate)
        self.case_list.setItemDelegateForColumn(COL_DUE, delegate)
        size_columns(self.case_list)
        self.case_list.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_row_changed.emit(current))
        self.case_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _view_item_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is not None:
            self.view_chosen.emit(str(current.data(ViewRole)))

    def select_view(self, key: str) -> None:
        """Show ``key`` as the chosen view, without announcing it."""
        for row in range(self.views.count()):
            item = self.views.item(row)
            if item.data(ViewRole) == key and self.views.currentRow() != row:
                self.views.blockSignals(True)
                self.views.setCurrentRow(row)
                self.views.blockSignals(False)

    def show_counts(self, counts: dict[str, int]) -> None:
        """Each view's name with how many cases it holds (Due & overdue bold when any)."""
        for row in range(self.views.count()):
            item = self.views.item(row)
            key = str(item.data(ViewRole))
            n = counts.get(key, 0)
            label = f"{VIEW_NAMES[key]}  ({n})"
            item.setText(label)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{VIEW_NAMES[key]}, {plural(n, 'case')}")
            font = item.font()
            font.setBold(key == "due" and n > 0)
            item.setFont(font)

    def fill_filters(self, orgs: Sequence[OrganizationView]) -> None:
        """Fill the issue type and organization combos (keeping the choices), silently."""
        issue = self.issue_filter.currentData()
        org = self.org_filter.currentData()
        for combo in (self.issue_filter, self.org_filter):
            combo.blockSignals(True)
            combo.clear()
        self.issue_filter.addItem(QCoreApplication.translate("Sidebar", "All issue types"), "")
        for key, it in ISSUE_TYPES.items():
            self.issue_filter.addItem(i18n.text(it.label), key)
        self.org_filter.addItem(QCoreApplication.translate("Sidebar", "All organizations"), 0)
        for o in orgs:
            self.org_filter.addItem(o.name, o.id)
        for combo, value in ((self.issue_filter, issue), (self.org_filter, org)):
            index = combo.findData(value) if value else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        show_organization_column(self.case_list, len(orgs), bool(self.org_filter.currentData()))

    def clear_filters(self) -> None:
        """Both filters back to "All", silently."""
        for combo in (self.issue_filter, self.org_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def update_organization_column(self) -> None:
        show_organization_column(self.case_list, self.org_filter.count() - 1,
                                 bool(self.org_filter.currentData()))

    def case_filter(self, view: str, text: str) -> CaseFilter:
        """The list's filter for ``view`` and the search ``text``."""
        issue = self.issue_filter.currentData()
        org = self.org_filter.currentData()
        sort = self.sort_combo.currentData() or "due"
        # a search looks through every case (Deleted stays apart), whatever view is chosen
        shown = "all" if text and view != "deleted" else view
        return CaseFilter(view=shown, issue_type=issue or None, organization_id=org or None,
                          text=text, sort=sort)

    def show_hint(self, text: str, n: int, view: str) -> None:
        """Above the list while searching: how many cases match, and where."""
        if text:
            where = QCoreApplication.translate("Sidebar", "in Deleted") if view == "deleted" else QCoreApplication.translate("Sidebar", "in all cases")
            verb = "matches" if n == 1 else "match"
            self.list_hint.setText(f"{plural(n, 'case')} {verb} “{text}” {where}")
            self.list_hint.show()
        else:
            self.list_hint.hide()


def empty_list_text(text: str, view: str) -> str:
    """What an empty case list says, for the search ``text`` in ``view``."""
    if text:
        return QCoreApplication.translate("sidebar", "No case matches “{text}”. Press Esc in the "
                                                     "search box to clear it.").format(text=text)
    if view == "due":
        return QCoreApplication.translate("sidebar", "Nothing is due in the next 7 days and "
                                                     "nothing is overdue.")
    if view == "deleted":
        return QCoreApplication.translate("sidebar", "Nothing has been deleted.")
    return QCoreApplication.translate("sidebar", "No cases in {value}.").format(
        value=VIEW_NAMES[view])
