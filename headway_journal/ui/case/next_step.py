"""The notice above the timeline after a promise is marked kept or broken.

Broken: what to do next right there (the next step of the escalation path and the documents to
have ready, ``journal.next_step.after_broken_promise``). Either way: **Undo** puts the previous
status back through the service (the history records the undo), as does Ctrl+Z in the window
(``PromiseMark`` goes on its undo list).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...journal.next_step import NextStepAdvice
from ..widgets import GRID, wrap_label
from .promise_mark import PromiseMark


class NextStepNotice(QFrame):
    """"Promise … marked broken. Next: …  Have ready: …  [Undo] [×]"."""

    undo_requested = Signal(object)  # the PromiseMark shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark: PromiseMark | None = None
        self.setObjectName("nextStepNotice")
        self.setAccessibleName(QCoreApplication.translate("NextStepNotice", "Promise notice"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(GRID + GRID // 2, GRID, GRID, GRID)
        outer.setSpacing(GRID)
        column = QVBoxLayout()
        column.setSpacing(GRID // 2)
        self.headline = wrap_label("", name=QCoreApplication.translate("NextStepNotice", "Promise notice headline"))
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.step = wrap_label("", name=QCoreApplication.translate("NextStepNotice", "Next step after a broken promise"), selectable=True)
        self.have_ready = QLabel(QCoreApplication.translate("NextStepNotice", "Have ready:"))
        self.have_ready.setAccessibleName(QCoreApplication.translate("NextStepNotice", "Have ready"))
        self.documents = wrap_label("", name=QCoreApplication.translate("NextStepNotice", "Documents for the next step"), selectable=True)
        for widget in (self.headline, self.step, self.have_ready, self.documents):
            column.addWidget(widget)
        outer.addLayout(column, 1)
        self.undo_button = QPushButton(QCoreApplication.translate("NextStepNotice", "Undo"))
        self.undo_button.setAccessibleName(QCoreApplication.translate("NextStepNotice", "Undo promise mark"))
        self.undo_button.setToolTip(QCoreApplication.translate("NextStepNotice", "Put the promise back as it was (Ctrl+Z); the history keeps "
                                    "both changes"))
        self.undo_button.clicked.connect(self._undo_clicked)
        self.close_button = QPushButton(QCoreApplication.translate("NextStepNotice", "Dismiss"))
        self.close_button.setAccessibleName(QCoreApplication.translate("NextStepNotice", "Dismiss promise notice"))
        self.close_button.setToolTip(QCoreApplication.translate("NextStepNotice", "Hide this notice (the next step stays under Before you "
                                     "call)"))
        self.close_button.clicked.connect(self.dismiss)
        buttons = QVBoxLayout()
        buttons.setSpacing(GRID // 2)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.hide()

    def show_mark(self, mark: PromiseMark, advice: NextStepAdvice | None) -> None:
        self.mark = mark
        self.headline.setText(QCoreApplication.translate("NextStepNotice", "Promise “{text}” marked {after}.").format(text=mark.text, after=mark.after))
        has_advice = advice is not None
        for widget in (self.step, self.have_ready, self.documents):
            widget.setVisible(has_advice)
        if advice is not None:
            self.step.setText(QCoreApplication.translate("NextStepNotice", "Next: {text}").format(text=advice.text))
            self.documents.setText("\n".join(f"• {doc}" for doc in advice.documents))
        self.undo_button.setEnabled(True)
        self.undo_button.show()
        self.show()

    def show_undone(self, mark: PromiseMark) -> None:
        self.mark = None
        self.headline.setText(QCoreApplication.translate("NextStepNotice", "Undone: promise “{text}” is {before} again.").format(text=mark.text, before=mark.before))
        for widget in (self.step, self.have_ready, self.documents):
            widget.hide()
        self.undo_button.hide()
        self.show()

    def dismiss(self) -> None:
        self.mark = None
        self.hide()

    def _undo_clicked(self) -> None:
        if self.mark is not None:
            self.undo_button.setEnabled(False)  # one click, one undo
            self.undo_requested.emit(self.mark)

    def texts(self) -> list[str]:
        """What the notice says, line by line (for tests and screen readers)."""
        shown = [w for w in (self.headline, self.step, self.documents) if not w.isHidden()]
        return [line for w in shown for line in w.text().split("\n") if line]

