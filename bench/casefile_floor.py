"""The floor of the command-line case-file benchmark: a minimal ReportLab document.

Run as its own process (``python bench/casefile_floor.py SPEC.json OUT.pdf``) so that it pays
the same interpreter start and imports as the app's command line. SPEC.json holds ``rows``
(how many table rows) and ``images`` (a list of [path, width, height]); every image is placed
scaled to the page width after a table of that many rows, as the case file does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def build(spec: dict[str, Any], out: Path) -> None:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import Image, PageBreak, SimpleDocTemplate, Table

    doc = SimpleDocTemplate(str(out), pagesize=LETTER)
    data = [["#", "When", "Channel", "Representative", "Summary"]]
    for n in range(int(spec["rows"])):
        data.append([str(n + 1), f"2026-01-{n % 28 + 1:02d} 10:{n % 60:02d}", "phone",
                     "Priya Raman", "Asked again about the refund for the double charge."])
    story: list[Any] = [Table(data, repeatRows=1), PageBreak()]
    width = doc.width
    for path, w, h in spec["images"]:
        story.append(Image(str(path), width=width, height=width * h / w))
    doc.build(story)


if __name__ == "__main__":
    build(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2]))
