"""Which language to use: the supported ones, the system's, and a user's choice."""

from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULT = "en"
# code -> the language's own name (what the Settings list shows, so anyone can find theirs)
SUPPORTED: dict[str, str] = {"en": "English", "es": "Español"}
# the locale that formats dates, numbers and money for each language: U.S. conventions
# (the journal's calendars, 988 and dollars are American; es_US writes $1,234.50)
FORMAT_LOCALES: dict[str, str] = {"en": "en_US", "es": "es_US"}


def normalize(code: str | None) -> str:
    """``"es_MX.UTF-8"``, ``"es-419"``, ``"ES"`` -> ``"es"``; unsupported or empty -> English."""
    if not code:
        return DEFAULT
    base = code.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in SUPPORTED else DEFAULT


def format_locale(code: str) -> str:
    """The locale (Babel/QLocale name) dates, numbers and money are written in for ``code``."""
    return FORMAT_LOCALES[normalize(code)]


def language_name(code: str) -> str:
    """The language's name in itself ("Español")."""
    return SUPPORTED.get(normalize(code), SUPPORTED[DEFAULT])


def system_language(environ: Mapping[str, str] | None = None,
                    os_languages: list[str] | None = None) -> str:
    """The first supported language the system asks for.

    POSIX order: LANGUAGE (a colon list), LC_ALL, LC_MESSAGES, LANG; then ``os_languages``
    (what the OS reports, e.g. Qt's ``QLocale.system().uiLanguages()`` on Windows and macOS,
    where those variables are usually unset). "C"/"POSIX" mean no preference.
    """
    env = os.environ if environ is None else environ
    wanted: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if name == "LANGUAGE":
            wanted.extend(value.split(":"))
        elif value:
            wanted.append(value)
            break  # LC_ALL overrides LC_MESSAGES overrides LANG
    wanted.extend(os_languages or [])
    for code in wanted:
        if not code or code.split(".")[0] in ("C", "POSIX"):
            continue
        lang = normalize(code)
        if lang != DEFAULT or code.lower().startswith("en"):
            return lang
    return DEFAULT
