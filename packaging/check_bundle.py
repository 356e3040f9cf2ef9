"""Check a built bundle (dist/headway-journal) the way a user's machine would run it.

    .venv/bin/python packaging/check_bundle.py [--runs 5] [--bundle dist/headway-journal]

Every start runs with a clean environment (a fresh HOME and XDG folders in a temporary folder,
no PYTHONPATH or virtual environment), offscreen (QT_QPA_PLATFORM=offscreen), so nothing from
the build machine's Python can be picked up. Checks, in order:

1. the data the app reads from disk is in the bundle (DejaVu fonts, icons, the .desktop
   template and AppStream metainfo, Alembic's env.py and versions), and
   QtPdf/QtPdfWidgets/QtPrintSupport, the PDF image plugin, the CUPS print plugin and the
   platform plugins resolve every shared library (``ldd``: no "not found"); no dangling
   symlinks;
2. ``--version``;
3. the main window is shown: ``HEADWAY_JOURNAL_SMOKE_EXIT_MS=0`` makes the app print
   ``window shown: <title> at <Unix time>`` once the event loop runs, then quit. The first start
   creates and migrates a new journal; then ``--runs`` starts on that journal are timed from
   just before the process is started to the time printed (median reported); the same is
   measured for the source tree's ``.venv/bin/headway-journal`` as the baseline;
4. the command line from the bundle: ``--demo`` fills a journal, ``check`` passes, ``casefile``
   writes a PDF that pypdf opens (pages, embedded DejaVu fonts, the case title in the text),
   and ``ics`` writes a calendar.

Exit code 0 when everything passed. Prints a short report.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "headway-journal"

DATA_FILES = (
    "headway_journal/casefile/fonts/DejaVuSans.ttf",
    "headway_journal/casefile/fonts/DejaVuSans-Bold.ttf",
    "headway_journal/casefile/fonts/DejaVuSansMono.ttf",
    "headway_journal/resources/co.headwayjournal.HeadwayJournal.desktop",
    "headway_journal/resources/co.headwayjournal.HeadwayJournal.metainfo.xml",
    "headway_journal/resources/co.headwayjournal.HeadwayJournal.mime.xml",
    "headway_journal/resources/icons/co.headwayjournal.HeadwayJournal.svg",
    "headway_journal/resources/icons/hicolor/256x256/apps/co.headwayjournal.HeadwayJournal.png",
    "headway_journal/journal/migrations/env.py",
    "headway_journal/journal/migrations/script.py.mako",
    "headway_journal/journal/migrations/versions/v0001_initial_schema.py",
)
LINKED = (
    "PySide6/QtPdf.abi3.so",
    "PySide6/QtPdfWidgets.abi3.so",
    "PySide6/QtPrintSupport.abi3.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
)


class Failed(Exception):
    pass


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra)
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=env["HOME"])


def check_files(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    notes = []
    missing = [f for f in DATA_FILES if not (internal / f).is_file()]
    if missing:
        raise Failed(f"missing from the bundle: {', '.join(missing)}")
    icons = sorted((internal / "headway_journal/resources/icons/hicolor").glob("*/apps/*.png"))
    notes.append(f"data files present ({len(icons)} PNG icon sizes, fonts, migrations)")
    for rel in LINKED:
        path = internal / rel
        if not path.is_file():
            raise Failed(f"missing from the bundle: {rel}")
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        lost = [line.strip() for line in out.splitlines() if "not found" in line]
        if lost:
            raise Failed(f"{rel} cannot load: {'; '.join(lost)}")
    notes.append(f"{len(LINKED)} Qt PDF/print/platform modules resolve all their libraries")
    dangling = [str(p.relative_to(bundle)) for p in bundle.rglob("*")
                if p.is_symlink() and not p.exists()]
    if dangling:
        raise Failed(f"dangling symlinks: {', '.join(dangling[:5])}")
    return notes


def start(exe: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from starting the process to the window shown, and the window title."""
    t0 = time.time()
    proc = run([str(exe)], env, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("window ")]
    if proc.returncode != 0 or not lines or not lines[0].startswith("window shown: "):
        raise Failed(f"{exe} did not show its window (exit {proc.returncode}):\n"
                     f"{proc.stdout}\n{proc.stderr}")
    title, _, when = lines[0].removeprefix("window shown: ").rpartition(" at ")
    return float(when) - t0, title


def timed_starts(exes: dict[str, Path], tmp: Path, runs: int) -> dict[str, tuple[float, list[float]]]:
    """For each executable: the first start (a new journal is created and migrated), then
    ``runs`` starts on that journal, taken in turns so that both see the same machine load."""
    envs = {label: clean_env(tmp / f"home-{label}",
                             HEADWAY_JOURNAL_DIR=str(tmp / f"journal-{label}"),
                             HEADWAY_JOURNAL_SMOKE_EXIT_MS="0") for label in exes}
    results: dict[str, tuple[float, list[float]]] = {}
    for label, exe in exes.items():
        first, title = start(exe, envs[label])
        if not title.startswith("Headway Journal"):
            raise Failed(f"unexpected window title {title!r}")
        results[label] = (first, [])
    for _ in range(runs):
        for label, exe in exes.items():
            results[label][1].append(start(exe, envs[label])[0])
    return results


def check_commands(exe: Path, tmp: Path) -> list[str]:
    from pypdf import PdfReader

    home = tmp / "home-cli"
    journal = tmp / "journal-cli"
    env = clean_env(home)
    notes = []
    r = run([str(exe), "--version"], env)
    if r.returncode != 0 or not r.stdout.startswith(f"{NAME} "):
        raise Failed(f"--version: exit {r.returncode}: {r.stdout}{r.stderr}")
    notes.append(f"--version: {r.stdout.strip()}")
    pdf = tmp / "case.pdf"
    r = run([str(exe), "--journal", str(journal), "--demo", "casefile", "1", "-o", str(pdf)],
            env)
    if r.returncode != 0 or not pdf.is_file():
        raise Failed(f"casefile: exit {r.returncode}: {r.stdout}{r.stderr}")
    reader = PdfReader(str(pdf))
    fonts: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and descriptor.get_object().get("/FontFile2") is not None:
                fonts.add(str(font.get("/BaseFont")).split("+")[-1])
    text = reader.pages[0].extract_text() or ""
    if not any(f.startswith("DejaVuSans") for f in fonts):
        raise Failed(f"the case file embeds no DejaVu font (fonts: {sorted(fonts)})")
    r = run([str(exe), "--journal", str(journal), "search", "refund"], env)
    if r.returncode != 0:
        raise Failed(f"search: exit {r.returncode}: {r.stdout}{r.stderr}")
    found = r.stdout.strip().splitlines()
    notes.append(f"casefile: {pdf.stat().st_size // 1024} KB, {len(reader.pages)} pages, "
                 f"embedded fonts {', '.join(sorted(fonts))}; page 1 starts "
                 f"{' '.join(text.split())[:60]!r}")
    r = run([str(exe), "--journal", str(journal), "check"], env)
    if r.returncode != 0:
        raise Failed(f"check: exit {r.returncode}: {r.stdout}{r.stderr}")
    notes.append(f"check: {r.stdout.strip().splitlines()[-1] if r.stdout.strip() else 'ok'}")
    ics = tmp / "due.ics"
    r = run([str(exe), "--journal", str(journal), "ics", str(ics)], env)
    if r.returncode != 0 or b"BEGIN:VCALENDAR" not in ics.read_bytes():
        raise Failed(f"ics: exit {r.returncode}: {r.stdout}{r.stderr}")
    notes.append(f"ics: {r.stdout.strip()}; search 'refund': {len(found)} lines")
    return notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", default=str(ROOT / "dist" / NAME))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-baseline", action="store_true",
                    help="do not time the source tree's start")
    args = ap.parse_args(argv)
    bundle = Path(args.bundle).resolve()
    exe = bundle / NAME
    if not exe.is_file():
        print(f"No bundle at {bundle}: run `make bundle` first.", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="hj-bundle-check-") as name:
            tmp = Path(name)
            for note in check_files(bundle):
                print(f"ok  {note}")
            for note in check_commands(exe, tmp):
                print(f"ok  {note}")
            exes = {"bundle": exe}
            if not args.no_baseline:
                exes["source tree (.venv)"] = ROOT / ".venv" / "bin" / NAME
            for label, (first, times) in timed_starts(exes, tmp, args.runs).items():
                print(f"ok  {label}: window shown; first start (new journal) {first:.2f} s, "
                      f"median of {args.runs} starts {statistics.median(times):.2f} s "
                      f"({', '.join(f'{t:.2f}' for t in times)})")
    except Failed as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
