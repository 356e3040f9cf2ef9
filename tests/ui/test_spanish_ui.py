"""The Spanish window: no text left untranslated (marked catalogs, see i18n_walker), and the
layout holds with Spanish's longer strings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QWidget

from headway_journal import APP_NAME
from headway_journal.journal.interchange.export import build_document
from headway_journal.journal.service import JournalService

if TYPE_CHECKING:  # pragma: no cover
    from conftest import Sample

from i18n_walker import Marks, marking, untranslated_text


def user_strings(service: JournalService) -> set[str]:
    """Every text the user typed into the journal (case titles, names, notes...)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    document = build_document(service, "files")
    walk(document[0] if isinstance(document, tuple) else document)
    return found | {APP_NAME, service.folder.name}  # names, not text


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
