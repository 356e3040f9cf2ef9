"""Make docs/sample-casefile.pdf and docs/screenshots/casefile-page{1,2,3}.png.

    make casefile-sample
    .venv/bin/python docs/make_sample_casefile.py [--redacted] [--letter] [output.pdf]

Builds the demo journal (``populate_demo``: fictional people, numbers and addresses, dates
relative to today) in a temporary folder, adds one fictional PDF exhibit to the billing case
(the refund-request confirmation e-mail "saved as PDF", so the sample shows how PDF exhibits
are appended) and builds the billing case's case file through the same bridge as the window
and the command line (``--letter`` adds the cover letter drafted to the escalation owner).
Pages 1 to 3 (cover, references, timeline) are then rendered with QtPdf at 110 dpi.
Nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "sample-casefile.pdf"
SHOTS = DOCS / "screenshots"
DPI = 110
PAGES = (1, 2, 3)


def confirmation_email_pdf(ticket: str, sent_on: date) -> bytes:
    """A one-page, A4 "printed e-mail": the refund request confirmation (fictional)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("Your refund request")
    width, height = A4
    c.setFillColorRGB(0.09, 0.24, 0.44)
    c.rect(0, height - 70, width, 70, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(50, height - 45, "headway")
    c.setFillColorRGB(0.1, 0.1, 0.1)
    lines = [
        ("Helvetica", 9, f"From: Headway Support <support@headway.example>   {sent_on:%a, %b %d, %Y} 10:34"),
        ("Helvetica", 9, "To: dana.whitfield@example.org"),
        ("Helvetica-Bold", 13, f"Your refund request {ticket}"),
        ("Helvetica", 11, ""),
        ("Helvetica", 11, "Hi Dana,"),
        ("Helvetica", 11, ""),
        ("Helvetica", 11, "We received your request about a duplicate charge of $150.00 for one"),
        ("Helvetica", 11, "therapy session. Our billing team will review it and refund the"),
        ("Helvetica", 11, "duplicate within 5 business days."),
        ("Helvetica", 11, ""),
        ("Helvetica", 11, f"Your request number is {ticket}. Please keep it for any follow-up."),
        ("Helvetica", 11, ""),
        ("Helvetica", 11, "Headway Support"),
    ]
    y = height - 110
    for font, size, text in lines:
        c.setFont(font, size)
        c.drawString(50, y, text)
        y -= size + 9
    c.setFont("Helvetica", 7)
    c.setFillColorRGB(0.45, 0.45, 0.45)
    c.drawString(50, 64, "Printed from the mail app. Fictional sample for Headway Journal.")
    c.showPage()
    c.save()
    return buf.getvalue()


def build(out: Path, *, redacted: bool, letter: bool) -> tuple[Path, int]:
    from headway_journal.casefile import draft_cover_letter
    from headway_journal.casefile.service_bridge import build_for_case, casefile_data
    from headway_journal.journal.demo import DEMO_MARKER_KEY, populate_demo
    from headway_journal.journal.service import JournalService

    with tempfile.TemporaryDirectory(prefix="hj-sample-") as tmp, JournalService.open(
        Path(tmp) / "journal"
    ) as svc:
        populate_demo(svc)
        case_id = svc.find_case(DEMO_MARKER_KEY)
        case = svc.get_case(case_id)
        first = min(case.contacts, key=lambda c: c.started_at)
        svc.add_attachment(
            case_id, confirmation_email_pdf(first.tickets[0], first.started_at.date()),
            original_name="refund-request-confirmation.pdf",
            caption="Confirmation e-mail of the refund request (saved as PDF)",
            contact_id=first.id)
        text = None
        if letter:
            data = casefile_data(svc, case_id, check_files=False)
            owner = next((e.owner_name for e in reversed(data.escalations) if e.owner_name), "")
            text = draft_cover_letter(data, addressee=owner)
        result = build_for_case(svc, case_id, out, redact=redacted, cover_letter=text)
    return result.path, result.pages


def render_pages(pdf: Path, pages: tuple[int, ...], folder: Path) -> list[Path]:
    from PIL import Image
    from PySide6.QtCore import QPoint, QSize
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QtPdf needs one
    doc = QPdfDocument(None)
    if doc.load(str(pdf)) != QPdfDocument.Error.None_:
        raise SystemExit(f"QtPdf could not open {pdf}")
    written = []
    try:
        for number in pages:
            if number > doc.pageCount():
                break
            points = doc.pagePointSize(number - 1)
            size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
            rendered = doc.render(number - 1, size)
            page = QImage(size, QImage.Format.Format_RGB32)
            page.fill(QColor("white"))
            painter = QPainter(page)
            painter.drawImage(QPoint(0, 0), rendered)
            painter.end()
            target = folder / f"casefile-page{number}.png"
            tmp = target.with_suffix(".tmp.png")
            page.save(str(tmp), "PNG")
            with Image.open(tmp) as im:  # palette PNG: a third of the size, no visible loss
                im.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE).save(
                    target, "PNG", optimize=True)
            tmp.unlink()
            written.append(target)
    finally:
        doc.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(OUT))
    parser.add_argument("--redacted", action="store_true", help="build the redacted copy")
    parser.add_argument("--letter", action="store_true",
                        help="include the cover letter drafted to the escalation owner")
    parser.add_argument("--no-screenshots", action="store_true")
    args = parser.parse_args(argv)
    out = Path(args.output).resolve()
    path, pages = build(out, redacted=args.redacted, letter=args.letter)
    size = path.stat().st_size
    print(f"{path}: {pages} pages, {size / 1e3:.0f} KB")
    if not args.no_screenshots:
        SHOTS.mkdir(exist_ok=True)
        for shot in render_pages(path, PAGES, SHOTS):
            print(f"{shot}: {shot.stat().st_size / 1e3:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
