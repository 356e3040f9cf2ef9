"""Starting the window from the command line (``headway-journal`` with no command).

Kept apart from ``cli`` (the commands' parser and runner); the window's own modules are
loaded only here, and only when it starts.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headway_journal.cli import PROG, CliError, database_url

if TYPE_CHECKING:  # pragma: no cover - types only
    from headway_journal.ui.early_open import EarlyOpen

__all__ = ["run_window"]


def run_window(args: argparse.Namespace, journal: Path | None, open_file: str | None) -> int:
    """The window on ``journal`` (a demo, a shared journal's URL from the options, or ``open_file``
    offered in it); its exit code. The journal is opened, and its first read started, before
    PySide6 is loaded when nothing about it needs the user (``ui.early_open``)."""
    url = database_url(args)
    early = None
    if not args.demo and url is None:
        from headway_journal.journal.interrupts import Interrupted, catch_interrupts

        try:
            # Until the window's own handling of quit signals is installed (ui.shutdown), a
            # logout or Ctrl+C while the journal is already open closes it cleanly and ends
            # the start as File > Quit would (status 0), instead of killing the process.
            with catch_interrupts():
                from headway_journal.ui.early_open import open_early

                early = open_early(journal)  # its first read runs while PySide6 loads
                run_gui = _window_module(early)
        except Interrupted:
            if early is not None:
                early.close()
            return 0
    else:
        run_gui = _window_module(None)
    run: Callable[..., Any] = run_gui
    if url is not None:  # a shared journal's window
        if args.demo:
            raise CliError("--demo fills a journal folder; it cannot be used with --database.")
        if open_file is not None:
            return int(run(None, database=url, open_file=open_file))
        return int(run(None, database=url))
    options: dict[str, Any] = {} if early is None else {"early": early}
    if open_file is not None:
        options["open_file"] = open_file
    return int(run(journal, demo=bool(args.demo and journal is None), **options))


def _window_module(early: EarlyOpen | None) -> Callable[..., Any]:
    """``ui.app.run_gui`` (PySide6 loads here); a clear error when the window cannot load, the
    early-opened journal closed first."""
    try:
        from headway_journal.ui.app import run_gui
    except BaseException as exc:
        if early is not None:
            early.close()
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            if exc.name.startswith("PySide6"):
                raise CliError("The window needs PySide6, which is not installed; the "
                               f"commands still work (see '{PROG} --help').") from None
            if exc.name.startswith("headway_journal"):
                raise CliError("The window is not available yet in this version; the "
                               f"commands work (see '{PROG} --help').") from None
        raise
    return run_gui
