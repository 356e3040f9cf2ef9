"""An e-mail dropped on the contact dialog of a new contact fills its form from the message:
when (with the message's own UTC offset), channel e-mail, direction, the representative and the
subject and new text as what was said. Saving logs the contact as captured from the e-mail
(``source`` "email", its reference) with the message and its attachments as exhibits
(``email_import.attach_message``). A message already in the case is not taken twice; several
messages or a mailbox belong on the case in the main window, which logs each one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QObject

from ...journal.capture.email_import import attach_message, contact_for
from ...journal.capture.email_parse import EmailError, ParsedMessage, detect_kind, read_messages
from ...journal.exhibits import AttachmentError
from ...journal.profile import own_addresses
from ...journal.service import ServiceError
from .drop import split_email_files

__all__ = ["ContactEmailDrop", "install_email_drop"]


class ContactEmailDrop(QObject):
    """The contact dialog's handler of dropped e-mails (see the module)."""

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.message: ParsedMessage | None = None
        dialog.drop_target.intercept = self.take
        dialog.saved_hooks.append(self.after_save)

    def _say(self, text: str) -> None:
        self.dialog.exhibit_strip.say(text)

    def take(self, mime: QMimeData) -> bool:
        """Handle a drop; False when it held no e-mail (the files are attached as usual)."""
        emails, others = split_email_files(mime)
        if not emails:
            return False
        if self.dialog.contact_id is not None or len(emails) > 1 or _is_mailbox(emails[0]):
            self._say(self.tr("Drop one e-mail on a new contact; several e-mails or a mailbox "
                              "go on the case in the main window, which logs each message."))
        else:
            self._fill_from(emails[0])
        if others:
            self.dialog.attachments.attach_paths(self.dialog.case_id, others,
                                                 self.dialog.contact_id, how="dropped")
        return True

    def _fill_from(self, path: Any) -> None:
        svc = self.dialog.service
        try:
            msg = next(iter(read_messages(path)))
        except (EmailError, OSError, StopIteration) as exc:
            self._say(self.tr("{name}: {problem}").format(name=path.name, problem=exc))
            return
        if msg.ref in svc.captured_refs(self.dialog.case_id):
            self._say(self.tr("This e-mail is already in the journal; it was not added again."))
            return
        self.fill(msg, own_addresses(svc.profile()))

    def fill(self, msg: ParsedMessage, own: frozenset[str]) -> None:
        """Put the message into the form; it is logged with its exhibits when saved."""
        d = self.dialog
        data = contact_for(msg, own, msg.sent_at or d.started_at())
        d.channel_combo.setCurrentIndex(max(0, d.channel_combo.findData("email")))
        d.direction_combo.setCurrentIndex(max(0, d.direction_combo.findData(data.direction)))
        if msg.sent_at is not None:
            d.set_start(msg.sent_at)
        d.rep_name.setText(data.rep_name)
        d.rep_id.setText(data.rep_id)
        typed = d.summary_edit.toPlainText().strip()
        d.summary_edit.setPlainText(f"{typed}\n\n{data.summary}" if typed else data.summary)
        self.message = msg
        count = len(msg.attachments)
        when = "" if msg.sent_at is not None else self.tr(
            " It has no date: set when it was received.")
        self._say(self.tr("Filled from the e-mail \u201c{subject}\u201d; saving logs it with "
                          "the message and its {n} attachment(s) as exhibits.{when}").format(
                              subject=msg.subject, n=count, when=when))

    def after_save(self, contact_id: int) -> None:
        """The contact is saved: attach the message's exhibits and say it came from it."""
        if self.message is None or self.dialog.contact_id is not None:
            return
        try:
            attach_message(self.dialog.service, self.dialog.case_id, contact_id, self.message)
        except (ServiceError, AttachmentError, OSError) as exc:
            self.dialog.attach_messages.append(self.tr(
                "The contact was saved, but the e-mail's files were not attached: {problem}"
            ).format(problem=exc))


def _is_mailbox(path: Any) -> bool:
    try:
        with open(path, "rb") as f:
            return detect_kind(f.read(16)) == "mbox"
    except OSError:
        return False


def install_email_drop(dialog: Any) -> ContactEmailDrop:
    """Let ``dialog`` (a ContactDialog) take dropped e-mails."""
    return ContactEmailDrop(dialog)
