"""Full-text search on a shared journal (PostgreSQL): the same behaviour as ``search`` on SQLite.

The index is the table ``search_docs`` (migrations/pg_search_0004): the same documents and
rowids as SQLite's FTS5 table, each with a tsvector made by the ``headway`` configuration
(``unaccent`` then ``simple``: accents and case ignored, no stemming) from its text with
punctuation as spaces, under a GIN index. A query is built from the user's words alone: each
word's letters-and-digits runs become a phrase (``inv <-> 2231`` for "INV-2231", as FTS5 reads
it), every word must match, and the last one is a prefix. Nothing the user types reaches the
query syntax, so no input can break it. Ranking is bounded as on SQLite (``RANK_AT_MOST``):
relevance counts the title four times (weights A and D), else newest first. Snippets are cut
from the matching document in Python (``search_snippet``), marked as FTS5 marks them.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Integer, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from . import search
from .search import case_of, item_id
from .search_snippet import snippet

__all__ = ["case_of", "count_matches", "fts_query", "hit_rows", "item_id", "matching_cases"]

MAX_WORDS = 12
# ts_rank's weights are {D, C, B, A}: the body (D) once, the title (A) four times.
RELEVANCE = "ts_rank('{0.25, 0, 0, 1.0}', f.tsv, q.q) DESC, f.rid DESC"
RECENCY = "f.rid DESC"

_HITS = """
    SELECT f.kind, f.rid, f.case_id, c.title, f.title AS doc_title, f.body, ct.started_at
    FROM search_docs f
    CROSS JOIN (SELECT to_tsquery('headway', :q) AS q) q
    JOIN cases c ON c.id = f.case_id AND c.deleted_at IS NULL
    LEFT JOIN contacts ct ON f.kind = 'contact' AND ct.id = (f.rid & 4294967295) / 4
    WHERE f.tsv @@ q.q AND (f.kind <> 'contact' OR ct.deleted_at IS NULL)
    ORDER BY {order}
    LIMIT :n
"""

# Runs of letters and digits (any script): what FTS5's unicode61 tokenizer keeps as words.
_WORD_PART = re.compile(r"[^\W_]+")


def fts_query(text_: str) -> str | None:
    """Turn user text into a safe tsquery: each word a phrase of its parts, all required, the
    last one a prefix. None when nothing searchable is left."""
    words: list[list[str]] = []
    for token in re.split(r"\s+", text_.strip()):
        parts = _WORD_PART.findall(token.replace("\x00", " "))
        parts = [p for p in parts if not re.search("[\ud800-\udfff]", p)]
        if parts:
            words.append(parts)
    words = words[:MAX_WORDS]
    if not words:
        return None
    phrases = [[f"'{p}'" for p in parts] for parts in words]
    phrases[-1][-1] += ":*"
    return " & ".join("(" + " <-> ".join(ph) + ")" for ph in phrases)


def count_matches(s: Session, match: str, at_most: int | None = None) -> int:
    """How many documents match (deleted ones included), counting no further than ``at_most``
    when given: a GIN match is checked against each row, so a common word's full count would
    read thousands of rows only to learn that it is "more than RANK_AT_MOST"."""
    inner = "SELECT 1 FROM search_docs WHERE tsv @@ to_tsquery('headway', :q)"
    if at_most is not None:
        inner += f" LIMIT {int(at_most)}"
    return int(s.execute(text(f"SELECT count(*) FROM ({inner}) AS m"), {"q": match}).scalar()
               or 0)


def hit_rows(s: Session, match: str, limit: int) -> list[Any]:
    """(kind, rowid, case_id, case title, snippet, contact start) of the best ``limit``
    matches: by relevance when there are at most RANK_AT_MOST, else newest first."""
    bound = search.RANK_AT_MOST
    order = RELEVANCE if count_matches(s, match, at_most=bound + 1) <= bound else RECENCY
    rows = s.execute(text(_HITS.format(order=order)), {"q": match, "n": limit}).all()
    words = query_words(match)
    return [(kind, rid, case_id, title, snippet(doc_title, body, words), started)
            for kind, rid, case_id, title, doc_title, body, started in rows]


def query_words(match: str) -> list[list[str]]:
    """The phrases of a query made by ``fts_query`` (the last part of the last one a prefix)."""
    return [re.findall(r"'([^']*)'", phrase) for phrase in match.split(" & ")]


def matching_cases(match: str) -> TextualSelect:
    """A subquery of the ids of the cases with a document matching ``match``."""
    return (text("SELECT DISTINCT case_id FROM search_docs "
                 "WHERE tsv @@ to_tsquery('headway', :q)")
            .bindparams(q=match).columns(case_id=Integer))
