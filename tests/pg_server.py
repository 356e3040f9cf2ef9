"""A private PostgreSQL server for the test suite (and bench/): started once, on a Unix socket in
a folder of its own (never on the network), stopped at the end.

initdb and postgres refuse to run as root, so when the suite runs as root the server runs as the
``postgres`` user Debian's package creates (or ``nobody``). Each test gets a database of its own,
copied from a template that already holds the schema (``CREATE DATABASE ... TEMPLATE``), so no
test pays for initdb or the migrations.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PG_BINARIES = (Path("/usr/lib/postgresql/17/bin"), Path("/usr/lib/postgresql/16/bin"),
               Path("/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
TEMPLATE = "hj_template"


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when the server is not installed."""
    for d in PG_BINARIES:
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file():
            return d
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    return None


def _server_user() -> str | None:
    """Who runs the server: None (this user) unless we are root."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd  # (POSIX only; the module is imported on every system by conftest.py)

    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    return None


class PgServer:
    """One running server; ``url(db)`` for a database on it, ``new_database()`` for a test."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="hj-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root
        self.user = _server_user()
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {r.stderr.strip() or r.stdout.strip()}")

    def start(self) -> None:
        if self.user is not None:
            import pwd

            info = pwd.getpwnam(self.user)
            os.chown(self.root, info.pw_uid, info.pw_gid)
        os.chmod(self.root, 0o700)
        self._run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                  "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.root / "server.log"), "-w", "-s", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                      "-w", "-s", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@/{database}?host={self.socket_dir}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), user=SUPERUSER, dbname="postgres",
                             autocommit=True) as con:
            con.execute(sql)  # type: ignore[arg-type]

    def make_template(self) -> None:
        """The template database: the journal's schema at its newest revision."""
        from headway_journal.journal.shared.engine import migrate_url

        self.admin(f"CREATE DATABASE {TEMPLATE}")
        migrate_url(self.url(TEMPLATE))

    def new_database(self, *, empty: bool = False) -> str:
        """A database of its own for one test (a copy of the template unless ``empty``)."""
        name = f"hj_test_{next(self._names)}"
        template = "template0" if empty else TEMPLATE
        self.admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
