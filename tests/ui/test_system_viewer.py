"""Every "open in the system viewer" of the window goes through ``platform.open_in_viewer``:
the commands of Windows, macOS and Linux are checked here by substituting the platform layer
(the running system, ``os.startfile`` and the process launcher), driving the real buttons."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path
from typing import Any

import pytest

from headway_journal import platform
from headway_journal.ui.casefile.print_preview import PdfPreviewDialog

UI = Path(__file__).resolve().parents[2] / "headway_journal" / "ui"


def one_page_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "one page")
    c.save()
    return path


class Launcher:
    """Stands for subprocess.Popen and os.startfile: records what would have started."""

    def __init__(self) -> None:
        self.commands: list[list[str]] = []
        self.started: list[str] = []

    def popen(self, command: list[str], **_kwargs: Any) -> object:
        self.commands.append(command)
        return object()

    def startfile(self, path: str) -> None:
        self.started.append(path)


@pytest.fixture
def launcher(monkeypatch: pytest.MonkeyPatch) -> Launcher:
    fake = Launcher()
    monkeypatch.setattr(subprocess, "Popen", fake.popen)
    monkeypatch.setattr(platform.os, "startfile", fake.startfile, raising=False)
    return fake


@pytest.mark.parametrize("system", list(platform.System))
def test_the_preview_opens_the_case_file_with_the_system_s_own_command(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, launcher: Launcher,
        system: platform.System) -> None:
    monkeypatch.setattr(platform, "current_system", lambda *_a: system)
    pdf = one_page_pdf(tmp_path / "case file – José.pdf")
    preview = PdfPreviewDialog(pdf)
    qtbot.addWidget(preview)
    preview.show()
    preview.viewer_button.click()
    expected = {platform.System.LINUX: (["xdg-open", str(pdf)], []),
                platform.System.MACOS: (["open", "--", str(pdf)], []),
                platform.System.WINDOWS: (None, [str(pdf)])}[system]
    command, started = expected
    assert launcher.commands == ([command] if command else [])
    assert launcher.started == started


def test_no_viewer_is_one_plain_message(qtbot: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    def missing(command: list[str], **_kwargs: Any) -> object:
        raise FileNotFoundError(2, "No such file or directory", command[0])

    said: list[str] = []
    monkeypatch.setattr(subprocess, "Popen", missing)
    monkeypatch.setattr(platform, "current_system", lambda *_a: platform.System.LINUX)
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: said.append(text)))
    preview = PdfPreviewDialog(one_page_pdf(tmp_path / "c.pdf"))
    qtbot.addWidget(preview)
    preview.viewer_button.click()
    assert len(said) == 1 and said[0].startswith("No application on this computer opens PDF")


def test_no_window_code_opens_files_behind_the_platform_layer_s_back() -> None:
    """QDesktopServices.openUrl (and os.startfile, xdg-open) belong to platform.py."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = (node.attr if isinstance(node, ast.Attribute) else
                    node.id if isinstance(node, ast.Name) else None)
            if name in {"QDesktopServices", "startfile"}:
                offenders.append(f"{path.relative_to(UI)}:{node.lineno}")
            if isinstance(node, ast.Constant) and node.value == "xdg-open":
                offenders.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert offenders == []
