"""Is a database exactly the schema of its revision? Checked before a restore trusts a file.

A backup is an SQLite file from anywhere (another disk, a download, a colleague). Besides rows it
can carry code that runs inside the journal later: a trigger that rewrites every new contact, a
view shadowing what the app reads, an extra table, an index dropped so a constraint no longer
holds. ``schema_difference(path)`` compares the file's whole schema with the one the app's own
Alembic scripts make at the file's revision:

- every table (ordinary, virtual, and FTS5's shadow tables ``search_fts_data``, ``_idx``,
  ``_docsize``, ``_config``, which the virtual table makes and which are compared like any table):
  its columns (name, declared type, NOT NULL, default, primary key, hidden), foreign keys and the
  exact CREATE statement;
- every index (automatic ones included): table, unique, origin, partial, key columns, statement;
- every trigger and view: table and statement.

Anything extra, missing or different is one line naming it. SQLite's own bookkeeping tables
(``sqlite_sequence``, ``sqlite_stat1``...: planner statistics and counters, never code) are left
out. The expected schema comes from a scratch empty database migrated to that revision, built once
per revision in this process, so every future migration is covered without a list to update.
Files are only read (``mode=ro``, ``trusted_schema=OFF``): no trigger or view of the file runs.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .db import DB_NAME, KNOWN_REVISIONS, connect_readonly, db_errors, migrate_to

__all__ = [
    "Schema",
    "SchemaError",
    "describe_differences",
    "expected_schema",
    "read_schema",
    "schema_difference",
]

INTERNAL_PREFIX = "sqlite_"  # SQLite's own tables; user objects cannot take such names
NAME_LIMIT = 80


class SchemaError(Exception):
    """The schema of a file could not be read (an unknown virtual table module, damage)."""


@dataclass(frozen=True)
class Table:
    kind: str  # "table" or "virtual table"
    columns: tuple[tuple[str, str, int, str | None, int, int], ...]  # table_xinfo
    foreign_keys: tuple[tuple[object, ...], ...]
    sql: str


@dataclass(frozen=True)
class Index:
    table: str
    unique: int
    origin: str
    partial: int
    keys: tuple[tuple[object, ...], ...]  # index_xinfo: seqno, cid, name, desc, coll, key
    sql: str


@dataclass(frozen=True)
class Attached:
    """A trigger or a view: the table it belongs to and its statement."""

    table: str
    sql: str


@dataclass(frozen=True)
class Schema:
    tables: dict[str, Table]
    indexes: dict[str, Index]
    triggers: dict[str, Attached]
    views: dict[str, Attached]
    version_rows: int  # rows in alembic_version (exactly one in a journal)


def _normal_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def show(name: str) -> str:
    """A name from a file, fit for a one-line message: control characters escaped, cut at 80."""
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in name)
    if len(text) > NAME_LIMIT:
        text = text[: NAME_LIMIT - 1] + "…"
    return f'"{text}"'


def _table(con: sqlite3.Connection, name: str, sql: str) -> Table:
    cols = tuple(
        (str(r[1]), str(r[2]), int(r[3]), None if r[4] is None else str(r[4]), int(r[5]),
         int(r[6]))
        for r in con.execute("SELECT * FROM pragma_table_xinfo(?)", (name,)))
    fks = tuple(tuple(r) for r in con.execute(
        "SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", (name,)))
    kind = "virtual table" if _normal_sql(sql).upper().startswith("CREATE VIRTUAL") else "table"
    return Table(kind, cols, fks, _normal_sql(sql))


def _index(con: sqlite3.Connection, name: str, table: str, sql: str | None) -> Index:
    listed = {str(r[1]): r for r in con.execute("SELECT * FROM pragma_index_list(?)", (table,))}
    row = listed.get(name)
    unique, origin, partial = (int(row[2]), str(row[3]), int(row[4])) if row else (-1, "?", -1)
    keys = tuple(tuple(r) for r in con.execute("SELECT * FROM pragma_index_xinfo(?)", (name,)))
    return Index(table, unique, origin, partial, keys, _normal_sql(sql))


def read_schema(path: Path) -> Schema:
    """The schema of the database file ``path`` (read-only; nothing in it runs)."""
    try:
        con = connect_readonly(path)
    except db_errors() as exc:
        raise SchemaError(f"it cannot be opened ({exc})") from exc
    try:
        con.execute("PRAGMA trusted_schema = OFF")
        rows = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables: dict[str, Table] = {}
        indexes: dict[str, Index] = {}
        triggers: dict[str, Attached] = {}
        views: dict[str, Attached] = {}
        for kind, name, table, sql in rows:
            name, table = str(name), str(table)
            if kind == "table" and not name.startswith(INTERNAL_PREFIX):
                tables[name] = _table(con, name, sql)
            elif kind == "index":
                indexes[name] = _index(con, name, table, sql)
            elif kind == "trigger":
                triggers[name] = Attached(table, _normal_sql(sql))
            elif kind == "view":
                views[name] = Attached(table, _normal_sql(sql))
        version_rows = 0
        if "alembic_version" in tables:
            version_rows = int(con.execute("SELECT count(*) FROM alembic_version").fetchone()[0])
        return Schema(tables, indexes, triggers, views, version_rows)
    except db_errors() as exc:
        raise SchemaError(f"its schema cannot be read ({exc})") from exc
    finally:
        con.close()


_cache: dict[str, Schema] = {}
_cache_lock = threading.Lock()


def expected_schema(revision: str) -> Schema:
    """The exact schema the app's migrations make at ``revision`` (built once per process)."""
    if revision not in KNOWN_REVISIONS:
        raise ValueError(f"unknown schema revision {revision!r}")
    with _cache_lock:
        cached = _cache.get(revision)
        if cached is None:
            with tempfile.TemporaryDirectory(prefix="headway-schema-") as tmp:
                scratch = Path(tmp) / DB_NAME
                migrate_to(scratch, revision)
                cached = read_schema(scratch)
            _cache[revision] = cached
        return cached


# --- comparing ----------------------------------------------------------------------------------

def _column_words(col: tuple[str, str, int, str | None, int, int]) -> str:
    name, type_, notnull, default, pk, _hidden = col
    words = [type_ or "(no type)"]
    if notnull:
        words.append("NOT NULL")
    if default is not None:
        words.append(f"DEFAULT {default}")
    if pk:
        words.append("PRIMARY KEY")
    return " ".join(words)


def _table_differences(name: str, want: Table, got: Table) -> list[str]:
    out: list[str] = []
    what = f"{want.kind} {show(name)}"
    if want.kind != got.kind:
        return [f"{show(name)} is a {got.kind}, not a {want.kind}"]
    want_cols = {c[0]: c for c in want.columns}
    got_cols = {c[0]: c for c in got.columns}
    for col in got.columns:
        if col[0] not in want_cols:
            out.append(f"{what} has an extra column {show(col[0])}")
    for col in want.columns:
        if col[0] not in got_cols:
            out.append(f"{what} is missing its column {show(col[0])}")
        elif got_cols[col[0]] != col:
            out.append(f"column {show(col[0])} of {what} is {_column_words(got_cols[col[0]])} "
                       f"instead of {_column_words(col)}")
    if not out and [c[0] for c in want.columns] != [c[0] for c in got.columns]:
        out.append(f"the columns of {what} are in another order")
    if want.foreign_keys != got.foreign_keys:
        out.append(f"{what} has different foreign keys")
    if not out and want.sql != got.sql:
        out.append(f"the definition of {what} differs (constraints or options)")
    return out


def _index_differences(name: str, want: Index, got: Index) -> list[str]:
    if want.table != got.table:
        return [f"index {show(name)} is on table {show(got.table)} instead of {show(want.table)}"]
    if want.unique != got.unique:
        return [f"index {show(name)} is {'' if got.unique else 'not '}unique"]
    if (want.keys, want.partial, want.origin, want.sql) != (got.keys, got.partial, got.origin,
                                                             got.sql):
        return [f"index {show(name)} on {show(want.table)} has a different definition"]
    return []


def _extra_and_missing(kind: str, want: dict[str, object], got: dict[str, object],
                       where: dict[str, str]) -> tuple[list[str], list[str]]:
    def on(name: str) -> str:
        table = where.get(name)
        return f" on {show(table)}" if table and table != name else ""

    extra = [f"it has an extra {kind} {show(n)}{on(n)}" for n in got if n not in want]
    missing = [f"the {kind} {show(n)}{on(n)} is missing" for n in want if n not in got]
    return extra, missing


def describe_differences(want: Schema, got: Schema) -> list[str]:
    """Every difference between two schemas, extra objects first (they are what can run)."""
    extra: list[str] = []
    missing: list[str] = []
    changed: list[str] = []
    groups: list[tuple[str, dict[str, object], dict[str, object], dict[str, str]]] = [
        ("trigger", dict(want.triggers), dict(got.triggers),
         {n: t.table for n, t in (want.triggers | got.triggers).items()}),
        ("view", dict(want.views), dict(got.views), {}),
        ("table", dict(want.tables), dict(got.tables), {}),
        ("index", dict(want.indexes), dict(got.indexes),
         {n: i.table for n, i in (want.indexes | got.indexes).items()}),
    ]
    for kind, w, g, where in groups:
        e, m = _extra_and_missing(kind, w, g, where)
        extra += e
        missing += m
    for name, trig in want.triggers.items():
        other = got.triggers.get(name)
        if other is not None and other != trig:
            changed.append(f"the trigger {show(name)} on {show(other.table)} does something else")
    for name, view in want.views.items():
        if name in got.views and got.views[name] != view:
            changed.append(f"the view {show(name)} has a different definition")
    for name, table in want.tables.items():
        if name in got.tables:
            changed += _table_differences(name, table, got.tables[name])
    for name, index in want.indexes.items():
        if name in got.indexes:
            changed += _index_differences(name, index, got.indexes[name])
    if want.version_rows != got.version_rows:
        changed.append(f"its alembic_version table has {got.version_rows} rows instead of one")
    return extra + missing + changed


def schema_difference(path: Path, revision: str) -> str | None:
    """None when ``path`` has exactly the schema of ``revision``; else one line naming the
    (first) difference, e.g. 'it has an extra trigger "t" on "contacts" (and 2 more
    differences)'."""
    try:
        got = read_schema(path)
    except SchemaError as exc:
        return str(exc)
    problems = describe_differences(expected_schema(revision), got)
    if not problems:
        return None
    more = len(problems) - 1
    tail = f" (and {more} more difference{'s' if more != 1 else ''})" if more else ""
    return problems[0] + tail
