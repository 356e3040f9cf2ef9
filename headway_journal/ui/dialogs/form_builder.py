"""Forms built from the issue-type registry, and the small pieces every dialog shares.

``IssueFieldsForm`` turns ``IssueType.fields`` into widgets: one editor per ``FieldSpec`` with its
label ("*" when required), its help as tooltip and placeholder, and an inline error label under it.
A field is checked with ``FieldSpec.normalize`` when the user leaves it and again on save. No issue
type has a hand-built form: adding a field to the registry adds it here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.issue_types import FieldError, FieldSpec, get_issue_type
from headway_journal.journal.safe_echo import window_text
from headway_journal.ui.contrast import alert_color
from headway_journal.ui.widgets import literal_ampersands

from ... import i18n
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap, word

GRID = 8  # every margin and gap is a multiple of this

_DATE_SHAPE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_color(widget: QWidget) -> str:
    """A red that stays readable on the light and the dark palette."""
    return alert_color(widget.palette())


def explain_bad_date(text: str) -> str | None:
    """A plain sentence when ``text`` is shaped like a date but no such day exists."""
    m = _DATE_SHAPE.match(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return QCoreApplication.translate("form_builder", "There is no month {month}; a date is written YYYY-MM-DD, e.g. 2026-11-20.").format(month=month)
    try:
        date(year, month, day)
    except ValueError:
        if month == 12:
            days = 31
        else:
            days = (date(year if year > 0 else 1, month + 1, 1)
                    - date(year if year > 0 else 1, month, 1)).days
        return (QCoreApplication.translate("form_builder", "There is no {day} {value} {year}: {value} {year} has {days} days.").format(day=day, value=_MONTHS[month - 1], year=year, days=days))
    return None


def normalize_field(spec: FieldSpec, value: str) -> str:
    """``spec.normalize`` with a clearer message for impossible dates."""
    if spec.kind == "date":
        bad = explain_bad_date(value)
        if bad:
            raise FieldError(bad)
    return spec.normalize(value)


class ErrorLabel(QLabel):
    """The inline message under a field: hidden when empty, red, word-wrapped, announced."""

    cleared = Signal()  # a shown message went away (the field was fixed)

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self._summary: list[tuple[str, ErrorLabel | None]] | None = None
        self.setObjectName("errorLabel")
        self.setAccessibleName(QCoreApplication.translate("ErrorLabel", "{field_name} error").format(field_name=field_name))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"color: {error_color(self)};")
        self.hide()

    def show_error(self, message: str | None) -> None:
        self._summary = None  # any other message replaces a list of fields to fix
        if message:
            self._set(window_text(message))  # it may quote what was typed
        else:
            self.clear_error()

    def _set(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleDescription(message)
        self.show()

    def clear_error(self) -> None:
        was_shown = bool(self.message)
        self._summary = None
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()
        if was_shown:
            self.cleared.emit()

    @property
    def message(self) -> str:
        return self.text() if not self.isHidden() else ""

    def show_summary(self, labels: list[str]) -> None:
        """Show "Not saved: fix …" for the fields ``labels`` and keep it true: each field's
        own error label is watched, the line shortens as fields are fixed and goes with the
        last one (see :func:`show_problems`)."""
        window = self.window()
        shown = {e.field_name: e for e in window.findChildren(ErrorLabel)
                 if e is not self and e.message}
        summary: list[tuple[str, ErrorLabel | None]] = []
        for label in dict.fromkeys(labels):
            error = shown.get(label)
            if error is not None:
                error.cleared.connect(self._field_fixed, Qt.ConnectionType.UniqueConnection)
            summary.append((label, error))
        self._set(describe_problems([label for label, _e in summary]))
        self._summary = summary

    @property
    def showing_summary(self) -> bool:
        """True while this shows a "Not saved: fix …" list made by :meth:`show_summary`."""
        return self._summary is not None and bool(self.message)

    def _field_fixed(self) -> None:
        if self._summary is None:
            return
        left = [(label, e) for label, e in self._summary if e is None or e.message]
        if not left:
            self.clear_error()
            return
        self._set(describe_problems([label for label, _e in left]))
        self._summary = left


def show_problems(problems: ErrorLabel, labels: list[str]) -> None:
    """The line above a form's buttons after a refused save: which fields to fix. It follows
    the fields' own messages, so it never lists a field that was fixed since."""
    if labels:
        problems.show_summary(labels)
    else:
        problems.clear_error()


def clear_on_edit(cell: QWidget, error: ErrorLabel) -> None:
    """Hide ``error`` as soon as the user changes the field in ``cell`` (typing, choosing a
    date, ticking), so a message never stays next to a value that was fixed. Only the user's
    own changes count: a check that runs on the same change (or on leaving the field) can
    show a new message afterwards."""
    inputs = [cell, *cell.findChildren(QWidget)]
    for widget in inputs:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t: error.clear_error())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(
                lambda w=widget: error.clear_error() if w.hasFocus() else None)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(
                lambda _d, w=widget: error.clear_error() if w.hasFocus() else None)
        elif isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
            widget.valueChanged.connect(
                lambda _v, w=widget: error.clear_error() if w.hasFocus() else None)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            widget.clicked.connect(lambda _c=False: error.clear_error())


def with_error(editor: QWidget, error: ErrorLabel) -> QWidget:
    """The editor with its error label underneath, as one cell of a form."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(GRID // 2)
    lay.addWidget(editor)
    lay.addWidget(error)
    clear_on_edit(editor, error)
    return box


def label_text(text: str, required: bool) -> str:
    """A form label (it has a buddy, so '&' would mark a shortcut: shown as itself)."""
    text = literal_ampersands(text)
    return f"{text} *" if required else text


def make_form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(2 * GRID)
    form.setVerticalSpacing(GRID)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


class _FocusOut(QObject):
    """Calls back when a watched widget loses focus (QPlainTextEdit has no editingFinished)."""

    def __init__(self, callback: Callable[[QObject], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusOut:
            self._callback(watched)
        return False


_PLACEHOLDERS = TranslatedMap("form_builder", {
    "date": QT_TRANSLATE_NOOP("form_builder", "YYYY-MM-DD"),
    "email": QT_TRANSLATE_NOOP("form_builder", "name@example.com"),
    "last4": QT_TRANSLATE_NOOP("form_builder", "last 4 digits only, e.g. 4242"),
    "npi": QT_TRANSLATE_NOOP("form_builder", "10 digits"),
    "ein": "12-3456789",
    "money": "100.00",
    "amounts": QT_TRANSLATE_NOOP("form_builder", "e.g. $49.00 on Nov 3, $49.00 on Nov 4"),
})


class FieldRow:
    """One registry field: its label, editor and error label."""

    def __init__(self, spec: FieldSpec) -> None:
        self.spec = spec
        self.label = QLabel(label_text(i18n.text(spec.label), spec.required))
        self.error = ErrorLabel(i18n.text(spec.label))
        self.editor: QWidget
        tip = i18n.text(spec.help) if spec.help else ""
        if spec.required:
            tip = (tip + "\n" if tip else "") + QCoreApplication.translate("FieldRow", "Required.")
        if spec.kind == "multiline":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(i18n.text(spec.help))
            edit.setMinimumHeight(9 * GRID)
            edit.setMaximumHeight(15 * GRID)
            self.editor = edit
        elif spec.kind == "choice":
            combo = QComboBox()
            combo.addItem("" if spec.required else QCoreApplication.translate("FieldRow", "(not set)"), "")
            for choice in spec.choices:
                combo.addItem(word(choice), choice)
            self.editor = combo
        else:
            line = QLineEdit()
            line.setPlaceholderText(i18n.text(spec.help) if spec.help else _PLACEHOLDERS.get(spec.kind, ""))
            if spec.kind == "date" and spec.help:
                line.setPlaceholderText(QCoreApplication.translate("FieldRow", "YYYY-MM-DD · {help}").format(help=i18n.text(spec.help)))
            if spec.kind in ("last4",):
                line.setMaxLength(12)
            self.editor = line
        self.editor.setObjectName(f"field_{spec.name}")
        self.editor.setAccessibleName(i18n.text(spec.label))
        if tip:
            self.editor.setToolTip(tip)
            self.editor.setAccessibleDescription(tip)
        else:  # a screen reader still says the field may stay empty
            self.editor.setAccessibleDescription(
                QCoreApplication.translate("FieldRow", "Optional."))
        self.label.setBuddy(self.editor)
        self.cell = with_error(self.editor, self.error)

    def value(self) -> str:
        ed = self.editor
        if isinstance(ed, QPlainTextEdit):
            return ed.toPlainText()
        if isinstance(ed, QComboBox):
            return str(ed.currentData() or "")
        assert isinstance(ed, QLineEdit)
        return ed.text()

    def set_value(self, value: str) -> None:
        ed = self.editor
        if isinstance(ed, QPlainTextEdit):
            ed.setPlainText(value)
        elif isinstance(ed, QComboBox):
            idx = ed.findData(value)
            if idx < 0:
                for i in range(ed.count()):
                    if str(ed.itemData(i) or "").lower() == value.strip().lower():
                        idx = i
                        break
            if idx < 0 and value:
                # Never drop a stored value the registry no longer lists.
                ed.addItem(value, value)
                idx = ed.count() - 1
            ed.setCurrentIndex(max(idx, 0))
        else:
            assert isinstance(ed, QLineEdit)
            ed.setText(value)

    def check(self, *, leaving: bool = False) -> str | None:
        """Validate the current text; show and return the message (None when fine).

        When the user merely leaves an empty field, "required" is not nagged about yet; saving
        checks it.
        """
        if leaving and not self.value().strip():
            self.error.clear_error()
            return None
        try:
            normalize_field(self.spec, self.value())
        except FieldError as exc:
            self.error.show_error(str(exc))
            return str(exc)
        self.error.clear_error()
        return None


class IssueFieldsForm(QWidget):
    """The fields of one issue type, built from the registry."""

    changed = Signal()

    def __init__(self, issue_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issue = get_issue_type(issue_type)
        self.setAccessibleName(QCoreApplication.translate("IssueFieldsForm", "{label} details").format(label=i18n.text(self.issue.label)))
        self.rows: dict[str, FieldRow] = {}
        form = make_form_layout()
        self._focus_filter = _FocusOut(self._check_focused_multiline, self)
        for spec in self.issue.fields:
            row = FieldRow(spec)
            self.rows[spec.name] = row
            form.addRow(row.label, row.cell)
            ed = row.editor
            if isinstance(ed, QLineEdit):
                ed.editingFinished.connect(lambda r=row: r.check(leaving=True))
                ed.textEdited.connect(lambda _t, r=row: r.error.clear_error())
                ed.textChanged.connect(lambda _t: self.changed.emit())
            elif isinstance(ed, QPlainTextEdit):
                ed.installEventFilter(self._focus_filter)
                ed.textChanged.connect(lambda r=row: self._edited(r))
            elif isinstance(ed, QComboBox):
                ed.currentIndexChanged.connect(lambda _i, r=row: self._chosen(r))
        self.setLayout(form)

    @property
    def issue_type(self) -> str:
        return self.issue.key

    def _edited(self, row: FieldRow) -> None:
        # An error disappears as soon as the user starts fixing it; it is checked again on leaving.
        row.error.clear_error()
        self.changed.emit()

    def _chosen(self, row: FieldRow) -> None:
        row.check(leaving=True)
        self.changed.emit()

    def _check_focused_multiline(self, editor: QObject) -> None:
        for row in self.rows.values():
            if row.editor is editor:
                row.check(leaving=True)

    def editor(self, name: str) -> QWidget:
        return self.rows[name].editor

    def error_label(self, name: str) -> ErrorLabel:
        return self.rows[name].error

    def editors(self) -> list[QWidget]:
        return [r.editor for r in self.rows.values()]

    def values(self) -> dict[str, str]:
        """The text of every field, as typed (the service normalizes)."""
        return {name: row.value() for name, row in self.rows.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        for name, value in values.items():
            row = self.rows.get(name)
            if row is not None and value is not None:
                row.set_value(str(value))

    def validate(self) -> dict[str, str]:
        """Check every field, show the messages, return them by field name."""
        errors: dict[str, str] = {}
        for name, row in self.rows.items():
            msg = row.check()
            if msg:
                errors[name] = msg
        return errors

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show messages from the service (keys are field names without "fields.")."""
        for name, row in self.rows.items():
            if name in errors:
                row.error.show_error(errors[name])

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.error.clear_error()

    def labels_for(self, names: Iterable[str]) -> list[str]:
        return [i18n.text(self.rows[n].spec.label) for n in names if n in self.rows]


# --- pieces shared by the dialogs ---------------------------------------------------------------


def save_key_sequences() -> list[QKeySequence]:
    """Ctrl+Enter (main and keypad Enter) and the platform's Save keys (Ctrl+S, the Save key)."""
    keys = [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Save):
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


def save_keys_hint() -> str:
    """The save keys as a tooltip names them, e.g. "Ctrl+Enter or Ctrl+S"."""
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText)
    return "Ctrl+Enter" + (QCoreApplication.translate("form_builder", " or {save}").format(save=save) if save else "")


def add_save_shortcuts(widget: QWidget, slot: Callable[[], object]) -> list[QShortcut]:
    """Ctrl+Enter and the standard Save shortcut (Ctrl+S) save, from any field of the window.

    They are window shortcuts of the dialog, so inside it they win over any action of the main
    window behind it (those only fire while the main window is the active one).
    """
    shortcuts = []
    for seq in save_key_sequences():
        sc = QShortcut(seq, widget)
        sc.setWhatsThis(QCoreApplication.translate("FormDialog", "Save"))  # the F1 list
        sc.setContext(Qt.ShortcutContext.WindowShortcut)
        sc.activated.connect(slot)
        shortcuts.append(sc)
    return shortcuts


class NoteBox(QFrame):
    """A framed paragraph for something that must be read (the safety note)."""

    def __init__(self, text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(accessible_name)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(GRID + GRID // 2, GRID, GRID + GRID // 2, GRID)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(accessible_name)
        lay.addWidget(self.label)

    def text(self) -> str:
        return self.label.text()


class HintLabel(QLabel):
    """Small secondary text (descriptions, "Draft saved", what is still missing)."""

    def __init__(self, text: str = "", accessible_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)


def describe_problems(labels: list[str]) -> str:
    if not labels:
        return ""
    if len(labels) == 1:
        return QCoreApplication.translate("form_builder", "Not saved: fix {value} (marked above).").format(value=labels[0])
    shown = ", ".join(labels[:4]) + (QCoreApplication.translate("form_builder", " and more") if len(labels) > 4 else "")
    return QCoreApplication.translate("form_builder", "Not saved: {len} things to fix, marked above ({shown}).").format(len=len(labels), shown=shown)
