"""search what the case file shows; each search document's rowid names its case

Search found cases, contacts and notes by their own text only: an escalation's owner or
reference, the organization's name, an exhibit's caption or file name and a promise's words
found nothing. Now the case document also holds the organization's name, every escalation
(level, owner, owner's title, reference, notes) and every exhibit still in the case (file name
and caption); the contact document also holds its promises. Triggers keep them current when an
escalation, exhibit, ticket or promise is added, changed or removed, and when an organization is
renamed.

The rowid of a document becomes ``(case_id << 32) + id * 4 + kind`` (kind 1 case, 2 contact,
3 note; it was ``id * 4 + kind``), so the cases a text matches are read from the index alone
(``rowid >> 32``) without fetching each matching document: the case list's text filter no
longer reads tens of thousands of rows. The views gain ``src_id`` (the row's own id), which the
triggers look documents up by (a primary key), so 0003's expression indexes are dropped. The
index is rebuilt from the new documents.

No table is altered, so nothing is copied and foreign keys play no part.

On PostgreSQL this revision makes that store's own search index in one step
(``migrations/pg_search_0004``: tsvector with unaccent, GIN index, triggers).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

from alembic import op

from headway_journal.journal.migrations import pg_search_0004

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = "rowid, kind, case_id, title, body"
CASE_SHIFT = 32  # rowid = (case_id << 32) + id * 4 + kind

CASE_VIEW = """CREATE VIEW search_doc_case AS SELECT (id << 32) + id * 4 + 1 AS rid,
    'case' AS kind, id AS case_id, title,
    summary || ' ' || desired_outcome || ' ' ||
    coalesce((SELECT group_concat(value, ' ') FROM json_each(cases.fields)), '') || ' ' ||
    coalesce((SELECT name FROM organizations WHERE id = cases.organization_id), '') || ' ' ||
    coalesce((SELECT group_concat(level || ' ' || owner_name || ' ' || owner_title || ' ' ||
                                  reference || ' ' || notes, ' ')
              FROM escalations WHERE case_id = cases.id), '') || ' ' ||
    coalesce((SELECT group_concat(original_name || ' ' || caption, ' ')
              FROM attachments WHERE case_id = cases.id AND removed_at IS NULL), '')
    AS body, id AS src_id FROM cases"""

CONTACT_VIEW = """CREATE VIEW search_doc_contact AS SELECT (case_id << 32) + id * 4 + 2 AS rid,
    'contact' AS kind, case_id, rep_name || ' ' || rep_title AS title,
    summary || ' ' || outcome || ' ' || rep_id || ' ' ||
    coalesce((SELECT group_concat(number, ' ') FROM tickets WHERE contact_id = contacts.id), '')
    || ' ' ||
    coalesce((SELECT group_concat(text, ' ') FROM promises WHERE contact_id = contacts.id), '')
    AS body, id AS src_id FROM contacts"""

NOTE_VIEW = """CREATE VIEW search_doc_note AS SELECT (case_id << 32) + id * 4 + 3 AS rid,
    'note' AS kind, case_id, '' AS title, body, id AS src_id FROM notes"""

VIEWS = ("search_doc_case", "search_doc_contact", "search_doc_note")

# Every search trigger 0001 made (they compute the old rowids) and the ones made here.
OLD_TRIGGERS = tuple(f"{t}_fts_{e}" for t in ("cases", "contacts", "notes", "tickets")
                     for e in ("ai", "ad", "au"))
NEW_TRIGGERS = (*OLD_TRIGGERS,
                *(f"{t}_fts_{e}" for t in ("escalations", "attachments", "promises")
                  for e in ("ai", "ad", "au")), "organizations_fts_au")
OLD_INDEXES = ("ix_cases_search_rid", "ix_contacts_search_rid", "ix_notes_search_rid")


def _refresh(view: str, rid: str, src: str) -> str:
    """Replace the document whose rowid is ``rid`` with the row ``src`` of ``view``."""
    return (f"DELETE FROM search_fts WHERE rowid = {rid}; "
            f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
            f"FROM {view} WHERE src_id = {src};")


def _own_triggers(table: str, view: str, kind: int, case: str) -> tuple[str, ...]:
    """Triggers of a table with its own documents (``case``: its case id column)."""
    def rid(row: str) -> str:
        return f"({row}.{case} << {CASE_SHIFT}) + {row}.id * 4 + {kind}"

    insert = (f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
              f"FROM {view} WHERE src_id = new.id;")
    delete = f"DELETE FROM search_fts WHERE rowid = {rid('old')};"
    return (
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    )


def _child_triggers(table: str, parent: str, columns: str) -> tuple[str, ...]:
    """Triggers of a table whose rows are part of a case's (``parent`` = "case_id") or a
    contact's ("contact_id") document; an update counts only when it sets ``columns``."""
    def refresh(row: str) -> str:
        ref = f"{row}.{parent}"
        if parent == "case_id":
            rid = f"({ref} << {CASE_SHIFT}) + {ref} * 4 + 1"
            return _refresh("search_doc_case", rid, ref)
        rid = f"(SELECT (case_id << {CASE_SHIFT}) + id * 4 + 2 FROM contacts WHERE id = {ref})"
        return _refresh("search_doc_contact", rid, ref)

    return (
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {refresh('new')} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {refresh('old')} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {parent}, {columns} ON {table} "
        f"BEGIN {refresh('old')} {refresh('new')} END",
    )


ORGANIZATION_TRIGGER = f"""CREATE TRIGGER organizations_fts_au AFTER UPDATE OF name
    ON organizations WHEN old.name IS NOT new.name BEGIN
    DELETE FROM search_fts WHERE rowid IN
        (SELECT (id << {CASE_SHIFT}) + id * 4 + 1 FROM cases WHERE organization_id = new.id);
    INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body
        FROM search_doc_case WHERE src_id IN (SELECT id FROM cases WHERE organization_id = new.id);
    END"""


def _rebuild() -> None:
    op.execute("DELETE FROM search_fts")
    for view in VIEWS:
        op.execute(f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
                   f"FROM {view}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # PostgreSQL: its own search index, made whole
        pg_search_0004.upgrade()
        return
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in OLD_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for sql in (CASE_VIEW, CONTACT_VIEW, NOTE_VIEW,
                *_own_triggers("cases", "search_doc_case", 1, "id"),
                *_own_triggers("contacts", "search_doc_contact", 2, "case_id"),
                *_own_triggers("notes", "search_doc_note", 3, "case_id"),
                *_child_triggers("tickets", "contact_id", "number"),
                *_child_triggers("promises", "contact_id", "text"),
                *_child_triggers("escalations", "case_id",
                                 "level, owner_name, owner_title, reference, notes"),
                *_child_triggers("attachments", "case_id", "original_name, caption, removed_at"),
                ORGANIZATION_TRIGGER):
        op.execute(sql)
    _rebuild()


# 0003's documents, triggers and indexes (for downgrade): rowid id * 4 + kind.
OLD_VIEWS = (
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
OLD_INDEX_SQL = ("CREATE INDEX ix_cases_search_rid ON cases (id * 4 + 1)",
                 "CREATE INDEX ix_contacts_search_rid ON contacts (id * 4 + 2)",
                 "CREATE INDEX ix_notes_search_rid ON notes (id * 4 + 3)")


def _old_triggers() -> tuple[str, ...]:
    out: list[str] = []
    for table, view, code in (("cases", "search_doc_case", 1),
                              ("contacts", "search_doc_contact", 2),
                              ("notes", "search_doc_note", 3)):
        ins = (f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
               f"FROM {view} WHERE rid = new.id * 4 + {code};")
        dele = f"DELETE FROM search_fts WHERE rowid = old.id * 4 + {code};"
        out += [f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {ins} END",
                f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {dele} END",
                f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN {dele} {ins} END"]
    new, old = (f"DELETE FROM search_fts WHERE rowid = {r}.contact_id * 4 + 2; "
                f"INSERT INTO search_fts({COLUMNS}) SELECT rid, kind, case_id, title, body "
                f"FROM search_doc_contact WHERE rid = {r}.contact_id * 4 + 2;"
                for r in ("new", "old"))
    out += [f"CREATE TRIGGER tickets_fts_ai AFTER INSERT ON tickets BEGIN {new} END",
            f"CREATE TRIGGER tickets_fts_ad AFTER DELETE ON tickets BEGIN {old} END",
            f"CREATE TRIGGER tickets_fts_au AFTER UPDATE ON tickets BEGIN {old} {new} END"]
    return tuple(out)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        pg_search_0004.downgrade()
        return
    for name in NEW_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for sql in (*OLD_VIEWS, *_old_triggers(), *OLD_INDEX_SQL):
        op.execute(sql)
    _rebuild()
