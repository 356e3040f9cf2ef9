"""indexes for the search triggers

The FTS triggers (0001) find the document of a new or changed row through the search_doc_*
views, whose rowid is an expression (``id * 4 + 2`` for a contact). Without an index on that
expression every insert or update of a case, contact, ticket or note scanned its whole table,
so logging contacts got slower as the journal grew (an import of 100,000 contacts was quadratic).
SQLite uses an index on exactly the same expression; these three make each trigger a lookup.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 17:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (index, table, the expression used as ``rid`` in the matching search_doc_* view)
INDEXES = (
    ("ix_cases_search_rid", "cases", "id * 4 + 1"),
    ("ix_contacts_search_rid", "contacts", "id * 4 + 2"),
    ("ix_notes_search_rid", "notes", "id * 4 + 3"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # SQLite's search only
        return
    for name, table, expr in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expr})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, _table, _expr in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
