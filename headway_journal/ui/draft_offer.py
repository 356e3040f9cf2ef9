"""Drafts left behind by the last session, offered back as soon as the window is up.

A dialog's draft survives a crash, a kill or a power cut (``drafts.DraftKeeper`` writes it half a
second after each change). When the app starts again, ``DraftOfferBar`` (a strip above the panes)
lists every draft found: "You have an unsaved contact for case “X” from today at 14:03" with
**Resume** (opens the same dialog filled in, without asking again) and **Discard** (sets the draft
aside as ``<name>.declined.json``; nothing is deleted). The dialogs themselves still offer their
draft when opened (Ctrl+L), so the bar is a reminder, never the only way back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QStatusBar, QVBoxLayout, QWidget

from ..journal.service import JournalService, ServiceError
from .drafts import DraftStore, describe_saved_at
from .widgets import GRID, wrap_label

_CONTACT = re.compile(r"contact-(\d+)(?:-edit-(\d+))?")
_CASE = re.compile(r"case-(new|\d+)")


@dataclass(frozen=True)
class DraftRef:
    """What a draft's file name says: which dialog it belongs to."""

    name: str
    kind: str  # "contact", "contact-edit", "case-new" or "case-edit"
    case_id: int | None = None
    contact_id: int | None = None


def parse_draft_name(name: str) -> DraftRef | None:
    """``contact-3`` / ``contact-3-edit-9`` / ``case-new`` / ``case-3``; None for others."""
    if m := _CONTACT.fullmatch(name):
        if m.group(2) is None:
            return DraftRef(name, "contact", int(m.group(1)))
        return DraftRef(name, "contact-edit", int(m.group(1)), int(m.group(2)))
    if m := _CASE.fullmatch(name):
        if m.group(1) == "new":
            return DraftRef(name, "case-new")
        return DraftRef(name, "case-edit", int(m.group(1)))
    return None


def describe_draft(service: JournalService, ref: DraftRef, when: str) -> str:
    """One sentence for the bar, naming the case when it is still in the journal."""
    title: str | None = None
    if ref.case_id is not None:
        try:
            title = service.get_case(ref.case_id).title
        except ServiceError:
            title = None
    case = QCoreApplication.translate("draft_offer", "case “{title}”").format(title=title) if title else QCoreApplication.translate("draft_offer", "a case that is no longer in the journal")
    if ref.kind == "contact":
        return QCoreApplication.translate("draft_offer", "You have an unsaved contact for {case} from {when}.").format(case=case, when=when)
    if ref.kind == "contact-edit":
        return QCoreApplication.translate("draft_offer", "You have unsaved changes to a contact of {case} from {when}.").format(case=case, when=when)
    if ref.kind == "case-new":
        return QCoreApplication.translate("draft_offer", "You have an unsaved new case from {when}.").format(when=when)
    return QCoreApplication.translate("draft_offer", "You have unsaved changes to {case} from {when}.").format(case=case, when=when)


class DraftHost(Protocol):
    """What the bar needs from the main window to resume a draft."""

    service: JournalService

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)
    def select_case(self, case_id: int) -> bool: ...
    def log_contact(self, *, resume_draft: bool = False) -> None: ...
    def edit_contact(self, contact_id: int, *, resume_draft: bool = False) -> None: ...
    def new_case(self, *, resume_draft: bool = False) -> None: ...
    def edit_case(self, *, resume_draft: bool = False) -> None: ...


class DraftOfferBar(QFrame):
    """One line per draft left behind: what it is, from when, Resume and Discard."""

    def __init__(self, host: DraftHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("draftOfferBar")
        self.setAccessibleName(QCoreApplication.translate("DraftOfferBar", "Unsaved drafts"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._lines = QVBoxLayout(self)
        self._lines.setContentsMargins(GRID, GRID // 2, GRID, GRID // 2)
        self._lines.setSpacing(GRID // 2)
        self.rows: dict[str, QWidget] = {}
        self.hide()

    @property
    def store(self) -> DraftStore:
        return DraftStore.for_journal(self.host.service.folder)

    def refresh(self) -> None:
        """List the drafts on disk now (the window calls this once it is shown)."""
        for row in list(self.rows.values()):
            self._drop(row)
        self.rows.clear()
        store = self.store
        for name in store.names():
            ref = parse_draft_name(name)
            draft = store.load(name) if ref is not None else None
            if ref is None or draft is None:
                continue
            text = describe_draft(self.host.service, ref, describe_saved_at(draft.saved_at))
            self.rows[name] = self._row(ref, text)
            self._lines.addWidget(self.rows[name])
        self.setVisible(bool(self.rows))

    def prune(self) -> None:
        """Drop the lines whose draft was used or set aside meanwhile (never adds new ones:
        a draft made in this session is offered by its dialog)."""
        store = self.store
        for name in [n for n in self.rows if not store.exists(n)]:
            self._drop(self.rows.pop(name))
        self.setVisible(bool(self.rows))

    def texts(self) -> list[str]:
        return [str(row.property("draft_text")) for row in self.rows.values()]

    def _row(self, ref: DraftRef, text: str) -> QWidget:
        row = QWidget()
        row.setAccessibleName(QCoreApplication.translate("DraftOfferBar", "Unsaved draft"))
        row.setProperty("draft_text", text)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(GRID)
        lay.addWidget(wrap_label(text, name=QCoreApplication.translate("DraftOfferBar", "Unsaved draft text")), 1)
        resume = QPushButton(QCoreApplication.translate("DraftOfferBar", "Resume"))
        resume.setAccessibleName(QCoreApplication.translate("DraftOfferBar", "Resume draft: {text}").format(text=text))
        resume.setToolTip(QCoreApplication.translate("DraftOfferBar", "Open the form filled in with what you typed"))
        resume.clicked.connect(lambda _c=False, r=ref: self.resume(r))
        discard = QPushButton(QCoreApplication.translate("DraftOfferBar", "Discard"))
        discard.setAccessibleName(QCoreApplication.translate("DraftOfferBar", "Discard draft: {text}").format(text=text))
        discard.setToolTip(QCoreApplication.translate("DraftOfferBar", "Set the draft aside (kept as a .declined file in the journal's "
                           "drafts folder; nothing is deleted)"))
        discard.clicked.connect(lambda _c=False, r=ref: self.discard(r))
        for button in (resume, discard):
            button.setAutoDefault(False)
            lay.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _drop(self, row: QWidget) -> None:
        self._lines.removeWidget(row)
        row.hide()
        row.deleteLater()

    def discard(self, ref: DraftRef) -> None:
        self.store.set_aside(ref.name)
        self.prune()
        self.host.statusBar().showMessage(
            QCoreApplication.translate("DraftOfferBar", "Draft set aside (kept in the journal's drafts folder)."), 8000)

    def resume(self, ref: DraftRef) -> None:
        """Open the draft's dialog filled in; say why when that cannot be done."""
        status = self.host.statusBar()
        if not self.store.exists(ref.name):
            self.prune()
            status.showMessage(QCoreApplication.translate("DraftOfferBar", "That draft is no longer there: it was used or set aside."), 8000)
            return
        if ref.kind == "case-new":
            self.host.new_case(resume_draft=True)
        elif ref.case_id is None or not self.host.select_case(ref.case_id):
            status.showMessage(QCoreApplication.translate("DraftOfferBar", "The case of this draft is no longer in the journal; the draft "
                               "stays in the drafts folder."), 10000)
            return
        elif ref.kind == "contact":
            self.host.log_contact(resume_draft=True)
        elif ref.kind == "contact-edit" and ref.contact_id is not None:
            self.host.edit_contact(ref.contact_id, resume_draft=True)
        else:
            self.host.edit_case(resume_draft=True)
        self.prune()
