"""``admin init``: the schema and two roles, enforced by the server's GRANTs.

``headway_editors`` may read and change everything; ``headway_readers`` may read everything (so
they can search, export and make case files) and the server refuses any change they attempt.
Both are group roles (NOLOGIN): people log in as their own database users, made members with
``--editor NAME`` / ``--reader NAME``. Default privileges cover tables a later upgrade adds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from headway_journal import i18n

from ..db import JournalError

EDITORS = "headway_editors"
READERS = "headway_readers"
READ_ONLY_REASON = "your database account may only read this shared journal"


@dataclass
class RolesSummary:
    created: list[str] = field(default_factory=list)
    members: dict[str, str] = field(default_factory=dict)  # login -> group role

    def describe(self, where: str) -> str:
        lines = [i18n.text("The shared journal at {where} is ready: schema made and up to "
                           "date.").format(where=where)]
        made = ", ".join(self.created) or i18n.text("none (both existed)")
        lines.append(i18n.text("Roles {editors} (read and change) and {readers} (read only); "
                               "made now: {made}.").format(editors=EDITORS, readers=READERS,
                                                           made=made))
        lines += [i18n.text("{login} is now a member of {role}.").format(login=login, role=role)
                  for login, role in self.members.items()]
        return "\n".join(lines)


def _ensure_role(conn: Connection, role: str) -> bool:
    if conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
        return False
    conn.execute(text(f"CREATE ROLE {role} NOLOGIN"))
    return True


def _grants(conn: Connection) -> None:
    quote = conn.dialect.identifier_preparer.quote
    database = quote(str(conn.scalar(text("SELECT current_database()"))))
    schema = quote(str(conn.scalar(text("SELECT current_schema()"))))
    for role in (EDITORS, READERS):
        conn.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {role}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
    conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {READERS}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} "
                      f"TO {EDITORS}"))
    conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} "
                      f"TO {EDITORS}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES "
                      f"TO {READERS}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, "
                      f"UPDATE, DELETE ON TABLES TO {EDITORS}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT, "
                      f"UPDATE ON SEQUENCES TO {EDITORS}"))


def init_roles(conn: Connection, editors: Sequence[str] = (),
               readers: Sequence[str] = ()) -> RolesSummary:
    """Make both roles (when missing), grant them this database's tables and add the given
    logins as members. Raises JournalError naming a login that does not exist."""
    summary = RolesSummary()
    for role in (EDITORS, READERS):
        if _ensure_role(conn, role):
            summary.created.append(role)
    _grants(conn)
    quote = conn.dialect.identifier_preparer.quote
    for login, role in [*((e, EDITORS) for e in editors), *((r, READERS) for r in readers)]:
        if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}):
            raise JournalError(i18n.text(
                "There is no database user {login} on this server (make it first: CREATE ROLE "
                "... LOGIN); nothing was changed.").format(login=repr(login)))
        other = READERS if role == EDITORS else EDITORS
        conn.execute(text(f"REVOKE {other} FROM {quote(login)}"))
        conn.execute(text(f"GRANT {role} TO {quote(login)}"))
        summary.members[login] = role
    return summary


def can_write(conn: Connection) -> bool:
    """Whether this connection's user may change the journal (a reader may not)."""
    return bool(conn.scalar(text("SELECT has_table_privilege('cases', 'UPDATE')")))
