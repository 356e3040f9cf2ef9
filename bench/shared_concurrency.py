"""Many writers on one shared journal (PostgreSQL): no lost update, every conflict reported.

    python bench/shared_concurrency.py                 # 8 writers for 60 s on a private server
    python bench/shared_concurrency.py --seconds 10 --writers 4

Each writer is a JournalService of its own (one person's window) on the same database. They all
edit the same few cases: read the case (``case_input``, its version), append a token of their
own to its outcome, save. A save refused with ConflictError is counted and tried again from a
fresh read, as a person would after the conflict dialog. At the end every accepted token must
be in its case's text exactly once (no lost update), no refused token may be there, the version
must count the saves, and the history must hold one update per accepted save.
tests/journal/test_shared_journal.py runs the same with a few saves each.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from headway_journal.journal.records import CaseInput, ConflictError
from headway_journal.journal.service import JournalService


@dataclass
class Result:
    saved: int = 0
    conflicts: int = 0
    final_version: int = 0
    history_updates: int = 0
    lost: list[str] = field(default_factory=list)  # accepted tokens missing from the text
    errors: list[str] = field(default_factory=list)  # anything other than a conflict
    seconds: float = 0.0


def _case(svc: JournalService, title: str) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title=title, organization_id=org.id, issue_type="billing",
                                     role="client", desired_outcome="log:"))


def _writer(url: str, n: int, cases: list[int], stop: threading.Event, saves_each: int | None,
            accepted: list[tuple[int, str]], result: Result, lock: threading.Lock) -> None:
    done = 0
    try:
        with JournalService.open(url, seed=False) as svc:
            i = 0
            while not stop.is_set() and (saves_each is None or done < saves_each):
                cid = cases[(n + i) % len(cases)]
                data = svc.case_input(cid)
                token = f"w{n}.{i}"
                data.desired_outcome += f" {token}"
                i += 1
                try:
                    svc.update_case(cid, data)
                except ConflictError:
                    with lock:
                        result.conflicts += 1
                    continue
                done += 1
                with lock:
                    accepted.append((cid, token))
                    result.saved += 1
    except Exception as exc:  # noqa: BLE001 - reported, never hidden
        with lock:
            result.errors.append(f"writer {n}: {type(exc).__name__}: {exc}")


def run_writers(url: str, *, writers: int = 8, saves_each: int | None = None,
                seconds: float = 60.0, cases: int = 1) -> Result:
    """Run ``writers`` writers until each saved ``saves_each`` times (or for ``seconds``)."""
    with JournalService.open(url) as svc:
        ids = [_case(svc, f"Shared case {i}") for i in range(cases)]
    result, lock, stop = Result(), threading.Lock(), threading.Event()
    accepted: list[tuple[int, str]] = []
    threads = [threading.Thread(target=_writer, args=(url, n, ids, stop, saves_each, accepted,
                                                      result, lock)) for n in range(writers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    if saves_each is None:
        stop.wait(seconds)
        stop.set()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - start
    with JournalService.open(url, read_only=True) as svc:
        for cid in ids:
            case = svc.get_case(cid)
            words = case.desired_outcome.split()
            mine = [tok for c, tok in accepted if c == cid]
            result.lost += [tok for tok in mine if words.count(tok) != 1]
            if len(words) - 1 != len(mine):
                result.lost.append(f"case {cid}: {len(words) - 1} tokens for {len(mine)} saves")
            result.final_version += case.version
            result.history_updates += sum(1 for h in svc.history(cid) if h.action == "update")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a database to use (default: a private server)")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--cases", type=int, default=2)
    args = parser.parse_args()
    server = None
    url = args.url
    if url is None:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from pg_server import PgServer, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            print("the PostgreSQL server is not installed", file=sys.stderr)
            return 2
        server = PgServer(bin_dir)
        server.start()
        server.admin("CREATE DATABASE bench_shared")
        url = server.url("bench_shared")
    try:
        r = run_writers(url, writers=args.writers, seconds=args.seconds, cases=args.cases)
    finally:
        if server is not None:
            server.stop()
    print(json.dumps({"writers": args.writers, "seconds": round(r.seconds, 1),
                      "saves": r.saved, "conflicts": r.conflicts,
                      "saves_per_second": round(r.saved / r.seconds, 1) if r.seconds else 0,
                      "lost": r.lost[:5], "errors": r.errors[:5]}))
    return 0 if not r.lost and not r.errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
