"""version counters and who made each change

Every editable record (cases, contacts, notes, organizations, escalations, exhibits) gets
``version``, starting at 1 and raised by each save, so a save made from an older copy is refused
(optimistic concurrency: on a shared journal two people may edit one case at once). Each history
row gets ``made_by``: the database user who made the change (a shared journal; empty in a folder).

On PostgreSQL it also makes ``exhibit_blobs`` and ``exhibit_chunks`` (a shared journal keeps its
exhibits in the database), triggers that NOTIFY open windows of every change, and lets an
import's bulk rows skip the per-row search triggers (it writes each new document once). Dialect-neutral otherwise: columns added with constant server defaults (SQLite's ALTER TABLE ADD COLUMN:
no table is copied).

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-01 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from headway_journal.journal.migrations import pg_search_0004

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None

VERSIONED = ("cases", "contacts", "notes", "organizations", "escalations", "attachments")


def _create_exhibit_tables() -> None:
    """PostgreSQL: exhibits live in the database (``shared.blobs``), content-addressed and
    chunked, so one pg_dump backs up everything. (A folder journal keeps them as files.)"""
    op.create_table(
        "exhibit_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "exhibit_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "n"),
    )


# PostgreSQL: every change to these tables tells the open windows (LISTEN headway_journal),
# once per statement, naming the table (``shared.listen``).
NOTIFIED = ("cases", "contacts", "notes", "tickets", "promises", "escalations", "attachments",
            "organizations", "channels", "settings")
NOTIFY_FUNCTION = """CREATE FUNCTION headway_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('headway_journal', TG_TABLE_NAME);
        RETURN NULL;
    END $$"""


# PostgreSQL: the search triggers step aside while an import writes rows in bulk (the import sets
# ``headway.bulk_search`` for its transaction and writes each new document once at the end,
# ``interchange.bulk_store``), instead of rewriting a contact's document for every ticket and
# promise. Everything else keeps them as 0004 made them.
BULK_GUARD = ("IF current_setting('headway.bulk_search', true) = 'on' THEN RETURN NULL; "
              "END IF;")


def _guarded_search_functions(guard: str) -> tuple[str, ...]:
    out = []
    for sql in pg_search_0004.SETUP:
        if "FUNCTION headway_search_own()" in sql or "FUNCTION headway_search_child()" in sql:
            head, _, body = sql.partition("BEGIN")
            out.append(head.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")
                       + "BEGIN " + guard + body)
    return tuple(out)


def _create_notify_triggers() -> None:
    op.execute(NOTIFY_FUNCTION)
    for table in NOTIFIED:
        op.execute(f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION headway_notify()")


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both stores (a batch would copy each table on SQLite,
    # which the search views refer to).
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default=sa.text("1")))
    op.add_column("changes", sa.Column("made_by", sa.String(length=100), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        _create_exhibit_tables()
        _create_notify_triggers()
        for sql in _guarded_search_functions(BULK_GUARD):
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table in NOTIFIED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        op.execute("DROP FUNCTION IF EXISTS headway_notify()")
        for sql in _guarded_search_functions(""):
            op.execute(sql)
        op.drop_table("exhibit_chunks")
        op.drop_table("exhibit_blobs")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_column("made_by")
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
