"""Import of a large journal from JSON (``headway_journal.journal.interchange``).

The large generated journal is exported once (JSON plus its exhibit files; cached beside the
journal), then imported into a fresh, empty journal in a child process, ``runs`` times. Each
child reports the import's wall time and its peak RSS. For scale, the same run measures how
long ``json.loads`` of the file alone takes. Target: < 60 s for 100,000 contacts.

    python bench/bench_import.py [--journal DIR] [--runs N]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NAME = "import"
TARGET_S = 60.0


def child_import(source: Path, dest: Path) -> int:
    """Import ``source`` into a new journal at ``dest`` and print one JSON line."""
    from common import rss_mb

    from headway_journal.journal.interchange import import_journal
    from headway_journal.journal.service import JournalService

    svc = JournalService.open(dest)
    try:
        t0 = time.perf_counter()
        summary = import_journal(svc, source)
        seconds = time.perf_counter() - t0
        stats = svc.stats()
    finally:
        svc.close()
    print(json.dumps({"seconds": seconds, **stats, "summary": summary.describe(), **rss_mb()}),
          flush=True)
    return 0


def exported(journal: Path) -> tuple[Path, float | None]:
    """The journal's JSON export (made once, cached beside the journal) and its export time."""
    from headway_journal.journal.interchange import export_journal
    from headway_journal.journal.service import JournalService

    out_dir = journal.with_name(journal.name + "-export")
    target = out_dir / "journal.json"
    if target.is_file():
        return target, None
    tmp = journal.with_name(journal.name + f"-export.partial-{time.time_ns()}")
    tmp.mkdir(parents=True)
    svc = JournalService.open(journal)
    try:
        t0 = time.perf_counter()
        export_journal(svc, tmp / "journal.json")
        seconds = time.perf_counter() - t0
    finally:
        svc.close()
    tmp.rename(out_dir)
    return target, seconds


def run(journal: Path, runs: int = 1) -> dict[str, Any]:
    from common import PYTHON, emit, median, ms, run_json_child

    try:
        import headway_journal.journal.interchange  # noqa: F401
    except ImportError:
        from common import skipped

        return skipped(NAME, "headway_journal.journal.interchange does not exist yet")
    source, export_s = exported(journal)
    t0 = time.perf_counter()
    doc = json.loads(source.read_text(encoding="utf-8"))
    json_s = time.perf_counter() - t0
    n_contacts = sum(len(c.get("contacts", [])) for c in doc.get("cases", []))
    del doc
    samples: list[float] = []
    peaks: list[float] = []
    last: dict[str, Any] = {}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="hj-bench-import-") as tmp:
            _t, last = run_json_child([PYTHON, str(Path(__file__)), "--child", str(source),
                                       str(Path(tmp) / "journal")], timeout=3600)
        samples.append(float(last["seconds"]))
        peaks.append(float(last.get("peak_rss_mb", 0.0)))
    seconds = median(samples)
    result = {
        "name": NAME, "runs": runs, "contacts_in_file": n_contacts,
        "file_mb": round(source.stat().st_size / 1e6, 1),
        "import_s": round(seconds, 2), "all_s": [round(x, 2) for x in samples],
        "contacts_per_s": round(n_contacts / seconds) if seconds else None,
        "peak_rss_mb": max(peaks) if peaks else None,
        "json_loads_ms": ms(json_s), "import_vs_json_loads": round(seconds / json_s, 1),
        "export_s": round(export_s, 2) if export_s is not None else "cached",
        "imported": {k: last.get(k) for k in ("cases", "contacts")},
        "targets": {"import_s": f"< {TARGET_S:g} for 100,000 contacts"},
        "ok": seconds < TARGET_S * n_contacts / 100_000,  # prorated: 60 s per 100,000
    }
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_import(Path(argv[1]), Path(argv[2]))
    import argparse

    ap = argparse.ArgumentParser(description="JSON import benchmark")
    ap.add_argument("--journal", type=Path)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args(argv)
    from generate import cached_journal

    run(args.journal or cached_journal(), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
