"""The list of exhibits (with digests and how each appears) and the divider page before each
appended PDF exhibit."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer

from headway_journal import i18n

from ...data import Exhibit
from ..exhibits import Prepared
from ..marks import Heading
from ..styles import ALERT_BG, FRAME_W, TableCmd, boxed, data_table
from ..text import esc, escape, exhibit_title, fmt_date, fmt_dt, fmt_size, sha_markup
from .context import Context

__all__ = [
    "dividers",
    "exhibit_list",
]


def exhibit_list(ctx: Context, prep: Prepared) -> list[Flowable]:
    """The exhibit list (number, caption, name, date, size, type, SHA-256) and why any are not
    shown."""
    s = ctx.s
    exhibits = sorted(ctx.data.exhibits, key=lambda x: x.number)
    out: list[Flowable] = [PageBreak(), ctx.heading(i18n.text("Exhibits"), "section-exhibits")]
    if not exhibits:
        if ctx.data.omitted_exhibits:  # all of them left out of this copy
            numbers = ", ".join(str(n) for n in ctx.data.omitted_exhibits)
            word = i18n.text("Exhibit") if len(ctx.data.omitted_exhibits) == 1 else i18n.text("Exhibits")
            return out + [ctx.p(i18n.text("{word} {numbers} left out of this copy.").format(
                word=word, numbers=numbers))]
        return out + [ctx.p(i18n.text("No exhibits are attached."), s.muted)]
    out.append(
        ctx.p(
            i18n.text("Each exhibit is identified by its SHA-256 digest, computed when it was "
                      "added "
            "to the journal; a copy can be checked against it (for example with "
            "sha256sum)."),
            s.muted,
        )
    )
    rows: list[list[Flowable | str]] = [
        [ctx.cell(h) for h in (i18n.text("No."), i18n.text("Caption"), i18n.text("Original name"), i18n.text("Added"), i18n.text("Size"), i18n.text("Type"))]
    ]
    extra: list[TableCmd] = []
    for ex in exhibits:
        extra += _exhibit_rows(ctx, prep, ex, rows)
    out.append(data_table(rows, [26, 146, 118, 64, 58, FRAME_W - 412], extra=extra, grid=False))
    if ctx.data.omitted_exhibits:
        numbers = ", ".join(str(n) for n in ctx.data.omitted_exhibits)
        word = i18n.text("Exhibit") if len(ctx.data.omitted_exhibits) == 1 else i18n.text("Exhibits")
        out.append(Spacer(1, 6))
        out.append(
            ctx.p(i18n.text("{word} {numbers} left out of this copy; the others keep their "
                            "numbers.").format(word=word, numbers=numbers))
        )
    if prep.not_shown:
        out += _not_shown(ctx, prep, exhibits)
    return out


def _exhibit_rows(ctx: Context, prep: Prepared, ex: Exhibit, rows: list[list[Flowable | str]]
                  ) -> list[TableCmd]:
    """Add an exhibit's two rows (its details, then its SHA-256); the table commands that keep
    them together."""
    s = ctx.s
    note = prep.notes.get(ex.number, "")
    missing = ex.number in prep.not_shown and "missing" in prep.not_shown[ex.number]
    came = (f"<br/><font size=8 color='#555555'>{esc(i18n.text('From:'))} "
            f"{esc(ex.provenance)}</font>") if ex.provenance else ""
    caption = (f"{esc(ex.caption)}{came}<br/><font size=8 color='#555555'>{esc(note)}"
               "</font>")
    if missing:
        caption = f"{esc(ex.caption)}{came}<br/><b><font size=8>{esc(note)}</font></b>"
    rows.append(
        [
            ctx.cell(str(ex.number), s.cell_bold),
            ctx.markup(caption, s.cell),
            ctx.cell(ex.original_name),
            ctx.cell(fmt_date(ex.added_at.date())),
            ctx.markup(
                i18n.text("{esc}<br/><font size=7.5>{size:,} B</font>").format(
                    esc=esc(fmt_size(ex.size)), size=ex.size),
                s.cell,
            ),
            ctx.cell(ex.media_type),
        ]
    )
    rows.append(["", ctx.markup(i18n.text("SHA-256 {sha_markup}").format(
        sha_markup=sha_markup(ex.sha256)), s.mono)])
    r = len(rows) - 1
    return [
        ("SPAN", (1, r), (-1, r)),
        ("NOSPLIT", (0, r - 1), (-1, r)),
        ("LINEABOVE", (1, r), (-1, r), 0, colors.white),
        ("TOPPADDING", (0, r), (-1, r), 0),
        ("LINEBELOW", (0, r - 1), (-1, r - 1), 0.4, colors.white),
    ]


def _not_shown(ctx: Context, prep: Prepared, exhibits: list[Exhibit]) -> list[Flowable]:
    """Why some exhibits are not shown in this file, one line each."""
    s = ctx.s
    out: list[Flowable] = [ctx.p(i18n.text("Exhibits not shown in this file"), s.h2)]
    by_number = {x.number: x for x in exhibits}
    for number, reason in sorted(prep.not_shown.items()):
        ex = by_number[number]
        out.append(
            ctx.markup(
                i18n.text("<b>Exhibit {number}</b> — {esc} ({esc2}): {esc3}.").format(
                    number=number, esc=esc(ex.caption), esc2=esc(ex.original_name),
                    esc3=esc(reason)),
                s.small,
            )
        )
    return out


def dividers(ctx: Context, prep: Prepared) -> list[Flowable]:
    """One divider page per PDF exhibit; its pages are merged in right after it."""
    s = ctx.s
    out: list[Flowable] = []
    pdfs = sorted(prep.pdfs, key=lambda p: p.exhibit.number)
    if not pdfs:
        return out
    from ..pages import exhibit_scale, percent, upright_size  # pypdf: PDF exhibits only

    for index, pdf in enumerate(pdfs):
        ex = pdf.exhibit
        out.append(PageBreak())
        if index == 0:
            out.append(ctx.heading(i18n.text("Appended PDF exhibits"), "section-appended", s.kicker))
        out += [
            Heading(
                i18n.text("Exhibit {number} — {esc}").format(number=ex.number, esc=esc(ex.caption)),
                s.title,
                key=f"divider-{ex.number}",
                title=exhibit_title(ex),
                sink=ctx.marks,
            ),
            ctx.kv_table(
                [
                    (i18n.text("Exhibit"), str(ex.number)),
                    (i18n.text("Caption"), ex.caption),
                    (i18n.text("Original name"), ex.original_name),
                    (i18n.text("Added"), fmt_dt(ex.added_at)),
                    (i18n.text("Size"), i18n.text("{fmt_size} ({size:,} bytes)").format(
                        fmt_size=fmt_size(ex.size), size=ex.size)),
                    (i18n.text("Media type"), ex.media_type),
                ],
                110,
            ),
            Spacer(1, 6),
            ctx.markup(i18n.text("SHA-256 {escape}").format(escape=escape(ex.sha256)), s.mono),
            Spacer(1, 14),
        ]
        if pdf.problem is not None or pdf.reader is None:
            out.append(
                boxed(
                    ctx.markup(
                        i18n.text("<b>This PDF could not be appended:</b> {esc}. The original file "
                                  "is kept in the journal and can be provided separately; the "
                                  "digest above identifies it.").format(esc=esc(pdf.problem or '')),
                        s.body,
                    ),
                    ALERT_BG,
                )
            )
            continue
        scales = [exhibit_scale(*upright_size(page)) for page in pdf.reader.pages]
        low, high = percent(min(scales)), percent(max(scales))
        reduced = f"to {high}" if low == high else i18n.text("to between {low} and {high}").format(
            low=low, high=high)
        if pdf.pages == 1:
            following = i18n.text("The page after this one is the document as filed, reduced")
        else:
            following = (
                i18n.text("The {pages} pages after this one are the document as filed, each "
                          "reduced").format(pages=pdf.pages)
            )
        out.append(
            ctx.p(
                i18n.text("{following} {reduced} of its size and framed, so that the footer of "
                          "this case file fits below it without covering any of it. Nothing else "
                          "is changed.").format(following=following, reduced=reduced)
            )
        )
    return out
