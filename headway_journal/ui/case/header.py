"""The top of the case pane: title, status, facts, and the notice of a case in Deleted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ... import i18n
from ...journal.records import CaseView
from ..format import full_date
from ..translated import word
from ..widgets import GRID, Badge, heading, wrap_label


class CaseHeader(QWidget):
    """The case's title and status badge, its facts, and the amount and outcome when known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("CaseHeader", "Case header"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID // 2)
        top = QHBoxLayout()
        top.setSpacing(GRID)
        self.title_label = heading("", level=1)
        self.title_label.setAccessibleName(QCoreApplication.translate("CaseHeader", "Case title"))
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        title_policy.setHeightForWidth(True)
        self.title_label.setSizePolicy(title_policy)
        self.status_badge = Badge()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.facts_label = wrap_label(name=QCoreApplication.translate("CaseHeader", "Case facts"), selectable=True)
        self.outcome_label = wrap_label(name=QCoreApplication.translate("CaseHeader", "Case amount and outcome"), selectable=True)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.outcome_label)

    def fill(self, case: CaseView, *, deleted: bool) -> None:
        """Show ``case`` (``deleted``: it is in Deleted, and the badge says so)."""
        self.title_label.setText(case.title)
        self.status_badge.set_word("deleted" if deleted else case.status)
        days = case.days_open()
        facts = [case.organization.name, i18n.text(case.issue_label), word(case.role),
                 QCoreApplication.translate("CaseHeader", "opened {full_date}").format(full_date=full_date(case.open_since)), QCoreApplication.translate("CaseHeader", "{days} d open").format(days=days)]
        self.facts_label.setText(" · ".join(facts))
        second = []
        if case.amount_label:
            second.append(QCoreApplication.translate("CaseHeader", "{amount_label} disputed").format(amount_label=case.amount_label))
        if case.desired_outcome:
            second.append(QCoreApplication.translate("CaseHeader", "wants: {desired_outcome}").format(desired_outcome=case.desired_outcome))
        self.outcome_label.setText(" · ".join(second))
        self.outcome_label.setVisible(bool(second))


class DeletedBanner(QFrame):
    """"This case is in Deleted" with a Restore case button (hidden for other cases)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(QCoreApplication.translate("DeletedBanner", "Deleted case notice"))
        row = QHBoxLayout(self)
        row.setContentsMargins(GRID, GRID // 2, GRID, GRID // 2)
        row.addWidget(wrap_label(QCoreApplication.translate("DeletedBanner", "This case is in Deleted. Nothing in it was erased."),
                                 name=QCoreApplication.translate("DeletedBanner", "This case is deleted")), 1)
        self.restore_button = QPushButton(QCoreApplication.translate("DeletedBanner", "Restore case"))
        self.restore_button.setAccessibleName(QCoreApplication.translate("DeletedBanner", "Restore case"))
        row.addWidget(self.restore_button)
        self.hide()
