"""``encrypt``, ``decrypt`` and ``passphrase``: a locked journal on the command line, and the
unlocking every command does when its journal is locked.

The passphrase never comes from the arguments: ``--passphrase-file FILE`` (a global option),
``$HEADWAY_JOURNAL_PASSPHRASE_FILE``, or a prompt on the terminal (``crypto.passphrase_input``).
A new passphrase (``encrypt``, ``passphrase``, ``--encrypt``) comes from
``--new-passphrase-file FILE``, else (for ``encrypt`` and ``--encrypt``, where there is no old
one) the same sources, else a prompt asked twice. On a terminal a wrong passphrase is asked
again, waiting longer after the third (``keys.retry_delay``); from a file it is one line, exit 2.
Cheap to import: everything is loaded inside the handlers.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from headway_journal.journal.crypto.access import Unlocked

MAX_TRIES = 5
NO_RECOVERY = ("There is no way into an encrypted journal without its passphrase or its "
               "recovery key: keep the recovery key somewhere safe, away from this computer.")

# Replaced by tests (no real waiting); the terminal loop waits between wrong tries.
sleep: Callable[[float], None] = time.sleep


def add_commands(sub: Any) -> dict[str, Callable[[argparse.Namespace, Path], int]]:
    c = sub.add_parser(
        "encrypt", help="encrypt the journal under a passphrase (database, exhibits, backups)",
        description="Encrypt the journal: a backup first, the encrypted journal built beside "
                    "it and proven (it opens, every exhibit checked), then swapped in at once. "
                    "The passphrase comes from --new-passphrase-file, --passphrase-file, "
                    "$HEADWAY_JOURNAL_PASSPHRASE_FILE or a prompt asked twice. " + NO_RECOVERY)
    c.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the passphrase to set from FILE (its first line)")
    c.add_argument("--recovery-sheet", metavar="OUT.pdf",
                   help="also write the printable recovery sheet (with the recovery key) here")
    sub.add_parser(
        "decrypt", help="store the journal unencrypted again",
        description="Decrypt the journal: a backup first, the plain journal built beside it "
                    "and proven, then swapped in at once.")
    c = sub.add_parser(
        "passphrase", help="change the journal's passphrase",
        description="Change the passphrase of an encrypted journal (the current one from "
                    "--passphrase-file or a prompt, the new one from --new-passphrase-file or "
                    "a prompt asked twice). Nothing is re-encrypted; the recovery key keeps "
                    "working.")
    c.add_argument("--new-passphrase-file", metavar="FILE",
                   help="read the new passphrase from FILE (its first line)")
    return {"encrypt": cmd_encrypt, "decrypt": cmd_decrypt, "passphrase": cmd_passphrase}


# --- reading passphrases -------------------------------------------------------------------


def _read(option: str | None, prompt: str, **kw: Any) -> str:
    from headway_journal.cli import CliError
    from headway_journal.journal.crypto.passphrase_input import (
        PassphraseUnavailable,
        read_passphrase,
    )

    try:
        return read_passphrase(option, prompt=prompt, **kw)
    except PassphraseUnavailable as exc:
        raise CliError(str(exc)) from None


def _from_terminal(option: str | None, **kw: Any) -> bool:
    """Whether the passphrase will be typed on a terminal (no file given anywhere)."""
    from headway_journal.journal.crypto.passphrase_input import ENV_FILE

    env = os.environ if kw.get("environ") is None else kw["environ"]
    if option or env.get(ENV_FILE):
        return False
    interactive = kw.get("interactive")
    return bool(interactive if interactive is not None
                else sys.stdin is not None and sys.stdin.isatty())


def unlock(folder: Path, option: str | None, **kw: Any) -> Unlocked:
    """The keys of the locked journal in ``folder``: the passphrase from ``option``'s file,
    the environment's file or the terminal (asked again after a wrong one, up to MAX_TRIES)."""
    from headway_journal.journal.crypto import access
    from headway_journal.journal.crypto.keys import retry_delay

    tries = MAX_TRIES if _from_terminal(option, **kw) else 1
    for failures in range(tries):
        if failures:
            sleep(retry_delay(failures))
        passphrase = _read(option, f"Passphrase (or recovery key) for {folder.name}: ", **kw)
        try:
            return access.keys_by_passphrase(folder, passphrase)
        except access.WrongPassphrase:
            opened = _by_recovery_key(folder, passphrase)
            if opened is not None:
                return opened
            if failures + 1 >= tries:
                raise
            print("That passphrase does not open this journal; try again.", file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


def _by_recovery_key(folder: Path, text: str) -> Unlocked | None:
    """The recovery key typed (or given in the file) where the passphrase goes: it opens the
    journal too, and says to choose a new passphrase."""
    from headway_journal.journal.crypto import access

    try:
        opened = access.keys_by_recovery_key(folder, text)
    except access.WrongRecoveryKey:
        return None
    print("Opened with the recovery key; choose a new passphrase with "
          "'headway-journal passphrase'.", file=sys.stderr)
    return opened


def new_passphrase(option: str | None, fallback: str | None = None, **kw: Any) -> str:
    """A passphrase to set: from ``option``'s file, else ``fallback``'s (the global
    --passphrase-file), else the environment's file, else asked twice on the terminal."""
    from headway_journal.cli import CliError
    from headway_journal.journal.crypto.lockbox import check_new_passphrase

    source = option or fallback
    if source or not _from_terminal(None, **kw):
        chosen = _read(source, "New passphrase: ", **kw)
    else:
        chosen = _read(None, "New passphrase: ", **kw)
        again = _read(None, "The same passphrase again: ", **kw)
        if again != chosen:
            raise CliError("The two passphrases differ; nothing was changed.")
    try:
        check_new_passphrase(chosen)
    except ValueError as exc:
        raise CliError(f"{exc} Nothing was changed.") from None
    return chosen


# --- the commands ----------------------------------------------------------------------------


def _existing(folder: Path) -> None:
    from headway_journal.cli import CliError, echo_path
    from headway_journal.journal.db import DB_NAME

    if not (folder / DB_NAME).is_file():
        raise CliError(f"There is no journal at {echo_path(folder)}.")


def _show_recovery_key(folder: Path, recovery_key: str, sheet: str | None) -> None:
    print(f"Recovery key (shown once; write it down or print it): {recovery_key}")
    print(NO_RECOVERY)
    if sheet:
        from datetime import UTC, datetime

        from headway_journal.casefile.recovery_sheet import RecoverySheet, write_recovery_sheet
        from headway_journal.cli import out_path

        out = out_path(sheet)
        write_recovery_sheet(RecoverySheet(recovery_key=recovery_key,
                                           journal_location=str(folder), owner="",
                                           made_on=datetime.now(UTC)), out)
        print(f"Wrote the recovery sheet to {out}; print it and delete the file.")


def cmd_encrypt(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_OK, CliError
    from headway_journal.journal.crypto import access, convert

    _existing(folder)
    if access.is_locked(folder):
        raise CliError(f"The journal at {folder} is encrypted already (change its passphrase "
                       "with 'headway-journal passphrase').")
    passphrase = new_passphrase(args.new_passphrase_file, getattr(args, "passphrase_file", None))
    done = convert.encrypt_journal(folder, passphrase)
    print(f"Encrypted the journal in {folder} ({done.exhibits} exhibit files, {done.backups} "
          "backups). It now opens with its passphrase.")
    _show_recovery_key(folder, done.recovery_key, args.recovery_sheet)
    return EXIT_OK


def cmd_decrypt(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_OK, CliError
    from headway_journal.journal.crypto import access, convert

    _existing(folder)
    if not access.is_locked(folder):
        raise CliError(f"The journal at {folder} is not encrypted; nothing was changed.")
    opened = unlock(folder, getattr(args, "passphrase_file", None))
    done = convert.decrypt_journal(folder, opened.keys)
    print(f"Decrypted the journal in {folder} ({done.exhibits} exhibit files, {done.backups} "
          "backups). It is stored unencrypted now and opens without a passphrase.")
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_OK, CliError
    from headway_journal.journal.crypto import access

    _existing(folder)
    if not access.is_locked(folder):
        raise CliError(f"The journal at {folder} is not encrypted, so it has no passphrase "
                       "(encrypt it with 'headway-journal encrypt').")
    opened = unlock(folder, getattr(args, "passphrase_file", None))
    chosen = new_passphrase(args.new_passphrase_file)
    access.change_passphrase(folder, opened, chosen)
    print("Changed the passphrase; the recovery key still works.")
    return EXIT_OK


# --- for cli.open_journal ------------------------------------------------------------------


def keys_for_command(folder: Path, option: str | None, *, create: bool, encrypt: bool) -> Any:
    """The keys a command opens ``folder`` with: None for a plain journal (or a new one
    without ``--encrypt``), the unlocked keys of a locked one (asked once per process), or
    for ``--encrypt`` on a journal that does not exist yet, a new lockbox's."""
    from headway_journal.cli import CliError
    from headway_journal.journal.crypto import access, unlocked
    from headway_journal.journal.db import DB_NAME
    from headway_journal.journal.fsutil import make_private_dir

    exists = (folder / DB_NAME).is_file() and (folder / DB_NAME).stat().st_size > 0
    if access.is_locked(folder):
        known = unlocked.keys_for(folder)
        return known if known is not None else unlock(folder, option).keys
    if not encrypt:
        return None
    if exists:
        raise CliError(f"The journal at {folder} already exists unencrypted; encrypt it with "
                       "'headway-journal encrypt'.")
    if not create:
        return None
    make_private_dir(folder)
    opened, recovery = access.create_lock(folder, new_passphrase(None, option))
    _show_recovery_key(folder, recovery, None)
    return opened.keys


def unlock_backup_file(folder: Path, backup: Path) -> None:
    """Restoring ``backup`` into a locked journal: it is read with the journal's keys (asked
    for here), so only the right passphrase restores it."""
    from headway_journal.journal.crypto import access, unlocked

    if access.is_locked(folder):
        keys = keys_for_command(folder, _option(), create=False, encrypt=False)
        unlocked.remember(backup, keys)


def _option() -> str | None:
    from headway_journal.cli import passphrase_file_option

    return passphrase_file_option()
