"""``python -m headway_journal.l10n extract|compile|check [LANG]`` (docs/translating.md)."""

from __future__ import annotations

import sys

from .catalogs import compile_all
from .extract import languages, untranslated, update_catalogs


def main(argv: list[str] | None = None) -> int:
    """Run one step of the translation workflow; 1 when something needs attention."""
    args = sys.argv[1:] if argv is None else argv
    step = args[0] if args else "check"
    if step == "extract":
        problems = update_catalogs()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if step == "compile":
        for path in compile_all():
            print(path)
        return 0
    if step == "check":
        missing = [f"{lang}: {m}" for lang in (args[1:] or languages())
                   for m in untranslated(lang)]
        for line in missing:
            print(line)
        return 1 if missing else 0
    print("usage: python -m headway_journal.l10n extract|compile|check [LANG]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
