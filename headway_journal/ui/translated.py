"""Tables of window text that translate when read.

A module-level table is built at import, before the language is known, so its entries are
marked with ``QT_TRANSLATE_NOOP("context", "...")`` (for extraction) and the table is wrapped
here, so that every read returns the text in the current language:
``LABELS = TranslatedMap("context", {"name": QT_TRANSLATE_NOOP("context", "Your name")})``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TypeVar, overload

from PySide6.QtCore import QCoreApplication, QLocale

K = TypeVar("K")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name, so Qt's tools know it
    """``text`` unchanged: marks it for extraction under ``context`` (typed, unlike
    PySide6's, which returns object)."""
    del context
    return text


def tr(context: str, text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP under ``context``) in the current language."""
    return QCoreApplication.translate(context, text) if text else text


class TranslatedMap(Mapping[K, str]):
    """A read-only mapping whose values come back translated."""

    def __init__(self, context: str, items: Mapping[K, str]) -> None:
        self.context = context
        self.source = dict(items)

    def __getitem__(self, key: K) -> str:
        return tr(self.context, self.source[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)


class TranslatedPairs(Sequence[tuple[K, str]]):
    """A read-only sequence of (key, text) whose texts come back translated."""

    def __init__(self, context: str, pairs: Sequence[tuple[K, str]]) -> None:
        self.context = context
        self.source = tuple(pairs)

    @overload
    def __getitem__(self, index: int) -> tuple[K, str]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[K, str]]: ...

    def __getitem__(self, index: int | slice) -> tuple[K, str] | Sequence[tuple[K, str]]:
        if isinstance(index, slice):
            return [(k, tr(self.context, v)) for k, v in self.source[index]]
        key, text = self.source[index]
        return key, tr(self.context, text)

    def __len__(self) -> int:
        return len(self.source)


class TranslatedTexts(Sequence[str]):
    """A read-only sequence of texts that come back translated."""

    def __init__(self, context: str, texts: Sequence[str]) -> None:
        self.context = context
        self.source = tuple(texts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [tr(self.context, t) for t in self.source[index]]
        return tr(self.context, self.source[index])

    def __len__(self) -> int:
        return len(self.source)


# The journal's vocabulary (stored in English, shown in the window's language): case and
# promise statuses, roles, badges.
WORDS: TranslatedMap[str] = TranslatedMap("words", {
    "open": QT_TRANSLATE_NOOP("words", "open"),
    "waiting": QT_TRANSLATE_NOOP("words", "waiting"),
    "escalated": QT_TRANSLATE_NOOP("words", "escalated"),
    "resolved": QT_TRANSLATE_NOOP("words", "resolved"),
    "closed": QT_TRANSLATE_NOOP("words", "closed"),
    "deleted": QT_TRANSLATE_NOOP("words", "deleted"),
    "pending": QT_TRANSLATE_NOOP("words", "pending"),
    "kept": QT_TRANSLATE_NOOP("words", "kept"),
    "broken": QT_TRANSLATE_NOOP("words", "broken"),
    "overdue": QT_TRANSLATE_NOOP("words", "overdue"),
    "due today": QT_TRANSLATE_NOOP("words", "due today"),
    "client": QT_TRANSLATE_NOOP("words", "client"),
    "clinician": QT_TRANSLATE_NOOP("words", "clinician"),
    "promise": QT_TRANSLATE_NOOP("words", "promise"),
    "escalation": QT_TRANSLATE_NOOP("words", "escalation"),
    "inbound": QT_TRANSLATE_NOOP("words", "inbound"),
    "outbound": QT_TRANSLATE_NOOP("words", "outbound"),
    "video": QT_TRANSLATE_NOOP("words", "video"),
    "phone": QT_TRANSLATE_NOOP("words", "phone"),
    "in person": QT_TRANSLATE_NOOP("words", "in person"),
    "self-pay": QT_TRANSLATE_NOOP("words", "self-pay"),
    "insurance": QT_TRANSLATE_NOOP("words", "insurance"),
    "eligibility": QT_TRANSLATE_NOOP("words", "eligibility"),
    "denied claim": QT_TRANSLATE_NOOP("words", "denied claim"),
    "late reimbursement": QT_TRANSLATE_NOOP("words", "late reimbursement"),
    "supervisor": QT_TRANSLATE_NOOP("words", "supervisor"),
    "manager": QT_TRANSLATE_NOOP("words", "manager"),
    "escalations team": QT_TRANSLATE_NOOP("words", "escalations team"),
    "formal complaint": QT_TRANSLATE_NOOP("words", "formal complaint"),
    "privacy officer": QT_TRANSLATE_NOOP("words", "privacy officer"),
})


def word(key: str) -> str:
    """A word of the journal's vocabulary in the window's language (unknown words as they are)."""
    return WORDS.get(key, key)


def country_name(code: str, english: str) -> str:
    """A country's name in the window's language (Babel's names), else ``english``."""
    lang = QLocale().name()
    if lang.startswith("en"):
        return english
    from babel import Locale, UnknownLocaleError  # Settings only: not at every start

    try:
        return str(Locale.parse(lang).territories.get(code.upper(), english))
    except (ValueError, UnknownLocaleError):
        return english
