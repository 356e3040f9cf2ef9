"""The same journal on SQLite and on PostgreSQL (this machine, a private server on a Unix
socket): search, the case list and opening, side by side.

The generated journal (``generate.cached_journal``) is copied into the server with ``copy-to``
(export + import, proven by identical exports), then each measure runs on both stores in the
same run: the median over ~16 search queries of each query's median, the case list's calls for
each view (count + ordered ids + the first page of summaries, as the window's model makes
them), and start-up in two ways: in this process (``JournalService.open`` as the window opens
it, the view counts and the first page of the first view: what the window reads before its
first paint) and as the user sees it (fresh processes through the real window,
``bench_startup``'s child: from process start to the window shown with its first page, folder
and server interleaved). Issue 20's aims: search and case list within 2x of SQLite, start-up
within 1.3x. Report only (no timing fails anything).

    python bench/bench_shared.py [--cases N --contacts N --images N] [--runs N]
        [--window-runs N] [--database URL]   # URL: a database already holding the copy
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
NAME = "shared"
# Issue 20: PostgreSQL against SQLite, same journal, same run.
TARGETS = {"search_ms": 2.0, "case_list_ms": 2.0, "startup_ms": 1.3, "window_start_ms": 1.3}
FIRST_VIEW = "active"  # the window's first view
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


def _startup_ms(location: str | Path, runs: int) -> float:
    def go() -> None:
        with JournalService.open(location) as svc:  # writable, as the window opens it
            svc.view_counts()
            flt = CaseFilter(view=FIRST_VIEW)
            svc.case_summaries(svc.case_ids(flt)[:PAGE])

    return ms(median(repeat(go, runs)))


def measure(location: str | Path, runs: int) -> dict[str, float]:
    started = _startup_ms(location, runs)  # (a folder journal is open once at a time)
    # opened as the window opens it: on a server its reads run without a transaction, while a
    # journal opened read-only (the commands that only read) wraps each in BEGIN READ ONLY
    with JournalService.open(location) as svc:
        return {"search_ms": _search_ms(svc, runs), "case_list_ms": _list_ms(svc, runs),
                "startup_ms": started}


def window_ms(folder: Path, url: str, runs: int) -> dict[str, list[float]]:
    """Fresh processes through the real window (``bench_startup``), folder and server in turn,
    after one untimed start of each (bytecode and file caches warm)."""
    import bench_startup

    out: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    targets = (("sqlite", "app", folder), ("postgresql", "shared", url))
    for _name, kind, target in targets:
        bench_startup.measure(kind, target)
    for _ in range(runs):
        for name, kind, target in targets:
            out[name].append(ms(bench_startup.measure(kind, target)["seconds"]))
    return out


def compare(folder: Path, url: str, runs: int, rounds: int, window_runs: int) -> dict[str, Any]:
    """Both stores measured in turn ``rounds`` times (the machine is shared: interleaved, each
    figure the median of its rounds), then the window's start-up."""
    seen: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgresql": []}
    for _ in range(rounds):
        seen["sqlite"].append(measure(folder, runs))
        seen["postgresql"].append(measure(url, runs))
    med = {store: {k: median([r[k] for r in rs]) for k in rs[0]} for store, rs in seen.items()}
    if window_runs:
        windows = window_ms(folder, url, window_runs)
        for store, values in windows.items():
            med[store]["window_start_ms"] = median(values)
        med["all_window_ms"] = windows  # type: ignore[assignment]
    return med


def copy_and_compare(folder: Path, database: str | None, runs: int, rounds: int,
                     window_runs: int) -> dict[str, Any]:
    """The journal in ``folder`` copied into a private server (or the copy already in
    ``database``), then both stores compared; the figures and their ratios."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pg_server import PgServer, find_bin_dir

    from headway_journal.journal.shared.copy import copy_journal

    server, copied, url = None, None, database
    if url is None:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise FileNotFoundError("the PostgreSQL server is not installed")
        server = PgServer(bin_dir)
        server.start()
    try:
        if server is not None:
            server.admin("CREATE DATABASE bench")
            url = server.url("bench")
            t0 = time.perf_counter()
            copy_journal(folder, url)
            copied = round(time.perf_counter() - t0, 1)
        assert url is not None
        med = compare(folder, url, runs, rounds, window_runs)
    finally:
        if server is not None:
            server.stop()
    windows = med.pop("all_window_ms", None)
    sqlite, pg = med["sqlite"], med["postgresql"]
    return {"copy_to_server_s": copied,
            "sqlite": {k: round(v, 1) for k, v in sqlite.items()},
            "postgresql": {k: round(v, 1) for k, v in pg.items()},
            "ratio": {k: round(pg[k] / sqlite[k], 2) if sqlite[k] else None for k in sqlite},
            "all_window_ms": windows}


def run(folder: Path, runs: int, rounds: int = 3, window_runs: int = 5) -> dict[str, Any]:
    """``make bench``'s job (run_all.py): the generated journal on both stores, same run."""
    from common import emit

    try:
        out = copy_and_compare(folder, None, runs, rounds, window_runs)
    except FileNotFoundError as exc:
        return emit({"name": NAME, "skipped": str(exc)})
    ratio = out["ratio"]
    ok = all(ratio.get(k) is not None and ratio[k] <= limit for k, limit in TARGETS.items())
    return emit({"name": NAME, **out, "targets": {k: f"<= {v}x" for k, v in TARGETS.items()},
                 "ok": ok})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--window-runs", type=int, default=5)
    parser.add_argument("--database", metavar="URL",
                        help="a database already holding the copy of the same journal")
    args = parser.parse_args()
    import generate

    # a cache of its own: the copy upgrades the journal it reads to this version's schema
    folder = generate.cached_journal(args.cases, args.contacts, args.images,
                                     root=Path(generate.CACHE_ROOT).with_name("hj-bench-shared"))
    try:
        out = copy_and_compare(folder, args.database, args.runs, args.rounds, args.window_runs)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps({"contacts": args.contacts, **out}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
