"""A message's new text apart from the history it quotes and its signature.

Nothing is thrown away: ``fold`` returns the new text and says whether anything was folded; the
caller keeps the whole body as well. What counts as history or signature:

- the signature separator "-- " (RFC 3676) and everything after it;
- Outlook's "-----Original Message-----", a line of underscores or a "From:" line followed by
  "Sent:"/"Date:" within the next lines (the header block Outlook puts above a reply's history),
  and everything after;
- an attribution line ("On Tue, 1 Dec 2026, Ana wrote:", also wrapped over two lines) followed
  by quoted lines, and everything after;
- every line quoted with ">" (replies written between quoted lines keep their own lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Folded", "fold"]

_SIGNATURE = re.compile(r"^-- ?$")
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(original message|urspr\u00fcngliche nachricht|"
                       r"message d'origine|mensaje original)\s*-{2,}\s*$", re.IGNORECASE)
_RULE = re.compile(r"^\s*_{10,}\s*$")
_HEADER_FROM = re.compile(r"^\s*\*?(from|von|de)\s*:\*?\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\s*\*?(sent|date|gesendet|envoy\u00e9|enviado|to)\s*:", re.IGNORECASE)
_WROTE = re.compile(r"^\s*(on|am|le|el)\b.*\b(wrote|schrieb|a \u00e9crit|escribi\u00f3)\b[^:]{0,80}:"
                    r"\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"^\s*>")


@dataclass(frozen=True)
class Folded:
    new_text: str
    folded: bool  # True when history or a signature was folded away


def _cut_at(lines: list[str]) -> int:
    """The index of the first line of quoted history or signature (len(lines): none)."""
    for i, line in enumerate(lines):
        nxt = lines[i + 1: i + 5]
        if _SIGNATURE.match(line) or _ORIGINAL.match(line):
            return i
        if _RULE.match(line) and any(_HEADER_FROM.match(n) for n in nxt[:2]):
            return i
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n) for n in nxt):
            return i
        joined = line if not nxt else f"{line} {nxt[0]}"
        rest = [n for n in lines[i + 1: i + 4] if n.strip()]
        if _WROTE.match(line) and (not rest or _QUOTED.match(rest[0])):
            return i
        if nxt and _WROTE.match(joined) and not _WROTE.match(line) and line.strip():
            after = [n for n in lines[i + 2: i + 5] if n.strip()]
            if not after or _QUOTED.match(after[0]):
                return i
    return len(lines)


def fold(body: str) -> Folded:
    """``body``'s new text (see the module); the whole body when it has no new text at all."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _cut_at(lines)
    kept = [line for line in lines[:cut] if not _QUOTED.match(line)]
    new_text = "\n".join(kept).strip()
    folded = cut < len(lines) or len(kept) < cut
    if not new_text:
        return Folded(body.strip(), False)
    new_text = re.sub(r"\n{3,}", "\n\n", new_text)
    return Folded(new_text, folded)
