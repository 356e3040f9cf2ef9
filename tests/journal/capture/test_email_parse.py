"""Reading e-mails: .eml of many real shapes, Outlook .msg, .mbox streamed, and what is refused."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest

from headway_journal.journal.capture.email_parse import (
    MAX_ATTACHMENTS,
    EmailError,
    detect_kind,
    parse_eml,
    parse_msg,
    read_messages,
)
from headway_journal.journal.capture.fold import fold
from headway_journal.journal.capture.html_text import html_to_text
from headway_journal.journal.capture.mbox import MboxError, iter_mbox
from headway_journal.journal.filenames import is_portable_name

from . import messages as mk
from .msgfile import compound_file, outlook_message

PST = timezone(timedelta(hours=-8))


def test_multipart_mixed_keeps_every_attachment_with_a_safe_name() -> None:
    msg = parse_eml(bytes(mk.with_attachments()))
    assert msg.kind == "eml"
    assert msg.subject == "Re: Double charge [TCK-5521]"
    assert msg.sent_at == datetime(2026, 11, 24, 10, 15, tzinfo=PST)
    assert msg.sent_at is not None and msg.sent_at.utcoffset() == timedelta(hours=-8)
    assert msg.date_source == "date"
    assert (msg.sender_name, msg.sender_address) == ("Priya Raman", "priya@headway.co")
    assert msg.recipients == (("Alex Example", "alex@example.com"),)
    assert msg.message_id.startswith("<") and msg.message_id.endswith("@headway.co>")
    assert [a.data for a in msg.attachments][:2] == [mk.PDF, mk.PNG]
    names = [a.name for a in msg.attachments]
    assert names[:2] == ["invoice INV-2231.pdf", "screenshot.png"]
    for name in names:  # no separator, control character or leading dot survives
        assert is_portable_name(name)
        assert "/" not in name and "\\" not in name and ".." not in name.split("_")[0]
    assert not any(a.inline for a in msg.attachments)
    assert msg.sha256 == hashlib.sha256(msg.raw).hexdigest()
    assert msg.ref == msg.message_id


def test_the_new_text_is_folded_apart_from_history_and_signature() -> None:
    msg = parse_eml(bytes(mk.reply()))
    assert msg.folded.folded
    assert msg.folded.new_text == ("Hello Alex,\n\nThe duplicate charge of $100.00 will be "
                                   "refunded within 5 business days.")
    assert "> Please refund one charge." in msg.body  # kept in the whole body
    assert "Billing specialist" in msg.body


@pytest.mark.parametrize(("body", "new"), [
    ("Thanks.\n\n-----Original Message-----\nFrom: Alex\nSent: Monday\n\nOld", "Thanks."),
    ("Done.\n\n________________________________\nFrom: Alex <a@x.com>\nSent: Mon\nOld", "Done."),
    ("Done.\n\nFrom: Alex <a@x.com>\nSent: Monday, 23 Nov 2026\nTo: Support\nSubject: x\n\nOld",
     "Done."),
    ("Yes.\n\nOn Mon, 23 Nov 2026 at 09:00, Alex Example <alex@example.com>\nwrote:\n> old",
     "Yes."),
    ("> Can you refund?\nYes, today.\n> And the fee?\nAlso refunded.", "Yes, today.\nAlso refunded."),
    ("Gut.\n\nAm 23.11.2026 um 09:00 schrieb Alex <a@x.de>:\n> alt", "Gut."),
    ("> only a quote\n> nothing new", "> only a quote\n> nothing new"),
])
def test_fold_recognises_the_usual_forms(body: str, new: str) -> None:
    folded = fold(body)
    assert folded.new_text == new
    assert folded.folded is (new != body)


def test_fold_leaves_a_message_without_history_alone() -> None:
    assert fold("Just one line.\n") == fold("Just one line.")
    assert not fold("Just one line.").folded


def test_html_only_body_becomes_readable_text() -> None:
    msg = parse_eml(bytes(mk.html_only()))
    assert msg.sent_at == datetime(2026, 11, 25, 18, 30, 5, tzinfo=timezone(timedelta(hours=1)))
    lines = msg.body.splitlines()
    assert lines[0] == "Hi Alex,"
    assert "We\u2019ve escalated your case & a supervisor will call within 48 hours." in lines
    assert "- Ticket: TCK-9001" in lines
    assert "View ticket <https://help.headway.co/t/9001>" in lines
    assert "alert" not in msg.body and "color" not in msg.body
    assert "> Earlier: please help" in lines
    assert msg.folded.new_text.endswith("View ticket <https://help.headway.co/t/9001>")
    assert msg.attachments == ()  # the HTML body itself is not an attachment


def test_html_to_text_keeps_preformatted_text_and_squeezes_blank_lines() -> None:
    text = html_to_text("<div>a</div><br><br><br><pre>x   y\n  z</pre><p></p><p>b</p>")
    assert text == "a\n\nx   y\n  z\n\nb"


def test_related_inline_image_is_an_exhibit() -> None:
    msg = parse_eml(bytes(mk.related_inline_image()))
    assert msg.body == "See the screenshot below."
    assert len(msg.attachments) == 1
    image = msg.attachments[0]
    assert image.data == mk.PNG and image.inline
    assert image.name == "inline image 1.png"


@pytest.mark.parametrize(("index", "subject", "sender", "body", "offset"), [
    (0, "Ваш запрос", "Юлия Кроликова", "Ваш запрос получен.", 3),
    (1, "退款申请 工单 TCK-88", "客服 王芳", "您的退款已处理。", 8),
])
def test_encoded_word_subjects_and_bodies_in_other_charsets(
        index: int, subject: str, sender: str, body: str, offset: int) -> None:
    msg = parse_eml(mk.encoded_subjects()[index])
    assert msg.subject == subject
    assert msg.sender_name == sender
    assert msg.body == body
    assert msg.sent_at is not None and msg.sent_at.utcoffset() == timedelta(hours=offset)


def test_an_unknown_charset_falls_back_instead_of_failing() -> None:
    raw = (b"From: a@headway.co\r\nSubject: x\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n"
           b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\ncaf\xc3\xa9 \xff\r\n")
    msg = parse_eml(raw)
    assert msg.body.startswith("caf")
    assert "\ufffd" in msg.body or "é" in msg.body or "ÿ" in msg.body


def test_undecodable_header_bytes_become_replacement_characters() -> None:
    raw = (b"From: a@headway.co\r\nSubject: caf\xe9 \xff\r\n"
           b"Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n\r\nbody\r\n")
    msg = parse_eml(raw)
    assert msg.subject.startswith("caf") and "\ufffd" in msg.subject
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in msg.subject)


def test_no_date_header_takes_the_newest_received_header() -> None:
    m = mk.reply(date=None)
    m["Received"] = "from mx2.headway.co by mx.example.com; Tue, 24 Nov 2026 18:20:07 +0000"
    m["Received"] = "from app by mx2.headway.co; Tue, 24 Nov 2026 10:20:01 -0800"
    msg = parse_eml(bytes(m))
    assert msg.date_source == "received"
    assert msg.sent_at == datetime(2026, 11, 24, 18, 20, 7, tzinfo=UTC)


def test_no_date_at_all_is_left_for_the_caller() -> None:
    msg = parse_eml(bytes(mk.reply(date=None)))
    assert (msg.sent_at, msg.date_source) == (None, "")


def test_an_unusable_date_header_falls_back_and_minus_zero_is_utc() -> None:
    assert parse_eml(bytes(mk.reply(date="yesterday afternoon"))).sent_at is None
    msg = parse_eml(bytes(mk.reply(date="Tue, 24 Nov 2026 10:15:00 -0000")))
    assert msg.sent_at == datetime(2026, 11, 24, 10, 15, tzinfo=UTC)


def test_without_message_id_the_content_hash_recognises_it() -> None:
    data = bytes(mk.reply(msgid=None))
    msg = parse_eml(data)
    assert msg.message_id == ""
    assert msg.ref == "sha256:" + hashlib.sha256(data.rstrip(b"\n")).hexdigest()
    # the same message with other line endings, or as a mailbox holds it, is the same message
    assert parse_eml(data.replace(b"\n", b"\r\n") + b"\r\n").ref == msg.ref


@pytest.mark.parametrize("data", [
    mk.PNG, b"hello world\nthis is a letter, not an e-mail\n", b"\x00\x01\x02From: x\n\n",
    b"   \n", b"{\"format\": \"headway-journal\"}",
], ids=["png", "text", "binary", "blank", "json"])
def test_what_is_not_an_email_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(EmailError) as err:
        parse_eml(data)
    assert "\n" not in str(err.value) and "not an e-mail" in str(err.value)


@pytest.mark.parametrize("cut", [0.5, 0.8, 0.95])
def test_a_truncated_message_is_refused(cut: float) -> None:
    data = bytes(mk.with_attachments())
    with pytest.raises(EmailError, match="incomplete"):
        parse_eml(data[: int(len(data) * cut)])


def test_a_thousand_attachments_are_refused_with_the_limit_named() -> None:
    m = mk.reply()
    for i in range(1000):
        m.add_attachment(b"x", maintype="application", subtype="octet-stream",
                         filename=f"a{i}.bin")
    with pytest.raises(EmailError) as err:
        parse_eml(bytes(m))
    assert f"more than {MAX_ATTACHMENTS} attachments" in str(err.value)


def test_a_zip_bomb_is_kept_as_the_bytes_it_is_and_never_opened() -> None:
    bomb = mk.zip_bomb()
    m = mk.reply()
    m.add_attachment(bomb, maintype="application", subtype="zip", filename="logs.zip")
    msg = parse_eml(bytes(m))
    assert msg.attachments[0].data == bomb
    assert len(bomb) < 1_000_000


def test_an_attached_message_is_kept_as_an_eml() -> None:
    outer = mk.reply(subject="Fwd: your refund")
    outer.add_attachment(mk.reply(subject="the original"))
    msg = parse_eml(bytes(outer))
    assert len(msg.attachments) == 1
    inner = parse_eml(msg.attachments[0].data)
    assert inner.subject == "the original"
    assert msg.attachments[0].name.endswith(".eml")


# --- Outlook .msg ---------------------------------------------------------------------------


def test_outlook_msg_with_a_sender() -> None:
    data = outlook_message(
        subject="Ваш запрос TCK-1", body="Hello\n\nWe refunded it.\n-- \nAna",
        sender_name="Ana Ruiz", sender_address="ana@headway.co",
        sent=datetime(2026, 11, 20, 15, 0, tzinfo=UTC), message_id="<m1@headway.co>",
        attachments=[("invoice.pdf", mk.PDF), ("../big\x01.bin", b"x" * 5000)])
    assert detect_kind(data[:16]) == "msg"
    msg = parse_msg(data, file_name="reply.msg")
    assert (msg.kind, msg.file_name, msg.subject) == ("msg", "reply.msg", "Ваш запрос TCK-1")
    assert (msg.sender_name, msg.sender_address) == ("Ana Ruiz", "ana@headway.co")
    assert msg.sent_at == datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    assert msg.message_id == "<m1@headway.co>"
    assert msg.folded.new_text == "Hello\n\nWe refunded it."
    assert [a.data for a in msg.attachments] == [mk.PDF, b"x" * 5000]
    assert all(is_portable_name(a.name) for a in msg.attachments)
    assert msg.raw == data


def test_outlook_msg_without_a_sender_and_with_its_transport_headers() -> None:
    headers = ("Received: from mx by mx2; Mon, 23 Nov 2026 08:01:02 -0500\r\n"
               "Date: Mon, 23 Nov 2026 08:00:00 -0500\r\nSubject: Re: claim\r\n\r\n")
    data = outlook_message(subject="Re: claim", html="<p>Your claim <b>CLM-1</b> is closed.</p>",
                           headers=headers)
    msg = parse_msg(data)
    assert (msg.sender_name, msg.sender_address) == ("", "")
    assert msg.sent_at == datetime(2026, 11, 23, 8, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert msg.body == "Your claim CLM-1 is closed."
    assert msg.ref.startswith("sha256:")


def test_a_damaged_msg_is_refused_in_one_line() -> None:
    data = outlook_message(subject="x", body="y")
    with pytest.raises(EmailError, match="cannot be read"):
        parse_msg(data[:700])
    with pytest.raises(EmailError, match="cannot be read"):  # an OLE file, but a document
        parse_msg(compound_file({"WordDocument": b"x" * 100}))
    card = compound_file({"__substg1.0_001A001F": "IPM.Contact".encode("utf-16-le"),
                          "__properties_version1.0": bytes(32)})
    with pytest.raises(EmailError, match="not an e-mail \\(it is a ipm.contact item\\)"):
        parse_msg(card)


# --- mbox -----------------------------------------------------------------------------------


def test_mbox_yields_each_message_and_unquotes_from_lines(tmp_path: Path) -> None:
    body = "Line one\nFrom here on it is quoted\n>From me too\n"
    one = bytes(mk.reply(body=body, msgid="<one@x>"))
    two = bytes(mk.html_only())
    path = tmp_path / "inbox.mbox"
    path.write_bytes(mk.mbox(one, two))
    raw = list(iter_mbox(path))
    assert len(raw) == 2
    assert b"\nFrom here on it is quoted\n>From me too\n" in raw[0]
    parsed = list(read_messages(path))
    assert [m.message_id for m in parsed] == ["<one@x>", "<html-only@headway.co>"]
    assert parsed[0].body == body.strip()
    assert parsed[1].file_name == "Your ticket TCK-9001 was updated.eml"


def test_mbox_memory_stays_bounded_by_one_message(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    with open(path, "wb") as f:
        f.write(b"From x Tue Nov 24 10:15:00 2026\nSubject: big\n\n")
        for _ in range(3000):
            f.write(b"y" * 1023 + b"\n")
    with pytest.raises(MboxError, match="larger than"):
        list(iter_mbox(path, max_message=1024 * 1024))
    with open(path, "ab") as f:  # a file with no newline at all is read in bounded pieces too
        f.write(b"z" * (3 * 1024 * 1024))
    with pytest.raises(MboxError):
        list(iter_mbox(path, max_message=2 * 1024 * 1024))


def test_a_bad_message_in_an_mbox_is_named_by_its_number(tmp_path: Path) -> None:
    path = tmp_path / "inbox.mbox"
    path.write_bytes(mk.mbox(bytes(mk.reply()), b"not a message at all"))
    with pytest.raises(EmailError, match="^Message 2 of the mbox: This is not an e-mail"):
        list(read_messages(path))


def test_read_messages_detects_the_kind_from_the_content(tmp_path: Path) -> None:
    eml = tmp_path / "named.mbox"  # the name says mbox; the content is one message
    eml.write_bytes(bytes(mk.reply(subject="one")))
    assert [m.subject for m in read_messages(eml)] == ["one"]
    msg = tmp_path / "mail.eml"
    msg.write_bytes(outlook_message(subject="two", body="b"))
    assert [m.kind for m in read_messages(msg)] == ["msg"]
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    with pytest.raises(EmailError, match="empty"):
        list(read_messages(empty))


def test_message_built_by_the_email_package_round_trips() -> None:
    m = EmailMessage()
    m["From"] = "x@y.z"
    m["Subject"] = "s"
    m.set_content("b")
    assert parse_eml(bytes(m)).body == "b"


def test_reading_a_big_mailbox_holds_one_message_at_a_time(tmp_path: Path) -> None:
    """Memory does not grow with the mailbox: eight times the messages, the same peak. (The
    email package leaves a few small classes in reference cycles per message; the app collects
    them on a timer, as this loop does every 10 messages.)"""
    import gc
    import tracemalloc

    one = mk.mbox(bytes(mk.reply(body="x" * 60 + "\n" + ("y" * 70 + "\n") * 140)))  # 10 KB
    peaks = []
    for count in (20, 160):
        path = tmp_path / f"{count}.mbox"
        path.write_bytes(one * count)
        tracemalloc.start()
        try:
            read = 0
            for _msg in read_messages(path):
                read += 1
                if read % 10 == 0:
                    gc.collect()
            assert read == count
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < peaks[0] * 1.5 + 200_000, peaks
    assert peaks[1] < 160 * len(one) // 2, peaks  # far less than the file


def test_an_outlook_message_attached_to_one_is_kept_as_a_msg() -> None:
    data = outlook_message(subject="Fwd: claim", body="See attached.",
                           sent=datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
                           attachments=[("<embedded>", b"The original claim"),
                                        ("notes.txt", b"hello")])
    msg = parse_msg(data)
    assert [a.name for a in msg.attachments] == ["attached message.msg", "notes.txt"]
    inner = parse_msg(msg.attachments[0].data)
    assert (inner.subject, inner.body) == ("The original claim", "Inner body")
