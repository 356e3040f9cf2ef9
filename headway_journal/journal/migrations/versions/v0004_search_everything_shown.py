"""search what the case file shows

Search found cases, contacts and notes by their own text only: an escalation's owner or
reference, the organization's name, an exhibit's caption or file name and a promise's words
found nothing. Now the case document also holds the organization's name, every escalation
(level, owner, owner's title, reference, notes) and every exhibit still in the case (file name
and caption); the contact document also holds its promises. Triggers keep them current when an
escalation, exhibit or promise is added, changed or removed, and when an organization is
renamed. The index is rebuilt from the new documents.

No table is altered, so nothing is copied and foreign keys play no part. The rowids stay
``id * 4 + 1`` (case), ``+ 2`` (contact), ``+ 3`` (note), so 0003's indexes still serve.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = "rowid, kind, case_id, title, body"

CASE_VIEW = """CREATE VIEW search_doc_case AS SELECT id * 4 + 1 AS rid, 'case' AS kind,
    id AS case_id, title,
    summary || ' ' || desired_outcome || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(cases.fields)), '') || ' ' ||
    coalesce((SELECT name FROM organizations WHERE id = cases.organization_id), '') || ' ' ||
    coalesce((SELECT group_concat(level || ' ' || owner_name || ' ' || owner_title || ' ' ||
                                  reference || ' ' || notes, ' ')
              FROM escalations WHERE case_id = cases.id), '') || ' ' ||
    coalesce((SELECT group_concat(original_name || ' ' || caption, ' ')
              FROM attachments WHERE case_id = cases.id AND removed_at IS NULL), '')
    AS body FROM cases"""

CONTACT_VIEW = """CREATE VIEW search_doc_contact AS SELECT id * 4 + 2 AS rid,
    'contact' AS kind, case_id, rep_name || ' ' || rep_title AS title,
    summary || ' ' || outcome || ' ' || rep_id || ' ' ||
    coalesce((SELECT group_concat(number, ' ') FROM tickets WHERE contact_id = contacts.id), '')
    || ' ' ||
    coalesce((SELECT group_concat(text, ' ') FROM promises WHERE contact_id = contacts.id), '')
    AS body FROM contacts"""

# The views as 0001 made them (for downgrade).
OLD_CASE_VIEW = """CREATE VIEW search_doc_case AS SELECT id * 4 + 1 AS rid, 'case' AS kind,
    id AS case_id, title, summary || ' ' || desired_outcome || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(cases.fields)), '') AS body
    FROM cases"""
OLD_CONTACT_VIEW = """CREATE VIEW search_doc_contact AS SELECT id * 4 + 2 AS rid,
    'contact' AS kind, case_id, rep_name || ' ' || rep_title AS title,
    summary || ' ' || outcome || ' ' || rep_id || ' ' ||
    coalesce((SELECT group_concat(number, ' ') FROM tickets WHERE contact_id = contacts.id), '')
    AS body FROM contacts"""


def _refresh(view: str, rid: str) -> str:
    """Statements that replace the document ``rid`` (an expression) with its view's row."""
    return (f"DELETE FROM search_fts WHERE rowid = {rid}; "
            f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
            f"FROM {view} WHERE rid = {rid};")


def _child_triggers(table: str, view: str, parent: str, code: int,
                    columns: str) -> tuple[str, ...]:
    """Triggers on ``table`` whose rows belong to the document of ``parent`` (a column); an
    update refreshes it only when one of ``columns`` (those in the document) is set."""
    new, old = (_refresh(view, f"{row}.{parent} * 4 + {code}") for row in ("new", "old"))
    return (
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {new} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {old} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {parent}, {columns} ON {table} "
        f"BEGIN {old} {new} END",
    )


ORGANIZATION_TRIGGER = f"""CREATE TRIGGER organizations_fts_au AFTER UPDATE OF name
    ON organizations WHEN old.name IS NOT new.name BEGIN
    DELETE FROM search_fts WHERE rowid IN
        (SELECT id * 4 + 1 FROM cases WHERE organization_id = new.id);
    INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body
        FROM search_doc_case WHERE case_id IN (SELECT id FROM cases WHERE organization_id = new.id);
    END"""

NEW_TRIGGERS = ("escalations_fts_ai", "escalations_fts_ad", "escalations_fts_au",
                "attachments_fts_ai", "attachments_fts_ad", "attachments_fts_au",
                "promises_fts_ai", "promises_fts_ad", "promises_fts_au", "organizations_fts_au")


def _rebuild() -> None:
    op.execute("DELETE FROM search_fts")
    for view in ("search_doc_case", "search_doc_contact", "search_doc_note"):
        op.execute(f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
                   f"FROM {view}")


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS search_doc_case")
    op.execute("DROP VIEW IF EXISTS search_doc_contact")
    op.execute(CASE_VIEW)
    op.execute(CONTACT_VIEW)
    for sql in (*_child_triggers("escalations", "search_doc_case", "case_id", 1,
                                 "level, owner_name, owner_title, reference, notes"),
                *_child_triggers("attachments", "search_doc_case", "case_id", 1,
                                 "original_name, caption, removed_at"),
                *_child_triggers("promises", "search_doc_contact", "contact_id", 2, "text"),
                ORGANIZATION_TRIGGER):
        op.execute(sql)
    _rebuild()


def downgrade() -> None:
    for name in NEW_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP VIEW IF EXISTS search_doc_case")
    op.execute("DROP VIEW IF EXISTS search_doc_contact")
    op.execute(OLD_CASE_VIEW)
    op.execute(OLD_CONTACT_VIEW)
    _rebuild()
