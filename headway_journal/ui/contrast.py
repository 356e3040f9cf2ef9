"""Text the user can read in any desktop theme: WCAG 2.2 AA contrast (4.5:1) for the palette.

Themes (and Qt's own Fusion palette) draw placeholder and hint text at half strength and white
on a mid blue for selected rows, both below 4.5:1. ``readable_palette`` keeps the theme's
colours and moves only what falls short: the placeholder colour towards the text colour (it must
read on the window and on text fields), the selection colour away from its text. The light,
dark and high-contrast themes all keep their look. ``install_readable_palette`` applies it at
start and again whenever the theme changes (a desktop switching to dark mode).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

__all__ = ["AA", "alert_color", "contrast_ratio", "install_readable_palette",
           "readable_palette"]

AA = 4.5
Role = QPalette.ColorRole
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def _channel(v: int) -> float:
    s = v / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(c: QColor) -> float:
    return 0.2126 * _channel(c.red()) + 0.7152 * _channel(c.green()) + 0.0722 * _channel(c.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two opaque colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(fg: QColor, bg: QColor) -> QColor:
    """``fg`` as drawn on ``bg`` (its transparency blended in)."""
    a = fg.alphaF()
    return QColor(round(fg.red() * a + bg.red() * (1 - a)),
                  round(fg.green() * a + bg.green() * (1 - a)),
                  round(fg.blue() * a + bg.blue() * (1 - a)))


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``t`` of the way from ``a`` to ``b``."""
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def _worst(fg: QColor, backgrounds: list[QColor]) -> float:
    return min(contrast_ratio(over(fg, bg), bg) for bg in backgrounds)


def _towards(fg: QColor, target: QColor, backgrounds: list[QColor]) -> QColor:
    """``fg`` moved the least towards ``target`` that reads on every background."""
    if _worst(fg, backgrounds) >= AA:
        return fg
    start = over(fg, backgrounds[0])
    for step in range(1, 21):
        candidate = mix(start, target, step / 20)
        if _worst(candidate, backgrounds) >= AA:
            return candidate
    return QColor(target)


def _away(bg: QColor, fg: QColor) -> QColor:
    """``bg`` darkened (or lightened) the least so that ``fg`` reads on it."""
    if contrast_ratio(fg, bg) >= AA:
        return bg
    end = QColor("#000000") if luminance(fg) > 0.5 else QColor("#ffffff")
    for step in range(1, 21):
        candidate = mix(bg, end, step / 20)
        if contrast_ratio(fg, candidate) >= AA:
            return candidate
    return end


def alert_color(palette: QPalette) -> str:
    """A red for errors and warnings that reads at 4.5:1 on the palette's window, light or
    dark (a fixed dark red all but vanishes on a dark theme)."""
    window = palette.color(Role.Window)
    return "#ff8a80" if window.lightness() < 128 else "#b3261e"


def readable_palette(palette: QPalette) -> QPalette:
    """A copy of ``palette`` whose placeholder, hint and selection text reach 4.5:1."""
    pal = QPalette(palette)
    for group in GROUPS:
        text = pal.color(group, Role.Text)
        window = pal.color(group, Role.Window)
        # on text fields, on the window, and on the window's shade inside frames and groups
        backgrounds = [pal.color(group, Role.Base), window,
                       window.darker(106) if luminance(window) > 0.2 else window.lighter(106)]
        placeholder = pal.color(group, Role.PlaceholderText)
        fixed = _towards(placeholder, text, backgrounds)
        if fixed != placeholder:
            pal.setColor(group, Role.PlaceholderText, fixed)
        selected = pal.color(group, Role.HighlightedText)
        highlight = pal.color(group, Role.Highlight)
        darker = _away(highlight, selected)
        if darker != highlight:
            pal.setColor(group, Role.Highlight, darker)
        tip_text, tip_base = pal.color(group, Role.ToolTipText), pal.color(group, Role.ToolTipBase)
        tip = _towards(tip_text, QColor("#000000") if luminance(tip_base) > 0.5
                       else QColor("#ffffff"), [tip_base])
        if tip != tip_text:
            pal.setColor(group, Role.ToolTipText, tip)
    return pal


class _PaletteKeeper(QObject):
    """Re-applies ``readable_palette`` when the application's palette changes (a new theme).

    It listens to ``QGuiApplication.paletteChanged``, which Qt 6 still emits though it marks
    it deprecated in favour of the ApplicationPaletteChange event: that event reaches Python
    only through an event filter on the application, which sees every event of every object,
    and such a filter made each of them a Python call (a fifth of the window's start-up went
    to it; docs/performance.md, item 17)."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName(KEEPER_NAME)
        app.paletteChanged.connect(self.reapply)

    def reapply(self, _palette: QPalette | None = None) -> None:
        apply_readable_palette()


KEEPER_NAME = "readable_palette_keeper"


def apply_readable_palette() -> None:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    current = QGuiApplication.palette()
    better = readable_palette(current)
    if better != current:
        QGuiApplication.setPalette(better)


def install_readable_palette(app: QGuiApplication) -> QObject:
    """Keep ``app``'s palette readable from now on; returns the keeper (delete it to stop)."""
    keeper = _PaletteKeeper(app)
    apply_readable_palette()
    return keeper
