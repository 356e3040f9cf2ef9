"""The one place user-visible text of the Qt-free layers goes through to be translated.

``text("Case file")`` and ``plural("{n} contact", "{n} contacts", n)`` return the text in the
chosen language (gettext). Qt code uses ``self.tr(...)`` / ``QCoreApplication.translate(...)``
instead. Until a language is chosen with :func:`set_language`, text comes back unchanged.
``headway_journal.l10n`` loads the catalogs (``l10n.activate("es")``); a case file in another
language than the window's is built inside ``language(...)``, which applies to its thread only.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

DOMAIN = "headway_journal"

_state: dict[str, gettext.NullTranslations] = {"catalog": gettext.NullTranslations()}
_language: list[str] = ["en"]
_thread = threading.local()  # a thread's own language (``language``), over the global one


def _catalog() -> gettext.NullTranslations:
    own: gettext.NullTranslations | None = getattr(_thread, "catalog", None)
    return own if own is not None else _state["catalog"]


def text(message: str) -> str:
    """The translation of ``message`` in the current language."""
    return _catalog().gettext(message)


def plural(singular: str, plural_form: str, n: int) -> str:
    """The translation of the form of ``singular``/``plural_form`` that suits ``n``."""
    return _catalog().ngettext(singular, plural_form, n)


def mark(message: str) -> str:
    """``message`` unchanged: marks a table entry for extraction; translate it where it is
    shown, with ``text(entry)`` (the language may change after the table is built)."""
    return message


def current_language() -> str:
    """The language code text is translated into ("en" when none was chosen)."""
    own: str | None = getattr(_thread, "language", None)
    return own if own is not None else _language[0]


def set_language(code: str, catalog: gettext.NullTranslations | None = None) -> None:
    """Translate into ``code`` from now on, with ``catalog`` (no catalog: text unchanged)."""
    _state["catalog"] = catalog if catalog is not None else gettext.NullTranslations()
    _language[0] = code


@contextmanager
def language(code: str, catalog: gettext.NullTranslations | None = None) -> Iterator[None]:
    """Translate into ``code`` in this thread only, while the block runs (a case file in
    another language than the window's, built in a worker)."""
    before = (getattr(_thread, "language", None), getattr(_thread, "catalog", None))
    _thread.language = code
    _thread.catalog = catalog if catalog is not None else gettext.NullTranslations()
    try:
        yield
    finally:
        _thread.language, _thread.catalog = before


def carry(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run (in any thread) in the language of the thread that wraps it: for the
    pools a case-file build hands exhibits to."""
    code, catalog = current_language(), _catalog()

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with language(code, catalog):
            return function(*args, **kwargs)

    return run
