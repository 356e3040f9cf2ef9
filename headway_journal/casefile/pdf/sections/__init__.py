"""The sections of the main document, in the order they are printed.

Each section builder is a function ``(ctx, prep) -> list[Flowable]`` taking the
:class:`~.context.Context` (data, styles, marks, cancellation) and the prepared exhibits; a
new section is a function in one of these modules and an entry in :data:`SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Table

from ..exhibits import Prepared
from .context import Context
from .cover import cover, letter
from .exhibit_list import dividers, exhibit_list
from .exhibit_pages import exhibit_images
from .promises import clocks, escalations, promises
from .references import details, references
from .signature import signature
from .timeline import timeline
from .verification import verification

__all__ = ["SECTIONS", "Context", "build_story", "keep_small_tables"]

Section = Callable[[Context, Prepared], list[Flowable]]

SECTIONS: tuple[Section, ...] = (
    cover,
    letter,
    references,
    details,
    timeline,
    promises,
    escalations,
    clocks,
    exhibit_list,
    exhibit_images,
    signature,
    dividers,
    verification,  # after the dividers: the last page, after every appended exhibit page
)


def build_story(ctx: Context, prep: Prepared) -> list[Flowable]:
    """Every section's flowables, in order (no page break before the first one)."""
    story: list[Flowable] = []
    for step in SECTIONS:
        ctx.check()
        part = step(ctx, prep)
        if not story:
            while part and isinstance(part[0], (PageBreak, CondPageBreak)):
                part = part[1:]
        story += keep_small_tables(part)
    return story


_SMALL_TABLE_ROWS = 12


def keep_small_tables(part: list[Flowable]) -> list[Flowable]:
    """Keep each small table together with the headings and intro text right above it."""
    out: list[Flowable] = []
    for flowable in part:
        if isinstance(flowable, Table) and len(flowable._cellvalues) <= _SMALL_TABLE_ROWS:
            lead: list[Flowable] = []
            while out and isinstance(out[-1], Paragraph) and len(lead) < 3:
                lead.insert(0, out.pop())
            out.append(KeepTogether([*lead, flowable]))
        else:
            out.append(flowable)
    return out
