"""Settings: who you are (for the case file), which holidays count, the attachment size limit,
which certificate signs the case files (``signing_box``)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from headway_journal.casefile.signing.choose import P12_SETTING
from headway_journal.journal import deadlines as dl
from headway_journal.journal.issue_types import FieldError, FieldSpec
from headway_journal.journal.profile import split_addresses
from headway_journal.journal.service import JournalService, ServiceError, ValidationError
from headway_journal.ui.completion import click_through

from ..capture.ocr_queue import ocr_status_text
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap, country_name
from .form_builder import (
    GRID,
    ErrorLabel,
    HintLabel,
    make_form_layout,
    save_keys_hint,
    show_problems,
    with_error,
)
from .form_dialog import FormDialog
from .language_box import LanguageBox
from .signing_box import SigningBox

LABELS = TranslatedMap("settings_dialog", {
    "name": QT_TRANSLATE_NOOP("settings_dialog", "Your name"),
    "address": QT_TRANSLATE_NOOP("settings_dialog", "Address"),
    "email": QT_TRANSLATE_NOOP("settings_dialog", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("settings_dialog", "Phone"),
    "other_emails": QT_TRANSLATE_NOOP("settings_dialog", "Other e-mails"),
    "holiday_country": QT_TRANSLATE_NOOP("settings_dialog", "Country"),
    "holiday_subdivision": QT_TRANSLATE_NOOP("settings_dialog", "State or region"),
    "attachment_limit_mb": QT_TRANSLATE_NOOP("settings_dialog", "Largest attachment"),
})
DEFAULT_LIMIT_MB = 200
MAX_LIMIT_MB = 4096
_EMAIL = FieldSpec("email", QT_TRANSLATE_NOOP("settings_dialog", "E-mail"), "email")


class SettingsDialog(FormDialog):
    """Profile, business-day calendar and attachment limit. Saves on Save (or Ctrl+Enter)."""

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent, spacing=2 * GRID)
        self.service = service
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        self.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Settings"))
        self.errors: dict[str, ErrorLabel] = {}
        self.language_box = LanguageBox()  # Settings > Language, below the other groups
        self._build()
        self._load()
        self._baseline = self._snapshot()
        self.name_edit.setFocus()

    # --- construction -----------------------------------------------------------------------

    def _error(self, key: str) -> ErrorLabel:
        label = ErrorLabel(LABELS[key])
        self.errors[key] = label
        return label

    def _row(self, form: Any, key: str, editor: QWidget, cell: QWidget | None = None) -> None:
        label = QLabel(LABELS[key])
        label.setBuddy(editor)
        if not editor.accessibleName():
            editor.setAccessibleName(LABELS[key])
        form.addRow(label, with_error(cell or editor, self._error(key)))

    def _build_profile(self) -> QGroupBox:
        """The "You" group: your details and your other e-mail addresses."""
        profile = QGroupBox(QCoreApplication.translate("SettingsDialog", "You (printed on the case "
                                                                         "file)"))
        profile.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Profile"))
        pf = make_form_layout()
        pf.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        pf.addRow(HintLabel(QCoreApplication.translate("SettingsDialog", "The case file and its "
                                                                         "cover letter are signed "
                                                                         "with these. Left "
                            "empty, they are printed as blank lines to fill in by hand."),
                            QCoreApplication.translate("SettingsDialog", "Profile help")))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", "Your full name"))
        self.name_edit.setToolTip(QCoreApplication.translate("SettingsDialog", "Your name as it should appear on the case file."))
        self._row(pf, "name", self.name_edit)
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", "Postal address"))
        self.address_edit.setToolTip(QCoreApplication.translate("SettingsDialog", "Your postal address, for letters and the case file."))
        self.address_edit.setMaximumHeight(10 * GRID)
        self._row(pf, "address", self.address_edit)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", "name@example.com"))
        self.email_edit.setToolTip(QCoreApplication.translate("SettingsDialog", "The e-mail address you use with them."))
        self.email_edit.editingFinished.connect(self._check_email)
        self._row(pf, "email", self.email_edit)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", "Phone number"))
        self.phone_edit.setToolTip(QCoreApplication.translate("SettingsDialog", "A phone number where you can be reached."))
        self._row(pf, "phone", self.phone_edit)
        self.other_emails_edit = QLineEdit()
        self.other_emails_edit.setPlaceholderText(self.tr("other@example.com, work@example.org"))
        self.other_emails_edit.setToolTip(self.tr(
            "Other addresses you write from, separated by commas. An e-mail added to a case is "
            "logged as sent by you (outbound) when it comes from one of your addresses."))
        self._row(pf, "other_emails", self.other_emails_edit)
        profile.setLayout(pf)
        return profile

    def _build(self) -> None:
        outer = self.add_scrolled_body(QCoreApplication.translate("SettingsDialog", "Settings form"), right_margin=0)
        outer.addWidget(self._build_profile())

        cal = QGroupBox(QCoreApplication.translate("SettingsDialog", "Business days"))
        cal.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Business days"))
        cf = make_form_layout()
        cf.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        cf.addRow(HintLabel(QCoreApplication.translate("SettingsDialog", "Promises in business "
                                                                         "days skip weekends and "
                                                                         "the public holidays "
                            "of this place."), QCoreApplication.translate("SettingsDialog", "Business days help")))
        self.country_combo = QComboBox()
        self.country_combo.setEditable(True)
        self.country_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country_combo.setToolTip(QCoreApplication.translate("SettingsDialog", "Whose public holidays count. Type to search."))
        for code, name in dl.available_countries():
            self.country_combo.addItem(f"{country_name(code, name)} ({code})", code)
        completer = QCompleter(self.country_combo.model(), self.country_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.country_combo.setCompleter(completer)
        click_through(completer)
        self._row(cf, "holiday_country", self.country_combo)
        self.sub_combo = QComboBox()
        self.sub_combo.setToolTip(QCoreApplication.translate("SettingsDialog", "A state or region with its own holidays, if any."))
        self._row(cf, "holiday_subdivision", self.sub_combo)
        self.holiday_hint = HintLabel("", QCoreApplication.translate("SettingsDialog", "Next holiday"))
        cf.addRow(self.holiday_hint)
        cal.setLayout(cf)
        outer.addWidget(cal)

        att = QGroupBox(QCoreApplication.translate("SettingsDialog", "Attachments"))
        att.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Attachments"))
        af = make_form_layout()
        af.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, MAX_LIMIT_MB)
        self.limit_spin.setSuffix(" MB")
        self.limit_spin.setToolTip(QCoreApplication.translate("SettingsDialog", "Files larger than this are refused when attached."))
        self._row(af, "attachment_limit_mb", self.limit_spin)
        af.addRow(self._ocr_status())
        self._add_lock_row(af)
        att.setLayout(af)
        outer.addWidget(att)
        self.signing = SigningBox(self.service)
        outer.addWidget(self.signing)
        outer.addWidget(self.language_box)
        outer.addStretch(1)
        self.add_footer(save_text=QCoreApplication.translate("SettingsDialog", "Save settings"),
                        save_tip=QCoreApplication.translate("SettingsDialog", "Save the settings "
                                                                              "({save_keys_hint}).").format(
                                                                                  save_keys_hint=save_keys_hint()))

        self.country_combo.currentIndexChanged.connect(self._country_changed)
        self.sub_combo.currentIndexChanged.connect(self._calendar_changed)
        for edit, key in ((self.name_edit, "name"), (self.email_edit, "email"),
                          (self.phone_edit, "phone")):
            edit.textEdited.connect(lambda _t, k=key: self.errors[k].clear_error())
        self.fit(QSize(560, 640))

    def _ocr_status(self) -> HintLabel:
        """Whether text in screenshots is recognised, and how to enable it (ui.capture)."""
        self.ocr_status = HintLabel(ocr_status_text(), QCoreApplication.translate("SettingsDialog", "Text recognition"))
        self.ocr_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.ocr_status

    # --- values -----------------------------------------------------------------------------

    def _load(self) -> None:
        prof = self.service.profile()
        self.name_edit.setText(prof.get("name", ""))
        self.address_edit.setPlainText(prof.get("address", ""))
        self.email_edit.setText(prof.get("email", ""))
        self.phone_edit.setText(prof.get("phone", ""))
        self.other_emails_edit.setText(", ".join(split_addresses(prof.get("other_emails", ""))))
        country = self.service.get_setting("holiday_country", "US") or "US"
        sub = self.service.get_setting("holiday_subdivision", "")
        idx = self.country_combo.findData(country)
        if idx < 0:
            self.country_combo.addItem(country, country)
            idx = self.country_combo.count() - 1
        self.country_combo.blockSignals(True)
        self.country_combo.setCurrentIndex(idx)
        self.country_combo.blockSignals(False)
        self._fill_subdivisions(country, sub)
        try:
            limit = int(self.service.get_setting("attachment_limit_mb", str(DEFAULT_LIMIT_MB)))
        except ValueError:
            limit = DEFAULT_LIMIT_MB
        self.limit_spin.setValue(min(max(limit, 1), MAX_LIMIT_MB))
        self._calendar_changed()

    def _fill_subdivisions(self, country: str, selected: str = "") -> None:
        self.sub_combo.blockSignals(True)
        self.sub_combo.clear()
        self.sub_combo.addItem(QCoreApplication.translate("SettingsDialog", "Whole country"), "")
        try:
            subs = dl.available_subdivisions(country)
        except ValueError:
            subs = []
        for code, name in subs:
            self.sub_combo.addItem(f"{name} ({code})" if name != code else code, code)
        idx = self.sub_combo.findData(selected)
        if idx < 0 and selected:
            self.sub_combo.addItem(selected, selected)
            idx = self.sub_combo.count() - 1
        self.sub_combo.setCurrentIndex(max(idx, 0))
        self.sub_combo.setEnabled(self.sub_combo.count() > 1)
        self.sub_combo.blockSignals(False)

    def _country_changed(self, _i: int) -> None:
        code = self.country_combo.currentData()
        if code is None:
            return
        self._fill_subdivisions(str(code))
        self._calendar_changed()

    def _calendar_changed(self, *_args: object) -> None:
        self.errors["holiday_country"].clear_error()
        self.errors["holiday_subdivision"].clear_error()
        country, sub = self.calendar_choice()
        calendar = dl.BusinessCalendar(country, sub or None)
        try:
            calendar.validate()
        except ValueError as exc:
            self.errors["holiday_subdivision" if sub else "holiday_country"].show_error(str(exc))
            self.holiday_hint.setText("")
            return
        today = date.today()
        for n in range(1, 366):
            day = today + timedelta(days=n)
            name = calendar.holiday_name(day)
            if name:
                self.holiday_hint.setText(QCoreApplication.translate("SettingsDialog", "Next public holiday: {name}, {day:%a %b} {day2}, {year}.").format(
                    name=name, day=day, day2=day.day, year=day.year))
                return
        self.holiday_hint.setText(QCoreApplication.translate("SettingsDialog", "No public holiday in the coming year."))

    def calendar_choice(self) -> tuple[str, str]:
        code = self.country_combo.currentData()
        if code is None or self.country_combo.currentText() != self.country_combo.itemText(
                self.country_combo.currentIndex()):
            typed = self.country_combo.currentText().strip()
            code = typed.rsplit("(", 1)[-1].rstrip(")").strip() if typed else ""
        return str(code or "").upper(), str(self.sub_combo.currentData() or "")

    def _snapshot(self) -> dict[str, Any]:
        country, sub = self.calendar_choice()
        return {"name": self.name_edit.text(), "address": self.address_edit.toPlainText(),
                "email": self.email_edit.text(), "phone": self.phone_edit.text(),
                "other_emails": self.other_emails_edit.text(), "country": country,
                "sub": sub, "limit": self.limit_spin.value(), "signing": self.signing.path(),
                "lock": self.lock_spin.value(), "language": self.language_box.value()}

    def has_changes(self) -> bool:
        return self._snapshot() != self._baseline

    def _check_email(self) -> str | None:
        try:
            _EMAIL.normalize(self.email_edit.text())
        except FieldError as exc:
            self.errors["email"].show_error(str(exc))
            return str(exc)
        self.errors["email"].clear_error()
        return None

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        for label in self.errors.values():
            label.clear_error()
        self.problems_label.clear_error()
        errors: dict[str, str] = {}
        email_problem = self._check_email()
        if email_problem:
            errors["email"] = email_problem
        country, sub = self.calendar_choice()
        try:
            dl.BusinessCalendar(country, sub or None).validate()
        except ValueError as exc:
            errors["holiday_subdivision" if sub else "holiday_country"] = str(exc)
        if not country:
            errors["holiday_country"] = QCoreApplication.translate("SettingsDialog", "Choose a country.")
        if errors:
            self._show(errors)
            return False
        try:
            self.service.set_profile(name=self.name_edit.text(),
                                     address=self.address_edit.toPlainText(),
                                     email=self.email_edit.text().strip(),
                                     phone=self.phone_edit.text(),
                                     other_emails=self.other_emails_edit.text().strip())
            old_country = self.service.get_setting("holiday_country", "US") or "US"
            old_sub = self.service.get_setting("holiday_subdivision", "")
            if (country, sub) != (old_country, old_sub):
                # Never leave a subdivision that does not belong to the new country in place.
                self.service.set_setting("holiday_subdivision", "")
                self.service.set_setting("holiday_country", country)
                if sub:
                    self.service.set_setting("holiday_subdivision", sub)
            self.service.set_setting("attachment_limit_mb", str(self.limit_spin.value()))
            self.service.set_setting(P12_SETTING, self.signing.path())
            self._save_lock_after()
        except ValidationError as exc:
            self._show(dict(exc.errors))
            return False
        except ServiceError as exc:
            self.problems_label.show_error(QCoreApplication.translate("SettingsDialog", "Not saved: {exc}").format(
                exc=exc))
            return False
        self._baseline = self._snapshot()
        self.language_box.save()
        self.accept()
        return True

    def _add_lock_row(self, form: Any) -> None:
        """An encrypted journal's idle lock (a per-user setting, ui.security)."""
        from ..security.controller import lock_after_spin

        self.lock_spin = lock_after_spin()
        form.addRow(QCoreApplication.translate("SettingsDialog", "Lock when idle:"), self.lock_spin)

    def _save_lock_after(self) -> None:
        from ..security.controller import set_lock_after_minutes

        set_lock_after_minutes(self.lock_spin.value())
        security = getattr(self.parent(), "security", None)
        if security is not None:
            security.restart_idle()

    def _show(self, errors: dict[str, str]) -> None:
        labels = []
        for key, msg in errors.items():
            target = self.errors.get(key)
            if target is not None:
                target.show_error(msg)
                labels.append(LABELS[key])
            else:
                labels.append(key)
        show_problems(self.problems_label, labels)

    def reject(self) -> None:
        if self.isVisible() and self.has_changes():
            answer = QMessageBox.question(
                self, QCoreApplication.translate("SettingsDialog", "Save settings?"), QCoreApplication.translate("SettingsDialog", "Your settings have changes that are not saved."),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
        super().reject()
