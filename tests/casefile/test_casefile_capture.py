"""The case file says how each contact was captured (beside the entry) and where each exhibit
came from (in the exhibit list); the redacted copy masks identifiers in both."""

from __future__ import annotations

import importlib.util
import re
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from pypdf import PdfReader

from headway_journal.casefile.service_bridge import build_for_case
from headway_journal.journal.capture.email_import import add_email_files
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService


def _load_messages() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "journal" / "capture" / "messages.py"
    spec = importlib.util.spec_from_file_location("capture_messages_casefile", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mk = _load_messages()


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def test_the_case_file_shows_capture_source_and_provenance(tmp_path: Path) -> None:
    with JournalService.open(tmp_path / "journal") as svc:
        org = svc.organization_by_key("headway")
        assert org is not None
        cid = svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                        issue_type="billing", role="client"))
        svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 20, 15, tzinfo=UTC),
                                          channel="phone", rep_name="Dana"))
        eml = tmp_path / "reply.eml"
        eml.write_bytes(bytes(mk.with_attachments(msgid="<ABC-12345678@headway.co>")))
        add_email_files(svc, cid, [eml])
        svc.add_attachment(cid, mk.PNG, original_name="shot.png",
                           provenance={"kind": "pasted", "what": "image"})
        out = tmp_path / "case.pdf"
        build_for_case(svc, cid, out)
        text = text_of(out)
        assert re.search(r"Contact 1 · .*? · Phone, outbound · typed in", text)
        assert re.search(r"Contact 2 · .*? · Email, inbound · from an e-mail", text)
        assert "From: the original e-mail (eml) “Re: Double charge [TCK-5521]”" in text
        assert "From: attachment of the e-mail “Re: Double charge [TCK-5521]”" in text
        assert "From: pasted (image)" in text
        redacted = tmp_path / "redacted.pdf"
        build_for_case(svc, cid, redacted, redact=True)
        masked = text_of(redacted)
        assert "ABC-12345678@headway.co" in text
        assert "ABC-12345678@headway.co" not in masked
