"""Fonts of the window that must exist on every system.

The window otherwise uses the system's own fonts (Segoe UI, San Francisco, the desktop's font
on Linux), which always exist. Text whose digits must line up (the call timer, a recovery key,
digests) needs a fixed-width font: the system's (Qt's ``FixedFont``: Consolas on Windows, Menlo
or SF Mono on macOS, the desktop's monospace on Linux), else the DejaVu Sans Mono the case file
already bundles (``casefile/fonts``), registered with Qt on first use. A family name such as
"Monospace" or "DejaVu Sans Mono" alone exists on Linux only: elsewhere Qt would fall back to a
proportional font.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

__all__ = ["BUNDLED_MONO", "fixed_width_font"]

BUNDLED_MONO = Path(__file__).resolve().parent.parent / "casefile" / "fonts" / "DejaVuSansMono.ttf"
_bundled: list[str] = []  # the registered family, once


def _bundled_family() -> str | None:
    if not _bundled:
        font_id = QFontDatabase.addApplicationFont(str(BUNDLED_MONO))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _bundled.append(families[0] if families else "")
    return _bundled[0] or None


def fixed_width_font(base: QFont | None = None) -> QFont:
    """``base`` (size, weight; default: the application's font) in a fixed-width family that
    exists on this system."""
    font = QFont(base) if base is not None else QFont()
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setFamilies([system.family()])
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    if not QFontInfo(font).fixedPitch():
        family = _bundled_family()
        if family is not None:
            font.setFamilies([family])
    return font
