"""The History tab: every change to the case, newest first, in words.

``describe_change`` turns one recorded change into a heading and detail lines (field names in
words, dates as dates, long text shortened); ``fill_history`` writes them into the tab.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser

from headway_journal.ui.translated import QT_TRANSLATE_NOOP, TranslatedMap

from ... import i18n
from ...journal.issue_types import ISSUE_TYPES
from ...journal.records import CaseView, ChangeView
from ...journal.service import JournalService
from ..format import full_date, full_moment, local_moment

FIELD_WORDS = TranslatedMap("history", {
    "rep_name": QT_TRANSLATE_NOOP("history", "representative"), "rep_title": QT_TRANSLATE_NOOP("history", "representative's title"),
    "rep_id": QT_TRANSLATE_NOOP("history", "representative ID"), "started_at": QT_TRANSLATE_NOOP("history", "started"), "ended_at": QT_TRANSLATE_NOOP("history", "ended"),
    "hold_minutes": QT_TRANSLATE_NOOP("history", "minutes on hold"), "opened_on": QT_TRANSLATE_NOOP("history", "opened"), "desired_outcome": QT_TRANSLATE_NOOP("history", "desired outcome"),
    "amount_disputed": QT_TRANSLATE_NOOP("history", "amount disputed"), "organization_id": QT_TRANSLATE_NOOP("history", "organization"),
    "issue_type": QT_TRANSLATE_NOOP("history", "issue type"), "owner_name": QT_TRANSLATE_NOOP("history", "owner"), "owner_title": QT_TRANSLATE_NOOP("history", "owner's title"),
    "original_name": QT_TRANSLATE_NOOP("history", "file"), "sha256": QT_TRANSLATE_NOOP("history", "SHA-256"), "requested_on": QT_TRANSLATE_NOOP("history", "requested on"),
})
ENTITY_WORDS = TranslatedMap("history", {
    "case": QT_TRANSLATE_NOOP("history", "Case"), "contact": QT_TRANSLATE_NOOP("history", "Contact"), "promise": QT_TRANSLATE_NOOP("history", "Promise"), "escalation": QT_TRANSLATE_NOOP("history", "Escalation"),
    "note": QT_TRANSLATE_NOOP("history", "Note"), "attachment": QT_TRANSLATE_NOOP("history", "Exhibit"), "organization": QT_TRANSLATE_NOOP("history", "Organization"),
    "exhibit_text": QT_TRANSLATE_NOOP("history", "Recognised text of an exhibit"),
})
ACTION_WORDS = TranslatedMap("history", {
    "create": QT_TRANSLATE_NOOP("history", "added"), "update": QT_TRANSLATE_NOOP("history", "edited"), "delete": QT_TRANSLATE_NOOP("history", "deleted (restorable)"), "restore": QT_TRANSLATE_NOOP("history", "restored"),
    "remove": QT_TRANSLATE_NOOP("history", "removed from the exhibits (restorable)"), "erase": QT_TRANSLATE_NOOP("history", "erased for good"),
    "recognise": QT_TRANSLATE_NOOP("history", "read from the image"), "correct": QT_TRANSLATE_NOOP("history", "corrected by you"),
})


def describe_change(ch: ChangeView, issue_type: str | None = None) -> tuple[str, list[str]]:
    """A change as a heading and detail lines, in words."""
    entity = ENTITY_WORDS.get(ch.entity, ch.entity.capitalize())
    changes = ch.changes or {}
    if ch.action == "status":
        old, new = (changes.get("status") or [None, None])[:2]
        if ch.entity == "promise":
            text = changes.get("text", "")
            if changes.get("undo"):
                return QCoreApplication.translate("history", "Promise “{text}” back to {new} (undo "
                                                             "of marked {old})").format(
                                                                 text=text, new=new, old=old), []
            return QCoreApplication.translate("history", "Promise “{text}” marked {new} (was "
                                                         "{old})").format(
                                                             text=text, new=new, old=old), []
        return QCoreApplication.translate("history", "{entity} status changed from {old} to "
                                                     "{new}").format(
                                                         entity=entity, old=old, new=new), []
    title = f"{entity} {ACTION_WORDS.get(ch.action, ch.action)}"
    lines: list[str] = []
    spec_labels: dict[str, str] = {}
    if issue_type in ISSUE_TYPES:
        spec_labels = {s.name: i18n.text(s.label) for s in ISSUE_TYPES[issue_type].fields}
    for key, value in changes.items():
        word = FIELD_WORDS.get(key, key.replace("_", " "))
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            if key == "fields" and isinstance(new, dict):
                old_d = old if isinstance(old, dict) else {}
                for fname, fval in new.items():
                    if old_d.get(fname) != fval:
                        label = spec_labels.get(fname, fname.replace("_", " "))
                        lines.append(_change_line(label, old_d.get(fname), fval, ch.action))
                for fname in old_d:
                    if fname not in new:
                        label = spec_labels.get(fname, fname.replace("_", " "))
                        lines.append(_change_line(label, old_d[fname], None, ch.action))
                continue
            if ch.action == "create" and _empty(new):
                continue
            lines.append(_change_line(word, old, new, ch.action))
        else:
            lines.append(f"{word}: {_fmt_value(value)}")
    return title, lines


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or value == 0


def _change_line(word: str, old: Any, new: Any, action: str) -> str:
    if action == "create" or _empty(old):
        return f"{word}: {_fmt_value(new)}"
    return f"{word}: {_fmt_value(old)} → {_fmt_value(new)}"


def _fmt_value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(_fmt_value(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_fmt_value(v)}" for k, v in value.items()) or "(none)"
    if isinstance(value, str):
        if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
            try:
                if len(value) == 10:
                    return full_date(date.fromisoformat(value))
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is not None:
                    return full_moment(moment)
            except ValueError:
                pass
        text = " ".join(value.split())
        return text if len(text) <= 160 else text[:159] + "…"
    return str(value)


def history_browser() -> QTextBrowser:
    """The History tab's read-only text view."""
    history = QTextBrowser()
    history.setAccessibleName(QCoreApplication.translate("history", "Change history"))
    history.setOpenLinks(False)
    return history


def fill_history(history: QTextBrowser, service: JournalService, case: CaseView) -> None:
    """Show every change to ``case``, newest first, in ``history``."""
    import html  # html.entities: not needed for the first screen

    changes = service.history(case.id)
    parts = []
    for ch in reversed(changes):
        title, lines = describe_change(ch, case.issue_type)
        parts.append(QCoreApplication.translate("history", "<p><b>{escape}</b> · {escape2}").format(
            escape=html.escape(local_moment(ch.at)), escape2=html.escape(title)))
        if lines:
            parts.append("<br>" + "<br>".join(
                "&nbsp;&nbsp;" + html.escape(line) for line in lines))
        parts.append("</p>")
    if not parts:
        parts.append(QCoreApplication.translate("history", "<p>No changes recorded.</p>"))
    header = (QCoreApplication.translate("history", "<p><i>Every change to this case, newest "
                                                    "first, with the values before and "
              "after. Entries are written by the app and cannot be edited.</i></p>"))
    history.setHtml(header + "".join(parts))
