"""The one declarative registry of issue types.

Each issue type lists its fields (label, kind, validation, whether it is something to have ready
before calling). Forms, validation, the pre-call checklist, the JSON Schema of a case's `fields`
and the case file's "details" section are all derived from this table. Adding an issue type is
one entry in ``ISSUE_TYPES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from .digit_groups import card_spans, luhn_ok

FieldKind = Literal["text", "multiline", "date", "choice", "money", "email", "last4", "npi", "ein"]
RefKind = Literal["account", "member", "claim", "invoice", "authorization", "npi", "ein", "other"]

MAX_TEXT = 500
MAX_MULTILINE = 20_000
MAX_AMOUNT = Decimal("10000000")


class FieldError(ValueError):
    """A field value that cannot be accepted; the message is a sentence for the user."""


# --- validators ---------------------------------------------------------------------------------

def is_card_number(digits: str) -> bool:
    """A full payment-card number: 16 digits, or 15 for American Express (34/37), passing
    the Luhn check."""
    if len(digits) == 16:
        return luhn_ok(digits)
    return len(digits) == 15 and digits[:2] in ("34", "37") and luhn_ok(digits)


def find_card_number(text: str) -> str | None:
    """Return a full payment-card number found in ``text`` (16 digits, or 15 for Amex), if any.

    Any run of Unicode separators, punctuation and format characters may stand between the
    digit groups (``4111/1111/1111/1111``, no-break spaces, zero-width spaces, U+2011...):
    see :mod:`.digit_groups`.
    """
    for _start, _end, digits in card_spans(text, is_card_number):
        return digits
    return None


def mask_card_numbers(text: str) -> str:
    """``text`` with every full card number's digits but the last 4 replaced by "x".

    For text that is evidence in itself and must not be refused, such as an exhibit's original
    file name; typed text is refused instead (``refuse_card_number``).
    """
    out: list[str] = []
    pos = 0
    for start, end, _digits in card_spans(text, is_card_number):
        out.append(text[pos:start])
        keep = 4
        masked = []
        for ch in reversed(text[start:end]):
            if ch.isdecimal():
                masked.append(ch if keep > 0 else "x")
                keep -= 1
            else:
                masked.append(ch)
        out.append("".join(reversed(masked)))
        pos = end
    out.append(text[pos:])
    return "".join(out)


CARD_MESSAGE = (
    "This looks like a full card number. Only the last 4 digits belong in the journal "
    "(for example 'card ending 4242'); please remove the rest."
)


def refuse_card_number(text: str) -> None:
    """Raise FieldError if ``text`` contains a full payment-card number."""
    if find_card_number(text) is not None:
        raise FieldError(CARD_MESSAGE)


def npi_ok(npi: str) -> bool:
    """The NPI check digit: Luhn over the prefix 80840 plus the 10 digits."""
    return len(npi) == 10 and npi.isdigit() and luhn_ok("80840" + npi)


def _clean_text(value: str, limit: int) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable() or ord(ch) > 0x9F)
    value = value.strip()
    if len(value) > limit:
        raise FieldError(f"This is {len(value):,} characters long; the limit is {limit:,}.")
    refuse_card_number(value)
    return value


def parse_money(value: str) -> Decimal:
    """Parse an amount such as "$1,234.50" into a Decimal with two places."""
    raw = value.strip().replace(",", "").replace("$", "").replace("€", "").replace("£", "")
    raw = raw.replace(" ", "")
    if not raw:
        raise FieldError("Enter an amount, for example 100.00.")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise FieldError(f"'{value.strip()}' is not an amount; write it like 100.00.") from None
    if not amount.is_finite():
        raise FieldError(f"'{value.strip()}' is not an amount; write it like 100.00.")
    if amount < 0:
        raise FieldError("An amount cannot be negative.")
    if amount > MAX_AMOUNT:
        raise FieldError("That amount is larger than 10,000,000; please check it.")
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError("Amounts have at most two decimal places.")
    return amount.quantize(Decimal("0.01"))


def parse_iso_date(value: str) -> date:
    try:
        d = date.fromisoformat(value.strip())
    except ValueError:
        raise FieldError(f"'{value.strip()}' is not a date; use YYYY-MM-DD, e.g. 2026-11-20.") from None
    if not (1990 <= d.year <= 2100):
        raise FieldError(f"{d.isoformat()} is outside the years 1990 to 2100; please check it.")
    return d


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_EIN = re.compile(r"^(\d{2})-?(\d{7})$")


def _normalize(kind: FieldKind, value: str, choices: tuple[str, ...]) -> str:
    if kind == "multiline":
        return _clean_text(value, MAX_MULTILINE)
    value = _clean_text(value, MAX_TEXT)
    if not value:
        return value
    if kind == "date":
        return parse_iso_date(value).isoformat()
    if kind == "choice":
        for choice in choices:
            if value.lower() == choice.lower():
                return choice
        raise FieldError(f"Choose one of: {', '.join(choices)}.")
    if kind == "money":
        return str(parse_money(value))
    if kind == "email":
        if not _EMAIL.match(value):
            raise FieldError(f"'{value}' is not an e-mail address.")
        return value
    if kind == "last4":
        digits = re.sub(r"\D", "", value)
        if len(digits) != 4 or len(value) > 12:
            raise FieldError("Enter only the last 4 digits, e.g. 4242.")
        return digits
    if kind == "npi":
        digits = re.sub(r"[\s-]", "", value)
        if len(digits) != 10 or not digits.isdigit():
            raise FieldError("An NPI has exactly 10 digits.")
        if not npi_ok(digits):
            raise FieldError(f"{digits} is not a valid NPI: its check digit does not match.")
        return digits
    if kind == "ein":
        m = _EIN.match(value)
        if not m:
            raise FieldError("A tax ID (EIN) looks like 12-3456789.")
        return f"{m.group(1)}-{m.group(2)}"
    return value


# --- the registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind = "text"
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    ready: bool = True  # part of the pre-call checklist
    ref_kind: RefKind | None = None  # an identifier listed among the case file's references

    def normalize(self, value: Any) -> str:
        """Validate and normalise one value; raises FieldError with a user-facing sentence."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                value = str(value)
            else:
                raise FieldError(f"{self.label} must be text.")
        result = _normalize(self.kind, value, self.choices)
        if self.required and not result:
            raise FieldError(f"{self.label} is required.")
        return result


@dataclass(frozen=True)
class ChecklistExtra:
    """Something to have ready that is a document rather than a field (satisfied by an exhibit)."""

    label: str
    # satisfied by an attachment whose media type starts with this (or with one of these)
    media_prefix: str | tuple[str, ...] = ""


@dataclass(frozen=True)
class IssueType:
    key: str
    label: str
    roles: tuple[str, ...]
    description: str
    fields: tuple[FieldSpec, ...]
    documents: tuple[ChecklistExtra, ...] = ()
    clinical: bool = False  # show the safety note where contacts are logged
    safety: bool = False
    field_map: Mapping[str, FieldSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_map", {f.name: f for f in self.fields})

    def validate(self, values: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        """Return (clean values, errors by field name). Unknown names are errors too."""
        clean: dict[str, str] = {}
        errors: dict[str, str] = {}
        for name in values:
            if name not in self.field_map:
                errors[name] = f"'{name}' is not a field of {self.label} cases."
        for spec in self.fields:
            try:
                v = spec.normalize(values.get(spec.name))
            except FieldError as exc:
                errors[spec.name] = str(exc)
                continue
            if v:
                clean[spec.name] = v
        return clean, errors


def _f(name: str, label: str, kind: FieldKind = "text", **kw: Any) -> FieldSpec:
    return FieldSpec(name=name, label=label, kind=kind, **kw)


SESSION_TYPES = ("video", "phone", "in person")

ISSUE_TYPES: dict[str, IssueType] = {
    t.key: t
    for t in (
        IssueType(
            "account",
            "Account / access",
            ("client", "clinician"),
            "Locked out, wrong details, or changes to the account.",
            (
                _f("full_name", "Full name on the account", required=True),
                _f("account_email", "Account e-mail", "email"),
                _f("account_id", "Account or client ID", ref_kind="account"),
                _f("payment_last4", "Payment method, last 4 digits", "last4"),
            ),
        ),
        IssueType(
            "appointment",
            "Appointment / clinical access",
            ("client",),
            "A session that was cancelled, missed, or could not be booked.",
            (
                _f("therapist_name", "Therapist name", required=True),
                _f("appointment_date", "Appointment date", "date"),
                _f("appointment_time", "Appointment time", help="As shown in the booking, e.g. 15:30"),
                _f("session_type", "Session type", "choice", choices=SESSION_TYPES),
                _f("cancellation_times", "Cancellation or no-show timestamps", "multiline"),
            ),
            clinical=True,
            safety=True,
        ),
        IssueType(
            "billing",
            "Billing / refund",
            ("client",),
            "A charge that is wrong, doubled, or a refund that has not arrived.",
            (
                _f("invoice_numbers", "Invoice numbers", ref_kind="invoice"),
                _f("transaction_dates", "Transaction dates"),
                _f("amounts", "Amounts charged"),
                _f("authorization", "Insurance authorization or EOB", ref_kind="authorization"),
                _f("card_last4", "Card, last 4 digits", "last4"),
                _f("statement_date", "Card statement date", "date", ready=False,
                   help="Starts the 60-day clock for a card billing-error notice."),
            ),
            documents=(ChecklistExtra("Screenshots of the error or charge", "image/"),),
        ),
        IssueType(
            "insurance",
            "Insurance eligibility / reimbursement",
            ("client", "clinician"),
            "Eligibility, a denied claim, or a reimbursement that is late.",
            (
                _f("member_id", "Member ID", required=True, ref_kind="member"),
                _f("claim_numbers", "Claim numbers", ref_kind="claim"),
                _f("dates_of_service", "Dates of service"),
                _f("authorization_numbers", "Authorization numbers", ref_kind="authorization"),
                _f("payer", "Insurance company (payer)"),
                _f("denial_date", "Denial date", "date", ready=False,
                   help="Starts the 180-day clock for an internal appeal."),
                _f("final_decision_date", "Final internal decision date", "date", ready=False,
                   help="Starts the 60-day clock for an external review."),
            ),
            documents=(ChecklistExtra("Explanation of benefits (EOB)", "application/pdf"),),
        ),
        IssueType(
            "provider_credentialing",
            "Provider credentialing / contract",
            ("clinician",),
            "Credentialing with a payer, or the provider contract.",
            (
                _f("npi", "NPI", "npi", required=True, ref_kind="npi",
                   help="10 digits; the last one is a check digit."),
                _f("practice_name", "Practice name"),
                _f("tax_id", "Tax ID (EIN)", "ein", ref_kind="ein", help="Like 12-3456789"),
                _f("contract_reference", "W-9 or contract reference", ref_kind="other"),
            ),
        ),
        IssueType(
            "provider_payment",
            "Provider payment / payout",
            ("clinician",),
            "A payout that is missing, late, or short.",
            (
                _f("bank_last4", "Bank account, last 4 digits", "last4"),
                _f("payout_dates", "Payout dates"),
                _f("payout_amounts", "Payout amounts"),
                _f("session_references", "Claim or session references", ref_kind="claim"),
            ),
        ),
        IssueType(
            "technical",
            "Technical",
            ("client", "clinician"),
            "The app or website does not work.",
            (
                _f("device", "Device"),
                _f("os_browser", "OS / browser version"),
                _f("app_version", "App version"),
                _f("steps", "Steps to reproduce", "multiline"),
            ),
            documents=(ChecklistExtra("Screenshots or a recording", ("image/", "video/")),),
        ),
        IssueType(
            "privacy",
            "Privacy complaint",
            ("client", "clinician"),
            "Information disclosed that should not have been, or access refused.",
            (
                _f("what_happened", "What was disclosed or refused", "multiline", required=True),
                _f("learned_on", "When you learned of it", "date", required=True,
                   help="Starts the 180-day clock for a complaint to HHS OCR."),
                _f("people_involved", "Who was involved"),
            ),
            safety=True,
        ),
    )
}

ROLES = ("client", "clinician")


def get_issue_type(key: str) -> IssueType:
    try:
        return ISSUE_TYPES[key]
    except KeyError:
        known = ", ".join(ISSUE_TYPES)
        raise FieldError(f"'{key}' is not a known issue type (known: {known}).") from None


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    on_file: bool
    value: str = ""


def checklist(
    issue_type: str,
    fields: Mapping[str, str],
    media_types: Iterable[str] = (),
    extra_on_file: Callable[[str], bool] | None = None,
) -> list[ChecklistItem]:
    """What to have ready before calling, missing items first."""
    it = get_issue_type(issue_type)
    media = list(media_types)
    items: list[ChecklistItem] = []
    for spec in it.fields:
        if not spec.ready:
            continue
        value = fields.get(spec.name, "")
        items.append(ChecklistItem(spec.label, bool(value), value))
    for doc in it.documents:
        have = any(m.startswith(doc.media_prefix) for m in media) if doc.media_prefix else False
        if extra_on_file is not None and extra_on_file(doc.label):
            have = True
        items.append(ChecklistItem(doc.label, have))
    items.sort(key=lambda i: i.on_file)
    return items


CALL_PROMPTS: tuple[str, ...] = (
    "Lead with the facts they can look up: your account, the date and the transaction.",
    "Ask for a ticket or reference number.",
    "Ask when you should expect an answer, and how you will get it.",
    "Ask for the name and title of the person who owns the escalation.",
)

SAFETY_NOTE = (
    "Headway Journal is not an emergency service. If you are in immediate danger, call your "
    "local emergency number (911 in the U.S.). For the 988 Suicide & Crisis Lifeline, call or "
    "text 988 in the U.S. If you have a therapist, their emergency plan comes before any "
    "support ticket."
)


def references(issue_type: str, fields: Mapping[str, str]) -> list[tuple[RefKind, str, str]]:
    """(kind, label, value) for every identifier field that has a value."""
    it = get_issue_type(issue_type)
    out: list[tuple[RefKind, str, str]] = []
    for spec in it.fields:
        if spec.ref_kind and fields.get(spec.name):
            out.append((spec.ref_kind, spec.label, fields[spec.name]))
    return out


def details(issue_type: str, fields: Mapping[str, str]) -> list[tuple[str, str]]:
    """(label, value) pairs of the filled fields, in registry order (the case file's details)."""
    it = get_issue_type(issue_type)
    return [(s.label, fields[s.name]) for s in it.fields if fields.get(s.name)]


_KIND_SCHEMA: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "maxLength": MAX_TEXT},
    "multiline": {"type": "string", "maxLength": MAX_MULTILINE},
    "date": {"type": "string", "format": "date"},
    "money": {"type": "string", "pattern": r"^\$?[0-9,]+(\.[0-9]{1,2})?$"},
    "email": {"type": "string", "format": "email"},
    "last4": {"type": "string", "pattern": r"^[0-9]{4}$"},
    "npi": {"type": "string", "pattern": r"^[0-9]{10}$"},
    "ein": {"type": "string", "pattern": r"^[0-9]{2}-?[0-9]{7}$"},
}


def fields_json_schema() -> dict[str, Any]:
    """JSON Schema fragments for a case's `fields`, one per issue type (used in allOf/if-then)."""
    rules: list[dict[str, Any]] = []
    for it in ISSUE_TYPES.values():
        props: dict[str, Any] = {}
        for spec in it.fields:
            prop: dict[str, Any]
            if spec.kind == "choice":
                prop = {"type": "string", "enum": list(spec.choices)}
            else:
                prop = dict(_KIND_SCHEMA[spec.kind])
            prop["title"] = spec.label
            if spec.help:
                prop["description"] = spec.help
            props[spec.name] = prop
        required = [s.name for s in it.fields if s.required]
        then: dict[str, Any] = {
            "properties": {
                "fields": {
                    "type": "object",
                    "properties": props,
                    "additionalProperties": False,
                    **({"required": required} if required else {}),
                }
            }
        }
        if required:
            then["required"] = ["fields"]
        rules.append({"if": {"properties": {"issue_type": {"const": it.key}}}, "then": then})
    return {"allOf": rules}
