"""File names valid on Windows, macOS and Linux at once, for everything the app writes.

``portable_name(name)`` makes any text a name every one of them accepts:

- no reserved Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with the
  superscript digits Windows counts, CONIN$, CONOUT$), with or without an extension, any case;
- none of ``< > : " / \\ | ? *``, no control characters (nor bidirectional controls, which make
  "invoice<RLO>gnp.exe" read as a picture), no lone surrogates;
- no leading dot or space (a hidden file) and no trailing dot or space (Windows drops them);
- NFC-normalised (macOS stores NFD; the same name must compare equal everywhere);
- at most ``max_len`` UTF-16 code units (Windows counts those; 255 at most) and 255 UTF-8
  bytes (Linux counts those); the default ``DEFAULT_MAX_LEN`` keeps a whole path under Windows'
  260 characters in the default folders (Documents, Downloads, the app's data folder), whose
  paths take well under 140; the extension is kept when the stem is shortened.

``unique_name(folder, name)`` then picks "name (2).ext" when the folder already has an entry
that is the same name on a case-insensitive, normalising file system ("José.pdf" in NFD and
"JOSÉ.PDF" are one file on macOS and Windows).

Never imports Qt.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_LEN",
    "MAX_NAME_UNITS",
    "RESERVED_NAMES",
    "fits_name_limits",
    "is_portable_name",
    "name_key",
    "portable_name",
    "unique_name",
    "utf16_len",
]

MAX_NAME_UNITS = 255
MAX_NAME_BYTES = 255
DEFAULT_MAX_LEN = 120
_MAX_EXT = 16
_FALLBACK = "file"

_SUPERSCRIPTS = "\u00b9\u00b2\u00b3"
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"123456789", *_SUPERSCRIPTS]})

_FORBIDDEN = frozenset('<>:"/\\|?*')
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_EXT = re.compile(r"\.[^.\s]{1,16}$")


def utf16_len(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (what Windows counts)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _fits(text: str, max_len: int) -> bool:
    return utf16_len(text) <= max_len and len(text.encode("utf-8")) <= MAX_NAME_BYTES


def fits_name_limits(name: str, max_len: int = MAX_NAME_UNITS) -> bool:
    """True when ``name`` is short enough everywhere: ``max_len`` UTF-16 units, 255 bytes."""
    return _fits(name, min(max_len, MAX_NAME_UNITS))


def _bad_char(ch: str) -> bool:
    return (ch in _FORBIDDEN or ch in _BIDI_CONTROLS
            or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"))


def _is_reserved(name: str) -> bool:
    """Windows reserves a device name before the first dot, trailing spaces ignored."""
    return name.split(".", 1)[0].rstrip(" ").upper() in RESERVED_NAMES


def _clean(name: str, replacement: str) -> str:
    text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in str(name))
    text = unicodedata.normalize("NFC", text)
    text = "".join(replacement if _bad_char(ch) else ch for ch in text)
    return text.strip(" ").lstrip(".").strip(" ").rstrip(". ")


def _shorten(name: str, max_len: int) -> str:
    """Cut the stem (keeping a short extension) until the name fits."""
    match = _EXT.search(name)
    ext = match.group(0) if match and match.start() > 0 else ""
    stem = name[: len(name) - len(ext)]
    while stem and not _fits(stem + ext, max_len):
        stem = stem[:-1]
    while unicodedata.combining(stem[-1:] or "x") or stem[-1:] in ("\u200d", " ", "."):
        stem = stem[:-1]  # no dangling accent, joiner, trailing dot or space
    if not stem:
        return (_FALLBACK + ext) if _fits(_FALLBACK + ext, max_len) else _FALLBACK
    return stem + ext


def portable_name(name: str, *, max_len: int = DEFAULT_MAX_LEN, replacement: str = "_",
                  fallback: str = _FALLBACK) -> str:
    """``name`` made a valid file name on Windows, macOS and Linux (see the module's rules).

    Unsafe characters become ``replacement``; a reserved device name gets a "_" before it;
    an empty result becomes ``fallback``. Idempotent: a portable name comes back unchanged.
    """
    max_len = max(8, min(max_len, MAX_NAME_UNITS))
    text = _clean(name, replacement)
    if not text:
        text = _clean(fallback, "_") or _FALLBACK
    for _attempt in range(4):  # shortening can expose a reserved name ("COM1xyz" -> "COM1")
        if _is_reserved(text):
            text = "_" + text
        if not _fits(text, max_len):
            text = _shorten(text, max_len)
        text = unicodedata.normalize("NFC", text)
        if is_portable_name(text, max_len=max_len):
            return text
    return _FALLBACK


def is_portable_name(name: str, *, max_len: int = MAX_NAME_UNITS) -> bool:
    """True when ``name`` is valid on Windows, macOS and Linux as it is."""
    return (bool(name) and name == unicodedata.normalize("NFC", name)
            and not any(_bad_char(ch) for ch in name)
            and not name.startswith((".", " ")) and not name.endswith((".", " "))
            and not _is_reserved(name) and _fits(name, min(max_len, MAX_NAME_UNITS)))


def name_key(name: str) -> str:
    """What a case-insensitive, normalising file system compares: the canonical caseless
    form (NFD, casefold, NFD), so "José" in NFC and in NFD and "JOSÉ" share one key."""
    return unicodedata.normalize(
        "NFD", unicodedata.normalize("NFD", name).casefold())


def _existing_keys(folder: Path) -> set[str]:
    try:
        return {name_key(entry) for entry in os.listdir(folder)}
    except OSError:
        return set()


def unique_name(folder: Path, name: str, *, max_len: int = DEFAULT_MAX_LEN,
                taken: set[str] | None = None) -> str:
    """A portable name for a new file in ``folder``: ``name`` itself, or "name (2).ext",
    "name (3).ext"... when an entry of the same key (see ``name_key``) is there already or in
    ``taken`` (names about to be written)."""
    keys = _existing_keys(Path(folder)) | {name_key(t) for t in (taken or ())}
    base = portable_name(name, max_len=max_len)
    if name_key(base) not in keys:
        return base
    match = _EXT.search(base)
    ext = match.group(0) if match and match.start() > 0 else ""
    stem = base[: len(base) - len(ext)]
    n = 2
    while True:
        tail = f" ({n}){ext}"
        cut = stem
        while cut and not _fits(cut + tail, max_len):
            cut = cut[:-1]
        candidate = portable_name((cut.rstrip(". ") or _FALLBACK) + tail, max_len=max_len)
        if name_key(candidate) not in keys:
            return candidate
        n += 1
