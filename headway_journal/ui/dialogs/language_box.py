"""Settings > Language: follow the system or choose a language (applied at the next start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from ... import l10n
from ..translation import chosen_language, set_chosen_language
from .form_builder import GRID, HintLabel


class LanguageBox(QGroupBox):
    """The window's language: "" follows the system (LANG, the OS setting)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("LanguageBox", "Language"), parent)
        self.setAccessibleName(QCoreApplication.translate("LanguageBox", "Language"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(QCoreApplication.translate("LanguageBox", "Language"))
        self.combo.addItem(QCoreApplication.translate("LanguageBox", "As the system (currently {name})")
                           .format(name=l10n.language_name(l10n.system_language())), "")
        for code, name in l10n.SUPPORTED.items():
            self.combo.addItem(name, code)  # each in its own language, so anyone finds theirs
        self.combo.setCurrentIndex(max(0, self.combo.findData(chosen_language())))
        self.combo.setToolTip(QCoreApplication.translate(
            "LanguageBox", "The language of the window and, by default, of case files."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        layout.addWidget(self.combo)
        layout.addWidget(HintLabel(
            QCoreApplication.translate("LanguageBox", "A new language applies the next time "
                                       "Headway Journal starts. A case file can be made in "
                                       "another language in its own window."),
            QCoreApplication.translate("LanguageBox", "Language help")))

    def value(self) -> str:
        """The chosen code ("" = the system's)."""
        return str(self.combo.currentData() or "")

    def save(self) -> None:
        """Remember the choice for the next start."""
        set_chosen_language(self.value())
