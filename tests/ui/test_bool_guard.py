"""The guard against PySide6 6.12.0's lost references to True (ui/bool_guard.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from headway_journal.ui.bool_guard import RESERVE, guard_bool_singletons

EMITS = 20_000  # far more references to True than a fresh interpreter holds

PROGRAM = textwrap.dedent(f"""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    if sys.argv[1] == "guarded":
        from headway_journal.ui.bool_guard import guard_bool_singletons
        guard_bool_singletons()
    app = QCoreApplication([])

    class Source(QObject):
        ticked = Signal(int)

    source = Source()
    seen = []
    source.ticked.connect(seen.append)
    for i in range({EMITS}):
        source.ticked.emit(i)
    import gc
    gc.collect()
    print("emitted", len(seen), flush=True)
""")


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True,
                          timeout=120)


def test_many_signals_in_a_guarded_process_end_normally() -> None:
    result = _run("guarded")
    assert result.returncode == 0, result.stderr
    assert f"emitted {EMITS}" in result.stdout
    assert "bool_dealloc" not in result.stderr


def test_the_guard_is_idempotent_and_leaves_values_alone() -> None:
    guard_bool_singletons()  # (the root conftest guarded this process already)
    assert guard_bool_singletons() is False
    assert sys.getrefcount(True) > RESERVE and sys.getrefcount(False) > RESERVE
    assert True is (1 == 1) and not False and [True, False].count(True) == 1


def test_without_the_guard_the_bug_is_still_there_or_fixed_upstream() -> None:
    """Tells when PySide6 fixed it: then the guard (and this test) can go."""
    result = _run("bare")
    if sys.version_info < (3, 12) and result.returncode != 0:
        assert "bool_dealloc" in result.stderr  # the upstream bug, as documented
    else:
        assert f"emitted {EMITS}" in result.stdout
