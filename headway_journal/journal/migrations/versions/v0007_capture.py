"""capture: organizations' ticket patterns; recognised text of image exhibits, searchable

- ``organizations.ticket_patterns``: the shapes the organization's ticket numbers take, one
  regular expression a line (``journal.capture.patterns``); Headway's are preloaded.
- ``exhibit_texts``: the text recognised (OCR) in an image exhibit, one row per exhibit, with the
  engine that read it and, once the user corrected it, when. It is never the user's own words.
- SQLite only: the case's search document also holds the recognised text of its exhibits still
  in the case, and triggers on ``exhibit_texts`` keep it current. The text is appended only when
  there is some, so the documents of a journal without any stay byte for byte as they were and
  nothing is rebuilt on upgrade.

No table is copied (``ADD COLUMN`` and a new table), so foreign keys play no part.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = "rowid, kind, case_id, title, body"
CASE_SHIFT = 32

# The Headway shapes (the same as journal.capture.patterns.HEADWAY_TICKET_PATTERNS at 0007;
# copied so that this script never changes when the app's list does).
HEADWAY_PATTERNS = "\n".join((
    r"#\s?(\d{5,10})\b",
    r"\bticket\s{0,3}(?:number|no\.?|id|#)?\s{0,3}[:#]?\s{0,3}(\d{5,10})\b",
    r"\brequest\s{0,3}(?:number|no\.?|id|#)?\s{0,3}[:#]?\s{0,3}(\d{5,10})\b",
))

_CASE_BODY_0004 = """summary || ' ' || desired_outcome || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(cases.fields)), '') || ' ' ||
    coalesce((SELECT name FROM organizations WHERE id = cases.organization_id), '') || ' ' ||
    coalesce((SELECT group_concat(level || ' ' || owner_name || ' ' || owner_title || ' ' ||
                                  reference || ' ' || notes, ' ')
              FROM escalations WHERE case_id = cases.id), '') || ' ' ||
    coalesce((SELECT group_concat(original_name || ' ' || caption, ' ')
              FROM attachments WHERE case_id = cases.id AND removed_at IS NULL), '')"""

_OCR_PART = """ ||
    coalesce(' ' || (SELECT group_concat(t.text, ' ') FROM exhibit_texts t
                     JOIN attachments a ON a.id = t.attachment_id
                     WHERE a.case_id = cases.id AND a.removed_at IS NULL AND t.text != ''), '')"""


def _case_view(body: str) -> str:
    return (f"CREATE VIEW search_doc_case AS SELECT (id << 32) + id * 4 + 1 AS rid, "
            f"'case' AS kind, id AS case_id, title, {body} AS body, id AS src_id FROM cases")


def _refresh(row: str) -> str:
    """Replace the search document of the case that the exhibit of ``row`` belongs to."""
    case = f"(SELECT case_id FROM attachments WHERE id = {row}.attachment_id)"
    return (f"DELETE FROM search_fts WHERE rowid = ({case} << {CASE_SHIFT}) + {case} * 4 + 1; "
            f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
            f"FROM search_doc_case WHERE src_id = {case};")


TRIGGERS = (
    f"CREATE TRIGGER exhibit_texts_fts_ai AFTER INSERT ON exhibit_texts BEGIN "
    f"{_refresh('new')} END",
    f"CREATE TRIGGER exhibit_texts_fts_ad AFTER DELETE ON exhibit_texts BEGIN "
    f"{_refresh('old')} END",
    f"CREATE TRIGGER exhibit_texts_fts_au AFTER UPDATE OF attachment_id, text ON exhibit_texts "
    f"BEGIN {_refresh('old')} {_refresh('new')} END",
)
TRIGGER_NAMES = ("exhibit_texts_fts_ai", "exhibit_texts_fts_ad", "exhibit_texts_fts_au")


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(sa.Column("ticket_patterns", sa.Text(), nullable=False,
                                   server_default=""))
    op.execute(sa.text("UPDATE organizations SET ticket_patterns = :p WHERE key = 'headway'")
               .bindparams(p=HEADWAY_PATTERNS))
    op.create_table(
        "exhibit_texts",
        sa.Column("attachment_id", sa.Integer(),
                  sa.ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("engine", sa.String(length=60), nullable=False),
        sa.Column("recognised_at", sa.String(length=40), nullable=False),
        sa.Column("corrected_at", sa.String(length=40), nullable=True),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP VIEW IF EXISTS search_doc_case")
        op.execute(_case_view(_CASE_BODY_0004 + _OCR_PART))
        for sql in TRIGGERS:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP VIEW IF EXISTS search_doc_case")
        op.execute(_case_view(_CASE_BODY_0004))
    op.drop_table("exhibit_texts")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a column in place: a batch copy would lose the table's triggers
        op.execute("ALTER TABLE organizations DROP COLUMN ticket_patterns")
        op.execute("DELETE FROM search_fts WHERE kind = 'case'")
        op.execute(f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
                   f"FROM search_doc_case")
    else:
        op.drop_column("organizations", "ticket_patterns")
