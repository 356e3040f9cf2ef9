"""Smoke test of the benchmark journal generator (tiny parameters; no timings asserted)."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

from headway_journal.journal.issue_types import ISSUE_TYPES, get_issue_type  # noqa: E402
from headway_journal.journal.records import CaseFilter  # noqa: E402
from headway_journal.journal.service import JournalService  # noqa: E402

ANCHOR = date(2026, 11, 20)
PARAMS = {"cases": 20, "contacts": 100, "images": 5}


def _count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench-cache")
    folder = generate.cached_journal(**PARAMS, seed=5, anchor=ANCHOR, root=root)
    # A second call finds the finished journal in the cache instead of generating again.
    assert generate.cached_journal(**PARAMS, seed=5, anchor=ANCHOR, root=root) == folder
    assert not list(root.glob("*.partial-*"))
    return folder


def test_counts_match_the_parameters(journal: Path) -> None:
    db = journal / "journal.sqlite3"
    stats = generate.cached_stats(journal)
    assert _count(db, "cases") == stats["cases"] == 20
    assert _count(db, "contacts") == stats["contacts"] == 100
    assert _count(db, "attachments") == stats["attachments"] == 5
    assert stats["organizations"] == 21  # Headway plus 20 others
    assert 100 <= _count(db, "tickets") <= 300  # 1 to 3 per contact
    assert 0 < _count(db, "promises") < 100
    assert _count(db, "changes") >= 120  # a "create" per case and per contact
    # Every case has a contact, every issue type appears, the FTS index holds every document.
    assert _rows(db, "SELECT count(*) FROM cases WHERE id NOT IN "
                     "(SELECT case_id FROM contacts)") == [(0,)]
    assert {r[0] for r in _rows(db, "SELECT DISTINCT issue_type FROM cases")} == set(ISSUE_TYPES)
    docs = _count(db, "cases") + _count(db, "contacts") + _count(db, "notes")
    assert _count(db, "search_fts") == docs


def test_the_service_works_on_it(journal: Path) -> None:
    with JournalService.open(journal) as svc:
        assert svc.check() == []
        assert svc.stats()["contacts"] == 100
        ids = svc.case_ids(CaseFilter(view="all"))
        assert len(ids) == svc.count_cases(CaseFilter(view="all")) > 0
        assert len(svc.case_summaries(ids[:10])) == min(10, len(ids))
        case = svc.get_case(ids[0])
        assert case.contacts
        _fields, errors = get_issue_type(case.issue_type).validate(case.fields)
        assert errors == {}
        hits = svc.search("the")
        assert hits
        number = case.tickets[0]
        assert any(h.case_id == case.id for h in svc.search(number))
        assert svc.search("zzqx nothing matches") == []
        svc.due_items(include_future=True)


def test_same_seed_same_journal(journal: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate.generate(again, **PARAMS, seed=5, anchor=ANCHOR)
    for sql in ("SELECT key, title, status, opened_on, fields FROM cases ORDER BY id",
                "SELECT key, started_at, rep_name, summary FROM contacts ORDER BY id",
                "SELECT sha256, original_name FROM attachments ORDER BY id"):
        assert _rows(again / "journal.sqlite3", sql) == _rows(journal / "journal.sqlite3", sql)


def test_the_command_line_casefile_bench_builds_both_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bench_casefile_cli with tiny parameters: the export, the import, the CLI case file
    and the ReportLab floor all run as processes (no timing asserted)."""
    import bench_casefile
    import bench_casefile_cli

    monkeypatch.setattr(bench_casefile, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(bench_casefile_cli, "CACHE", tmp_path / "cache")
    result = bench_casefile_cli.run(runs=1, contacts=4, images=3)
    assert result["image_widths"] == [1300, 2000]
    assert result["pdf_mb"] > 0 and result["floor_pdf_mb"] > 0
    assert len(result["all_ms"]["cli"]) == len(result["all_ms"]["floor"]) == 1
    assert result["cli_vs_floor"] > 0
