"""The case file's language, which may differ from the window's (a Spanish speaker writing to
an English-speaking insurer): a combo box for the case-file dialog."""

from __future__ import annotations

from contextlib import AbstractContextManager

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from ... import i18n, l10n


def language_combo(parent: QWidget | None = None) -> QComboBox:
    """Every language, each in its own name; the window's language chosen."""
    combo = QComboBox(parent)
    for code, name in l10n.SUPPORTED.items():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(i18n.current_language())))
    combo.setAccessibleName(QCoreApplication.translate("CaseFileLanguage",
                                                       "Language of the case file"))
    combo.setToolTip(QCoreApplication.translate(
        "CaseFileLanguage", "The language the case file and its cover letter are written in; "
        "the window keeps its own."))
    return combo


def writing_in(combo: QComboBox) -> AbstractContextManager[None]:
    """``with writing_in(combo):`` the Qt-free layers write in the chosen language."""
    return l10n.using(str(combo.currentData() or i18n.current_language()))


def case_file_language(combo: QComboBox) -> str:
    """The chosen language when it is not the window's, else "" (the window's)."""
    code = str(combo.currentData() or "")
    return "" if code == i18n.current_language() else code
