"""Memory at rest: RSS of the app with the large journal open and idle, vs the bare window floor.

Uses bench_startup's children: each shows its window, then idles ``idle`` seconds (the app's
after-show work, the first case shown and the first overdue check included), collects garbage
and reports VmRSS. Floor: the same bare PySide6 window + SQLAlchemy ORM query as the start-up
floor. Median of ``runs`` fresh processes each. Target: app <= floor + 80 MB.

    python bench/bench_memory.py [--journal DIR --small DIR] [--runs N] [--idle SECONDS]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bench_startup import measure
from common import emit, median

NAME = "memory"
TARGET_EXTRA_MB = 80.0


def run(journal: Path, small: Path, runs: int = 3, idle: float = 3.0) -> dict[str, Any]:
    samples: dict[str, list[float]] = {"floor": [], "small": [], "large": []}
    peaks: dict[str, list[float]] = {"floor": [], "small": [], "large": []}
    heavy: set[str] = set()
    measure("app", small)  # untimed: bytecode and file caches warm
    for _ in range(runs):
        for label, kind, target in (("floor", "floor", journal / "journal.sqlite3"),
                                    ("small", "app", small), ("large", "app", journal)):
            out = measure(kind, target, idle=idle)
            samples[label].append(float(out.get("idle_rss_mb", 0.0)))
            peaks[label].append(float(out.get("idle_peak_rss_mb", 0.0)))
            if label == "large":
                heavy |= set(out.get("heavy_after_idle", []))
    med = {k: round(median(v), 1) for k, v in samples.items()}
    extra = round(med["large"] - med["floor"], 1)
    result = {
        "name": NAME, "runs": runs, "idle_s": idle,
        "floor_rss_mb": med["floor"], "small_rss_mb": med["small"], "large_rss_mb": med["large"],
        "large_minus_floor_mb": extra, "small_minus_floor_mb": round(med["small"] - med["floor"], 1),
        "large_minus_small_mb": round(med["large"] - med["small"], 1),
        "peak_rss_mb": {k: round(median(v), 1) for k, v in peaks.items()},
        "all_mb": samples, "modules_loaded_while_idle": sorted(heavy),
        "targets": {"large_minus_floor_mb": f"<= {TARGET_EXTRA_MB:g}"},
        "ok": extra <= TARGET_EXTRA_MB,
    }
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="memory at rest benchmark")
    ap.add_argument("--journal", type=Path)
    ap.add_argument("--small", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--idle", type=float, default=3.0)
    args = ap.parse_args(argv)
    from generate import cached_journal, small_journal

    run(args.journal or cached_journal(), args.small or small_journal(), args.runs, args.idle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
