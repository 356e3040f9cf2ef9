"""Start-up as a user sees it: process start to the main window mapped on a real X server.

An Xvfb server (its own display, chosen with ``-displayfd``) runs for the whole benchmark. Each
run starts a fresh child with ``DISPLAY`` set and ``QT_QPA_PLATFORM=xcb`` and polls
``xdotool search --onlyvisible --pid PID`` until one of its windows is mapped; the time is from
just before the child was started to the poll that found it (polls every ~5 ms, each one a
short ``xdotool`` process, so figures carry a few ms of polling delay on every kind alike).

Kinds, interleaved, N runs each:

* ``floor``: bench_startup's floor child (PySide6 + SQLAlchemy's ORM, one query, a bare
  QMainWindow with a QTableView), kept open until it is stopped;
* ``small``: ``python -m headway_journal --journal DIR`` on the 2-case journal;
* ``large``: the same on the large journal, after a clean close (checked and stamped first,
  untimed, when the run before left it unchecked);
* ``large_unclean``: the large journal after an unclean exit (its clean-close stamp removed,
  as a crash leaves it: the open runs the full integrity check).

Each app run ends the way users end it, alternately File > Quit (Ctrl+Q sent to the window with
xdotool) and SIGTERM (a logout); the exit status and the time to exit are recorded (a run that
did not exit cleanly is reported, never hidden).

Targets: small <= 1.2x floor; large and large_unclean <= 1.1x small. Needs Xvfb and xdotool
(``apt-get install -y xvfb xdotool libxcb-icccm4 libxcb-keysyms1``); skipped otherwise.
``--before DIR`` also times the app from an older source tree (``small_before`` and so on) in
the same rounds, for before/after figures that share their floor. ``--tuned`` also times
``floor_tuned`` (a diagnostic, not the target's baseline): the floor with the two start-up
measures the app takes for itself (SQLAlchemy imported before PySide6, the cyclic collector
off until the window shows), to tell how much of the ratio they account for.

    python bench/bench_xstart.py [--journal DIR --small DIR] [--runs N] [--before DIR] [--tuned]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import BENCH, PYTHON, REPO, child_env, emit, median, ms, ratio

NAME = "xstart"
TARGET_APP_VS_FLOOR = 1.2
TARGET_LARGE_VS_SMALL = 1.1
POLL_S = 0.005
TIMEOUT_S = 60.0


def available() -> bool:
    return bool(shutil.which("Xvfb") and shutil.which("xdotool"))


class Xvfb:
    """An X server on a free display for as long as the ``with`` block lasts."""

    def __enter__(self) -> Xvfb:
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-noreset", "-nolisten",
             "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as fh:
            number = fh.readline().strip()
        if not number:
            self.proc.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _env(display: str, home: Path) -> dict[str, str]:
    # child_env: this tree's package first on the path (not an installed copy), compiled
    # bytecode kept between runs as an installed app has it (the floor's libraries have theirs)
    env = child_env(DISPLAY=display, QT_QPA_PLATFORM="xcb",
                    XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                    XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "runtime"))
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.pop("HEADWAY_JOURNAL_DIR", None)
    env.pop("HEADWAY_JOURNAL_SMOKE_EXIT_MS", None)
    return env


def _visible_window(pid: int, env: dict[str, str]) -> str | None:
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                         capture_output=True, text=True, env=env)
    wids = out.stdout.split()
    return wids[0] if wids else None


def _command(kind: str, target: Path) -> list[str]:
    if kind.startswith("floor"):  # bench_startup's floor child, idling long enough to be stopped
        return [PYTHON, str(BENCH / "bench_startup.py"), "--child", kind, "--target",
                str(target / "journal.sqlite3"), "--idle", "600"]
    return [PYTHON, "-m", "headway_journal", "--journal", str(target)]


def _quit(proc: subprocess.Popen[bytes], wid: str, how: str, env: dict[str, str]) -> float:
    """End the child (``how``: "quit" = Ctrl+Q to the window, "sigterm"); seconds to exit."""
    t0 = time.monotonic()
    if how == "quit":
        # No window manager: give the window the keyboard focus, then type (XTEST) Ctrl+Q.
        subprocess.run(["xdotool", "windowfocus", "--sync", wid, "key", "ctrl+q"], env=env,
                       capture_output=True, timeout=10)
    else:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return time.monotonic() - t0


def measure(kind: str, target: Path, env: dict[str, str], how: str,
            tree: Path | None = None) -> dict[str, Any]:
    """One run of ``kind``; ``tree``: the app from that source tree instead of this one."""
    if tree is not None:
        env = dict(env, PYTHONPATH=os.pathsep.join((str(tree), str(BENCH))))
    t0 = time.monotonic()
    # -m puts the current folder first on the path: the tree's own folder, so it is the app run
    proc = subprocess.Popen(_command(kind, target), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=tree or REPO)
    wid = None
    while wid is None and time.monotonic() - t0 < TIMEOUT_S and proc.poll() is None:
        wid = _visible_window(proc.pid, env)
        if wid is None:
            time.sleep(POLL_S)
    mapped = time.monotonic() - t0
    if wid is None:
        proc.kill()
        _out, err = proc.communicate()
        raise RuntimeError(f"{kind}: no window within {TIMEOUT_S:.0f} s: {err.decode()[-400:]}")
    if kind.startswith("floor"):
        how = "sigterm"  # the floor has no File menu
    exit_s = _quit(proc, wid, how, env)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    return {"seconds": mapped, "exit_seconds": exit_s, "how": how,
            "returncode": proc.returncode, "traceback": "Traceback" in stderr}


def _kind(label: str) -> str:
    return label if label.startswith("floor") else "app"


def _checked_and_closed(journal: Path) -> None:
    """Leave ``journal`` as a clean close does (checked and stamped), untimed: an app run that
    is stopped before its background check ends (``large_unclean``) leaves no stamp, and the
    next run would open unchecked again."""
    if (journal / "journal.verified").is_file():
        return
    code = ("import sys; from pathlib import Path; from headway_journal.journal.db import "
            "open_journal; open_journal(Path(sys.argv[1])).close()")  # checked, then stamped
    subprocess.run([PYTHON, "-c", code, str(journal)], env=child_env(), check=True,
                   capture_output=True, timeout=600)


def run(journal: Path, small: Path, runs: int = 5, before: Path | None = None,
        tuned: bool = False) -> dict[str, Any]:
    home = Path(os.environ.get("TMPDIR", "/tmp")) / f"hj-xstart-{os.getpid()}"
    labels: tuple[tuple[str, Path], ...] = (("floor", journal), ("small", small),
                                            ("large", journal), ("large_unclean", journal))
    if before is not None:
        labels += tuple((f"{k}_before", t) for k, t in labels[1:])
    if tuned:  # diagnostic: the floor with the app's own start-up measures (bench_startup)
        labels += (("floor_tuned", journal),)
    samples: dict[str, list[float]] = {k: [] for k, _ in labels}
    exits: dict[str, list[dict[str, Any]]] = {k: [] for k, _ in labels}
    try:
        with Xvfb() as x:
            env = _env(x.display, home)
            for label, target in labels:  # untimed: bytecode and file caches warm
                if not label.startswith("large_unclean"):
                    measure(_kind(label), target, env, "sigterm",
                            before if label.endswith("_before") else None)
            for i in range(runs):
                how = "quit" if i % 2 == 0 else "sigterm"
                for label, target in labels:
                    if label.startswith("large_unclean"):  # as after a crash: full check due
                        (journal / "journal.verified").unlink(missing_ok=True)
                    elif label.startswith("large"):  # as after a clean close: checked, stamped
                        _checked_and_closed(journal)
                    out = measure(_kind(label), target, env, how,
                                  before if label.endswith("_before") else None)
                    samples[label].append(out["seconds"])
                    exits[label].append({k: out[k] for k in ("how", "returncode",
                                                             "exit_seconds", "traceback")})
    finally:
        shutil.rmtree(home, ignore_errors=True)
    med = {k: median(v) for k, v in samples.items()}
    result = {
        "name": NAME, "runs": runs,
        "floor_ms": ms(med["floor"]), "small_ms": ms(med["small"]),
        "large_ms": ms(med["large"]), "large_unclean_ms": ms(med["large_unclean"]),
        "all_ms": {k: [ms(x) for x in v] for k, v in samples.items()},
        "app_vs_floor": ratio(med["small"], med["floor"]),
        "large_vs_small": ratio(med["large"], med["small"]),
        "large_unclean_vs_small": ratio(med["large_unclean"], med["small"]),
        "exits": exits,
        "unclean_exits": sum(1 for k, v in exits.items() if not k.startswith("floor") for e in v
                             if e["returncode"] != 0 or e["traceback"]),
        "targets": {"app_vs_floor": f"<= {TARGET_APP_VS_FLOOR}",
                    "large_vs_small": f"<= {TARGET_LARGE_VS_SMALL}"},
    }
    if tuned:
        result["floor_tuned_ms"] = ms(med["floor_tuned"])
        result["app_vs_floor_tuned"] = ratio(med["small"], med["floor_tuned"])
    if before is not None:
        result["before"] = str(before)
        for k in ("small", "large", "large_unclean"):
            result[f"{k}_before_ms"] = ms(med[f"{k}_before"])
        result["before_vs_floor"] = ratio(med["small_before"], med["floor"])
        result["large_before_vs_small_before"] = ratio(med["large_before"], med["small_before"])
        result["large_unclean_before_vs_small_before"] = ratio(med["large_unclean_before"],
                                                               med["small_before"])
    result["ok"] = bool(result["app_vs_floor"] <= TARGET_APP_VS_FLOOR
                        and result["large_vs_small"] <= TARGET_LARGE_VS_SMALL
                        and result["large_unclean_vs_small"] <= TARGET_LARGE_VS_SMALL)
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="start-up to the window mapped on Xvfb")
    ap.add_argument("--journal", type=Path)
    ap.add_argument("--small", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", type=Path, help="also time the app in this source tree")
    ap.add_argument("--tuned", action="store_true",
                    help="also time the floor with the app's start-up measures (diagnostic)")
    args = ap.parse_args(argv)
    if not available():
        print("Xvfb or xdotool missing: skipped", file=sys.stderr)
        return 0
    from generate import cached_journal, small_journal

    run(args.journal or cached_journal(), args.small or small_journal(), args.runs,
        args.before.resolve() if args.before else None, args.tuned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
