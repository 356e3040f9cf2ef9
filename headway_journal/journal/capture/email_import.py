"""E-mail messages into a case: each message one e-mail contact with its exhibits.

``add_email_files(svc, case_id, paths)`` reads each file (``email_parse.read_messages``: one
message for .eml and .msg, each for .mbox, streamed) and logs, per message:

- the contact: its moment (see ``email_parse``; an undated message takes ``undated_at`` when
  given, else the file is refused), channel "email", direction outbound when the sender is one
  of the user's own addresses (``profile.own_addresses``) else inbound, the representative (the
  sender; for an outbound message the first recipient who is not the user) by name with the
  address as the ID, and as summary the subject and the new text (quoted history and signature
  folded away); ``source`` "email" and the message's reference (Message-ID, else its hash);
- its exhibits: the original message as received (its SHA-256 proves what was received), each
  attachment and inline image, and, when something was folded away, the whole text as a .txt.

A message already in the case (the same reference), or twice in the batch (a thread), is
logged once. Every file is all or nothing: its contacts are written in one transaction, and a
problem in any of its messages (``EmailError``, ``ValidationError``, an attachment the store
refuses) writes nothing for that file (exhibit files it stored are removed again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ... import i18n
from ..exhibits.orphans import discard_unused
from ..filenames import portable_name
from ..issue_types import mask_card_numbers
from ..profile import own_addresses
from ..records import MAX_LONG, ContactInput
from .email_parse import EmailError, ParsedMessage, read_messages
from .provenance import email_attachment, original_message
from .records import CapturedContact, CapturedExhibit

__all__ = ["EmailImportResult", "PreparedFile", "UndatedMessage", "add_email_files",
           "attach_message", "commit_file", "contact_for", "import_email_file",
           "prepare_file"]

MAX_NAME = 200


class UndatedMessage(EmailError):
    """A message with neither a Date nor a Received header: the caller must say when."""

    def __init__(self, message: str, subject: str) -> None:
        super().__init__(message)
        self.subject = subject


@dataclass
class EmailImportResult:
    added: list[int] = field(default_factory=list)  # the new contacts' ids
    skipped: int = 0  # messages the case already had (or that came twice)
    files: int = 0

    def summary(self) -> str:
        added = i18n.plural("added {n} e-mail", "added {n} e-mails", len(self.added)).format(
            n=len(self.added))
        if not self.skipped:
            return added
        return added + i18n.plural(", skipped {n} already in the journal",
                                   ", skipped {n} already in the journal",
                                   self.skipped).format(n=self.skipped)


def _clip(text: str, limit: int) -> str:
    text = mask_card_numbers(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _representative(msg: ParsedMessage, outbound: bool, own: frozenset[str]) -> tuple[str, str]:
    if not outbound:
        return msg.sender_name, msg.sender_address
    for name, address in msg.recipients:
        if address not in own:
            return name, address
    return "", ""


def summary_of(msg: ParsedMessage) -> str:
    """The subject, then the new text; a note when history or a signature was folded away."""
    folded = msg.folded
    note = (i18n.text("[Quoted history and signature folded away; the whole message is kept "
                      "as an exhibit.]") if folded.folded else "")
    head = msg.subject or i18n.text("(no subject)")
    room = MAX_LONG - len(head) - len(note) - 8
    parts = [head, _clip(folded.new_text, room)] + ([note] if note else [])
    return "\n\n".join(p for p in parts if p)


def contact_for(msg: ParsedMessage, own: frozenset[str],
                undated_at: datetime | None = None) -> ContactInput:
    """The contact a message becomes (see the module). Raises UndatedMessage when the message
    says nothing of when it was sent and ``undated_at`` is None."""
    when = msg.sent_at or undated_at
    if when is None:
        raise UndatedMessage(i18n.text(
            "The message \u201c{subject}\u201d has no Date or Received header, so when it was "
            "sent is unknown; nothing was added.").format(subject=_clip(msg.subject, 80)),
            msg.subject)
    outbound = bool(msg.sender_address) and msg.sender_address in own
    name, address = _representative(msg, outbound, own)
    return ContactInput(
        started_at=when, channel="email", direction="outbound" if outbound else "inbound",
        rep_name=_clip(name or address, MAX_NAME), rep_id=_clip(address, 100),
        summary=summary_of(msg), source="email")


def _exhibits(svc: Any, msg: ParsedMessage, stored: list[Any]) -> list[CapturedExhibit]:
    def put(data: bytes, name: str) -> Any:
        blob = svc.store.add_bytes(data, original_name=name)
        stored.append(blob)
        return blob

    out = [CapturedExhibit(put(msg.raw, msg.file_name), i18n.text("The e-mail as received"),
                           original_message(msg.subject, msg.message_id, msg.kind))]
    for att in msg.attachments:
        out.append(CapturedExhibit(put(att.data, att.name), "", email_attachment(
            msg.subject, msg.message_id, att.name, inline=att.inline)))
    if msg.folded.folded:
        name = portable_name(f"{msg.subject[:80] or 'message'} (whole text).txt",
                             fallback="message (whole text).txt")
        out.append(CapturedExhibit(put(msg.body.encode("utf-8"), name),
                                   i18n.text("The whole text of the e-mail"),
                                   email_attachment(msg.subject, msg.message_id, name,
                                                    whole_text=True)))
    return out


@dataclass
class PreparedFile:
    """One file's messages, ready to be written: their contacts, and their exhibit files
    already in the store (``stored``: what this preparation put there)."""

    path: Path
    items: list[CapturedContact] = field(default_factory=list)
    stored: list[Any] = field(default_factory=list)
    skipped: int = 0


def prepare_file(svc: Any, path: Path, *, own: frozenset[str], known: set[str],
                 undated_at: datetime | None = None,
                 tick: Callable[[], None] | None = None) -> PreparedFile:
    """Read every message of one file, check its contact and store its exhibit files.

    Touches only the store (thread-safe) and pure validation, so it may run off the GUI
    thread. ``known``: references already in the case or earlier in the batch; this file's
    are added. A problem raises (EmailError, ValidationError, AttachmentError...) after the
    files stored for it were removed again and its references taken out of ``known``.
    """
    prepared = PreparedFile(Path(path))
    try:
        for msg in read_messages(path):
            if tick is not None:
                tick()
            if msg.ref in known:
                prepared.skipped += 1
                continue
            contact = contact_for(msg, own, undated_at)
            svc.validate_contact(contact)  # before its files are stored
            prepared.items.append(CapturedContact(contact, msg.ref,
                                                  _exhibits(svc, msg, prepared.stored)))
            known.add(msg.ref)
    except BaseException:
        forget(prepared, known)
        discard_unused(svc, prepared.stored)
        raise
    return prepared


def forget(prepared: PreparedFile, known: set[str]) -> None:
    """Take a prepared file's references out of ``known`` (it was not written)."""
    for item in prepared.items:
        known.discard(item.ref)


def commit_file(svc: Any, case_id: int, prepared: PreparedFile,
                known: set[str] | None = None) -> tuple[list[int], int]:
    """Write a prepared file's contacts in one transaction; (new contact ids, skipped). On
    failure nothing is written and its exhibit files are removed again."""
    try:
        ids = svc.add_captured(case_id, prepared.items)
    except BaseException:
        if known is not None:
            forget(prepared, known)
        discard_unused(svc, prepared.stored)
        raise
    added = [i for i in ids if i is not None]
    return added, prepared.skipped + (len(ids) - len(added))


def import_email_file(svc: Any, case_id: int, path: Path, *, own: frozenset[str],
                      undated_at: datetime | None = None,
                      known: set[str] | None = None,
                      tick: Callable[[], None] | None = None) -> tuple[list[int], int]:
    """Log the messages of one file (all or nothing); (new contact ids, skipped count).
    ``known``: references already in the case or logged earlier in the batch (updated)."""
    known = svc.captured_refs(case_id) if known is None else known
    prepared = prepare_file(svc, path, own=own, known=known, undated_at=undated_at, tick=tick)
    return commit_file(svc, case_id, prepared, known)


def attach_message(svc: Any, case_id: int, contact_id: int, msg: ParsedMessage) -> None:
    """A contact typed from a message (the contact dialog filled by a dropped e-mail): the
    message's exhibits attached and the contact marked as captured from it."""
    stored: list[Any] = []
    try:
        svc.attach_captured(case_id, contact_id, msg.ref, "email", _exhibits(svc, msg, stored))
    except BaseException:
        discard_unused(svc, stored)
        raise


def add_email_files(svc: Any, case_id: int, paths: Sequence[Path] | Iterable[Path], *,
                    undated_at: datetime | None = None,
                    tick: Callable[[], None] | None = None) -> EmailImportResult:
    """Log every message of every file (each file all or nothing; see the module)."""
    own = own_addresses(svc.profile())
    known = svc.captured_refs(case_id)
    result = EmailImportResult()
    for path in paths:
        try:
            added, skipped = import_email_file(svc, case_id, Path(path), own=own,
                                               undated_at=undated_at, known=known, tick=tick)
        except EmailError as exc:
            raise replace_message(exc, Path(path)) from exc
        result.added += added
        result.skipped += skipped
        result.files += 1
    return result


def replace_message(exc: EmailError, path: Path) -> EmailError:
    """``exc`` with the file's name in front (the same type, so UndatedMessage stays one)."""
    text = f"{portable_name(path.name)}: {exc}"
    if isinstance(exc, UndatedMessage):
        return UndatedMessage(text, exc.subject)
    return EmailError(text)
