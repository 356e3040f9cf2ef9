"""The dialog after a refused save: someone else saved the same record first (a shared journal's
optimistic concurrency, ``journal.concurrency``).

It shows both versions side by side, field by field: what the journal holds now (their version,
and who saved it when known) and what this form tried to save (yours). Nothing was overwritten;
the form stays open with everything typed, so the user can compare, adjust and save again
(the next save is made knowingly over their version). ``ConflictDialog.show_conflict`` is the
one entry point, which tests replace.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.records import ConflictError

from ..translated import QT_TRANSLATE_NOOP, TranslatedMap

__all__ = ["ConflictDialog", "differences"]

MAX_SHOWN = 300  # characters of one value in a cell (the whole text stays in the tooltip)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    return str(value)


FIELD_NAMES = TranslatedMap("ConflictDialog", {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "title"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "status"),
    "summary": QT_TRANSLATE_NOOP("ConflictDialog", "summary"),
    "narrative": QT_TRANSLATE_NOOP("ConflictDialog", "what happened"),
    "notes": QT_TRANSLATE_NOOP("ConflictDialog", "notes"),
    "channel": QT_TRANSLATE_NOOP("ConflictDialog", "channel"),
    "direction": QT_TRANSLATE_NOOP("ConflictDialog", "direction"),
    "rep_name": QT_TRANSLATE_NOOP("ConflictDialog", "representative"),
    "rep_title": QT_TRANSLATE_NOOP("ConflictDialog", "representative's title"),
    "rep_id": QT_TRANSLATE_NOOP("ConflictDialog", "representative ID"),
    "started_at": QT_TRANSLATE_NOOP("ConflictDialog", "started"),
    "ended_at": QT_TRANSLATE_NOOP("ConflictDialog", "ended"),
    "hold_minutes": QT_TRANSLATE_NOOP("ConflictDialog", "minutes on hold"),
    "opened_on": QT_TRANSLATE_NOOP("ConflictDialog", "opened"),
    "desired_outcome": QT_TRANSLATE_NOOP("ConflictDialog", "desired outcome"),
    "amount_disputed": QT_TRANSLATE_NOOP("ConflictDialog", "amount disputed"),
    "issue_type": QT_TRANSLATE_NOOP("ConflictDialog", "issue type"),
    "organization_id": QT_TRANSLATE_NOOP("ConflictDialog", "organization"),
    "tickets": QT_TRANSLATE_NOOP("ConflictDialog", "ticket numbers"),
    "promises": QT_TRANSLATE_NOOP("ConflictDialog", "promises"),
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "name"),
    "website": QT_TRANSLATE_NOOP("ConflictDialog", "website"),
    "address": QT_TRANSLATE_NOOP("ConflictDialog", "address"),
    "caption": QT_TRANSLATE_NOOP("ConflictDialog", "caption"),
})


def differences(exc: ConflictError) -> list[tuple[str, str, str]]:
    """(field, their value, your value) for every field the two versions hold differently."""
    out = []
    for name, yours in exc.attempted.items():
        theirs = exc.stored.get(name)
        if _text(theirs) != _text(yours):
            out.append((name.replace("_", " "), _text(theirs), _text(yours)))
    return out


class ConflictDialog(QDialog):
    """Both versions of a record after a refused save."""

    def __init__(self, exc: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved by someone else meanwhile"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        who = exc.by or self.tr("someone else")
        intro = QLabel(self.tr(
            "{who} saved this {entity} while you were editing it (their version {theirs}; you "
            "started from version {yours}). Nothing you typed was saved and nothing of theirs "
            "was overwritten. Compare the two below; your form stays open, and saving it again "
            "replaces their version with yours.").format(
                who=who, entity=exc.entity, theirs=exc.theirs, yours=exc.yours))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTreeWidget(self)
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([self.tr("Field"), self.tr("Their version (saved)"),
                                    self.tr("Yours (not saved)")])
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows = differences(exc) or [(self.tr("(no field differs)"), "", "")]
        for name, theirs, yours in rows:
            shown = FIELD_NAMES.get(name.replace(" ", "_"), name)
            item = QTreeWidgetItem([shown, theirs[:MAX_SHOWN], yours[:MAX_SHOWN]])
            item.setToolTip(1, theirs)
            item.setToolTip(2, yours)
            self.table.addTopLevelItem(item)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, parent=self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 360)

    @classmethod
    def refuse_save(cls, form: Any, exc: ConflictError, message: str) -> None:
        """A form's save refused because someone saved the record meanwhile: the draft kept,
        ``message`` shown under the form, both versions shown; saving again is then a
        deliberate save over theirs (the form takes their version)."""
        form.keeper.save_now()
        form.problems_label.show_error(message)
        cls.show_conflict(exc, form)
        form.version = exc.theirs

    @classmethod
    def show_conflict(cls, exc: ConflictError, parent: QWidget | None) -> None:
        """Show both versions (modal) until the user closes the dialog."""
        dlg = cls(exc, parent)
        dlg.exec()
        dlg.deleteLater()
