"""What a window looks like when text is bigger: cut-off text and widgets outside their place.

Used by test_scaling.py, in this process (a doubled system font) and in subprocesses run at
QT_SCALE_FACTOR 1.5 and 2 (``python layout_check.py JOURNAL_FOLDER``, which prints one line per
problem and "checked N windows").

A problem is:
* a widget that is not inside the widget that holds it (its window, or the content of the
  scroll area it is in: a scrolled page may be taller than its window, and wider only where a
  scroll bar reaches the rest);
* two widgets of one layout on top of each other;
* a label, button, check box, radio button or group box whose text does not fit its width (or,
  word-wrapped, its height): Qt cuts such text off or elides it with "…". Text that is meant to
  be elided (list and table cells, the window title) is not looked at.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QWidget,
)

SLACK = 1  # px of rounding


def describe(w: QWidget) -> str:
    parts = []
    obj: QWidget | None = w
    while obj is not None and len(parts) < 5:
        name = obj.accessibleName() or obj.objectName()
        parts.append(f"{type(obj).__name__}({name!r})" if name else type(obj).__name__)
        obj = obj.parentWidget()
    return " < ".join(parts)


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.isVisible() and not w.size().isEmpty()


def _holder(w: QWidget, top: QWidget) -> QWidget:
    """The widget ``w`` must fit in: the content of the scroll area it is in, else the window."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and (
                parent.widget().isAncestorOf(w)):
            return parent.widget()
        parent = parent.parentWidget()
    return top


def _inside_scroller(w: QWidget, top: QWidget) -> bool:
    """Inside the viewport of an item view or text box (their insides scroll by themselves)."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def outside(top: QWidget) -> Iterator[str]:
    for w in top.findChildren(QWidget):
        if not _shown(w, top) or w.isWindow() or _inside_scroller(w, top):
            continue
        area = w.parentWidget().parentWidget() if w.parentWidget() is not None else None
        if isinstance(area, QScrollArea) and area.widget() is w:
            # a scrolled page may be taller than its window; wider only with a scroll bar to
            # reach the rest (the main window's panes, which keep the sizes the user chose)
            scrolls = area.horizontalScrollBar().isVisible()
            if w.width() > area.viewport().width() + SLACK and not scrolls:
                yield (f"wider than its scroll area: {describe(w)} {w.width()} px in "
                       f"{area.viewport().width()} px")
            continue
        holder = _holder(w, top)
        rect = QRect(w.mapTo(holder, QPoint(0, 0)), w.size())
        if not holder.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            yield (f"outside {type(holder).__name__}: {describe(w)} at {rect.getRect()} "
                   f"in {holder.rect().getRect()}")


def laid_out(layout: QLayout) -> list[QWidget]:
    """The widgets ``layout`` and the layouts in it place."""
    found = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += laid_out(item.layout())
    return found


def overlapping(top: QWidget) -> Iterator[str]:
    for w in [top, *top.findChildren(QWidget)]:
        layout = w.layout()
        if layout is None or not _shown(w, top) or _inside_scroller(w, top):
            continue
        items = [c for c in laid_out(layout) if not c.isWindow() and _shown(c, top)]
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                common = a.geometry().intersected(b.geometry())
                if common.width() > SLACK and common.height() > SLACK:
                    yield f"overlap: {describe(a)} and {describe(b)}"


def _label_cut(label: QLabel) -> bool:
    text = label.text()
    if not text.strip() or label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text):
        return False
    rect = label.contentsRect().adjusted(label.margin(), label.margin(),
                                         -label.margin(), -label.margin())
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + SLACK
    fm = label.fontMetrics()
    lines = text.split("\n")
    width = max(fm.horizontalAdvance(line) for line in lines)
    return (width > rect.width() + SLACK
            or fm.lineSpacing() * len(lines) > rect.height() + fm.leading() + 2 * SLACK)


def _button_cut(button: QAbstractButton) -> bool:
    if not button.text().strip():
        return False
    hint = button.sizeHint()
    if isinstance(button, QPushButton | QToolButton):
        # the style's margins may be squeezed; the text itself must fit
        fm = button.fontMetrics()
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        need = fm.horizontalAdvance(text) + button.iconSize().width() * (not button.icon().isNull())
        return need > button.width() - 2 or fm.height() > button.height()
    return hint.width() > button.width() + SLACK


def _group_cut(box: QGroupBox) -> bool:
    if not box.title():
        return False
    return box.fontMetrics().horizontalAdvance(box.title()) > box.width()


def cut_off(top: QWidget) -> Iterator[str]:
    for w in top.findChildren(QWidget):
        if not _shown(w, top) or _inside_scroller(w, top) or w.property("elide_ok"):
            continue
        cut = (_label_cut(w) if isinstance(w, QLabel) else
               _button_cut(w) if isinstance(w, QPushButton | QCheckBox | QRadioButton
                                            | QToolButton) else
               _group_cut(w) if isinstance(w, QGroupBox) else False)
        if cut:
            text = w.title() if isinstance(w, QGroupBox) else w.text()
            yield f"text cut off: {describe(w)} {text[:50]!r} in {w.size().toTuple()}"


def problems(top: QWidget) -> list[str]:
    """Everything wrong with ``top`` as it is shown now."""
    QApplication.processEvents()
    return [*outside(top), *overlapping(top), *cut_off(top)]


def walk_windows(svc: object, sample: object, tmp: Path,
                 report: Callable[[str, QWidget], None]) -> int:
    """Open the main window (every tab of two cases, and the welcome screen) and every
    dialog; call ``report(where, window)`` on each; returns how many were shown."""
    from test_accessibility_tree import DIALOGS, attach_exhibits  # noqa: PLC0415

    from headway_journal.ui.case.pane import TAB_TITLES  # noqa: PLC0415
    from headway_journal.ui.main_window import MainWindow  # noqa: PLC0415

    attach_exhibits(svc, sample, tmp)  # type: ignore[arg-type]
    count = 0
    window = MainWindow(svc)  # type: ignore[arg-type]
    window.show()
    QApplication.processEvents()
    window.set_view("all")
    for case in ("billing", "credentialing"):
        window.select_case(getattr(sample, case))
        for index, title in enumerate(TAB_TITLES):
            window.case_pane.tabs.setCurrentIndex(index)
            for _ in range(5):
                QApplication.processEvents()
            report(f"main window, {case}, {title}", window)
            count += 1
    window.close()
    for name, make in sorted(DIALOGS.items()):
        dialog = make(svc, sample, tmp)  # type: ignore[arg-type]
        dialog.show()
        for _ in range(5):
            QApplication.processEvents()
        report(name, dialog)
        count += 1
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()
        dialog.deleteLater()
    return count


def main() -> int:
    """Run in a subprocess at a scale factor: print each problem, then "checked N windows"."""
    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import build_sample  # noqa: PLC0415
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from headway_journal.journal.service import JournalService  # noqa: PLC0415
    from headway_journal.ui.app import make_application  # noqa: PLC0415

    app = make_application()
    print("font default", app.font().pointSizeF())
    if len(sys.argv) > 2:  # a bigger system font: as a desktop's font setting gives it
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * float(sys.argv[2]))
        app.setFont(font)
    QMessageBox.question = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: QMessageBox.StandardButton.Discard)
    folder = Path(sys.argv[1])
    svc = JournalService.open(folder / "journal")
    sample = build_sample(svc)
    screen = QApplication.primaryScreen()
    print("screen", screen.availableGeometry().getRect(), screen.devicePixelRatio())

    print("font system", app.font().pointSizeF())

    def report(where: str, window: QWidget) -> None:
        if where == "main window, billing, Timeline":
            print("font title", window.case_pane.title_label.font().pointSizeF())  # type: ignore[attr-defined]
        for problem in problems(window):
            print(f"PROBLEM {where}: {problem}")
        if os.environ.get("LAYOUT_SHOTS"):  # to look at them: a folder for PNGs
            window.grab().save(str(Path(os.environ["LAYOUT_SHOTS"]) / f"{where}.png"))

    print("checked", walk_windows(svc, sample, folder, report), "windows")
    svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
