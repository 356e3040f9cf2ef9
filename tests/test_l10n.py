"""Languages and catalogs of the Qt-free layers: the system's language, gettext plural forms,
catalogs compiled from the repository's .po on first use, and every string translated."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from headway_journal import i18n, l10n
from headway_journal.l10n import catalogs, extract
from headway_journal.l10n.__main__ import main as l10n_main


@pytest.fixture(autouse=True)
def english_after() -> object:
    yield None
    l10n.activate("en")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "es_MX.UTF-8"}, "es"),
    ({"LANG": "es_US.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL wins over LANG
    ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    ({"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, "es"),  # GNU's list comes first
    ({"LANGUAGE": "fr:es"}, "es"),  # the first supported one
    ({"LANG": "de_DE.UTF-8"}, "en"),  # unsupported: English
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_language_follows_the_system(environ: dict[str, str], expected: str) -> None:
    assert l10n.system_language(environ, os_languages=[]) == expected


def test_the_os_setting_counts_when_the_environment_says_nothing() -> None:
    assert l10n.system_language({}, os_languages=["es-419", "en-US"]) == "es"
    assert l10n.system_language({"LANG": "C"}, os_languages=["es-US"]) == "es"
    assert l10n.system_language({"LANG": "en_US.UTF-8"}, os_languages=["es-US"]) == "en"


@pytest.mark.parametrize(("code", "expected"), [
    ("es_MX.UTF-8", "es"), ("es-419", "es"), ("ES", "es"), ("en_GB", "en"), ("", "en"),
    (None, "en"), ("pt_BR", "en"), ("sr@latin", "en"),
])
def test_language_codes_are_normalized(code: str | None, expected: str) -> None:
    assert l10n.normalize(code) == expected


def test_plural_forms_in_spanish() -> None:
    l10n.activate("es")
    assert i18n.plural("{n} contact", "{n} contacts", 1).format(n=1) == "1 contacto"
    assert i18n.plural("{n} contact", "{n} contacts", 2).format(n=2) == "2 contactos"
    assert i18n.plural("{n} contact", "{n} contacts", 0).format(n=0) == "0 contactos"
    assert i18n.plural("{n} day", "{n} days", 1).format(n=1) == "1 día"
    assert i18n.text("Case file") == "Expediente"
    l10n.activate("en")
    assert i18n.plural("{n} contact", "{n} contacts", 1).format(n=1) == "1 contact"
    assert i18n.text("Case file") == "Case file"


def test_safety_wording_gives_988s_spanish_option() -> None:
    from headway_journal.journal.issue_types import SAFETY_NOTE

    l10n.activate("es")
    note = i18n.text(SAFETY_NOTE)
    assert "marque 988 y oprima 2" in note
    assert "911" in note and "no es un servicio de emergencia" in note


def test_a_thread_can_write_another_language() -> None:
    l10n.activate("en")
    seen: list[str] = []

    def worker() -> None:
        with l10n.using("es"):
            seen.append(i18n.text("Case file"))
            seen.append(i18n.carry(lambda: i18n.text("Case file"))())
        seen.append(i18n.text("Case file"))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == ["Expediente", "Expediente", "Case file"]
    assert i18n.text("Case file") == "Case file"  # this thread kept its language


def test_catalog_compiled_on_first_use_and_when_the_po_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEADWAY_JOURNAL_L10N_CACHE", str(tmp_path / "cache"))
    po = tmp_path / "es" / "LC_MESSAGES" / "headway_journal.po"
    po.parent.mkdir(parents=True)
    header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
              '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
    po.write_text(header + 'msgid "Case file"\nmsgstr "Expediente"\n', encoding="utf-8")
    monkeypatch.setattr(catalogs, "LOCALE_DIR", tmp_path)
    first = catalogs.mo_file("es")
    assert first is not None and first.parent == tmp_path / "cache"
    assert catalogs.mo_file("es") == first  # reused, not compiled again
    po.write_text(header + 'msgid "Case file"\nmsgstr "Expediente del caso"\n',
                  encoding="utf-8")
    second = catalogs.mo_file("es")
    assert second is not None and second != first
    catalogs.gettext_catalog.cache_clear()
    try:
        assert catalogs.gettext_catalog("es").gettext("Case file") == "Expediente del caso"
    finally:
        catalogs.gettext_catalog.cache_clear()
    assert catalogs.mo_file("fr") is None


def test_qt_catalog_compiles_with_lrelease(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    if catalogs.lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed (PySide6-Essentials ships it)")
    monkeypatch.setenv("HEADWAY_JOURNAL_L10N_CACHE", str(tmp_path))
    qm = catalogs.qm_file("es")
    assert qm is not None and qm.stat().st_size > 10_000
    assert qm.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # .qm magic


def test_every_string_of_the_source_is_in_the_spanish_catalogs() -> None:
    """The catalogs are current (python -m headway_journal.l10n extract) and complete."""
    missing = extract.untranslated("es")
    assert not missing, "\n".join(missing[:40])
    assert l10n_main(["check", "es"]) == 0


def test_no_f_string_goes_to_a_translation_call() -> None:
    _texts, _qts, problems = extract.scan()
    assert not problems, "\n".join(problems)


def test_the_extractor_finds_every_kind_of_call(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        "from headway_journal import i18n\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "A = i18n.mark('Marked')\n"
        "class W:\n"
        "    def f(self, n, name):\n"
        "        i18n.text('Plain')\n"
        "        i18n.plural('{n} day', '{n} days', n)\n"
        "        QCoreApplication.translate('Ctx', 'Qt text')\n"
        "        QCoreApplication.translate('Ctx', '%n case(s)', None, n)\n"
        "        self.tr('Own')\n"
        "        i18n.text(f'Bad {name}')\n", encoding="utf-8")
    texts, qts, problems = extract.scan(package)
    assert [(m.source, m.plural) for m in texts] == [
        ("Marked", ""), ("Plain", ""), ("{n} day", "{n} days")]
    assert [(m.context, m.source, m.numerus) for m in qts] == [
        ("Ctx", "Qt text", False), ("Ctx", "%n case(s)", True), ("W", "Own", False)]
    assert len(problems) == 1 and "f-string" in problems[0]


def test_dates_and_money_for_the_language() -> None:
    from datetime import date
    from decimal import Decimal

    from headway_journal.l10n import formats

    day = date(2026, 12, 1)
    assert formats.long_date(day) == "December 1, 2026"
    assert formats.money(Decimal("1234.5")) == "$1,234.50"
    with l10n.using("es"):
        assert formats.long_date(day) == "1 de diciembre de 2026"
        assert formats.money(Decimal("1234.5")) == "$1,234.50"  # U.S. Spanish writes dollars so
        assert formats.weekday_short(day) == "mar"
        assert formats.number(1234567) == "1,234,567"


def test_the_extractor_finds_a_modules_shorthands(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        "from headway_journal import i18n\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Strip', text)\n"
        "def f(n):\n"
        "    t = i18n.text\n"
        "    _tr('Found:')\n"
        "    t('Dear Sir or Madam,')\n"
        "    other('Not a message')\n", encoding="utf-8")
    texts, qts, problems = extract.scan(package)
    assert [m.source for m in texts] == ["Dear Sir or Madam,"]
    assert [(m.context, m.source) for m in qts] == [("Strip", "Found:")]
    assert problems == []


def test_the_outside_bodies_texts_are_in_the_catalogs_and_read_in_spanish() -> None:
    from headway_journal.journal.letters.bodies import bodies_note, body

    texts, _qts, _problems = extract.scan()
    sources = {m.source for m in texts}
    assert "Complaint to the Consumer Financial Protection Bureau" in sources
    assert "the statement that first showed the error" in sources
    with l10n.using("es"):
        cfpb, card = body("cfpb"), body("card-dispute")
        assert cfpb.title.startswith("Queja a la Oficina para la Protección Financiera")
        assert card.limit is not None and card.limit.label == "60 días naturales"
        assert "verificar" in bodies_note()
    assert body("cfpb").title == "Complaint to the Consumer Financial Protection Bureau"
    assert body("card-dispute").limit.label == "60 calendar days"  # type: ignore[union-attr]
