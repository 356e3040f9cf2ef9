"""hash chain over the change history

Adds to every history record (``changes``) its chain position, the digest of the record before
it, what it is about and that row's state, and its own SHA-256 digest (``journal.chain``). Then
starts the chain: one "chain-start" record vouching for every row as it is now; records written
before the upgrade stay as they were, before it (the chain vouches from the upgrade on).

Only columns are added (ALTER TABLE ADD COLUMN): nothing is copied, foreign keys play no part.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from headway_journal.journal.chain import start_chain

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("chain_prev", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("chain_digest", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("chain_subject", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("chain_state", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_changes_chain_subject"), ["chain_subject"],
                              unique=False)
    start_chain(op.get_bind())


def downgrade() -> None:
    op.execute("DELETE FROM changes WHERE entity = 'journal' AND action = 'chain-start'")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_changes_chain_subject"))
        for column in ("chain_state", "chain_subject", "chain_digest", "chain_prev", "chain_seq"):
            batch_op.drop_column(column)
