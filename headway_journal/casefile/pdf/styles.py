"""Fonts, page layout, colours, paragraph and table styles of the case file.

Everything the sections draw with comes from here, so the whole file looks the same. ReportLab
ships only Latin fonts and does not embed the standard 14: the bundled DejaVu fonts are
registered once and named in every paragraph and table style (tables default to Helvetica).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Table, TableStyle

__all__ = [
    "ALERT_BG",
    "BUILD_LOCK",
    "FONT",
    "FONT_BOLD",
    "FONT_MONO",
    "FRAME_H",
    "FRAME_W",
    "HEAD_BG",
    "INK",
    "MARGIN_BOTTOM",
    "MARGIN_TOP",
    "MARGIN_X",
    "MUTED",
    "NOTE_BG",
    "PAGE_H",
    "PAGE_W",
    "RULE",
    "Styles",
    "TableCmd",
    "boxed",
    "data_table",
    "grid_style",
    "make_styles",
    "register_fonts",
]

# ---------------------------------------------------------------------------------------------
# Fonts

FONT = "HJ-DejaVuSans"
FONT_BOLD = "HJ-DejaVuSans-Bold"
FONT_MONO = "HJ-DejaVuSansMono"
_FONT_DIR = Path(__file__).parent.parent / "fonts"
_FONT_LOCK = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the bundled DejaVu fonts with ReportLab (once per process)."""
    global _fonts_registered
    with _FONT_LOCK:
        if _fonts_registered:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(_FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(_FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_MONO, str(_FONT_DIR / "DejaVuSansMono.ttf")))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        pdfmetrics.registerFontFamily(
            FONT_MONO, normal=FONT_MONO, bold=FONT_MONO, italic=FONT_MONO, boldItalic=FONT_MONO
        )
        _fonts_registered = True


TableCmd = tuple[Any, ...]  # a TableStyle command

# Layout (points). US Letter, 0.75 in side margins, room for the stamped footer at the bottom.
PAGE_W, PAGE_H = LETTER
MARGIN_X = 54.0
MARGIN_TOP = 54.0
MARGIN_BOTTOM = 66.0
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#e6e9ee")
ALERT_BG = colors.HexColor("#fbe3e0")
NOTE_BG = colors.HexColor("#f3f3f3")

# ReportLab reads rl_config globals while it writes; builds are serialized so that
# the ASCII85 switch made while rendering never leaks into another build running at the same
# time (font subsetting state is shared between ReportLab documents too).
BUILD_LOCK = threading.Lock()

# ---------------------------------------------------------------------------------------------
# Paragraph and table styles


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the case file."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_label: ParagraphStyle
    mono: ParagraphStyle
    banner: ParagraphStyle
    letter_heading: ParagraphStyle
    letter_item: ParagraphStyle


def make_styles() -> Styles:
    """The paragraph styles, all in the bundled fonts."""
    body = ParagraphStyle(
        "hj-body", fontName=FONT, fontSize=10.5, leading=14, textColor=INK, spaceAfter=6
    )
    cell = ParagraphStyle("hj-cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle("hj-small", parent=body, fontSize=9, leading=11.5),
        muted=ParagraphStyle("hj-muted", parent=body, fontSize=9, leading=11.5, textColor=MUTED),
        kicker=ParagraphStyle(
            "hj-kicker", parent=body, fontName=FONT_BOLD, fontSize=11, textColor=MUTED
        ),
        title=ParagraphStyle(
            "hj-title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=10
        ),
        h1=ParagraphStyle(
            "hj-h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=16,
            spaceAfter=8,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "hj-h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h3=ParagraphStyle(
            "hj-h3", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14, spaceAfter=4
        ),
        cell=cell,
        cell_bold=ParagraphStyle("hj-cell-bold", parent=cell, fontName=FONT_BOLD),
        cell_head=ParagraphStyle("hj-cell-head", parent=cell, fontName=FONT_BOLD),
        cell_label=ParagraphStyle("hj-cell-label", parent=cell, textColor=MUTED),
        mono=ParagraphStyle("hj-mono", parent=cell, fontName=FONT_MONO, fontSize=7.5, leading=9.5),
        banner=ParagraphStyle(
            "hj-banner", parent=body, fontName=FONT_BOLD, fontSize=10, leading=13, spaceAfter=0
        ),
        letter_heading=ParagraphStyle(
            "hj-letter-heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        letter_item=ParagraphStyle(
            "hj-letter-item",
            parent=body,
            leftIndent=16,
            bulletIndent=4,
            bulletFontName=FONT,  # the default is Helvetica, which is not embedded
            spaceAfter=3,
        ),
    )


def grid_style(header: bool = True, extra: Sequence[TableCmd] = ()) -> TableStyle:
    """The common table style; FONTNAME is always set (tables default to Helvetica)."""
    cmds: list[TableCmd] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("LEADING", (0, 0), (-1, -1), 12),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        cmds += [
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ]
    cmds += list(extra)
    return TableStyle(cmds)


def data_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    extra: Sequence[TableCmd] = (),
    grid: bool = True,
) -> Table:
    """A table with a header row that repeats on each page; *grid* False rules rows only."""
    table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    cmds = list(extra)
    if not grid:
        cmds = [
            ("GRID", (0, 0), (-1, -1), 0, colors.white),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("BOX", (0, 0), (-1, -1), 0.4, RULE),
            *cmds,
        ]
    table.setStyle(grid_style(header=True, extra=cmds))
    return table


def boxed(content: Flowable, background: colors.Color) -> Table:
    """*content* in a full-width box with a *background*."""
    table = Table([[content]], colWidths=[FRAME_W], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table
