"""E-mails into a case: one contact per message with its exhibits, duplicates skipped, each file
all or nothing, and where everything came from recorded (and carried by export and import)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal import interchange as ix
from headway_journal.journal.capture.email_import import (
    UndatedMessage,
    add_email_files,
)
from headway_journal.journal.capture.email_parse import EmailError
from headway_journal.journal.capture.provenance import describe_provenance
from headway_journal.journal.records import CaseInput, ContactInput
from headway_journal.journal.service import JournalService, ValidationError

from . import messages as mk
from .msgfile import outlook_message

PST = timezone(timedelta(hours=-8))


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


@pytest.fixture
def case_id(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Double charge", organization_id=org.id,
                                     issue_type="billing", role="client"))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_message_becomes_an_email_contact_with_its_exhibits(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    path = write(tmp_path, "reply.eml", bytes(mk.with_attachments()))
    result = add_email_files(svc, case_id, [path])
    assert (len(result.added), result.skipped, result.files) == (1, 0, 1)
    assert result.summary() == "added 1 e-mail"
    case = svc.get_case(case_id)
    (ct,) = case.contacts
    assert (ct.channel, ct.direction, ct.source) == ("email", "inbound", "email")
    assert ct.started_at == datetime(2026, 11, 24, 10, 15, tzinfo=PST)
    assert ct.started_at.utcoffset() == timedelta(hours=-8)
    assert (ct.rep_name, ct.rep_id) == ("Priya Raman", "priya@headway.co")
    assert ct.summary.startswith("Re: Double charge [TCK-5521]\n\nHello Alex,")
    assert "refunded within 5 business days." in ct.summary
    assert "Please refund one charge" not in ct.summary  # the history is folded away...
    assert "folded away" in ct.summary
    assert ct.capture_ref.endswith("@headway.co>")
    names = [a.original_name for a in ct.attachments]
    assert names[0] == "reply.eml"
    assert names[1:4] == ["invoice INV-2231.pdf", "screenshot.png", names[3]]
    assert "/" not in names[3] and "\x07" not in names[3] and "\x1b" not in names[3]
    assert names[4] == "Re_ Double charge [TCK-5521] (whole text).txt"
    original = ct.attachments[0]
    assert original.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert svc.attachment_path(original.id).read_bytes() == path.read_bytes()
    whole = svc.attachment_path(ct.attachments[4].id).read_text(encoding="utf-8")
    assert "> Please refund one charge." in whole  # ...but kept
    prov = [dict(a.provenance) for a in ct.attachments]
    assert prov[0]["kind"] == "message" and prov[0]["format"] == "eml"
    assert prov[1] == {"kind": "email", "subject": "Re: Double charge [TCK-5521]",
                       "message_id": ct.capture_ref, "name": "invoice INV-2231.pdf"}
    assert describe_provenance(ct.attachments[1].provenance).startswith(
        "attachment of the e-mail \u201cRe: Double charge [TCK-5521]\u201d <")
    assert describe_provenance(ct.attachments[4].provenance).startswith(
        "the whole text of the e-mail \u201cRe: Double charge")
    assert describe_provenance(ct.attachments[0].provenance).startswith(
        "the original e-mail (eml) \u201cRe: Double charge")
    # the search finds the e-mail by its words
    assert any(h.kind == "contact" for h in svc.search("duplicate charge refunded"))


def test_an_email_from_the_user_is_outbound_to_the_first_other_recipient(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    svc.set_profile(email="alex@example.com", other_emails="Alex.Work@Example.org")
    sent = mk.reply(sender="Alex <alex.work@example.org>",
                    to="Alex <alex@example.com>, Billing <billing@headway.co>",
                    subject="Refund request", msgid="<out@example.org>")
    add_email_files(svc, case_id, [write(tmp_path, "sent.eml", bytes(sent))])
    (ct,) = svc.get_case(case_id).contacts
    assert ct.direction == "outbound"
    assert (ct.rep_name, ct.rep_id) == ("Billing", "billing@headway.co")


def test_other_emails_must_be_addresses(svc: JournalService) -> None:
    with pytest.raises(ValidationError) as err:
        svc.set_profile(other_emails="alex@example.com, not-an-address")
    assert "other_emails" in err.value.errors
    svc.set_profile(other_emails="A@example.com; b@example.com\nA@example.com")
    assert svc.profile()["other_emails"] == "a@example.com\nb@example.com"


def test_the_same_message_twice_is_logged_once(svc: JournalService, case_id: int,
                                               tmp_path: Path) -> None:
    data = bytes(mk.reply())
    first = write(tmp_path, "a.eml", data)
    copy = write(tmp_path, "copy of a.eml", data)
    assert len(add_email_files(svc, case_id, [first]).added) == 1
    again = add_email_files(svc, case_id, [first, copy])
    assert (again.added, again.skipped) == ([], 2)
    assert again.summary() == "added 0 e-mails, skipped 2 already in the journal"
    assert len(svc.get_case(case_id).contacts) == 1


def test_without_message_id_the_content_hash_recognises_a_message(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    path = write(tmp_path, "a.eml", bytes(mk.reply(msgid=None)))
    add_email_files(svc, case_id, [path])
    assert add_email_files(svc, case_id, [path]).skipped == 1
    (ct,) = svc.get_case(case_id).contacts
    assert ct.capture_ref == "sha256:" + hashlib.sha256(path.read_bytes().rstrip(b"\n")).hexdigest()
    box = write(tmp_path, "box.mbox", mk.mbox(path.read_bytes()))  # the same, from a mailbox
    assert add_email_files(svc, case_id, [box]).skipped == 1


def test_a_thread_adds_each_message_once(svc: JournalService, case_id: int,
                                         tmp_path: Path) -> None:
    first = bytes(mk.reply(subject="Refund", msgid="<1@h>",
                           date="Mon, 23 Nov 2026 09:00:00 -0800"))
    second = bytes(mk.reply(subject="Re: Refund", msgid="<2@h>"))
    third = bytes(mk.html_only())
    add_email_files(svc, case_id, [write(tmp_path, "one.eml", first)])
    thread = write(tmp_path, "thread.mbox", mk.mbox(first, second, second, third))
    result = add_email_files(svc, case_id, [thread])
    assert (len(result.added), result.skipped) == (2, 2)
    subjects = [c.summary.split("\n")[0] for c in svc.get_case(case_id).contacts]
    assert subjects == ["Refund", "Re: Refund", "Your ticket TCK-9001 was updated"]


def test_a_deleted_contact_does_not_block_adding_the_message_again(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    path = write(tmp_path, "a.eml", bytes(mk.reply()))
    (cid,) = add_email_files(svc, case_id, [path]).added
    svc.delete_contact(cid)
    assert len(add_email_files(svc, case_id, [path]).added) == 1


def test_a_bad_message_in_a_file_writes_nothing_of_that_file(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    good = write(tmp_path, "good.eml", bytes(mk.html_only()))
    box = write(tmp_path, "box.mbox", mk.mbox(bytes(mk.with_attachments()),
                                              bytes(mk.related_inline_image()),
                                              b"Subject: broken\n\nno sender, no date\n"))
    before = set(svc.store.iter_hashes())
    with pytest.raises(UndatedMessage) as err:
        add_email_files(svc, case_id, [good, box])
    assert str(err.value).startswith("box.mbox: ")
    assert "\n" not in str(err.value)
    # the file before it was added; nothing of the bad one, not even its exhibit files
    assert [c.source for c in svc.get_case(case_id).contacts] == ["email"]
    added = set(svc.store.iter_hashes()) - before
    assert added == {a.sha256 for a in svc.get_case(case_id).attachments}  # the good file's
    assert not svc.exhibit_files().unused
    assert svc.check() == []


@pytest.mark.parametrize("data", [b"just some notes\n", mk.PNG, b""], ids=["text", "png", "empty"])
def test_what_is_not_an_email_is_refused_and_nothing_written(
        svc: JournalService, case_id: int, tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmailError):
        add_email_files(svc, case_id, [write(tmp_path, "x.eml", data)])
    assert svc.get_case(case_id).contacts == ()
    assert list(svc.store.iter_hashes()) == []


def test_an_undated_message_takes_the_moment_the_user_gives(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    path = write(tmp_path, "undated.eml", bytes(mk.reply(date=None)))
    with pytest.raises(UndatedMessage) as err:
        add_email_files(svc, case_id, [path])
    assert err.value.subject == "Re: Double charge [TCK-5521]"
    when = datetime(2026, 11, 25, 9, 30, tzinfo=PST)
    add_email_files(svc, case_id, [path], undated_at=when)
    assert svc.get_case(case_id).contacts[0].started_at == when


def test_a_card_number_in_an_email_is_masked_not_refused(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    m = mk.reply(body="Your card 4111 1111 1111 1111 was charged twice.\n")
    add_email_files(svc, case_id, [write(tmp_path, "card.eml", bytes(m))])
    (ct,) = svc.get_case(case_id).contacts
    assert "4111 1111 1111 1111" not in ct.summary and "1111 was charged" in ct.summary


def test_a_zip_bomb_attachment_is_stored_as_is(svc: JournalService, case_id: int,
                                               tmp_path: Path) -> None:
    bomb = mk.zip_bomb()
    m = mk.reply()
    m.add_attachment(bomb, maintype="application", subtype="zip", filename="logs.zip")
    add_email_files(svc, case_id, [write(tmp_path, "bomb.eml", bytes(m))])
    zips = [a for a in svc.get_case(case_id).attachments if a.original_name == "logs.zip"]
    assert len(zips) == 1 and zips[0].size == len(bomb)
    assert svc.attachment_path(zips[0].id).read_bytes() == bomb


def test_an_outlook_message_with_and_without_a_sender(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    with_sender = outlook_message(subject="Refund TCK-1", body="Refunded.",
                                  sender_name="Ana Ruiz", sender_address="ana@headway.co",
                                  sent=datetime(2026, 11, 20, 15, 0, tzinfo=UTC),
                                  message_id="<m1@headway.co>",
                                  attachments=[("receipt.pdf", mk.PDF)])
    without = outlook_message(subject="Claim", body="Closed.",
                              sent=datetime(2026, 11, 21, 15, 0, tzinfo=UTC))
    add_email_files(svc, case_id, [write(tmp_path, "a.msg", with_sender),
                                   write(tmp_path, "b.msg", without)])
    a, b = svc.get_case(case_id).contacts
    assert (a.rep_name, a.rep_id, a.direction) == ("Ana Ruiz", "ana@headway.co", "inbound")
    assert (b.rep_name, b.rep_id) == ("", "")
    assert [x.original_name for x in a.attachments] == ["a.msg", "receipt.pdf"]
    assert dict(a.attachments[0].provenance)["format"] == "msg"


def test_an_email_contact_stays_an_email_contact_when_edited(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    (cid,) = add_email_files(svc, case_id, [write(tmp_path, "a.eml", bytes(mk.reply()))]).added
    data = svc.contact_input(cid)
    assert data.source == "email"
    data.outcome = "Refund promised"
    data.source = "typed"  # a form that does not know the source cannot change it
    svc.update_contact(cid, data)
    assert svc.get_case(case_id).contacts[0].source == "email"


def test_typed_contacts_say_so_and_unknown_sources_are_refused(svc: JournalService,
                                                               case_id: int) -> None:
    cid = svc.log_contact(case_id, ContactInput(started_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
                                                channel="phone"))
    assert svc.get_case(case_id).contacts[0].source == "typed"
    assert svc.contact_input(cid).source == "typed"
    with pytest.raises(ValidationError) as err:
        svc.log_contact(case_id, ContactInput(started_at=datetime(2026, 11, 2, tzinfo=UTC),
                                              channel="phone", source="telepathy"))
    assert "source" in err.value.errors


def test_export_and_import_carry_source_reference_and_provenance(
        svc: JournalService, case_id: int, tmp_path: Path) -> None:
    path = write(tmp_path, "reply.eml", bytes(mk.with_attachments()))
    add_email_files(svc, case_id, [path])
    svc.add_attachment(case_id, mk.PNG, original_name="pasted.png",
                       provenance={"kind": "pasted", "what": "image"})
    out = tmp_path / "export" / "journal.json"
    out.parent.mkdir()
    ix.export_journal(svc, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    (contact,) = doc["cases"][0]["contacts"]
    assert contact["source"] == "email" and contact["capture_ref"].endswith("@headway.co>")
    assert contact["attachments"][0]["provenance"]["kind"] == "message"
    assert doc["cases"][0]["attachments"][0]["provenance"] == {"kind": "pasted",
                                                               "what": "image"}
    with JournalService.open(tmp_path / "other") as other:
        ix.import_journal(other, out)
        cid = other.find_case(doc["cases"][0]["key"])
        case = other.get_case(cid)
        assert case.contacts[0].source == "email"
        assert dict(case.contacts[0].attachments[1].provenance)["name"] == "invoice INV-2231.pdf"
        # the imported journal still recognises the message
        assert add_email_files(other, cid, [path]).skipped == 1
    # a file without provenance: the exhibit was imported from it
    for c in doc["cases"]:
        for a in c["attachments"]:
            del a["provenance"]
        c["key"] = "another-case"
        c["contacts"] = []
    out.write_text(json.dumps(doc), encoding="utf-8")
    with JournalService.open(tmp_path / "third") as third:
        ix.import_journal(third, out)
        cid = third.find_case("another-case")
        (a,) = third.get_case(cid).attachments
        assert dict(a.provenance) == {"kind": "imported", "from": "journal.json"}
        assert describe_provenance(a.provenance) == "imported from journal.json"
