"""Find text in the window that did not go through a translation catalog.

Reusable: after new strings land, re-run tests/ui/test_spanish_ui.py (it uses this module).

``marking(lang)`` installs, in place of the real catalogs of ``lang`` (Qt's ``.qm`` for our
text and Qt's own, and the gettext catalog of the Qt-free layers), translators that return
every translated string between ``⟦`` and ``⟧`` and record those the catalog of ``lang`` does
not translate. ``untranslated_text(widget, allowed)`` then lists every visible text (labels,
buttons, titles, tooltips, placeholders, tabs, menus, item views, accessible names) that has
letters outside the marks, apart from ``allowed`` (the user's own data) and the locale's
month and day names.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from headway_journal import i18n, l10n
from headway_journal.ui.translation import qt_translators

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TAGS = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
# not words of a language: IANA time zones (America/New_York), file names and patterns
# (*.pdf, backup.sqlite3), e-mail and web addresses; then codes in capitals (USD, EOB, SHA)
PATHS = re.compile(r"\b[0-9a-f]{16,}\b|\b[A-Za-z_]+(?:/[A-Za-z0-9_+-]*)+|\*\.\w+|\b[\w-]*[A-Za-z][\w-]*(?:\.[\w-]+)*\.[a-z][a-z0-9]{1,7}\b|"
                   r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://[^\s⟧]+")
CODES = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")


@dataclass
class Marks:
    """What the marking translators saw: strings the catalogs of the language lack."""

    missing_qt: set[tuple[str, str]] = field(default_factory=set)
    missing_text: set[str] = field(default_factory=set)


class MarkingTranslator(QTranslator):
    """Every string Qt asks to translate comes back marked (translated when ``inner`` can)."""

    def __init__(self, inner: list[QTranslator], marks: Marks) -> None:
        super().__init__()
        self.inner = inner
        self.marks = marks

    def translate(self, context: str, source: str, disambiguation: Any = None,  # noqa: D102
                  n: int = -1) -> str:
        done = ""
        for translator in self.inner:
            done = translator.translate(context, source, disambiguation, n)
            if done:
                break
        if not done:
            done = source
            if not context.startswith("Q"):  # Qt's own gaps are Qt's (qtbase_*.qm)
                self.marks.missing_qt.add((context, source))
        return f"{OPEN}{done}{CLOSE}" if source else done

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


class MarkingCatalog(gettext.NullTranslations):
    """The gettext side: marked text, missing messages recorded."""

    def __init__(self, inner: gettext.NullTranslations, marks: Marks) -> None:
        super().__init__()
        self.inner = inner
        self.marks = marks

    def _mark(self, source: str, done: str) -> str:
        if done == source and not isinstance(self.inner, gettext.GNUTranslations) or (
                isinstance(self.inner, gettext.GNUTranslations)
                and source not in self.inner._catalog):  # noqa: SLF001
            self.marks.missing_text.add(source)
        return f"{OPEN}{done}{CLOSE}"

    def gettext(self, message: str) -> str:
        return self._mark(message, self.inner.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        done = self.inner.ngettext(msgid1, msgid2, n)
        if isinstance(self.inner, gettext.GNUTranslations) and (msgid1, 0) not in \
                self.inner._catalog:  # noqa: SLF001
            self.marks.missing_text.add(msgid1)
        return f"{OPEN}{done}{CLOSE}"


@contextmanager
def marking(lang: str = "es") -> Iterator[Marks]:
    """Install marking translators for ``lang`` (the app's language reset afterwards)."""
    app = QCoreApplication.instance()
    assert app is not None
    marks = Marks()
    inner = qt_translators(lang)
    translator = MarkingTranslator(inner, marks)
    app.installTranslator(translator)
    old_locale = QLocale()
    QLocale.setDefault(QLocale(l10n.format_locale(lang)))
    i18n.set_language(lang, MarkingCatalog(l10n.gettext_catalog(lang), marks))
    try:
        yield marks
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(old_locale)
        i18n.set_language("en")


def locale_words(lang: str) -> set[str]:
    """Month and day names, AM/PM of the language's format locale (QLocale writes them)."""
    loc = QLocale(l10n.format_locale(lang))
    words: set[str] = {loc.amText(), loc.pmText()}
    # the words of a long date and time: "de", the time zone's name
    words.update(re.findall(r"[^\W\d_]+", loc.toString(QDateTime.currentDateTime(),
                                                        QLocale.FormatType.LongFormat)))
    for fmt in QLocale.FormatType:
        words.update(loc.monthName(m, fmt) for m in range(1, 13))
        words.update(loc.standaloneMonthName(m, fmt) for m in range(1, 13))
        words.update(loc.dayName(d, fmt) for d in range(1, 8))
    return {w for w in words if w}


def leftover(text: str, allowed: Iterable[str] = (), locale: Iterable[str] = ()) -> str:
    """What of ``text`` is outside the marks, ``allowed`` (data) and ``locale`` (what QLocale
    writes: month and day names, "de"): "" when all is translated."""
    rest = PATHS.sub(" ", TAGS.sub(" ", text))
    while True:  # innermost marks first: a translated template may hold translated parts
        stripped = MARKED.sub(" ", rest)
        if stripped == rest:
            break
        rest = stripped
    rest = re.sub(f"{OPEN}[^{CLOSE}]*$", " ", rest)  # a translated text cut short by the code
    for value in sorted(allowed, key=len, reverse=True):
        if len(value) >= 3:  # "A" or "HW" would hide real words
            rest = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", rest)
    for value in locale:
        rest = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", rest)
    rest = CODES.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest)]
    return " ".join(words)


def _item_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for section in range(columns):
        yield "header", str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), 50)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield "item", value


def _actions(actions: Iterable[QAction]) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.isSeparator():
            continue
        yield "action", action.text()
        yield "action tip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield "menu", menu.title()
            yield from _actions(menu.actions())


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for the text a user can see or hear on ``widget`` itself."""
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    elif isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "group", widget.title()
    elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield "placeholder", widget.placeholderText()
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
            yield "tab tip", widget.tabToolTip(i)
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "choice", widget.itemText(i)
    elif isinstance(widget, QAbstractItemView):
        yield from _item_texts(widget)
    yield from _actions(widget.actions())
    if isinstance(widget, QMainWindow):
        yield from _actions(widget.menuBar().actions())


def untranslated_text(top: QWidget, allowed: Iterable[str] = (),
                      lang: str = "es") -> list[str]:
    """Every visible text of ``top`` and its children with words outside the marks, as
    "ClassName.objectName what: text"; editable text (what the user typed) is not checked."""
    allow = set(allowed)
    local = locale_words(lang)
    found: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top) and not isinstance(widget, QMenu):
            continue
        for what, text in texts_of(widget):
            rest = leftover(text, allow, local) if text else ""
            if rest:
                name = f"{type(widget).__name__}.{widget.objectName() or '?'}"
                found.append(f"{name} {what}: {text!r} (untranslated: {rest})")
    return sorted(set(found))
