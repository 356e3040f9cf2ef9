"""The window's language: Qt's catalogs (ours and Qt's own) installed, plural forms, Settings >
Language for the next start, and a case file in another language than the window's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox

from headway_journal import i18n
from headway_journal.journal.service import JournalService
from headway_journal.ui import translation
from headway_journal.ui.format import numerus, plural

if TYPE_CHECKING:  # pragma: no cover
    from conftest import Sample


@pytest.fixture
def back_to_english(qapp: Any) -> Iterator[None]:
    yield
    translation.install_language("en")


def test_spanish_catalogs_translate_the_window(back_to_english: None) -> None:
    assert translation.install_language("es") == "es"
    assert QCoreApplication.translate("actions", "&File") == "&Archivo"
    assert QCoreApplication.translate("CaseFileDialog", "Case file") == "Expediente"
    assert i18n.text("Case file") == "Expediente"  # the Qt-free layers follow
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own catalog
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    translation.install_language("en")
    assert QCoreApplication.translate("actions", "&File") == "&File"
    assert i18n.text("Case file") == "Case file"


@pytest.mark.parametrize(("n", "english", "spanish"), [
    (1, "1 contact", "1 contacto"), (2, "2 contacts", "2 contactos"),
    (0, "0 contacts", "0 contactos"), (1, "1 day", "1 día"), (5, "5 days", "5 días"),
])
def test_plural_forms_in_the_window(n: int, english: str, spanish: str,
                                    back_to_english: None) -> None:
    word = english.split()[1].rstrip("s")
    assert plural(n, word) == english
    translation.install_language("es")
    assert plural(n, word) == spanish


def _attached(n: int) -> str:
    return numerus(QCoreApplication.translate("ExhibitsPanel", "Attached %n files.", None, n),
                   "Attached %n files.", n, "Attached %n file.")


@pytest.mark.parametrize(("n", "english", "spanish"), [
    (1, "Attached 1 file.", "Se adjuntó 1 archivo."),
    (3, "Attached 3 files.", "Se adjuntaron 3 archivos."),
    (1200, "Attached 1,200 files.", "Se adjuntaron 1200 archivos."),
])
def test_whole_sentences_agree_with_their_number(n: int, english: str, spanish: str,
                                                 back_to_english: None) -> None:
    """Verbs and nouns follow the count in each language (no English "s" glued on)."""
    assert _attached(n) == english
    assert plural(n, "page") == english.replace("Attached", "").replace("file", "page").strip(" .")
    translation.install_language("es")
    assert _attached(n) == spanish
    assert plural(n, "page") == f"{n} página" + ("s" if n != 1 else "")


def test_language_follows_the_system_until_chosen(monkeypatch: pytest.MonkeyPatch,
                                                  back_to_english: None) -> None:
    monkeypatch.setenv("LANGUAGE", "es_US:en")
    assert translation.chosen_language() == ""
    assert translation.effective_language() == "es"
    translation.set_chosen_language("en")
    assert translation.effective_language() == "en"
    translation.set_chosen_language("")
    assert translation.effective_language() == "es"


def test_settings_chooses_the_language_for_the_next_start(
        qtbot: Any, service: JournalService) -> None:
    from headway_journal.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.language_box.combo
    assert combo.currentData() == ""  # follows the system at first
    assert combo.itemText(0).startswith("As the system")
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["English", "Español"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the keyboard reaches it: the last is Español
    assert combo.currentData() == "es"
    assert dialog.has_changes()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert translation.chosen_language() == "es"
    assert translation.effective_language() == "es"
    assert QCoreApplication.translate("actions", "&File") == "&File"  # at the next start
    translation.set_chosen_language("")


def test_case_file_in_another_language_than_the_window(
        qtbot: Any, service: JournalService, sample: Sample) -> None:
    from headway_journal.ui.casefile.dialog import CaseFileDialog

    dialog = CaseFileDialog(service, sample.billing)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Sincerely," in dialog.letter_edit.toPlainText()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    letter = dialog.letter_edit.toPlainText()
    assert "Asunto: Double charge" in letter and "Atentamente," in letter
    assert "Sincerely," not in letter
    assert dialog.options().language == "es"
    assert QCoreApplication.translate("actions", "&File") == "&File"  # the window stays
    assert i18n.text("Case file") == "Case file"
