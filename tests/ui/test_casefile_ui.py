"""The case file in the window: the options dialog, background builds, preview and printing."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from headway_journal import platform
from headway_journal.journal.service import JournalService
from headway_journal.ui.casefile import build, print_preview
from headway_journal.ui.casefile.build import BuildOptions, CaseFileBuilder
from headway_journal.ui.casefile.dialog import CaseFileDialog, install
from headway_journal.ui.casefile.print_preview import PdfPreviewDialog, print_pdf

if TYPE_CHECKING:
    from conftest import Sample

WAIT = 60_000


def png(color: tuple[int, int, int]) -> bytes:
    img = Image.new("RGB", (800, 480), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 780, 100), fill=color)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"Receipt page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def case(service: JournalService, sample: Sample) -> int:
    """The sample's billing case, with a screenshot and a 2-page PDF receipt."""
    view = service.get_case(sample.billing)
    service.add_attachment(sample.billing, png((200, 40, 40)), original_name="charge.png",
                           caption="The double charge", contact_id=view.contacts[0].id)
    service.add_attachment(sample.billing, pdf(2), original_name="receipt.pdf",
                           caption="Receipt")
    return sample.billing


@pytest.fixture
def dialog(qtbot: Any, service: JournalService, case: int) -> CaseFileDialog:
    dlg = CaseFileDialog(service, case)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Patch the save dialog to answer ``path``; returns the suggested names it was given."""
    asked: list[str] = []

    def fake(_parent: Any, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(path), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def pdf_text(path: Path) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(path).pages)


class FakePrintDialog(QPrintDialog):
    """The real dialog class with exec() answering for the user: print to a PDF file."""

    out: Path = Path()
    configure: Callable[[QPrinter], None] | None = None
    made: list[FakePrintDialog] = []

    def __init__(self, printer: QPrinter, parent: Any = None) -> None:
        super().__init__(printer, parent)
        self._printer = printer
        FakePrintDialog.made.append(self)

    def exec(self) -> int:
        self.seen_buttons = [b.text() for b in self.findChildren(QPushButton)]
        self._printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self._printer.setOutputFileName(str(self.out))
        if FakePrintDialog.configure is not None:
            FakePrintDialog.configure(self._printer)
        return int(QDialog.DialogCode.Accepted.value)


@pytest.fixture
def fake_printer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> type[FakePrintDialog]:
    FakePrintDialog.out = tmp_path / "printed.pdf"
    FakePrintDialog.configure = None
    FakePrintDialog.made = []
    monkeypatch.setattr(print_preview, "make_print_dialog",
                        lambda printer, parent: FakePrintDialog(printer, parent))
    return FakePrintDialog


@pytest.fixture
def progress_labels(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    labels: list[str] = []

    class Recording(QProgressDialog):
        def setLabelText(self, text: str) -> None:  # noqa: N802 - Qt's name
            labels.append(text)
            super().setLabelText(text)

    monkeypatch.setattr(print_preview, "QProgressDialog", Recording)
    return labels


def no_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    return shown


# --- the dialog ----------------------------------------------------------------------------------


def test_dialog_lists_exhibits_and_drafts_a_letter(dialog: CaseFileDialog) -> None:
    assert dialog.exhibit_list.count() == 2
    items = [dialog.exhibit_list.item(i).text() for i in range(2)]
    assert items[0].startswith("Exhibit 1: The double charge") and "screenshot" in items[0]
    assert items[1].startswith("Exhibit 2: Receipt") and "PDF" in items[1]
    assert dialog.excluded() == ()
    letter = dialog.letter_edit.toPlainText()
    assert "Double charge for the Nov 12 session" in letter
    assert dialog.addressee_edit.text() == "Алексей Смирнов"  # the escalation owner
    assert "Dear Алексей Смирнов," in letter
    assert not dialog.letter_edit.isEnabled()  # until "Include a cover letter" is ticked
    assert dialog.options() == BuildOptions()
    for widget in (dialog.redact_check, dialog.exhibit_list, dialog.letter_check,
                   dialog.addressee_edit, dialog.letter_edit, dialog.export_button,
                   dialog.preview_button, dialog.print_button):
        assert widget.accessibleName()


def test_letter_redrafts_until_the_user_edits_it(dialog: CaseFileDialog) -> None:
    dialog.letter_check.setChecked(True)
    assert dialog.letter_edit.isEnabled()
    dialog.addressee_edit.setText("Billing supervisor")
    assert "Dear Billing supervisor," in dialog.letter_edit.toPlainText()
    # leaving an exhibit out re-drafts the list of enclosures
    assert "Exhibit 2: Receipt" in dialog.letter_edit.toPlainText()
    dialog.exhibit_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.excluded() == (2,)
    assert "Exhibit 2: Receipt" not in dialog.letter_edit.toPlainText()
    # the user's edits win from now on
    dialog.letter_edit.setPlainText("My own letter.")
    dialog.addressee_edit.setText("Someone else")
    assert dialog.letter_edit.toPlainText() == "My own letter."
    assert "Edited by you" in dialog.letter_state.text()
    options = dialog.options()
    assert options.cover_letter == "My own letter." and options.exclude == (2,)


def test_draft_again_asks_before_replacing_edits(
    dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.letter_check.setChecked(True)
    dialog.letter_edit.setPlainText("Mine.")
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dialog.redraft_button.click()
    assert dialog.letter_edit.toPlainText() == "Mine."
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.redraft_button.click()
    assert "Dear Алексей Смирнов," in dialog.letter_edit.toPlainText()
    assert "Drafted from the case" in dialog.letter_state.text()


def test_export_builds_in_the_background(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "exported"  # no suffix: .pdf is added
    asked = save_as(monkeypatch, out)
    warnings = no_warnings(monkeypatch)
    main_thread = threading.get_ident()
    threads: list[int] = []
    real = build.build_for_case

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "build_for_case", spy)
    dialog.letter_check.setChecked(True)
    dialog.export_button.click()
    assert asked and Path(asked[0]).name.startswith("Case file - Double charge for the Nov 12")
    assert asked[0].endswith(".pdf")
    assert dialog.builder.running() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    final = tmp_path / "exported.pdf"
    assert final.is_file() and not warnings
    assert threads and threads[0] != main_thread
    result = dialog.last_result
    assert result is not None and result.path == final
    assert len(PdfReader(final).pages) == result.pages and result.exhibit_pages == 2
    assert "Cover letter" in pdf_text(final)
    assert "Saved" in dialog.result_label.text() and dialog.export_button.isEnabled()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_redacted_export_with_an_exhibit_left_out(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "redacted.pdf"
    asked = save_as(monkeypatch, out)
    dialog.redact_check.setChecked(True)
    dialog.exhibit_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.export()
    assert "(redacted)" in asked[0]
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    text = pdf_text(out)
    assert "REDACTED" in text and "Receipt page" not in text
    assert dialog.last_result is not None and dialog.last_result.exhibit_pages == 0


def test_cancel_during_the_build_leaves_no_file(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cancelled.pdf"
    save_as(monkeypatch, out)
    reached, gate = threading.Event(), threading.Event()
    real = build.build_for_case

    def slow(*args: Any, **kwargs: Any) -> Any:
        report = kwargs["progress"]

        def progress(done: int, total: int, message: str) -> None:
            report(done, total, message)
            if done >= 35:  # laying out pages: hold here until the test has cancelled
                reached.set()
                gate.wait(10)

        kwargs["progress"] = progress
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "build_for_case", slow)
    dialog.export()
    qtbot.waitUntil(reached.is_set, timeout=WAIT)
    progress = dialog.builder.progress_dialog
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=WAIT)  # shown while the build runs
    # the worker's progress reaches the box through the event loop, a moment later
    qtbot.waitUntil(lambda: progress.value() >= 35, timeout=WAIT)
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    with qtbot.waitSignal(dialog.builder.cancelled, timeout=WAIT):
        cancel_button.click()  # the user presses Cancel
        gate.set()
    assert not out.exists()
    assert list(folder.iterdir()) == []  # no partial file either
    assert "Cancelled" in dialog.result_label.text()
    assert dialog.export_button.isEnabled()


def test_quitting_mid_build_stops_it_and_writes_nothing(
    qtbot: Any, dialog: CaseFileDialog, service: JournalService, make_window: Any,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A quit (a signal, the session ending: the main window closes) while a case file is
    being built stops the build at once instead of holding the exit until it ends."""
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "quit.pdf"
    save_as(monkeypatch, out)
    reached = threading.Event()
    real = build.build_for_case
    builder = dialog.builder

    def slow(*args: Any, **kwargs: Any) -> Any:
        report = kwargs["progress"]

        def progress(done: int, total: int, message: str) -> None:
            report(done, total, message)
            if done >= 35:  # laying out pages: held until the build is asked to stop
                reached.set()
                for _ in range(1000):
                    if builder.cancel_requested():
                        break
                    threading.Event().wait(0.01)

        kwargs["progress"] = progress
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "build_for_case", slow)
    window = make_window(service)
    dialog.export()
    qtbot.waitUntil(reached.is_set, timeout=WAIT)
    with qtbot.waitSignal(builder.cancelled, timeout=10_000):
        window.close()  # what File > Quit, SIGTERM and the session's request do first
    assert list(folder.iterdir()) == []  # nothing written, no partial file


def test_exhibits_changed_since_the_dialog_opened(
    qtbot: Any, dialog: CaseFileDialog, service: JournalService, case: int,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    asked = save_as(monkeypatch, tmp_path / "case.pdf")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a, **k: told.append(text)))
    dialog.exhibit_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # leave the receipt out
    screenshot = service.get_case(case).attachments[0]
    service.remove_attachment(screenshot.id)  # meanwhile, in the main window
    dialog.export()
    assert told and "changed" in told[0] and not asked  # nothing built with stale numbers
    assert dialog.exhibit_list.count() == 1
    item = dialog.exhibit_list.item(0)
    assert item.text().startswith("Exhibit 1: Receipt")  # renumbered, and still left out
    assert item.checkState() == Qt.CheckState.Unchecked and dialog.excluded() == (1,)
    dialog.export()
    assert asked
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    assert "Receipt page" not in pdf_text(tmp_path / "case.pdf")


def test_build_error_is_a_sentence(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    save_as(monkeypatch, tmp_path / "no-such-folder" / "case.pdf")
    warnings = no_warnings(monkeypatch)
    dialog.export()
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT)
    assert len(warnings) == 1
    assert "does not exist" in warnings[0] and "Traceback" not in warnings[0]
    assert "not made" in dialog.result_label.text()


def test_unknown_case_is_a_message_not_a_dialog(
    qtbot: Any, service: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings = no_warnings(monkeypatch)
    assert CaseFileDialog.show_for(service, 4242, None) is None
    assert warnings and "4242" in warnings[0]


# --- preview -------------------------------------------------------------------------------------


def test_preview_opens_with_every_page(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_warnings(monkeypatch)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: bool(dialog.previews), timeout=WAIT)
    preview = dialog.previews[0]
    result = dialog.last_result
    assert result is not None and preview.pdf_path == result.path
    assert preview.page_count() == result.pages == len(PdfReader(result.path).pages)
    assert preview.page_label.text() == f"Page 1 of {result.pages}"
    assert preview.view.pageMode() == preview.view.PageMode.MultiPage
    # zoom: fit width -> a custom factor and back
    preview.resize(800, 900)
    before = preview.effective_zoom()
    preview.zoom_in()
    assert preview.view.zoomMode() == preview.view.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(before * 1.25, rel=0.01)
    preview.zoom_out()
    preview.zoom_out()
    assert preview.view.zoomFactor() < before
    preview.fit_width()
    assert preview.fit_button.isChecked()
    assert preview.zoom_label.text() == f"{round(before * 100)}%"
    scratch = result.path.parent.parent
    assert scratch.is_dir()
    dialog.close()  # previews close, scratch files go
    assert not scratch.exists()


def test_preview_dialog_on_its_own(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                   ) -> None:
    path = tmp_path / "three.pdf"
    path.write_bytes(pdf(3))
    preview = PdfPreviewDialog(path)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_count() == 3 and preview.page_label.text() == "Page 1 of 3"
    opened: list[str] = []
    monkeypatch.setattr(platform, "open_in_viewer",
                        lambda path, **_k: opened.append(str(path)) or True)
    preview.viewer_button.click()
    assert opened == [str(path)]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    bad = PdfPreviewDialog(broken)
    qtbot.addWidget(bad)
    assert bad.error and "could not be opened" in bad.error
    assert not bad.print_button.isEnabled()


# --- printing ------------------------------------------------------------------------------------


@pytest.fixture
def device(monkeypatch: pytest.MonkeyPatch) -> None:
    """The printer stands for a real device: pages are rasterised (into the PDF file the
    fake dialog chose, which the tests can read)."""
    monkeypatch.setattr(print_preview, "vector_target", lambda _printer: None)


def test_print_pdf_prints_every_page_at_300_dpi(
    qtbot: Any, tmp_path: Path, fake_printer: type[FakePrintDialog], progress_labels: list[str],
    device: None,
) -> None:
    source = tmp_path / "source.pdf"
    source.write_bytes(pdf(4))
    result = print_pdf(source, None)
    assert result.status == "printed" and result.pages == 4
    printed = PdfReader(fake_printer.out)
    assert len(printed.pages) == 4
    assert progress_labels[:1] == ["Printing page 1 of 4\u2026"]
    assert "Printing page 4 of 4\u2026" in progress_labels
    printer = fake_printer.made[0]._printer
    assert printer.resolution() == 300
    # the dialog offered the system viewer as the other way to print
    assert "Open in system viewer" in fake_printer.made[0].seen_buttons


def test_print_pdf_respects_the_page_range(
    qtbot: Any, tmp_path: Path, fake_printer: type[FakePrintDialog], progress_labels: list[str],
    device: None,
) -> None:
    source = tmp_path / "source.pdf"
    source.write_bytes(pdf(5))

    def pages_2_to_3(printer: QPrinter) -> None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)

    fake_printer.configure = pages_2_to_3
    result = print_pdf(source, None)
    assert result.pages == 2
    assert len(PdfReader(fake_printer.out).pages) == 2
    assert progress_labels[-1] == "Printing page 2 of 2\u2026"


def test_print_pdf_cancelled_in_the_dialog(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source.pdf"
    source.write_bytes(pdf(1))

    class No(QDialog):
        def exec(self) -> int:
            return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(print_preview, "make_print_dialog", lambda printer, parent: No(parent))
    assert print_pdf(source, None).status == "cancelled"


def test_print_from_the_case_file_dialog(
    qtbot: Any, dialog: CaseFileDialog, fake_printer: type[FakePrintDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_warnings(monkeypatch)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: fake_printer.out.is_file(), timeout=WAIT)
    qtbot.waitUntil(lambda: "Printed" in dialog.result_label.text(), timeout=WAIT)
    assert "printed.pdf" in dialog.result_label.text()
    result = dialog.last_result
    assert result is not None
    assert len(PdfReader(fake_printer.out).pages) == result.pages
    assert fake_printer.out.read_bytes() == result.path.read_bytes()  # the vector case file
    assert "Double charge for the Nov 12 session" in pdf_text(fake_printer.out)


def test_print_to_a_pdf_file_keeps_the_text_selectable(
    qtbot: Any, tmp_path: Path, fake_printer: type[FakePrintDialog], progress_labels: list[str]
) -> None:
    source = tmp_path / "source.pdf"
    source.write_bytes(pdf(5))
    result = print_pdf(source, None)
    assert (result.status, result.pages, result.file) == ("printed", 5, fake_printer.out)
    assert fake_printer.out.read_bytes() == source.read_bytes()
    assert progress_labels == []  # nothing rasterised

    def pages_2_to_3(printer: QPrinter) -> None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)

    fake_printer.configure = pages_2_to_3
    result = print_pdf(source, None)
    assert result.pages == 2
    reader = PdfReader(fake_printer.out)
    assert [p.extract_text().strip() for p in reader.pages] == [
        "Receipt page 2", "Receipt page 3"]
    assert not [p for p in fake_printer.out.parent.iterdir() if p.name.endswith(".tmp")]


def test_print_to_an_unwritable_file_says_so_in_one_sentence(
    qtbot: Any, tmp_path: Path, fake_printer: type[FakePrintDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown = no_warnings(monkeypatch)
    source = tmp_path / "source.pdf"
    source.write_bytes(pdf(2))
    fake_printer.out = tmp_path / "no such folder" / "printed.pdf"
    result = print_pdf(source, None)
    assert result.status == "failed" and result.pages == 0
    assert len(shown) == 1 and "printed.pdf" in shown[0] and "\n" not in shown[0]


def test_the_build_progress_box_is_gone_before_the_print_dialog_opens(
    qtbot: Any, dialog: CaseFileDialog, fake_printer: type[FakePrintDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_warnings(monkeypatch)
    boxes_seen: list[list[str]] = []
    configure = fake_printer.configure

    def look(printer: QPrinter) -> None:
        # the boxes on screen (a box another test left for deleteLater is not shown to anyone)
        boxes_seen.append([f"{w.labelText()} {w.value()}%" for w in QApplication.allWidgets()
                           if isinstance(w, QProgressDialog) and w.isVisible()])
        if configure is not None:
            configure(printer)

    fake_printer.configure = look
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(boxes_seen), timeout=WAIT)
    assert boxes_seen == [[]]
    assert dialog.builder.progress_dialog is None


def test_print_case_file_from_the_toolbar(
    qtbot: Any, service: JournalService, case: int, fake_printer: type[FakePrintDialog],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_warnings(monkeypatch)
    builder = build.print_case_file(service, case, None)
    assert isinstance(builder, CaseFileBuilder)
    qtbot.waitUntil(lambda: fake_printer.out.is_file(), timeout=WAIT)
    assert len(PdfReader(fake_printer.out).pages) >= 6


def test_install_gives_the_window_its_hooks(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    opened: list[tuple[Any, ...]] = []
    monkeypatch.setattr(CaseFileDialog, "show_for",
                        classmethod(lambda cls, *a: opened.append(a)))
    install(window)
    if window.case_pane.case_id is None:
        window.case_list.setCurrentIndex(window.case_model.index(0, 0))
    qtbot.waitUntil(lambda: window.case_pane.case_id is not None)
    assert window.act_case_file.isEnabled() and window.act_print.isEnabled()
    window.act_case_file.trigger()
    assert opened and opened[0][1] == window.case_pane.case_id


def test_the_preview_shows_the_real_zoom_at_fit_width(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "three.pdf"
    path.write_bytes(pdf(3))
    preview = PdfPreviewDialog(path)
    qtbot.addWidget(preview)
    preview.resize(700, 600)
    preview.show()
    qtbot.waitExposed(preview)

    def percent() -> int:
        return int(preview.zoom_label.text().rstrip("%"))

    def fitted() -> int:  # what fitting the A4 page into the view's width gives
        margins = preview.view.documentMargins()
        width = preview.view.viewport().width() - margins.left() - margins.right()
        return round(100 * width / (A4[0] * preview.logicalDpiX() / 72))

    assert preview.fit_button.isChecked()
    qtbot.waitUntil(lambda: percent() == fitted())
    assert percent() > 50  # not the 25% of the view before it was laid out
    small = percent()
    preview.resize(1000, 600)
    qtbot.waitUntil(lambda: percent() == fitted() and percent() > small)


def test_suggested_name_is_portable_and_free_in_the_folder(
    qtbot: Any, dialog: CaseFileDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import unicodedata

    from headway_journal.journal.filenames import is_portable_name
    from headway_journal.ui.casefile import dialog as dialog_module

    monkeypatch.setattr(dialog_module, "_last_folder", tmp_path)
    first = dialog.suggested_path()
    assert first.parent == tmp_path and is_portable_name(first.name)
    # the same name as macOS stores it (NFD), in capitals: one file on macOS and Windows
    (tmp_path / unicodedata.normalize("NFD", first.name.upper())).write_bytes(b"older")
    asked = save_as(monkeypatch, tmp_path / "other.pdf")
    dialog.export()
    assert Path(asked[0]).name == first.stem + " (2).pdf"
    qtbot.waitUntil(lambda: not dialog.builder.running(), timeout=WAIT)
    assert (tmp_path / unicodedata.normalize("NFD", first.name.upper())).read_bytes() == b"older"
