"""The format's name and version, the errors and summaries of import and export, and how a
value is quoted in a message. Imported by every stage of ``interchange``."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..safe_echo import escape_for_terminal

FORMAT_NAME = "headway-journal"
FORMAT_VERSION = 1
PROFILE_KEYS = ("name", "address", "email", "phone")
MAX_PROBLEMS = 200


class ImportError_(Exception):  # noqa: N801 - the trailing underscore avoids the builtin
    """The file cannot be imported; nothing was written.

    ``str(exc)`` is one line naming the first bad record and field; ``problems`` lists them all.
    """

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        self.problems = [escape_for_terminal(p, None) for p in problems] or [
            escape_for_terminal(one_line(message), None)]
        super().__init__(escape_for_terminal(one_line(message), None))


class ExportError(Exception):
    """The journal could not be exported (the message is a sentence for the user)."""


def one_line(text: str) -> str:
    """``text`` on one line: every run of white space becomes one space."""
    return " ".join(str(text).split())


def show(value: Any, limit: int = 60) -> str:
    """A value quoted for an error message: JSON spelling, one line, shortened."""
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    # JSON's \u001b as \x1b, like every other message (an escaped backslash stays as it is)
    shown = re.sub(r"(?<!\\)((?:\\\\)*)\\u00([01][0-9a-f])", r"\1\\x\2", shown)
    return escape_for_terminal(one_line(shown), limit)


def keyed(path: str, key: Any) -> str:
    """A record's path with its key, as messages name it: ``cases[2] (key "c-17")``."""
    return f'{path} (key {show(key, 40)})' if isinstance(key, str) and key else path


@dataclass
class ImportSummary:
    """What an import added and changed: {kind: count}, e.g. {"contact": 12}."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, kind: str) -> None:
        target = self.created if what == "created" else self.updated
        target[kind] = target.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def describe(self) -> str:
        if not self.changed:
            return "Nothing to import: the journal already holds everything in the file."

        def words(d: dict[str, int]) -> str:
            return ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in sorted(d.items()))

        parts = []
        if self.created:
            parts.append(f"added {words(self.created)}")
        if self.updated:
            parts.append(f"updated {words(self.updated)}")
        text = "; ".join(parts)
        return f"Imported: {text}."
