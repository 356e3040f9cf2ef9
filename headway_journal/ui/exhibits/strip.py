"""The contact dialog's "Exhibits" strip: attach files and screenshots to this contact.

An "Attach…" button (the file picker), Ctrl+V while the strip has focus (a screenshot or files
copied in a file manager), and drops anywhere on the dialog (``ContactDialog`` installs the drop
target). Each file is a small chip: files kept for a contact that is not saved yet have a ×;
files already attached show a ✓ (remove them later in the Exhibits tab).

A new contact has no id yet, so its ``AttachmentController`` *holds* what is chosen
(``controller.hold()``); ``ContactDialog.save`` releases it with the new contact id right after
``service.log_contact`` succeeds. An edited contact attaches at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.service import JournalService, ServiceError
from headway_journal.ui.widgets import FlowLayout

from ..dialogs.form_builder import GRID
from ..translated import QT_TRANSLATE_NOOP, tr
from .controller import AttachmentController
from .drop_paste import PasteHandler, install_paste_shortcut
from .files import pick_and_attach

__all__ = ["ExhibitStrip"]

MAX_CHIP_NAME = 32
HINT = QT_TRANSLATE_NOOP("strip", "Paste a screenshot here (Ctrl+V) or drop files on this window.")


def _short(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_CHIP_NAME else name[: MAX_CHIP_NAME - 1] + "…"


class ExhibitStrip(QFrame):
    """Chips for this contact's exhibits, an Attach… button and Ctrl+V (see module docstring)."""

    def __init__(self, service: JournalService, controller: AttachmentController,
                 case_id: int, contact_id: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exhibitStrip")
        self.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibits of this "
                                                                          "contact"))
        self.setToolTip(QCoreApplication.translate("ExhibitStrip", "Click here, then Ctrl+V pastes "
                                                                   "a screenshot or copied files."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Ctrl+V works while it has focus
        self.setStyleSheet(  # a visible focus ring says where Ctrl+V goes
            "QFrame#exhibitStrip { border: 1px solid palette(mid); border-radius: 4px; }"
            "QFrame#exhibitStrip:focus { border: 2px solid palette(highlight); }")
        self._service = service
        self._controller = controller
        self._case_id = case_id
        self._contact_id = contact_id
        self._existing: list[str] = []  # already attached before this dialog opened
        self._attached: list[str] = []  # attached while it is open

        title = QLabel(QCoreApplication.translate("ExhibitStrip", "Exhibits"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibits heading"))
        self.attach_button = QPushButton(QCoreApplication.translate("ExhibitStrip", "Attach…"))
        self.attach_button.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Attach files to this contact"))
        self.attach_button.setToolTip(QCoreApplication.translate("ExhibitStrip", "Choose screenshots, receipts or letters for this contact"))
        self.attach_button.setAutoDefault(False)
        self.attach_button.clicked.connect(lambda _c=False: self.pick())
        self.hint = QLabel(tr("strip", HINT))
        self.hint.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibits hint"))
        self.hint.setWordWrap(True)
        # secondary text, in the palette's hint colour (kept at 4.5:1): not disabled, which
        # would make it too faint to read
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.setSpacing(GRID)
        top.addWidget(title)
        top.addWidget(self.attach_button)
        top.addWidget(self.hint, 1)

        self.chips = QWidget()
        self.chips.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibit files"))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.chips.setSizePolicy(policy)
        self.chips_row = FlowLayout(self.chips)  # many files wrap instead of widening the dialog
        self.message = QLabel()
        self.message.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibit messages"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID // 2, GRID, GRID // 2)
        layout.setSpacing(GRID // 2)
        layout.addLayout(top)
        layout.addWidget(self.chips)
        layout.addWidget(self.message)

        self.paste_handler: PasteHandler = install_paste_shortcut(
            self, controller, lambda: self._case_id, self._contact_id)
        controller.held_changed.connect(self.rebuild)
        controller.attached.connect(self._on_attached)
        controller.failed.connect(self.say)
        controller.notice.connect(self.say)
        self.rebuild()

    # -- contents ------------------------------------------------------------------------------

    def set_existing(self, names: list[str]) -> None:
        """Exhibits this (edited) contact already has."""
        self._existing = list(names)
        self.rebuild()

    def pending_names(self) -> list[str]:
        return self._controller.held_names()

    def attached_names(self) -> list[str]:
        return list(self._attached)

    def chip_buttons(self) -> list[QToolButton]:
        """The × buttons of the files kept for an unsaved contact (tab order)."""
        return [b for b in self.findChildren(QToolButton) if b.objectName() == "removeExhibit"
                and not b.isHidden()]

    def rebuild(self) -> None:
        while self.chips_row.count():
            item = self.chips_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for name in (*self._existing, *self._attached):
            self._add_chip(name, attached=True)
        for index, name in enumerate(self._controller.held_names()):
            self._add_chip(name, index=index)
        if not self._existing and not self._attached and not self._controller.held_names():
            self.hint.setText(tr("strip", HINT))
        else:
            self.hint.setText(QCoreApplication.translate("ExhibitStrip", "More: Ctrl+V here, or "
                                                                         "drop files on this "
                                                                         "window."))

    def _add_chip(self, name: str, *, attached: bool = False, index: int = -1) -> None:
        chip = QFrame()
        chip.setObjectName("exhibitChip")
        chip.setFrameShape(QFrame.Shape.StyledPanel)
        state = "attached" if attached else QCoreApplication.translate("ExhibitStrip", "attached when the contact is saved")
        chip.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibit {name}, "
                                                                          "{state}").format(
                                                                              name=name,
                                                                              state=state))
        chip.setToolTip(f"{name}\n{state.capitalize()}")
        row = QHBoxLayout(chip)
        row.setContentsMargins(GRID, 0, 0 if not attached else GRID, 0)
        row.setSpacing(GRID // 2)
        label = QLabel(("✓ " if attached else "") + _short(name))
        label.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Exhibit {name}").format(
            name=name))
        row.addWidget(label)
        if not attached:
            remove = QToolButton()
            remove.setObjectName("removeExhibit")
            remove.setText("×")
            remove.setAutoRaise(True)
            remove.setAccessibleName(QCoreApplication.translate("ExhibitStrip", "Do not attach {name}").format(
                name=name))
            remove.setToolTip(QCoreApplication.translate("ExhibitStrip", "Do not attach {name}").format(
                name=name))
            remove.clicked.connect(lambda _c=False, i=index: self._controller.discard_held(i))
            row.addWidget(remove)
        self.chips_row.addWidget(chip)
        self.chips.updateGeometry()

    # -- actions -------------------------------------------------------------------------------

    def pick(self) -> int:
        return pick_and_attach(self.window(), self._controller, self._case_id,
                               self._contact_id())

    def say(self, text: str) -> None:
        lines = [line for line in self.message.text().splitlines() if line][-4:]
        lines.append(text)
        self.message.setText("\n".join(lines))
        self.message.show()

    def clear_messages(self) -> None:
        self.message.clear()
        self.message.hide()

    def _on_attached(self, ids: list[int]) -> None:
        for attachment_id in ids:
            try:
                self._attached.append(self._service.attachment(attachment_id).original_name)
            except ServiceError:
                continue
        self.rebuild()

    # -- focus: Ctrl+V goes here -------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)
