"""The package stays easy to read: every file under 800 lines, every function under 80 (the
team's rules in ARCHITECTURE.md). Migration scripts are frozen history and are left as written."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "headway_journal"
FROZEN = PACKAGE / "journal" / "migrations" / "versions"
MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 80


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if FROZEN not in p.parents)


def test_there_are_sources_to_measure() -> None:
    assert len(sources()) > 100


def test_every_file_is_under_800_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) >= MAX_FILE_LINES}
    assert long == {}


def test_every_function_is_under_80_lines() -> None:
    long: dict[str, int] = {}
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                lines = node.end_lineno - node.lineno + 1
                if lines >= MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(PACKAGE)}:{node.name}"] = lines
    assert long == {}
