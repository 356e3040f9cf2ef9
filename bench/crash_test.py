"""Crash test: kill a journal writer with SIGKILL at random moments and prove nothing it reported
as saved was lost or half-written.

Each run starts bench/crash_writer.py on the same journal, waits until it says "ready" (about one
run in ten is instead killed counting from the process start, so some kills land while the journal
is being opened), sleeps a random 0.05 to 0.6 s, and kills it with SIGKILL. Then the journal is
opened again, and:

* every contact the writer reported ("saved KEY"), in this run and every earlier one, is there
  with both of its tickets and its promise (with its computed due date);
* no contact at all is half-written (every contact has exactly 2 tickets and 1 promise);
* every reported attachment has its row and a stored file whose SHA-256 matches;
* ``JournalService.check(unused=False)`` is empty (quick_check, foreign keys, files; an orphan
  file, which a kill between storing a file and writing its row may leave, is not a failure).

The figures go to stdout and, unless --no-doc, into docs/reliability.md between the markers.

Usage: python bench/crash_test.py [--runs 200] [--seed N] [--folder DIR] [--no-doc]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRITER = HERE / "crash_writer.py"
DOC = HERE.parent / "docs" / "reliability.md"
BEGIN = "<!-- crash-test:begin -->"
END = "<!-- crash-test:end -->"


@dataclass
class Figures:
    runs: int = 0
    kills: int = 0
    kills_during_open: int = 0
    writer_exits: int = 0  # the writer ended on its own (a failure unless it was killed)
    contacts_reported: int = 0
    contacts_present: int = 0
    unreported_present: int = 0  # committed, killed before it could say so: fine
    attachments_reported: int = 0
    failures: int = 0
    duration_s: float = 0.0
    seed: int = 0
    problems: list[str] = field(default_factory=list)


class _Reader(threading.Thread):
    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        super().__init__(daemon=True)
        self.proc = proc
        self.lines: list[str] = []
        self.ready = threading.Event()

    def run(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if not raw.endswith(b"\n"):
                break  # a line cut short by the kill says nothing
            line = raw.decode().rstrip("\n")
            self.lines.append(line)
            if line == "ready":
                self.ready.set()


def _verify(folder: Path, saved: set[str], attached: dict[str, tuple[str, int]]) -> tuple[list[str], int]:
    """Problems found, and how many contacts the journal holds."""
    from sqlalchemy import text

    from headway_journal.journal.service import JournalService

    problems: list[str] = []
    svc = JournalService.open(folder, seed=False)
    try:
        with svc.journal.sessions() as s:
            rows = s.execute(text(
                """SELECT c.key,
                          (SELECT group_concat(number, ' ') FROM
                             (SELECT number FROM tickets t WHERE t.contact_id = c.id ORDER BY position)),
                          (SELECT count(*) FROM promises p WHERE p.contact_id = c.id),
                          (SELECT group_concat(text || '|' || business_days || '|' ||
                                               coalesce(due_date, 'NONE'), ';')
                             FROM promises p WHERE p.contact_id = c.id)
                   FROM contacts c JOIN cases k ON k.id = c.case_id
                   WHERE k.key = 'crash-case'""")).all()
            present = {r[0]: r for r in rows}
            atts = {(r[0], r[1]) for r in s.execute(text(
                "SELECT c.key, a.sha256 FROM attachments a JOIN contacts c ON c.id = a.contact_id"))}
        for key in sorted(saved):
            row = present.get(key)
            if row is None:
                problems.append(f"contact {key} was reported saved but is missing")
                continue
            if row[1] != f"T-{key}-a T-{key}-b":
                problems.append(f"contact {key} has tickets {row[1]!r}")
            if row[2] != 1 or not str(row[3]).startswith(f"promise {key}|3|") or "NONE" in str(row[3]):
                problems.append(f"contact {key} has promises {row[3]!r}")
        for key, row in present.items():
            if row[1] is None or len(str(row[1]).split()) != 2 or row[2] != 1:
                problems.append(f"contact {key} is half-written: tickets {row[1]!r}, {row[2]} promises")
        for key, (sha, size) in sorted(attached.items()):
            if (key, sha) not in atts:
                problems.append(f"attachment of {key} was reported saved but has no row")
            verdict = svc.store.verify(sha, size)
            if verdict:
                problems.append(f"attachment of {key}: {verdict}")
        problems += [f"check: {p}" for p in svc.check(unused=False)]
        return problems, len(present)
    finally:
        svc.close()


def run(runs: int, folder: Path, seed: int, min_delay: float = 0.05, max_delay: float = 0.6,
        early_share: float = 0.1, log: bool = True) -> Figures:
    rng = random.Random(seed)
    figures = Figures(seed=seed)
    saved_all: set[str] = set()
    attached_all: dict[str, tuple[str, int]] = {}
    t0 = time.monotonic()
    for n in range(runs):
        figures.runs += 1
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), "--prefix", f"r{n:04d}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        reader = _Reader(proc)
        reader.start()
        delay = rng.uniform(min_delay, max_delay)
        early = rng.random() < early_share
        if not early and not reader.ready.wait(120):
            figures.problems.append(f"run {n}: the writer never became ready")
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            figures.kills += 1
            if not reader.ready.is_set():
                figures.kills_during_open += 1
        else:
            figures.writer_exits += 1
        proc.wait()
        reader.join(10)
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        if proc.returncode != -signal.SIGKILL:
            figures.problems.append(f"run {n}: writer exited with {proc.returncode}: {stderr[-2000:]}")
        for line in reader.lines:
            parts = line.split()
            if parts[:1] == ["saved"] and len(parts) == 2:
                saved_all.add(parts[1])
                figures.contacts_reported += 1
            elif parts[:1] == ["attached"] and len(parts) == 4:
                attached_all[parts[1]] = (parts[2], int(parts[3]))
                figures.attachments_reported += 1
        try:
            problems, present = _verify(folder, saved_all, attached_all)
        except Exception as exc:  # a journal that cannot even be opened is the worst failure
            problems, present = [f"could not open the journal: {type(exc).__name__}: {exc}"], 0
        if problems:
            figures.failures += 1
            figures.problems += [f"run {n}: {p}" for p in problems[:20]]
        figures.contacts_present = present
        if log:
            print(f"run {n + 1}/{runs}: killed after {delay:.2f}s{' (from start)' if early else ''}, "
                  f"{len(saved_all)} reported, {present} present, "
                  f"{'OK' if not problems else 'FAIL ' + problems[0]}", flush=True)
    figures.unreported_present = figures.contacts_present - len(saved_all)
    figures.duration_s = round(time.monotonic() - t0, 1)
    return figures


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, timeout=10,
                             capture_output=True, text=True)
    except OSError:
        return ""
    return f", commit {out.stdout.strip()}" if out.returncode == 0 and out.stdout.strip() else ""


def render(fig: Figures) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    sqlite_version = sqlite3.sqlite_version
    lines = [
        BEGIN,
        f"Last full run: {now}, Python {platform.python_version()}, SQLite {sqlite_version}, "
        f"{platform.system()} {platform.release()}, seed {fig.seed}{_commit()}.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| runs | {fig.runs} |",
        f"| SIGKILLs | {fig.kills} (of which {fig.kills_during_open} while opening the journal) |",
        f"| contacts reported saved | {fig.contacts_reported} |",
        f"| contacts in the journal at the end | {fig.contacts_present} "
        f"({fig.unreported_present} committed but killed before reporting) |",
        f"| attachments reported saved | {fig.attachments_reported} |",
        f"| failures (a reported contact missing or half-written, a check problem) | {fig.failures} |",
        f"| duration | {fig.duration_s:.0f} s |",
        "",
        END,
    ]
    return "\n".join(lines)


def update_doc(doc: Path, fig: Figures) -> None:
    block = render(fig)
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Reliability\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _old, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n## Crash test results\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="SIGKILL a journal writer at random and check the journal.")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--folder", type=Path, default=None, help="journal folder (default: a temp one)")
    ap.add_argument("--min-delay", type=float, default=0.05)
    ap.add_argument("--max-delay", type=float, default=0.6)
    ap.add_argument("--early-share", type=float, default=0.1,
                    help="share of runs killed counting from the process start (default 0.1)")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/reliability.md")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON at the end")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    with tempfile.TemporaryDirectory(prefix="hj-crash-") as tmp:
        folder = args.folder or Path(tmp) / "journal"
        fig = run(args.runs, folder, seed, args.min_delay, args.max_delay, args.early_share,
                  log=not args.quiet)
    for p in fig.problems[:50]:
        print("PROBLEM:", p, file=sys.stderr)
    summary = {k: v for k, v in asdict(fig).items() if k != "problems"}
    print(json.dumps(summary) if args.json else render(fig))
    if not args.no_doc:
        update_doc(args.doc, fig)
    return 1 if fig.failures or fig.problems else 0


if __name__ == "__main__":
    sys.exit(main())
