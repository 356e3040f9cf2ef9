"""WCAG 2.2 AA contrast, measured, in the light, dark and high-contrast palettes.

Extends test_dark_palette.py (badges and timeline text in the dark palette) to every label of
the main window (timeline, before you call, the welcome screen) and of every dialog, in three
palettes: the light one the app starts with, a dark desktop theme, and a high-contrast theme
(white on black, as Windows' "High Contrast Black" gives). For each label shown, the colour its
text is drawn in (its palette's foreground after its style sheet, blended over the background
when it is translucent) is compared with the background actually rendered under it, sampled
from a grab of the window: at least 4.5:1. The palette's own pairs (text on base, button text,
placeholder text, highlighted text) are checked too, as the app adjusts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from test_accessibility_tree import DIALOGS, attach_exhibits, show
from test_dark_palette import contrast, dark_palette, distance, pixels

from headway_journal.ui.case.pane import TAB_BEFORE_CALL, TAB_TIMELINE
from headway_journal.ui.contrast import install_readable_palette
from headway_journal.ui.widgets import Badge

if TYPE_CHECKING:
    from conftest import Sample

AA = 4.5


def high_contrast_palette() -> QPalette:
    """White on black with a cyan highlight (Windows' High Contrast Black, GNOME's HC inverse)."""
    pal = QPalette(QApplication.palette())
    colours = {
        QPalette.ColorRole.Window: "#000000", QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000", QPalette.ColorRole.AlternateBase: "#0a0a0a",
        QPalette.ColorRole.Text: "#ffffff", QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#000000", QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#b0b0b0",
        QPalette.ColorRole.Highlight: "#1aebff", QPalette.ColorRole.HighlightedText: "#000000",
        QPalette.ColorRole.Link: "#ffff00", QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#c0c0c0", QPalette.ColorRole.Mid: "#808080",
        QPalette.ColorRole.Dark: "#ffffff", QPalette.ColorRole.Shadow: "#ffffff",
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in colours.items():
            pal.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#3ff23f"))
    return pal


PALETTES = {"light": lambda: QPalette(QApplication.palette()), "dark": dark_palette,
            "high contrast": high_contrast_palette}


@pytest.fixture(params=sorted(PALETTES))
def palette(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """The theme's palette as the desktop gives it; the app keeps it readable, as it does
    from start-up (``make_application``)."""
    saved = QPalette(QApplication.palette())
    keeper = install_readable_palette(qapp)
    QApplication.setPalette(PALETTES[request.param]())
    try:
        yield request.param
    finally:
        keeper.deleteLater()
        QApplication.setPalette(saved)


@pytest.fixture(autouse=True)
def close_without_saving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


def blend(fg: QColor, bg: QColor) -> QColor:
    a = fg.alphaF()
    return QColor(round(fg.red() * a + bg.red() * (1 - a)),
                  round(fg.green() * a + bg.green() * (1 - a)),
                  round(fg.blue() * a + bg.blue() * (1 - a)))


def inactive(label: QLabel) -> bool:
    """Part of switched-off controls (WCAG asks no contrast of inactive components): the label
    is disabled along with its group or a control beside it. A label switched off on its own
    only to look grey is not inactive: it is text the user needs."""
    if label.isEnabled():
        return False
    parent = label.parentWidget()
    if parent is None or not parent.isEnabled():
        return True
    controls = [w for w in parent.findChildren(QWidget) if w is not label
                and not isinstance(w, QLabel) and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    return any(not w.isEnabled() for w in controls)


def shown_labels(window: QWidget) -> list[QLabel]:
    """Labels with text, wholly in sight, that are not inactive."""
    return [label for label in window.findChildren(QLabel)
            if label.isVisible() and label.text().strip() and label.pixmap().isNull()
            and label.visibleRegion().boundingRect() == label.rect() and not inactive(label)]


def measure(window: QWidget, image: QImage, label: QLabel) -> tuple[float, str]:
    label.ensurePolished()
    group = (QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled)
    rect = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    seen = pixels(image, rect.adjusted(1, 1, -1, -1))
    bg = QColor.fromRgb(Counter(c.rgb() for c in seen).most_common(1)[0][0])
    fg = blend(label.palette().color(group, label.foregroundRole()), bg)
    drawn = sum(1 for c in seen if distance(c, fg) <= 40)
    what = (f"{type(label).__name__} {label.accessibleName()!r} {label.text()[:40]!r}: text "
            f"{fg.name()} on {bg.name()} ({drawn} pixels in the text colour)")
    if drawn < 3:
        return 0.0, f"text not drawn in its palette colour: {what}"
    return contrast(fg, bg), what


def low_contrast(window: QWidget) -> list[str]:
    window.repaint()
    image = window.grab().toImage()
    assert image.devicePixelRatio() == 1
    problems = []
    for label in shown_labels(window):
        ratio, what = measure(window, image, label)
        if ratio < AA:
            problems.append(f"{ratio:.2f}:1 for {what}")
    return problems


def settle(qtbot: Any, column: Any) -> None:
    def done() -> bool:
        widgets = [column.itemAt(i).widget() for i in range(column.count())]
        return all(w.isVisible() for w in widgets if w is not None)
    qtbot.waitUntil(done)


PAIRS = [(QPalette.ColorRole.Text, QPalette.ColorRole.Base),
         (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
         (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
         (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
         (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Window),
         (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
         (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase)]


def test_the_palette_pairs_are_readable(palette: str) -> None:
    pal = QApplication.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg_role, bg_role in PAIRS:
            bg = pal.color(group, bg_role)
            ratio = contrast(blend(pal.color(group, fg_role), bg), bg)
            assert ratio >= AA, f"{palette}: {fg_role.name} on {bg_role.name} {ratio:.2f}:1"


def test_the_main_window_is_readable(
        qtbot: Any, palette: str, service: Any, sample: Sample, tmp_path: Path,
        make_window: Any) -> None:
    attach_exhibits(service, sample, tmp_path)
    window = make_window(service)
    window.resize(1400, 900)
    window.set_view("all")
    pane = window.case_pane
    problems: list[str] = []
    for case_id in (sample.billing, sample.credentialing, sample.privacy):
        window.select_case(case_id)
        for tab, column in ((TAB_TIMELINE, pane.timeline_column),
                            (TAB_BEFORE_CALL, pane.before_column)):
            pane.tabs.setCurrentIndex(tab)
            settle(qtbot, column)
            problems += low_contrast(window)
    words = {b.text() for b in pane.findChildren(Badge) if b.isVisibleTo(window)}
    assert words  # the badges were among the labels measured
    assert problems == [], "\n".join(dict.fromkeys(problems))


def test_the_welcome_screen_is_readable(
        qtbot: Any, palette: str, service: Any, make_window: Any) -> None:
    window = make_window(service)
    problems = low_contrast(window)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_is_readable(
        qtbot: Any, palette: str, service: Any, sample: Sample, tmp_path: Path,
        name: str) -> None:
    dialog = show(qtbot, DIALOGS[name](service, sample, tmp_path))
    problems = low_contrast(dialog)
    assert problems == [], "\n".join(problems)
    dialog.close()


def test_nothing_is_told_by_colour_alone(
        qtbot: Any, service: Any, sample: Sample, make_window: Any) -> None:
    """Every tinted pill carries its word, in the case list as on the case."""
    from headway_journal.ui.case_list import BadgeKeyRole

    window = make_window(service)
    window.set_view("all")
    model = window.case_list.model()
    tinted = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if index.data(BadgeKeyRole):
                tinted += 1
                word = str(index.data() or "")
                assert word.strip(), f"row {row} column {column}: a colour without a word"
                spoken = str(index.data(Qt.ItemDataRole.AccessibleTextRole) or "")
                assert word.lower().split()[0] in spoken.lower(), (word, spoken)
    assert tinted >= 6  # a status on every row, "overdue N d" on the billing case
    for case_id in (sample.billing, sample.credentialing):
        window.select_case(case_id)
        settle(qtbot, window.case_pane.timeline_column)
        for badge in window.case_pane.findChildren(Badge):
            if badge.isVisibleTo(window):
                assert badge.text().strip(), "a badge with no word"
                assert badge.text().lower().split()[0] in badge.accessibleName().lower()
