"""Where an exhibit came from (``attachments.provenance``, schema 0006), as a small JSON object.

``{"kind": KIND, ...details}`` with every value a string:

=========  ===================================================================================
kind       details
=========  ===================================================================================
pasted     ``what``: "image" (the clipboard), "widget" / "window" (a paste of the app itself)
dropped    ``name`` (the file's own name) and ``modified`` (its mtime, ISO 8601 with offset)
file       the same, for a file chosen with File > Attach
screen     ``screen`` (which screen) and ``at`` (when the capture was taken)
email      an e-mail's attachment or inline image: ``subject``, ``message_id``, ``name``,
           ``inline`` ("yes" for an inline image), ``part`` ("whole text": its whole text)
message    the original message file itself: ``subject``, ``message_id``, ``format`` (eml, msg)
imported   from a journal export: ``from`` (the export file's name) and the provenance it had
=========  ===================================================================================

``{}`` means it was not recorded (exhibits added before 0006). Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from ... import i18n

__all__ = [
    "KINDS",
    "chosen_file",
    "clean_provenance",
    "describe_provenance",
    "dropped_file",
    "email_attachment",
    "imported",
    "original_message",
    "pasted",
    "provenance_pairs",
    "screen_capture",
]

KINDS = ("pasted", "dropped", "file", "screen", "email", "message", "imported")
MAX_KEYS = 12
MAX_VALUE = 500


def _one_line(value: object) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "\u2026"


def clean_provenance(values: Mapping[str, object] | None) -> dict[str, str]:
    """``values`` as stored: one-line strings, at most 12 keys of 40 characters; ``{}`` when it
    names no known kind."""
    if not values or str(values.get("kind", "")) not in KINDS:
        return {}
    out = {"kind": str(values["kind"])}
    for key, value in values.items():
        name = _one_line(key)[:40]
        if name and name != "kind" and len(out) < MAX_KEYS and value not in (None, ""):
            out[name] = _one_line(value)
    return out


def provenance_pairs(values: Mapping[str, object] | None) -> tuple[tuple[str, str], ...]:
    """The stored object as (key, value) pairs, "kind" first (for the frozen views)."""
    clean = clean_provenance(values if isinstance(values, Mapping) else None)
    return tuple(clean.items())


def _when(stamp: float | datetime) -> str:
    if isinstance(stamp, datetime):
        moment = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    else:
        moment = datetime.fromtimestamp(stamp, UTC).astimezone()
    return moment.replace(microsecond=0).isoformat()


def pasted(what: str = "image") -> dict[str, str]:
    return {"kind": "pasted", "what": what}


def _file(kind: str, path: Path, modified: float | None) -> dict[str, str]:
    out = {"kind": kind, "name": Path(path).name}
    if modified is None:
        try:
            modified = Path(path).stat().st_mtime
        except OSError:
            return out
    out["modified"] = _when(modified)
    return out


def dropped_file(path: Path, modified: float | None = None) -> dict[str, str]:
    """A file dropped on the window: its own name and modification time."""
    return _file("dropped", path, modified)


def chosen_file(path: Path, modified: float | None = None) -> dict[str, str]:
    """A file chosen in a file dialog (File > Attach)."""
    return _file("file", path, modified)


def screen_capture(screen: str, at: datetime) -> dict[str, str]:
    return {"kind": "screen", "screen": screen, "at": _when(at)}


def email_attachment(subject: str, message_id: str, name: str, *,
                     inline: bool = False, whole_text: bool = False) -> dict[str, str]:
    """An e-mail's attachment, inline image, or (``whole_text``) its whole text as a file."""
    out = {"kind": "email", "subject": subject, "message_id": message_id, "name": name}
    if inline:
        out["inline"] = "yes"
    if whole_text:
        out["part"] = "whole text"
    return out


def original_message(subject: str, message_id: str, fmt: str) -> dict[str, str]:
    return {"kind": "message", "subject": subject, "message_id": message_id, "format": fmt}


def imported(source: str, earlier: Mapping[str, object] | None = None) -> dict[str, str]:
    """From a JSON file that said nothing of where it came from; ``earlier`` (a provenance it
    had somewhere else) is kept under "was_*" keys."""
    out = {"kind": "imported", "from": source}
    for key, value in clean_provenance(earlier).items():
        out[f"was_{key}"] = value
    return out


def _describe_one(p: Mapping[str, str]) -> str:
    kind = p.get("kind", "")
    if kind == "pasted" and p.get("name"):
        return i18n.text("pasted file \u201c{name}\u201d").format(name=p["name"])
    if kind == "pasted":
        return i18n.text("pasted ({what})").format(what=p.get("what", "image"))
    if kind in ("dropped", "file"):
        text = (i18n.text("dropped file \u201c{name}\u201d") if kind == "dropped"
                else i18n.text("file \u201c{name}\u201d")).format(name=p.get("name", ""))
        if p.get("modified"):
            text += i18n.text(", modified {when}").format(when=p["modified"])
        return text
    if kind == "screen":
        return i18n.text("screen capture of {screen} at {when}").format(
            screen=p.get("screen", "?"), when=p.get("at", "?"))
    if kind in ("email", "message"):
        first = (i18n.text("inline image of the e-mail") if p.get("inline") == "yes"
                 else i18n.text("the whole text of the e-mail") if p.get("part") == "whole text"
                 else i18n.text("attachment of the e-mail") if kind == "email"
                 else i18n.text("the original e-mail ({format})").format(
                     format=p.get("format", "eml")))
        return first + i18n.text(" \u201c{subject}\u201d {id}").format(
            subject=p.get("subject", ""), id=p.get("message_id", "")).rstrip()
    if kind == "imported":
        was = {k.removeprefix("was_"): v for k, v in p.items() if k.startswith("was_")}
        text = i18n.text("imported from {source}").format(source=p.get("from", "?"))
        return text + (f"; {_describe_one(was)}" if was.get("kind") else "")
    return ""


def describe_provenance(pairs: Iterable[tuple[str, str]] | Mapping[str, str]) -> str:
    """One line saying where an exhibit came from ("" when not recorded)."""
    values = dict(pairs.items() if isinstance(pairs, Mapping) else pairs)
    return _describe_one(values)
