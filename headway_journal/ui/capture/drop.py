"""Which dropped (or chosen) files are e-mails: .eml, Outlook .msg and .mbox, by their names.

Light on purpose (Qt and pathlib only): the window's drop target asks it on every drop, and the
e-mail reader is loaded only when an e-mail actually arrives.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

__all__ = ["EMAIL_FILTER", "EMAIL_SUFFIXES", "is_email_file", "split_email_files"]

EMAIL_SUFFIXES = frozenset({".eml", ".msg", ".mbox", ".mbx"})
EMAIL_FILTER = "E-mail messages (*.eml *.msg *.mbox *.mbx);;All files (*)"


def is_email_file(path: Path) -> bool:
    return Path(path).suffix.lower() in EMAIL_SUFFIXES


def split_email_files(mime: QMimeData | None) -> tuple[list[Path], list[Path]]:
    """(e-mail files, other local files) dropped in ``mime``."""
    if mime is None or not mime.hasUrls():
        return [], []
    emails: list[Path] = []
    others: list[Path] = []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            path = Path(url.toLocalFile())
            (emails if is_email_file(path) else others).append(path)
    return emails, others
