"""Asked before the first case file: "Your details for the case file".

Shown once, over the case file dialog, while the journal lacks your name or address; the form
is :class:`~headway_journal.ui.your_details.DetailsForm` and a button opens Settings. Details
left empty are printed as lines to fill in by hand, never as placeholders.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from headway_journal.journal.profile import missing_details
from headway_journal.journal.service import JournalService, ServiceError
from headway_journal.ui.keyboard_help import add_help_key
from headway_journal.ui.your_details import FILL_BY_HAND, DetailsForm

from ..translated import tr
from .form_builder import GRID, ErrorLabel, add_save_shortcuts

__all__ = ["ASKED_SETTING", "YourDetailsDialog"]

ASKED_SETTING = "casefile_details_asked"  # set once the dialog was shown before a case file


class YourDetailsDialog(QDialog):
    """Asked once before the first case file while your name or address is missing.

    Accepted after "Save and continue" (details saved) or "Continue without them" (blank
    lines to fill in by hand); rejected by Cancel (no case file then).
    """

    def __init__(self, service: JournalService, parent: QWidget | None = None, *,
                 open_settings: Callable[[QWidget], object] | None = None) -> None:
        super().__init__(parent)
        add_help_key(self)
        self.service = service
        self._open_settings = open_settings
        self.setWindowTitle(QCoreApplication.translate("YourDetailsDialog", "Your details for the "
                                                                            "case file"))
        self.setAccessibleName(QCoreApplication.translate("YourDetailsDialog", "Your details for the case file"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        outer.setSpacing(2 * GRID)
        missing = missing_details(service.profile())
        what = " and ".join(missing) if missing else QCoreApplication.translate("YourDetailsDialog", "your details")
        self.intro = intro = QLabel(QCoreApplication.translate("YourDetailsDialog", "The case file is signed with your name and address, and the journal does not have {what} yet. {FILL_BY_HAND}").format(
            what=what, FILL_BY_HAND=tr("your_details", FILL_BY_HAND)))
        intro.setWordWrap(True)
        intro.setAccessibleName(QCoreApplication.translate("YourDetailsDialog", "Why your details are asked"))
        outer.addWidget(intro)
        self.form = DetailsForm(self)
        self.form.load(service)
        outer.addWidget(self.form)
        self.problem = ErrorLabel(QCoreApplication.translate("YourDetailsDialog", "Your details"))
        outer.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        self.settings_button = QPushButton(QCoreApplication.translate("YourDetailsDialog", "Open Settings…"))
        self.settings_button.setAccessibleName(QCoreApplication.translate("YourDetailsDialog", "Open Settings"))
        self.settings_button.setToolTip(QCoreApplication.translate("YourDetailsDialog", "Your details, holidays and other settings."))
        self.settings_button.setAutoDefault(False)
        self.settings_button.clicked.connect(self.open_settings)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(QCoreApplication.translate("YourDetailsDialog", "Cancel"))
        self.cancel_button.setAccessibleName(QCoreApplication.translate("YourDetailsDialog", "Cancel"))
        self.cancel_button.setToolTip(QCoreApplication.translate("YourDetailsDialog", "No case file now."))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.skip_button = QPushButton(QCoreApplication.translate("YourDetailsDialog", "Continue without them"))
        self.skip_button.setAccessibleName(QCoreApplication.translate("YourDetailsDialog", "Continue without them"))
        self.skip_button.setToolTip(QCoreApplication.translate("YourDetailsDialog", "Print blank lines to fill in by hand; you are not asked "
                                    "again (Settings has the fields)."))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        self.save_button = QPushButton(QCoreApplication.translate("YourDetailsDialog", "Save and continue"))
        self.save_button.setAccessibleName(QCoreApplication.translate("YourDetailsDialog", "Save and continue"))
        self.save_button.setToolTip(self.tr("Keep these details for every case file and "
                                            "go on to the case file"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for button in (self.cancel_button, self.skip_button, self.save_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        add_save_shortcuts(self, self.save)
        self.form.edited.connect(self.problem.clear_error)
        self.form.name_edit.setFocus()

    @staticmethod
    def needed(service: JournalService) -> bool:
        """True while the name or address is missing and the dialog was never shown."""
        return bool(missing_details(service.profile())) and not service.get_setting(ASKED_SETTING)

    def _remember(self) -> None:
        with contextlib.suppress(ServiceError):  # only means being asked again next time
            self.service.set_setting(ASKED_SETTING, "1")

    def save(self) -> bool:
        problem = self.form.save(self.service)
        if problem is not None:
            self.problem.show_error(problem)
            return False
        self._remember()
        self.accept()
        return True

    def skip(self) -> None:
        self._remember()
        self.accept()

    def open_settings(self) -> None:
        """Settings, over this dialog; the form shows what was saved there."""
        if self._open_settings is not None:
            self._open_settings(self)
        else:
            from .settings_dialog import SettingsDialog

            SettingsDialog(self.service, self).exec()
        self.form.load(self.service)
        if not missing_details(self.service.profile()):
            self._remember()
            self.accept()
