"""Root test configuration.

QT_QPA_PLATFORM must be set before anything imports Qt, so it sits at the very top.
User data and settings are redirected into a temporary folder so tests never touch $HOME.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="hj-tests-")
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")
os.environ["XDG_RUNTIME_DIR"] = os.path.join(_SANDBOX, "runtime")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
os.environ.pop("HEADWAY_JOURNAL_DIR", None)
# The app follows the system's language: tests expect English unless they choose another.
os.environ["LANGUAGE"] = "en"

# PySide6 6.12.0 drops a reference to True on every Signal.emit (headway_journal/ui/bool_guard.py):
# without this a long test run aborts with "Fatal Python error: bool_dealloc". No Qt is loaded.
from headway_journal.ui.bool_guard import guard_bool_singletons  # noqa: E402

guard_bool_singletons()

import socket  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def journal_dir(tmp_path: Path) -> Path:
    """A fresh, not yet created journal folder."""
    return tmp_path / "journal"


@pytest.fixture
def cases_export(tmp_path: Path) -> Any:
    """A factory: ``cases_export(n, contacts=0, title="Case")`` exports a journal of ``n``
    Headway billing cases ("Case 0", ... keyed "case-0", ...), each with ``contacts`` phone
    calls, to ``<tmp>/out/cases.json``; returns that path."""
    from datetime import UTC, datetime

    from headway_journal.journal.interchange import export_journal
    from headway_journal.journal.records import CaseInput, ContactInput
    from headway_journal.journal.service import JournalService

    def make(cases: int, contacts: int = 0, title: str = "Case") -> Path:
        out = tmp_path / "out" / "cases.json"
        with JournalService.open(tmp_path / "exported-from") as svc:
            org = svc.organization_by_key("headway")
            assert org is not None
            for n in range(cases):
                cid = svc.create_case(CaseInput(
                    title=f"{title} {n}", organization_id=org.id, issue_type="billing",
                    role="client", key=f"{title.lower()}-{n}"))
                for day in range(2, 2 + contacts):
                    svc.log_contact(cid, ContactInput(
                        started_at=datetime(2026, 11, day, 9, tzinfo=UTC), channel="phone",
                        summary=f"Call {day} about case {n}"))
            out.parent.mkdir(exist_ok=True)
            export_journal(svc, out)
        return out

    return make


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every socket the test tries to make is refused and recorded (storage, CLI and GUI)."""
    attempts: list[str] = []

    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            attempts.append(f"socket{args}")
            raise OSError("network access attempted")

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(f"connect{args}")
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


# A PostgreSQL server for the shared-journal tests (tests/pg_server.py): one per session, a
# database per test copied from a template holding the schema. Skipped when not installed.
from collections.abc import Iterator  # noqa: E402

from pg_server import PgServer, find_bin_dir  # noqa: E402


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("the PostgreSQL server is not installed (Debian: apt-get install postgresql)")
    server = PgServer(bin_dir)
    server.start()
    try:
        server.make_template()
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of a database of this test's own holding an empty journal's schema."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a journal goes, once per store: a folder (SQLite) and a database URL (PostgreSQL)."""
    if request.param == "sqlite":
        return tmp_path / "journal"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def another_store(store: str | Path, tmp_path: Path,
                  request: pytest.FixtureRequest) -> Iterator[Any]:
    """Makes more places for journals on the same store as ``store`` (a folder each, or a
    database each), for tests that copy or import from one journal into another."""
    made: list[str] = []
    count = iter(range(1, 1000))

    def make() -> str | Path:
        if isinstance(store, Path):
            return tmp_path / f"journal-{next(count)}"
        server: PgServer = request.getfixturevalue("pg_server")
        name = server.new_database()
        made.append(name)
        return server.url(name)

    yield make
    if made:
        server = request.getfixturevalue("pg_server")
        for name in made:
            server.drop_database(name)
