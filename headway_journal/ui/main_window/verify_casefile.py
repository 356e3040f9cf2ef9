"""File > Verify a case file…: check a case file (PDF) or an export (JSON) — its signature and
digest, and its entries against the open journal's hash chain — and say what was found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ...journal.safe_echo import window_text
from ..casefile.build import documents_folder

__all__ = ["check_file", "verify_case_file"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("VerifyCaseFile", text)


def check_file(path: Path, service: Any) -> tuple[bool, str]:
    """``(ok, report)`` for the file at ``path``, compared with ``service``'s journal."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return False, _tr("{name} cannot be read: "
                                                                        "{reason}").format(
            name=path.name, reason=exc.strerror or type(exc).__name__)
    if data.startswith(b"%PDF-"):
        from ...casefile.signing.verify import verify_casefile

        result: Any = verify_casefile(data, service)
    elif data.lstrip()[:1] in (b"{", b"["):
        from ...journal.interchange.chain_seal import verify_export

        result = verify_export(data, service)
    else:
        return False, _tr("{name} is neither a case "
                                                                        "file (PDF) nor an export "
                                                                        "(JSON).").format(
            name=path.name)
    lines = [result.summary() + ".", *result.lines, *result.problems]
    return bool(result.ok), "\n\n".join(window_text(line) for line in lines)


def verify_case_file(window: QWidget, service: Any) -> None:
    """Ask for a file, check it, and show the result."""
    name, _ = QFileDialog.getOpenFileName(
        window, _tr("Verify a case file"), str(documents_folder()),
        _tr("Case files and exports (*.pdf "
                                                          "*.json);;All files (*)"))
    if not name:
        return
    path = Path(name)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        ok, report = check_file(path, service)
    finally:
        QApplication.restoreOverrideCursor()
    title = _tr("Verify a case file")
    text = f"{path.name}\n\n{report}"
    if ok:
        QMessageBox.information(window, title, text)
    else:
        QMessageBox.warning(window, title, text)
