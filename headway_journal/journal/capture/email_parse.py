"""One e-mail message as plain data (``ParsedMessage``): .eml, Outlook .msg, or each message of
an .mbox (streamed, see ``mbox``).

- The moment: the Date header with its own UTC offset ("-0000", an unknown zone, counts as UTC);
  without a usable one, the newest Received header ("received"); else ``sent_at`` is None and
  the caller asks (the window) or refuses (the command line).
- Headers in encoded words (=?UTF-8?B?...?=, =?KOI8-R?Q?...?=) and bodies in any charset,
  quoted-printable or base64, are decoded; an unknown charset falls back to UTF-8/Windows-1252
  with replacement characters rather than failing. An HTML-only body becomes text
  (``html_text``).
- Every attachment and inline image (multipart/related) is kept with its bytes as sent, its name
  made portable (``filenames.portable_name``: no path separators, no control characters); an
  attached message (message/rfc822) is kept as an .eml. An attached archive is never opened.
- Refused with one sentence (``EmailError``): a file that is not an e-mail, a message cut off
  (its MIME structure or base64 never ends), more than ``MAX_ATTACHMENTS`` attachments, a message
  file larger than ``MAX_MESSAGE_BYTES``.

Outlook .msg files are read with extract-msg, imported only when one is read.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email import policy
from email.errors import (
    CloseBoundaryNotFoundDefect,
    InvalidBase64LengthDefect,
    InvalidBase64PaddingDefect,
    MessageDefect,
    StartBoundaryNotFoundDefect,
)
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from ... import i18n
from ..filenames import portable_name
from .fold import Folded, fold
from .html_text import html_to_text
from .mbox import MAX_MESSAGE_BYTES, MboxError, iter_mbox

__all__ = [
    "MAX_ATTACHMENTS",
    "MAX_MESSAGE_BYTES",
    "EmailError",
    "ParsedAttachment",
    "ParsedMessage",
    "detect_kind",
    "parse_eml",
    "parse_msg",
    "read_messages",
]

MAX_ATTACHMENTS = 100  # per message; a message with more is refused (say so in one line)
MAX_DEPTH = 30  # nested multiparts / attached messages
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER_LINE = re.compile(rb"^[\x21-\x39\x3b-\x7e]+[ \t]*:")
_ENVELOPE = ("from", "to", "subject", "date", "message-id", "received", "cc", "reply-to")
_CUT_DEFECTS = (CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect,
                InvalidBase64LengthDefect, InvalidBase64PaddingDefect)
_MSG_ID = re.compile(r"<[^<>\s]+>")


class EmailError(ValueError):
    """A message that cannot be taken in; ``str(e)`` is one sentence naming the problem."""


@dataclass(frozen=True)
class ParsedAttachment:
    name: str  # portable: no separators or control characters; metadata only
    data: bytes
    inline: bool  # an inline image (or part) rather than an attachment


@dataclass(frozen=True)
class ParsedMessage:
    kind: str  # "eml" or "msg"
    raw: bytes  # the message as received (the original-message exhibit)
    file_name: str  # the name that exhibit gets
    message_id: str  # "<...>", or "" when it has none
    subject: str
    sent_at: datetime | None
    date_source: str  # "date", "received", or "" when the message says nothing usable
    sender_name: str
    sender_address: str
    recipients: tuple[tuple[str, str], ...]  # (name, address) of To and Cc
    body: str  # the whole plain-text body
    attachments: tuple[ParsedAttachment, ...]

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def ref(self) -> str:
        """What recognises the message again: its Message-ID, else its content's hash (line
        endings and trailing blank lines left out: the same message saved as a file or found
        in a mailbox is the same message)."""
        return self.message_id or f"sha256:{content_hash(self.raw)}"

    @cached_property
    def folded(self) -> Folded:
        return fold(self.body)


def content_hash(raw: bytes) -> str:
    """SHA-256 of a message's bytes with CRLF as LF and without trailing blank lines."""
    return hashlib.sha256(raw.replace(b"\r\n", b"\n").rstrip(b"\n")).hexdigest()


# --- .eml ---------------------------------------------------------------------------------------


def _clean(text: object) -> str:
    """Header text: undecodable bytes as U+FFFD, whitespace runs as one space."""
    value = str(text or "")
    if re.search("[\ud800-\udfff]", value):
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        value = re.sub("[\ud800-\udfff]", "\ufffd", value)
    return " ".join(value.split())


def _header(msg: Message, name: str) -> str:
    try:
        return _clean(msg.get(name, ""))
    except (ValueError, TypeError, IndexError, AttributeError, LookupError):
        return ""  # a header too damaged to read says nothing


def _looks_like_email(data: bytes, msg: Message) -> bool:
    head = data.lstrip(b"\r\n")[:4096]
    if not _HEADER_LINE.match(head) or b"\x00" in head:
        return False
    return any(k.lower() in _ENVELOPE for k in msg)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # "-0000": the zone is unknown; UTC is what it says
        value = value.replace(tzinfo=UTC)
    return value.replace(microsecond=0)


def _parse_date(text: str) -> datetime | None:
    try:
        return _aware(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def message_moment(msg: Message) -> tuple[datetime | None, str]:
    """(when, "date" | "received" | "") from the Date header, else the newest Received one."""
    when = _parse_date(_header(msg, "Date")) if msg.get("Date") is not None else None
    if when is not None:
        return when, "date"
    received = []
    for value in msg.get_all("Received", []) or []:
        stamp = _parse_date(_clean(value).rpartition(";")[2].strip())
        if stamp is not None:
            received.append(stamp)
    if received:
        return max(received), "received"
    return None, ""


def _addresses(msg: Message, *names: str) -> list[tuple[str, str]]:
    values = [_clean(v) for n in names for v in (msg.get_all(n, []) or [])]
    out = []
    for name, addr in getaddresses(values):
        if addr and "@" in addr:
            out.append((_clean(name), addr.strip().lower()))
    return out


def _text_of(part: Message) -> str:
    """A text part's text: its declared charset when the bytes are that, else UTF-8, else
    Windows-1252 (a missing or wrong label is common), else with replacement characters."""
    raw = part.get_payload(decode=True)
    data = raw if isinstance(raw, bytes) else str(raw or "").encode("utf-8", "surrogateescape")
    declared = part.get_content_charset()
    for encoding in ([declared] if declared else []) + ["utf-8", "cp1252"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def _body(msg: EmailMessage) -> tuple[str, Message | None]:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", None
    text = _text_of(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip("\n"), part


def _inline_name(part: Message, n: int) -> str:
    ext = mimetypes.guess_extension(part.get_content_type()) or ".bin"
    kind = "image" if part.get_content_maintype() == "image" else "part"
    return f"inline {kind} {n}{ext}"


def attachment_name(name: str, fallback: str = "attachment") -> str:
    """A sender's file name made portable (separators and control characters replaced)."""
    return portable_name(_clean(name) or fallback, fallback=fallback)


class _Collector:
    def __init__(self, body_part: Message | None) -> None:
        self.body_part = body_part
        self.found: list[ParsedAttachment] = []
        self.defects: list[MessageDefect] = []

    def add(self, name: str, data: bytes, inline: bool) -> None:
        if len(self.found) >= MAX_ATTACHMENTS:
            raise EmailError(i18n.text(
                "This message has more than {n} attachments, more than Headway Journal takes "
                "from one message; nothing was added.").format(n=MAX_ATTACHMENTS))
        self.found.append(ParsedAttachment(attachment_name(name), data, inline))

    def walk(self, part: Message, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            raise EmailError(i18n.text("This message is nested too deeply to be read; nothing "
                                       "was added."))
        self.defects += part.defects
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0) if part.is_multipart() else None
            data = inner.as_bytes() if isinstance(inner, Message) else b""
            self.add(part.get_filename() or "attached message.eml", data, False)
            return
        if part.is_multipart():
            for sub in part.get_payload():
                if isinstance(sub, Message):
                    self.walk(sub, depth + 1)
            return
        if part is self.body_part:
            return
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if not filename and disposition != "attachment" and part.get_content_maintype() == "text":
            return  # the other form of the body (text/html beside text/plain)
        raw = part.get_payload(decode=True)
        self.defects += part.defects
        self.add(filename or _inline_name(part, len(self.found) + 1),
                 raw if isinstance(raw, bytes) else b"", disposition != "attachment")


def _message_id(text: str) -> str:
    match = _MSG_ID.search(text)
    return match.group(0)[:300] if match else ""


def parse_eml(data: bytes, *, file_name: str = "message.eml") -> ParsedMessage:
    """One RFC 5322 message (see the module for what is refused)."""
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(msg, EmailMessage) or not _looks_like_email(data, msg):
        raise EmailError(i18n.text("This is not an e-mail message (no mail headers such as "
                                   "From, To, Subject or Date at its start)."))
    body, body_part = _body(msg)
    collector = _Collector(body_part)
    collector.walk(msg)
    if any(isinstance(d, _CUT_DEFECTS) for d in collector.defects):
        raise EmailError(i18n.text("This message is incomplete (it was cut off before its end); "
                                   "nothing was added."))
    when, source = message_moment(msg)
    senders = _addresses(msg, "From") or _addresses(msg, "Sender")
    name, address = senders[0] if senders else ("", "")
    return ParsedMessage(
        kind="eml", raw=data, file_name=file_name, message_id=_message_id(_header(msg, "Message-ID")),
        subject=_header(msg, "Subject"), sent_at=when, date_source=source, sender_name=name,
        sender_address=address, recipients=tuple(_addresses(msg, "To", "Cc")), body=body,
        attachments=tuple(collector.found))


# --- .msg ---------------------------------------------------------------------------------------


def _msg_attachments(msg: Any) -> list[ParsedAttachment]:
    collector = _Collector(None)
    for att in getattr(msg, "attachments", None) or []:
        data = getattr(att, "data", None)
        name = (getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
                or getattr(att, "displayName", None) or "")
        if data is not None and not isinstance(data, bytes):  # an attached Outlook message
            export = getattr(data, "exportBytes", None)
            data = export(allowBadEmbed=True) if callable(export) else b""
            name = f"{name or 'attached message'}.msg" if not str(name).lower().endswith(
                ".msg") else name
        hidden = bool(getattr(att, "hidden", False)) or bool(getattr(att, "contentId", None))
        collector.add(str(name or _inline_name_msg(len(collector.found) + 1)),
                      data if isinstance(data, bytes) else b"", hidden)
    return collector.found


def _inline_name_msg(n: int) -> str:
    return f"attachment {n}"


def _msg_body(msg: Any) -> str:
    body = getattr(msg, "body", None)
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    if not (isinstance(body, str) and body.strip()):
        html = getattr(msg, "htmlBody", None)
        if isinstance(html, bytes):
            html = html.decode("utf-8", "replace")
        body = html_to_text(html) if isinstance(html, str) else ""
    return body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")


def parse_msg(data: bytes, *, file_name: str = "message.msg") -> ParsedMessage:
    """An Outlook .msg file (an OLE compound file), through extract-msg."""
    import extract_msg

    try:
        msg = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # extract-msg raises many kinds for a damaged file
        raise EmailError(i18n.text("This Outlook message (.msg) cannot be read: it is damaged "
                                   "or not a mail message.")) from exc
    try:
        return _read_msg(msg, data, file_name)
    except EmailError:
        raise
    except Exception as exc:
        raise EmailError(i18n.text("This Outlook message (.msg) cannot be read: it is damaged "
                                   "or not a mail message.")) from exc
    finally:
        msg.close()


_MAIL_CLASSES = ("ipm.note", "ipm.schedule", "ipm.post", "report.")


def _read_msg(msg: Any, data: bytes, file_name: str) -> ParsedMessage:
    item = str(getattr(msg, "classType", "") or "").lower()
    if not item.startswith(_MAIL_CLASSES):
        raise EmailError(i18n.text("This Outlook file is not an e-mail (it is a {kind} item); "
                                   "nothing was added.").format(kind=item or "unknown"))
    header = getattr(msg, "header", None)  # the transport headers (their Date has its offset)
    when, source = message_moment(header) if isinstance(header, Message) else (None, "")
    sent = getattr(msg, "date", None)  # the submit time, in UTC
    if when is None and isinstance(sent, datetime):
        when, source = _aware(sent), "date"
    name, address = parseaddr(_clean(getattr(msg, "sender", None) or ""))
    if not address and isinstance(header, Message):
        senders = _addresses(header, "From")
        name, address = senders[0] if senders else ("", "")
    recipients = [(_clean(n), a.lower()) for n, a in
                  getaddresses([_clean(getattr(msg, "to", None) or ""),
                                _clean(getattr(msg, "cc", None) or "")]) if "@" in a]
    return ParsedMessage(
        kind="msg", raw=data, file_name=file_name,
        message_id=_message_id(_clean(getattr(msg, "messageId", None) or "")),
        subject=_clean(getattr(msg, "subject", None) or ""), sent_at=when, date_source=source,
        sender_name=_clean(name), sender_address=address.strip().lower() if "@" in address else "",
        recipients=tuple(recipients), body=_msg_body(msg), attachments=tuple(_msg_attachments(msg)))


# --- files --------------------------------------------------------------------------------------


def detect_kind(head: bytes) -> str:
    """"msg" (an OLE compound file), "mbox" (a "From " line first) or "eml", from the content."""
    if head.startswith(OLE_MAGIC):
        return "msg"
    if head.startswith(b"From "):
        return "mbox"
    return "eml"


def _read_whole(path: Path) -> bytes:
    with open(path, "rb") as f:
        data = f.read(MAX_MESSAGE_BYTES + 1)
    if len(data) > MAX_MESSAGE_BYTES:
        raise EmailError(i18n.text("This message file is larger than {mb} MB; nothing was "
                                   "added.").format(mb=MAX_MESSAGE_BYTES // (1024 * 1024)))
    if not data.strip():
        raise EmailError(i18n.text("This file is empty; nothing was added."))
    return data


def _mbox_name(parsed: ParsedMessage, n: int) -> str:
    stem = parsed.subject[:80] or f"message {n}"
    return portable_name(f"{stem}.eml", fallback=f"message {n}.eml")


def read_messages(path: Path) -> Iterator[ParsedMessage]:
    """Every message in the file at ``path`` (.eml and .msg: one; .mbox: each, streamed)."""
    path = Path(path)
    with open(path, "rb") as f:
        head = f.read(16)
    kind = detect_kind(head)
    if kind == "mbox":
        try:
            for n, data in enumerate(iter_mbox(path), start=1):
                if not data.strip():
                    continue
                try:
                    parsed = parse_eml(data)
                except EmailError as exc:
                    raise EmailError(i18n.text("Message {n} of the mbox: {problem}").format(
                        n=n, problem=exc)) from exc
                yield _renamed(parsed, _mbox_name(parsed, n))
        except MboxError as exc:
            raise EmailError(str(exc)) from exc
        return
    data = _read_whole(path)
    name = portable_name(path.name, fallback=f"message.{kind}")
    yield parse_msg(data, file_name=name) if kind == "msg" else parse_eml(data, file_name=name)


def _renamed(parsed: ParsedMessage, name: str) -> ParsedMessage:
    return replace(parsed, file_name=name)
