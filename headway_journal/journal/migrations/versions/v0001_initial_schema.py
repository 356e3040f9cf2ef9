"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 16:48:23.767673
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

FTS_SQL = (
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        kind UNINDEXED, case_id UNINDEXED, title, body,
        tokenize = 'unicode61 remove_diacritics 2')""",
    # One document per case (rowid id*4+1), contact (id*4+2) and note (id*4+3).
    """CREATE VIEW search_doc_case AS SELECT id * 4 + 1 AS rid, 'case' AS kind, id AS case_id,
        title, summary || ' ' || desired_outcome || ' ' ||
        coalesce((SELECT group_concat(value, ' ') FROM json_each(cases.fields)), '') AS body
        FROM cases""",
    """CREATE VIEW search_doc_contact AS SELECT id * 4 + 2 AS rid, 'contact' AS kind, case_id,
        rep_name || ' ' || rep_title AS title,
        summary || ' ' || outcome || ' ' || rep_id || ' ' ||
        coalesce((SELECT group_concat(number, ' ') FROM tickets WHERE contact_id = contacts.id), '')
        AS body FROM contacts""",
    """CREATE VIEW search_doc_note AS SELECT id * 4 + 3 AS rid, 'note' AS kind, case_id,
        '' AS title, body FROM notes""",
)


def _triggers(table: str, view: str, code: int) -> tuple[str, ...]:
    ins = (
        f"INSERT INTO search_fts(rowid, kind, case_id, title, body) "
        f"SELECT rid, kind, case_id, title, body FROM {view} WHERE rid = new.id * 4 + {code};"
    )
    dele = f"DELETE FROM search_fts WHERE rowid = old.id * 4 + {code};"
    return (
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {ins} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {dele} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN {dele} {ins} END",
    )


def _ticket_triggers() -> tuple[str, ...]:
    def refresh(row: str) -> str:
        return (
            f"DELETE FROM search_fts WHERE rowid = {row}.contact_id * 4 + 2; "
            f"INSERT INTO search_fts(rowid, kind, case_id, title, body) "
            f"SELECT rid, kind, case_id, title, body FROM search_doc_contact "
            f"WHERE rid = {row}.contact_id * 4 + 2;"
        )

    return (
        f"CREATE TRIGGER tickets_fts_ai AFTER INSERT ON tickets BEGIN {refresh('new')} END",
        f"CREATE TRIGGER tickets_fts_ad AFTER DELETE ON tickets BEGIN {refresh('old')} END",
        f"CREATE TRIGGER tickets_fts_au AFTER UPDATE ON tickets BEGIN {refresh('old')} "
        f"{refresh('new')} END",
    )


def _create_search() -> None:
    statements = (
        *FTS_SQL,
        *_triggers("cases", "search_doc_case", 1),
        *_triggers("contacts", "search_doc_contact", 2),
        *_triggers("notes", "search_doc_note", 3),
        *_ticket_triggers(),
    )
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:

    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_changes_case_id"), ["case_id"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("issue_type", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opened_on", sa.String(length=10), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("desired_outcome", sa.Text(), nullable=False),
        sa.Column("amount_disputed", sa.String(length=32), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("deleted_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_issue_type"), ["issue_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cases_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cases_status"), ["status"], unique=False)

    op.create_table(
        "channels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=300), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("hours", sa.String(length=100), nullable=False),
        sa.Column("timezone", sa.String(length=60), nullable=False),
        sa.Column("verified_on", sa.String(length=10), nullable=True),
        sa.Column("verified_from", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_channels_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.String(length=40), nullable=False),
        sa.Column("started_utc", sa.String(length=20), nullable=False),
        sa.Column("ended_at", sa.String(length=40), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("hold_minutes", sa.Integer(), nullable=False),
        sa.Column("rep_name", sa.String(length=200), nullable=False),
        sa.Column("rep_title", sa.String(length=200), nullable=False),
        sa.Column("rep_id", sa.String(length=100), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("deleted_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_case_started", ["case_id", "started_utc"], unique=False)
        batch_op.create_index("ux_contacts_case_key", ["case_id", "key"], unique=True)

    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_case_id"), ["case_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("preview_ok", sa.Boolean(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.String(length=40), nullable=False),
        sa.Column("removed_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("requested_on", sa.String(length=10), nullable=False),
        sa.Column("level", sa.String(length=100), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("owner_title", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_escalations_case_id"), ["case_id"], unique=False)

    op.create_table(
        "promises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("business_days", sa.Integer(), nullable=True),
        sa.Column("hours", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("status_changed_at", sa.String(length=40), nullable=True),
        sa.Column("notified_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promises_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_promises_status"), ["status"], unique=False)

    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_number"), ["number"], unique=False)

    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL's search comes with 0004
        _create_search()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_doc_case", "search_doc_contact", "search_doc_note"):
            op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_number"))
        batch_op.drop_index(batch_op.f("ix_tickets_contact_id"))

    op.drop_table("tickets")
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promises_status"))
        batch_op.drop_index(batch_op.f("ix_promises_contact_id"))

    op.drop_table("promises")
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalations_case_id"))

    op.drop_table("escalations")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachments_contact_id"))
        batch_op.drop_index(batch_op.f("ix_attachments_case_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_case_id"))

    op.drop_table("notes")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ux_contacts_case_key")
        batch_op.drop_index("ix_contacts_case_started")

    op.drop_table("contacts")
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channels_organization_id"))

    op.drop_table("channels")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_status"))
        batch_op.drop_index(batch_op.f("ix_cases_organization_id"))
        batch_op.drop_index(batch_op.f("ix_cases_issue_type"))
        batch_op.drop_index(batch_op.f("ix_cases_deleted_at"))

    op.drop_table("cases")
    op.drop_table("settings")
    op.drop_table("organizations")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_case_id"))

    op.drop_table("changes")
