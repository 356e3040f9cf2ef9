"""Where the command line gets a locked journal's passphrase: never from its own arguments.

In order: ``--passphrase-file FILE``, then ``$HEADWAY_JOURNAL_PASSPHRASE_FILE``, then a prompt
on the terminal (echo off). A script without a terminal and without a file is refused in one
line rather than left waiting for input. A passphrase file holds the passphrase on its first
line (a final newline is not part of it); it should be readable by its owner alone, and one
that others can read is refused on POSIX systems.
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from ... import platform

__all__ = ["ENV_FILE", "PassphraseUnavailable", "read_passphrase"]

ENV_FILE = "HEADWAY_JOURNAL_PASSPHRASE_FILE"
MAX_FILE_BYTES = 4096


class PassphraseUnavailable(ValueError):
    """No passphrase could be had (no file, no terminal, an unsafe or unreadable file)."""


def _from_file(path: Path) -> str:
    try:
        info = path.stat()
        if platform.has_file_modes() and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise PassphraseUnavailable(
                f"The passphrase file {path} can be read by other users; make it private "
                f"(chmod 600 {path}).")
        if info.st_size > MAX_FILE_BYTES:
            raise PassphraseUnavailable(f"{path} is too big to be a passphrase file.")
        raw = path.read_bytes()
    except OSError as exc:
        raise PassphraseUnavailable(
            f"Cannot read the passphrase file {path}: {exc.strerror or exc}.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseUnavailable(f"The passphrase file {path} is not UTF-8 text.") from None
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first:
        raise PassphraseUnavailable(f"The passphrase file {path} is empty.")
    return first


def read_passphrase(option: str | None, *, prompt: str = "Passphrase: ",
                    environ: Mapping[str, str] | None = None,
                    ask: Callable[[str], str] = getpass.getpass,
                    interactive: bool | None = None) -> str:
    """The passphrase, from the option's file, the environment's file, or the terminal."""
    env = os.environ if environ is None else environ
    if option:
        return _from_file(Path(option).expanduser())
    if env.get(ENV_FILE):
        return _from_file(Path(env[ENV_FILE]).expanduser())
    if interactive is None:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    if not interactive:
        raise PassphraseUnavailable(
            "This journal is locked: give its passphrase with --passphrase-file FILE or "
            f"${ENV_FILE} (there is no terminal to ask on).")
    try:
        answer = ask(prompt)
    except (EOFError, KeyboardInterrupt):
        raise PassphraseUnavailable("No passphrase was given.") from None
    if not answer:
        raise PassphraseUnavailable("No passphrase was given.")
    return answer
