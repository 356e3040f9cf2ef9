"""The empty-journal panel: one obvious button, who you are, and Headway's channels to verify."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...journal.service import JournalService
from ..case.common import CHANNEL_NAMES, clear_layout
from ..widgets import GRID, heading, wrap_label
from ..your_details import WelcomeDetails


class WelcomePanel(QWidget):
    """An empty journal: one obvious button, who you are, and Headway's channels to verify."""

    def __init__(self, service: JournalService, start: Callable[[], None],
                 parent: QWidget | None = None, *,
                 encrypt: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("WelcomePanel", "Welcome"))
        self._start = start
        page = QWidget()
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(GRID * 2)
        column.addStretch(1)
        column.addWidget(heading(QCoreApplication.translate("WelcomePanel", "Welcome to Headway "
                                                                            "Journal"), level=1))
        column.addWidget(wrap_label(
            QCoreApplication.translate("WelcomePanel", "Keep a dated record of every call, chat, "
                                                       "e-mail and ticket with a company's "
            "support, hold them to what they promised, and print a case file when you need "
            "to escalate. Everything stays on this computer."),
            name=QCoreApplication.translate("WelcomePanel", "Welcome text")))
        self.start_button = QPushButton(QCoreApplication.translate("WelcomePanel", "Start your first case"))
        self.start_button.setAccessibleName(QCoreApplication.translate("WelcomePanel", "Start your first case"))
        self.start_button.setToolTip(self.tr("Write down your first support case (Ctrl+N)"))
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(GRID * 6)
        self.start_button.setMinimumWidth(GRID * 32)
        font = self.start_button.font()
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self._start_clicked)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        # A new journal can be encrypted right away (plain remains the default): a quiet
        # secondary button, so "Start your first case" stays the one obvious one.
        self.encrypt_button = QToolButton()
        self.encrypt_button.setText(self.tr("Encrypt this journal…"))
        self.encrypt_button.setAutoRaise(True)
        self.encrypt_button.setAccessibleName(QCoreApplication.translate("WelcomePanel", "Encrypt this journal"))
        self.encrypt_button.setToolTip(self.tr(
            "Keep everything in it encrypted under a passphrase (File > Security later too)"))
        if encrypt is not None:
            self.encrypt_button.clicked.connect(lambda _checked=False: encrypt())
        column.addWidget(self.encrypt_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details: WelcomeDetails | None = None  # made when first shown
        self.details_slot = QVBoxLayout()
        column.addLayout(self.details_slot)
        self.channels_box = QVBoxLayout()
        self.channels_box.setSpacing(GRID // 2)
        column.addLayout(self.channels_box)
        column.addStretch(2)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(640)
        outer.addWidget(holder, 3)
        outer.addStretch(1)
        scroll = QScrollArea()  # the details and the channels fit a small screen too
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # Only once it has a parent: showing a parentless button makes it a window of its own
        # (a native window created, mapped and destroyed again at every start)
        self.encrypt_button.setVisible(encrypt is not None and service.journal.keys is None)
        self.service = service

    def _start_clicked(self) -> None:
        """Details typed but not saved are saved first (a problem stops here, shown)."""
        if self.details is not None and self.details.has_changes() and not self.details.save():
            return
        self._start()

    def set_service(self, service: JournalService) -> None:
        """The same journal, reopened after a restore (or encrypted)."""
        self.service = service
        if service.journal.keys is not None:
            self.encrypt_button.setVisible(False)

    def refresh(self) -> None:
        if self.details is None:  # made when first shown: an empty journal only
            self.details = WelcomeDetails(self.service)
            self.details_slot.addWidget(self.details)
        elif not self.details.has_changes():
            self.details.refresh()
        clear_layout(self.channels_box)
        headway = next((o for o in self.service.organizations() if o.key == "headway"), None)
        if headway is None or not headway.channels:
            return
        self.channels_box.addWidget(heading(QCoreApplication.translate("WelcomePanel", "Headway's support channels, as published"), level=3))
        self.channels_box.addWidget(wrap_label(
            QCoreApplication.translate("WelcomePanel", "Check each one inside your own account "
                                                       "(Help or Support) before you rely on it; "
            "the app shows when and where each was verified."), name=QCoreApplication.translate("WelcomePanel", "Verify channels")))
        for ch in headway.channels:
            kind = CHANNEL_NAMES.get(ch.kind, ch.kind)
            hours = f" · {ch.hours}" if ch.hours else ""
            text = f"{ch.label or kind}\n{kind}: {ch.value}{hours}\n{ch.verification.capitalize()}"
            label = wrap_label(text, name=QCoreApplication.translate("WelcomePanel", "Headway channel"), selectable=True)
            label.setContentsMargins(GRID, GRID // 2, 0, GRID // 2)
            self.channels_box.addWidget(label)
