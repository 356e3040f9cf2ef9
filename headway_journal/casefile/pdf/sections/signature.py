"""The signature block that ends the main document."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from .... import i18n
from ...person import printed_name
from ..exhibits import Prepared
from ..styles import FONT, FRAME_W
from .context import Context

__all__ = [
    "signature",
]


def signature(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """The signed statement that ends the main document."""
    d = ctx.data
    s = ctx.s
    statement = (
        i18n.text("I prepared this case file from the journal I kept of my contacts with {name}. Each entry shows when the contact happened and when I recorded it; the exhibits are copies of the files I kept, identified by their SHA-256 digests.").format(name=d.organization.name)
    )
    rows = [
        [
            ctx.cell(i18n.text("Signature ______________________________________"), s.body),
            ctx.cell(i18n.text("Date ____________________"), s.body),
        ],
        [ctx.cell(i18n.text("Printed name: {printed_name}").format(printed_name=printed_name(d.person)), s.body), ""],
    ]
    table = Table(rows, colWidths=[330, FRAME_W - 330], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 18),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        CondPageBreak(220),
        KeepTogether(
            [
                Spacer(1, 18),
                ctx.heading(i18n.text("Signature"), "section-signature"),
                ctx.p(statement),
                table,
            ]
        ),
    ]
