"""The case file's PAdES signature, made in the same write as the file: what it covers, what it
carries, RSA and EC certificates with their chain, annotations already on the first page, and
a build that signs without loading pyHanko."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from headway_journal.casefile.signing.keys import CaseFileSigner, journal_signer, p12_signer
from headway_journal.casefile.signing.reserve import reserve
from headway_journal.casefile.signing.sign import FIELD_NAME, seal
from headway_journal.casefile.signing.verify import check_signature

REPO = Path(__file__).resolve().parents[2]


def _chain_p12(tmp_path: Path, key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> Path:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Trust CA")])
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Zoë Núñez")])
    now = datetime.now(UTC)
    ca_cert = (x509.CertificateBuilder().subject_name(ca).issuer_name(ca)
               .public_key(ca_key.public_key()).serial_number(1)
               .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
               .sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(ca)
            .public_key(key.public_key()).serial_number(4242)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
            .sign(ca_key, hashes.SHA256()))
    path = tmp_path / "mine.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"mine", key, cert, [ca_cert], serialization.BestAvailableEncryption(b"pw")))
    return path


def _document(first_page_annots: bool = False) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(612, 792)
    if first_page_annots:
        link = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 50, 20)])})
        writer.pages[0][NameObject("/Annots")] = ArrayObject(
            [writer._add_object(link)])  # noqa: SLF001 - building a test document
    return writer


def _signed(writer: PdfWriter, signer: CaseFileSigner) -> bytes:
    spot = reserve(writer, signer)
    buf = io.BytesIO()
    writer.write(buf)
    pdf = bytearray(buf.getbuffer())
    seal(pdf, spot)
    return bytes(pdf)


def _signature_parts(pdf: bytes) -> tuple[list[int], cms.SignedData]:
    found = re.findall(rb"/ByteRange \[0 (\d+) (\d+) (\d+)\]", pdf)
    assert len(found) == 1
    ranges = [0, *(int(n) for n in found[0])]
    hex_part = pdf[ranges[1] + 1:ranges[2] - 1]
    # the signature fills its placeholder's start; the zeros after it are padding (strict=False
    # reads the DER value by its own length: stripping zeros cut one that ended in 0x00)
    info = cms.ContentInfo.load(bytes.fromhex(hex_part.decode("ascii")), strict=False)
    return ranges, info["content"]


@pytest.mark.parametrize("make_key", [lambda: rsa.generate_private_key(65537, 2048),
                                      lambda: ec.generate_private_key(ec.SECP384R1())],
                         ids=["rsa", "ec-p384"])
def test_a_certificate_with_its_chain_signs_the_whole_file(
        tmp_path: Path, make_key: Callable[[], rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey]
) -> None:
    key = make_key()
    signer = p12_signer(_chain_p12(tmp_path, key), b"pw")
    pdf = _signed(_document(), signer)

    check = check_signature(pdf)
    assert check.state == "intact", check.message
    assert check.signer == "Zoë Núñez" and not check.self_signed
    ranges, signed = _signature_parts(pdf)
    assert ranges[2] + ranges[3] == len(pdf)  # everything but the signature itself
    assert pdf.count(b"%%EOF") == 1  # made in the one write, not appended
    names = [c.chosen.subject.native["common_name"] for c in signed["certificates"]]
    assert sorted(names) == ["Example Trust CA", "Zoë Núñez"]
    attrs = {a["type"].native: a["values"][0] for a in signed["signer_infos"][0]["signed_attrs"]}
    assert set(attrs) == {"content_type", "message_digest", "signing_certificate_v2"}
    document = pdf[:ranges[1]] + pdf[ranges[2]:]
    assert attrs["message_digest"].native == hashlib.sha256(document).digest()
    cert_der = signer.cert.public_bytes(serialization.Encoding.DER)
    assert attrs["signing_certificate_v2"]["certs"][0]["cert_hash"].native == \
        hashlib.sha256(cert_der).digest()

    reader = PdfReader(io.BytesIO(pdf))
    field = reader.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    assert field["/T"] == FIELD_NAME and reader.trailer["/Root"]["/AcroForm"]["/SigFlags"] == 3
    assert field["/V"]["/SubFilter"] == "/ETSI.CAdES.detached"

    changed = bytearray(pdf)
    changed[100] ^= 1
    assert check_signature(bytes(changed)).state == "changed"


def test_links_already_on_the_first_page_stay(tmp_path: Path) -> None:
    signer = journal_signer(tmp_path / "journal", "Dana Whitfield")
    pdf = _signed(_document(first_page_annots=True), signer)
    annots = [a.get_object() for a in PdfReader(io.BytesIO(pdf)).pages[0]["/Annots"]]
    assert [a["/Subtype"] for a in annots] == ["/Link", "/Widget"]
    assert check_signature(pdf).state == "intact"


def test_a_case_file_is_signed_without_loading_pyhanko(tmp_path: Path) -> None:
    """pyHanko checks signatures (``verify``); making one needs only cryptography."""
    code = (
        "import sys, json; from pathlib import Path\n"
        "from headway_journal.casefile.service_bridge import build_for_case\n"
        "from headway_journal.journal.demo import populate_demo\n"
        "from headway_journal.journal.service import JournalService\n"
        "with JournalService.open(Path(sys.argv[1])) as svc:\n"
        "    populate_demo(svc)\n"
        "    r = build_for_case(svc, svc.find_case('1'), Path(sys.argv[2]))\n"
        "print(json.dumps([r.signed_by, sorted(m for m in sys.modules if 'pyhanko' in m)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "j"), str(tmp_path / "c.pdf")],
                         capture_output=True, text=True, cwd=REPO, check=True)
    signed_by, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert signed_by and loaded == []
    assert check_signature((tmp_path / "c.pdf").read_bytes()).state == "intact"


@pytest.mark.parametrize("old, new", [(b"/SigFlags 3", b"/SigFlags ."),
                                      (b"/Rect [ 0 0 0 0 ]", b"/Rect [ 0 . 0 0 ]")])
def test_a_mangled_number_reads_as_damaged_not_as_an_error(tmp_path: Path, old: bytes,
                                                           new: bytes) -> None:
    pdf = _signed(_document(), journal_signer(tmp_path / "journal", "Dana Whitfield"))
    assert pdf.count(old) == 1
    check = check_signature(pdf.replace(old, new))
    assert check.state == "damaged"
    assert check.message == "The file cannot be read as a signed PDF: a number in it is damaged"


def test_form_fields_already_in_the_file_stay(tmp_path: Path) -> None:
    writer = _document()
    text_field = writer._add_object(DictionaryObject({  # noqa: SLF001 - a test document
        NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("note")}))
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([text_field])})
    pdf = _signed(writer, journal_signer(tmp_path / "journal", "Dana Whitfield"))
    form = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/AcroForm"]
    assert [f.get_object()["/T"] for f in form["/Fields"]] == ["note", FIELD_NAME]
    assert form["/SigFlags"] == 3 and check_signature(pdf).state == "intact"
