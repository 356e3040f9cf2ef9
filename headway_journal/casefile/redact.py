"""The redacted variant of a case file.

Redaction happens on the data, before any PDF exists: a box drawn over text in a PDF leaves
the text in the file. ``redact()`` returns a new :class:`CaseFileData` in which identifiers
are masked down to their last 4 characters (``mask("123456789") == "•••• 6789"``).

What is masked
    * references of kind account, member, claim, authorization, npi, ein and invoice;
    * representative IDs (in ``representatives`` and in every contact);
    * the person's e-mail address and phone number;
    * in every free-text field (title, narrative, desired outcome, summaries, outcomes,
      promise texts, notes, captions, file names, details, cover letter, ...):
      any of the values above wherever they occur (also written with other separators,
      e.g. "123-456-789" for "123456789"), any e-mail address, any phone number of 10 or
      more digits, and any run of 8 or more digits (single spaces or dashes inside the run
      are allowed, so "4111 1111 1111 1111" is one run). Dates such as 2026-11-30 or
      11/30/2026 are not digit runs;
    * detail fields whose label names an identifier ("Member ID", "Claim numbers",
      "Tax ID (EIN)", "Bank last 4", ...): each comma- or semicolon-separated piece that has a
      digit and at least 5 letters or digits.

What stays visible
    * ticket numbers (references of kind ticket, contact tickets, escalation references):
      the company needs them to find the case and they identify no person. A ticket is
      masked only when it contains one of the masked values above or a card-like number
      (13 to 19 digits passing the Luhn check). Visible tickets are also left alone inside
      free text, where they would otherwise look like long digit runs;
    * names and titles of people, addresses, dates, amounts, SHA-256 digests;
    * references of kind "other" are treated as free text (long digit runs get masked).

Values of 4 characters or fewer are already at the "last 4" level and stay readable.

Exhibit *contents* (screenshots, appended PDFs) cannot be redacted here: the caller excludes
the exhibits that show identifiers with ``exclude_exhibits``. Excluded exhibits are dropped
and their numbers removed from the contacts; the remaining exhibits keep their numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .data import CaseFileData, ContactRow, EscalationRow, Exhibit, PromiseRow, Reference

__all__ = ["MASK", "SENSITIVE_REFERENCE_KINDS", "mask", "redact"]

MASK = "••••"
SENSITIVE_REFERENCE_KINDS = frozenset(
    {"account", "member", "claim", "authorization", "npi", "ein", "invoice"}
)

_EMAIL = r"[\w.+%\-]+@[\w\-]+(?:\.[\w\-]+)+"
_EMAIL_RE = re.compile(_EMAIL)
_DATE = (
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"
)
_PHONE = (
    r"(?<!\w)(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-]?)\d{3}[\s.\-]?\d{4}(?!\w)"
    r"|(?<!\w)\+\d{1,3}(?:[\s.\-]?\(?\d{1,4}\)?){2,5}(?!\w)"
)
_RUN = r"\d(?:[ \-]?\d){7,}"
_SEP = r"[\W_]{0,2}"
_IDENTIFIER_LABEL = re.compile(
    r"\b(?:ids?|numbers?|no|account|member|claims?|authori[sz]ations?|npi|ein|tax|"
    r"invoices?|ssn|routing|iban|card|bank|policy|group|payment\s+method)\b",
    re.IGNORECASE,
)
_PIECE_SPLIT = re.compile(r"([,;\n]+)")
_CARD_RUN = re.compile(r"\d(?:[ \-]?\d){12,18}")


def _compact(value: str) -> str:
    return "".join(c for c in value if c.isalnum()).casefold()


def mask(value: str) -> str:
    """Mask a value down to its last 4 letters or digits: ``"•••• 7781"``.

    Separators are ignored ("12-3456789" gives "•••• 6789"); an e-mail address keeps its last
    4 characters (".com"). Empty input stays empty; already masked input is returned as is.
    """
    text = value.strip()
    if not text:
        return ""
    if text.startswith(MASK):
        return text
    if _EMAIL_RE.fullmatch(text):
        tail = text[-4:]
    else:
        tail = "".join([c for c in text if c.isalnum()][-4:])
    return f"{MASK} {tail}" if tail else MASK


def _flex(value: str) -> str | None:
    """A pattern for *value* that tolerates other separators between its characters."""
    chars = [c for c in value if c.isalnum()]
    if not chars:
        return None
    return _SEP.join(re.escape(c) for c in chars)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _has_card_number(text: str) -> bool:
    for m in _CARD_RUN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn_ok(digits):
            return True
    return False


def _identifier_pieces(value: str) -> list[str]:
    return [
        piece.strip()
        for piece in _PIECE_SPLIT.split(value)
        if piece.strip() and not _PIECE_SPLIT.fullmatch(piece) and _is_identifier(piece)
    ]


def _is_identifier(piece: str) -> bool:
    compact = _compact(piece)
    return len(compact) >= 5 and any(c.isdigit() for c in compact)


class _Scrubber:
    """One-pass replacement of identifiers in free text (masked output is never rescanned)."""

    def __init__(self, secrets: Iterable[str], keep: Iterable[str]) -> None:
        secret_values = {s.strip() for s in secrets if len(_compact(s)) > 4}
        self.secret_compacts = {_compact(s) for s in secret_values}
        self.keep_values = {k.strip() for k in keep if k.strip() and not self.must_mask_ticket(k)}
        parts = [f"(?P<email>{_EMAIL})"]
        by_length = sorted(secret_values, key=lambda v: len(_compact(v)), reverse=True)
        secret_patterns = [p for p in (_flex(v) for v in by_length) if p]
        if secret_patterns:
            # the whole word around a secret is masked, so no neighbouring digits stay visible
            parts.append(r"(?P<secret>\w*(?:" + "|".join(secret_patterns) + r")\w*)")
        keep_patterns = [
            p for p in (_flex(k) for k in sorted(self.keep_values, key=len, reverse=True)) if p
        ]
        if keep_patterns:
            parts.append(r"(?P<keep>(?<!\w)(?:" + "|".join(keep_patterns) + r")(?!\w))")
        parts += [f"(?P<date>{_DATE})", f"(?P<phone>{_PHONE})", f"(?P<run>{_RUN})"]
        self.pattern = re.compile("|".join(parts), re.IGNORECASE)

    def must_mask_ticket(self, ticket: str) -> bool:
        compact = _compact(ticket)
        if any(secret in compact for secret in self.secret_compacts):
            return True
        return _has_card_number(ticket)

    def _replace(self, m: re.Match[str]) -> str:
        if m.lastgroup in ("keep", "date"):
            return m.group()
        return mask(m.group())

    def text(self, value: str) -> str:
        if not value:
            return value
        return self.pattern.sub(self._replace, value)

    def opt(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def ticket(self, value: str) -> str:
        return mask(value) if self.must_mask_ticket(value) else value

    def identifier(self, value: str) -> str:
        """Mask every identifier-like piece of a list such as "CLM-1001, CLM-1002"."""
        out: list[str] = []
        for piece in _PIECE_SPLIT.split(value):
            if _PIECE_SPLIT.fullmatch(piece) or not _is_identifier(piece):
                out.append(self.text(piece))
            else:
                lead = piece[: len(piece) - len(piece.lstrip())]
                out.append(lead + mask(piece))
        return "".join(out)


def _is_identifier_label(label: str) -> bool:
    return "ticket" not in label.casefold() and bool(_IDENTIFIER_LABEL.search(label))


def redact(data: CaseFileData, *, exclude_exhibits: frozenset[int] = frozenset()) -> CaseFileData:
    """Return a new CaseFileData with identifiers masked and *exclude_exhibits* dropped."""
    secrets: list[str] = []
    keep: list[str] = []
    for ref in data.references:
        if ref.kind in SENSITIVE_REFERENCE_KINDS:
            secrets.append(ref.value)
        elif ref.kind == "ticket":
            keep.append(ref.value)
    secrets += [rep_id for _, _, rep_id in data.representatives]
    secrets += [c.rep_id for c in data.contacts]
    secrets += [data.person.email, data.person.phone]
    for label, value in data.details:
        if "ticket" in label.casefold():
            keep.append(value)
        elif _is_identifier_label(label):
            secrets += _identifier_pieces(value)
    keep += [t for c in data.contacts for t in c.tickets]
    keep += [e.reference for e in data.escalations]

    s = _Scrubber(secrets, keep)

    def ref_value(ref: Reference) -> str:
        if ref.kind in SENSITIVE_REFERENCE_KINDS:
            return mask(ref.value)
        if ref.kind == "ticket":
            return s.ticket(ref.value)
        return s.text(ref.value)

    def promise(p: PromiseRow) -> PromiseRow:
        return replace(p, text=s.text(p.text), status_label=s.text(p.status_label))

    def contact(c: ContactRow) -> ContactRow:
        return replace(
            c,
            channel=s.text(c.channel),
            direction=s.text(c.direction),
            rep_name=s.text(c.rep_name),
            rep_title=s.text(c.rep_title),
            rep_id=mask(c.rep_id),
            tickets=tuple(s.ticket(t) for t in c.tickets),
            summary=s.text(c.summary),
            outcome=s.text(c.outcome),
            promises=tuple(promise(p) for p in c.promises),
            exhibit_numbers=tuple(n for n in c.exhibit_numbers if n not in exclude_exhibits),
        )

    def escalation(e: EscalationRow) -> EscalationRow:
        return replace(
            e,
            level=s.text(e.level),
            owner_name=s.text(e.owner_name),
            owner_title=s.text(e.owner_title),
            reference=s.ticket(e.reference),
            notes=s.text(e.notes),
        )

    def exhibit(x: Exhibit) -> Exhibit:
        return replace(x, caption=s.text(x.caption), original_name=s.text(x.original_name))

    def detail(label: str, value: str) -> tuple[str, str]:
        if "ticket" in label.casefold():
            return s.text(label), s.ticket(value)
        if _is_identifier_label(label):
            return s.text(label), s.identifier(value)
        return s.text(label), s.text(value)

    return replace(
        data,
        title=s.text(data.title),
        person=replace(
            data.person,
            address=s.text(data.person.address),
            email=mask(data.person.email),
            phone=mask(data.person.phone),
        ),
        organization=replace(
            data.organization,
            name=s.text(data.organization.name),
            address=s.text(data.organization.address),
            website=s.text(data.organization.website),
        ),
        issue_type_label=s.text(data.issue_type_label),
        amount_disputed=s.opt(data.amount_disputed),
        desired_outcome=s.text(data.desired_outcome),
        narrative=s.text(data.narrative),
        details=tuple(detail(label, value) for label, value in data.details),
        references=tuple(
            replace(r, value=ref_value(r), label=s.text(r.label)) for r in data.references
        ),
        representatives=tuple(
            (s.text(name), s.text(title), mask(rep_id))
            for name, title, rep_id in data.representatives
        ),
        contacts=tuple(contact(c) for c in data.contacts),
        escalations=tuple(escalation(e) for e in data.escalations),
        exhibits=tuple(exhibit(x) for x in data.exhibits if x.number not in exclude_exhibits),
        cover_letter=s.opt(data.cover_letter),
        outside_clocks=tuple((s.text(r), s.text(d)) for r, d in data.outside_clocks),
        safety_note=s.opt(data.safety_note),
        redacted=True,
        omitted_exhibits=tuple(
            sorted(
                set(data.omitted_exhibits)
                | {x.number for x in data.exhibits if x.number in exclude_exhibits}
            )
        ),
    )
