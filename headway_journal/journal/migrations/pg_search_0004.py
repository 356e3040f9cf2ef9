"""PostgreSQL's search index, as revision 0004 makes it (frozen: a later change is a new revision).

The same documents as SQLite's FTS5 index (0004): one per case (its text, organization,
escalations and exhibits), contact (its text, tickets and promises) and note, with the same
rowid ``(case_id << 32) + id * 4 + kind``, kept in the table ``search_docs`` by triggers. Each
document's ``tsv`` is made with the text search configuration ``headway``: the ``simple``
dictionary (no stemming, like FTS5's unicode61) after ``unaccent`` (accents ignored), from the
text with punctuation turned into spaces (so "INV-2231", "a/b" and "x_y" are words side by side,
as FTS5 splits them). A GIN index serves the matches. Words are weighted A (title) and D (body)
so ranking can count the title four times.
"""

from __future__ import annotations

from alembic import op

# Every character FTS5's unicode61 tokenizer separates words by, that PostgreSQL's parser may keep
# inside a token (ASCII punctuation, Latin-1 symbols, general and CJK punctuation). Explicit
# ranges: a class such as [:punct:] depends on the database's locale.
SEPARATORS = r"[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+"
WORD_TOKENS = ("asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, "
               "hword_part, hword_numpart")

CASE_VIEW = """CREATE VIEW search_doc_case AS SELECT (id::bigint << 32) + id * 4 + 1 AS rid,
    'case'::text AS kind, id AS case_id, title::text AS title,
    summary || ' ' || desired_outcome || ' ' ||
    coalesce((SELECT string_agg(value, ' ') FROM json_each_text(cases.fields)), '') || ' ' ||
    coalesce((SELECT name FROM organizations WHERE id = cases.organization_id), '') || ' ' ||
    coalesce((SELECT string_agg(level || ' ' || owner_name || ' ' || owner_title || ' ' ||
                                reference || ' ' || notes, ' ')
              FROM escalations WHERE case_id = cases.id), '') || ' ' ||
    coalesce((SELECT string_agg(original_name || ' ' || caption, ' ')
              FROM attachments WHERE case_id = cases.id AND removed_at IS NULL), '')
    AS body, id AS src_id FROM cases"""

CONTACT_VIEW = """CREATE VIEW search_doc_contact AS
    SELECT (case_id::bigint << 32) + id * 4 + 2 AS rid,
    'contact'::text AS kind, case_id, (rep_name || ' ' || rep_title)::text AS title,
    summary || ' ' || outcome || ' ' || rep_id || ' ' ||
    coalesce((SELECT string_agg(number, ' ') FROM tickets WHERE contact_id = contacts.id), '')
    || ' ' ||
    coalesce((SELECT string_agg(text, ' ') FROM promises WHERE contact_id = contacts.id), '')
    AS body, id AS src_id FROM contacts"""

NOTE_VIEW = """CREATE VIEW search_doc_note AS SELECT (case_id::bigint << 32) + id * 4 + 3 AS rid,
    'note'::text AS kind, case_id, ''::text AS title, body, id AS src_id FROM notes"""

SETUP = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION headway (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION headway ALTER MAPPING FOR {WORD_TOKENS} "
    "WITH unaccent, simple",
    f"""CREATE FUNCTION headway_search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE
        AS $$ SELECT regexp_replace(coalesce(t, ''), '{SEPARATORS}', ' ', 'g') $$""",
    """CREATE TABLE search_docs (rid bigint PRIMARY KEY, kind varchar(10) NOT NULL,
        case_id integer NOT NULL, title text NOT NULL, body text NOT NULL,
        tsv tsvector NOT NULL DEFAULT ''::tsvector)""",
    "CREATE INDEX ix_search_docs_tsv ON search_docs USING gin (tsv)",
    "CREATE INDEX ix_search_docs_case_id ON search_docs (case_id)",
    """CREATE FUNCTION headway_search_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.tsv := setweight(to_tsvector('headway', headway_search_text(NEW.title)), 'A')
                || setweight(to_tsvector('headway', headway_search_text(NEW.body)), 'D');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER search_docs_tsv BEFORE INSERT OR UPDATE OF title, body ON search_docs
        FOR EACH ROW EXECUTE FUNCTION headway_search_tsv()""",
    CASE_VIEW, CONTACT_VIEW, NOTE_VIEW,
    # (Re)write the document of a case (k = 1), contact (2) or note (3) from its view.
    """CREATE FUNCTION headway_search_put(k integer, src integer) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        IF src IS NULL THEN RETURN; END IF;
        EXECUTE format('INSERT INTO search_docs (rid, kind, case_id, title, body) '
                       'SELECT rid, kind, case_id, title, body FROM %I WHERE src_id = $1 '
                       'ON CONFLICT (rid) DO UPDATE SET title = excluded.title, '
                       'body = excluded.body',
                       (ARRAY['search_doc_case', 'search_doc_contact', 'search_doc_note'])[k])
        USING src;
    END $$""",
    # A row with a document of its own: TG_ARGV = (kind, the column holding its case id).
    """CREATE FUNCTION headway_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE k integer := TG_ARGV[0]::integer;
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM search_docs
            WHERE rid = ((to_jsonb(OLD) ->> TG_ARGV[1])::bigint << 32) + OLD.id * 4 + k;
        END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM headway_search_put(k, NEW.id); END IF;
        RETURN NULL;
    END $$""",
    # A row that is part of its parent's document: TG_ARGV = (the parent's kind, the column
    # holding the parent's id).
    """CREATE FUNCTION headway_search_child() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE k integer := TG_ARGV[0]::integer;
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            PERFORM headway_search_put(k, (to_jsonb(OLD) ->> TG_ARGV[1])::integer);
        END IF;
        IF TG_OP <> 'DELETE' THEN
            PERFORM headway_search_put(k, (to_jsonb(NEW) ->> TG_ARGV[1])::integer);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION headway_search_organization() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM headway_search_put(1, id) FROM cases WHERE organization_id = NEW.id;
        RETURN NULL;
    END $$""",
)

OWN = (("cases", 1, "id"), ("contacts", 2, "case_id"), ("notes", 3, "case_id"))
CHILDREN = (("tickets", 2, "contact_id"), ("promises", 2, "contact_id"),
            ("escalations", 1, "case_id"), ("attachments", 1, "case_id"))
FUNCTIONS = ("headway_search_organization()", "headway_search_child()", "headway_search_own()",
             "headway_search_put(integer, integer)", "headway_search_tsv()",
             "headway_search_text(text)")


def triggers() -> tuple[str, ...]:
    out = [f"CREATE TRIGGER {t}_search AFTER INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW "
           f"EXECUTE FUNCTION headway_search_own('{k}', '{col}')" for t, k, col in OWN]
    out += [f"CREATE TRIGGER {t}_search AFTER INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW "
            f"EXECUTE FUNCTION headway_search_child('{k}', '{col}')" for t, k, col in CHILDREN]
    out.append("CREATE TRIGGER organizations_search AFTER UPDATE OF name ON organizations "
               "FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) "
               "EXECUTE FUNCTION headway_search_organization()")
    return tuple(out)


def upgrade() -> None:
    for sql in (*SETUP, *triggers()):
        op.execute(sql)
    for view in ("search_doc_case", "search_doc_contact", "search_doc_note"):
        op.execute(f"INSERT INTO search_docs (rid, kind, case_id, title, body) "
                   f"SELECT rid, kind, case_id, title, body FROM {view}")


def downgrade() -> None:
    for t, _k, _c in (*OWN, *CHILDREN, ("organizations", 0, "")):
        op.execute(f"DROP TRIGGER IF EXISTS {t}_search ON {t}")
    for view in ("search_doc_case", "search_doc_contact", "search_doc_note"):
        op.execute(f"DROP VIEW IF EXISTS {view}")
    op.execute("DROP TABLE IF EXISTS search_docs")
    for fn in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS headway")
