"""Each issue type's forms give examples of their own kind (not a double charge for all)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit

from headway_journal.journal.form_examples import EXAMPLES, GENERIC, examples_for
from headway_journal.journal.issue_types import ISSUE_TYPES
from headway_journal.journal.records import CaseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui.dialogs import CaseDialog, ContactDialog

BILLING_WORDS = ("refund", "charge", "billing")


def placeholders(widget: Any) -> list[str]:
    boxes = [*widget.findChildren(QLineEdit), *widget.findChildren(QPlainTextEdit)]
    return [w.placeholderText() for w in boxes
            if w.isVisibleTo(widget) and w.placeholderText()]


def test_every_issue_type_has_its_own_examples() -> None:
    assert set(EXAMPLES) == set(ISSUE_TYPES)
    for key, ex in EXAMPLES.items():
        assert ex != GENERIC and examples_for(key) is ex
        others = [EXAMPLES[k] for k in EXAMPLES if k != key]
        for f in fields(ex):
            value = getattr(ex, f.name)
            if f.name != "amount":
                assert value, (key, f.name)
            if key not in ("billing", "insurance", "provider_payment"):
                assert not any(w in value.lower() for w in BILLING_WORDS), (key, f.name, value)
        assert all(ex.title != o.title for o in others), key
    assert examples_for("no such type") is GENERIC and examples_for(None) is GENERIC


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))


@pytest.fixture
def service(tmp_path: Path) -> Any:
    svc = JournalService.open(tmp_path / "journal")
    yield svc
    svc.close()


@pytest.mark.parametrize("key", sorted(ISSUE_TYPES))
def test_the_case_form_follows_the_issue_type(qtbot: Any, service: JournalService,
                                              key: str) -> None:
    dlg = CaseDialog(service)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.issue_combo.setCurrentIndex(dlg.issue_combo.findData(key))
    ex = EXAMPLES[key]
    assert dlg.title_edit.placeholderText() == ex.title
    assert dlg.outcome_edit.placeholderText() == ex.desired_outcome
    assert dlg.summary_edit.placeholderText().startswith(ex.summary)
    shown = " ".join(placeholders(dlg)).lower()
    if key not in ("billing", "insurance", "provider_payment"):
        assert not any(w in shown for w in BILLING_WORDS), shown
    dlg.close()


def test_the_contact_form_of_a_privacy_case(qtbot: Any, service: JournalService) -> None:
    org = service.organization_by_key("headway")
    assert org is not None
    case = service.create_case(CaseInput(
        title="Diagnosis shared", organization_id=org.id, issue_type="privacy", role="client",
        fields={"what_happened": "My diagnosis went to my employer.",
                "learned_on": "2026-11-02"}))
    dlg = ContactDialog(service, case)
    qtbot.addWidget(dlg)
    dlg.show()
    row = dlg.add_promise_row(focus=False)
    ex = EXAMPLES["privacy"]
    assert dlg.outcome_edit.placeholderText() == ex.contact_outcome
    assert dlg.rep_title.placeholderText() == ex.rep_title
    assert row.text.placeholderText() == ex.promise
    shown = " ".join(placeholders(dlg)).lower()
    assert not any(w in shown for w in BILLING_WORDS), shown
    dlg.close()
