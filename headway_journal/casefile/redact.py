"""The redacted variant of a case file.

Redaction happens on the data, before any PDF exists: a box drawn over text in a PDF leaves
the text in the file. ``redact()`` returns a new :class:`CaseFileData` in which identifiers
are masked down to their last 4 characters (``mask("123456789") == "•••• 6789"``).

What is masked
    * references of kind account, member, claim, authorization, npi, ein and invoice;
    * representative IDs (in ``representatives`` and in every contact);
    * the person's e-mail address and phone number, and the case key on the cover;
    * in every free-text field (title, narrative, desired outcome, summaries, outcomes,
      promise texts, notes, captions, exhibit file names, details, cover letter, ...):
      any of the values above wherever they occur (also written with other separators,
      e.g. "123-456-789" for "123456789"), any e-mail address, any phone number, and any
      number of 8 or more digits written in digit groups with *any* run of Unicode
      separators, punctuation or format characters between them ("4111/1111/1111/1111",
      "123.45.6789", no-break spaces, U+2011, zero-width spaces...; see
      :mod:`headway_journal.journal.digit_groups`, shared with the journal's refusal of full
      card numbers);
    * detail fields whose label names an identifier ("Member ID", "Claim numbers",
      "Tax ID (EIN)", "Bank last 4", ...): each comma- or semicolon-separated piece that has a
      digit and at least 5 letters or digits (dates excepted).

Masking is by value: a value masked in one place is masked everywhere. A ticket number
(references of kind ticket or escalation, contact tickets, escalation references) stays
visible, because the company needs it to find the case, unless it holds, or is part of, one
of the masked values or a card-like number (13 to 19 digits passing the Luhn check): then it
is masked everywhere too, so it can never un-mask that identifier elsewhere.

What stays visible
    * dates in any common form (2026-11-20, 2026/11/20, 11/20/2026, 20.11.2026, Nov 20, 2026,
      20 November 2026, with a time and UTC offset): a date is never an identifier;
    * amounts ($1,234.56, 12,345.67, 100.00), names and titles of people, addresses, SHA-256
      digests; references of kind "other" are treated as free text.

Values of 4 characters or fewer are already at the "last 4" level and stay readable.

Exhibit *contents* cannot be redacted here. PDF and text exhibits are withheld: listed with
their (masked) name, size and SHA-256 as "withheld from this redacted copy", their contents
left out, unless their number is in ``include_exhibits`` (the caller warns that they go in
unmasked). Screenshots are reproduced as filed; the caller leaves out those that show
identifiers with ``exclude_exhibits``. Excluded exhibits are dropped and their numbers removed
from the contacts; the remaining exhibits keep their numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..journal.digit_groups import card_spans, digit_runs, is_separator, luhn_ok
from .data import CaseFileData, ContactRow, EscalationRow, Exhibit, PromiseRow, Reference

__all__ = ["MASK", "SENSITIVE_REFERENCE_KINDS", "is_date", "mask", "redact", "unmaskable_kind"]

MASK = "••••"
SENSITIVE_REFERENCE_KINDS = frozenset(
    {"account", "member", "claim", "authorization", "npi", "ein", "invoice"}
)

_EMAIL = r"[\w.+%\-]+@[\w\-]+(?:\.[\w\-]+)+"
_EMAIL_RE = re.compile(_EMAIL)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_TIME = (
    r"(?:(?:T|,?\s)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?"
    r"(?:\s?(?:[+\-\u2212]\d{2}:?\d{2}|Z|UTC|GMT))?)?"
)
# a date is never an identifier: 2026-11-20, 2026/11/20, 11/20/2026, 20.11.2026, Nov 20, 2026,
# 20 November 2026 (with a time and UTC offset, if any). Not when it is glued to more digit
# groups ("4111-11-11-1111"): then it is part of a longer number.
_DATE_RE = re.compile(
    r"(?<!\w)(?<!\d[-./_])(?:"
    r"(?P<y1>\d{4})(?P<s1>[-./])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<a2>\d{1,2})(?P<s2>[-./])(?P<b2>\d{1,2})(?P=s2)(?P<y2>\d{4}|\d{2})"
    rf"|(?:{_MONTHS})\.?\s(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s(?:{_MONTHS})\.?,?\s(?P<y4>\d{{4}})"
    r")" + _TIME + r"(?!\w)(?![-./_]\d)",
    re.IGNORECASE,
)
# amounts stay readable: $1,234.56, 12,345.67, 100.00 (not when glued to more digit groups,
# as in 123.45.6789 or 123.45 6789)
_AMOUNT_RE = re.compile(
    r"[$€£¥]\s?\d+(?:,\d{3})*(?:\.\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{2}"
)
_PHONE = r"\+\d[\d\s().\-]{6,}\d|\(\d{3}\)\s?\d{3}[\s.\-]?\d{4}"
_MIN_RUN_DIGITS = 8  # a number of 8 or more digits in free text is masked
_SEP = r"[\W_]{0,3}"
_IDENTIFIER_LABEL = re.compile(
    r"\b(?:ids?|numbers?|no|account|member|claims?|authori[sz]ations?|npi|ein|tax|"
    r"invoices?|ssn|routing|iban|card|bank|policy|group|payment\s+method)\b",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"\b(?:dates?|days?|times?|timestamps?|when)\b", re.IGNORECASE)
_PIECE_SPLIT = re.compile(r"([,;\n]+)")
_VISIBLE_KINDS = frozenset({"ticket", "escalation"})
_TEXT_TYPES = frozenset(
    {"application/json", "application/xml", "application/rtf", "application/csv",
     "application/x-ndjson", "application/javascript", "application/x-sh"}
)


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


def _valid_date(m: re.Match[str]) -> bool:
    """The matched text is a real calendar date (not 2026-99-99 or 12.45.6789)."""

    def year_ok(name: str) -> bool:
        return len(m.group(name)) == 2 or 1900 <= int(m.group(name)) <= 2099

    if m.group("y1") is not None:
        return year_ok("y1") and 1 <= int(m.group("m1")) <= 12 and 1 <= int(m.group("d1")) <= 31
    if m.group("a2") is not None:
        a, b = int(m.group("a2")), int(m.group("b2"))
        return year_ok("y2") and (
            (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
        )
    day, year = ("d3", "y3") if m.group("d3") is not None else ("d4", "y4")
    return year_ok(year) and 1 <= int(m.group(day)) <= 31


def is_date(text: str) -> bool:
    """True when *text* is one date (in any of the forms the redaction keeps)."""
    m = _DATE_RE.fullmatch(text.strip())
    return m is not None and _valid_date(m)


def _glued(text: str, start: int, end: int) -> bool:
    """Digits within a few separators before or after text[start:end] (no list comma between)."""
    after = text[end : end + 4]
    before = text[max(0, start - 4) : start][::-1]
    for side in (after, before):
        for i, ch in enumerate(side):
            if ch.isdecimal():
                if i == 0 or not any(c in ",;" for c in side[:i]):
                    return True
                break
            if not is_separator(ch):
                break
    return False


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Dates and amounts: never identifiers."""
    spans = [m.span() for m in _DATE_RE.finditer(text) if _valid_date(m)]
    for m in _AMOUNT_RE.finditer(text):
        start, end = m.span()
        if text[start].isdecimal() and start > 0 and text[start - 1].isalnum():
            continue
        if not _glued(text, start, end) and not any(_overlaps(m.span(), d) for d in spans):
            spans.append(m.span())
    return spans


def _flex(value: str) -> str | None:
    """A pattern for *value* that tolerates other separators between its characters."""
    chars = [c for c in value if c.isalnum()]
    if not chars:
        return None
    return _SEP.join(re.escape(c) for c in chars)


def _is_long_card(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and luhn_ok(digits)


def _has_card_number(text: str) -> bool:
    return any(True for _ in card_spans(text, _is_long_card))


def _identifier_pieces(value: str) -> list[str]:
    return [
        piece.strip()
        for piece in _PIECE_SPLIT.split(value)
        if piece.strip() and not _PIECE_SPLIT.fullmatch(piece) and _is_identifier(piece)
    ]


def _is_identifier(piece: str) -> bool:
    compact = _compact(piece)
    return len(compact) >= 5 and any(c.isdigit() for c in compact) and not is_date(piece)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Scrubber:
    """Replaces identifiers in free text, by value: a value masked in one place is masked in
    every place (a ticket number equal to an identifier is masked too, never kept)."""

    def __init__(self, secrets: Iterable[str], tickets: Iterable[str]) -> None:
        secret_values = {s.strip() for s in secrets if len(_compact(s)) > 4 and not is_date(s)}
        self.secret_compacts = {_compact(s) for s in secret_values}
        tickets = {t.strip() for t in tickets if t.strip()}
        masked_tickets = {t for t in tickets if self.must_mask_ticket(t)}
        self.masked_tickets = {_compact(t) for t in masked_tickets}
        secret_values |= {t for t in masked_tickets if len(_compact(t)) > 4}
        self.keep_values = tickets - masked_tickets
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
        parts.append(f"(?P<phone>{_PHONE})")
        self.pattern = re.compile("|".join(parts), re.IGNORECASE)

    def must_mask_ticket(self, ticket: str) -> bool:
        """A ticket holding or equal to (part of) an identifier, or a card number."""
        compact = _compact(ticket)
        for secret in self.secret_compacts:
            if secret in compact or (len(compact) > 4 and compact in secret):
                return True
        return _has_card_number(ticket)

    def text(self, value: str) -> str:
        if not value:
            return value
        protected = _protected_spans(value)
        work = list(value)
        for start, end in protected:
            work[start:end] = "\x00" * (end - start)  # dates and amounts break digit runs
        scan = "".join(work)
        masked: list[tuple[int, int]] = []
        keeps: list[tuple[int, int]] = []
        for m in self.pattern.finditer(scan):
            (keeps if m.lastgroup == "keep" else masked).append(m.span())
        for run in digit_runs(scan):
            span = (run.start, run.end)
            if len(run.digits) < _MIN_RUN_DIGITS:
                continue
            if any(k[0] <= span[0] and span[1] <= k[1] for k in keeps):
                continue  # the visible ticket itself
            masked.append(span)
            # a ticket inside a longer number does not keep that number's digits visible
            keeps = [k for k in keeps if not _overlaps(k, span)]
        return self._apply(value, masked)

    @staticmethod
    def _apply(value: str, spans: list[tuple[int, int]]) -> str:
        if not spans:
            return value
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        out: list[str] = []
        pos = 0
        for start, end in merged:
            out += [value[pos:start], mask(value[start:end])]
            pos = end
        out.append(value[pos:])
        return "".join(out)

    def opt(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def ticket(self, value: str) -> str:
        """A ticket number (or a list of them) as shown: masked only if it must be."""
        out: list[str] = []
        for piece in _PIECE_SPLIT.split(value):
            if _compact(piece) in self.masked_tickets or (
                not _PIECE_SPLIT.fullmatch(piece) and self.must_mask_ticket(piece)
            ):
                lead = piece[: len(piece) - len(piece.lstrip())]
                out.append(lead + mask(piece))
            else:
                out.append(piece)
        return "".join(out)

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
    folded = label.casefold()
    if "ticket" in folded or _DATE_LABEL.search(label):
        return False
    return bool(_IDENTIFIER_LABEL.search(label))


def unmaskable_kind(media_type: str) -> str | None:
    """"PDF" or "text" for an exhibit whose contents the redaction cannot mask (withheld from
    a redacted copy unless the user puts it back), None for screenshots and other files."""
    media = media_type.split(";", 1)[0].strip().lower()
    if media in ("application/pdf", "application/x-pdf"):
        return "PDF"
    if media.startswith(("text/", "message/")) or media in _TEXT_TYPES or media.endswith(
        ("+xml", "+json")
    ):
        return "text"
    return None


def _collect(data: CaseFileData) -> tuple[list[str], list[str]]:
    """(values masked everywhere, ticket-like values kept visible unless they hold one)."""
    secrets: list[str] = []
    tickets: list[str] = []
    for ref in data.references:
        if ref.kind in SENSITIVE_REFERENCE_KINDS:
            secrets.append(ref.value)
        elif ref.kind in _VISIBLE_KINDS:
            tickets.append(ref.value)
    secrets += [rep_id for _, _, rep_id in data.representatives]
    secrets += [c.rep_id for c in data.contacts]
    secrets += [data.person.email, data.person.phone]
    for label, value in data.details:
        if "ticket" in label.casefold():
            tickets += _pieces(value)
        elif _is_identifier_label(label):
            secrets += _identifier_pieces(value)
    tickets += [t for c in data.contacts for t in c.tickets]
    tickets += [e.reference for e in data.escalations]
    return secrets, tickets


def _pieces(value: str) -> list[str]:
    return [p.strip() for p in _PIECE_SPLIT.split(value) if p.strip() and not _PIECE_SPLIT.fullmatch(p)]


class _Redactor:
    def __init__(self, data: CaseFileData, drop: frozenset[int], include: frozenset[int]) -> None:
        self.s = _Scrubber(*_collect(data))
        self.drop = drop
        self.include = include

    def ref(self, ref: Reference) -> Reference:
        if ref.kind in SENSITIVE_REFERENCE_KINDS:
            value = mask(ref.value)
        elif ref.kind in _VISIBLE_KINDS:
            value = self.s.ticket(ref.value)
        else:
            value = self.s.text(ref.value)
        return replace(ref, value=value, label=self.s.text(ref.label))

    def promise(self, p: PromiseRow) -> PromiseRow:
        s = self.s
        return replace(
            p, text=s.text(p.text), status_label=s.text(p.status_label), due_label=s.text(p.due_label)
        )

    def contact(self, c: ContactRow) -> ContactRow:
        s = self.s
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
            promises=tuple(self.promise(p) for p in c.promises),
            exhibit_numbers=tuple(n for n in c.exhibit_numbers if n not in self.drop),
        )

    def escalation(self, e: EscalationRow) -> EscalationRow:
        s = self.s
        return replace(
            e,
            level=s.text(e.level),
            owner_name=s.text(e.owner_name),
            owner_title=s.text(e.owner_title),
            reference=s.ticket(e.reference),
            notes=s.text(e.notes),
        )

    def exhibit(self, x: Exhibit) -> Exhibit:
        x = replace(x, caption=self.s.text(x.caption), original_name=self.s.text(x.original_name),
                    provenance=self.s.text(x.provenance))
        if unmaskable_kind(x.media_type) is None or x.number in self.include:
            return x
        # withheld: listed with its name, size and digest; its contents never reach the PDF
        return replace(x, withheld=True, path=None, print_path=None, print_sha256=None)

    def detail(self, label: str, value: str) -> tuple[str, str]:
        s = self.s
        if "ticket" in label.casefold():
            return s.text(label), s.ticket(value)
        if _is_identifier_label(label):
            return s.text(label), s.identifier(value)
        return s.text(label), s.text(value)


def redact(
    data: CaseFileData,
    *,
    exclude_exhibits: frozenset[int] = frozenset(),
    include_exhibits: frozenset[int] = frozenset(),
) -> CaseFileData:
    """Return a new CaseFileData with identifiers masked and *exclude_exhibits* dropped.

    PDF and text exhibits are withheld (listed, not reproduced) unless their number is in
    *include_exhibits*: their contents cannot be masked.
    """
    r = _Redactor(data, frozenset(exclude_exhibits), frozenset(include_exhibits))
    s = r.s
    dropped = {x.number for x in data.exhibits if x.number in r.drop}
    return replace(
        data,
        case_key=mask(data.case_key),
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
        details=tuple(r.detail(label, value) for label, value in data.details),
        references=tuple(r.ref(ref) for ref in data.references),
        representatives=tuple(
            (s.text(name), s.text(title), mask(rep_id))
            for name, title, rep_id in data.representatives
        ),
        contacts=tuple(r.contact(c) for c in data.contacts),
        escalations=tuple(r.escalation(e) for e in data.escalations),
        exhibits=tuple(r.exhibit(x) for x in data.exhibits if x.number not in r.drop),
        cover_letter=s.opt(data.cover_letter),
        outside_clocks=tuple((s.text(rule), s.text(d)) for rule, d in data.outside_clocks),
        safety_note=s.opt(data.safety_note),
        redacted=True,
        omitted_exhibits=tuple(sorted(set(data.omitted_exhibits) | dropped)),
    )
