"""The right pane: what this case is (header) and its tabs.

Timeline (``timeline``: one card per contact, promises inline with Kept / Broken, exhibits as
thumbnails), Details (``details``: the issue type's fields from the registry), Exhibits
(``attachments.ExhibitsPanel``: thumbnails, attach, paste, drop, capture; built when the tab is
first opened or ``exhibits`` is first used, so start-up does not pay for it), Before you call
(``before_call``: checklist, questions, channels with "open now", next step, outside clocks, the
safety note) and History (``history``: every change). The header is ``header``.

Everything shown comes from the service's plain views (CaseView and friends); writes go through
the service and then ``changed`` is emitted so the window can refresh the list and counts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.exc import OperationalError

from ...journal.next_step import after_broken_promise
from ...journal.records import CaseView
from ...journal.service import JournalService, ServiceError
from ..exhibits.controller import AttachmentController
from ..translated import QT_TRANSLATE_NOOP, TranslatedTexts
from ..widgets import GRID
from .before_call import fill_before_call
from .common import scroll_page
from .details import fill_details
from .header import CaseHeader, DeletedBanner
from .history import fill_history, history_browser
from .offline import OfflineNotice, grey_out_buttons, is_server_lost, offline_text
from .promise_mark import PromiseMark
from .timeline import TimelineTab

if TYPE_CHECKING:  # pragma: no cover - built when its tab is first opened
    from ..exhibits.panel import ExhibitsPanel

TAB_TIMELINE, TAB_DETAILS, TAB_EXHIBITS, TAB_BEFORE_CALL, TAB_HISTORY = range(5)
TAB_TITLES = TranslatedTexts("pane", (QT_TRANSLATE_NOOP("pane", "Timeline"), QT_TRANSLATE_NOOP("pane", "Details"), QT_TRANSLATE_NOOP("pane", "Exhibits"), QT_TRANSLATE_NOOP("pane", "Before you call"), QT_TRANSLATE_NOOP("pane", "History")))


class CasePane(QWidget):
    """Header and tabs for one case."""

    changed = Signal()  # something was written through the service
    error = Signal(str)  # a write failed; the text is for the user
    log_contact_requested = Signal()
    edit_contact_requested = Signal(int)
    delete_contact_requested = Signal(int)
    restore_case_requested = Signal(int)
    attachment_activated = Signal(int)
    exhibits_created = Signal(object)  # the ExhibitsPanel, once, when it is first built
    promise_marked = Signal(object)  # a PromiseMark: a promise was marked kept or broken
    promise_unmarked = Signal(object)  # a PromiseMark undone (its previous status is back)

    def __init__(self, service: JournalService, parent: QWidget | None = None, *,
                 controller: AttachmentController | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.controller = controller or AttachmentController(service, self)
        self.case: CaseView | None = None
        self._before_call_case: int | None = None
        self.deleted = False
        self._exhibits: ExhibitsPanel | None = None
        self.setAccessibleName(QCoreApplication.translate("CasePane", "Case"))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.placeholder = QLabel(QCoreApplication.translate("CasePane", "Select a case on the "
                                                                         "left to see its "
                                                                         "timeline."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName(QCoreApplication.translate("CasePane", "No case selected"))
        self.stack.addWidget(self.placeholder)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(GRID * 2, GRID + 4, GRID * 2, 0)
        column.setSpacing(GRID)
        column.addWidget(self._build_header())
        column.addWidget(self._build_deleted_banner())
        self.offline_notice = OfflineNotice()  # a shared journal's server cannot be reached
        column.addWidget(self.offline_notice)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(QCoreApplication.translate("CasePane", "Case tabs"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_timeline(), TAB_TITLES[TAB_TIMELINE])
        self.details_area, self.details_column = scroll_page(QCoreApplication.translate("CasePane", "Details"))
        self.tabs.addTab(self.details_area, TAB_TITLES[TAB_DETAILS])
        self.tabs.addTab(self._build_exhibits(), TAB_TITLES[TAB_EXHIBITS])
        self.before_area, self.before_column = scroll_page(QCoreApplication.translate("CasePane", "Before you call"))
        self.tabs.addTab(self.before_area, TAB_TITLES[TAB_BEFORE_CALL])
        self.history = history_browser()
        self.tabs.addTab(self.history, TAB_TITLES[TAB_HISTORY])
        tips = (self.tr("Contacts, promises and exhibits, newest first"),
                self.tr("The facts this issue type asks for"),
                self.tr("Screenshots, receipts and letters attached to the case"),
                self.tr("What to have ready, questions to ask and when they are open"),
                self.tr("Every change made to the case"))
        for index, tip in enumerate(tips):  # also what a screen reader says about each tab
            self.tabs.setTabToolTip(index, QCoreApplication.translate("CasePane", "{tip} (Ctrl+Tab: next tab)").format(
                tip=tip))
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- building blocks ---------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        """The header; its labels stay reachable as the pane's (``title_label`` ...)."""
        self.header = CaseHeader()
        self.title_label = self.header.title_label
        self.status_badge = self.header.status_badge
        self.facts_label = self.header.facts_label
        self.outcome_label = self.header.outcome_label
        return self.header

    def _build_deleted_banner(self) -> QWidget:
        self.deleted_banner = DeletedBanner()
        self.restore_button = self.deleted_banner.restore_button
        self.restore_button.clicked.connect(self._restore_clicked)
        return self.deleted_banner

    def _build_timeline(self) -> QWidget:
        """The Timeline tab; its parts stay reachable as the pane's (``order_button`` ...)."""
        self.timeline = TimelineTab(self.service)
        self.timeline_summary = self.timeline.timeline_summary
        self.order_button = self.timeline.order_button
        self.promise_notice = self.timeline.promise_notice
        self.timeline_area = self.timeline.timeline_area
        self.timeline_column = self.timeline.timeline_column
        self.promise_notice.undo_requested.connect(self.undo_mark)
        self.timeline.log_contact_requested.connect(self.log_contact_requested)
        self.timeline.edit_contact_requested.connect(self.edit_contact_requested)
        self.timeline.delete_contact_requested.connect(self.delete_contact_requested)
        self.timeline.attachment_activated.connect(self.attachment_activated)
        self.timeline.mark_requested.connect(self.set_promise_status)
        return self.timeline

    def _build_exhibits(self) -> QWidget:
        """The Exhibits tab's page; the panel itself comes with the first use (``exhibits``)."""
        self.exhibits_page = QWidget()
        self.exhibits_page.setAccessibleName(QCoreApplication.translate("CasePane", "Exhibits page"))
        layout = QVBoxLayout(self.exhibits_page)
        layout.setContentsMargins(0, 0, 0, 0)
        return self.exhibits_page

    @property
    def exhibits(self) -> ExhibitsPanel:
        """The Exhibits tab's panel, built on first use and showing the current case."""
        if self._exhibits is None:
            from ..exhibits.panel import ExhibitsPanel  # its modules load with it

            panel = ExhibitsPanel(self.service, self.controller)
            self._exhibits = panel
            layout = self.exhibits_page.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.set_read_only(self.locked)
            panel.set_case(self.case)
            self.exhibits_created.emit(panel)
        return self._exhibits

    @property
    def exhibits_built(self) -> bool:
        return self._exhibits is not None

    def _tab_changed(self, index: int) -> None:
        if index == TAB_EXHIBITS:
            self.exhibits  # noqa: B018 - builds the panel the first time the tab is shown
        elif index == TAB_BEFORE_CALL:
            self.scroll_before_call_to_top()

    def scroll_before_call_to_top(self) -> None:
        """Before you call opens at its top (the checklist), now and once laid out."""
        bar = self.before_area.verticalScrollBar()
        bar.setValue(0)
        QTimer.singleShot(0, bar, lambda: bar.setValue(0))

    @property
    def timeline_page(self) -> QWidget:
        """The Timeline tab (Ctrl+V there attaches the clipboard's image or files)."""
        page = self.tabs.widget(TAB_TIMELINE)
        assert page is not None
        return page

    def set_service(self, service: JournalService) -> None:
        """The journal was reopened (after a restore): read it from now on."""
        self.service = service
        if self._exhibits is not None:
            self._exhibits.set_service(service)
        self.timeline.set_service(service)

    # -- public ------------------------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self.case.id if self.case is not None else None

    @property
    def newest_first(self) -> bool:
        return self.timeline.newest_first

    def set_newest_first(self, value: bool) -> None:
        self.timeline.set_newest_first(value)

    @property
    def locked(self) -> bool:
        """Nothing shown can be changed: a case in Deleted, or a read-only journal."""
        return (self.deleted or self.offline_notice.isVisibleTo(self)
                or getattr(self.service, "read_only", None) is not None)

    def show_case(self, case_id: int | None, *, deleted: bool = False) -> None:
        """Show a case (``None``: the placeholder). ``deleted`` allows a case in Deleted."""
        self.deleted = deleted
        if case_id is None or self.case is None or self.case.id != case_id:
            self.promise_notice.dismiss()  # it was about another case
        if case_id is None:
            self.case = None
            self._exhibits_show(None)
            self.stack.setCurrentIndex(0)
            return
        try:
            case = self.service.get_case(case_id, include_deleted=deleted)
        except ServiceError as exc:
            self.set_placeholder(str(exc))
            return
        except OperationalError as exc:
            self._server_lost(exc)
            return
        self.case = case
        self.offline_notice.hide()
        self._fill(case)
        self.stack.setCurrentIndex(1)

    def _server_lost(self, exc: OperationalError) -> None:
        """A shared journal's server went away: the case last loaded stays on screen,
        read-only, with a notice (``offline``); with none loaded, the notice alone."""
        if not is_server_lost(exc):
            raise exc
        if self.case is None:
            self.set_placeholder(offline_text(False))
            return
        self.offline_notice.show()
        # what is on screen stays; nothing in it can change (no refill: that reads the server)
        grey_out_buttons(self.timeline.timeline_area.widget(), self.before_area.widget(),
                         self.deleted_banner)
        if self._exhibits is not None:
            self._exhibits.set_read_only(True)

    def reload(self, *, deleted: bool | None = None) -> None:
        """Show the current case again (after a change), keeping the scroll position."""
        if self.case is None:
            return
        bar = self.timeline_area.verticalScrollBar()
        position = bar.value()
        self.show_case(self.case.id, deleted=self.deleted if deleted is None else deleted)
        QTimer.singleShot(0, bar, lambda: bar.setValue(min(position, bar.maximum())))

    def set_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.case = None
        self._exhibits_show(None)
        self.stack.setCurrentIndex(0)

    def _exhibits_show(self, case: CaseView | None) -> None:
        """Show ``case`` in the Exhibits panel if it was built (else it will, when built)."""
        if self._exhibits is not None:
            self._exhibits.set_read_only(self.locked)
            self._exhibits.set_case(case)

    # -- filling -----------------------------------------------------------------------------

    def _fill(self, case: CaseView) -> None:
        self.header.fill(case, deleted=self.deleted)
        self.deleted_banner.setVisible(self.deleted)
        self.restore_button.setEnabled(getattr(self.service, "read_only", None) is None)
        self.timeline.fill(case, locked=self.locked)
        fill_details(self.details_column, case)
        self._exhibits_show(case)
        self._fill_before_call(case)
        fill_history(self.history, self.service, case)
        n = len(case.attachments)
        self.tabs.setTabText(TAB_EXHIBITS, QCoreApplication.translate("CasePane", "Exhibits ({n})").format(
            n=n) if n else QCoreApplication.translate("CasePane", "Exhibits"))

    def _fill_before_call(self, case: CaseView, now: datetime | None = None) -> None:
        if case.id != self._before_call_case:  # another case starts at the top
            self._before_call_case = case.id
            self.scroll_before_call_to_top()
        fill_before_call(self.before_column, self.service, case, now or datetime.now(UTC),
                         None if self.locked else self.open_letter)

    def open_letter(self, kind: str) -> None:
        """Open the editor of the case's letter of ``kind`` (``letter_dialog`` while open)."""
        if self.case is None:
            return
        from ..letters.dialog import open_letter_dialog  # the editor loads python-docx & co.

        self.letter_dialog = open_letter_dialog(self, self.service, self.case.id, kind)
        if self.letter_dialog is not None:
            self.letter_dialog.changed.connect(self._letter_changed)

    def _letter_changed(self) -> None:
        self.reload()
        self.changed.emit()

    # -- writes ------------------------------------------------------------------------------

    def set_promise_status(self, promise_id: int, status: str) -> None:
        """Mark a promise; the notice above the timeline says what next and offers Undo."""
        try:
            before = self.service.set_promise_status(promise_id, status)
        except ServiceError as exc:
            self.error.emit(str(exc))
            return
        self.reload()
        self.changed.emit()
        case = self.case
        promise = next((p for p in case.promises if p.id == promise_id), None) if case else None
        if case is None or promise is None or before == status:
            return
        mark = PromiseMark(promise_id, case.id, promise.text, before, status)
        advice = after_broken_promise(case, promise) if status == "broken" else None
        self.promise_notice.show_mark(mark, advice)
        self.promise_marked.emit(mark)

    def undo_mark(self, mark: PromiseMark) -> bool:
        """Put back the status ``mark`` replaced, unless the promise changed again since."""
        try:
            case = self.service.get_case(mark.case_id)
            now = next((p.status for p in case.promises if p.id == mark.promise_id), None)
            if now != mark.after:
                self.error.emit(QCoreApplication.translate("CasePane", "The promise “{text}” was "
                                                                       "changed again since; "
                                                                       "nothing was undone.").format(
                                                                           text=mark.text))
                self.promise_notice.dismiss()
                self.promise_unmarked.emit(mark)
                return False
            self.service.set_promise_status(mark.promise_id, mark.before, undo=True)
        except ServiceError as exc:
            self.error.emit(str(exc))
            return False
        if self.case is not None and self.case.id == mark.case_id:
            self.reload()
            self.promise_notice.show_undone(mark)
        self.changed.emit()
        self.promise_unmarked.emit(mark)
        return True

    def _restore_clicked(self) -> None:
        if self.case is not None:
            self.restore_case_requested.emit(self.case.id)
