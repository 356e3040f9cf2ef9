"""The signature field reserved in a file pypdf writes (a case file with PDF exhibits joined).

The signature dictionary is :func:`.sign.placeholder`'s, written as it is; :func:`.sign.seal`
fills it in after the write. See :mod:`.sign`.
"""

from __future__ import annotations

from datetime import datetime

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from .keys import CaseFileSigner
from .sign import FIELD_NAME, Reservation, placeholder

__all__ = ["reserve"]


class _Raw(PdfObject):
    """An object written exactly as given (the signature dictionary, filled in later)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def write_to_stream(self, stream: object, encryption_key: object = None) -> None:
        stream.write(self.raw)  # type: ignore[attr-defined]

    def hash_bin(self) -> int:
        return hash((self.__class__, self.raw))


def reserve(writer: PdfWriter, signer: CaseFileSigner, when: datetime | None = None
            ) -> Reservation:
    """Add the signature field and its dictionary (placeholders) to ``writer``."""
    raw, spot = placeholder(signer, when)
    sig_ref = writer._add_object(_Raw(raw))  # noqa: SLF001 - pypdf's only way to add an object
    page = writer.pages[0]
    widget = DictionaryObject({
        NameObject("/FT"): NameObject("/Sig"),
        NameObject("/T"): TextStringObject(FIELD_NAME),
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/F"): NumberObject(132),  # print, locked
        NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
        NameObject("/P"): page.indirect_reference,
        NameObject("/V"): sig_ref,
    })
    widget_ref = writer._add_object(widget)  # noqa: SLF001
    annots = page.get("/Annots")
    annots = annots.get_object() if annots is not None else None
    if isinstance(annots, ArrayObject):
        annots.append(widget_ref)
    else:
        page[NameObject("/Annots")] = ArrayObject([widget_ref])
    _add_field(writer, widget_ref)
    return spot


def _add_field(writer: PdfWriter, widget: PdfObject) -> None:
    """The signature field in the catalog's form (kept with any fields it has already)."""
    form = writer.root_object.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if not isinstance(form, DictionaryObject):
        form = DictionaryObject()
        writer.root_object[NameObject("/AcroForm")] = form
    fields = form.get("/Fields")
    fields = fields.get_object() if fields is not None else None
    if isinstance(fields, ArrayObject):
        fields.append(widget)
    else:
        form[NameObject("/Fields")] = ArrayObject([widget])
    form[NameObject("/SigFlags")] = NumberObject(3)  # signatures exist; append only
