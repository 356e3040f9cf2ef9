"""The Details tab: what is on file about the case, the issue type's fields, tickets, notes."""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ... import i18n
from ...journal.issue_types import ISSUE_TYPES
from ...journal.records import CaseView
from ..format import full_date, local_moment
from ..translated import word
from ..widgets import GRID, Card, heading, wrap_label
from .common import add_to_column, clear_layout, muted


def fill_details(column: QVBoxLayout, case: CaseView) -> None:
    """Fill the Details tab's ``column`` with ``case``: about, the issue's fields, notes."""
    clear_layout(column)
    column.addStretch(1)
    about = QWidget()
    form = QFormLayout(about)
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(GRID * 2)
    form.setVerticalSpacing(GRID)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def row(label: str, value: str, *, missing: str = "—") -> None:
        field = wrap_label(value or missing, name=label, selectable=True)
        if not value:
            muted(field)
        form.addRow(f"{label}:", field)

    add_to_column(column, heading(QCoreApplication.translate("details", "About this case")))
    row(QCoreApplication.translate("details", "Organization"), case.organization.name)
    row(QCoreApplication.translate("details", "Issue type"), i18n.text(case.issue_label))
    row(QCoreApplication.translate("details", "You are the"), word(case.role))
    row(QCoreApplication.translate("details", "Status"), word(case.status))
    row(QCoreApplication.translate("details", "Opened"), full_date(case.open_since))
    row(QCoreApplication.translate("details", "Amount disputed"), case.amount_label)
    row(QCoreApplication.translate("details", "Desired outcome"), case.desired_outcome)
    row(QCoreApplication.translate("details", "Summary"), case.summary)
    row(QCoreApplication.translate("details", "Case reference"), case.key)
    add_to_column(column, about)

    it = ISSUE_TYPES.get(case.issue_type)
    if it is not None:
        add_to_column(column, heading(QCoreApplication.translate("details", "{label} details").format(label=i18n.text(it.label))))
        fields_box = QWidget()
        fform = QFormLayout(fields_box)
        fform.setContentsMargins(0, 0, 0, 0)
        fform.setHorizontalSpacing(GRID * 2)
        fform.setVerticalSpacing(GRID)
        fform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in it.fields:
            value = case.fields.get(spec.name, "")
            if spec.kind == "date" and value:
                with contextlib.suppress(ValueError):
                    value = full_date(date.fromisoformat(value))
            field = wrap_label(value or QCoreApplication.translate("details", "not on file yet"), name=i18n.text(spec.label), selectable=True)
            if not value:
                muted(field)
            if spec.help:
                field.setToolTip(i18n.text(spec.help))
            fform.addRow(i18n.text(spec.label) + ":", field)
        add_to_column(column, fields_box)

    if case.tickets:
        add_to_column(column, heading(QCoreApplication.translate("details", "Ticket and reference numbers")))
        add_to_column(column,
                      wrap_label(", ".join(case.tickets), name=QCoreApplication.translate("details", "All ticket numbers"),
                                 selectable=True))
    add_to_column(column, heading(QCoreApplication.translate("details", "Notes")))
    if case.notes:
        for note in case.notes:
            card = Card(QCoreApplication.translate("details", "Note {local_moment}").format(local_moment=local_moment(note.created_at)))
            card.body.addWidget(muted(QLabel(local_moment(note.created_at))))
            card.body.addWidget(wrap_label(note.body, name=QCoreApplication.translate("details", "Note"), selectable=True))
            add_to_column(column, card)
    else:
        add_to_column(column, muted(wrap_label(QCoreApplication.translate("details", "No notes."), name=QCoreApplication.translate("details", "No notes"))))
