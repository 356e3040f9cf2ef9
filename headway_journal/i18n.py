"""The one place user-visible text of the Qt-free layers goes through to be translated.

``text("Case file")`` and ``plural("{n} contact", "{n} contacts", n)`` return the text in the
chosen language (gettext). Qt code uses ``self.tr(...)`` / ``QCoreApplication.translate(...)``
instead. Until a language is chosen with :func:`set_language`, text comes back unchanged.
"""

from __future__ import annotations

import gettext

DOMAIN = "headway_journal"

_state: dict[str, gettext.NullTranslations] = {"catalog": gettext.NullTranslations()}
_language: list[str] = ["en"]


def text(message: str) -> str:
    """The translation of ``message`` in the current language."""
    return _state["catalog"].gettext(message)


def plural(singular: str, plural_form: str, n: int) -> str:
    """The translation of the form of ``singular``/``plural_form`` that suits ``n``."""
    return _state["catalog"].ngettext(singular, plural_form, n)


def mark(message: str) -> str:
    """``message`` unchanged: marks a table entry for extraction; translate it where it is
    shown, with ``text(entry)`` (the language may change after the table is built)."""
    return message


def current_language() -> str:
    """The language code text is translated into ("en" when none was chosen)."""
    return _language[0]


def set_language(code: str, catalog: gettext.NullTranslations | None = None) -> None:
    """Translate into ``code`` from now on, with ``catalog`` (no catalog: text unchanged)."""
    _state["catalog"] = catalog if catalog is not None else gettext.NullTranslations()
    _language[0] = code
