"""What the app does with a file it is given: the kinds it opens, told by content, and one
sentence for anything else."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from headway_journal import documents
from headway_journal.documents import DocumentError, Kind, classify
from headway_journal.journal import db
from headway_journal.journal.crypto import unlocked
from headway_journal.journal.interchange import FORMAT_NAME, export_journal
from headway_journal.journal.service import JournalService


def test_constants_match_the_journal() -> None:
    assert documents.JOURNAL_DB == db.DB_NAME
    assert documents.LOCKBOX == unlocked.LOCKBOX_NAME
    assert documents.EXPORT_FORMAT == FORMAT_NAME


def test_an_export_a_backup_and_a_journal_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my journal"
    with JournalService.open(folder) as svc:
        export_journal(svc, tmp_path / "cases.json")
    src = sqlite3.connect(folder / db.DB_NAME)  # what `headway-journal backup` writes
    dst = sqlite3.connect(tmp_path / "copy.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    assert classify(tmp_path / "cases.json") == documents.Document(Kind.EXPORT,
                                                                    tmp_path / "cases.json")
    assert classify(tmp_path / "copy.sqlite3").kind is Kind.BACKUP
    assert classify(folder).kind is Kind.JOURNAL
    assert classify(str(folder)).path == folder


@pytest.mark.parametrize("name", ["notes.txt", "cases.backup", "no-extension"])
def test_content_decides_not_the_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text('\ufeff  {"format": "headway-journal", "version": 1, "cases": []}',
                    encoding="utf-8")
    assert classify(path).kind is Kind.EXPORT
    path.write_bytes(documents.SQLITE_MAGIC + b"\0" * 100)
    assert classify(path).kind is Kind.BACKUP


def test_a_hand_written_file_with_format_later_in_its_header(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"version": 1, "profile": {}, "format": "headway-journal"}))
    assert classify(path).kind is Kind.EXPORT


def test_a_locked_journal_folder_and_a_sealed_backup(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "lockbox.json").write_text("{}")
    assert classify(tmp_path / "locked").kind is Kind.JOURNAL
    (tmp_path / "sealed.SQLITE3").write_bytes(b"\x93" * 64)  # random-looking, as sealed files are
    assert classify(tmp_path / "sealed.SQLITE3").kind is Kind.BACKUP


@pytest.mark.parametrize(("content", "words"), [
    (b"%PDF-1.7\n...", "is a PDF"),
    (b'{"format": "other-app", "version": 1}', "is not a Headway Journal export"),
    (b'{"cases": []}', "is not a Headway Journal export"),
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n", "is not a file Headway Journal can open"),
    (b"plain words", "is not a file Headway Journal can open"),
])
def test_anything_else_is_one_clear_sentence(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "given.json"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        classify(path)
    message = str(caught.value)
    assert words in message and "given.json" in message
    assert "\n" not in message


def test_missing_unreadable_and_plain_folders(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="gone.json does not exist"):
        classify(tmp_path / "gone.json")
    (tmp_path / "photos").mkdir()
    with pytest.raises(DocumentError, match="photos is a folder but not a journal"):
        classify(tmp_path / "photos")


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.json"
    path.write_text("{}")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(DocumentError, match=r"secret.json cannot be read \(Permission denied\)"):
        classify(path)


def test_the_association_list() -> None:
    kinds = {t.kind for t in documents.FILE_TYPES}
    assert kinds == {Kind.EXPORT, Kind.BACKUP}  # folders open by name, not by association
    assert documents.desktop_mime_types() == (
        "application/x-headway-journal-export", "application/vnd.sqlite3",
        "application/x-sqlite3")
    assert all(not ext.startswith(".") for t in documents.FILE_TYPES for ext in t.extensions)
