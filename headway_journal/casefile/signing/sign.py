"""Signing a finished case file (PAdES baseline B-B, ``ETSI.CAdES.detached``) in the same write
that makes it: the last change, covering every byte of the file.

How: before the document is written, :func:`reserve` adds the signature field (an invisible
widget on the first page, in the catalog's ``/AcroForm`` with ``/SigFlags 3``) and its
signature dictionary, whose ``/ByteRange`` and ``/Contents`` are fixed-width placeholders.
After the one write, :func:`seal` finds the placeholders, fills in the byte range (everything
but the ``/Contents`` hex string), hashes it (SHA-256) and puts the CMS ``SignedData`` there:
signed attributes content type, message digest and the ESS signing-certificate-v2 (which
binds the certificate), signed with the key by ``cryptography``; the certificates go with it.
The signing time is the dictionary's ``/M``. Nothing is parsed again and no incremental
update is appended; pyHanko (``verify``) and PDF readers check it like any PAdES signature.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from ... import i18n
from .keys import CaseFileSigner

__all__ = ["FIELD_NAME", "Reservation", "placeholder", "reserve", "seal"]

FIELD_NAME = "HeadwayJournalSignature"
_RANGE_WIDTH = 10  # digits per /ByteRange number: files up to 9.3 GB
_RANGE_MARK = b"[0 " + b" ".join([b"*" * _RANGE_WIDTH] * 3) + b"]"
_SPARE = 64  # bytes kept free in /Contents beyond the estimate (ECDSA lengths vary by 1-2)


class _Fixed(PdfObject):
    """A placeholder written exactly as given (filled in after the write)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def write_to_stream(self, stream: object, encryption_key: object = None) -> None:
        stream.write(self.raw)  # type: ignore[attr-defined]

    def hash_bin(self) -> int:
        return hash((self.__class__, self.raw))


@dataclass(frozen=True)
class Reservation:
    """What :func:`seal` looks for in the written file."""

    signer: CaseFileSigner
    contents: bytes  # the placeholder hex string, ``<00…00>``


def reserve(writer: PdfWriter, signer: CaseFileSigner, when: datetime | None = None
            ) -> Reservation:
    """Add the signature field and its dictionary (placeholders) to ``writer``."""
    when = (when or datetime.now(UTC)).astimezone(UTC)
    size = len(_signed_data(signer, b"\0" * 32, estimate=True)) + _SPARE
    contents = b"<" + b"0" * (2 * size) + b">"
    sig = DictionaryObject({
        NameObject("/Type"): NameObject("/Sig"),
        NameObject("/Filter"): NameObject("/Adobe.PPKLite"),
        NameObject("/SubFilter"): NameObject("/ETSI.CAdES.detached"),
        NameObject("/ByteRange"): _Fixed(_RANGE_MARK),
        NameObject("/Contents"): _Fixed(contents),
        NameObject("/M"): TextStringObject(f"D:{when:%Y%m%d%H%M%S}Z"),
        NameObject("/Name"): TextStringObject(signer.name),
        NameObject("/Reason"): TextStringObject(
            i18n.text("Case file exported from Headway Journal; unchanged since signing")),
    })
    sig_ref = writer._add_object(sig)  # noqa: SLF001 - pypdf's only way to add an object
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
    return Reservation(signer, contents)


def placeholder(signer: CaseFileSigner, when: datetime | None = None
                ) -> tuple[bytes, Reservation]:
    """The signature dictionary as written in the file, placeholders in it, for a file whose
    writer is not pypdf (``casefile.pdf.in_write``): the same entries as :func:`reserve`'s."""
    when = (when or datetime.now(UTC)).astimezone(UTC)
    size = len(_signed_data(signer, b"\0" * 32, estimate=True)) + _SPARE
    contents = b"<" + b"0" * (2 * size) + b">"
    reason = i18n.text("Case file exported from Headway Journal; unchanged since signing")
    raw = b"".join([
        b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached",
        b" /ByteRange ", _RANGE_MARK, b" /Contents ", contents,
        b" /M (D:", f"{when:%Y%m%d%H%M%S}".encode("ascii"), b"Z)",
        b" /Name ", _text(signer.name), b" /Reason ", _text(reason), b" >>",
    ])
    return raw, Reservation(signer, contents)


def _text(text: str) -> bytes:
    """A PDF text string in hex (UTF-16 with its byte-order mark: any alphabet)."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().upper().encode("ascii") + b">"


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


def seal(pdf: bytearray, spot: Reservation) -> None:
    """Fill in the byte range and the signature of the written file ``pdf``, in place."""
    if pdf.count(_RANGE_MARK) != 1 or pdf.count(spot.contents) != 1:
        raise ValueError("the signature's place was not found exactly once in the file")
    start = pdf.find(spot.contents)
    end = start + len(spot.contents)
    numbers = b"[0 %d %d %d]" % (start, end, len(pdf) - end)
    at = pdf.find(_RANGE_MARK)
    pdf[at:at + len(_RANGE_MARK)] = numbers.ljust(len(_RANGE_MARK))
    view = memoryview(pdf)
    digest = hashlib.sha256(view[:start])
    digest.update(view[end:])
    view.release()
    der = _signed_data(spot.signer, digest.digest())
    room = (len(spot.contents) - 2) // 2
    if len(der) > room:
        raise ValueError("the signature is larger than the room kept for it")
    pdf[start + 1:end - 1] = der.hex().upper().encode("ascii").ljust(2 * room, b"0")


def _signed_attrs(cert: asn1_x509.Certificate, document_digest: bytes) -> cms.CMSAttributes:
    ess = tsp.SigningCertificateV2({"certs": [tsp.ESSCertIDv2({
        "hash_algorithm": {"algorithm": "sha256"},
        "cert_hash": hashlib.sha256(cert.dump()).digest(),
        "issuer_serial": {
            "issuer": [asn1_x509.GeneralName({"directory_name": cert.issuer})],
            "serial_number": cert.serial_number,
        },
    })]})
    attrs = [
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "message_digest", "values": [document_digest]}),
        cms.CMSAttribute({"type": "signing_certificate_v2", "values": [ess]}),
    ]
    # DER: a SET OF is ordered by its members' encodings
    return cms.CMSAttributes(sorted(attrs, key=lambda a: a.dump()))


def _signature(signer: CaseFileSigner, data: bytes) -> tuple[str, bytes]:
    key = signer.key
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return "sha256_ecdsa", key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return "sha256_rsa", key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    raise TypeError("an RSA or EC key signs case files")


def _signed_data(signer: CaseFileSigner, document_digest: bytes, *, estimate: bool = False
                 ) -> bytes:
    """The DER ``ContentInfo`` (SignedData, detached) for ``document_digest``."""
    certs = [asn1_x509.Certificate.load(der) for der in signer.cert_ders()]
    cert = certs[0]
    attrs = _signed_attrs(cert, document_digest)
    algorithm, signature = _signature(signer, attrs.dump())
    if estimate and algorithm == "sha256_ecdsa":
        signature += b"\0" * 8  # an ECDSA signature's length varies with its numbers
    info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber({
            "issuer": cert.issuer, "serial_number": cert.serial_number})}),
        "digest_algorithm": {"algorithm": "sha256"},
        "signed_attrs": attrs,
        "signature_algorithm": {"algorithm": algorithm},
        "signature": signature,
    })
    signed = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [{"algorithm": "sha256"}],
        "encap_content_info": {"content_type": "data"},
        "certificates": certs,
        "signer_infos": [info],
    })
    return bytes(cms.ContentInfo({"content_type": "signed_data", "content": signed}).dump())
