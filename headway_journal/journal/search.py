"""Full-text search over the search index (FTS5 table ``search_fts``, kept by triggers).

A document's rowid is ``(case_id << 32) + id * 4 + kind`` (kind 1 case, 2 contact, 3 note;
migration 0004), so the cases a text matches come from the index alone (``rowid >> 32``).

Ranking is bounded: relevance (bm25, the title four times the body) costs a snippet and a
score for every match before the best can be picked, which took over 100 ms for a common word
among 100,000 contacts. So matches are counted first (cheap: the index only); up to
``RANK_AT_MOST`` are ranked by relevance, more are listed newest case first (and, within a case,
newest contact or note first), which reads only the rows shown.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Integer, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

RANK_AT_MOST = 1000
CASE_SHIFT = 32
DOC_MASK = (1 << CASE_SHIFT) - 1
RELEVANCE = "bm25(search_fts, 0, 0, 4.0, 1.0)"
RECENCY = "f.rowid DESC"

_HITS = """
    SELECT f.kind, f.rowid, f.case_id, c.title,
           snippet(search_fts, -1, '[', ']', '…', 12) AS snip, ct.started_at
    FROM search_fts f
    JOIN cases c ON c.id = f.rowid >> 32 AND c.deleted_at IS NULL
    LEFT JOIN contacts ct ON f.kind = 'contact' AND ct.id = (f.rowid & 4294967295) / 4
    WHERE search_fts MATCH :q AND (f.kind != 'contact' OR ct.deleted_at IS NULL)
    ORDER BY {order}
    LIMIT :n
"""


def item_id(rowid: int) -> int:
    """The id of the case, contact or note a document's rowid stands for."""
    return (int(rowid) & DOC_MASK) // 4


def case_of(rowid: int) -> int:
    return int(rowid) >> CASE_SHIFT


def count_matches(s: Session, match: str) -> int:
    """How many documents match (deleted ones included): read from the index only."""
    return int(s.execute(text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :q"),
                         {"q": match}).scalar() or 0)


def hit_rows(s: Session, match: str, limit: int) -> list[Any]:
    """(kind, rowid, case_id, case title, snippet, contact start) of the best ``limit``
    matches: by relevance when there are at most RANK_AT_MOST, else newest first."""
    order = RELEVANCE if count_matches(s, match) <= RANK_AT_MOST else RECENCY
    return list(s.execute(text(_HITS.format(order=order)), {"q": match, "n": limit}).all())


def matching_cases(match: str) -> TextualSelect:
    """A subquery of the ids of the cases with a document matching ``match``."""
    return (text("SELECT DISTINCT rowid >> 32 AS case_id FROM search_fts "
                 "WHERE search_fts MATCH :q")
            .bindparams(q=match).columns(case_id=Integer))


# A NUL ends FTS5's query text early ("unterminated string"), and a lone UTF-16 surrogate cannot
# be encoded: both are searched for as spaces.
_UNSEARCHABLE = re.compile("[\x00\ud800-\udfff]")


def fts_query(text_: str) -> str | None:
    """Turn user text into a safe FTS5 query: every token quoted, the last one a prefix."""
    tokens = [t for t in re.split(r"\s+", _UNSEARCHABLE.sub(" ", text_).strip()) if t]
    tokens = [t.replace('"', '""') for t in tokens][:12]
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens]
    parts[-1] += "*"
    return " ".join(parts)
