"""File > Remove unused exhibit files…: list the orphan files of the attachment store (files no
exhibit refers to, left by an interrupted import or attach) and remove them after the user
confirms. Exhibits whose file is missing are mentioned too (nothing can be done about them
here: a backup of the journal folder has them).

The window calls ``remove_unused_files(window)``; everything goes through the service
(``exhibit_files``, ``remove_unused_exhibit_files``)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from ..journal.exhibits import AttachmentError
from ..journal.service import JournalService, ServiceError
from .format import human_size, plural

TITLE = "Remove unused exhibit files"
LISTED = 15  # files named in the question; the rest are counted


class _Window(Protocol):
    service: JournalService

    def statusBar(self) -> Any: ...  # noqa: N802 (Qt's name)


def _missing_note(report: Any) -> str:
    n = len(report.missing)
    if not n:
        return ""
    names = ", ".join(f"\u201c{m.original_name}\u201d" for m in report.missing[:5])
    more = f" and {n - 5} more" if n > 5 else ""
    return (f"\n\n{plural(n, 'exhibit')} ha{'ve' if n != 1 else 's'} no file in the "
            f"store ({names}{more}); this cannot repair that. A copy of the journal folder "
            "from before may still have the files.")


def question_text(report: Any) -> str:
    unused = report.unused
    n = len(unused)
    lines = [f"\u2022 {u.sha256[:2]}/{u.sha256[2:14]}\u2026  {human_size(u.size)}"
             for u in unused[:LISTED]]
    if n > LISTED:
        lines.append(f"\u2022 and {n - LISTED} more")
    listing = "\n".join(lines)
    return (f"{plural(n, 'file')} in the journal's attachment store "
            f"({human_size(report.unused_bytes)}) {'are' if n != 1 else 'is'} used by no "
            "exhibit, not even a removed one (left by an import or attach that was "
            f"interrupted):\n\n{listing}\n\nRemove {'them' if n != 1 else 'it'}? This cannot "
            "be undone; no exhibit of any case is touched." + _missing_note(report))


def remove_unused_files(window: _Window, parent: QWidget | None = None) -> int:
    """Ask, then remove the unused files; returns how many were removed."""
    service = window.service
    try:
        report = service.exhibit_files()
    except (ServiceError, OSError) as exc:
        QMessageBox.warning(parent, TITLE, f"The attachment store could not be read: {exc}")
        return 0
    if not report.unused:
        QMessageBox.information(parent, TITLE, "There are no unused exhibit files: every file "
                                "in the attachment store belongs to an exhibit."
                                + _missing_note(report))
        return 0
    answer = QMessageBox.question(parent, TITLE, question_text(report),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        window.statusBar().showMessage("No exhibit files were removed.", 8000)
        return 0
    try:
        result = service.remove_unused_exhibit_files(u.sha256 for u in report.unused)
    except (ServiceError, AttachmentError, OSError) as exc:
        QMessageBox.warning(parent, TITLE, f"The unused files could not all be removed: {exc}\n\n"
                            "No exhibit was touched.")
        return 0
    kept = f" ({result.kept} in use again, kept)" if result.kept else ""
    window.statusBar().showMessage(
        f"Removed {plural(result.count, 'unused exhibit file')} "
        f"({human_size(result.size)}){kept}.", 15000)
    return int(result.count)
