"""Preview and print a PDF with QtPdf (from the PySide6-Pdf wheel).

* :class:`PdfPreviewDialog` shows every page (QPdfView in multi-page mode) with zoom in/out,
  fit to width, "Page x of y", "Print…" and "Open in system viewer".
* :func:`print_pdf` asks with a QPrintDialog (made by :func:`make_print_dialog`, which tests
  replace). "Print to file (PDF)" writes the chosen pages of the case file as they are
  (vector pages: the text stays selectable; :func:`vector_target`). For a printer it
  rasterizes each page at 300 dpi with ``QPdfDocument.render`` and paints it,
  aspect kept, into the printable area, with a cancellable "Printing page X of Y" dialog. The
  page range chosen in the dialog is honoured. The dialog also offers "Open in system viewer",
  since a desktop PDF viewer prints vector pages rather than pictures of them.
* :func:`open_in_system_viewer` hands a file to the desktop's PDF viewer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf.errors import PdfReadError
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal import platform
from headway_journal.casefile.page_copy import write_pages
from headway_journal.ui.event_watch import EventWatch
from headway_journal.ui.fit import available_geometry, fit_to_screen
from headway_journal.ui.keyboard_help import add_help_key, describe

__all__ = [
    "PRINT_DPI",
    "PdfPreviewDialog",
    "PrintResult",
    "make_print_dialog",
    "open_in_system_viewer",
    "print_pdf",
]

_log = logging.getLogger(__name__)

PRINT_DPI = 300
ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 6.0

# Files handed to the desktop viewer: whoever made them in a scratch folder keeps them.
handed_to_viewer: set[Path] = set()


def open_in_system_viewer(path: Path, parent: QWidget | None = None) -> bool:
    """Open ``path`` in the desktop's PDF viewer; a plain message if there is none."""
    path = Path(path)
    if platform.open_in_viewer(Path(path)):
        handed_to_viewer.add(path.resolve())
        return True
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("print_preview", "Open in system viewer"),
        QCoreApplication.translate("print_preview", "No application on this computer opens PDF "
                                                    "files. Install a PDF viewer, or export "
        "the case file and open it from its folder."),
    )
    return False


def _load(path: Path, parent: Any = None) -> tuple[QPdfDocument, str | None]:
    doc = QPdfDocument(parent)
    error = doc.load(str(path))
    if error != QPdfDocument.Error.None_:
        reasons = {
            QPdfDocument.Error.FileNotFound: QCoreApplication.translate("print_preview", "the file is not there"),
            QPdfDocument.Error.InvalidFileFormat: QCoreApplication.translate("print_preview", "it is not a valid PDF"),
            QPdfDocument.Error.IncorrectPassword: QCoreApplication.translate("print_preview", "it is protected with a password"),
            QPdfDocument.Error.UnsupportedSecurityScheme: QCoreApplication.translate("print_preview", "it is protected with a password"),
            QPdfDocument.Error.DataNotYetAvailable: QCoreApplication.translate("print_preview", "it could not be read"),
        }
        return doc, QCoreApplication.translate("print_preview", "“{name}” could not be opened: "
                                                                "{get}.").format(
                                                                    name=path.name,
                                                                    get=reasons.get(error, 'unknown error'))
    return doc, None


# --- preview -------------------------------------------------------------------------------------


class PdfPreviewDialog(QDialog):
    """Every page of a PDF, scrolled continuously; non-modal (call ``show()``)."""

    opened_externally = Signal(Path)

    def __init__(self, pdf_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help_key(self)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(QCoreApplication.translate("PdfPreviewDialog", "Preview — {name}").format(
            name=self.pdf_path.name))
        self.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Case file preview"))
        self.setModal(False)
        self.document, self.error = _load(self.pdf_path, self)

        self.view = QPdfView(self)
        self.view.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Pages"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocument(self.document)

        bar = self._make_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(bar)
        if self.error:
            problem = QLabel(self.error, self)
            problem.setWordWrap(True)
            problem.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Problem"))
            layout.addWidget(problem)
            self.print_button.setEnabled(False)
        layout.addWidget(self.view, 1)

        self._add_shortcuts()

        self.view.pageNavigator().currentPageChanged.connect(self._update_labels)
        self.view.zoomFactorChanged.connect(self._update_labels)
        self.view.zoomModeChanged.connect(self._update_labels)
        # fitting the width follows the view's width
        EventWatch(self.view.viewport(), self._viewport_event, self)
        self._update_labels()

        screen = available_geometry(self)
        fit_to_screen(self, QSize(min(920, int(screen.width() * 0.9)), int(screen.height() * 0.9)))

    def _make_bar(self) -> QHBoxLayout:
        """The toolbar: zoom out, zoom in, fit width, zoom and page, Print…, the system
        viewer and Close."""
        def tool(text: str, tip: str, slot: Any, name: str) -> QToolButton:
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            return button

        self.zoom_out_button = tool("\u2212", QCoreApplication.translate("PdfPreviewDialog", "Zoom out (Ctrl+-)"), self.zoom_out, QCoreApplication.translate("PdfPreviewDialog", "Zoom out"))
        self.zoom_in_button = tool("+", QCoreApplication.translate("PdfPreviewDialog", "Zoom in (Ctrl++)"), self.zoom_in, QCoreApplication.translate("PdfPreviewDialog", "Zoom in"))
        self.fit_button = tool(QCoreApplication.translate("PdfPreviewDialog", "Fit width"), QCoreApplication.translate("PdfPreviewDialog", "Fit the page width (Ctrl+0)"), self.fit_width,
                               QCoreApplication.translate("PdfPreviewDialog", "Fit width"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Zoom"))
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Page"))
        self.page_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(QCoreApplication.translate("PdfPreviewDialog", "Page 888 of 888")))

        self.print_button = QPushButton(QCoreApplication.translate("PdfPreviewDialog", "Print\u2026"), self)
        self.print_button.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Print"))
        self.print_button.setToolTip(QCoreApplication.translate("PdfPreviewDialog", "Print the case file (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_document)
        self.viewer_button = QPushButton(QCoreApplication.translate("PdfPreviewDialog", "Open in system viewer"), self)
        self.viewer_button.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Open in system viewer"))
        self.viewer_button.setToolTip(QCoreApplication.translate("PdfPreviewDialog", "Open the PDF in your desktop's PDF viewer"))
        self.viewer_button.clicked.connect(self.open_externally)
        close = QPushButton(QCoreApplication.translate("PdfPreviewDialog", "Close"), self)
        close.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", "Close preview"))
        close.setToolTip(self.tr("Close the preview (Esc)"))
        close.clicked.connect(self.close)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        for tool_widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                            self.zoom_label):
            bar.addWidget(tool_widget)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        for w in (self.print_button, self.viewer_button, close):
            bar.addWidget(w)
        return bar

    def _add_shortcuts(self) -> None:
        """Ctrl++ / Ctrl+= zoom in, Ctrl+- zoom out, Ctrl+0 fits the width, Ctrl+P prints."""
        zoom_in, zoom_out = self.tr("Zoom in"), self.tr("Zoom out")
        for keys, slot, what in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in, zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in, zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out, zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_width, self.tr("Fit the page width")),
            (QKeySequence.StandardKey.Print, self.print_document, self.tr("Print")),
        ):
            describe(QShortcut(keys, self, slot), what)

    # state

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def current_page(self) -> int:
        """0-based index of the page in view."""
        return int(self.view.pageNavigator().currentPage())

    def effective_zoom(self) -> float:
        """The zoom factor in use, also when fitting the width (1.0 = the page's real size)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return float(self.view.zoomFactor())
        page_w = self.document.pagePointSize(max(0, self.current_page())).width()
        if page_w <= 0:
            return 1.0
        margins = self.view.documentMargins()
        avail = self.view.viewport().width() - margins.left() - margins.right()
        return max(ZOOM_MIN, avail / (page_w * self.logicalDpiX() / 72.0))

    # actions

    def _set_zoom(self, factor: float) -> None:
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self.fit_button.setChecked(False)
        self._update_labels()

    def zoom_in(self) -> None:
        self._set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.fit_button.setChecked(True)
        self._update_labels()

    def print_document(self) -> None:
        if not self.error:
            print_pdf(self.pdf_path, self, current_page=self.current_page() + 1)

    def open_externally(self) -> None:
        if open_in_system_viewer(self.pdf_path, self):
            self.opened_externally.emit(self.pdf_path)

    def _update_labels(self, *_args: object) -> None:
        count = self.page_count()
        page = min(count, self.current_page() + 1) if count else 0
        self.page_label.setText(QCoreApplication.translate("PdfPreviewDialog", "Page {page} of {count}").format(
            page=page, count=count) if count else QCoreApplication.translate("PdfPreviewDialog", "No pages"))
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%" if count else "")
        self.zoom_in_button.setEnabled(count > 0 and self.effective_zoom() < ZOOM_MAX - 1e-6)
        self.zoom_out_button.setEnabled(count > 0 and self.effective_zoom() > ZOOM_MIN + 1e-6)

    def _viewport_event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._update_labels()  # fitting the width changes the zoom
        return False

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.document.close()  # releases the file (setDocument(None) makes Qt warn)
        super().closeEvent(event)


# --- printing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintResult:
    status: str  # "printed", "cancelled" (nothing or part printed), "viewer", "failed"
    pages: int  # pages sent to the printer
    message: str = ""
    file: Path | None = None  # "print to file": the PDF written (vector pages, text kept)


def vector_target(printer: QPrinter) -> Path | None:
    """The file a "print to file (PDF)" goes to, or None for a printer (which gets pages
    rasterised at PRINT_DPI). A PDF file gets the case file's own vector pages instead, so
    its text stays selectable and searchable."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return Path(printer.outputFileName())
    return None


def _save_pages(source: Path, pages: list[int], target: Path, parent: QWidget | None
                ) -> PrintResult:
    """Print to file: the chosen pages of ``source`` as they are."""
    if not pages:
        return PrintResult("cancelled", 0, "No pages were in the chosen range.")
    try:
        written = write_pages(source, pages, target)
    except (OSError, ValueError, PdfReadError) as exc:
        _log.warning("print to file failed", exc_info=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        message = QCoreApplication.translate("print_preview", "The file “{name}” could not be "
                                                              "written ({reason}).").format(
                                                                  name=target.name, reason=reason)
        QMessageBox.warning(parent, QCoreApplication.translate("print_preview", "Print"), message)
        return PrintResult("failed", 0, message)
    return PrintResult("printed", written, file=target)


def make_print_dialog(printer: QPrinter, parent: QWidget | None) -> QDialog:
    """The print dialog (tests replace this function). ``exec()`` must return Accepted to
    print; the choices go into ``printer`` as QPrintDialog does."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("print_preview", "Print the case file"))
    return dialog


def _accepted(result: Any) -> bool:
    value = getattr(result, "value", result)
    return int(value) == int(QDialog.DialogCode.Accepted.value)


def _pages_to_print(printer: QPrinter, count: int, current_page: int | None) -> list[int]:
    """1-based page numbers chosen in the dialog, within 1..count."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage and current_page:
        return [min(max(1, current_page), count)]
    if mode == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [p for p in range(1, count + 1) if ranges.contains(p)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            last = last if last >= first else count
            return list(range(max(1, first), min(count, last) + 1))
    return list(range(1, count + 1))


def _render_page(doc: QPdfDocument, index: int, dpi: int) -> QImage:
    """One page at ``dpi`` on white paper (QtPdf renders a transparent background)."""
    points = doc.pagePointSize(index)
    size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
    rendered = doc.render(index, size)
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    if not rendered.isNull():
        painter = QPainter(paper)
        painter.drawImage(QPoint(0, 0), rendered)
        painter.end()
    return paper


def _fit(image: QSize, area: QRect) -> QRect:
    scale = min(area.width() / image.width(), area.height() / image.height())
    w, h = max(1, int(image.width() * scale)), max(1, int(image.height() * scale))
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


def _offer_viewer(dialog: QDialog, pdf_path: Path, choice: list[bool]) -> None:
    """Add "Open in system viewer" to a Qt print dialog's buttons (not to native dialogs)."""
    box = dialog.findChild(QDialogButtonBox)
    if box is None:
        return
    button = box.addButton(QCoreApplication.translate("print_preview", "Open in system viewer"), QDialogButtonBox.ButtonRole.ActionRole)
    button.setAccessibleName(QCoreApplication.translate("print_preview", "Open in system viewer"))
    button.setToolTip(QCoreApplication.translate("print_preview", "Print from your desktop's PDF "
                                                                  "viewer instead (sharper, "
                                                                  "faster)"))

    def chosen() -> None:
        if open_in_system_viewer(pdf_path, dialog):
            choice.append(True)
            dialog.reject()

    button.clicked.connect(chosen)


def print_pdf(
    pdf_path: Path, parent: QWidget | None = None, *, current_page: int | None = None
) -> PrintResult:
    """Ask where and what to print, then print ``pdf_path`` page by page at 300 dpi."""
    pdf_path = Path(pdf_path)
    doc, error = _load(pdf_path)
    try:
        if error:
            QMessageBox.warning(parent, QCoreApplication.translate("print_preview", "Print"), error)
            return PrintResult("failed", 0, error)
        count = int(doc.pageCount())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(pdf_path.stem)
        printer.setFromTo(1, count)
        printer.setPrintRange(QPrinter.PrintRange.AllPages)
        dialog = make_print_dialog(printer, parent)
        viewer_chosen: list[bool] = []
        if isinstance(dialog, QAbstractPrintDialog):
            dialog.setMinMax(1, count)
        if isinstance(dialog, QPrintDialog):
            option = QAbstractPrintDialog.PrintDialogOption
            dialog.setOption(option.PrintPageRange, True)
            dialog.setOption(option.PrintCurrentPage, current_page is not None)
            dialog.setOption(option.PrintSelection, False)
        if isinstance(dialog, QDialog):
            _offer_viewer(dialog, pdf_path, viewer_chosen)
        accepted = _accepted(dialog.exec())
        if isinstance(dialog, QDialog):
            # Deleted now, while the printer it points to exists (the printer goes when this
            # function returns; a deferred deletion would come after it).
            dialog.deleteLater()
            QCoreApplication.sendPostedEvents(dialog, QEvent.Type.DeferredDelete)
        if viewer_chosen:
            return PrintResult("viewer", 0)
        if not accepted:
            return PrintResult("cancelled", 0)
        pages = _pages_to_print(printer, count, current_page)
        target = vector_target(printer)
        if target is not None:
            return _save_pages(pdf_path, pages, target, parent)
        return _print_pages(doc, printer, pages, parent)
    finally:
        doc.close()


def _print_pages(
    doc: QPdfDocument, printer: QPrinter, pages: list[int], parent: QWidget | None
) -> PrintResult:
    total = len(pages)
    if total == 0:
        return PrintResult("cancelled", 0, "No pages were in the chosen range.")
    progress = QProgressDialog(QCoreApplication.translate("print_preview", "Printing page 1 of "
                                                                           "{total}…").format(
                                                                               total=total), QCoreApplication.translate("print_preview", "Cancel"), 0, total, parent)
    progress.setWindowTitle(QCoreApplication.translate("print_preview", "Printing"))
    progress.setAccessibleName(QCoreApplication.translate("print_preview", "Printing"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    painter = QPainter()
    printed = 0
    try:
        if not painter.begin(printer):
            message = (QCoreApplication.translate("print_preview", "The printer could not be "
                                                                   "started. Check that it is "
                                                                   "connected, or use "
                       "\u201cOpen in system viewer\u201d and print from there."))
            QMessageBox.warning(parent, QCoreApplication.translate("print_preview", "Print"), message)
            return PrintResult("failed", 0, message)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        area = QRect(QPoint(0, 0), painter.viewport().size())
        for position, page in enumerate(pages, start=1):
            progress.setLabelText(QCoreApplication.translate("print_preview", "Printing page "
                                                                              "{position} of "
                                                                              "{total}…").format(
                                                                                  position=position,
                                                                                  total=total))
            progress.setValue(position - 1)
            QCoreApplication.processEvents()
            if progress.wasCanceled():
                printer.abort()  # a real printer drops the job instead of printing half of it
                break
            if position > 1 and not printer.newPage():
                raise OSError(QCoreApplication.translate("print_preview", "the printer refused a "
                                                                          "new page"))
            image = _render_page(doc, page - 1, printer.resolution())
            painter.drawImage(_fit(image.size(), area), image)
            printed += 1
        cancelled = printed < total
        progress.setValue(total)
    except (OSError, MemoryError) as exc:
        _log.warning("printing failed", exc_info=True)
        if painter.isActive():
            painter.end()
        reason = QCoreApplication.translate("print_preview", "not enough memory") if isinstance(exc, MemoryError) else str(exc)
        message = QCoreApplication.translate("print_preview", "Printing stopped after {printed} of "
                                                              "{total} pages ({reason}).").format(
                                                                  printed=printed, total=total,
                                                                  reason=reason)
        QMessageBox.warning(parent, QCoreApplication.translate("print_preview", "Print"), message)
        return PrintResult("failed", printed, message)
    finally:
        if painter.isActive():
            painter.end()
        progress.hide()
        progress.deleteLater()
    if cancelled:
        return PrintResult("cancelled", printed, f"Printing stopped after {printed} of {total} pages.")
    return PrintResult("printed", printed)
