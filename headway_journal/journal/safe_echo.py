"""Echoing what a user or a file gave us in a message, without letting it act on the screen.

A name, key or file name can hold control characters: an ESC sequence recolours, retitles or
clears a terminal; a carriage return or a line break forges another line; a bidi override
(U+202E) shows text backwards. ``escape_for_terminal`` shows every such character as an escape
(``\\x1b``, ``\\u202e``) and cuts a long echoed value at 80 characters with an ellipsis. Every
message that quotes input (the command line's errors, import problems, field errors, the
window's message boxes) passes the quoted part through it.

Never imports Qt.
"""

from __future__ import annotations

import unicodedata

__all__ = ["ECHO_LIMIT", "echo_path", "escape_for_terminal", "is_unsafe_char", "window_text"]

ECHO_LIMIT = 80

# bidi embeddings/overrides and isolates, the implicit marks, and the line/paragraph separators
_BIDI_AND_BREAKS = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029]
)


def is_unsafe_char(ch: str) -> bool:
    """True for a character that must not reach a terminal or a message as it is.

    C0 controls (tab and line breaks included), DEL, C1 controls, bidi controls and the Unicode
    line and paragraph separators.
    """
    code = ord(ch)
    return (code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI_AND_BREAKS
            or unicodedata.category(ch) == "Cc")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_for_terminal(text: object, limit: int | None = ECHO_LIMIT, *,
                        keep_end: bool = False, keep_line_breaks: bool = False) -> str:
    """``text`` with every unsafe character escaped, cut to ``limit`` characters with "…".

    ``limit=None`` escapes without cutting (for a whole message that may quote several values).
    ``keep_end`` cuts at the start instead ("…/folder/file.json": for paths, whose end says
    most). ``keep_line_breaks`` leaves "\n" alone (a whole message for a window, whose line
    breaks are the app's own; the values it quotes were escaped on their own). An escape is
    never cut in half: the result is at most ``limit`` characters long.
    """
    pieces = [_escape(ch) if is_unsafe_char(ch) and not (keep_line_breaks and ch == "\n")
              else ch for ch in str(text)]
    if limit is None or sum(map(len, pieces)) <= limit:
        return "".join(pieces)
    if keep_end:
        pieces.reverse()
    out: list[str] = []
    length = 0
    for piece in pieces:
        if length + len(piece) > limit - 1:
            break
        out.append(piece)
        length += len(piece)
    if keep_end:
        return "…" + "".join(reversed(out))
    return "".join(out) + "…"


def echo_path(path: object) -> str:
    """A file or folder path for a message: escaped, and at most 80 characters, keeping its end."""
    return escape_for_terminal(path, keep_end=True)


def window_text(message: object) -> str:
    """A whole message for a window (message box, error label): every control character the
    values it quotes may hold escaped, the app's own line breaks kept, nothing cut."""
    return escape_for_terminal(message, None, keep_line_breaks=True)
