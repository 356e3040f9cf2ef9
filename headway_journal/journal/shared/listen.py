"""Hearing about other people's changes to a shared journal (PostgreSQL LISTEN/NOTIFY).

Migration 0009's triggers send ``NOTIFY headway_journal, '<table>'`` once per statement that
changes a table. ``ChangeListener`` keeps one connection of its own listening, on a thread, and
calls ``changed(table)`` for each notification, ``offline(message)`` when the connection is
lost (the server or the network is down) and ``online()`` when it is back; it reconnects every
``RETRY_S`` seconds meanwhile. Callbacks run on the listener's thread: the window hands them to
its own (``ui.shared_journal``). Qt-free.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import URL

CHANNEL = "headway_journal"
RETRY_S = 3.0
WAIT_S = 0.5  # how long one wait for notifications lasts (how soon ``stop`` is noticed)


class ChangeListener:
    def __init__(self, url: URL, changed: Callable[[str], None],
                 offline: Callable[[str], None] = lambda _m: None,
                 online: Callable[[], None] = lambda: None) -> None:
        self.url = url
        self.changed = changed
        self.offline = offline
        self.online = online
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.is_offline = False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="headway-listen", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _connect(self) -> Any:
        import psycopg

        params = self.url.translate_connect_args(username="user", database="dbname")
        params.update({k: v for k, v in self.url.query.items() if isinstance(v, str)})
        con = psycopg.connect(**params, autocommit=True, connect_timeout=10,
                              application_name="headway-journal-listen")
        con.execute(f"LISTEN {CHANNEL}")
        return con

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                con = self._connect()
            except psycopg.Error as exc:
                self._went_offline(str(exc))
                self._stop.wait(RETRY_S)
                continue
            if self.is_offline:
                self.is_offline = False
                self.online()
            try:
                self._listen(con)
            except psycopg.Error as exc:
                self._went_offline(str(exc))
            finally:
                con.close()

    def _listen(self, con: Any) -> None:
        while not self._stop.is_set():
            seen: set[str] = set()
            for note in con.notifies(timeout=WAIT_S, stop_after=50):
                seen.add(note.payload)
            for table in sorted(seen):
                self.changed(table)

    def _went_offline(self, message: str) -> None:
        if not self.is_offline and not self._stop.is_set():
            self.is_offline = True
            self.offline(" ".join(message.split())[:200])
