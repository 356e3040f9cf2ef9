"""What bulk rows need from each store (the one store-specific part of the import).

SQLite: the write transaction (BEGIN IMMEDIATE) already keeps every other writer out, foreign
keys are checked at COMMIT (``PRAGMA defer_foreign_keys``), and tickets and promises go before
their contacts (``bulk._BULK_ORDER``) so each contact is indexed once. PostgreSQL: the tables
whose ids the import gives are locked against other writers (readers go on) before their next
ids are read, rows go parents first (foreign keys are checked per statement) with the search
triggers stepping aside (each new document is written once afterwards, not once per ticket and
promise), and each table's id sequence is moved past the ids given, so the next row added by
anyone takes a free id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, text


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def reserve_ids(conn: Connection, tables: Iterable[Table]) -> None:
    """Before the next free ids are read: keep other writers out of these tables."""
    if is_sqlite(conn):
        return  # BEGIN IMMEDIATE did
    names = ", ".join(t.name for t in tables)
    conn.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))


def begin_rows(conn: Connection) -> None:
    if is_sqlite(conn):
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        return
    # the search triggers step aside (migration 0009); after_rows writes each document once
    conn.execute(text("SELECT set_config('headway.bulk_search', 'on', true)"))


# Whose search document a row is part of: (kind, the column holding that row's id), kind 1 a
# case's, 2 a contact's, 3 a note's (migrations/pg_search_0004).
_DOCUMENT_OF = {"cases": (1, "id"), "contacts": (2, "id"), "notes": (3, "id"),
                "tickets": (2, "contact_id"), "promises": (2, "contact_id"),
                "escalations": (1, "case_id"), "attachments": (1, "case_id")}


def documents(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
              ) -> set[tuple[int, int]]:
    """The search documents the rows are part of (PostgreSQL; SQLite's triggers did it)."""
    if is_sqlite(conn) or table.name not in _DOCUMENT_OF:
        return set()
    kind, column = _DOCUMENT_OF[table.name]
    return {(kind, int(r[column])) for r in rows if r.get(column) is not None}


def order(conn: Connection, sqlite_order: Sequence[Table], parents_first: Sequence[Table]
          ) -> Sequence[Table]:
    return sqlite_order if is_sqlite(conn) else parents_first


def after_rows(conn: Connection, tables: Iterable[Table],
               docs: Iterable[tuple[int, int]] = ()) -> None:
    """After rows with given ids were written: each search document they are part of written
    once, and each sequence continued after the largest id."""
    if is_sqlite(conn):
        return
    conn.execute(text("SELECT set_config('headway.bulk_search', 'off', true)"))
    pairs = sorted(set(docs))
    if pairs:
        conn.execute(text("SELECT headway_search_put(k, i) FROM unnest(CAST(:k AS integer[]), "
                          "CAST(:i AS integer[])) AS t(k, i)"),
                     {"k": [k for k, _i in pairs], "i": [i for _k, i in pairs]})
    for t in tables:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {t.name}), false)"))
