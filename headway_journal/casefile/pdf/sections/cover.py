"""The cover page (case, parties, status, what happened) and the cover letter."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from .... import i18n
from ...data import CaseFileData
from ...letter import letter_blocks
from ...person import party_lines
from ...redact import unmaskable_kind
from ..exhibits import Prepared
from ..styles import ALERT_BG, NOTE_BG, boxed
from ..text import clean, esc, fmt_date, fmt_dt, fmt_minutes, numbers, plural
from .context import Context

__all__ = [
    "cover",
    "letter",
    "range_note",
    "redacted_banner",
]


_LETTER_MAX_BLANKS = 6  # more blank lines in a row in the letter count as this many


def cover(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """The cover page: case, parties, status and counts, the resolution wanted and the story."""
    d = ctx.data
    s = ctx.s
    out: list[Flowable] = [
        ctx.heading(
            i18n.text("Case file · case #{case_number} ({case_key})").format(case_number=d.case_number, case_key=d.case_key),
            "section-cover",
            s.kicker,
            title=i18n.text("Cover"),
        ),
        ctx.p(d.title, s.title),
    ]
    if d.redacted:
        out += [boxed(ctx.markup(redacted_banner(d), s.banner), NOTE_BG), Spacer(1, 8)]
    if d.safety_note:
        out += [
            boxed(ctx.markup(f"<b>Safety.</b> {esc(d.safety_note)}", s.small), ALERT_BG),
            Spacer(1, 8),
        ]
    person = party_lines(d.person)
    org = [d.organization.name, d.organization.address, d.organization.website]
    promises = [p for c in d.contacts for p in c.promises]
    broken = sum(1 for p in promises if p.status == "broken")
    overdue = sum(1 for p in promises if p.status == "overdue")
    hold = sum(max(0, c.hold_minutes) for c in d.contacts)
    rows = [
        (i18n.text("Person"), "\n".join(x for x in person if x.strip())),
        (i18n.text("Organization"), "\n".join(x for x in org if x.strip())),
        (i18n.text("Issue type"), d.issue_type_label),
        (i18n.text("Role"), d.role),
        (i18n.text("Status"), d.status),
        (i18n.text("Opened"), i18n.text("{fmt_date} ({plural} open)").format(fmt_date=fmt_date(d.opened_on), plural=plural(d.days_open, 'day'))),
        (i18n.text("Amount disputed"), d.amount_disputed or i18n.text("none stated")),
        (
            i18n.text("Contacts"),
            i18n.text("{len} logged; total time on hold {fmt_minutes}").format(len=len(d.contacts), fmt_minutes=fmt_minutes(hold))
            + (f" ({range_note(d)})" if d.contacts_range is not None else ""),
        ),
        (
            i18n.text("Promises"),
            i18n.text("{len} recorded; {broken} broken, {overdue} overdue").format(len=len(promises), broken=broken, overdue=overdue),
        ),
        (i18n.text("Generated"), fmt_dt(d.generated_at)),
    ]
    out.append(ctx.kv_table(rows, 120))
    out += [
        Spacer(1, 10),
        ctx.p(i18n.text("Resolution wanted"), s.h2),
        ctx.p(d.desired_outcome or i18n.text("Not stated.")),
        ctx.p(i18n.text("What happened"), s.h2),
        ctx.p(d.narrative or i18n.text("No narrative was written.")),
    ]
    return out


def letter(ctx: Context, _prep: Prepared) -> list[Flowable]:
    """The cover letter on its own page(s), if one was written."""
    text = clean(ctx.data.cover_letter or "").strip()
    if not text:
        return []
    out: list[Flowable] = [
        PageBreak(),
        ctx.heading(i18n.text("Cover letter"), "section-letter", ctx.s.kicker),
    ]
    s = ctx.s
    previous = ""
    for block in letter_blocks(text):
        extra = min(_LETTER_MAX_BLANKS, block.blank_lines_before) - 1
        if extra > 0:  # blank lines kept, e.g. the room for the signature
            out.append(Spacer(1, extra * s.body.leading))
        if previous == "item" and block.kind != "item" and block.blank_lines_before:
            out.append(Spacer(1, s.body.spaceAfter - s.letter_item.spaceAfter))
        if block.kind == "heading":
            out.append(ctx.p(block.text, s.letter_heading))
        elif block.kind == "item":
            out.append(Paragraph(esc(block.text), s.letter_item, bulletText="•"))
        elif block.text.casefold().startswith("re:"):  # the subject line, in bold
            subject, _, rest = block.text.partition("\n")
            markup = f"<b>{esc(subject)}</b>" + (f"<br/>{esc(rest)}" if rest else "")
            out.append(ctx.markup(markup))
        else:
            out.append(ctx.p(block.text))
        previous = block.kind
    return out


def range_note(d: CaseFileData) -> str:
    """"contacts from November 1, 2026 to November 30, 2026; 1,234 others not included"."""
    first, last = d.contacts_range or (None, None)
    start = fmt_date(first) if first is not None else i18n.text("the first contact")
    end = fmt_date(last) if last is not None else i18n.text("the last contact")
    others = d.contacts_not_included
    rest = (
        i18n.plural("{others:,} other not included", "{others:,} others not included",
                    others).format(others=others)
        if others
        else i18n.text("no others were logged")
    )
    return i18n.text("contacts from {start} to {end}; {rest}").format(start=start, end=end, rest=rest)


def redacted_banner(d: CaseFileData) -> str:
    """What the redacted copy masks, what it withholds and what it reproduces as filed."""
    text = (
        i18n.text("REDACTED COPY. Account, member, claim, authorization, invoice, NPI and EIN numbers, "
        "representative IDs, e-mail addresses, phone numbers and other long numbers are masked "
        "to their last 4 characters. Screenshots are reproduced as filed and are not masked.")
    )
    withheld = [x.number for x in d.exhibits if x.withheld]
    included = [
        x.number for x in d.exhibits if not x.withheld and unmaskable_kind(x.media_type)
    ]
    if withheld:
        text += (
            i18n.plural(" {numbers} (PDF or text) is withheld from this redacted copy: listed with "
                        "name, size and SHA-256 only.",
                        " {numbers} (PDF or text) are withheld from this redacted copy: listed "
                        "with name, size and SHA-256 only.",
                        len(withheld)).format(numbers=numbers('Exhibit', withheld))
        )
    if included:
        text += (
            i18n.plural(" <b>{numbers} is included as filed: its contents are not masked.</b>",
                        " <b>{numbers} are included as filed: their contents are not "
                        "masked.</b>", len(included)).format(numbers=numbers('Exhibit', included))
        )
    return text
