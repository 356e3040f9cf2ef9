"""The exhibit viewer: the image at any zoom, and the facts that make it evidence.

API::

    viewer = ImageViewer(service, attachment_id, parent=None)   # a QDialog; .show() or .exec()
    viewer.zoom_in() / zoom_out() / set_zoom(1.0) / toggle_fit()   # Ctrl++ Ctrl+- Ctrl+0
    viewer.zoom -> float;  viewer.fit_mode -> bool;  viewer.has_image -> bool
    signal caption_changed(int attachment_id)

Ctrl + mouse wheel zooms around the pointer. "Fit to window" never enlarges a small image
beyond 100 %. The stored file is only ever read (Qt decodes it with its format taken from
the content, EXIF orientation applied); "Open with system viewer" gets a read-only copy and
"Save a copy as…" writes a checked copy. Files that are not displayable images (PDFs,
damaged or HEIC images) show their details and the same two buttons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontDatabase,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.ui.event_watch import EventWatch
from headway_journal.ui.fit import fit_to_screen
from headway_journal.ui.keyboard_help import add_help_key, describe

from ...journal.capture.provenance import describe_provenance
from ...journal.exhibits.images import PILLOW_FORMATS
from ...journal.service import ServiceError
from ..capture.recognised_text import RecognisedTextPanel
from .describe import describe_exhibit, full_date, human_size, type_label
from .files import open_in_system_viewer, save_copy_as

if TYPE_CHECKING:  # pragma: no cover
    from ...journal.records import AttachmentView
    from ...journal.service import JournalService

__all__ = ["MAX_ZOOM", "MIN_ZOOM", "ImageViewer"]

MIN_ZOOM = 0.02
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
_ALLOCATION_LIMIT_MB = 512  # the store refuses images above 64 Mpx (256 MB as RGBA)


class _Canvas(QWidget):
    """Paints only the visible part of the image at the current zoom."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.zoom = 1.0
        self.setAccessibleName(QCoreApplication.translate("_Canvas", "Exhibit image"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        size = self.image.size()
        self.resize(QSize(max(1, round(size.width() * zoom)), max(1, round(size.height() * zoom))))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        if self.zoom < 1.0:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(event.rect())
        z = self.zoom
        source = QRectF(area.x() / z, area.y() / z, area.width() / z, area.height() / z)
        painter.drawImage(area, self.image, source)
        painter.end()


class ImageViewer(QDialog):
    """Shows one exhibit (see the module docstring)."""

    caption_changed = Signal(int)

    def __init__(self, service: JournalService, attachment_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        add_help_key(self)
        self._service = service
        self.attachment_id = attachment_id
        self.view: AttachmentView = service.attachment(attachment_id)
        self.fit_mode = True
        self._canvas: _Canvas | None = None
        self.setAccessibleName(QCoreApplication.translate("ImageViewer", "Exhibit viewer"))
        self.setWindowTitle(QCoreApplication.translate("ImageViewer", "{value} — Exhibit").format(
            value=self.view.caption or self.view.original_name))
        self.setSizeGripEnabled(True)

        self._build_scroll_area()
        bar = self._build_zoom_bar()
        details = self._build_details()
        self.recognised: RecognisedTextPanel | None = None
        if self.view.media_type in PILLOW_FORMATS:  # the text read from it (ui.capture),
            # made before the buttons so that Tab reaches it in reading order
            self.recognised = RecognisedTextPanel(service, attachment_id, self)
        buttons = self._build_buttons()

        middle = QHBoxLayout()
        middle.addWidget(self.scroll_area, 1)
        middle.addWidget(self._scrolling(details))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(middle, 1)
        if self.recognised is not None:
            layout.addWidget(self.recognised)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.fit_button, self.scroll_area)  # Tab in reading order

        zoom_in, zoom_out = self.tr("Zoom in"), self.tr("Zoom out")
        for keys, slot, what in (
            (QKeySequence(QKeySequence.StandardKey.ZoomIn), self.zoom_in, zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in, zoom_in),
            (QKeySequence(QKeySequence.StandardKey.ZoomOut), self.zoom_out, zoom_out),
            (QKeySequence("Ctrl+0"), self.toggle_fit, self.tr("Fit to window / actual size")),
        ):
            describe(QShortcut(keys, self, slot), what)

        fit_to_screen(self, QSize(1000, 700))
        self._apply_fit()

    # ----------------------------------------------------------------- building

    def _build_scroll_area(self) -> None:
        """The image (or a note saying why there is none) in a scroll area."""
        image, problem = self._load()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setAccessibleName(QCoreApplication.translate("ImageViewer", "Exhibit"))
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        EventWatch(self.scroll_area.viewport(), self._viewport_event, self)
        if image is not None:
            self._canvas = _Canvas(image)
            self._name_canvas()
            self.scroll_area.setWidget(self._canvas)
        else:
            note = QLabel(problem, self)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setWordWrap(True)
            note.setAccessibleName(QCoreApplication.translate("ImageViewer", "No preview"))
            note.setMargin(24)
            self.scroll_area.setWidget(note)
            self.scroll_area.setWidgetResizable(True)

    def _build_zoom_bar(self) -> QHBoxLayout:
        self.zoom_out_button = self._tool("\u2212", QCoreApplication.translate("ImageViewer", "Zoom out (Ctrl+\u2212)"), self.zoom_out)
        self.zoom_in_button = self._tool("+", QCoreApplication.translate("ImageViewer", "Zoom in (Ctrl++)"), self.zoom_in)
        self.fit_button = self._tool(QCoreApplication.translate("ImageViewer", "Fit"), QCoreApplication.translate("ImageViewer", "Fit to window / actual size (Ctrl+0)"),
                                     self.toggle_fit)
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName(QCoreApplication.translate("ImageViewer", "Zoom level"))
        self.zoom_label.setMinimumWidth(48)
        bar = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.zoom_label):
            bar.addWidget(widget)
            widget.setEnabled(self.has_image)
        bar.addStretch(1)
        return bar

    def _scrolling(self, details: QWidget) -> QScrollArea:
        """The details column scrolls down when large text or the recognised text below
        leave it too little height (nothing is cut off)."""
        area = QScrollArea(self)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(details)
        area.setMinimumWidth(details.sizeHint().width())
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return area

    def _build_details(self) -> QWidget:
        """The facts that make the file evidence: name, type, size, SHA-256, date added."""
        details = QWidget(self)
        details.setAccessibleName(QCoreApplication.translate("ImageViewer", "Exhibit details"))
        form = QFormLayout(details)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.caption_label = self._value(self.view.caption or QCoreApplication.translate("ImageViewer", "No caption"))
        form.addRow(QCoreApplication.translate("ImageViewer", "Caption:"), self.caption_label)
        form.addRow(QCoreApplication.translate("ImageViewer", "File name:"), self._value(self.view.original_name))
        came = describe_provenance(self.view.provenance)
        if came:
            form.addRow(self.tr("Came from:"), self._value(came))
        kind = type_label(self.view)
        if self.view.width and self.view.height:
            kind += QCoreApplication.translate("ImageViewer", ", {width} × {height} pixels").format(
                width=self.view.width, height=self.view.height)
        form.addRow(QCoreApplication.translate("ImageViewer", "Type:"), self._value(kind))
        size = human_size(self.view.size)
        if self.view.size >= 1024:
            size += QCoreApplication.translate("ImageViewer", " ({size:,} bytes)").format(
                size=self.view.size)
        form.addRow(QCoreApplication.translate("ImageViewer", "Size:"), self._value(size))
        digest = self.view.sha256
        self.sha_label = self._value(f"{digest[:32]}\n{digest[32:]}")  # 64 hex digits don't wrap
        self.sha_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.sha_label.setToolTip(digest)
        self.sha_label.setAccessibleName(QCoreApplication.translate("ImageViewer", "SHA-256"))
        self.sha_label.setAccessibleDescription(digest)
        self.copy_sha_button = QToolButton(self)
        self.copy_sha_button.setText(QCoreApplication.translate("ImageViewer", "Copy"))
        self.copy_sha_button.setToolTip(QCoreApplication.translate("ImageViewer", "Copy the SHA-256 (the file's fingerprint: any change "
                                         "to the file would change it)"))
        self.copy_sha_button.setAccessibleName(QCoreApplication.translate("ImageViewer", "Copy SHA-256"))
        self.copy_sha_button.clicked.connect(
            lambda _checked=False: QGuiApplication.clipboard().setText(digest))
        sha_row = QHBoxLayout()
        sha_row.setContentsMargins(0, 0, 0, 0)
        sha_row.addWidget(self.sha_label, 1)
        sha_row.addWidget(self.copy_sha_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(QCoreApplication.translate("ImageViewer", "SHA-256:"), sha_row)
        form.addRow(QCoreApplication.translate("ImageViewer", "Added:"), self._value(full_date(self.view.added_at)))
        self.check_label = self._value("")
        form.addRow("", self.check_label)
        details.setMaximumWidth(320)
        details.setMinimumWidth(240)
        return details

    def _build_buttons(self) -> QHBoxLayout:
        self.external_button = QPushButton(QCoreApplication.translate("ImageViewer", "Open with system viewer"), self)
        self.external_button.setToolTip(QCoreApplication.translate("ImageViewer", "Open a read-only copy in your usual viewer"))
        self.external_button.clicked.connect(self.open_externally)
        self.save_button = QPushButton(QCoreApplication.translate("ImageViewer", "Save a copy as\u2026"), self)
        self.save_button.setToolTip(self.tr("Save a copy of the file wherever you choose"))
        self.save_button.clicked.connect(self.save_copy)
        self.caption_button = QPushButton(QCoreApplication.translate("ImageViewer", "Edit caption\u2026"), self)
        self.caption_button.setToolTip(self.tr("Change the caption the case file shows "
                                               "under this exhibit"))
        self.caption_button.clicked.connect(self.edit_caption)
        self.verify_button = QPushButton(QCoreApplication.translate("ImageViewer", "Check file"), self)
        self.verify_button.setToolTip(QCoreApplication.translate("ImageViewer", "Confirm the stored file still matches its SHA-256"))
        self.verify_button.clicked.connect(self.verify)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            self.tr("Close the viewer (Esc)"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.external_button, self.save_button, self.caption_button,
                       self.verify_button):
            button.setAccessibleName(button.text().rstrip("\u2026"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    def _tool(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _load(self) -> tuple[QImage | None, str]:
        view = self.view
        if not view.is_image:
            return None, (QCoreApplication.translate("ImageViewer", "No preview for this "
                                                                    "{type_label} file. Use “Open "
                                                                    "with system viewer” to read "
                                                                    "it.").format(
                                                                        type_label=type_label(view)))
        if not view.preview_ok:
            return None, (QCoreApplication.translate("ImageViewer", "No preview: this image could "
                                                                    "not be read (it may be "
                                                                    "damaged, "
                          "incomplete, or in a format this app does not display). The file "
                          "is kept exactly as it was attached."))
        try:  # read through the store: a locked journal's file is sealed
            data = self._service.store.read_bytes(view.sha256)
        except (ServiceError, ValueError, OSError):
            return None, QCoreApplication.translate("ImageViewer", "The stored file could not be "
                                                                   "found.")
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setDecideFormatFromContent(True)
        reader.setAutoTransform(True)
        reader.setAllocationLimit(_ALLOCATION_LIMIT_MB)
        image = reader.read()
        if image.isNull():
            return None, (QCoreApplication.translate("ImageViewer", "The image could not be "
                                                                    "displayed ({errorString}); "
                                                                    "the file itself is kept "
                                                                    "unchanged.").format(
                                                                        errorString=reader.errorString()))
        return image, ""

    # ----------------------------------------------------------------- zoom

    @property
    def has_image(self) -> bool:
        return self._canvas is not None

    @property
    def zoom(self) -> float:
        return self._canvas.zoom if self._canvas is not None else 1.0

    def _fit_zoom(self) -> float:
        if self._canvas is None:
            return 1.0
        area = self.scroll_area.maximumViewportSize()  # as if there were no scroll bars
        image = self._canvas.image.size()
        if image.isEmpty() or area.isEmpty():
            return 1.0
        return float(max(MIN_ZOOM, min(1.0, area.width() / image.width(),
                                       area.height() / image.height())))

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        """Zoom to ``zoom`` (1.0 = 100 %), keeping ``anchor`` (viewport point) in place."""
        if self._canvas is None:
            return
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        old = self._canvas.zoom
        hbar, vbar = self.scroll_area.horizontalScrollBar(), self.scroll_area.verticalScrollBar()
        point = anchor if anchor is not None else self.scroll_area.viewport().rect().center()
        at = self._canvas.pos()  # the canvas in viewport coordinates (scrolled or centred)
        image_point = QPointF((point.x() - at.x()) / old, (point.y() - at.y()) / old)
        self._canvas.set_zoom(zoom)
        hbar.setValue(round(image_point.x() * zoom - point.x()))
        vbar.setValue(round(image_point.y() * zoom - point.y()))
        self.zoom_label.setText(f"{zoom * 100:.0f} %")
        self.fit_button.setChecked(self.fit_mode)

    def zoom_in(self) -> None:
        self.fit_mode = False
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.fit_mode = False
        self.set_zoom(self.zoom / ZOOM_STEP)

    def toggle_fit(self) -> None:
        """Ctrl+0: fit to window <-> actual size (100 %)."""
        self.fit_mode = not self.fit_mode
        if self.fit_mode:
            self._apply_fit()
        else:
            self.set_zoom(1.0)

    def _apply_fit(self) -> None:
        if self.fit_mode:
            self.set_zoom(self._fit_zoom())

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._apply_fit()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)  # type: ignore[arg-type]
        self._apply_fit()

    def _viewport_event(self, event: QEvent) -> bool:
        """Ctrl+wheel over the picture zooms around the pointer."""
        if (event.type() == QEvent.Type.Wheel
                and isinstance(event, QWheelEvent)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and self._canvas is not None):
            steps = event.angleDelta().y() / 120
            if steps:
                self.fit_mode = False
                self.set_zoom(self.zoom * (ZOOM_STEP ** steps), event.position().toPoint())
            event.accept()
            return True
        return False

    # ----------------------------------------------------------------- actions

    def open_externally(self) -> None:
        open_in_system_viewer(self._service, self.attachment_id, self)

    def save_copy(self) -> None:
        save_copy_as(self._service, self.attachment_id, self)

    def verify(self) -> str | None:
        """Re-hash the stored file; shows and returns the problem (None when sound)."""
        problem: str | None = self._service.store.verify(self.view.sha256, self.view.size)
        self.check_label.setText(
            QCoreApplication.translate("ImageViewer", "Checked: the stored file matches its "
                                                      "SHA-256 (unchanged since it was added).")
            if problem is None else QCoreApplication.translate("ImageViewer", "Problem: the stored "
                                                                              "file is "
                                                                              "{problem}.").format(
                                                                                  problem=problem))
        return problem

    def edit_caption(self) -> bool:
        text, ok = QInputDialog.getMultiLineText(
            self, QCoreApplication.translate("ImageViewer", "Edit caption"), QCoreApplication.translate("ImageViewer", "Caption for “{original_name}”:").format(
                original_name=self.view.original_name),
            self.view.caption)
        if not ok:
            return False
        try:
            self._service.set_attachment_caption(self.attachment_id, text)
        except ServiceError as exc:
            self.check_label.setText(QCoreApplication.translate("ImageViewer", "The caption was not saved: {exc}").format(
                exc=exc))
            return False
        self.view = self._service.attachment(self.attachment_id)
        self.caption_label.setText(self.view.caption or QCoreApplication.translate("ImageViewer", "No caption"))
        self.setWindowTitle(QCoreApplication.translate("ImageViewer", "{value} — Exhibit").format(
            value=self.view.caption or self.view.original_name))
        self.setToolTip(describe_exhibit(self.view))
        self._name_canvas()
        self.caption_changed.emit(self.attachment_id)
        return True

    def _name_canvas(self) -> None:
        """The image's text alternative for screen readers: its caption (else its file name)."""
        if self._canvas is not None:
            name = self.view.caption or self.view.original_name
            self._canvas.setAccessibleName(QCoreApplication.translate("ImageViewer", "Exhibit image: {name}").format(
                name=name))
            self._canvas.setAccessibleDescription(describe_exhibit(self.view))


def open_viewer(service: JournalService, attachment_id: int,
                parent: QWidget | None = None) -> ImageViewer:
    """Show the exhibit viewer (non-modal) and return it."""
    viewer = ImageViewer(service, attachment_id, parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer

