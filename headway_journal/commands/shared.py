"""Commands for shared journals: ``admin init`` (schema and roles on a server) and ``copy-to``
(a whole journal from a folder to a server or back). See docs/shared-journal.md."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

Handler = Callable[[argparse.Namespace, Any], int]


def add_commands(sub: Any) -> dict[str, Handler]:
    c = sub.add_parser("admin", help="set up a shared journal on a PostgreSQL server",
                       description="Administer a shared journal (--database URL, as a user who "
                                   "may create roles).")
    admin = c.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    init = admin.add_parser("init", help="make the schema and the editors and readers roles",
                            description="Make (or upgrade) the schema and two roles: "
                                        "headway_editors may change the journal, headway_readers "
                                        "may only read it (the server refuses their changes).")
    init.add_argument("--editor", action="append", default=[], metavar="USER",
                      help="make this existing database user an editor (repeatable)")
    init.add_argument("--reader", action="append", default=[], metavar="USER",
                      help="make this existing database user a reader (repeatable)")
    c = sub.add_parser("copy-to", help="copy the whole journal to an empty folder or database",
                       description="Copy the whole journal (--journal DIR or --database URL) to "
                                   "TARGET, an empty folder or a postgresql:// URL, and prove "
                                   "the copy by comparing the exports of both.")
    c.add_argument("target", metavar="TARGET", help="a new or empty folder, or a database URL")
    return {"admin": cmd_admin, "copy-to": cmd_copy_to}


def cmd_admin(args: argparse.Namespace, location: Any) -> int:
    from headway_journal.cli import EXIT_OK, CliError, is_shared
    from headway_journal.journal.shared.engine import open_shared_journal
    from headway_journal.journal.shared.roles import init_roles

    if not is_shared(location):
        raise CliError("admin works on a shared journal: give --database URL.")
    journal = open_shared_journal(location)
    try:
        with journal.engine.connect() as conn:
            summary = init_roles(conn, args.editor, args.reader)
            conn.commit()
    finally:
        journal.close()
    print(summary.describe(journal.location))
    return EXIT_OK


def cmd_copy_to(args: argparse.Namespace, location: Any) -> int:
    from headway_journal.cli import EXIT_OK, CliError, echo_path, is_shared
    from headway_journal.journal.db import DB_NAME
    from headway_journal.journal.shared.copy import copy_journal
    from headway_journal.journal.shared.urls import is_database_url

    if not is_shared(location) and not (Path(location) / DB_NAME).is_file():
        raise CliError(f"There is no journal at {echo_path(location)} to copy.")
    raw: str = args.target
    target: str | Path = raw if is_database_url(raw) else Path(raw).expanduser().absolute()
    print(copy_journal(location, target).describe())
    return EXIT_OK
