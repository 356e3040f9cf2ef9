"""One way to write sizes, counts and dates across the window (ui/format.py)."""

from __future__ import annotations

from datetime import date

import pytest

from headway_journal.ui.format import due_text, human_size, plural, short_date


@pytest.mark.parametrize(("size", "text"), [
    (0, "0 bytes"), (1, "1 byte"), (2, "2 bytes"), (1000, "1,000 bytes"),
    (1024, "1.0 KB"), (1536, "1.5 KB"), (150 * 1024, "150 KB"), (99 * 1024, "99.0 KB"),
    (200 * 1024 * 1024, "200 MB"), (3 * 1024 ** 3, "3.0 GB"), (2 * 1024 ** 4, "2.0 TB"),
])
def test_human_size_is_the_same_everywhere(size: int, text: str) -> None:
    assert human_size(size) == text


def test_every_window_part_uses_the_one_human_size() -> None:
    from headway_journal.ui import unused_files
    from headway_journal.ui.case import timeline
    from headway_journal.ui.dialogs import restore_dialog
    from headway_journal.ui.exhibits import describe

    for module in (timeline, unused_files, restore_dialog, describe):
        assert module.human_size is human_size  # type: ignore[attr-defined]


def test_plural_and_due_words() -> None:
    assert plural(1, "contact") == "1 contact"
    assert plural(0, "contact") == "0 contacts"
    assert plural(2, "reply", "replies") == "2 replies"
    today = date(2026, 11, 20)
    assert due_text(today, False, today) == "due today"
    assert due_text(date(2026, 11, 21), False, today) == "due tomorrow"
    assert due_text(date(2026, 11, 17), True, today) == "overdue 3 d"
    assert due_text(None, False, today) == ""
    assert short_date(date(2025, 3, 4), today).endswith("2025")
    assert not short_date(date(2026, 3, 4), today).endswith("2026")
