"""Bigger text holds: at QT_SCALE_FACTOR 1.5 and 2, and with the system font doubled, no text
is cut off, nothing lies outside its window or its scrolled page, nothing overlaps.

Each size runs in a subprocess (``layout_check.py``: the main window on every tab of a client
and a clinician case, and every dialog) on a 1920x1080 offscreen screen, as a desktop with that
scale factor or font setting would start the app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from layout_check import problems
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

DRIVER = Path(__file__).with_name("layout_check.py")
ROOT = Path(__file__).resolve().parents[2]


def run_driver(tmp_path: Path, scale: str, font: str | None = None) -> str:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1920,
                                               "height": 1080, "logicalDpi": 96}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=scale, HOME=str(tmp_path / "home"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), TMPDIR=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("HEADWAY_JOURNAL_DIR", None)
    run = subprocess.run([sys.executable, str(DRIVER), str(tmp_path), *([font] if font else [])],
                         capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    return run.stdout


@pytest.mark.slow
@pytest.mark.parametrize(("scale", "font"), [("1.5", None), ("2", None), ("1", "2"),
                                             ("1.5", "1.5")])
def test_nothing_is_cut_off_or_outside_at_bigger_sizes(
        tmp_path: Path, scale: str, font: str | None) -> None:
    out = run_driver(tmp_path, scale, font)
    logical = (0, 0, round(1920 / float(scale)), round(1080 / float(scale)))
    assert f"screen {logical} {float(scale)}" in out, out
    assert "checked 24 windows" in out, out
    found = [line for line in out.splitlines() if line.startswith("PROBLEM")]
    assert found == [], "\n".join(found)
    if font:  # the app's text follows the system font (nothing is set in pixels)
        sizes = dict(line.split(" ", 2)[1:] for line in out.splitlines()
                     if line.startswith("font "))
        assert float(sizes["title"]) / float(sizes["system"]) >= 1.4, sizes
        assert float(sizes["system"]) == pytest.approx(float(sizes["default"]) * float(font))


def test_the_check_finds_cut_off_text_overlaps_and_strays(qtbot: Any) -> None:
    """The check above can fail: each fault it looks for is found."""
    window = QWidget()
    lay = QVBoxLayout(window)
    squeezed = QLabel("A label far too long for its width")
    squeezed.setFixedWidth(40)
    button = QPushButton("Save and continue")
    button.setFixedWidth(30)
    box = QCheckBox("Include a cover letter")
    box.setFixedWidth(30)
    wrapped = QLabel("word " * 40)
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    fine = QLabel("Fine")
    row = QHBoxLayout()
    for w in (squeezed, button, box, wrapped, fine):
        row.addWidget(w)
    lay.addLayout(row)
    stray = QLabel("Stray", window)
    qtbot.addWidget(window)
    window.resize(700, 200)
    window.show()
    qtbot.waitExposed(window)
    stray.move(690, 10)
    stray.show()
    found = problems(window)
    text = "\n".join(found)
    for what in ("A label far too", "Save and continue", "Include a cover", "word word"):
        assert any(what in p and p.startswith("text cut off") for p in found), text
    assert not any("'Fine'" in p for p in found), text
    assert any(p.startswith("outside QWidget") and "QLabel" in p for p in found), text
    grid = QGridLayout()
    grid.addWidget(QLabel("Under"), 0, 0)
    grid.addWidget(QLabel("Over"), 0, 0)  # two widgets in one cell: on top of each other
    lay.addLayout(grid)
    again = problems(window)
    assert any(p.startswith("overlap") for p in again), "\n".join(again)
