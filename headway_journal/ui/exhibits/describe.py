"""How an exhibit is described to the user: sizes, dates, type words, one-line summaries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from ...journal.capture.provenance import describe_provenance
from ...journal.exhibits import safe_display_name
from ...journal.safe_echo import escape_for_terminal
from ..format import human_size
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from ...journal.records import AttachmentView

__all__ = [
    "describe_exhibit",
    "full_date",
    "human_size",
    "kind_word",
    "quoted_name",
    "short_date",
    "type_label",
]


def _local(dt: datetime) -> QDateTime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()))


def short_date(dt: datetime) -> str:
    """"Nov 20" in the user's locale (lists)."""
    return QLocale().toString(_local(dt).date(), QCoreApplication.translate("format", "MMM d"))


def full_date(dt: datetime) -> str:
    """Full date and time in the user's locale (details)."""
    return QLocale().toString(_local(dt), QLocale.FormatType.LongFormat)


def quoted_name(name: str) -> str:
    """The stored name, safe to show, in curly quotes."""
    return f"\u201c{escape_for_terminal(safe_display_name(name))}\u201d"


_TYPE_LABELS = {  # codes, the same in every language
    "image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WEBP",
    "image/bmp": "BMP", "image/tiff": "TIFF", "image/heic": "HEIC", "image/heif": "HEIF",
    "image/avif": "AVIF", "application/pdf": "PDF", "application/zip": "ZIP",
    "application/rtf": "RTF", "text/plain": "TEXT", "text/html": "HTML", "video/mp4": "VIDEO",
    "video/quicktime": "VIDEO",
}  # fmt: skip


_KIND_WORDS = TranslatedMap("describe", {
    "image/png": QT_TRANSLATE_NOOP("describe", "PNG image"), "image/jpeg": QT_TRANSLATE_NOOP("describe", "JPEG image"), "image/gif": QT_TRANSLATE_NOOP("describe", "GIF image"),
    "image/webp": QT_TRANSLATE_NOOP("describe", "WebP image"), "image/bmp": QT_TRANSLATE_NOOP("describe", "BMP image"), "image/tiff": QT_TRANSLATE_NOOP("describe", "TIFF image"),
    "image/heic": QT_TRANSLATE_NOOP("describe", "HEIC image"), "image/heif": QT_TRANSLATE_NOOP("describe", "HEIF image"), "image/avif": QT_TRANSLATE_NOOP("describe", "AVIF image"),
    "application/pdf": QT_TRANSLATE_NOOP("describe", "PDF document"), "application/zip": QT_TRANSLATE_NOOP("describe", "ZIP archive"),
    "application/rtf": QT_TRANSLATE_NOOP("describe", "RTF document"), "text/plain": QT_TRANSLATE_NOOP("describe", "Text"), "text/html": QT_TRANSLATE_NOOP("describe", "Web page"),
    "video/mp4": QT_TRANSLATE_NOOP("describe", "Video"), "video/quicktime": QT_TRANSLATE_NOOP("describe", "Video"),
})  # fmt: skip


def type_label(view: AttachmentView) -> str:
    """A short capitalised badge for the card ("PNG", "PDF", "FILE")."""
    return _TYPE_LABELS.get(view.media_type, "FILE")


def kind_word(view: AttachmentView) -> str:
    """What kind of file it is, in words ("PNG image", "PDF document", "File")."""
    return _KIND_WORDS.get(view.media_type, "File")


def describe_exhibit(view: AttachmentView, contact: str = "") -> str:
    """Several lines for tooltips and screen readers."""
    lines = [view.caption] if view.caption else []
    lines.append(view.original_name)
    kind = type_label(view)
    if view.width and view.height:
        kind += f", {view.width} \u00d7 {view.height}"
    lines.append(f"{kind}, {human_size(view.size)}")
    lines.append(QCoreApplication.translate("describe", "Added {full_date}").format(
        full_date=full_date(view.added_at)))
    if contact:
        lines.append(QCoreApplication.translate("describe", "From the contact of {contact}").format(
            contact=contact))
    came = describe_provenance(view.provenance)
    if came:
        lines.append(QCoreApplication.translate("Exhibits", "Came from: {what}").format(
            what=came))
    if not view.preview_ok:
        lines.append(QCoreApplication.translate("describe", "No preview") + (QCoreApplication.translate("describe", " (the image could not be read)") if view.is_image else ""))
    return "\n".join(lines)

