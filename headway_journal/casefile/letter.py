"""Draft a formal escalation letter from the case, as plain text the user can edit.

The letter is plain text, and the same few conventions that make it read well in a text box
decide how the PDF lays it out (:func:`letter_blocks` reads them):

* Paragraphs are separated by blank lines. Extra blank lines give extra space (the draft
  leaves room for the signature after "Sincerely," that way).
* A heading is a line on its own (a blank line before and after it) written in Title Case,
  with no final punctuation and no digits, such as "What Happened" or "Record of Contacts".
  Only lines between the salutation ("Dear ...") and the closing ("Sincerely," ...) can be
  headings, so the date, the address and the signature block never are.
* Lines starting with "- " (or "• ") are list items.

The draft writes its section titles that way, and makes sure text taken from the case (the
narrative, the resolution wanted) never reads as a heading by mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .. import i18n
from ..l10n import formats
from .data import REFERENCE_LABELS, CaseFileData, ContactRow, Exhibit
from .person import FILL_IN

__all__ = [
    "LetterBlock",
    "closing_section",
    "commitments_section",
    "contact_line",
    "contacts_section",
    "day_count",
    "draft_cover_letter",
    "escalations_section",
    "exhibits_section",
    "exhibit_note",
    "is_heading_line",
    "letter_blocks",
    "long_date",
    "not_a_heading",
    "one_line",
    "pick_contacts",
    "rep_label",
    "sentence",
]

_MAX_LISTED_CONTACTS = 12


_HEADING_MAX_CHARS = 70
_HEADING_MAX_WORDS = 10
_SALUTATION = re.compile(r"(dear|to whom|hello|hi|estimad[oa]s?|a quien corresponda|hola)\b",
                         re.IGNORECASE)
_CLOSING = re.compile(
    r"(sincerely|yours (sincerely|faithfully|truly)|(kind |best |warm )?regards|best wishes|"
    r"with thanks|respectfully( yours)?|thank you|very truly yours|"
    r"atentamente|cordialmente|(un )?saludo( cordial)?|(saludos|muchas gracias))",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"[-•–]\s+")


@dataclass(frozen=True)
class LetterBlock:
    """One block of the letter: a heading, a paragraph (lines kept) or a list item."""

    kind: Literal["heading", "paragraph", "item"]
    text: str
    blank_lines_before: int = 0  # blank lines between this block and the one before


def is_heading_line(line: str) -> bool:
    """True for a short Title Case line without final punctuation or digits.

    Words of four letters or more start with a capital ("Record of Contacts" is a heading,
    "Record of contacts" is not); the first word always does.
    """
    line = line.strip()
    if not line or len(line) > _HEADING_MAX_CHARS or any(ch.isdigit() for ch in line):
        return False
    if not (line[-1].isalpha() or line[-1] == ")"):
        return False
    words = line.split()
    if len(words) > _HEADING_MAX_WORDS or not words[0][0].isupper():
        return False
    for word in words:
        letters = word.strip("()\"'“”‘’-")
        if len(letters) >= 4 and letters[0].isalpha() and not letters[0].isupper():
            return False
    return True


def _is_salutation(line: str) -> bool:
    line = line.strip()
    return len(line) <= 80 and bool(_SALUTATION.match(line))


def _is_closing(line: str) -> bool:
    """ "Sincerely," or "Kind regards" on a short line of its own (not "Thank you for ...")."""
    return bool(_CLOSING.fullmatch(line.strip().rstrip(",.!")))


def _paragraphs(text: str) -> list[tuple[list[str], int]]:
    """Paragraphs of *text* (their lines) and how many blank lines precede each."""
    out: list[tuple[list[str], int]] = []
    current: list[str] = []
    blanks = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            if not current:
                out.append((current, blanks if out else 0))
            current.append(line.rstrip())
            blanks = 0
        else:
            current = []
            blanks += 1
    return out


def letter_blocks(text: str) -> list[LetterBlock]:
    """Split a letter into headings, paragraphs and list items (see the module docstring)."""
    paras = _paragraphs(text)
    start = next((i + 1 for i, (lines, _) in enumerate(paras) if _is_salutation(lines[0])), 0)
    end = next(
        (i for i, (lines, _) in enumerate(paras) if i >= start and _is_closing(lines[0])),
        len(paras),
    )
    blocks: list[LetterBlock] = []
    for index, (lines, blanks) in enumerate(paras):
        if (
            start <= index < end - 1  # a heading has a paragraph after it, before the closing
            and len(lines) == 1
            and is_heading_line(lines[0])
        ):
            blocks.append(LetterBlock("heading", lines[0].strip(), blanks))
            continue
        pending: list[str] = []
        gap = blanks
        in_item = False
        for line in lines:
            item = _LIST_ITEM.match(line.lstrip())
            if item is None and in_item and line[:1].isspace():
                last = blocks.pop()  # an indented line continues the list item above it
                blocks.append(replace(last, text=f"{last.text}\n{line.strip()}"))
            elif item is None:
                pending.append(line)
                in_item = False
            else:
                if pending:
                    blocks.append(LetterBlock("paragraph", "\n".join(pending), gap))
                    pending, gap = [], 0
                blocks.append(LetterBlock("item", line.lstrip()[item.end() :].strip(), gap))
                gap = 0
                in_item = True
        if pending:
            blocks.append(LetterBlock("paragraph", "\n".join(pending), gap))
    return blocks


def not_a_heading(text: str) -> str:
    """Text from the case, with a period after any paragraph that would read as a heading."""
    paras = re.split(r"(\n[ \t]*\n)", text)
    for i in range(0, len(paras), 2):
        if "\n" not in paras[i].strip() and is_heading_line(paras[i]):
            paras[i] = paras[i].rstrip() + "."
    return "".join(paras)


def long_date(d: date) -> str:
    return formats.long_date(d)


def day_count(n: int) -> str:
    return i18n.plural("{n} day", "{n} days", n).format(n=n)


def one_line(text: str) -> str:
    return " ".join(text.split())


def sentence(text: str) -> str:
    text = one_line(text).rstrip()
    if text and text[-1] not in ".!?…\"”'":
        text += "."
    return text


def rep_label(c: ContactRow) -> str:
    name = c.rep_name.strip()
    title = c.rep_title.strip()
    if name and title:
        return f"{name} ({title})"
    return name or title or i18n.text("a representative whose name was not given")


def contact_line(c: ContactRow) -> str:
    channel = i18n.text(c.channel.replace("_", " ").strip()) or i18n.text("contact")
    line = f"- {long_date(c.started_at.date())}, {channel}: {rep_label(c)}"
    tickets = [t.strip() for t in c.tickets if t.strip()]
    if tickets:
        line += i18n.text(", ticket {join}").format(join=', '.join(tickets))
    what = c.outcome.strip() or c.summary.strip()
    if what:
        line += f". {sentence(what)}"
    else:
        line += "."
    return line


def exhibit_note(x: Exhibit) -> str:
    name = x.original_name.strip()
    if x.path is None or not x.path.is_file():
        return i18n.text("{name}; file missing, not enclosed").format(name=name)
    media = x.media_type.split(";", 1)[0].strip().lower()
    shown = (media.startswith("image/") and x.preview_ok) or media == "application/pdf"
    return name if shown else i18n.text("{name}; not reproduced in the case file, available on "
                                        "request").format(name=name)


def pick_contacts(contacts: list[ContactRow]) -> list[ContactRow]:
    """All contacts when there are few; otherwise the first, the last and those with promises."""
    if len(contacts) <= _MAX_LISTED_CONTACTS:
        return contacts
    chosen = {contacts[0].number, contacts[-1].number}
    for c in contacts:
        if len(chosen) >= _MAX_LISTED_CONTACTS:
            break
        if c.promises:
            chosen.add(c.number)
    return [c for c in contacts if c.number in chosen]


def draft_cover_letter(data: CaseFileData, *, addressee: str) -> str:
    """A formal escalation letter pre-filled from the case, for the user to edit."""
    addressee = addressee.strip()
    org = data.organization.name.strip() or i18n.text("your organization")
    contacts = sorted(data.contacts, key=lambda c: (c.started_at, c.number))
    parts: list[str] = []
    parts += _letter_head(data, addressee, org)
    parts += contacts_section(data, contacts, org)
    parts += commitments_section(contacts)
    parts += escalations_section(data)
    parts += _letter_request(data)
    parts += closing_section(data)
    return "\n\n".join(parts) + "\n"


def _letter_head(data: CaseFileData, addressee: str, org: str) -> list[str]:
    """Date, addressee, the Re: block, the salutation and the opening paragraph."""
    parts: list[str] = []
    parts.append(long_date(data.generated_at.date()))
    to = [x for x in (addressee, data.organization.name.strip()) if x]
    to += [line.strip() for line in data.organization.address.splitlines() if line.strip()]
    if to:
        parts.append("\n".join(dict.fromkeys(to)))

    re_lines = [i18n.text("Re: {one_line}").format(one_line=one_line(data.title))]
    for ref in data.references:
        label = ref.label.strip() or (
            i18n.text("Reference") if ref.kind == "other" else i18n.text(REFERENCE_LABELS.get(ref.kind, "Reference")))
        re_lines.append(f"{label}: {ref.value.strip()}")
    re_lines.append(i18n.text("Open since {day} ({days})").format(
        day=long_date(data.opened_on), days=day_count(data.days_open)))
    if data.amount_disputed:
        re_lines.append(i18n.text("Amount in dispute: {amount_disputed}").format(
            amount_disputed=data.amount_disputed))
    parts.append("\n".join(re_lines))

    parts.append(i18n.text("Dear {addressee},").format(
        addressee=addressee) if addressee else i18n.text("Dear Sir or Madam,"))

    issue = data.issue_type_label.strip().lower() or "support"
    opening = (
        i18n.text("I am writing to escalate a {issue} matter with {org} that has been open since "
                  "{day}, {days} as of this letter.").format(
            issue=issue, org=org, day=long_date(data.opened_on), days=day_count(data.days_open))
    )
    if data.role.strip():
        opening += i18n.text(" I am writing as a {lower}.").format(lower=data.role.strip().lower())
    if data.amount_disputed:
        opening += i18n.text(" The amount in dispute is {amount_disputed}.").format(
            amount_disputed=data.amount_disputed)
    opening += (
        i18n.text(" Despite repeated contacts, the matter is not resolved, and I ask that it now "
                  "be "
        "reviewed by someone with the authority to resolve it.")
    )
    parts.append(opening)
    return parts


def contacts_section(data: CaseFileData, contacts: list[ContactRow], org: str) -> list[str]:
    """What happened and the record of contacts."""
    parts: list[str] = []
    if data.narrative.strip():
        parts.append(i18n.text("What Happened"))
        parts.append(not_a_heading(data.narrative.strip()))

    if contacts:
        first, last = contacts[0].started_at.date(), contacts[-1].started_at.date()
        times = i18n.plural("once", "{n} times", len(contacts)).format(n=len(contacts))
        span = (i18n.text("on {day}").format(day=long_date(first)) if first == last
                else i18n.text("between {day} and {day2}").format(
                    day=long_date(first), day2=long_date(last)))
        intro = i18n.text("I contacted {org} {times} {span}.").format(
            org=org, times=times, span=span)
        parts.append(i18n.text("Record of Contacts"))
        listed = pick_contacts(contacts)
        if len(listed) < len(contacts):
            intro += (
                i18n.text(" The main contacts are listed below; the complete record of all {len} "
                          "contacts is in the enclosed case file.").format(len=len(contacts))
            )
        else:
            intro += i18n.text(" Each contact is listed below and recorded in the enclosed case "
                               "file.")
        parts.append(intro)
        parts.append("\n".join(contact_line(c) for c in listed))
    return parts


def commitments_section(contacts: list[ContactRow]) -> list[str]:
    """Commitments that were not kept, then those still open."""
    parts: list[str] = []
    failed = [(c, p) for c in contacts for p in c.promises if p.status in ("broken", "overdue")]
    if failed:
        parts.append(i18n.text("Commitments That Were Not Kept"))
        lines = []
        for c, p in failed:
            state = p.status_label.strip() or (i18n.text("not kept") if p.status == "broken" else "overdue")
            lines.append(
                i18n.text("- On {day}, {rep} committed to the following: \u201c{one_line}\u201d. "
                          "It was due {due_label}; as of this letter it is {state}.").format(
                    day=long_date(p.made_on), rep=rep_label(c), one_line=one_line(p.text),
                    due_label=p.due_label, state=state)
            )
        parts.append("\n".join(lines))
    pending = [(c, p) for c in contacts for p in c.promises if p.status in ("pending", "due_today")]
    if pending:
        parts.append(
            i18n.text("Commitments still open: ")
            + "; ".join(f"\u201c{one_line(p.text)}\u201d (due {p.due_label})" for _, p in pending)
            + "."
        )
    return parts


def escalations_section(data: CaseFileData) -> list[str]:
    """The escalations so far."""
    parts: list[str] = []
    if data.escalations:
        parts.append(i18n.text("Escalations So Far"))
        lines = []
        for e in sorted(data.escalations, key=lambda e: e.requested_on):
            owner = ", ".join(x for x in (e.owner_name.strip(), e.owner_title.strip()) if x)
            line = f"- {long_date(e.requested_on)}: {e.level.strip() or 'escalation'}"
            if owner:
                line += i18n.text(", owned by {owner}").format(owner=owner)
            if e.reference.strip():
                line += i18n.text(" (reference {strip})").format(strip=e.reference.strip())
            lines.append(line + ".")
        parts.append("\n".join(lines))
    return parts


def _letter_request(data: CaseFileData) -> list[str]:
    """The resolution asked for, the request to confirm, and the enclosed exhibits."""
    parts: list[str] = []
    parts.append(i18n.text("The Resolution I Am Asking For"))
    parts.append(
        not_a_heading(data.desired_outcome.strip())
        or i18n.text("[Describe the resolution you want.]")
    )

    parts.append(
        i18n.text("Please confirm in writing that you have received this letter, tell me who is "
        "responsible for the matter, and let me know by what date I can expect a decision. "
        "I have kept a dated record of every contact, and copies of the documents listed "
        "below. If the matter cannot be resolved, I intend to take it to the appropriate "
        "outside body with this record.")
    )

    return parts + exhibits_section(data)


def exhibits_section(data: CaseFileData, heading: str | None = None) -> list[str]:
    """The heading ("Enclosed Exhibits" unless given) and one "- Exhibit N: caption (file)"
    line per exhibit; [] without any."""
    if not data.exhibits:
        return []
    return [heading or i18n.text("Enclosed Exhibits"), "\n".join(
        i18n.text("- Exhibit {number}: {caption} ({note})").format(
            number=x.number, caption=one_line(x.caption), note=exhibit_note(x))
        for x in sorted(data.exhibits, key=lambda x: x.number))]


def closing_section(data: CaseFileData) -> list[str]:
    """Sincerely, room for the signature, and the sender's name and address."""
    parts: list[str] = []
    # room for the signature; a name or address the journal lacks is a line to fill in by hand
    closing = [i18n.text("Sincerely,"), "", "", "", data.person.name.strip() or i18n.text("Name: {FILL_IN}").format(
        FILL_IN=FILL_IN)]
    address = [line.strip() for line in data.person.address.splitlines() if line.strip()]
    closing += address or [i18n.text("Address: {FILL_IN}").format(FILL_IN=FILL_IN), FILL_IN]
    contact = " · ".join(x.strip() for x in (data.person.email, data.person.phone) if x.strip())
    if contact:
        closing.append(contact)
    parts.append("\n".join(closing))
    return parts
