"""Exhibits of a case as database rows: reading one, removing, restoring and emptying removed
exhibits (the files themselves are in ``attachments.AttachmentStore``; attaching, which validates
the caption, is ``JournalService.add_attachment``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from .case_views import attachment_view
from .models import Attachment, utc_now
from .records import NotFound
from .service_base import ServiceBase

if TYPE_CHECKING:  # pragma: no cover - types only (loaded when first used)
    from .records import AttachmentView


class ExhibitRecords(ServiceBase):
    """A case's exhibits (part of ``JournalService``)."""

    def attachment(self, attachment_id: int) -> AttachmentView:
        with self.journal.sessions() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(f"There is no attachment {attachment_id}.")
            return attachment_view(a)

    def attachment_path(self, attachment_id: int) -> Path:
        """Where the stored file is (sealed in a locked journal: read ``attachment_bytes``)."""
        return Path(self.store.path_for(self.attachment(attachment_id).sha256))

    def attachment_bytes(self, attachment_id: int) -> bytes:
        """The exhibit's bytes as attached (decrypted in a locked journal)."""
        data: bytes = self.store.read_bytes(self.attachment(attachment_id).sha256)
        return data

    def remove_attachment(self, attachment_id: int) -> None:
        """Move an exhibit to the removed list (restorable; the file stays)."""
        self._set_removed(attachment_id, utc_now())

    def restore_attachment(self, attachment_id: int) -> None:
        self._set_removed(attachment_id, None)

    def _set_removed(self, attachment_id: int, when: datetime | None) -> None:
        with self._write() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(f"There is no attachment {attachment_id}.")
            a.removed_at = when
            self._log(s, "attachment", a.id, a.case_id, "remove" if when else "restore", {})

    def empty_removed_attachments(self, case_id: int | None = None) -> int:
        """Delete removed exhibits for good; a stored file goes only when nothing else uses it."""
        with self._write() as s:
            q = select(Attachment).where(Attachment.removed_at.is_not(None))
            if case_id is not None:
                q = q.where(Attachment.case_id == case_id)
            rows = list(s.scalars(q))
            hashes = {a.sha256 for a in rows}
            for a in rows:
                self._log(s, "attachment", a.id, a.case_id, "erase",
                          {"original_name": [a.original_name, None], "sha256": [a.sha256, None]})
                s.delete(a)
            s.flush()
            still = set(s.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(hashes))))
        for h in hashes - still:
            self.store.delete(h)
        return len(rows)
