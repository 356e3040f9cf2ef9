"""Signing a finished case file (PAdES baseline B-B, ``ETSI.CAdES.detached``) in the same write
that makes it: the last change, covering every byte of the file.

How: before the document is written, the signature field (``signing.reserve`` for pypdf,
``casefile.pdf.in_write`` for ReportLab) is added (an invisible
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

from ... import i18n
from .keys import CaseFileSigner

__all__ = ["FIELD_NAME", "Reservation", "placeholder", "seal"]

FIELD_NAME = "HeadwayJournalSignature"
_RANGE_WIDTH = 10  # digits per /ByteRange number: files up to 9.3 GB
_RANGE_MARK = b"[0 " + b" ".join([b"*" * _RANGE_WIDTH] * 3) + b"]"
_SPARE = 64  # bytes kept free in /Contents beyond the estimate (ECDSA lengths vary by 1-2)


@dataclass(frozen=True)
class Reservation:
    """What :func:`seal` looks for in the written file."""

    signer: CaseFileSigner
    contents: bytes  # the placeholder hex string, ``<00…00>``


def placeholder(signer: CaseFileSigner, when: datetime | None = None
                ) -> tuple[bytes, Reservation]:
    """The signature dictionary as written in the file, placeholders in it (written by
    ReportLab, ``casefile.pdf.in_write``, or by pypdf, ``signing.reserve``)."""
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
