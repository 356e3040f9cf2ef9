"""The key a journal signs its case files with: made on first use, kept in the journal folder.

``<journal>/signing/key.pem`` (the private key, PKCS#8, 0600, written atomically) and
``cert.pem`` (a certificate the journal makes for itself, naming the user). The certificate is
made again, with the same key, when the user's name changes. A user with a real certificate
chooses a PKCS#12 file instead (``p12_signer``). Loaded signers are cached per run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from ... import i18n
from ...journal.fsutil import make_private_dir, write_atomic
from ...journal.records import ServiceError

__all__ = ["SIGNING_DIR", "CaseFileSigner", "SigningError", "journal_signer", "p12_signer"]

SIGNING_DIR = "signing"
KEY_NAME = "key.pem"
CERT_NAME = "cert.pem"
_YEARS = 30
_cache: dict[tuple[str, ...], CaseFileSigner] = {}
_lock = threading.Lock()


class SigningError(ServiceError):
    """The case file cannot be signed: a message for the user (shown like any ServiceError)."""


@dataclass(frozen=True)
class CaseFileSigner:
    """A loaded signer: its key and certificate (then the rest of its chain), the name it
    signs as, and whether its certificate is the journal's own (self-made: it proves
    integrity since signing, not identity). ``signing.sign`` signs with it."""

    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    others: tuple[x509.Certificate, ...]
    name: str
    self_signed: bool

    def cert_ders(self) -> list[bytes]:
        """The certificate, then the others of its chain, in DER."""
        return [c.public_bytes(serialization.Encoding.DER) for c in (self.cert, *self.others)]

    def note(self) -> str:
        """What the signature proves, for the case file."""
        if self.self_signed:
            return i18n.text(
                "This file is digitally signed (PAdES) in the name of {name}, with a key and "
                "certificate this journal made for itself. A PDF reader's signature panel shows "
                "whether the file was changed after it was signed. The certificate is not issued "
                "by an authority, so the signature proves the file's integrity since signing, "
                "not the signer's identity.").format(name=self.name)
        return i18n.text(
            "This file is digitally signed (PAdES) with the certificate of {name}. A PDF "
            "reader's signature panel shows whether the file was changed after it was signed "
            "and whether it trusts the certificate.").format(name=self.name)


def _certificate(key: ec.EllipticCurvePrivateKey, name: str) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME,
                                            "Headway Journal (self-signed)")])
    now = datetime.now(UTC) - timedelta(minutes=5)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=365 * _YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))


def _load_or_make_key(path: Path, create: bool) -> ec.EllipticCurvePrivateKey:
    if path.is_file():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise SigningError(i18n.text("{path} is not the journal's signing key.").format(
                path=path))
        return key
    if not create:
        raise SigningError(i18n.text(
            "The journal has no signing key yet and cannot be written to make one."))
    key = ec.generate_private_key(ec.SECP256R1())
    write_atomic(path, key.private_bytes(serialization.Encoding.PEM,
                                         serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()))
    return key


def _cert_names(cert: x509.Certificate) -> list[str]:
    return [str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]


def _make(folder: Path, name: str, create: bool) -> CaseFileSigner:
    where = folder / SIGNING_DIR
    if create:
        make_private_dir(where)
    key = _load_or_make_key(where / KEY_NAME, create)
    cert_path = where / CERT_NAME
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes()) if cert_path.is_file() else None
    stale = cert is None or _cert_names(cert) != [name] or cert.public_key() != key.public_key()
    if stale and not create and cert is not None and cert.public_key() == key.public_key():
        name = (_cert_names(cert) or [name])[0]  # read-only: signed as the certificate says
    elif stale or cert is None:
        cert = _certificate(key, name)
        if create:  # a read-only journal's stays in memory
            write_atomic(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return CaseFileSigner(key, cert, (), name, True)


def journal_signer(folder: Path, name: str, *, create: bool = True) -> CaseFileSigner:
    """The journal's own signer, signing as ``name`` (made in ``folder/signing`` on first use;
    without ``create`` nothing is written: a read-only journal signs with the key it has).
    Raises SigningError when it can be neither read nor made."""
    name = " ".join(name.split()) or i18n.text("the journal's keeper")
    where = folder / SIGNING_DIR
    stamp = tuple(str(p.stat().st_mtime_ns) if p.is_file() else "-"
                  for p in (where / KEY_NAME, where / CERT_NAME))
    cache_key = (str(folder), name, str(create), *stamp)
    with _lock:
        found = _cache.get(cache_key)
        if found is None:
            try:
                found = _make(folder, name, create)
            except OSError as exc:
                raise SigningError(i18n.text(
                    "The journal's signing key could not be made: {reason}").format(
                        reason=exc.strerror or exc)) from exc
            _cache[cache_key] = found
        return found


def p12_signer(path: Path, passphrase: bytes | None) -> CaseFileSigner:
    """A signer from the user's own PKCS#12 (.p12/.pfx) file (cached per run)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(i18n.text("{path} could not be read: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc
    cache_key = ("p12", str(path), str(hash(data)), str(hash(passphrase)))
    with _lock:
        found = _cache.get(cache_key)
    if found is not None:
        return found
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError as exc:
        raise SigningError(i18n.text(
            "{path} could not be opened: wrong passphrase, or not a PKCS#12 file.").format(
                path=path)) from exc
    if cert is None or not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise SigningError(i18n.text(
            "{path} holds no RSA or EC key with its certificate.").format(path=path))
    names = _cert_names(cert)
    found = CaseFileSigner(key, cert, tuple(others),
                           names[0] if names else cert.subject.rfc4514_string(),
                           cert.issuer == cert.subject)
    with _lock:
        _cache[cache_key] = found
    return found
