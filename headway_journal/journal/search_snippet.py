"""Snippets of a matching document, as SQLite's FTS5 ``snippet()`` makes them, for the stores
whose search has no such function of its own (PostgreSQL's ``ts_headline`` reads the text with
its own parser, which keeps "ESC-2026-0042" as one word and marks it differently).

The text is read as FTS5's unicode61 tokenizer reads it (runs of letters and digits), words are
compared without accents and case (as ``unaccent`` + ``simple`` compare them), each match of a
query phrase is marked ``[...]`` as a whole, and about ``WORDS`` words around the first match are
shown, with ``…`` where the text goes on.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

WORDS = 12
_TOKEN = re.compile(r"[^\W_]+")
# Letters NFKD does not take apart but unaccent folds.
_FOLD = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss",
                       "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th"})


def fold(word: str) -> str:
    """A word without accents, in lower case."""
    if word.isascii():
        return word.lower()  # (what the rest gives for ASCII, without its cost per word)
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _marks(tokens: list[str], phrases: list[list[str]]) -> list[tuple[int, int]]:
    """(first, last) token of every match of a phrase; the last word of the last phrase is a
    prefix."""
    out: list[tuple[int, int]] = []
    for n, phrase in enumerate(phrases):
        parts = [fold(p) for p in phrase]
        if not parts:
            continue
        prefix = n == len(phrases) - 1
        k = len(parts) - 1
        word = parts[0]
        if not k:  # one word (the usual case): a comprehension, not a loop of Python steps
            out += [(i, i) for i, t in enumerate(tokens)
                    if (t.startswith(word) if prefix else t == word)]
            continue
        for i in range(len(tokens) - k):
            if k and tokens[i] != parts[0]:
                continue
            last = tokens[i + k]
            if not (last.startswith(parts[-1]) if prefix else last == parts[-1]):
                continue
            if all(tokens[i + j] == parts[j] for j in range(1, k)):
                out.append((i, i + k))
    return sorted(out)


def _cut(text: str, phrases: list[list[str]]) -> tuple[int, str]:
    """(how many matches, the snippet) of one column."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    if text.isascii():  # folding is lower case: once for the whole text
        low = text.lower()
        tokens = [low[a:b] for a, b in spans]
    else:
        tokens = [fold(text[a:b]) for a, b in spans]
    marks = _marks(tokens, phrases)
    if not spans:
        return 0, ""
    first = max(0, (marks[0][0] if marks else 0) - 2)
    last = min(len(spans), first + WORDS) - 1
    first = max(0, min(first, last - WORDS + 1))
    opens: Counter[int] = Counter()  # how many matches start (end) at each token
    closes: Counter[int] = Counter()
    for a, b in marks:
        opens[a] += 1
        closes[b] += 1
    out: list[str] = ["…" if first > 0 else text[:spans[0][0]]]
    depth = 0
    for i in range(first, last + 1):
        if i in opens and depth == 0:
            out.append("[")
        depth += opens[i]
        out.append(text[spans[i][0]:spans[i][1]])
        depth -= closes[i]
        if i in closes and depth <= 0:
            depth = 0
            out.append("]")
        if i < last:
            out.append(text[spans[i][1]:spans[i + 1][0]])
    out.append("…" if last < len(spans) - 1 else text[spans[last][1]:])
    return len(marks), "".join(out).strip()


def snippet(title: str, body: str, phrases: list[list[str]]) -> str:
    """The snippet of the column (title or body) with the most matches, the body on a tie."""
    in_title, cut_title = _cut(title or "", phrases)
    in_body, cut_body = _cut(body or "", phrases)
    return cut_title if in_title > in_body else cut_body
