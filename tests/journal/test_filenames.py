"""Portable file names: valid on Windows, macOS and Linux at once, and unique on
case-insensitive, normalising file systems."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway_journal.casefile.service_bridge import default_file_name
from headway_journal.journal.filenames import (
    DEFAULT_MAX_LEN,
    RESERVED_NAMES,
    is_portable_name,
    name_key,
    portable_name,
    unique_name,
    utf16_len,
)

FORBIDDEN = '<>:"/\\|?*'
DEVICES = sorted(RESERVED_NAMES)


def assert_portable(name: str, max_len: int = DEFAULT_MAX_LEN) -> None:
    assert name
    assert not any(ch in FORBIDDEN for ch in name)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in name)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in name)
    assert not name.endswith((".", " ")) and not name.startswith(".")
    assert name.split(".")[0].rstrip(" ").upper() not in RESERVED_NAMES
    assert utf16_len(name) <= max_len and len(name.encode("utf-8")) <= 255
    assert name == unicodedata.normalize("NFC", name)
    assert is_portable_name(name)


@settings(max_examples=400)
@given(st.text(min_size=0, max_size=400))
def test_any_text_becomes_a_portable_name(text: str) -> None:
    name = portable_name(text)
    assert_portable(name)
    assert portable_name(name) == name  # idempotent


@given(st.text(st.characters(codec="utf-8", blacklist_categories=("Cs",)), max_size=600),
       st.integers(min_value=8, max_value=255))
def test_any_length_limit_is_kept(text: str, max_len: int) -> None:
    assert_portable(portable_name(text, max_len=max_len), max_len)


@given(st.text(max_size=300), st.sampled_from([".pdf", ".json", ".ics", ".sqlite3", ".png"]))
def test_the_extension_survives_shortening(stem: str, ext: str) -> None:
    name = portable_name(stem + "x" + ext)
    assert name.endswith(ext)


@given(st.sampled_from(DEVICES), st.sampled_from(["", ".txt", ".tar.gz", " .pdf", "  "]),
       st.sampled_from([str.lower, str.upper, str.title]))
def test_reserved_device_names_in_any_case_with_any_extension(device: str, ext: str,
                                                              case: object) -> None:
    raw = case(device) + ext  # type: ignore[operator]
    name = portable_name(raw)
    assert_portable(name)
    assert name.split(".")[0].strip().upper() not in RESERVED_NAMES


def test_reserved_name_exposed_by_shortening_is_renamed() -> None:
    name = portable_name("COM1" + "x" * 300, max_len=10)
    assert_portable(name, 10)


@pytest.mark.parametrize(("raw", "expected"), [
    ('a<b>c:d"e/f\\g|h?i*j.pdf', "a_b_c_d_e_f_g_h_i_j.pdf"),
    ("report. . ", "report"),
    ("  .hidden.json", "hidden.json"),
    ("tab\there\n.ics", "tab_here_.ics"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("Jose\u0301.pdf", "Jos\u00e9.pdf"),
    ("", "file"),
    ("...", "file"),
])
def test_examples(raw: str, expected: str) -> None:
    assert portable_name(raw) == expected


def test_astral_characters_count_twice_for_windows() -> None:
    name = portable_name("\U0001F600" * 200 + ".pdf", max_len=255)
    assert utf16_len(name) <= 255 and name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= 255
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in name)


def test_default_cap_keeps_a_windows_path_under_260() -> None:
    folder = "C:\\Users\\" + "u" * 20 + "\\AppData\\Local\\headway-journal\\journal\\backups\\"
    assert len(folder) + utf16_len(portable_name("y" * 1000 + ".sqlite3")) < 260


# -- uniqueness ------------------------------------------------------------------------------

def test_same_name_in_nfd_and_other_case_is_taken(tmp_path: Path) -> None:
    (tmp_path / unicodedata.normalize("NFD", "José.pdf")).write_text("x")
    assert name_key("JOSÉ.PDF") == name_key(unicodedata.normalize("NFD", "josé.pdf"))
    assert unique_name(tmp_path, "JOSÉ.pdf") == "JOSÉ (2).pdf"
    (tmp_path / "josé (2).pdf").write_text("x")
    assert unique_name(tmp_path, "José.pdf") == "José (3).pdf"
    assert unique_name(tmp_path, "Other.pdf") == "Other.pdf"


def test_unique_name_counts_names_about_to_be_written(tmp_path: Path) -> None:
    assert unique_name(tmp_path, "a.ics", taken={"A.ICS"}) == "a (2).ics"


def test_unique_name_of_a_long_name_stays_within_the_cap(tmp_path: Path) -> None:
    long = "é" * 300 + ".pdf"
    first = unique_name(tmp_path, long)
    (tmp_path / first).write_text("x")
    second = unique_name(tmp_path, long)
    assert second != first and second.endswith(" (2).pdf")
    assert_portable(second)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_unique_names_never_collide_when_casefolded_and_normalised(
        tmp_path_factory: pytest.TempPathFactory, names: list[str]) -> None:
    folder = tmp_path_factory.mktemp("u")
    keys: set[str] = set()
    for raw in names + names:
        name = unique_name(folder, raw)
        assert_portable(name)
        assert name_key(name) not in keys
        keys.add(name_key(name))
        (folder / name).write_text("x")


def test_length_limits_count_utf16_units_and_utf8_bytes() -> None:
    from headway_journal.journal.filenames import fits_name_limits

    assert fits_name_limits("a" * 255) and not fits_name_limits("a" * 256)
    assert not fits_name_limits("\u00e9" * 128)  # 128 units but 256 bytes
    assert not fits_name_limits("\U0001F600" * 64)  # 128 code points, 256 bytes, 128 units
    assert fits_name_limits("\U0001F600" * 63)


@settings(deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_case_file_default_names_are_portable(title: str, redacted: bool) -> None:
    name = default_file_name(title, redacted=redacted, on=date(2026, 11, 26))
    assert_portable(name)
    assert name.startswith("Case file") and name.endswith(" - 2026-11-26.pdf")

