"""``headway-journal ocr [CASE] [--again]``: recognise the text in image exhibits.

Without CASE every case's image exhibits that have no recognised text yet are read; ``--again``
reads them all once more (a text the user corrected stays). One line per exhibit that could not
be read; without Tesseract, one line saying how to install it (exit 1).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["add_commands"]


def add_commands(sub: Any) -> dict[str, Callable[[argparse.Namespace, Path], int]]:
    c = sub.add_parser("ocr", help="recognise the text in image exhibits (needs Tesseract)",
                       description="Recognise the text in the image exhibits of CASE (its key "
                                   "or number), or of every case, so that search finds it and "
                                   "the contact dialog offers the ticket numbers in it. Only "
                                   "exhibits without recognised text, unless --again.")
    c.add_argument("case", metavar="CASE", nargs="?", help="the case's key or number")
    c.add_argument("--again", action="store_true",
                   help="read every image again (texts you corrected are kept)")
    return {"ocr": _ocr}


def _ocr(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_FAILED, EXIT_OK, CliError, echo, open_journal
    from headway_journal.journal.capture import ocr

    missing = ocr.unavailable()
    if missing is not None:
        raise CliError(missing)
    with open_journal(folder, writes=True) as svc:
        case_id = svc.find_case(args.case) if args.case else None
        ids = svc.images_to_recognise(case_id, again=args.again)
        if not ids:
            print("No image exhibits to read.")
            return EXIT_OK
        stored, problems = ocr.recognise_exhibits(svc, ids)
    for problem in problems:
        print(f"not read: {echo(problem, limit=None)}")
    print(f"Recognised the text of {len(stored)} of {len(ids)} image exhibit"
          f"{'s' if len(ids) != 1 else ''}.")
    return EXIT_FAILED if problems else EXIT_OK
