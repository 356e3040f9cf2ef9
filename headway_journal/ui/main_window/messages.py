"""Plain words for a failed journal operation (never a traceback)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import OperationalError

from ...journal.db import describe_sqlite_error
from ...journal.exhibits import AttachmentError
from ...journal.safe_echo import echo_path, window_text
from ...journal.service import ServiceError

# What a service call may raise that the user should read in plain words (never a traceback).
PLAIN_ERRORS: tuple[type[BaseException], ...] = (ServiceError, AttachmentError, OperationalError,
                                                 OSError)


def plain_message(exc: BaseException) -> str:
    """One or two sentences for the user about a failed journal operation.

    Whatever they quote (a name, a key, a file name) has its control characters escaped.
    """
    return window_text(_plain_message(exc))


def _plain_message(exc: BaseException) -> str:
    if isinstance(exc, OperationalError):
        return describe_sqlite_error(exc)
    if isinstance(exc, (ServiceError, AttachmentError)):
        return str(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
        where = f" ({echo_path(exc.filename)})" if exc.filename else ""
        return QCoreApplication.translate("messages", "The journal folder could not be used: {reason}{where}. Nothing was changed.").format(reason=reason, where=where)
    return f"{type(exc).__name__}: {exc}"

