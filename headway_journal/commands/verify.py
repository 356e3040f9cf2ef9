"""``headway-journal verify FILE``: is a case file (PDF) or an export (JSON) unchanged, and does
it match the journal?

A PDF: its signature and document digest, then, when the journal exists, each entry against
the journal's hash chain. A JSON export: its own chain seal, then the same comparison. Exit 0:
unchanged and matching; 1: changed, not signed, or not matching this journal; 2: bad input.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["add_commands"]


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]
                 ) -> dict[str, Callable[[argparse.Namespace, Path], int]]:
    v = sub.add_parser(
        "verify", help="check a signed case file (PDF) or an export (JSON) against the journal",
        description="Check that a case file PDF is unchanged since it was signed (and by whom "
                    "it says it was signed), or that an exported JSON file is unchanged; when "
                    "the journal exists, compare its entries with the journal's hash chain. "
                    "Exit 0: unchanged and matching; 1: changed, unsigned or not matching.")
    v.add_argument("file", metavar="FILE")
    v.add_argument("--no-journal", action="store_true",
                   help="check the file alone, without comparing it with the journal")
    return {"verify": cmd_verify}


def _read(file: str) -> bytes:
    from headway_journal.cli import CliError, echo_path

    path = Path(file)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{echo_path(path)}: no such file.") from None
    except IsADirectoryError:
        raise CliError(f"{echo_path(path)} is a folder, not a file.") from None
    except OSError as exc:
        raise CliError(f"{echo_path(path)} cannot be read: {exc.strerror or exc}.") from None


def _checker(data: bytes) -> Callable[[bytes, Any], Any] | None:
    """The check for this kind of file: a JSON export's or a PDF case file's."""
    if data.lstrip()[:1] in (b"{", b"["):
        from headway_journal.journal.interchange.chain_seal import verify_export

        return verify_export
    if data.startswith(b"%PDF-"):
        from headway_journal.casefile.signing.verify import verify_casefile

        return verify_casefile
    return None


def cmd_verify(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_DAMAGED, EXIT_OK, CliError, echo, echo_path, open_journal
    from headway_journal.journal.db import DB_NAME

    data = _read(args.file)
    check = _checker(data)
    if check is None:
        raise CliError(f"{echo_path(args.file)} is neither a PDF case file nor a JSON export.")
    use_journal = not args.no_journal and (folder / DB_NAME).is_file()
    if use_journal:
        with open_journal(folder, read_only=True) as svc:
            result = check(data, svc)
    else:
        result = check(data, None)
    print(f"{echo_path(args.file)}: {echo(result.summary(), None)}")
    for line in [*result.lines, *result.problems]:
        print(f"  - {echo(line, None)}")
    if not use_journal and not args.no_journal:
        print(f"  - Not compared with a journal: there is none at {echo_path(folder)}.")
    return EXIT_OK if result.ok else EXIT_DAMAGED
