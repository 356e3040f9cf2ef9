"""Draft a formal escalation letter from the case, as plain text the user can edit.

Paragraphs are separated by blank lines (the PDF builder splits the letter on them); list
items inside a paragraph sit on their own lines.
"""

from __future__ import annotations

from datetime import date

from .data import CaseFileData, ContactRow, Exhibit

__all__ = ["draft_cover_letter"]

_MAX_LISTED_CONTACTS = 12
_KIND_LABELS = {
    "account": "Account number",
    "member": "Member ID",
    "claim": "Claim number",
    "ticket": "Ticket number",
    "invoice": "Invoice number",
    "authorization": "Authorization number",
    "npi": "NPI",
    "ein": "Tax ID (EIN)",
    "other": "Reference",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _day(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = _one_line(text).rstrip()
    if text and text[-1] not in ".!?…\"”'":
        text += "."
    return text


def _rep(c: ContactRow) -> str:
    name = c.rep_name.strip()
    title = c.rep_title.strip()
    if name and title:
        return f"{name} ({title})"
    return name or title or "a representative whose name was not given"


def _contact_line(c: ContactRow) -> str:
    channel = c.channel.replace("_", " ").strip() or "contact"
    line = f"- {_day(c.started_at.date())}, {channel}: {_rep(c)}"
    tickets = [t.strip() for t in c.tickets if t.strip()]
    if tickets:
        line += f", ticket {', '.join(tickets)}"
    what = c.outcome.strip() or c.summary.strip()
    if what:
        line += f". {_sentence(what)}"
    else:
        line += "."
    return line


def _exhibit_note(x: Exhibit) -> str:
    name = x.original_name.strip()
    if x.path is None or not x.path.is_file():
        return f"{name}; file missing, not enclosed"
    media = x.media_type.split(";", 1)[0].strip().lower()
    shown = (media.startswith("image/") and x.preview_ok) or media == "application/pdf"
    return name if shown else f"{name}; not reproduced in the case file, available on request"


def _pick_contacts(contacts: list[ContactRow]) -> list[ContactRow]:
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
    org = data.organization.name.strip() or "your organization"
    contacts = sorted(data.contacts, key=lambda c: (c.started_at, c.number))
    parts: list[str] = []

    parts.append(_day(data.generated_at.date()))
    to = [x for x in (addressee, data.organization.name.strip()) if x]
    to += [line.strip() for line in data.organization.address.splitlines() if line.strip()]
    if to:
        parts.append("\n".join(dict.fromkeys(to)))

    re_lines = [f"Re: {_one_line(data.title)}"]
    for ref in data.references:
        label = ref.label.strip() or _KIND_LABELS.get(ref.kind, "Reference")
        re_lines.append(f"{label}: {ref.value.strip()}")
    re_lines.append(f"Open since {_day(data.opened_on)} ({data.days_open} days)")
    if data.amount_disputed:
        re_lines.append(f"Amount in dispute: {data.amount_disputed}")
    parts.append("\n".join(re_lines))

    parts.append(f"Dear {addressee}," if addressee else "Dear Sir or Madam,")

    issue = data.issue_type_label.strip().lower() or "support"
    opening = (
        f"I am writing to escalate a {issue} matter with {org} that has been open since "
        f"{_day(data.opened_on)}, {data.days_open} days as of this letter."
    )
    if data.role.strip():
        opening += f" I am writing as a {data.role.strip().lower()}."
    if data.amount_disputed:
        opening += f" The amount in dispute is {data.amount_disputed}."
    opening += (
        " Despite repeated contacts, the matter is not resolved, and I ask that it now be "
        "reviewed by someone with the authority to resolve it."
    )
    parts.append(opening)

    if data.narrative.strip():
        parts.append("What happened")
        parts.append(data.narrative.strip())

    if contacts:
        first, last = contacts[0].started_at.date(), contacts[-1].started_at.date()
        times = "once" if len(contacts) == 1 else f"{len(contacts)} times"
        span = f"on {_day(first)}" if first == last else f"between {_day(first)} and {_day(last)}"
        intro = f"I contacted {org} {times} {span}."
        listed = _pick_contacts(contacts)
        if len(listed) < len(contacts):
            intro += (
                f" The main contacts are listed below; the complete record of all "
                f"{len(contacts)} contacts is in the enclosed case file."
            )
        else:
            intro += " Each contact is listed below and recorded in the enclosed case file."
        parts.append(intro)
        parts.append("\n".join(_contact_line(c) for c in listed))

    failed = [(c, p) for c in contacts for p in c.promises if p.status in ("broken", "overdue")]
    if failed:
        parts.append("Commitments that were not kept")
        lines = []
        for c, p in failed:
            state = p.status_label.strip() or ("not kept" if p.status == "broken" else "overdue")
            lines.append(
                f"- On {_day(p.made_on)}, {_rep(c)} committed to the following: "
                f"\u201c{_one_line(p.text)}\u201d. It was due {p.due_label}; as of this letter it "
                f"is {state}."
            )
        parts.append("\n".join(lines))
    pending = [(c, p) for c in contacts for p in c.promises if p.status in ("pending", "due_today")]
    if pending:
        parts.append(
            "Commitments still open: "
            + "; ".join(f"\u201c{_one_line(p.text)}\u201d (due {p.due_label})" for _, p in pending)
            + "."
        )

    if data.escalations:
        parts.append("Escalations so far")
        lines = []
        for e in sorted(data.escalations, key=lambda e: e.requested_on):
            owner = ", ".join(x for x in (e.owner_name.strip(), e.owner_title.strip()) if x)
            line = f"- {_day(e.requested_on)}: {e.level.strip() or 'escalation'}"
            if owner:
                line += f", owned by {owner}"
            if e.reference.strip():
                line += f" (reference {e.reference.strip()})"
            lines.append(line + ".")
        parts.append("\n".join(lines))

    parts.append("The resolution I am asking for")
    parts.append(data.desired_outcome.strip() or "[Describe the resolution you want.]")

    parts.append(
        "Please confirm in writing that you have received this letter, tell me who is "
        "responsible for the matter, and let me know by what date I can expect a decision. "
        "I have kept a dated record of every contact, and copies of the documents listed "
        "below. If the matter cannot be resolved, I intend to take it to the appropriate "
        "outside body with this record."
    )

    if data.exhibits:
        parts.append("Enclosed exhibits")
        parts.append(
            "\n".join(
                f"- Exhibit {x.number}: {_one_line(x.caption)} ({_exhibit_note(x)})"
                for x in sorted(data.exhibits, key=lambda x: x.number)
            )
        )

    closing = ["Sincerely,", "", "", data.person.name.strip()]
    closing += [line.strip() for line in data.person.address.splitlines() if line.strip()]
    contact = " · ".join(x.strip() for x in (data.person.email, data.person.phone) if x.strip())
    if contact:
        closing.append(contact)
    parts.append("\n".join(closing))
    return "\n\n".join(parts) + "\n"
