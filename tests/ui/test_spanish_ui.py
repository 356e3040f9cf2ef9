"""The Spanish window: no text left untranslated (marked catalogs, see i18n_walker), and the
layout holds with Spanish's longer strings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget

from headway_journal import APP_NAME, l10n
from headway_journal.journal.interchange.export import build_document
from headway_journal.journal.letters.bodies import KINDS
from headway_journal.journal.service import JournalService

if TYPE_CHECKING:  # pragma: no cover
    from conftest import Sample

from i18n_walker import Marks, marking, untranslated_text

# values of these keys in the JSON export are the journal's vocabulary, shown translated
VOCABULARY_KEYS = {"status", "channel", "direction", "role", "issue_type", "kind", "audience",
                   "level", "currency", "paid_by", "session_type", "insurance_matter",
                   "media_type", "timezone", "source"}


def user_strings(service: JournalService) -> set[str]:
    """Every text the user typed into the journal (case titles, names, notes...)."""
    found: set[str] = set()

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, str):
            if key not in VOCABULARY_KEYS:  # the app's own words, which it must translate
                found.add(value)
        elif isinstance(value, dict):
            for name, item in value.items():
                walk(item, str(name))
        elif isinstance(value, list):
            for item in value:
                walk(item, key)

    document = build_document(service, "files")
    walk(document[0] if isinstance(document, tuple) else document)
    return found | {APP_NAME, service.folder.name}  # names, not text


def place_names() -> set[str]:
    """Names of places (countries in Spanish, the U.S. states of the holiday calendar): proper
    names, not text to translate."""
    from babel import Locale

    from headway_journal.journal import deadlines as dl

    names = {str(n) for n in Locale.parse("es_US").territories.values()}
    names |= {name for _code, name in dl.available_subdivisions("US")}
    return names | set(l10n.SUPPORTED.values())  # each language in its own name


@pytest.fixture
def spanish(qapp: Any) -> Iterator[Marks]:
    with marking("es") as marks:
        yield marks


def check(widget: QWidget, allowed: set[str], marks: Marks) -> list[str]:
    problems = untranslated_text(widget, allowed)
    problems += [f"not in the Spanish .ts: {c}: {s}" for c, s in sorted(marks.missing_qt)]
    problems += [f"not in the Spanish .po: {s}" for s in sorted(marks.missing_text)]
    return problems


def test_main_window_in_spanish(spanish: Marks, service: JournalService, sample: Sample,
                                window: Any) -> None:
    assert window.select_case(sample.billing)
    problems = check(window, user_strings(service), spanish)
    assert not problems, "\n".join(problems)


def _dialogs(service: JournalService, sample: Sample, tmp_path: Path) -> dict[str, Callable[[], QWidget]]:
    """Every window the user can open, made after the Spanish catalogs are in place."""
    from headway_journal.journal.backup import BackupManager
    from headway_journal.journal.concurrency import ConflictError
    from headway_journal.ui.capture.email_capture import UndatedDialog
    from headway_journal.ui.casefile.dialog import CaseFileDialog
    from headway_journal.ui.casefile.print_preview import PdfPreviewDialog
    from headway_journal.ui.dialogs.case_dialog import CaseDialog
    from headway_journal.ui.dialogs.conflict_dialog import ConflictDialog
    from headway_journal.ui.dialogs.contact.dialog import ContactDialog
    from headway_journal.ui.dialogs.organization_dialog import OrganizationDialog
    from headway_journal.ui.dialogs.restore_dialog import RestoreDialog
    from headway_journal.ui.dialogs.settings_dialog import SettingsDialog
    from headway_journal.ui.dialogs.your_details import YourDetailsDialog
    from headway_journal.ui.exhibits.capture import CaptureDialog
    from headway_journal.ui.exhibits.viewer import ImageViewer
    from headway_journal.ui.keyboard_help import KeyboardHelpDialog
    from headway_journal.ui.letters.dialog import LetterDialog
    from headway_journal.ui.security.dialogs import NewPassphraseDialog, RecoveryKeyDialog
    from headway_journal.ui.security.unlock import UnlockDialog

    BackupManager(service.journal).make("manual")
    return {
        "new case": lambda: CaseDialog(service),
        "edit case": lambda: CaseDialog(service, case_id=sample.billing),
        "log contact": lambda: ContactDialog(service, sample.billing),
        "edit contact": lambda: ContactDialog(
            service, sample.billing, contact_id=service.get_case(sample.billing).contacts[0].id),
        "organizations": lambda: OrganizationDialog(service),
        "settings": lambda: SettingsDialog(service),
        "your details": lambda: YourDetailsDialog(service),
        "case file": lambda: CaseFileDialog(service, sample.billing),
        "restore": lambda: RestoreDialog(BackupManager(service.journal), lambda _f: False),
        "capture": lambda: CaptureDialog(None),
        "exhibit viewer": lambda: ImageViewer(service, service.add_attachment(
            sample.billing, _png(), original_name="charge.png", caption="The charge")),
        "preview": lambda: PdfPreviewDialog(_pdf(tmp_path)),
        # File > Security, the unlock prompt, letters, keys, conflicts, undated e-mails
        "change passphrase": lambda: NewPassphraseDialog(
            QCoreApplication.translate("SecurityController", "Change passphrase"), current=True),
        "recovery key": lambda: RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
                                                  tmp_path),
        "unlock": lambda: UnlockDialog(tmp_path),
        **{f"letter {kind}": (lambda kind=kind: LetterDialog(service, sample.billing, kind))
           for kind in KINDS},
        "keyboard help": lambda: KeyboardHelpDialog(CaseDialog(service)),
        "conflict": lambda: ConflictDialog(ConflictError(  # the values: two cases' titles
            "case", sample.billing, 3, 4,
            stored={"title": service.get_case(sample.billing).title, "status": "open"},
            attempted={"title": service.get_case(sample.credentialing).title, "status": "open"},
            by="alice")),
        "undated e-mail": lambda: UndatedDialog(None, ["Refund", "Your order"]),
    }


DIALOG_NAMES = ["new case", "edit case", "log contact", "edit contact", "organizations",
                "settings", "your details", "case file", "restore", "capture",
                "exhibit viewer", "preview", "change passphrase", "recovery key", "unlock",
                *(f"letter {kind}" for kind in KINDS), "keyboard help", "conflict",
                "undated e-mail"]


def _png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 90, 160)).save(buf, "PNG")
    return buf.getvalue()


def _pdf(folder: Path) -> Path:
    from reportlab.pdfgen import canvas

    path = folder / "preview.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "A page")
    pdf.save()
    return path


def test_every_tab_of_a_case_in_spanish(spanish: Marks, service: JournalService, sample: Sample,
                                        window: Any) -> None:
    assert window.select_case(sample.billing)
    allowed = user_strings(service)
    tabs = window.case_pane.tabs
    problems: list[str] = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        problems += [f"tab {index}: {p}" for p in untranslated_text(tabs.currentWidget(), allowed)]
    problems += check(window, allowed, spanish)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", DIALOG_NAMES)
def test_dialog_in_spanish(name: str, spanish: Marks, qtbot: Any, service: JournalService,
                           sample: Sample, tmp_path: Path) -> None:
    dialog = _dialogs(service, sample, tmp_path)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = check(dialog, user_strings(service) | place_names(), spanish)
    assert not problems, "\n".join(problems)


def outside(widget: QWidget, top: QWidget) -> bool:
    """``widget`` (visible) reaches past ``top``'s edges."""
    box = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
    return not top.rect().contains(box)


@pytest.mark.parametrize("name", ["new case", "log contact", "organizations", "settings",
                                  "case file"])
def test_spanish_layout_holds(name: str, qtbot: Any, service: JournalService, sample: Sample,
                              tmp_path: Path) -> None:
    """With the real Spanish catalogs (longer than English), every visible control of a dialog
    lies inside it and every button shows its whole text."""
    from headway_journal.ui.translation import install_language

    install_language("es")
    try:
        dialog = _dialogs(service, sample, tmp_path)[name]()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() != "" and not dialog.windowTitle().isascii() or \
            dialog.windowTitle() in SPANISH_ASCII_TITLES
        bad = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
               for w in dialog.findChildren(QWidget)
               if w.isVisibleTo(dialog) and not isinstance(w, QScrollArea)
               and _inside_scroll(w) is None and outside(w, dialog)]
        cut = [b.text() for b in dialog.findChildren(QPushButton)
               if b.isVisibleTo(dialog)
               and b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) > b.width()]
        assert not bad, bad
        assert not cut, cut
    finally:
        install_language("en")


SPANISH_ASCII_TITLES = {"Nuevo caso", "Registrar contacto", "Organizaciones", "Configuración",
                        "Expediente"}


def _inside_scroll(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def test_spanish_main_window_layout_holds(qtbot: Any, service: JournalService,
                                          sample: Sample) -> None:
    """At its default size, with the real Spanish catalogs, every visible control of the main
    window lies inside it and no toolbar or footer button cuts its text."""
    from headway_journal.ui.main_window import MainWindow
    from headway_journal.ui.translation import install_language

    install_language("es")
    try:
        window = MainWindow(service)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.select_case(sample.billing)
        assert window.menuBar().actions()[0].text() == "&Archivo"
        bad = [f"{type(w).__name__} {w.objectName()}" for w in window.findChildren(QWidget)
               if w.isVisibleTo(window) and _inside_scroll(w) is None and not w.isWindow()
               and outside(w, window)]
        cut = [b.text() for b in window.findChildren(QPushButton) if b.isVisibleTo(window)
               and b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) > b.width()]
        assert not bad, bad
        assert not cut, cut
        window.close()
    finally:
        install_language("en")


def test_welcome_screen_in_spanish(spanish: Marks, service: JournalService,
                                   empty_window: Any) -> None:
    """A journal with no case yet: the welcome screen, your details, the safety note."""
    problems = check(empty_window, user_strings(service), spanish)
    assert not problems, "\n".join(problems)
