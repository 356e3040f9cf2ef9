"""Start-up: process start to the main window shown with the case list filled.

Three kinds of fresh child processes (QT_QPA_PLATFORM=offscreen), interleaved, N runs each:

* ``floor``: the floor of this stack: import PySide6 and SQLAlchemy's ORM, run one query on the
  journal's database, show a bare QMainWindow with a QTableView holding the rows;
* ``app`` on a 2-case journal and on the large journal: the program as
  ``python -m headway_journal --journal DIR`` starts it (``cli.main``: the journal opened
  before PySide6 loads, MainWindow built and shown; until item 19 of docs/performance.md the
  child called ``ui.app.run_gui`` itself, skipping the command line's start-up measures).

Each child records ``time.monotonic()`` (system-wide on Linux) in a ``QTimer.singleShot(0)``
queued when the main window receives its first Show event, after making sure the first page of
the case list is in the model; the parent subtracts the moment just before it started the child.
The child also lists which heavy modules were already imported then, and its RSS (used by
bench_memory, which idles the child first).

Targets: app (small) <= 1.2x floor; app (large) <= 1.1x app (small); none of alembic,
reportlab, PIL, holidays imported before the window is shown.

    python bench/bench_startup.py [--journal DIR --small DIR] [--runs N]
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

# The children import nothing from the parent's helpers before they take their time stamp, so
# the floor and the app pay for exactly the same benchmark scaffolding (the interpreter, this
# file and pathlib/json).

NAME = "startup"
TARGET_APP_VS_FLOOR = 1.2  # issue 23 (was 1.5)
TARGET_LARGE_VS_SMALL = 1.1  # issue 23 (was 1.2)


# --- the children ---------------------------------------------------------------------------------


def _report(kind: str, extra: dict[str, Any], idle: float, finish: Any,
            ready: float | None = None) -> None:
    """Record the moment (and what was imported), then idle and measure memory, then finish.

    ``ready`` is the moment the window was up with its list filled, if taken earlier; the
    moment of this call is then "settled" (the app's own after-show work done, e.g. the first
    case shown in the right pane).
    """
    from PySide6.QtCore import QTimer

    stamp = time.monotonic()
    loaded = set(sys.modules)
    from common import HEAVY_MODULES, rss_mb

    at_ready = set(extra.pop("loaded_at_ready", loaded))
    out: dict[str, Any] = {"kind": kind, "ready": stamp if ready is None else ready,
                           "settled": stamp, "modules": len(at_ready),
                           "heavy": sorted(m for m in HEAVY_MODULES if m in at_ready),
                           "heavy_settled": sorted(m for m in HEAVY_MODULES if m in loaded),
                           **extra, **rss_mb()}

    def done() -> None:
        gc.collect()
        out.update({f"idle_{k}": v for k, v in rss_mb().items()})
        out["heavy_after_idle"] = sorted(m for m in HEAVY_MODULES if m in sys.modules)
        print(json.dumps(out), flush=True)
        finish()

    if idle > 0:
        QTimer.singleShot(int(idle * 1000), done)
    else:
        done()


def child_floor(db: Path, idle: float, tuned: bool = False) -> int:
    """The floor; ``tuned`` (a diagnostic, not the target's baseline): what the app does for
    its own start as well, SQLAlchemy imported before PySide6 (whose import hook reads the
    source of every module imported after it) and the cyclic collector off until shown."""
    if tuned:
        gc.disable()
        import sqlalchemy.orm  # noqa: F401
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session

    engine = create_engine(f"sqlite:///{db}")
    with Session(engine) as s:
        rows = s.execute(text("SELECT id, title, status FROM cases ORDER BY id LIMIT 100")).all()
    app = QApplication(sys.argv[:1])
    model = QStandardItemModel(0, 3)
    for r in rows:
        model.appendRow([QStandardItem(str(v)) for v in r])
    win = QMainWindow()
    view = QTableView()
    view.setModel(model)
    win.setCentralWidget(view)
    win.resize(1280, 760)
    win.show()
    QTimer.singleShot(0, lambda: _report("floor", {"rows": model.rowCount()}, idle, app.quit))
    app.exec()
    engine.dispose()
    return 0


def child_app(journal: Path | None, idle: float, database: str | None = None) -> int:
    """The app as the program starts it: ``python -m headway_journal --journal DIR`` (the
    command line's window start: the cyclic collector off, the journal opened before PySide6
    loads), or ``--database URL`` for a shared journal's window (until item 20 of
    docs/performance.md that one called ``run_gui`` itself, with the collector on)."""
    if database is not None:
        return _program_start(["--database", database], idle)
    assert journal is not None
    return _program_start(["--journal", str(journal)], idle)


def _program_start(args: list[str], idle: float) -> int:
    """``headway_journal.cli.main(args)``, watching for the first show from the
    moment the application is made. Nothing is imported here before the program imports it:
    ``ui.app`` is wrapped as it loads (an import hook), not imported ahead of the program (until
    item 20 of docs/performance.md, this child imported the Qt-free layers itself before the
    program turned the cyclic collector off, and paid ~70 ms of collections the program never
    does)."""
    import importlib.machinery

    class WatchApp:  # a meta path finder (not importlib.abc's class: that module costs ~5 ms)
        def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
            if name != "headway_journal.ui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            run = spec.loader.exec_module

            def exec_then_wrap(module: Any) -> None:
                run(module)
                make = module.make_application

                def make_and_watch(*args: Any, **kwargs: Any) -> Any:
                    app = make(*args, **kwargs)
                    _watch_first_show(idle)
                    return app

                module.make_application = make_and_watch

            spec.loader.exec_module = exec_then_wrap  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, WatchApp())
    from headway_journal.cli import main

    return int(main(args) or 0)


def _watch_first_show(idle: float) -> None:
    """Report the first turn of the event loop that finds the main window shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    state: dict[str, Any] = {"seen": False}

    def ready(win: Any) -> None:
        try:
            model = getattr(win, "case_model", None)
            rows = model.rowCount() if model is not None else -1
            pages = getattr(model, "fetched_pages", [])
            pages = list(pages() if callable(pages) else pages)  # what the view asked for
            if rows > 0 and hasattr(model, "summary"):
                model.summary(0)  # the first page, if the view has not asked for it yet
            stamp = time.monotonic()
            loaded = set(sys.modules)
            extra = {"rows": rows, "pages_before": pages,
                     # False: the window's own after-show work (first case) had not run yet
                     "after_show_ran": bool(getattr(win, "_ready", False)),
                     "loaded_at_ready": sorted(loaded)}
            # Queued after the window's own after-show work (it was queued before this ran).
            QTimer.singleShot(0, lambda: _report("app", extra, idle, QApplication.quit,
                                                 ready=stamp))
        except Exception as exc:  # never leave a child hanging
            print(json.dumps({"error": repr(exc)}), flush=True)
            QApplication.exit(2)

    # The first turn of the event loop that finds the main window shown (show() runs before
    # the loop does, so that is the turn right after it). Not an event filter on the
    # application, as before: it made every event of every object a Python call, and it cost
    # the app ~25 ms that the floor did not pay (docs/performance.md, item 17).
    def first_show() -> None:
        win = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMainWindow) and w.isVisible()), None)
        if win is None:
            QTimer.singleShot(1, first_show)
        elif not state["seen"]:
            state["seen"] = True
            ready(win)

    QTimer.singleShot(0, first_show)


# --- the parent -----------------------------------------------------------------------------------


def _child_args(kind: str, target: Path | str, idle: float = 0.0, importtime: bool = False
                ) -> list[str]:
    args = [sys.executable]
    if importtime:
        args += ["-X", "importtime"]
    return args + [str(Path(__file__)), "--child", kind, "--target", str(target),
                   "--idle", str(idle)]


def measure(kind: str, target: Path | str, idle: float = 0.0, **env: str) -> dict[str, Any]:
    """One child's start; ``kind`` "floor", "app" (a folder) or "shared" (``target`` a
    postgresql:// URL: the window of a shared journal, bench_shared.py)."""
    from common import child_env, run_json_child

    t0, out = run_json_child(_child_args(kind, target, idle), env=child_env(**env))
    if "ready" not in out:
        raise RuntimeError(f"start-up child failed: {out}")
    out["seconds"] = out["ready"] - t0
    out["settled_seconds"] = out["settled"] - t0
    return out


def import_profile(journal: Path, top: int = 12) -> list[tuple[str, float]]:
    """The slowest top-level imports (cumulative ms) of one app start, from ``-X importtime``."""
    import re
    import subprocess

    from common import child_env

    proc = subprocess.run(_child_args("app", journal, importtime=True), capture_output=True,
                          text=True, timeout=300, env=child_env())
    cum: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(2)) <= 1:  # top-level imports only
            cum[m.group(3)] = cum.get(m.group(3), 0.0) + int(m.group(1)) / 1000.0
    return sorted(((k, round(v, 1)) for k, v in cum.items()), key=lambda kv: -kv[1])[:top]


def run(journal: Path, small: Path, runs: int = 5, diagnose: bool = True) -> dict[str, Any]:
    from common import emit, median, ms, ratio

    labels = [("floor", "floor", journal / "journal.sqlite3", {}), ("small", "app", small, {}),
              ("large", "app", journal, {})]
    if diagnose:  # the large journal when the full integrity check runs on open (not a target)
        labels.append(("large_full_check", "app", journal, {}))
    samples: dict[str, list[float]] = {k[0]: [] for k in labels}
    settled: dict[str, list[float]] = {k[0]: [] for k in labels}
    heavy: dict[str, list[str]] = {}
    rows: dict[str, int] = {}
    for _label, kind, target, env in labels[:3]:  # untimed: bytecode and file caches warm
        measure(kind, target, **env)
    for _ in range(runs):
        for label, kind, target, env in labels:
            if label == "large_full_check":  # no stamp from a clean close: checked in full
                (journal / "journal.verified").unlink(missing_ok=True)
            out = measure(kind, target, **env)
            samples[label].append(out["seconds"])
            settled[label].append(out["settled_seconds"])
            heavy[label] = sorted(set(heavy.get(label, [])) | set(out["heavy"]))
            rows[label] = out["rows"]
    med = {k: median(v) for k, v in samples.items()}
    app_vs_floor = ratio(med["small"], med["floor"])
    large_vs_small = ratio(med["large"], med["small"])
    bad_imports = sorted(set(heavy["small"]) | set(heavy["large"]))
    result = {
        "name": NAME,
        "runs": runs,
        "floor_ms": ms(med["floor"]),
        "small_ms": ms(med["small"]),
        "large_ms": ms(med["large"]),
        "all_ms": {k: [ms(x) for x in v] for k, v in samples.items()},
        "app_vs_floor": app_vs_floor,
        "large_vs_small": large_vs_small,
        "large_vs_floor": ratio(med["large"], med["floor"]),
        "settled_ms": {k: ms(median(v)) for k, v in settled.items() if k != "floor"},
        "heavy_imported_before_window": bad_imports,
        "rows_in_list": rows,
        "slowest_imports_ms": import_profile(journal),
        "targets": {"app_vs_floor": f"<= {TARGET_APP_VS_FLOOR}",
                    "large_vs_small": f"<= {TARGET_LARGE_VS_SMALL}",
                    "heavy_imported_before_window": "none of alembic, reportlab, PIL, holidays"},
        "ok": bool(app_vs_floor <= TARGET_APP_VS_FLOOR and large_vs_small <= TARGET_LARGE_VS_SMALL
                   and not set(bad_imports) & {"alembic", "reportlab", "PIL", "holidays"}),
    }
    if diagnose:
        result["diagnostic_large_full_check_ms"] = ms(med["large_full_check"])
        result["diagnostic_large_full_check_vs_small"] = ratio(med["large_full_check"],
                                                               med["small"])
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:  # --child KIND --target PATH --idle SECONDS, no argparse
        kind, target, idle = argv[1], Path(argv[3]), float(argv[5])
        if kind == "shared":  # the target is a database URL
            return child_app(None, idle, database=argv[3])
        if kind.startswith("floor"):
            return child_floor(target, idle, tuned=kind == "floor_tuned")
        return child_app(target, idle)
    import argparse

    ap = argparse.ArgumentParser(description="start-up benchmark")
    ap.add_argument("--journal", type=Path)
    ap.add_argument("--small", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    from generate import cached_journal, small_journal

    journal = args.journal or cached_journal()
    small = args.small or small_journal()
    run(journal, small, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
