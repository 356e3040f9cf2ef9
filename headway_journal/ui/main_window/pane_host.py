"""The main window's side of the case pane (a base class of ``MainWindow``).

The pane (timeline, details, before-the-call, history, exhibits) is made at the window's first
frame, or sooner if anything asks for ``case_pane``: its modules and widgets were a third of
what the window added to start-up (docs/performance.md, item 18). Until then the right side of
the splitter is an empty slot of the same size, and nothing is shown there anyway: the first
case is selected once the window is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..exhibits.drop_paste import install_paste_shortcut

if TYPE_CHECKING:  # pragma: no cover - types only
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog

    from ...journal.records import CaseView
    from ...journal.service import JournalService
    from ..case.pane import CasePane
    from ..case.promise_mark import PromiseMark
    from ..case_list import CaseListModel
    from ..exhibits.controller import AttachmentController
    from ..exhibits.panel import ExhibitsPanel


class CasePaneHost:
    """Makes ``case_pane`` when first needed and answers what it shows without making it."""

    if TYPE_CHECKING:  # the window's, set before any of these run
        service: JournalService
        attachments: AttachmentController
        case_model: CaseListModel
        act_newest_first: QAction
        _pane: CasePane | None
        pane_slot: QWidget

        def refresh(self, *, reload_pane: bool = True, select: int | None = None) -> None: ...
        def show_error(self, message: str) -> None: ...
        def log_contact(self, *, resume_draft: bool = False) -> None: ...
        def edit_contact(self, contact_id: int, *, resume_draft: bool = False) -> None: ...
        def delete_contact(self, contact_id: int) -> None: ...
        def restore_case(self, case_id: int | None = None) -> None: ...
        def open_attachment(self, attachment_id: int) -> QDialog | None: ...
        def attach_target(self) -> int | None: ...
        def _empty_list_text(self) -> str: ...
        def _promise_marked(self, mark: PromiseMark) -> None: ...
        def _promise_unmarked(self, mark: PromiseMark) -> None: ...
        def _wire_exhibits_panel(self, panel: ExhibitsPanel) -> None: ...

    @staticmethod
    def make_pane_slot() -> QWidget:
        """The splitter's right side, which the pane fills once made."""
        slot = QWidget()
        slot.setObjectName("case_pane_slot")
        layout = QVBoxLayout(slot)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        return slot

    @property
    def case_pane(self) -> CasePane:
        """The pane, made now if it was not."""
        if self._pane is None:
            self._pane = self._make_case_pane()
        return self._pane

    def built_case_pane(self) -> CasePane | None:
        """The pane if it was made (never makes it)."""
        return self._pane

    def shown_case(self) -> CaseView | None:
        """The case on the right (None before the pane is made)."""
        return self._pane.case if self._pane is not None else None

    def shown_case_id(self) -> int | None:
        return self._pane.case_id if self._pane is not None else None

    def shown_case_deleted(self) -> bool:
        """The case on the right is one in Deleted."""
        return self._pane is not None and self._pane.deleted

    def _make_case_pane(self) -> CasePane:
        from ..case.pane import CasePane

        pane = CasePane(self.service, controller=self.attachments)
        pane.changed.connect(lambda: self.refresh(reload_pane=False))
        pane.error.connect(self.show_error)
        pane.log_contact_requested.connect(self.log_contact)
        pane.edit_contact_requested.connect(self.edit_contact)
        pane.delete_contact_requested.connect(self.delete_contact)
        pane.restore_case_requested.connect(self.restore_case)
        pane.attachment_activated.connect(self.open_attachment)
        pane.promise_marked.connect(self._promise_marked)
        pane.promise_unmarked.connect(self._promise_unmarked)
        pane.set_newest_first(self.act_newest_first.isChecked())
        pane.order_button.toggled.connect(self.act_newest_first.setChecked)
        # The Exhibits panel is built when its tab is first opened (start-up skips it).
        pane.exhibits_created.connect(self._wire_exhibits_panel)
        # Ctrl+V on the timeline attaches to the case shown
        self.timeline_paste = install_paste_shortcut(pane.timeline_page, self.attachments,
                                                     self.attach_target)
        if self.case_model.rowCount() == 0:
            pane.set_placeholder(self._empty_list_text())
        layout = self.pane_slot.layout()
        if layout is not None:  # always (make_pane_slot)
            layout.addWidget(pane)
        return pane
