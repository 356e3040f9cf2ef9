"""HEADWAY_JOURNAL_SMOKE_EXIT_MS: the start-up check used on bundles (packaging/check_bundle.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path


def test_smoke_exit_reports_the_shown_window_and_quits(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HEADWAY_JOURNAL_SMOKE_EXIT_MS="0",
               HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("HEADWAY_JOURNAL_DIR", None)
    before = time.time()
    out = subprocess.run([sys.executable, "-m", "headway_journal", "--journal",
                          str(tmp_path / "journal")], capture_output=True, text=True,
                         timeout=120, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = [line for line in out.stdout.splitlines() if line.startswith("window ")]
    assert len(lines) == 1, out.stdout
    match = re.fullmatch(r"window shown: (.+) at (\d+\.\d{3})", lines[0])
    assert match is not None, lines[0]
    assert match.group(1) == "Headway Journal — journal"
    assert before <= float(match.group(2)) <= time.time()
    assert (tmp_path / "journal" / "journal.sqlite3").is_file()

