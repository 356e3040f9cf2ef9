"""The window's language: Qt's translators for our text (``locale/qt/*.ts``) and Qt's own
(standard buttons, context menus: ``qtbase_<lang>.qm`` from the PySide6 wheel), plus the
gettext catalog of the journal and case-file layers, all for one language.

The language is the one chosen in Settings (``language``; "" = follow the system), applied at
the next start; ``install_language`` is called once, before any window exists.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from .. import l10n
from . import settings as st

LANGUAGE_KEY = "language"

# the translators installed now (kept referenced: Qt does not own them)
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The language in Settings, or "" to follow the system."""
    value = st.get_str(LANGUAGE_KEY, "")
    return l10n.normalize(value) if value else ""


def set_chosen_language(code: str) -> None:
    """Remember the language for the next start ("" = follow the system)."""
    st.set_value(LANGUAGE_KEY, l10n.normalize(code) if code else "")


def effective_language() -> str:
    """The language to use: the chosen one, else the system's (environment, then the OS)."""
    return chosen_language() or l10n.system_language(
        os_languages=list(QLocale.system().uiLanguages()))


def qt_translators(lang: str, parent: QObject | None = None) -> list[QTranslator]:
    """Loaded translators for ``lang``: ours, then Qt's own (empty for English)."""
    found: list[QTranslator] = []
    if lang == l10n.DEFAULT:
        return found
    ours = l10n.catalogs.qm_file(lang)
    if ours is not None:
        translator = QTranslator(parent)
        if translator.load(str(ours)):
            found.append(translator)
    qt_own = QTranslator(parent)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        found.append(qt_own)
    return found


def install_language(lang: str | None = None) -> str:
    """Translate the window and the Qt-free layers into ``lang`` (default: the effective one);
    replaces what an earlier call installed. Returns the language in effect."""
    app = QCoreApplication.instance()
    code = l10n.normalize(lang if lang is not None else effective_language())
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    if app is not None:
        for translator in qt_translators(code, app):
            app.installTranslator(translator)
            _installed.append(translator)
    if code != l10n.DEFAULT:  # English keeps the system's formats (a German date order)
        QLocale.setDefault(QLocale(l10n.format_locale(code)))
    return l10n.activate(code)
