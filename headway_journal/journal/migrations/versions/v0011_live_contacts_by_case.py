"""an index of each case's contacts not deleted

Every page of the case list shows, for each of its (up to 100) cases, how many contacts it has
and its next deadline; both read the case's contacts that are not deleted. Through the index of
contacts by case SQLite still read every contact's row to see whether it was deleted: on the
100,000-contact journal the first page of cases with promises pending (~4,900 contacts) took
~6 ms for the counts alone. A partial index of the live contacts by case answers the counts
from the index (0.4 ms; docs/performance.md, item 20). Made on both stores.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.create_index("ix_contacts_case_live", "contacts", ["case_id"],
                    sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    op.drop_index("ix_contacts_case_live", table_name="contacts")
