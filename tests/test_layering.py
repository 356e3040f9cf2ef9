"""Layering: the journal, the case file and the command line never load Qt.

Each check runs in a fresh interpreter, so nothing another test imported can hide a leak.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    roots = sys.argv[1:]
    imported, errors = [], []
    for root in roots:
        only = root.startswith("=")  # "=name": import that module alone, do not walk it
        root = root.lstrip("=")
        mod = importlib.import_module(root)
        imported.append(root)
        if hasattr(mod, "__path__") and not only:
            for info in pkgutil.walk_packages(mod.__path__, root + "."):
                # Alembic's env.py runs migrations when imported; it is not library code.
                if info.name.endswith(".migrations.env"):
                    continue
                try:
                    importlib.import_module(info.name)
                    imported.append(info.name)
                except Exception as exc:
                    errors.append(f"{info.name}: {type(exc).__name__}: {exc}")
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print(json.dumps({"imported": imported, "errors": errors, "qt": qt}))
""")

PACKAGES = [
    name for name in ("headway_journal.journal", "headway_journal.casefile", "headway_journal.cli")
    if importlib.util.find_spec(name) is not None
]


def _probe(*roots: str) -> dict[str, list[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *roots], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, list[str]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("package", PACKAGES)
def test_package_does_not_load_qt(package: str) -> None:
    result = _probe(package)
    assert result["errors"] == []
    assert result["qt"] == [], f"importing {package} loaded {result['qt'][:5]}"


def test_every_journal_module_was_checked() -> None:
    result = _probe("headway_journal.journal")
    for name in ("db", "models", "service", "issue_types", "exhibits", "exhibits.store", "backup", "deadlines"):
        assert f"headway_journal.journal.{name}" in result["imported"]
    if importlib.util.find_spec("headway_journal.journal.interchange") is not None:
        assert "headway_journal.journal.interchange" in result["imported"]


def test_all_of_them_together_and_the_entry_point() -> None:
    roots = [*PACKAGES, "=headway_journal"]
    if importlib.util.find_spec("headway_journal.__main__") is not None:
        roots.append("=headway_journal.__main__")
    result = _probe(*roots)
    assert result["qt"] == []
