"""Database URLs: which option names a server, reading one, and showing one safely.

A journal is either a folder (SQLite, the default) or a ``postgresql://`` URL. Every libpq
parameter in the URL's query is passed to the server connection as it is, so TLS settings
(``sslmode=verify-full``, ``sslrootcert``, ``sslcert``, ``sslkey``) are honoured. A password is
never kept in settings: when the URL has none it comes from the system keyring when one is
installed (absent is normal), else libpq's own ``PGPASSWORD`` or ``~/.pgpass``.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from typing import Any

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from headway_journal import i18n

from ..db import JournalError

ENV_DATABASE = "HEADWAY_JOURNAL_DATABASE"
DRIVER = "postgresql+psycopg"
SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
KEYRING_SERVICE = "headway-journal"


def is_database_url(value: object) -> bool:
    """Whether ``value`` names a journal on a server rather than a folder."""
    return isinstance(value, str) and value.strip().lower().startswith(SCHEMES)


def parse_database_url(text: str) -> URL:
    """The SQLAlchemy URL (psycopg driver) of a ``postgresql://`` URL; JournalError if it is not
    one, with the URL shown without its password."""
    raw = text.strip()
    if raw.lower().startswith("postgres://"):
        raw = "postgresql://" + raw[len("postgres://"):]
    if not is_database_url(raw):
        raise JournalError(i18n.text("{url} is not a postgresql:// database URL.").format(
            url=shown_url(text)))
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise JournalError(i18n.text("The database URL {url} cannot be read ({error}).").format(
            url=shown_url(text), error=exc)) from None
    if not url.database:
        raise JournalError(i18n.text("The database URL {url} names no database "
                                     "(postgresql://user@host/DATABASE).").format(
                                         url=shown_url(text)))
    return url.set(drivername=DRIVER)


def shown_url(url: str | URL) -> str:
    """The URL for messages and titles: never its password."""
    if isinstance(url, URL):
        return url.set(drivername="postgresql").render_as_string(hide_password=True)
    try:
        return shown_url(make_url(url.strip().replace("postgres://", "postgresql://", 1)))
    except (ArgumentError, ValueError):
        head, _, tail = url.partition("@")
        return ("postgresql://***@" + tail) if tail else head.split("?")[0]


def keyring_name(url: URL) -> str:
    """The keyring entry of a server account: user@host:port/database (no password)."""
    host = url.host or str(url.query.get("host", "")) or "localhost"
    return f"{url.username or ''}@{host}:{url.port or 5432}/{url.database}"


def _keyring() -> Any:
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def password_from_keyring(url: URL) -> str | None:
    """The password kept in the system keyring for this account, if a keyring is there."""
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(KEYRING_SERVICE, keyring_name(url))
    except Exception:  # noqa: BLE001 - no backend (headless), locked: as if none were kept
        return None
    return value if isinstance(value, str) else None


def remember_password(url: URL, password: str) -> bool:
    """Keep ``password`` in the system keyring; False when there is none (nothing is written
    anywhere else)."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(KEYRING_SERVICE, keyring_name(url), password)
    except Exception:  # noqa: BLE001 - no usable backend
        return False
    return True


def with_password(url: URL, password: str | None = None) -> URL:
    """``url`` with ``password`` (given, or from the keyring when the URL has none)."""
    if password:
        return url.set(password=password)
    if url.password is None:
        kept = password_from_keyring(url)
        if kept:
            return url.set(password=kept)
    return url


def resolve_database(option: str | None) -> str | None:
    """The database URL from ``--database`` or else HEADWAY_JOURNAL_DATABASE (None: a folder)."""
    if option:
        return option
    env = os.environ.get(ENV_DATABASE, "").strip()
    return env or None


def without_password(url: URL) -> URL:
    """``url`` with no password in it (``URL.set(password=None)`` would keep it)."""
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query)


def remembered_url(text: str) -> str:
    """The URL as it may be kept in settings: the same server and options, no password."""
    url = without_password(parse_database_url(text)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def cache_name(url: URL) -> str:
    """A folder name of this user's local cache for one shared journal (thumbnails, print
    copies): the same for the same server account and database, whatever the password."""
    key = shown_url(without_password(url)).encode("utf-8")
    return hashlib.sha256(key).hexdigest()[:16]
