"""Quitting after preview and print never crashes (issue: "Fatal Python error: bool_dealloc").

The app runs in a subprocess (tests/ui/quit_after_print.py drives ``run_gui``), so a crash on
the way out is seen as the exit code, with faulthandler's stacks in stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

DRIVER = Path(__file__).with_name("quit_after_print.py")
ROOT = Path(__file__).resolve().parents[2]


def test_preview_print_close_and_quit_exits_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "printed"
    out.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), TMPDIR=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    env.pop("HEADWAY_JOURNAL_DIR", None)
    run = subprocess.run([sys.executable, "-X", "faulthandler", str(DRIVER),
                          str(tmp_path / "journal"), str(out)],
                         capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert "Fatal Python error" not in report and "Traceback" not in report, report
    assert "printed ['printed-1.pdf', 'printed-2.pdf', 'printed-3.pdf']" in run.stdout, report
    # nothing was left for the interpreter's shutdown to delete
    assert "left after quit: []" in run.stdout, report
    # the case file dialog printed to a file: its text can be selected
    text = " ".join(p.extract_text() or "" for p in PdfReader(out / "printed-1.pdf").pages)
    assert "Double charge for the Nov 12 session" in text
