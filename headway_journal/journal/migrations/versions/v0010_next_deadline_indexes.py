"""indexes for the next deadline of each case

The case list and the sidebar's "Due" count read each case's next deadline: the earliest due
date of its pending promises, over its contacts not deleted. Both stores get a partial index of
the pending promises by contact with their due dates, so that part is read from the index alone
(a few thousand entries, however many promises were kept or broken). PostgreSQL also gets the
live contacts' ids with their case id (a covering partial index), so each pending promise finds
its case without reading the contacts table; without it the server read all the contacts for
every count (the 100,000-contact journal: 80 ms, 15 ms with it; docs/shared-journal.md). SQLite
reads a contact's case id from the row its id points at already.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PENDING = sa.text("status = 'pending'")
LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.create_index("ix_promises_pending_due", "promises", ["contact_id", "due_date"],
                    sqlite_where=PENDING, postgresql_where=PENDING)
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_contacts_live_case", "contacts", ["id"],
                        postgresql_include=["case_id"], postgresql_where=LIVE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_contacts_live_case", table_name="contacts")
    op.drop_index("ix_promises_pending_due", table_name="promises")
