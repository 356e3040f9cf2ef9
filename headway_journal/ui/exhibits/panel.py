"""The Exhibits tab of a case: cards, removed exhibits, the buttons and the context menu."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...journal.records import AttachmentView, CaseView
from ...journal.service import ServiceError
from ..format import numerus
from ..translated import QT_TRANSLATE_NOOP, tr
from ..widgets import FlowLayout
from .cards import ExhibitDelegate, ExhibitModel
from .controller import AttachmentController
from .describe import describe_exhibit, human_size, short_date
from .drop_paste import install_drop_target, install_paste_shortcut
from .files import open_in_system_viewer, pick_and_attach, save_copy_as
from .thumbnails import ThumbnailCache

if TYPE_CHECKING:  # pragma: no cover
    from ...journal.service import JournalService
    from .viewer import ImageViewer

__all__ = [
    "EMPTY_TEXT",
    "ExhibitsPanel",
]


EMPTY_TEXT = QT_TRANSLATE_NOOP("panel", "Drop screenshots here, paste with Ctrl+V, or click Attach")


class _MessageBar(QFrame):
    """Plain-words problems next to the list (never a modal stack)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("_MessageBar", "Attachment messages"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip(QCoreApplication.translate("_MessageBar", "Dismiss these messages"))
        close.setAccessibleName(QCoreApplication.translate("_MessageBar", "Dismiss messages"))
        close.setAutoRaise(True)
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._lines: list[str] = []
        self.hide()

    def messages(self) -> list[str]:
        return list(self._lines)

    def add(self, text: str) -> None:
        self._lines.append(text)
        self._lines = self._lines[-8:]
        self.label.setText("\n".join(self._lines))
        self.show()

    def clear(self) -> None:
        self._lines.clear()
        self.label.clear()
        self.hide()


class _ListKeys(QObject):
    """Delete, F2 and Enter on the exhibit list win over window-wide shortcuts while the list
    has focus (they are taken as ShortcutOverride)."""

    def __init__(self, panel: ExhibitsPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def _action(self, event: QKeyEvent) -> Callable[[], object] | None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        key = event.key()
        if key == Qt.Key.Key_Delete:
            return self._panel.remove_selected
        if key == Qt.Key.Key_F2:
            return self._panel.edit_selected_caption
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._panel.open_selected
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        action = self._action(event)
        if action is None or not self._panel.selected_ids():
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            action()
        return True


class ExhibitsPanel(QWidget):
    """The Exhibits tab: thumbnails of the case's exhibits, removed exhibits below."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, service: JournalService, controller: AttachmentController,
                 parent: QWidget | None = None, *,
                 thumbnails: ThumbnailCache | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("ExhibitsPanel", "Exhibits"))
        self._service = service
        self._controller = controller
        self._case_id: int | None = None
        self._read_only = False
        self.thumbnails = thumbnails or ThumbnailCache(service, parent=self)

        self._build_buttons()
        self.messages = _MessageBar(self)
        self._build_list()
        self._build_removed()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.button_bar)
        layout.addWidget(self.messages)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.removed_toggle)
        layout.addWidget(self.removed_box)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # --- drops and Ctrl+V anywhere in the panel (text-free), feedback from the controller
        self.drop_target = install_drop_target(self, controller, self.case_id)
        self.paste_handler = install_paste_shortcut(self, controller, self.case_id)
        controller.attached.connect(self._on_attached)
        controller.failed.connect(self.messages.add)
        controller.notice.connect(self.messages.add)
        controller.busy_changed.connect(self._on_busy)
        self.set_case(None)

    def _build_buttons(self) -> None:
        """The action buttons, in a bar that wraps onto a second line when narrow."""
        self.attach_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Attach\u2026"), QCoreApplication.translate("ExhibitsPanel", "Attach files (choose one or more)"),
                                          self.attach_files)
        self.capture_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Capture screen\u2026"),
                                           QCoreApplication.translate("ExhibitsPanel", "Take a screenshot and attach it"), self.capture)
        self.open_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Open"), QCoreApplication.translate("ExhibitsPanel", "Open the exhibit in the viewer (Enter)"),
                                        self.open_selected)
        self.external_button = self._button(
            QCoreApplication.translate("ExhibitsPanel", "Open with system viewer"), QCoreApplication.translate("ExhibitsPanel", "Open a read-only copy in your usual viewer"),
            self.open_selected_externally)
        self.save_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Save a copy\u2026"), QCoreApplication.translate("ExhibitsPanel", "Save a copy of the exhibit"),
                                        self.save_selected_copy)
        self.caption_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Caption\u2026"), QCoreApplication.translate("ExhibitsPanel", "Edit the caption (F2)"),
                                           self.edit_selected_caption)
        self.remove_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Remove"), QCoreApplication.translate("ExhibitsPanel", "Move to removed exhibits (Delete)"),
                                          self.remove_selected)
        # the buttons wrap onto a second line in a narrow window instead of widening it
        self.button_bar = QWidget(self)
        self.button_bar.setAccessibleName(QCoreApplication.translate("ExhibitsPanel", "Exhibit actions"))
        bar_policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        bar_policy.setHeightForWidth(True)
        self.button_bar.setSizePolicy(bar_policy)
        bar = FlowLayout(self.button_bar, spacing=8)
        for button in (self.attach_button, self.capture_button, self.open_button,
                       self.external_button, self.save_button, self.caption_button,
                       self.remove_button):
            bar.addWidget(button)

    def _build_list(self) -> None:
        """The cards of the case's exhibits, or the empty state."""
        self.model = ExhibitModel(self.thumbnails, self)
        self.list_view = QListView(self)
        self.list_view.setAccessibleName(QCoreApplication.translate("ExhibitsPanel", "Exhibit list"))
        self.list_view.setViewMode(QListView.ViewMode.IconMode)
        self.list_view.setMovement(QListView.Movement.Static)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setWrapping(True)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSpacing(4)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setDragEnabled(False)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list_view.viewport().setAcceptDrops(False)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(ExhibitDelegate(self.list_view))
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._context_menu)
        self.list_view.activated.connect(lambda _index: self.open_selected())
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.list_view.installEventFilter(_ListKeys(self))

        self.empty_label = QLabel(tr("panel", EMPTY_TEXT), self)
        self.empty_label.setAccessibleName(QCoreApplication.translate("ExhibitsPanel", "No exhibits yet"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Ctrl+V works here
        self.empty_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_label.setMinimumHeight(120)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.list_view)

    def _build_removed(self) -> None:
        """Removed exhibits, folded away below the cards."""
        self.removed_toggle = QToolButton(self)
        self.removed_toggle.setCheckable(True)
        self.removed_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.removed_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.removed_toggle.setAutoRaise(True)
        self.removed_toggle.setAccessibleName(QCoreApplication.translate("ExhibitsPanel", "Show removed exhibits"))
        self.removed_toggle.toggled.connect(self._toggle_removed)
        self.removed_list = QListWidget(self)
        self.removed_list.setAccessibleName(QCoreApplication.translate("ExhibitsPanel", "Removed exhibits"))
        self.removed_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.removed_list.itemSelectionChanged.connect(self._update_buttons)
        self.restore_button = self._button(QCoreApplication.translate("ExhibitsPanel", "Restore"), QCoreApplication.translate("ExhibitsPanel", "Put the exhibit back"),
                                           self.restore_selected)
        self.empty_removed_button = self._button(
            QCoreApplication.translate("ExhibitsPanel", "Empty removed exhibits\u2026"), QCoreApplication.translate("ExhibitsPanel", "Delete the removed exhibits for good"),
            self.empty_removed)
        self.removed_box = QWidget(self)
        removed_buttons = QHBoxLayout()
        removed_buttons.addWidget(self.restore_button)
        removed_buttons.addStretch(1)
        removed_buttons.addWidget(self.empty_removed_button)
        removed_layout = QVBoxLayout(self.removed_box)
        removed_layout.setContentsMargins(0, 0, 0, 0)
        removed_layout.addWidget(self.removed_list)
        removed_layout.addLayout(removed_buttons)
        self.removed_box.hide()

    # ----------------------------------------------------------------- state

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("\u2026"))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def case_id(self) -> int | None:
        """The case that attached files go to (None: none shown, or it is read-only)."""
        return None if self._read_only else self._case_id

    def set_read_only(self, on: bool) -> None:
        """A case in Deleted: its exhibits are shown and can be opened, nothing changes."""
        self._read_only = on
        self._update_buttons()

    def set_service(self, service: JournalService) -> None:
        """The journal was reopened (after a restore): read it from now on."""
        self._service = service
        self.thumbnails.set_service(service)

    def set_case(self, case_view: CaseView | None) -> None:
        """Show a case's exhibits (None: nothing to show; attaching is disabled)."""
        keep = self.selected_ids() if case_view is not None and case_view.id == self._case_id \
            else []
        if case_view is None or case_view.id != self._case_id:
            self.messages.clear()
        self._case_id = None if case_view is None else case_view.id
        live = case_view.attachments if case_view is not None else ()
        removed = case_view.removed_attachments if case_view is not None else ()
        contacts = {}
        if case_view is not None:
            contacts = {c.id: f"{short_date(c.started_at)} ({c.channel})"
                        for c in case_view.contacts}
        self.model.set_items(live, contacts)
        self.stack.setCurrentWidget(self.list_view if live else self.empty_label)
        self.empty_label.setText(tr("panel", EMPTY_TEXT) if case_view is not None
                                 else QCoreApplication.translate("ExhibitsPanel", "Choose a case to see its exhibits."))
        self.removed_list.clear()
        for view in removed:
            when = short_date(view.removed_at) if view.removed_at else ""
            text = " \u00b7 ".join(part for part in (
                " ".join(view.original_name.split()), " ".join(view.caption.split()),
                human_size(view.size), f"removed {when}" if when else "") if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(describe_exhibit(view))
            self.removed_list.addItem(item)
        rows = min(max(1, len(removed)), 5)
        row_height = self.removed_list.sizeHintForRow(0) if removed else 0
        self.removed_list.setFixedHeight(
            rows * max(row_height, self.fontMetrics().height() + 4)
            + 2 * self.removed_list.frameWidth() + 4)
        self.removed_toggle.setText(QCoreApplication.translate("ExhibitsPanel", "Removed exhibits ({len})").format(len=len(removed)))
        self.removed_toggle.setVisible(bool(removed))
        self.removed_box.setVisible(bool(removed) and self.removed_toggle.isChecked())
        self.select_ids(keep)
        self._update_buttons()

    def refresh(self) -> None:
        """Re-read the current case from the journal."""
        if self._case_id is None:
            self.set_case(None)
            return
        try:
            self.set_case(self._service.get_case(self._case_id))
        except ServiceError:
            self.set_case(None)

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedIndexes())
        return [self.model.view_at(row).id for row in rows if row < self.model.rowCount()]

    def select_ids(self, ids: Iterable[int]) -> None:
        selection = self.list_view.selectionModel()
        selection.clearSelection()
        first = True
        for attachment_id in ids:
            row = self.model.row_of(attachment_id)
            if row < 0:
                continue
            index = self.model.index(row)
            flags = QItemSelectionModel.SelectionFlag.Select
            if first:
                selection.setCurrentIndex(index, flags)
                self.list_view.scrollTo(index)
                first = False
            else:
                selection.select(index, flags)

    def removed_ids(self, *, selected_only: bool = False) -> list[int]:
        items = self.removed_list.selectedItems() if selected_only else [
            self.removed_list.item(i) for i in range(self.removed_list.count())]
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items]

    def _update_buttons(self) -> None:
        has_case = self.case_id() is not None
        writable = not self._read_only
        chosen = self.selected_ids()
        one = len(chosen) == 1
        self.attach_button.setEnabled(has_case)
        self.capture_button.setEnabled(has_case)
        for button in (self.open_button, self.external_button, self.save_button):
            button.setEnabled(one)
        self.caption_button.setEnabled(one and writable)
        self.remove_button.setEnabled(bool(chosen) and writable)
        self.restore_button.setEnabled(bool(self.removed_list.selectedItems()) and writable)
        self.empty_removed_button.setEnabled(self.removed_list.count() > 0 and writable)

    def _toggle_removed(self, on: bool) -> None:
        self.removed_toggle.setArrowType(Qt.ArrowType.DownArrow if on
                                         else Qt.ArrowType.RightArrow)
        self.removed_box.setVisible(on and self.removed_list.count() > 0)

    def _on_attached(self, ids: list[int]) -> None:
        self.refresh()
        self.select_ids(ids)
        count = len(ids)
        self.status_message.emit(numerus(QCoreApplication.translate(
            "ExhibitsPanel", "Attached %n files.", None, count), "Attached %n files.", count,
            "Attached %n file."))
        self.changed.emit()

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.messages.clear()
            self.status_message.emit(QCoreApplication.translate("ExhibitsPanel", "Attaching\u2026"))

    def _changed(self, message: str) -> None:
        self.refresh()
        self.status_message.emit(message)
        self.changed.emit()

    def _one(self) -> AttachmentView | None:
        chosen = self.selected_ids()
        if len(chosen) != 1:
            return None
        return self.model.view_at(self.model.row_of(chosen[0]))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list_view.indexAt(pos)
        if index.isValid() and index.row() not in {
                i.row() for i in self.list_view.selectionModel().selectedIndexes()}:
            self.select_ids([self.model.view_at(index.row()).id])
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        one = self._one() is not None
        entries: list[tuple[str, Callable[[], object], bool, QKeySequence | None]] = [
            (QCoreApplication.translate("ExhibitsPanel", "Open"), self.open_selected, one, QKeySequence(Qt.Key.Key_Return)),
            (QCoreApplication.translate("ExhibitsPanel", "Open with system viewer"), self.open_selected_externally, one, None),
            (QCoreApplication.translate("ExhibitsPanel", "Save a copy as\u2026"), self.save_selected_copy, one, None),
            (QCoreApplication.translate("ExhibitsPanel", "Edit caption\u2026"), self.edit_selected_caption, one and not self._read_only,
             QKeySequence(Qt.Key.Key_F2)),
            (QCoreApplication.translate("ExhibitsPanel", "Remove"), self.remove_selected, bool(self.selected_ids()) and not self._read_only,
             QKeySequence(QKeySequence.StandardKey.Delete)),
        ]
        for text, slot, enabled, keys in entries:
            action = QAction(text, menu)
            action.setEnabled(enabled)
            if keys is not None:
                action.setShortcut(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
        menu.addSeparator()
        attach = menu.addAction(QCoreApplication.translate("ExhibitsPanel", "Attach files\u2026"))
        attach.setEnabled(self.case_id() is not None)
        attach.triggered.connect(lambda _checked=False: self.attach_files())
        paste = menu.addAction(QCoreApplication.translate("ExhibitsPanel", "Paste screenshot or files"))
        paste.setEnabled(self.case_id() is not None and self.paste_handler.clipboard_attachable())
        paste.triggered.connect(lambda _checked=False: self.paste_handler.paste())
        menu.popup(self.list_view.viewport().mapToGlobal(pos))

    # ----------------------------------------------------------------- actions

    def attach_files(self) -> int:
        return pick_and_attach(self, self._controller, self.case_id())

    def capture(self) -> bool:
        from .capture import capture_and_attach  # loaded on first use: start-up time

        return capture_and_attach(self.window(), self._controller, self.case_id())

    def open_selected(self) -> ImageViewer | None:
        view = self._one()
        if view is None:
            return None
        from .viewer import open_viewer  # loaded on first use: start-up time

        viewer = open_viewer(self._service, view.id, self)
        viewer.caption_changed.connect(lambda _id: self._changed(QCoreApplication.translate("ExhibitsPanel", "Caption saved.")))
        return viewer

    def open_selected_externally(self) -> Path | None:
        view = self._one()
        return None if view is None else open_in_system_viewer(self._service, view.id, self)

    def save_selected_copy(self) -> Path | None:
        view = self._one()
        if view is None:
            return None
        saved = save_copy_as(self._service, view.id, self)
        if saved is not None:
            self.status_message.emit(QCoreApplication.translate("ExhibitsPanel", "Saved a checked copy to {saved}.").format(saved=saved))
        return saved

    def edit_selected_caption(self) -> bool:
        view = self._one()
        if view is None or self._read_only:
            return False
        text, ok = QInputDialog.getMultiLineText(
            self, QCoreApplication.translate("ExhibitsPanel", "Edit caption"), QCoreApplication.translate("ExhibitsPanel", "Caption for “{original_name}”:").format(original_name=view.original_name), view.caption)
        if not ok:
            return False
        try:
            self._service.set_attachment_caption(view.id, text)
        except ServiceError as exc:
            self.messages.add(QCoreApplication.translate("ExhibitsPanel", "The caption was not saved: {exc}").format(exc=exc))
            return False
        self._changed(QCoreApplication.translate("ExhibitsPanel", "Caption saved."))
        return True

    def remove_selected(self) -> int:
        chosen = [] if self._read_only else self.selected_ids()
        for attachment_id in chosen:
            try:
                self._service.remove_attachment(attachment_id)
            except ServiceError as exc:
                self.messages.add(QCoreApplication.translate("ExhibitsPanel", "An exhibit was not removed: {exc}").format(exc=exc))
        if chosen:
            count = len(chosen)
            what = QCoreApplication.translate("ExhibitsPanel", "{count} exhibits").format(count=count) if count != 1 else QCoreApplication.translate("ExhibitsPanel", "the exhibit")
            self._changed(QCoreApplication.translate("ExhibitsPanel", "Moved {what} to Removed exhibits (restore from there).").format(what=what))
        return len(chosen)

    def restore_selected(self) -> int:
        chosen = [] if self._read_only else self.removed_ids(selected_only=True)
        for attachment_id in chosen:
            try:
                self._service.restore_attachment(attachment_id)
            except ServiceError as exc:
                self.messages.add(QCoreApplication.translate("ExhibitsPanel", "An exhibit was not restored: {exc}").format(exc=exc))
        if chosen:
            self._changed(QCoreApplication.translate("ExhibitsPanel", "Exhibit restored.") if len(chosen) == 1 else QCoreApplication.translate("ExhibitsPanel", "Exhibits restored."))
            self.select_ids(chosen)
        return len(chosen)

    def empty_removed(self) -> int:
        """Delete the case's removed exhibits for good, after a confirmation naming how many."""
        if self._case_id is None or self._read_only:
            return 0
        count = self.removed_list.count()
        if count == 0:
            return 0
        noun = "exhibit" if count == 1 else "exhibits"
        answer = QMessageBox.question(
            self, QCoreApplication.translate("ExhibitsPanel", "Empty removed exhibits"),
            QCoreApplication.translate("ExhibitsPanel", "Delete {count} removed {noun} for good?\n\n{value} will be erased from the journal and cannot be restored (a file still attached elsewhere is kept). Save a copy first if you might need it.").format(count=count, noun=noun, value='Its file' if count == 1 else 'Their files'),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        try:
            deleted = self._service.empty_removed_attachments(self._case_id)
        except (ServiceError, OSError) as exc:
            self.messages.add(QCoreApplication.translate("ExhibitsPanel", "The removed exhibits were not deleted: {exc}").format(exc=exc))
            return 0
        self.removed_toggle.setChecked(False)
        self._changed(QCoreApplication.translate("ExhibitsPanel", "Deleted {deleted} removed {value} for good.").format(deleted=deleted, value='exhibit' if deleted == 1 else 'exhibits'))
        return deleted
