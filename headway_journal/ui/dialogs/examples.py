"""Put the issue type's own examples (journal/form_examples.py) into a form's empty fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from headway_journal.journal.form_examples import examples_for

__all__ = ["show_case_examples", "show_contact_examples", "show_promise_example"]


def _set(widget: QWidget | None, text: str, *, tooltip: bool = False) -> None:
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.setPlaceholderText(text)
        if tooltip:
            widget.setToolTip(text)


def show_case_examples(issue_type: str, *, title: QWidget, summary: QWidget,
                       desired_outcome: QWidget, amount: QWidget) -> None:
    """The case form's examples for ``issue_type`` (called again when the type changes)."""
    ex = examples_for(issue_type)
    _set(title, ex.title)
    _set(summary, QCoreApplication.translate("examples", "{summary} No full card or account numbers.").format(summary=ex.summary)
         if "card" not in ex.summary else ex.summary)
    _set(desired_outcome, ex.desired_outcome)
    _set(amount, QCoreApplication.translate("examples", "{amount} (leave empty if none)").format(amount=ex.amount) if ex.amount else QCoreApplication.translate("examples", "Leave empty if none"))


def show_contact_examples(issue_type: str, *, outcome: QWidget, rep_title: QWidget) -> None:
    """The contact form's examples for a case of ``issue_type``."""
    ex = examples_for(issue_type)
    _set(outcome, ex.contact_outcome, tooltip=True)
    _set(rep_title, ex.rep_title, tooltip=True)


def show_promise_example(issue_type: str, text: QWidget) -> None:
    """A promise line's "what was promised" example for a case of ``issue_type``."""
    _set(text, examples_for(issue_type).promise)
