"""The same journal on SQLite and on PostgreSQL (this machine, a private server on a Unix
socket): search, the case list and opening, side by side.

The generated journal (``generate.cached_journal``) is copied into the server with ``copy-to``
(export + import, proven by identical exports), then each measure runs on both stores in the
same run: the median over ~16 search queries of each query's median, the case list's calls for
each view (count + ordered ids + the first page of summaries, as the window's model makes
them), and opening the journal (``JournalService.open`` + the view counts, what the window does
before its first paint). Issue 20's aims: search and case list within 2x of SQLite, opening
within 1.3x. Report only (no timing fails anything).

    python bench/bench_shared.py [--cases N --contacts N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import median, ms, repeat

from headway_journal.journal.records import CaseFilter
from headway_journal.journal.service import JournalService

QUERIES = ("refund", "reimbursement", "claim denied", "supervisor", "chargeback", "Priya",
           "Raman", "Núñez", "Nunez", "Priya Raman", "reimb", "cred", "telehealth link", "HW-",
           "password reset", "zzqx nothing")
VIEWS = ("active", "due", "waiting", "escalated", "resolved", "all")
PAGE = 100


def _search_ms(svc: JournalService, runs: int) -> float:
    return ms(median([median(repeat(lambda q=q: svc.search(q), runs)) for q in QUERIES]))


def _list_ms(svc: JournalService, runs: int) -> float:
    def one(view: str) -> Callable[[], Any]:
        def go() -> None:
            flt = CaseFilter(view=view)
            svc.count_cases(flt)
            ids = svc.case_ids(flt)
            svc.case_summaries(ids[:PAGE])
        return go

    return ms(median([median(repeat(one(v), runs)) for v in VIEWS]))


def _open_ms(location: str | Path, runs: int) -> float:
    def go() -> None:
        with JournalService.open(location, read_only=True) as svc:
            svc.view_counts()

    return ms(median(repeat(go, runs)))


def measure(location: str | Path, runs: int) -> dict[str, float]:
    opened = _open_ms(location, runs)  # (a folder journal is open once at a time)
    with JournalService.open(location, read_only=True) as svc:
        return {"search_ms": _search_ms(svc, runs), "case_list_ms": _list_ms(svc, runs),
                "open_ms": opened}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import generate
    from pg_server import PgServer, find_bin_dir

    from headway_journal.journal.shared.copy import copy_journal

    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("the PostgreSQL server is not installed", file=sys.stderr)
        return 2
    # a cache of its own: the copy upgrades the journal it reads to this version's schema
    folder = generate.cached_journal(args.cases, args.contacts, args.images,
                                     root=Path(generate.CACHE_ROOT).with_name("hj-bench-shared"))
    server = PgServer(bin_dir)
    server.start()
    try:
        server.admin("CREATE DATABASE bench")
        url = server.url("bench")
        t0 = time.perf_counter()
        copy_journal(folder, url)
        copied = time.perf_counter() - t0
        sqlite = measure(folder, args.runs)
        pg = measure(url, args.runs)
    finally:
        server.stop()
    out = {"contacts": args.contacts, "copy_to_server_s": round(copied, 1),
           "sqlite": {k: round(v, 1) for k, v in sqlite.items()},
           "postgresql": {k: round(v, 1) for k, v in pg.items()},
           "ratio": {k: round(pg[k] / sqlite[k], 2) if sqlite[k] else None for k in sqlite}}
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
