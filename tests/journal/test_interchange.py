"""JSON import/export: round trip, merge by key, history, and all-or-nothing refusal."""

from __future__ import annotations

import copy
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from headway_journal.journal import interchange as ix
from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput, PromiseInput
from headway_journal.journal.service import JournalService

PST = timezone(timedelta(hours=-8))
EST = timezone(timedelta(hours=-5))
TABLES = ("organizations", "channels", "cases", "contacts", "tickets", "promises", "escalations",
          "attachments", "notes", "changes", "settings")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    s = JournalService.open(store)
    yield s
    s.close()


@pytest.fixture
def fresh(another_store: Any) -> Iterator[JournalService]:
    s = JournalService.open(another_store())
    yield s
    s.close()


def counts(svc: JournalService) -> dict[str, int]:
    with svc.journal.sessions() as s:
        return {t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}


def populate(svc: JournalService) -> int:
    headway = svc.organization_by_key("headway")
    assert headway is not None
    cid = svc.create_case(CaseInput(
        title="Charged twice for the 12 Nov session", organization_id=headway.id,
        issue_type="billing", role="client", amount_disputed="$150", key="c-billing",
        opened_on=date(2026, 11, 12), summary="Two charges of $150.00 for one session.",
        desired_outcome="Refund of one charge", fields={"invoice_numbers": "INV-2231",
                                                        "card_last4": "4242"}))
    first = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 13, 9, 30, tzinfo=PST),
        ended_at=datetime(2026, 11, 13, 9, 58, tzinfo=PST), channel="phone", hold_minutes=12,
        rep_name="José Núñez", rep_title="Billing specialist", rep_id="JN-7",
        tickets=["HW-88812"], summary="Explained the double charge.", outcome="Refund promised",
        key="k-1",
        promises=[PromiseInput("Refund the duplicate charge", business_days=5),
                  PromiseInput("E-mail the ticket summary", hours=4, status="kept"),
                  PromiseInput("Written answer", due_on=date(2026, 12, 1))]))
    second = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 20, 14, 0, tzinfo=EST), channel="chat",
        rep_name="Алексей Смирнов", tickets=["HW-88812"], key="k-2",
        summary="Refund not received; asked for a supervisor.",
        escalation=EscalationInput(date(2026, 11, 20), level="supervisor",
                                   owner_name="Priya Raman", owner_title="Support supervisor",
                                   reference="ESC-1", key="e-1")))
    svc.add_attachment(cid, PNG, original_name="receipt.png", caption="Two charges",
                       contact_id=first)
    svc.add_attachment(cid, b"%PDF-1.4\n% statement\n", original_name="statement.pdf",
                       caption="Card statement")
    svc.add_attachment(cid, PNG, original_name="again.png", caption="Same file, second contact",
                       contact_id=second)
    svc.add_note(cid, "Keep the card statement for the dispute.")
    svc.set_profile(name="Dana Example", email="dana@example.org")
    return cid


def export(svc: JournalService, folder: Path, name: str = "journal.json") -> dict[str, Any]:
    """The exported document without its "chain" block, which names the journal it came from
    (two journals with the same content export the same rest)."""
    folder.mkdir(parents=True, exist_ok=True)
    ix.export_journal(svc, folder / name)
    data: dict[str, Any] = json.loads((folder / name).read_text(encoding="utf-8"))
    assert set(data.pop("chain")) >= {"journal", "chain", "entries", "content_sha256"}
    return data


def write(folder: Path, doc: Any, name: str = "in.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# --- export and round trip ---------------------------------------------------------------------


def test_round_trip_reproduces_the_journal(svc: JournalService, fresh: JournalService,
                                           tmp_path: Path) -> None:
    populate(svc)
    first = export(svc, tmp_path / "a")
    ix.import_journal(fresh, tmp_path / "a" / "journal.json")
    second = export(fresh, tmp_path / "b")
    assert first == second
    # every exhibit copied beside the JSON, byte-identical to the store, named by its digest
    atts = [a for c in first["cases"] for a in c["attachments"]] + [
        a for c in first["cases"] for ct in c["contacts"] for a in ct["attachments"]]
    assert len(atts) == 3
    for a in atts:
        copy_ = tmp_path / "a" / a["path"]
        data = copy_.read_bytes()
        assert hashlib.sha256(data).hexdigest() == a["sha256"] == copy_.stem
        assert len(data) == a["size"]
        assert Path(fresh.store.path_for(a["sha256"])).read_bytes() == data
    assert {a["media_type"] for a in atts} == {"image/png", "application/pdf"}
    assert sorted(p.name for p in (tmp_path / "a" / "journal-files").iterdir()) == sorted(
        {Path(a["path"]).name for a in atts})
    assert not list((tmp_path / "a").glob("*.part"))


def test_export_shape_and_computed_deadlines(svc: JournalService, tmp_path: Path) -> None:
    populate(svc)
    doc = export(svc, tmp_path / "x")
    raw = (tmp_path / "x" / "journal.json").read_text(encoding="utf-8")
    assert raw.startswith('{\n  "format": "headway-journal",\n  "version": 1,')
    assert "José Núñez" in raw  # UTF-8, not \u escapes
    case = doc["cases"][0]
    assert case["amount_disputed"] == "150.00"
    contact = case["contacts"][0]
    assert contact["started_at"] == "2026-11-13T09:30:00-08:00"
    assert contact["representative"] == {"name": "José Núñez", "title": "Billing specialist",
                                         "id": "JN-7"}
    bd, hours, by_date = contact["promises"]
    # 5 business days after Fri 13 Nov 2026, skipping Thanksgiving (26 Nov)
    assert bd == {"text": "Refund the duplicate charge", "business_days": 5,
                  "due_on": "2026-11-20", "status": "pending"}
    assert hours["due_at"] == "2026-11-13T13:30:00-08:00" and hours["status"] == "kept"
    assert by_date == {"text": "Written answer", "due_on": "2026-12-01", "status": "pending"}
    assert case["escalations"][0]["contact"] == "k-2"
    assert case["escalations"][0]["owner"] == {"name": "Priya Raman",
                                               "title": "Support supervisor"}
    assert case["notes"][0]["body"] == "Keep the card statement for the dispute."
    assert doc["profile"]["name"] == "Dana Example"


def test_export_refuses_a_damaged_exhibit(svc: JournalService, tmp_path: Path) -> None:
    cid = populate(svc)
    sha = svc.get_case(cid).attachments[0].sha256
    stored = Path(svc.store.path_for(sha))
    os.chmod(stored, 0o600)
    stored.write_bytes(b"tampered")
    with pytest.raises(ix.ExportError, match="no longer matches its SHA-256"):
        ix.export_journal(svc, tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


def test_exhibits_of_a_deleted_contact_are_still_exported(svc: JournalService,
                                                          fresh: JournalService,
                                                          tmp_path: Path) -> None:
    cid = populate(svc)
    first = svc.get_case(cid).contacts[0]
    svc.delete_contact(first.id)
    doc = export(svc, tmp_path / "a")
    case = doc["cases"][0]
    assert [c["key"] for c in case["contacts"]] == ["k-2"]
    assert {a["caption"] for a in case["attachments"]} == {"Card statement", "Two charges"}
    before = counts(svc)
    assert not ix.import_journal(svc, tmp_path / "a" / "journal.json").changed
    assert counts(svc) == before
    ix.import_journal(fresh, tmp_path / "a" / "journal.json")
    assert export(fresh, tmp_path / "b") == doc


# --- merge by key ------------------------------------------------------------------------------


def test_importing_twice_changes_nothing(svc: JournalService, fresh: JournalService,
                                        tmp_path: Path) -> None:
    populate(svc)
    export(svc, tmp_path / "a")
    first = ix.import_journal(fresh, tmp_path / "a" / "journal.json")
    assert first.created["case"] == 1 and first.created["contact"] == 2
    before = counts(fresh)
    again = ix.import_journal(fresh, tmp_path / "a" / "journal.json")
    assert not again.changed
    assert counts(fresh) == before
    # the source journal too: importing its own export is a no-op
    before = counts(svc)
    assert not ix.import_journal(svc, tmp_path / "a" / "journal.json").changed
    assert counts(svc) == before


def test_edited_file_updates_through_history(svc: JournalService, tmp_path: Path) -> None:
    cid = populate(svc)
    doc = export(svc, tmp_path / "a")
    case = doc["cases"][0]
    case["title"] = "Charged twice (12 Nov)"
    case["contacts"][0]["summary"] = "Explained the double charge again."
    case["contacts"][0]["promises"][0]["status"] = "broken"
    case["contacts"][1]["promises"] = [{"text": "Supervisor calls back", "hours": 24}]
    case["escalations"][0]["reference"] = "ESC-2"
    case["attachments"][0]["caption"] = "Statement for November"
    doc["organizations"][0]["channels"][0]["verified_on"] = "2026-11-20"
    doc["organizations"][0]["channels"][0]["verified_from"] = "Help > Contact support"
    n_before = len(svc.history(cid))
    summary = ix.import_journal(svc, write(tmp_path / "a", doc))
    assert summary.updated == {"attachment": 1, "case": 1, "contact": 2, "escalation": 1,
                               "organization": 1}
    view = svc.get_case(cid)
    assert view.title == "Charged twice (12 Nov)"
    assert view.contacts[0].summary == "Explained the double charge again."
    assert view.contacts[0].promises[0].status == "broken"
    assert [p.text for p in view.contacts[1].promises] == ["Supervisor calls back"]
    assert view.escalations[0].reference == "ESC-2"
    assert view.organization.channels[0].verification.startswith("verified on 2026-11-20")
    history = svc.history(cid)[n_before:]
    actions = {(h.entity, h.action) for h in history}
    assert {("case", "update"), ("contact", "update"), ("promise", "status"),
            ("escalation", "update"), ("attachment", "update")} <= actions
    case_change = next(h for h in history if h.entity == "case")
    assert case_change.changes["title"] == ["Charged twice for the 12 Nov session",
                                            "Charged twice (12 Nov)"]
    # and the edited file is now the journal's state: importing it again is a no-op
    assert not ix.import_journal(svc, tmp_path / "a" / "in.json").changed


def test_import_brings_back_a_deleted_case(svc: JournalService, tmp_path: Path) -> None:
    cid = populate(svc)
    export(svc, tmp_path / "a")
    svc.delete_case(cid)
    summary = ix.import_journal(svc, tmp_path / "a" / "journal.json")
    assert summary.updated == {"case": 1}
    assert svc.get_case(cid).title == "Charged twice for the 12 Nov session"
    assert svc.history(cid)[-1].action == "restore"


def test_minimal_file_adds_a_contact_and_keeps_what_it_leaves_out(svc: JournalService,
                                                                  tmp_path: Path) -> None:
    cid = populate(svc)
    doc = {"format": "headway-journal", "version": 1, "cases": [{
        "key": "c-billing", "title": "Charged twice for the 12 Nov session",
        "organization": "headway", "issue_type": "billing", "role": "client",
        "contacts": [{"key": "k-3", "started_at": "2026-11-24T08:00:00-08:00",
                      "channel": "email", "promises": [{"text": "Reply", "business_days": 2}]}],
    }]}
    summary = ix.import_journal(svc, write(tmp_path, doc))
    assert summary.created == {"contact": 1} and not summary.updated
    view = svc.get_case(cid)
    assert view.summary == "Two charges of $150.00 for one session."
    assert view.fields["invoice_numbers"] == "INV-2231"
    assert len(view.contacts) == 3 and len(view.attachments) == 3
    assert view.contacts[-1].promises[0].due.due_on == date(2026, 11, 27)  # skips Thanksgiving


def test_import_creates_organizations_and_accepts_plain_notes(svc: JournalService,
                                                              tmp_path: Path) -> None:
    (tmp_path / "shots").mkdir()
    (tmp_path / "shots" / "eob.png").write_bytes(PNG)
    doc = {"format": "headway-journal", "version": 1,
           "organizations": [{"key": "blue-harbor", "name": "Blue Harbor Health Plan",
                              "channels": [{"kind": "phone", "value": "(800) 555-0134",
                                            "hours": "Mon-Fri 08:00-20:00",
                                            "timezone": "America/Chicago"}]}],
           "cases": [{"key": "ins", "title": "Claim denied", "organization": "blue-harbor",
                      "issue_type": "insurance", "role": "client",
                      "fields": {"member_id": "BHX-1", "denial_date": "2026-10-30"},
                      "attachments": [{"path": "shots/eob.png", "caption": "EOB"}],
                      "notes": ["Appeal within 180 days."]}]}
    ix.import_journal(svc, write(tmp_path, doc))
    org = svc.organization_by_key("blue-harbor")
    assert org is not None and org.channels[0].timezone == "America/Chicago"
    view = svc.get_case(svc.find_case("ins"))
    assert view.notes[0].body == "Appeal within 180 days."
    assert view.attachments[0].original_name == "eob.png"
    assert view.attachments[0].media_type == "image/png"


# --- refusal: all or nothing, one line naming the record and the field ------------------------


def valid_doc(tmp_path: Path) -> dict[str, Any]:
    folder = tmp_path / "in"
    (folder / "files").mkdir(parents=True, exist_ok=True)
    (folder / "files" / "shot.png").write_bytes(PNG)
    contact = {"key": "k1", "started_at": "2026-11-03T10:00:00-08:00", "channel": "phone",
               "hold_minutes": 5, "promises": [{"text": "Refund", "business_days": 5}],
               "attachments": [{"path": "files/shot.png", "caption": "shot"}]}
    return {"format": "headway-journal", "version": 1,
            "organizations": [{"key": "acme", "name": "Acme Insurance"}],
            "cases": [
                {"key": "c-1", "title": "Fine case", "organization": "headway",
                 "issue_type": "technical", "role": "client", "contacts": []},
                {"key": "c-17", "title": "Broken case", "organization": "acme",
                 "issue_type": "billing", "role": "client", "summary": "ok",
                 "contacts": [contact]},
            ]}


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        target: Any = doc
        parts = path.split("/")
        for p in parts[:-1]:
            target = target[int(p)] if p.isdigit() else target[p]
        last = parts[-1]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return edit


_DELETE = object()
C17 = 'cases[1] (key "c-17")'
K1 = f'{C17}.contacts[0] (key "k1")'

BAD: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("impossible date", _set("cases/1/contacts/0/started_at", "2026-02-30T10:00"),
     f'{K1}.started_at: "2026-02-30T10:00" is not a valid ISO 8601 date-time with offset'),
    ("no offset", _set("cases/1/contacts/0/started_at", "2026-02-03T10:00:00"),
     f"{K1}.started_at: \"2026-02-03T10:00:00\" has no UTC offset"),
    ("bad opened_on", _set("cases/1/opened_on", "2026-13-01"),
     f'{C17}.opened_on: "2026-13-01" is not a valid date'),
    ("unknown issue type", _set("cases/1/issue_type", "refunds"),
     f"{C17}.issue_type: 'refunds' is not a known issue type"),
    ("unknown organization", _set("cases/1/organization", "nobody"),
     f'{C17}.organization: there is no organization with key "nobody"'),
    ("wrong type", _set("cases/1/contacts/0/hold_minutes", "five"),
     f'{K1}.hold_minutes: "five" must be a whole number'),
    ("negative hold", _set("cases/1/contacts/0/hold_minutes", -5),
     f"{K1}.hold_minutes: Hold minutes must be 0 or more"),
    ("absurd hold", _set("cases/1/contacts/0/hold_minutes", 100000),
     f"{K1}.hold_minutes: More than 24 hours on hold"),
    ("absurd duration", _set("cases/1/contacts/0/ended_at", "2026-11-06T10:00:00-08:00"),
     f"{K1}.ended_at: A contact longer than 24 hours"),
    ("end before start", _set("cases/1/contacts/0/ended_at", "2026-11-03T09:00:00-08:00"),
     f"{K1}.ended_at: The end is before the start"),
    ("negative business days", _set("cases/1/contacts/0/promises/0/business_days", -3),
     f"{K1}.promises[0].business_days: A promise of -3 business days is impossible"),
    ("absurd hours", _set("cases/1/contacts/0/promises/0", {"text": "x", "hours": 100000}),
     f"{K1}.promises[0].hours: A promise of 100,000 hours"),
    ("promise without term", _set("cases/1/contacts/0/promises/0", {"text": "x"}),
     f"{K1}.promises[0].business_days|hours|due_on: Say when the promise is due"),
    ("card number", _set("cases/1/summary", "Card 4111 1111 1111 1111 charged twice"),
     f"{C17}.summary: This looks like a full card number"),
    ("missing title", _set("cases/1/title", _DELETE), f"{C17}.title: is required"),
    ("unknown field", _set("cases/1/titel", "x"), f"{C17}.titel: unknown field"),
    ("float amount", _set("cases/1/amount_disputed", 12.5),
     f"{C17}.amount_disputed: 12.5 must be a decimal amount written as text"),
    ("bad field value", _set("cases/1/fields", {"card_last4": "4111111111111111"}),
     f"{C17}.fields.card_last4:"),
    ("cases not a list", _set("cases", {"key": "c"}), "cases: must be a list"),
    ("case not an object", _set("cases/1", "c-17"), "cases[1]: must be an object"),
    ("duplicate key", _set("cases/1/key", "c-1"), 'cases[1] (key "c-1").key: "c-1" appears more'),
    ("newer version", _set("version", 2), "version: this file is format version 2, newer"),
    ("not our format", _set("format", "other-app"), 'format: "other-app" is not'),
    ("absolute path", _set("cases/1/contacts/0/attachments/0/path", "/etc/passwd"),
     f"{K1}.attachments[0].path: \"/etc/passwd\" is absolute"),
    ("dot-dot path", _set("cases/1/contacts/0/attachments/0/path", "files/../../secret.png"),
     f"{K1}.attachments[0].path: \"files/../../secret.png\" contains '..'"),
    ("missing file", _set("cases/1/contacts/0/attachments/0/path", "files/nope.png"),
     f'{K1}.attachments[0].path: "files/nope.png": no such file'),
    ("sha mismatch", _set("cases/1/contacts/0/attachments/0/sha256", "0" * 64),
     f"{K1}.attachments[0].sha256: the file's SHA-256 is"),
    ("bad escalation contact", _set("cases/1/escalations",
                                    [{"key": "e", "requested_on": "2026-11-03", "contact": "zz"}]),
     f'{C17}.escalations[0] (key "e").contact: there is no contact with key "zz"'),
    ("bad channel kind", _set("organizations/0/channels", [{"kind": "fax", "value": "1"}]),
     'organizations[0] (key "acme").channels[0].kind: \'fax\' is not one of'),
]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JournalService]:
    """One populated journal for all the refusals: none of them may change it."""
    s = JournalService.open(tmp_path_factory.mktemp("shared") / "journal")
    populate(s)
    yield s
    s.close()


@pytest.mark.parametrize(("edit", "expected"), [(e, m) for _n, e, m in BAD],
                         ids=[n for n, _e, _m in BAD])
def test_bad_imports_write_nothing(shared: JournalService, tmp_path: Path,
                                   edit: Callable[[dict[str, Any]], None], expected: str) -> None:
    svc = shared
    doc = valid_doc(tmp_path)
    edit(doc)
    before = counts(svc)
    objects_before = sorted(svc.store.iter_hashes())
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, write(tmp_path / "in", doc))
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(expected), message
    assert counts(svc) == before
    if "sha256" not in expected:  # every check before this one runs before any file is stored
        assert sorted(svc.store.iter_hashes()) == objects_before


def test_the_valid_document_imports(svc: JournalService, tmp_path: Path) -> None:
    summary = ix.import_journal(svc, write(tmp_path / "in", valid_doc(tmp_path)))
    assert summary.created == {"attachment": 1, "case": 2, "contact": 1, "organization": 1}


def test_symlink_leading_outside_is_refused(shared: JournalService, tmp_path: Path) -> None:
    svc = shared
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    doc = valid_doc(tmp_path)
    (tmp_path / "in" / "files" / "link.png").symlink_to(outside)
    doc["cases"][1]["contacts"][0]["attachments"][0]["path"] = "files/link.png"
    before = counts(svc)
    with pytest.raises(ix.ImportError_, match=r"attachments\[0\]\.path: .*outside the JSON"):
        ix.import_journal(svc, write(tmp_path / "in", doc))
    assert counts(svc) == before


def test_every_problem_is_collected_but_the_message_is_one_line(shared: JournalService,
                                                                tmp_path: Path) -> None:
    svc = shared
    doc = valid_doc(tmp_path)
    doc["cases"][0]["issue_type"] = "nope"
    doc["cases"][1]["contacts"][0]["hold_minutes"] = -1
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, write(tmp_path / "in", doc))
    assert str(exc.value).endswith("(and 1 more problem)")
    assert len(exc.value.problems) == 2


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"format": "headway-journal", "version": 1,', "in.json: not valid JSON:"),
    (b"[1, 2]", "(document): must be a JSON object"),
    (b'{"format": "headway-journal", "version": NaN}', "in.json: not valid JSON"),
    (b"\xff\xfe{}", "in.json: not UTF-8 text"),
])
def test_unreadable_files(shared: JournalService, tmp_path: Path, content: bytes,
                          expected: str) -> None:
    svc = shared
    (tmp_path / "in.json").write_bytes(content)
    before = counts(svc)
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, tmp_path / "in.json")
    assert str(exc.value).startswith(expected)
    assert "\n" not in str(exc.value)
    assert counts(svc) == before


def test_deep_copy_of_export_round_trips_field_order(svc: JournalService, tmp_path: Path) -> None:
    """A document that export wrote is valid input as-is (computed members are accepted)."""
    populate(svc)
    doc = export(svc, tmp_path / "a")
    again = copy.deepcopy(doc)
    assert not ix.import_journal(svc, write(tmp_path / "a", again)).changed


# --- the JSON Schema ---------------------------------------------------------------------------


def test_committed_schema_is_current() -> None:
    committed = ix.SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == ix.schema_text(), (
        "docs/journal-format.schema.json is stale: run "
        "`python -m headway_journal.journal.interchange --write-schema`")


def test_schema_embeds_the_issue_type_fields() -> None:
    schema = ix.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    rules = schema["$defs"]["case"]["allOf"]
    npi = next(r for r in rules
               if r["if"]["properties"]["issue_type"]["const"] == "provider_credentialing")
    assert npi["then"]["properties"]["fields"]["properties"]["npi"]["pattern"] == "^[0-9]{10}$"


def test_export_validates_against_the_schema(svc: JournalService, tmp_path: Path) -> None:
    import jsonschema  # the test extra installs it: missing is a failure
    populate(svc)
    doc = export(svc, tmp_path / "a")
    jsonschema.Draft202012Validator(ix.json_schema()).validate(doc)


def test_the_documented_example_imports(svc: JournalService, tmp_path: Path) -> None:
    doc_md = ix.SCHEMA_PATH.with_name("journal-format.md").read_text(encoding="utf-8")
    example = doc_md.split("## Example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    (tmp_path / "screenshots").mkdir()
    (tmp_path / "screenshots" / "card-activity.png").write_bytes(PNG)
    (tmp_path / "example.json").write_text(example, encoding="utf-8")
    summary = ix.import_journal(svc, tmp_path / "example.json")
    assert summary.created["case"] == 1
    out = export(svc, tmp_path / "out")
    promises = out["cases"][0]["contacts"][0]["promises"]
    assert promises[0]["due_on"] == "2026-11-06"
    assert promises[1]["due_at"] == "2026-11-01T12:05:00-08:00"


def test_exhibit_folder_name_is_portable_even_for_a_long_export_name(
        svc: JournalService, fresh: JournalService, tmp_path: Path) -> None:
    from headway_journal.journal.filenames import is_portable_name

    populate(svc)
    name = "j" * 250 + ".json"  # "<stem>-files" would be 256 characters, over every limit
    doc = export(svc, tmp_path / "a", name)
    folders = [p for p in (tmp_path / "a").iterdir() if p.is_dir()]
    assert len(folders) == 1 and is_portable_name(folders[0].name)
    paths = {a["path"].split("/")[0] for c in doc["cases"] for a in c["attachments"]}
    assert paths == {folders[0].name}
    summary = ix.import_journal(fresh, tmp_path / "a" / name)
    assert summary.changed and counts(fresh)["attachments"] == counts(svc)["attachments"]
