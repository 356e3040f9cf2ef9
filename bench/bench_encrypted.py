"""An encrypted journal against the same journal unencrypted, in the same run (issue 17).

Both are copies of the generated journal; the encrypted one is made with ``encrypt_journal``
(its database through SQLCipher, every exhibit sealed). Measured, interleaved, median of
``runs``: opening (``JournalService.open`` + close; the passphrase's key derivation is timed
on its own: it runs once per unlock), full-text search (the search benchmark's queries),
building the case file of the case with the most screenshots, and importing a JSON export of
the journal into a new journal of each kind. Targets: open, search and case file within
1.15x of the plain journal, import within 1.3x.

    python bench/bench_encrypted.py [--journal DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_search import queries
from common import emit, median, ms, ratio, timed
from sqlalchemy import text

from headway_journal.casefile.service_bridge import build_for_case
from headway_journal.journal.crypto import access, convert, unlocked
from headway_journal.journal.interchange import export_journal, import_journal
from headway_journal.journal.service import JournalService

NAME = "encrypted"
PASSPHRASE = "bench passphrase, not secret"
TARGET = 1.15
TARGET_IMPORT = 1.3


def _copy(journal: Path, dest: Path) -> Path:
    shutil.copytree(journal, dest, ignore=shutil.ignore_patterns("journal.lock", "*.partial"))
    return dest


def _open(folder: Path, keys: Any) -> JournalService:
    return JournalService.open(folder, keys=keys)


def _pair(fn_plain: Any, fn_locked: Any, runs: int) -> tuple[float, float]:
    """Medians (s) of the two, interleaved so that the machine's mood hits both alike."""
    fn_plain()
    fn_locked()
    plain, locked = [], []
    for _ in range(runs):
        plain.append(timed(fn_plain)[0])
        locked.append(timed(fn_locked)[0])
    return median(plain), median(locked)


def _busiest_case(svc: JournalService) -> int:
    with svc.journal.sessions() as s:
        row = s.execute(text("SELECT case_id FROM attachments GROUP BY case_id "
                             "ORDER BY count(*) DESC, case_id LIMIT 1")).first()
    return int(row[0]) if row else 1


def _searches(svc: JournalService, words: list[str]) -> None:
    for word in words:
        svc.search(word, limit=50)


def run(journal: Path, runs: int = 5) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="hj-bench-encrypted-") as tmp_name:
        tmp = Path(tmp_name)
        plain = _copy(journal, tmp / "plain")
        locked = _copy(journal, tmp / "locked")
        encrypt_s, _ = timed(lambda: convert.encrypt_journal(locked, PASSPHRASE))
        unlocked.forget_all()
        kdf_s, opened = timed(lambda: access.keys_by_passphrase(locked, PASSPHRASE))
        keys = opened.keys
        open_p, open_l = _pair(lambda: _open(plain, None).close(),
                               lambda: _open(locked, keys).close(), runs)
        with _open(plain, None) as sp, _open(locked, keys) as sl:
            words = queries(sp)
            search_p, search_l = _pair(lambda: _searches(sp, words),
                                       lambda: _searches(sl, words), runs)
            case_id = _busiest_case(sp)
            out = tmp / "case.pdf"
            case_p, case_l = _pair(lambda: build_for_case(sp, case_id, out),
                                   lambda: build_for_case(sl, case_id, out), max(1, runs // 2))
            source = tmp / "export" / "journal.json"
            source.parent.mkdir()
            export_journal(sp, source)
        imports: dict[str, list[float]] = {"plain": [], "locked": []}
        for n in range(max(1, runs // 2)):
            for kind in ("plain", "locked"):
                folder = tmp / f"import-{kind}-{n}"
                folder.mkdir()
                key = None
                if kind == "locked":
                    key = access.create_lock(folder, PASSPHRASE)[0].keys
                t0 = time.perf_counter()
                with JournalService.open(folder, keys=key) as svc:
                    import_journal(svc, source)
                imports[kind].append(time.perf_counter() - t0)
        import_p, import_l = median(imports["plain"]), median(imports["locked"])
    result = {
        "name": NAME, "runs": runs, "encrypt_s": round(encrypt_s, 2), "kdf_ms": ms(kdf_s),
        "open_ms": [ms(open_p), ms(open_l)], "open_ratio": ratio(open_l, open_p),
        "search_ms": [ms(search_p), ms(search_l)], "search_ratio": ratio(search_l, search_p),
        "queries": len(words),
        "casefile_ms": [ms(case_p), ms(case_l)], "casefile_ratio": ratio(case_l, case_p),
        "import_ms": [ms(import_p), ms(import_l)], "import_ratio": ratio(import_l, import_p),
    }
    result["ok"] = (result["open_ratio"] <= TARGET and result["search_ratio"] <= TARGET
                    and result["casefile_ratio"] <= TARGET
                    and result["import_ratio"] <= TARGET_IMPORT)
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    import generate

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--journal", type=Path, default=None,
                    help="a generated journal (default: the quick one, generated if needed)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    journal = args.journal or generate.cached_journal(1_000, 10_000, 300)
    run(journal, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
