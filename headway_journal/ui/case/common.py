"""What the case tabs share: the names of channels and directions, and column helpers.

A tab's page is a scrolling, top-aligned column (``scroll_page``); ``add_to_column`` puts a
widget before its trailing stretch and ``clear_layout`` empties it safely, even from a click
handler of a widget being removed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from headway_journal.ui.translated import QT_TRANSLATE_NOOP, TranslatedMap

from ..widgets import GRID

CHANNEL_NAMES = TranslatedMap("common", {
    "phone": QT_TRANSLATE_NOOP("common", "Phone"), "chat": QT_TRANSLATE_NOOP("common", "Chat"), "email": QT_TRANSLATE_NOOP("common", "E-mail"), "ticket": QT_TRANSLATE_NOOP("common", "Ticket"), "in-app": QT_TRANSLATE_NOOP("common", "In-app"),
    "letter": QT_TRANSLATE_NOOP("common", "Letter"), "in-person": QT_TRANSLATE_NOOP("common", "In person"), "web-form": QT_TRANSLATE_NOOP("common", "Web form"), "web": QT_TRANSLATE_NOOP("common", "Web"), "portal": QT_TRANSLATE_NOOP("common", "Portal"),
})
DIRECTION_NAMES = TranslatedMap("common", {"outbound": QT_TRANSLATE_NOOP("common", "outbound"), "inbound": QT_TRANSLATE_NOOP("common", "inbound")})
DIRECTION_HELP = TranslatedMap("common", {"outbound": QT_TRANSLATE_NOOP("common", "you contacted them"), "inbound": QT_TRANSLATE_NOOP("common", "they contacted you")})


_GRAVEYARD: QWidget | None = None


def graveyard() -> QWidget:
    """A never-shown holder for widgets on their way out (deleted at the next event loop)."""
    global _GRAVEYARD
    if _GRAVEYARD is None:
        _GRAVEYARD = QWidget()
        _GRAVEYARD.setObjectName("graveyard")
    return _GRAVEYARD


def clear_layout(layout: QLayout) -> None:
    """Empty ``layout``; safe inside a click handler of a widget being removed.

    The widgets leave the window at once (moved to a hidden holder, so nothing finds or shows
    them any more) and are deleted when control returns to the event loop.
    """
    holder = graveyard()
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # count() said there was one; nothing more to take
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(holder)
            widget.deleteLater()
            continue
        inner = item.layout()
        if inner is not None:
            clear_layout(inner)


def scroll_page(name: str) -> tuple[QScrollArea, QVBoxLayout]:
    """A vertically scrolling page whose content is a top-aligned column."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(name)
    # a pane made narrower than a card needs scrolls sideways rather than cutting it off
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    inner = QWidget()
    inner.setAccessibleName(QCoreApplication.translate("common", "{name} content").format(
        name=name))
    column = QVBoxLayout(inner)
    column.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
    column.setSpacing(GRID + 4)
    column.addStretch(1)
    area.setWidget(inner)
    return area, column


def add_to_column(column: QVBoxLayout, widget: QWidget) -> None:
    """Insert before the trailing stretch."""
    column.insertWidget(column.count() - 1, widget)


def muted(label: QLabel) -> QLabel:
    """Secondary text: the text colour blended towards the background (still readable)."""
    pal = label.palette()
    text = pal.color(QPalette.ColorRole.WindowText)
    back = pal.color(QPalette.ColorRole.Window)
    mix = QColor(
        round(text.red() * 0.7 + back.red() * 0.3),
        round(text.green() * 0.7 + back.green() * 0.3),
        round(text.blue() * 0.7 + back.blue() * 0.3),
    )
    pal.setColor(QPalette.ColorRole.WindowText, mix)
    label.setPalette(pal)
    return label
