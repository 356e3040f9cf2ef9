"""Who you are, for the case file: your name and address (e-mail and phone optional), and
the other addresses you write from (an e-mail sent from any of your addresses is logged as
outbound when it is added to a case).

* :class:`DetailsForm`: the four fields with their inline errors; ``save(service)`` stores them
  in the journal (``JournalService.set_profile``), so the command line signs with them too.
* :class:`WelcomeDetails`: the form on the welcome screen of an empty journal. It has no button
  of its own (the screen keeps its one button, "Start your first case"): what is typed is saved
  a moment after the typing stops, when the screen is left, and when the first case is started.

The dialog asked before the first case file is ``dialogs.your_details.YourDetailsDialog``.
Details left empty are printed as lines to fill in by hand, never as placeholders. This module
does not import the dialogs package, so the welcome screen stays light.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from headway_journal.ui.translated import QT_TRANSLATE_NOOP, TranslatedMap

from ..journal.profile import missing_details, split_addresses
from ..journal.service import JournalService, ServiceError, ValidationError
from .translated import tr
from .widgets import GRID, wrap_label

__all__ = ["FILL_BY_HAND", "LABELS", "DetailsForm", "WelcomeDetails"]

LABELS = TranslatedMap("your_details", {"name": QT_TRANSLATE_NOOP("your_details", "Your name"), "address": QT_TRANSLATE_NOOP("your_details", "Address"), "email": QT_TRANSLATE_NOOP("your_details", "E-mail"), "phone": QT_TRANSLATE_NOOP("your_details", "Phone"),
          "other_emails": QT_TRANSLATE_NOOP("your_details", "Other e-mails")})
FILL_BY_HAND = (QT_TRANSLATE_NOOP("your_details", "Anything left empty is printed as a blank line, to fill in by hand before "
                "you send it."))
AUTOSAVE_MS = 800


class _FieldError(QLabel):
    """The message under one field: hidden when empty, in a readable red."""

    def __init__(self, field_label: str) -> None:
        super().__init__()
        self.setAccessibleName(QCoreApplication.translate("_FieldError", "{field_label} error").format(
            field_label=field_label))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.setStyleSheet(f"color: {'#ff8a80' if dark else '#b3261e'};")
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))

    @property
    def message(self) -> str:
        return self.text() if not self.isHidden() else ""


class DetailsForm(QWidget):
    """Name, address, e-mail and phone, each with its inline error."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, _FieldError] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(2 * GRID)
        form.setVerticalSpacing(GRID)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(QCoreApplication.translate("DetailsForm", "Your full name"))
        self.name_edit.setToolTip(QCoreApplication.translate("DetailsForm", "Your name as it "
                                                                            "should appear on the "
                                                                            "case file."))
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText(QCoreApplication.translate("DetailsForm", "Street and number\nCity, state and ZIP code"))
        self.address_edit.setToolTip(QCoreApplication.translate("DetailsForm", "Your postal address, for letters and the case file."))
        self.address_edit.setMaximumHeight(10 * GRID)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(QCoreApplication.translate("DetailsForm", "name@example.com (optional)"))
        self.email_edit.setToolTip(QCoreApplication.translate("DetailsForm", "The e-mail address "
                                                                             "you use with them "
                                                                             "(optional)."))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("DetailsForm", "Optional"))
        self.phone_edit.setToolTip(QCoreApplication.translate("DetailsForm", "A phone number where "
                                                                             "you can be reached "
                                                                             "(optional)."))
        self.other_emails_edit = QLineEdit()
        self.other_emails_edit.setPlaceholderText(self.tr(
            "other@example.com, work@example.org (optional)"))
        self.other_emails_edit.setToolTip(self.tr(
            "Other addresses you write from, separated by commas. An e-mail added to a case is "
            "logged as sent by you (outbound) when it comes from one of your addresses."))
        self.editors: dict[str, QWidget] = {"name": self.name_edit, "address": self.address_edit,
                                            "email": self.email_edit, "phone": self.phone_edit,
                                            "other_emails": self.other_emails_edit}
        for key, editor in self.editors.items():
            editor.setAccessibleName(LABELS[key])
            label = QLabel(LABELS[key])
            label.setBuddy(editor)
            self.errors[key] = _FieldError(LABELS[key])
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(GRID // 2)
            column.addWidget(editor)
            column.addWidget(self.errors[key])
            form.addRow(label, cell)
        for key, line in (("name", self.name_edit), ("email", self.email_edit),
                          ("phone", self.phone_edit), ("other_emails", self.other_emails_edit)):
            line.textEdited.connect(lambda _t, k=key: self._edited(k))
        self.address_edit.textChanged.connect(lambda: self._edited("address"))
        self._loading = False

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.errors[key].show_error("")
        self.edited.emit()

    def load(self, service: JournalService) -> None:
        profile = service.profile()
        self._loading = True
        try:
            self.name_edit.setText(profile.get("name", ""))
            self.address_edit.setPlainText(profile.get("address", ""))
            self.email_edit.setText(profile.get("email", ""))
            self.phone_edit.setText(profile.get("phone", ""))
            self.other_emails_edit.setText(", ".join(
                split_addresses(profile.get("other_emails", ""))))
        finally:
            self._loading = False
        for label in self.errors.values():
            label.show_error("")

    def values(self) -> dict[str, str]:
        return {"name": self.name_edit.text(), "address": self.address_edit.toPlainText(),
                "email": self.email_edit.text().strip(), "phone": self.phone_edit.text(),
                "other_emails": self.other_emails_edit.text().strip()}

    def save(self, service: JournalService, *, focus: bool = True) -> str | None:
        """Store the details; None when saved, else the problem in one sentence."""
        for label in self.errors.values():
            label.show_error("")
        try:
            service.set_profile(**self.values())
        except ValidationError as exc:
            for key, message in exc.errors.items():
                if key in self.errors:
                    self.errors[key].show_error(message)
            first = self.editors.get(next(iter(exc.errors), ""))
            if focus and first is not None:
                first.setFocus()
            names = ", ".join(LABELS.get(k, k) for k in exc.errors)
            return QCoreApplication.translate("DetailsForm", "Your details were not saved: fix "
                                                             "{names} (the message is under "
                                                             "it).").format(names=names)
        except ServiceError as exc:
            return QCoreApplication.translate("DetailsForm", "Your details were not saved: "
                                                             "{exc}").format(exc=exc)
        return None


class WelcomeDetails(QGroupBox):
    """The welcome screen's "Who you are" box; saves itself (see the module docstring)."""

    saved = Signal()

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("WelcomeDetails", "Who you are (printed on the "
                                                                      "case file)"), parent)
        self.setAccessibleName(QCoreApplication.translate("WelcomeDetails", "Your details"))
        self.service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        layout.setSpacing(GRID)
        layout.addWidget(wrap_label(
            QCoreApplication.translate("WelcomeDetails", "The case file you send is signed with "
                                                         "your name and address; they stay on this "
                                                         "computer. {FILL_BY_HAND} Settings has "
                                                         "them too.").format(
                                                             FILL_BY_HAND=tr("your_details", FILL_BY_HAND)), name=QCoreApplication.translate("WelcomeDetails", "About your details")))
        self.form = DetailsForm(self)
        layout.addWidget(self.form)
        self.status = wrap_label("", name=QCoreApplication.translate("WelcomeDetails", "Your details status"))
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(lambda: self.save(focus=False))
        self.form.edited.connect(self._edited)
        self.refresh()

    def _edited(self) -> None:
        self.status.setText("")
        self.timer.start()

    def refresh(self) -> None:
        self.timer.stop()
        self.form.load(self.service)
        self._baseline = self.form.values()

    def has_changes(self) -> bool:
        return self.form.values() != self._baseline

    def save(self, *, focus: bool = True) -> bool:
        """Save what changed; False (the problem shown) when it cannot be saved."""
        self.timer.stop()
        if not self.has_changes():
            return True
        problem = self.form.save(self.service, focus=focus)
        if problem is not None:
            self.status.setText(problem)
            return False
        self._baseline = self.form.values()
        missing = missing_details(self.service.profile())
        self.status.setText(QCoreApplication.translate("WelcomeDetails", "Saved.") if not missing else
                            QCoreApplication.translate("WelcomeDetails", "Saved. Still missing: "
                                                                         "{join}.").format(
                                                                             join=' and '.join(missing)))
        self.saved.emit()
        return True

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        if self.timer.isActive():
            self.save(focus=False)
        super().hideEvent(event)
