"""The printable recovery sheet of a locked journal: its recovery key, and what it is for.

Shown once, when a journal is encrypted: the recovery key opens the journal when the
passphrase is forgotten, and nothing else does. The sheet says so plainly, says where to keep
it, and leaves room to write down where the journal lives. Written atomically and privately;
never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .. import i18n
from ..journal.fsutil import write_atomic
from .pdf.styles import BUILD_LOCK, FONT_MONO, MARGIN_X, RULE, make_styles, register_fonts
from .pdf.text import escape

__all__ = ["RecoverySheet", "write_recovery_sheet"]


@dataclass(frozen=True)
class RecoverySheet:
    recovery_key: str
    journal_location: str
    owner: str
    made_on: datetime


def _paragraphs(sheet: RecoverySheet) -> list[object]:
    styles = make_styles()
    key_style = ParagraphStyle("hj-recovery-key", parent=styles.body, fontName=FONT_MONO,
                               fontSize=20, leading=28, alignment=1)
    t = i18n.text
    groups = sheet.recovery_key.split("-")
    lines = ["-".join(groups[:4]), "-".join(groups[4:])]
    key_box = Table([[Paragraph("<br/>".join(escape(x) for x in lines), key_style)]],
                    colWidths=[LETTER[0] - 2 * MARGIN_X])
    key_box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, RULE),
                                 ("TOPPADDING", (0, 0), (-1, -1), 14),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    made = sheet.made_on.strftime("%Y-%m-%d %H:%M")
    return [
        Paragraph(escape(t("Headway Journal: recovery sheet")), styles.title),
        Paragraph(escape(t("Made on {date} for {owner}.")).format(
            date=escape(made), owner=escape(sheet.owner or t("the journal's owner"))),
            styles.muted),
        Spacer(1, 12),
        Paragraph(escape(t("Your recovery key")), styles.kicker),
        key_box,
        Spacer(1, 14),
        Paragraph(escape(t(
            "This key opens your journal if you forget its passphrase. Nothing else can: "
            "the journal is encrypted, and without the passphrase or this key no one, "
            "including the app's developers, can read it or get it back.")), styles.body),
        Paragraph(escape(t(
            "Anyone who has this sheet and a copy of the journal can read the journal. Keep "
            "it where you keep other important papers, not with the computer, and not in "
            "a photo on your phone.")), styles.body),
        Paragraph(escape(t(
            "To use it: open the journal, choose \u201cUse the recovery key\u201d at the "
            "passphrase prompt, type the key (dashes and capitals do not matter), then choose "
            "a new passphrase.")), styles.body),
        Spacer(1, 10),
        Paragraph(escape(t("The journal")), styles.kicker),
        Paragraph(escape(sheet.journal_location), styles.mono),
    ]


def write_recovery_sheet(sheet: RecoverySheet, out: Path) -> None:
    """Write the one-page sheet to ``out`` (atomic, 0600)."""
    register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_X, bottomMargin=MARGIN_X,
                            title=i18n.text("Headway Journal recovery sheet"),
                            author=sheet.owner, invariant=True)
    with BUILD_LOCK:
        doc.build(_paragraphs(sheet))
    write_atomic(out, buffer.getvalue())
