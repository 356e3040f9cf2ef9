"""The first case file from the command line, right after an import, measured from outside.

A journal with one case of 200 contacts and 30 screenshots (1,300-2,000 px wide, made of the
app's real screenshots in docs/screenshots, so they compress like real ones) is exported once
to JSON (cached). Each run, interleaved:

* ``cli``: a fresh journal folder, ``python -m headway_journal --journal DIR import FILE``
  (not timed), then the wall-clock time of the process
  ``python -m headway_journal --journal DIR casefile 1 -o OUT.pdf``: interpreter start,
  imports, opening the journal, the print copies (an import makes none) and the PDF;
* ``floor``: the wall-clock time of the process ``python bench/casefile_floor.py``, a minimal
  ReportLab document placing the same 30 images (scaled to the page width) after a table of
  the same number of rows.

Target (issue 23): ``cli`` <= 0.5x ``floor``, medians of the same run. ``--before DIR``
also times, in the same rounds, the app in DIR (an unpacked older commit, e.g.
``git archive COMMIT | tar -x -C DIR``), doing the same import and case file.

    python bench/bench_casefile_cli.py [--runs N] [--contacts N --images N] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import PYTHON, REPO, child_env, emit, median, ms, ratio, run_wall

NAME = "casefile_cli"
TARGET = 0.5
CACHE = Path(tempfile.gettempdir()) / "hj-bench-cache"
VERSION = 1
REAL = ("main-window-client.png", "main-window-clinician.png", "before-you-call.png",
        "welcome.png", "log-contact.png", "new-case.png", "exhibits.png")


def screenshot(index: int, count: int, out: Path) -> tuple[int, int]:
    """The ``index``-th of ``count`` desktop captures, 1,300 to 2,000 px wide (evenly
    spread), tiled from the app's real screenshots."""
    from PIL import Image

    rng = random.Random(500 + index)
    width = 1300 + index * 700 // max(1, count - 1)
    height = round(width * rng.choice((9 / 16, 10 / 16, 0.75)))
    canvas = Image.new("RGB", (width, height), (rng.randrange(30, 70), 60, 90))
    y = 0
    while y < height:
        x = -rng.randrange(200)
        row_h = 0
        while x < width:
            with Image.open(REPO / "docs" / "screenshots" / rng.choice(REAL)) as tile:
                canvas.paste(tile.convert("RGB"), (x, y))
                x += tile.width + rng.randrange(0, 40)
                row_h = max(row_h, tile.height)
        y += row_h + rng.randrange(0, 40)
    canvas.save(out, "PNG")
    return width, height


def exported(contacts: int, images: int) -> tuple[Path, list[list[Any]]]:
    """The cached JSON export of the case, and [path, width, height] of its screenshots."""
    from bench_casefile import case_journal

    folder = CACHE / f"casefile-cli-v{VERSION}-k{contacts}-i{images}"
    spec_file = folder / "images.json"
    if spec_file.is_file():
        return folder / "export" / "journal.json", json.loads(spec_file.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    shots_dir = folder / "shots"
    shots_dir.mkdir(parents=True)
    spec = []
    for i in range(images):
        p = shots_dir / f"screen-{i + 1:02d}.png"
        spec.append([str(p), *screenshot(i, images, p)])
    journal, _case_id, _ = case_journal(contacts, images, shots=[Path(s[0]) for s in spec],
                                        folder=folder / "journal")
    (folder / "export").mkdir()
    run_wall([PYTHON, "-P", "-m", "headway_journal", "--journal", str(journal), "export",
              str(folder / "export" / "journal.json")])
    spec_file.write_text(json.dumps(spec))
    return folder / "export" / "journal.json", spec


def _first_casefile(source: Path, journal: Path, out: Path,
                    env: dict[str, str]) -> tuple[float, float]:
    """Import ``source`` into a new journal, then the case file: seconds of each process.
    ``-P``: the app comes from PYTHONPATH (this tree, or --before's), not the current folder."""
    imported, _ = run_wall([PYTHON, "-P", "-m", "headway_journal", "--journal", str(journal),
                            "import", str(source)], env=env)
    built, _ = run_wall([PYTHON, "-P", "-m", "headway_journal", "--journal", str(journal),
                         "casefile", "1", "-o", str(out)], env=env)
    shutil.rmtree(journal, ignore_errors=True)
    return imported, built


def run(runs: int = 3, contacts: int = 200, images: int = 30,
        before: Path | None = None) -> dict[str, Any]:
    source, spec = exported(contacts, images)
    samples: dict[str, list[float]] = {"floor": [], "cli": []}
    sizes: dict[str, int] = {}
    imports: dict[str, list[float]] = {}  # the import before each case file (not the target)
    env = child_env()
    envs = {"cli": env}
    if before is not None:
        samples["before"] = []
        envs["before"] = child_env(PYTHONPATH=os.pathsep.join((str(before), env["PYTHONPATH"])))
    with tempfile.TemporaryDirectory(prefix="hj-bench-casefile-cli-") as tmp:
        spec_path = Path(tmp) / "spec.json"
        spec_path.write_text(json.dumps({"rows": contacts, "images": spec}))
        for n in range(runs + 1):  # the first round warms the disk cache and the bytecode
            out = Path(tmp) / "floor.pdf"
            dt, _ = run_wall([PYTHON, str(REPO / "bench" / "casefile_floor.py"),
                              str(spec_path), str(out)], env=env)
            if n:
                samples["floor"].append(dt)
            sizes["floor"] = out.stat().st_size
            for label, app_env in envs.items():
                out = Path(tmp) / f"{label}.pdf"
                imported, dt = _first_casefile(source, Path(tmp) / f"journal-{label}-{n}",
                                               out, app_env)
                if n:
                    samples[label].append(dt)
                    imports.setdefault(label, []).append(imported)
                sizes[label] = out.stat().st_size
    med = {k: median(v) for k, v in samples.items()}
    result = {
        "name": NAME, "runs": runs, "contacts": contacts, "images": images,
        "image_widths": [min(s[1] for s in spec), max(s[1] for s in spec)],
        "screenshots_mb": round(sum(Path(s[0]).stat().st_size for s in spec) / 1e6, 1),
        "floor_ms": ms(med["floor"]), "cli_ms": ms(med["cli"]),
        "cli_vs_floor": ratio(med["cli"], med["floor"]),
        "all_ms": {k: [ms(x) for x in v] for k, v in samples.items()},
        "import_ms": {k: ms(median(v)) for k, v in imports.items()},
        **({"before_ms": ms(med["before"]), "before_vs_floor": ratio(med["before"], med["floor"])}
           if before is not None else {}),
        "pdf_mb": round(sizes["cli"] / 1e6, 2), "floor_pdf_mb": round(sizes["floor"] / 1e6, 2),
        "target": f"<= {TARGET:g}x floor",
        "ok": bool(med["cli"] <= TARGET * med["floor"]),
    }
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="command-line case file benchmark")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--contacts", type=int, default=200)
    ap.add_argument("--images", type=int, default=30)
    ap.add_argument("--before", type=Path, help="also time the app in this source tree")
    args = ap.parse_args(argv)
    run(args.runs, args.contacts, args.images, args.before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
