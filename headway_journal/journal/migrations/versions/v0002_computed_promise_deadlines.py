"""computed promise deadlines

Adds promises.due_date / due_at. Existing promises get their dates computed by the service the
first time the journal is opened after the upgrade (it needs the user"s holiday calendar).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 16:49:48.170717
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_date", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("due_at", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_promises_due_date"), ["due_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("promises", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promises_due_date"))
        batch_op.drop_column("due_at")
        batch_op.drop_column("due_date")
