"""The card grid of the Exhibits tab: the list model and the card painter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...journal.records import AttachmentView
from .describe import describe_exhibit, human_size, kind_word, short_date, type_label
from .thumbnails import ThumbnailCache

__all__ = [
    "ExhibitDelegate",
    "ExhibitModel",
    "ID_ROLE",
    "PIXMAP_ROLE",
    "STATE_ROLE",
    "VIEW_ROLE",
]


VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PIXMAP_ROLE = Qt.ItemDataRole.UserRole + 3
STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # "ready", "loading", "none"


class ExhibitModel(QAbstractListModel):
    """The exhibits of one case, for a QListView (thumbnails via a ThumbnailCache)."""

    def __init__(self, thumbnails: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AttachmentView] = []
        self._contacts: dict[int, str] = {}
        self._thumbs = thumbnails
        thumbnails.ready.connect(self._on_thumbnail)

    def set_items(self, items: Sequence[AttachmentView], contacts: dict[int, str]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._contacts = dict(contacts)
        self.endResetModel()

    def items(self) -> list[AttachmentView]:
        return list(self._items)

    def view_at(self, row: int) -> AttachmentView:
        return self._items[row]

    def row_of(self, attachment_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == attachment_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        view = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return view.caption or view.original_name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            contact = self._contacts.get(view.contact_id or 0, "")
            return describe_exhibit(view, contact)
        if role in (Qt.ItemDataRole.DecorationRole, PIXMAP_ROLE):
            return self._thumbs.pixmap(view)
        if role == STATE_ROLE:
            if not self._thumbs.has_preview(view):
                return "none"
            return "ready" if self._thumbs.pixmap(view) is not None else "loading"
        if role == VIEW_ROLE:
            return view
        if role == ID_ROLE:
            return view.id
        return None

    def _on_thumbnail(self, sha: str) -> None:
        for row, item in enumerate(self._items):
            if item.sha256 == sha:
                index = self.index(row)
                self.dataChanged.emit(index, index)


_CARD = QSize(224, 246)
_THUMB_H = 136
_PAD = 10


def _wrap_two(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """``text`` on at most two lines of ``width`` pixels (the second elided)."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split(" ")
    first = ""
    for n, word in enumerate(words):
        candidate = f"{first} {word}" if first else word
        if metrics.horizontalAdvance(candidate) > width:
            if not first:  # one very long word
                return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
            rest = " ".join(words[n:])
            return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        first = candidate
    return [first]  # pragma: no cover - the whole text fitted


class ExhibitDelegate(QStyledItemDelegate):
    """A card: thumbnail (or a "no preview" tile), caption, original name, size and date."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(_CARD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        view = index.data(VIEW_ROLE)
        if not isinstance(view, AttachmentView):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette: QPalette = opt.palette
        state = opt.state
        card: QRect = opt.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if state & QStyle.StateFlag.State_Selected:
            fill = QColor(accent)
            fill.setAlpha(50)
            painter.setPen(QPen(accent, 2))
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            fill = QColor(accent)
            fill.setAlpha(20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 6, 6)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        thumb = QRect(rect.left(), rect.top(), rect.width(), _THUMB_H)
        pixmap = index.data(PIXMAP_ROLE)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            self._paint_pixmap(painter, thumb, pixmap, palette)
        else:
            loading = index.data(STATE_ROLE) == "loading"
            self._paint_placeholder(painter, thumb, view, palette, loading=loading)
        text_color = palette.color(QPalette.ColorRole.Text)
        dim = QColor(text_color)
        dim.setAlpha(165)
        font = QFont(opt.font)
        bold = QFont(font)
        bold.setBold(True)
        center = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        width = rect.width()
        lines: list[tuple[str, QFont, QColor]] = []
        painter.setFont(bold)
        if view.caption:
            for text in _wrap_two(painter.fontMetrics(), " ".join(view.caption.split()), width):
                lines.append((text, bold, text_color))
            name_metrics = QFontMetrics(font)
            lines.append((name_metrics.elidedText(" ".join(view.original_name.split()),
                                                  Qt.TextElideMode.ElideMiddle, width),
                          font, dim))
        else:
            lines.append((painter.fontMetrics().elidedText(
                " ".join(view.original_name.split()), Qt.TextElideMode.ElideMiddle, width),
                bold, text_color))
            lines.append((kind_word(view), font, dim))
        lines.append((f"{human_size(view.size)} \u00b7 {short_date(view.added_at)}", font, dim))
        y = thumb.bottom() + 6
        for text, line_font, color in lines:
            painter.setFont(line_font)
            painter.setPen(color)
            height = painter.fontMetrics().height()
            painter.drawText(QRect(rect.left(), y, width, height), center, text)
            y += height + 1
        painter.restore()

    @staticmethod
    def _paint_pixmap(painter: QPainter, box: QRect, pixmap: QPixmap, palette: QPalette) -> None:
        ratio = pixmap.devicePixelRatio() or 1.0
        natural = QSize(int(pixmap.width() / ratio), int(pixmap.height() / ratio))
        size = natural.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio) \
            if natural.width() > box.width() or natural.height() > box.height() else natural
        target = QRect(QPoint(box.left() + (box.width() - size.width()) // 2,
                              box.top() + (box.height() - size.height()) // 2), size)
        painter.drawPixmap(target, pixmap)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target.adjusted(0, 0, -1, -1))

    @staticmethod
    def _paint_placeholder(painter: QPainter, box: QRect, view: AttachmentView,
                           palette: QPalette, *, loading: bool) -> None:
        tile = box.adjusted(box.width() // 2 - 44, 8, -(box.width() // 2 - 44), -8)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(tile, 6, 6)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(8.0, font.pointSizeF() * 1.2))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(tile.adjusted(0, 0, 0, -22), Qt.AlignmentFlag.AlignCenter,
                         type_label(view))
        small = QFont(painter.font())
        small.setBold(False)
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.7))
        painter.setFont(small)
        painter.drawText(tile.adjusted(4, tile.height() // 2, -4, -4),
                         Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("ExhibitDelegate", "Loading\u2026") if loading else QCoreApplication.translate("ExhibitDelegate", "No preview"))


