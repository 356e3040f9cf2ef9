"""Shared helpers for the benchmarks: timing, medians, child processes, machine facts.

Every benchmark compares against a baseline measured in the same run (this machine is shared
and noisy), reports medians of several runs and the ratio to the baseline, prints one JSON line
and returns the same dict. Nothing here asserts a timing.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
PYTHON = sys.executable

# Modules that must not be imported before the main window is shown (they are slow to import
# and only needed later: migrations, the case file, images, holiday tables).
HEAVY_MODULES = ("alembic", "reportlab", "PIL", "holidays", "pypdf", "icalendar")


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def ratio(value: float, base: float) -> float:
    return round(value / base, 3) if base > 0 else float("nan")


def ms(seconds: float) -> float:
    return round(seconds * 1000.0, 2)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def repeat(fn: Callable[[], Any], runs: int, warmup: int = 1) -> list[float]:
    """Seconds per call of ``fn`` over ``runs`` calls after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    return [timed(fn)[0] for _ in range(runs)]


def emit(result: dict[str, Any]) -> dict[str, Any]:
    """Print one JSON line for a benchmark's result and return it."""
    print(json.dumps(result, default=str), flush=True)
    return result


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child process: offscreen Qt, user data and settings in a temp folder."""
    env = dict(os.environ)
    sandbox = Path(tempfile.gettempdir()) / "hj-bench-home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_RUNTIME_DIR", "runtime")):
        path = sandbox / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        env[var] = str(path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("HEADWAY_JOURNAL_DIR", None)
    # Like an installed app, children use compiled bytecode: this environment sets
    # PYTHONDONTWRITEBYTECODE, which would make every start compile the app's own modules
    # (the floor has none to compile). The cache lives outside the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(sandbox / "pycache")
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), str(BENCH), env.get("PYTHONPATH", "")) if p
    )
    env.update(extra)
    return env


def run_json_child(args: Sequence[str], *, timeout: float = 300.0,
                   env: dict[str, str] | None = None) -> tuple[float, dict[str, Any]]:
    """Run a child that prints one JSON object as its last stdout line.

    Returns (monotonic time just before the child was started, the parsed object). The child
    reports ``time.monotonic()`` stamps, which are system-wide on Linux, so the parent can
    compute "from process start" durations.
    """
    t0 = time.monotonic()
    proc = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                          env=env or child_env(), cwd=REPO)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])}... failed ({proc.returncode}):\n"
                           f"{proc.stderr[-3000:]}")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise RuntimeError(f"no JSON from child:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return t0, json.loads(lines[-1])


def run_wall(args: Sequence[str], *, timeout: float = 300.0,
             env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall-clock seconds of a child process and its stdout (raises if it fails)."""
    t0 = time.perf_counter()
    proc = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                          env=env or child_env(), cwd=REPO)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return dt, proc.stdout


def rss_mb() -> dict[str, float]:
    """Resident set size of this process now and at its peak, in MiB (Linux /proc)."""
    out: dict[str, float] = {}
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return out
    for key, name in (("VmRSS", "rss_mb"), ("VmHWM", "peak_rss_mb")):
        m = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
        if m:
            out[name] = round(int(m.group(1)) / 1024.0, 1)
    return out


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, Any]:
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    try:
        mem = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        mem_gb = round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None
    except OSError:
        mem_gb = None
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu_model(),
        "memory_gb": mem_gb,
        "load_average": load,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": _version("PySide6-Essentials"),
        "sqlalchemy": _version("SQLAlchemy"),
        "sqlite": sqlite3.sqlite_version,
        "reportlab": _version("reportlab"),
        "pillow": _version("Pillow"),
        "git": _git_head(),
    }


def _git_head() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, cwd=REPO, timeout=10)
        return out.stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def skipped(name: str, reason: str) -> dict[str, Any]:
    return emit({"name": name, "skipped": reason})


def require_journal(folder: Path) -> Path:
    """``folder`` if it holds a journal; never let a benchmark create an empty one by mistake."""
    if not (Path(folder) / "journal.sqlite3").is_file():
        raise SystemExit(f"{folder} holds no journal (generate one with bench/generate.py)")
    return Path(folder)
