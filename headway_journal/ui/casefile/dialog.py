"""The case file dialog: what goes into the copy, then Export…, Preview and Print….

Wiring: the main window's "Case file" button and File > Export case file… call
``CaseFileDialog.show_for(service, case_id, window)``; its "Print" button and Ctrl+P call
:func:`.build.print_case_file`. :func:`install` sets both hooks on a window instance.

:class:`CaseFileDialog` (non-modal; ``show_for`` or ``CaseFileDialog(service, case_id,
parent).open()``): redacted copy, exhibits to leave out, the timeline's date range
(:mod:`.timeline_range`), an optional cover letter drafted from the case (re-drafted when the
addressee changes, until the user edits it), and the buttons Export…, Preview and Print….
Building runs in :class:`.build.CaseFileBuilder`; the preview is :mod:`.print_preview`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.ui.contrast import alert_color
from headway_journal.ui.fit import fit_to_screen, scroll_body
from headway_journal.ui.format import plural
from headway_journal.ui.keyboard_help import add_help_key

from ...casefile import BuildResult, CaseFileData, draft_cover_letter
from ...casefile.redact import unmaskable_kind
from ...casefile.service_bridge import casefile_data, default_file_name, omit_exhibits
from ...journal.filenames import unique_name
from ...journal.safe_echo import window_text
from ...journal.service import ServiceError
from .build import BuildOptions, CaseFileBuilder, Scratch, documents_folder, print_case_file
from .language_choice import case_file_language, language_combo, writing_in
from .print_preview import PdfPreviewDialog, PrintResult, open_in_system_viewer, print_pdf
from .timeline_range import TimelineRangeBox

if TYPE_CHECKING:
    from ..dialogs.your_details import YourDetailsDialog

__all__ = ["CaseFileDialog", "install"]

_last_folder: Path | None = None  # where the last case file was exported (this session)


def _kind(media_type: str) -> str:
    media = media_type.split(";", 1)[0].strip().lower()
    if media.startswith("image/"):
        return "screenshot"
    if media in ("application/pdf", "application/x-pdf"):
        return "PDF"
    return "file"


class CaseFileDialog(QDialog):
    """Options for the case file of one case, and Export…, Preview and Print…."""

    exported = Signal(object)  # BuildResult of a file the user saved

    def __init__(
        self, service: Any, case_id: int, parent: QWidget | None = None, *,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        add_help_key(self)
        self.service = service
        self.case_id = case_id
        self._now = now
        # the date range first: a huge case opens with a range that fits
        self.range_box = TimelineRangeBox(service, case_id, self)
        # fast: no hashing here; the build checks every exhibit against its SHA-256
        self.language_combo = language_combo(self)  # before the data: it is written in it
        self.data: CaseFileData = self._load()
        self.builder = CaseFileBuilder(service, case_id, self)
        self.builder.failed.connect(self._build_failed)
        self.builder.cancelled.connect(self._build_cancelled)
        self.builder.finished.connect(self._build_done)
        self.previews: list[PdfPreviewDialog] = []
        self.last_result: BuildResult | None = None
        self.last_print: PrintResult | None = None
        self._after_build: Callable[[BuildResult], None] | None = None
        self._scratch: Scratch | None = None
        self._letter_edited = False
        self._drafting = False
        self.details_dialog: YourDetailsDialog | None = None
        self._busy = False

        d = self.data
        self.setWindowTitle(QCoreApplication.translate("CaseFileDialog", "Case file — {title}").format(
            title=d.title))
        self.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Case file"))
        self.setModal(False)

        heading, about = self._make_heading(d)
        copy_box = self._make_copy_box()

        # exhibits
        exhibits_box = self._make_exhibits_box()
        self._fill_exhibits(frozenset())
        self.exhibit_list.itemChanged.connect(self._exhibits_changed)
        self.redact_check.toggled.connect(self._redact_toggled)

        letter_box = self._make_letter_box(d)

        result_row = self._make_result_row()
        buttons = self._make_buttons()

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(copy_box)
        layout.addWidget(self.range_box)
        layout.addWidget(exhibits_box)
        layout.addWidget(letter_box, 1)
        layout.addLayout(result_row)
        layout.addWidget(buttons)

        self.redraft(force=True)
        self._letter_toggled(False)
        self.range_box.changed.connect(self._range_changed)
        self._update_buttons()
        scroll_body(self, keep=2)
        fit_to_screen(self, QSize(720, 760))

    # parts of the window

    def _make_heading(self, d: CaseFileData) -> tuple[QLabel, QLabel]:
        """The case's title, and a line about it (number, organization, counts)."""
        heading = QLabel(d.title, self)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Case"))
        n_contacts, n_exhibits = len(d.contacts), len(d.exhibits)
        about = QLabel(
            QCoreApplication.translate("CaseFileDialog", "Case #{case_number} · {name} · "
                                                         "{issue_type_label} · {contacts} · "
                                                         "{exhibits}").format(
                                                             case_number=d.case_number,
                                                             name=d.organization.name,
                                                             issue_type_label=d.issue_type_label,
                                                             contacts=plural(n_contacts, "contact"),
                                                             exhibits=plural(n_exhibits, "exhibit")),
            self,
        )
        journal = getattr(self.service, "journal", None)
        if getattr(journal, "keys", None) is not None:  # a locked journal: say it plainly
            about.setText(about.text() + "\n" + self.tr(
                "The journal is encrypted, but the case file you save or print is not."))
        about.setWordWrap(True)
        about.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "About the case"))
        return heading, about

    def _make_copy_box(self) -> QGroupBox:
        """Redacted copy or not, and what redaction masks."""
        copy_box = QGroupBox(QCoreApplication.translate("CaseFileDialog", "Copy"), self)
        self.redact_check = QCheckBox(QCoreApplication.translate("CaseFileDialog", "Redacted copy"), copy_box)
        self.redact_check.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Redacted copy"))
        self.redact_check.setToolTip(
            QCoreApplication.translate("CaseFileDialog", "Mask identifiers down to their last 4 "
                                                         "characters, for sending to someone who "
            "does not need them"))
        redact_note = QLabel(
            QCoreApplication.translate("CaseFileDialog", "Account, member, claim, authorization, "
                                                         "invoice, NPI and EIN numbers, "
            "representative IDs, e-mail addresses, phone numbers and other long numbers are "
            "masked to their last 4 characters, in the cover letter too. Ticket numbers stay "
            "readable. PDF and text exhibits are withheld (listed with their SHA-256): tick "
            "one to put it back as filed, unmasked. Screenshots cannot be masked: untick "
            "those that show identifiers."),
            copy_box,
        )
        redact_note.setWordWrap(True)
        redact_note.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "What the redacted copy masks"))
        copy_layout = QVBoxLayout(copy_box)
        copy_layout.addWidget(self.redact_check)
        copy_layout.addWidget(redact_note)
        self.language_combo.currentIndexChanged.connect(lambda _i: self._range_changed())
        copy_layout.addWidget(self.language_combo)
        return copy_box

    def _make_letter_box(self, d: CaseFileData) -> QGroupBox:
        """The optional cover letter: addressee, text, its state and Draft again."""
        letter_box = QGroupBox(QCoreApplication.translate("CaseFileDialog", "Cover letter"), self)
        self.letter_check = QCheckBox(QCoreApplication.translate("CaseFileDialog", "Include a cover letter"), letter_box)
        self.letter_check.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Include a cover letter"))
        self.letter_check.setToolTip(QCoreApplication.translate("CaseFileDialog", "A formal escalation letter, placed after the cover page"))
        self.addressee_edit = QLineEdit(letter_box)
        self.addressee_edit.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Addressee"))
        self.addressee_edit.setPlaceholderText(QCoreApplication.translate("CaseFileDialog", "e.g. Billing supervisor, or the name of the "
                                               "escalation owner"))
        owners = [e.owner_name.strip() for e in d.escalations if e.owner_name.strip()]
        self.addressee_edit.setText(owners[-1] if owners else "")
        self.letter_edit = QPlainTextEdit(letter_box)
        self.letter_edit.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Cover letter text"))
        self.letter_edit.setAccessibleDescription(self.tr("The letter printed before the "
                                                          "case file; edit it freely"))
        self.letter_edit.setMinimumHeight(120)
        self.redraft_button = QPushButton(QCoreApplication.translate("CaseFileDialog", "Draft again"), letter_box)
        self.redraft_button.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Draft the letter again"))
        self.redraft_button.setToolTip(QCoreApplication.translate("CaseFileDialog", "Replace the letter with a new draft from the case"))
        self.redraft_button.clicked.connect(self._redraft_clicked)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CaseFileDialog", "To:"), self.addressee_edit)
        letter_layout = QVBoxLayout(letter_box)
        letter_layout.addWidget(self.letter_check)
        letter_layout.addLayout(form)
        letter_layout.addWidget(self.letter_edit, 1)
        row = QHBoxLayout()
        self.letter_state = QLabel(letter_box)
        self.letter_state.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Letter status"))
        row.addWidget(self.letter_state, 1)
        row.addWidget(self.redraft_button)
        letter_layout.addLayout(row)
        self.letter_check.toggled.connect(self._letter_toggled)
        self.addressee_edit.textChanged.connect(lambda _t: self.redraft())
        self.letter_edit.textChanged.connect(self._letter_text_changed)
        return letter_box

    def _make_result_row(self) -> QHBoxLayout:
        """What the last build made, with Open."""
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Result"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_result_button = QPushButton(QCoreApplication.translate("CaseFileDialog", "Open"), self)
        self.open_result_button.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Open the saved case file"))
        self.open_result_button.setToolTip(QCoreApplication.translate("CaseFileDialog", "Open the saved file in your PDF viewer"))
        self.open_result_button.hide()
        self.open_result_button.clicked.connect(self._open_result)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_result_button)
        return result_row

    def _make_buttons(self) -> QDialogButtonBox:
        """Export…, Preview, Print… and Close."""
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(QCoreApplication.translate("CaseFileDialog", "Export\u2026"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Export"))
        self.export_button.setToolTip(QCoreApplication.translate("CaseFileDialog", "Save the case file as a PDF"))
        self.preview_button = buttons.addButton(QCoreApplication.translate("CaseFileDialog", "Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Preview"))
        self.preview_button.setToolTip(QCoreApplication.translate("CaseFileDialog", "Look at every page before saving or printing"))
        self.print_button = buttons.addButton(QCoreApplication.translate("CaseFileDialog", "Print\u2026"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Print"))
        self.print_button.setToolTip(QCoreApplication.translate("CaseFileDialog", "Print the case file"))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Close"))
        close.setToolTip(self.tr("Close the case file dialog (Esc)"))
        self.export_button.clicked.connect(self.export)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_case_file)
        buttons.rejected.connect(self.reject)
        self.export_button.setDefault(True)
        return buttons

    @classmethod
    def show_for(cls, service: Any, case_id: int | None, parent: QWidget | None = None
                 ) -> CaseFileDialog | None:
        """Open the dialog (non-modal, deleted on close); a message instead if it cannot be."""
        if case_id is None:
            return None
        try:
            dialog = cls(service, case_id, parent)
        except ServiceError as exc:
            QMessageBox.warning(parent, QCoreApplication.translate("CaseFileDialog", "Case file"), window_text(str(exc)))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        from ..dialogs.your_details import YourDetailsDialog  # the dialogs load when first used

        if YourDetailsDialog.needed(service):
            dialog.ask_your_details()
        return dialog

    def ask_your_details(self) -> YourDetailsDialog:
        """"Your details for the case file" over this dialog (before the first case file)."""
        from ..dialogs.your_details import YourDetailsDialog

        details = YourDetailsDialog(self.service, self)
        details.setWindowModality(Qt.WindowModality.WindowModal)
        details.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        details.accepted.connect(self._your_details_changed)
        self.details_dialog = details
        details.open()
        return details

    def _your_details_changed(self) -> None:
        """The letter is signed with the details just saved (unless the user edited it)."""
        try:
            person = casefile_data(self.service, self.case_id, check_files=False).person
        except ServiceError:
            return
        self.data = replace(self.data, person=person)
        self.redraft()

    # exhibits

    def _make_exhibits_box(self) -> QGroupBox:
        """The list of exhibits to include, with its hint and the unmasked-exhibit warning."""
        box = QGroupBox(QCoreApplication.translate("CaseFileDialog", "Exhibits"), self)
        layout = QVBoxLayout(box)
        self.exhibit_list = QListWidget(box)
        self.exhibit_list.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Exhibits to include"))
        self.exhibit_hint = QLabel(QCoreApplication.translate("CaseFileDialog", "Untick an exhibit to leave it out of this copy; the others "
                                   "keep their numbers."), box)
        self.exhibit_hint.setWordWrap(True)
        self.no_exhibits = QLabel(QCoreApplication.translate("CaseFileDialog", "This case has no exhibits."), box)
        self.unmasked_label = QLabel(box)
        self.unmasked_label.setWordWrap(True)
        self.unmasked_label.setAccessibleName(QCoreApplication.translate("CaseFileDialog", "Exhibits included unmasked"))
        self.unmasked_label.setStyleSheet(
            f"color: {alert_color(self.palette())}; font-weight: bold;")
        self.unmasked_label.hide()
        for widget in (self.exhibit_hint, self.exhibit_list, self.no_exhibits,
                       self.unmasked_label):
            layout.addWidget(widget)
        return box

    def _load(self) -> CaseFileData:
        first, last = self.range_box.selected()
        with writing_in(self.language_combo):
            return casefile_data(self.service, self.case_id, now=self._now, check_files=False,
                                 first=first, last=last)

    def _fill_exhibits(self, left_out: frozenset[str], put_back: frozenset[str] = frozenset()
                       ) -> None:
        """List the exhibits; those whose SHA-256 is in ``left_out`` start unticked, and so
        do PDF and text exhibits in a redacted copy (withheld unless in ``put_back``)."""
        exhibits = self.data.exhibits
        redacted = self.redact_check.isChecked()
        self.exhibit_list.blockSignals(True)
        try:
            self.exhibit_list.clear()
            for x in exhibits:
                item = QListWidgetItem(self._exhibit_text(x.number), self.exhibit_list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                withheld = redacted and unmaskable_kind(x.media_type) and x.sha256 not in put_back
                unticked = x.sha256 in left_out or withheld
                item.setCheckState(Qt.CheckState.Unchecked if unticked
                                   else Qt.CheckState.Checked)
                item.setData(Qt.ItemDataRole.UserRole, x.number)
                item.setToolTip(QCoreApplication.translate("CaseFileDialog", "SHA-256 {sha256}").format(
                    sha256=x.sha256))
        finally:
            self.exhibit_list.blockSignals(False)
        self._update_unmasked()
        for widget in (self.exhibit_hint, self.exhibit_list):
            widget.setVisible(bool(exhibits))
        self.no_exhibits.setVisible(not exhibits)
        if exhibits:
            self.exhibit_list.setMaximumHeight(
                min(160, 28 + self.exhibit_list.sizeHintForRow(0) * len(exhibits)))

    def _exhibits_unchanged(self) -> bool:
        """Exhibits are left out by number: make sure the numbers still mean the same files.

        If exhibits were added or removed since the dialog opened, the list is refreshed (the
        files left out stay left out) and the user is asked to check it; False then.
        """
        try:
            fresh = self._load()
        except ServiceError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("CaseFileDialog", "Case file"), window_text(str(exc)))
            return False

        def numbering(data: CaseFileData) -> list[tuple[int, str]]:
            return [(x.number, x.sha256) for x in data.exhibits]

        if numbering(fresh) == numbering(self.data):
            return True
        by_number = {x.number: x.sha256 for x in self.data.exhibits}
        left_out = frozenset(by_number[n] for n in self.excluded() if n in by_number)
        put_back = frozenset(by_number[n] for n in self.included() if n in by_number)
        self.data = fresh
        self._fill_exhibits(left_out, put_back)
        self.redraft()
        QMessageBox.information(
            self, QCoreApplication.translate("CaseFileDialog", "Exhibits changed"),
            QCoreApplication.translate("CaseFileDialog", "The exhibits of this case changed since "
                                                         "this window opened, so their numbers "
            "may have changed. The list is up to date now: check it, then try again."))
        return False

    # options

    def _unmaskable(self, number: int) -> bool:
        return any(x.number == number and unmaskable_kind(x.media_type)
                   for x in self.data.exhibits)

    def _exhibit_text(self, number: int) -> str:
        x = next(x for x in self.data.exhibits if x.number == number)
        text = QCoreApplication.translate("CaseFileDialog", "Exhibit {number}: {caption} — "
                                                            "{original_name} ({kind})").format(
                                                                number=x.number,
                                                                caption=x.caption,
                                                                original_name=x.original_name,
                                                                kind=_kind(x.media_type))
        if x.path is None:
            text += QCoreApplication.translate("CaseFileDialog", " \u2014 file missing")
        if self.redact_check.isChecked() and unmaskable_kind(x.media_type):
            text += QCoreApplication.translate("CaseFileDialog", " \u2014 withheld from the "
                                                                 "redacted copy unless ticked (not "
                                                                 "masked)")
        return text

    def _ticked(self) -> list[tuple[int, bool]]:
        out = []
        for row in range(self.exhibit_list.count()):
            item = self.exhibit_list.item(row)
            out.append((int(item.data(Qt.ItemDataRole.UserRole)),
                        item.checkState() == Qt.CheckState.Checked))
        return out

    def excluded(self) -> tuple[int, ...]:
        """Exhibits left out. In a redacted copy an unticked PDF or text exhibit is withheld
        (still listed) instead."""
        redacted = self.redact_check.isChecked()
        return tuple(n for n, on in self._ticked()
                     if not on and not (redacted and self._unmaskable(n)))

    def included(self) -> tuple[int, ...]:
        """PDF and text exhibits put back in a redacted copy, as filed (not masked)."""
        if not self.redact_check.isChecked():
            return ()
        return tuple(n for n, on in self._ticked() if on and self._unmaskable(n))

    def options(self) -> BuildOptions:
        letter = self.letter_edit.toPlainText() if self.letter_check.isChecked() else ""
        first, last = self.range_box.selected()
        return BuildOptions(
            redact=self.redact_check.isChecked(),
            exclude=self.excluded(),
            cover_letter=letter if letter.strip() else None,
            include=self.included(),
            first=first,
            last=last,
            language=case_file_language(self.language_combo),
        )

    def _redact_toggled(self, on: bool) -> None:
        """A redacted copy withholds PDF and text exhibits until the user ticks one back."""
        self.exhibit_list.blockSignals(True)
        try:
            for row in range(self.exhibit_list.count()):
                item = self.exhibit_list.item(row)
                number = int(item.data(Qt.ItemDataRole.UserRole))
                item.setText(self._exhibit_text(number))
                if self._unmaskable(number):
                    item.setCheckState(Qt.CheckState.Unchecked if on else Qt.CheckState.Checked)
        finally:
            self.exhibit_list.blockSignals(False)
        self.exhibit_hint.setText(
            QCoreApplication.translate("CaseFileDialog", "Untick an exhibit to leave it out of "
                                                         "this copy; the others keep their "
                                                         "numbers. "
            "PDF and text exhibits are withheld (listed only) unless ticked.") if on else
            QCoreApplication.translate("CaseFileDialog", "Untick an exhibit to leave it out of "
                                                         "this copy; the others keep their "
                                                         "numbers."))
        self._update_unmasked()
        self.redraft()

    def _update_unmasked(self) -> None:
        numbers = self.included()
        if not numbers:
            self.unmasked_label.hide()
            return
        which = ", ".join(str(n) for n in numbers)
        word = QCoreApplication.translate("CaseFileDialog", "Exhibit") if len(numbers) == 1 else QCoreApplication.translate("CaseFileDialog", "Exhibits")
        verb = "goes" if len(numbers) == 1 else "go"
        self.unmasked_label.setText(
            QCoreApplication.translate("CaseFileDialog", "Warning: {word} {which} {verb} into the "
                                                         "redacted copy as filed: {value} contents "
                                                         "are not masked.").format(
                                                             word=word, which=which, verb=verb,
                                                             value='its' if len(numbers) == 1 else 'their'))
        self.unmasked_label.show()

    def _range_changed(self) -> None:
        """Another range: the exhibits and the letter follow (if the range can be built)."""
        self._update_buttons()
        if self.range_box.problem() is not None:
            return
        try:
            fresh = self._load()
        except ServiceError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("CaseFileDialog", "Case file"), str(exc))
            return
        by_number = {x.number: x.sha256 for x in self.data.exhibits}
        left_out = frozenset(by_number[n] for n in self.excluded() if n in by_number)
        put_back = frozenset(by_number[n] for n in self.included() if n in by_number)
        self.data = fresh
        self._fill_exhibits(left_out, put_back)
        self.redraft()

    def suggested_path(self) -> Path:
        name = default_file_name(self.data.title, redacted=self.redact_check.isChecked(),
                                 on=self.data.generated_at.date())
        folder = _last_folder or documents_folder()
        return folder / unique_name(folder, name)

    # the letter

    def draft(self) -> str:
        source = omit_exhibits(self.data, self.excluded())
        with writing_in(self.language_combo):
            return draft_cover_letter(source, addressee=self.addressee_edit.text())

    def redraft(self, *, force: bool = False) -> None:
        """A new draft from the case, unless the user has edited the letter (or ``force``)."""
        if self._letter_edited and not force:
            return
        self._drafting = True
        try:
            self.letter_edit.setPlainText(self.draft())
        finally:
            self._drafting = False
        self._letter_edited = False
        self._update_letter_state()

    def _letter_text_changed(self) -> None:
        if not self._drafting and not self._letter_edited:
            self._letter_edited = True
            self._update_letter_state()

    def _update_letter_state(self) -> None:
        self.letter_state.setText(
            QCoreApplication.translate("CaseFileDialog", "Edited by you: it is no longer "
                                                         "re-drafted when the case or the "
                                                         "addressee changes.")
            if self._letter_edited else
            QCoreApplication.translate("CaseFileDialog", "Drafted from the case; edit it freely "
                                                         "before exporting."))

    def _redraft_clicked(self) -> None:
        if self._letter_edited:
            answer = QMessageBox.question(
                self, QCoreApplication.translate("CaseFileDialog", "Draft again"),
                QCoreApplication.translate("CaseFileDialog", "Replace your edited letter with a "
                                                             "new draft from the case? Your "
                                                             "changes "
                "will be lost."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.redraft(force=True)

    def _letter_toggled(self, on: bool) -> None:
        for w in (self.addressee_edit, self.letter_edit, self.redraft_button, self.letter_state):
            w.setEnabled(on)

    def _exhibits_changed(self, _item: QListWidgetItem) -> None:
        self._update_unmasked()
        self.redraft()

    # actions

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Export, Preview and Print: not while building, nor with a range that cannot be
        built (the Timeline box says why)."""
        ok = not self._busy and self.range_box.problem() is None
        for button in (self.export_button, self.preview_button, self.print_button):
            button.setEnabled(ok)

    def _start(self, out: Path, then: Callable[[BuildResult], None], label: str) -> bool:
        self._after_build = then
        if not self.builder.start(out, self.options(), label):
            return False
        self._set_busy(True)
        self.result_label.setText(f"{label}\u2026")
        self.open_result_button.hide()
        return True

    def export(self) -> None:
        """Ask where to save, then build there in the background."""
        global _last_folder
        if self.builder.running() or not self._exhibits_unchanged():
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("CaseFileDialog", "Export the case file"), str(self.suggested_path()), QCoreApplication.translate("CaseFileDialog", "PDF documents (*.pdf)"))
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        _last_folder = out.parent
        self._start(out, self._exported, QCoreApplication.translate("CaseFileDialog", "Building the case file"))

    def _scratch_path(self) -> Path:
        if self._scratch is None:
            self._scratch = Scratch()
        name = default_file_name(self.data.title, redacted=self.redact_check.isChecked(),
                                 on=self.data.generated_at.date())
        return self._scratch.new_path(name)

    def preview(self) -> None:
        if self.builder.running() or not self._exhibits_unchanged():
            return
        self._start(self._scratch_path(), self._show_preview, QCoreApplication.translate("CaseFileDialog", "Building the preview"))

    def print_case_file(self) -> None:
        if self.builder.running() or not self._exhibits_unchanged():
            return
        self._start(self._scratch_path(), self._print_built, QCoreApplication.translate("CaseFileDialog", "Building the case file to print"))

    # results

    def _build_done(self, result: BuildResult) -> None:
        self._set_busy(False)
        self.last_result = result
        then, self._after_build = self._after_build, None
        if then is not None:
            then(result)

    def _build_failed(self, message: str) -> None:
        self._set_busy(False)
        self._after_build = None
        self.result_label.setText(QCoreApplication.translate("CaseFileDialog", "The case file was not made."))
        QMessageBox.warning(self, QCoreApplication.translate("CaseFileDialog", "Case file not made"), window_text(message))

    def _build_cancelled(self) -> None:
        self._set_busy(False)
        self._after_build = None
        self.result_label.setText(QCoreApplication.translate("CaseFileDialog", "Cancelled; no file was written."))

    def _exported(self, result: BuildResult) -> None:
        extra = (QCoreApplication.translate("CaseFileDialog", ", {exhibit_pages} of them from PDF "
                                                              "exhibits").format(
                                                                  exhibit_pages=result.exhibit_pages)
                 if result.exhibit_pages else "")
        unsigned = getattr(result, "unsigned_reason", None)
        note = " " + self.tr("It is not signed: {reason}").format(
            reason=unsigned) if unsigned else ""
        self.result_label.setText(
            QCoreApplication.translate("CaseFileDialog", "Saved “{name}” in {parent}: "
                                                         "{pages}{extra}.{note}").format(
                                                             name=result.path.name,
                                                             parent=result.path.parent,
                                                             pages=plural(result.pages, "page"),
                                                             extra=extra, note=note))
        self.open_result_button.show()
        self.exported.emit(result)

    def _open_result(self) -> None:
        if self.last_result is not None:
            open_in_system_viewer(self.last_result.path, self)

    def _show_preview(self, result: BuildResult) -> None:
        self.result_label.setText(QCoreApplication.translate("CaseFileDialog", "Preview: {pages}.").format(
            pages=plural(result.pages, "page")))
        preview = PdfPreviewDialog(result.path, self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _obj=None, p=preview: self._forget_preview(p))
        self.previews.append(preview)
        preview.show()

    def _forget_preview(self, preview: PdfPreviewDialog) -> None:
        if preview in self.previews:
            self.previews.remove(preview)

    def _print_built(self, result: BuildResult) -> None:
        outcome = print_pdf(result.path, self)
        if outcome.status == "printed" and outcome.file is not None:
            self.result_label.setText(
                QCoreApplication.translate("CaseFileDialog", "Printed {pages} to "
                                                             "“{name}” in {parent} (text stays "
                                                             "selectable).").format(
                                                                 pages=plural(outcome.pages, "page"),
                                                                 name=outcome.file.name,
                                                                 parent=outcome.file.parent))
        elif outcome.status == "printed":
            self.result_label.setText(
                QCoreApplication.translate("CaseFileDialog", "Sent {pages} to the "
                                                             "printer.").format(
                                                                 pages=plural(outcome.pages, "page")))
        elif outcome.status == "viewer":
            self.result_label.setText(QCoreApplication.translate("CaseFileDialog", "Opened in the system viewer."))
        else:
            self.result_label.setText(outcome.message or QCoreApplication.translate("CaseFileDialog", "Nothing was printed."))
        self.last_print = outcome

    # closing

    def done(self, r: int) -> None:
        if self.builder.running():
            self.builder.cancel()
            self.builder.wait(30_000)
        for preview in list(self.previews):
            preview.close()
        self.previews.clear()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
        super().done(r)



def install(window: Any) -> None:
    """Give ``window`` (the MainWindow) its ``export_case_file``/``print_case_file`` hooks."""

    def export_case_file() -> None:
        CaseFileDialog.show_for(window.service, window.case_pane.case_id, window)

    def print_hook() -> None:
        print_case_file(window.service, window.case_pane.case_id, window)

    window.export_case_file = export_case_file
    window.print_case_file = print_hook
    update = getattr(window, "update_actions", None)
    if callable(update):
        update()
