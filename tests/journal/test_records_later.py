"""``journal.records`` gives out its input and view dataclasses from their own modules at the
first use (docs/performance.md, item 18): the same classes, kept once loaded, and a name it
does not have is an AttributeError naming ``records``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from headway_journal.journal import record_inputs, record_views, records


def test_the_names_are_the_classes_of_their_modules_and_stay() -> None:
    assert records.CaseView is record_views.CaseView
    assert records.ContactInput is record_inputs.ContactInput
    assert "CaseView" in vars(records)  # kept: later uses are plain globals
    assert {"CaseView", "ContactInput", "CaseSummary"} <= set(records.__all__)


def test_an_unknown_name_says_which_module_lacks_it() -> None:
    with pytest.raises(AttributeError, match="'headway_journal.journal.records' has no attribute"):
        records.NoSuchRecord  # noqa: B018


def test_importing_records_makes_none_of_them() -> None:
    code = ("import sys, headway_journal.journal.records as r; "
            "print(sorted(m for m in sys.modules if m.endswith(('record_views', 'record_inputs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "[]"
