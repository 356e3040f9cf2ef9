"""Alembic environment. The journal runs migrations itself (see journal.db.upgrade_schema), passing
an open connection with foreign keys switched off in ``config.attributes['connection']``."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from headway_journal.journal.models import Base

FTS_PREFIX = "search_fts"


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # FTS5 virtual tables and their shadow tables are managed by hand, never by autogenerate.
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIX))


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use (autogenerate during development)
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev-journal.sqlite3"
        engine = create_engine(url)
        with engine.connect() as conn:
            context.configure(
                connection=conn,
                target_metadata=Base.metadata,
                render_as_batch=True,
                include_object=include_object,
            )
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
