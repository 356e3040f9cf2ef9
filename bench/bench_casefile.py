"""The case file of a big case: 200 contacts and 30 full-screen 2560x1440 PNG screenshots.

A journal with that one case is made through the service (log_contact, add_attachment) and
cached. Measured, interleaved, ``runs`` times each:

* ``cold``: ``casefile.service_bridge.build_for_case`` with the store's print-copy cache emptied
  first: the first case file of exhibits that have no print copy yet (attached or imported by
  an older version; an import now makes them, as attaching does);
* ``warm``: the same with the print copies already made: every case file of exhibits attached
  in the app (the copy is made when an image is attached), and every later case file;
* ``baseline``: a minimal ReportLab document, the floor of the stack, placing the same 30
  screenshots at full resolution (scaled to the page width) after a 200-row table.

Targets: the case file is no slower than the baseline (cold and warm) and smaller than 20 MB.
This runs in one process; issue 23's measure, the command line from outside right after an
import against a ReportLab process, is bench/bench_casefile_cli.py.
Reported too (no target): ``attach_copy_ms``, the median time to make one screenshot's print
copy, which attaching it now adds on the attach worker thread.

    python bench/bench_casefile.py [--runs N] [--contacts N --images N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from common import emit, median, ms, ratio

NAME = "casefile"
TARGET_MB = 20.0
SCREEN = (2560, 1440)
CACHE = Path(tempfile.gettempdir()) / "hj-bench-cache"
VERSION = 1


def screenshot(index: int, out: Path) -> Path:
    """A 2560x1440 PNG that compresses like a real screenshot: flat UI, text, one photo area."""
    from PIL import Image, ImageDraw

    rng = random.Random(1000 + index)
    w, h = SCREEN
    img = Image.new("RGB", SCREEN, (246, 247, 249))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w, 64), fill=(rng.randrange(40, 90), rng.randrange(60, 120), 160))
    d.rectangle((0, 64, 360, h), fill=(232, 234, 238))
    for i in range(24):  # sidebar entries
        d.text((24, 90 + i * 44), f"Conversation {rng.randrange(10_000)}", fill=(40, 40, 40))
    for i in range(60):  # message text
        y = 100 + i * 21
        if y > h - 60:
            break
        words = " ".join(rng.choice(("your", "refund", "claim", "was", "denied", "please",
                                     "ticket", "agent", "session", "invoice", "account"))
                         for _ in range(rng.randrange(6, 22)))
        d.text((400, y), f"{i:02d}  {words}", fill=(30, 30, 30))
    # A photo or avatar area: noise does not compress, like a real picture.
    pw, ph = rng.randrange(300, 520), rng.randrange(220, 380)
    photo = Image.frombytes("RGB", (pw, ph), rng.randbytes(pw * ph * 3))
    img.paste(photo, (w - pw - 80, 120))
    d.rectangle((1800, h - 140, 2480, h - 80), outline=(120, 120, 120), width=3)
    d.text((1820, h - 120), f"Screenshot {index}", fill=(0, 0, 0))
    img.save(out, "PNG")
    return out


def case_journal(contacts: int = 200, images: int = 30, *, shots: list[Path] | None = None,
                 folder: Path | None = None) -> tuple[Path, int, list[Path]]:
    """A cached journal with one case of ``contacts`` contacts and ``images`` screenshots
    (made here unless ``shots`` are given), in ``folder`` or a cache folder."""
    from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
    from headway_journal.journal.service import JournalService

    CACHE.mkdir(parents=True, exist_ok=True)
    if shots is None:
        shots_dir = CACHE / f"screens-v{VERSION}-{images}"
        shots_dir.mkdir(exist_ok=True)
        shots = [shots_dir / f"screen-{i:02d}.png" for i in range(1, images + 1)]
        for i, p in enumerate(shots, 1):
            if not p.is_file():
                tmp = p.with_suffix(".partial.png")
                screenshot(i, tmp)
                tmp.replace(p)
    if folder is None:
        folder = CACHE / f"casefile-v{VERSION}-k{contacts}-i{images}"
    done = folder / "case_id"
    if done.is_file():
        return folder, int(done.read_text()), shots
    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(7)
    svc = JournalService.open(folder)
    try:
        org = svc.organization_by_key("headway")
        assert org is not None
        start = date.today() - timedelta(days=400)
        cid = svc.create_case(CaseInput(
            title="Refund for double-charged sessions", organization_id=org.id,
            issue_type="billing", role="client", opened_on=start,
            summary="Charged twice for four sessions; refund promised many times.",
            desired_outcome="A full refund.", amount_disputed="640.00",
            fields={"invoice_numbers": "INV-2291034", "card_last4": "4242"},
        ))
        zone = datetime.now().astimezone().tzinfo
        ids = []
        for n in range(contacts):
            t = datetime.combine(start + timedelta(days=n * 2 % 390), datetime.min.time(),
                                 tzinfo=zone) + timedelta(hours=9 + n % 8, minutes=n % 60)
            ids.append(svc.log_contact(cid, ContactInput(
                started_at=t.astimezone(UTC), channel=rng.choice(("phone", "chat", "email")),
                ended_at=t.astimezone(UTC) + timedelta(minutes=20), hold_minutes=5,
                rep_name=rng.choice(("Priya Raman", "James Chen", "Maria Núñez")),
                rep_title="Billing specialist", rep_id=f"{rng.randrange(1000, 9999)}",
                tickets=[f"HW-{rng.randrange(10**6, 10**7)}"],
                summary="Asked again about the refund for the double charge; the agent read "
                        "the notes, confirmed the charge and said the refund is in progress.",
                outcome="Told to wait 5 to 7 business days.",
                promises=[PromiseInput("Send the refund", business_days=5)] if n % 3 == 0
                else [],
            )))
        for i, shot in enumerate(shots):
            svc.add_attachment(cid, shot, caption=f"Screenshot {i + 1}",
                               contact_id=ids[i * len(ids) // len(shots)])
    finally:
        svc.close()
    done.write_text(str(cid))
    return folder, cid, shots


def baseline(shots: list[Path], rows: int, out: Path) -> None:
    """The floor: a plain ReportLab document with the same images at full size and a table."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import Image, PageBreak, SimpleDocTemplate, Table

    doc = SimpleDocTemplate(str(out), pagesize=LETTER)
    data = [["#", "When", "Channel", "Representative", "Summary"]]
    for n in range(rows):
        data.append([str(n + 1), f"2026-01-{n % 28 + 1:02d} 10:{n % 60:02d}", "phone",
                     "Priya Raman", "Asked again about the refund for the double charge."])
    story: list[Any] = [Table(data, repeatRows=1), PageBreak()]
    width = doc.width
    for shot in shots:
        story.append(Image(str(shot), width=width, height=width * SCREEN[1] / SCREEN[0]))
    doc.build(story)


def run(runs: int = 3, contacts: int = 200, images: int = 30) -> dict[str, Any]:
    from headway_journal.casefile.service_bridge import build_for_case
    from headway_journal.journal.service import JournalService

    folder, case_id, shots = case_journal(contacts, images)
    samples: dict[str, list[float]] = {"baseline": [], "cold": [], "warm": []}
    sizes: dict[str, int] = {}
    pages = 0
    with tempfile.TemporaryDirectory(prefix="hj-bench-casefile-") as tmp:
        svc = JournalService.open(folder)
        try:
            print_cache = Path(svc.journal.attachments_dir) / "print"
            for _ in range(runs):
                out = Path(tmp) / "baseline.pdf"
                t0 = time.perf_counter()
                baseline(shots, contacts, out)
                samples["baseline"].append(time.perf_counter() - t0)
                sizes["baseline"] = out.stat().st_size
                for label in ("cold", "warm"):
                    if label == "cold":
                        shutil.rmtree(print_cache, ignore_errors=True)
                        print_cache.mkdir(mode=0o700)
                    out = Path(tmp) / f"{label}.pdf"
                    t0 = time.perf_counter()
                    res = build_for_case(svc, case_id, out)
                    samples[label].append(time.perf_counter() - t0)
                    sizes[label] = out.stat().st_size
                    pages = res.pages
            shutil.rmtree(print_cache, ignore_errors=True)
            print_cache.mkdir(mode=0o700)
            per_copy = []
            for a in svc.get_case(case_id).attachments:  # one at a time, as the worker does
                t0 = time.perf_counter()
                svc.store.print_copy(a.sha256)
                per_copy.append(time.perf_counter() - t0)
        finally:
            svc.close()
    med = {k: median(v) for k, v in samples.items()}
    mb = {k: round(v / 1e6, 2) for k, v in sizes.items()}
    result = {
        "name": NAME, "runs": runs, "contacts": contacts, "images": images,
        "image_px": f"{SCREEN[0]}x{SCREEN[1]}",
        "screenshots_mb": round(sum(p.stat().st_size for p in shots) / 1e6, 1),
        "baseline_ms": ms(med["baseline"]), "cold_ms": ms(med["cold"]),
        "warm_ms": ms(med["warm"]),
        "cold_vs_baseline": ratio(med["cold"], med["baseline"]),
        "warm_vs_baseline": ratio(med["warm"], med["baseline"]),
        "all_ms": {k: [ms(x) for x in v] for k, v in samples.items()},
        "attach_copy_ms": ms(median(per_copy)),
        "pdf_mb": mb["cold"], "baseline_pdf_mb": mb["baseline"], "pages": pages,
        "targets": {"vs_baseline": "<= 1.0 (no slower)", "pdf_mb": f"< {TARGET_MB:g}"},
        "ok": bool(med["cold"] <= med["baseline"] and mb["cold"] < TARGET_MB),
    }
    return emit(result)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="case file benchmark")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--contacts", type=int, default=200)
    ap.add_argument("--images", type=int, default=30)
    args = ap.parse_args(argv)
    run(args.runs, args.contacts, args.images)
    return 0


if __name__ == "__main__":
    sys.exit(main())
