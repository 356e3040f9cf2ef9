"""Signed case files and ``headway-journal verify``: a changed byte, a redacted copy, a file
from another journal, an entry changed after the file was made, an export edited by hand, and
the user's own certificate."""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pypdf import PdfReader

from headway_journal import cli
from headway_journal.casefile.signing import keys as signing_keys
from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
MEMBER = "BHX884512370"


def fill(folder: Path, name: str = "Dana Whitfield") -> dict[str, int]:
    with JournalService.open(folder) as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(
            title="Claims denied", organization_id=org.id, issue_type="insurance",
            role="client", key="c-1", opened_on=date(2026, 11, 2),
            summary=f"Member {MEMBER}: two claims denied.", fields={"member_id": MEMBER}))
        first = svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 3, 10, 0, tzinfo=PST), channel="phone",
            rep_name="José Núñez", tickets=["REF-7781234"], summary="Sent back for review.",
            promises=[PromiseInput("Claims reprocessed", business_days=3)], key="k-1"))
        second = svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 9, 9, 30, tzinfo=PST), channel="email",
            summary="No news yet.", key="k-2"))
        if name:
            svc.set_profile(name=name, address="1200 NW Example Ave\nPortland, OR 97209")
    return {"case": cid, "first": first, "second": second}


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, int]]:
    folder = tmp_path / "journal"
    monkeypatch.setenv("HEADWAY_JOURNAL_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg" / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg" / "config"))
    monkeypatch.delenv("HEADWAY_JOURNAL_P12_PASSPHRASE", raising=False)
    return folder, fill(folder)


def main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def casefile(capsys: pytest.CaptureFixture[str], out: Path, *extra: str) -> Path:
    code, text = main(capsys, "casefile", "c-1", "-o", str(out), *extra)
    assert code == 0, text
    return out


def test_a_case_file_is_signed_with_the_journals_own_key_and_verifies(
        journal: tuple[Path, dict[str, int]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ids = journal
    pdf = casefile(capsys, tmp_path / "case.pdf")
    key = folder / "signing" / "key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "signing").stat().st_mode) == 0o700
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    text = re.sub(r"\s+", " ", text)
    assert "How to check this case file" in text
    assert "not the signer's identity" in text and "Dana Whitfield" in text
    assert re.search(r"Hash chain record \d+ · SHA-256 [0-9a-f]{12}…", text)
    code, out = main(capsys, "verify", str(pdf))
    assert code == 0, out
    first = out.splitlines()[0]
    assert re.fullmatch(r".*case\.pdf: Unchanged since \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\); "
                        r"all 2 entries match the journal", first), first
    assert "Self-signed by Dana Whitfield: this proves the file is unchanged since signing, " \
           "not who signed it." in out
    # the key is made once and kept: a second case file uses the same certificate
    before = key.read_bytes()
    casefile(capsys, tmp_path / "again.pdf")
    assert key.read_bytes() == before
    if shutil.which("pdfsig"):
        done = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False)
        assert "Signature is Valid." in done.stdout


def test_a_changed_byte_anywhere_is_found(journal: tuple[Path, dict[str, int]],
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    pdf = casefile(capsys, tmp_path / "case.pdf")
    data = pdf.read_bytes()
    for i in range(1, 12):
        at = len(data) * i // 12
        changed = tmp_path / f"changed-{i}.pdf"
        changed.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:])
        code, out = main(capsys, "verify", str(changed))
        assert code == 1, (at, out)
        assert ("CHANGED after it was signed" in out or "cannot be read" in out
                or "cannot be checked" in out or "not signed" in out), (at, out)
    # something added after the signature (an incremental update) is a change too
    added = tmp_path / "added.pdf"
    added.write_bytes(data + b"\n1 0 obj\n(added later)\nendobj\n")
    code, out = main(capsys, "verify", str(added))
    assert code == 1 and "CHANGED after it was signed" in out, out


def test_a_redacted_copy_is_signed_and_verifies(journal: tuple[Path, dict[str, int]],
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    pdf = casefile(capsys, tmp_path / "redacted.pdf", "--redact")
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert MEMBER not in text
    code, out = main(capsys, "verify", str(pdf))
    assert code == 0, out
    assert "all 2 entries match the journal" in out


def test_a_case_file_from_another_journal_says_so(journal: tuple[Path, dict[str, int]],
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    pdf = casefile(capsys, tmp_path / "case.pdf")
    other = tmp_path / "other"
    fill(other)  # the same cases, typed into another journal
    code, out = main(capsys, "--journal", str(other), "verify", str(pdf))
    assert code == 1
    assert "made by another journal" in out
    code, out = main(capsys, "--journal", str(other), "verify", "--no-journal", str(pdf))
    assert code == 0, out


def test_an_entry_changed_after_the_case_file_is_named(journal: tuple[Path, dict[str, int]],
                                                       tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    pdf = casefile(capsys, tmp_path / "case.pdf")
    with JournalService.open(folder) as svc:
        view = next(c for c in svc.get_case(ids["case"]).contacts if c.id == ids["second"])
        svc.update_contact(ids["second"], ContactInput(
            started_at=view.started_at, channel="email", summary="They answered after all.",
            key="k-2"))
    code, out = main(capsys, "verify", str(pdf))
    assert code == 1
    assert "Contact 2 was changed in the journal after this file was made" in out
    assert "Contact 1" not in out


def test_an_unsigned_pdf_and_other_files(journal: tuple[Path, dict[str, int]], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    from headway_journal.casefile.service_bridge import build_for_case

    with JournalService.open(folder) as svc:
        plain = build_for_case(svc, ids["case"], tmp_path / "plain.pdf", sign=False).path
    code, out = main(capsys, "verify", str(plain))
    assert code == 1 and "not signed" in out
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    code, out = main(capsys, "verify", str(text))
    assert code == 2 and "neither a PDF case file nor a JSON export" in out
    code, out = main(capsys, "verify", str(tmp_path / "missing.pdf"))
    assert code == 2 and "no such file" in out


def test_an_export_carries_the_chain_and_verify_checks_it(
        journal: tuple[Path, dict[str, int]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = journal
    exported = tmp_path / "out.json"
    code, out = main(capsys, "export", str(exported))
    assert code == 0, out
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert {e["contact"] for e in doc["chain"]["entries"]} == {"k-1", "k-2"}
    code, out = main(capsys, "verify", str(exported))
    assert code == 0, out
    assert "Unchanged since it was exported; all 2 entries match the journal" in out
    # an export still imports (the chain block is ignored)
    code, out = main(capsys, "--journal", str(tmp_path / "copy"), "import", str(exported))
    assert code == 0, out
    # edited by hand: found
    doc["cases"][0]["contacts"][0]["summary"] = "Approved on the phone."
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    code, out = main(capsys, "verify", str(edited))
    assert code == 1 and "CHANGED after it was exported" in out
    # the journal changed since: the entry is named
    with JournalService.open(folder) as svc:
        svc.delete_contact(ids["first"])
    code, out = main(capsys, "verify", str(exported))
    assert code == 1
    assert "Contact k-1 of case c-1 was changed in the journal" in out


def _p12(tmp_path: Path, passphrase: bytes) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Dana Whitfield (bank ID)")])
    ca = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Trust CA")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(ca)
            .public_key(key.public_key()).serial_number(7)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .sign(key, hashes.SHA256()))
    path = tmp_path / "mine.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"mine", key, cert, None, serialization.BestAvailableEncryption(passphrase)))
    return path


def test_a_chosen_p12_signs_and_its_passphrase_is_asked_for(
        journal: tuple[Path, dict[str, int]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ids = journal
    p12 = _p12(tmp_path, b"s3cret")
    with JournalService.open(folder) as svc:
        svc.set_setting("signing.p12", str(p12))
    monkeypatch.setenv("HEADWAY_JOURNAL_P12_PASSPHRASE", "wrong")
    code, out = main(capsys, "casefile", "c-1", "-o", str(tmp_path / "no.pdf"))
    assert code == 2 and "wrong passphrase" in out and len(out.strip().splitlines()) == 1
    assert not (tmp_path / "no.pdf").exists()
    monkeypatch.setenv("HEADWAY_JOURNAL_P12_PASSPHRASE", "s3cret")
    pdf = casefile(capsys, tmp_path / "mine.pdf")
    code, out = main(capsys, "verify", str(pdf))
    assert code == 0, out
    assert "Signed with the certificate of Dana Whitfield (bank ID), issued by" in out
    assert not (folder / "signing").exists()  # the journal's own key was never needed


def test_a_journal_key_that_cannot_be_made_leaves_the_file_unsigned_with_a_note(
        journal: tuple[Path, dict[str, int]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path, name: str, **_k: object) -> signing_keys.CaseFileSigner:
        raise signing_keys.SigningError("The journal's signing key could not be made: "
                                        "Read-only file system")

    monkeypatch.setattr(signing_keys, "journal_signer", refuse)
    code, out = main(capsys, "casefile", "c-1", "-o", str(tmp_path / "case.pdf"))
    assert code == 0, out
    assert "Note: the case file is not signed: The journal's signing key could not be made" in out
    assert (tmp_path / "case.pdf").is_file()


def test_the_check_page_is_last_after_appended_pdf_pages_and_the_manifest_survives(
        journal: tuple[Path, dict[str, int]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from reportlab.pdfgen import canvas

    folder, ids = journal
    buf = io.BytesIO()
    sheet = canvas.Canvas(buf)
    for n in (1, 2):
        sheet.drawString(100, 700, f"Statement page {n}")
        sheet.showPage()
    sheet.save()
    with JournalService.open(folder) as svc:
        svc.add_attachment(ids["case"], buf.getvalue(), original_name="statement.pdf",
                           caption="Bank statement", contact_id=ids["first"])
    pdf = casefile(capsys, tmp_path / "case.pdf")
    reader = PdfReader(pdf)
    assert "Statement page 2" in (reader.pages[-2].extract_text() or "")
    assert (reader.pages[-1].extract_text() or "").startswith("How to check this case file")
    assert "headway-journal-manifest.json" in reader.attachments
    code, out = main(capsys, "verify", str(pdf))
    assert code == 0 and "all 2 entries match the journal" in out, out
