"""capture source and exhibit provenance

Every contact says how it was captured (``contacts.source``: typed, email, transcript,
ocr-suggestion; existing contacts were typed) and what recognises it again when it was captured
from a message (``contacts.capture_ref``: the Message-ID, else "sha256:" and the message's hash),
so the same e-mail is not logged twice. Every exhibit says where it came from
(``attachments.provenance``, a JSON object: {"kind": "pasted"|"dropped"|"file"|"screen"|
"email"|"imported"|..., and details such as the original name and mtime, the screen and time,
the message's subject and Message-ID}; existing exhibits have {}: not recorded).

Only columns are added (ALTER TABLE ADD COLUMN, no copy), so no row moves and foreign keys play
no part. (A case's references are read through its contacts' (case_id, started_utc) index; a
case holds few contacts.) Dialect-neutral.

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-01 16:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=20), nullable=False,
                                      server_default="typed"))
        batch_op.add_column(sa.Column("capture_ref", sa.String(length=300), nullable=False,
                                      server_default=""))
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provenance", sa.JSON(), nullable=False,
                                      server_default="{}"))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would trip over the search
    # triggers that name it, and no trigger or index uses these columns.
    for table, column in (("attachments", "provenance"), ("contacts", "capture_ref"),
                          ("contacts", "source")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
