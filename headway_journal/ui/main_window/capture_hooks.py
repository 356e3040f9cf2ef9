"""The window's entry points to capturing e-mails (File > Add e-mail..., e-mail files dropped on
the window). Light: the e-mail reader (``ui.capture.email_capture``) is loaded on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData

from ..capture.drop import split_email_files

if TYPE_CHECKING:  # pragma: no cover
    from .window import MainWindow

__all__ = ["add_email", "drop_emails"]


def add_email(w: MainWindow) -> bool:
    """File > Add e-mail...: choose message files for the selected case."""
    from ..capture.email_capture import email_capture_for

    return email_capture_for(w).choose(w.attach_target())


def drop_emails(w: MainWindow, mime: QMimeData) -> bool:
    """A drop on the window: its e-mail files become contacts of the selected case (the other
    files are attached as usual). False when it held no e-mail file."""
    emails, others = split_email_files(mime)
    if not emails:
        return False
    from ..capture.email_capture import email_capture_for

    case_id = w.attach_target()
    email_capture_for(w).add_files(case_id, emails)
    if others and case_id is not None:
        w.attachments.attach_paths(case_id, others, how="dropped")
    return True
