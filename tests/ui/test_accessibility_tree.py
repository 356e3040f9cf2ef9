"""A screen reader and the keyboard reach everything: the main window and every dialog.

For each window the QAccessible tree is walked (what assistive technology reads) and every shown
interactive element must have a name; then Tab is pressed round the window and every shown,
enabled widget that takes Tab focus must be reached, with no widget keeping Tab for itself.
The main window is checked on a client case and a clinician case, on every tab, with exhibits
attached, and empty (the welcome screen).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from a11y_walk import (
    accessible_tree,
    undescribed_controls,
    unnamed_controls,
    unreachable_by_tab,
)
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from headway_journal.journal.backup import BackupManager
from headway_journal.journal.service import JournalService
from headway_journal.ui.case.pane import TAB_TITLES
from headway_journal.ui.casefile.dialog import CaseFileDialog
from headway_journal.ui.casefile.print_preview import PdfPreviewDialog
from headway_journal.ui.dialogs import (
    CaseDialog,
    ContactDialog,
    OrganizationDialog,
    SettingsDialog,
)
from headway_journal.ui.dialogs.restore_dialog import RestoreDialog
from headway_journal.ui.dialogs.your_details import YourDetailsDialog
from headway_journal.ui.exhibits.capture import CaptureDialog
from headway_journal.ui.exhibits.viewer import ImageViewer

if TYPE_CHECKING:
    from conftest import Sample


def png(tmp_path: Path, colour: int = 0x3366AA) -> bytes:
    path = tmp_path / f"shot-{colour:x}.png"
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path))
    return path.read_bytes()


def pdf_file(tmp_path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "case.pdf"
    c = Canvas(str(path))
    for n in range(2):
        c.drawString(72, 760, f"Page {n + 1}")
        c.showPage()
    c.save()
    return path


def attach_exhibits(svc: JournalService, sample: Sample, tmp_path: Path) -> int:
    """An image with a caption, one without, and a text file; returns the captioned image."""
    aid = svc.add_attachment(sample.billing, png(tmp_path), original_name="charge.png",
                             caption="Bank statement showing the charge twice")
    svc.add_attachment(sample.billing, png(tmp_path, 0xAA6633), original_name="portal.png")
    svc.add_attachment(sample.billing, b"a receipt\n" * 20, original_name="receipt.txt")
    return aid


def restore_dialog(svc: JournalService) -> QWidget:
    manager = BackupManager(svc.journal)
    manager.make("manual")
    return RestoreDialog(manager, lambda _f: False)


def first_contact(svc: JournalService, case_id: int) -> int:
    return svc.get_case(case_id).contacts[0].id


Maker = Callable[[JournalService, "Sample", Path], QWidget]

DIALOGS: dict[str, Maker] = {
    "new case": lambda svc, s, _p: CaseDialog(svc),
    "edit case": lambda svc, s, _p: CaseDialog(svc, case_id=s.billing),
    "edit clinician case": lambda svc, s, _p: CaseDialog(svc, case_id=s.credentialing),
    "log contact": lambda svc, s, _p: ContactDialog(svc, s.billing),
    "edit contact": lambda svc, s, _p: ContactDialog(
        svc, s.billing, contact_id=first_contact(svc, s.billing)),
    "organizations": lambda svc, s, _p: OrganizationDialog(svc),
    "new organization": lambda svc, s, _p: OrganizationDialog(svc, new=True),
    "settings": lambda svc, s, _p: SettingsDialog(svc),
    "your details": lambda svc, s, _p: YourDetailsDialog(svc),
    "restore": lambda svc, s, _p: restore_dialog(svc),
    "case file": lambda svc, s, _p: CaseFileDialog(svc, s.billing),
    "preview": lambda svc, s, p: PdfPreviewDialog(pdf_file(p)),
    "capture": lambda svc, s, _p: CaptureDialog(None),
    "exhibit viewer": lambda svc, s, p: ImageViewer(svc, attach_exhibits(svc, s, p)),
}


@pytest.fixture(autouse=True)
def close_without_saving(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a half-filled form asks whether to discard it: yes (its draft is kept)."""
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


def show(qtbot: Any, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.resize(max(window.width(), 900), max(window.height(), 700))
    window.show()
    qtbot.waitExposed(window)
    return window


def check_window(qtbot: Any, window: QWidget, where: str) -> list[str]:
    problems = (unnamed_controls(window) + undescribed_controls(window)
                + unreachable_by_tab(qtbot, window))
    return [f"{where}: {p}" for p in problems]


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_names_its_controls_and_tab_reaches_them(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path, name: str) -> None:
    dialog = show(qtbot, DIALOGS[name](service, sample, tmp_path))
    assert len(accessible_tree(dialog)) > 3
    problems = check_window(qtbot, dialog, name)
    assert problems == [], "\n".join(problems)
    dialog.close()


@pytest.mark.parametrize("case", ["billing", "credentialing"])
def test_the_main_window_names_its_controls_and_tab_reaches_them_on_every_tab(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        make_window: Any, case: str) -> None:
    attach_exhibits(service, sample, tmp_path)
    window = make_window(service)
    window.resize(1400, 900)
    window.set_view("all")
    window.select_case(getattr(sample, case))
    tabs = window.case_pane.tabs
    problems: list[str] = []
    for index, title in enumerate(TAB_TITLES):
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda i=index: tabs.currentWidget().isVisible() and tabs.currentIndex() == i)
        problems += check_window(qtbot, window, f"{case}, {title} tab")
    assert problems == [], "\n".join(problems)


def test_the_welcome_screen_names_its_controls_and_tab_reaches_them(
        qtbot: Any, empty_window: Any) -> None:
    problems = check_window(qtbot, empty_window, "welcome")
    assert problems == [], "\n".join(problems)


def spoken(root: QWidget) -> list[str]:
    """Every shown element's name and description, as a screen reader would read them."""
    return [f"{i.text(QAccessible.Text.Name)} | {i.text(QAccessible.Text.Description)}"
            for i in accessible_tree(root)]


CAPTION = "Bank statement showing the charge twice"


def test_an_image_exhibit_reads_its_caption_in_the_timeline_the_exhibits_tab_and_the_viewer(
        qtbot: Any, service: JournalService, sample: Sample, tmp_path: Path,
        make_window: Any) -> None:
    aid = attach_exhibits(service, sample, tmp_path)
    window = make_window(service)
    window.select_case(sample.billing)
    qtbot.waitUntil(lambda: any(f"Exhibit: {CAPTION}" in t for t in spoken(window)))
    assert any("Exhibit: portal.png" in t for t in spoken(window))  # no caption: its name

    window.case_pane.tabs.setCurrentIndex(TAB_TITLES.index("Exhibits"))
    panel = window.case_pane.exhibits
    qtbot.waitUntil(lambda: panel.list_view.isVisible() and panel.list_view.model().rowCount() == 3)
    items = [i for i in accessible_tree(panel.list_view) if i.role() == QAccessible.Role.ListItem]
    assert any(CAPTION in i.text(QAccessible.Text.Name) for i in items), spoken(panel.list_view)

    viewer = show(qtbot, ImageViewer(service, aid))
    assert any(t.startswith(f"Exhibit image: {CAPTION} |") for t in spoken(viewer)), (
        spoken(viewer))


def test_the_contact_form_with_promises_and_an_escalation(
        qtbot: Any, service: JournalService, sample: Sample) -> None:
    dialog = show(qtbot, ContactDialog(service, sample.billing))
    dialog.esc_check.setChecked(True)
    for _ in range(2):
        dialog.add_promise_row(focus=False)
    qtbot.waitUntil(lambda: dialog.esc_owner.isVisible())
    problems = check_window(qtbot, dialog, "contact with promises and escalation")
    assert problems == [], "\n".join(problems)
    dialog.close()


def test_the_case_form_for_every_issue_type(
        qtbot: Any, service: JournalService) -> None:
    dialog = show(qtbot, CaseDialog(service))
    problems: list[str] = []
    for index in range(dialog.issue_combo.count()):
        dialog.issue_combo.setCurrentIndex(index)
        key = dialog.issue_combo.itemData(index)
        qtbot.waitUntil(lambda k=key: dialog.fields_form is not None
                        and dialog.fields_form.isVisible() and dialog.issue_combo.currentData() == k)
        problems += check_window(qtbot, dialog, f"new {key} case")
    assert dialog.issue_combo.count() >= 6
    assert problems == [], "\n".join(problems)
    dialog.close()


def test_the_walk_finds_a_nameless_button_a_trap_and_an_unreachable_field(qtbot: Any) -> None:
    """The checks above can fail: a window with each fault is caught."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QVBoxLayout,
    )

    window = QWidget()
    lay = QVBoxLayout(window)
    named = QLineEdit()
    named.setAccessibleName("Named")
    trap = QPlainTextEdit()  # keeps Tab for itself (inserts a tab character)
    trap.setAccessibleName("Notes")
    lonely = QLineEdit()
    lonely.setAccessibleName("Lonely")
    combo, labelled_combo, label = QComboBox(), QComboBox(), QLabel("&Kind:")
    combo.addItem("Open")  # read as "Open", with nothing saying what is open
    labelled_combo.addItem("Phone")
    label.setBuddy(labelled_combo)
    for w in (named, QPushButton(), trap, lonely, combo, label, labelled_combo):
        lay.addWidget(w)
    show(qtbot, window)
    assert [p.split(":")[0] for p in unnamed_controls(window)] == [
        "Button without a name", "ComboBox without a label"]
    named.setFocus(Qt.FocusReason.OtherFocusReason)
    problems = unreachable_by_tab(qtbot, window)
    assert problems[0].startswith("Tab stays in QPlainTextEdit('Notes')"), problems
    assert any("not reachable by Tab: QLineEdit('Lonely')" in p for p in problems), problems


def test_the_walk_finds_a_tab_order_against_reading_order(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    window = QWidget()
    lay = QVBoxLayout(window)
    first, second, third = (QLineEdit(), QLineEdit(), QLineEdit())
    for n, w in enumerate((first, second, third), start=1):
        w.setAccessibleName(f"Field {n}")
        lay.addWidget(w)
    show(qtbot, window)
    assert unreachable_by_tab(qtbot, window) == []  # top to bottom: fine
    QWidget.setTabOrder(first, third)
    QWidget.setTabOrder(third, second)
    problems = unreachable_by_tab(qtbot, window)
    assert any("from QLineEdit('Field 3') < QWidget to QLineEdit('Field 2')" in p
               for p in problems), problems


def test_the_keyboard_shortcuts_list_is_readable_and_reachable(qtbot: Any, window: Any) -> None:
    from headway_journal.ui.keyboard_help import KeyboardHelpDialog

    dialog = show(qtbot, KeyboardHelpDialog(window))
    problems = check_window(qtbot, dialog, "keyboard shortcuts")
    assert problems == [], "\n".join(problems)
    cells = [i.text(QAccessible.Text.Name) for i in accessible_tree(dialog)
             if i.role() == QAccessible.Role.Cell]
    assert "Ctrl+N: New case" in cells, cells  # a reader hears the key with what it does
    dialog.close()
