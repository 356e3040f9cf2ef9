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
from decimal import Decimal
from typing import Any, Literal

from .. import i18n
from .digit_groups import card_spans, luhn_ok
from .money import AMOUNT_PATTERN, AmountError, normalize_amounts_text, parse_amount
from .safe_echo import escape_for_terminal

FieldKind = Literal["text", "multiline", "date", "choice", "money", "amounts", "email", "last4",
                    "npi", "ein"]
RefKind = Literal["account", "member", "claim", "invoice", "authorization", "npi", "ein", "other"]

MAX_TEXT = 500
MAX_MULTILINE = 20_000


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
    i18n.mark("This looks like a full card number. Only the last 4 digits belong in the journal "
    "(for example 'card ending 4242'); please remove the rest.")
)


def refuse_card_number(text: str) -> None:
    """Raise FieldError if ``text`` contains a full payment-card number."""
    if find_card_number(text) is not None:
        raise FieldError(i18n.text(CARD_MESSAGE))


def npi_ok(npi: str) -> bool:
    """The NPI check digit: Luhn over the prefix 80840 plus the 10 digits."""
    return len(npi) == 10 and npi.isdigit() and luhn_ok("80840" + npi)


def _clean_text(value: str, limit: int) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable() or ord(ch) > 0x9F)
    value = value.strip()
    if len(value) > limit:
        raise FieldError(i18n.text("This is {len:,} characters long; the limit is {limit:,}.").format(len=len(value), limit=limit))
    refuse_card_number(value)
    return value


def parse_money(value: str) -> Decimal:
    """An amount such as "$1,234.50" as a Decimal with two places (``money.parse_amount``)."""
    try:
        return parse_amount(value)
    except AmountError as exc:
        raise FieldError(str(exc)) from None


def parse_iso_date(value: str) -> date:
    try:
        d = date.fromisoformat(value.strip())
    except ValueError:
        raise FieldError(i18n.text("'{escape_for_terminal}' is not a date; use YYYY-MM-DD, e.g. 2026-11-20.").format(escape_for_terminal=escape_for_terminal(value.strip()))) from None
    if not (1990 <= d.year <= 2100):
        raise FieldError(i18n.text("{isoformat} is outside the years 1990 to 2100; please check it.").format(isoformat=d.isoformat()))
    return d


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_EIN = re.compile(r"^(\d{2})-?(\d{7})$")


def _choice(value: str, choices: tuple[str, ...]) -> str:
    for choice in choices:
        if value.lower() == choice.lower():
            return choice
    raise FieldError(i18n.text("Choose one of: {join}.").format(join=', '.join(choices)))


def _amounts(value: str, _choices: tuple[str, ...]) -> str:
    try:
        return normalize_amounts_text(value)
    except AmountError as exc:
        raise FieldError(str(exc)) from None


def _email(value: str, _choices: tuple[str, ...]) -> str:
    if not _EMAIL.match(value):
        raise FieldError(i18n.text("'{escape_for_terminal}' is not an e-mail address.").format(escape_for_terminal=escape_for_terminal(value)))
    return value


def _last4(value: str, _choices: tuple[str, ...]) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) != 4 or len(value) > 12:
        raise FieldError(i18n.text("Enter only the last 4 digits, e.g. 4242."))
    return digits


def _npi(value: str, _choices: tuple[str, ...]) -> str:
    digits = re.sub(r"[\s-]", "", value)
    if len(digits) != 10 or not digits.isdigit():
        raise FieldError(i18n.text("An NPI has exactly 10 digits."))
    if not npi_ok(digits):
        raise FieldError(i18n.text("{digits} is not a valid NPI: its check digit does not match.").format(digits=digits))
    return digits


def _ein(value: str, _choices: tuple[str, ...]) -> str:
    m = _EIN.match(value)
    if not m:
        raise FieldError(i18n.text("A tax ID (EIN) looks like 12-3456789."))
    return f"{m.group(1)}-{m.group(2)}"


# How each kind of field is checked and written (after the text is cleaned); a kind not here
# ("text") is kept as typed.
_NORMALIZERS: dict[str, Callable[[str, tuple[str, ...]], str]] = {
    "date": lambda value, _c: parse_iso_date(value).isoformat(),
    "choice": _choice,
    "money": lambda value, _c: str(parse_money(value)),
    "amounts": _amounts,
    "email": _email,
    "last4": _last4,
    "npi": _npi,
    "ein": _ein,
}


def _normalize(kind: FieldKind, value: str, choices: tuple[str, ...]) -> str:
    if kind == "multiline":
        return _clean_text(value, MAX_MULTILINE)
    value = _clean_text(value, MAX_TEXT)
    if not value:
        return value
    check = _NORMALIZERS.get(kind)
    return value if check is None else check(value, choices)


# --- the registry -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NotNeededWhen:
    """A fact of the case that rules a checklist item out: ``field`` holds one of ``values``."""

    field: str
    values: tuple[str, ...]
    reason: str  # why, as the checklist says it: "the session was self-pay"

    def applies(self, fields: Mapping[str, str]) -> bool:
        value = str(fields.get(self.field) or "").strip().casefold()
        return bool(value) and value in {v.casefold() for v in self.values}


@dataclass(frozen=True)
class CallQuestion:
    """Something to ask on a call; ``answer_field`` is the case field its answer goes in."""

    text: str
    answer_field: str = ""


@dataclass(frozen=True)
class FieldSpec:
    """One field an issue type asks for: its label, kind, help and whether it is needed."""
    name: str
    label: str
    kind: FieldKind = "text"
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    ready: bool = True  # part of the pre-call checklist
    ref_kind: RefKind | None = None  # an identifier listed among the case file's references
    # facts of the case that make this checklist item unnecessary
    not_needed_when: tuple[NotNeededWhen, ...] = ()

    def normalize(self, value: Any) -> str:
        """Validate and normalise one value; raises FieldError with a user-facing sentence."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                value = str(value)
            else:
                raise FieldError(i18n.text("{label} must be text.").format(label=i18n.text(self.label)))
        result = _normalize(self.kind, value, self.choices)
        if self.required and not result:
            raise FieldError(i18n.text("{label} is required.").format(label=i18n.text(self.label)))
        return result


@dataclass(frozen=True)
class ChecklistExtra:
    """Something to have ready that is a document rather than a field (satisfied by an exhibit)."""

    label: str
    # satisfied by an attachment whose media type starts with this (or with one of these)
    media_prefix: str | tuple[str, ...] = ""
    not_needed_when: tuple[NotNeededWhen, ...] = ()


@dataclass(frozen=True)
class IssueType:
    """One kind of problem: its fields, the documents to gather and the questions to ask."""
    key: str
    label: str
    roles: tuple[str, ...]
    description: str
    fields: tuple[FieldSpec, ...]
    documents: tuple[ChecklistExtra, ...] = ()
    clinical: bool = False  # show the safety note where contacts are logged
    safety: bool = False
    # "Ask on this call": this type's own questions, after the common CALL_PROMPTS
    questions: tuple[CallQuestion, ...] = ()
    field_map: Mapping[str, FieldSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_map", {f.name: f for f in self.fields})
        self._check_references()

    def _check_references(self) -> None:
        """A condition or a question naming a field this type lacks is a registry bug."""
        conditions = [c for f in self.fields for c in f.not_needed_when]
        conditions += [c for d in self.documents for c in d.not_needed_when]
        for cond in conditions:
            spec = self.field_map.get(cond.field)
            if spec is None or spec.kind != "choice" or not set(cond.values) <= set(spec.choices):
                raise ValueError(i18n.text("{key}: 'not needed' condition on {field!r} must name a choice field of this type and some of its choices").format(key=self.key, field=cond.field))
        for q in self.questions:
            if q.answer_field and q.answer_field not in self.field_map:
                raise ValueError(i18n.text("{key}: question answered by unknown field {answer_field!r}").format(key=self.key, answer_field=q.answer_field))

    def validate(self, values: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        """Return (clean values, errors by field name). Unknown names are errors too."""
        clean: dict[str, str] = {}
        errors: dict[str, str] = {}
        for name in values:
            if name not in self.field_map:
                errors[name] = i18n.text("'{escape_for_terminal}' is not a field of {label} cases.").format(escape_for_terminal=escape_for_terminal(name), label=self.label)
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
PAID_BY = ("self-pay", "insurance")
INSURANCE_MATTERS = ("eligibility", "denied claim", "late reimbursement")
SELF_PAY = NotNeededWhen("paid_by", ("self-pay",), i18n.mark("the session was self-pay"))
ELIGIBILITY = NotNeededWhen("insurance_matter", ("eligibility",),
                            i18n.mark("an eligibility question has no claim yet"))

ISSUE_TYPES: dict[str, IssueType] = {
    t.key: t
    for t in (
        IssueType(
            "account",
            i18n.mark("Account / access"),
            ("client", "clinician"),
            i18n.mark("Locked out, wrong details, or changes to the account."),
            (
                _f("full_name", i18n.mark("Full name on the account"), required=True),
                _f("account_email", i18n.mark("Account e-mail"), "email"),
                _f("account_id", i18n.mark("Account or client ID"), ref_kind="account"),
                _f("payment_last4", i18n.mark("Payment method, last 4 digits"), "last4"),
            ),
            questions=(
                CallQuestion(i18n.mark("Ask what they need to confirm it is you, and which details on the "
                             "account will change.")),
                CallQuestion(i18n.mark("If you are locked out, ask how to get back in today (a reset link "
                             "to the account e-mail or a temporary code).")),
            ),
        ),
        IssueType(
            "appointment",
            i18n.mark("Appointment / clinical access"),
            ("client",),
            i18n.mark("A session that was cancelled, missed, or could not be booked."),
            (
                _f("therapist_name", i18n.mark("Therapist name"), required=True),
                _f("appointment_date", i18n.mark("Appointment date"), "date"),
                _f("appointment_time", i18n.mark("Appointment time"), help=i18n.mark("As shown in the booking, e.g. 15:30")),
                _f("session_type", i18n.mark("Session type"), "choice", choices=SESSION_TYPES),
                _f("cancellation_times", i18n.mark("Cancellation or no-show timestamps"), "multiline"),
            ),
            clinical=True,
            safety=True,
            questions=(
                CallQuestion(i18n.mark("Ask whether the session will be rebooked, and for when.")),
                CallQuestion(i18n.mark("Ask whether a cancellation or no-show fee applies, and to have it "
                             "waived when the cancellation was theirs.")),
                CallQuestion(i18n.mark("Ask how to reach your therapist in the meantime.")),
            ),
        ),
        IssueType(
            "billing",
            i18n.mark("Billing / refund"),
            ("client",),
            i18n.mark("A charge that is wrong, doubled, or a refund that has not arrived."),
            (
                _f("invoice_numbers", i18n.mark("Invoice numbers"), ref_kind="invoice"),
                _f("transaction_dates", i18n.mark("Transaction dates")),
                _f("amounts", i18n.mark("Amounts charged"), "amounts",
                   help=i18n.mark("Like $49.00 on Nov 3, $49.00 on Nov 4")),
                _f("paid_by", i18n.mark("Paid by"), "choice", choices=PAID_BY, ready=False,
                   help=i18n.mark("Self-pay or insurance: a self-pay session needs no EOB.")),
                _f("authorization", i18n.mark("Insurance authorization or EOB"), ref_kind="authorization",
                   not_needed_when=(SELF_PAY,)),
                _f("card_last4", i18n.mark("Card, last 4 digits"), "last4"),
                _f("statement_date", i18n.mark("Card statement date"), "date", ready=False,
                   help=i18n.mark("Starts the 60-day clock for a card billing-error notice.")),
                _f("refund_method", i18n.mark("Refund method"), ready=False,
                   help=i18n.mark("How they said the refund is made, e.g. back to the card ending 4242.")),
                _f("refund_posting_date", i18n.mark("Refund posting date"), "date", ready=False,
                   help=i18n.mark("When they said the refund reaches your card statement.")),
            ),
            documents=(ChecklistExtra(i18n.mark("Screenshots of the error or charge"), "image/"),),
            questions=(
                CallQuestion(i18n.mark("Ask how the refund will be made: back to the card you paid with, "
                             "or as a credit."), "refund_method"),
                CallQuestion(i18n.mark("Ask on what date the refund will post to your card statement."),
                             "refund_posting_date"),
                CallQuestion(i18n.mark("Ask them to confirm the amount they will refund.")),
            ),
        ),
        IssueType(
            "insurance",
            i18n.mark("Insurance eligibility / reimbursement"),
            ("client", "clinician"),
            i18n.mark("Eligibility, a denied claim, or a reimbursement that is late."),
            (
                _f("member_id", i18n.mark("Member ID"), required=True, ref_kind="member"),
                _f("insurance_matter", i18n.mark("What it is about"), "choice", choices=INSURANCE_MATTERS,
                   ready=False, help=i18n.mark("An eligibility question needs no claim number or EOB.")),
                _f("claim_numbers", i18n.mark("Claim numbers"), ref_kind="claim",
                   not_needed_when=(ELIGIBILITY,)),
                _f("dates_of_service", i18n.mark("Dates of service")),
                _f("authorization_numbers", i18n.mark("Authorization numbers"), ref_kind="authorization"),
                _f("payer", i18n.mark("Insurance company (payer)")),
                _f("denial_reason_code", i18n.mark("Denial reason code"), ready=False,
                   help=i18n.mark("The code on the EOB or the denial letter, e.g. CO-50.")),
                _f("appeal_address", i18n.mark("Appeal address"), "multiline", ready=False,
                   help=i18n.mark("Where to send an appeal (address or fax), from the plan or its letter.")),
                _f("denial_date", i18n.mark("Denial date"), "date", ready=False,
                   help=i18n.mark("Starts the 180-day clock for an internal appeal.")),
                _f("final_decision_date", i18n.mark("Final internal decision date"), "date", ready=False,
                   help=i18n.mark("Starts the four-month clock for an external review (federal process).")),
                _f("review_deadline", i18n.mark("External review deadline in the plan's letter"), "date",
                   ready=False, help=i18n.mark("The deadline the plan's final letter states (state "
                                     "processes differ); it replaces the four-month default.")),
            ),
            documents=(ChecklistExtra(i18n.mark("Explanation of benefits (EOB)"), "application/pdf",
                                      not_needed_when=(ELIGIBILITY,)),),
            questions=(
                CallQuestion(i18n.mark("Ask for the denial reason code, and what it means."),
                             "denial_reason_code"),
                CallQuestion(i18n.mark("Ask for the address (or fax number) to send an appeal to, and the "
                             "deadline for it."), "appeal_address"),
                CallQuestion(i18n.mark("Ask whether the claim can be reprocessed without an appeal.")),
            ),
        ),
        IssueType(
            "provider_credentialing",
            i18n.mark("Provider credentialing / contract"),
            ("clinician",),
            i18n.mark("Credentialing with a payer, or the provider contract."),
            (
                _f("npi", "NPI", "npi", required=True, ref_kind="npi",
                   help=i18n.mark("10 digits; the last one is a check digit.")),
                _f("practice_name", i18n.mark("Practice name")),
                _f("tax_id", i18n.mark("Tax ID (EIN)"), "ein", ref_kind="ein", help=i18n.mark("Like 12-3456789")),
                _f("contract_reference", i18n.mark("W-9 or contract reference"), ref_kind="other"),
                _f("caqh_id", i18n.mark("CAQH ProView ID"), help=i18n.mark("The provider ID of your CAQH profile.")),
                _f("license_number", i18n.mark("State license number"),
                   help=i18n.mark("Your professional license (licence) number and its state.")),
                _f("effective_date", i18n.mark("Credentialing effective date"), "date", ready=False,
                   help=i18n.mark("When they said your credentialing or contract takes effect.")),
            ),
            questions=(
                CallQuestion(i18n.mark("Ask which documents are still missing from your application "
                             "(CAQH attestation, license, W-9).")),
                CallQuestion(i18n.mark("Ask whether they can see your CAQH profile, and when it was last "
                             "attested.")),
                CallQuestion(i18n.mark("Ask for the effective date, and whether sessions before it will be "
                             "paid."), "effective_date"),
            ),
        ),
        IssueType(
            "provider_payment",
            i18n.mark("Provider payment / payout"),
            ("clinician",),
            i18n.mark("A payout that is missing, late, or short."),
            (
                _f("bank_last4", i18n.mark("Bank account, last 4 digits"), "last4"),
                _f("payout_dates", i18n.mark("Payout dates")),
                _f("payout_amounts", i18n.mark("Payout amounts"), "amounts"),
                _f("session_references", i18n.mark("Claim or session references"), ref_kind="claim"),
            ),
            questions=(
                CallQuestion(i18n.mark("Ask for the payout's date, amount and trace or reference number.")),
                CallQuestion(i18n.mark("Ask which sessions or claims the payout covers.")),
                CallQuestion(i18n.mark("Ask which bank account (last 4 digits) it was sent to.")),
            ),
        ),
        IssueType(
            "technical",
            i18n.mark("Technical"),
            ("client", "clinician"),
            i18n.mark("The app or website does not work."),
            (
                _f("device", i18n.mark("Device")),
                _f("os_browser", i18n.mark("OS / browser version")),
                _f("app_version", i18n.mark("App version")),
                _f("steps", i18n.mark("Steps to reproduce"), "multiline"),
            ),
            documents=(ChecklistExtra(i18n.mark("Screenshots or a recording"), ("image/", "video/")),),
            questions=(
                CallQuestion(i18n.mark("Ask whether it is a known problem or an outage, and where status "
                             "updates are posted.")),
                CallQuestion(i18n.mark("Ask for a workaround you can use now.")),
                CallQuestion(i18n.mark("Ask whether they need logs, screenshots or a recording, and where "
                             "to send them.")),
            ),
        ),
        IssueType(
            "privacy",
            i18n.mark("Privacy complaint"),
            ("client", "clinician"),
            i18n.mark("Information disclosed that should not have been, or access refused."),
            (
                _f("what_happened", i18n.mark("What was disclosed or refused"), "multiline", required=True),
                _f("learned_on", i18n.mark("When you learned of it"), "date", required=True,
                   help=i18n.mark("Starts the 180-day clock for a complaint to HHS OCR.")),
                _f("people_involved", i18n.mark("Who was involved")),
            ),
            safety=True,
            questions=(
                CallQuestion(i18n.mark("Ask for the Privacy Officer's name and how to reach them in "
                             "writing.")),
                CallQuestion(i18n.mark("Ask what was disclosed, to whom and when, and what is being done "
                             "about it.")),
                CallQuestion(i18n.mark("Ask for a written reply, and by what date.")),
            ),
        ),
    )
}

ROLES = ("client", "clinician")


def get_issue_type(key: str) -> IssueType:
    try:
        return ISSUE_TYPES[key]
    except KeyError:
        known = ", ".join(ISSUE_TYPES)
        raise FieldError(i18n.text("'{escape_for_terminal}' is not a known issue type (known: {known}).").format(escape_for_terminal=escape_for_terminal(key), known=known)) from None


@dataclass(frozen=True)
class ChecklistItem:
    """One line of a case's checklist: what is needed and whether it is on file."""
    label: str
    on_file: bool
    value: str = ""
    not_needed: str = ""  # why the case's facts rule it out ("the session was self-pay")

    @property
    def needed(self) -> bool:
        return not self.not_needed


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
        items.append(ChecklistItem(i18n.text(spec.label), bool(value), value,
                                   _ruled_out(spec.not_needed_when, fields, bool(value))))
    for doc in it.documents:
        have = any(m.startswith(doc.media_prefix) for m in media) if doc.media_prefix else False
        if extra_on_file is not None and extra_on_file(doc.label):
            have = True
        items.append(ChecklistItem(i18n.text(doc.label), have,
                                   not_needed=_ruled_out(doc.not_needed_when, fields, have)))
    # missing first, then what is on file, then what the case's facts rule out
    items.sort(key=lambda i: 2 if i.not_needed else int(i.on_file))
    return items


def _ruled_out(conditions: Iterable[NotNeededWhen], fields: Mapping[str, str],
               on_file: bool) -> str:
    """Why the item is not needed ("" when it is, or when it is on file anyway)."""
    if on_file:
        return ""
    return next((i18n.text(c.reason) for c in conditions if c.applies(fields)), "")


@dataclass(frozen=True)
class CallPrompt:
    """A question to ask on the next call, with the answer already on file (if any)."""
    text: str
    answer: str = ""  # the answer already on file, if any


def call_prompts(issue_type: str, fields: Mapping[str, str] | None = None) -> list[CallPrompt]:
    """ "Ask on this call": the common prompts, then the issue type's own questions (each with
    its answer when the case already holds it). An unknown type gets the common ones."""
    fields = fields or {}
    out = [CallPrompt(i18n.text(text)) for text in CALL_PROMPTS]
    it = ISSUE_TYPES.get(issue_type)
    for q in it.questions if it is not None else ():
        answer = " ".join(str(fields.get(q.answer_field) or "").split()) if q.answer_field else ""
        out.append(CallPrompt(i18n.text(q.text), answer))
    return out


CALL_PROMPTS: tuple[str, ...] = (
    i18n.mark("Lead with the facts they can look up: your account, the date and the transaction."),
    i18n.mark("Ask for a ticket or reference number."),
    i18n.mark("Ask when you should expect an answer, and how you will get it."),
    i18n.mark("Ask for the name and title of the person who owns the escalation."),
)

SAFETY_NOTE = (
    i18n.mark("Headway Journal is not an emergency service. If you are in immediate danger, call your "
    "local emergency number (911 in the U.S.). For the 988 Suicide & Crisis Lifeline, call or "
    "text 988 in the U.S.; for help in Spanish, dial 988 and press 2. If you have a therapist, "
    "their emergency plan comes before any "
    "support ticket.")
)


def references(issue_type: str, fields: Mapping[str, str]) -> list[tuple[RefKind, str, str]]:
    """(kind, label, value) for every identifier field that has a value."""
    it = get_issue_type(issue_type)
    out: list[tuple[RefKind, str, str]] = []
    for spec in it.fields:
        if spec.ref_kind and fields.get(spec.name):
            out.append((spec.ref_kind, i18n.text(spec.label), fields[spec.name]))
    return out


def details(issue_type: str, fields: Mapping[str, str]) -> list[tuple[str, str]]:
    """(label, value) pairs of the filled fields, in registry order (the case file's details)."""
    it = get_issue_type(issue_type)
    return [(i18n.text(s.label), fields[s.name]) for s in it.fields if fields.get(s.name)]


_KIND_SCHEMA: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "maxLength": MAX_TEXT},
    "multiline": {"type": "string", "maxLength": MAX_MULTILINE},
    "date": {"type": "string", "format": "date"},
    "money": {"type": "string", "pattern": AMOUNT_PATTERN},
    "amounts": {"type": "string", "maxLength": MAX_TEXT},
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
