"""A dark palette smoke test: badges and timeline text stay legible.

A dark QPalette (as a dark desktop theme gives) is applied to the application for the test and
restored afterwards; the main window is built on the sample journal. For every status badge and
timeline label the colour the text is drawn in (the widget's palette after its style sheet is
applied) is compared with the background actually rendered under it (sampled from a grab of the
window), and the text must really be drawn in that colour. WCAG's contrast ratio must be at least
4.5:1 (AA for normal text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from headway_journal.ui.case.pane import TAB_BEFORE_CALL, TAB_TIMELINE
from headway_journal.ui.dialogs import CaseDialog
from headway_journal.ui.widgets import Badge

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow

AA = 4.5

TIMELINE_NAMES = ("Channel and direction", "Contact date", "Representative", "Ticket numbers",
                  "Summary", "Outcome", "Promise", "Expected response", "Escalation details")
HEADER_NAMES = ("Case title", "Case facts", "Case amount and outcome", "Timeline summary")


def dark_palette() -> QPalette:
    """Roughly what a dark desktop theme (Breeze Dark, Adwaita-dark) gives Qt."""
    pal = QPalette(QApplication.palette())
    colours = {
        QPalette.ColorRole.Window: "#2a2e32",
        QPalette.ColorRole.WindowText: "#fcfcfc",
        QPalette.ColorRole.Base: "#1b1e20",
        QPalette.ColorRole.AlternateBase: "#232629",
        QPalette.ColorRole.Text: "#fcfcfc",
        QPalette.ColorRole.Button: "#31363b",
        QPalette.ColorRole.ButtonText: "#fcfcfc",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#31363b",
        QPalette.ColorRole.ToolTipText: "#fcfcfc",
        QPalette.ColorRole.PlaceholderText: "#a1a9b1",
        QPalette.ColorRole.Highlight: "#3daee9",
        QPalette.ColorRole.HighlightedText: "#fcfcfc",
        QPalette.ColorRole.Link: "#1d99f3",
        QPalette.ColorRole.Light: "#40464c",
        QPalette.ColorRole.Midlight: "#363b40",
        QPalette.ColorRole.Mid: "#25292c",
        QPalette.ColorRole.Dark: "#141618",
        QPalette.ColorRole.Shadow: "#0e0f10",
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in colours.items():
            pal.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8c8d"))
    return pal


@pytest.fixture
def dark(qapp: Any) -> Iterator[QPalette]:
    saved = QPalette(QApplication.palette())
    pal = dark_palette()
    QApplication.setPalette(pal)
    try:
        yield pal
    finally:
        QApplication.setPalette(saved)
    assert QApplication.palette() == saved  # later tests see the light look again


def luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def pixels(image: QImage, rect: QRect) -> list[QColor]:
    rect = rect.intersected(image.rect())
    return [image.pixelColor(x, y) for y in range(rect.top(), rect.bottom() + 1)
            for x in range(rect.left(), rect.right() + 1)]


def legibility(window: QWidget, image: QImage, label: QLabel) -> tuple[float, str]:
    """(contrast ratio, description) of ``label`` as rendered in ``image`` (a grab of window)."""
    label.ensurePolished()
    fg = label.palette().color(label.foregroundRole())
    rect = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    # a 1 px inset keeps a badge's border out of the background count
    seen = pixels(image, rect.adjusted(1, 1, -1, -1))
    counts = Counter(c.rgb() for c in seen)
    bg = QColor.fromRgb(counts.most_common(1)[0][0])
    drawn = sum(1 for c in seen if distance(c, fg) <= 24)
    what = (f"{label.accessibleName()!r} {label.text()[:40]!r}: text {fg.name()} on "
            f"{bg.name()}, {drawn} pixels in the text colour")
    assert drawn >= 3, f"the text is not drawn in its palette colour: {what}"
    return contrast(fg, bg), what


def on_screen(w: QWidget) -> bool:
    """Shown with text and not scrolled out of sight or clipped (so the grab has all of it)."""
    return (w.isVisible() and bool(w.text().strip()) if isinstance(w, QLabel) else w.isVisible()
            ) and w.visibleRegion().boundingRect() == w.rect()


def visible_labels(root: QWidget, names: tuple[str, ...] | None = None) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel)
            if (names is None or w.accessibleName() in names) and on_screen(w)]


def settled(column: Any) -> bool:
    """Every widget of a rebuilt column is shown (new children are shown by the event loop)."""
    widgets = [column.itemAt(i).widget() for i in range(column.count())]
    return all(w.isVisible() for w in widgets if w is not None)


def check(window: MainWindow, widgets: list[QLabel]) -> list[str]:
    window.repaint()
    image = window.grab().toImage()
    assert image.devicePixelRatio() == 1  # offscreen: one image pixel per widget pixel
    problems = []
    for w in widgets:
        ratio, what = legibility(window, image, w)
        if ratio < AA:
            problems.append(f"{ratio:.2f}:1 for {what}")
    return problems


def test_dark_palette_badges_and_timeline_are_legible(
        qtbot: Any, dark: QPalette, service: Any, sample: Sample, make_window: Any) -> None:
    window: MainWindow = make_window(service)
    window.resize(1400, 900)
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 80  # really dark
    window.set_view("all")
    pane = window.case_pane
    checked = 0
    for case_id in (sample.billing, sample.credentialing, sample.privacy):
        window.select_case(case_id)
        pane.tabs.setCurrentIndex(TAB_TIMELINE)
        qtbot.waitUntil(lambda: settled(pane.timeline_column))
        badges = [b for b in pane.findChildren(Badge) if on_screen(b)]
        texts = visible_labels(pane.timeline_area.widget(), TIMELINE_NAMES)
        texts += visible_labels(pane, HEADER_NAMES)
        assert pane.status_badge in badges
        assert texts
        problems = check(window, badges + texts)
        assert problems == [], "\n".join(problems)
        checked += len(badges) + len(texts)
    # the billing case alone shows the status, promise, state and escalation badges
    window.select_case(sample.billing)
    qtbot.waitUntil(lambda: settled(pane.timeline_column))
    words = {b.text() for b in pane.findChildren(Badge) if b.isVisibleTo(window)}
    assert {"ESCALATED", "PROMISE", "ESCALATION"} <= words
    assert any(w.startswith("overdue") or w.startswith("OVERDUE") for w in words), words
    assert checked > 20

    # Before you call: muted hints, the safety note and the channel badges
    window.select_case(sample.privacy)
    pane.tabs.setCurrentIndex(TAB_BEFORE_CALL)
    page = pane.before_area.widget()
    qtbot.waitUntil(lambda: page.isVisible() and settled(pane.before_column))
    labels = visible_labels(page)
    assert len(labels) > 5
    problems = check(window, labels)
    assert problems == [], "\n".join(problems)



def test_dark_palette_form_messages_are_legible(
        qtbot: Any, dark: QPalette, service: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The inline errors (red chosen for the palette) and the grey hints of the case dialog."""
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dlg = CaseDialog(service)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    assert dlg.fields_form is not None
    qtbot.keyClicks(dlg.fields_form.editor("full_name"), "Ann Lee")
    qtbot.keyClick(dlg.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dlg.errors["title"].message == "Title is required."
    qtbot.waitUntil(lambda: on_screen(dlg.errors["title"]) and on_screen(dlg.missing_label))
    shown = [w for w in (dlg.errors["title"], dlg.problems_label, dlg.missing_label,
                         dlg.issue_desc) if on_screen(w)]
    assert len(shown) == 4
    dlg.repaint()
    image = dlg.grab().toImage()
    problems = []
    for w in shown:
        ratio, what = legibility(dlg, image, w)
        if ratio < AA:
            problems.append(f"{ratio:.2f}:1 for {what}")
    assert problems == [], "\n".join(problems)
