"""File > Verify a case file… and Settings > Signing, driven like a user would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from headway_journal.casefile.service_bridge import build_for_case
from headway_journal.journal.service import JournalService
from headway_journal.ui import signing_passphrase
from headway_journal.ui.dialogs.settings_dialog import SettingsDialog


class Boxes:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(self._box(kind)))

    def _box(self, kind: str) -> Any:
        def box(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return box


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def test_verify_a_case_file_from_the_file_menu(window: Any, service: JournalService,
                                               sample: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = build_for_case(service, sample.billing, tmp_path / "case.pdf").path
    boxes = Boxes(monkeypatch)
    choose(monkeypatch, pdf)
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Verify a case file…" in menu_texts
    window.act_verify_case_file.trigger()
    kind, text = boxes.shown[-1]
    assert kind == "information", text
    assert "Unchanged since " in text and "entries match the journal" in text
    assert "Self-signed by" in text

    data = pdf.read_bytes()
    at = len(data) // 2
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:])
    choose(monkeypatch, changed)
    window.act_verify_case_file.trigger()
    kind, text = boxes.shown[-1]
    assert kind == "warning"
    assert "CHANGED" in text or "cannot be" in text


def _p12(tmp_path: Path, passphrase: bytes) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ann Lee")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(9)
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=9))
            .sign(key, hashes.SHA256()))
    path = tmp_path / "ann.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"ann", key, cert, None, serialization.BestAvailableEncryption(passphrase)))
    return path


def test_settings_choose_a_p12_whose_passphrase_stays_in_memory(
        qtbot: Any, service: JournalService, sample: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    signing_passphrase.forget()
    p12 = _p12(tmp_path, b"open sesame")
    choose(monkeypatch, p12)
    answers = [("wrong", True), ("open sesame", True)]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: answers.pop(0)))
    dlg = SettingsDialog(service)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.signing.choose_button, Qt.MouseButton.LeftButton)
    assert "wrong passphrase" in dlg.signing.error.text()
    assert dlg.signing.path() == ""
    dlg.signing.choose_button.click()
    assert dlg.signing.path() == str(p12)
    assert "Ann Lee" in dlg.signing.status.text()
    assert dlg.save()
    assert service.get_setting("signing.p12") == str(p12)
    settings = QSettings()
    assert not any("open sesame" in str(settings.value(k)) for k in settings.allKeys())
    # the case file is signed with it, without asking again in this session
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *a, **k: pytest.fail("asked again")))
    signing_passphrase.ensure_passphrase(service, None)
    result = build_for_case(service, sample.billing, tmp_path / "mine.pdf",
                            passphrase=signing_passphrase.remembered)
    assert result.signed_by == "Ann Lee"
    signing_passphrase.forget()
