"""What bulk rows need from each store (the one store-specific part of the import).

SQLite: the write transaction (BEGIN IMMEDIATE) already keeps every other writer out, foreign
keys are checked at COMMIT (``PRAGMA defer_foreign_keys``), and tickets and promises go before
their contacts (``bulk._BULK_ORDER``) so each contact is indexed once. PostgreSQL: the tables
whose ids the import gives are locked against other writers (readers go on) before their next
ids are read, rows go parents first (foreign keys are checked per statement), and each table's
id sequence is moved past the ids given, so the next row added by anyone takes a free id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def order(conn: Connection, sqlite_order: Sequence[Table], parents_first: Sequence[Table]
          ) -> Sequence[Table]:
    return sqlite_order if is_sqlite(conn) else parents_first


def after_rows(conn: Connection, tables: Iterable[Table]) -> None:
    """After rows with given ids were written: each sequence continues after the largest id."""
    if is_sqlite(conn):
        return
    for t in tables:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {t.name}), false)"))
