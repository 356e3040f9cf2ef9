"""Peak memory of importing a very large JSON file (issue: 1,000,000 contacts took 4.5 GB).

Writes an import file of ``--contacts`` contacts (about 127 bytes each, like the file of the
report: 1,000,000 contacts make about 127 MB) spread over ``--cases`` cases (default 1: the
hardest case, one case holding every contact), then imports it into a new journal in a child
process and reports the child's peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``), the
wall time and the file's size. Target: peak RSS under 1 GB for 1,000,000 contacts.

    python bench/bench_import_memory.py [--contacts N] [--cases N] [--keep DIR]

Not run by the test suite (it takes minutes at full size); tests/journal/test_import_stream.py
checks on a small file that the import reads contacts one at a time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[1]
NAME = "import_memory"
TARGET_MB = 1024.0
CHANNELS = ("phone", "chat", "email", "ticket")


def write_file(dest: Path, contacts: int, cases: int) -> int:
    """Write the import file (streamed: the generator itself stays small); its size."""
    start = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    per_case = -(-contacts // cases)
    with open(dest, "w", encoding="utf-8") as fh:
        fh.write('{"format": "headway-journal", "version": 1, "cases": [\n')
        written = 0
        for c in range(cases):
            n = min(per_case, contacts - written)
            if n <= 0:
                break
            if c:
                fh.write(",\n")
            _write_case(fh, c, n, written, start)
            written += n
        fh.write("\n]}\n")
    return dest.stat().st_size


def _write_case(fh: IO[str], index: int, n: int, first: int, start: datetime) -> None:
    head = {"key": f"case-{index:06d}", "title": f"Case {index} with many contacts",
            "organization": "headway", "issue_type": "billing", "role": "client",
            "opened_on": "2025-01-06"}
    fh.write(json.dumps(head)[:-1] + ', "contacts": [\n')
    for i in range(n):
        when = start + timedelta(seconds=(first + i) * 29)
        contact = {"key": f"k{first + i:07d}",
                   "started_at": when.isoformat(timespec="seconds"),
                   "channel": CHANNELS[i % len(CHANNELS)],
                   "summary": f"Asked about the refund, call {i}."}
        fh.write(("" if i == 0 else ",\n") + json.dumps(contact))
    fh.write("\n]}")


def child(source: Path, journal: Path) -> int:
    """Import ``source`` into a new journal at ``journal``; print one JSON line."""
    sys.path.insert(0, str(REPO))
    from headway_journal.journal.interchange import import_journal
    from headway_journal.journal.service import JournalService

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    svc = JournalService.open(journal)
    try:
        t0 = time.perf_counter()
        summary = import_journal(svc, source)
        seconds = time.perf_counter() - t0
        stats = svc.stats()
    finally:
        svc.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": round(seconds, 1), "peak_rss_mb": round(peak, 1),
                      "rss_before_import_mb": round(rss_before, 1), "cases": stats["cases"],
                      "contacts": stats["contacts"], "summary": summary.describe()}),
          flush=True)
    return 0


def run(contacts: int, cases: int, keep: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="hj-import-memory-") as tmp:
        root = keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        source = root / "large.json"
        size = write_file(source, contacts, cases)
        proc = subprocess.run([sys.executable, __file__, "--child", str(source),
                               str(root / "journal")], capture_output=True, text=True,
                              check=False)
        if proc.returncode != 0:
            raise SystemExit(f"the import failed:\n{proc.stderr[-3000:]}")
        out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result = {"name": NAME, "file_mb": round(size / 1e6, 1), "contacts_in_file": contacts,
              "cases_in_file": cases, **out, "target_peak_rss_mb": TARGET_MB,
              "ok": out["peak_rss_mb"] < TARGET_MB}
    print(json.dumps(result), flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--contacts", type=int, default=1_000_000)
    p.add_argument("--cases", type=int, default=1)
    p.add_argument("--keep", type=Path, help="write the file and journal here (kept)")
    p.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return child(*args.child)
    run(args.contacts, args.cases, args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
