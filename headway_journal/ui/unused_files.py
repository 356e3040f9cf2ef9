"""File > Remove unused exhibit files…: list the orphan files of the attachment store (files no
exhibit refers to, left by an interrupted import or attach) and remove them after the user
confirms. Exhibits whose file is missing are mentioned too (nothing can be done about them
here: a backup of the journal folder has them).

The window calls ``remove_unused_files(window)``; everything goes through the service
(``exhibit_files``, ``remove_unused_exhibit_files``)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..journal.exhibits import AttachmentError
from ..journal.service import JournalService, ServiceError
from .format import human_size, numerus, plural
from .translated import QT_TRANSLATE_NOOP, tr

TITLE = QT_TRANSLATE_NOOP("unused_files", "Remove unused exhibit files")
LISTED = 15  # files named in the question; the rest are counted


class _Window(Protocol):
    service: JournalService

    def statusBar(self) -> Any: ...  # noqa: N802 (Qt's name)


def _missing_note(report: Any) -> str:
    n = len(report.missing)
    if not n:
        return ""
    names = ", ".join(f"\u201c{m.original_name}\u201d" for m in report.missing[:5])
    more = QCoreApplication.translate("unused_files", " and {value} more").format(value=n - 5) if n > 5 else ""
    many = ("\n\n%n exhibits have no file in the store ({names}{more}); this cannot repair "
            "that. A copy of the journal folder from before may still have the files.")
    return numerus(QCoreApplication.translate(
        "unused_files", "\n\n%n exhibits have no file in the store ({names}{more}); this cannot "
        "repair that. A copy of the journal folder from before may still have the files.",
        None, n), many, n,
        "\n\n%n exhibit has no file in the store ({names}{more}); this cannot repair that. A "
        "copy of the journal folder from before may still have the files.").format(
            names=names, more=more)


def question_text(report: Any) -> str:
    unused = report.unused
    n = len(unused)
    lines = [f"\u2022 {u.sha256[:2]}/{u.sha256[2:14]}\u2026  {human_size(u.size)}"
             for u in unused[:LISTED]]
    if n > LISTED:
        lines.append(QCoreApplication.translate("unused_files", "• and {value} more").format(value=n - LISTED))
    listing = "\n".join(lines)
    many = ("%n files in the journal's attachment store ({human_size}) are used by no exhibit, "
            "not even a removed one (left by an import or attach that was interrupted):\n\n"
            "{listing}\n\nRemove them? This cannot be undone; no exhibit of any case is touched.")
    text = numerus(QCoreApplication.translate(
        "unused_files", "%n files in the journal's attachment store ({human_size}) are used by "
        "no exhibit, not even a removed one (left by an import or attach that was interrupted):"
        "\n\n{listing}\n\nRemove them? This cannot be undone; no exhibit of any case is "
        "touched.", None, n), many, n,
        "%n file in the journal's attachment store ({human_size}) is used by no exhibit, not "
        "even a removed one (left by an import or attach that was interrupted):\n\n{listing}"
        "\n\nRemove it? This cannot be undone; no exhibit of any case is touched.")
    return text.format(human_size=human_size(report.unused_bytes), listing=listing) + \
        _missing_note(report)


def remove_unused_files(window: _Window, parent: QWidget | None = None) -> int:
    """Ask, then remove the unused files; returns how many were removed."""
    service = window.service
    try:
        report = service.exhibit_files()
    except (ServiceError, OSError) as exc:
        QMessageBox.warning(parent, tr("unused_files", TITLE), QCoreApplication.translate("unused_files", "The attachment store could not be read: {exc}").format(exc=exc))
        return 0
    if not report.unused:
        QMessageBox.information(parent, tr("unused_files", TITLE), QCoreApplication.translate("unused_files", "There are no unused exhibit files: every file "
                                "in the attachment store belongs to an exhibit.")
                                + _missing_note(report))
        return 0
    answer = QMessageBox.question(parent, tr("unused_files", TITLE), question_text(report),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        window.statusBar().showMessage(QCoreApplication.translate("unused_files", "No exhibit files were removed."), 8000)
        return 0
    try:
        result = service.remove_unused_exhibit_files(u.sha256 for u in report.unused)
    except (ServiceError, AttachmentError, OSError) as exc:
        QMessageBox.warning(parent, tr("unused_files", TITLE), QCoreApplication.translate("unused_files", "The unused files could not all be removed: {exc}\n\nNo exhibit was touched.").format(exc=exc))
        return 0
    kept = QCoreApplication.translate("unused_files", " ({kept} in use again, kept)").format(kept=result.kept) if result.kept else ""
    window.statusBar().showMessage(
        QCoreApplication.translate("unused_files", "Removed {plural} ({human_size}){kept}.").format(plural=plural(result.count, 'unused exhibit file'), human_size=human_size(result.size), kept=kept), 15000)
    return int(result.count)
