"""The frame every form dialog shares: a scrolled body, a line of problems, Cancel and Save.

A form dialog (case, contact, organization, settings) builds on :class:`FormDialog`:

1. widgets that stay in sight go straight into ``self.outer`` (a safety note, the call bar);
2. the fields go into the layout :meth:`FormDialog.add_scrolled_body` returns, so a form taller
   than the screen scrolls while its buttons stay in sight;
3. :meth:`FormDialog.add_footer` adds the problems line (``problems_label``), an optional status
   on the left, ``cancel_button`` (rejects) and ``save_button`` (calls ``save``), and the save
   keys Ctrl+Enter and Ctrl+S from any field;
4. :meth:`FormDialog.fit` gives the window its preferred size within the screen (``ui.fit``).

Subclasses implement :meth:`FormDialog.save` (True when saved) and may override ``reject``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from headway_journal.ui.accessibility import name_inner_editors
from headway_journal.ui.fit import fit_to_screen
from headway_journal.ui.keyboard_help import add_help_key

from .form_builder import GRID, ErrorLabel, add_save_shortcuts

__all__ = ["FormDialog", "footer_button"]


def footer_button(text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
    """A footer button named ``text`` (also its accessible name) that never takes Enter."""
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    return button


class FormDialog(QDialog):
    """A dialog with a scrolled form body and a Cancel/Save footer (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = GRID) -> None:
        super().__init__(parent)
        add_help_key(self)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        self.outer.setSpacing(spacing)
        self.problems_label = ErrorLabel(QCoreApplication.translate("FormDialog", "Save"))
        self.problems_label.setAccessibleName(QCoreApplication.translate("FormDialog", "Save problems"))
        self.save_shortcuts: list[QShortcut] = []

    def add_scrolled_body(self, name: str, *, right_margin: int = GRID,
                          spacing: int = 2 * GRID) -> QVBoxLayout:
        """A scroll area (accessible name ``name``) taking the dialog's spare height; returns
        the layout of the widget inside it, for the fields."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(name)
        body = QWidget()
        body.setObjectName("scrolled_body")
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, right_margin, 0)
        body_lay.setSpacing(spacing)
        scroll.setWidget(body)
        self.outer.addWidget(scroll, 1)
        self.scroll_area = scroll
        return body_lay

    def add_footer(self, *, save_text: str, save_tip: str,
                   cancel_text: str | None = None, cancel_tip: str | None = None,
                   status: QWidget | QLayout | None = None) -> None:
        """The problems line, then ``status`` (or space) on the left and Cancel and Save on
        the right; Ctrl+Enter and Ctrl+S save from any field."""
        self.outer.addWidget(self.problems_label)
        footer = QHBoxLayout()
        footer.setSpacing(GRID)
        if isinstance(status, QLayout):
            footer.addLayout(status, 1)
        elif status is not None:
            footer.addWidget(status, 1)
        else:
            footer.addStretch(1)
        self.cancel_button = footer_button(
            cancel_text or QCoreApplication.translate("FormDialog", "Cancel"),
            cancel_tip or QCoreApplication.translate("FormDialog", "Close without saving (Esc)."),
            self.reject)
        self.save_button = footer_button(save_text, save_tip, self.save)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.save_button)
        self.outer.addLayout(footer)
        self.save_shortcuts = add_save_shortcuts(self, self.save)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        name_inner_editors(self)
        super().showEvent(event)

    def fit(self, preferred: QSize) -> None:
        """Open at ``preferred`` size where the screen allows, and stay inside the screen."""
        fit_to_screen(self, preferred)

    def save(self) -> bool:
        """Validate and store the form; True when saved. Subclasses implement it."""
        raise NotImplementedError
