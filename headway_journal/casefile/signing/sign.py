"""Signing a finished case file (PAdES, pyHanko): the last step, after every page is merged
and stamped; what is signed is exactly what is written."""

from __future__ import annotations

import io
from typing import Any

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from ... import i18n
from .keys import CaseFileSigner
from .no_loop import run_on_private_loop

__all__ = ["FIELD_NAME", "sign_pdf"]

FIELD_NAME = "HeadwayJournalSignature"


def sign_pdf(pdf: bytes, signer: CaseFileSigner) -> bytes:
    """``pdf`` signed by ``signer`` (an incremental update covering the whole file)."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=signer.name,
        reason=i18n.text("Case file exported from Headway Journal; unchanged since signing"),
    )
    def make() -> Any:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        return signers.async_sign_pdf(writer, meta, signer=signer.signer)

    out = run_on_private_loop(make)
    return bytes(out.getvalue())
