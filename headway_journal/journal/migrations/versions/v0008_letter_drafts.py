"""letter drafts: one editable draft per case and letter kind, with the facts entered for it

A letter to the company or an outside body (``journal.letters``) is drafted from the case, edited,
kept here and exported. ``facts`` holds what was entered for that letter only (a statement date,
the plan's own review deadline...), which wins over the case's fields; ``sent_on``/``contact_id``
say when it went out and which logged contact records that. A new table only: nothing is copied.

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("sent_on", sa.String(length=10), nullable=True),
        sa.Column("sent_channel", sa.String(length=20), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_letter_drafts_case_kind", "letter_drafts", ["case_id", "kind"],
                    unique=True)


def downgrade() -> None:
    op.drop_index("ux_letter_drafts_case_kind", table_name="letter_drafts")
    op.drop_table("letter_drafts")
