"""Checking a case file: its signature and document digest (pyHanko), and, with the journal
that made it open, its entries against the journal's hash chain (the embedded manifest).

A self-made certificate is trusted by no authority: what is reported is integrity ("unchanged
since it was signed") and who it names ("self-signed by NAME"), never a verified identity.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ... import i18n
from ...journal.chain.compare import compare_with_journal
from ..chain_bridge import MANIFEST_FORMAT, MANIFEST_NAME
from .no_loop import run_on_private_loop

if TYPE_CHECKING:
    from ...journal.service import JournalService

__all__ = ["CaseFileCheck", "SignatureCheck", "check_signature", "read_manifest",
           "verify_casefile"]


@dataclass(frozen=True)
class SignatureCheck:
    """``state``: "intact", "changed" (digest mismatch or something added after signing),
    "unsigned" or "damaged" (not readable as a signed PDF)."""

    state: str
    message: str
    signer: str | None = None
    signed_at: datetime | None = None
    self_signed: bool = False


@dataclass
class CaseFileCheck:
    """What ``verify`` found: ``summary()`` is the first line, then ``lines`` and
    ``problems``."""

    signature: SignatureCheck
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    other_journal: bool = False
    entries: int | None = None  # entries compared with the journal (None: not compared)

    @property
    def ok(self) -> bool:
        return self.signature.state == "intact" and not self.problems and not self.other_journal

    def summary(self) -> str:
        sig = self.signature
        if sig.state != "intact":
            return sig.message
        head = i18n.text("Unchanged since {when} (UTC)").format(when=_when(sig.signed_at))
        if self.entries == 0 and not self.problems:
            return head + "; " + i18n.text("it comes from this journal (no contacts to compare)")
        if self.entries is not None and not self.problems:
            return head + "; " + i18n.plural(
                "its {n} entry matches the journal", "all {n} entries match the journal",
                self.entries).format(n=self.entries)
        return head


def _when(at: datetime | None) -> str:
    return "?" if at is None else at.strftime("%Y-%m-%d %H:%M")


def _signer(sig: Any) -> tuple[str, bool]:
    cert = sig.signer_cert
    subject = cert.subject.native
    name = str(subject.get("common_name") or cert.subject.human_friendly)
    return name, cert.issuer == cert.subject


def _why(exc: BaseException) -> str:
    """Why a damaged file could not be read, in words (a mangled number's error is a class)."""
    if isinstance(exc, ArithmeticError):
        return i18n.text("a number in it is damaged")
    return str(exc)


def check_signature(pdf: bytes) -> SignatureCheck:
    """The signature of a case file: intact, changed, absent or unreadable."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError, ArithmeticError) as exc:
        return SignatureCheck("damaged", i18n.text(
            "The file cannot be read as a signed PDF: {reason}").format(reason=_why(exc)))
    if not sigs:
        return SignatureCheck("unsigned", i18n.text(
            "The file is not signed: nothing shows whether it was changed."))
    sig = sigs[-1]
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # a self-made certificate is "untrusted": expected here
    try:
        context = ValidationContext(trust_roots=[], allow_fetching=False)
        status = run_on_private_loop(lambda: async_validate_pdf_signature(sig, context))
    except (PdfError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
        return SignatureCheck("damaged", i18n.text(
            "The signature cannot be checked: {reason}").format(reason=_why(exc)))
    finally:
        quiet.setLevel(level)
    name, self_signed = _signer(sig)
    at = status.signer_reported_dt
    if not (status.intact and status.valid):
        return SignatureCheck("changed", i18n.text(
            "The file was CHANGED after it was signed: its document digest no longer matches "
            "the signature."), name, at, self_signed)
    if len(sigs) > 1 or status.coverage is None or status.coverage.name != "ENTIRE_FILE":
        return SignatureCheck("changed", i18n.text(
            "The file was CHANGED after it was signed: something was added after the "
            "signature."), name, at, self_signed)
    who = (i18n.text("Self-signed by {name}: this proves the file is unchanged since signing, "
                     "not who signed it.") if self_signed else
           i18n.text("Signed with the certificate of {name}, issued by {issuer} (not checked "
                     "against a list of trusted authorities).")).format(
        name=name, issuer=sig.signer_cert.issuer.human_friendly)
    return SignatureCheck("intact", who, name, at, self_signed)


def read_manifest(pdf: bytes) -> dict[str, Any] | None:
    """The chain manifest the case file carries (None: none, or not readable)."""
    try:
        found = PdfReader(io.BytesIO(pdf)).attachments.get(MANIFEST_NAME)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, ArithmeticError):
        return None
    if not found:
        return None
    try:
        data = json.loads(found[0])
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT else None


def verify_casefile(pdf: bytes, service: JournalService | None = None) -> CaseFileCheck:
    """The signature, then (with ``service``) the entries against the journal's chain."""
    sig = check_signature(pdf)
    result = CaseFileCheck(sig, [sig.message] if sig.state == "intact" else [])
    manifest = read_manifest(pdf)
    if service is None:
        return result
    if manifest is None:
        result.problems.append(i18n.text(
            "The file carries no Headway Journal manifest: its entries cannot be compared with "
            "the journal."))
        return result
    same, entries, problems = compare_with_journal(manifest, service)
    result.other_journal = not same
    result.problems += problems
    if same:
        result.entries = entries
    return result
