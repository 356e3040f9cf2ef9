"""Names of exhibits fit for display: the user's file name made safe to show.

A display name is metadata only; no path is ever built from it. Nothing here imports Qt.
"""

from __future__ import annotations

import re
import unicodedata

from ..issue_types import mask_card_numbers

__all__ = ["MAX_NAME_CHARS", "safe_display_name"]

MAX_NAME_CHARS = 255
_FALLBACK_NAME = "unnamed file"

# Bidirectional controls make "invoice<RLO>gnp.exe" display as "invoiceexe.png".
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _unsafe_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Cc", "Zl", "Zp") or ch in _BIDI_CONTROLS


def safe_display_name(name: str) -> str:
    """A file name fit for display: basename only, no separators or control characters.

    Lone surrogates (undecodable bytes in a POSIX file name) become U+FFFD, the result is
    NFC-normalised and at most 255 characters (the extension is kept when shortening). A full
    card number in it keeps only its last 4 digits.
    It is metadata: never build a path from it.
    """
    parts = [p for p in re.split(r"[/\\]", str(name)) if p.strip() not in ("", ".", "..")]
    base = parts[-1] if parts else ""
    base = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in base)
    base = unicodedata.normalize("NFC", base)
    base = "".join("_" if _unsafe_char(ch) else ch for ch in base).strip()
    base = mask_card_numbers(base)  # "only the last 4 digits belong in the journal"
    if not base:
        return _FALLBACK_NAME
    if len(base) > MAX_NAME_CHARS:
        stem, dot, ext = base.rpartition(".")
        if dot and stem and 0 < len(ext) <= 16:
            suffix = "." + ext
            base = base[: MAX_NAME_CHARS - 1 - len(suffix)].rstrip() + "\u2026" + suffix
        else:
            base = base[: MAX_NAME_CHARS - 1].rstrip() + "\u2026"
    return base
