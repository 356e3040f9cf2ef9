"""``headway-journal add-email CASE FILE [FILE ...]``: e-mails (.eml, Outlook .msg, .mbox) into
a case, each message an e-mail contact with its attachments and the original message as
exhibits (``journal.capture.email_import``). Cheap to import: the work is loaded in the handler.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["add_commands", "cmd_add_email"]


def add_commands(sub: Any) -> dict[str, Callable[[argparse.Namespace, Path], int]]:
    c = sub.add_parser(
        "add-email",
        help="log e-mails (.eml, Outlook .msg, .mbox) in a case: each message becomes an e-mail "
             "contact with its attachments and the original message as exhibits; a message "
             "already in the case is skipped")
    c.add_argument("case", metavar="CASE", help="the case's key or number")
    c.add_argument("files", metavar="FILE", nargs="+", help="message files (.eml, .msg, .mbox)")
    return {"add-email": cmd_add_email}


def cmd_add_email(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_OK, CliError, echo, echo_path, open_journal
    from headway_journal.journal.capture.email_import import (
        UndatedMessage,
        import_email_file,
    )
    from headway_journal.journal.capture.email_parse import EmailError
    from headway_journal.journal.exhibits import AttachmentError
    from headway_journal.journal.profile import own_addresses
    from headway_journal.journal.service import ServiceError

    paths = [Path(f).expanduser() for f in args.files]
    for path in paths:
        if not path.is_file():
            raise CliError(f"{echo_path(path)} is not a file; nothing was added.")
    with open_journal(folder, writes=True) as svc:
        case_id = svc.find_case(args.case)
        own = own_addresses(svc.profile())
        known = svc.captured_refs(case_id)
        added = skipped = 0
        for path in paths:
            try:
                ids, skip = import_email_file(svc, case_id, path, own=own, known=known)
            except UndatedMessage as exc:
                raise CliError(_failed(path, added, skipped, echo(str(exc), 300)
                                       + " Log it by hand with the date it was received.")
                               ) from None
            except (EmailError, ServiceError, AttachmentError) as exc:
                raise CliError(_failed(path, added, skipped, echo(str(exc), 300))) from None
            added += len(ids)
            skipped += skip
            print(f"{echo_path(path)}: added {len(ids)}, skipped {skip} already in the journal")
    print(f"Added {added} e-mail contact{'s' if added != 1 else ''} to case {echo(args.case)}"
          + (f"; skipped {skipped} already in the journal." if skipped else "."))
    return EXIT_OK


def _failed(path: Path, added: int, skipped: int, problem: str) -> str:
    from headway_journal.cli import echo_path

    before = (f" (the files before it were added: {added} contacts, {skipped} skipped)"
              if added or skipped else "")
    return f"{echo_path(path)}: {problem}{before}"
