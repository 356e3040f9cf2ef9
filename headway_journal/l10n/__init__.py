"""Languages: which one to use (the system's or the user's choice) and its catalogs.

Qt-free. ``activate("es")`` loads the gettext catalog of the journal and case-file layers
into :mod:`headway_journal.i18n`; the window loads Qt's catalogs through
``headway_journal.ui.translation``. The workflow (extract, translate, compile) is in
docs/translating.md.
"""

from __future__ import annotations

import gettext
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from .. import i18n
from ..lazy import lazy_names
from .language import (
    DEFAULT,
    SUPPORTED,
    format_locale,
    language_name,
    normalize,
    system_language,
)

__all__ = ["DEFAULT", "SUPPORTED", "activate", "catalogs", "catalog_for", "format_locale", "gettext_catalog",
           "language_name",
           "normalize", "system_language", "using"]


if TYPE_CHECKING:  # the catalogs (and their compiler) load with the first language not English
    from . import catalogs
    from .catalogs import gettext_catalog


# ``catalogs`` and ``gettext_catalog`` on first use: an English start never needs them (their
# module brings the catalog compiler's imports)
__getattr__ = lazy_names(__name__, dict.fromkeys(("catalogs", "gettext_catalog"), "catalogs"),
                         globals())


def catalog_for(code: str) -> gettext.NullTranslations | None:
    """The gettext catalog of ``code`` (None for English, the source language)."""
    lang = normalize(code)
    if lang == DEFAULT:
        return None
    from .catalogs import gettext_catalog as load  # noqa: PLC0415 (see __getattr__)

    return load(lang)


def using(code: str) -> AbstractContextManager[None]:
    """``with l10n.using("es"):`` the Qt-free layers write Spanish in this thread only."""
    lang = normalize(code)
    return i18n.language(lang, catalog_for(lang))


def activate(code: str) -> str:
    """Translate the Qt-free layers into ``code`` (normalized; unknown codes give English).

    Returns the language code in effect.
    """
    lang = normalize(code)
    i18n.set_language(lang, catalog_for(lang))
    return lang
