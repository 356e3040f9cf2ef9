"""``python -m headway_journal`` and the ``headway-journal`` / ``headway-journal-gui`` scripts.

Deliberately tiny: the command line (headway_journal.cli) imports what a command needs when it
runs, and the GUI (PySide6) is loaded only when no command is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from headway_journal.cli import main as cli_main
    from headway_journal.short_run import as_program, leave_garbage_to_exit

    if argv is None:  # the program itself (not a caller passing arguments): exits after
        as_program()
    code = cli_main(argv)
    if argv is None:
        leave_garbage_to_exit()
    return code


if __name__ == "__main__":
    sys.exit(main())
